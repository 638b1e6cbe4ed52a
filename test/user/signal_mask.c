// rt_sigprocmask, rt_sigpending, rt_sigsuspend, rt_sigtimedwait, pause,
// kill/tkill/tgkill: their bad input (EINVAL, EFAULT, ESRCH) changes
// nothing; SIGKILL/SIGSTOP are never blocked; a blocked signal is
// delivered at unblock; standard signals coalesce, real-time ones queue
// lowest number first, then in order of sending.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "signal_mask"
#include "lego_sig.h"
#include <errno.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>

#define STOPKILL (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

static volatile int hits;
static volatile unsigned long mask_in_handler;
static volatile int order[16], norder;

static void count(int sig)
{
	hits++;
	mask_in_handler = ks_blocked();
}

static void record(int sig, siginfo_t *si, void *uc)
{
	if (norder < 16)
		order[norder++] = sig << 8 | si->si_value.sival_int;
}

static void procmask(void)
{
	unsigned long s, o, before;

	s = 0;
	EXPECT_RET("setmask_empty", ks_mask(SIG_SETMASK, &s, NULL), 0);
	s = SIGBIT(SIGUSR1);
	EXPECT_RET("block", ks_mask(SIG_BLOCK, &s, &o), 0);
	EXPECT_EQ("block_old", o, 0);
	s = SIGBIT(SIGUSR2) | SIGBIT(SIGRTMIN);
	ks_mask(SIG_BLOCK, &s, &o);
	EXPECT_EQ("block_adds", ks_blocked(), SIGBIT(SIGUSR1) | s);
	EXPECT_EQ("block_old2", o, SIGBIT(SIGUSR1));
	s = SIGBIT(SIGUSR1) | SIGBIT(SIGHUP);
	EXPECT_RET("unblock", ks_mask(SIG_UNBLOCK, &s, NULL), 0);
	EXPECT_EQ("unblock_removes", ks_blocked(), SIGBIT(SIGUSR2) | SIGBIT(SIGRTMIN));
	s = ~0UL;
	EXPECT_RET("setmask_all", ks_mask(SIG_SETMASK, &s, NULL), 0);
	EXPECT_EQ("kill_stop_never_blocked", ks_blocked(), ~STOPKILL);
	s = ~0UL;
	ks_mask(SIG_BLOCK, &s, NULL);
	EXPECT_EQ("kill_stop_never_blocked_block", ks_blocked(), ~STOPKILL);

	/* Bad input: none of it changes the mask. */
	before = ks_blocked();
	s = 0;
	EXPECT_RET("how_bad", ks_mask(3, &s, NULL), -EINVAL);
	EXPECT_RET("how_neg", ks_mask(-1, &s, NULL), -EINVAL);
	EXPECT_RET("size_4", lt_syscall4(SYS_rt_sigprocmask, SIG_SETMASK, &s, NULL, 4), -EINVAL);
	EXPECT_RET("size_16", lt_syscall4(SYS_rt_sigprocmask, SIG_SETMASK, &s, NULL, 16), -EINVAL);
	EXPECT_RET("nset_efault", ks_mask(SIG_SETMASK, (void *)1, NULL), -EFAULT);
	EXPECT_EQ("bad_changed_nothing", ks_blocked(), before);
	/* how is only looked at when there is a new set. */
	o = 0;
	EXPECT_RET("how_bad_no_nset", ks_mask(99, NULL, &o), 0);
	EXPECT_EQ("how_bad_no_nset_old", o, before);
	/* A bad oset: the new mask is set, then the copy-out fails. */
	s = SIGBIT(SIGUSR1);
	EXPECT_RET("oset_efault", ks_mask(SIG_SETMASK, &s, (void *)1), -EFAULT);
	EXPECT_EQ("oset_efault_mask_set", ks_blocked(), SIGBIT(SIGUSR1));
	s = 0;
	ks_mask(SIG_SETMASK, &s, NULL);
}

