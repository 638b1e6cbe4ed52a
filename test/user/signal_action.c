// rt_sigaction: its bad input (sigsetsize, SIGKILL/SIGSTOP, signal 0 and 65,
// bad pointers) changes nothing; the old action reads back exactly as libc
// installed it (SA_RESTORER added); SA_SIGINFO's siginfo for kill, tkill,
// tgkill and rt_sigqueueinfo; SA_RESETHAND, SA_NODEFER, sa_mask in the
// handler; SIG_IGN discarding a pending signal; SIGCHLD ignored or
// SA_NOCLDWAIT leaving no zombie.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "signal_action"
#include "lego_sig.h"
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

static volatile int hits;
static volatile unsigned long mask_in_handler;
static volatile int nested;

static void count(int sig)
{
	hits++;
	mask_in_handler = ks_blocked();
}

static void nest(int sig)
{
	/* With SA_NODEFER the second raise runs this handler again inside. */
	if (hits++ == 0) {
		lt_syscall2(SYS_kill, getpid(), sig);
		nested = hits;
	}
}

static siginfo_t got;
static void info(int sig, siginfo_t *si, void *uc)
{
	hits++;
	memcpy(&got, si, sizeof(got));
}

static void bad_input(void)
{
	struct ksigaction a = { .handler = count, .flags = SA_RESTORER,
				.restorer = (void *)0x1234, .mask = SIGBIT(SIGUSR2) };
	struct ksigaction o, before, after;

	ks_action(SIGUSR1, NULL, &before);
	EXPECT_RET("setsize_7", lt_syscall4(SYS_rt_sigaction, SIGUSR1, &a, NULL, 7), -EINVAL);
	EXPECT_RET("setsize_16", lt_syscall4(SYS_rt_sigaction, SIGUSR1, &a, NULL, 16), -EINVAL);
	EXPECT_RET("sigkill", ks_action(SIGKILL, &a, NULL), -EINVAL);
	EXPECT_RET("sigstop", ks_action(SIGSTOP, &a, NULL), -EINVAL);
	/* Reading SIGKILL's action (act NULL) is allowed. */
	memset(&o, 0xaa, sizeof(o));
	EXPECT_RET("sigkill_read", ks_action(SIGKILL, NULL, &o), 0);
	EXPECT_EQ("sigkill_read_dfl", (long)o.handler, 0);
	EXPECT_RET("sig0", ks_action(0, &a, NULL), -EINVAL);
	EXPECT_RET("sig0_read", ks_action(0, NULL, &o), -EINVAL);
	EXPECT_RET("sig65", ks_action(65, &a, NULL), -EINVAL);
	EXPECT_RET("sig_neg", ks_action(-1, &a, NULL), -EINVAL);
	EXPECT_RET("sig64_ok", ks_action(64, NULL, &o), 0);
	EXPECT_RET("act_efault", ks_action(SIGUSR1, (void *)1, NULL), -EFAULT);
	EXPECT_RET("act_efault_kernel", ks_action(SIGUSR1, (void *)0xffffffff81000000UL, NULL), -EFAULT);
	ks_action(SIGUSR1, NULL, &after);
	EXPECT_TRUE("failed_changed_nothing", lt_memeq(&before, &after, sizeof(after)));
	/* A bad oldact: Linux installs the new action first, then fails the
	 * copy out -- the call returns EFAULT having changed the action. */
	EXPECT_RET("oact_efault", ks_action(SIGUSR1, &a, (void *)8), -EFAULT);
	ks_action(SIGUSR1, NULL, &after);
	EXPECT_EQ("oact_efault_installed", (long)after.handler, (long)count);
	EXPECT_EQ("oact_efault_installed_restorer", (long)after.restorer, 0x1234);
	ks_action(SIGUSR1, &before, NULL);
}

