// open, openat, openat2, creat, close, close_range, dup, dup2, dup3 and
// fcntl's descriptor commands: every O_ flag that matters, Linux's
// invalid combinations, the lowest-descriptor rule, EMFILE, and that a
// failed open changes nothing.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_open"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/resource.h>

/* linux/openat2.h and linux/close_range.h (musl ships no kernel headers). */
struct open_how {
	unsigned long long flags, mode, resolve;
};
#define RESOLVE_NO_XDEV		0x01
#define RESOLVE_NO_MAGICLINKS	0x02
#define RESOLVE_NO_SYMLINKS	0x04
#define RESOLVE_BENEATH		0x08
#define RESOLVE_IN_ROOT		0x10
#define RESOLVE_CACHED		0x20
#define CLOSE_RANGE_UNSHARE	(1U << 1)
#define CLOSE_RANGE_CLOEXEC	(1U << 2)
#ifndef __O_TMPFILE
#define __O_TMPFILE	020000000
#endif

static long mode_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -errno : (long)(st.st_mode & 07777);
}

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -errno : (long)st.st_size;
}

static void test_create(void)
{
	char buf[16];
	int fd;

	umask(022);
	fd = sys3(open, "new", O_CREAT | O_WRONLY, 0666);
	EXPECT_TRUE("creat/fd", fd >= 3);
	EXPECT_EQ("creat/mode_umask", mode_of("new"), 0644);
	EXPECT_EQ("creat/write", sys3(write, fd, "12345", 5), 5);
	EXPECT_EQ("creat/read_wronly", sys3(read, fd, buf, 5), -EBADF);
	close(fd);
	EXPECT_EQ("excl/exists", sys3(open, "new", O_CREAT | O_EXCL | O_RDWR, 0644), -EEXIST);
	EXPECT_EQ("excl/no_change", size_of("new"), 5);
	/* A new file may be opened as asked whatever mode it gets. */
	fd = sys3(open, "ro", O_CREAT | O_RDWR, 0444);
	EXPECT_TRUE("creat/readonly_mode_rdwr", fd >= 0);
	EXPECT_EQ("creat/readonly_write", sys3(write, fd, "x", 1), 1);
	close(fd);
	EXPECT_EQ("creat/mode_bits_masked", (sys3(open, "m", O_CREAT | O_WRONLY, 07777) >= 0,
					     mode_of("m")), 07755);
	EXPECT_EQ("creat/syscall", sys2(creat, "c", 0600) >= 0, 1);
	EXPECT_EQ("creat/truncates", (put_file("c", "abc"), sys2(creat, "c", 0600) >= 0, size_of("c")), 0);
	EXPECT_EQ("creat/dir_trailing_slash", sys3(open, "newdir/", O_CREAT | O_WRONLY, 0644), -EISDIR);
	EXPECT_EQ("creat/dot", sys3(open, ".", O_CREAT | O_RDONLY, 0644), -EISDIR);
	EXPECT_EQ("creat/existing_dir", sys3(open, "/tmp", O_CREAT | O_RDONLY, 0644), -EISDIR);
	EXPECT_EQ("creat/missing_parent", sys3(open, "nope/x", O_CREAT | O_RDWR, 0644), -ENOENT);
	EXPECT_EQ("creat/in_proc", sys3(open, "/proc/newfile", O_CREAT | O_RDWR, 0644), -ENOENT);
	/* A dangling symlink is created through; with O_EXCL it is EEXIST. */
	symlink("target", "dangling");
	EXPECT_EQ("creat/excl_symlink", sys3(open, "dangling", O_CREAT | O_EXCL | O_WRONLY, 0644),
		  -EEXIST);
	EXPECT_EQ("creat/nofollow_symlink", sys3(open, "dangling", O_CREAT | O_NOFOLLOW | O_WRONLY,
						 0644), -ELOOP);
	fd = sys3(open, "dangling", O_CREAT | O_WRONLY, 0644);
	EXPECT_TRUE("creat/through_symlink", fd >= 0);
	close(fd);
	EXPECT_EQ("creat/target_made", size_of("target"), 0);
	EXPECT_EQ("open/efault", sys3(open, BADPTR, O_RDONLY, 0), -EFAULT);
	EXPECT_EQ("open/empty", sys3(open, "", O_RDONLY, 0), -ENOENT);
	EXPECT_EQ("open/missing", sys3(open, "nope", O_RDONLY, 0), -ENOENT);
}

