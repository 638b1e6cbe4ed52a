/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_MM_H
#define _LEGO_MM_H

#include <lego/types.h>
#include <lego/list.h>
#include <asm/page.h>

/* Early boot allocator over the firmware memory map (mm/memblock.c). */
void memblock_init(void);
phys_addr_t memblock_alloc(size_t size, size_t align);
void memblock_reserve(phys_addr_t start, phys_addr_t end);
extern unsigned long max_pfn;
void memblock_free_all(void (*free_range)(unsigned long, unsigned long));

/*
 * One struct page per physical page frame.  Free pages are kept by the
 * buddy allocator (mm/page_alloc.c) in per-order free lists.
 */
struct page {
	struct list_head lru;
	u32 flags;
	s32 order;		/* buddy order while free, -1 otherwise */
	s32 refcount;
	void *slab;		/* the slab cache owning it, or NULL */
};

#define PG_reserved	0x1
#define PG_buddy	0x2
#define PG_head		0x4	/* first page of a multi-page allocation */

#define MAX_ORDER	11	/* blocks of 2^0 .. 2^10 pages (4 MiB) */

extern struct page *mem_map;

/* A page's references: mappings, the page cache, kernel users. */
static inline void get_page(struct page *p)
{
	__atomic_add_fetch(&p->refcount, 1, __ATOMIC_SEQ_CST);
}

static inline int page_count(const struct page *p)
{
	return __atomic_load_n(&p->refcount, __ATOMIC_RELAXED);
}

void put_page(struct page *p);		/* frees it with the last reference */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return &mem_map[pfn];
}

static inline unsigned long page_to_pfn(const struct page *p)
{
	return p - mem_map;
}

static inline void *page_address(const struct page *p)
{
	return __va(PFN_PHYS(page_to_pfn(p)));
}

static inline struct page *virt_to_page(const void *v)
{
	return pfn_to_page(PFN_DOWN(__pa(v)));
}

/* gfp flags */
typedef unsigned int gfp_t;
#define GFP_KERNEL	0x0
#define __GFP_ZERO	0x1

void page_alloc_init(void);
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define free_page(addr)		free_pages(addr, 0)
unsigned long get_zeroed_page(void);
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

/* kmalloc (mm/slab.c): power-of-two caches up to half a page, pages above. */
void kmalloc_init(void);
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *p);

/* Kernel stacks in the vmalloc area, with an unmapped guard page below. */
void *alloc_kernel_stack(void);
void free_kernel_stack(void *stack);
void __iomem *ioremap(phys_addr_t phys, size_t size);
bool is_stack_guard(unsigned long addr);
void *vmalloc(size_t size);
void vfree(const void *addr, size_t size);

#endif /* _LEGO_MM_H */
