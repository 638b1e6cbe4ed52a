// Default actions and job control: SIGTERM kills, SIGQUIT and SIGSEGV
// kill (no core with RLIMIT_CORE 0, WCOREDUMP once it is raised), SIGSTOP/SIGTSTP stop and SIGCONT
// continues (wait4 WUNTRACED/WCONTINUED, waitid's CLD_* codes), SIGCHLD,
// SIGURG and SIGWINCH are ignored; kill to a process group, to 0 and to
// -1 (from a child session: the test is init); in a thread group a
// process-directed signal goes to a thread that does not block it,
// tgkill to the thread named, and a fatal signal ends every thread.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "signal_jobctl"
#include "lego_child.h"
#include "lego_sig.h"
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

static void msleep(long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&t, &t) && errno == EINTR)
		;
}

static pid_t sleeper(pid_t pgid)
{
	pid_t p = fork();

	if (!p) {
		if (pgid >= 0)
			setpgid(0, pgid);
		for (;;)
			pause();
	}
	if (pgid >= 0)
		setpgid(p, pgid ? pgid : p);	/* both sides: no race */
	return p;
}

static int self_term(void)
{
	raise(SIGTERM);
	return 1;
}

static int self_quit(void)
{
	raise(SIGQUIT);
	return 1;
}

static int self_segv(void)
{
	raise(SIGSEGV);
	return 1;
}

/* With RLIMIT_CORE raised, a core action writes a core file. */
static int quit_core(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };

	setrlimit(RLIMIT_CORE, &r);
	chdir("/");
	raise(SIGQUIT);
	return 1;
}

static int ignored_by_default(void)
{
	raise(SIGCHLD);
	raise(SIGURG);
	raise(SIGWINCH);
	kill(getpid(), SIGCONT);	/* not stopped: nothing happens */
	return 42;
}