static void read_back(void)
{
	struct ksigaction o;
	struct sigaction sa = { 0 }, lo;

	sa.sa_handler = count;
	sa.sa_flags = SA_RESTART | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaddset(&sa.sa_mask, SIGRTMIN + 3);
	/* SIGKILL/SIGSTOP in sa_mask are accepted and silently dropped. */
	sigaddset(&sa.sa_mask, SIGKILL);
	sigaddset(&sa.sa_mask, SIGSTOP);
	EXPECT_EQ("libc_install", sigaction(SIGUSR1, &sa, NULL), 0);
	memset(&o, 0, sizeof(o));
	EXPECT_RET("raw_read", ks_action(SIGUSR1, NULL, &o), 0);
	EXPECT_EQ("handler", (long)o.handler, (long)count);
	EXPECT_EQ("flags", o.flags, SA_RESTART | SA_NODEFER | SA_RESTORER);
	EXPECT_TRUE("restorer_set", o.restorer != NULL);
	EXPECT_EQ("mask", o.mask, SIGBIT(SIGUSR2) | SIGBIT(SIGRTMIN + 3));
	EXPECT_EQ("libc_read", sigaction(SIGUSR1, NULL, &lo), 0);
	EXPECT_EQ("libc_read_handler", (long)lo.sa_handler, (long)count);
	EXPECT_TRUE("libc_read_mask", sigismember(&lo.sa_mask, SIGUSR2) == 1 &&
		    sigismember(&lo.sa_mask, SIGKILL) == 0);
	/* The old action of a second call is the first's. */
	{
		struct ksigaction n = { .handler = SIG_IGN, .flags = 0 }, old;

		EXPECT_RET("swap", ks_action(SIGUSR1, &n, &old), 0);
		EXPECT_TRUE("swap_old", lt_memeq(&old, &o, sizeof(o)));
		ks_action(SIGUSR1, NULL, &old);
		EXPECT_EQ("swap_new_handler", (long)old.handler, (long)SIG_IGN);
		EXPECT_EQ("swap_new_flags", old.flags, 0);
	}
	signal(SIGUSR1, SIG_DFL);
}

