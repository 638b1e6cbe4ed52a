/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PAGE_TYPES_H
#define _ASM_X86_PAGE_TYPES_H

/*
 * The x86-64 virtual memory map, in Linux's layout (4-level paging,
 * Intel SDM Vol. 3A 4.5):
 *
 *   0000000000000000 - 00007ffffffff000  user space (TASK_SIZE_MAX)
 *   ffff888000000000 - ffffc87fffffffff  direct map of all physical memory
 *   ffffc90000000000 - ffffe8ffffffffff  vmalloc: kernel stacks, MMIO
 *   ffffffff80000000 - ffffffffbfffffff  kernel image (__START_KERNEL_map)
 */
#ifdef __ASSEMBLY__
# define _AC(x, y)	x
#else
# define __AC(x, y)	(x##y)
# define _AC(x, y)	__AC(x, y)
#endif

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PMD_SHIFT		21
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PUD_SHIFT		30
#define PUD_SIZE		(_AC(1, UL) << PUD_SHIFT)
#define PGDIR_SHIFT		39

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define __START_KERNEL		(__START_KERNEL_map + CONFIG_PHYSICAL_START)

/* The lowest address the CPU will not treat as user: the last user page is
 * left unmapped so that SYSRET can never return to a non-canonical RIP
 * (see Documentation/x86/entry_64.rst). */
#define TASK_SIZE_MAX		((_AC(1, UL) << 47) - PAGE_SIZE)
/* The end of a 32-bit program's address space (IA32 emulation): 4 GiB
 * less two pages, Linux's IA32_PAGE_OFFSET. */
#define IA32_PAGE_OFFSET	_AC(0xffffe000, UL)

/* 4 KiB << KERNEL_STACK_ORDER of kernel stack per task. */
#define THREAD_SIZE_ORDER	CONFIG_KERNEL_STACK_ORDER
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)

#endif /* _ASM_X86_PAGE_TYPES_H */