static void pending(void)
{
	unsigned long s = SIGBIT(SIGUSR1) | SIGBIT(SIGRTMIN + 5), p;
	unsigned int half[2];

	hits = 0;
	ls_handle(SIGUSR1, count, 0, 0);
	ls_handle(SIGRTMIN + 5, count, 0, 0);
	ks_mask(SIG_BLOCK, &s, NULL);
	EXPECT_EQ("pending_none", ks_pending(), 0);
	raise(SIGUSR1);
	raise(SIGUSR1);
	raise(SIGUSR1);
	raise(SIGRTMIN + 5);
	raise(SIGRTMIN + 5);
	EXPECT_EQ("pending_both", ks_pending(), s);
	EXPECT_EQ("blocked_not_run", hits, 0);
	/* A smaller size copies that much; a larger one is EINVAL. */
	half[0] = half[1] = 0xdeadbeef;
	EXPECT_RET("pending_size4", lt_syscall2(SYS_rt_sigpending, half, 4), 0);
	EXPECT_EQ("pending_size4_low", half[0], (unsigned int)s);
	EXPECT_EQ("pending_size4_untouched", half[1], 0xdeadbeef);
	EXPECT_RET("pending_size16", lt_syscall2(SYS_rt_sigpending, &p, 16), -EINVAL);
	EXPECT_RET("pending_efault", lt_syscall2(SYS_rt_sigpending, (void *)1, 8), -EFAULT);
	/* Unblocking delivers: three SIGUSR1 coalesced into one, the two
	 * real-time ones queued. */
	ks_mask(SIG_UNBLOCK, &s, NULL);
	EXPECT_EQ("delivered_at_unblock", hits, 1 + 2);
	EXPECT_EQ("pending_after", ks_pending(), 0);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGRTMIN + 5, SIG_DFL);
}

