#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# syscalltbl.sh [--abis LIST] INFILE OUTFILE
#
#   Reads the syscall table INFILE (syscall_64.tbl; its header comment gives
#   the format) and writes OUTFILE, a C fragment with one line
#
#	__SYSCALL(<number>, <entry point>)
#
#   for every table line whose abi is in LIST (comma-separated, default
#   "common,64") and whose entry point is not empty, in increasing number
#   order.  The kernel includes it several times under different definitions
#   of __SYSCALL (weak prototypes, the table, the names), so the numbers are
#   written down exactly once.
#
# syscalltbl.sh --homes [--abis LIST] INFILE OUTFILE
#
#   writes one line
#
#	__SYSCALL_HOME(<number>, <name>, <home>)
#
#   for every selected line (those with an empty entry point too), in number
#   order: where the syscall is served in a disaggregated Lego (local,
#   memory or storage; Documentation/syscall/facts.rst says which is which).
#
# syscallhdr.sh is this script run with --header:
#
# syscalltbl.sh --header [--abis LIST] [--prefix P] [--emit-nr] INFILE OUTFILE
#
#   writes a header with an include guard derived from OUTFILE's name and
#   "#define __NR_<P><name> <number>" for every selected line (those with an
#   empty entry point too); with --emit-nr, also
#   "#define __NR_<P>syscalls <highest number + 1>".
#
# Every mode checks the whole table before writing anything.  A malformed line
# (not 4 or 5 fields, a number that is not a plain non-negative decimal, an
# unknown abi, a name or entry point that is not a C identifier, a last field
# that is not a home) or, among the
# selected ABIs, a second use of a number, a name or a non-empty entry point
# is reported as "INFILE:LINE: reason" on stderr; the exit status is then 1
# and OUTFILE is left as it was.  Usage errors exit with 2.
#
# The output depends only on the table's contents and the options (not on
# the time, the user, or the path the table was named by), and OUTFILE is
# replaced, by a rename in its own directory, only when its contents change:
# an unchanged table leaves OUTFILE's timestamp alone, so nothing rebuilds.

LC_ALL=C
export LC_ALL

prog=syscalltbl.sh
header=
homes=
abis=common,64
prefix=
emit_nr=

# The syscall table is an array indexed by number, so a typo such as 40000
# would silently make it huge; numbers above this are refused.
max_number=4095

usage() {
	if [ -n "$header" ]; then
		echo "usage: $prog [--abis LIST] [--prefix P] [--emit-nr] INFILE OUTFILE" >&2
	else
		echo "usage: $prog [--homes] [--abis LIST] INFILE OUTFILE" >&2
	fi
	echo "  LIST: comma-separated ABIs among common, 64, x32, i386 (default common,64)" >&2
	exit "${1:-2}"
}

die() {
	echo "$prog: $*" >&2
	exit 2
}

# --header must come first, so that the usage message can name the right tool.
if [ "$1" = --header ]; then
	header=1
	prog=syscallhdr.sh
	shift
fi

while [ $# -gt 0 ]; do
	case $1 in
	--abis)		[ $# -ge 2 ] || usage; abis=$2; shift 2 ;;
	--abis=*)	abis=${1#--abis=}; shift ;;
	--prefix)	[ -n "$header" ] && [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
	--prefix=*)	[ -n "$header" ] || usage; prefix=${1#--prefix=}; shift ;;
	--emit-nr)	[ -n "$header" ] || usage; emit_nr=1; shift ;;
	--homes)	[ -z "$header" ] || usage; homes=1; shift ;;
	-h|--help)	usage 0 ;;
	--)		shift; break ;;
	-*)		echo "$prog: unknown option '$1'" >&2; usage ;;
	*)		break ;;
	esac
done
[ $# -eq 2 ] || usage
infile=$1
outfile=$2

case ,$abis, in
*,,*)	die "--abis '$abis': empty ABI name" ;;
esac
for abi in $(echo "$abis" | tr ',' ' '); do
	case $abi in
	common|64|x32|i386) ;;
	*) die "--abis: unknown ABI '$abi' (known: common, 64, x32, i386)" ;;
	esac
done
case $prefix in
*[!A-Za-z0-9_]*) die "--prefix '$prefix' is not part of a C identifier" ;;
esac
[ -f "$infile" ] && [ -r "$infile" ] || die "cannot read table '$infile'"

outdir=$(dirname -- "$outfile")
outbase=$(basename -- "$outfile")
[ -d "$outdir" ] || die "directory '$outdir' of '$outfile' does not exist"

# Work files live next to OUTFILE so that the final mv is a rename within one
# file system; they are removed however the script ends.
records="$outdir/.$outbase.records.$$"
tmp="$outdir/.$outbase.tmp.$$"
trap 'rm -f "$records" "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# Pass 1: check every line; print "number<TAB>name<TAB>entry<TAB>home" for the
# selected ones.  Names reach awk through the environment, not -v, which
# would interpret backslashes.
SYSTBL_FILE=$infile SYSTBL_ABIS=$abis SYSTBL_MAX=$max_number awk '
BEGIN {
	file = ENVIRON["SYSTBL_FILE"]
	max = ENVIRON["SYSTBL_MAX"] + 0
	n = split(ENVIRON["SYSTBL_ABIS"], list, ",")
	for (i = 1; i <= n; i++)
		selected[list[i]] = 1
	known["common"] = known["64"] = known["x32"] = known["i386"] = 1
	home_ok["local"] = home_ok["memory"] = home_ok["storage"] = 1
	ident = "^[A-Za-z_][A-Za-z0-9_]*$"
	failed = 0
}

