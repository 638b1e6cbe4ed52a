// The small process calls through raw syscalls: umask (masking,
// inheritance, what open/mkdir/mknod make of it), getrusage and times
// (CPU time of the process and of reaped children, ticks since boot),
// sysinfo, getpriority/setpriority (the kernel's 20 - nice, clamping,
// EACCES/EPERM for an ordinary user, ESRCH), prctl (names, the
// parent-death signal delivered when the parent exits, dumpable,
// no_new_privs, child subreapers, unknown options) and the sched_*
// calls (policies, priorities, sched_setattr's size rules), every error
// path among them.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "proc_misc"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/sysinfo.h>
#include <sched.h>
#include <time.h>
#include <pthread.h>

#define TOP	"/tmp/proc_misc"
#define BAD	((void *)1)
#ifndef sys5
#define sys5(n, a, b, c, d, e)	lt_syscall5(SYS_##n, a, b, c, d, e)
#endif

#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK	0x40000000
#endif
#ifndef SCHED_IDLE
#define SCHED_IDLE	5
#endif
#define SCHED_DEADLINE	6

struct sattr {
	unsigned int size, policy;
	unsigned long long flags;
	int nice;
	unsigned int priority;
	unsigned long long runtime, deadline, period;
	unsigned int util_min, util_max;
};

static int finish(void)
{
	return lt_failures ? 1 : 0;
}

/* fn in a child, which counts only its own failures. */
static void run(const char *name, int (*fn)(void))
{
	int st = -1;
	pid_t pid = fork();

	if (!pid) {
		lt_failures = 0;
		_exit(fn());
	}
	waitpid(pid, &st, 0);
	lt_check(name, WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %x", st);
}

static unsigned long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

/*
 * Runs on the CPU until the caller has used ms of CPU time more, as
 * getrusage counts it, or 30 s have passed.  Not a wall-clock spin: on a
 * loaded host the virtual CPU does not run all the time that passes, and
 * a kernel that counts CPU time by ticks (Lego) sees only the ticks it
 * ran for.  A kernel that counted nothing would spin the 30 s and fail
 * the checks after it.
 */
static void spin_ms(unsigned ms)
{
	unsigned long long cap = now_ns() + 30000000000ULL;
	volatile unsigned long x = 0;
	struct rusage ru;
	long start, used;

	getrusage(RUSAGE_SELF, &ru);
	start = ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000 +
		ru.ru_stime.tv_sec * 1000 + ru.ru_stime.tv_usec / 1000;
	do {
		for (int i = 0; i < 100000; i++)
			x++;
		getrusage(RUSAGE_SELF, &ru);
		used = ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000 +
		       ru.ru_stime.tv_sec * 1000 + ru.ru_stime.tv_usec / 1000 - start;
	} while (used < (long)ms && now_ns() < cap);
}

static void sleep_ms(unsigned ms)
{
	struct timespec t = { 0, ms * 1000000L };

	nanosleep(&t, NULL);
}

static long mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -errno : (long)(st.st_mode & 07777);
}

/* ------------------------------------------------------------ umask */

static int umask_child(void)
{
	EXPECT_RET("umask/inherited", sys1(umask, 0), 027);
	return finish();
}

static void test_umask(void)
{
	EXPECT_RET("umask/initial", sys1(umask, 07777), 022);
	EXPECT_RET("umask/masked", sys1(umask, 027), 0777);
	run("umask/fork", umask_child);
	EXPECT_TRUE("umask/open", sys3(open, "f", O_CREAT | O_WRONLY, 0666) >= 0);
	EXPECT_EQ("umask/open_mode", mode_of("f"), 0640);
	EXPECT_RET("umask/mkdir", sys2(mkdir, "d", 0777), 0);
	EXPECT_EQ("umask/mkdir_mode", mode_of("d"), 0750);
	EXPECT_RET("umask/mknod", sys3(mknod, "p", S_IFIFO | 0666, 0), 0);
	EXPECT_EQ("umask/mknod_mode", mode_of("p"), 0640);
	EXPECT_RET("umask/restore", sys1(umask, 022), 027);
}

/* ------------------------------------------------------------ usage */

static int spinner(void)
{
	spin_ms(150);
	return 0;
}

static long tv_ms(const struct timeval *t)
{
	return t->tv_sec * 1000 + t->tv_usec / 1000;
}

