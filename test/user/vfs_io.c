// Data transfer on regular files: readv/writev, preadv/pwritev and the
// v2 forms with their flags, lseek (SEEK_DATA/SEEK_HOLE, limits),
// holes, O_APPEND with pwrite, RLIMIT_FSIZE, sendfile, copy_file_range,
// the sync family, generic ioctls, and sharing one descriptor between
// two processes.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_io"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/resource.h>

#define RWF_HIPRI	0x01
#define RWF_DSYNC	0x02
#define RWF_NOWAIT	0x08
#define RWF_APPEND	0x10

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -errno : (long)st.st_size;
}

static void test_vectors(void)
{
	char a[4], b[8], buf[32];
	struct iovec iov[3];
	int fd = open("v", O_CREAT | O_RDWR | O_TRUNC, 0644);

	iov[0] = (struct iovec){ "abc", 3 };
	iov[1] = (struct iovec){ NULL, 0 };
	iov[2] = (struct iovec){ "defgh", 5 };
	EXPECT_EQ("writev", sys3(writev, fd, iov, 3), 8);
	EXPECT_EQ("writev/pos", lseek(fd, 0, SEEK_CUR), 8);
	lseek(fd, 0, SEEK_SET);
	iov[0] = (struct iovec){ a, sizeof(a) };
	iov[1] = (struct iovec){ b, sizeof(b) };
	EXPECT_EQ("readv", sys3(readv, fd, iov, 2), 8);
	EXPECT_TRUE("readv/split", !memcmp(a, "abcd", 4) && !memcmp(b, "efgh", 4));
	EXPECT_EQ("readv/at_end", sys3(readv, fd, iov, 2), 0);
	EXPECT_EQ("readv/zero_count", sys3(readv, fd, iov, 0), 0);
	EXPECT_EQ("readv/too_many", sys3(readv, fd, iov, 1025), -EINVAL);
	EXPECT_EQ("readv/efault_array", sys3(readv, fd, BADPTR, 1), -EFAULT);
	iov[0] = (struct iovec){ BADPTR, 4 };
	EXPECT_EQ("readv/efault_buffer", (lseek(fd, 0, SEEK_SET), sys3(readv, fd, iov, 1)), -EFAULT);
	iov[0] = (struct iovec){ a, (size_t)-1 };
	EXPECT_EQ("readv/negative_len", sys3(readv, fd, iov, 1), -EINVAL);
	iov[0] = (struct iovec){ a, 2 };
	iov[1] = (struct iovec){ BADPTR, 4 };
	EXPECT_EQ("readv/short_at_fault", (lseek(fd, 0, SEEK_SET), sys3(readv, fd, iov, 2)), 2);
	EXPECT_EQ("readv/pos_after_short", lseek(fd, 0, SEEK_CUR), 2);
	iov[0] = (struct iovec){ buf, 3 };
	EXPECT_EQ("preadv", sys5(preadv, fd, iov, 1, 5, 0), 3);
	EXPECT_EQ("preadv/data", memcmp(buf, "fgh", 3), 0);
	EXPECT_EQ("preadv/pos_unchanged", lseek(fd, 0, SEEK_CUR), 2);
	EXPECT_EQ("preadv/negative", sys5(preadv, fd, iov, 1, -1, 0), -EINVAL);
	iov[0] = (struct iovec){ "XY", 2 };
	EXPECT_EQ("pwritev", sys5(pwritev, fd, iov, 1, 1, 0), 2);
	EXPECT_EQ("pwritev/content", (pread(fd, buf, 8, 0), memcmp(buf, "aXYdefgh", 8)), 0);
	iov[0] = (struct iovec){ buf, 2 };
	EXPECT_EQ("preadv2/minus_one_uses_pos", sys6(preadv2, fd, iov, 1, -1, 0, 0), 2);
	EXPECT_EQ("preadv2/pos_moved", lseek(fd, 0, SEEK_CUR), 4);
	EXPECT_EQ("preadv2/hipri", sys6(preadv2, fd, iov, 1, 0, 0, RWF_HIPRI), 2);
	EXPECT_EQ("preadv2/nowait_unsupported", sys6(preadv2, fd, iov, 1, 0, 0, RWF_NOWAIT),
		  -EOPNOTSUPP);
	EXPECT_EQ("preadv2/bad_flag", sys6(preadv2, fd, iov, 1, 0, 0, 0x10000000), -EOPNOTSUPP);
	EXPECT_EQ("preadv2/negative", sys6(preadv2, fd, iov, 1, -2, 0, 0), -EINVAL);
	iov[0] = (struct iovec){ "Z", 1 };
	EXPECT_EQ("pwritev2/dsync", sys6(pwritev2, fd, iov, 1, 0, 0, RWF_DSYNC), 1);
	EXPECT_EQ("pwritev2/append", sys6(pwritev2, fd, iov, 1, 0, 0, RWF_APPEND), 1);
	EXPECT_EQ("pwritev2/appended", size_of("v"), 9);
	close(fd);
	fd = open("v", O_RDONLY);
	iov[0] = (struct iovec){ "q", 1 };
	EXPECT_EQ("writev/rdonly", sys3(writev, fd, iov, 1), -EBADF);
	EXPECT_EQ("writev/bad_array_before_mode", sys3(writev, fd, iov, 2000), -EINVAL);
	close(fd);
}

