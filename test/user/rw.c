// read, write, readv, writev, pread64, pwrite64: on the console (fds 0-2
// are /dev/console, opened read-write) and on a regular file; results,
// offsets and bytes exactly; the errors in Linux's order (EBADF for the
// descriptor and its mode, EINVAL for bad iovec arrays and offsets,
// ESPIPE for positional I/O on the console, EISDIR for a directory).
// lego-test: libc=musl
#define LT_SUITE "rw"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "lego_test.h"

static long pos(int fd)
{
	return lt_syscall3(SYS_lseek, fd, 0, SEEK_CUR);
}

static long size_of(int fd)
{
	struct stat st;

	return lt_syscall2(SYS_fstat, fd, &st) ? -1 : st.st_size;
}

static void console(void)
{
	static const char l0[] = "rw: fd 0 is the console too\n";
	static const char l1[] = "rw: a line on fd 1\n";
	static const char l2[] = "rw: a line on fd 2\n";
	struct iovec v[3] = {
		{ (void *)"rw: writev ", 11 }, { (void *)"", 0 }, { (void *)"in parts\n", 9 },
	};

	EXPECT_RET("console/write_fd1", lt_syscall3(SYS_write, 1, l1, sizeof(l1) - 1),
		   sizeof(l1) - 1);
	EXPECT_RET("console/write_fd2", lt_syscall3(SYS_write, 2, l2, sizeof(l2) - 1),
		   sizeof(l2) - 1);
	EXPECT_RET("console/write_fd0", lt_syscall3(SYS_write, 0, l0, sizeof(l0) - 1),
		   sizeof(l0) - 1);
	EXPECT_RET("console/write_zero", lt_syscall3(SYS_write, 1, l1, 0), 0);
	EXPECT_RET("console/writev", lt_syscall3(SYS_writev, 1, v, 3), 20);
	EXPECT_RET("console/writev_none", lt_syscall3(SYS_writev, 1, v, 0), 0);
	/* No file position on a tty. */
	EXPECT_RET("console/pread64", lt_syscall4(SYS_pread64, 0, l0, 1, 0), -ESPIPE);
	EXPECT_RET("console/pwrite64", lt_syscall4(SYS_pwrite64, 1, l1, 1, 0), -ESPIPE);
}

static void bad_fds(void)
{
	char b[4];
	struct iovec v = { b, 4 };

	EXPECT_RET("ebadf/read", lt_syscall3(SYS_read, 999, b, 4), -EBADF);
	EXPECT_RET("ebadf/write", lt_syscall3(SYS_write, 999, b, 4), -EBADF);
	EXPECT_RET("ebadf/read_minus_one", lt_syscall3(SYS_read, -1, b, 4), -EBADF);
	EXPECT_RET("ebadf/write_int_max", lt_syscall3(SYS_write, INT_MAX, b, 4), -EBADF);
	EXPECT_RET("ebadf/readv", lt_syscall3(SYS_readv, 999, &v, 1), -EBADF);
	EXPECT_RET("ebadf/writev", lt_syscall3(SYS_writev, 999, &v, 1), -EBADF);
	EXPECT_RET("ebadf/pread64", lt_syscall4(SYS_pread64, 999, b, 4, 0), -EBADF);
	EXPECT_RET("ebadf/pwrite64", lt_syscall4(SYS_pwrite64, 999, b, 4, 0), -EBADF);
	/* A closed descriptor is as bad as one never opened. */
	EXPECT_RET("ebadf/closed", lt_syscall3(SYS_write, 7, b, 4), -EBADF);
}

