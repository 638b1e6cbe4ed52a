#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kallsyms.sh < "nm -n vmlego" > kallsyms.S
#
# The symbol table kernel/kallsyms.c searches: text symbols (t/T/W) in
# address order, then an end marker at _etext so the last function has a
# size.  It goes into the .kallsyms section, which the linker script puts
# after everything else.  With no input it emits an empty table, for the
# first link.
set -e
awk '
BEGIN { n = 0 }
$2 ~ /^[tTwW]$/ && $3 !~ /^(\.L|__kallsyms|\$)/ {
	addr[n] = $1; name[n] = $3; n++
}
$3 == "_etext" { etext = $1 }
END {
	print "\t.section .kallsyms, \"a\""
	print "\t.balign 8"
	print "\t.globl kallsyms_addresses, kallsyms_offsets, kallsyms_names, kallsyms_num_syms"
	print "kallsyms_num_syms:"
	printf "\t.quad %d\n", (n ? n + 1 : 0)
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) printf "\t.quad 0x%s\n", addr[i]
	if (n) printf "\t.quad 0x%s\n", etext
	print "kallsyms_offsets:"
	off = 0
	for (i = 0; i < n; i++) { printf "\t.long %d\n", off; off += length(name[i]) + 1 }
	if (n) printf "\t.long %d\n", off
	print "kallsyms_names:"
	for (i = 0; i < n; i++) printf "\t.asciz \"%s\"\n", name[i]
	print "\t.asciz \"_etext\""
}'
