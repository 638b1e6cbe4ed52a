// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: free blocks of 2^order pages in per-order lists; a
 * freed block merges with its buddy (pfn ^ (1 << order)) while the buddy
 * is free and of the same order.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <lego/string.h>

struct page *mem_map;
static struct list_head free_area[MAX_ORDER];
static unsigned long nr_free, nr_total;
static DEFINE_SPINLOCK(zone_lock);

static void add_free(struct page *p, unsigned int order)
{
	p->flags |= PG_buddy;
	p->order = order;
	list_add(&p->lru, &free_area[order]);
	nr_free += 1UL << order;
}

static void del_free(struct page *p, unsigned int order)
{
	list_del(&p->lru);
	p->flags &= ~PG_buddy;
	p->order = -1;
	nr_free -= 1UL << order;
}

static void free_one(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy = pfn ^ (1UL << order);
		struct page *b;

		if (buddy >= max_pfn)
			break;
		b = pfn_to_page(buddy);
		if (!(b->flags & PG_buddy) || b->order != (s32)order)
			break;
		del_free(b, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_free(pfn_to_page(pfn), order);
}

static void free_range(unsigned long start, unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++)
		pfn_to_page(pfn)->flags &= ~PG_reserved;
	while (start < end) {
		unsigned int order = 0;

		/* The largest aligned block that fits. */
		while (order < MAX_ORDER - 1 &&
		       !(start & ((2UL << order) - 1)) &&
		       start + (2UL << order) <= end)
			order++;
		nr_total += 1UL << order;
		free_one(start, order);
		start += 1UL << order;
	}
}

void page_alloc_init(void)
{
	size_t size = max_pfn * sizeof(struct page);
	unsigned long i;
	int o;

	mem_map = __va(memblock_alloc(size, PAGE_SIZE));
	for (i = 0; i < max_pfn; i++) {
		mem_map[i].flags = PG_reserved;
		mem_map[i].order = -1;
		mem_map[i].refcount = 0;
		mem_map[i].slab = NULL;
		INIT_LIST_HEAD(&mem_map[i].lru);
	}
	for (o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o]);
	memblock_free_all(free_range);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	unsigned int o;
	struct page *p = NULL;

	if (order >= MAX_ORDER)
		return NULL;
	flags = spin_lock_irqsave(&zone_lock);
	for (o = order; o < MAX_ORDER; o++) {
		if (list_empty(&free_area[o]))
			continue;
		p = list_first_entry(&free_area[o], struct page, lru);
		del_free(p, o);
		/* Split: give back the upper halves. */
		while (o > order) {
			o--;
			add_free(p + (1UL << o), o);
		}
		p->flags |= PG_head;
		p->order = order;
		p->refcount = 1;
		break;
	}
	spin_unlock_irqrestore(&zone_lock, flags);
	if (p && (gfp & __GFP_ZERO))
		memset(page_address(p), 0, PAGE_SIZE << order);
	return p;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (WARN(page->flags & (PG_buddy | PG_reserved),
		 "freeing a free or reserved page (pfn %lu)", page_to_pfn(page)))
		return;
	flags = spin_lock_irqsave(&zone_lock);
	page->flags &= ~PG_head;
	page->refcount = 0;
	page->slab = NULL;
	free_one(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *p = alloc_pages(gfp, order);

	return p ? (unsigned long)page_address(p) : 0;
}

unsigned long get_zeroed_page(void)
{
	return __get_free_pages(__GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(nr_free);
}

unsigned long totalram_pages(void)
{
	return nr_total;
}
