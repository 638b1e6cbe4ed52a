// The i386 calls with a 32-bit siginfo, sigset or robust-list layout
// (-m32 -nostdlib, int $0x80): set_robust_list/get_robust_list and the
// robust-futex walk at exit over a 12-byte head, waitid's 128-byte
// siginfo and 72-byte rusage, the old signal calls (sigaction with
// struct old_sigaction, signal, sigprocmask, sigpending, sigsuspend,
// sgetmask/ssetmask), and rt_sigqueueinfo, rt_tgsigqueueinfo,
// rt_sigtimedwait(_time64) with the i386 siginfo.  Every struct is
// checked field by field, and where Linux writes only part of one the
// rest must stay as it was.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
#define LT_SUITE "compat_signal"
#include "lego_test.h"
#include "lego_i386.h"

#define NR_exit			1
#define NR_fork			2
#define NR_read			3
#define NR_write		4
#define NR_close		6
#define NR_waitpid		7
#define NR_getpid		20
#define NR_kill			37
#define NR_pipe			42
#define NR_signal		48
#define NR_getppid		64
#define NR_sigaction		67
#define NR_sgetmask		68
#define NR_ssetmask		69
#define NR_sigsuspend		72
#define NR_sigpending		73
#define NR_sigprocmask		126
#define NR_rt_sigaction		174
#define NR_rt_sigprocmask	175
#define NR_rt_sigtimedwait	177
#define NR_rt_sigqueueinfo	178
#define NR_mmap2		192
#define NR_getuid32		199
#define NR_gettid		224
#define NR_exit_group		252
#define NR_waitid		284
#define NR_set_robust_list	311
#define NR_get_robust_list	312
#define NR_rt_tgsigqueueinfo	335
#define NR_rt_sigtimedwait_time64 421

#define EPERM		1
#define ESRCH		3
#define EINTR		4
#define EAGAIN		11
#define EFAULT		14
#define EINVAL		22

#define SIGKILL		9
#define SIGUSR1		10
#define SIGUSR2		12
#define SIGCHLD		17
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2
#define SA_RESTORER	0x04000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000
#define SI_USER		0
#define SI_QUEUE	(-1)
#define SI_TKILL	(-6)
#define CLD_EXITED	1
#define P_PID		1
#define WNOHANG		1
#define WEXITED		4
#define BAD		((void *)16)	/* an unmapped user address */

#define FUTEX_WAITERS		0x80000000U
#define FUTEX_OWNER_DIED	0x40000000U

#define BIT(sig)	(1ULL << ((sig) - 1))

struct old_sigaction32 { void *handler; unsigned int mask, flags; void *restorer; };
struct sigaction32 { void *handler; unsigned int flags; void *restorer; unsigned int mask[2]; };
_Static_assert(sizeof(struct old_sigaction32) == 16, "old_sigaction");
_Static_assert(sizeof(struct sigaction32) == 20, "sigaction");

/* i386 siginfo: the union at 12, pid 12, uid 16, then status or value 20. */
struct siginfo32 {
	int signo, errno_, code;
	int pid;
	unsigned int uid;
	int value;		/* _rt.si_sigval; _sigchld.si_status */
	unsigned char rest[104];
};
_Static_assert(sizeof(struct siginfo32) == 128, "siginfo32");

struct ts32 { int sec, nsec; };
struct ts64 { long long sec, nsec; };
static struct ts32 ts_bad32 = { 0, 1000000000 }, ts_1ms32 = { 0, 1000000 };
static struct ts64 ts_bad64 = { 0, -1 }, ts_1us64 = { 0, 1000 }, ts_1s64 = { 1, 0 };

static volatile int handled;

static void handler(int sig)
{
	handled = sig;
}

static unsigned long long rt_blocked(void)
{
	unsigned long long m = 0;

	lt_syscall4(NR_rt_sigprocmask, SIG_BLOCK, 0, &m, 8);
	return m;
}

static void set_rt_blocked(unsigned long long m)
{
	lt_syscall4(NR_rt_sigprocmask, SIG_SETMASK, &m, 0, 8);
}

static int all_bytes(const void *p, int n, unsigned char v)
{
	const unsigned char *b = p;
	int i;

	for (i = 0; i < n; i++)
		if (b[i] != v)
			return 0;
	return 1;
}

static void fill(void *p, int n, unsigned char v)
{
	unsigned char *b = p;

	while (n--)
		*b++ = v;
}

/* --------------------------------------------------------- robust list */

