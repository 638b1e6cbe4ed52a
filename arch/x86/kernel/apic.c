// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC (Intel SDM Vol. 3A chapter 11) in xAPIC mode (registers
 * in a 4 KiB MMIO page) or x2APIC mode (registers as MSRs 0x800 + reg/16,
 * SDM 11.12), chosen at boot: x2APIC when the CPU has it and "nox2apic"
 * is not on the command line.  It delivers the per-CPU timer tick, the
 * inter-processor interrupts and, with the I/O APIC, the devices'
 * interrupts.  The legacy 8259A pair is remapped and fully masked when an
 * I/O APIC is used, and carries the serial interrupt otherwise.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/smp.h>
#include <lego/time.h>
#include <lego/cmdline.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/irq_vectors.h>
#include <asm/traps.h>
#include <asm/acpi.h>

#define APIC_ID		0x020
#define APIC_LVR	0x030
#define APIC_TPR	0x080
#define APIC_EOI	0x0b0
#define APIC_LDR	0x0d0
#define APIC_DFR	0x0e0
#define APIC_SVR	0x0f0
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define APIC_SVR_ENABLE		0x100
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_PERIODIC	(1 << 17)
#define APIC_DM_NMI		0x400
#define APIC_DM_EXTINT		0x700
#define APIC_TDCR_DIV16		0x3

/* ICR fields (SDM Vol. 3A 11.6.1). */
#define ICR_DM_FIXED		0x000
#define ICR_DM_NMI		0x400
#define ICR_DM_INIT		0x500
#define ICR_DM_STARTUP		0x600
#define ICR_DELIVERY_PENDING	(1 << 12)
#define ICR_LEVEL_ASSERT	(1 << 14)
#define ICR_TRIGGER_LEVEL	(1 << 15)
#define ICR_ALL_BUT_SELF	(3 << 18)

#define APICBASE_X2APIC		(1 << 10)
#define APICBASE_ENABLE		(1 << 11)
#define MSR_X2APIC_BASE		0x800

static volatile u8 __iomem *apic_base;
static bool x2apic_mode;
static u32 timer_count;			/* APIC timer ticks per kernel tick */
volatile u64 jiffies;

static u32 apic_read(u32 reg)
{
	if (x2apic_mode)
		return rdmsr(MSR_X2APIC_BASE + (reg >> 4));
	return readl(apic_base + reg);
}

static void apic_write(u32 reg, u32 v)
{
	if (x2apic_mode)
		wrmsr(MSR_X2APIC_BASE + (reg >> 4), v);
	else
		writel(v, apic_base + reg);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* xAPIC IDs are 8 bits in ID[31:24]; x2APIC IDs are the whole register. */
u32 read_apic_id(void)
{
	u32 id = apic_read(APIC_ID);

	return x2apic_mode ? id : id >> 24;
}

/*
 * Sends an IPI.  In x2APIC mode the ICR is one 64-bit MSR with the
 * destination in bits 63:32, written in one go (SDM 11.12.9); in xAPIC
 * mode the destination goes into ICR2 first, the write to ICR sends, and
 * a new IPI waits for the last to leave (delivery status, SDM 11.6.1).
 * Interrupts are off meanwhile so an interrupt handler's own IPI cannot
 * come between the two writes.
 */
static void apic_icr_write(u32 low, u32 dest)
{
	unsigned long flags = local_irq_save();

	if (x2apic_mode) {
		/* x2APIC MSR writes are not serializing: order prior stores. */
		asm volatile("mfence" ::: "memory");
		wrmsr(MSR_X2APIC_BASE + (APIC_ICR >> 4), ((u64)dest << 32) | low);
	} else {
		while (apic_read(APIC_ICR) & ICR_DELIVERY_PENDING)
			cpu_relax();
		apic_write(APIC_ICR2, dest << 24);
		apic_write(APIC_ICR, low);
	}
	local_irq_restore(flags);
}

void apic_send_ipi(u32 apic_id, unsigned int vector)
{
	apic_icr_write(ICR_DM_FIXED | vector, apic_id);
}

void apic_send_nmi_allbutself(void)
{
	apic_icr_write(ICR_DM_NMI | ICR_ALL_BUT_SELF, 0);
}

/*
 * Wakes an application processor (SDM Vol. 3A 8.4.4.1, "typical AP
 * initialization sequence"): INIT, 10 ms, then STARTUP twice, 200 us
 * apart.  The STARTUP vector is the page number of the real-mode code.
 */
void apic_wakeup_ap(u32 apic_id, unsigned long start_phys)
{
	apic_write(APIC_ESR, 0);
	apic_icr_write(ICR_DM_INIT | ICR_LEVEL_ASSERT | ICR_TRIGGER_LEVEL, apic_id);
	ndelay_tsc(10 * NSEC_PER_MSEC);
	apic_icr_write(ICR_DM_STARTUP | (start_phys >> 12), apic_id);
	ndelay_tsc(200 * NSEC_PER_USEC);
	apic_icr_write(ICR_DM_STARTUP | (start_phys >> 12), apic_id);
	ndelay_tsc(200 * NSEC_PER_USEC);
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

/* With an I/O APIC the 8259A stays fully masked (its outputs unused). */
void pic_mask_all(void)
{
	pic_mask = 0xffff;
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
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
	/* Counted nowhere, acknowledged nowhere (SDM Vol. 3A 11.9). */
}

static void error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	apic_write(APIC_ESR, 0);	/* latch the errors (SDM 11.5.3) */
	esr = apic_read(APIC_ESR);
	pr_warn("APIC error on CPU%d: %#x\n", smp_processor_id(), esr);
}

static void timer_interrupt(struct pt_regs *regs)
{
	if (smp_processor_id() == 0) {
		jiffies++;
		timekeeping_tick();
	}
	report_ist_events();
	scheduler_tick(regs);
}

/* The per-CPU part: every CPU enables and programs its own local APIC. */
void apic_setup_cpu(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	base |= APICBASE_ENABLE;
	if (x2apic_mode)
		base |= APICBASE_X2APIC;
	wrmsr(MSR_IA32_APICBASE, base);
	apic_write(APIC_TPR, 0);			/* accept every priority */
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	/* LINT0 ExtINT (virtual wire for the 8259A) only on the boot CPU,
	 * and only while the 8259A is in use; LINT1 is NMI everywhere. */
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_DM_NMI);
	apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
}

