// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table isolation (asm/pti.h).
 *
 * The user page tables of every address space share one kernel half,
 * pti_shadow, which maps only:
 *   - the entry text (.entry.text, page-aligned by the linker script): the
 *     code that runs before the switch to the kernel's CR3 and after the
 *     switch back;
 *   - the IDT (the CPU reads it to deliver any interrupt);
 *   - each CPU's entry area (asm/cpu_entry_area.h): GDT, TSS, the
 *     syscall scratch word, the CR3 values, the entry stack TSS.sp0
 *     points at, the IST stacks.
 * Its top-level entries are made once at boot for every slot an entry
 * area can lie in, so a CPU brought up later adds its pages below them
 * and every address space sees them.  The user half is the same in both
 * tables: a top-level entry made for a user address goes into both
 * (pti_mirror(), called by pte_lookup()).
 *
 * Kernel mappings lose _PAGE_GLOBAL, which would let their TLB entries
 * survive the switch to the user tables.  With PCID (CPUID.1:ECX[17]) the
 * kernel runs with ASID 0 and user mode with ASID 0x800, entry keeps the
 * kernel's entries (CR3 bit 63), and an exit after a TLB flush reloads
 * the user ASID without bit 63, flushing its stale entries (Intel SDM
 * Vol. 3A 4.10.4.1: INVLPG and a CR3 load affect the current ASID only).
 *
 * "pti=off" or "nopti" on the command line turns it off at boot; the
 * entry code then finds CR3 without bit 12 and pti_enabled clear and
 * switches nothing.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/smp.h>
#include <asm/pti.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/cpu_entry_area.h>
#include <asm/desc.h>
#include <asm/page.h>

bool pti_enabled;
static bool pcid_on;
static pteval_t *pti_shadow;

#define CPUID_1_ECX_PCID	(1 << 17)

void pti_parse_cmdline(const char *cmdline)
{
	char v[8];

	pti_enabled = true;
	if (cmdline_get(cmdline, "nopti", v, sizeof(v)) ||
	    (cmdline_get(cmdline, "pti", v, sizeof(v)) && !strcmp(v, "off")))
		pti_enabled = false;
	/* Before paging_init() maps the kernel: no global kernel pages. */
	if (pti_enabled)
		__supported_pte_mask &= ~_PAGE_GLOBAL;
}

static void shadow_map(unsigned long va, size_t len, pteval_t flags)
{
	unsigned long a;

	for (a = va & PAGE_MASK; a < va + len; a += PAGE_SIZE)
		if (map_page(pti_shadow, a, __pa((void *)a), flags))
			panic("pti: no memory for the user page tables");
}

/* The shadow's top-level entry for the 512 GiB slot of addr. */
static void shadow_reserve_slot(unsigned long addr)
{
	pteval_t *e = &pti_shadow[pgd_index(addr)];
	pteval_t *pud;

	if (*e & _PAGE_PRESENT)
		return;
	pud = (pteval_t *)get_zeroed_page();
	if (!pud)
		panic("pti: no memory for the user page tables");
	*e = __pa(pud) | _KERNPG_TABLE;
}

void pti_init(void)
{
	extern char __entry_text_start[], __entry_text_end[];
	unsigned long a;

	if (!pti_enabled)
		return;
	pcid_on = boot_cpu_data.cpuid_1_ecx & CPUID_1_ECX_PCID;
	pti_shadow = (pteval_t *)get_zeroed_page();
	if (!pti_shadow)
		panic("pti: no memory for the user page tables");
	/* The image's slot and every slot of the direct map (where the
	 * other CPUs' entry areas are allocated). */
	shadow_reserve_slot(__START_KERNEL_map);
	for (a = __PAGE_OFFSET; a < (unsigned long)__va(PFN_PHYS(max_pfn)); a += 1UL << PGDIR_SHIFT)
		shadow_reserve_slot(a);
	shadow_map((unsigned long)__entry_text_start,
		   __entry_text_end - __entry_text_start, PAGE_KERNEL_EXEC);
	shadow_map((unsigned long)idt_table, PAGE_SIZE, PAGE_KERNEL_RO);
	pti_setup_cpu(0);
	pr_info("pti: page-table isolation on%s\n", pcid_on ? ", with PCID" : "");
}

