#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test/run-tests.sh [--host-only] [--linux] [--kernel FILE] [--only PATTERN]
#
# Runs every Lego test and prints one line per test,
#	PASS <name>
#	FAIL <name>: <why>
# then "N passed, N failed"; exits non-zero if anything failed.
#   host/...    host unit tests (test/host)
#   build/...   configurations that must build, sparse cleanliness
#   ktest/...   in-kernel tests, one boot (ktest=all), and the deliberate
#               panic in its own boot
#   user/...    static programs run as init under QEMU (test/user)
#   net/...     VMs talking over virtio-net to lego-storaged and to each
#               other on loopback UDP, through a lossy hub too (test/net)
#   boot/...    the plain boot, the ISO under SeaBIOS and under OVMF, and
#               `make run`'s busybox shell driven over the serial console
#               (boot/shell/...; boot/shell-linux/... with --linux --only 'boot/*')
#   bench/smoke `make bench` in a smoke run: it runs and its tables are
#               complete (no timing threshold)
# Each QEMU run has a timeout; a hang is a failure, never a stuck run.
#
# --linux runs the user tests (all but those marked linux=no) on Debian's
# Linux kernel instead, booted the same way (scripts/get-linux.sh): that
# is how a test's expectations are shown to be Linux's.  --kernel FILE
# boots the user tests that name no image on that kernel instead of the
# defconfig one (say, one built with hardened.config).  It boots with
# no5lvl: 4-level paging, the machine Lego models (user space ends at
# 0x7ffffffff000, which QEMU's LA57 would otherwise move).
set -u
cd "$(dirname "$0")/.."
top=$PWD
out=$top/build/test
mkdir -p "$out"
host_only=0 only= linux=0 user_kernel=
while [ $# -gt 0 ]; do
	case $1 in
	--host-only) host_only=1; shift ;;
	--only) only=$2; shift 2 ;;
	--linux) linux=1; shift ;;
	--kernel) user_kernel=$(realpath "$2"); shift 2 ;;
	*) echo "usage: $0 [--host-only] [--linux] [--kernel FILE] [--only PATTERN]" >&2; exit 2 ;;
	esac
done

passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
want() { [ -z "$only" ] || [[ $1 == $only ]]; }
# Whether any test of a section (host, build, ktest, user, net, boot) may match.
want_section() { [ -z "$only" ] || [[ $only == "$1"/* ]] || [[ $only == \** ]]; }
JOBS=$(nproc 2>/dev/null || echo 2)

# Lines "PASS x" / "FAIL x: y" from a log become our results, prefixed.
collect() {	# collect PREFIX LOG
	local prefix=$1 log=$2 n=0 l
	while IFS= read -r l; do
		l=${l%$'\r'}
		case $l in
		PASS\ *) pass "$prefix${l#PASS }"; n=$((n + 1)) ;;
		FAIL\ *) l=${l#FAIL }; fail "$prefix${l%%: *}" "${l#*: }"; n=$((n + 1)) ;;
		esac
	done < <(grep -aE '^(PASS|FAIL) ' "$log" | tr -d '\r')
	return $((n == 0))
}

if [ $linux = 1 ]; then
	linux_kernel=$(scripts/get-linux.sh) || { echo "FAIL linux/kernel: cannot get Debian's Linux kernel"; exit 1; }
	only=${only:-user/*}
fi

# ---------------------------------------------------------------- host
run_host() {
	local t log
	for t in test/host/*.sh; do
		log=$out/host-$(basename "$t" .sh).log
		bash "$t" > "$log" 2>&1
		local rc=$?
		collect "" "$log" || fail "host/$(basename "$t" .sh)" "printed no results (rc $rc)"
		[ $rc = 0 ] || grep -q '^FAIL' "$log" || fail "host/$(basename "$t" .sh)" "exit status $rc"
	done
}
[ $linux = 0 ] && want_section host && run_host
if [ $host_only = 1 ]; then
	echo "$passed passed, $failed failed"
	[ $failed = 0 ]
	exit
fi

# ---------------------------------------------------------------- build
# The kernel under test: the defconfig (it has CONFIG_KTEST for the
# in-kernel tests and the test syscalls).
build_default() {
	local log=$out/build.log
	[ -f .config ] || make defconfig > "$log" 2>&1
	if ! make -j"$JOBS" > "$log" 2>&1; then
		fail build/defconfig "make failed: $(grep -m1 -E 'error|Error' "$log")"
		echo "$passed passed, $failed failed"
		exit 1
	elif grep -qE 'warning:' "$log"; then
		fail build/defconfig "warnings: $(grep -m1 'warning:' "$log")"
	else
		pass build/defconfig
	fi
}
[ $linux = 1 ] || build_default

# Other configurations build in a copy of the sources, leaving this tree's
# .config alone: allnoconfig and allyesconfig must build; the debug one
# (defconfig + debug.config: CONFIG_PREEMPT, spinlock and entry checks)
# also boots the tests marked image=debug.
build_config() {	# build_config NAME "CONFIG TARGETS"
	local why

	if why=$(scripts/build-config.sh "$out/vmlego-$1" "$2" "$JOBS"); then
		pass "build/$1"
	else
		fail "build/$1" "$why"
	fi
}
if [ $linux = 0 ] && want_section build; then
	build_config allnoconfig allnoconfig
	build_config allyesconfig allyesconfig
	build_config debug "defconfig debug.config"
	build_config hardened "defconfig hardened.config"
	build_config nocompat "defconfig nocompat.config"
	if make C=2 -j"$JOBS" > "$out/sparse.log" 2>&1; then
		if grep -qE '(warning|error):' "$out/sparse.log"; then
			fail build/sparse "$(grep -m1 -E '(warning|error):' "$out/sparse.log")"
		else
			pass build/sparse
		fi
	else
		fail build/sparse "make C=2 failed"
	fi
fi

QEMU_RUN=scripts/qemu-run.sh

# ---------------------------------------------------------------- ktest
if [ $linux = 0 ] && want_section ktest; then
	log=$out/ktest.log
	$QEMU_RUN --append "ktest=all" --timeout 60 > "$log" 2>&1
	rc=$?
	n=0
	while IFS= read -r l; do
		l=${l%$'\r'}
		case $l in
		*"ktest: PASS "*) pass "ktest/${l##*ktest: PASS }"; n=$((n + 1)) ;;
		*"ktest: FAIL "*) fail "ktest/${l##*ktest: FAIL }" "$(grep -a -B1 -F "${l##*ktest: }" "$log" | head -n1)"; n=$((n + 1)) ;;
		esac
	done < <(grep -a 'ktest: \(PASS\|FAIL\) ' "$log")
	[ $n -gt 0 ] || fail ktest/run "no results (qemu-run status $rc)"
	# A kernel fault must print a register dump and a symbolic backtrace.
	log=$out/ktest-panic.log
	$QEMU_RUN --append "ktest=panic_null_deref" --timeout 60 > "$log" 2>&1
	rc=$?
	missing=
	for s in "BUG: kernel NULL pointer dereference" "RIP: 0010:" "RIP is at ktest_panic_null_deref_oops+" \
		 "CR2: 0000000000000000" "Call Trace:" "ktest_run+" "Kernel panic - not syncing"; do
		grep -aqF "$s" "$log" || missing="$missing [$s]"
	done
	if [ $rc != 125 ]; then
		fail ktest/panic_null_deref "expected qemu-run status 125 (kernel stopped), got $rc"
	elif [ -n "$missing" ]; then
		fail ktest/panic_null_deref "console lacks$missing"
	else
		pass ktest/panic_null_deref
	fi
	# A kernel stack overflow hits the guard page: #DF on its IST stack,
	# reported as such.
	log=$out/ktest-overflow.log
	$QEMU_RUN --append "ktest=panic_stack_overflow" --timeout 60 > "$log" 2>&1
	rc=$?
	missing=
	for s in "BUG: stack guard page was hit at" "kernel stack overflow (double-fault)" \
		 "Comm: overflow" "RIP is at overflow_stack+" "do_paranoid_trap+" \
		 "Kernel panic - not syncing"; do
		grep -aqF "$s" "$log" || missing="$missing [$s]"
	done
	if [ $rc != 125 ]; then
		fail ktest/panic_stack_overflow "expected qemu-run status 125 (kernel stopped), got $rc"
	elif [ -n "$missing" ]; then
		fail ktest/panic_stack_overflow "console lacks$missing"
	else
		pass ktest/panic_stack_overflow
	fi
fi

# ---------------------------------------------------------------- user
# test/user/<name>.c, one boot each, JOBS at a time; "// lego-test:
# key=value" metadata (Documentation/dev-tools/testing.rst).  Each test
# writes its result lines to $out/user-NAME.res; they are read back in
# name order, so the output does not depend on which boot ends first.
meta() {	# meta FILE KEY -> values, one per line
	sed -n "s|^// lego-test: $2=\(.*\)\$|\1|p" "$1"
}
# user_test SRC SMP: one boot of one test with SMP CPUs; results in
# $out/user-TAG.res.  A test whose smp= lists several counts ("1,2,4")
# runs once per count, its results named NAME@smpN/...; "{smp}" in its
# args= and console= lines is replaced by the count.
user_test() {
	local src=$1 n_smp=$2 name tag bin args status timeout cpio log kernel image rc c n multi
	name=$(basename "$src" .c)
	multi=$(meta "$src" smp | tail -n1)
	if [[ $multi == *,* ]]; then tag=$name@smp$n_smp; else tag=$name; fi
	bin=$ubuild/$name
	exec > "$out/user-$tag.res"
	pass() { echo "PASS $1"; }
	fail() { echo "FAIL $1: $2"; }
	[ -x "$bin" ] || { fail "user/$tag" "not built"; return; }
	args=$(meta "$src" args | tail -n1)
	args=${args//\{smp\}/$n_smp}
	status=$(meta "$src" status | tail -n1)
	status=${status:-0}
	timeout=$(meta "$src" timeout | tail -n1)
	kernel=$(meta "$src" kernel | tail -n1)
	image=$(meta "$src" image | tail -n1)
	cpio=$out/initramfs-$tag.cpio
	extra_files=()
	while IFS= read -r c; do
		[ -n "$c" ] && extra_files+=("$c")
	done < <(meta "$src" file)
	while IFS= read -r c; do
		[ -n "$c" ] && extra_files+=(--link "$c")
	done < <(meta "$src" link)
	(cd "$top" && scripts/mkinitramfs.sh "$cpio" "$bin:/$name" "${extra_files[@]}")
	log=$out/user-$tag.log
	qemu_args=()
	if [ $linux = 1 ]; then
		image=$linux_kernel
		kernel="quiet no5lvl $(meta "$src" linux-kernel | tail -n1)"
	else
		read -ra qemu_args <<< "$(meta "$src" qemu | tail -n1)"
		case $image in
		allyes) image=$out/vmlego-allyesconfig ;;
		debug) image=$out/vmlego-debug ;;
		hardened) image=$out/vmlego-hardened ;;
		nocompat) image=$out/vmlego-nocompat ;;
		*) image=${user_kernel:-vmlego} ;;
		esac
	fi
	$QEMU_RUN --kernel "$image" --initrd "$cpio" --smp "$n_smp" \
		--append "$kernel rdinit=/$name -- $args" \
		--timeout "${timeout:-120}" ${qemu_args[@]+-- "${qemu_args[@]}"} > "$log" 2>&1
	rc=$?
	# A transcript test: the kernel's strace lines, pids normalised,
	# must match test/user/NAME.expected byte for byte.
	if [ $linux = 0 ] && [ -f "test/user/$name.expected" ]; then
		tr -d '\r' < "$log" | grep -a '^\[pid [0-9]*\] ' |
			sed 's/^\[pid [0-9]*\]/[pid N]/' > "$out/$tag.transcript"
		if diff -u "test/user/$name.expected" "$out/$tag.transcript" > "$out/$tag.diff"; then
			pass "user/$tag/transcript"
		else
			fail "user/$tag/transcript" "differs: $(sed -n '4,5p' "$out/$tag.diff" | tr '\n' ' ')"
		fi
	fi
	grep -aE '^(PASS|FAIL) ' "$log" | tr -d '\r' |
		sed -e "s#^\(PASS\|FAIL\) $name/#\1 $tag/#" -e 's/^\(PASS\|FAIL\) /&user\//'
	grep -aqE '^(PASS|FAIL) ' "$log" || fail "user/$tag" "printed no results (qemu-run status $rc)"
	[ "$rc" = "$status" ] || fail "user/$tag/status" "init status $rc, expected $status"
	[ $linux = 1 ] && return
	while IFS= read -r c; do
		[ -n "$c" ] || continue
		c=${c//\{smp\}/$n_smp}
		grep -aqF -- "$c" "$log" || fail "user/$tag/console" "no console line with '$c'"
	done < <(meta "$src" console)
	while IFS= read -r c; do
		[ -n "$c" ] || continue
		n=$(grep -acF -- "$c" "$log")
		[ "$n" = 1 ] || fail "user/$tag/console" "'$c' appears $n times, expected once"
	done < <(meta "$src" console-once)
	# Nothing a program does may oops or WARN the kernel unless asked.
	if grep -aqE 'Kernel panic|BUG:|Oops' "$log" && ! grep -q 'lego-test: bug=yes' "$src"; then
		fail "user/$tag/kernel" "$(grep -a -m1 -E 'Kernel panic|BUG:|Oops' "$log")"
	fi
	if grep -aq 'WARNING:' "$log" && ! grep -q 'lego-test: warn=yes' "$src"; then
		fail "user/$tag/kernel" "unexpected $(grep -a -m1 'WARNING:' "$log")"
	fi
}
if want_section user && [ -d test/user ]; then
	ubuild=$out/user
	if ! make -C test/user O="$ubuild" -j"$JOBS" > "$out/user-build.log" 2>&1; then
		fail user/build "$(grep -m1 -E 'error' "$out/user-build.log")"
	fi
	jobs_list=()
	for src in test/user/*.c; do
		name=$(basename "$src" .c)
		want "user/$name*" || want "user/$name/*" || continue
		[ $linux = 1 ] && [ "$(meta "$src" linux | tail -n1)" = no ] && continue
		smps=$(meta "$src" smp | tail -n1)
		for n_smp in ${smps//,/ }; do
			jobs_list+=("$src:$n_smp")
		done
		[ -n "$smps" ] || jobs_list+=("$src:1")
	done
	# Kernels the chosen tests boot that this run has not built yet.
	if [ $linux = 0 ]; then
		for j in "${jobs_list[@]}"; do
			case $(meta "${j%:*}" image | tail -n1) in
			allyes) [ -f "$out/vmlego-allyesconfig" ] || build_config allyesconfig allyesconfig ;;
			debug) [ -f "$out/vmlego-debug" ] || build_config debug "defconfig debug.config" ;;
			hardened) [ -f "$out/vmlego-hardened" ] ||
				build_config hardened "defconfig hardened.config" ;;
			nocompat) [ -f "$out/vmlego-nocompat" ] ||
				build_config nocompat "defconfig nocompat.config" ;;
			esac
		done
	fi
	running=0
	for j in "${jobs_list[@]}"; do
		user_test "${j%:*}" "${j##*:}" &
		running=$((running + 1))
		if [ $running -ge "$JOBS" ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
	for j in "${jobs_list[@]}"; do
		src=${j%:*} name=$(basename "${j%:*}" .c)
		if [[ $(meta "$src" smp | tail -n1) == *,* ]]; then
			collect "" "$out/user-$name@smp${j##*:}.res"
		else
			collect "" "$out/user-$name.res"
		fi
	done
fi

# ---------------------------------------------------------------- net
# Lego VMs with virtio-net, lego-storaged and a lossy hub on loopback UDP
# (test/net/run.sh): the RPC layer and the components' protocols.
if [ $linux = 0 ] && want_section net; then
	bash test/net/run.sh "$out" > "$out/net.log" 2>&1
	collect "" "$out/net.log" || fail net/run "no results"
fi

# ---------------------------------------------------------------- boot
# The boots (test/boot/run.sh), and `make run`'s shell driven over the
# serial console (test/boot/shell.sh; on Linux too with --linux).
if want_section boot; then
	if [ $linux = 0 ]; then
		bash test/boot/run.sh "$out" > "$out/boot.log" 2>&1
		collect "" "$out/boot.log" || fail boot/run "no results"
		bash test/boot/shell.sh "$out" > "$out/shell.log" 2>&1
		collect boot/ "$out/shell.log" || fail boot/shell "no results"
	else
		bash test/boot/shell.sh "$out" --linux > "$out/shell-linux.log" 2>&1
		collect boot/ "$out/shell-linux.log" || fail boot/shell-linux "no results"
	fi
fi

# ---------------------------------------------------------------- bench
# `make bench` as a smoke run (bench/run.sh --quick: two iterations, Lego
# only).  It must run and give complete tables: every operation of
# bench/ops.h has a row in both, each cell a number or "n/a: REASON".
# No timing threshold: a benchmark is never a test.
bench_table_check() {	# bench_table_check RESULTS.md -> what is wrong, or nothing
	local md=$1 n rows
	awk -F'|' '/^\| / && !/^\| operation / {
		name = $2; gsub(/^ +| +$/, "", name); sub(/ \(ms\)$/, "", name)
		ok = NF > 3
		for (i = 3; i < NF; i++) {
			c = $i; gsub(/^ +| +$/, "", c)
			if (c !~ /^-?[0-9]+(\.[0-9]+)?$/ && c != "-" && c !~ /^n\/a: ./) ok = 0
		}
		print name, ok
	}' "$md" > "$md.rows"
	for n in $(sed -n 's/^BENCH_OP([a-z0-9_]*, *\([a-z0-9_]*\),.*/\1/p' bench/ops.h); do
		rows=$(grep -c "^$n 1\$" "$md.rows")
		[ "$rows" = 2 ] || echo -n " $n ($rows good rows of 2)"
	done
	grep -q ' 0$' "$md.rows" && echo -n " malformed: $(grep -m1 ' 0$' "$md.rows")"
}
if [ $linux = 0 ] && want bench/smoke; then
	log=$out/bench-smoke.log
	rm -f "$out/bench-smoke/results.md"
	if ! bash bench/run.sh --quick --out "$out/bench-smoke" > "$log" 2>&1; then
		fail bench/smoke "bench/run.sh --quick failed: $(tail -n1 "$log")"
	elif [ ! -f "$out/bench-smoke/results.md" ]; then
		fail bench/smoke "no results.md"
	else
		why=$(bench_table_check "$out/bench-smoke/results.md")
		if [ -n "$why" ]; then fail bench/smoke "incomplete table:$why"; else pass bench/smoke; fi
	fi
fi

echo "$passed passed, $failed failed"
[ $failed = 0 ]
