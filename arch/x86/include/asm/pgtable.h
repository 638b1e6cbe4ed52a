/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <lego/types.h>
#include <asm/page.h>
#include <asm/processor-flags.h>

/*
 * 4-level paging (Intel SDM Vol. 3A 4.5): PML4 (pgd) -> PDPT (pud) ->
 * PD (pmd) -> PT (pte), 512 eight-byte entries each.
 */
typedef u64 pteval_t;

#define PTRS_PER_TABLE	512
#define PTE_PFN_MASK	0x000ffffffffff000UL
#define pgd_index(a)	(((a) >> PGDIR_SHIFT) & 511)
#define pud_index(a)	(((a) >> PUD_SHIFT) & 511)
#define pmd_index(a)	(((a) >> PMD_SHIFT) & 511)
#define pte_index(a)	(((a) >> PAGE_SHIFT) & 511)

#define PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
				 _PAGE_DIRTY | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RO		(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_EXEC	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
/* Intermediate tables allow everything; the leaf entry restricts. */
#define _PAGE_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define _KERNPG_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED)

extern pteval_t *init_pgd;		/* the kernel's PML4 (direct map) */
extern u64 __supported_pte_mask;	/* _PAGE_NX cleared without NX */

static inline pteval_t *pte_table(pteval_t e)
{
	return __va(e & PTE_PFN_MASK);
}

/*
 * Find the last-level entry for addr in the tree rooted at pgd, creating
 * intermediate tables (with table_flags) when alloc is set.  Returns NULL
 * if a level is missing and alloc is clear, or memory ran out.  Large
 * pages are not walked through.
 */
pteval_t *pte_lookup(pteval_t *pgd, unsigned long addr, bool alloc,
		     pteval_t table_flags);
int map_page(pteval_t *pgd, unsigned long va, phys_addr_t pa, pteval_t flags);
void paging_init(void);
void paging_use_page_allocator(void);

#endif /* _ASM_X86_PGTABLE_H */