static void test_lseek_holes(void)
{
	char buf[16];
	int fd = open("h", O_CREAT | O_RDWR | O_TRUNC, 0644);

	EXPECT_EQ("lseek/set", sys3(lseek, fd, 100, SEEK_SET), 100);
	EXPECT_EQ("lseek/cur", sys3(lseek, fd, -50, SEEK_CUR), 50);
	EXPECT_EQ("lseek/negative", sys3(lseek, fd, -51, SEEK_CUR), -EINVAL);
	EXPECT_EQ("lseek/unchanged_after_error", sys3(lseek, fd, 0, SEEK_CUR), 50);
	EXPECT_EQ("lseek/bad_whence", sys3(lseek, fd, 0, 5), -EINVAL);
	EXPECT_EQ("lseek/ebadf", sys3(lseek, 999, 0, SEEK_SET), -EBADF);
	EXPECT_EQ("lseek/past_end", sys3(lseek, fd, 1 << 20, SEEK_SET), 1 << 20);
	EXPECT_EQ("hole/write", sys3(write, fd, "end", 3), 3);
	EXPECT_EQ("hole/size", size_of("h"), (1 << 20) + 3);
	EXPECT_EQ("hole/blocks_sparse", ({ struct stat st; fstat(fd, &st); st.st_blocks <= 16; }), 1);
	EXPECT_EQ("hole/reads_zero", (pread(fd, buf, 4, 4096), memcmp(buf, "\0\0\0\0", 4)), 0);
	EXPECT_EQ("seek_end", sys3(lseek, fd, -3, SEEK_END), 1 << 20);
	EXPECT_EQ("seek_data", sys3(lseek, fd, 10, SEEK_DATA) >= 0, 1);
	EXPECT_EQ("seek_hole/at_end", sys3(lseek, fd, (1 << 20) + 1, SEEK_HOLE), (1 << 20) + 3);
	EXPECT_EQ("seek_data/past_end", sys3(lseek, fd, (1 << 20) + 3, SEEK_DATA), -ENXIO);
	EXPECT_EQ("seek_hole/past_end", sys3(lseek, fd, (1 << 20) + 10, SEEK_HOLE), -ENXIO);
	EXPECT_EQ("lseek/max", sys3(lseek, fd, 0x7fffffffffffffffL, SEEK_SET), 0x7fffffffffffffffL);
	EXPECT_EQ("write/at_max", sys3(write, fd, "x", 1), -EINVAL);
	EXPECT_EQ("pwrite/overflow", sys4(pwrite64, fd, "x", 2, 0x7fffffffffffffffL), -EINVAL);
	EXPECT_EQ("pread/negative", sys4(pread64, fd, buf, 1, -1), -EINVAL);
	EXPECT_EQ("pread/past_end", sys4(pread64, fd, buf, 4, 1 << 30), 0);
	close(fd);
	/* O_APPEND: pwrite still appends (Linux's documented bug). */
	put_file("ap", "12");
	fd = open("ap", O_WRONLY | O_APPEND);
	EXPECT_EQ("append/pwrite", sys4(pwrite64, fd, "3", 1, 0), 1);
	EXPECT_EQ("append/pwrite_appended", (get_file("ap", buf, sizeof(buf)), strcmp(buf, "123")), 0);
	EXPECT_EQ("append/pos_untouched", lseek(fd, 0, SEEK_CUR), 0);
	close(fd);
}

