// Clocks and sleeping: clock_gettime on every clock and its EINVAL,
// clock_getres, gettimeofday, time (with and without a pointer),
// nanosleep (a 10 ms sleep lasts at least 10 ms by CLOCK_MONOTONIC; bad
// requests are EINVAL), clock_nanosleep.
// lego-test: libc=musl
#define LT_SUITE "time_basic"
#include <errno.h>
#include <time.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include "lego_test.h"

#define NSEC	1000000000LL

/* Linux's clock ids (uapi/linux/time.h). */
static const struct {
	const char *name;
	int id;
} clocks[] = {
	{ "realtime", 0 }, { "monotonic", 1 }, { "process_cputime", 2 },
	{ "thread_cputime", 3 }, { "monotonic_raw", 4 }, { "realtime_coarse", 5 },
	{ "monotonic_coarse", 6 }, { "boottime", 7 }, { "realtime_alarm", 8 },
	{ "boottime_alarm", 9 }, { "tai", 11 },
};

static long long ns(const struct timespec *t)
{
	return t->tv_sec * NSEC + t->tv_nsec;
}

static long long now(int clock)
{
	struct timespec t;

	lt_syscall2(SYS_clock_gettime, clock, &t);
	return ns(&t);
}

static void gettime(void)
{
	struct timespec t, res;
	long long prev, cur, mono, boot;
	unsigned int i;
	int ok;

	for (i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		t.tv_sec = -1;
		t.tv_nsec = -1;
		EXPECT_RET(lt_cat("clock_gettime", clocks[i].name),
			   lt_syscall2(SYS_clock_gettime, clocks[i].id, &t), 0);
		EXPECT_TRUE(lt_cat("clock_gettime/range", clocks[i].name),
			    t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < NSEC);
		EXPECT_RET(lt_cat("clock_getres", clocks[i].name),
			   lt_syscall2(SYS_clock_getres, clocks[i].id, &res), 0);
		EXPECT_TRUE(lt_cat("clock_getres/range", clocks[i].name),
			    res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= NSEC / 10);
	}
	/* 10 is CLOCK_SGI_CYCLE, never implemented; 12 to 15 do not exist. */
	EXPECT_RET("clock_gettime/einval_10", lt_syscall2(SYS_clock_gettime, 10, &t), -EINVAL);
	EXPECT_RET("clock_gettime/einval_12", lt_syscall2(SYS_clock_gettime, 12, &t), -EINVAL);
	EXPECT_RET("clock_gettime/einval_16", lt_syscall2(SYS_clock_gettime, 16, &t), -EINVAL);
	EXPECT_RET("clock_gettime/einval_int_max",
		   lt_syscall2(SYS_clock_gettime, 0x7fffffff, &t), -EINVAL);
	EXPECT_RET("clock_getres/einval_10", lt_syscall2(SYS_clock_getres, 10, &res), -EINVAL);
	EXPECT_RET("clock_getres/null", lt_syscall2(SYS_clock_getres, CLOCK_MONOTONIC, 0), 0);
	/* The high-resolution clocks tick in nanoseconds. */
	lt_syscall2(SYS_clock_getres, CLOCK_MONOTONIC, &res);
	EXPECT_EQ("clock_getres/monotonic_1ns", ns(&res), 1);
	lt_syscall2(SYS_clock_getres, CLOCK_REALTIME, &res);
	EXPECT_EQ("clock_getres/realtime_1ns", ns(&res), 1);

	/* CLOCK_MONOTONIC never goes back. */
	ok = 1;
	prev = now(CLOCK_MONOTONIC);
	for (i = 0; i < 2000; i++) {
		cur = now(CLOCK_MONOTONIC);
		ok &= cur >= prev;
		prev = cur;
	}
	EXPECT_TRUE("monotonic/never_back", ok);
	/* Boot time counts from the same start (no suspend here). */
	mono = now(CLOCK_MONOTONIC);
	boot = now(CLOCK_BOOTTIME);
	EXPECT_TRUE("boottime/not_before_monotonic", boot >= mono);
	EXPECT_TRUE("boottime/close_to_monotonic", boot - mono < NSEC);
	/* The wall clock is past 2020-01-01 and TAI ahead of UTC. */
	EXPECT_TRUE("realtime/plausible", now(CLOCK_REALTIME) / NSEC > 1577836800LL);
	cur = now(CLOCK_TAI) - now(CLOCK_REALTIME);
	EXPECT_TRUE("tai/not_behind_utc", cur >= -NSEC / 10 && cur < 60 * NSEC);
}

