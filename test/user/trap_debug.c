// #DB from user mode: a single step (TF set with popf) ends an
// unprepared program with SIGTRAP, and the kernel -- whose #DB handler
// starts on an IST stack and moves to the task's stack -- stays healthy,
// many times over, on every CPU.  (ICEBP, int1, would be a second source,
// but QEMU's TCG raises #UD for it, under Linux as under Lego.)
// lego-test: libc=musl
// lego-test: smp=1,2
#define LT_SUITE "trap_debug"
#include "lego_test.h"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void single_step(void)
{
	asm volatile("pushfq\n\t"
		     "orq $0x100, (%%rsp)\n\t"	/* TF */
		     "popfq\n\t"
		     "nop\n\t"
		     "nop" : : : "memory", "cc");
}

/* The signal that ends a child running fn, 0 if none. */
static int ended_by(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

int main(void)
{
	int i, all = 1;

	EXPECT_EQ("single_step_sigtrap", ended_by(single_step), SIGTRAP);
	for (i = 0; i < 50; i++)
		all &= ended_by(single_step) == SIGTRAP;
	EXPECT_TRUE("many_times", all);
	return lt_done();
}