static void test_usage(void)
{
	struct rusage ru;
	struct tms t;
	long t0, t1, ms;

	EXPECT_RET("getrusage/self", sys2(getrusage, RUSAGE_SELF, &ru), 0);
	spin_ms(150);
	EXPECT_RET("getrusage/self2", sys2(getrusage, RUSAGE_SELF, &ru), 0);
	ms = tv_ms(&ru.ru_utime) + tv_ms(&ru.ru_stime);
	lt_check("getrusage/self_time", ms >= 100 && ms < 60000, "%ld ms", ms);
	EXPECT_RET("getrusage/thread", sys2(getrusage, RUSAGE_THREAD, &ru), 0);
	ms = tv_ms(&ru.ru_utime) + tv_ms(&ru.ru_stime);
	lt_check("getrusage/thread_time", ms >= 100 && ms < 60000, "%ld ms", ms);
	EXPECT_RET("getrusage/children_none", sys2(getrusage, RUSAGE_CHILDREN, &ru), 0);
	ms = tv_ms(&ru.ru_utime) + tv_ms(&ru.ru_stime);
	lt_check("getrusage/children_before", ms < 100, "%ld ms", ms);
	run("getrusage/spinner", spinner);
	EXPECT_RET("getrusage/children", sys2(getrusage, RUSAGE_CHILDREN, &ru), 0);
	ms = tv_ms(&ru.ru_utime) + tv_ms(&ru.ru_stime);
	lt_check("getrusage/children_time", ms >= 100, "%ld ms", ms);
	EXPECT_RET("getrusage/both", sys2(getrusage, -2, &ru), -EINVAL);
	EXPECT_RET("getrusage/who_2", sys2(getrusage, 2, &ru), -EINVAL);
	EXPECT_RET("getrusage/efault", sys2(getrusage, RUSAGE_SELF, BAD), -EFAULT);
	EXPECT_RET("getrusage/einval_before_efault", sys2(getrusage, 5, BAD), -EINVAL);

	/* times: ticks of 1/100 s since an arbitrary point, and CPU times. */
	t0 = sys1(times, NULL);
	EXPECT_TRUE("times/null_ok", (unsigned long)t0 < -4096UL);
	sleep_ms(200);
	t1 = sys1(times, &t);
	lt_check("times/ticks", t1 - t0 >= 19 && t1 - t0 <= 60, "%ld ticks in 200 ms", t1 - t0);
	lt_check("times/self", t.tms_utime + t.tms_stime >= 10, "%ld ticks",
		 (long)(t.tms_utime + t.tms_stime));
	lt_check("times/children", t.tms_cutime + t.tms_cstime >= 10, "%ld ticks",
		 (long)(t.tms_cutime + t.tms_cstime));
	EXPECT_RET("times/efault", sys1(times, BAD), -EFAULT);
}

static void test_sysinfo(void)
{
	struct sysinfo si;
	struct timespec a, b;
	long lo, hi;

	memset(&si, 0xff, sizeof(si));
	clock_gettime(CLOCK_BOOTTIME, &a);
	EXPECT_RET("sysinfo", sys1(sysinfo, &si), 0);
	clock_gettime(CLOCK_BOOTTIME, &b);
	/* Whole seconds, rounded up. */
	lo = a.tv_sec + (a.tv_nsec ? 1 : 0);
	hi = b.tv_sec + (b.tv_nsec ? 1 : 0);
	lt_check("sysinfo/uptime", si.uptime >= lo && si.uptime <= hi, "%ld not in [%ld, %ld]",
		 si.uptime, lo, hi);
	EXPECT_EQ("sysinfo/mem_unit", si.mem_unit, 1);
	lt_check("sysinfo/ram", si.totalram >= (16UL << 20) && si.freeram > 0 &&
		 si.freeram < si.totalram, "total %lu free %lu", si.totalram, si.freeram);
	EXPECT_TRUE("sysinfo/procs", si.procs >= 1);
	EXPECT_TRUE("sysinfo/no_swap", si.totalswap == 0 && si.freeswap == 0);
	EXPECT_TRUE("sysinfo/no_high", si.totalhigh == 0 && si.freehigh == 0);
	EXPECT_RET("sysinfo/efault", sys1(sysinfo, BAD), -EFAULT);
	EXPECT_RET("sysinfo/null", sys1(sysinfo, NULL), -EFAULT);
}

/* ------------------------------------------------------------ priority */

static int prio_user(void)
{
	if (sys3(setresuid, 1000, 1000, 1000))
		return 99;
	EXPECT_RET("prio/user_raise_nice", sys3(setpriority, PRIO_PROCESS, 0, 10), 0);
	EXPECT_RET("prio/user_get", sys2(getpriority, PRIO_PROCESS, 0), 10);
	/* RLIMIT_NICE 0: no lowering without privilege. */
	EXPECT_RET("prio/user_lower", sys3(setpriority, PRIO_PROCESS, 0, 5), -EACCES);
	EXPECT_RET("prio/user_same", sys3(setpriority, PRIO_PROCESS, 0, 10), 0);
	EXPECT_RET("prio/user_other", sys3(setpriority, PRIO_PROCESS, 1, 10), -EPERM);
	EXPECT_RET("prio/user_read_other", sys2(getpriority, PRIO_PROCESS, 1), 20);
	EXPECT_RET("prio/user_by_uid", sys2(getpriority, PRIO_USER, 0), 10);
	EXPECT_RET("prio/user_set_by_uid", sys3(setpriority, PRIO_USER, 1000, 12), 0);
	EXPECT_RET("prio/user_get_by_uid", sys2(getpriority, PRIO_USER, 1000), 8);
	return finish();
}