static void siginfo_codes(void)
{
	siginfo_t q;

	ls_handle_info(SIGUSR1, info, 0);
	hits = 0;
	kill(getpid(), SIGUSR1);
	EXPECT_EQ("kill_delivered", hits, 1);
	EXPECT_EQ("kill_signo", got.si_signo, SIGUSR1);
	EXPECT_EQ("kill_code", got.si_code, SI_USER);
	EXPECT_EQ("kill_pid", got.si_pid, getpid());
	EXPECT_EQ("kill_uid", got.si_uid, getuid());
	EXPECT_EQ("kill_errno", got.si_errno, 0);

	memset(&got, 0, sizeof(got));
	lt_syscall2(SYS_tkill, gettid(), SIGUSR1);
	EXPECT_EQ("tkill_signo", got.si_signo, SIGUSR1);
	EXPECT_EQ("tkill_code", got.si_code, SI_TKILL);
	EXPECT_EQ("tkill_pid", got.si_pid, getpid());
	memset(&got, 0, sizeof(got));
	lt_syscall3(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	EXPECT_EQ("tgkill_code", got.si_code, SI_TKILL);
	EXPECT_EQ("tgkill_uid", got.si_uid, getuid());

	memset(&q, 0, sizeof(q));
	q.si_signo = SIGUSR2;		/* ignored: the signal argument wins */
	q.si_code = SI_QUEUE;
	q.si_pid = 4242;		/* the caller's word, passed through */
	q.si_uid = 77;
	q.si_value.sival_int = 0x5eed;
	memset(&got, 0, sizeof(got));
	EXPECT_RET("sigqueueinfo", lt_syscall3(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &q), 0);
	EXPECT_EQ("queue_signo", got.si_signo, SIGUSR1);
	EXPECT_EQ("queue_code", got.si_code, SI_QUEUE);
	EXPECT_EQ("queue_pid", got.si_pid, 4242);
	EXPECT_EQ("queue_uid", got.si_uid, 77);
	EXPECT_EQ("queue_value", got.si_value.sival_int, 0x5eed);

	/* sigqueue(3) fills in the caller's pid and uid itself. */
	memset(&got, 0, sizeof(got));
	sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_ptr = (void *)0xabcdef });
	EXPECT_EQ("sigqueue_code", got.si_code, SI_QUEUE);
	EXPECT_EQ("sigqueue_pid", got.si_pid, getpid());
	EXPECT_EQ("sigqueue_ptr", (long)got.si_value.sival_ptr, 0xabcdef);

	/* Bad input: a bad pointer, a bad signal, a kernel si_code to another
	 * process. */
	hits = 0;
	EXPECT_RET("queue_efault", lt_syscall3(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, (void *)1), -EFAULT);
	EXPECT_RET("queue_sig65", lt_syscall3(SYS_rt_sigqueueinfo, getpid(), 65, &q), -EINVAL);
	EXPECT_EQ("queue_bad_nothing", hits, 0);
	{
		pid_t c = fork();

		if (!c) {
			pause();
			_exit(0);
		}
		q.si_code = SI_USER;
		EXPECT_RET("queue_si_user_other_eperm",
			   lt_syscall3(SYS_rt_sigqueueinfo, c, SIGUSR1, &q), -EPERM);
		q.si_code = SI_TKILL;
		EXPECT_RET("queue_si_tkill_other_eperm",
			   lt_syscall3(SYS_rt_sigqueueinfo, c, SIGUSR1, &q), -EPERM);
		kill(c, SIGKILL);
		waitpid(c, NULL, 0);
	}
	/* rt_tgsigqueueinfo: the same, to one thread. */
	q.si_code = SI_QUEUE;
	q.si_value.sival_int = 0x7777;
	memset(&got, 0, sizeof(got));
	EXPECT_RET("tgsigqueueinfo", lt_syscall4(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, &q), 0);
	EXPECT_EQ("tgqueue_code", got.si_code, SI_QUEUE);
	EXPECT_EQ("tgqueue_value", got.si_value.sival_int, 0x7777);
	hits = 0;
	EXPECT_RET("tgqueue_tgid0", lt_syscall4(SYS_rt_tgsigqueueinfo, 0, gettid(), SIGUSR1, &q), -EINVAL);
	EXPECT_RET("tgqueue_tid0", lt_syscall4(SYS_rt_tgsigqueueinfo, getpid(), 0, SIGUSR1, &q), -EINVAL);
	EXPECT_RET("tgqueue_esrch", lt_syscall4(SYS_rt_tgsigqueueinfo, getpid(), 99999, SIGUSR1, &q), -ESRCH);
	EXPECT_RET("tgqueue_efault", lt_syscall4(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, (void *)1), -EFAULT);
	EXPECT_RET("tgqueue_sig65", lt_syscall4(SYS_rt_tgsigqueueinfo, getpid(), gettid(), 65, &q), -EINVAL);
	EXPECT_EQ("tgqueue_bad_nothing", hits, 0);
	/* To itself a positive si_code is allowed. */
	q.si_code = SI_USER;
	memset(&got, 0, sizeof(got));
	EXPECT_RET("queue_si_user_self", lt_syscall3(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &q), 0);
	EXPECT_EQ("queue_si_user_self_code", got.si_code, SI_USER);
	EXPECT_EQ("queue_si_user_self_pid", got.si_pid, 4242);
	signal(SIGUSR1, SIG_DFL);
}

