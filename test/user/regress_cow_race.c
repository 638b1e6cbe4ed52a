// Regression: two threads' write faults on one copy-on-write page.  After
// fork made the parent's private pages read-only, threads writing the
// same page all fault; the first breaks the copy-on-write and the page
// becomes writable, and the next, having waited for mmap_lock, found a
// PTE that allowed the write and took it for a protection fault: SIGSEGV
// for a write to the program's own writable data.  Now such a spurious
// fault (the PTE allows the access) just drops the stale TLB entry and
// returns.  Threads here write one page while the main thread forks.
// lego-test: libc=musl
// lego-test: smp=4
#define _GNU_SOURCE
#define LT_SUITE "regress_cow_race"
#include "lego_test.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define WRITERS	3
#define FORKS	400

static volatile unsigned long shared_page[512] __attribute__((aligned(4096)));
static volatile int stop;

static void *writer(void *arg)
{
	unsigned long i = (unsigned long)arg;

	while (!stop)
		shared_page[i * 8] = shared_page[i * 8] + 1;
	return NULL;
}

/* Forks while the writers run; a SIGSEGV kills this whole process. */
static int run(void)
{
	pthread_t th[WRITERS];
	int i, st;

	for (i = 0; i < WRITERS; i++)
		if (pthread_create(&th[i], NULL, writer, (void *)(unsigned long)i))
			return 2;
	for (i = 0; i < FORKS; i++) {
		pid_t p = fork();

		if (p == 0)
			_exit(0);
		if (p < 0 || waitpid(p, &st, 0) != p || st != 0)
			return 3;
	}
	stop = 1;
	for (i = 0; i < WRITERS; i++)
		pthread_join(th[i], NULL);
	return shared_page[0] ? 0 : 4;
}

int main(void)
{
	int st = -1;
	pid_t p = fork();

	if (p == 0)
		_exit(run());
	EXPECT_EQ("wait", waitpid(p, &st, 0), p);
	lt_check("no_sigsegv", !(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV),
		 "killed by SIGSEGV, wait status %x", st);
	EXPECT_EQ("exit_status", st, 0);
	return lt_done();
}
