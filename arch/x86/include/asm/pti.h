/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PTI_H
#define _ASM_X86_PTI_H

/*
 * Page-table isolation (CONFIG_PAGE_TABLE_ISOLATION): while user code
 * runs, CR3 holds a second top-level table that maps the user half as
 * usual but of the kernel only what entering and leaving needs (the
 * entry text, the IDT, each CPU's entry area), so a CPU that speculates
 * past permission checks (Meltdown) finds no kernel data to read.
 * Every address space has both tables in one 8 KiB block: the kernel's
 * in the first page, the user's in the second, so entry and exit switch
 * with bit 12 of CR3.  See arch/x86/mm/pti.c and
 * Documentation/x86/entry_64.rst.
 */
#define PTI_USER_PGTABLE_BIT	12
#define PTI_USER_PGTABLE_MASK	(1 << PTI_USER_PGTABLE_BIT)
#define PTI_USER_PCID		0x800	/* the user half's ASID (kernel: 0) */
#define X86_CR3_PCID_NOFLUSH_BIT 63	/* keep the new ASID's entries */

#ifndef __ASSEMBLY__
#include <lego/types.h>
#include <asm/pgtable.h>

#ifdef CONFIG_PAGE_TABLE_ISOLATION
extern bool pti_enabled;
void pti_parse_cmdline(const char *cmdline);
void pti_init(void);
void pti_setup_cpu(int cpu);
pteval_t *pti_alloc_pgd(void);
void pti_free_pgd(pteval_t *pgd);
void pti_set_cr3s(const pteval_t *pgd);
void pti_flush_user(void);
bool pti_user_mapped(const pteval_t *pgd, unsigned long addr);
pteval_t *pti_user_pgd(void);

/* A new user-half entry of an isolated address space goes into both. */
static inline void pti_mirror(pteval_t *pgd, unsigned int idx)
{
	if (pti_enabled && pgd != init_pgd && idx < PTRS_PER_TABLE / 2)
		pgd[idx + PTRS_PER_TABLE] = pgd[idx];
}
#else
#define pti_enabled	false
static inline void pti_parse_cmdline(const char *cmdline) { }
static inline void pti_init(void) { }
static inline void pti_setup_cpu(int cpu) { }
static inline void pti_set_cr3s(const pteval_t *pgd) { }
static inline void pti_flush_user(void) { }
static inline void pti_mirror(pteval_t *pgd, unsigned int idx) { }
static inline pteval_t *pti_alloc_pgd(void) { return NULL; }
static inline void pti_free_pgd(pteval_t *pgd) { }
static inline bool pti_user_mapped(const pteval_t *pgd, unsigned long addr) { return false; }
static inline pteval_t *pti_user_pgd(void) { return NULL; }
#endif
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_PTI_H */