static void handler_flags(void)
{
	struct ksigaction o;

	/* SA_RESETHAND: the first delivery resets the handler to SIG_DFL.
	 * Linux implies no SA_NODEFER for it (POSIX allows either): the
	 * handler runs with the signal blocked, and sa_flags stay as set. */
	hits = 0;
	ls_handle(SIGURG, count, SA_RESETHAND, 0);
	raise(SIGURG);
	EXPECT_EQ("resethand_first", hits, 1);
	EXPECT_EQ("resethand_blocked_in_handler", mask_in_handler & SIGBIT(SIGURG), SIGBIT(SIGURG));
	ks_action(SIGURG, NULL, &o);
	EXPECT_EQ("resethand_now_dfl", (long)o.handler, (long)SIG_DFL);
	EXPECT_EQ("resethand_flags_kept", o.flags, SA_RESETHAND | SA_RESTORER);
	/* SIGURG's default is to ignore: the second raise does nothing. */
	raise(SIGURG);
	EXPECT_EQ("resethand_second_default", hits, 1);

	/* Without SA_NODEFER the signal is blocked in its handler, with the
	 * sa_mask ones; after the handler the old mask is back. */
	hits = 0;
	ls_handle(SIGUSR1, count, 0, SIGBIT(SIGUSR2) | SIGBIT(SIGRTMIN));
	raise(SIGUSR1);
	EXPECT_EQ("plain_hit", hits, 1);
	EXPECT_EQ("plain_mask_in_handler", mask_in_handler,
		  SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2) | SIGBIT(SIGRTMIN));
	EXPECT_EQ("plain_mask_after", ks_blocked(), 0);

	hits = 0;
	ls_handle(SIGUSR1, count, SA_NODEFER, SIGBIT(SIGUSR2));
	raise(SIGUSR1);
	EXPECT_EQ("nodefer_mask_in_handler", mask_in_handler, SIGBIT(SIGUSR2));
	EXPECT_EQ("nodefer_mask_after", ks_blocked(), 0);

	/* Nesting: with SA_NODEFER a kill from inside the handler runs it
	 * again at once; without, it waits for the handler's return. */
	hits = 0;
	nested = 0;
	ls_handle(SIGUSR1, nest, SA_NODEFER, 0);
	raise(SIGUSR1);
	EXPECT_EQ("nodefer_nested_inside", nested, 2);
	hits = 0;
	nested = 0;
	ls_handle(SIGUSR1, nest, 0, 0);
	raise(SIGUSR1);
	EXPECT_EQ("defer_not_nested", nested, 1);
	EXPECT_EQ("defer_ran_after", hits, 2);
	signal(SIGUSR1, SIG_DFL);
}

static void ignore_discards(void)
{
	unsigned long m = SIGBIT(SIGUSR1) | SIGBIT(SIGRTMIN + 1);

	hits = 0;
	ls_handle(SIGUSR1, count, 0, 0);
	ls_handle(SIGRTMIN + 1, count, 0, 0);
	ks_mask(SIG_BLOCK, &m, NULL);
	raise(SIGUSR1);
	raise(SIGRTMIN + 1);
	raise(SIGRTMIN + 1);
	EXPECT_EQ("pending_before_ign", ks_pending(), m);
	signal(SIGUSR1, SIG_IGN);
	signal(SIGRTMIN + 1, SIG_IGN);
	EXPECT_EQ("pending_after_ign", ks_pending(), 0);
	/* Ignored but blocked, a new one is queued all the same (Linux's
	 * sig_ignored(): the handler may change before the unblock) ... */
	raise(SIGUSR1);
	EXPECT_EQ("ignored_blocked_queued", ks_pending(), SIGBIT(SIGUSR1));
	ls_handle(SIGUSR1, count, 0, 0);
	ls_handle(SIGRTMIN + 1, count, 0, 0);
	ks_mask(SIG_UNBLOCK, &m, NULL);
	/* ... and delivered then; the ones pending at SIG_IGN are gone. */
	EXPECT_EQ("ign_discarded_only_later_delivered", hits, 1);
	/* SIG_DFL of a default-ignore signal discards too (SIGCHLD, SIGWINCH). */
	m = SIGBIT(SIGWINCH);
	ks_mask(SIG_BLOCK, &m, NULL);
	ls_handle(SIGWINCH, count, 0, 0);
	raise(SIGWINCH);
	EXPECT_EQ("winch_pending", ks_pending(), m);
	signal(SIGWINCH, SIG_DFL);
	EXPECT_EQ("dfl_ignore_discards", ks_pending(), 0);
	ks_mask(SIG_UNBLOCK, &m, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGRTMIN + 1, SIG_DFL);
}

static volatile int chld;
static void on_chld(int s)
{
	chld++;
}

