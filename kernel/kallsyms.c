// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol names for addresses in kernel text.  The table is made from the
 * first link of vmlego by scripts/kallsyms.sh: sorted addresses and, for
 * each, the offset of its name in one string blob.
 */
#include <lego/kernel.h>
#include <lego/kallsyms.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const unsigned long kallsyms_num_syms;

const char *kallsyms_lookup(unsigned long addr, unsigned long *symsize,
			    unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num_syms, mid;

	if (!IS_ENABLED(CONFIG_KALLSYMS) || !hi || addr < kallsyms_addresses[0])
		return NULL;
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* The last symbol only covers addresses up to the end of text. */
	if (lo + 1 >= kallsyms_num_syms)
		return NULL;
	if (symsize)
		*symsize = kallsyms_addresses[lo + 1] - kallsyms_addresses[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	return &kallsyms_names[kallsyms_offsets[lo]];
}
