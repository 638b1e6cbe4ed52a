// SPDX-License-Identifier: GPL-2.0
/*
 * The vmalloc area (VMALLOC_START..VMALLOC_END): kernel stacks, each with an
 * unmapped guard page below it so that an overflow faults instead of
 * silently corrupting the next stack, and uncached MMIO mappings.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <lego/kmem.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

#define STACK_SLOT	(THREAD_SIZE + PAGE_SIZE)	/* guard + stack */

/* Stacks grow up from VMALLOC_START, MMIO mappings from IOREMAP_START. */
#define IOREMAP_START	(VMALLOC_START + (1UL << 40))
static unsigned long vmalloc_next = VMALLOC_START;
static unsigned long ioremap_next = IOREMAP_START;
static DEFINE_SPINLOCK(vmalloc_lock);
/* Freed stack slots, chained through their first word (still mapped). */
static void *free_stacks;
/* Stacks given to tasks and stacks on the free list (vmalloc_lock held). */
static unsigned long stacks_in_use, stacks_cached;
/* Pages of vmalloc() areas. */
static atomic_long_t vmalloc_nr_pages;

static unsigned long vmalloc_reserve(unsigned long *next, unsigned long limit,
				     size_t size)
{
	unsigned long flags = spin_lock_irqsave(&vmalloc_lock);
	unsigned long va = *next;

	*next += size;
	spin_unlock_irqrestore(&vmalloc_lock, flags);
	if (*next > limit)
		panic("vmalloc area exhausted");
	return va;
}

/*
 * Returns the lowest address of a THREAD_SIZE stack (the guard page is
 * just below it), or NULL when memory ran out.
 */
void *alloc_kernel_stack(void)
{
	unsigned long flags, va;
	struct page *pg;
	void *s;
	int i;

	flags = spin_lock_irqsave(&vmalloc_lock);
	s = free_stacks;
	if (s) {
		free_stacks = *(void **)s;
		stacks_cached--;
		stacks_in_use++;
	}
	spin_unlock_irqrestore(&vmalloc_lock, flags);
	if (s)
		return s;

	pg = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!pg)
		return NULL;
	va = vmalloc_reserve(&vmalloc_next, IOREMAP_START, STACK_SLOT) + PAGE_SIZE;
	for (i = 0; i < (1 << THREAD_SIZE_ORDER); i++)
		if (map_page(init_pgd, va + i * PAGE_SIZE,
			     PFN_PHYS(page_to_pfn(pg) + i), PAGE_KERNEL))
			panic("out of memory mapping a kernel stack");
	flags = spin_lock_irqsave(&vmalloc_lock);
	stacks_in_use++;
	spin_unlock_irqrestore(&vmalloc_lock, flags);
	return (void *)va;
}

void free_kernel_stack(void *stack)
{
	unsigned long flags = spin_lock_irqsave(&vmalloc_lock);

	*(void **)stack = free_stacks;
	free_stacks = stack;
	stacks_in_use--;
	stacks_cached++;
	spin_unlock_irqrestore(&vmalloc_lock, flags);
}

void kstack_counts(unsigned long *in_use, unsigned long *cached)
{
	unsigned long flags = spin_lock_irqsave(&vmalloc_lock);

	*in_use = stacks_in_use;
	*cached = stacks_cached;
	spin_unlock_irqrestore(&vmalloc_lock, flags);
}

unsigned long vmalloc_pages(void)
{
	return READ_ONCE(vmalloc_nr_pages.counter);
}

static void vfree_range(unsigned long va, size_t len);

/* Whether addr is in the guard page below some kernel stack. */
bool is_stack_guard(unsigned long addr)
{
	return addr >= VMALLOC_START && addr < vmalloc_next &&
	       (addr - VMALLOC_START) % STACK_SLOT < PAGE_SIZE;
}

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = phys & PAGE_MASK;
	size_t len = PAGE_ALIGN(phys + size) - base, off;
	unsigned long va = vmalloc_reserve(&ioremap_next, VMALLOC_END, len + PAGE_SIZE) +
			   PAGE_SIZE;

	for (off = 0; off < len; off += PAGE_SIZE)
		if (map_page(init_pgd, va + off, base + off, PAGE_KERNEL_NOCACHE))
			return NULL;
	return (void __iomem *)(va + (phys - base));
}

/*
 * Virtually contiguous kernel memory from single pages (the initramfs
 * image, large buffers): no physical contiguity needed, so any size the
 * free memory allows.  vfree() gives the pages back; the virtual range is
 * not reused (the area is 1 TiB).
 */
void *vmalloc(size_t size)
{
	size_t len = PAGE_ALIGN(size), off;
	unsigned long va;

	if (!len)
		return NULL;
	va = vmalloc_reserve(&ioremap_next, VMALLOC_END, len + PAGE_SIZE) + PAGE_SIZE;
	for (off = 0; off < len; off += PAGE_SIZE) {
		struct page *pg = alloc_pages(GFP_KERNEL, 0);

		if (!pg || map_page(init_pgd, va + off, PFN_PHYS(page_to_pfn(pg)),
				    PAGE_KERNEL)) {
			if (pg)
				__free_pages(pg, 0);
			vfree_range(va, off);
			return NULL;
		}
		__atomic_add_fetch(&vmalloc_nr_pages.counter, 1, __ATOMIC_RELAXED);
	}
	return (void *)va;
}

/*
 * Unmaps and frees the pages of [va, va + len).  Only this CPU's TLB is
 * flushed: another CPU may keep a translation of the range (Intel SDM Vol.
 * 3A 4.10.5), but as the range is never mapped again, the stale entry can
 * only serve an access after vfree(), a use after free the caller would
 * have made anyway, and no new mapping can be shadowed by it.  Doing
 * without the IPI also lets vfree() run with interrupts off (a task's
 * strace buffer goes with its last reference, which a context switch can
 * drop).
 */
static void vfree_range(unsigned long va, size_t len)
{
	size_t off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(init_pgd, va + off, false, 0);

		if (!pte || !(*pte & _PAGE_PRESENT))
			continue;
		__free_pages(pfn_to_page(PFN_DOWN(*pte & PTE_PFN_MASK)), 0);
		__atomic_sub_fetch(&vmalloc_nr_pages.counter, 1, __ATOMIC_RELAXED);
		*pte = 0;
		invlpg(va + off);
	}
}

void vfree(const void *addr, size_t size)
{
	if (addr)
		vfree_range((unsigned long)addr, PAGE_ALIGN(size));
}
