// Pipes and FIFOs: pipe/pipe2 flags and errors, EOF, EPIPE (and
// SIGPIPE), non-blocking EAGAIN, the 64 KiB buffer, PIPE_BUF atomicity
// between two writers, F_GETPIPE_SZ/F_SETPIPE_SZ, FIONREAD, and FIFO
// open rules.
// lego-test: libc=musl
// lego-test: timeout=180
#define _GNU_SOURCE
#define LT_SUITE "pipe_basic"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/uio.h>

#define PIPE_BUF_LINUX	4096

static int fds[2];

static void test_create(void)
{
	int p[2], fd;
	struct stat st;

	EXPECT_EQ("pipe", sys1(pipe, p), 0);
	EXPECT_TRUE("pipe/fds_distinct", p[0] >= 0 && p[1] >= 0 && p[0] != p[1]);
	EXPECT_EQ("fstat", fstat(p[0], &st), 0);
	EXPECT_TRUE("fstat/fifo", S_ISFIFO(st.st_mode));
	EXPECT_EQ("fstat/mode", st.st_mode & 07777, 0600);
	EXPECT_EQ("fstat/size", st.st_size, 0);
	EXPECT_EQ("fstat/nlink", st.st_nlink, 1);
	EXPECT_EQ("getfl/read_end", sys2(fcntl, p[0], F_GETFL), O_RDONLY);
	EXPECT_EQ("getfl/write_end", sys2(fcntl, p[1], F_GETFL), O_WRONLY);
	EXPECT_EQ("getfd/no_cloexec", sys2(fcntl, p[0], F_GETFD), 0);
	EXPECT_EQ("lseek/espipe", sys3(lseek, p[0], 0, SEEK_SET), -ESPIPE);
	EXPECT_EQ("lseek/bad_whence_first", sys3(lseek, p[0], 0, 99), -EINVAL);
	EXPECT_EQ("pread/espipe", sys4(pread64, p[0], &st, 1, 0), -ESPIPE);
	EXPECT_EQ("pwrite/espipe", sys4(pwrite64, p[1], "x", 1, 0), -ESPIPE);
	EXPECT_EQ("read/write_end", sys3(read, p[1], &st, 1), -EBADF);
	EXPECT_EQ("write/read_end", sys3(write, p[0], "x", 1), -EBADF);
	EXPECT_EQ("fsync/einval", sys1(fsync, p[0]), -EINVAL);
	close(p[0]);
	close(p[1]);

	EXPECT_EQ("pipe2/cloexec_nonblock", sys2(pipe2, p, O_CLOEXEC | O_NONBLOCK), 0);
	EXPECT_EQ("pipe2/getfd", sys2(fcntl, p[1], F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("pipe2/getfl_read", sys2(fcntl, p[0], F_GETFL), O_RDONLY | O_NONBLOCK);
	EXPECT_EQ("pipe2/getfl_write", sys2(fcntl, p[1], F_GETFL), O_WRONLY | O_NONBLOCK);
	close(p[0]);
	close(p[1]);
	EXPECT_EQ("pipe2/bad_flag", sys2(pipe2, p, O_APPEND), -EINVAL);
	EXPECT_EQ("pipe2/bad_flag2", sys2(pipe2, p, 1), -EINVAL);

	/* A bad array: EFAULT and nothing left open. */
	fd = open("/", O_RDONLY);
	close(fd);
	EXPECT_EQ("pipe/efault", sys1(pipe, BADPTR), -EFAULT);
	EXPECT_EQ("pipe2/efault_kernel", sys2(pipe2, KPTR, 0), -EFAULT);
	EXPECT_EQ("pipe/efault_no_leak", open("/", O_RDONLY), fd);
	close(fd);
}

static void test_data(void)
{
	char buf[128];
	int n = -1;

	EXPECT_EQ("pipe/data", sys1(pipe, fds), 0);
	EXPECT_EQ("write", sys3(write, fds[1], "hello", 5), 5);
	EXPECT_EQ("write/zero", sys3(write, fds[1], "", 0), 0);
	EXPECT_EQ("fionread", ioctl(fds[0], FIONREAD, &n), 0);
	EXPECT_EQ("fionread/value", n, 5);
	EXPECT_EQ("read/zero", sys3(read, fds[0], buf, 0), 0);
	EXPECT_EQ("read/partial", sys3(read, fds[0], buf, 3), 3);
	EXPECT_EQ("read/rest", sys3(read, fds[0], buf + 3, sizeof(buf)), 2);
	EXPECT_EQ("read/content", memcmp(buf, "hello", 5), 0);
	EXPECT_EQ("read/efault", sys3(write, fds[1], "abc", 3) == 3 ?
		  sys3(read, fds[0], BADPTR, 3) : -1, -EFAULT);
	EXPECT_EQ("read/efault_kept_data", sys3(read, fds[0], buf, 10), 3);
	EXPECT_EQ("write/efault", sys3(write, fds[1], BADPTR, 3), -EFAULT);
	{
		struct iovec iov[3] = { { "ab", 2 }, { "", 0 }, { "cde", 3 } };

		EXPECT_EQ("writev", sys3(writev, fds[1], iov, 3), 5);
		memset(buf, 0, sizeof(buf));
		EXPECT_EQ("writev/read", sys3(read, fds[0], buf, sizeof(buf)), 5);
		EXPECT_EQ("writev/order", strcmp(buf, "abcde"), 0);
	}
	/* End of file once every writer is gone, after the data. */
	EXPECT_EQ("eof/write", sys3(write, fds[1], "xy", 2), 2);
	close(fds[1]);
	EXPECT_EQ("eof/data_first", sys3(read, fds[0], buf, sizeof(buf)), 2);
	EXPECT_EQ("eof/zero", sys3(read, fds[0], buf, sizeof(buf)), 0);
	EXPECT_EQ("eof/again", sys3(read, fds[0], buf, sizeof(buf)), 0);
	close(fds[0]);
}

static void test_nonblock_and_size(void)
{
	static char big[65536 + 4096];
	long total = 0, r;
	int p[2];

	EXPECT_EQ("nb/pipe2", sys2(pipe2, p, O_NONBLOCK), 0);
	{
		/* RWF_NOWAIT: pipes do not take it (Linux 6.1). */
		int q[2];
		struct iovec v = { big, 1 };

		pipe(q);
		EXPECT_EQ("nowait/unsupported", sys6(preadv2, q[0], &v, 1, -1, 0, 8), -EOPNOTSUPP);
		close(q[0]);
		close(q[1]);
	}
	EXPECT_EQ("nb/read_empty", sys3(read, p[0], big, 1), -EAGAIN);
	EXPECT_EQ("getpipe_sz", sys2(fcntl, p[0], F_GETPIPE_SZ), 65536);
	while ((r = sys3(write, p[1], big, 4096)) > 0)
		total += r;
	EXPECT_EQ("nb/fill_eagain", r, -EAGAIN);
	EXPECT_EQ("nb/capacity", total, 65536);
	EXPECT_EQ("nb/write_one_full", sys3(write, p[1], big, 1), -EAGAIN);
	EXPECT_EQ("nb/read_page", sys3(read, p[0], big, 4096), 4096);
	EXPECT_EQ("nb/atomic_fits", sys3(write, p[1], big, PIPE_BUF_LINUX), PIPE_BUF_LINUX);
	EXPECT_EQ("nb/full_again", sys3(write, p[1], big, 1), -EAGAIN);
	EXPECT_EQ("setpipe_sz/busy", sys3(fcntl, p[1], F_SETPIPE_SZ, 4096), -EBUSY);
	/* F_SETFL clears O_NONBLOCK: the read end keeps its data. */
	EXPECT_EQ("setfl/clear_nonblock", sys3(fcntl, p[0], F_SETFL, O_RDONLY), 0);
	EXPECT_EQ("setfl/getfl", sys2(fcntl, p[0], F_GETFL), O_RDONLY);
	total = 0;
	while (total < 65536 && (r = sys3(read, p[0], big, sizeof(big))) > 0)
		total += r;
	EXPECT_EQ("nb/drain", total, 65536);
	EXPECT_EQ("setpipe_sz/one_page", sys3(fcntl, p[0], F_SETPIPE_SZ, 1), 4096);
	EXPECT_EQ("setpipe_sz/get", sys2(fcntl, p[1], F_GETPIPE_SZ), 4096);
	EXPECT_EQ("setpipe_sz/round_up", sys3(fcntl, p[0], F_SETPIPE_SZ, 5000), 8192);
	EXPECT_EQ("setpipe_sz/power_of_two", sys3(fcntl, p[0], F_SETPIPE_SZ, 3 * 4096), 16384);
	EXPECT_EQ("setpipe_sz/zero", sys3(fcntl, p[0], F_SETPIPE_SZ, 0), 4096);
	EXPECT_EQ("setpipe_sz/root_past_max", sys3(fcntl, p[0], F_SETPIPE_SZ, 2 << 20), 2 << 20);
	EXPECT_EQ("setpipe_sz/too_big", sys3(fcntl, p[0], F_SETPIPE_SZ, (1UL << 31) + 1), -EINVAL);
	EXPECT_EQ("setpipe_sz/back", sys3(fcntl, p[0], F_SETPIPE_SZ, 4096), 4096);
	/* A smaller pipe keeps its data. */
	EXPECT_EQ("setpipe_sz/data_write", sys3(write, p[1], "0123456789", 10), 10);
	EXPECT_EQ("setpipe_sz/grow_with_data", sys3(fcntl, p[0], F_SETPIPE_SZ, 65536), 65536);
	memset(big, 0, 16);
	EXPECT_EQ("setpipe_sz/data_read", sys3(read, p[0], big, 16), 10);
	EXPECT_EQ("setpipe_sz/data_kept", memcmp(big, "0123456789", 10), 0);
	{
		int fd = open("/tmp/pipe_basic/regular", O_RDWR | O_CREAT, 0644);

		EXPECT_EQ("getpipe_sz/regular_ebadf", sys2(fcntl, fd, F_GETPIPE_SZ), -EBADF);
		close(fd);
	}
	close(p[0]);
	close(p[1]);
}

static int write_after_readers_gone(void *arg)
{
	return sys3(write, *(int *)arg, "x", 1) == -EPIPE ? 0 : 1;
}

static void test_epipe(void)
{
	int p[2], status;

	EXPECT_EQ("epipe/pipe", sys1(pipe, p), 0);
	close(p[0]);
	if (have_syscall_rt_sigaction()) {
		/* Default action: the writer dies of SIGPIPE. */
		status = in_child(write_after_readers_gone, &p[1]);
		EXPECT_TRUE("epipe/sigpipe_kills", WIFSIGNALED(status) &&
			    WTERMSIG(status) == SIGPIPE);
		signal(SIGPIPE, SIG_IGN);
		EXPECT_EQ("epipe/ignored", sys3(write, p[1], "x", 1), -EPIPE);
		signal(SIGPIPE, SIG_DFL);
	} else {
		skip_note("epipe/sigpipe");
		EXPECT_EQ("epipe/errno", sys3(write, p[1], "x", 1), -EPIPE);
	}
	close(p[1]);
}

/* A writer child: count bytes of a byte pattern, in writes of size. */
struct writer {
	int fd;
	long count;
	size_t size;
	char tag;
};

static int writer(void *arg)
{
	struct writer *w = arg;
	static char buf[65536];
	long done = 0;

	while (done < w->count) {
		size_t n = w->size;
		long r, i;

		if ((long)n > w->count - done)
			n = w->count - done;
		for (i = 0; i < (long)n; i++)
			buf[i] = w->tag ? w->tag : (char)((done + i) * 7);
		r = sys3(write, w->fd, buf, n);
		if (r <= 0)
			return 1;
		if (w->tag && r != (long)n)
			return 2;	/* an atomic write cut short */
		done += r;
	}
	return 0;
}

static void test_blocking_stream(void)
{
	static char buf[8192];
	struct writer w = { .count = 300000, .size = 10000 };
	long got = 0, r, bad = 0, i;
	int p[2], status;
	pid_t pid;

	EXPECT_EQ("stream/pipe", sys1(pipe, p), 0);
	w.fd = p[1];
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		_exit(writer(&w));
	}
	close(p[1]);
	while ((r = read(p[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < r; i++)
			if (buf[i] != (char)((got + i) * 7))
				bad++;
		got += r;
	}
	waitpid(pid, &status, 0);
	EXPECT_EQ("stream/bytes", got, 300000);
	EXPECT_EQ("stream/in_order", bad, 0);
	EXPECT_EQ("stream/eof", r, 0);
	EXPECT_TRUE("stream/writer_ok", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
}

static void test_atomic_writers(void)
{
	static char rec[PIPE_BUF_LINUX];
	struct writer a = { .count = 400L * PIPE_BUF_LINUX, .size = PIPE_BUF_LINUX, .tag = 'a' };
	struct writer b = a;
	long records = 0, mixed = 0, na = 0, nb = 0;
	int p[2], sa, sb;
	pid_t pa, pb;

	b.tag = 'b';
	EXPECT_EQ("atomic/pipe", sys1(pipe, p), 0);
	a.fd = b.fd = p[1];
	pa = fork();
	if (pa == 0) {
		close(p[0]);
		_exit(writer(&a));
	}
	pb = fork();
	if (pb == 0) {
		close(p[0]);
		_exit(writer(&b));
	}
	close(p[1]);
	for (;;) {
		long got = 0, r = 0, i;

		while (got < PIPE_BUF_LINUX && (r = read(p[0], rec + got, PIPE_BUF_LINUX - got)) > 0)
			got += r;
		if (got < PIPE_BUF_LINUX)
			break;
		for (i = 1; i < PIPE_BUF_LINUX; i++)
			if (rec[i] != rec[0])
				break;
		if (i < PIPE_BUF_LINUX)
			mixed++;
		else if (rec[0] == 'a')
			na++;
		else
			nb++;
		records++;
	}
	waitpid(pa, &sa, 0);
	waitpid(pb, &sb, 0);
	EXPECT_EQ("atomic/records", records, 800);
	EXPECT_EQ("atomic/none_interleaved", mixed, 0);
	EXPECT_TRUE("atomic/both_writers", na == 400 && nb == 400);
	EXPECT_TRUE("atomic/writers_ok", WIFEXITED(sa) && !WEXITSTATUS(sa) &&
		    WIFEXITED(sb) && !WEXITSTATUS(sb));
	close(p[0]);
}

static int fifo_writer(void *arg)
{
	int fd = open(arg, O_WRONLY);	/* blocks until a reader opens */

	if (fd < 0)
		return 1;
	if (write(fd, "via fifo", 8) != 8)
		return 2;
	return close(fd) ? 3 : 0;
}

static void test_fifo(void)
{
	const char *path = "/tmp/pipe_basic/fifo";
	struct stat st;
	char buf[32];
	int r, w, status;
	pid_t pid;

	unlink(path);
	EXPECT_EQ("fifo/mknod", sys3(mknod, path, S_IFIFO | 0644, 0), 0);
	EXPECT_EQ("fifo/stat", stat(path, &st), 0);
	EXPECT_TRUE("fifo/type", S_ISFIFO(st.st_mode));
	EXPECT_EQ("fifo/exists", sys3(mknod, path, S_IFIFO | 0644, 0), -EEXIST);
	EXPECT_EQ("fifo/wronly_nonblock_no_reader",
		  sys3(open, path, O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	r = sys3(open, path, O_RDONLY | O_NONBLOCK, 0);
	EXPECT_TRUE("fifo/rdonly_nonblock_opens", r >= 0);
	EXPECT_EQ("fifo/read_no_writer_ever", sys3(read, r, buf, 1), 0);
	w = sys3(open, path, O_WRONLY | O_NONBLOCK, 0);
	EXPECT_TRUE("fifo/wronly_nonblock_with_reader", w >= 0);
	EXPECT_EQ("fifo/write", sys3(write, w, "abc", 3), 3);
	EXPECT_EQ("fifo/read", sys3(read, r, buf, sizeof(buf)), 3);
	EXPECT_EQ("fifo/read_empty_with_writer", sys3(read, r, buf, 1), -EAGAIN);
	EXPECT_EQ("fifo/lseek", sys3(lseek, r, 0, SEEK_CUR), -ESPIPE);
	close(w);
	EXPECT_EQ("fifo/eof_after_writer", sys3(read, r, buf, 1), 0);
	close(r);
	/* O_RDWR opens at once and is both ends. */
	r = sys3(open, path, O_RDWR, 0);
	EXPECT_TRUE("fifo/rdwr", r >= 0);
	EXPECT_EQ("fifo/rdwr_write", sys3(write, r, "z", 1), 1);
	EXPECT_EQ("fifo/rdwr_read", sys3(read, r, buf, 1), 1);
	close(r);
	/* A blocking writer waits for the reader. */
	pid = fork();
	if (pid == 0)
		_exit(fifo_writer((void *)path));
	r = open(path, O_RDONLY);
	EXPECT_TRUE("fifo/blocking_open", r >= 0);
	memset(buf, 0, sizeof(buf));
	{
		long got = 0, n;

		while ((n = read(r, buf + got, sizeof(buf) - 1 - got)) > 0)
			got += n;
		EXPECT_EQ("fifo/blocking_data", got, 8);
	}
	EXPECT_EQ("fifo/blocking_content", strcmp(buf, "via fifo"), 0);
	waitpid(pid, &status, 0);
	EXPECT_TRUE("fifo/writer_ok", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(r);
	EXPECT_EQ("fifo/unlink", unlink(path), 0);
}

static void test_emfile(void)
{
	struct rlimit old, lim;
	int p[2], fd;

	getrlimit(RLIMIT_NOFILE, &old);
	fd = open("/", O_RDONLY);
	lim.rlim_cur = fd + 1;
	lim.rlim_max = old.rlim_max;
	EXPECT_EQ("emfile/setrlimit", setrlimit(RLIMIT_NOFILE, &lim), 0);
	close(fd);
	EXPECT_EQ("emfile/one_fd_left", sys1(pipe, p), -EMFILE);
	EXPECT_EQ("emfile/no_leak", open("/", O_RDONLY), fd);
	close(fd);
	setrlimit(RLIMIT_NOFILE, &old);
}

int main(void)
{
	vfs_setup("/tmp/pipe_basic");
	test_create();
	test_data();
	test_nonblock_and_size();
	test_epipe();
	test_blocking_stream();
	test_atomic_writers();
	test_fifo();
	test_emfile();
	return lt_done();
}
