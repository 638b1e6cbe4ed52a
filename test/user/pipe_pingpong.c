// Two processes bounce a counter through two pipes 10,000 times: every
// wakeup crosses between them (between CPUs with two), and none may be
// lost or doubled.
// lego-test: libc=musl
// lego-test: smp=1,2
// lego-test: timeout=300
#define _GNU_SOURCE
#define LT_SUITE "pipe_pingpong"
#include "lego_test.h"
#include "vfs_util.h"

#define ROUNDS	10000

/* The child adds one to each counter it gets and sends it back. */
static int echo(int in, int out)
{
	unsigned int v;

	for (;;) {
		long r = read(in, &v, sizeof(v));

		if (r == 0)
			return 0;
		if (r != sizeof(v))
			return 1;
		v++;
		if (write(out, &v, sizeof(v)) != sizeof(v))
			return 2;
	}
}

int main(void)
{
	int down[2], up[2], status;
	unsigned int i, v, bad = 0;
	pid_t pid;

	EXPECT_EQ("pipe/down", pipe(down), 0);
	EXPECT_EQ("pipe/up", pipe(up), 0);
	pid = fork();
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		_exit(echo(down[0], up[1]));
	}
	close(down[0]);
	close(up[1]);
	for (i = 0; i < ROUNDS; i++) {
		v = 2 * i;
		if (write(down[1], &v, sizeof(v)) != sizeof(v) ||
		    read(up[0], &v, sizeof(v)) != sizeof(v) || v != 2 * i + 1) {
			bad++;
			break;
		}
	}
	EXPECT_EQ("rounds", i, ROUNDS);
	EXPECT_EQ("lost_or_doubled", bad, 0);
	close(down[1]);
	EXPECT_EQ("child_sees_eof", read(up[0], &v, sizeof(v)), 0);
	waitpid(pid, &status, 0);
	EXPECT_TRUE("child_ok", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return lt_done();
}