void apic_init(const char *cmdline)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);
	char v[4];

	x2apic_mode = boot_cpu_data.x2apic && !cmdline_get(cmdline, "nox2apic", v, sizeof(v));
	if (!x2apic_mode)
		apic_base = ioremap(base & ~0xfffULL, PAGE_SIZE);
	set_irq_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
	set_irq_handler(ERROR_APIC_VECTOR, error_interrupt);
	apic_setup_cpu();
	pr_info("apic: local APIC in %s mode, boot CPU APIC ID %u\n",
		x2apic_mode ? "x2APIC" : "xAPIC", read_apic_id());
}

/* This CPU's timer: periodic at CONFIG_HZ with the measured count. */
void apic_timer_setup_cpu(void)
{
	apic_write(APIC_TDCR, APIC_TDCR_DIV16);
	apic_write(APIC_LVTT, APIC_LVT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, timer_count);
}

/* APIC timer ticks (divided by 16) in ms milliseconds of TSC time. */
static u32 apic_measure(unsigned int ms)
{
	u64 t0 = ktime_get_ns();

	apic_write(APIC_TMICT, 0xffffffff);
	while (ktime_get_ns() - t0 < ms * NSEC_PER_MSEC)
		;
	return 0xffffffff - apic_read(APIC_TMCCT);
}

/*
 * Measures the APIC timer against the (calibrated) TSC over 10 ms, once on
 * the boot CPU -- every CPU's APIC timer runs from the same bus clock --
 * and starts the boot CPU's tick.  (Shorter windows were tried: under
 * QEMU's TCG the emulated APIC timer's count is too irregular over a few
 * milliseconds, by up to a factor of three.)
 */
#define APIC_CALIBRATE_MS	10

void apic_timer_init(void)
{
	u32 ticks;

	apic_write(APIC_TDCR, APIC_TDCR_DIV16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	ticks = apic_measure(APIC_CALIBRATE_MS);
	timer_count = (u64)ticks * (1000 / APIC_CALIBRATE_MS) / CONFIG_HZ;
	if (!timer_count)
		timer_count = 1;
	set_irq_handler(LOCAL_TIMER_VECTOR, timer_interrupt);
	apic_timer_setup_cpu();
	pr_info("apic: timer %u ticks per %u Hz tick\n", timer_count, CONFIG_HZ);
}

/* Stops this CPU's timer and masks its LVT entries (before it halts). */
void apic_shutdown_cpu(void)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0);
}
