/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_TIME_H
#define _LEGO_TIME_H

#include <lego/types.h>

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_USEC	1000ULL
/* clock_t units of times(2), siginfo and /proc: Linux's USER_HZ. */
#define USER_HZ		100

/*
 * Clocks: CLOCK_MONOTONIC counts from boot, from the TSC (calibrated
 * against the PIT at boot); CLOCK_REALTIME adds the wall time read from
 * the CMOS RTC at boot.  Before calibration they read 0.
 */
u64 ktime_get_ns(void);
u64 sched_clock(void);
u64 ktime_get_real_ns(void);
/*
 * The clocks the vDSO serves (CLOCK_REALTIME, _MONOTONIC, _MONOTONIC_RAW,
 * _BOOTTIME, _TAI and the _COARSE ones), read as the vDSO reads them;
 * false for any other clock id.
 */
bool ktime_get_clock_ns(clockid_t clk, u64 *ns);
bool ktime_get_clock_res_ns(clockid_t clk, u32 *res_ns);
struct timezone;
void ktime_get_timezone(struct timezone *tz);
/* time()'s answer: CLOCK_REALTIME's seconds at the last tick. */
long ktime_get_seconds_coarse(void);
void timekeeping_tick(void);
void tsc_init(void);
void time_init(void);
void ndelay_tsc(u64 ns);
extern u64 tsc_khz;
extern volatile u64 jiffies;
u64 rtc_read_epoch_seconds(void);

#endif /* _LEGO_TIME_H */
