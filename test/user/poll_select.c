// poll, ppoll, select and pselect6: what each end of a pipe, a regular
// file and the memory devices report, POLLNVAL/POLLHUP/POLLERR, the
// events filter, timeouts (and the time left written back), wakeups
// from another process, and the argument errors.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "poll_select"
#include "lego_test.h"
#include "vfs_util.h"
#include <poll.h>
#include <time.h>
#include <sys/select.h>
#include <sys/resource.h>

struct kts {
	long tv_sec, tv_nsec;
};

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static short poll1(int fd, short events, int timeout)
{
	struct pollfd p = { fd, events, 0x7777 };
	long r = sys3(poll, &p, 1, timeout);

	return r < 0 ? (short)r : p.revents;
}

static void test_pipe_ends(void)
{
	static char fill[65536];
	int p[2];

	pipe(p);
	EXPECT_EQ("empty/read_end", poll1(p[0], POLLIN | POLLOUT, 0), 0);
	EXPECT_EQ("empty/write_end", poll1(p[1], POLLIN | POLLOUT, 0), POLLOUT);
	EXPECT_EQ("empty/write_end_norm", poll1(p[1], POLLOUT | POLLWRNORM, 0),
		  POLLOUT | POLLWRNORM);
	write(p[1], "x", 1);
	EXPECT_EQ("data/read_end", poll1(p[0], POLLIN | POLLRDNORM, 0), POLLIN | POLLRDNORM);
	EXPECT_EQ("data/filtered", poll1(p[0], POLLOUT, 0), 0);
	EXPECT_EQ("data/no_pri", poll1(p[0], POLLPRI, 0), 0);
	close(p[1]);
	EXPECT_EQ("hup/with_data", poll1(p[0], POLLIN, 0), POLLIN | POLLHUP);
	EXPECT_EQ("hup/unrequested", poll1(p[0], 0, 0), POLLHUP);
	read(p[0], fill, 1);
	EXPECT_EQ("hup/empty", poll1(p[0], POLLIN, 0), POLLHUP);
	close(p[0]);

	pipe2(p, O_NONBLOCK);
	close(p[0]);
	EXPECT_EQ("err/no_reader", poll1(p[1], POLLOUT, 0), POLLOUT | POLLERR);
	EXPECT_EQ("err/unrequested", poll1(p[1], 0, 0), POLLERR);
	close(p[1]);

	pipe2(p, O_NONBLOCK);
	while (write(p[1], fill, sizeof(fill)) > 0)
		;
	EXPECT_EQ("full/no_pollout", poll1(p[1], POLLOUT, 0), 0);
	read(p[0], fill, 4096);
	EXPECT_EQ("full/page_free", poll1(p[1], POLLOUT, 0), POLLOUT);
	close(p[0]);
	close(p[1]);
}

