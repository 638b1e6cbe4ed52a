// SPDX-License-Identifier: GPL-2.0
/*
 * Address-space switches and TLB shootdowns.
 *
 * Each CPU remembers the mm its CR3 holds (loaded_mm), and each mm the
 * CPUs that hold it (mm->cpu_mask): a CPU sets its bit before loading CR3
 * and clears it after loading another.  A change that removes or narrows
 * a translation (munmap, mprotect, a copy-on-write copy, fork making pages
 * read-only) flushes this CPU's TLB and asks every other CPU in the mask
 * to flush its own, and waits (Intel SDM Vol. 3A 4.10.5: "the TLBs of
 * other processors are not affected"; software must invalidate them).
 * A CPU that loads the mm after the mask was read loads CR3 after the page
 * table change, and a CR3 load drops the old non-global entries.
 */
#include <lego/kernel.h>
#include <lego/smp.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/pti.h>

static DEFINE_PER_CPU(struct mm_struct *, loaded_mm);

/* Past this many pages one CR3 reload beats INVLPG page by page. */
#define FLUSH_ALL_THRESHOLD	32

/* Loads mm's page tables (NULL: the kernel's) on this CPU.  Called with
 * preemption disabled. */
void switch_mm(struct mm_struct *mm)
{
	struct mm_struct *prev = this_cpu_read(loaded_mm);
	int cpu = smp_processor_id();

	if (prev == mm)
		return;
	if (mm)
		cpumask_set_cpu(cpu, &mm->cpu_mask);
	write_cr3(__pa(mm ? mm->pgd : init_pgd));
	pti_set_cr3s(mm ? mm->pgd : init_pgd);
	if (prev)
		cpumask_clear_cpu(cpu, &prev->cpu_mask);
	this_cpu_write(loaded_mm, mm);
}

struct flush_req {
	struct mm_struct *mm;
	unsigned long start, end;
};

static void flush_local(unsigned long start, unsigned long end)
{
	unsigned long a;

	pti_flush_user();	/* the user ASID's copies too, at exit */
	if ((end - start) >> PAGE_SHIFT > FLUSH_ALL_THRESHOLD) {
		flush_tlb_local();
		return;
	}
	for (a = start & PAGE_MASK; a < end; a += PAGE_SIZE)
		invlpg(a);
}

static void flush_ipi(void *arg)
{
	struct flush_req *r = arg;

	if (this_cpu_read(loaded_mm) == r->mm)
		flush_local(r->start, r->end);
}

/* Every CPU drops its translations of mm for [start, end). */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_req r = { mm, start, end };
	cpumask_t others;
	int me;

	preempt_disable();
	me = smp_processor_id();
	if (this_cpu_read(loaded_mm) == mm)
		flush_local(start, end);
	smp_mb();	/* the page-table change before reading the mask */
	others = mm->cpu_mask;
	cpumask_clear_cpu(me, &others);
	if (!cpumask_empty(&others))
		smp_call_function_many(&others, flush_ipi, &r, true);
	preempt_enable();
}
