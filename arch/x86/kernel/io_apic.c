// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O APIC (Intel 82093AA data sheet): a window of two registers,
 * IOREGSEL at +0x00 and IOWIN at +0x10, through which the redirection
 * table is read and written; entry n (two 32-bit halves at 0x10 + 2n)
 * routes global system interrupt gsi_base + n to a vector on a CPU.
 *
 * Lego routes the ISA interrupts it uses (the serial port) to the boot
 * CPU in physical destination mode, with the polarity and trigger mode the
 * MADT's interrupt source overrides give (ISA default: edge, active high).
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <asm/io.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>

#define IOREGSEL	0x00
#define IOWIN		0x10
#define IOAPIC_VER	0x01
#define IOAPIC_REDTBL(n)	(0x10 + 2 * (n))

#define RTE_MASKED		(1 << 16)
#define RTE_LEVEL		(1 << 15)
#define RTE_ACTIVE_LOW		(1 << 13)

/* MPS INTI flags in the override (ACPI 6.x table 5.50). */
#define INTI_POLARITY_MASK	0x3
#define INTI_POLARITY_LOW	0x3
#define INTI_TRIGGER_MASK	0xc
#define INTI_TRIGGER_LEVEL	0xc

static struct ioapic {
	volatile u32 __iomem *base;
	u32 gsi_base, nr_pins;
} ioapics[MAX_IO_APICS];
static int nr_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);
bool ioapic_in_use;

static u32 io_apic_read(struct ioapic *a, u32 reg)
{
	writel(reg, (volatile u8 __iomem *)a->base + IOREGSEL);
	return readl((volatile u8 __iomem *)a->base + IOWIN);
}

static void io_apic_write(struct ioapic *a, u32 reg, u32 v)
{
	writel(reg, (volatile u8 __iomem *)a->base + IOREGSEL);
	writel(v, (volatile u8 __iomem *)a->base + IOWIN);
}

void io_apic_init(void)
{
	int i;
	u32 pin;

	for (i = 0; i < acpi_madt.nr_ioapics; i++) {
		struct ioapic *a = &ioapics[nr_ioapics];

		a->base = ioremap(acpi_madt.ioapics[i].addr, PAGE_SIZE);
		if (!a->base)
			continue;
		a->gsi_base = acpi_madt.ioapics[i].gsi_base;
		/* Bits 23:16 of the version register: the highest entry. */
		a->nr_pins = ((io_apic_read(a, IOAPIC_VER) >> 16) & 0xff) + 1;
		for (pin = 0; pin < a->nr_pins; pin++) {
			io_apic_write(a, IOAPIC_REDTBL(pin) + 1, 0);
			io_apic_write(a, IOAPIC_REDTBL(pin), RTE_MASKED);
		}
		nr_ioapics++;
	}
	ioapic_in_use = nr_ioapics > 0;
	if (ioapic_in_use) {
		pic_mask_all();
		pr_info("ioapic: %d I/O APIC(s), %u pins on the first\n", nr_ioapics,
			ioapics[0].nr_pins);
	}
}

/* Routes ISA IRQ irq to ISA_IRQ_VECTOR(irq) on the CPU with apic_id. */
bool io_apic_route_isa(unsigned int irq, u32 apic_id)
{
	u32 gsi = acpi_madt.isa_gsi[irq], low;
	u16 flags = acpi_madt.isa_flags[irq];
	unsigned long f;
	int i;

	for (i = 0; i < nr_ioapics; i++) {
		struct ioapic *a = &ioapics[i];
		u32 pin = gsi - a->gsi_base;

		if (gsi < a->gsi_base || pin >= a->nr_pins)
			continue;
		low = ISA_IRQ_VECTOR(irq);		/* fixed delivery, physical */
		if ((flags & INTI_POLARITY_MASK) == INTI_POLARITY_LOW)
			low |= RTE_ACTIVE_LOW;
		if ((flags & INTI_TRIGGER_MASK) == INTI_TRIGGER_LEVEL)
			low |= RTE_LEVEL;
		f = spin_lock_irqsave(&ioapic_lock);
		/* Destination first, then unmask with the low half. */
		io_apic_write(a, IOAPIC_REDTBL(pin) + 1, apic_id << 24);
		io_apic_write(a, IOAPIC_REDTBL(pin), low);
		spin_unlock_irqrestore(&ioapic_lock, f);
		return true;
	}
	return false;
}
