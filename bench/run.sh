#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/run.sh [--quick] [--no-linux] [--no-hardened] [--runs N] [--iters N]
#              [--batches N] [--timeout S] [--out DIR] [--only PROGRAMS]
#
# What `make bench` runs (after building vmlego).  Boots Lego, and Debian's
# Linux for comparison, on the same initramfs and the same QEMU command
# line (scripts/qemu-run.sh), with the programs of bench/ as init, and
# prints two tables:
#   1. guest instructions per operation: QEMU TCG with -icount
#      shift=0,sleep=off, where a TSC tick is one guest instruction, so the
#      figures are exact and the same on any host;
#   2. TCG wall-clock nanoseconds per operation without -icount, minimum
#      and median over --runs boots of each kernel: noisy.
# One QEMU runs at a time.  Logs and the tables (results.md) go to --out
# (default build/bench).
#
#   --quick      smoke run: 2 iterations, 1 batch, 1 wall-clock run, Lego
#                only (what `make test` runs as bench/smoke)
#   --no-linux   Lego only
#   --no-hardened  no column for Lego built with hardened.config (kernel
#                stack offset randomisation, page-table isolation): what
#                the optional hardening costs
#   --runs N     wall-clock boots per kernel (default 3)
#   --iters N    iterations of every operation, instead of each one's own
#   --batches N  timed batches per operation, the minimum is kept (default 5)
#   --timeout S  limit for each boot (default 900)
#   --only PROGRAMS  only the rows of these bench programs (comma-separated:
#                rmem,rmemvm,rfs,rfsvm), Lego only; the others "not run"
# BENCH_ITERS, BENCH_BATCHES and BENCH_RUNS in the environment work as the
# options do.  QEMU and ACCEL are passed on to scripts/qemu-run.sh.
set -u
usage() { sed -n '3,32p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

cd "$(dirname "$0")/.."
export LC_ALL=C
quick=0 linux_wanted=1 hardened_wanted=1
runs=${BENCH_RUNS:-3} iters=${BENCH_ITERS:-} batches=${BENCH_BATCHES:-5}
timeout=900 out=${BUILD:-build}/bench only=
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1; shift ;;
	--no-linux) linux_wanted=0; shift ;;
	--no-hardened) hardened_wanted=0; shift ;;
	--runs) runs=$2; shift 2 ;;
	--iters) iters=$2; shift 2 ;;
	--batches) batches=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--only) only=,$2,; linux_wanted=0 hardened_wanted=0; shift 2 ;;
	-h|--help) usage 0 ;;
	*) echo "bench/run.sh: unknown option $1" >&2; usage ;;
	esac
done
if [ $quick = 1 ]; then
	iters=${iters:-2} batches=1 runs=1 linux_wanted=0 hardened_wanted=0 timeout=120
fi
[[ $runs =~ ^[1-9][0-9]*$ && $batches =~ ^[1-9][0-9]*$ && $iters =~ ^[0-9]*$ ]] ||
	{ echo "bench/run.sh: --runs, --batches and --iters take positive numbers" >&2; exit 2; }

