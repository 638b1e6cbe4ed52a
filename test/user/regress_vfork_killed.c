// Regression: a vfork parent killed while its child still runs.  The
// parent's wait for the child's exec or exit ends at a fatal signal, and
// the parent exits and is freed; the child's later exec or exit then woke
// child->vfork_parent, a freed task.  Now the parent clears the pointer
// under tasklist_lock when its wait ends, and the child reads it under the
// same lock.  (Freed tasks are poisoned, so a stale pointer faults at
// once: without the fix this test oopses the kernel.)  Both ends: the
// child exits, and the child execs.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "regress_vfork_killed"
#include "lego_test.h"
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *self;

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	lt_syscall2(SYS_nanosleep, (long)&ts, 0);
}

/* The middle process: vforks a child that outlives us, then waits. */
static int middle(int exec_it)
{
	char *argv[] = { (char *)self, "exit7", NULL };
	long pid = lt_syscall0(SYS_vfork);

	if (pid == 0) {
		/* The vfork child: raw syscalls only, our parent's memory. */
		sleep_ms(400);
		if (exec_it)
			lt_syscall3(SYS_execve, (long)self, (long)argv, 0);
		lt_syscall1(SYS_exit, 5);
	}
	return 1;	/* not reached: killed in the vfork wait */
}

static void one_case(const char *name, int exec_it, int want_status)
{
	int st = -1, cst = -1;
	pid_t b = fork(), c;

	if (b == 0)
		_exit(middle(exec_it));
	sleep_ms(100);
	EXPECT_EQ(lt_cat(name, "kill_parent"), kill(b, SIGKILL), 0);
	EXPECT_EQ(lt_cat(name, "wait_parent"), waitpid(b, &st, 0), b);
	EXPECT_TRUE(lt_cat(name, "parent_killed"), WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	/* The orphan comes to us, init, and ends as it meant to. */
	c = waitpid(-1, &cst, 0);
	EXPECT_TRUE(lt_cat(name, "child_reaped"), c > 0 && c != b);
	EXPECT_TRUE(lt_cat(name, "child_status"), WIFEXITED(cst) && WEXITSTATUS(cst) == want_status);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "exit7"))
		return 7;
	one_case("child_exits", 0, 5);
	one_case("child_execs", 1, 7);
	/* Once more: the first orphan left nothing behind that breaks the next. */
	one_case("again", 0, 5);
	return lt_done();
}