/* An i386 robust list in shared memory: head (12 bytes) at 0, entries
 * at 64 and 128, their lock words 16 bytes before them (futex_offset
 * -16), the pending entry at 192, a lock owned by another tid at 256. */
struct rhead { unsigned int next; int futex_offset; unsigned int pending; };

static void robust_list(void)
{
	unsigned char *m = (unsigned char *)lt_syscall6(NR_mmap2, 0, 4096, 3, 0x21, -1, 0);
	struct rhead *h = (struct rhead *)m, bad_len;
	volatile unsigned int *w1 = (unsigned int *)(m + 48), *w2 = (unsigned int *)(m + 112);
	volatile unsigned int *wp = (unsigned int *)(m + 176), *wo = (unsigned int *)(m + 240);
	unsigned int got_head = 0xa5a5a5a5, got_len[2] = { 0xa5a5a5a5, 0xa5a5a5a5 };
	int status = -1;
	long pid, tid;

	EXPECT_TRUE("robust/mmap_shared", (unsigned long)m < -4095UL);
	EXPECT_EQ("robust/set_len_24_einval", lt_syscall2(NR_set_robust_list, &bad_len, 24),
		  -EINVAL);
	EXPECT_EQ("robust/set_len_11_einval", lt_syscall2(NR_set_robust_list, &bad_len, 11),
		  -EINVAL);
	EXPECT_EQ("robust/get_unset", lt_syscall3(NR_get_robust_list, 0, &got_head, got_len), 0);
	EXPECT_EQ("robust/get_unset_head", got_head, 0);
	EXPECT_EQ("robust/set", lt_syscall2(NR_set_robust_list, h, 12), 0);
	EXPECT_EQ("robust/get", lt_syscall3(NR_get_robust_list, 0, &got_head, got_len), 0);
	EXPECT_EQ("robust/get_head", got_head, (unsigned int)h);
	EXPECT_EQ("robust/get_len_12", got_len[0], 12);
	EXPECT_EQ("robust/get_len_4_bytes", got_len[1], 0xa5a5a5a5);
	EXPECT_EQ("robust/get_self_pid", lt_syscall3(NR_get_robust_list, lt_syscall0(NR_getpid),
						    &got_head, got_len), 0);
	EXPECT_EQ("robust/get_esrch", lt_syscall3(NR_get_robust_list, 99999, &got_head, got_len),
		  -ESRCH);
	EXPECT_EQ("robust/get_head_efault", lt_syscall3(NR_get_robust_list, 0, BAD, got_len),
		  -EFAULT);
	EXPECT_EQ("robust/get_len_efault", lt_syscall3(NR_get_robust_list, 0, &got_head, BAD),
		  -EFAULT);
	EXPECT_EQ("robust/set_clear", lt_syscall2(NR_set_robust_list, 0, 12), 0);

	/* The child's list: head -> 64 -> 128 -> head, 192 pending. */
	pid = lt_syscall0(NR_fork);
	if (pid == 0) {
		tid = lt_syscall0(NR_gettid);
		h->next = (unsigned int)(m + 64);
		h->futex_offset = -16;
		h->pending = (unsigned int)(m + 192);
		*(unsigned int *)(m + 64) = (unsigned int)(m + 128);
		*(unsigned int *)(m + 128) = (unsigned int)h;
		*w1 = tid;
		*w2 = tid | FUTEX_WAITERS;
		*wp = tid;
		*wo = tid + 1;
		if (lt_syscall2(NR_set_robust_list, h, 12))
			lt_syscall1(NR_exit, 1);
		lt_syscall1(NR_exit, 0);
	}
	lt_syscall3(NR_waitpid, pid, &status, 0);
	EXPECT_EQ("robust/child_status", status, 0);
	EXPECT_EQ("robust/entry1_owner_died", *w1, FUTEX_OWNER_DIED);
	EXPECT_EQ("robust/entry2_waiters_kept", *w2, FUTEX_OWNER_DIED | FUTEX_WAITERS);
	EXPECT_EQ("robust/pending_owner_died", *wp, FUTEX_OWNER_DIED);
	EXPECT_EQ("robust/other_owner_untouched", *wo, (unsigned int)pid + 1);
}

/* --------------------------------------------------------------- waitid */

