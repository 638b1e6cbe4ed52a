/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_RMEM_H
#define _LEGO_RMEM_H

/*
 * Remote memory (mm/remote.c): private anonymous pages kept on the memory
 * component, a cache of them here.  Without CONFIG_LEGO_RPC, or with no
 * memory peer, nothing is remote and every hook does nothing.
 */
#include <lego/types.h>
#include <asm/pgtable.h>

struct mm_struct;
struct vm_area_struct;
struct page;

#ifdef CONFIG_LEGO_RPC
bool rmem_active(void);
bool rmem_vma(const struct vm_area_struct *v);
int rmem_fault(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr,
	       pteval_t *pte, pteval_t flags);
void rmem_note(struct mm_struct *mm, unsigned long addr);
void rmem_inherit(struct mm_struct *mm, unsigned long addr);
struct page *rmem_copy_for_child(struct mm_struct *old, unsigned long addr);
void rmem_zapped(struct mm_struct *mm, unsigned long start, unsigned long end,
		 unsigned long n, bool remote);
void rmem_exit(struct mm_struct *mm);
int rmem_pin_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void rmem_unpin(struct mm_struct *mm, unsigned long start, unsigned long end);
void rmem_init(const char *cmdline);
#else
static inline bool rmem_active(void) { return false; }
static inline bool rmem_vma(const struct vm_area_struct *v) { return false; }
static inline int rmem_fault(struct mm_struct *mm, struct vm_area_struct *v,
			     unsigned long addr, pteval_t *pte, pteval_t flags) { return -EFAULT; }
static inline void rmem_inherit(struct mm_struct *mm, unsigned long addr) { }
static inline struct page *rmem_copy_for_child(struct mm_struct *old, unsigned long addr)
{
	return NULL;
}
static inline void rmem_zapped(struct mm_struct *mm, unsigned long start, unsigned long end,
			       unsigned long n, bool remote) { }
static inline void rmem_exit(struct mm_struct *mm) { }
static inline int rmem_pin_range(struct mm_struct *mm, unsigned long start,
				 unsigned long end) { return 0; }
static inline void rmem_unpin(struct mm_struct *mm, unsigned long start, unsigned long end) { }
static inline void rmem_init(const char *cmdline) { }
#endif

#endif /* _LEGO_RMEM_H */