static void timeofday(void)
{
	struct timeval tv;
	struct { int minuteswest, dsttime; } tz = { 77, 77 };
	long t, t2, r;
	long long real;

	EXPECT_RET("gettimeofday", lt_syscall2(SYS_gettimeofday, &tv, &tz), 0);
	EXPECT_TRUE("gettimeofday/usec_range", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	real = now(CLOCK_REALTIME);
	EXPECT_TRUE("gettimeofday/matches_realtime",
		    real / 1000 - (tv.tv_sec * 1000000LL + tv.tv_usec) >= 0 &&
		    real / 1000 - (tv.tv_sec * 1000000LL + tv.tv_usec) < 1000000);
	/* No settimeofday: the kernel's timezone is UTC, no DST. */
	EXPECT_TRUE("gettimeofday/tz_zero", tz.minuteswest == 0 && tz.dsttime == 0);
	EXPECT_RET("gettimeofday/tv_only", lt_syscall2(SYS_gettimeofday, &tv, 0), 0);
	EXPECT_RET("gettimeofday/tz_only", lt_syscall2(SYS_gettimeofday, 0, &tz), 0);
	EXPECT_RET("gettimeofday/neither", lt_syscall2(SYS_gettimeofday, 0, 0), 0);

	t2 = -1;
	t = lt_syscall1(SYS_time, 0);
	EXPECT_TRUE("time/null", t > 1577836800L);
	r = lt_syscall1(SYS_time, &t2);
	EXPECT_TRUE("time/pointer", r >= t && r - t < 2);
	EXPECT_EQ("time/pointer_stored", t2, r);
	real = now(CLOCK_REALTIME) / NSEC;
	EXPECT_TRUE("time/matches_realtime", real - r >= 0 && real - r < 2);
}

static void sleeping(void)
{
	struct timespec req = { 0, 10000000 }, rem = { 123, 456 };
	long long t0, t1;

	t0 = now(CLOCK_MONOTONIC);
	EXPECT_RET("nanosleep/10ms", lt_syscall2(SYS_nanosleep, &req, &rem), 0);
	t1 = now(CLOCK_MONOTONIC);
	EXPECT_TRUE("nanosleep/10ms/at_least", t1 - t0 >= 10000000);
	EXPECT_TRUE("nanosleep/10ms/not_forever", t1 - t0 < 5 * NSEC);
	/* rem is only written when a signal cuts the sleep short. */
	EXPECT_TRUE("nanosleep/rem_untouched", rem.tv_sec == 123 && rem.tv_nsec == 456);
	req.tv_nsec = 0;
	EXPECT_RET("nanosleep/zero", lt_syscall2(SYS_nanosleep, &req, 0), 0);
	req.tv_sec = 0;
	req.tv_nsec = NSEC;
	EXPECT_RET("nanosleep/nsec_1e9", lt_syscall2(SYS_nanosleep, &req, 0), -EINVAL);
	req.tv_nsec = -1;
	EXPECT_RET("nanosleep/nsec_negative", lt_syscall2(SYS_nanosleep, &req, 0), -EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	EXPECT_RET("nanosleep/sec_negative", lt_syscall2(SYS_nanosleep, &req, 0), -EINVAL);

	/* clock_nanosleep: relative, absolute in the past, bad clocks. */
	req.tv_sec = 0;
	req.tv_nsec = 5000000;
	t0 = now(CLOCK_MONOTONIC);
	EXPECT_RET("clock_nanosleep/relative",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, 0), 0);
	EXPECT_TRUE("clock_nanosleep/relative/at_least", now(CLOCK_MONOTONIC) - t0 >= 5000000);
	t1 = now(CLOCK_MONOTONIC) + 5000000;
	req.tv_sec = t1 / NSEC;
	req.tv_nsec = t1 % NSEC;
	EXPECT_RET("clock_nanosleep/absolute",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &req, 0), 0);
	EXPECT_TRUE("clock_nanosleep/absolute/reached", now(CLOCK_MONOTONIC) >= t1);
	req.tv_sec = 1;
	req.tv_nsec = 0;
	EXPECT_RET("clock_nanosleep/absolute_past",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &req, 0), 0);
	/* Clocks without a sleep of their own. */
	EXPECT_RET("clock_nanosleep/thread_cputime",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, 0),
		   -EOPNOTSUPP);
	EXPECT_RET("clock_nanosleep/monotonic_raw",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &req, 0), -EOPNOTSUPP);
	EXPECT_RET("clock_nanosleep/realtime_coarse",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_REALTIME_COARSE, 0, &req, 0),
		   -EOPNOTSUPP);
	EXPECT_RET("clock_nanosleep/bad_clock",
		   lt_syscall4(SYS_clock_nanosleep, 16, 0, &req, 0), -EINVAL);
	req.tv_nsec = NSEC;
	EXPECT_RET("clock_nanosleep/nsec_1e9",
		   lt_syscall4(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, 0), -EINVAL);
}

int main(void)
{
	gettime();
	timeofday();
	sleeping();
	return lt_done();
}
