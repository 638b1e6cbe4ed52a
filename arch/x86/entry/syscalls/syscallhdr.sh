#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# syscallhdr.sh [--abis LIST] [--prefix P] [--emit-nr] INFILE OUTFILE
#
#   Reads the syscall table INFILE (syscall_64.tbl) and writes the header
#   OUTFILE: an include guard derived from OUTFILE's name, then
#
#	#define __NR_<P><name> <number>
#
#   for every line whose abi is in LIST (comma-separated, default
#   "common,64"), including the lines with an empty entry point, in number
#   order; with --emit-nr, also
#
#	#define __NR_<P>syscalls <highest selected number + 1>
#
#   from which the kernel sizes its table (NR_syscalls).
#
# The table is read and checked by the very same code as for syscalltbl.sh
# (it is that script, run with --header), so the two generated files can
# never disagree about a number or about what a valid table is.  Errors are
# "INFILE:LINE: reason" on stderr with exit status 1 and OUTFILE untouched;
# OUTFILE is only replaced when its contents change.

here=$(dirname -- "$0")
exec sh "$here/syscalltbl.sh" --header "$@"