static void test_others(void)
{
	int fd = open("f", O_CREAT | O_RDWR, 0644), dn = open("/dev/null", O_RDWR);
	int dz = open("/dev/zero", O_RDONLY), op = open("f", O_PATH);
	struct pollfd pf[3];
	struct rlimit rl;

	EXPECT_EQ("regular/always", poll1(fd, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM | POLLPRI, 0),
		  POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
	EXPECT_EQ("null/always", poll1(dn, POLLIN | POLLOUT, 0), POLLIN | POLLOUT);
	EXPECT_EQ("zero/always", poll1(dz, POLLIN, 0), POLLIN);
	EXPECT_EQ("nval/closed", poll1(999, POLLIN, 0), POLLNVAL);
	EXPECT_EQ("nval/o_path", poll1(op, POLLIN, 0), POLLNVAL);
	pf[0] = (struct pollfd){ -1, POLLIN, 0x55 };
	pf[1] = (struct pollfd){ fd, POLLIN, 0 };
	pf[2] = (struct pollfd){ 999, POLLIN, 0 };
	EXPECT_EQ("count", sys3(poll, pf, 3, 0), 2);
	EXPECT_EQ("negative_fd_ignored", pf[0].revents, 0);
	EXPECT_EQ("efault", sys3(poll, BADPTR, 1, 0), -EFAULT);
	getrlimit(RLIMIT_NOFILE, &rl);
	EXPECT_EQ("nfds_over_rlimit", sys3(poll, pf, rl.rlim_cur + 1, 0), -EINVAL);
	EXPECT_EQ("nfds_zero", sys3(poll, NULL, 0, 0), 0);
	close(fd);
	close(dn);
	close(dz);
	close(op);
}

static void test_timeouts(void)
{
	struct kts ts = { 0, 0 };
	struct timeval tv;
	long zero = 0;
	fd_set rd;
	struct pollfd one;
	long t0;
	int p[2];

	pipe(p);
	one = (struct pollfd){ p[0], POLLIN, 0 };
	t0 = now_ms();
	EXPECT_EQ("poll/timeout", poll1(p[0], POLLIN, 100), 0);
	EXPECT_TRUE("poll/slept", now_ms() - t0 >= 95);
	EXPECT_EQ("ppoll/zero", sys5(ppoll, &one, 1, &ts, NULL, 8), 0);
	ts.tv_nsec = 50 * 1000 * 1000;
	t0 = now_ms();
	EXPECT_EQ("ppoll/timeout", sys5(ppoll, &one, 1, &ts, NULL, 8), 0);
	EXPECT_TRUE("ppoll/slept", now_ms() - t0 >= 45);
	EXPECT_TRUE("ppoll/time_left_written", ts.tv_sec == 0 && ts.tv_nsec == 0);
	ts.tv_nsec = 1000000000;
	EXPECT_EQ("ppoll/bad_nsec", sys5(ppoll, NULL, 0, &ts, NULL, 8), -EINVAL);
	ts = (struct kts){ -1, 0 };
	EXPECT_EQ("ppoll/negative", sys5(ppoll, NULL, 0, &ts, NULL, 8), -EINVAL);
	ts = (struct kts){ 0, 0 };
	EXPECT_EQ("ppoll/efault_ts", sys5(ppoll, NULL, 0, BADPTR, NULL, 8), -EFAULT);
	EXPECT_EQ("ppoll/sigset_size", sys5(ppoll, NULL, 0, &ts, &zero, 4), -EINVAL);
	EXPECT_EQ("ppoll/sigset_efault", sys5(ppoll, NULL, 0, &ts, BADPTR, 8), -EFAULT);
	EXPECT_EQ("ppoll/sigset_ok", sys5(ppoll, NULL, 0, &ts, &zero, 8), 0);

	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 60000 };
	t0 = now_ms();
	EXPECT_EQ("select/timeout", sys5(select, p[0] + 1, &rd, NULL, NULL, &tv), 0);
	EXPECT_TRUE("select/slept", now_ms() - t0 >= 55);
	EXPECT_TRUE("select/cleared", !FD_ISSET(p[0], &rd));
	EXPECT_TRUE("select/time_left_written", tv.tv_sec == 0 && tv.tv_usec == 0);
	tv = (struct timeval){ 0, -1 };
	EXPECT_EQ("select/negative_usec", sys5(select, 1, NULL, NULL, NULL, &tv), -EINVAL);
	tv = (struct timeval){ -1, 0 };
	EXPECT_EQ("select/negative_sec", sys5(select, 1, NULL, NULL, NULL, &tv), -EINVAL);
	/* A tv_usec of a second or more is folded into tv_sec, not refused. */
	FD_ZERO(&rd);
	FD_SET(p[1], &rd);
	{
		fd_set wr;

		FD_ZERO(&wr);
		FD_SET(p[1], &wr);
		tv = (struct timeval){ 0, 2000000 };
		EXPECT_EQ("select/usec_folded", sys5(select, p[1] + 1, NULL, &wr, NULL, &tv), 1);
	}
	EXPECT_EQ("select/negative_n", sys5(select, -1, NULL, NULL, NULL, NULL), -EINVAL);
	tv = (struct timeval){ 0, 0 };
	FD_ZERO(&rd);
	FD_SET(30, &rd);
	EXPECT_EQ("select/ebadf", sys5(select, 31, &rd, NULL, NULL, &tv), -EBADF);
	EXPECT_EQ("select/efault", sys5(select, 1, BADPTR, NULL, NULL, &tv), -EFAULT);
	ts = (struct kts){ 0, 0 };
	{
		struct {
			const void *ss;
			size_t len;
		} pack = { &zero, 4 };

		EXPECT_EQ("pselect6/sigset_size", sys6(pselect6, 0, NULL, NULL, NULL, &ts, &pack),
			  -EINVAL);
		pack.len = 8;
		EXPECT_EQ("pselect6/ok", sys6(pselect6, 0, NULL, NULL, NULL, &ts, &pack), 0);
		EXPECT_EQ("pselect6/efault_pack", sys6(pselect6, 0, NULL, NULL, NULL, &ts, BADPTR),
			  -EFAULT);
	}
	close(p[0]);
	close(p[1]);
}