static int prio_pgrp(void)
{
	pid_t me = getpid();

	if (setpgid(0, 0))
		return 99;
	EXPECT_RET("prio/pgrp_set", sys3(setpriority, PRIO_PGRP, 0, 7), 0);
	EXPECT_RET("prio/pgrp_get", sys2(getpriority, PRIO_PGRP, me), 13);
	EXPECT_RET("prio/pgrp_process", sys2(getpriority, PRIO_PROCESS, 0), 13);
	return finish();
}

static int prio_inherit(void)
{
	EXPECT_RET("prio/inherited", sys2(getpriority, PRIO_PROCESS, 0), 17);
	return finish();
}

static void test_priority(void)
{
	EXPECT_RET("prio/get", sys2(getpriority, PRIO_PROCESS, 0), 20);
	EXPECT_RET("prio/set", sys3(setpriority, PRIO_PROCESS, 0, 5), 0);
	EXPECT_RET("prio/get5", sys2(getpriority, PRIO_PROCESS, 0), 15);
	EXPECT_RET("prio/clamp_high", sys3(setpriority, PRIO_PROCESS, 0, 100), 0);
	EXPECT_RET("prio/get19", sys2(getpriority, PRIO_PROCESS, getpid()), 1);
	EXPECT_RET("prio/clamp_low", sys3(setpriority, PRIO_PROCESS, 0, -100), 0);
	EXPECT_RET("prio/get_minus20", sys2(getpriority, PRIO_PROCESS, 0), 40);
	EXPECT_RET("prio/set3", sys3(setpriority, PRIO_PROCESS, 0, 3), 0);
	run("prio/inherit", prio_inherit);
	EXPECT_RET("prio/reset", sys3(setpriority, PRIO_PROCESS, 0, 0), 0);
	EXPECT_RET("prio/which_3", sys2(getpriority, 3, 0), -EINVAL);
	EXPECT_RET("prio/which_minus1", sys3(setpriority, -1, 0, 0), -EINVAL);
	EXPECT_RET("prio/no_pid", sys2(getpriority, PRIO_PROCESS, 99999), -ESRCH);
	EXPECT_RET("prio/no_pid_set", sys3(setpriority, PRIO_PROCESS, 99999, 0), -ESRCH);
	EXPECT_RET("prio/no_pgrp", sys2(getpriority, PRIO_PGRP, 99999), -ESRCH);
	EXPECT_RET("prio/no_user", sys2(getpriority, PRIO_USER, 4242), -ESRCH);
	EXPECT_RET("prio/no_user_set", sys3(setpriority, PRIO_USER, 4242, 0), -ESRCH);
	run("prio/user", prio_user);
	run("prio/pgrp", prio_pgrp);
}

/* ------------------------------------------------------------ prctl */

static int pdeath_fresh(void)
{
	int sig = -1;

	prctl(PR_GET_PDEATHSIG, &sig);
	EXPECT_EQ("pdeathsig/not_inherited", sig, 0);
	return finish();
}

/* The middle process of the parent-death check: its child asks for
 * SIGUSR2 when it dies, says so, and waits to be killed. */
static int pdeath_middle(void)
{
	int p[2];
	pid_t g;
	char c;

	if (pipe(p))
		return 1;
	g = fork();
	if (!g) {
		pid_t parent = getppid();

		prctl(PR_SET_PDEATHSIG, SIGUSR2);
		if (getppid() != parent)
			_exit(3);
		alarm(10);
		write(p[1], "x", 1);
		for (;;)
			pause();
	}
	read(p[0], &c, 1);
	return 0;		/* the orphan comes to init */
}

/*
 * The signal follows the parent thread, not the process: a thread forks
 * a child that asks for SIGUSR2 and then the thread exits; the child is
 * signalled and its new parent is the process's other thread.
 */
static int pd_pipe[2];
static pid_t pd_child;

static void *pd_thread(void *arg)
{
	char c;

	pd_child = fork();
	if (!pd_child) {
		prctl(PR_SET_PDEATHSIG, SIGUSR2);
		alarm(10);
		write(pd_pipe[1], "x", 1);
		for (;;)
			pause();
	}
	read(pd_pipe[0], &c, 1);
	return NULL;
}

static int pdeath_thread(void)
{
	pthread_t t;
	int st = -1;

	if (pipe(pd_pipe) || pthread_create(&t, NULL, pd_thread, NULL))
		return 99;
	pthread_join(t, NULL);
	lt_check("pdeathsig/thread_exit", waitpid(pd_child, &st, 0) == pd_child &&
		 WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2, "status %x", st);
	return finish();
}