static void regular(void)
{
	char b[64];
	int fd, ro, wo, i;

	fd = lt_syscall3(SYS_open, "/rw.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (!EXPECT_TRUE("file/open", fd >= 0))
		return;
	EXPECT_RET("file/write", lt_syscall3(SYS_write, fd, "hello, world", 12), 12);
	EXPECT_EQ("file/write/pos", pos(fd), 12);
	EXPECT_EQ("file/write/size", size_of(fd), 12);
	EXPECT_RET("file/read_at_eof", lt_syscall3(SYS_read, fd, b, 8), 0);
	lt_syscall3(SYS_lseek, fd, 0, SEEK_SET);
	EXPECT_RET("file/read", lt_syscall3(SYS_read, fd, b, 5), 5);
	EXPECT_TRUE("file/read/bytes", lt_memeq(b, "hello", 5));
	EXPECT_EQ("file/read/pos", pos(fd), 5);
	/* A read past the end is short; the byte after it is not written. */
	b[7] = '#';
	EXPECT_RET("file/read_short", lt_syscall3(SYS_read, fd, b, 64), 7);
	EXPECT_TRUE("file/read_short/bytes", lt_memeq(b, ", world#", 8));
	EXPECT_RET("file/read_zero", lt_syscall3(SYS_read, fd, b, 0), 0);
	/* Overwrite in the middle: the size stays. */
	lt_syscall3(SYS_lseek, fd, 7, SEEK_SET);
	EXPECT_RET("file/overwrite", lt_syscall3(SYS_write, fd, "WORLD", 5), 5);
	EXPECT_EQ("file/overwrite/size", size_of(fd), 12);
	EXPECT_RET("file/pread64_all", lt_syscall4(SYS_pread64, fd, b, 64, 0), 12);
	EXPECT_TRUE("file/overwrite/bytes", lt_memeq(b, "hello, WORLD", 12));
	/* Writing past the end leaves a hole that reads as zeros. */
	EXPECT_RET("file/pwrite64_past_end", lt_syscall4(SYS_pwrite64, fd, "!", 1, 20), 1);
	EXPECT_EQ("file/pwrite64_past_end/size", size_of(fd), 21);
	EXPECT_EQ("file/pwrite64/pos_kept", pos(fd), 12);
	EXPECT_RET("file/pread64_hole", lt_syscall4(SYS_pread64, fd, b, 64, 12), 9);
	EXPECT_TRUE("file/pread64_hole/bytes", lt_memeq(b, "\0\0\0\0\0\0\0\0!", 9));
	EXPECT_EQ("file/pread64/pos_kept", pos(fd), 12);
	EXPECT_RET("file/pread64_past_end", lt_syscall4(SYS_pread64, fd, b, 8, 100), 0);
	EXPECT_RET("file/pread64_negative", lt_syscall4(SYS_pread64, fd, b, 8, -1), -EINVAL);
	EXPECT_RET("file/pwrite64_negative", lt_syscall4(SYS_pwrite64, fd, b, 8, -4096),
		   -EINVAL);
	EXPECT_EQ("file/negative/size_kept", size_of(fd), 21);
	/* A transfer whose end would pass the largest file position is
	 * EINVAL, reads too; one that ends right there is fine. */
	EXPECT_RET("file/pwrite64_end_overflows",
		   lt_syscall4(SYS_pwrite64, fd, "xy", 2, LLONG_MAX - 1), -EINVAL);
	EXPECT_RET("file/pread64_end_overflows",
		   lt_syscall4(SYS_pread64, fd, b, 1, LLONG_MAX), -EINVAL);
	EXPECT_RET("file/pread64_zero_at_max", lt_syscall4(SYS_pread64, fd, b, 0, LLONG_MAX), 0);
	EXPECT_RET("file/lseek_max", lt_syscall3(SYS_lseek, fd, LLONG_MAX, SEEK_SET), LLONG_MAX);
	EXPECT_RET("file/write_at_max", lt_syscall3(SYS_write, fd, "x", 1), -EINVAL);
	EXPECT_RET("file/read_at_max", lt_syscall3(SYS_read, fd, b, 1), -EINVAL);
	EXPECT_EQ("file/at_max/size_kept", size_of(fd), 21);
	lt_syscall3(SYS_lseek, fd, 12, SEEK_SET);
	/* A huge count cannot describe user memory. */
	EXPECT_RET("file/read_huge_count", lt_syscall3(SYS_read, fd, b, -1L), -EFAULT);

	/* The open mode decides which transfers are allowed. */
	ro = lt_syscall3(SYS_open, "/rw.data", O_RDONLY, 0);
	wo = lt_syscall3(SYS_open, "/rw.data", O_WRONLY, 0);
	EXPECT_RET("mode/write_on_rdonly", lt_syscall3(SYS_write, ro, "x", 1), -EBADF);
	EXPECT_RET("mode/pwrite64_on_rdonly", lt_syscall4(SYS_pwrite64, ro, "x", 1, 0), -EBADF);
	EXPECT_RET("mode/read_on_wronly", lt_syscall3(SYS_read, wo, b, 1), -EBADF);
	EXPECT_RET("mode/pread64_on_wronly", lt_syscall4(SYS_pread64, wo, b, 1, 0), -EBADF);
	EXPECT_RET("mode/read_on_rdonly", lt_syscall3(SYS_read, ro, b, 5), 5);
	EXPECT_RET("mode/write_on_wronly", lt_syscall3(SYS_write, wo, "H", 1), 1);
	/* Each open file has its own position. */
	EXPECT_EQ("mode/own_pos_ro", pos(ro), 5);
	EXPECT_EQ("mode/own_pos_wo", pos(wo), 1);
	EXPECT_EQ("mode/own_pos_rw", pos(fd), 12);
	lt_syscall1(SYS_close, ro);
	lt_syscall1(SYS_close, wo);

	/* O_APPEND: every write goes to the end, whatever the position. */
	i = lt_syscall3(SYS_open, "/rw.data", O_WRONLY | O_APPEND, 0);
	lt_syscall3(SYS_lseek, i, 0, SEEK_SET);
	EXPECT_RET("append/write", lt_syscall3(SYS_write, i, "+", 1), 1);
	EXPECT_EQ("append/pos", pos(i), 22);
	EXPECT_RET("append/pread64", lt_syscall4(SYS_pread64, fd, b, 2, 20), 2);
	EXPECT_TRUE("append/bytes", lt_memeq(b, "!+", 2));
	/* pwrite on an O_APPEND descriptor appends too (a Linux quirk
	 * pwrite(2) documents), leaving the position alone. */
	EXPECT_RET("append/pwrite64", lt_syscall4(SYS_pwrite64, i, "#", 1, 0), 1);
	EXPECT_EQ("append/pwrite64/size", size_of(fd), 23);
	EXPECT_RET("append/pwrite64/pread64", lt_syscall4(SYS_pread64, fd, b, 2, 0), 2);
	EXPECT_TRUE("append/pwrite64/start_kept", lt_memeq(b, "He", 2));
	EXPECT_RET("append/pwrite64/pread64_end", lt_syscall4(SYS_pread64, fd, b, 1, 22), 1);
	EXPECT_EQ("append/pwrite64/at_end", b[0], '#');
	EXPECT_EQ("append/pwrite64/pos", pos(i), 22);
	lt_syscall1(SYS_close, i);
	lt_syscall1(SYS_close, fd);

	/* A directory is not read with read(). */
	fd = lt_syscall3(SYS_open, "/", O_RDONLY | O_DIRECTORY, 0);
	EXPECT_RET("dir/read", lt_syscall3(SYS_read, fd, b, 8), -EISDIR);
	lt_syscall1(SYS_close, fd);
}

static void vectors(void)
{
	char a[4], b[3], c[8], big[16];
	struct iovec v[4], many[1025];
	int fd, i;

	fd = lt_syscall3(SYS_open, "/rw.vec", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (!EXPECT_TRUE("vec/open", fd >= 0))
		return;
	v[0] = (struct iovec){ (void *)"abcd", 4 };
	v[1] = (struct iovec){ (void *)"", 0 };
	v[2] = (struct iovec){ (void *)"efg", 3 };
	v[3] = (struct iovec){ (void *)"hijklmno", 8 };
	EXPECT_RET("vec/writev", lt_syscall3(SYS_writev, fd, v, 4), 15);
	EXPECT_EQ("vec/writev/pos", pos(fd), 15);
	EXPECT_RET("vec/pread64", lt_syscall4(SYS_pread64, fd, big, 16, 0), 15);
	EXPECT_TRUE("vec/writev/bytes", lt_memeq(big, "abcdefghijklmno", 15));

	/* readv fills each buffer in turn; the last one only partly. */
	lt_syscall3(SYS_lseek, fd, 0, SEEK_SET);
	v[0] = (struct iovec){ a, 4 };
	v[1] = (struct iovec){ 0, 0 };
	v[2] = (struct iovec){ b, 3 };
	v[3] = (struct iovec){ c, 8 };
	c[6] = c[7] = '#';
	lt_syscall3(SYS_lseek, fd, 2, SEEK_SET);
	EXPECT_RET("vec/readv", lt_syscall3(SYS_readv, fd, v, 4), 13);
	EXPECT_TRUE("vec/readv/bytes", lt_memeq(a, "cdef", 4) && lt_memeq(b, "ghi", 3) &&
		    lt_memeq(c, "jklmno##", 8));
	EXPECT_EQ("vec/readv/pos", pos(fd), 15);
	EXPECT_RET("vec/readv_eof", lt_syscall3(SYS_readv, fd, v, 4), 0);

	/* The array is checked whole before anything moves. */
	lt_syscall3(SYS_lseek, fd, 0, SEEK_SET);
	for (i = 0; i < 1025; i++)
		many[i] = (struct iovec){ a, 1 };
	EXPECT_RET("vec/uio_maxiov", lt_syscall3(SYS_readv, fd, many, 1024), 15);
	lt_syscall3(SYS_lseek, fd, 0, SEEK_SET);
	EXPECT_RET("vec/too_many_readv", lt_syscall3(SYS_readv, fd, many, 1025), -EINVAL);
	EXPECT_RET("vec/too_many_writev", lt_syscall3(SYS_writev, fd, many, 1025), -EINVAL);
	EXPECT_RET("vec/vlen_minus_one", lt_syscall3(SYS_writev, fd, many, -1L), -EINVAL);
	v[0] = (struct iovec){ (void *)"zz", 2 };
	v[1] = (struct iovec){ (void *)"zz", -1UL };
	EXPECT_RET("vec/negative_len", lt_syscall3(SYS_writev, fd, v, 2), -EINVAL);
	v[1] = (struct iovec){ (void *)"zz", 0x8000000000000000UL };
	EXPECT_RET("vec/len_sign_bit", lt_syscall3(SYS_writev, fd, v, 2), -EINVAL);
	EXPECT_EQ("vec/einval/pos_kept", pos(fd), 0);
	EXPECT_EQ("vec/einval/size_kept", size_of(fd), 15);
	EXPECT_RET("vec/einval/bytes_kept", lt_syscall4(SYS_pread64, fd, big, 2, 0), 2);
	EXPECT_TRUE("vec/einval/bytes", lt_memeq(big, "ab", 2));
	/* The array is checked before the open mode (Linux's vfs_writev
	 * imports it, then do_iter_write looks at FMODE_WRITE). */
	lt_syscall1(SYS_close, fd);
	fd = lt_syscall3(SYS_open, "/rw.vec", O_RDONLY, 0);
	EXPECT_RET("vec/writev_rdonly_bad_array", lt_syscall3(SYS_writev, fd, v, 2), -EINVAL);
	EXPECT_RET("vec/writev_rdonly_too_many", lt_syscall3(SYS_writev, fd, many, 1025),
		   -EINVAL);
	EXPECT_RET("vec/writev_rdonly", lt_syscall3(SYS_writev, fd, many, 2), -EBADF);
	EXPECT_RET("vec/writev_rdonly_empty", lt_syscall3(SYS_writev, fd, many, 0), -EBADF);
	lt_syscall1(SYS_close, fd);
	fd = lt_syscall3(SYS_open, "/rw.vec", O_WRONLY, 0);
	EXPECT_RET("vec/readv_wronly_bad_array", lt_syscall3(SYS_readv, fd, v, 2), -EINVAL);
	EXPECT_RET("vec/readv_wronly", lt_syscall3(SYS_readv, fd, many, 2), -EBADF);
	EXPECT_RET("vec/readv_wronly_empty", lt_syscall3(SYS_readv, fd, many, 0), -EBADF);
	lt_syscall1(SYS_close, fd);
}

int main(void)
{
	console();
	bad_fds();
	regular();
	vectors();
	return lt_done();
}
