/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

#include <lego/types.h>

#define MAX_IO_APICS	8

/* What the MADT says about the interrupt hardware (arch/x86/kernel/acpi.c). */
struct acpi_madt_info {
	bool found;
	bool pcat_compat;		/* a legacy 8259A pair is present */
	u64 lapic_addr;
	int nr_cpus, cpus_ignored;
	u32 apic_ids[CONFIG_NR_CPUS];	/* enabled processors, firmware order */
	int nr_ioapics;
	struct {
		u8 id;
		u32 addr, gsi_base;
	} ioapics[MAX_IO_APICS];
	u32 isa_gsi[16];		/* ISA IRQ -> global system interrupt */
	u16 isa_flags[16];		/* MPS INTI flags: polarity, trigger */
};

extern struct acpi_madt_info acpi_madt;

/* The MCFG's ECAM window of PCI segment 0 (drivers/pci/pci.c). */
struct acpi_mcfg_info {
	bool found;
	u8 bus_start, bus_end;
	u64 base;			/* of bus_start's configuration space */
};
extern struct acpi_mcfg_info acpi_mcfg;
extern u64 acpi_hpet_addr;

void acpi_init(void);
void acpi_power_off(void);

#endif /* _ASM_X86_ACPI_H */
