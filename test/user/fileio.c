// open, openat, close, lseek, fstat, newfstatat, readlinkat and ioctl:
// descriptors (lowest free first), creation and its errors, seeking with
// each whence and its errors, stat fields, AT_EMPTY_PATH and
// AT_SYMLINK_NOFOLLOW, symlinks from the initramfs, and the console's
// terminal ioctls.
// lego-test: libc=musl
// lego-test: link=fileio.target:/fileio.link
// lego-test: link=/no/such/target:/fileio.dangling
#define LT_SUITE "fileio"
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include "lego_test.h"

/* The kernel's struct termios (asm-generic/termbits.h: NCCS 19), which
 * TCGETS fills; the C libraries' struct termios is larger. */
struct kernel_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};
_Static_assert(sizeof(struct kernel_termios) == 36, "kernel termios");

struct kernel_winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define FIONREAD	0x541b
#define FIOCLEX		0x5451

/* termbits.h flag values */
#define ICRNL	0000400
#define IXON	0002000
#define OPOST	0000001
#define ONLCR	0000004
#define CSIZE	0000060
#define CS8	0000060
#define CREAD	0000200
#define HUPCL	0002000
#define CLOCAL	0004000
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHOCTL	0001000
#define ECHOKE	0004000
#define IEXTEN	0100000

#define SEEK_DATA	3
#define SEEK_HOLE	4
#define AT_STATX_FORCE_SYNC	0x2000
#define AT_STATX_DONT_SYNC	0x4000

static long opn(const char *path, int flags, int mode)
{
	return lt_syscall3(SYS_open, path, flags, mode);
}