static void no_zombies(void)
{
	pid_t c;
	int st;

	signal(SIGCHLD, SIG_IGN);
	c = fork();
	if (!c)
		_exit(7);
	/* wait blocks until the child is gone, then has nobody to report. */
	errno = 0;
	EXPECT_EQ("ign_wait", waitpid(-1, &st, 0), -1);
	EXPECT_EQ("ign_wait_echild", errno, ECHILD);
	EXPECT_EQ("ign_pid_gone", kill(c, 0) == -1 && errno == ESRCH, 1);

	chld = 0;
	ls_handle(SIGCHLD, on_chld, SA_NOCLDWAIT, 0);
	c = fork();
	if (!c)
		_exit(7);
	errno = 0;
	EXPECT_EQ("nocldwait_wait", waitpid(c, &st, 0), -1);
	EXPECT_EQ("nocldwait_echild", errno, ECHILD);
	/* With a handler, SA_NOCLDWAIT still sends SIGCHLD. */
	EXPECT_EQ("nocldwait_sigchld_sent", chld, 1);

	/* Back to SIG_DFL: a zombie is there to be reaped. */
	signal(SIGCHLD, SIG_DFL);
	c = fork();
	if (!c)
		_exit(7);
	EXPECT_EQ("dfl_wait", waitpid(c, &st, 0), c);
	EXPECT_EQ("dfl_status", st, 7 << 8);
}

/*
 * Across execve (Linux's flush_signal_handlers and de_thread): handled
 * signals go back to SIG_DFL, ignored ones stay ignored, and every
 * action loses its flags, restorer and mask; the blocked mask and the
 * pending signals stay; the alternate stack is gone.
 */
static int exec_side(void)
{
	struct ksigaction o;
	stack_t ss;

	ks_action(SIGUSR1, NULL, &o);
	EXPECT_EQ("exec/handled_now_dfl", (long)o.handler, (long)SIG_DFL);
	EXPECT_EQ("exec/handled_flags", o.flags, 0);
	EXPECT_EQ("exec/handled_restorer", (long)o.restorer, 0);
	EXPECT_EQ("exec/handled_mask", o.mask, 0);
	ks_action(SIGUSR2, NULL, &o);
	EXPECT_EQ("exec/ignored_stays", (long)o.handler, (long)SIG_IGN);
	EXPECT_EQ("exec/ignored_flags", o.flags, 0);
	EXPECT_EQ("exec/ignored_mask", o.mask, 0);
	EXPECT_EQ("exec/mask_kept", ks_blocked(), SIGBIT(SIGHUP) | SIGBIT(SIGRTMIN + 2));
	EXPECT_EQ("exec/pending_kept", ks_pending(), SIGBIT(SIGHUP) | SIGBIT(SIGRTMIN + 2));
	memset(&ss, 0, sizeof(ss));
	sigaltstack(NULL, &ss);
	EXPECT_EQ("exec/altstack_gone", ss.ss_flags, SS_DISABLE);
	EXPECT_EQ("exec/altstack_gone_size", ss.ss_size, 0);
	return lt_done();
}

static void across_exec(void)
{
	static char stk[8192];
	pid_t c = fork();
	int st = -1;

	if (!c) {
		unsigned long m = SIGBIT(SIGHUP) | SIGBIT(SIGRTMIN + 2);
		stack_t ss = { .ss_sp = stk, .ss_size = sizeof(stk) };
		char *argv[] = { "/signal_action", "exec-side", NULL };

		ls_handle(SIGUSR1, count, SA_RESTART | SA_ONSTACK, SIGBIT(SIGINT));
		ls_handle(SIGUSR2, count, 0, 0);
		signal(SIGUSR2, SIG_IGN);
		sigaltstack(&ss, NULL);
		ks_mask(SIG_BLOCK, &m, NULL);
		raise(SIGHUP);
		sigqueue(getpid(), SIGRTMIN + 2, (union sigval){ 1 });
		execve(argv[0], argv, NULL);
		_exit(99);
	}
	waitpid(c, &st, 0);
	EXPECT_EQ("exec_side_passed", st, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-side"))
		return exec_side();
	ls_watchdog("signal_action", 30);
	across_exec();
	bad_input();
	read_back();
	siginfo_codes();
	handler_flags();
	ignore_discards();
	no_zombies();
	return lt_done();
}
