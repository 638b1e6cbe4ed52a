// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt controllers: the legacy 8259A pair, remapped to vectors
 * 0x20-0x2f and masked except for the lines Lego uses; and the local APIC
 * (Intel SDM Vol. 3A chapter 11, xAPIC MMIO mode), whose timer drives the
 * scheduler tick at CONFIG_HZ.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/time.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/irq_vectors.h>
#include <asm/traps.h>

#define APIC_ID		0x020
#define APIC_EOI	0x0b0
#define APIC_SVR	0x0f0
#define APIC_LVTT	0x320
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define APIC_SVR_ENABLE		0x100
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_PERIODIC	(1 << 17)
#define APIC_TDCR_DIV16		0x3

static volatile u8 *apic_base;
volatile u64 jiffies;

static u32 apic_read(u32 reg)
{
	return readl(apic_base + reg);
}

static void apic_write(u32 reg, u32 v)
{
	writel(v, apic_base + reg);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* 8259A: ICW1-ICW4, then mask everything (Intel 8259A data sheet). */
#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
static u16 pic_mask = 0xfffb;		/* all masked but the cascade (IRQ2) */

void pic_init(void)
{
	outb(0x11, PIC1_CMD);		/* ICW1: edge, cascade, ICW4 follows */
	outb(0x11, PIC2_CMD);
	outb(FIRST_EXTERNAL_VECTOR, PIC1_DATA);		/* ICW2: vector base */
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC2_DATA);
	outb(0x04, PIC1_DATA);		/* ICW3: slave on IRQ2 */
	outb(0x02, PIC2_DATA);
	outb(0x01, PIC1_DATA);		/* ICW4: 8086 mode */
	outb(0x01, PIC2_DATA);
	outb(pic_mask & 0xff, PIC1_DATA);
	outb(pic_mask >> 8, PIC2_DATA);
}

void pic_unmask(unsigned int irq)
{
	pic_mask &= ~(1 << irq);
	outb(pic_mask & 0xff, PIC1_DATA);
	outb(pic_mask >> 8, PIC2_DATA);
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(0x20, PIC2_CMD);
	outb(0x20, PIC1_CMD);
}

static void spurious_interrupt(struct pt_regs *regs)
{
	/* No EOI for a spurious APIC interrupt (SDM Vol. 3A 11.9). */
}

static void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	apic_eoi();
	scheduler_tick();
}

void apic_init(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	wrmsr(MSR_IA32_APICBASE, base | (1 << 11));	/* global enable */
	apic_base = ioremap(base & 0xfffff000, PAGE_SIZE);
	apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	set_irq_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
}

/*
 * Measures the APIC timer against the TSC over 10 ms and programs it in
 * periodic mode at CONFIG_HZ.
 */
void apic_timer_init(void)
{
	u64 t0 = ktime_get_ns();
	u32 ticks, per_tick;

	apic_write(APIC_TDCR, APIC_TDCR_DIV16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0xffffffff);
	while (ktime_get_ns() - t0 < 10 * NSEC_PER_MSEC)
		;
	ticks = 0xffffffff - apic_read(APIC_TMCCT);
	per_tick = (u64)ticks * 100 / CONFIG_HZ;
	if (!per_tick)
		per_tick = 1;
	set_irq_handler(LOCAL_TIMER_VECTOR, timer_interrupt);
	apic_write(APIC_LVTT, APIC_LVT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, per_tick);
	pr_info("apic: timer %u ticks per %u Hz tick\n", per_tick, CONFIG_HZ);
}
