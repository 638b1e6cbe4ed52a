// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables, built once the memory map is known:
 *   - the direct map of all RAM at __PAGE_OFFSET, 2 MiB pages (1 GiB with
 *     CPUID.80000001H:EDX.Page1GB), read-write, no-execute;
 *   - the image at __START_KERNEL_map with 4 KiB pages: text read-only and
 *     executable, rodata read-only, data and bss read-write no-execute;
 *   - a PDPT for every kernel PML4 slot (256..511), so that a user address
 *     space made by copying the upper half sees every later kernel mapping.
 * The boot page tables (identity map included) are dropped.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/kmem.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/percpu.h>
#include <asm/pti.h>

pteval_t *init_pgd;
u64 __supported_pte_mask = ~0ULL;
static bool mm_ready;
/* Kernel page-table pages taken from the page allocator after boot (the
 * vmalloc area's, which are kept: its addresses are not reused). */
static atomic_long_t kernel_tables;

unsigned long kernel_table_pages(void)
{
	return READ_ONCE(kernel_tables.counter);
}

static pteval_t *alloc_table(void)
{
	pteval_t *t;

	if (mm_ready) {
		t = (pteval_t *)get_zeroed_page();
	} else {
		t = __va(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
		memset(t, 0, PAGE_SIZE);
	}
	return t;
}

static pteval_t *next_level(pteval_t *entry, bool alloc, pteval_t table_flags)
{
	pteval_t *t;

	if (*entry & _PAGE_PRESENT)
		return (*entry & _PAGE_PSE) ? NULL : pte_table(*entry);
	if (!alloc)
		return NULL;
	t = alloc_table();
	if (!t)
		return NULL;
	if (mm_ready && !(table_flags & _PAGE_USER))
		__atomic_add_fetch(&kernel_tables.counter, 1, __ATOMIC_RELAXED);
	*entry = __pa(t) | table_flags;
	return t;
}

pteval_t *pte_lookup(pteval_t *pgd, unsigned long addr, bool alloc,
		     pteval_t table_flags)
{
	pteval_t *pud, *pmd, *pt;

	pud = next_level(&pgd[pgd_index(addr)], alloc, table_flags);
	if (!pud)
		return NULL;
	if (alloc)
		pti_mirror(pgd, pgd_index(addr));
	pmd = next_level(&pud[pud_index(addr)], alloc, table_flags);
	if (!pmd)
		return NULL;
	pt = next_level(&pmd[pmd_index(addr)], alloc, table_flags);
	if (!pt)
		return NULL;
	return &pt[pte_index(addr)];
}

int map_page(pteval_t *pgd, unsigned long va, phys_addr_t pa, pteval_t flags)
{
	pteval_t table_flags = (flags & _PAGE_USER) ? _PAGE_TABLE : _KERNPG_TABLE;
	pteval_t *pte = pte_lookup(pgd, va, true, table_flags);

	if (!pte)
		return -1;
	*pte = (pa & PTE_PFN_MASK) | (flags & __supported_pte_mask);
	return 0;
}

static void map_direct(void)
{
	bool gb = boot_cpu_data.pdpe1gb;
	phys_addr_t end = PFN_PHYS(max_pfn), pa;

	/* Map at least the low 4 GiB: firmware tables and MMIO live there. */
	end = max(end, (phys_addr_t)1 << 32);
	for (pa = 0; pa < end; ) {
		unsigned long va = (unsigned long)__va(pa);
		pteval_t *pud = next_level(&init_pgd[pgd_index(va)], true, _KERNPG_TABLE);
		pteval_t *pmd;

		if (gb && IS_ALIGNED(pa, PUD_SIZE) && pa + PUD_SIZE <= end) {
			pud[pud_index(va)] = pa | ((PAGE_KERNEL | _PAGE_PSE) &
						   __supported_pte_mask);
			pa += PUD_SIZE;
			continue;
		}
		pmd = next_level(&pud[pud_index(va)], true, _KERNPG_TABLE);
		pmd[pmd_index(va)] = pa | ((PAGE_KERNEL | _PAGE_PSE) & __supported_pte_mask);
		pa += PMD_SIZE;
	}
}

static void map_image(void)
{
	unsigned long va;

	for (va = (unsigned long)_text; va < (unsigned long)_end; va += PAGE_SIZE) {
		pteval_t flags = PAGE_KERNEL_RO;

		if (va < (unsigned long)_etext)
			flags = PAGE_KERNEL_EXEC;
		else if (va >= (unsigned long)__per_cpu_load &&
			 va < (unsigned long)__bss_stop)
			flags = PAGE_KERNEL;
		map_page(init_pgd, va, __pa_symbol(va), flags);
	}
}

void paging_init(void)
{
	int i;

	if (!boot_cpu_data.nx)
		__supported_pte_mask &= ~_PAGE_NX;
	init_pgd = alloc_table();
	map_direct();
	map_image();
	/* Every kernel PML4 slot gets its PDPT now (see the top comment). */
	for (i = PTRS_PER_TABLE / 2; i < PTRS_PER_TABLE; i++)
		next_level(&init_pgd[i], true, _KERNPG_TABLE);
	write_cr3(__pa(init_pgd));
}

/* Called once the buddy allocator runs: tables come from it from now on. */
void paging_use_page_allocator(void)
{
	mm_ready = true;
}
