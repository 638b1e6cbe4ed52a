// Stack growth: the stack grows down on faults up to RLIMIT_STACK (read at
// the time of the fault), never to within the guard gap (256 pages) of
// the mapping below it, and MAP_GROWSDOWN mappings grow the same way.
// Each probe runs in a child: a fault that may not grow the stack kills it
// with SIGSEGV.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "mm_stack"
#include "lego_test.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MB	(1UL << 20)
#define PG	4096UL

/* Runs probe(arg) in a child: 0 if it returned, else its fatal signal. */
static int in_child(void (*probe)(unsigned long), unsigned long arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		probe(arg);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? WTERMSIG(status) : -WEXITSTATUS(status);
}

static unsigned long stack_pointer(void)
{
	unsigned long sp;

	asm volatile("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

/* Writes one byte `below` bytes under the stack pointer. */
static void touch_below(unsigned long below)
{
	*(volatile char *)((stack_pointer() - below) & ~(PG - 1)) = 1;
}

static void limit_then_touch(unsigned long below)
{
	struct rlimit r = { MB, MB };

	if (setrlimit(RLIMIT_STACK, &r))
		_exit(3);
	touch_below(below);
}

/* A readable page 3 MiB below the stack pointer, then a touch. */
static void neighbour_then_touch(unsigned long below)
{
	unsigned long at = (stack_pointer() - 3 * MB) & ~(PG - 1);

	if (mmap((void *)at, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		 -1, 0) != (void *)at)
		_exit(4);
	touch_below(below);
}

static void growsdown_touch(unsigned long below)
{
	char *g = mmap(NULL, PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);

	if (g == MAP_FAILED)
		_exit(5);
	*(volatile char *)(g - below) = 1;
}

int main(void)
{
	EXPECT_EQ("grows_4mb", in_child(touch_below, 4 * MB), 0);
	EXPECT_EQ("past_rlimit_segv", in_child(touch_below, 9 * MB), SIGSEGV);
	EXPECT_EQ("lower_rlimit/within", in_child(limit_then_touch, MB / 2), 0);
	EXPECT_EQ("lower_rlimit/past_segv", in_child(limit_then_touch, 2 * MB), SIGSEGV);
	EXPECT_EQ("guard_gap/clear", in_child(neighbour_then_touch, 3 * MB / 2), 0);
	EXPECT_EQ("guard_gap/too_close_segv",
		  in_child(neighbour_then_touch, 3 * MB - 512 * 1024), SIGSEGV);
	EXPECT_EQ("map_growsdown/grows", in_child(growsdown_touch, 16 * PG), 0);
	return lt_done();
}
