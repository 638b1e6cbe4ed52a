#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host tests of scripts/checksyscalls.sh and of the committed syscall list.
set -u
cd "$(dirname "$0")/../.."
top=$PWD
pass() { echo "PASS host/checksyscalls/$1"; }
fail() { echo "FAIL host/checksyscalls/$1: $2"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The real tree is consistent.
if out=$(bash scripts/checksyscalls.sh 2>&1); then
	pass tree-consistent
else
	fail tree-consistent "$out"
fi

# A small fake tree: a table and handlers, broken one way at a time.
mktree() {
	rm -rf "$work/t"
	mkdir -p "$work/t/arch/x86/entry/syscalls" "$work/t/kernel"
	printf '0\tcommon\tread\tsys_read\tstorage\n1\tcommon\twrite\tsys_write\tstorage\n2\tcommon\topen\tsys_open\tstorage\n3\t64\tuselib\tstorage\n' \
		> "$work/t/arch/x86/entry/syscalls/syscall_64.tbl"
	printf 'SYSCALL_DEFINE3(read, int, fd, char *, buf, size_t, n)\n' > "$work/t/kernel/a.c"
}
expect_fail() {	# expect_fail CASE PATTERN
	local out
	if out=$(bash scripts/checksyscalls.sh --srcdir "$work/t" 2>&1); then
		fail "$1" "accepted an inconsistent tree"
	elif ! grep -q -- "$2" <<< "$out"; then
		fail "$1" "message lacks '$2': $out"
	else
		pass "$1"
	fi
}

mktree
if out=$(bash scripts/checksyscalls.sh --srcdir "$work/t" 2>&1) &&
   grep -q 'CHKSYS  1 of 4' <<< "$out"; then
	pass fake-tree-consistent
else
	fail fake-tree-consistent "$out"
fi
# A line without an entry point ends in its home, which is no entry point.
if out=$(bash scripts/checksyscalls.sh -v --srcdir "$work/t" 2>&1) &&
   grep -q '^not implemented (-ENOSYS):' <<< "$out" &&
   ! grep -qE 'uselib|storage' <<< "$out"; then
	pass home-not-entry
else
	fail home-not-entry "$out"
fi

mktree
printf 'SYSCALL_DEFINE1(bogus, int, a)\n' >> "$work/t/kernel/a.c"
expect_fail handler-without-table-entry "kernel/a.c: handler sys_bogus is in no syscall table"

mktree
printf 'SYSCALL_DEFINE2(read, int, fd, char *, buf)\n' > "$work/t/kernel/b.c"
expect_fail argument-count-mismatch "sys_read defined with"

mktree
printf 'SYSCALL_DEFINE3(read, int, fd, char *, buf, size_t, n)\n' > "$work/t/kernel/b.c"
expect_fail defined-twice "sys_read defined twice"

mktree
printf '4\tcommon\tclose\tsys_read\tstorage\n' >> "$work/t/arch/x86/entry/syscalls/syscall_64.tbl"
printf 'SYSCALL_DEFINE1(close, int, fd)\n' >> "$work/t/kernel/a.c"
expect_fail entry-point-of-another 'handler sys_close is in no syscall table'

mktree
printf '0\tcommon\tread\tsys_read\n1\tcommon\twrite\tsys_write\n' \
	> "$work/t/arch/x86/entry/syscalls/syscall_32.tbl"
printf 'SYSCALL_DEFINE2(write, int, fd, char *, buf)\n' >> "$work/t/kernel/a.c"
printf 'SYSCALL_DEFINE3(write32, int, fd, char *, buf, size_t, n)\n' >> "$work/t/kernel/a.c"
sed -i 's/sys_write$/sys_write32/' "$work/t/arch/x86/entry/syscalls/syscall_32.tbl"
expect_fail table32-arg-count "write takes 2 arguments in 64-bit and 3 in 32-bit"

# The committed list is what make syscalls-doc generates now.
bash scripts/syscall-list.sh > "$work/list.rst"
if cmp -s "$work/list.rst" Documentation/syscall/list.rst; then
	pass list-current
else
	fail list-current "Documentation/syscall/list.rst is stale: run make syscalls-doc"
fi
# ... and it knows implemented, partial and ENOSYS entries.
if grep -qE '^0 +read +yes' "$work/list.rst" && grep -qE '^246 +kexec_load +ENOSYS' "$work/list.rst" &&
   grep -qE '^1000 +lego_ktest_irqs_off +yes +CONFIG_KTEST' "$work/list.rst"; then
	pass list-content
else
	fail list-content "unexpected rows"
fi
