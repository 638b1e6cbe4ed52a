// SPDX-License-Identifier: GPL-2.0
/*
 * Power off and reboot.  Under QEMU with -device isa-debug-exit (port
 * 0xf4) a write ends QEMU with exit status (value << 1) | 1, which is how
 * init's exit status reaches scripts; elsewhere ACPI S5 switches the
 * machine off.
 */
#include <lego/kernel.h>
#include <lego/reboot.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <lego/smp.h>

#define ISA_DEBUG_EXIT_PORT	0xf4

#include <asm/acpi.h>

static __noreturn void halt_forever(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

void machine_power_off(int status)
{
	local_irq_disable();
	smp_send_stop();
	pr_info("reboot: Power down\n");
	outl(status & 0xff, ISA_DEBUG_EXIT_PORT);
	acpi_power_off();
	pr_emerg("reboot: System halted\n");
	halt_forever();
}

void machine_restart(void)
{
	struct { u16 limit; u64 base; } __packed null_idt = { 0, 0 };
	int i;

	local_irq_disable();
	smp_send_stop();
	pr_info("reboot: Restarting system\n");
	/* Pulse the reset line through the 8042 keyboard controller. */
	for (i = 0; i < 0x10000 && (inb(0x64) & 0x02); i++)
		;
	outb(0xfe, 0x64);
	/* Else a triple fault: no IDT, then an exception. */
	asm volatile("lidt %0; int3" : : "m"(null_idt));
	halt_forever();
}

void machine_halt(void)
{
	pr_emerg("reboot: System halted\n");
	halt_forever();
}