static int write_past_fsize(void *arg)
{
	struct rlimit r = { 10, 10 };
	int fd = open("fsz", O_CREAT | O_WRONLY | O_TRUNC, 0644);

	setrlimit(RLIMIT_FSIZE, &r);
	if (arg)
		signal(SIGXFSZ, SIG_IGN);
	if (sys3(write, fd, "0123456789abcdef", 16) != 10)
		return 1;	/* cut at the limit */
	if (sys3(write, fd, "x", 1) != -EFBIG)
		return 2;
	if (sys2(ftruncate, fd, 20) != -EFBIG)
		return 3;
	if (sys2(ftruncate, fd, 5) != 0)	/* shrinking is fine */
		return 4;
	return 0;
}

static void test_fsize(void)
{
	int status = in_child(write_past_fsize, (void *)1);

	EXPECT_TRUE("fsize/efbig", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (have_syscall_rt_sigaction()) {
		status = in_child(write_past_fsize, NULL);
		EXPECT_TRUE("fsize/sigxfsz", WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ);
	} else {
		skip_note("fsize/sigxfsz");
	}
}

static void test_sendfile_copy(void)
{
	char buf[64];
	long long off;
	int in, out, p[2];

	put_file("src", "0123456789");
	in = open("src", O_RDONLY);
	out = open("dst", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	EXPECT_EQ("sendfile", sys4(sendfile, out, in, NULL, 4), 4);
	EXPECT_EQ("sendfile/in_pos", lseek(in, 0, SEEK_CUR), 4);
	off = 8;
	EXPECT_EQ("sendfile/offset", sys4(sendfile, out, in, &off, 100), 2);
	EXPECT_EQ("sendfile/offset_moved", off, 10);
	EXPECT_EQ("sendfile/in_pos_kept", lseek(in, 0, SEEK_CUR), 4);
	EXPECT_EQ("sendfile/content", (get_file("dst", buf, sizeof(buf)), strcmp(buf, "012389")), 0);
	EXPECT_EQ("sendfile/eof", sys4(sendfile, out, in, &off, 5), 0);
	EXPECT_EQ("sendfile/efault_offset", sys4(sendfile, out, in, BADPTR, 5), -EFAULT);
	EXPECT_EQ("sendfile/ebadf_in", sys4(sendfile, out, 999, NULL, 5), -EBADF);
	EXPECT_EQ("sendfile/ebadf_out", sys4(sendfile, 999, in, NULL, 5), -EBADF);
	EXPECT_EQ("sendfile/out_rdonly", sys4(sendfile, in, in, NULL, 5), -EBADF);
	EXPECT_EQ("sendfile/in_wronly", sys4(sendfile, out, out, NULL, 5), -EBADF);
	pipe(p);
	EXPECT_EQ("sendfile/to_pipe", (lseek(in, 0, SEEK_SET), sys4(sendfile, p[1], in, NULL, 10)), 10);
	EXPECT_EQ("sendfile/pipe_data", (read(p[0], buf, 10) == 10 && !memcmp(buf, "0123456789", 10)), 1);
	EXPECT_EQ("sendfile/offset_on_pipe", (write(p[1], "ab", 2), off = 0,
					      sys4(sendfile, out, p[0], &off, 2)), -ESPIPE);
	close(p[0]);
	close(p[1]);
	close(out);
	out = open("dst", O_WRONLY | O_APPEND);
	EXPECT_EQ("sendfile/append_out", sys4(sendfile, out, in, NULL, 5), -EINVAL);
	close(out);

	out = open("cfr", O_CREAT | O_RDWR | O_TRUNC, 0644);
	{
		long long oi = 2, oo = 0;

		EXPECT_EQ("copy_file_range", sys6(copy_file_range, in, &oi, out, &oo, 5, 0), 5);
		EXPECT_TRUE("copy_file_range/offsets", oi == 7 && oo == 5);
		EXPECT_EQ("copy_file_range/content", (get_file("cfr", buf, sizeof(buf)),
						       strcmp(buf, "23456")), 0);
		EXPECT_EQ("copy_file_range/flags", sys6(copy_file_range, in, &oi, out, &oo, 5, 1),
			  -EINVAL);
		EXPECT_EQ("copy_file_range/dir", sys6(copy_file_range, open(".", O_RDONLY), NULL,
						      out, NULL, 5, 0), -EISDIR);
		oi = 0;
		oo = 2;
		EXPECT_EQ("copy_file_range/overlap", sys6(copy_file_range, out, &oi, out, &oo, 4, 0),
			  -EINVAL);
		EXPECT_EQ("copy_file_range/ebadf", sys6(copy_file_range, 999, NULL, out, NULL, 1, 0),
			  -EBADF);
	}
	close(in);
	close(out);
}

static void test_sync_ioctl(void)
{
	int fd = open("src", O_RDWR), n = -1, p[2];
	long long q = -1;

	EXPECT_EQ("fsync", sys1(fsync, fd), 0);
	EXPECT_EQ("fdatasync", sys1(fdatasync, fd), 0);
	EXPECT_EQ("fsync/dir", sys1(fsync, open(".", O_RDONLY)), 0);
	EXPECT_EQ("fsync/ebadf", sys1(fsync, 999), -EBADF);
	EXPECT_EQ("sync", sys0(sync), 0);
	EXPECT_EQ("syncfs", sys1(syncfs, fd), 0);
	EXPECT_EQ("syncfs/ebadf", sys1(syncfs, 999), -EBADF);
	EXPECT_EQ("sync_file_range", sys4(sync_file_range, fd, 0, 10, 2), 0);
	EXPECT_EQ("sync_file_range/flags", sys4(sync_file_range, fd, 0, 10, 8), -EINVAL);
	EXPECT_EQ("sync_file_range/negative", sys4(sync_file_range, fd, -1, 10, 2), -EINVAL);
	pipe(p);
	EXPECT_EQ("sync_file_range/pipe", sys4(sync_file_range, p[0], 0, 10, 2), -ESPIPE);
	close(p[0]);
	close(p[1]);
	lseek(fd, 3, SEEK_SET);
	EXPECT_EQ("fionread/file", ioctl(fd, FIONREAD, &n), 0);
	EXPECT_EQ("fionread/left", n, 7);
	EXPECT_EQ("fioqsize", ioctl(fd, 0x5460, &q), 0);
	EXPECT_EQ("fioqsize/bytes_allocated", q, 4096);
	EXPECT_EQ("fionbio", (n = 1, sys3(ioctl, fd, FIONBIO, &n)), 0);
	EXPECT_EQ("fionbio/getfl", !!(sys2(fcntl, fd, F_GETFL) & O_NONBLOCK), 1);
	EXPECT_EQ("fioclex", sys2(ioctl, fd, FIOCLEX), 0);
	EXPECT_EQ("fioclex/getfd", sys2(fcntl, fd, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("fionclex", (sys2(ioctl, fd, FIONCLEX), sys2(fcntl, fd, F_GETFD)), 0);
	EXPECT_EQ("ioctl/enotty", sys3(ioctl, fd, 0x5401, &n), -ENOTTY);
	EXPECT_EQ("ioctl/ebadf", sys3(ioctl, 999, FIONREAD, &n), -EBADF);
	EXPECT_EQ("ioctl/efault", sys3(ioctl, fd, FIONREAD, BADPTR), -EFAULT);
	close(fd);
}

/* A child and its parent share one open file: one offset. */
static void test_shared_offset(void)
{
	int fd = open("shared", O_CREAT | O_RDWR | O_TRUNC, 0644), status;
	char buf[16];
	pid_t pid = fork();

	if (pid == 0)
		_exit(write(fd, "child", 5) == 5 ? 0 : 1);
	waitpid(pid, &status, 0);
	EXPECT_EQ("fork/offset_shared", lseek(fd, 0, SEEK_CUR), 5);
	write(fd, "parent", 6);
	EXPECT_EQ("fork/content", (get_file("shared", buf, sizeof(buf)),
				   strcmp(buf, "childparent")), 0);
	close(fd);
}

int main(void)
{
	vfs_setup("/tmp/vfs_io");
	test_vectors();
	test_lseek_holes();
	test_fsize();
	test_sendfile_copy();
	test_sync_ioctl();
	test_shared_offset();
	return lt_done();
}