function complain(msg) {
	printf "%s:%d: %s\n", file, FNR, msg > "/dev/stderr"
	failed = 1
}

# Blank lines and comments.
/^[ \t\r]*$/ || /^[ \t]*#/ { next }

{
	if (NF != 4 && NF != 5) {
		complain("expected 4 or 5 fields (number abi name [entry point] home), found " NF)
		next
	}
	nr = $1; abi = $2; name = $3; entry = (NF == 5) ? $4 : ""; home = $NF
	ok = 1
	if (!(home in home_ok)) {
		if (home ~ /^(compat_)?sys_/)
			complain("no home after entry point \"" home "\" (the last field is local, memory or storage)")
		else
			complain("unknown home \"" home "\" (expected local, memory or storage)")
		ok = 0
	}
	if (nr !~ /^[0-9]+$/) {
		complain("number \"" nr "\" is not a non-negative decimal integer")
		ok = 0
	} else if (nr ~ /^0./) {
		complain("number \"" nr "\" has a leading zero (C would read it as octal)")
		ok = 0
	} else if (length(nr) > 9 || nr + 0 > max) {
		complain("number " nr " is above " max " (the syscall table is an array indexed by number)")
		ok = 0
	}
	if (!(abi in known)) {
		complain("unknown abi \"" abi "\" (expected common, 64, x32 or i386)")
		ok = 0
	}
	if (name !~ ident) {
		complain("name \"" name "\" has invalid characters (must be a C identifier)")
		ok = 0
	}
	if (entry != "" && entry !~ ident) {
		complain("entry point \"" entry "\" has invalid characters (must be a C identifier)")
		ok = 0
	}
	if (!ok || !(abi in selected))
		next

	# Duplicates are checked among the selected ABIs only: x32 reuses
	# names and entry points of 64-bit lines under other numbers.
	if (nr in nr_line) {
		complain("duplicate number " nr " (already " nr_name[nr] " at line " nr_line[nr] ")")
		ok = 0
	}
	if (name in name_line) {
		complain("duplicate name " name " (already number " name_nr[name] " at line " name_line[name] ")")
		ok = 0
	}
	if (entry != "" && (entry in entry_line)) {
		complain("duplicate entry point " entry " (already " entry_name[entry] " at line " entry_line[entry] ")")
		ok = 0
	}
	if (!ok)
		next
	nr_line[nr] = FNR; nr_name[nr] = name
	name_line[name] = FNR; name_nr[name] = nr
	if (entry != "") {
		entry_line[entry] = FNR; entry_name[entry] = name
	}
	printf "%d\t%s\t%s\t%s\n", nr, name, entry, home
}

END { exit failed }
' "$infile" >"$records" || exit 1

# Pass 2: the output, in number order (numbers are unique by now, so the
# order is total and the output stable).
guard=_LEGO_GENERATED_$(echo "$outbase" | tr 'a-z' 'A-Z' | tr -c 'A-Z0-9\n' '_')
sort -n -k1,1 "$records" |
SYSTBL_PROG=$prog SYSTBL_TABLE=$(basename -- "$infile") SYSTBL_ABIS=$abis \
SYSTBL_HEADER=$header SYSTBL_HOMES=$homes SYSTBL_PREFIX=$prefix SYSTBL_EMIT_NR=$emit_nr \
SYSTBL_GUARD=$guard awk -F '\t' '
BEGIN {
	header = ENVIRON["SYSTBL_HEADER"] != ""
	homes = ENVIRON["SYSTBL_HOMES"] != ""
	prefix = ENVIRON["SYSTBL_PREFIX"]
	guard = ENVIRON["SYSTBL_GUARD"]
	printf "/* Generated by %s from %s (abis %s); do not edit. */\n",
		ENVIRON["SYSTBL_PROG"], ENVIRON["SYSTBL_TABLE"], ENVIRON["SYSTBL_ABIS"]
	if (header)
		printf "#ifndef %s\n#define %s\n\n", guard, guard
	count = 0
}

header {
	printf "#define __NR_%s%s %d\n", prefix, $2, $1
	count = $1 + 1
	next
}

homes {
	printf "__SYSCALL_HOME(%d, %s, %s)\n", $1, $2, $4
	next
}

$3 != "" { printf "__SYSCALL(%d, %s)\n", $1, $3 }

END {
	if (!header)
		exit 0
	if (ENVIRON["SYSTBL_EMIT_NR"] != "")
		printf "\n#define __NR_%ssyscalls %d\n", prefix, count
	printf "\n#endif /* %s */\n", guard
}
' >"$tmp" || exit 1

if cmp -s "$tmp" "$outfile"; then
	rm -f "$tmp"
else
	mv -f "$tmp" "$outfile" || exit 1
fi