/*
 * Maps cpu's entry area into the user tables and, on that CPU (called
 * there), points TSS.sp0 at the entry stack and turns PCID on.
 */
void pti_setup_cpu(int cpu)
{
	struct cpu_entry_area *cea = per_cpu_ptr(&cpu_entry_area, cpu);

	if (!pti_enabled)
		return;
	shadow_map((unsigned long)cea, sizeof(*cea), PAGE_KERNEL);
	cea->tss.sp0 = (unsigned long)cea->entry_stack + ENTRY_STACK_SIZE;
	if (pcid_on && cpu == smp_processor_id())
		write_cr4(read_cr4() | X86_CR4_PCIDE);
	pti_set_cr3s(init_pgd);
}

/* The kernel half every user table copies, or NULL without isolation:
 * the vsyscall page is mapped there too (arch/x86/entry/vsyscall). */
pteval_t *pti_user_pgd(void)
{
	return pti_enabled ? pti_shadow : NULL;
}

/* An address space's two top-level tables, kernel's first. */
pteval_t *pti_alloc_pgd(void)
{
	pteval_t *pgd = (pteval_t *)__get_free_pages(__GFP_ZERO, 1);

	if (!pgd)
		return NULL;
	memcpy(pgd + PTRS_PER_TABLE / 2, init_pgd + PTRS_PER_TABLE / 2, PAGE_SIZE / 2);
	memcpy(pgd + PTRS_PER_TABLE + PTRS_PER_TABLE / 2,
	       pti_shadow + PTRS_PER_TABLE / 2, PAGE_SIZE / 2);
	return pgd;
}

void pti_free_pgd(pteval_t *pgd)
{
	free_pages((unsigned long)pgd, 1);
}

/*
 * The CR3 values this CPU's entry and exit load, for the address space
 * now in CR3 (switch_mm(), preemption off).  Its user ASID's TLB entries
 * are another address space's: the next exit flushes them.
 */
void pti_set_cr3s(const pteval_t *pgd)
{
	struct cpu_entry_area *cea = this_cpu_ptr(&cpu_entry_area);
	unsigned long kernel = __pa(pgd), user;

	if (!pti_enabled)
		return;
	/* Kernel threads never return to user mode: no user table. */
	user = pgd == init_pgd ? kernel : kernel + PAGE_SIZE;
	if (pcid_on) {
		kernel |= 1UL << X86_CR3_PCID_NOFLUSH_BIT;
		user |= PTI_USER_PCID;
	}
	cea->pti_kernel_cr3 = kernel;
	cea->pti_user_cr3 = user;
	cea->pti_user_cr3_noflush = user | (pcid_on ? 1UL << X86_CR3_PCID_NOFLUSH_BIT : 0);
	cea->pti_flush_user = 1;
}

/* This CPU flushed TLB entries: the user ASID must drop them too. */
void pti_flush_user(void)
{
	if (pti_enabled)
		this_cpu_write(cpu_entry_area.pti_flush_user, 1);
}

/* Whether addr is mapped in the user tables of the address space pgd. */
bool pti_user_mapped(const pteval_t *pgd, unsigned long addr)
{
	const pteval_t *t = pgd + PTRS_PER_TABLE;
	pteval_t e;
	int shift;

	if (!pti_enabled || pgd == init_pgd)
		return false;
	for (shift = PGDIR_SHIFT; ; shift -= 9) {
		e = t[(addr >> shift) & (PTRS_PER_TABLE - 1)];
		if (!(e & _PAGE_PRESENT))
			return false;
		if (shift == PAGE_SHIFT || (e & _PAGE_PSE))
			return true;
		t = pte_table(e);
	}
}
