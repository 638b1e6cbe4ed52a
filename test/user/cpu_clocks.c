// The CPU-time clocks: CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID
// count time on a CPU, not time since boot (a 100 ms sleep adds almost
// none), to better than a tick (a short loop moves them); the process
// clock holds its threads', the dead ones' too.  The ids that
// clock_getcpuclockid(3) and pthread_getcpuclockid(3) build
// (~pid << 3 | per-thread << 2 | which) read a process by pid and a thread
// of ours by tid; anything else is EINVAL, and a bad pointer is EFAULT.
// lego-test: libc=musl
// lego-test: smp=2
#define _GNU_SOURCE
#define LT_SUITE "cpu_clocks"
#include "lego_test.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define NSEC		1000000000LL
#define MSEC		1000000LL
/* Linux's CPU clock id encoding (include/linux/posix-timers_types.h). */
#define CPUCLOCK_PROF	0
#define CPUCLOCK_VIRT	1
#define CPUCLOCK_SCHED	2
#define CPUCLOCK_FD	3
#define PROCESS_CLOCK(pid, which)	((int)(~(unsigned)(pid) << 3) | (which))
#define THREAD_CLOCK(tid, which)	(PROCESS_CLOCK(tid, which) | 4)

static long read_ns(int clock, long long *ns)
{
	struct timespec t;
	long r = lt_syscall2(SYS_clock_gettime, clock, &t);

	*ns = r ? -1 : t.tv_sec * NSEC + t.tv_nsec;
	return r;
}

static long long now(int clock)
{
	long long ns;

	read_ns(clock, &ns);
	return ns;
}

static void burn(long n)
{
	for (volatile long i = 0; i < n; i++)
		;
}

/* Burns CPU until the thread's clock has advanced by ns. */
static void burn_ns(long long ns)
{
	long long end = now(CLOCK_THREAD_CPUTIME_ID) + ns;

	while (now(CLOCK_THREAD_CPUTIME_ID) < end)
		burn(1000);
}

static void sleeping_adds_nothing(void)
{
	long long mono0 = now(CLOCK_MONOTONIC), thr0 = now(CLOCK_THREAD_CPUTIME_ID);
	long long proc0 = now(CLOCK_PROCESS_CPUTIME_ID);
	struct timespec req = { 0, 100 * MSEC };

	lt_syscall2(SYS_nanosleep, &req, 0);
	EXPECT_TRUE("sleep/monotonic_100ms", now(CLOCK_MONOTONIC) - mono0 >= 100 * MSEC);
	/* Asleep, the thread is off the CPU: a tick's worth at most. */
	EXPECT_TRUE("sleep/thread_clock_still",
		    now(CLOCK_THREAD_CPUTIME_ID) - thr0 < 20 * MSEC);
	EXPECT_TRUE("sleep/process_clock_still",
		    now(CLOCK_PROCESS_CPUTIME_ID) - proc0 < 20 * MSEC);
	/* A fresh process has run for a fraction of the time since boot. */
	EXPECT_TRUE("thread_clock/below_monotonic",
		    now(CLOCK_THREAD_CPUTIME_ID) < now(CLOCK_MONOTONIC));
}

