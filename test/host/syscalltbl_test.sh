#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of the syscall table and its generators
# (arch/x86/entry/syscalls/syscall_64.tbl, syscalltbl.sh, syscallhdr.sh).
#
# Prints one line per case, "PASS host/syscalltbl/<case>" or
# "FAIL host/syscalltbl/<case>: <why>", and exits non-zero if any case failed.
# Work files go to a fresh directory under build/host/, removed at the end.

set -u
export LC_ALL=C

srctree=$(cd "$(dirname "$0")/../.." && pwd)
sysdir=$srctree/arch/x86/entry/syscalls
table=$sysdir/syscall_64.tbl
tblsh=$sysdir/syscalltbl.sh
hdrsh=$sysdir/syscallhdr.sh
# Linux's own numbers, as installed by linux-libc-dev.
linux64=${LINUX_UNISTD_64:-/usr/include/x86_64-linux-gnu/asm/unistd_64.h}
linuxx32=${LINUX_UNISTD_X32:-/usr/include/x86_64-linux-gnu/asm/unistd_x32.h}

mkdir -p "$srctree/build/host"
work=$(mktemp -d "$srctree/build/host/syscalltbl.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

failures=0
pass() { echo "PASS host/syscalltbl/$1"; }
fail() { echo "FAIL host/syscalltbl/$1: $2"; failures=$((failures + 1)); }
# check CASE WHY COMMAND...: PASS if COMMAND succeeds, else FAIL with WHY.
check() {
	local name=$1 why=$2
	shift 2
	if "$@"; then pass "$name"; else fail "$name" "$why"; fi
}

# --- The real table -----------------------------------------------------

tbl_out=$work/syscalls_64.h
hdr_out=$work/unistd_64.h
homes_out=$work/syscall_homes_64.h
if sh "$tblsh" --abis common,64 "$table" "$tbl_out" 2>"$work/tbl.err"; then
	pass tbl-generate
else
	fail tbl-generate "syscalltbl.sh failed: $(head -n 3 "$work/tbl.err")"
fi
if sh "$hdrsh" --abis common,64 --emit-nr "$table" "$hdr_out" 2>"$work/hdr.err"; then
	pass hdr-generate
else
	fail hdr-generate "syscallhdr.sh failed: $(head -n 3 "$work/hdr.err")"
fi
if sh "$tblsh" --homes --abis common,64 "$table" "$homes_out" 2>"$work/homes.err"; then
	pass homes-generate
else
	fail homes-generate "syscalltbl.sh --homes failed: $(head -n 3 "$work/homes.err")"
fi
touch "$tbl_out" "$hdr_out" "$homes_out"

has_line() { grep -qxF -- "$2" "$1"; }
for want in "__SYSCALL(0, sys_read)" "__SYSCALL(60, sys_exit)" \
	    "__SYSCALL(231, sys_exit_group)" "__SYSCALL(435, sys_clone3)" \
	    "__SYSCALL(1000, sys_lego_ktest_irqs_off)"; do
	nr=${want#__SYSCALL(}; nr=${nr%%,*}
	check "tbl-entry-$nr" "no line '$want'" has_line "$tbl_out" "$want"
done

# The selected lines, counted straight from the table, independently of the
# generators: "number name entry" for abi common or 64 (the entry point is
# the fourth of five fields; the last is the home).
awk '!/^[ \t]*(#|$)/ && ($2 == "common" || $2 == "64") { print $1, $3, (NF == 5 ? $4 : "") }' \
	"$table" >"$work/selected"

want=$(awk 'NF == 3' "$work/selected" | wc -l)
got=$(grep -c '^__SYSCALL(' "$tbl_out")
if [ "$got" -eq "$want" ] && [ "$want" -gt 300 ]; then
	pass tbl-count
else
	fail tbl-count "$got __SYSCALL lines, $want common/64 table lines with an entry point"
fi

if grep -v '^/\*' "$tbl_out" | grep -qv '^__SYSCALL([0-9][0-9]*, sys_[a-z0-9_]*)$'; then
	fail tbl-format "unexpected line: $(grep -v '^/\*' "$tbl_out" | grep -v '^__SYSCALL(' | head -n 1)"
else
	pass tbl-format
fi

if sed -n 's/^__SYSCALL(\([0-9]*\),.*/\1/p' "$tbl_out" | sort -n -c -u 2>/dev/null; then
	pass tbl-sorted
else
	fail tbl-sorted "__SYSCALL lines are not in strictly increasing number order"
fi

if grep -qE 'compat_sys_|^__SYSCALL\((51[2-9]|5[2-4][0-9]),' "$tbl_out"; then
	fail tbl-no-x32 "x32 entries in the 64-bit table: $(grep -E 'compat_sys_|\((5[1-4][0-9]),' "$tbl_out" | head -n 1)"
else
	pass tbl-no-x32
fi

# Numbers Linux never implemented have no slot: they stay sys_ni_syscall.
bad=
for nr in 134 156 174 177 178 180 181 182 183 184 185 205 211 212 214 215 236; do
	grep -q "^__SYSCALL($nr," "$tbl_out" && bad="$bad $nr"
done
check tbl-empty-entries "entries emitted for numbers with an empty entry point:$bad" \
	test -z "$bad"

hdr_nr() { sed -n "s/^#define __NR_$2 \([0-9][0-9]*\)\$/\1/p" "$1"; }
for pair in read:0 write:1 rt_sigreturn:15 exit:60 exit_group:231 clone3:435 \
	    mseal:462 create_module:174 _sysctl:156 lego_ktest_irqs_off:1000; do
	name=${pair%%:*} nr=${pair#*:}
	got=$(hdr_nr "$hdr_out" "$name")
	check "hdr-nr-$name" "__NR_$name is '$got', expected $nr" test "$got" = "$nr"
done

want=$(awk '{ if ($1 + 0 > max) max = $1 + 0 } END { print max + 1 }' "$work/selected")
got=$(hdr_nr "$hdr_out" syscalls)
check hdr-nr-syscalls "__NR_syscalls is '$got', expected $want (highest number + 1)" \
	test "$got" = "$want" -a "$want" -gt 1000

# Exactly the common/64 numbers, each once, and no x32 ones.
sed -n 's/^#define __NR_\([A-Za-z0-9_]*\) \([0-9][0-9]*\)$/\2 \1/p' "$hdr_out" |
	grep -v ' syscalls$' | sort -n >"$work/hdr_pairs"
awk '{ print $1, $2 }' "$work/selected" | sort -n >"$work/want_pairs"
if cmp -s "$work/hdr_pairs" "$work/want_pairs"; then
	pass hdr-all-selected
else
	fail hdr-all-selected "the __NR_ lines differ from the common/64 table lines: $(diff "$work/want_pairs" "$work/hdr_pairs" | sed -n 2p)"
fi
if awk '$1 >= 512 && $1 <= 547' "$work/hdr_pairs" | grep -q .; then
	fail hdr-no-x32 "x32 numbers in the 64-bit header"
else
	pass hdr-no-x32
fi

# --- Homes ---------------------------------------------------------------

# One __SYSCALL_HOME per selected line, entry point or not, in number order,
# with the table's number, name and home.
awk '!/^[ \t]*(#|$)/ && ($2 == "common" || $2 == "64") { print $1, $3, $NF }' \
	"$table" | sort -n >"$work/want_homes"
sed -n 's/^__SYSCALL_HOME(\([0-9]*\), \([a-z0-9_]*\), \([a-z]*\))$/\1 \2 \3/p' "$homes_out" \
	>"$work/got_homes"
if cmp -s "$work/want_homes" "$work/got_homes" &&
   [ "$(grep -vc '^/\*' "$homes_out")" -eq "$(wc -l <"$work/want_homes")" ]; then
	pass homes-all-selected
else
	fail homes-all-selected "the __SYSCALL_HOME lines differ from the table: $(diff "$work/want_homes" "$work/got_homes" | sed -n 2p)"
fi

# The rule of syscall_64.tbl's header, for the syscalls it names and their
# relatives: a wrong home here fails the test.
home_of() { awk -v n="$1" '$2 == n { print $3 }' "$work/got_homes"; }
expect_homes() {	# expect_homes HOME NAME...
	local want=$1 name got bad=
	shift
	for name; do
		got=$(home_of "$name")
		[ "$got" = "$want" ] || bad="$bad $name=${got:-missing}"
	done
	check "homes-$want" "expected $want:$bad" test -z "$bad"
}
expect_homes storage read write open openat openat2 creat close close_range lseek \
	pread64 pwrite64 readv writev preadv pwritev preadv2 pwritev2 stat lstat fstat \
	newfstatat statx statfs fstatfs getdents getdents64 mkdir mkdirat rmdir unlink \
	unlinkat rename renameat renameat2 link linkat symlink symlinkat readlink \
	readlinkat truncate ftruncate fsync fdatasync sync syncfs fallocate access \
	faccessat faccessat2 chmod fchmod fchmodat chown fchown lchown fchownat utimensat \
	chdir fchdir chroot mknod mknodat execve execveat sendfile copy_file_range \
	getxattr setxattr listxattr removexattr uselib
expect_homes memory brk mmap munmap mremap mprotect madvise mlock mlock2 munlock \
	mlockall munlockall mincore remap_file_pages pkey_mprotect mseal shmat shmdt
expect_homes local getpid gettid fork vfork clone clone3 exit exit_group wait4 \
	kill rt_sigaction rt_sigprocmask rt_sigreturn nanosleep clock_gettime futex \
	pipe pipe2 dup dup2 dup3 fcntl ioctl poll select epoll_wait socket eventfd2 \
	uname getcwd umask sched_yield arch_prctl set_tid_address lego_ktest_irqs_off
# An x32 line serves what its 64-bit namesake serves.
mismatch=$(awk '!/^[ \t]*(#|$)/ { if ($2 == "x32") x[$3] = $NF; else h[$3] = $NF }
	END { for (n in x) if ((n in h) && h[n] != x[n]) printf " %s", n }' "$table")
check homes-x32-agree "x32 lines with another home than the 64-bit line:$mismatch" \
	test -z "$mismatch"

guard=$(sed -n 's/^#ifndef \(.*\)/\1/p' "$hdr_out")
if [ -n "$guard" ] && grep -qx "#define $guard" "$hdr_out" &&
   grep -qx "#endif /\* $guard \*/" "$hdr_out"; then
	pass hdr-guard
else
	fail hdr-guard "no '#ifndef G / #define G / #endif' include guard"
fi

# The generated files are valid C, together and included twice, and the
# table they make has __NR_syscalls slots.
if command -v gcc >/dev/null 2>&1; then
	cat >"$work/use.c" <<-EOF
	#include "$hdr_out"
	#include "$hdr_out"
	typedef long (*call_t)(void);
	long sys_ni_syscall(void);
	long sys_ni_syscall(void) { return -38; }
	#define __SYSCALL(nr, sym) long sym(void) __attribute__((weak, alias("sys_ni_syscall")));
	#include "$tbl_out"
	#undef __SYSCALL
	#define __SYSCALL(nr, sym) [nr] = sym,
	const call_t table[] = {
	#include "$tbl_out"
	};
	_Static_assert(sizeof(table) / sizeof(table[0]) == __NR_syscalls, "table size");
	_Static_assert(__NR_exit_group == 231, "exit_group");
	enum { local, memory, storage };
	#define __SYSCALL_HOME(nr, name, home) [nr] = home,
	const unsigned char homes[] = {
	#include "$homes_out"
	};
	_Static_assert(sizeof(homes) == __NR_syscalls, "homes size");
	EOF
	if gcc -std=gnu11 -Wall -c "$work/use.c" -o "$work/use.o" 2>"$work/gcc.err"; then
		pass c-compiles
	else
		fail c-compiles "gcc: $(head -n 2 "$work/gcc.err" | tr '\n' ' ')"
	fi
fi

# --- Against Linux's own headers ------------------------------------------

if [ -r "$linux64" ]; then
	sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9][0-9]*\)$/\1 \2/p' "$linux64" \
		| sort >"$work/linux64"
	sed -n 's/^#define __NR_\([A-Za-z0-9_]*\) \([0-9][0-9]*\)$/\1 \2/p' "$hdr_out" \
		| sort >"$work/ours64"
	both=$(join "$work/linux64" "$work/ours64" | wc -l)
	mismatch=$(join "$work/linux64" "$work/ours64" | awk '$2 != $3' | head -n 3 | tr '\n' ';')
	if [ -z "$mismatch" ] && [ "$both" -gt 300 ]; then
		pass linux-numbers-agree
	else
		fail linux-numbers-agree "$both names compared; disagree (name linux lego): $mismatch"
	fi
	missing=$(join -v 1 "$work/linux64" "$work/ours64" | head -n 5 | tr '\n' ' ')
	check linux-names-covered "names in $linux64 missing from the table: $missing" \
		test -z "$missing"
else
	fail linux-numbers-agree "cannot read $linux64 (install linux-libc-dev)"
fi

# x32: the table's common and x32 lines must give Linux's x32 numbers.
if [ -r "$linuxx32" ]; then
	if sh "$hdrsh" --abis common,x32 "$table" "$work/unistd_x32.h" 2>"$work/x32.err"; then
		sed -n 's/^#define __NR_\([a-z0-9_]*\) (__X32_SYSCALL_BIT + \([0-9]*\))$/\1 \2/p' \
			"$linuxx32" | sort >"$work/linuxx32"
		sed -n 's/^#define __NR_\([A-Za-z0-9_]*\) \([0-9][0-9]*\)$/\1 \2/p' \
			"$work/unistd_x32.h" | sort >"$work/oursx32"
		mismatch=$(join "$work/linuxx32" "$work/oursx32" | awk '$2 != $3' | head -n 3 | tr '\n' ';')
		missing=$(join -v 1 "$work/linuxx32" "$work/oursx32" | head -n 5 | tr '\n' ' ')
		if [ -z "$mismatch$missing" ]; then
			pass linux-x32-numbers-agree
		else
			fail linux-x32-numbers-agree "disagree: $mismatch missing: $missing"
		fi
	else
		fail linux-x32-numbers-agree "syscallhdr.sh --abis common,x32 failed: $(head -n 2 "$work/x32.err")"
	fi
fi

# --- The 32-bit (i386) table ----------------------------------------------

# syscall_32.tbl: Linux's i386 numbers, entry points the 64-bit table's own
# handlers or compat_sys_ ones, and the homes of the 64-bit namesakes.
table32=$sysdir/syscall_32.tbl
linux32=${LINUX_UNISTD_32:-/usr/include/x86_64-linux-gnu/asm/unistd_32.h}
if sh "$tblsh" --abis i386 "$table32" "$work/syscalls_32.h" 2>"$work/tbl32.err" &&
   sh "$hdrsh" --abis i386 --prefix ia32_ --emit-nr "$table32" "$work/unistd_32_ia32.h" 2>>"$work/tbl32.err"; then
	pass i386-generate
else
	fail i386-generate "$(head -n 3 "$work/tbl32.err")"
fi
for pair in restart_syscall:0 exit:1 write:4 getpid:20 mmap2:192 fstat64:197 \
	    set_thread_area:243 exit_group:252 clock_gettime64:403 clone3:435 syscalls:471; do
	name=${pair%%:*} nr=${pair#*:}
	got=$(hdr_nr "$work/unistd_32_ia32.h" "ia32_$name")
	check "i386-nr-$name" "__NR_ia32_$name is '$got', expected $nr" test "$got" = "$nr"
done
bad=$(awk '!/^[ \t]*(#|$)/ && ($2 != "i386" || (NF == 5 && $4 !~ /^(compat_)?sys_[a-z0-9_]+$/)) { print FNR }' \
	"$table32" | head -n 3 | tr '\n' ' ')
check i386-format "lines not 'i386' with a sys_ or compat_sys_ entry point: $bad" test -z "$bad"
# A sys_ entry point is a 64-bit table entry point (the same handler), but
# for the 16-bit-uid calls, which are -ENOSYS.
awk '!/^[ \t]*(#|$)/ && $2 != "x32" && NF == 5 { print $4 }' "$table" | sort -u >"$work/entries64"
awk '!/^[ \t]*(#|$)/ && NF == 5 && $4 ~ /^sys_/ && $4 !~ /16$/ { print $4 }' "$table32" |
	sort -u >"$work/entries32"
missing=$(comm -23 "$work/entries32" "$work/entries64" | head -n 5 | tr '\n' ' ')
check i386-sys-entries-shared "sys_ entry points the 64-bit table lacks: $missing" test -z "$missing"
# The home of an i386 line is its 64-bit namesake's.
mismatch=$(awk 'FNR == NR { if (!/^[ \t]*(#|$)/ && $2 != "x32") h[$3] = $NF; next }
	!/^[ \t]*(#|$)/ && ($3 in h) && h[$3] != $NF { printf " %s", $3 }' "$table" "$table32")
check i386-homes-agree "i386 lines with another home than the 64-bit line:$mismatch" \
	test -z "$mismatch"
if [ -r "$linux32" ]; then
	sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9][0-9]*\)$/\1 \2/p' "$linux32" | sort >"$work/linux32"
	sed -n 's/^#define __NR_ia32_\([A-Za-z0-9_]*\) \([0-9][0-9]*\)$/\1 \2/p' \
		"$work/unistd_32_ia32.h" | grep -v '^syscalls ' | sort >"$work/ours32"
	mismatch=$(join "$work/linux32" "$work/ours32" | awk '$2 != $3' | head -n 3 | tr '\n' ';')
	missing=$(join -v 1 "$work/linux32" "$work/ours32" | head -n 5 | tr '\n' ' ')
	both=$(join "$work/linux32" "$work/ours32" | wc -l)
	if [ -z "$mismatch$missing" ] && [ "$both" -gt 400 ]; then
		pass linux-i386-numbers-agree
	else
		fail linux-i386-numbers-agree "$both compared; disagree: $mismatch missing: $missing"
	fi
else
	fail linux-i386-numbers-agree "cannot read $linux32 (install linux-libc-dev)"
fi
# A broken line is refused like in the 64-bit table.
cp "$table32" "$work/bad32.tbl"
printf '4\ti386\twrite2\tsys_write\tstorage\n' >>"$work/bad32.tbl"
if sh "$tblsh" --abis i386 "$work/bad32.tbl" "$work/bad32.h" 2>"$work/bad32.err"; then
	fail i386-duplicate-refused "a second number 4 was accepted"
else
	check i386-duplicate-refused "no 'duplicate number 4' message" grep -q 'duplicate number 4' "$work/bad32.err"
fi

# --- Stability -------------------------------------------------------------

# Same input, same output, byte for byte, whatever directory holds the table.
mkdir -p "$work/other"
copy=$work/other/syscall_64.tbl
cp "$table" "$copy"
sh "$tblsh" "$copy" "$work/other/syscalls_64.h" 2>/dev/null
sh "$hdrsh" --emit-nr "$copy" "$work/other/unistd_64.h" 2>/dev/null
sh "$tblsh" --homes "$copy" "$work/other/syscall_homes_64.h" 2>/dev/null
if cmp -s "$tbl_out" "$work/other/syscalls_64.h" && cmp -s "$hdr_out" "$work/other/unistd_64.h" &&
   cmp -s "$homes_out" "$work/other/syscall_homes_64.h"; then
	pass stable-output
else
	fail stable-output "a second run (default --abis, table in another directory) wrote different bytes"
fi

# Unchanged output keeps its timestamp (no needless rebuilds) ...
touch -d '2001-01-01 00:00:00' "$tbl_out" "$hdr_out"
old_tbl=$(stat -c %Y "$tbl_out") old_hdr=$(stat -c %Y "$hdr_out")
sh "$tblsh" --abis common,64 "$table" "$tbl_out"
sh "$hdrsh" --abis common,64 --emit-nr "$table" "$hdr_out"
if [ "$(stat -c %Y "$tbl_out")" = "$old_tbl" ] && [ "$(stat -c %Y "$hdr_out")" = "$old_hdr" ]; then
	pass unchanged-keeps-mtime
else
	fail unchanged-keeps-mtime "rerunning on the same table touched the output"
fi
# ... and changed output is replaced.
printf '1500\t64\tlego_new_test\tsys_lego_new_test\tlocal\n' >>"$copy"
sh "$tblsh" "$copy" "$tbl_out" 2>/dev/null
if [ "$(stat -c %Y "$tbl_out")" != "$old_tbl" ] &&
   grep -qxF '__SYSCALL(1500, sys_lego_new_test)' "$tbl_out"; then
	pass changed-replaces
else
	fail changed-replaces "a new table line did not reach the output"
fi

# Nothing but the outputs is left next to them.
leftover=$(find "$work" -name '.*.tmp.*' -o -name '.*.records.*' | head -n 1)
check no-temp-files "left behind: $leftover" test -z "$leftover"

# --- Bad tables ------------------------------------------------------------

# bad_table CASE LINE CONTENTS [ABIS]: every generator mode must fail, say
# "FILE:LINE: ..." on stderr, and write no output file.
bad_table() {
	local name=$1 line=$2 contents=$3 abis=${4:-common,64}
	local in=$work/$name.tbl why= tool out err
	printf '%s' "$contents" >"$in"
	for tool in tbl hdr homes; do
		out=$work/$name.$tool.h err=$work/$name.$tool.err
		case $tool in
		tbl)	sh "$tblsh" --abis "$abis" "$in" "$out" 2>"$err" ;;
		hdr)	sh "$hdrsh" --abis "$abis" --emit-nr "$in" "$out" 2>"$err" ;;
		homes)	sh "$tblsh" --homes --abis "$abis" "$in" "$out" 2>"$err" ;;
		esac
		if [ $? -eq 0 ]; then
			why="$why syscall$tool.sh succeeded;"
		elif ! grep -q "^$in:$line: ." "$err"; then
			why="$why syscall$tool.sh said '$(head -n 1 "$err")', not '$in:$line: ...';"
		fi
		[ -e "$out" ] && why="$why syscall$tool.sh wrote $out;"
	done
	check "bad-$name" "${why% }" test -z "$why"
}

