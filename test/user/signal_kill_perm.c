// kill(2)'s permission rule (man 2 kill, Linux's kill_ok_by_cred): an
// unprivileged sender needs its real or effective uid to equal the
// target's real or saved uid, else EPERM, for signal 0 too; SIGCONT to a
// process of the same session is allowed whatever the ids.  A refused
// signal changes nothing: the target is still running and has nothing
// pending.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "signal_kill_perm"
#include "lego_test.h"
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* The raw calls: the ids change for this thread alone, as on Linux. */
static long setres(long r, long e, long s)
{
	return syscall(SYS_setresuid, r, e, s);
}

static long try_kill(pid_t p, int sig)
{
	return kill(p, sig) ? -errno : 0;
}

int main(void)
{
	int p[2], st;
	pid_t target, sender;
	char c;

	EXPECT_EQ("pipe", pipe(p), 0);
	/* The target: uid 1000 (real, effective and saved), waits on a pipe. */
	target = fork();
	if (target == 0) {
		close(p[1]);
		if (setres(1000, 1000, 1000))
			_exit(2);
		signal(SIGCONT, SIG_DFL);
		while (read(p[0], &c, 1) < 0 && errno == EINTR)
			;
		/* Nothing refused may be pending now. */
		sigset_t set;
		sigpending(&set);
		_exit(sigismember(&set, SIGUSR1) ? 3 : 0);
	}
	close(p[0]);
	sender = fork();
	if (sender == 0) {
		int bad = 0;

		/* Another user: refused, for signal 0 too. */
		if (setres(2000, 2000, 2000))
			_exit(100);
		if (try_kill(target, SIGUSR1) != -EPERM)
			bad |= 1;
		if (try_kill(target, 0) != -EPERM)
			bad |= 2;
		/* SIGCONT within the session: allowed. */
		if (try_kill(target, SIGCONT) != 0)
			bad |= 4;
		_exit(bad);
	}
	EXPECT_EQ("sender/wait", waitpid(sender, &st, 0), sender);
	EXPECT_EQ("sender/checks", WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0);

	sender = fork();
	if (sender == 0) {
		int bad = 0;

		/* Real uid 1000 matches the target's: allowed, though euid is not. */
		if (setres(1000, 3000, 3000))
			_exit(100);
		if (try_kill(target, 0) != 0)
			bad |= 1;
		/* Effective uid 1000 matches too. */
		if (setres(3000, 1000, 3000))
			_exit(101);
		if (try_kill(target, 0) != 0)
			bad |= 2;
		/* Only the saved uid 1000: not enough. */
		if (setres(3000, 3000, 1000))
			_exit(102);
		if (try_kill(target, 0) != -EPERM)
			bad |= 4;
		_exit(bad);
	}
	EXPECT_EQ("ids/wait", waitpid(sender, &st, 0), sender);
	EXPECT_EQ("ids/checks", WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0);

	/* Root may; the target then ends as asked. */
	EXPECT_EQ("root/probe", try_kill(target, 0), 0);
	close(p[1]);
	EXPECT_EQ("target/wait", waitpid(target, &st, 0), target);
	EXPECT_EQ("target/unchanged", WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0);
	return lt_done();
}
