// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code: x86_64_start_kernel() is called by head_64.S on the
 * boot stack, with the early page tables, interrupts off and GS pointing
 * at the boot CPU's per-CPU area.
 */
#include <lego/kernel.h>
#include <lego/init.h>
#include <lego/serial.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/time.h>
#include <lego/string.h>
#include <asm/bootparam.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/percpu.h>
#include <asm/apic.h>
#include <asm/syscall.h>
#include <asm/vdso.h>
#include <asm/vsyscall.h>
#include <lego/smp.h>

#include <asm/acpi.h>
#include <asm/pti.h>

static void print_memory_map(void)
{
	static const char *const types[] = {
		"unknown", "usable", "reserved", "ACPI data", "ACPI NVS", "unusable"
	};
	int i;

	for (i = 0; i < boot_params.nr_e820; i++) {
		const struct e820_entry *e = &boot_params.e820[i];

		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", e->addr,
			e->addr + e->size - 1, types[e->type < 6 ? e->type : 0]);
	}
}

/* Everything that depends on the x86 hardware, in dependency order. */
static void setup_arch(void)
{
	print_memory_map();
	memblock_init();
	paging_init();
	page_alloc_init();
	paging_use_page_allocator();
	kmalloc_init();
	pti_init();
	pr_info("Memory: %luK/%luK available\n", nr_free_pages() * 4,
		totalram_pages() * 4);
	tsc_init();
	acpi_init();
	pic_init();
	apic_init(boot_params.cmdline);
	io_apic_init();
	apic_timer_init();
	vdso_init(boot_params.cmdline);
	map_vsyscall(boot_params.cmdline);
}

__visible void x86_64_start_kernel(u32 protocol, u32 info_phys)
{
	parse_boot_info(protocol, info_phys);
	serial_init(boot_params.cmdline);
	pr_notice("Lego version %s (%s) %s\n", UTS_RELEASE, LEGO_COMPILER,
		  "x86_64");
	pr_info("Booted by %s, command line: %s\n", boot_params.loader,
		boot_params.cmdline);
	cpu_parse_cmdline(boot_params.cmdline);
	panic_parse_cmdline(boot_params.cmdline);
	identify_boot_cpu();
	pr_info("CPU: %s %s (family %u model %u stepping %u)\n",
		boot_cpu_data.vendor, boot_cpu_data.model_id,
		boot_cpu_data.family, boot_cpu_data.model, boot_cpu_data.stepping);
	pr_info("CPU: NX %s, SMEP %s, SMAP %s, XSAVE %s\n",
		boot_cpu_data.nx ? "on" : "off", boot_cpu_data.smep ? "on" : "off",
		boot_cpu_data.smap ? "on" : "off", boot_cpu_data.xsave ? "on" : "off");
	idt_setup();
	setup_per_cpu_areas();
	cpu_init();
	setup_arch();
	sched_init();
	sched_late_init();
	smp_init();
	start_kernel();
}