static void test_pdeath(void)
{
	int sig = -1, st = -1;
	pid_t m, g;

	EXPECT_RET("pdeathsig/65", prctl(PR_SET_PDEATHSIG, 65), -1);
	EXPECT_EQ("pdeathsig/65_errno", errno, EINVAL);
	EXPECT_RET("pdeathsig/huge", sys2(prctl, PR_SET_PDEATHSIG, -1L), -EINVAL);
	EXPECT_RET("pdeathsig/set", sys2(prctl, PR_SET_PDEATHSIG, SIGUSR1), 0);
	EXPECT_RET("pdeathsig/get", sys2(prctl, PR_GET_PDEATHSIG, &sig), 0);
	EXPECT_EQ("pdeathsig/value", sig, SIGUSR1);
	EXPECT_RET("pdeathsig/get_efault", sys2(prctl, PR_GET_PDEATHSIG, BAD), -EFAULT);
	run("pdeathsig/fork", pdeath_fresh);
	EXPECT_RET("pdeathsig/clear", sys2(prctl, PR_SET_PDEATHSIG, 0), 0);
	/* Delivery: the middle process exits, its child gets SIGUSR2 and
	 * comes to init (us) to be waited for. */
	m = fork();
	if (!m)
		_exit(pdeath_middle());
	waitpid(m, NULL, 0);
	g = waitpid(-1, &st, 0);
	lt_check("pdeathsig/delivered", g > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2,
		 "pid %d status %x", g, st);
	run("pdeathsig/thread", pdeath_thread);
}

