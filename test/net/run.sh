#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test/net/run.sh [OUTDIR]: the disaggregation tests, on loopback only.
# Lego VMs with a virtio-net device (QEMU -netdev dgram, each UDP datagram
# one Ethernet frame) talk to lego-storaged, to a memory VM, and through
# lego-netshim (a hub that loses, duplicates, reorders and corrupts frames):
#   net/storage/...   processor VM <-> lego-storaged: every storage request;
#                     the host directory shows what the VM did, and the VM
#                     reads what the host put there
#   net/mem/...       processor VM <-> memory VM: pages out and back
#   net/rmem/...      a program using more memory than the processor's
#                     cache (lego.cache_pages=256): its pages live on the
#                     memory VM; every byte checked, results as a local run
#   net/lossy/...     all three through a hub dropping 5% of frames: the
#                     same results, every handler run exactly once, many
#                     calls in flight from two CPUs; net/lossy-rmem/...
#                     remote memory through it, the same bytes
#   net/restart/...   lego-storaged killed with a call pending: pending and
#                     new calls fail within their bound; restarted, it
#                     serves again and no acknowledged write is lost
#   net/latency/...   round trips (reported, not judged)
#   net/storage-vm/...  the storage checks against a Lego storage VM
#   net/run-cluster/... make run-cluster in batch mode: pings, remote memory,
#                     nothing left running
#   net/rfs*/...      the remote file system at /mnt/storage (test/net/rfs.sh;
#                     NET_ONLY=rfs runs only these)
# Every process started here is in its own process group and killed on
# exit; every wait is bounded.
set -u
cd "$(dirname "$0")/../.."
top=$PWD
out=${1:-build/test}/net
mkdir -p "$out"
work=$(mktemp -d)
# netdev, bg, wait_for, stop_groups
. scripts/lego-vms.sh