T=$'\t'
ok_lines="# a comment${T}line

0${T}common${T}read${T}${T}${T}sys_read${T}storage
   # an indented comment
1${T}common${T}write${T}${T}${T}sys_write${T}storage"
bad_table dup-number 6 "$ok_lines
0${T}64${T}other${T}${T}${T}sys_other${T}storage
"
bad_table dup-name 6 "$ok_lines
7${T}common${T}write${T}${T}${T}sys_write2${T}storage
"
bad_table dup-entry 6 "$ok_lines
7${T}common${T}write2${T}${T}${T}sys_write${T}storage
"
bad_table bad-abi 6 "$ok_lines
7${T}x64${T}poll${T}${T}${T}sys_poll${T}local
"
bad_table garbage-3-fields 6 "$ok_lines
this is garbage
"
bad_table non-numeric 6 "$ok_lines
7a${T}common${T}poll${T}${T}${T}sys_poll${T}local
"
bad_table negative 6 "$ok_lines
-7${T}common${T}poll${T}${T}${T}sys_poll${T}local
"
bad_table leading-zero 6 "$ok_lines
010${T}common${T}poll${T}${T}${T}sys_poll${T}local
"
bad_table too-large 6 "$ok_lines
99999${T}common${T}poll${T}${T}${T}sys_poll${T}local
"
bad_table too-few-fields 6 "$ok_lines
7${T}common
"
bad_table too-many-fields 6 "$ok_lines
7${T}common${T}poll${T}sys_poll${T}sys_poll2${T}local
"
# The home: never missing, never anything but local, memory or storage.
bad_table missing-home 6 "$ok_lines
7${T}common${T}poll${T}${T}${T}sys_poll
"
bad_table no-entry-missing-home 6 "$ok_lines
7${T}common${T}poll
"
bad_table unknown-home 6 "$ok_lines
7${T}common${T}poll${T}${T}${T}sys_poll${T}remote
"
bad_table home-before-entry 6 "$ok_lines
7${T}common${T}poll${T}local${T}sys_poll
"
bad_table home-case 6 "$ok_lines
7${T}common${T}poll${T}${T}${T}sys_poll${T}Local
"
bad_table unknown-home-unselected 6 "$ok_lines
512${T}x32${T}rt_sigaction${T}compat_sys_rt_sigaction${T}processor
"
has_error() {	# has_error CASE TEXT: syscalltbl.sh's message for CASE says TEXT
	check "$1-message" "stderr: $(head -n 1 "$work/$1.tbl.err")" grep -qF -- "$2" "$work/$1.tbl.err"
}
has_error missing-home 'no home after entry point "sys_poll"'
has_error unknown-home 'unknown home "remote" (expected local, memory or storage)'
has_error home-before-entry 'no home after entry point "sys_poll"'
has_error home-case 'unknown home "Local"'
has_error no-entry-missing-home 'expected 4 or 5 fields'

