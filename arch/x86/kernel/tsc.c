// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's clock, and the vDSO data page it is kept in.
 * The TSC frequency is measured against PIT channel 2 (1.193182 MHz, Intel
 * 8254 data sheet) at boot: three windows of 3 ms (3579 PIT ticks each, so
 * the count is good to 0.03%), the least disturbed of them kept.
 * Conversion to nanoseconds is a multiply and a shift: ns = (tsc -
 * tsc_base) * mult >> 32, with mult = 10^6 << 32 / tsc_khz.
 *
 * The numbers live in vvar_page, which every process also sees read-only
 * as [vvar], and both the kernel and the vDSO read them with the
 * functions of asm/vvar.h: a clock read through the vDSO and through a
 * syscall cannot disagree (Documentation/x86/vdso.rst).
 */
#include <lego/kernel.h>
#include <lego/time.h>
#include <lego/spinlock.h>
#include <lego/atomic.h>
#include <lego/smp.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/vvar.h>
#include <asm/percpu.h>

#define PIT_HZ		1193182
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61	/* bit 0: gate ch2, bit 1: speaker, bit 5: out */

#define CALIBRATE_MS	3

/*
 * CLOCK_TAI - CLOCK_REALTIME.  Linux keeps 0 until something (an NTP
 * daemon, adjtimex ADJ_TAI) sets the real TAI-UTC difference; Lego has no
 * such interface yet, so it is 0 as on a freshly booted Linux.
 */
#define TAI_OFFSET_NS	0
#define TICK_NSEC	(NSEC_PER_SEC / CONFIG_HZ)

u64 tsc_khz;

/* A page of its own: user space can read every byte of it. */
union vvar_page vvar_page __section(".data..page_aligned");

/* Serialises the writers; readers take no lock (asm/vvar.h). */
static DEFINE_SPINLOCK(vvar_lock);
/* Set while this CPU is inside a write: see ktime_get_ns(). */
static DEFINE_PER_CPU(u8, vvar_writing);

static unsigned long vvar_write_begin(void)
{
	unsigned long flags = spin_lock_irqsave(&vvar_lock);

	this_cpu_write(vvar_writing, 1);
	WRITE_ONCE(vvar_page.data.seq, vvar_page.data.seq + 1);
	smp_wmb();
	return flags;
}

static void vvar_write_end(unsigned long flags)
{
	smp_wmb();
	WRITE_ONCE(vvar_page.data.seq, vvar_page.data.seq + 1);
	this_cpu_write(vvar_writing, 0);
	spin_unlock_irqrestore(&vvar_lock, flags);
}

/*
 * CLOCK_MONOTONIC.  An NMI or machine check that interrupts this CPU's
 * own write would wait forever for the sequence to become even; it reads
 * the TSC conversion directly instead, whose numbers are fixed at boot.
 */
u64 ktime_get_ns(void)
{
	u64 ns;

	if (unlikely(this_cpu_read(vvar_writing)))
		return vvar_tsc_to_ns(&vvar_page.data, rdtsc_ordered());
	vvar_clock_read(&vvar_page.data, CLOCK_MONOTONIC, &ns);
	return ns;
}

/*
 * The scheduler's clock, for the CPU-time count at every context switch:
 * ns from the TSC alone.  mult, shift and tsc_base are written once, by
 * tsc_init, so no sequence count is read, and the TSC read need not wait
 * for earlier instructions (no LFENCE): what it measures is a task's
 * stretch on one CPU, not an instant another CPU compares (Linux's
 * native_sched_clock).  0 before tsc_init.
 */
u64 sched_clock(void)
{
	return vvar_tsc_to_ns(&vvar_page.data, rdtsc());
}

u64 ktime_get_real_ns(void)
{
	u64 ns;

	vvar_clock_read(&vvar_page.data, CLOCK_REALTIME, &ns);
	return ns;
}

/* The clocks the vDSO serves, read exactly as the vDSO reads them. */
bool ktime_get_clock_ns(clockid_t clk, u64 *ns)
{
	return vvar_clock_read(&vvar_page.data, clk, ns);
}

bool ktime_get_clock_res_ns(clockid_t clk, u32 *res_ns)
{
	return vvar_clock_res(&vvar_page.data, clk, res_ns);
}

/* gettimeofday()'s time zone: none is ever set, as on a fresh Linux. */
void ktime_get_timezone(struct timezone *tz)
{
	vvar_timezone(&vvar_page.data, tz);
}

long ktime_get_seconds_coarse(void)
{
	return vvar_time(&vvar_page.data);
}

/* The boot CPU's tick: the _COARSE clocks advance. */
void timekeeping_tick(void)
{
	unsigned long flags = vvar_write_begin();

	vvar_page.data.coarse_mono_ns = vvar_tsc_to_ns(&vvar_page.data, rdtsc_ordered());
	vvar_write_end(flags);
}

/* Counts TSC cycles while PIT channel 2 counts down ms milliseconds. */
static u64 pit_measure_tsc(unsigned int ms)
{
	u32 latch = PIT_HZ * ms / 1000;
	u64 t0, t1;
	u8 gate;

	gate = inb(PIT_GATE);
	outb((gate & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_CMD);			/* ch2, lo/hi, mode 0, binary */
	outb(latch & 0xff, PIT_CH2);
	outb(latch >> 8, PIT_CH2);
	t0 = rdtsc();
	while (!(inb(PIT_GATE) & 0x20))		/* OUT2 goes high at 0 */
		;
	t1 = rdtsc();
	outb(gate, PIT_GATE);
	return t1 - t0;
}

void tsc_init(void)
{
	struct vdso_data *d = &vvar_page.data;
	u64 best = ~0ULL, c, real;
	unsigned long flags;
	int i;

	/* The smallest of three runs is the least disturbed. */
	for (i = 0; i < 3; i++) {
		c = pit_measure_tsc(CALIBRATE_MS);
		if (c < best)
			best = c;
	}
	tsc_khz = best / CALIBRATE_MS;
	if (!tsc_khz)
		tsc_khz = 1000000;	/* unusable PIT: assume 1 GHz */
	real = rtc_read_epoch_seconds() * NSEC_PER_SEC;

	flags = vvar_write_begin();
	d->tsc_base = rdtsc();
	d->mult = (1000000ULL << 32) / tsc_khz;
	d->shift = 32;
	d->hres_res_ns = 1;
	d->coarse_res_ns = TICK_NSEC;
	d->coarse_mono_ns = 0;
	d->offset_ns[CLOCK_REALTIME] = real;
	d->offset_ns[CLOCK_REALTIME_COARSE] = real;
	d->offset_ns[CLOCK_TAI] = real + TAI_OFFSET_NS;
	vvar_write_end(flags);
	pr_info("tsc: %llu.%03llu MHz TSC\n", tsc_khz / 1000, tsc_khz % 1000);
}

void ndelay_tsc(u64 ns)
{
	u64 end = ktime_get_ns() + ns;

	while (ktime_get_ns() < end)
		asm volatile("pause");
}