static void waitid(void)
{
	struct siginfo32 si;
	unsigned char ru[80];
	int fds[2], i, ok;
	char c = 'x';
	long pid;

	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		lt_syscall1(NR_exit, 5);
	fill(&si, sizeof(si), 0xa5);
	fill(ru, sizeof(ru), 0xa5);
	EXPECT_EQ("waitid/exited", lt_syscall5(NR_waitid, P_PID, pid, &si, WEXITED, ru), 0);
	EXPECT_EQ("waitid/si_signo", si.signo, SIGCHLD);
	EXPECT_EQ("waitid/si_errno", si.errno_, 0);
	EXPECT_EQ("waitid/si_code", si.code, CLD_EXITED);
	EXPECT_EQ("waitid/si_pid_at_12", si.pid, pid);
	EXPECT_EQ("waitid/si_uid_at_16", si.uid, lt_syscall0(NR_getuid32));
	EXPECT_EQ("waitid/si_status_at_20", si.value, 5);
	EXPECT_TRUE("waitid/rest_untouched", all_bytes(si.rest, sizeof(si.rest), 0xa5));
	EXPECT_TRUE("waitid/rusage_usec", *(unsigned int *)(ru + 4) < 1000000 &&
		    *(unsigned int *)(ru + 12) < 1000000);
	ok = 1;
	for (i = 72; i < 80; i++)
		ok &= ru[i] == 0xa5;
	EXPECT_TRUE("waitid/rusage_72_bytes", ok);

	/* WNOHANG with a live child: 0, and the fields zeroed. */
	lt_syscall1(NR_pipe, fds);
	pid = lt_syscall0(NR_fork);
	if (pid == 0) {
		lt_syscall3(NR_read, fds[0], &c, 1);
		lt_syscall1(NR_exit, 0);
	}
	fill(&si, sizeof(si), 0xa5);
	EXPECT_EQ("waitid/wnohang", lt_syscall5(NR_waitid, P_PID, pid, &si, WEXITED | WNOHANG, 0), 0);
	EXPECT_TRUE("waitid/wnohang_zeroed", si.signo == 0 && si.errno_ == 0 && si.code == 0 &&
		    si.pid == 0 && si.uid == 0 && si.value == 0);
	EXPECT_TRUE("waitid/wnohang_rest_untouched", all_bytes(si.rest, sizeof(si.rest), 0xa5));
	EXPECT_EQ("waitid/no_options_einval", lt_syscall5(NR_waitid, P_PID, pid, &si, 0, 0),
		  -EINVAL);
	EXPECT_EQ("waitid/pid0_einval", lt_syscall5(NR_waitid, P_PID, 0, &si, WEXITED, 0), -EINVAL);
	lt_syscall3(NR_write, fds[1], &c, 1);
	EXPECT_EQ("waitid/infop_efault", lt_syscall5(NR_waitid, P_PID, pid, BAD, WEXITED, 0),
		  -EFAULT);
	lt_syscall1(NR_close, fds[0]);
	lt_syscall1(NR_close, fds[1]);
}

/* ---------------------------------------------------- old signal calls */

static void old_sigaction(void)
{
	struct old_sigaction32 sa = { (void *)handler, BIT(SIGUSR2) | BIT(3), SA_RESTORER,
				      (void *)restore_old };
	struct old_sigaction32 old;
	struct sigaction32 rt;
	unsigned char buf[20];

	EXPECT_EQ("sigaction/set", lt_syscall3(NR_sigaction, SIGUSR1, &sa, 0), 0);
	fill(buf, sizeof(buf), 0xa5);
	EXPECT_EQ("sigaction/get", lt_syscall3(NR_sigaction, SIGUSR1, 0, buf), 0);
	old = *(struct old_sigaction32 *)buf;
	EXPECT_EQ("sigaction/old_handler", (unsigned long)old.handler, (unsigned long)handler);
	EXPECT_EQ("sigaction/old_mask_at_4", old.mask, BIT(SIGUSR2) | BIT(3));
	EXPECT_EQ("sigaction/old_flags_at_8", old.flags, SA_RESTORER);
	EXPECT_EQ("sigaction/old_restorer_at_12", (unsigned long)old.restorer,
		  (unsigned long)restore_old);
	EXPECT_TRUE("sigaction/16_bytes", all_bytes(buf + 16, 4, 0xa5));
	EXPECT_EQ("sigaction/rt_view", lt_syscall4(NR_rt_sigaction, SIGUSR1, 0, &rt, 8), 0);
	EXPECT_TRUE("sigaction/rt_view_same", rt.handler == (void *)handler &&
		    rt.flags == SA_RESTORER && rt.restorer == (void *)restore_old &&
		    rt.mask[0] == (BIT(SIGUSR2) | BIT(3)) && rt.mask[1] == 0);
	EXPECT_EQ("sigaction/sigkill_einval", lt_syscall3(NR_sigaction, SIGKILL, &sa, 0), -EINVAL);
	EXPECT_EQ("sigaction/sig0_einval", lt_syscall3(NR_sigaction, 0, &sa, 0), -EINVAL);
	EXPECT_EQ("sigaction/sig65_einval", lt_syscall3(NR_sigaction, 65, 0, &old), -EINVAL);
	EXPECT_EQ("sigaction/act_efault", lt_syscall3(NR_sigaction, SIGUSR2, BAD, 0), -EFAULT);
	EXPECT_EQ("sigaction/oact_efault", lt_syscall3(NR_sigaction, SIGUSR2, 0, BAD), -EFAULT);
	sa.mask = 0;
	lt_syscall3(NR_sigaction, SIGUSR2, &sa, 0);

	/* The handler runs with the old frame. */
	handled = 0;
	lt_syscall2(NR_kill, lt_syscall0(NR_getpid), SIGUSR1);
	EXPECT_EQ("sigaction/delivered", handled, SIGUSR1);
}