static void rt_order(void)
{
	int a = SIGRTMIN + 1, b = SIGRTMIN + 2;
	unsigned long s = SIGBIT(a) | SIGBIT(b) | SIGBIT(SIGUSR2);
	struct sigaction sa = { 0 };
	siginfo_t si;
	struct timespec zero = { 0, 0 };
	const int want[] = { SIGUSR2 << 8 | 9, a << 8 | 2, a << 8 | 4,
				    b << 8 | 1, b << 8 | 3 };

	ks_mask(SIG_BLOCK, &s, NULL);
	sigqueue(getpid(), b, (union sigval){ 1 });
	sigqueue(getpid(), a, (union sigval){ 2 });
	sigqueue(getpid(), b, (union sigval){ 3 });
	sigqueue(getpid(), a, (union sigval){ 4 });
	sigqueue(getpid(), SIGUSR2, (union sigval){ 9 });
	sigqueue(getpid(), SIGUSR2, (union sigval){ 10 });	/* coalesced away */
	/* Handlers that block all three, so each runs after the one before
	 * returned and the order seen is the order dequeued. */
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	sigaddset(&sa.sa_mask, a);
	sigaddset(&sa.sa_mask, b);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(a, &sa, NULL);
	sigaction(b, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	norder = 0;
	ks_mask(SIG_UNBLOCK, &s, NULL);
	EXPECT_EQ("handler_count", norder, 5);
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(i == 0 ? "handler_order0" : i == 1 ? "handler_order1" :
			  i == 2 ? "handler_order2" : i == 3 ? "handler_order3" :
			  "handler_order4", order[i], want[i]);

	/* The same order through sigtimedwait. */
	ks_mask(SIG_BLOCK, &s, NULL);
	sigqueue(getpid(), b, (union sigval){ 1 });
	sigqueue(getpid(), a, (union sigval){ 2 });
	sigqueue(getpid(), b, (union sigval){ 3 });
	sigqueue(getpid(), a, (union sigval){ 4 });
	sigqueue(getpid(), SIGUSR2, (union sigval){ 9 });
	for (int i = 0; i < 5; i++) {
		long r = lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &zero, 8);

		EXPECT_EQ(i == 0 ? "wait_order0" : i == 1 ? "wait_order1" :
			  i == 2 ? "wait_order2" : i == 3 ? "wait_order3" :
			  "wait_order4", r << 8 | si.si_value.sival_int, want[i]);
	}
	EXPECT_RET("wait_drained", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &zero, 8), -EAGAIN);
	ks_mask(SIG_UNBLOCK, &s, NULL);
	signal(a, SIG_DFL);
	signal(b, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void suspend(void)
{
	unsigned long s = SIGBIT(SIGUSR1), empty = SIGBIT(SIGUSR2);
	long r;

	ls_handle(SIGUSR1, count, 0, SIGBIT(SIGHUP));
	ks_mask(SIG_SETMASK, &s, NULL);
	raise(SIGUSR1);
	hits = 0;
	/* The pending signal is let in by the temporary mask at once. */
	r = lt_syscall2(SYS_rt_sigsuspend, &empty, 8);
	EXPECT_RET("sigsuspend_eintr", r, -EINTR);
	EXPECT_EQ("sigsuspend_ran", hits, 1);
	/* In the handler: the temporary mask plus the signal and sa_mask. */
	EXPECT_EQ("sigsuspend_handler_mask", mask_in_handler,
		  SIGBIT(SIGUSR2) | SIGBIT(SIGUSR1) | SIGBIT(SIGHUP));
	EXPECT_EQ("sigsuspend_mask_restored", ks_blocked(), s);
	/* Bad input. */
	raise(SIGUSR1);
	EXPECT_RET("sigsuspend_size", lt_syscall2(SYS_rt_sigsuspend, &empty, 4), -EINVAL);
	EXPECT_RET("sigsuspend_efault", lt_syscall2(SYS_rt_sigsuspend, (void *)1, 8), -EFAULT);
	EXPECT_EQ("sigsuspend_bad_nothing", hits, 1);
	EXPECT_EQ("sigsuspend_bad_mask", ks_blocked(), s);
	/* SIGKILL and SIGSTOP in the temporary mask are dropped (checked
	 * from the handler). */
	{
		unsigned long all = ~SIGBIT(SIGUSR1);

		r = lt_syscall2(SYS_rt_sigsuspend, &all, 8);
		EXPECT_RET("sigsuspend_all_eintr", r, -EINTR);
		EXPECT_EQ("sigsuspend_all_mask", mask_in_handler, ~STOPKILL);
	}
	/* A signal sent while suspended, from another process. */
	{
		pid_t c = fork();

		if (!c) {
			struct timespec t = { 0, 50 * 1000 * 1000 };

			nanosleep(&t, NULL);
			kill(getppid(), SIGUSR1);
			_exit(0);
		}
		hits = 0;
		r = lt_syscall2(SYS_rt_sigsuspend, &empty, 8);
		EXPECT_RET("sigsuspend_remote_eintr", r, -EINTR);
		EXPECT_EQ("sigsuspend_remote_ran", hits, 1);
		waitpid(c, NULL, 0);
	}
	/* pause: the same, with the mask unchanged. */
	{
		unsigned long z = 0;
		pid_t c;

		ks_mask(SIG_SETMASK, &z, NULL);
		c = fork();
		if (!c) {
			struct timespec t = { 0, 50 * 1000 * 1000 };

			nanosleep(&t, NULL);
			kill(getppid(), SIGUSR1);
			_exit(0);
		}
		hits = 0;
		r = lt_syscall0(SYS_pause);
		EXPECT_RET("pause_eintr", r, -EINTR);
		EXPECT_EQ("pause_ran", hits, 1);
		EXPECT_EQ("pause_handler_mask", mask_in_handler, SIGBIT(SIGUSR1) | SIGBIT(SIGHUP));
		waitpid(c, NULL, 0);
	}
	s = 0;
	ks_mask(SIG_SETMASK, &s, NULL);
	signal(SIGUSR1, SIG_DFL);
}

static void timedwait(void)
{
	unsigned long s = SIGBIT(SIGUSR1) | SIGBIT(SIGRTMIN), other = SIGBIT(SIGUSR2);
	struct timespec zero = { 0, 0 }, short_ = { 0, 20 * 1000 * 1000 };
	struct timespec bad1 = { 0, 1000000000 }, bad2 = { -1, 0 }, bad3 = { 0, -1 };
	struct timespec t0, t1;
	siginfo_t si;
	long r;

	ks_mask(SIG_BLOCK, &s, NULL);
	memset(&si, 0, sizeof(si));
	kill(getpid(), SIGUSR1);
	r = lt_syscall4(SYS_rt_sigtimedwait, &s, &si, NULL, 8);
	EXPECT_RET("returns_signo", r, SIGUSR1);
	EXPECT_EQ("info_signo", si.si_signo, SIGUSR1);
	EXPECT_EQ("info_code", si.si_code, SI_USER);
	EXPECT_EQ("info_pid", si.si_pid, getpid());
	EXPECT_EQ("dequeued", ks_pending(), 0);
	/* A NULL info is fine. */
	sigqueue(getpid(), SIGRTMIN, (union sigval){ 5 });
	EXPECT_RET("null_info", lt_syscall4(SYS_rt_sigtimedwait, &s, NULL, &zero, 8), SIGRTMIN);
	/* Timeouts. */
	EXPECT_RET("zero_eagain", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &zero, 8), -EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &short_, 8);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	EXPECT_RET("timeout_eagain", r, -EAGAIN);
	EXPECT_TRUE("timeout_waited",
		    (t1.tv_sec - t0.tv_sec) * 1000000000L + t1.tv_nsec - t0.tv_nsec >= 20000000L);
	/* A pending signal not in the set stays pending. */
	ks_mask(SIG_BLOCK, &other, NULL);
	raise(SIGUSR2);
	EXPECT_RET("not_in_set", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &zero, 8), -EAGAIN);
	EXPECT_EQ("not_in_set_pending", ks_pending(), other);
	/* Bad input: the signal stays pending. */
	kill(getpid(), SIGUSR1);
	EXPECT_RET("bad_nsec", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &bad1, 8), -EINVAL);
	EXPECT_RET("bad_sec", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &bad2, 8), -EINVAL);
	EXPECT_RET("bad_nsec_neg", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &bad3, 8), -EINVAL);
	EXPECT_RET("bad_size", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &zero, 4), -EINVAL);
	EXPECT_RET("set_efault", lt_syscall4(SYS_rt_sigtimedwait, (void *)1, &si, &zero, 8), -EFAULT);
	EXPECT_RET("ts_efault", lt_syscall4(SYS_rt_sigtimedwait, &s, &si, (void *)1, 8), -EFAULT);
	EXPECT_EQ("bad_left_pending", ks_pending(), other | SIGBIT(SIGUSR1));
	/* A bad info pointer: the signal is dequeued, then the copy fails. */
	EXPECT_RET("info_efault", lt_syscall4(SYS_rt_sigtimedwait, &s, (void *)1, &zero, 8), -EFAULT);
	EXPECT_EQ("info_efault_dequeued", ks_pending(), other);
	/* Woken by a signal from another process. */
	{
		pid_t c = fork();
		struct timespec lng = { 10, 0 };

		if (!c) {
			struct timespec t = { 0, 50 * 1000 * 1000 };

			nanosleep(&t, NULL);
			kill(getppid(), SIGUSR1);
			_exit(0);
		}
		memset(&si, 0, sizeof(si));
		r = lt_syscall4(SYS_rt_sigtimedwait, &s, &si, &lng, 8);
		EXPECT_RET("remote_signo", r, SIGUSR1);
		EXPECT_EQ("remote_pid", si.si_pid, c);
		waitpid(c, NULL, 0);
	}
	lt_syscall4(SYS_rt_sigtimedwait, &other, NULL, &zero, 8);
	s = 0;
	ks_mask(SIG_SETMASK, &s, NULL);
}

