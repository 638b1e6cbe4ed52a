/*
 * The body of vdso_glibc.c and vdso_musl.c: a static program's C library
 * finds the vDSO through AT_SYSINFO_EHDR and makes clock_gettime,
 * gettimeofday, time and sched_getcpu calls there.
 *
 * On Lego (booted with strace.stats) the per-process syscall counts of
 * /proc/lego/syscalls prove that those calls never entered the kernel,
 * while clocks the vDSO does not serve (CPU time) still make the syscall.
 * Everywhere, each call agrees with its syscall: a vDSO reading, the
 * syscall's, and another vDSO reading come in order; the coarse clocks
 * trail the fine ones and advance with the ticks; CLOCK_MONOTONIC never goes
 * backwards over 1,000,000 calls, nor between two CPUs reading it at once
 * (smp=2); getcpu names the CPU the task is pinned to.
 *
 * The including file defines LT_SUITE and, for what its C library does:
 *   LIBC_GETRES_VDSO  1 if clock_getres goes to the vDSO (glibc; not musl)
 *   LIBC_TIME_COARSE  1 if time() is the vDSO's time() (the tick's second,
 *                     glibc), 0 if it reads CLOCK_REALTIME (musl)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "lego_test.h"
#include "lego_stats.h"

#define NR_clock_gettime	228
#define NR_clock_getres		229
#define NR_gettimeofday		96
#define NR_time			201
#define NR_getcpu		309

#define MONOTONIC_CALLS		1000000

static long long ts_ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static long long now(clockid_t c)
{
	struct timespec t;

	clock_gettime(c, &t);
	return ts_ns(&t);
}

static long long sys_now(clockid_t c)
{
	struct timespec t;

	lt_syscall2(NR_clock_gettime, c, &t);
	return ts_ns(&t);
}

static int on_lego(void)
{
	struct utsname u;

	return !uname(&u) && strstr(u.release, "-lego-");
}

/* Runs fn n times; checks that syscall name was made want_per_call * n times. */
static void count_syscalls(const char *check, const char *name, void (*fn)(void),
			   int n, int want_per_call)
{
	long before = lego_syscalls(name), after;
	int i;

	for (i = 0; i < n; i++)
		fn();
	after = lego_syscalls(name);
	lt_check(check, before >= 0 && after - before == (long)want_per_call * n,
		 "%s: %ld syscalls for %d calls, expected %d", name, after - before, n,
		 want_per_call * n);
}

static void call_monotonic(void) { now(CLOCK_MONOTONIC); }
static void call_realtime(void) { now(CLOCK_REALTIME); }
static void call_boottime(void) { now(CLOCK_BOOTTIME); }
static void call_coarse(void) { now(CLOCK_MONOTONIC_COARSE); }
static void call_cputime(void) { now(CLOCK_PROCESS_CPUTIME_ID); }
static void call_gettimeofday(void) { struct timeval tv; gettimeofday(&tv, 0); }
static void call_time(void) { time(0); }
static void call_getcpu(void) { sched_getcpu(); }
static void call_getres(void) { struct timespec t; clock_getres(CLOCK_MONOTONIC, &t); }

/* Lego only: what entered the kernel. */
static void check_no_syscalls(void)
{
	count_syscalls("no_syscall/clock_gettime_monotonic", "clock_gettime", call_monotonic, 1000, 0);
	count_syscalls("no_syscall/clock_gettime_realtime", "clock_gettime", call_realtime, 1000, 0);
	count_syscalls("no_syscall/clock_gettime_boottime", "clock_gettime", call_boottime, 1000, 0);
	count_syscalls("no_syscall/clock_gettime_coarse", "clock_gettime", call_coarse, 1000, 0);
	count_syscalls("no_syscall/gettimeofday", "gettimeofday", call_gettimeofday, 1000, 0);
	count_syscalls("no_syscall/gettimeofday_not_clock", "clock_gettime",
		       call_gettimeofday, 1000, 0);
	count_syscalls("no_syscall/time", "time", call_time, 1000, 0);
	count_syscalls("no_syscall/getcpu", "getcpu", call_getcpu, 1000, 0);
	count_syscalls("getres", "clock_getres", call_getres, 1000, !LIBC_GETRES_VDSO);
	/* The vDSO hands what it cannot serve to the kernel. */
	count_syscalls("fallback/cputime", "clock_gettime", call_cputime, 1000, 1);
}

static void check_clock(const char *name, clockid_t c)
{
	long long a = now(c), b = sys_now(c), d = now(c);

	lt_check(lt_cat("agrees", name), a <= b && b <= d,
		 "vdso %lld, syscall %lld, vdso %lld", a, b, d);
}

/*
 * A _COARSE clock: the same tick's value as the syscall's; never ahead of
 * the fine clock; and moving on with the ticks: once three ticks of fine
 * time have passed, it advances before a whole second has (a looser bound
 * than a tick: the host may stall the virtual machine for a while).
 */
static void check_coarse(const char *name, clockid_t coarse, clockid_t fine)
{
	struct timespec res;
	long long tick, a, b, d, f, c, g;

	clock_getres(coarse, &res);
	tick = ts_ns(&res);
	a = now(coarse);
	f = now(fine);
	b = sys_now(coarse);
	d = now(coarse);
	lt_check(lt_cat("agrees", name), a <= b && b <= d,
		 "vdso %lld, syscall %lld, vdso %lld", a, b, d);
	lt_check(lt_cat("not_ahead", name), a <= f, "coarse %lld, fine %lld", a, f);
	do {
		c = now(coarse);
		g = now(fine);
	} while ((c == a || g < f + 3 * tick) && g < f + 1000000000LL);
	lt_check(lt_cat("advances", name), c > a && c <= g,
		 "coarse %lld then %lld, fine %lld then %lld, tick %lld", a, c, f, g, tick);
}