static void test_select_sets(void)
{
	fd_set rd, wr, ex;
	struct timeval tv = { 0, 0 };
	int p[2], fd = open("f", O_RDONLY);

	pipe(p);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_ZERO(&ex);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	FD_SET(p[0], &ex);
	FD_SET(fd, &rd);
	EXPECT_EQ("select/ready_count", sys5(select, 64, &rd, &wr, &ex, &tv), 2);
	EXPECT_TRUE("select/sets", !FD_ISSET(p[0], &rd) && FD_ISSET(fd, &rd) &&
		    FD_ISSET(p[1], &wr) && !FD_ISSET(p[0], &ex));
	write(p[1], "x", 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &rd);	/* a write end is never readable */
	EXPECT_EQ("select/readable", sys5(select, 64, &rd, NULL, NULL, &tv), 1);
	EXPECT_TRUE("select/readable_set", FD_ISSET(p[0], &rd) && !FD_ISSET(p[1], &rd));
	close(p[1]);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	read(p[0], &tv, 1);
	tv = (struct timeval){ 0, 0 };
	EXPECT_EQ("select/hup_is_readable", sys5(select, 64, &rd, NULL, NULL, &tv), 1);
	close(p[0]);
	close(fd);
}

/* The parent sleeps in poll/select; the child writes after a while. */
static void test_wakeups(void)
{
	struct pollfd pf[2];
	fd_set rd;
	int a[2], b[2], status, i, ok = 0;

	for (i = 0; i < 20; i++) {
		pid_t pid;

		pipe(a);
		pipe(b);
		pid = fork();
		if (pid == 0) {
			struct timespec t = { 0, 10 * 1000 * 1000 };

			nanosleep(&t, NULL);
			_exit(write((i & 1) ? b[1] : a[1], "w", 1) == 1 ? 0 : 1);
		}
		if (i < 10) {
			pf[0] = (struct pollfd){ a[0], POLLIN, 0 };
			pf[1] = (struct pollfd){ b[0], POLLIN, 0 };
			if (sys3(poll, pf, 2, 5000) == 1 &&
			    ((i & 1) ? pf[1].revents : pf[0].revents) == POLLIN)
				ok++;
		} else {
			FD_ZERO(&rd);
			FD_SET(a[0], &rd);
			FD_SET(b[0], &rd);
			if (sys5(select, 64, &rd, NULL, NULL, NULL) == 1 &&
			    FD_ISSET((i & 1) ? b[0] : a[0], &rd))
				ok++;
		}
		waitpid(pid, &status, 0);
		close(a[0]);
		close(a[1]);
		close(b[0]);
		close(b[1]);
	}
	EXPECT_EQ("wakeups", ok, 20);
}

int main(void)
{
	vfs_setup("/tmp/poll_select");
	test_pipe_ends();
	test_others();
	test_timeouts();
	test_select_sets();
	test_wakeups();
	return lt_done();
}
