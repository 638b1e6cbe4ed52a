// A fatal signal sent to a child before it first runs (kill right after
// fork returns in the parent) ends it as killed by that signal: wait
// reports WIFSIGNALED with the signal, never an exit with status 128+sig,
// whichever CPU the child lands on and whenever it first runs.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "signal_new_child"
#include "lego_test.h"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGKILL, SIGUSR1, SIGSEGV };
	int bad = 0, first = 0;

	for (int i = 0; i < 200; i++) {
		int sig = sigs[i % 5], st = 0;
		pid_t p = fork();

		if (p == 0) {
			for (;;)
				pause();
		}
		kill(p, sig);
		if (waitpid(p, &st, 0) != p || !WIFSIGNALED(st) || WTERMSIG(st) != sig) {
			if (!bad++)
				first = st | sig << 16;
		}
	}
	EXPECT_EQ("killed_by_signal", bad, 0);
	EXPECT_EQ("first_bad_status", first, 0);
	return lt_done();
}
