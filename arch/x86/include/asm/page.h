/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <lego/types.h>
#include <asm/page_types.h>

/* Physical <-> direct-map virtual.  __pa() also accepts image addresses. */
#define __va(x)		((void *)((unsigned long)(x) + __PAGE_OFFSET))
static inline phys_addr_t __pa(const void *v)
{
	unsigned long x = (unsigned long)v;

	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - __PAGE_OFFSET;
}
#define __pa_symbol(x)	((unsigned long)(x) - __START_KERNEL_map)

#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)

extern char _text[], _stext[], _etext[], _sdata[], _edata[], __bss_start[],
	    __bss_stop[], _end[];

#endif /* _ASM_X86_PAGE_H */