bad_table bad-name 6 "$ok_lines
7${T}common${T}po-ll${T}${T}${T}sys_poll${T}local
"
bad_table bad-entry 6 "$ok_lines
7${T}common${T}poll${T}${T}${T}sys_poll()${T}local
"
# A bad line is an error even in an ABI that is not selected.
bad_table malformed-unselected 6 "$ok_lines
512${T}x32${T}rt_sigaction${T}compat sys_rt_sigaction${T}local
"

# A bad table leaves an existing output exactly as it was, and no work files.
printf '%s\n' "$ok_lines" >"$work/good.tbl"
printf '%s\n0\tcommon\tread2\tstorage\n' "$ok_lines" >"$work/bad.tbl"
sh "$tblsh" "$work/good.tbl" "$work/keep.h" 2>/dev/null
cp -p "$work/keep.h" "$work/keep.orig"
if ! sh "$tblsh" "$work/bad.tbl" "$work/keep.h" 2>/dev/null &&
   cmp -s "$work/keep.h" "$work/keep.orig" &&
   [ "$(stat -c %Y "$work/keep.h")" = "$(stat -c %Y "$work/keep.orig")" ] &&
   [ -z "$(find "$work" -name '.keep.h.*')" ]; then
	pass bad-keeps-old-output
else
	fail bad-keeps-old-output "a failed run changed the previous output or left work files"