static void check_values(void)
{
	struct timeval tv1, tv3;
	struct { long sec, usec; } tv2;
	long t1, t2, t3;
	int ids[] = { -1, CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
		      CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
		      CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, 10, CLOCK_TAI, 12, 100 };
	unsigned int i;

	check_clock("realtime", CLOCK_REALTIME);
	check_clock("monotonic", CLOCK_MONOTONIC);
	check_clock("monotonic_raw", CLOCK_MONOTONIC_RAW);
	check_clock("boottime", CLOCK_BOOTTIME);
	check_clock("tai", CLOCK_TAI);
	check_coarse("realtime_coarse", CLOCK_REALTIME_COARSE, CLOCK_REALTIME);
	check_coarse("monotonic_coarse", CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC);

	gettimeofday(&tv1, 0);
	lt_syscall2(NR_gettimeofday, &tv2, 0);
	gettimeofday(&tv3, 0);
	lt_check("agrees/gettimeofday",
		 tv1.tv_sec * 1000000LL + tv1.tv_usec <= tv2.sec * 1000000LL + tv2.usec &&
		 tv2.sec * 1000000LL + tv2.usec <= tv3.tv_sec * 1000000LL + tv3.tv_usec,
		 "%ld s %ld us, %ld s %ld us, %ld s %ld us", tv1.tv_sec, tv1.tv_usec, tv2.sec,
		 tv2.usec, tv3.tv_sec, tv3.tv_usec);

	/* time(): the tick's second (the syscall's too), or the current one. */
	t1 = time(0);
	t2 = lt_syscall1(NR_time, 0);
	t3 = time(0);
	lt_check("agrees/time", LIBC_TIME_COARSE ? t1 <= t2 && t2 <= t3 :
		 t1 <= t2 + 1 && t2 <= t3, "%ld, syscall %ld, %ld", t1, t2, t3);

	/* clock_getres: the syscall's values and errors, for every id. */
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct timespec r = { -1, -1 }, s = { -2, -2 };
		int e, got = clock_getres(ids[i], &r);
		long want = lt_syscall2(NR_clock_getres, ids[i], &s);

		e = got ? errno : 0;
		lt_check("getres/matches_syscall", (got ? -e : 0) == want &&
			 (want || (r.tv_sec == s.tv_sec && r.tv_nsec == s.tv_nsec)),
			 "clock %d: %d/%d %ld s %ld ns, syscall %ld %ld s %ld ns", ids[i], got, e,
			 (long)r.tv_sec, r.tv_nsec, want, (long)s.tv_sec, s.tv_nsec);
	}
	errno = 0;
	lt_check("bad_clock/einval", clock_gettime(100, (struct timespec *)&tv1) == -1 &&
		 errno == EINVAL, "errno %d", errno);
}

/* getcpu on each CPU in turn: the one the task is pinned to. */
static void check_getcpu(void)
{
	int cpu, n = sysconf(_SC_NPROCESSORS_ONLN);

	for (cpu = 0; cpu < n && cpu < 8; cpu++) {
		cpu_set_t set;
		unsigned int sc = ~0U;
		char name[8];

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		snprintf(name, sizeof(name), "cpu%d", cpu);
		if (!EXPECT_RET(lt_cat("pin", name), sched_setaffinity(0, sizeof(set), &set), 0))
			continue;
		lt_syscall3(NR_getcpu, &sc, 0, 0);
		EXPECT_EQ(lt_cat("getcpu", name), sched_getcpu(), cpu);
		EXPECT_EQ(lt_cat("getcpu_syscall", name), sc, cpu);
	}
}

/*
 * CLOCK_MONOTONIC, MONOTONIC_CALLS times, never going backwards; with a
 * second CPU, a process pinned to each, each also never reading less than
 * what the other published before.
 */
static void check_monotonic(void)
{
	volatile long long *slot = mmap(0, 4096, PROT_READ | PROT_WRITE,
					MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int ncpu = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1, me, i;
	long long prev = 0, t, seen, back = 0, behind = 0;
	pid_t child = -1;
	cpu_set_t set;

	if (!EXPECT_TRUE("monotonic/shared_page", slot != MAP_FAILED))
		return;
	slot[0] = slot[1] = 0;
	me = 0;
	if (ncpu == 2) {
		child = fork();
		me = child == 0;
	}
	CPU_ZERO(&set);
	CPU_SET(me, &set);
	sched_setaffinity(0, sizeof(set), &set);
	for (i = 0; i < MONOTONIC_CALLS; i++) {
		seen = slot[!me];
		t = now(CLOCK_MONOTONIC);
		back += t < prev;
		behind += t < seen;
		slot[me] = t;
		prev = t;
	}
	if (child == 0)
		_exit(back || behind ? 1 : 0);
	EXPECT_EQ("monotonic/never_backwards", back, 0);
	EXPECT_EQ("monotonic/never_behind_other_cpu", behind, 0);
	if (child > 0) {
		int st = -1;

		waitpid(child, &st, 0);
		EXPECT_EQ("monotonic/other_cpu", st, 0);
	}
}

int main(void)
{
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR);

	lt_check("auxv/sysinfo_ehdr", ehdr && !(ehdr & 4095) &&
		 !memcmp((void *)ehdr, "\177ELF", 4), "AT_SYSINFO_EHDR %lx", ehdr);
	if (on_lego())
		check_no_syscalls();
	check_values();
	check_getcpu();
	check_monotonic();
	return lt_done();
}
