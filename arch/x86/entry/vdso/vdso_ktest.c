// SPDX-License-Identifier: GPL-2.0
/*
 * ktests of the kernel's side of the vDSO: special mappings (the kernel's
 * pages in a user address space, mm/) are faulted in from the kernel's
 * frames, never split and never freed; the embedded image and the data
 * page are what vma.c maps.
 */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/errno.h>
#include <lego/string.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <asm/vvar.h>

#define TEST_ADDR	0x10000000UL

extern const char vdso_image_start[], vdso_image_end[];

/* An address space with sm mapped, faulted in, split at, unmapped. */
static int special_mapping_round(const struct vm_special_mapping *sm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v;
	pteval_t *pte;
	int i;

	KTEST_EXPECT(mm);
	KTEST_EXPECT(!install_special_mapping(mm, TEST_ADDR, 2 * PAGE_SIZE, VM_READ, sm));
	/* Overlapping what is there: refused. */
	KTEST_EXPECT(install_special_mapping(mm, TEST_ADDR + PAGE_SIZE, PAGE_SIZE,
					     VM_READ, sm) == -EINVAL);
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT(!handle_mm_fault(mm, TEST_ADDR + i * PAGE_SIZE, X86_PF_USER));
		pte = pte_lookup(mm->pgd, TEST_ADDR + i * PAGE_SIZE, false, 0);
		KTEST_EXPECT(pte && (*pte & _PAGE_SPECIAL) && !(*pte & _PAGE_RW));
		KTEST_EXPECT(PFN_DOWN(*pte & PTE_PFN_MASK) == sm->pfn + i);
	}
	/* A write, where the VMA forbids writing, is refused. */
	KTEST_EXPECT(handle_mm_fault(mm, TEST_ADDR, X86_PF_USER | X86_PF_WRITE |
				     X86_PF_PROT) == -EACCES);
	v = find_vma(mm, TEST_ADDR);
	KTEST_EXPECT(v && v->vm_special == sm && (v->vm_flags & VM_DONTEXPAND));
	KTEST_EXPECT(split_vma(v, TEST_ADDR + PAGE_SIZE) == -EINVAL);
	KTEST_EXPECT(do_munmap(mm, TEST_ADDR + PAGE_SIZE, PAGE_SIZE) == -EINVAL);
	KTEST_EXPECT(find_vma(mm, TEST_ADDR + PAGE_SIZE) == v && v->vm_start == TEST_ADDR);
	KTEST_EXPECT(!do_munmap(mm, TEST_ADDR, 2 * PAGE_SIZE));
	KTEST_EXPECT(!find_vma(mm, TEST_ADDR));
	mmput(mm);
	return 0;
}

KTEST(vdso, special_mapping_kept_whole_and_never_freed)
{
	struct page *frames = alloc_pages(GFP_KERNEL, 1);
	struct vm_special_mapping sm = { .name = "[ktest]", .nr_pages = 2,
					 .max_flags = VM_READ };
	unsigned long before;
	int count0, count1;

	KTEST_EXPECT(frames);
	sm.pfn = page_to_pfn(frames);
	count0 = page_count(frames);
	count1 = page_count(frames + 1);
	/* Once to warm kmalloc's caches, then counting pages. */
	KTEST_EXPECT(!special_mapping_round(&sm));
	before = nr_free_pages();
	KTEST_EXPECT(!special_mapping_round(&sm));
	/* Every page of the mm came back; the kernel's two were never its. */
	KTEST_EXPECT(nr_free_pages() == before);
	KTEST_EXPECT(page_count(frames) == count0 && page_count(frames + 1) == count1);
	__free_pages(frames, 1);
	return 0;
}

KTEST(vdso, image_and_data_page)
{
	KTEST_EXPECT(IS_ALIGNED((unsigned long)vdso_image_start, PAGE_SIZE));
	KTEST_EXPECT(!memcmp(vdso_image_start, "\177ELF", 4));
	KTEST_EXPECT((unsigned long)vdso_image_end > (unsigned long)vdso_image_start);
	KTEST_EXPECT(IS_ALIGNED((unsigned long)&vvar_page, PAGE_SIZE));
	KTEST_EXPECT(sizeof(vvar_page) == VVAR_NR_PAGES * PAGE_SIZE);
	KTEST_EXPECT(vvar_page.data.mult && vvar_page.data.shift == 32);
	KTEST_EXPECT(!(READ_ONCE(vvar_page.data.seq) & 1));
	return 0;
}
