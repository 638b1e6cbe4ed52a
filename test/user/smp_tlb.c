// TLB shootdown: a task sharing our address space (CLONE_VM) runs on the
// other CPU, touching a page in a loop, so that CPU's TLB holds the page.
// munmap (and, separately, mprotect to read-only) on this CPU must make
// the other task fault at once: it dies of SIGSEGV.  Without the
// shootdown it would go on using a stale translation (of a page already
// freed, for munmap) and never fault.
// lego-test: libc=musl
// lego-test: smp=2
// lego-test: timeout=60
#define _GNU_SOURCE
#define LT_SUITE "smp_tlb"
#include "lego_test.h"
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_sched_setaffinity	203
#define NR_getcpu		309

static volatile int ready;
static volatile char *page;
static int write_mode;

static long pin(unsigned long mask)
{
	return lt_syscall3(NR_sched_setaffinity, 0, sizeof(mask), &mask);
}

static int toucher(void *arg)
{
	unsigned int cpu = 0;
	unsigned long n = 0;

	if (pin(2) || lt_syscall3(NR_getcpu, &cpu, 0, 0) || cpu != 1)
		return 2;
	for (;;) {
		if (write_mode)
			page[n & 4095] = (char)n;
		else
			(void)page[n & 4095];
		if (++n == 100000)
			ready = 1;
	}
	return 0;
}

/* Starts the toucher, takes the page away with fn, returns its status. */
static int run(int (*take)(void), int writes)
{
	static char stack[65536] __attribute__((aligned(16)));
	int status = -1;
	pid_t t;

	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page[0] = 1;
	ready = 0;
	write_mode = writes;
	t = clone(toucher, stack + sizeof(stack), CLONE_VM | SIGCHLD, NULL);
	if (t < 0)
		return -1;
	while (!ready)
		;
	if (take())
		return -2;
	if (waitpid(t, &status, 0) != t)
		return -3;
	return status;
}

static int do_munmap(void)
{
	return munmap((void *)page, 4096);
}

static int do_mprotect(void)
{
	return mprotect((void *)page, 4096, PROT_READ);
}

int main(void)
{
	int st;

	EXPECT_EQ("pin_cpu0", pin(1), 0);
	st = run(do_munmap, 0);
	EXPECT_TRUE("munmap/other_cpu_faults", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	st = run(do_mprotect, 1);
	EXPECT_TRUE("mprotect/other_cpu_faults", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	return lt_done();
}
