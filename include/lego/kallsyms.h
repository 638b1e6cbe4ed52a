/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_KALLSYMS_H
#define _LEGO_KALLSYMS_H

/*
 * The name of the kernel text symbol containing addr, with its size and
 * addr's offset in it; NULL when addr is not in kernel text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symsize,
			    unsigned long *offset);

#endif /* _LEGO_KALLSYMS_H */