[ -f vmlego ] || { echo "bench/run.sh: no vmlego: run \"make bench\", which builds it" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.log "$out/results.md"

# ------------------------------------------------------------ the programs
make -s -C bench O="$out/bin" || { echo "bench/run.sh: building bench/ failed" >&2; exit 1; }
cpio=$out/bench.cpio
files=("$out/bin/init:/init")
for p in syscall mm proc smp rmem rfs compat32 tiny; do
	files+=("$out/bin/$p:/bench/$p")
done
# Their names pick their rows (bench/rmem.c, bench/rfs.c).
files+=("$out/bin/rmem:/bench/rmemvm" "$out/bin/rfs:/bench/rfsvm")
# /tmp: rfs's local file; /srv: what a processor serving its own storage
# serves (lego.storage_root=/srv, not / which holds the mount).
scripts/mkinitramfs.sh "$cpio" "${files[@]}" --mkdir /tmp --mkdir /srv || exit 1

# The rows: BENCH_OP(program, name, iterations, reference, "description").
names=()
declare -A prog_of
while IFS='|' read -r p n; do
	names+=("$n")
	prog_of[$n]=$p
done < <(sed -n 's/^BENCH_OP(\([a-z0-9_]*\), *\([a-z0-9_]*\),.*/\1|\2/p' bench/ops.h)
[ ${#names[@]} -gt 0 ] || { echo "bench/run.sh: no BENCH_OP lines in bench/ops.h" >&2; exit 1; }

# ------------------------------------------------------------ the kernels
# "stub" is bench/pvh-stub.S: no kernel, the firmware's share of the boot.
kernels=(lego)
declare -A image=([lego]=vmlego [stub]=$out/bin/pvh-stub) title=([lego]=Lego [stub]=firmware)
if [ $hardened_wanted = 1 ]; then
	echo "  BUILD   Lego with hardened.config" >&2
	if why=$(scripts/build-config.sh "$out/vmlego-hardened" "defconfig hardened.config"); then
		kernels+=(hardened)
		image[hardened]=$out/vmlego-hardened
		title[hardened]="Lego hardened"
	else
		echo "  WARN    hardened kernel not built: $why" >&2
	fi
fi
linux_note=
if [ $linux_wanted = 0 ]; then
	linux_note="Linux column omitted: $([ $quick = 1 ] && echo "--quick" || echo "--no-linux") given."
elif lk=$(scripts/get-linux.sh 2> "$out/get-linux.err"); then
	kernels+=(linux)
	image[linux]=$lk
	title[linux]="Linux $(basename "$lk" | sed 's/^vmlinuz-//')"
else
	linux_note="Linux column omitted: $(tail -n1 "$out/get-linux.err")"
fi

# ---------------------------------------------------------------- booting
opts=
[ -n "$iters" ] && opts+="-n $iters "
opts+="-b $batches"
main_args="$opts syscall compat32 mm proc"
icount0=(-icount shift=0,sleep=off)
icount1=(-icount shift=1,sleep=off)

# boot KERNEL TAG SMP "INIT ARGS" [QEMU ARGS...]: one boot, its console in
# $out/KERNEL-TAG.log, with BENCH-HOST lines added: when the host read
# init's first line (microseconds after starting qemu-run.sh), and
# qemu-run.sh's status.
boot() {
	local k=$1 tag=$2 smp=$3 args=$4 start line rc
	shift 4
	local log=$out/$k-$tag.log
	echo "  BOOT    ${title[$k]}: $tag, $smp CPU(s)${*:+, $*}" >&2
	start=${EPOCHREALTIME/./}
	scripts/qemu-run.sh --kernel "${image[$k]}" --initrd "$cpio" --smp "$smp" \
		--append "quiet ${kargs:+$kargs }rdinit=/init -- $args" --timeout "$timeout" -- "$@" 2>&1 |
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		[[ $line == "BENCH boot_to_init "* ]] &&
			echo "BENCH-HOST boot_seen_us $(( ${EPOCHREALTIME/./} - start ))"
		printf '%s\n' "$line"
	done > "$log"
	rc=${PIPESTATUS[0]}
	echo "BENCH-HOST qemu_status $rc" >> "$log"
	# The stub never starts an init: it stops QEMU itself (status 125).
	[ "$rc" = 0 ] || [ "$k" = stub ] ||
		echo "  WARN    ${title[$k]} $tag: qemu-run.sh status $rc (see $log)" >&2
}

# Remote page faults (bench/rmem.c), Lego's only: remote_page_fault on a
# processor that is its own memory component (lego.peers=memory:1), whose
# protocol runs whole with nothing to wait for, so -icount counts every
# instruction of the fault on both sides; remote_page_fault_vm with a
# memory VM over loopback UDP, by the wall clock only: under -icount
# sleep=off a guest waiting for the reply has its clock moved to its next
# timer, so its ticks would not be instructions.
kargs=
rmem_kargs="lego.node=1 lego.cache_pages=16 lego.peers=memory"
boot_rmem() {	# boot_rmem KERNEL TAG [QEMU ARGS...]: remote_page_fault
	kargs="$rmem_kargs:1"
	boot "$1" "$2" 1 "$opts rmem" "${@:3}"
	kargs=
}
boot_rmemvm() {	# boot_rmemvm KERNEL TAG: remote_page_fault_vm, a memory VM beside
	local mport=$((20000 + ($$ * 4) % 20000)) mlog=$out/$1-$2-memory-vm.log
	echo "  BOOT    memory VM for ${title[$1]}: $2" >&2
	bg "$mlog" scripts/qemu-run.sh --kernel "${image[$1]}" --initrd "$cpio" \
		--timeout "$timeout" --append "lego.role=memory lego.node=2" \
		-- $(netdev n0 $((mport + 1)) "$mport" 52:54:00:4c:00:02)
	wait_for "$mlog" 'memory component ready' 60 ||
		echo "  WARN    the memory VM did not come up (see $mlog)" >&2
	kargs="$rmem_kargs:2"
	boot "$1" "$2" 1 "$opts rmemvm" $(netdev n0 "$mport" $((mport + 1)) 52:54:00:4c:00:01)
	kargs=
	stop_groups
	pgids=()
}
# The remote file system (bench/rfs.c), Lego's only, the same way:
# the rfs rows (and their local references) on a processor serving its
# own storage (lego.peers=storage:1, lego.storage_root=/srv), counted
# under -icount; the rfsvm rows against lego-storaged over loopback UDP,
# by the wall clock only.
rfs_kargs="lego.node=1 lego.peers=storage"
boot_rfs() {	# boot_rfs KERNEL TAG [QEMU ARGS...]
	kargs="$rfs_kargs:1 lego.storage_root=/srv"
	boot "$1" "$2" 1 "$opts rfs" "${@:3}"
	kargs=
}
boot_rfsvm() {	# boot_rfsvm KERNEL TAG: lego-storaged beside, serving a fresh directory
	local sport=$((20000 + ($$ * 4) % 20000 + 2)) slog=$out/$1-$2-storaged.log
	rm -rf "$out/rfs-storage" && mkdir -p "$out/rfs-storage"
	bg "$slog" "$out/tools/lego-storaged" --root "$out/rfs-storage" --node 3 \
		--udp "127.0.0.1:$((sport + 1))"
	wait_for "$slog" serving 10 || echo "  WARN    lego-storaged did not start (see $slog)" >&2
	kargs="$rfs_kargs:3"
	boot "$1" "$2" 1 "$opts rfsvm" $(netdev n0 "$sport" $((sport + 1)) 52:54:00:4c:00:01)
	kargs=
	stop_groups
	pgids=()
}
lego_kernel() { [ "$1" = lego ] || [ "$1" = hardened ]; }
# wanted PROGRAM: whether --only (if given) names it.
wanted() { [ -z "$only" ] || [[ $only == *",$1,"* ]]; }
if wanted rfsvm && ! make -s -C tools/lego-storaged O="$out/tools"; then
	echo "bench/run.sh: building tools/lego-storaged failed" >&2
	exit 1
fi
. scripts/lego-vms.sh		# netdev, bg, wait_for, stop_groups
trap stop_groups EXIT		# a memory VM left by an interrupted boot_rmemvm
trap 'exit 130' INT TERM

# The same boot at 2 ns per instruction (shift=1) next to shift=0 splits
# boot_to_init into instructions and time-based waits (boot_split below).
boot_kernels=(stub "${kernels[@]}")
[ -n "$only" ] && boot_kernels=(lego)
for k in "${boot_kernels[@]}"; do
	args=$main_args
	[ $k = stub ] && args=boot
	if [ -z "$only" ]; then
		boot "$k" icount-main 1 "$args" "${icount0[@]}"
		boot "$k" icount-shift1 1 boot "${icount1[@]}"
	fi
	lego_kernel "$k" && wanted rmem && boot_rmem "$k" icount-rmem "${icount0[@]}"
	lego_kernel "$k" && wanted rfs && boot_rfs "$k" icount-rfs "${icount0[@]}"
done
# Throughput is measured without -icount only: under -icount QEMU runs
# the virtual CPUs one at a time on one host thread (and Linux 6.1 does
# not even bring its secondary CPUs up there, QEMU 7.2).
for ((r = 1; r <= runs; r++)); do
	[ -z "$only" ] && boot stub wall$r-main 1 boot
	for k in "${kernels[@]}"; do
		if [ -z "$only" ]; then
			boot "$k" wall$r-main 1 "$main_args"
			boot "$k" wall$r-smp 4 "$opts smp"
		fi
		if lego_kernel "$k"; then
			wanted rmem && boot_rmem "$k" wall$r-rmem
			wanted rmemvm && boot_rmemvm "$k" wall$r-rmemvm
			wanted rfs && boot_rfs "$k" wall$r-rfs
			wanted rfsvm && boot_rfsvm "$k" wall$r-rfsvm
		fi
	done
done

# ---------------------------------------------------------------- results
log_of() {	# log_of KERNEL MODE NAME: the log holding that row
	case ${prog_of[$3]:-} in
	smp|rmem|rmemvm|rfs|rfsvm) echo "$out/$1-$2-${prog_of[$3]}.log" ;;
	*) echo "$out/$1-$2-main.log" ;;
	esac
}
# result LOG NAME: "ITERATIONS COST" or "n/a REASON", saying why when the
# program printed nothing for it.
result() {
	local log=$1 n=$2 p=${prog_of[$2]:-init} line
	line=$(grep -a -m1 "^BENCH $n " "$log" 2>/dev/null | cut -d' ' -f3-)
	if [ -n "$line" ]; then
		echo "$line"
	elif [ ! -f "$log" ]; then
		echo "n/a not run"
	elif line=$(grep -a -m1 "^BENCH-DIED $p " "$log" | cut -d' ' -f3-) && [ -n "$line" ]; then
		echo "n/a /bench/$p $line"
	elif grep -aq '^BENCH-HOST qemu_status 124' "$log"; then
		echo "n/a the boot timed out ($(basename "$log"))"
	elif grep -aq '^BENCH-END' "$log"; then
		echo "n/a /bench/$p printed nothing for it"
	else
		echo "n/a the boot ended early ($(basename "$log"))"
	fi
}
isnum() { [[ $1 =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; }
# boot_tsc KERNEL TAG: the TSC at the first instruction of init (or of the
# stub), or nothing.
boot_tsc() {
	local log=$out/$1-$2.log v
	if [ "$1" = stub ]; then
		v=$(grep -a -o 'PVH-STUB-TSC [0-9a-f]*' "$log" 2>/dev/null | head -n1 | cut -d' ' -f2)
		[ -n "$v" ] && echo $((16#$v))
	else
		v=$(result "$log" boot_to_init)
		isnum "${v#* }" && echo "${v#* }" | sed 's/\.0$//'
	fi
}
# boot_split KERNEL: "INSTRUCTIONS WAIT_NS": boot_to_init is T0 = I + W
# at shift 0 and T1 = 2I + W at shift 1, W being the time spent waiting
# for a deadline (halted, or spinning on a clock), so I = T1 - T0.
boot_split() {
	local t0 t1
	t0=$(boot_tsc "$1" icount-main) t1=$(boot_tsc "$1" icount-shift1)
	[ -n "$t0" ] && [ -n "$t1" ] && echo "$((t1 - t0)) $((2 * t0 - t1))"
}

# Instructions: I[kernel,name] is "ITERATIONS COST" or "n/a REASON".
smp_icount="n/a wall-clock only: -icount runs one virtual CPU at a time"
rmemvm_icount="n/a wall-clock only: a guest waiting for another VM's reply under -icount has its clock moved to its next timer"
no_rmem="n/a no memory component: Lego's remote memory"
rfsvm_icount="n/a wall-clock only: a guest waiting for lego-storaged's reply under -icount has its clock moved to its next timer"
no_rfs="n/a no storage component: Lego's remote file system"
declare -A I
for k in "${kernels[@]}"; do
	for n in "${names[@]}"; do
		if [ "${prog_of[$n]}" = smp ]; then
			I[$k,$n]=$smp_icount
		elif [ "${prog_of[$n]}" = rmemvm ]; then
			I[$k,$n]=$rmemvm_icount
		elif [ "${prog_of[$n]}" = rmem ] && ! lego_kernel "$k"; then
			I[$k,$n]=$no_rmem
		elif [ "${prog_of[$n]}" = rfsvm ]; then
			I[$k,$n]=$rfsvm_icount
		elif [ "${prog_of[$n]}" = rfs ] && ! lego_kernel "$k"; then
			I[$k,$n]=$no_rfs
		else
			I[$k,$n]=$(result "$(log_of "$k" icount "$n")" "$n")
		fi
	done
	if s=$(boot_split "$k"); then
		I[$k,boot_to_init_insns]="1 ${s% *}"
	else
		I[$k,boot_to_init_insns]="n/a boot_to_init missing from the shift=0 or the shift=1 boot"
	fi
done

# Wall clock: W[kernel,name] is the values of the runs, space-separated
# (nanoseconds; milliseconds for the boot rows), or "n/a REASON".
tsc_hz=$("$out/bin/init" --tsc-hz)
ns() { awk -v t="$1" -v hz="$tsc_hz" -v div="${2:-1}" 'BEGIN { printf "%.1f", t * 1e9 / hz / div }'; }
declare -A W
for k in "${kernels[@]}" stub; do
	for n in "${names[@]}" boot_seen; do
		[ $k = stub ] && [ $n != boot_to_init ] && continue
		case ${prog_of[$n]:-} in
		rmem|rmemvm) lego_kernel "$k" || { W[$k,$n]=$no_rmem; continue; } ;;
		rfs|rfsvm) lego_kernel "$k" || { W[$k,$n]=$no_rfs; continue; } ;;
		esac
		vals= why=
		for ((r = 1; r <= runs; r++)); do
			log=$(log_of "$k" wall$r "$n")
			case $n in
			boot_to_init)
				v=$(boot_tsc "$k" wall$r-main)
				[ -n "$v" ] && vals+="$(ns "$v" 1e6) " ;;
			boot_seen)
				v=$(grep -a -m1 '^BENCH-HOST boot_seen_us ' "$log" | cut -d' ' -f3)
				[ -n "$v" ] && vals+="$(awk -v u="$v" 'BEGIN { printf "%.1f", u / 1000 }') " ;;
			*)
				v=$(result "$log" "$n")
				if isnum "${v#* }"; then vals+="$(ns "${v#* }") "; else why=${why:-$v}; fi ;;
			esac
		done
		W[$k,$n]=${vals:-${why:-n/a no value in the logs}}
	done
done

cell() {	# cell "ITERATIONS COST" | "n/a REASON" -> COST | "n/a: REASON"
	case $1 in n/a*) echo "n/a: ${1#n/a }" ;; *) echo "${1#* }" | sed 's/\.0$//' ;; esac
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^-?[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'
}
stat() {	# stat min|median "V V V"
	tr ' ' '\n' <<< "$2" | grep . | sort -g |
	awk -v what="$1" '{ v[NR] = $1 } END {
		x = what == "min" ? v[1] : v[int((NR + 1) / 2)]
		if (x >= 100) printf "%.0f", x; else printf "%.1f", x }'
}

