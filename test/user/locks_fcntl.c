// Advisory locks: fcntl F_GETLK/F_SETLK/F_SETLKW between processes
// (conflicts, sharing, splitting, merging, release on any close and at
// exit, waiting, EDEADLK), the F_OFD_* locks and flock(2), with their
// argument errors.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "locks_fcntl"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/file.h>
#include <time.h>

#ifndef F_OFD_GETLK
#define F_OFD_GETLK	36
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38
#endif

static int lk(int fd, int cmd, short type, short whence, long start, long len)
{
	struct flock l = { .l_type = type, .l_whence = whence, .l_start = start, .l_len = len };

	return sys3(fcntl, fd, cmd, &l);
}

static struct flock getlk(int fd, int cmd, short type, long start, long len)
{
	struct flock l = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };

	sys3(fcntl, fd, cmd, &l);
	return l;
}

static void msleep(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&t, NULL);
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Runs fn in a child that opens the file itself; its exit status. */
static int child(int (*fn)(int fd, void *arg), void *arg)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(open("/tmp/locks_fcntl/f", O_RDWR), arg));
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static int getlk_sees(int fd, void *arg)
{
	struct flock l = getlk(fd, F_GETLK, F_RDLCK, 5, 1);
	long *want = arg;

	if (l.l_type != want[0])
		return 1;
	if (l.l_type != F_UNLCK && (l.l_start != want[1] || l.l_len != want[2] ||
				    l.l_pid != want[3] || l.l_whence != SEEK_SET))
		return 2;
	return 0;
}

static int try_write_lock(int fd, void *arg)
{
	long *range = arg;

	return lk(fd, F_SETLK, F_WRLCK, SEEK_SET, range[0], range[1]) == -EAGAIN ? 1 : 0;
}

static int try_read_lock(int fd, void *arg)
{
	return lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10) == 0 ? 0 : 1;
}

static void test_posix(void)
{
	int fd = open("f", O_CREAT | O_RDWR | O_TRUNC, 0644), fd2;
	long want[4], range[2] = { 0, 10 };

	ftruncate(fd, 100);
	EXPECT_EQ("setlk/write", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10), 0);
	want[0] = F_WRLCK;
	want[1] = 0;
	want[2] = 10;
	want[3] = getpid();
	EXPECT_EQ("getlk/other_sees", child(getlk_sees, want), 0);
	EXPECT_EQ("getlk/own_not_conflict", getlk(fd, F_GETLK, F_WRLCK, 0, 10).l_type, F_UNLCK);
	EXPECT_EQ("setlk/conflict_eagain", child(try_write_lock, range), 1);
	EXPECT_EQ("setlk/read_vs_write", child(try_read_lock, NULL), 1);
	/* Relocking as a read lock: shared with others' read locks. */
	EXPECT_EQ("setlk/downgrade", lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10), 0);
	EXPECT_EQ("setlk/shared_read", child(try_read_lock, NULL), 0);
	EXPECT_EQ("setlk/write_vs_read", child(try_write_lock, range), 1);
	/* Splitting: unlock a hole in the middle. */
	EXPECT_EQ("split/lock", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 100), 0);
	EXPECT_EQ("split/unlock_middle", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 40, 20), 0);
	range[0] = 45;
	range[1] = 10;
	EXPECT_EQ("split/hole_free", child(try_write_lock, range), 0);
	range[0] = 35;
	EXPECT_EQ("split/left_held", child(try_write_lock, range), 1);
	want[1] = 0;
	want[2] = 40;
	EXPECT_EQ("split/getlk_left", child(getlk_sees, want), 0);
	/* Merging: adjacent locks of one type are one. */
	lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
	lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 3);
	lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 3, 7);
	want[2] = 10;
	EXPECT_EQ("merge/one_lock", child(getlk_sees, want), 0);
	/* Whence, negative lengths, to the end of the file. */
	lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
	lseek(fd, 8, SEEK_SET);
	EXPECT_EQ("whence/cur_negative_len", lk(fd, F_SETLK, F_WRLCK, SEEK_CUR, 0, -3), 0);
	want[1] = 5;
	want[2] = 3;
	EXPECT_EQ("whence/cur_range", child(getlk_sees, want), 0);
	lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
	EXPECT_EQ("whence/end_to_eof", lk(fd, F_SETLK, F_WRLCK, SEEK_END, -95, 0), 0);
	want[1] = 5;
	want[2] = 0;
	EXPECT_EQ("whence/end_range", child(getlk_sees, want), 0);
	/* Closing any descriptor of the file drops the process's locks. */
	fd2 = open("f", O_RDONLY);
	close(fd2);
	want[0] = F_UNLCK;
	EXPECT_EQ("close/releases", child(getlk_sees, want), 0);
	/* Errors. */
	EXPECT_EQ("err/bad_type", lk(fd, F_SETLK, 7, SEEK_SET, 0, 1), -EINVAL);
	EXPECT_EQ("err/bad_whence", lk(fd, F_SETLK, F_WRLCK, 9, 0, 1), -EINVAL);
	EXPECT_EQ("err/negative_start", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, -1, 1), -EINVAL);
	EXPECT_EQ("err/before_zero", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 2, -3), -EINVAL);
	EXPECT_EQ("err/efault", sys3(fcntl, fd, F_SETLK, BADPTR), -EFAULT);
	EXPECT_EQ("err/getlk_unlck", lk(fd, F_GETLK, F_UNLCK, SEEK_SET, 0, 1), -EINVAL);
	fd2 = open("f", O_RDONLY);
	EXPECT_EQ("err/write_lock_rdonly", lk(fd2, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), -EBADF);
	close(fd2);
	fd2 = open("f", O_WRONLY);
	EXPECT_EQ("err/read_lock_wronly", lk(fd2, F_SETLK, F_RDLCK, SEEK_SET, 0, 1), -EBADF);
	close(fd2);
	close(fd);
}