static void open_close(void)
{
	static char longname[300], longpath[4200];
	struct stat st;
	long fd, fd2, root, r;
	int i;

	/* Creation: mode & ~umask (022 for init), regular, empty. */
	fd = opn("/fileio.a", O_RDWR | O_CREAT | O_EXCL, 0666);
	if (!EXPECT_EQ("open/create_lowest_fd", fd, 3))
		return;
	EXPECT_RET("open/create/fstat", lt_syscall2(SYS_fstat, fd, &st), 0);
	EXPECT_EQ("open/create/mode", st.st_mode, S_IFREG | 0644);
	EXPECT_EQ("open/create/size", st.st_size, 0);
	EXPECT_RET("open/create/write", lt_syscall3(SYS_write, fd, "0123456789", 10), 10);
	fd2 = opn("/fileio.a", O_RDONLY, 0);
	EXPECT_EQ("open/next_fd", fd2, 4);
	EXPECT_RET("close", lt_syscall1(SYS_close, fd), 0);
	EXPECT_RET("close/again", lt_syscall1(SYS_close, fd), -EBADF);
	EXPECT_RET("close/never_open", lt_syscall1(SYS_close, 999), -EBADF);
	EXPECT_RET("close/minus_one", lt_syscall1(SYS_close, -1), -EBADF);
	/* The freed number is the lowest free one again. */
	EXPECT_EQ("open/reuses_lowest", opn("/fileio.a", O_RDONLY, 0), 3);
	lt_syscall1(SYS_close, 3);
	lt_syscall1(SYS_close, fd2);

	EXPECT_RET("open/excl_exists", opn("/fileio.a", O_RDWR | O_CREAT | O_EXCL, 0600), -EEXIST);
	EXPECT_RET("open/missing", opn("/fileio.none", O_RDONLY, 0), -ENOENT);
	EXPECT_RET("open/missing_dir", opn("/no/such/file", O_RDWR | O_CREAT, 0600), -ENOENT);
	EXPECT_RET("open/empty_path", opn("", O_RDONLY, 0), -ENOENT);
	EXPECT_RET("open/file_as_dir", opn("/fileio.a/x", O_RDONLY, 0), -ENOTDIR);
	EXPECT_RET("open/trailing_slash", opn("/fileio.a/", O_RDONLY, 0), -ENOTDIR);
	EXPECT_RET("open/o_directory_file", opn("/fileio.a", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	EXPECT_RET("open/dir_wronly", opn("/", O_WRONLY, 0), -EISDIR);
	EXPECT_RET("open/dir_rdwr", opn("/dev", O_RDWR, 0), -EISDIR);
	EXPECT_RET("open/create_dir_name", opn("/dev", O_RDWR | O_CREAT, 0600), -EISDIR);
	/* A component of NAME_MAX (255) bytes may exist; one more may not. */
	for (i = 0; i < 257; i++)
		longname[i] = 'n';
	longname[0] = '/';
	EXPECT_RET("open/name_too_long", opn(longname, O_RDONLY, 0), -ENAMETOOLONG);
	EXPECT_RET("open/name_too_long_creat", opn(longname, O_RDWR | O_CREAT, 0600),
		   -ENAMETOOLONG);
	longname[256] = 0;
	EXPECT_RET("open/name_max", opn(longname, O_RDONLY, 0), -ENOENT);
	for (i = 0; i < 4096; i += 2) {
		longpath[i] = '/';
		longpath[i + 1] = '.';
	}
	longpath[4096] = 0;
	EXPECT_RET("open/path_too_long", opn(longpath, O_RDONLY, 0), -ENAMETOOLONG);
	longpath[4095] = 0;	/* 4095 bytes and the NUL: PATH_MAX fits */
	r = opn(longpath, O_RDONLY | O_DIRECTORY, 0);
	EXPECT_TRUE("open/path_max_fits", r >= 0);
	lt_syscall1(SYS_close, r);

	/* O_DIRECTORY|O_CREAT is refused outright; so is an O_TMPFILE
	 * that is not exactly __O_TMPFILE|O_DIRECTORY or not writable. */
	EXPECT_RET("open/creat_directory", opn("/fileio.c", O_RDWR | O_CREAT | O_DIRECTORY, 0600),
		   -EINVAL);
	EXPECT_RET("open/creat_directory_exists",
		   opn("/fileio.a", O_RDONLY | O_CREAT | O_DIRECTORY, 0600), -EINVAL);
	EXPECT_RET("open/creat_directory/nothing_made",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.c", &st, 0), -ENOENT);
	EXPECT_RET("open/tmpfile_rdonly", opn("/", O_RDONLY | O_TMPFILE, 0600), -EINVAL);
	EXPECT_RET("open/tmpfile_creat", opn("/", O_RDWR | O_TMPFILE | O_CREAT, 0600), -EINVAL);
	EXPECT_RET("open/tmpfile_no_directory", opn("/", O_RDWR | (O_TMPFILE & ~O_DIRECTORY),
						    0600), -EINVAL);
	EXPECT_RET("open/tmpfile_on_file", opn("/fileio.a", O_RDWR | O_TMPFILE, 0600), -ENOTDIR);
	EXPECT_RET("open/tmpfile_missing_dir", opn("/no/such", O_RDWR | O_TMPFILE, 0600), -ENOENT);
	/* O_PATH keeps only the flags that make sense for a name:
	 * O_CREAT and O_TRUNC are dropped. */
	EXPECT_RET("open/opath_creat", opn("/fileio.d", O_PATH | O_CREAT, 0600), -ENOENT);
	EXPECT_RET("open/opath_creat/nothing_made",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.d", &st, 0), -ENOENT);
	fd = opn("/fileio.a", O_PATH | O_TRUNC | O_WRONLY, 0);
	EXPECT_TRUE("open/opath_trunc", fd >= 0);
	lt_syscall2(SYS_fstat, fd, &st);
	EXPECT_EQ("open/opath_trunc/size_kept", st.st_size, 10);
	lt_syscall1(SYS_close, fd);

	/* O_TRUNC empties the file, with O_RDONLY too (it asks for write
	 * permission, which root has). */
	fd = opn("/fileio.a", O_WRONLY | O_TRUNC, 0);
	lt_syscall2(SYS_fstat, fd, &st);
	EXPECT_EQ("open/trunc/size", st.st_size, 0);
	lt_syscall3(SYS_write, fd, "0123456789abcdef", 16);
	lt_syscall1(SYS_close, fd);
	fd = opn("/fileio.b0", O_WRONLY | O_CREAT, 0644);
	lt_syscall3(SYS_write, fd, "abc", 3);
	lt_syscall1(SYS_close, fd);
	fd = opn("/fileio.b0", O_RDONLY | O_TRUNC, 0);
	lt_syscall2(SYS_fstat, fd, &st);
	EXPECT_EQ("open/trunc_rdonly/size", st.st_size, 0);
	EXPECT_RET("open/trunc_rdonly/write", lt_syscall3(SYS_write, fd, "x", 1), -EBADF);
	lt_syscall1(SYS_close, fd);

	/* openat: relative to a directory fd, or absolute whatever dfd is. */
	root = opn("/", O_RDONLY | O_DIRECTORY, 0);
	fd = lt_syscall4(SYS_openat, root, "fileio.a", O_RDONLY, 0);
	EXPECT_TRUE("openat/relative", fd >= 0);
	lt_syscall1(SYS_close, fd);
	fd = lt_syscall4(SYS_openat, root, "dev/console", O_WRONLY, 0);
	EXPECT_TRUE("openat/relative_subdir", fd >= 0);
	lt_syscall1(SYS_close, fd);
	fd = lt_syscall4(SYS_openat, AT_FDCWD, "fileio.a", O_RDONLY, 0);
	EXPECT_TRUE("openat/cwd", fd >= 0);
	lt_syscall1(SYS_close, fd);
	fd = lt_syscall4(SYS_openat, 999, "/fileio.a", O_RDONLY, 0);
	EXPECT_TRUE("openat/absolute_ignores_dfd", fd >= 0);
	EXPECT_RET("openat/dfd_not_dir", lt_syscall4(SYS_openat, fd, "x", O_RDONLY, 0), -ENOTDIR);
	lt_syscall1(SYS_close, fd);
	EXPECT_RET("openat/bad_dfd", lt_syscall4(SYS_openat, 999, "fileio.a", O_RDONLY, 0), -EBADF);
	fd = lt_syscall4(SYS_openat, root, "fileio.b", O_RDWR | O_CREAT | O_EXCL, 0640);
	EXPECT_TRUE("openat/create", fd >= 0);
	EXPECT_RET("openat/create/stat",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.b", &st, 0), 0);
	EXPECT_EQ("openat/create/mode", st.st_mode, S_IFREG | 0640);
	lt_syscall1(SYS_close, fd);
	lt_syscall1(SYS_close, root);
	/* A symlink is followed, unless O_NOFOLLOW. */
	fd = opn("/fileio.target", O_WRONLY | O_CREAT, 0644);
	lt_syscall3(SYS_write, fd, "target", 6);
	lt_syscall1(SYS_close, fd);
	fd = opn("/fileio.link", O_RDONLY, 0);
	EXPECT_TRUE("open/through_symlink", fd >= 0);
	lt_syscall2(SYS_fstat, fd, &st);
	EXPECT_EQ("open/through_symlink/size", st.st_size, 6);
	lt_syscall1(SYS_close, fd);
	EXPECT_RET("open/nofollow", opn("/fileio.link", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	EXPECT_RET("open/dangling", opn("/fileio.dangling", O_RDONLY, 0), -ENOENT);
}

static void seek(void)
{
	char b[4];
	long fd = opn("/fileio.a", O_RDWR, 0);

	EXPECT_RET("lseek/set", lt_syscall3(SYS_lseek, fd, 5, SEEK_SET), 5);
	EXPECT_RET("lseek/cur", lt_syscall3(SYS_lseek, fd, 3, SEEK_CUR), 8);
	EXPECT_RET("lseek/cur_back", lt_syscall3(SYS_lseek, fd, -2, SEEK_CUR), 6);
	EXPECT_RET("lseek/read_there", lt_syscall3(SYS_read, fd, b, 2), 2);
	EXPECT_TRUE("lseek/read_there/bytes", lt_memeq(b, "67", 2));
	EXPECT_RET("lseek/end", lt_syscall3(SYS_lseek, fd, 0, SEEK_END), 16);
	EXPECT_RET("lseek/end_back", lt_syscall3(SYS_lseek, fd, -1, SEEK_END), 15);
	EXPECT_RET("lseek/past_end", lt_syscall3(SYS_lseek, fd, 100, SEEK_SET), 100);
	EXPECT_RET("lseek/past_end/read", lt_syscall3(SYS_read, fd, b, 4), 0);
	/* No hole in a file written in one piece: data from 0, a hole at
	 * the end; past the end there is neither. */
	EXPECT_RET("lseek/data", lt_syscall3(SYS_lseek, fd, 0, SEEK_DATA), 0);
	EXPECT_RET("lseek/hole", lt_syscall3(SYS_lseek, fd, 0, SEEK_HOLE), 16);
	EXPECT_RET("lseek/data_past_end", lt_syscall3(SYS_lseek, fd, 16, SEEK_DATA), -ENXIO);
	EXPECT_RET("lseek/hole_past_end", lt_syscall3(SYS_lseek, fd, 17, SEEK_HOLE), -ENXIO);
	lt_syscall3(SYS_lseek, fd, 4, SEEK_SET);
	/* Bad whence or a negative result: EINVAL, the position kept. */
	EXPECT_RET("lseek/whence_5", lt_syscall3(SYS_lseek, fd, 0, 5), -EINVAL);
	EXPECT_RET("lseek/whence_huge", lt_syscall3(SYS_lseek, fd, 0, 0x80000000UL), -EINVAL);
	EXPECT_RET("lseek/negative_set", lt_syscall3(SYS_lseek, fd, -1, SEEK_SET), -EINVAL);
	EXPECT_RET("lseek/negative_cur", lt_syscall3(SYS_lseek, fd, -5, SEEK_CUR), -EINVAL);
	EXPECT_RET("lseek/negative_end", lt_syscall3(SYS_lseek, fd, -17, SEEK_END), -EINVAL);
	EXPECT_RET("lseek/einval/pos_kept", lt_syscall3(SYS_lseek, fd, 0, SEEK_CUR), 4);
	lt_syscall1(SYS_close, fd);
	/* A tty has no position: ESPIPE, but a bad whence is EINVAL first. */
	EXPECT_RET("lseek/console_0", lt_syscall3(SYS_lseek, 0, 0, SEEK_SET), -ESPIPE);
	EXPECT_RET("lseek/console_1", lt_syscall3(SYS_lseek, 1, 0, SEEK_CUR), -ESPIPE);
	EXPECT_RET("lseek/console_2", lt_syscall3(SYS_lseek, 2, 0, SEEK_END), -ESPIPE);
	EXPECT_RET("lseek/console_bad_whence", lt_syscall3(SYS_lseek, 1, 0, 7), -EINVAL);
	EXPECT_RET("lseek/ebadf", lt_syscall3(SYS_lseek, 999, 0, SEEK_SET), -EBADF);
}

static void stat_calls(void)
{
	struct stat a, b, c;
	long fd = opn("/fileio.a", O_RDONLY, 0), root, t0, t1;

	/* fstat of a regular file. */
	EXPECT_RET("fstat/file", lt_syscall2(SYS_fstat, fd, &a), 0);
	EXPECT_EQ("fstat/file/mode", a.st_mode, S_IFREG | 0644);
	EXPECT_EQ("fstat/file/size", a.st_size, 16);
	EXPECT_EQ("fstat/file/nlink", a.st_nlink, 1);
	EXPECT_EQ("fstat/file/uid", a.st_uid, 0);
	EXPECT_EQ("fstat/file/gid", a.st_gid, 0);
	EXPECT_EQ("fstat/file/rdev", a.st_rdev, 0);
	EXPECT_EQ("fstat/file/blksize", a.st_blksize, 4096);
	EXPECT_EQ("fstat/file/blocks", a.st_blocks, 8);	/* one page, 512-byte units */
	EXPECT_TRUE("fstat/file/ino", a.st_ino != 0);
	EXPECT_RET("fstat/ebadf", lt_syscall2(SYS_fstat, 999, &b), -EBADF);

	/* The console: a character device, /dev/console (5, 1). */
	EXPECT_RET("fstat/console", lt_syscall2(SYS_fstat, 1, &b), 0);
	EXPECT_EQ("fstat/console/mode", b.st_mode, S_IFCHR | 0600);
	EXPECT_EQ("fstat/console/rdev", b.st_rdev, makedev(5, 1));
	EXPECT_EQ("fstat/console/size", b.st_size, 0);
	EXPECT_RET("fstat/console_fd0", lt_syscall2(SYS_fstat, 0, &c), 0);
	EXPECT_EQ("fstat/console_fd0/same_inode", c.st_ino, b.st_ino);

	/* Times: a fresh write sets mtime and ctime to now. */
	t0 = lt_syscall1(SYS_time, 0);
	lt_syscall4(SYS_pwrite64, opn("/fileio.a", O_WRONLY, 0), "x", 1, 0);
	t1 = lt_syscall1(SYS_time, 0);
	lt_syscall2(SYS_fstat, fd, &a);
	EXPECT_TRUE("fstat/mtime_now", a.st_mtime >= t0 - 1 && a.st_mtime <= t1 + 1);
	EXPECT_TRUE("fstat/ctime_now", a.st_ctime >= t0 - 1 && a.st_ctime <= t1 + 1);
	EXPECT_TRUE("fstat/nsec_range", a.st_mtim.tv_nsec >= 0 &&
		    a.st_mtim.tv_nsec < 1000000000L);

	/* newfstatat by path gives the same inode; relative to a dfd too. */
	EXPECT_RET("newfstatat/path", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b, 0), 0);
	EXPECT_EQ("newfstatat/path/ino", b.st_ino, a.st_ino);
	EXPECT_EQ("newfstatat/path/size", b.st_size, 16);
	root = opn("/", O_RDONLY | O_DIRECTORY, 0);
	EXPECT_RET("newfstatat/dfd", lt_syscall4(SYS_newfstatat, root, "fileio.a", &c, 0), 0);
	EXPECT_EQ("newfstatat/dfd/ino", c.st_ino, a.st_ino);
	EXPECT_RET("newfstatat/dfd_not_dir",
		   lt_syscall4(SYS_newfstatat, fd, "fileio.a", &c, 0), -ENOTDIR);
	EXPECT_RET("newfstatat/bad_dfd",
		   lt_syscall4(SYS_newfstatat, 999, "fileio.a", &c, 0), -EBADF);
	EXPECT_RET("newfstatat/missing",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.none", &c, 0), -ENOENT);
	EXPECT_RET("newfstatat/trailing_slash",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a/", &c, 0), -ENOTDIR);
	EXPECT_RET("newfstatat/dir", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/dev", &c, 0), 0);
	EXPECT_TRUE("newfstatat/dir/mode", S_ISDIR(c.st_mode));

	/* AT_EMPTY_PATH: "" names dfd itself (or the cwd for AT_FDCWD). */
	EXPECT_RET("empty_path/fd", lt_syscall4(SYS_newfstatat, fd, "", &b, AT_EMPTY_PATH), 0);
	EXPECT_EQ("empty_path/fd/ino", b.st_ino, a.st_ino);
	EXPECT_RET("empty_path/console",
		   lt_syscall4(SYS_newfstatat, 2, "", &b, AT_EMPTY_PATH), 0);
	EXPECT_EQ("empty_path/console/rdev", b.st_rdev, makedev(5, 1));
	EXPECT_RET("empty_path/cwd",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "", &b, AT_EMPTY_PATH), 0);
	lt_syscall2(SYS_fstat, root, &c);
	EXPECT_EQ("empty_path/cwd/is_root", b.st_ino, c.st_ino);
	EXPECT_RET("empty_path/without_flag", lt_syscall4(SYS_newfstatat, fd, "", &b, 0), -ENOENT);
	EXPECT_RET("empty_path/bad_fd",
		   lt_syscall4(SYS_newfstatat, 999, "", &b, AT_EMPTY_PATH), -EBADF);
	/* With a non-empty path AT_EMPTY_PATH changes nothing. */
	EXPECT_RET("empty_path/with_path",
		   lt_syscall4(SYS_newfstatat, root, "fileio.a", &b, AT_EMPTY_PATH), 0);
	EXPECT_EQ("empty_path/with_path/ino", b.st_ino, a.st_ino);

	/* AT_SYMLINK_NOFOLLOW: the link itself, else what it names. */
	EXPECT_RET("nofollow/link",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.link", &b,
			       AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_EQ("nofollow/link/mode", b.st_mode, S_IFLNK | 0777);
	EXPECT_EQ("nofollow/link/size", b.st_size, 13);	/* strlen("fileio.target") */
	EXPECT_RET("follow/link", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.link", &c, 0), 0);
	EXPECT_EQ("follow/link/mode", c.st_mode, S_IFREG | 0644);
	EXPECT_EQ("follow/link/size", c.st_size, 6);
	EXPECT_TRUE("follow/link/other_inode", b.st_ino != c.st_ino);
	EXPECT_RET("nofollow/dangling", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.dangling",
						    &b, AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_RET("follow/dangling",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.dangling", &b, 0), -ENOENT);
	/* Flags: the statx sync hints are accepted, anything else not. */
	EXPECT_RET("flags/force_sync",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b, AT_STATX_FORCE_SYNC), 0);
	EXPECT_RET("flags/dont_sync",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b, AT_STATX_DONT_SYNC), 0);
	EXPECT_RET("flags/both_sync", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b,
						  AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC), 0);
	EXPECT_RET("flags/unknown", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b, 1),
		   -EINVAL);
	EXPECT_RET("flags/removedir", lt_syscall4(SYS_newfstatat, AT_FDCWD, "/fileio.a", &b,
						  AT_REMOVEDIR), -EINVAL);
	lt_syscall1(SYS_close, root);
	lt_syscall1(SYS_close, fd);
}

static void readlink(void)
{
	char b[32];
	long root = opn("/", O_RDONLY | O_DIRECTORY, 0), fd;
	int i;

	for (i = 0; i < 32; i++)
		b[i] = '#';
	/* The target's bytes, no NUL added. */
	EXPECT_RET("readlinkat/abs",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "/fileio.link", b, 32), 13);
	EXPECT_TRUE("readlinkat/abs/bytes", lt_memeq(b, "fileio.target#", 14));
	EXPECT_RET("readlinkat/dfd",
		   lt_syscall4(SYS_readlinkat, root, "fileio.dangling", b, 32), 15);
	EXPECT_TRUE("readlinkat/dfd/bytes", lt_memeq(b, "/no/such/target#", 16));
	/* A small buffer gets the start of it. */
	for (i = 0; i < 32; i++)
		b[i] = '#';
	EXPECT_RET("readlinkat/truncated",
		   lt_syscall4(SYS_readlinkat, root, "fileio.link", b, 3), 3);
	EXPECT_TRUE("readlinkat/truncated/bytes", lt_memeq(b, "fil#", 4));
	EXPECT_RET("readlinkat/size_zero",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "/fileio.link", b, 0), -EINVAL);
	EXPECT_RET("readlinkat/size_negative",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "/fileio.link", b, -1), -EINVAL);
	EXPECT_RET("readlinkat/not_link",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "/fileio.a", b, 32), -EINVAL);
	EXPECT_RET("readlinkat/missing",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "/fileio.none", b, 32), -ENOENT);
	EXPECT_RET("readlinkat/empty",
		   lt_syscall4(SYS_readlinkat, AT_FDCWD, "", b, 32), -ENOENT);
	EXPECT_RET("readlinkat/bad_dfd",
		   lt_syscall4(SYS_readlinkat, 999, "fileio.link", b, 32), -EBADF);
	fd = opn("/fileio.a", O_RDONLY, 0);
	EXPECT_RET("readlinkat/dfd_not_dir",
		   lt_syscall4(SYS_readlinkat, fd, "fileio.link", b, 32), -ENOTDIR);
	lt_syscall1(SYS_close, fd);
	/* The last component is not followed; earlier ones are. */
	EXPECT_RET("readlink", lt_syscall3(SYS_readlink, "/fileio.link", b, 32), 13);
	lt_syscall1(SYS_close, root);
}

static void ioctls(void)
{
	struct kernel_termios t;
	struct kernel_winsize w = { 1, 2, 3, 4 };
	long fd = opn("/fileio.a", O_RDONLY, 0);
	int n = -1, i;
	char b[4];
	static const unsigned char cc[17] = {
		003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0,
	};

	/* The console's line discipline settings as the kernel sets up a
	 * serial console (tty_std_termios with CLOCAL; the speed is the
	 * port's own). */
	for (i = 0; i < 3; i++) {
		static const char *const fds[] = { "tcgets/fd0", "tcgets/fd1", "tcgets/fd2" };

		EXPECT_RET(fds[i], lt_syscall3(SYS_ioctl, i, TCGETS, &t), 0);
	}
	EXPECT_EQ("tcgets/iflag", t.c_iflag, ICRNL | IXON);
	EXPECT_EQ("tcgets/oflag", t.c_oflag, OPOST | ONLCR);
	EXPECT_EQ("tcgets/cflag", t.c_cflag & (CSIZE | CREAD | HUPCL | CLOCAL),
		  CS8 | CREAD | HUPCL | CLOCAL);
	EXPECT_EQ("tcgets/lflag", t.c_lflag,
		  ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN);
	EXPECT_EQ("tcgets/line", t.c_line, 0);
	EXPECT_TRUE("tcgets/cc", lt_memeq((char *)t.c_cc, (const char *)cc, 17));
	/* Nobody told the serial console its size. */
	EXPECT_RET("tiocgwinsz", lt_syscall3(SYS_ioctl, 1, TIOCGWINSZ, &w), 0);
	EXPECT_TRUE("tiocgwinsz/zero", !w.ws_row && !w.ws_col && !w.ws_xpixel && !w.ws_ypixel);
	EXPECT_RET("tcgets/efault", lt_syscall3(SYS_ioctl, 1, TCGETS, 0), -EFAULT);
	EXPECT_RET("tty/unknown_cmd", lt_syscall3(SYS_ioctl, 1, 0x5499, &t), -ENOTTY);

	/* A regular file is no terminal. */
	EXPECT_RET("file/tcgets", lt_syscall3(SYS_ioctl, fd, TCGETS, &t), -ENOTTY);
	EXPECT_RET("file/tiocgwinsz", lt_syscall3(SYS_ioctl, fd, TIOCGWINSZ, &w), -ENOTTY);
	/* Requests every file understands. */
	lt_syscall3(SYS_read, fd, b, 4);
	EXPECT_RET("file/fionread", lt_syscall3(SYS_ioctl, fd, FIONREAD, &n), 0);
	EXPECT_EQ("file/fionread/value", n, 12);
	EXPECT_RET("file/fioclex", lt_syscall3(SYS_ioctl, fd, FIOCLEX, 0), 0);
	EXPECT_RET("ebadf", lt_syscall3(SYS_ioctl, 999, TCGETS, &t), -EBADF);
	EXPECT_RET("ebadf/minus_one", lt_syscall3(SYS_ioctl, -1, TIOCGWINSZ, &w), -EBADF);
	lt_syscall1(SYS_close, fd);
}

/*
 * O_PATH: a descriptor that names a file without opening it for I/O.
 * Only the calls that work on the name accept it (fstat, *at() dfds,
 * close); I/O, seeking, ioctl and mmap see no such descriptor.
 */
static void opath(void)
{
	struct stat st;
	char b[32];
	long fd = opn("/fileio.a", O_PATH, 0), dir, link, r;

	if (!EXPECT_TRUE("opath/open", fd >= 0))
		return;
	EXPECT_RET("opath/read", lt_syscall3(SYS_read, fd, b, 1), -EBADF);
	EXPECT_RET("opath/write", lt_syscall3(SYS_write, fd, "x", 1), -EBADF);
	EXPECT_RET("opath/pread64", lt_syscall4(SYS_pread64, fd, b, 1, 0), -EBADF);
	EXPECT_RET("opath/lseek", lt_syscall3(SYS_lseek, fd, 0, SEEK_SET), -EBADF);
	EXPECT_RET("opath/ioctl", lt_syscall3(SYS_ioctl, fd, FIONREAD, b), -EBADF);
	EXPECT_RET("opath/mmap", lt_syscall6(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, fd, 0),
		   -EBADF);
	EXPECT_RET("opath/fstat", lt_syscall2(SYS_fstat, fd, &st), 0);
	EXPECT_EQ("opath/fstat/mode", st.st_mode, S_IFREG | 0644);
	EXPECT_RET("opath/empty_path", lt_syscall4(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH), 0);
	EXPECT_RET("opath/close", lt_syscall1(SYS_close, fd), 0);

	/* A directory opened O_PATH serves as a dfd. */
	dir = opn("/dev", O_PATH | O_DIRECTORY, 0);
	fd = lt_syscall4(SYS_openat, dir, "console", O_WRONLY, 0);
	EXPECT_TRUE("opath/dfd", fd >= 0);
	lt_syscall1(SYS_close, fd);
	lt_syscall1(SYS_close, dir);

	/* O_PATH | O_NOFOLLOW names the symlink itself; readlinkat of ""
	 * reads it. */
	link = opn("/fileio.link", O_PATH | O_NOFOLLOW, 0);
	if (EXPECT_TRUE("opath/symlink", link >= 0)) {
		lt_syscall2(SYS_fstat, link, &st);
		EXPECT_EQ("opath/symlink/mode", st.st_mode, S_IFLNK | 0777);
		r = lt_syscall4(SYS_readlinkat, link, "", b, sizeof(b));
		EXPECT_RET("opath/symlink/readlinkat_empty", r, 13);
		EXPECT_TRUE("opath/symlink/readlinkat_empty/bytes", lt_memeq(b, "fileio.target", 13));
		lt_syscall1(SYS_close, link);
	}
	/* "" names something that is not a symlink: ENOENT, not EINVAL. */
	fd = opn("/fileio.a", O_RDONLY, 0);
	EXPECT_RET("readlinkat/empty_on_file", lt_syscall4(SYS_readlinkat, fd, "", b, 32), -ENOENT);
	lt_syscall1(SYS_close, fd);
}

int main(void)
{
	open_close();
	opath();
	seek();
	stat_calls();
	readlink();
	ioctls();
	return lt_done();
}
