// Interrupted system calls, per signal(7) "Interruption of system calls
// and library functions by signal handlers": a read on an empty pipe, or
// a wait, fails with EINTR after a handler without SA_RESTART and is
// restarted with it; nanosleep, pause, sigsuspend, rt_sigtimedwait, poll
// and select fail with EINTR whatever SA_RESTART says (nanosleep filling
// in the time left); a signal that runs no handler (ignored, or a stop
// and continue) restarts every one of them transparently; SIGALRM from
// alarm() interrupts a blocking read.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "signal_restart"
#include "lego_child.h"
#include "lego_sig.h"
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <sys/select.h>

static volatile int hits;
static void count(int sig)
{
	hits++;
}

static void msleep(long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&t, &t) && errno == EINTR)
		;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A child that, after ms, sends sig to the parent and, after as many ms
 * again, writes one byte to fd (if fd >= 0) and exits (so that a parent
 * waiting for it sees the signal well before the exit). */
static pid_t kicker(long ms, int sig, int fd)
{
	pid_t p = fork();

	if (!p) {
		msleep(ms);
		kill(getppid(), sig);
		msleep(ms);
		if (fd >= 0)
			write(fd, "x", 1);
		_exit(0);
	}
	return p;
}

static void reap(pid_t p)
{
	while (waitpid(p, NULL, 0) < 0 && errno == EINTR)
		;
}

static void pipe_read(void)
{
	int fd[2];
	char c = 0;
	long r;
	pid_t k;

	pipe(fd);
	/* Without SA_RESTART: EINTR, the byte comes later. */
	ls_handle(SIGUSR1, count, 0, 0);
	hits = 0;
	k = kicker(50, SIGUSR1, fd[1]);
	r = lt_syscall3(SYS_read, fd[0], &c, 1);
	EXPECT_RET("read_eintr", r, -EINTR);
	EXPECT_EQ("read_eintr_handler", hits, 1);
	reap(k);
	EXPECT_RET("read_after", lt_syscall3(SYS_read, fd[0], &c, 1), 1);
	/* With SA_RESTART: the same read gets the byte. */
	ls_handle(SIGUSR1, count, SA_RESTART, 0);
	hits = 0;
	c = 0;
	k = kicker(50, SIGUSR1, fd[1]);
	r = lt_syscall3(SYS_read, fd[0], &c, 1);
	EXPECT_RET("read_restarted", r, 1);
	EXPECT_EQ("read_restarted_byte", c, 'x');
	EXPECT_EQ("read_restarted_handler", hits, 1);
	reap(k);
	/* A signal whose action is to ignore it does not interrupt. */
	signal(SIGUSR1, SIG_IGN);
	k = kicker(50, SIGUSR1, fd[1]);
	r = lt_syscall3(SYS_read, fd[0], &c, 1);
	EXPECT_RET("read_ignored_not_interrupted", r, 1);
	reap(k);
	/* Nor does a default-ignore one with no handler. */
	signal(SIGUSR1, SIG_DFL);
	k = kicker(50, SIGWINCH, fd[1]);
	r = lt_syscall3(SYS_read, fd[0], &c, 1);
	EXPECT_RET("read_winch_not_interrupted", r, 1);
	reap(k);
	close(fd[0]);
	close(fd[1]);
}

static void waits(void)
{
	pid_t k;
	int st;
	long r;

	/* wait4 blocked on a child: EINTR, or restarted with SA_RESTART. */
	ls_handle(SIGUSR1, count, 0, 0);
	k = kicker(50, SIGUSR1, -1);
	hits = 0;
	r = lt_syscall4(SYS_wait4, k, &st, 0, NULL);
	EXPECT_RET("wait_eintr", r, -EINTR);
	reap(k);
	ls_handle(SIGUSR1, count, SA_RESTART, 0);
	k = kicker(50, SIGUSR1, -1);
	hits = 0;
	r = lt_syscall4(SYS_wait4, k, &st, 0, NULL);
	EXPECT_RET("wait_restarted", r, k);
	EXPECT_EQ("wait_restarted_handler", hits, 1);
	signal(SIGUSR1, SIG_DFL);
}

