// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas.  The boot CPU uses the image's own .data..percpu
 * (head_64.S pointed GS base at it); each further CPU gets a zeroed area
 * of the same size when it is brought up (smpboot.c).  So a per-CPU
 * variable starts at zero on every CPU and is set up by code, never by a
 * static initializer (which only the boot CPU would see).
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/sched.h>
#include <asm/percpu.h>
#include <asm/msr.h>

unsigned long __per_cpu_offset[CONFIG_NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);

extern char boot_stack_top[];

void setup_per_cpu_areas(void)
{
	unsigned long base = (unsigned long)__per_cpu_load;

	__per_cpu_offset[0] = base;
	wrmsr(MSR_GS_BASE, base);
	this_cpu_write(this_cpu_off, base);
	this_cpu_write(cpu_number, 0);
	this_cpu_write(cpu_current_top_of_stack, (unsigned long)boot_stack_top);
}

/* A zeroed per-CPU area for CPU cpu; returns its base. */
unsigned long alloc_percpu_area(int cpu)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	void *p = kzalloc(size, GFP_KERNEL);

	if (!p)
		return 0;
	__per_cpu_offset[cpu] = (unsigned long)p;
	per_cpu(this_cpu_off, cpu) = (unsigned long)p;
	per_cpu(cpu_number, cpu) = cpu;
	return (unsigned long)p;
}