fi

# A duplicate among unselected ABIs is fine: x32 reuses 64-bit names and
# entry points under its own numbers, and the entry point column may be empty.
printf '%s' "$ok_lines
19${T}64${T}readv${T}${T}${T}sys_readv${T}storage
174${T}64${T}create_module${T}local
515${T}x32${T}readv${T}${T}${T}sys_readv${T}storage
" >"$work/x32dup.tbl"
if sh "$tblsh" "$work/x32dup.tbl" "$work/x32dup.h" 2>"$work/x32dup.err" &&
   sh "$hdrsh" --abis common,x32 "$work/x32dup.tbl" "$work/x32dup_hdr.h" 2>>"$work/x32dup.err"; then
	pass unselected-duplicates-allowed
else
	fail unselected-duplicates-allowed "$(head -n 1 "$work/x32dup.err")"
fi

# Usage errors: exit status 2, no output.
sh "$tblsh" --abis common,65 "$table" "$work/usage.h" 2>/dev/null
rc=$?
check usage-bad-abis "unknown ABI in --abis: exit status $rc, expected 2" \
	test "$rc" -eq 2 -a ! -e "$work/usage.h"
sh "$tblsh" "$table" 2>/dev/null
rc=$?
check usage-missing-outfile "one file argument: exit status $rc, expected 2" test "$rc" -eq 2

[ "$failures" -eq 0 ]
