// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc: size classes of 16 .. 2048 bytes, each a cache of page-sized
 * slabs whose free objects are chained through their first word.  Larger
 * requests take whole pages from the buddy allocator; the page's struct
 * page says which (slab pointer or order) so kfree needs no size.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <lego/string.h>
#include <lego/kmem.h>

#define KMALLOC_MIN_SHIFT	4
#define KMALLOC_MAX_SHIFT	11
#define NR_CACHES		(KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

struct kmem_cache {
	size_t size;
	void *freelist;
	unsigned long nr_slabs;
	unsigned long inuse;		/* objects out (lock held) */
	spinlock_t lock;
};

static struct kmem_cache caches[NR_CACHES];
/* Pages of the allocations too large for a cache. */
static atomic_long_t large_pages;

void kmalloc_init(void)
{
	int i;

	for (i = 0; i < NR_CACHES; i++) {
		caches[i].size = 1UL << (i + KMALLOC_MIN_SHIFT);
		spin_lock_init(&caches[i].lock);
	}
}

static int size_index(size_t size)
{
	int shift = KMALLOC_MIN_SHIFT;

	while ((1UL << shift) < size)
		shift++;
	return shift - KMALLOC_MIN_SHIFT;
}

static bool cache_grow(struct kmem_cache *c)
{
	struct page *pg = alloc_pages(GFP_KERNEL, 0);
	char *base;
	size_t off;

	if (!pg)
		return false;
	pg->slab = c;
	base = page_address(pg);
	for (off = 0; off + c->size <= PAGE_SIZE; off += c->size) {
		*(void **)(base + off) = c->freelist;
		c->freelist = base + off;
	}
	c->nr_slabs++;
	return true;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	struct kmem_cache *c;
	unsigned long flags;
	void *obj;

	if (!size)
		return NULL;
	if (size > (1UL << KMALLOC_MAX_SHIFT)) {
		unsigned int order = 0;
		void *p;

		while ((PAGE_SIZE << order) < size)
			order++;
		p = (void *)__get_free_pages(gfp, order);
		if (p)
			__atomic_add_fetch(&large_pages.counter, 1L << order, __ATOMIC_RELAXED);
		return p;
	}
	c = &caches[size_index(size)];
	flags = spin_lock_irqsave(&c->lock);
	if (!c->freelist && !cache_grow(c)) {
		spin_unlock_irqrestore(&c->lock, flags);
		return NULL;
	}
	obj = c->freelist;
	c->freelist = *(void **)obj;
	c->inuse++;
	spin_unlock_irqrestore(&c->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kfree(const void *p)
{
	struct page *pg;
	struct kmem_cache *c;
	unsigned long flags;

	if (!p)
		return;
	pg = virt_to_page(p);
	c = pg->slab;
	if (!c) {
		__atomic_sub_fetch(&large_pages.counter, 1L << pg->order, __ATOMIC_RELAXED);
		__free_pages(pg, pg->order);
		return;
	}
	flags = spin_lock_irqsave(&c->lock);
	*(void **)p = c->freelist;
	c->freelist = (void *)p;
	c->inuse--;
	spin_unlock_irqrestore(&c->lock, flags);
}

int kmalloc_cache_info(int i, struct kmalloc_cache_info *info)
{
	struct kmem_cache *c;
	unsigned long flags;

	if (i < 0 || i >= NR_CACHES)
		return -1;
	c = &caches[i];
	flags = spin_lock_irqsave(&c->lock);
	info->size = c->size;
	info->objects = c->inuse;
	info->slabs = c->nr_slabs;
	spin_unlock_irqrestore(&c->lock, flags);
	return 0;
}

unsigned long kmalloc_large_pages(void)
{
	return READ_ONCE(large_pages.counter);
}