static void kills(void)
{
	pid_t me = getpid(), tid = gettid(), c;
	int st;
	unsigned long s = SIGBIT(SIGUSR1);

	ks_mask(SIG_BLOCK, &s, NULL);
	EXPECT_RET("kill_probe_self", lt_syscall2(SYS_kill, me, 0), 0);
	EXPECT_RET("kill_sig65", lt_syscall2(SYS_kill, me, 65), -EINVAL);
	EXPECT_RET("kill_sig_neg", lt_syscall2(SYS_kill, me, -1), -EINVAL);
	EXPECT_RET("kill_esrch", lt_syscall2(SYS_kill, 99999, SIGUSR1), -ESRCH);
	EXPECT_RET("kill_probe_esrch", lt_syscall2(SYS_kill, 99999, 0), -ESRCH);
	EXPECT_RET("kill_pgrp_esrch", lt_syscall2(SYS_kill, -99999, SIGUSR1), -ESRCH);
	EXPECT_RET("kill_intmin", lt_syscall2(SYS_kill, (int)0x80000000, SIGUSR1), -ESRCH);
	EXPECT_RET("tkill_sig65", lt_syscall2(SYS_tkill, tid, 65), -EINVAL);
	EXPECT_RET("tkill_tid0", lt_syscall2(SYS_tkill, 0, SIGUSR1), -EINVAL);
	EXPECT_RET("tkill_tidneg", lt_syscall2(SYS_tkill, -5, SIGUSR1), -EINVAL);
	EXPECT_RET("tkill_esrch", lt_syscall2(SYS_tkill, 99999, SIGUSR1), -ESRCH);
	EXPECT_RET("tkill_probe", lt_syscall2(SYS_tkill, tid, 0), 0);
	EXPECT_RET("tgkill_tgid0", lt_syscall3(SYS_tgkill, 0, tid, SIGUSR1), -EINVAL);
	EXPECT_RET("tgkill_tid0", lt_syscall3(SYS_tgkill, me, 0, SIGUSR1), -EINVAL);
	EXPECT_RET("tgkill_sig65", lt_syscall3(SYS_tgkill, me, tid, 65), -EINVAL);
	EXPECT_RET("tgkill_probe", lt_syscall3(SYS_tgkill, me, tid, 0), 0);
	EXPECT_RET("tgkill_esrch", lt_syscall3(SYS_tgkill, me, 99999, SIGUSR1), -ESRCH);
	EXPECT_EQ("bad_kills_nothing_pending", ks_pending(), 0);

	c = fork();
	if (!c) {
		pause();
		_exit(0);
	}
	/* A tgid that is not the thread's own: no such thread. */
	EXPECT_RET("tgkill_tgid_mismatch", lt_syscall3(SYS_tgkill, me, c, SIGUSR1), -ESRCH);
	EXPECT_RET("tgkill_tgid_mismatch2", lt_syscall3(SYS_tgkill, c, tid, SIGUSR1), -ESRCH);
	EXPECT_EQ("mismatch_nothing_pending", ks_pending(), 0);
	EXPECT_RET("kill_probe_child", lt_syscall2(SYS_kill, c, 0), 0);
	EXPECT_RET("tgkill_child", lt_syscall3(SYS_tgkill, c, c, SIGTERM), 0);
	EXPECT_EQ("tgkill_child_wait", waitpid(c, &st, 0), c);
	EXPECT_EQ("tgkill_child_killed", st, SIGTERM);
	/* A zombie still exists for kill (0 to probe it), until reaped. */
	c = fork();
	if (!c)
		_exit(0);
	{
		siginfo_t si;

		waitid(P_PID, c, &si, WEXITED | WNOWAIT);
	}
	EXPECT_RET("kill_zombie_probe", lt_syscall2(SYS_kill, c, 0), 0);
	EXPECT_RET("kill_zombie", lt_syscall2(SYS_kill, c, SIGKILL), 0);
	waitpid(c, NULL, 0);
	EXPECT_RET("kill_reaped_esrch", lt_syscall2(SYS_kill, c, 0), -ESRCH);
	s = 0;
	ks_mask(SIG_SETMASK, &s, NULL);
}

int main(void)
{
	ls_watchdog("signal_mask", 30);
	procmask();
	pending();
	rt_order();
	suspend();
	timedwait();
	kills();
	return lt_done();
}
