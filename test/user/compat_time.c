// The i386 calls with a 32-bit time_t (-m32 -nostdlib, int $0x80):
// nanosleep and clock_nanosleep (an 8-byte old_timespec32 request and
// remainder, also after a signal), clock_getres against its _time64
// form, and select: _newselect and the old select (82) with i386
// fd_sets, of which only the 32-bit words covering n may be touched, and
// the 8-byte timeval rewritten with the time left.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
#define LT_SUITE "compat_time"
#include "lego_test.h"
#include "lego_i386.h"

#define NR_exit			1
#define NR_fork			2
#define NR_write		4
#define NR_waitpid		7
#define NR_getpid		20
#define NR_kill			37
#define NR_pipe			42
#define NR_getppid		64
#define NR_sigaction		67
#define NR_select		82
#define NR_newselect		142
#define NR_nanosleep		162
#define NR_exit_group		252
#define NR_clock_getres		266
#define NR_clock_nanosleep	267
#define NR_clock_gettime64	403
#define NR_clock_getres_time64	406

#define EINTR		4
#define EFAULT		14
#define EINVAL		22
#define SIGUSR1		10
#define SA_RESTORER	0x04000000
#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	1
#define TIMER_ABSTIME	1
#define BAD		((void *)16)

struct ts32 { int sec, nsec; };
struct ts64 { long long sec, nsec; };
struct old_sigaction32 { void *handler; unsigned int mask, flags; void *restorer; };

static void handler(int sig)
{
}

static void sleeps(void)
{
	struct ts32 req = { 0, 2000000 }, rem[2];
	struct ts64 now;
	struct old_sigaction32 sa = { (void *)handler, 0, SA_RESTORER, (void *)restore_old };
	int status = -1;
	long pid;

	EXPECT_EQ("nanosleep", lt_syscall2(NR_nanosleep, &req, 0), 0);
	req.nsec = 1000000000;
	EXPECT_EQ("nanosleep/nsec_einval", lt_syscall2(NR_nanosleep, &req, 0), -EINVAL);
	req.nsec = 0;
	req.sec = -1;
	EXPECT_EQ("nanosleep/negative_einval", lt_syscall2(NR_nanosleep, &req, 0), -EINVAL);
	EXPECT_EQ("nanosleep/efault", lt_syscall2(NR_nanosleep, BAD, 0), -EFAULT);
	req.sec = 0;
	req.nsec = 1000;
	EXPECT_EQ("clock_nanosleep", lt_syscall4(NR_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, 0), 0);
	lt_syscall2(NR_clock_gettime64, CLOCK_REALTIME, &now);
	req.sec = now.sec - 1;
	EXPECT_EQ("clock_nanosleep/abstime_past", lt_syscall4(NR_clock_nanosleep, CLOCK_REALTIME,
							      TIMER_ABSTIME, &req, 0), 0);
	EXPECT_EQ("clock_nanosleep/bad_clock", lt_syscall4(NR_clock_nanosleep, 100, 0, &req, 0),
		  -EINVAL);
	req.nsec = -1;
	EXPECT_EQ("clock_nanosleep/nsec_einval", lt_syscall4(NR_clock_nanosleep, CLOCK_MONOTONIC, 0,
							     &req, 0), -EINVAL);

	/* Interrupted by a handled signal: -EINTR and what is left, 8 bytes. */
	lt_syscall3(NR_sigaction, SIGUSR1, &sa, 0);
	pid = lt_syscall0(NR_fork);
	if (pid == 0) {
		struct ts32 r = { 5, 0 };
		long ret;
		int ok;

		rem[0].sec = rem[0].nsec = rem[1].sec = rem[1].nsec = 0x5a5a5a5a;
		ret = lt_syscall2(NR_nanosleep, &r, rem);
		ok = ret == -EINTR && rem[0].sec >= 0 && rem[0].sec < 5 &&
		     rem[0].nsec >= 0 && rem[0].nsec < 1000000000 &&
		     (rem[0].sec > 0 || rem[0].nsec > 0) &&
		     rem[1].sec == 0x5a5a5a5a && rem[1].nsec == 0x5a5a5a5a;
		lt_syscall1(NR_exit, ok ? 0 : 1);
	}
	req.sec = 0;
	req.nsec = 200000000;
	lt_syscall2(NR_nanosleep, &req, 0);
	lt_syscall2(NR_kill, pid, SIGUSR1);
	lt_syscall3(NR_waitpid, pid, &status, 0);
	EXPECT_EQ("nanosleep/eintr_remainder_32bit", status, 0);
}