static int nnp_child(void)
{
	EXPECT_RET("nnp/get", sys5(prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 0);
	EXPECT_RET("nnp/set_0", sys5(prctl, PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), -EINVAL);
	EXPECT_RET("nnp/set_extra", sys5(prctl, PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0), -EINVAL);
	EXPECT_RET("nnp/set", sys5(prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
	EXPECT_RET("nnp/get_set", sys5(prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 1);
	EXPECT_RET("nnp/get_extra", sys5(prctl, PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0), -EINVAL);
	EXPECT_RET("nnp/set_again", sys5(prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
	if (!fork())
		_exit(sys5(prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? 0 : 1);
	{
		int st;

		wait(&st);
		EXPECT_TRUE("nnp/inherited", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	return finish();
}

/* A subreaper gets its orphaned grandchild. */
static int subreaper_child(void)
{
	int v = -1, p[2], st;
	pid_t me = getpid(), mid, gp = 0;

	EXPECT_RET("subreaper/get", sys2(prctl, PR_GET_CHILD_SUBREAPER, &v), 0);
	EXPECT_EQ("subreaper/initially", v, 0);
	EXPECT_RET("subreaper/set", sys2(prctl, PR_SET_CHILD_SUBREAPER, 1), 0);
	sys2(prctl, PR_GET_CHILD_SUBREAPER, &v);
	EXPECT_EQ("subreaper/value", v, 1);
	EXPECT_RET("subreaper/get_efault", sys2(prctl, PR_GET_CHILD_SUBREAPER, BAD), -EFAULT);
	if (pipe(p))
		return 1;
	mid = fork();
	if (!mid) {
		pid_t g = fork();

		if (!g) {
			pid_t old = getppid();
			int i;

			for (i = 0; i < 1000 && getppid() == old; i++)
				sleep_ms(5);
			gp = getppid();
			write(p[1], &gp, sizeof(gp));
			_exit(0);
		}
		_exit(0);
	}
	waitpid(mid, &st, 0);
	read(p[0], &gp, sizeof(gp));
	EXPECT_EQ("subreaper/new_parent", gp, me);
	EXPECT_TRUE("subreaper/reaped", waitpid(-1, &st, 0) > 0 && WIFEXITED(st));
	return finish();
}

static void test_prctl(void)
{
	char name[32];

	memset(name, 'z', sizeof(name));
	EXPECT_RET("name/set_long", sys2(prctl, PR_SET_NAME, "proc_misc_name_too_long"), 0);
	EXPECT_RET("name/get", sys2(prctl, PR_GET_NAME, name), 0);
	EXPECT_TRUE("name/cut_15", !memcmp(name, "proc_misc_name_", 16) && name[16] == 'z');
	EXPECT_RET("name/set", sys2(prctl, PR_SET_NAME, "pm"), 0);
	memset(name, 'z', sizeof(name));
	sys2(prctl, PR_GET_NAME, name);
	EXPECT_TRUE("name/padded", !memcmp(name, "pm\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16) &&
		    name[16] == 'z');
	EXPECT_RET("name/set_efault", sys2(prctl, PR_SET_NAME, BAD), -EFAULT);
	EXPECT_RET("name/get_efault", sys2(prctl, PR_GET_NAME, BAD), -EFAULT);
	sys2(prctl, PR_GET_NAME, name);
	EXPECT_TRUE("name/unchanged", !strcmp(name, "pm"));
	EXPECT_TRUE("name/proc_comm", get_file("/proc/self/comm", name, sizeof(name)) == 3 &&
		    !strcmp(name, "pm\n"));
	EXPECT_TRUE("name/proc_status", get_file("/proc/self/status", name, 9) == 8 &&
		    !strcmp(name, "Name:\tpm"));

	EXPECT_RET("dumpable/get", sys1(prctl, PR_GET_DUMPABLE), 1);
	EXPECT_RET("dumpable/2", sys2(prctl, PR_SET_DUMPABLE, 2), -EINVAL);
	EXPECT_RET("dumpable/set0", sys2(prctl, PR_SET_DUMPABLE, 0), 0);
	EXPECT_RET("dumpable/get0", sys1(prctl, PR_GET_DUMPABLE), 0);
	EXPECT_RET("dumpable/set1", sys2(prctl, PR_SET_DUMPABLE, 1), 0);
	EXPECT_RET("dumpable/get1", sys1(prctl, PR_GET_DUMPABLE), 1);

	test_pdeath();
	run("nnp", nnp_child);
	run("subreaper", subreaper_child);
	EXPECT_RET("prctl/unknown", sys2(prctl, 9999, 0), -EINVAL);
	EXPECT_RET("prctl/negative", sys2(prctl, -1, 0), -EINVAL);
}

/* ------------------------------------------------------------ sched */

static int sched_root_rt(void)
{
	struct sched_param p = { 10 };
	struct timespec ts = { 7, 7 };

	EXPECT_RET("sched/fifo", sys3(sched_setscheduler, 0, SCHED_FIFO, &p), 0);
	EXPECT_RET("sched/fifo_get", sys1(sched_getscheduler, 0), SCHED_FIFO);
	p.sched_priority = 0;
	EXPECT_RET("sched/fifo_getparam", sys2(sched_getparam, 0, &p), 0);
	EXPECT_EQ("sched/fifo_prio", p.sched_priority, 10);
	EXPECT_RET("sched/fifo_rr_interval", sys2(sched_rr_get_interval, 0, &ts), 0);
	EXPECT_TRUE("sched/fifo_no_slice", ts.tv_sec == 0 && ts.tv_nsec == 0);
	p.sched_priority = 0;
	EXPECT_RET("sched/fifo_setparam_0", sys2(sched_setparam, 0, &p), -EINVAL);
	p.sched_priority = 20;
	EXPECT_RET("sched/fifo_setparam", sys2(sched_setparam, 0, &p), 0);
	EXPECT_RET("sched/rr", sys3(sched_setscheduler, 0, SCHED_RR, &p), 0);
	EXPECT_RET("sched/rr_get", sys1(sched_getscheduler, 0), SCHED_RR);
	EXPECT_RET("sched/rr_interval", sys2(sched_rr_get_interval, 0, &ts), 0);
	EXPECT_TRUE("sched/rr_slice", ts.tv_sec == 0 && ts.tv_nsec > 0);
	p.sched_priority = 0;
	EXPECT_RET("sched/back_to_other", sys3(sched_setscheduler, 0, SCHED_OTHER, &p), 0);
	EXPECT_RET("sched/other_again", sys1(sched_getscheduler, 0), SCHED_OTHER);
	return finish();
}

/* SCHED_RESET_ON_FORK: a child of a fair policy keeps it, with no
 * negative nice; a real-time one starts as SCHED_OTHER at nice 0. */
static int sched_reset_child_fair(void)
{
	EXPECT_RET("sched/reset_child_fair", sys1(sched_getscheduler, 0), SCHED_BATCH);
	EXPECT_RET("sched/reset_child_fair_nice", sys2(getpriority, PRIO_PROCESS, 0), 20);
	return finish();
}

static int sched_reset_child_rt(void)
{
	struct sched_param p = { 5 };

	EXPECT_RET("sched/reset_child_rt", sys1(sched_getscheduler, 0), SCHED_OTHER);
	EXPECT_RET("sched/reset_child_rt_param", sys2(sched_getparam, 0, &p), 0);
	EXPECT_EQ("sched/reset_child_rt_prio", p.sched_priority, 0);
	EXPECT_RET("sched/reset_child_rt_nice", sys2(getpriority, PRIO_PROCESS, 0), 20);
	return finish();
}

static int sched_reset(void)
{
	struct sched_param p = { 0 };

	EXPECT_RET("prio/negative", sys3(setpriority, PRIO_PROCESS, 0, -5), 0);
	EXPECT_RET("sched/reset_on_fork",
		   sys3(sched_setscheduler, 0, SCHED_BATCH | SCHED_RESET_ON_FORK, &p), 0);
	EXPECT_RET("sched/reset_get", sys1(sched_getscheduler, 0), SCHED_BATCH | SCHED_RESET_ON_FORK);
	EXPECT_RET("sched/reset_nice_kept", sys2(getpriority, PRIO_PROCESS, 0), 25);
	run("sched/reset_fork_fair", sched_reset_child_fair);
	p.sched_priority = 5;
	EXPECT_RET("sched/reset_on_fork_rt",
		   sys3(sched_setscheduler, 0, SCHED_FIFO | SCHED_RESET_ON_FORK, &p), 0);
	run("sched/reset_fork_rt", sched_reset_child_rt);
	return finish();
}

static int sched_user(void)
{
	struct sched_param p = { 1 };

	if (sys3(setresuid, 1000, 1000, 1000))
		return 99;
	EXPECT_RET("sched/user_fifo", sys3(sched_setscheduler, 0, SCHED_FIFO, &p), -EPERM);
	p.sched_priority = 0;
	EXPECT_RET("sched/user_other_pid", sys3(sched_setscheduler, 1, SCHED_OTHER, &p), -EPERM);
	EXPECT_RET("sched/user_read_other", sys1(sched_getscheduler, 1), SCHED_OTHER);
	{
		unsigned long mask = 1;

		EXPECT_RET("sched/user_affinity_other",
			   sys3(sched_setaffinity, 1, sizeof(mask), &mask), -EPERM);
		EXPECT_RET("sched/user_affinity_self",
			   sys3(sched_setaffinity, getpid(), sizeof(mask), &mask), 0);
	}
	EXPECT_RET("sched/user_batch", sys3(sched_setscheduler, 0, SCHED_BATCH, &p), 0);
	EXPECT_RET("sched/user_idle", sys3(sched_setscheduler, 0, SCHED_IDLE, &p), 0);
	/* Leaving SCHED_IDLE counts as lowering nice to the task's own. */
	EXPECT_RET("sched/user_leave_idle", sys3(sched_setscheduler, 0, SCHED_OTHER, &p), -EPERM);
	EXPECT_RET("sched/user_still_idle", sys1(sched_getscheduler, 0), SCHED_IDLE);
	return finish();
}

static void test_sched_attr(void)
{
	struct sattr a;
	char big[80];

	memset(&a, 0, sizeof(a));
	a.size = 48;
	a.nice = 5;
	EXPECT_RET("setattr/nice", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/nice_seen", sys2(getpriority, PRIO_PROCESS, 0), 15);
	memset(&a, 0x55, sizeof(a));
	EXPECT_RET("getattr", sys4(sched_getattr, 0, &a, sizeof(a), 0), 0);
	lt_check("getattr/fields", a.size == 56 && a.policy == 0 && a.flags == 0 && a.nice == 5 &&
		 a.priority == 0 && a.runtime == 0 && a.deadline == 0 && a.period == 0,
		 "size %u policy %u flags %llx nice %d prio %u", a.size, a.policy, a.flags,
		 a.nice, a.priority);
	memset(&a, 0x55, sizeof(a));
	EXPECT_RET("getattr/48", sys4(sched_getattr, 0, &a, 48, 0), 0);
	EXPECT_TRUE("getattr/48_size", a.size == 48 && a.util_min == 0x55555555u);
	memset(big, 0x55, sizeof(big));
	EXPECT_RET("getattr/80", sys4(sched_getattr, 0, big, 80, 0), 0);
	EXPECT_TRUE("getattr/80_size", *(unsigned *)big == 56 && big[56] == 0x55);
	EXPECT_RET("getattr/47", sys4(sched_getattr, 0, &a, 47, 0), -EINVAL);
	EXPECT_RET("getattr/page_plus", sys4(sched_getattr, 0, &a, 4097, 0), -EINVAL);
	EXPECT_RET("getattr/flags", sys4(sched_getattr, 0, &a, 56, 1), -EINVAL);
	EXPECT_RET("getattr/null", sys4(sched_getattr, 0, NULL, 56, 0), -EINVAL);
	EXPECT_RET("getattr/neg_pid", sys4(sched_getattr, -1, &a, 56, 0), -EINVAL);
	EXPECT_RET("getattr/no_pid", sys4(sched_getattr, 99999, &a, 56, 0), -ESRCH);
	EXPECT_RET("getattr/efault", sys4(sched_getattr, 0, BAD, 56, 0), -EFAULT);

	memset(&a, 0, sizeof(a));
	EXPECT_RET("setattr/size_0", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/size_0_nice", sys2(getpriority, PRIO_PROCESS, 0), 20);
	a.size = 47;
	EXPECT_RET("setattr/size_47", sys3(sched_setattr, 0, &a, 0), -E2BIG);
	EXPECT_EQ("setattr/size_written", a.size, 56);
	a.size = 4097;
	EXPECT_RET("setattr/size_page_plus", sys3(sched_setattr, 0, &a, 0), -E2BIG);
	memset(big, 0, sizeof(big));
	*(unsigned *)big = 80;
	EXPECT_RET("setattr/size_80_zero_tail", sys3(sched_setattr, 0, big, 0), 0);
	big[70] = 1;
	EXPECT_RET("setattr/size_80_tail", sys3(sched_setattr, 0, big, 0), -E2BIG);
	EXPECT_EQ("setattr/size_80_written", *(unsigned *)big, 56);
	memset(&a, 0, sizeof(a));
	a.size = 56;
	EXPECT_RET("setattr/flags_arg", sys3(sched_setattr, 0, &a, 1), -EINVAL);
	EXPECT_RET("setattr/null", sys3(sched_setattr, 0, NULL, 0), -EINVAL);
	EXPECT_RET("setattr/neg_pid", sys3(sched_setattr, -1, &a, 0), -EINVAL);
	EXPECT_RET("setattr/no_pid", sys3(sched_setattr, 99999, &a, 0), -ESRCH);
	EXPECT_RET("setattr/efault", sys3(sched_setattr, 0, BAD, 0), -EFAULT);
	a.flags = 0x80;
	EXPECT_RET("setattr/bad_flag", sys3(sched_setattr, 0, &a, 0), -EINVAL);
	a.flags = 0;
	a.policy = -1;
	EXPECT_RET("setattr/neg_policy", sys3(sched_setattr, 0, &a, 0), -EINVAL);
	a.policy = 4;
	EXPECT_RET("setattr/policy_4", sys3(sched_setattr, 0, &a, 0), -EINVAL);
	a.policy = SCHED_DEADLINE;
	EXPECT_RET("setattr/deadline_0", sys3(sched_setattr, 0, &a, 0), -EINVAL);
	a.policy = SCHED_OTHER;
	a.priority = 1;
	EXPECT_RET("setattr/other_prio", sys3(sched_setattr, 0, &a, 0), -EINVAL);
	a.priority = 0;
	a.nice = 100;
	EXPECT_RET("setattr/nice_clamped", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/nice_19", sys2(getpriority, PRIO_PROCESS, 0), 1);
	a.nice = 0;
	EXPECT_RET("setattr/nice_0", sys3(sched_setattr, 0, &a, 0), 0);
	/* KEEP_PARAMS: nothing but the reset flag changes, not even the
	 * policy (Linux skips the whole parameter update). */
	sys3(setpriority, PRIO_PROCESS, 0, 4);
	a.flags = 0x10 | 0x01;
	a.policy = SCHED_BATCH;
	a.nice = 9;
	EXPECT_RET("setattr/keep_params", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/keep_params_policy", sys1(sched_getscheduler, 0),
		   SCHED_OTHER | SCHED_RESET_ON_FORK);
	EXPECT_RET("setattr/keep_params_nice", sys2(getpriority, PRIO_PROCESS, 0), 16);
	/* KEEP_POLICY: only the parameters change. */
	a.flags = 0x08;
	a.policy = SCHED_IDLE;
	EXPECT_RET("setattr/keep_policy", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/keep_policy_policy", sys1(sched_getscheduler, 0),
		   SCHED_OTHER | SCHED_RESET_ON_FORK);
	EXPECT_RET("setattr/keep_policy_nice", sys2(getpriority, PRIO_PROCESS, 0), 11);
	a.flags = 0;
	a.nice = 0;
	a.policy = SCHED_OTHER;
	EXPECT_RET("setattr/restore", sys3(sched_setattr, 0, &a, 0), 0);
	EXPECT_RET("setattr/restored", sys1(sched_getscheduler, 0), SCHED_OTHER);
}

static void test_sched(void)
{
	struct sched_param p = { 0 };
	struct timespec ts;

	EXPECT_RET("sched/get", sys1(sched_getscheduler, 0), SCHED_OTHER);
	EXPECT_RET("sched/get_init", sys1(sched_getscheduler, 1), SCHED_OTHER);
	EXPECT_RET("sched/get_neg", sys1(sched_getscheduler, -1), -EINVAL);
	EXPECT_RET("sched/get_no_pid", sys1(sched_getscheduler, 99999), -ESRCH);
	EXPECT_RET("sched/max_fifo", sys1(sched_get_priority_max, SCHED_FIFO), 99);
	EXPECT_RET("sched/max_rr", sys1(sched_get_priority_max, SCHED_RR), 99);
	EXPECT_RET("sched/max_other", sys1(sched_get_priority_max, SCHED_OTHER), 0);
	EXPECT_RET("sched/max_batch", sys1(sched_get_priority_max, SCHED_BATCH), 0);
	EXPECT_RET("sched/max_idle", sys1(sched_get_priority_max, SCHED_IDLE), 0);
	EXPECT_RET("sched/max_deadline", sys1(sched_get_priority_max, SCHED_DEADLINE), 0);
	EXPECT_RET("sched/max_4", sys1(sched_get_priority_max, 4), -EINVAL);
	EXPECT_RET("sched/max_neg", sys1(sched_get_priority_max, -1), -EINVAL);
	EXPECT_RET("sched/min_fifo", sys1(sched_get_priority_min, SCHED_FIFO), 1);
	EXPECT_RET("sched/min_rr", sys1(sched_get_priority_min, SCHED_RR), 1);
	EXPECT_RET("sched/min_other", sys1(sched_get_priority_min, SCHED_OTHER), 0);
	EXPECT_RET("sched/min_7", sys1(sched_get_priority_min, 7), -EINVAL);
	p.sched_priority = 5;
	EXPECT_RET("sched/getparam", sys2(sched_getparam, 0, &p), 0);
	EXPECT_EQ("sched/getparam_0", p.sched_priority, 0);
	EXPECT_RET("sched/getparam_null", sys2(sched_getparam, 0, NULL), -EINVAL);
	EXPECT_RET("sched/getparam_neg", sys2(sched_getparam, -1, &p), -EINVAL);
	EXPECT_RET("sched/getparam_no_pid", sys2(sched_getparam, 99999, &p), -ESRCH);
	EXPECT_RET("sched/getparam_efault", sys2(sched_getparam, 0, BAD), -EFAULT);
	p.sched_priority = 0;
	EXPECT_RET("sched/set_other", sys3(sched_setscheduler, 0, SCHED_OTHER, &p), 0);
	EXPECT_RET("sched/set_batch", sys3(sched_setscheduler, 0, SCHED_BATCH, &p), 0);
	EXPECT_RET("sched/get_batch", sys1(sched_getscheduler, 0), SCHED_BATCH);
	EXPECT_RET("sched/set_idle", sys3(sched_setscheduler, 0, SCHED_IDLE, &p), 0);
	EXPECT_RET("sched/get_idle", sys1(sched_getscheduler, 0), SCHED_IDLE);
	EXPECT_RET("sched/set_other2", sys3(sched_setscheduler, 0, SCHED_OTHER, &p), 0);
	p.sched_priority = 5;
	EXPECT_RET("sched/other_prio_5", sys3(sched_setscheduler, 0, SCHED_OTHER, &p), -EINVAL);
	EXPECT_RET("sched/setparam_5", sys2(sched_setparam, 0, &p), -EINVAL);
	p.sched_priority = 0;
	EXPECT_RET("sched/fifo_prio_0", sys3(sched_setscheduler, 0, SCHED_FIFO, &p), -EINVAL);
	p.sched_priority = 100;
	EXPECT_RET("sched/fifo_prio_100", sys3(sched_setscheduler, 0, SCHED_FIFO, &p), -EINVAL);
	p.sched_priority = -1;
	EXPECT_RET("sched/fifo_prio_neg", sys3(sched_setscheduler, 0, SCHED_FIFO, &p), -EINVAL);
	p.sched_priority = 0;
	EXPECT_RET("sched/policy_4", sys3(sched_setscheduler, 0, 4, &p), -EINVAL);
	EXPECT_RET("sched/deadline_legacy", sys3(sched_setscheduler, 0, SCHED_DEADLINE, &p), -EINVAL);
	EXPECT_RET("sched/policy_neg", sys3(sched_setscheduler, 0, -1, &p), -EINVAL);
	EXPECT_RET("sched/null_param", sys3(sched_setscheduler, 0, SCHED_OTHER, NULL), -EINVAL);
	EXPECT_RET("sched/neg_pid", sys3(sched_setscheduler, -1, SCHED_OTHER, &p), -EINVAL);
	EXPECT_RET("sched/efault", sys3(sched_setscheduler, 0, SCHED_OTHER, BAD), -EFAULT);
	EXPECT_RET("sched/no_pid", sys3(sched_setscheduler, 99999, SCHED_OTHER, &p), -ESRCH);
	EXPECT_RET("sched/setparam_no_pid", sys2(sched_setparam, 99999, &p), -ESRCH);
	EXPECT_RET("sched/setparam_ok", sys2(sched_setparam, 0, &p), 0);
	EXPECT_RET("sched/rr_interval", sys2(sched_rr_get_interval, 0, &ts), 0);
	EXPECT_TRUE("sched/rr_interval_other", ts.tv_sec == 0 && ts.tv_nsec >= 0 &&
		    ts.tv_nsec < 1000000000);
	EXPECT_RET("sched/rr_interval_neg", sys2(sched_rr_get_interval, -1, &ts), -EINVAL);
	EXPECT_RET("sched/rr_interval_no_pid", sys2(sched_rr_get_interval, 99999, &ts), -ESRCH);
	EXPECT_RET("sched/rr_interval_efault", sys2(sched_rr_get_interval, 0, BAD), -EFAULT);
	run("sched/root_rt", sched_root_rt);
	run("sched/reset", sched_reset);
	run("sched/user", sched_user);
	test_sched_attr();
}

int main(void)
{
	vfs_setup(TOP);
	test_umask();
	test_usage();
	test_sysinfo();
	test_priority();
	test_prctl();
	test_sched();
	return lt_done();
}