static void finer_than_a_tick(void)
{
	long long a, b, c;
	int moved = 0, back = 0, i;

	/* Twenty short loops, each well under a 4 ms tick: each moves the
	 * clock, and it never goes back. */
	for (i = 0; i < 20; i++) {
		a = now(CLOCK_THREAD_CPUTIME_ID);
		burn(2000);
		b = now(CLOCK_THREAD_CPUTIME_ID);
		moved += b > a;
		back += b < a;
	}
	EXPECT_EQ("precision/thread_moves", moved, 20);
	EXPECT_EQ("precision/thread_never_back", back, 0);
	a = now(CLOCK_PROCESS_CPUTIME_ID);
	burn(2000);
	c = now(CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_TRUE("precision/process_moves", c > a);
	/* Busy, CPU time keeps pace with the wall clock (one thread). */
	a = now(CLOCK_MONOTONIC);
	b = now(CLOCK_THREAD_CPUTIME_ID);
	burn_ns(30 * MSEC);
	b = now(CLOCK_THREAD_CPUTIME_ID) - b;
	c = now(CLOCK_MONOTONIC) - a;
	EXPECT_TRUE("busy/thread_within_monotonic", b >= 30 * MSEC && b <= c);
}

static volatile int thread_tid;
static long long thread_own, thread_gettime_self, thread_getres_self;

static void *worker(void *arg)
{
	struct timespec t;

	(void)arg;
	thread_tid = lt_syscall0(SYS_gettid);
	burn_ns(40 * MSEC);
	thread_own = now(CLOCK_THREAD_CPUTIME_ID);
	/* Its own tid names its process for clock_gettime, not clock_getres. */
	thread_gettime_self = lt_syscall2(SYS_clock_gettime,
					  PROCESS_CLOCK(thread_tid, CPUCLOCK_SCHED), &t);
	thread_getres_self = lt_syscall2(SYS_clock_getres,
					 PROCESS_CLOCK(thread_tid, CPUCLOCK_SCHED), &t);
	return 0;
}

static void threads(void)
{
	long long before = now(CLOCK_PROCESS_CPUTIME_ID), mine = now(CLOCK_THREAD_CPUTIME_ID);
	long long theirs = -1, after;
	struct timespec t;
	pthread_t th;
	long r;

	pthread_create(&th, 0, worker, 0);
	while (!thread_tid)
		;
	/* Another thread of ours, by its tid, while it runs. */
	r = read_ns(THREAD_CLOCK(thread_tid, CPUCLOCK_SCHED), &theirs);
	EXPECT_RET("thread/other_by_tid", r, 0);
	EXPECT_RET("thread/tid_as_process_gettime",
		   lt_syscall2(SYS_clock_gettime, PROCESS_CLOCK(thread_tid, CPUCLOCK_SCHED), &t),
		   -EINVAL);
	pthread_join(th, 0);
	EXPECT_RET("thread/own_tid_as_process_gettime", thread_gettime_self, 0);
	EXPECT_RET("thread/own_tid_as_process_getres", thread_getres_self, -EINVAL);
	EXPECT_TRUE("thread/burnt_40ms", thread_own >= 40 * MSEC);
	EXPECT_TRUE("thread/read_below_final", theirs <= thread_own);
	/* The dead thread's time stays in the process's. */
	after = now(CLOCK_PROCESS_CPUTIME_ID);
	EXPECT_TRUE("process/holds_dead_thread",
		    after - before >= thread_own + (now(CLOCK_THREAD_CPUTIME_ID) - mine) - 2 * MSEC);
	/* Once it is gone (the join can return a moment before the thread
	 * is released), its clock is EINVAL. */
	for (int i = 0; i < 1000 && r == 0; i++) {
		r = read_ns(THREAD_CLOCK(thread_tid, CPUCLOCK_SCHED), &theirs);
		if (r == 0)
			lt_syscall0(SYS_sched_yield);
	}
	EXPECT_RET("thread/gone_tid", r, -EINVAL);
}

static void encoded_ids(void)
{
	int pid = lt_syscall0(SYS_getpid), child, status;
	long long sched, prof, virt, self;
	struct timespec t, res;

	burn_ns(10 * MSEC);
	EXPECT_RET("ids/self_process", read_ns(PROCESS_CLOCK(0, CPUCLOCK_SCHED), &sched), 0);
	EXPECT_TRUE("ids/self_process_value",
		    sched > 0 && sched <= now(CLOCK_PROCESS_CPUTIME_ID));
	EXPECT_RET("ids/by_pid", read_ns(PROCESS_CLOCK(pid, CPUCLOCK_SCHED), &self), 0);
	EXPECT_TRUE("ids/by_pid_value", self >= sched);
	EXPECT_RET("ids/self_thread", read_ns(THREAD_CLOCK(0, CPUCLOCK_SCHED), &self), 0);
	EXPECT_RET("ids/by_tid", read_ns(THREAD_CLOCK(pid, CPUCLOCK_SCHED), &self), 0);
	/* PROF and VIRT count by tick: their user+system and user time. */
	EXPECT_RET("ids/prof", read_ns(PROCESS_CLOCK(0, CPUCLOCK_PROF), &prof), 0);
	EXPECT_RET("ids/virt", read_ns(PROCESS_CLOCK(0, CPUCLOCK_VIRT), &virt), 0);
	EXPECT_TRUE("ids/virt_le_prof", virt >= 0 && virt <= prof);
	EXPECT_RET("ids/thread_prof", read_ns(THREAD_CLOCK(0, CPUCLOCK_PROF), &prof), 0);
	EXPECT_RET("ids/getres_self", lt_syscall2(SYS_clock_getres, PROCESS_CLOCK(0, CPUCLOCK_SCHED), &res), 0);
	EXPECT_EQ("ids/getres_1ns", res.tv_sec * NSEC + res.tv_nsec, 1);
	EXPECT_RET("getres/thread_1ns", lt_syscall2(SYS_clock_getres, CLOCK_THREAD_CPUTIME_ID, &res), 0);
	EXPECT_EQ("getres/thread_1ns_value", res.tv_sec * NSEC + res.tv_nsec, 1);

	/* Another process's clock: readable; a thread clock of it: not ours. */
	child = fork();
	if (!child) {
		burn_ns(20 * MSEC);
		pause();
		_exit(0);
	}
	sched = 0;
	while (sched < 20 * MSEC && read_ns(PROCESS_CLOCK(child, CPUCLOCK_SCHED), &sched) == 0)
		;
	EXPECT_TRUE("ids/child_process_clock", sched >= 20 * MSEC);
	EXPECT_RET("ids/child_thread_clock",
		   read_ns(THREAD_CLOCK(child, CPUCLOCK_SCHED), &self), -EINVAL);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	EXPECT_RET("ids/reaped_child", read_ns(PROCESS_CLOCK(child, CPUCLOCK_SCHED), &self), -EINVAL);
	EXPECT_RET("ids/no_such_pid", read_ns(PROCESS_CLOCK(4000000, CPUCLOCK_SCHED), &self), -EINVAL);
	EXPECT_RET("ids/clockfd", read_ns(PROCESS_CLOCK(0, CPUCLOCK_FD), &self), -EINVAL);
	EXPECT_RET("ids/clockfd_getres",
		   lt_syscall2(SYS_clock_getres, PROCESS_CLOCK(0, CPUCLOCK_FD), &res), -EINVAL);

	/* A bad buffer is EFAULT; a bad id leaves the buffer alone. */
	EXPECT_RET("efault/thread", lt_syscall2(SYS_clock_gettime, CLOCK_THREAD_CPUTIME_ID, (void *)1), -EFAULT);
	EXPECT_RET("efault/process", lt_syscall2(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, (void *)1), -EFAULT);
	t.tv_sec = 77;
	t.tv_nsec = 88;
	lt_syscall2(SYS_clock_gettime, PROCESS_CLOCK(4000000, CPUCLOCK_SCHED), &t);
	EXPECT_TRUE("einval/untouched", t.tv_sec == 77 && t.tv_nsec == 88);
}

int main(void)
{
	sleeping_adds_nothing();
	finer_than_a_tick();
	threads();
	encoded_ids();
	return lt_done();
}
