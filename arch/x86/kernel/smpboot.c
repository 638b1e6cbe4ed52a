// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the application processors (APs), one at a time.
 *
 * The boot CPU copies the real-mode trampoline (trampoline_64.S) to a
 * free page below 1 MiB, with page tables beside it that map that page
 * 1:1 and the kernel half as init_pgd does; gives the next AP a per-CPU
 * area and an idle task; and wakes it with INIT-SIPI-SIPI.  The AP climbs
 * to long mode in the trampoline, enters secondary_startup_64 (head_64.S)
 * on its idle task's stack, and finishes in start_secondary() below: its
 * own GDT, TSS, IST stacks, IDT, syscall MSRs, local APIC and timer, then
 * the idle loop.  The boot CPU waits for it to come online (1 s at most)
 * before waking the next.
 */
#include <lego/kernel.h>
#include <lego/smp.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/mm.h>
#include <lego/time.h>
#include <lego/atomic.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/bootparam.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/pti.h>

extern char trampoline_start[], trampoline_end[], trampoline_params[];
extern char secondary_startup_64[];

/* The parameter block at the end of the trampoline (trampoline_64.S). */
struct trampoline_params {
	u32 cr3;
	u32 efer;
	u64 stack;
	u64 entry;
} __packed;

/* Read by secondary_startup_64 (head_64.S). */
unsigned long smp_boot_cr3, smp_boot_gs_base;

/* The trampoline page, then its PML4, PDPT and PD. */
#define TRAMPOLINE_PAGES	4
#define TRAMPOLINE_LOW		0x8000UL	/* clear of the IVT and BDA */
#define TRAMPOLINE_HIGH		0x9f000UL	/* below the EBDA */

static unsigned long trampoline_phys;

/* A run of TRAMPOLINE_PAGES usable pages below 1 MiB, or 0. */
static unsigned long find_trampoline_space(void)
{
	unsigned long pa, end;
	int i;

	for (pa = TRAMPOLINE_LOW; pa + TRAMPOLINE_PAGES * PAGE_SIZE <= TRAMPOLINE_HIGH;
	     pa += PAGE_SIZE) {
		end = pa + TRAMPOLINE_PAGES * PAGE_SIZE;
		for (i = 0; i < boot_params.nr_e820; i++) {
			const struct e820_entry *e = &boot_params.e820[i];

			if (e->type == E820_TYPE_RAM && e->addr <= pa &&
			    e->addr + e->size >= end)
				return pa;
		}
	}
	return 0;
}

/*
 * Copies the trampoline and builds its page tables: a 2 MiB identity
 * page over the low memory the trampoline runs in (the PML4 must be
 * below 4 GiB: the AP loads CR3 in 32-bit mode), and the kernel half of
 * init_pgd, whose PDPTs are shared, for the jump to the kernel image.
 */
static bool setup_trampoline(void)
{
	size_t size = trampoline_end - trampoline_start;
	pteval_t *pml4, *pdpt, *pd;
	struct trampoline_params *p;

	if (size > PAGE_SIZE)
		panic("smp: trampoline larger than a page");
	trampoline_phys = find_trampoline_space();
	if (!trampoline_phys)
		return false;
	memcpy(__va(trampoline_phys), trampoline_start, size);
	pml4 = __va(trampoline_phys + PAGE_SIZE);
	pdpt = __va(trampoline_phys + 2 * PAGE_SIZE);
	pd = __va(trampoline_phys + 3 * PAGE_SIZE);
	memset(pml4, 0, 3 * PAGE_SIZE);
	pd[0] = _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	pdpt[0] = (trampoline_phys + 3 * PAGE_SIZE) | _PAGE_PRESENT | _PAGE_RW;
	pml4[0] = (trampoline_phys + 2 * PAGE_SIZE) | _PAGE_PRESENT | _PAGE_RW;
	memcpy(pml4 + PTRS_PER_TABLE / 2, init_pgd + PTRS_PER_TABLE / 2, PAGE_SIZE / 2);

	p = __va(trampoline_phys + (trampoline_params - trampoline_start));
	p->cr3 = trampoline_phys + PAGE_SIZE;
	p->efer = rdmsr(MSR_EFER) & ~EFER_LMA;
	p->entry = (u64)secondary_startup_64;
	smp_boot_cr3 = __pa(init_pgd);
	return true;
}

/* The first C code of an AP, on its idle task's stack. */
__visible void start_secondary(void)
{
	int cpu = smp_processor_id();

	cpu_init();
	pti_setup_cpu(cpu);
	apic_setup_cpu();
	apic_timer_setup_cpu();
	pr_info("smp: CPU%d (APIC ID %u) online\n", cpu, read_apic_id());
	cpumask_set_cpu(cpu, &cpu_online_mask);
	local_irq_enable();
	cpu_idle_loop();
}

static bool boot_one_cpu(int cpu, u32 apic_id)
{
	struct trampoline_params *p =
		__va(trampoline_phys + (trampoline_params - trampoline_start));
	struct task_struct *idle;
	unsigned long area;
	u64 deadline;

	area = alloc_percpu_area(cpu);
	if (area)
		smp_calls_init_cpu(cpu);
	idle = area ? idle_task_create(cpu) : NULL;
	if (!idle) {
		pr_err("smp: no memory for CPU%d\n", cpu);
		return false;
	}
	cpu_apicid[cpu] = apic_id;
	p->stack = idle->thread.sp0;
	smp_boot_gs_base = area;
	smp_mb();		/* the AP reads them once it runs */
	apic_wakeup_ap(apic_id, trampoline_phys);
	deadline = ktime_get_ns() + NSEC_PER_SEC;
	while (!cpu_online(cpu)) {
		if (ktime_get_ns() > deadline) {
			pr_err("smp: CPU%d (APIC ID %u) did not come up\n", cpu, apic_id);
			return false;
		}
		cpu_relax();
	}
	return true;
}

void smp_init(void)
{
	char v[16];
	unsigned long maxcpus = CONFIG_NR_CPUS;
	int i, cpu = 1;

	cpu_apicid[0] = read_apic_id();
	cpumask_set_cpu(0, &cpu_possible_mask);
	cpumask_set_cpu(0, &cpu_online_mask);
	smp_calls_init();
	if (cmdline_get(boot_params.cmdline, "maxcpus", v, sizeof(v)))
		maxcpus = simple_strtoul(v, NULL, 10);
	if (cmdline_get(boot_params.cmdline, "nosmp", v, sizeof(v)))
		maxcpus = 1;
	if (!IS_ENABLED(CONFIG_SMP) || !acpi_madt.found || maxcpus <= 1 ||
	    acpi_madt.nr_cpus <= 1)
		goto done;
	if (!setup_trampoline()) {
		pr_err("smp: no free low memory for the AP trampoline\n");
		goto done;
	}
	for (i = 0; i < acpi_madt.nr_cpus && cpu < (int)maxcpus; i++) {
		if (acpi_madt.apic_ids[i] == cpu_apicid[0])
			continue;
		cpumask_set_cpu(cpu, &cpu_possible_mask);
		if (boot_one_cpu(cpu, acpi_madt.apic_ids[i]))
			cpu++;
		else
			cpumask_clear_cpu(cpu, &cpu_possible_mask);
	}
done:
	nr_cpu_ids = cpu;
	pr_info("smp: Brought up %u CPU%s\n", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "");
}