static void test_flags(void)
{
	char buf[16];
	int fd;

	put_file("f", "hello");
	fd = sys3(open, "f", O_RDONLY | O_TRUNC, 0);
	EXPECT_TRUE("trunc/rdonly", fd >= 0);
	EXPECT_EQ("trunc/rdonly_truncates", size_of("f"), 0);
	close(fd);
	put_file("f", "hello");
	fd = sys3(open, "f", O_WRONLY | O_APPEND, 0);
	EXPECT_EQ("append/write", sys3(write, fd, "!!", 2), 2);
	EXPECT_EQ("append/lseek_then_write", (lseek(fd, 0, SEEK_SET), sys3(write, fd, "?", 1)), 1);
	EXPECT_EQ("append/at_end", (get_file("f", buf, sizeof(buf)), strcmp(buf, "hello!!?")), 0);
	EXPECT_EQ("append/getfl", sys2(fcntl, fd, F_GETFL) & (O_APPEND | O_ACCMODE),
		  O_APPEND | O_WRONLY);
	close(fd);
	EXPECT_EQ("directory/on_file", sys3(open, "f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	EXPECT_TRUE("directory/on_dir", sys3(open, ".", O_RDONLY | O_DIRECTORY, 0) >= 0);
	EXPECT_EQ("dir/wronly", sys3(open, ".", O_WRONLY, 0), -EISDIR);
	EXPECT_EQ("dir/rdwr", sys3(open, ".", O_RDWR, 0), -EISDIR);
	EXPECT_EQ("dir/trunc", sys3(open, ".", O_RDONLY | O_TRUNC, 0), -EISDIR);
	EXPECT_EQ("directory_creat/einval", sys3(open, "dc", O_CREAT | O_DIRECTORY | O_RDWR, 0644),
		  -EINVAL);
	EXPECT_EQ("directory_creat/nothing_made", size_of("dc"), -ENOENT);
	fd = sys3(open, "f", O_RDONLY | O_CLOEXEC, 0);
	EXPECT_EQ("cloexec/getfd", sys2(fcntl, fd, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("cloexec/not_in_getfl", sys2(fcntl, fd, F_GETFL) & O_CLOEXEC, 0);
	EXPECT_EQ("largefile/getfl", sys2(fcntl, fd, F_GETFL), O_RDONLY | O_LARGEFILE);
	close(fd);
	fd = sys3(open, "f", O_RDONLY | O_NONBLOCK | O_NOATIME | O_SYNC, 0);
	EXPECT_EQ("flags/getfl_kept", sys2(fcntl, fd, F_GETFL),
		  O_RDONLY | O_NONBLOCK | O_NOATIME | O_SYNC | O_LARGEFILE);
	close(fd);
	/* Unknown bits are ignored by open (not openat2). */
	fd = sys3(open, "f", O_RDONLY | 0x40000000, 0);
	EXPECT_TRUE("unknown_flags_ignored", fd >= 0);
	close(fd);
	/* Access mode 3 opens for neither read nor write. */
	fd = sys3(open, "f", 3, 0);
	EXPECT_TRUE("accmode3/opens", fd >= 0);
	EXPECT_EQ("accmode3/read", sys3(read, fd, buf, 1), -EBADF);
	EXPECT_EQ("accmode3/write", sys3(write, fd, buf, 1), -EBADF);
	close(fd);
	/* O_PATH: a name only. */
	fd = sys3(open, "f", O_PATH | O_RDWR | O_TRUNC | O_CREAT, 0);
	EXPECT_TRUE("path/opens", fd >= 0);
	EXPECT_EQ("path/no_truncate", size_of("f"), 8);
	EXPECT_EQ("path/getfl", sys2(fcntl, fd, F_GETFL), O_PATH);
	EXPECT_EQ("path/read", sys3(read, fd, buf, 1), -EBADF);
	EXPECT_EQ("path/fstat_ok", sys2(fstat, fd, &(struct stat){0}), 0);
	EXPECT_EQ("path/setfl", sys3(fcntl, fd, F_SETFL, O_NONBLOCK), -EBADF);
	EXPECT_EQ("path/dup_ok", sys1(dup, fd) >= 0, 1);
	close(fd);
	/* O_TMPFILE: writable, in a directory, named later by linkat. */
	EXPECT_EQ("tmpfile/rdonly", sys3(open, ".", O_TMPFILE | O_RDONLY, 0600), -EINVAL);
	EXPECT_EQ("tmpfile/with_creat", sys3(open, ".", __O_TMPFILE | O_CREAT | O_RDWR, 0600), -EINVAL);
	EXPECT_EQ("tmpfile/no_directory", sys3(open, ".", __O_TMPFILE | O_RDWR, 0600), -EINVAL);
	EXPECT_EQ("tmpfile/on_file", sys3(open, "f", O_TMPFILE | O_RDWR, 0600), -ENOTDIR);
	fd = sys3(open, ".", O_TMPFILE | O_RDWR, 0600);
	EXPECT_TRUE("tmpfile/opens", fd >= 0);
	EXPECT_EQ("tmpfile/write", sys3(write, fd, "tmp", 3), 3);
	{
		struct stat st;

		EXPECT_EQ("tmpfile/nlink_0", fstat(fd, &st) ? -1 : (long)st.st_nlink, 0);
	}
	EXPECT_EQ("tmpfile/linkat", sys5(linkat, fd, "", AT_FDCWD, "named", AT_EMPTY_PATH), 0);
	EXPECT_EQ("tmpfile/named_size", size_of("named"), 3);
	close(fd);
	fd = sys3(open, ".", O_TMPFILE | O_RDWR | O_EXCL, 0600);
	EXPECT_EQ("tmpfile_excl/linkat", sys5(linkat, fd, "", AT_FDCWD, "named2", AT_EMPTY_PATH),
		  -ENOENT);
	close(fd);
}

static void test_dup_fcntl(void)
{
	struct rlimit old, lim;
	int fd = open("f", O_RDONLY), d, low;

	low = open("/", O_RDONLY);	/* the lowest free descriptor */
	close(low);
	EXPECT_EQ("dup/lowest", sys1(dup, fd), low);
	EXPECT_EQ("dup/shares_offset", (lseek(fd, 3, SEEK_SET), lseek(low, 0, SEEK_CUR)), 3);
	close(low);
	EXPECT_EQ("dup/ebadf", sys1(dup, 999), -EBADF);
	EXPECT_EQ("dup2", sys2(dup2, fd, 100), 100);
	EXPECT_EQ("dup2/same", sys2(dup2, 100, 100), 100);
	EXPECT_EQ("dup2/same_closed", sys2(dup2, 101, 101), -EBADF);
	EXPECT_EQ("dup2/cloexec_cleared", (sys3(fcntl, 100, F_SETFD, FD_CLOEXEC),
					   sys2(dup2, fd, 100), sys2(fcntl, 100, F_GETFD)), 0);
	EXPECT_EQ("dup2/ebadf_old", sys2(dup2, 999, 100), -EBADF);
	EXPECT_EQ("dup2/new_too_big", sys2(dup2, fd, 1 << 30), -EBADF);
	EXPECT_EQ("dup3/same", sys3(dup3, fd, fd, 0), -EINVAL);
	EXPECT_EQ("dup3/bad_flags", sys3(dup3, fd, 101, O_NONBLOCK), -EINVAL);
	EXPECT_EQ("dup3/cloexec", sys3(dup3, fd, 101, O_CLOEXEC), 101);
	EXPECT_EQ("dup3/getfd", sys2(fcntl, 101, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("dup3/replaces", sys3(dup3, fd, 101, 0), 101);
	EXPECT_EQ("dup3/replaced_getfd", sys2(fcntl, 101, F_GETFD), 0);

	EXPECT_EQ("f_dupfd", sys3(fcntl, fd, F_DUPFD, 50), 50);
	EXPECT_EQ("f_dupfd/next", sys3(fcntl, fd, F_DUPFD, 50), 51);
	EXPECT_EQ("f_dupfd_cloexec", sys3(fcntl, fd, F_DUPFD_CLOEXEC, 60), 60);
	EXPECT_EQ("f_dupfd_cloexec/getfd", sys2(fcntl, 60, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("f_dupfd/past_limit", sys3(fcntl, fd, F_DUPFD, 1 << 30), -EINVAL);
	EXPECT_EQ("f_setfd", sys3(fcntl, 50, F_SETFD, FD_CLOEXEC | 0xf0), 0);
	EXPECT_EQ("f_getfd", sys2(fcntl, 50, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("f_setfl/ignores_accmode", sys3(fcntl, fd, F_SETFL, O_RDWR | O_APPEND), 0);
	EXPECT_EQ("f_getfl/after", sys2(fcntl, fd, F_GETFL), O_RDONLY | O_APPEND | O_LARGEFILE);
	EXPECT_EQ("fcntl/bad_cmd", sys3(fcntl, fd, 9999, 0), -EINVAL);
	EXPECT_EQ("fcntl/ebadf", sys3(fcntl, 999, F_GETFD, 0), -EBADF);

	/* close_range: every open descriptor in the range; flags. */
	EXPECT_EQ("close_range/bad_flags", sys3(close_range, 50, 60, 1), -EINVAL);
	EXPECT_EQ("close_range/reversed", sys3(close_range, 60, 50, 0), -EINVAL);
	EXPECT_EQ("close_range/cloexec", sys3(close_range, 50, 51, CLOSE_RANGE_CLOEXEC), 0);
	EXPECT_EQ("close_range/cloexec_set", sys2(fcntl, 51, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ("close_range/closes", sys3(close_range, 50, ~0U, 0), 0);
	EXPECT_EQ("close_range/closed", sys2(fcntl, 100, F_GETFD), -EBADF);
	EXPECT_EQ("close_range/kept_below", sys2(fcntl, fd, F_GETFD), 0);
	EXPECT_EQ("close_range/unshare", sys3(close_range, 200, 300, CLOSE_RANGE_UNSHARE), 0);
	EXPECT_EQ("close/ebadf", sys1(close, 999), -EBADF);
	EXPECT_EQ("close/twice", (d = dup(fd), sys1(close, d), sys1(close, d)), -EBADF);

	/* EMFILE: the table is full below RLIMIT_NOFILE; nothing is made. */
	getrlimit(RLIMIT_NOFILE, &old);
	low = open("/", O_RDONLY);
	close(low);
	lim.rlim_cur = low;
	lim.rlim_max = old.rlim_max;
	setrlimit(RLIMIT_NOFILE, &lim);
	EXPECT_EQ("emfile/open", sys3(open, "f", O_RDONLY, 0), -EMFILE);
	EXPECT_EQ("emfile/creat_makes_nothing", sys3(open, "emf", O_CREAT | O_RDWR, 0644), -EMFILE);
	EXPECT_EQ("emfile/nothing", size_of("emf"), -ENOENT);
	EXPECT_EQ("emfile/dup", sys1(dup, fd), -EMFILE);
	EXPECT_EQ("emfile/dupfd_from_limit", sys3(fcntl, fd, F_DUPFD, low), -EINVAL);
	setrlimit(RLIMIT_NOFILE, &old);
	close(fd);
}

static void test_openat2(void)
{
	struct open_how how = { .flags = O_RDONLY };
	char big[64];
	int fd;

	fd = sys4(openat2, AT_FDCWD, "f", &how, sizeof(how));
	EXPECT_TRUE("openat2/opens", fd >= 0);
	EXPECT_EQ("openat2/getfl", sys2(fcntl, fd, F_GETFL), O_RDONLY | O_LARGEFILE);
	close(fd);
	EXPECT_EQ("openat2/small", sys4(openat2, AT_FDCWD, "f", &how, 16), -EINVAL);
	EXPECT_EQ("openat2/too_big", sys4(openat2, AT_FDCWD, "f", &how, 8192), -E2BIG);
	memset(big, 0, sizeof(big));
	memcpy(big, &how, sizeof(how));
	EXPECT_TRUE("openat2/bigger_zeroed", sys4(openat2, AT_FDCWD, "f", big, sizeof(big)) >= 0);
	big[40] = 1;
	EXPECT_EQ("openat2/bigger_nonzero", sys4(openat2, AT_FDCWD, "f", big, sizeof(big)), -E2BIG);
	how.flags = O_RDONLY | (1ULL << 40);
	EXPECT_EQ("openat2/unknown_flag", sys4(openat2, AT_FDCWD, "f", &how, sizeof(how)), -EINVAL);
	how.flags = O_RDONLY;
	how.mode = 0644;
	EXPECT_EQ("openat2/mode_without_creat", sys4(openat2, AT_FDCWD, "f", &how, sizeof(how)),
		  -EINVAL);
	how.flags = O_CREAT | O_RDWR;
	how.mode = 010000;
	EXPECT_EQ("openat2/bad_mode", sys4(openat2, AT_FDCWD, "o2", &how, sizeof(how)), -EINVAL);
	how.mode = 0;
	how.flags = O_RDONLY;
	how.resolve = 0x1000;
	EXPECT_EQ("openat2/unknown_resolve", sys4(openat2, AT_FDCWD, "f", &how, sizeof(how)),
		  -EINVAL);
	how.resolve = RESOLVE_BENEATH | RESOLVE_IN_ROOT;
	EXPECT_EQ("openat2/beneath_and_in_root", sys4(openat2, AT_FDCWD, "f", &how,
						      sizeof(how)), -EINVAL);
	symlink("f", "lnk");
	how.resolve = RESOLVE_NO_SYMLINKS;
	EXPECT_EQ("openat2/no_symlinks", sys4(openat2, AT_FDCWD, "lnk", &how, sizeof(how)), -ELOOP);
	how.resolve = RESOLVE_BENEATH;
	EXPECT_EQ("openat2/beneath_absolute", sys4(openat2, AT_FDCWD, "/tmp", &how, sizeof(how)),
		  -EXDEV);
	EXPECT_EQ("openat2/beneath_dotdot", sys4(openat2, AT_FDCWD, "../x", &how, sizeof(how)),
		  -EXDEV);
	fd = sys4(openat2, AT_FDCWD, "lnk", &how, sizeof(how));
	EXPECT_TRUE("openat2/beneath_relative_ok", fd >= 0);
	close(fd);
	how.resolve = RESOLVE_IN_ROOT;
	fd = sys4(openat2, open(".", O_RDONLY), "/f", &how, sizeof(how));
	EXPECT_TRUE("openat2/in_root_absolute", fd >= 0);
	close(fd);
	how.resolve = RESOLVE_NO_XDEV;
	EXPECT_EQ("openat2/no_xdev", sys4(openat2, AT_FDCWD, "/proc/self", &how, sizeof(how)),
		  -EXDEV);
	how.resolve = RESOLVE_NO_MAGICLINKS;
	EXPECT_EQ("openat2/no_magiclinks", sys4(openat2, AT_FDCWD, "/proc/self/cwd", &how,
						sizeof(how)), -ELOOP);
	how.resolve = RESOLVE_CACHED;
	how.flags = O_RDWR | O_CREAT;
	how.mode = 0600;
	EXPECT_EQ("openat2/cached_creat", sys4(openat2, AT_FDCWD, "f", &how, sizeof(how)), -EAGAIN);
}

int main(void)
{
	vfs_setup("/tmp/vfs_open");
	test_create();
	test_flags();
	test_dup_fcntl();
	test_openat2();
	return lt_done();
}