static void never_restarted(void)
{
	struct timespec t = { 2, 0 }, rem = { 0, 0 };
	unsigned long set = SIGBIT(SIGUSR2), empty = 0;
	struct timespec lng = { 5, 0 };
	struct pollfd pf;
	fd_set rs;
	int fd[2];
	pid_t k;
	long r, t0;

	pipe(fd);
	for (int sa = 0; sa < 2; sa++) {
		const char *tag = sa ? "restart" : "norestart";

		ls_handle(SIGUSR1, count, sa ? SA_RESTART : 0, 0);
		k = kicker(100, SIGUSR1, -1);
		t0 = now_ms();
		r = lt_syscall2(SYS_nanosleep, &t, &rem);
		EXPECT_RET(lt_cat("nanosleep_eintr", tag), r, -EINTR);
		EXPECT_TRUE(lt_cat("nanosleep_early", tag), now_ms() - t0 < 1500);
		/* The time left: under 2 s, at least 2 s minus what has passed
		 * (with 0.5 s of slack for a slow emulator). */
		EXPECT_TRUE(lt_cat("nanosleep_rem", tag),
			    rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000 &&
			    (rem.tv_sec == 1 || (rem.tv_sec == 0 && rem.tv_nsec > 500000000)));
		reap(k);

		k = kicker(50, SIGUSR1, -1);
		EXPECT_RET(lt_cat("pause_eintr", tag), lt_syscall0(SYS_pause), -EINTR);
		reap(k);
		k = kicker(50, SIGUSR1, -1);
		EXPECT_RET(lt_cat("sigsuspend_eintr", tag), lt_syscall2(SYS_rt_sigsuspend, &empty, 8), -EINTR);
		reap(k);
		/* rt_sigtimedwait for SIGUSR2, woken by a handled SIGUSR1. */
		ks_mask(SIG_BLOCK, &set, NULL);
		k = kicker(50, SIGUSR1, -1);
		r = lt_syscall4(SYS_rt_sigtimedwait, &set, NULL, &lng, 8);
		EXPECT_RET(lt_cat("sigtimedwait_eintr", tag), r, -EINTR);
		reap(k);
		ks_mask(SIG_UNBLOCK, &set, NULL);

		pf.fd = fd[0];
		pf.events = POLLIN;
		k = kicker(50, SIGUSR1, -1);
		EXPECT_RET(lt_cat("poll_eintr", tag), lt_syscall3(SYS_poll, &pf, 1, 5000), -EINTR);
		reap(k);
		FD_ZERO(&rs);
		FD_SET(fd[0], &rs);
		{
			struct timeval tv = { 5, 0 };

			k = kicker(50, SIGUSR1, -1);
			r = lt_syscall5(SYS_select, fd[0] + 1, &rs, NULL, NULL, &tv);
			EXPECT_RET(lt_cat("select_eintr", tag), r, -EINTR);
			reap(k);
		}
	}
	signal(SIGUSR1, SIG_DFL);
	close(fd[0]);
	close(fd[1]);
}

/*
 * Stopped and continued, or sent an ignored signal, while blocked: no
 * handler runs, so the call goes on as if nothing happened, even the
 * ones that are never restarted after a handler.
 */
static int rd_fd = -1;
static int blocked_reader(void)
{
	char c = 0;
	long r = lt_syscall3(SYS_read, rd_fd, &c, 1);

	return r == 1 && c == 'x' ? 0 : 10 + (r < 0 ? -r : r);
}

static int blocked_sleeper(void)
{
	struct timespec t = { 0, 400 * 1000000 };
	long t0 = now_ms(), r = lt_syscall2(SYS_nanosleep, &t, NULL);

	/* The whole 400 ms slept (stop time included). */
	return r == 0 && now_ms() - t0 >= 400 ? 0 : 1;
}

static int blocked_poller(void)
{
	struct pollfd pf = { .fd = rd_fd, .events = POLLIN };
	long r = lt_syscall3(SYS_poll, &pf, 1, 5000);

	return r == 1 && pf.revents == POLLIN ? 0 : 10 + (r < 0 ? -r : r);
}

static void transparent(void)
{
	int fd[2], st;
	int (*fns[])(void) = { blocked_reader, blocked_sleeper, blocked_poller };
	const char *names[] = { "read", "nanosleep", "poll" };

	pipe(fd);
	rd_fd = fd[0];
	for (int i = 0; i < 3; i++) {
		pid_t c = fork();
		char c1;

		if (!c)
			_exit(fns[i]());
		msleep(50);
		kill(c, SIGSTOP);
		EXPECT_EQ(lt_cat(names[i], "stopped"), waitpid(c, &st, WUNTRACED), c);
		EXPECT_TRUE(lt_cat(names[i], "wifstopped"), WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
		kill(c, SIGCONT);
		msleep(50);
		kill(c, SIGWINCH);		/* ignored by default */
		msleep(50);
		write(fd[1], "x", 1);
		EXPECT_EQ(lt_cat(names[i], "wait"), waitpid(c, &st, 0), c);
		EXPECT_EQ(lt_cat(names[i], "went_on"), st, 0);
		/* The sleeper left the byte. */
		if (i == 1)
			read(fd[0], &c1, 1);
	}
	close(fd[0]);
	close(fd[1]);
}

/* SIGALRM from alarm() ends a blocking read with EINTR (in a child: the
 * test's watchdog is an alarm too). */
static int alarm_read(void)
{
	int fd[2];
	char c;
	long r, t0;

	pipe(fd);
	ls_handle(SIGALRM, count, 0, 0);
	hits = 0;
	t0 = now_ms();
	alarm(1);
	r = lt_syscall3(SYS_read, fd[0], &c, 1);
	if (r != -EINTR)
		return 1;
	if (hits != 1)
		return 2;
	if (now_ms() - t0 < 900)
		return 3;
	/* alarm(0) afterwards: nothing left. */
	if (alarm(0) != 0)
		return 4;
	return 0;
}

int main(void)
{
	ls_watchdog("signal_restart", 40);
	pipe_read();
	waits();
	never_restarted();
	transparent();
	lt_expect_exit0("alarm_interrupts_read", alarm_read);
	return lt_done();
}