# table: tab-separated rows on stdin (the first is the header) become a
# Markdown table with aligned columns.
table() {
	awk -F'\t' '
	{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) }
	  if (NF > nf) nf = NF; n = NR }
	END {
		for (r = 1; r <= n; r++) {
			line = "|"
			for (i = 1; i <= nf; i++) line = line sprintf(" %-*s |", w[i], c[r, i])
			print line
			if (r > 1) continue
			line = "|"
			for (i = 1; i <= nf; i++) { d = "-"; while (length(d) < w[i] + 2) d = d "-"; line = line d "|" }
			print line
		}
	}'
}

both=0
[[ " ${kernels[*]} " == *" linux "* ]] && both=1
instructions_table() {
	local n k h it
	h="operation\titerations"
	for k in "${kernels[@]}"; do h+="\t${title[$k]}"; done
	[ $both = 1 ] && h+="\tLego/Linux"
	printf "$h\n"
	for n in "${names[@]}" boot_to_init_insns; do
		it=-
		for k in "${kernels[@]}"; do
			case ${I[$k,$n]} in n/a*) ;; *) [ "$it" = - ] && it=${I[$k,$n]%% *} ;; esac
		done
		printf '%s\t%s' "$n" "$it"
		for k in "${kernels[@]}"; do printf '\t%s' "$(cell "${I[$k,$n]}")"; done
		[ $both = 1 ] && printf '\t%s' "$(ratio "$(cell "${I[lego,$n]}")" "$(cell "${I[linux,$n]}")")"
		printf '\n'
	done
}
declare -A med
wall_table() {
	local n k h label
	h="operation"
	for k in "${kernels[@]}"; do h+="\t${title[$k]} min\t${title[$k]} median"; done
	[ $both = 1 ] && h+="\tLego/Linux (medians)"
	printf "$h\n"
	for n in "${names[@]}" boot_seen; do
		label=$n
		case $n in boot_to_init|boot_seen) label="$n (ms)" ;; esac
		printf '%s' "$label"
		for k in "${kernels[@]}"; do
			case ${W[$k,$n]} in
			n/a*) printf '\tn/a: %s\t-' "${W[$k,$n]#n/a }"; med[$k]=- ;;
			*) med[$k]=$(stat median "${W[$k,$n]}")
			   printf '\t%s\t%s' "$(stat min "${W[$k,$n]}")" "${med[$k]}" ;;
			esac
		done
		[ $both = 1 ] && printf '\t%s' "$(ratio "${med[lego]}" "${med[linux]}")"
		printf '\n'
	done
}

