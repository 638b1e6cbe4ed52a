// SPDX-License-Identifier: GPL-2.0
/*
 * The wall clock at boot from the CMOS RTC (Motorola MC146818 register
 * layout: index port 0x70, data port 0x71).
 */
#include <lego/kernel.h>
#include <lego/time.h>
#include <asm/io.h>

#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_STATUS_A	0x0a	/* bit 7: update in progress */
#define RTC_STATUS_B	0x0b	/* bit 2: binary, bit 1: 24 hour */
#define RTC_CENTURY	0x32	/* the usual ACPI FADT century register */

static u8 cmos_read(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to year-month-day (proleptic Gregorian). */
static u64 days_from_civil(unsigned int y, unsigned int m, unsigned int d)
{
	static const unsigned int cum[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	u64 days = (y - 1970) * 365ULL;
	unsigned int yy;

	for (yy = 1970; yy < y; yy++)
		if ((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0)
			days++;
	days += cum[m - 1] + d - 1;
	if (m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		days++;
	return days;
}

u64 rtc_read_epoch_seconds(void)
{
	unsigned int s, mi, h, d, mo, y, cent, spins = 1000000;
	u8 b;

	while ((cmos_read(RTC_STATUS_A) & 0x80) && --spins)
		;
	s = cmos_read(RTC_SECONDS);
	mi = cmos_read(RTC_MINUTES);
	h = cmos_read(RTC_HOURS);
	d = cmos_read(RTC_DAY);
	mo = cmos_read(RTC_MONTH);
	y = cmos_read(RTC_YEAR);
	cent = cmos_read(RTC_CENTURY);
	b = cmos_read(RTC_STATUS_B);
	if (!(b & 0x04)) {
		s = bcd2bin(s);
		mi = bcd2bin(mi);
		h = bcd2bin(h & 0x7f) | (h & 0x80);
		d = bcd2bin(d);
		mo = bcd2bin(mo);
		y = bcd2bin(y);
		cent = bcd2bin(cent);
	}
	if (!(b & 0x02) && (h & 0x80))		/* 12-hour clock, PM */
		h = ((h & 0x7f) % 12) + 12;
	h &= 0x7f;
	y += (cent >= 19 && cent <= 30) ? cent * 100 : 2000;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1970)
		return 0;
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}