static void resolution(void)
{
	struct ts32 r[2];
	struct ts64 r64;

	r[0].sec = r[0].nsec = r[1].sec = r[1].nsec = 0x5a5a5a5a;
	EXPECT_EQ("clock_getres", lt_syscall2(NR_clock_getres, CLOCK_MONOTONIC, r), 0);
	EXPECT_EQ("clock_getres_time64", lt_syscall2(NR_clock_getres_time64, CLOCK_MONOTONIC, &r64),
		  0);
	EXPECT_TRUE("clock_getres/same", r[0].sec == r64.sec && r[0].nsec == r64.nsec);
	EXPECT_TRUE("clock_getres/8_bytes", r[1].sec == 0x5a5a5a5a && r[1].nsec == 0x5a5a5a5a);
	EXPECT_EQ("clock_getres/null", lt_syscall2(NR_clock_getres, CLOCK_MONOTONIC, 0), 0);
	EXPECT_EQ("clock_getres/bad_clock", lt_syscall2(NR_clock_getres, 100, r), -EINVAL);
	EXPECT_EQ("clock_getres/efault", lt_syscall2(NR_clock_getres, CLOCK_MONOTONIC, BAD), -EFAULT);
}

struct sel_args { unsigned int n; void *inp, *outp, *exp, *tvp; };

static void selects(void)
{
	/* A 4-byte fd_set with a word after it that must stay. */
	unsigned int rset[2], wset[2], tv[3];
	struct sel_args a;
	int fds[2];

	lt_syscall1(NR_pipe, fds);
	lt_syscall3(NR_write, fds[1], "x", 1);
	rset[0] = 1u << fds[0];
	rset[1] = 0xa5a5a5a5;
	wset[0] = 1u << fds[0];		/* the read end is never writable */
	wset[1] = 0xa5a5a5a5;
	tv[0] = 1; tv[1] = 0; tv[2] = 0xa5a5a5a5;
	EXPECT_EQ("newselect", lt_syscall5(NR_newselect, fds[0] + 1, rset, wset, 0, tv), 1);
	EXPECT_EQ("newselect/rset", rset[0], 1u << fds[0]);
	EXPECT_EQ("newselect/wset_cleared", wset[0], 0);
	EXPECT_TRUE("newselect/fdset_4_bytes", rset[1] == 0xa5a5a5a5 && wset[1] == 0xa5a5a5a5);
	EXPECT_TRUE("newselect/tv_left", tv[0] <= 1 && tv[1] < 1000000 && (tv[0] == 1 || tv[1] > 0));
	EXPECT_EQ("newselect/tv_8_bytes", tv[2], 0xa5a5a5a5);

	/* Nothing to read on the write end's pipe twin: a timeout, and the
	 * timeval becomes 0. */
	rset[0] = 1u << fds[1];
	rset[1] = 0xa5a5a5a5;
	tv[0] = 0; tv[1] = 10000;
	EXPECT_EQ("newselect/timeout", lt_syscall5(NR_newselect, fds[1] + 1, rset, 0, 0, tv), 0);
	EXPECT_TRUE("newselect/timeout_tv_zero", tv[0] == 0 && tv[1] == 0);
	EXPECT_TRUE("newselect/timeout_sets", rset[0] == 0 && rset[1] == 0xa5a5a5a5);
	tv[1] = -1;
	EXPECT_EQ("newselect/usec_einval", lt_syscall5(NR_newselect, 1, rset, 0, 0, tv), -EINVAL);
	EXPECT_EQ("newselect/tv_efault", lt_syscall5(NR_newselect, 1, rset, 0, 0, BAD), -EFAULT);
	EXPECT_EQ("newselect/n_einval", lt_syscall5(NR_newselect, -1, rset, 0, 0, 0), -EINVAL);

	/* The old select: the same with its arguments in a structure. */
	rset[0] = 1u << fds[0];
	rset[1] = 0xa5a5a5a5;
	tv[0] = 1; tv[1] = 0;
	a = (struct sel_args){ fds[0] + 1, rset, 0, 0, tv };
	EXPECT_EQ("select", lt_syscall1(NR_select, &a), 1);
	EXPECT_TRUE("select/rset", rset[0] == 1u << fds[0] && rset[1] == 0xa5a5a5a5);
	EXPECT_TRUE("select/tv_left", tv[0] <= 1 && tv[1] < 1000000 && tv[2] == 0xa5a5a5a5);
	EXPECT_EQ("select/arg_efault", lt_syscall1(NR_select, BAD), -EFAULT);
}

void start_c(void)
{
	sleeps();
	resolution();
	selects();
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
