// An anonymous pipe reopened through /proc/self/fd/N, as bash's <(...)
// and >(...) do through /dev/fd/N: the open never waits for a partner and
// never fails with ENXIO, even when the other end is already closed (the
// writer of <(echo x) may have exited before bash opens it).  Lego once
// treated the reopen as a FIFO open and waited for a writer for ever.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "regress_pipe_reopen"
#include "lego_test.h"
#include "vfs_util.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static int reopen(int fd, int flags)
{
	char path[32];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return open(path, flags);
}

int main(void)
{
	int p[2], fd;
	char buf[8];

	vfs_setup(NULL);
	signal(SIGPIPE, SIG_IGN);

	/* The data a writer left behind, after it closed its end. */
	EXPECT_EQ("pipe", pipe(p), 0);
	EXPECT_EQ("write", write(p[1], "procsub", 7), 7);
	close(p[1]);
	fd = reopen(p[0], O_RDONLY);
	EXPECT_TRUE("read_end/opens", fd >= 0);
	EXPECT_EQ("read_end/data", read(fd, buf, sizeof(buf)), 7);
	EXPECT_EQ("read_end/eof", read(fd, buf, sizeof(buf)), 0);
	close(fd);
	close(p[0]);

	/* A write end reopened with no reader left: opens, then EPIPE. */
	EXPECT_EQ("pipe2", pipe(p), 0);
	close(p[0]);
	fd = reopen(p[1], O_WRONLY);
	EXPECT_TRUE("write_end/opens", fd >= 0);
	EXPECT_EQ("write_end/epipe", write(fd, "x", 1) == -1 ? errno : 0, EPIPE);
	close(fd);
	fd = reopen(p[1], O_WRONLY | O_NONBLOCK);
	EXPECT_TRUE("write_end/nonblock_opens", fd >= 0);	/* a FIFO would give ENXIO */
	close(fd);
	close(p[1]);

	/* Both ends open: the reopened read end shares the one pipe. */
	EXPECT_EQ("pipe3", pipe(p), 0);
	fd = reopen(p[1], O_WRONLY);
	EXPECT_EQ("shared/write", write(fd, "ab", 2), 2);
	close(fd);
	EXPECT_EQ("shared/read", read(p[0], buf, sizeof(buf)), 2);
	close(p[0]);
	close(p[1]);
	return lt_done();
}