static int hold_then_release(int fd, void *arg)
{
	int *p = arg;

	if (lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10))
		return 1;
	write(p[1], "h", 1);
	msleep(150);
	return 0;			/* exit releases the lock */
}

static void test_wait(void)
{
	int fd = open("f", O_RDWR), p[2], status;
	long t0, waited;
	char c;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0)
		_exit(hold_then_release(open("f", O_RDWR), p));
	read(p[0], &c, 1);
	EXPECT_EQ("setlkw/held", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 5, 1), -EAGAIN);
	t0 = now_ms();
	EXPECT_EQ("setlkw/waits", lk(fd, F_SETLKW, F_WRLCK, SEEK_SET, 5, 1), 0);
	waited = now_ms() - t0;
	EXPECT_TRUE("setlkw/until_exit", waited >= 100);
	waitpid(pid, &status, 0);
	lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);

	/* EDEADLK: we hold A and wait for B while B's holder waits for A. */
	lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1);
	pid = fork();
	if (pid == 0) {
		int cfd = open("f", O_RDWR);

		lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1);
		write(p[1], "b", 1);
		_exit(lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1) == 0 ? 0 : 1);
	}
	read(p[0], &c, 1);
	msleep(100);		/* the child is waiting for A now */
	EXPECT_EQ("edeadlk", lk(fd, F_SETLKW, F_WRLCK, SEEK_SET, 1, 1), -EDEADLK);
	lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0);
	waitpid(pid, &status, 0);
	EXPECT_TRUE("edeadlk/child_got_it", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	close(p[1]);
	close(fd);
}

static void test_ofd_flock(void)
{
	int a = open("f", O_RDWR), b = open("f", O_RDWR), status;
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10,
			   .l_pid = 1 };
	pid_t pid;

	EXPECT_EQ("ofd/pid_nonzero", sys3(fcntl, a, F_OFD_SETLK, &l), -EINVAL);
	EXPECT_EQ("ofd/lock", lk(a, F_OFD_SETLK, F_WRLCK, SEEK_SET, 0, 10), 0);
	EXPECT_EQ("ofd/other_file_conflicts", lk(b, F_OFD_SETLK, F_WRLCK, SEEK_SET, 5, 1), -EAGAIN);
	l = getlk(b, F_OFD_GETLK, F_WRLCK, 5, 1);
	EXPECT_TRUE("ofd/getlk_pid", l.l_type == F_WRLCK && l.l_pid == -1);
	EXPECT_EQ("ofd/posix_conflicts", lk(b, F_SETLK, F_WRLCK, SEEK_SET, 5, 1), -EAGAIN);
	close(b);
	EXPECT_EQ("ofd/survives_other_close", lk(open("f", O_RDWR), F_OFD_SETLK, F_WRLCK,
						 SEEK_SET, 5, 1), -EAGAIN);
	close(a);

	a = open("f", O_RDWR);
	EXPECT_EQ("flock/ex", sys2(flock, a, LOCK_EX), 0);
	pid = fork();
	if (pid == 0) {
		int c = open("f", O_RDONLY);

		if (sys2(flock, c, LOCK_EX | LOCK_NB) != -EWOULDBLOCK)
			_exit(1);
		if (sys2(flock, c, LOCK_SH | LOCK_NB) != -EWOULDBLOCK)
			_exit(2);
		/* The inherited descriptor shares the parent's lock. */
		if (sys2(flock, a, LOCK_EX | LOCK_NB))
			_exit(3);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_TRUE("flock/excludes", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_EQ("flock/independent_of_posix", lk(a, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), 0);
	EXPECT_EQ("flock/unlock", sys2(flock, a, LOCK_UN), 0);
	b = open("f", O_RDONLY);
	EXPECT_EQ("flock/sh_after_unlock", sys2(flock, b, LOCK_SH | LOCK_NB), 0);
	EXPECT_EQ("flock/second_sh", sys2(flock, a, LOCK_SH | LOCK_NB), 0);
	EXPECT_EQ("flock/bad_cmd", sys2(flock, a, 0), -EINVAL);
	EXPECT_EQ("flock/ebadf", sys2(flock, 999, LOCK_SH), -EBADF);
	close(a);
	close(b);
}

int main(void)
{
	vfs_setup("/tmp/locks_fcntl");
	test_posix();
	test_wait();
	test_ofd_flock();
	return lt_done();
}