info() {	# info KERNEL: what the kernel and the machine said about themselves
	local log=$out/$1-icount-main.log v
	grep -a -m1 '^BENCH-INFO kernel ' "$log" | cut -d' ' -f3- | sed "s/^/- ${title[$1]}: uname: /"
	grep -a -m1 '^BENCH-INFO tsc_check ' "$log" |
		awk -v t="${title[$1]}" '{ printf "- %s: a loop of %s instructions (dec, jnz) took %s TSC ticks: %.6f ticks per instruction, the TSC reads included\n", t, $3, $4, $4 / $3 }'
	v=$(grep -a '^BENCH-INFO vuln ' "$log" | cut -d' ' -f3- | sed 's/ /: /; s/  */ /g' | paste -sd';' | sed 's/;/; /g')
	[ -n "$v" ] && echo "- ${title[$1]}: /sys/devices/system/cpu/vulnerabilities: $v"
	if v=$(boot_split "$1"); then
		echo "- ${title[$1]}: boot_to_init = ${v% *} instructions + ${v#* } ns spent waiting for deadlines (halted or spinning on a clock)"
	fi
}
firmware_info() {
	local v t
	v=$(boot_split stub) || { echo "- firmware: the PVH stub printed nothing (see $out/stub-*.log)"; return; }
	t=$(boot_tsc stub icount-main)
	echo "- firmware (SeaBIOS and QEMU's PVH loader, up to a PVH kernel's first instruction," \
		"bench/pvh-stub.S): $t ticks = ${v% *} instructions + ${v#* } ns of waits; Lego's" \
		"boot_to_init includes it. Wall clock: $(stat median "${W[stub,boot_to_init]:-}") ms" \
		"(median). Linux is loaded by QEMU's linuxboot option ROM instead, not measured apart."
}

