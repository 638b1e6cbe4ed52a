#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-cluster.sh [--storage DIR] [--script FILE] [--timeout S] [--smp N]
#                [--mem SIZE] [--append "ARGS"]
#
# `make run-cluster`: a Lego cluster on this machine, on loopback only.
#
#   processor VM  node 1, the default image's busybox shell on the serial
#                 console (this terminal), lego.peers=memory:2,storage:3,
#                 the storage mounted at lego.storage_mount= (STORAGE_MOUNT,
#                 default /mnt/storage: fs/rfs.c)
#   memory VM     node 2 (lego.role=memory), the processor's remote memory
#   lego-storaged node 3, serving DIR (--storage or STORAGE=, default
#                 build/cluster-storage, made if missing)
#
# Each VM's virtio-net device is a QEMU -netdev dgram whose local and
# remote UDP endpoints are on 127.0.0.1; the three ends meet in
# lego-netshim, a learning hub (no loss).  When the processor exits
# (`poweroff`), everything started here is stopped; so it is when this
# script is interrupted.
#
# Interactive when stdin is a terminal.  Otherwise (or with --script FILE,
# or CI=true) it is a batch run: the lines of FILE (default: stdin) are
# typed into the processor's shell once it shows its prompt, followed by
# `poweroff`, and the run ends within --timeout seconds (default 300;
# 0: none, the default when interactive).
#
# The logs of the memory VM, lego-storaged and the hub go to CLUSTER_LOGS
# (default build/cluster/); the processor's console to stdout.  Ports are
# CLUSTER_PORT (default: from the pid) to CLUSTER_PORT+5.
# ACCEL=kvm as for `make run`; --append adds kernel arguments on the
# processor (e.g. lego.cache_pages=256).
set -u
cd "$(dirname "$0")/.."
top=$PWD
build=${BUILD:-build}
storage=${STORAGE:-$build/cluster-storage}
storage_mount=${STORAGE_MOUNT:-/mnt/storage}
script= timeout= smp=1 mem=256M append=
while [ $# -gt 0 ]; do
	case $1 in
	--storage) storage=$2; shift 2 ;;
	--script) script=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	-h|--help) sed -n '3,31p' "$0"; exit 0 ;;
	*) echo "run-cluster.sh: unknown option $1" >&2; exit 2 ;;
	esac
done

batch=0
if [ -n "$script" ] || [ "${CI:-}" = true ] || [ ! -t 0 ]; then
	batch=1
fi
[ -n "$timeout" ] || timeout=$((batch ? 300 : 0))
logs=${CLUSTER_LOGS:-$build/cluster}
tools=$top/$build/tools
initrd=$build/initramfs.cpio
mkdir -p "$logs" "$storage" || exit 1
for f in vmlego "$initrd" "$tools/lego-storaged" "$tools/lego-netshim"; do
	[ -e "$f" ] || { echo "run-cluster.sh: no $f (make run-cluster builds it)" >&2; exit 2; }
done

# Ports: processor 0, memory VM 1, lego-storaged 2; the hub's 3, 4, 5.
base=${CLUSTER_PORT:-$((30000 + ($$ * 8) % 20000))}
p_cpu=$base p_mem=$((base + 1)) p_sto=$((base + 2))
h_cpu=$((base + 3)) h_mem=$((base + 4)) h_sto=$((base + 5))

# netdev, bg, wait_for, stop_groups
. scripts/lego-vms.sh
cleanup() {
	stop_groups
	[ -n "${fifo:-}" ] && rm -f "$fifo"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

bg "$logs/netshim.log" "$tools/lego-netshim" --port "$h_cpu=$p_cpu" --port "$h_mem=$p_mem" \
	--port "$h_sto=127.0.0.1:$p_sto"
bg "$logs/storaged.log" "$tools/lego-storaged" --root "$storage" --node 3 \
	--udp "127.0.0.1:$p_sto" --peer "127.0.0.1:$h_sto"
bg "$logs/memory.log" scripts/qemu-run.sh --initrd "$initrd" --timeout 0 \
	--append "lego.role=memory lego.node=2" -- $(netdev n0 "$p_mem" "$h_mem" 52:54:00:4c:00:02)
wait_for "$logs/storaged.log" "serving" 10 ||
	{ echo "run-cluster.sh: lego-storaged did not start: $(tail -n 2 "$logs/storaged.log")" >&2; exit 1; }
wait_for "$logs/memory.log" "memory component ready" 120 ||
	{ echo "run-cluster.sh: the memory VM did not start: $(tail -n 2 "$logs/memory.log")" >&2; exit 1; }
echo "run-cluster: memory VM (node 2) and lego-storaged (node 3, $storage) are up; logs in $logs/" >&2

cpu=(scripts/qemu-run.sh --initrd "$initrd" --smp "$smp" --mem "$mem" --timeout "$timeout"
     --append "lego.node=1 lego.peers=memory:2,storage:3 lego.storage_mount=$storage_mount $append"
     -- $(netdev n0 "$p_cpu" "$h_cpu" 52:54:00:4c:00:01))
if [ $batch = 0 ]; then
	"${cpu[@]}"
	exit $?
fi

# Batch: the console is read back from a log to know when the shell is
# ready; the commands go in through a FIFO held open until poweroff.
fifo=$logs/processor.in
console=$logs/processor.console
rm -f "$fifo" && mkfifo "$fifo" || exit 1
: > "$console"
setsid "${cpu[@]}" < "$fifo" > "$console" 2>&1 &
cpu_pid=$!
pgids+=($cpu_pid)
exec 3> "$fifo"
tail -n +1 -f --pid=$cpu_pid "$console" &
tail_pid=$!
if ! wait_for "$console" 'lego:~# ' 180; then
	echo "run-cluster.sh: no shell prompt on the processor" >&2
	exit 1
fi
if [ -n "$script" ]; then cat -- "$script"; else cat; fi >&3
echo poweroff >&3
wait $cpu_pid
rc=$?
exec 3>&-
wait $tail_pid 2>/dev/null
exit $rc
