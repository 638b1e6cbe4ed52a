#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checksyscalls.sh [--srcdir DIR] [--table FILE] [--table32 FILE] [-v]
#
# Build-time consistency of the syscall tables and the handlers:
#   errors (exit 1, "FILE: reason"):
#     - a handler (SYSCALL_DEFINEn) whose sys_<name> no table line names
#     - one syscall defined twice, or with two argument counts
#     - a table line whose entry point is another syscall's handler
#     - a name in both 64-bit and 32-bit tables whose entry points take
#       different argument counts (when a 32-bit table exists)
#   report (-v lists them): table entries with no handler, which return
#     -ENOSYS by design.
set -u
srcdir=. table= table32= verbose=0
while [ $# -gt 0 ]; do
	case $1 in
	--srcdir) srcdir=$2; shift 2 ;;
	--table) table=$2; shift 2 ;;
	--table32) table32=$2; shift 2 ;;
	-v) verbose=1; shift ;;
	*) echo "usage: $0 [--srcdir DIR] [--table FILE] [--table32 FILE] [-v]" >&2; exit 2 ;;
	esac
done
table=${table:-$srcdir/arch/x86/entry/syscalls/syscall_64.tbl}
[ -n "$table32" ] || { [ -f "$srcdir/arch/x86/entry/syscalls/syscall_32.tbl" ] &&
	table32=$srcdir/arch/x86/entry/syscalls/syscall_32.tbl; }
here=$(cd "$(dirname "$0")" && pwd)
handlers=$(bash "$here/syscall-handlers.sh" "$srcdir") || exit 2

awk -v table="$table" -v table32="$table32" -v verbose="$verbose" '
function load(file, tag,    line, n, f) {
	while ((getline line < file) > 0) {
		sub(/#.*/, "", line)
		n = split(line, f, /[ \t]+/)
		if (n < 3 || f[1] == "") continue
		if (f[2] == "x32") continue
		# The entry point is the fourth field unless that is the home
		# (syscall_64.tbl ends every line with local, memory or storage).
		if (n >= 4 && f[4] != "" && f[4] !~ /^(local|memory|storage)$/) {
			entry[tag, f[3]] = f[4]
			owner[tag, f[4]] = (owner[tag, f[4]] == "" ? f[3] : owner[tag, f[4]])
			names[tag, f[3]] = 1
		} else {
			names[tag, f[3]] = 1
		}
		total[tag]++
	}
	close(file)
}
BEGIN { load(table, 64); if (table32 != "") load(table32, 32) }
{
	name = $1; nargs = $2; file = $3
	if (name in hnargs) {
		if (hnargs[name] != nargs)
			err = err sprintf("%s: sys_%s defined with %d and %d arguments (also %s)\n", file, name, hnargs[name], nargs, hfile[name])
		else
			err = err sprintf("%s: sys_%s defined twice (also %s)\n", file, name, hfile[name])
		next
	}
	hnargs[name] = nargs; hfile[name] = file
	e = "sys_" name
	if (!((64, e) in owner) && !((32, e) in owner))
		err = err sprintf("%s: handler sys_%s is in no syscall table\n", file, name)
	else if ((64, e) in owner && owner[64, e] != name && !((64, name) in names))
		err = err sprintf("%s: sys_%s is the entry point of \"%s\" in %s\n", file, name, owner[64, e], table)
}
END {
	implemented = 0; missing = ""
	for (k in entry) {
		split(k, p, SUBSEP)
		if (p[1] != 64) continue
		e = entry[k]; sub(/^sys_/, "", e)
		if (e in hnargs) implemented++
		else missing = missing " " p[2]
		if (table32 != "" && (32, p[2]) in entry) {
			e32 = entry[32, p[2]]; sub(/^(compat_)?sys_/, "", e32)
			if ((e in hnargs) && (e32 in hnargs) && hnargs[e] != hnargs[e32])
				err = err sprintf("%s: %s takes %d arguments in 64-bit and %d in 32-bit\n", table32, p[2], hnargs[e], hnargs[e32])
		}
	}
	printf "%s", err > "/dev/stderr"
	if (verbose && missing != "")
		printf "not implemented (-ENOSYS):%s\n", missing
	printf "  CHKSYS  %d of %d 64-bit table entries have handlers\n", implemented, total[64]
	exit err != ""
}' <<< "$handlers"
