// SPDX-License-Identifier: GPL-2.0
/* ktests of the page allocator, kmalloc and vmalloc. */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <lego/mm.h>
#include <lego/string.h>

KTEST(mm, alloc_free_restores_count)
{
	unsigned long before = nr_free_pages();
	struct page *p[64];
	int i;

	for (i = 0; i < 64; i++) {
		p[i] = alloc_pages(GFP_KERNEL, i % 4);
		KTEST_EXPECT(p[i]);
	}
	KTEST_EXPECT(nr_free_pages() < before);
	for (i = 0; i < 64; i++)
		__free_pages(p[i], i % 4);
	KTEST_EXPECT(nr_free_pages() == before);
	return 0;
}

/* Whether pfn lies in a free buddy block of order >= min_order. */
static bool in_free_block(unsigned long pfn, int min_order)
{
	int o;

	for (o = min_order; o < MAX_ORDER; o++) {
		struct page *head = pfn_to_page(pfn & ~((1UL << o) - 1));

		if ((head->flags & PG_buddy) && head->order >= o)
			return true;
	}
	return false;
}

KTEST(mm, buddies_merge)
{
	struct page *big = alloc_pages(GFP_KERNEL, 6);
	unsigned long pfn;
	int i;

	KTEST_EXPECT(big);
	pfn = page_to_pfn(big);
	KTEST_EXPECT((pfn & 63) == 0);		/* naturally aligned */
	/* Give it back page by page, in a scrambled order: the buddies
	 * must merge into one free block of at least order 6 again. */
	for (i = 0; i < 64; i++)
		__free_pages(pfn_to_page(pfn + ((i * 37) & 63)), 0);
	KTEST_EXPECT(in_free_block(pfn, 6));
	return 0;
}

KTEST(mm, zeroed_page)
{
	unsigned long p = get_zeroed_page();
	size_t i;

	KTEST_EXPECT(p);
	for (i = 0; i < PAGE_SIZE; i++)
		KTEST_EXPECT(((u8 *)p)[i] == 0);
	free_page(p);
	return 0;
}

KTEST(mm, kmalloc_sizes_and_alignment)
{
	static const size_t sizes[] = { 1, 8, 16, 17, 100, 512, 2048, 2049, 5000, 70000 };
	void *p[ARRAY_SIZE(sizes)];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		/* Natural alignment of the size class, or a page. */
		size_t align = 16;

		while (align < sizes[i] && align < PAGE_SIZE)
			align <<= 1;
		p[i] = kmalloc(sizes[i], GFP_KERNEL);
		KTEST_EXPECT(p[i]);
		KTEST_EXPECT(((unsigned long)p[i] & (align - 1)) == 0);
		memset(p[i], 0xa5, sizes[i]);
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		kfree(p[i]);
	p[0] = kzalloc(300, GFP_KERNEL);
	KTEST_EXPECT(p[0]);
	for (i = 0; i < 300; i++)
		KTEST_EXPECT(((u8 *)p[0])[i] == 0);
	kfree(p[0]);
	KTEST_EXPECT(kmalloc(0, GFP_KERNEL) == NULL);
	kfree(NULL);
	return 0;
}

KTEST(mm, kmalloc_reuses_freed_objects)
{
	void *a = kmalloc(64, GFP_KERNEL), *b;

	KTEST_EXPECT(a);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT(b == a);
	kfree(b);
	return 0;
}

KTEST(mm, vmalloc_large)
{
	unsigned long before = nr_free_pages();
	size_t size = 9 << 20;		/* beyond the buddy's largest block */
	u8 *p = vmalloc(size);

	KTEST_EXPECT(p);
	p[0] = 1;
	p[size - 1] = 2;
	KTEST_EXPECT(p[0] == 1 && p[size - 1] == 2);
	vfree(p, size);
	KTEST_EXPECT(nr_free_pages() + 8 >= before);
	return 0;
}

KTEST(mm, kernel_stack_has_guard)
{
	void *s = alloc_kernel_stack();

	KTEST_EXPECT(s);
	KTEST_EXPECT(is_stack_guard((unsigned long)s - 1));
	KTEST_EXPECT(!is_stack_guard((unsigned long)s));
	free_kernel_stack(s);
	return 0;
}
