// Regression: prlimit64 with pid = a thread id of the caller's own process.
// The handler looked the task up by id and took a reference, but dropped
// it only when the task found was not the caller: a thread naming its own
// tid got itself back, kept the reference, and so its task_struct and
// kernel stack outlived it, one leaked reference a call.  Now the
// reference is dropped because it was taken.  The test calls
// prlimit64(gettid()) in a thread many times, from the main thread on the
// other thread's tid, and checks the limits read are the process's and
// that /proc/lego/kmem's task and stack counts are back where they were.
// lego-test: libc=musl
// (Lego only: the counts come from /proc/lego/kmem; the limits part passes
// on Linux too.)
// lego-test: linux=no
#define _GNU_SOURCE
#define LT_SUITE "regress_prlimit_tid"
#include "lego_test.h"
#include "lego_kmem.h"
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALLS	2000

static volatile int thread_tid, thread_go;
static int bad_calls;

static long prlimit_raw(int pid, int res, struct rlimit *old)
{
	return lt_syscall4(SYS_prlimit64, pid, res, 0, (long)old);
}

static void *thread_fn(void *arg)
{
	struct rlimit want = *(struct rlimit *)arg, got;
	int i, tid = gettid();

	for (i = 0; i < CALLS; i++)
		if (prlimit_raw(tid, RLIMIT_NOFILE, &got) != 0 ||
		    got.rlim_cur != want.rlim_cur || got.rlim_max != want.rlim_max)
			bad_calls++;
	thread_tid = tid;
	while (!thread_go)
		sched_yield();
	return NULL;
}

/* The threads' work, in a child process whose whole memory goes at its
 * exit, so that the counts after it compare with those before. */
static int child(void)
{
	struct rlimit want, got;
	pthread_t th;
	int i, round, bad_other = 0;

	EXPECT_EQ("getrlimit", getrlimit(RLIMIT_NOFILE, &want), 0);
	for (round = 0; round < 3; round++) {
		thread_tid = 0;
		thread_go = 0;
		if (pthread_create(&th, NULL, thread_fn, &want)) {
			EXPECT_TRUE("pthread_create", 0);
			break;
		}
		while (!thread_tid)
			sched_yield();
		/* The main thread on the other thread's id. */
		for (i = 0; i < CALLS; i++)
			if (prlimit_raw(thread_tid, RLIMIT_NOFILE, &got) != 0 ||
			    got.rlim_cur != want.rlim_cur)
				bad_other++;
		thread_go = 1;
		pthread_join(th, NULL);
	}
	EXPECT_EQ("own_tid/limits_read", bad_calls, 0);
	EXPECT_EQ("other_tid/limits_read", bad_other, 0);
	EXPECT_EQ("gone_tid/esrch", prlimit_raw(thread_tid, RLIMIT_NOFILE, &got), -3);
	return lt_failures ? 1 : 0;
}

int main(void)
{
	struct kmem_snap start, now;
	int st = -1, round;
	pid_t pid;

	/* Our own pages touched before the first reading, then a first round
	 * warms up what the kernel keeps once grown (slabs,
	 * freed stacks, our own pages); the second is measured. */
	memset(&start, 0, sizeof(start));
	memset(&now, 0, sizeof(now));
	kmem_read(&now);
	for (round = 0; round < 2; round++) {
		if (round == 1)
			EXPECT_EQ("kmem_read", kmem_read(&start), 0);
		pid = fork();
		if (pid == 0)
			_exit(child());
		EXPECT_EQ(round ? "child/wait" : "warmup/wait", waitpid(pid, &st, 0), pid);
		EXPECT_EQ(round ? "child/status" : "warmup/status", st, 0);
	}
	/* Every thread's task and stack freed, and the child's memory. */
	if (!EXPECT_EQ("kmem/settled", kmem_settle(&start, &now), 0))
		kmem_print_diff(&start, &now);
	EXPECT_EQ("kmem/tasks", kmem_get(&now, "tasks"), kmem_get(&start, "tasks"));
	EXPECT_EQ("kmem/kstacks", kmem_get(&now, "kstacks"), kmem_get(&start, "kstacks"));
	EXPECT_EQ("kmem/pages", kmem_pages_back(&now), kmem_pages_back(&start));
	return lt_done();
}