/* signal(2): SA_RESETHAND | SA_NODEFER, the old handler returned. */
static void old_signal(void)
{
	struct sigaction32 rt;
	int pid = lt_syscall0(NR_getpid);

	EXPECT_EQ("signal/first_returns_dfl", lt_syscall2(NR_signal, SIGCHLD, 1), 0);
	EXPECT_EQ("signal/returns_old", lt_syscall2(NR_signal, SIGCHLD, (long)handler), 1);
	EXPECT_EQ("signal/rt_view", lt_syscall4(NR_rt_sigaction, SIGCHLD, 0, &rt, 8), 0);
	EXPECT_EQ("signal/flags", rt.flags, SA_RESETHAND | SA_NODEFER);
	EXPECT_TRUE("signal/mask_empty", rt.mask[0] == 0 && rt.mask[1] == 0);
	EXPECT_EQ("signal/returns_handler", lt_syscall2(NR_signal, SIGCHLD, 0), (long)handler);
	EXPECT_EQ("signal/sigkill_einval", lt_syscall2(NR_signal, SIGKILL, 1), -EINVAL);
	EXPECT_EQ("signal/sig65_einval", lt_syscall2(NR_signal, 65, 1), -EINVAL);
	/* SIG_IGN: a signal sent is dropped. */
	lt_syscall2(NR_signal, SIGUSR2, 1);
	handled = 0;
	lt_syscall2(NR_kill, pid, SIGUSR2);
	EXPECT_EQ("signal/ignored", handled, 0);
}