static void defaults(void)
{
	int st;

	st = lt_child(self_term);
	EXPECT_TRUE("term_signaled", WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	EXPECT_EQ("term_no_core", WCOREDUMP(st), 0);
	st = lt_child(self_quit);
	EXPECT_TRUE("quit_signaled", WIFSIGNALED(st) && WTERMSIG(st) == SIGQUIT);
	/* A core action, but RLIMIT_CORE is 0 from boot: no dump, no bit. */
	EXPECT_EQ("quit_status", st, SIGQUIT);
	st = lt_child(quit_core);
	EXPECT_TRUE("quit_core_limit_signaled", WIFSIGNALED(st) && WTERMSIG(st) == SIGQUIT);
	/* With RLIMIT_CORE raised a core is written (/core), and WCOREDUMP
	 * is set (test/user/coredump.c looks at the file). */
	EXPECT_EQ("quit_core_limit_wcoredump", st, SIGQUIT | 0x80);
	unlink("/core");
	st = lt_child(self_segv);
	EXPECT_EQ("segv_status", st, SIGSEGV);
	st = lt_child(ignored_by_default);
	EXPECT_EQ("ignored_by_default", st, 42 << 8);
}

static void stop_continue(void)
{
	siginfo_t si;
	pid_t c;
	int st;

	c = sleeper(-1);
	kill(c, SIGSTOP);
	EXPECT_EQ("stop_wait", waitpid(c, &st, WUNTRACED), c);
	EXPECT_TRUE("wifstopped", WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	EXPECT_EQ("stop_status", st, SIGSTOP << 8 | 0x7f);
	/* Reported once. */
	EXPECT_EQ("stop_reported_once", waitpid(c, &st, WUNTRACED | WNOHANG), 0);
	/* A second SIGSTOP while stopped: nothing new. */
	kill(c, SIGSTOP);
	msleep(20);
	EXPECT_EQ("stop_again_nothing", waitpid(c, &st, WUNTRACED | WNOHANG), 0);
	kill(c, SIGCONT);
	EXPECT_EQ("cont_wait", waitpid(c, &st, WCONTINUED), c);
	EXPECT_TRUE("wifcontinued", WIFCONTINUED(st));
	EXPECT_EQ("cont_status", st, 0xffff);
	/* waitid: CLD_STOPPED, CLD_CONTINUED, then CLD_KILLED. */
	kill(c, SIGSTOP);
	memset(&si, 0, sizeof(si));
	EXPECT_EQ("waitid_stopped", waitid(P_PID, c, &si, WSTOPPED), 0);
	EXPECT_EQ("waitid_stopped_code", si.si_code, CLD_STOPPED);
	EXPECT_EQ("waitid_stopped_status", si.si_status, SIGSTOP);
	EXPECT_EQ("waitid_stopped_pid", si.si_pid, c);
	EXPECT_EQ("waitid_stopped_signo", si.si_signo, SIGCHLD);
	EXPECT_EQ("waitid_stopped_uid", si.si_uid, getuid());
	kill(c, SIGCONT);
	memset(&si, 0, sizeof(si));
	EXPECT_EQ("waitid_continued", waitid(P_PID, c, &si, WCONTINUED), 0);
	EXPECT_EQ("waitid_continued_code", si.si_code, CLD_CONTINUED);
	EXPECT_EQ("waitid_continued_status", si.si_status, SIGCONT);
	/* SIGKILL ends a stopped process too. */
	kill(c, SIGSTOP);
	waitpid(c, &st, WUNTRACED);
	kill(c, SIGKILL);
	memset(&si, 0, sizeof(si));
	EXPECT_EQ("waitid_killed", waitid(P_PID, c, &si, WEXITED), 0);
	EXPECT_EQ("waitid_killed_code", si.si_code, CLD_KILLED);
	EXPECT_EQ("waitid_killed_status", si.si_status, SIGKILL);
	c = fork();
	if (!c)
		_exit(9);
	memset(&si, 0, sizeof(si));
	EXPECT_EQ("waitid_exited", waitid(P_PID, c, &si, WEXITED), 0);
	EXPECT_EQ("waitid_exited_code", si.si_code, CLD_EXITED);
	EXPECT_EQ("waitid_exited_status", si.si_status, 9);
	/* SIGTSTP to an orphaned process group is discarded (POSIX; Linux's
	 * is_current_pgrp_orphaned check, init's children counting as
	 * orphaned): the child does not stop.  The non-orphaned case is in
	 * session(). */
	c = sleeper(0);
	kill(c, SIGTSTP);
	msleep(50);
	EXPECT_EQ("tstp_orphaned_not_stopped", waitpid(c, &st, WUNTRACED | WNOHANG), 0);
	kill(c, SIGSTOP);
	EXPECT_EQ("stop_wait2", waitpid(c, &st, WUNTRACED), c);
	/* A stopped process with SIGTERM pending dies only once continued;
	 * SIGCONT lets it act on the SIGTERM. */
	kill(c, SIGTERM);
	msleep(20);
	EXPECT_EQ("stopped_term_pending", waitpid(c, &st, WNOHANG), 0);
	kill(c, SIGCONT);
	EXPECT_EQ("cont_then_term", waitpid(c, &st, 0), c);
	EXPECT_EQ("cont_then_term_status", st, SIGTERM);
}

/*
 * prepare_signal's side effects, seen in a child that blocks both kinds:
 * SIGCONT discards pending stop signals, a stop signal discards a pending
 * SIGCONT.  The parent sends; the child reports its pending set through
 * a pipe.
 */
static void held(int sig)
{
}

static void discards(void)
{
	int req[2], rep[2];
	unsigned long p1 = 0, p2 = 0;
	char c;
	pid_t k;
	int st;

	pipe(req);
	pipe(rep);
	k = fork();
	if (!k) {
		unsigned long m = SIGBIT(SIGCONT) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN);
		unsigned long p;
		struct timespec zero = { 0, 0 };

		ls_handle(SIGCONT, held, 0, 0);
		ls_handle(SIGTSTP, held, 0, 0);
		ls_handle(SIGTTIN, held, 0, 0);
		ks_mask(SIG_BLOCK, &m, NULL);
		write(rep[1], "r", 1);
		read(req[0], &c, 1);		/* TSTP, TTIN, then CONT sent */
		p = ks_pending();
		write(rep[1], &p, sizeof(p));
		/* Drain: each sigtimedwait takes one. */
		while (lt_syscall4(SYS_rt_sigtimedwait, &m, NULL, &zero, 8) > 0)
			;
		write(rep[1], "r", 1);
		read(req[0], &c, 1);		/* CONT, then TSTP sent */
		p = ks_pending();
		write(rep[1], &p, sizeof(p));
		_exit(0);
	}
	read(rep[0], &c, 1);
	kill(k, SIGTSTP);
	kill(k, SIGTTIN);
	kill(k, SIGCONT);
	write(req[1], "g", 1);
	read(rep[0], &p1, sizeof(p1));
	read(rep[0], &c, 1);
	kill(k, SIGCONT);
	kill(k, SIGTSTP);
	write(req[1], "g", 1);
	read(rep[0], &p2, sizeof(p2));
	EXPECT_EQ("cont_discards_stops", p1, SIGBIT(SIGCONT));
	EXPECT_EQ("stop_discards_cont", p2, SIGBIT(SIGTSTP));
	EXPECT_EQ("discards_child", waitpid(k, &st, 0) == k && st == 0, 1);
	close(req[0]);
	close(req[1]);
	close(rep[0]);
	close(rep[1]);
}

/* A stopped process runs no handler until continued. */
static int hfd = -1;
static void say(int sig)
{
	write(hfd, "h", 1);
}

static void held_while_stopped(void)
{
	int fd[2], st;
	char c = 0;
	pid_t k;
	struct pollfd pf;

	pipe(fd);
	hfd = fd[1];
	k = fork();
	if (!k) {
		ls_handle(SIGUSR1, say, 0, 0);
		for (;;)
			pause();
	}
	msleep(30);
	kill(k, SIGSTOP);
	waitpid(k, &st, WUNTRACED);
	kill(k, SIGUSR1);
	pf.fd = fd[0];
	pf.events = POLLIN;
	EXPECT_EQ("stopped_no_handler", poll(&pf, 1, 100), 0);
	kill(k, SIGCONT);
	EXPECT_EQ("continued_handler_runs", poll(&pf, 1, 5000), 1);
	read(fd[0], &c, 1);
	EXPECT_EQ("continued_handler_byte", c, 'h');
	kill(k, SIGKILL);
	waitpid(k, &st, 0);
	close(fd[0]);
	close(fd[1]);
}

static void groups(void)
{
	pid_t a, b, c, d;
	int st;

	a = sleeper(0);
	b = sleeper(a);
	c = sleeper(a);
	d = sleeper(-1);
	EXPECT_EQ("pgid_a", getpgid(a), a);
	EXPECT_EQ("pgid_c", getpgid(c), a);
	EXPECT_RET("kill_pgrp", lt_syscall2(SYS_kill, -a, SIGUSR1), 0);
	EXPECT_EQ("pgrp_a", waitpid(a, &st, 0) == a && st == SIGUSR1, 1);
	EXPECT_EQ("pgrp_b", waitpid(b, &st, 0) == b && st == SIGUSR1, 1);
	EXPECT_EQ("pgrp_c", waitpid(c, &st, 0) == c && st == SIGUSR1, 1);
	EXPECT_EQ("pgrp_d_untouched", waitpid(d, &st, WNOHANG), 0);
	EXPECT_RET("kill_pgrp_gone", lt_syscall2(SYS_kill, -a, SIGUSR1), -ESRCH);
	EXPECT_RET("kill_pgrp_probe", lt_syscall2(SYS_kill, -getpgid(d), 0), 0);
	kill(d, SIGKILL);
	waitpid(d, NULL, 0);
}

/* In a new session: kill(0) and kill(-1) reach the caller's children, the
 * group, but not init; -1 not the caller itself.  Exit status: the
 * first failed step. */
static int session(void)
{
	pid_t g1, g2, other;
	int st;

	if (setsid() != getpid())
		return 1;
	g1 = sleeper(-1);
	g2 = sleeper(-1);
	signal(SIGUSR2, SIG_IGN);	/* kill(0) reaches this process too */
	if (lt_syscall2(SYS_kill, 0, SIGUSR2) != 0)
		return 2;
	/* The children (same group) died of it, as default action. */
	if (waitpid(g1, &st, 0) != g1 || st != SIGUSR2)
		return 3;
	if (waitpid(g2, &st, 0) != g2 || st != SIGUSR2)
		return 4;
	g1 = sleeper(-1);
	other = sleeper(0);		/* in another group */
	signal(SIGTERM, SIG_DFL);
	if (lt_syscall2(SYS_kill, -1, SIGTERM) != 0)
		return 5;
	/* Still alive (-1 skips the caller); both children gone. */
	if (waitpid(g1, &st, 0) != g1 || st != SIGTERM)
		return 6;
	if (waitpid(other, &st, 0) != other || st != SIGTERM)
		return 7;
	/* (With nobody left but init and the caller, Linux's kill(-1) still
	 * returns 0: its kernel threads count as signalled.  Not checked.) */
	/* A child in its own group, its parent (this one) in another group
	 * of the session: not orphaned, so SIGTSTP stops it. */
	g1 = sleeper(0);
	kill(g1, SIGTSTP);
	if (waitpid(g1, &st, WUNTRACED) != g1 || st != (SIGTSTP << 8 | 0x7f))
		return 9;
	kill(g1, SIGKILL);
	if (waitpid(g1, &st, 0) != g1 || st != SIGKILL)
		return 10;
	return 0;
}

/* ------------------------------------------------------------ threads */
static volatile pid_t handled_by;
static volatile int thread_hits;
static void note_tid(int sig)
{
	handled_by = gettid();
	thread_hits++;
}

static volatile pid_t worker_tid;
static volatile int stop_worker;
static void *worker(void *arg)
{
	worker_tid = gettid();
	while (!stop_worker)
		msleep(5);
	return NULL;
}

static void threads(void)
{
	pthread_t t;
	unsigned long m = SIGBIT(SIGUSR1);
	pid_t me = gettid();

	ls_handle(SIGUSR1, note_tid, 0, 0);
	ls_handle(SIGUSR2, note_tid, 0, 0);
	/* The worker starts with the creator's mask: SIGUSR1 unblocked. */
	worker_tid = 0;
	stop_worker = 0;
	pthread_create(&t, NULL, worker, NULL);
	while (!worker_tid)
		msleep(1);
	/* Blocked here, the process-directed signal goes to the worker. */
	ks_mask(SIG_BLOCK, &m, NULL);
	handled_by = 0;
	kill(getpid(), SIGUSR1);
	for (int i = 0; i < 200 && !handled_by; i++)
		msleep(5);
	EXPECT_EQ("process_signal_to_unblocked_thread", handled_by, worker_tid);
	EXPECT_EQ("not_pending_here", ks_pending(), 0);
	/* tgkill to the worker, then to this thread. */
	handled_by = 0;
	EXPECT_RET("tgkill_worker", lt_syscall3(SYS_tgkill, getpid(), worker_tid, SIGUSR2), 0);
	for (int i = 0; i < 200 && !handled_by; i++)
		msleep(5);
	EXPECT_EQ("tgkill_worker_handled_there", handled_by, worker_tid);
	handled_by = 0;
	EXPECT_RET("tgkill_self", lt_syscall3(SYS_tgkill, getpid(), me, SIGUSR2), 0);
	EXPECT_EQ("tgkill_self_handled_here", handled_by, me);
	/* A thread-directed signal to a thread that blocks it stays pending
	 * for that thread only, even though the worker does not block it. */
	handled_by = 0;
	lt_syscall3(SYS_tgkill, getpid(), me, SIGUSR1);
	msleep(50);
	EXPECT_EQ("tgkill_blocked_waits", handled_by, 0);
	EXPECT_EQ("tgkill_blocked_pending", ks_pending(), SIGBIT(SIGUSR1));
	ks_mask(SIG_UNBLOCK, &m, NULL);
	EXPECT_EQ("tgkill_blocked_delivered_here", handled_by, me);
	EXPECT_RET("tgkill_worker_wrong_tgid", lt_syscall3(SYS_tgkill, getpid() + 1000, worker_tid, SIGUSR2), -ESRCH);
	stop_worker = 1;
	pthread_join(t, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

/* A fatal signal ends every thread: the process's status is the signal. */
static void *forever(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

static void *faulter(void *arg)
{
	msleep(30);
	*(volatile int *)0 = 1;
	return NULL;
}

static int threads_killed(void)
{
	pthread_t t[3];

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, forever, NULL);
	for (;;)
		pause();
	return 1;
}

static int thread_faults(void)
{
	pthread_t t[3];

	pthread_create(&t[0], NULL, forever, NULL);
	pthread_create(&t[1], NULL, forever, NULL);
	pthread_create(&t[2], NULL, faulter, NULL);
	for (;;)
		pause();
	return 1;
}

static void thread_fatal(void)
{
	pid_t c = fork();
	int st;

	if (!c)
		_exit(threads_killed());
	msleep(100);
	kill(c, SIGTERM);
	EXPECT_EQ("fatal_wait", waitpid(c, &st, 0), c);
	EXPECT_EQ("fatal_all_threads", st, SIGTERM);
	st = lt_child(thread_faults);
	EXPECT_EQ("thread_fault_kills_process", st, SIGSEGV);
}

int main(void)
{
	ls_watchdog("signal_jobctl", 40);
	defaults();
	stop_continue();
	discards();
	held_while_stopped();
	groups();
	lt_expect_exit0("session_kill_0_and_minus1", session);
	threads();
	thread_fatal();
	return lt_done();
}