report() {
	echo "## Guest instructions per operation"
	echo
	echo "QEMU $(${QEMU:-qemu-system-x86_64} --version | head -n1 | sed 's/.*version //'), TCG, -cpu max," \
		"-icount shift=0,sleep=off: one TSC tick per guest instruction. Cost: TSC ticks per" \
		"operation, the minimum over $batches batch(es), less the empty loop; boot_to_init:" \
		"ticks from reset to init's first instruction, waits included; boot_to_init_insns:" \
		"its instructions alone (a second boot at shift=1 tells them from the waits)."
	echo
	instructions_table | table
	echo
	[ -n "$linux_note" ] && { echo "$linux_note"; echo; }
	if [ -z "$only" ]; then
		for k in "${kernels[@]}"; do info "$k"; done
		firmware_info
	fi
	echo
	echo "## TCG wall-clock nanoseconds per operation (noisy)"
	echo
	echo "No -icount, $runs boot(s) of each kernel; the guest's TSC is the host's" \
		"($tsc_hz ticks/s). Min and median over the boots of each boot's best batch." \
		"boot_to_init: reset to init's first instruction; boot_seen: from starting" \
		"qemu-run.sh to the host reading init's first line; throughput: nanoseconds per" \
		"syscall over all CPUs together, on $(nproc) host CPU(s). Host load moves all of these."
	echo
	wall_table | table
}

report | tee "$out/results.md"
echo
echo "Logs and results.md are in $out/."