static void old_masks(void)
{
	unsigned int w[2];
	struct siginfo32 si;
	unsigned long long set;
	long pid;

	set_rt_blocked(BIT(40));
	w[0] = w[1] = 0xa5a5a5a5;
	EXPECT_EQ("sigprocmask/block", lt_syscall3(NR_sigprocmask, SIG_BLOCK, &(unsigned int){ BIT(SIGUSR1) | BIT(SIGKILL) }, w), 0);
	EXPECT_EQ("sigprocmask/old_low_word", w[0], 0);
	EXPECT_EQ("sigprocmask/old_4_bytes", w[1], 0xa5a5a5a5);
	EXPECT_EQ("sigprocmask/blocked_no_sigkill", rt_blocked(), BIT(40) | BIT(SIGUSR1));
	EXPECT_EQ("sigprocmask/setmask_keeps_rt", lt_syscall3(NR_sigprocmask, SIG_SETMASK,
			&(unsigned int){ BIT(SIGUSR2) }, w), 0);
	EXPECT_EQ("sigprocmask/setmask_old", w[0], BIT(SIGUSR1));
	EXPECT_EQ("sigprocmask/setmask_result", rt_blocked(), BIT(40) | BIT(SIGUSR2));
	EXPECT_EQ("sigprocmask/unblock", lt_syscall3(NR_sigprocmask, SIG_UNBLOCK,
			&(unsigned int){ BIT(SIGUSR2) }, 0), 0);
	EXPECT_EQ("sigprocmask/unblock_result", rt_blocked(), BIT(40));
	EXPECT_EQ("sigprocmask/bad_how", lt_syscall3(NR_sigprocmask, 3,
			&(unsigned int){ BIT(SIGUSR2) }, w), -EINVAL);
	EXPECT_EQ("sigprocmask/bad_how_unchanged", rt_blocked(), BIT(40));
	EXPECT_EQ("sigprocmask/nset_efault", lt_syscall3(NR_sigprocmask, SIG_BLOCK, BAD, w),
		  -EFAULT);
	EXPECT_EQ("sigprocmask/query", lt_syscall3(NR_sigprocmask, SIG_BLOCK, 0, w), 0);
	EXPECT_EQ("sigprocmask/query_low_word", w[0], 0);

	/* sigpending: 4 bytes, the blocked pending ones. */
	lt_syscall3(NR_sigprocmask, SIG_BLOCK, &(unsigned int){ BIT(SIGUSR1) }, 0);
	lt_syscall2(NR_kill, lt_syscall0(NR_getpid), SIGUSR1);
	w[0] = w[1] = 0xa5a5a5a5;
	EXPECT_EQ("sigpending", lt_syscall1(NR_sigpending, w), 0);
	EXPECT_EQ("sigpending/set", w[0], BIT(SIGUSR1));
	EXPECT_EQ("sigpending/4_bytes", w[1], 0xa5a5a5a5);
	EXPECT_EQ("sigpending/efault", lt_syscall1(NR_sigpending, BAD), -EFAULT);

	/* rt_sigtimedwait takes it, siginfo in i386 layout. */
	set = BIT(SIGUSR1);
	fill(&si, sizeof(si), 0xa5);
	EXPECT_EQ("sigtimedwait/sigsetsize_einval",
		  lt_syscall4(NR_rt_sigtimedwait, &set, &si, 0, 4), -EINVAL);
	EXPECT_EQ("sigtimedwait/set_efault", lt_syscall4(NR_rt_sigtimedwait, BAD, &si, 0, 8),
		  -EFAULT);
	EXPECT_EQ("sigtimedwait/bad_nsec", lt_syscall4(NR_rt_sigtimedwait, &set, &si,
			&ts_bad32, 8), -EINVAL);
	EXPECT_EQ("sigtimedwait/takes", lt_syscall4(NR_rt_sigtimedwait, &set, &si, 0, 8), SIGUSR1);
	EXPECT_EQ("sigtimedwait/si_signo", si.signo, SIGUSR1);
	EXPECT_EQ("sigtimedwait/si_errno", si.errno_, 0);
	EXPECT_EQ("sigtimedwait/si_code", si.code, SI_USER);
	EXPECT_EQ("sigtimedwait/si_pid_at_12", si.pid, lt_syscall0(NR_getpid));
	EXPECT_EQ("sigtimedwait/si_uid_at_16", si.uid, lt_syscall0(NR_getuid32));
	EXPECT_TRUE("sigtimedwait/rest_zero", si.value == 0 && all_bytes(si.rest, sizeof(si.rest), 0));
	EXPECT_EQ("sigtimedwait/timeout_eagain", lt_syscall4(NR_rt_sigtimedwait, &set, &si,
			&ts_1ms32, 8), -EAGAIN);
	EXPECT_EQ("sigtimedwait_time64/timeout_eagain",
		  lt_syscall4(NR_rt_sigtimedwait_time64, &set, &si, &ts_1us64, 8),
		  -EAGAIN);
	EXPECT_EQ("sigtimedwait_time64/bad_nsec", lt_syscall4(NR_rt_sigtimedwait_time64, &set, &si,
			&ts_bad64, 8), -EINVAL);

	/* rt_sigqueueinfo: the caller's si_code and value arrive. */
	fill(&si, sizeof(si), 0);
	si.code = SI_QUEUE;
	si.pid = 4242;
	si.uid = 77;
	si.value = 0x1234abcd;
	si.signo = SIGUSR2;		/* the sig argument wins */
	EXPECT_EQ("sigqueueinfo", lt_syscall3(NR_rt_sigqueueinfo, lt_syscall0(NR_getpid), SIGUSR1,
					      &si), 0);
	fill(&si, sizeof(si), 0xa5);
	EXPECT_EQ("sigqueueinfo/taken", lt_syscall4(NR_rt_sigtimedwait_time64, &set, &si,
			&ts_1s64, 8), SIGUSR1);
	EXPECT_TRUE("sigqueueinfo/fields", si.signo == SIGUSR1 && si.errno_ == 0 &&
		    si.code == SI_QUEUE && si.pid == 4242 && si.uid == 77 &&
		    si.value == 0x1234abcd);
	EXPECT_TRUE("sigqueueinfo/rest_zero", all_bytes(si.rest, sizeof(si.rest), 0));
	EXPECT_EQ("sigqueueinfo/efault", lt_syscall3(NR_rt_sigqueueinfo, lt_syscall0(NR_getpid),
						     SIGUSR1, BAD), -EFAULT);

	/* rt_tgsigqueueinfo to this thread; the checks in Linux's order. */
	fill(&si, sizeof(si), 0);
	si.code = SI_QUEUE;
	si.value = 77;
	EXPECT_EQ("tgsigqueueinfo", lt_syscall4(NR_rt_tgsigqueueinfo, lt_syscall0(NR_getpid),
						lt_syscall0(NR_gettid), SIGUSR1, &si), 0);
	fill(&si, sizeof(si), 0xa5);
	EXPECT_EQ("tgsigqueueinfo/taken", lt_syscall4(NR_rt_sigtimedwait, &set, &si, 0, 8), SIGUSR1);
	EXPECT_TRUE("tgsigqueueinfo/fields", si.signo == SIGUSR1 && si.code == SI_QUEUE &&
		    si.value == 77);
	EXPECT_EQ("tgsigqueueinfo/efault_first", lt_syscall4(NR_rt_tgsigqueueinfo, 0, 0, SIGUSR1,
							     BAD), -EFAULT);
	EXPECT_EQ("tgsigqueueinfo/tgid0_einval", lt_syscall4(NR_rt_tgsigqueueinfo, 0,
			lt_syscall0(NR_gettid), SIGUSR1, &si), -EINVAL);

	/* Posing as the kernel or as tkill to another process: EPERM. */
	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		for (;;)
			lt_syscall0(29);	/* pause */
	fill(&si, sizeof(si), 0);
	si.code = SI_USER;
	EXPECT_EQ("sigqueueinfo/si_user_other_eperm", lt_syscall3(NR_rt_sigqueueinfo, pid, SIGUSR1,
								  &si), -EPERM);
	si.code = SI_TKILL;
	EXPECT_EQ("sigqueueinfo/si_tkill_other_eperm", lt_syscall3(NR_rt_sigqueueinfo, pid,
								   SIGUSR1, &si), -EPERM);
	lt_syscall2(NR_kill, pid, SIGKILL);
	lt_syscall3(NR_waitpid, pid, 0, 0);
	set_rt_blocked(0);
}

