// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's clock.  Its frequency is measured against PIT
 * channel 2 (1.193182 MHz, Intel 8254 data sheet) at boot: three windows
 * of 3 ms (3579 PIT ticks each, so the count is good to 0.03%), the least
 * disturbed of them kept.
 * Conversion to nanoseconds is a multiply and a shift: ns = cycles *
 * mult >> 32, with mult = 10^6 << 32 / tsc_khz.
 */
#include <lego/kernel.h>
#include <lego/time.h>
#include <asm/io.h>
#include <asm/msr.h>

#define PIT_HZ		1193182
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61	/* bit 0: gate ch2, bit 1: speaker, bit 5: out */

#define CALIBRATE_MS	3

u64 tsc_khz;
static u64 tsc_mult;		/* ns per cycle, 32.32 fixed point */
static u64 tsc_base;		/* TSC value at ktime 0 */
static u64 boot_real_ns;	/* CLOCK_REALTIME at ktime 0 */

static u64 cycles_to_ns(u64 cyc)
{
	return (u64)(((unsigned __int128)cyc * tsc_mult) >> 32);
}

u64 ktime_get_ns(void)
{
	if (!tsc_mult)
		return 0;
	return cycles_to_ns(rdtsc() - tsc_base);
}

u64 ktime_get_real_ns(void)
{
	return boot_real_ns + ktime_get_ns();
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
	u64 best = ~0ULL, c;
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
	tsc_base = rdtsc();
	tsc_mult = (1000000ULL << 32) / tsc_khz;
	boot_real_ns = rtc_read_epoch_seconds() * NSEC_PER_SEC;
	pr_info("tsc: %llu.%03llu MHz TSC\n", tsc_khz / 1000, tsc_khz % 1000);
}

void ndelay_tsc(u64 ns)
{
	u64 end = ktime_get_ns() + ns;

	while (ktime_get_ns() < end)
		asm volatile("pause");
}
