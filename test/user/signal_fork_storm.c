// fork in a thread that signals reach all the time (another thread's
// tgkill without pause, a 1 ms ITIMER_PROF) finishes, and its children
// run: a signal for the parent alone waits until fork returns (Linux
// restarts a fork only for a signal sent to its process group, or to
// all, while it ran, which the child must get too).  Lego once restarted
// for any pending signal, and a fork slower than the fuzzer's 10 ms ticks
// never finished; this test did not catch that on its own (its forks are
// quicker), the fuzz test's seed 31 on 4 CPUs does
// (Documentation/dev-tools/fuzzing.rst).
// lego-test: libc=musl
// lego-test: smp=2
// lego-test: timeout=120
#define _GNU_SOURCE
#define LT_SUITE "signal_fork_storm"
#include "lego_test.h"
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int stop;
static volatile long handled;
static pid_t main_tid;

static void on_usr1(int sig)
{
	handled++;
}

/* Sends SIGUSR1 to the forking thread without pause. */
static void *spammer(void *arg)
{
	while (!stop)
		syscall(SYS_tgkill, getpid(), main_tid, SIGUSR1);
	return NULL;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	size_t len = 128 << 20;	/* 32768 pages: a fork that takes a while */
	char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int forked = 0, good = 0;
	pthread_t t;

	alarm(90);		/* a hang becomes a failure, not a stuck run */
	EXPECT_TRUE("mmap", mem != MAP_FAILED);
	memset(mem, 1, len);
	/* Many mappings too: each is copied on its own. */
	for (int i = 0; i < 3000; i++)
		mmap(NULL, 4096, i & 1 ? PROT_READ : PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	sigaction(SIGUSR1, &sa, NULL);
	main_tid = syscall(SYS_gettid);
	EXPECT_EQ("thread", pthread_create(&t, NULL, spammer, NULL), 0);
	/* And a periodic timer, as the fuzzer's ticks. */
	sigaction(SIGPROF, &sa, NULL);
	setitimer(ITIMER_PROF, &(struct itimerval){ { 0, 1000 }, { 0, 1000 } }, NULL);
	for (int i = 0; i < 20; i++) {
		pid_t p = fork();
		int st;

		if (p == 0)
			_exit(mem[i * 4096] == 1 ? 7 : 1);
		if (p < 0)
			continue;
		forked++;
		if (waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 7)
			good++;
	}
	stop = 1;
	pthread_join(t, NULL);
	EXPECT_EQ("forks", forked, 20);
	EXPECT_EQ("children", good, 20);
	EXPECT_TRUE("signals_arrived", handled > 0);
	return lt_done();
}