cleanup() {
	stop_groups
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# Ports: a block of 32 from the pid, away from the ephemeral range's start.
base=$((20000 + ($$ * 32) % 20000))
port() { echo $((base + $1)); }

# ---------------------------------------------------------------- build
tools=$top/build/tools
if ! make -s -C tools/lego-storaged O="$tools" > "$out/build.log" 2>&1 ||
   ! make -s -C tools/lego-netshim O="$tools" >> "$out/build.log" 2>&1; then
	fail net/build "tools: $(grep -m1 -i error "$out/build.log")"
	exit 1
fi
if ! musl-gcc -static -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-unused-function -fno-pie -no-pie -fno-stack-protector \
	-Itest/user -Itest/include -Iinclude -Inet -o "$out/netprog" test/net/netprog.c net/storage_client.c \
	>> "$out/build.log" 2>&1; then
	fail net/build "netprog: $(grep -m1 error "$out/build.log")"
	exit 1
fi
if ! musl-gcc -static -O2 -g -Wall -Wextra -Werror -o "$out/rmem" test/net/rmem.c \
	>> "$out/build.log" 2>&1; then
	fail net/build "rmem: $(grep -m1 error "$out/build.log")"
	exit 1
fi
if ! musl-gcc -static -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -fno-pie -no-pie \
	-Itest/user -Itest/include -o "$out/rfstest" test/net/rfstest.c >> "$out/build.log" 2>&1; then
	fail net/build "rfstest: $(grep -m1 error "$out/build.log")"
	exit 1
fi
scripts/mkinitramfs.sh "$out/netprog.cpio" "$out/netprog:/netprog" > /dev/null
# The remote file system's image: busybox with a link per applet (as the
# default image), rfstest and the shell session.
rfs_links=()
for l in $(/bin/busybox --list-full); do
	[ "$l" = bin/busybox ] || rfs_links+=(--link "/bin/busybox:/$l")
done
scripts/mkinitramfs.sh "$out/rfs.cpio" /bin/busybox:/bin/busybox "$out/rfstest:/rfstest" \
	test/net/rfs-session.sh:/rfs-session.sh test/net/rfs-exec.sh:/rfs-exec.sh "${rfs_links[@]}" \
	--mkdir /proc --mkdir /dev --mkdir /tmp > /dev/null
scripts/mkinitramfs.sh "$out/rmem.cpio" "$out/rmem:/rmem" > /dev/null
[ -f vmlego ] || { fail net/build "no vmlego: build the kernel first"; exit 1; }
pass net/build

# ---------------------------------------------------------------- helpers
# stop PID: ends a background job's whole process group.
stop() {
	kill -TERM -- "-$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# A served directory with what the storage checks expect in it.
mkroot() {
	rm -rf "$1"
	mkdir -p "$1"
	printf 'hello from the host\n' > "$1/host.txt"
	echo bye > "$1/to-delete.txt"
	ln -s /etc "$1/abs-link"
	ln -s ../../../../../../../../etc/passwd "$1/rel-link"
	ln -s host.txt "$1/inner-link"
	mkfifo "$1/fifo"
}

# daemon DIR PORT LOG: lego-storaged serving DIR as node 3 on PORT.
daemon() {
	bg "$3" "$tools/lego-storaged" --root "$1" --node 3 --udp "127.0.0.1:$2"
	wait_for "$3" "serving" 5 || fail net/daemon "lego-storaged did not start: $(cat "$3")"
}

# memory_vm LOCAL REMOTE LOG: a memory component, node 2, in the background.
memory_vm() {
	bg "$3" scripts/qemu-run.sh --initrd "$out/netprog.cpio" \
		--append "lego.role=memory lego.node=2" --timeout 600 \
		-- $(netdev n0 "$1" "$2" 52:54:00:4c:00:02)
	mem_pid=$last_pid
	wait_for "$3" "memory component ready" 60 ||
		fail net/memory-vm "the memory VM did not come up: $(tail -n 3 "$3")"
}

# processor TAG LOCAL REMOTE TIMEOUT PEERS ARGS [SMP]: the processor VM,
# node 1, running netprog ARGS.
processor() {
	local tag=$1 log=$out/$1.log rc
	scripts/qemu-run.sh --initrd "$out/netprog.cpio" --timeout "$4" --smp "${7:-1}" \
		--append "rdinit=/netprog lego.node=1 lego.peers=$5 -- $6" \
		-- $(netdev n0 "$2" "$3" 52:54:00:4c:00:01) > "$log" 2>&1
	rc=$?
	results "$tag" "$log" "$rc"
}

# results TAG LOG RC: netprog's lines (renamed net/TAG/... when TAG is not
# their own category, as for the lossy run), and the kernel's health.
results() {
	tr -d '\r' < "$2" | grep -aE '^(PASS|FAIL) net/' |
		sed -E "/^(PASS|FAIL) net\/$1\//!s#^(PASS|FAIL) net/#\1 net/$1/#"
	grep -aqE '^(PASS|FAIL) net/' "$2" || fail "net/$1" "no results (qemu-run status $3)"
	[ "$3" = 0 ] || fail "net/$1/status" "qemu-run status $3"
	if grep -aqE 'Kernel panic|BUG:|Oops|WARNING:' "$2"; then
		fail "net/$1/kernel" "$(grep -a -m1 -E 'Kernel panic|BUG:|Oops|WARNING:' "$2")"
	fi
}

# host_checks TAG DIR: what the storage checks left in the served directory.
host_checks() {
	local d=$2
	[ "$(cat "$d/from-lego.txt" 2>/dev/null)" = "written by lego" ] &&
		pass "net/$1/host-sees-created-file" ||
		fail "net/$1/host-sees-created-file" "from-lego.txt: $(cat "$d/from-lego.txt" 2>&1)"
	[ "$(stat -c %s "$d/dir1/renamed.txt" 2>/dev/null)" = 5 ] &&
	[ "$(head -c 5 "$d/dir1/renamed.txt")" = writt ] &&
	[ "$(stat -c %a "$d/dir1/renamed.txt")" = 640 ] &&
		pass "net/$1/host-sees-renamed-truncated" ||
		fail "net/$1/host-sees-renamed-truncated" "$(ls -l "$d/dir1" 2>&1 | tr '\n' ' ')"
	[ ! -e "$d/to-delete.txt" ] && [ ! -e "$d/dir1/new.txt" ] && [ ! -e "$d/dir1/sub" ] &&
		pass "net/$1/host-sees-removals" ||
		fail "net/$1/host-sees-removals" "$(ls -R "$d" | tr '\n' ' ')"
	[ "$(cat "$d/host.txt")" = "hello from the host" ] &&
		pass "net/$1/host-file-intact" || fail "net/$1/host-file-intact" "host.txt changed"
	# Nothing was made beside the served directory.
	[ "$(ls "$(dirname "$d")" | wc -l)" = 1 ] &&
		pass "net/$1/nothing-outside" ||
		fail "net/$1/nothing-outside" "$(ls "$(dirname "$d")" | tr '\n' ' ')"
}

# kill_and_restart LOG PENDING SECONDS DOWN DIR PORT DLOG: once LOG shows
# PENDING, and SECONDS later, lego-storaged ($sd) is killed; once LOG
# shows DOWN, it is started again serving DIR on PORT ($sd the new one).
kill_and_restart() {
	wait_for "$1" "$2" 120 || return
	sleep "$3"
	kill -KILL -- "-$sd" 2>/dev/null
	wait "$sd" 2>/dev/null
	wait_for "$1" "$4" 120 || return
	daemon "$5" "$6" "$7"
	sd=$last_pid
}

stats_line() {	# stats_line LOG: netprog's counters
	tr -d '\r' < "$1" | grep -a '^NET-STATS' | tail -n1
}

# NET_ONLY=rfs: only the remote file system's sections (test/net/rfs.sh).
if [ "${NET_ONLY:-}" = rfs ]; then
	. test/net/rfs.sh
	exit 0
fi

# ---------------------------------------------------------------- storage
root=$work/storage/root
mkroot "$root"
daemon "$root" "$(port 1)" "$out/storaged.log"
processor storage "$(port 0)" "$(port 1)" 180 storage:3 "storage 3 count 3 50"
stop "$last_pid"
host_checks storage "$root"

# ---------------------------------------------------------------- memory
memory_vm "$(port 3)" "$(port 2)" "$out/memory-vm.log"
processor mem "$(port 2)" "$(port 3)" 180 memory:2 "mem 2 count 2 50"
stop "$mem_pid"
grep -aqE 'Kernel panic|BUG:|Oops|WARNING:' "$out/memory-vm.log" &&
	fail net/mem/memory-kernel "$(grep -a -m1 -E 'Kernel panic|BUG:|Oops|WARNING:' "$out/memory-vm.log")"

# ---------------------------------------------------------------- rmem
# Remote memory: 2048 pages touched with 256 cached; the same program on
# a processor with no memory component gives the same RMEM-SUM.
rmem_pages=2048
scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 180 \
	--append "rdinit=/rmem -- $rmem_pages" > "$out/rmem-local.log" 2>&1
rc=$?
results rmem-local "$out/rmem-local.log" "$rc"
memory_vm "$(port 15)" "$(port 14)" "$out/rmem-memory-vm.log"
log=$out/rmem.log
scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 300 --smp 2 \
	--append "rdinit=/rmem lego.node=1 lego.peers=memory:2 lego.cache_pages=256 -- $rmem_pages remote" \
	-- $(netdev n0 "$(port 14)" "$(port 15)" 52:54:00:4c:00:01) > "$log" 2>&1
rc=$?
stop "$mem_pid"
results rmem "$log" "$rc"
grep -aqE 'Kernel panic|BUG:|Oops|WARNING:' "$out/rmem-memory-vm.log" &&
	fail net/rmem/memory-kernel "$(grep -a -m1 -E 'Kernel panic|BUG:|Oops|WARNING:' "$out/rmem-memory-vm.log")"
sum_local=$(tr -d '\r' < "$out/rmem-local.log" | grep -a '^RMEM-SUM' | tail -n1)
sum_remote=$(tr -d '\r' < "$log" | grep -a '^RMEM-SUM' | tail -n1)
[ -n "$sum_local" ] && [ "$sum_local" = "$sum_remote" ] &&
	pass net/rmem/same-as-local ||
	fail net/rmem/same-as-local "local '$sum_local', remote '$sum_remote'"
echo "# rmem, $rmem_pages pages through a 256-page cache: $(tr -d '\r' < "$log" | grep -a '^RMEM-STATS' | tail -n1)"

# ---------------------------------------------------------------- lossy
# processor (4) -- hub -- memory VM (6), lego-storaged (8).
root=$work/lossy/root
mkroot "$root"
daemon "$root" "$(port 8)" "$out/lossy-storaged.log"
sd=$last_pid
bg "$out/lossy-shim.log" "$tools/lego-netshim" --drop 5 --dup 2 --reorder 3 --corrupt 1 \
	--seed $$ --port "$(port 5)=$(port 4)" --port "$(port 7)=$(port 6)" \
	--port "$(port 9)=$(port 8)"
shim=$last_pid
memory_vm "$(port 6)" "$(port 7)" "$out/lossy-memory-vm.log"
processor lossy "$(port 4)" "$(port 5)" 400 memory:2,storage:3 \
	"storage 3 mem 2 count 3 200 count 2 200 parallel 3 40 parallel 2 40" 2
# Remote memory over the same bad link: the same bytes as a local run.
scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 400 \
	--append "rdinit=/rmem lego.node=1 lego.peers=memory:2 lego.cache_pages=256 -- 512 remote" \
	-- $(netdev n0 "$(port 4)" "$(port 5)" 52:54:00:4c:00:01) > "$out/lossy-rmem.log" 2>&1
results lossy-rmem "$out/lossy-rmem.log" $?
scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 180 \
	--append "rdinit=/rmem -- 512" > "$out/rmem-local-512.log" 2>&1
a=$(tr -d '\r' < "$out/rmem-local-512.log" | grep -a '^RMEM-SUM' | tail -n1)
b=$(tr -d '\r' < "$out/lossy-rmem.log" | grep -a '^RMEM-SUM' | tail -n1)
[ -n "$a" ] && [ "$a" = "$b" ] && pass net/lossy-rmem/same-as-local ||
	fail net/lossy-rmem/same-as-local "local '$a', lossy '$b'"
stop "$mem_pid"
stop "$sd"
stop "$shim"
host_checks lossy "$root"
s=$(stats_line "$out/lossy.log")
echo "# lossy link: $s; $(tail -n1 "$out/lossy-shim.log")"
r=$(sed -n 's/.*retransmits \([0-9]*\).*/\1/p' <<< "$s")
[ "${r:-0}" -gt 0 ] && pass net/lossy/retransmitted ||
	fail net/lossy/retransmitted "no retransmission on a lossy link: $s"

# ---------------------------------------------------------------- restart
root=$work/restart/root
mkroot "$root"
daemon "$root" "$(port 11)" "$out/restart-storaged-1.log"
sd=$last_pid
log=$out/restart.log
bg "$log" scripts/qemu-run.sh --initrd "$out/netprog.cpio" --timeout 300 \
	--append "rdinit=/netprog lego.node=1 lego.peers=storage:3 -- restart 3" \
	-- $(netdev n0 "$(port 10)" "$(port 11)" 52:54:00:4c:00:01)
vm=$last_pid
# The call is in the daemon's hands (ACKed) 2 s after NET-PENDING.
kill_and_restart "$log" NET-PENDING 2 NET-DOWN "$root" "$(port 11)" "$out/restart-storaged-2.log"
wait "$vm"
rc=$?
stop "$sd"
results restart "$log" "$rc"
[ "$(stat -c %s "$root/durable.txt" 2>/dev/null)" = 40960 ] && [ -f "$root/after.txt" ] &&
	pass net/restart/host-has-writes ||
	fail net/restart/host-has-writes "$(ls -l "$root" | tr '\n' ' ')"

# ---------------------------------------------------------------- latency
root=$work/latency/root
mkroot "$root"
daemon "$root" "$(port 13)" "$out/latency-storaged.log"
processor latency "$(port 12)" "$(port 13)" 180 storage:3 \
	"latency 3 200 64 latency 3 100 4096 latency 3 30 65536"
stop "$last_pid"
tr -d '\r' < "$out/latency.log" | grep -a '^NET-LATENCY' | sed 's/^NET-LATENCY/# latency to lego-storaged:/'

# ================================================================ storage-vm
# (The cluster branch's section.)  The storage checks of net/storage against
# a Lego storage VM (lego.role=storage, net/storage_vfs.c) serving its RAM
# file system's /srv instead of lego-storaged: the same program, the same
# expected results.  What they leave behind is checked through the protocol
# (storage-state: the VM's directory is not the host's to look at); /srv
# cannot be left by "..", absolute or relative links (storage-escape); and
# the same VM serving its root "/" (the default) shows the files /srv hid
# (storage-outside), so those ENOENTs are not vacuous.
svm=$work/storage-vm
mkroot "$svm/srv"
mkdir -p "$svm/etc" "$svm/srv/deep/er"
printf 'root:x:0:0::/:/bin/sh\n' > "$svm/etc/passwd"
printf 'secret\n' > "$svm/secret.txt"
ln -s .. "$svm/srv/up"
ln -s / "$svm/srv/root-link"
ln -s deep/er "$svm/srv/dir-link"
scripts/mkinitramfs.sh "$out/storage-vm.cpio" --dir "$svm" > /dev/null

# storage_vm TAG LOCAL REMOTE [ROOT]: a Lego storage component, node 3,
# serving ROOT (lego.storage_root=; none: the default "/"), log TAG-server.log.
storage_vm() {
	local log=$out/$1-server.log
	bg "$log" scripts/qemu-run.sh --initrd "$out/storage-vm.cpio" --timeout 600 \
		--append "lego.role=storage lego.node=3${4:+ lego.storage_root=$4}" \
		-- $(netdev n0 "$2" "$3" 52:54:00:4c:00:03)
	svm_pid=$last_pid
	wait_for "$log" "storage component ready" 60 ||
		fail "net/$1/server" "the storage VM did not come up: $(tail -n 3 "$log")"
	grep -aqF "storage: serving ${4:-/}" "$log" && pass "net/$1/serving" ||
		fail "net/$1/serving" "$(grep -a 'storage:' "$log" | head -n 2)"
}

# storage_vm_done TAG: the server's kernel stayed healthy.
storage_vm_done() {
	stop "$svm_pid"
	grep -aqE 'Kernel panic|BUG:|Oops|WARNING:' "$out/$1-server.log" &&
		fail "net/$1/server-kernel" \
			"$(grep -a -m1 -E 'Kernel panic|BUG:|Oops|WARNING:' "$out/$1-server.log")"
}

storage_vm storage-vm "$(port 17)" "$(port 16)" /srv
processor storage-vm "$(port 16)" "$(port 17)" 180 storage:3 \
	"storage 3 count 3 50 storage-state 3 storage-escape 3"
storage_vm_done storage-vm

storage_vm storage-vm-root "$(port 19)" "$(port 18)"
processor storage-vm-root "$(port 18)" "$(port 19)" 120 storage:3 "storage-outside 3"
storage_vm_done storage-vm-root

# ================================================================ run-cluster
# (The cluster branch's section.)  `make run-cluster` in its batch mode
# (scripts/run-cluster.sh, stdin not a terminal): the processor's shell
# runs a short script, with a cache of 16 pages so that a sort's heap lives
# on the memory VM; /proc/lego/peers pings both peers.  Then a second run
# is stopped with SIGTERM at its prompt.  Neither may leave a process.
cl=$work/cluster
cl_port=$(port 20)		# ports 20..25
cl_sum=$(seq 1 100000 | sort -n | md5sum | cut -d' ' -f1)
make -s -f scripts/Makefile.image default-initramfs > /dev/null 2>&1 ||
	fail net/run-cluster/initramfs "cannot build build/initramfs.cpio"
# leftovers: processes of this cluster still running (its ports, its
# directory), from /proc (no procps needed); this shell's own are skipped.
leftovers() {
	local p c
	for p in /proc/[0-9]*; do
		[ "${p#/proc/}" = "$BASHPID" ] && continue
		c=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
		grep -qE -- "port=$cl_port,|port=$((cl_port + 1)),|--root $cl/storage|127\.0\.0\.1:$((cl_port + 2))|$cl/logs" <<< "$c" &&
			echo "${p#/proc/} ${c:0:120}"
	done
}
CLUSTER_PORT=$cl_port CLUSTER_LOGS=$cl/logs CI=true scripts/run-cluster.sh --storage "$cl/storage" --timeout 240 \
	--append "lego.cache_pages=16" > "$out/run-cluster.log" 2>&1 <<'SCRIPT'
cat /proc/lego/peers
echo sum=$(seq 1 100000 | sort -n | md5sum)
cat /proc/lego/rmem
grep ' /mnt/storage rfs ' /proc/mounts
echo "typed in the cluster" > /mnt/storage/from-cluster.txt
echo cluster-script-done
SCRIPT
rc=$?
c=$(tr -d '\r' < "$out/run-cluster.log")
[ "$rc" = 0 ] && grep -q 'reboot: Power down' <<< "$c" && pass net/run-cluster/poweroff ||
	fail net/run-cluster/poweroff "status $rc: $(tail -n 3 <<< "$c" | tr '\n' '|')"
grep -qE 'command line: .* lego\.node=1 lego\.peers=memory:2,storage:3 lego\.storage_mount=/mnt/storage lego\.cache_pages=16' <<< "$c" &&
	pass net/run-cluster/peers-named || fail net/run-cluster/peers-named "$(grep -m1 'command line' <<< "$c")"
grep -qE '^memory 2 up [0-9]+ us$' <<< "$c" && pass net/run-cluster/ping-memory ||
	fail net/run-cluster/ping-memory "$(grep -E '^memory ' <<< "$c")"
grep -qE '^storage 3 up [0-9]+ us$' <<< "$c" && pass net/run-cluster/ping-storage ||
	fail net/run-cluster/ping-storage "$(grep -E '^storage ' <<< "$c")"
grep -qxF "sum=$cl_sum -" <<< "$c" && pass net/run-cluster/sort-remote-memory ||
	fail net/run-cluster/sort-remote-memory "$(grep '^sum=' <<< "$c"), expected $cl_sum"
ev=$(sed -n 's/^evictions \([0-9]*\)$/\1/p' <<< "$c")
grep -qx 'active 1' <<< "$c" && grep -qx 'cache_pages 16' <<< "$c" && [ "${ev:-0}" -gt 0 ] &&
	pass net/run-cluster/rmem-active ||
	fail net/run-cluster/rmem-active "$(grep -E '^(active|cache_pages|evictions) ' <<< "$c" | tr '\n' ' ')"
grep -qE '^storage:3 /mnt/storage rfs ' <<< "$c" &&
[ "$(cat "$cl/storage/from-cluster.txt" 2>/dev/null)" = "typed in the cluster" ] &&
	pass net/run-cluster/storage-mounted ||
	fail net/run-cluster/storage-mounted "$(grep -E ' rfs ' <<< "$c"; ls "$cl/storage" | tr '\n' ' ')"
grep -qx 'cluster-script-done' <<< "$c" && pass net/run-cluster/script-ran ||
	fail net/run-cluster/script-ran "no cluster-script-done"
grep -qF "serving $cl/storage as node 3" "$cl/logs/storaged.log" && pass net/run-cluster/storaged ||
	fail net/run-cluster/storaged "$(tail -n 2 "$cl/logs/storaged.log" 2>&1)"
lo=$(leftovers)
[ -z "$lo" ] && pass net/run-cluster/nothing-left || fail net/run-cluster/nothing-left "$lo"

# Stopped at the prompt: everything goes, at once.
echo 'sleep 200' > "$cl/sleep.sh"
bg "$out/run-cluster-term.log" env CLUSTER_PORT=$cl_port CLUSTER_LOGS=$cl/logs CI=true \
	scripts/run-cluster.sh --storage "$cl/storage" --timeout 240 --script "$cl/sleep.sh"
rcl=$last_pid
if wait_for "$out/run-cluster-term.log" 'lego:~# ' 180; then
	kill -TERM "$rcl"
	wait "$rcl" 2>/dev/null
	sleep 1
	lo=$(leftovers)
	[ -z "$lo" ] && pass net/run-cluster/term-nothing-left ||
		fail net/run-cluster/term-nothing-left "$lo"
else
	fail net/run-cluster/term-prompt "$(tail -n 3 "$out/run-cluster-term.log")"
fi

# ================================================================ rmem-self
# (The cluster branch's section.)  A processor that is its own memory
# component (lego.node=1 lego.peers=memory:1, what `make bench` measures the
# remote page fault on): the same program as net/rmem, no NIC, the same
# bytes as a run without a memory component.
rs_pages=2048
[ "${rmem_pages:-}" = "$rs_pages" ] && [ -f "$out/rmem-local.log" ] ||
	scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 180 \
		--append "rdinit=/rmem -- $rs_pages" > "$out/rmem-local.log" 2>&1
scripts/qemu-run.sh --initrd "$out/rmem.cpio" --timeout 300 \
	--append "rdinit=/rmem lego.node=1 lego.peers=memory:1 lego.cache_pages=256 -- $rs_pages remote" \
	> "$out/rmem-self.log" 2>&1
results rmem-self "$out/rmem-self.log" $?
a=$(tr -d '\r' < "$out/rmem-local.log" | grep -a '^RMEM-SUM' | tail -n1)
b=$(tr -d '\r' < "$out/rmem-self.log" | grep -a '^RMEM-SUM' | tail -n1)
[ -n "$a" ] && [ "$a" = "$b" ] && pass net/rmem-self/same-as-local ||
	fail net/rmem-self/same-as-local "local '$a', self-served '$b'"

# ================================================================ rfs
# The remote file system (fs/rfs.c): test/net/rfs.sh.
. test/net/rfs.sh