static void old_suspend(void)
{
	int status = -1;
	long pid;

	/* ssetmask: an int sign-extended to the whole set, SIGKILL and
	 * SIGSTOP never blocked; the old mask comes back as an int. */
	set_rt_blocked(BIT(SIGUSR2));
	EXPECT_EQ("ssetmask/returns_old", lt_syscall1(NR_ssetmask, BIT(SIGUSR1)), BIT(SIGUSR2));
	EXPECT_EQ("sgetmask", lt_syscall0(NR_sgetmask), BIT(SIGUSR1));
	EXPECT_EQ("ssetmask/rt_view", rt_blocked(), BIT(SIGUSR1));
	EXPECT_EQ("ssetmask/minus_one", lt_syscall1(NR_ssetmask, -1), BIT(SIGUSR1));
	EXPECT_EQ("ssetmask/minus_one_rt_view", rt_blocked(),
		  ~0ULL & ~(BIT(SIGKILL) | BIT(19)));
	EXPECT_EQ("sgetmask/low_word", (unsigned int)lt_syscall0(NR_sgetmask),
		  0xffffffffU & ~(unsigned int)(BIT(SIGKILL) | BIT(19)));

	/* sigsuspend(0, 0, mask): the child's SIGUSR1, blocked until now,
	 * runs the handler; -EINTR, and the mask is back. */
	set_rt_blocked(BIT(SIGUSR1) | BIT(40));
	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		lt_syscall1(NR_exit, lt_syscall2(NR_kill, lt_syscall0(NR_getppid), SIGUSR1) ? 1 : 0);
	lt_syscall3(NR_waitpid, pid, &status, 0);
	EXPECT_EQ("sigsuspend/child_sent", status, 0);
	handled = 0;
	EXPECT_EQ("sigsuspend/eintr", lt_syscall3(NR_sigsuspend, 0, 0, BIT(SIGUSR2)), -EINTR);
	EXPECT_EQ("sigsuspend/handled", handled, SIGUSR1);
	EXPECT_EQ("sigsuspend/mask_restored", rt_blocked(), BIT(SIGUSR1) | BIT(40));
	set_rt_blocked(0);
}

void start_c(void)
{
	robust_list();
	waitid();
	old_sigaction();
	old_signal();
	old_masks();
	old_suspend();
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
