// stat, lstat, fstat, newfstatat and statx (the mask semantics), the
// time stamps (utimensat with UTIME_NOW/UTIME_OMIT, utimes, futimesat,
// utime) and when they move, chmod/fchmod/fchmodat(2), the chown family,
// access/faccessat/faccessat2, truncate/ftruncate, all as root.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_stat"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/sysmacros.h>
#include <time.h>

struct kstatx_ts {
	long long tv_sec;
	unsigned int tv_nsec;
	int reserved;
};

/* struct statx (linux/stat.h): 256 bytes. */
struct kstatx {
	unsigned int mask, blksize;
	unsigned long long attributes;
	unsigned int nlink, uid, gid;
	unsigned short mode, spare0;
	unsigned long long ino, size, blocks, attributes_mask;
	struct kstatx_ts atime, btime, ctime, mtime;
	unsigned int rdev_major, rdev_minor, dev_major, dev_minor;
	unsigned long long mnt_id;
	unsigned int dio_mem_align, dio_offset_align;
	unsigned long long spare3[12];
};
_Static_assert(sizeof(struct kstatx) == 256, "statx");

#define STATX_BASIC_STATS	0x7ffU
#define STATX_MNT_ID		0x1000U
#define STATX__RESERVED		0x80000000U
#define STATX_ATTR_MOUNT_ROOT	0x2000
#define AT_STATX_FORCE_SYNC	0x2000
#define AT_STATX_DONT_SYNC	0x4000

static int ts_cmp(struct timespec a, struct timespec b)
{
	if (a.tv_sec != b.tv_sec)
		return a.tv_sec < b.tv_sec ? -1 : 1;
	return a.tv_nsec < b.tv_nsec ? -1 : a.tv_nsec > b.tv_nsec;
}

static struct stat st_of(const char *path)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	lstat(path, &st);
	return st;
}

static void pause_tick(void)
{
	struct timespec t = { 0, 20 * 1000 * 1000 };

	nanosleep(&t, NULL);
}

static void test_stat(void)
{
	struct stat st, st2;
	struct kstatx sx;
	char buf[5000];
	int fd;

	memset(buf, 'x', sizeof(buf));
	fd = open("f", O_CREAT | O_RDWR, 0640);
	EXPECT_EQ("write", write(fd, buf, 5000), 5000);
	EXPECT_EQ("fstat", sys2(fstat, fd, &st), 0);
	EXPECT_TRUE("fstat/reg", S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0640);
	EXPECT_EQ("fstat/size", st.st_size, 5000);
	EXPECT_EQ("fstat/nlink", st.st_nlink, 1);
	EXPECT_TRUE("fstat/owner_root", st.st_uid == 0 && st.st_gid == 0);
	EXPECT_EQ("fstat/blksize", st.st_blksize, 4096);
	EXPECT_EQ("fstat/blocks", st.st_blocks, 16);
	EXPECT_EQ("fstat/rdev", st.st_rdev, 0);
	EXPECT_EQ("stat/same", (sys2(stat, "f", &st2), st2.st_ino == st.st_ino &&
				st2.st_dev == st.st_dev), 1);
	EXPECT_EQ("stat/efault_buf", sys2(stat, "f", BADPTR), -EFAULT);
	EXPECT_EQ("stat/efault_path", sys2(stat, BADPTR, &st2), -EFAULT);
	EXPECT_EQ("fstat/ebadf", sys2(fstat, 999, &st2), -EBADF);
	EXPECT_EQ("fstat/efault", sys2(fstat, fd, KPTR), -EFAULT);
	EXPECT_EQ("newfstatat/bad_flag", sys4(newfstatat, AT_FDCWD, "f", &st2, 0x1), -EINVAL);
	EXPECT_EQ("newfstatat/sync_hints", sys4(newfstatat, AT_FDCWD, "f", &st2,
						AT_STATX_FORCE_SYNC), 0);
	EXPECT_EQ("newfstatat/empty_path", (sys4(newfstatat, fd, "", &st2, AT_EMPTY_PATH),
					    st2.st_ino == st.st_ino), 1);
	symlink("f", "sl");
	EXPECT_TRUE("lstat/symlink", (sys2(lstat, "sl", &st2), S_ISLNK(st2.st_mode) &&
				      st2.st_size == 1 && st2.st_blocks == 0));
	EXPECT_EQ("stat/follows", (sys2(stat, "sl", &st2), st2.st_ino == st.st_ino), 1);
	mkdir("d", 0755);
	st2 = st_of("d");
	EXPECT_TRUE("dir/nlink_2", S_ISDIR(st2.st_mode) && st2.st_nlink == 2);
	st2 = st_of("/dev/null");
	EXPECT_TRUE("chr/null", S_ISCHR(st2.st_mode) && major(st2.st_rdev) == 1 &&
		    minor(st2.st_rdev) == 3 && st2.st_size == 0);

	memset(&sx, 0xff, sizeof(sx));
	EXPECT_EQ("statx", sys5(statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx), 0);
	EXPECT_EQ("statx/mask_basic", sx.mask & STATX_BASIC_STATS, STATX_BASIC_STATS);
	EXPECT_EQ("statx/mask_mnt_id", !!(sx.mask & STATX_MNT_ID), 1);
	EXPECT_TRUE("statx/fields", sx.size == 5000 && sx.ino == st.st_ino &&
		    sx.nlink == 1 && sx.mode == st.st_mode && sx.blocks == 16 &&
		    sx.blksize == 4096 && sx.uid == 0 && sx.gid == 0);
	EXPECT_TRUE("statx/dev", makedev(sx.dev_major, sx.dev_minor) == st.st_dev);
	EXPECT_TRUE("statx/times", sx.mtime.tv_sec == st.st_mtim.tv_sec &&
		    sx.mtime.tv_nsec == st.st_mtim.tv_nsec);
	EXPECT_EQ("statx/spare_zero", sx.spare3[0] | sx.spare3[11], 0);
	/* The mask asks; every field is filled anyway. */
	memset(&sx, 0, sizeof(sx));
	EXPECT_EQ("statx/mask_zero", sys5(statx, AT_FDCWD, "f", 0, 0, &sx), 0);
	EXPECT_TRUE("statx/mask_zero_filled", sx.size == 5000 &&
		    (sx.mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	EXPECT_EQ("statx/reserved", sys5(statx, AT_FDCWD, "f", 0, STATX__RESERVED, &sx), -EINVAL);
	EXPECT_EQ("statx/both_sync", sys5(statx, AT_FDCWD, "f",
					  AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, 0, &sx), -EINVAL);
	EXPECT_EQ("statx/bad_flag", sys5(statx, AT_FDCWD, "f", 0x1, 0, &sx), -EINVAL);
	EXPECT_EQ("statx/efault", sys5(statx, AT_FDCWD, "f", 0, 0, BADPTR), -EFAULT);
	EXPECT_EQ("statx/enoent", sys5(statx, AT_FDCWD, "nope", 0, 0, &sx), -ENOENT);
	EXPECT_EQ("statx/nofollow", (sys5(statx, AT_FDCWD, "sl", AT_SYMLINK_NOFOLLOW, 0, &sx),
				     S_ISLNK(sx.mode)), 1);
	EXPECT_EQ("statx/empty_path_fd", (sys5(statx, fd, "", AT_EMPTY_PATH, 0, &sx),
					  sx.ino == st.st_ino), 1);
	EXPECT_EQ("statx/rdev", (sys5(statx, AT_FDCWD, "/dev/zero", 0, 0, &sx),
				 sx.rdev_major == 1 && sx.rdev_minor == 5), 1);
	EXPECT_EQ("statx/mount_root_attr", (sys5(statx, AT_FDCWD, "/proc", 0, 0, &sx),
					    !!(sx.attributes & STATX_ATTR_MOUNT_ROOT)), 1);
	EXPECT_EQ("statx/mount_root_mask", !!(sx.attributes_mask & STATX_ATTR_MOUNT_ROOT), 1);
	EXPECT_EQ("statx/not_mount_root", (sys5(statx, AT_FDCWD, "f", 0, 0, &sx),
					   !!(sx.attributes & STATX_ATTR_MOUNT_ROOT)), 0);
	close(fd);
}

static void test_times(void)
{
	struct timespec ts[2];
	struct timeval tv[2];
	struct stat a, b;
	char c;
	int fd;

	put_file("t", "abc");
	a = st_of("t");
	pause_tick();
	fd = open("t", O_RDWR);
	write(fd, "x", 1);
	b = st_of("t");
	EXPECT_TRUE("write/mtime_ctime", ts_cmp(b.st_mtim, a.st_mtim) > 0 &&
		    ts_cmp(b.st_ctim, a.st_ctim) > 0 && ts_cmp(b.st_atim, a.st_atim) == 0);
	pause_tick();
	lseek(fd, 0, SEEK_SET);
	read(fd, &c, 1);
	a = st_of("t");
	EXPECT_TRUE("read/atime_relatime", ts_cmp(a.st_atim, b.st_atim) > 0 &&
		    ts_cmp(a.st_mtim, b.st_mtim) == 0);
	pause_tick();
	read(fd, &c, 1);
	b = st_of("t");
	/* rootfs is not "relatime": every read moves atime (a kernel
	 * mount); a tmpfs from mount(2) is. */
	EXPECT_EQ("read/atime_rootfs_strict", ts_cmp(b.st_atim, a.st_atim), 1);
	pause_tick();
	fchmod(fd, 0600);
	a = st_of("t");
	EXPECT_TRUE("chmod/ctime_only", ts_cmp(a.st_ctim, b.st_ctim) > 0 &&
		    ts_cmp(a.st_mtim, b.st_mtim) == 0);
	pause_tick();
	ftruncate(fd, 1);
	b = st_of("t");
	EXPECT_TRUE("truncate/mtime", ts_cmp(b.st_mtim, a.st_mtim) > 0);
	close(fd);

	ts[0].tv_sec = 1000;
	ts[0].tv_nsec = 123456789;
	ts[1].tv_sec = 2000;
	ts[1].tv_nsec = 5;
	EXPECT_EQ("utimensat", sys4(utimensat, AT_FDCWD, "t", ts, 0), 0);
	a = st_of("t");
	EXPECT_TRUE("utimensat/set", a.st_atim.tv_sec == 1000 && a.st_atim.tv_nsec == 123456789 &&
		    a.st_mtim.tv_sec == 2000 && a.st_mtim.tv_nsec == 5);
	EXPECT_TRUE("utimensat/ctime_now", a.st_ctim.tv_sec > 2000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 3000;
	ts[1].tv_nsec = 0;
	EXPECT_EQ("utimensat/omit_atime", sys4(utimensat, AT_FDCWD, "t", ts, 0), 0);
	a = st_of("t");
	EXPECT_TRUE("utimensat/omit_kept", a.st_atim.tv_sec == 1000 && a.st_mtim.tv_sec == 3000);
	ts[0].tv_nsec = UTIME_NOW;
	ts[1].tv_nsec = UTIME_OMIT;
	EXPECT_EQ("utimensat/now", sys4(utimensat, AT_FDCWD, "t", ts, 0), 0);
	a = st_of("t");
	EXPECT_TRUE("utimensat/now_set", a.st_atim.tv_sec > 3000 && a.st_mtim.tv_sec == 3000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_OMIT;
	b = a;
	EXPECT_EQ("utimensat/both_omit", sys4(utimensat, AT_FDCWD, "t", ts, 0), 0);
	a = st_of("t");
	EXPECT_EQ("utimensat/both_omit_no_ctime", ts_cmp(a.st_ctim, b.st_ctim), 0);
	EXPECT_EQ("utimensat/null_times", sys4(utimensat, AT_FDCWD, "t", NULL, 0), 0);
	EXPECT_TRUE("utimensat/null_now", st_of("t").st_mtim.tv_sec > 3000);
	ts[0].tv_nsec = 1000000000;
	EXPECT_EQ("utimensat/bad_nsec", sys4(utimensat, AT_FDCWD, "t", ts, 0), -EINVAL);
	ts[0].tv_nsec = -1;
	EXPECT_EQ("utimensat/negative_nsec", sys4(utimensat, AT_FDCWD, "t", ts, 0), -EINVAL);
	ts[0].tv_nsec = 0;
	EXPECT_EQ("utimensat/bad_flags", sys4(utimensat, AT_FDCWD, "t", ts, 0x2), -EINVAL);
	EXPECT_EQ("utimensat/efault", sys4(utimensat, AT_FDCWD, "t", BADPTR, 0), -EFAULT);
	EXPECT_EQ("utimensat/enoent", sys4(utimensat, AT_FDCWD, "nope", ts, 0), -ENOENT);
	fd = open("t", O_RDONLY);
	EXPECT_EQ("utimensat/fd_null_path", sys4(utimensat, fd, NULL, ts, 0), 0);
	EXPECT_EQ("utimensat/fd_null_path_flags", sys4(utimensat, fd, NULL, ts,
						       AT_SYMLINK_NOFOLLOW), -EINVAL);
	EXPECT_EQ("utimensat/cwd_null_path", sys4(utimensat, AT_FDCWD, NULL, ts, 0), -EFAULT);
	close(fd);
	symlink("t", "tl");
	ts[1].tv_sec = 4242;
	ts[1].tv_nsec = 0;
	EXPECT_EQ("utimensat/nofollow", sys4(utimensat, AT_FDCWD, "tl", ts, AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_TRUE("utimensat/nofollow_link_only", st_of("tl").st_mtim.tv_sec == 4242 &&
		    st_of("t").st_mtim.tv_sec != 4242);
	tv[0].tv_sec = 50;
	tv[0].tv_usec = 7;
	tv[1].tv_sec = 60;
	tv[1].tv_usec = 8;
	EXPECT_EQ("utimes", sys2(utimes, "t", tv), 0);
	a = st_of("t");
	EXPECT_TRUE("utimes/set", a.st_atim.tv_sec == 50 && a.st_atim.tv_nsec == 7000 &&
		    a.st_mtim.tv_sec == 60 && a.st_mtim.tv_nsec == 8000);
	tv[1].tv_usec = 1000000;
	EXPECT_EQ("utimes/bad_usec", sys2(utimes, "t", tv), -EINVAL);
	tv[1].tv_usec = 0;
	EXPECT_EQ("futimesat", sys3(futimesat, AT_FDCWD, "t", tv), 0);
	{
		long ub[2] = { 70, 80 };

		EXPECT_EQ("utime", sys2(utime, "t", ub), 0);
		a = st_of("t");
		EXPECT_TRUE("utime/set", a.st_atim.tv_sec == 70 && a.st_mtim.tv_sec == 80 &&
			    a.st_mtim.tv_nsec == 0);
	}
}

static void test_chmod_chown(void)
{
	struct stat st;
	int fd;

	put_file("m", "");
	EXPECT_EQ("chmod", sys2(chmod, "m", 04751), 0);
	EXPECT_EQ("chmod/mode", st_of("m").st_mode & 07777, 04751);
	EXPECT_EQ("chmod/type_kept", S_ISREG(st_of("m").st_mode), 1);
	EXPECT_EQ("chmod/high_bits_ignored", (sys2(chmod, "m", 0170644), st_of("m").st_mode & 07777),
		  0644);
	EXPECT_EQ("chmod/enoent", sys2(chmod, "nope", 0644), -ENOENT);
	EXPECT_EQ("chmod/efault", sys2(chmod, BADPTR, 0644), -EFAULT);
	fd = open("m", O_RDONLY);
	EXPECT_EQ("fchmod", sys2(fchmod, fd, 0600), 0);
	EXPECT_EQ("fchmod/mode", st_of("m").st_mode & 07777, 0600);
	EXPECT_EQ("fchmod/ebadf", sys2(fchmod, 999, 0600), -EBADF);
	EXPECT_EQ("fchmodat", sys3(fchmodat, AT_FDCWD, "m", 0640), 0);
	EXPECT_EQ("fchmodat/mode", st_of("m").st_mode & 07777, 0640);
	symlink("m", "ml");
	if (sys4(fchmodat2, AT_FDCWD, "m", 0640, 0) == -ENOSYS) {
		skip_note("fchmodat2");
	} else {
		EXPECT_EQ("fchmodat2/nofollow_symlink", sys4(fchmodat2, AT_FDCWD, "ml", 0600,
							      AT_SYMLINK_NOFOLLOW), -EOPNOTSUPP);
		EXPECT_EQ("fchmodat2/bad_flag", sys4(fchmodat2, AT_FDCWD, "m", 0600, 0x2), -EINVAL);
		EXPECT_EQ("fchmodat2/empty_path", sys4(fchmodat2, fd, "", 0604, AT_EMPTY_PATH), 0);
		EXPECT_EQ("fchmodat2/mode", st_of("m").st_mode & 07777, 0604);
	}
	EXPECT_EQ("chmod/through_symlink", (sys2(chmod, "ml", 0644), st_of("m").st_mode & 07777), 0644);

	EXPECT_EQ("chown", sys3(chown, "m", 1000, 2000), 0);
	st = st_of("m");
	EXPECT_TRUE("chown/ids", st.st_uid == 1000 && st.st_gid == 2000);
	EXPECT_EQ("chown/minus_one", sys3(chown, "m", -1, 3000), 0);
	st = st_of("m");
	EXPECT_TRUE("chown/minus_one_kept", st.st_uid == 1000 && st.st_gid == 3000);
	EXPECT_EQ("lchown", sys3(lchown, "ml", 7, 8), 0);
	EXPECT_TRUE("lchown/link", st_of("ml").st_uid == 7 && st_of("m").st_uid == 1000);
	EXPECT_EQ("fchown", sys3(fchown, fd, 0, 0), 0);
	EXPECT_EQ("fchown/ids", st_of("m").st_uid, 0);
	EXPECT_EQ("fchownat/bad_flag", sys5(fchownat, AT_FDCWD, "m", 0, 0, 0x2), -EINVAL);
	EXPECT_EQ("fchownat/empty_path", sys5(fchownat, fd, "", 5, 5, AT_EMPTY_PATH), 0);
	EXPECT_EQ("fchownat/empty_path_ids", st_of("m").st_uid, 5);
	/* chown drops set-user-ID, and set-group-ID with group execute. */
	chmod("m", 06755);
	EXPECT_EQ("chown/kills_suid", (sys3(chown, "m", 0, 0), st_of("m").st_mode & 07777), 0755);
	chmod("m", 02745);
	EXPECT_EQ("chown/keeps_sgid_no_gx", (sys3(chown, "m", -1, -1), st_of("m").st_mode & 07777),
		  02745);
	mkdir("sd", 0755);
	chmod("sd", 06755);
	EXPECT_EQ("chown/dir_keeps", (sys3(chown, "sd", 1, 1), st_of("sd").st_mode & 07777), 06755);
	close(fd);
}

static void test_access(void)
{
	put_file("acc", "");
	chmod("acc", 0600);
	EXPECT_EQ("access/f_ok", sys2(access, "acc", F_OK), 0);
	EXPECT_EQ("access/rw_root", sys2(access, "acc", R_OK | W_OK), 0);
	EXPECT_EQ("access/x_root_no_x_bit", sys2(access, "acc", X_OK), -EACCES);
	chmod("acc", 0601);
	EXPECT_EQ("access/x_root_any_x_bit", sys2(access, "acc", X_OK), 0);
	EXPECT_EQ("access/x_dir_root", sys2(access, "/tmp", X_OK), 0);
	EXPECT_EQ("access/bad_mode", sys2(access, "acc", 8), -EINVAL);
	EXPECT_EQ("access/enoent", sys2(access, "nope", F_OK), -ENOENT);
	EXPECT_EQ("faccessat/dirfd", sys3(faccessat, open(".", O_RDONLY), "acc", R_OK), 0);
	EXPECT_EQ("faccessat2/bad_flag", sys4(faccessat2, AT_FDCWD, "acc", R_OK, 0x1), -EINVAL);
	EXPECT_EQ("faccessat2/eaccess", sys4(faccessat2, AT_FDCWD, "acc", R_OK, AT_EACCESS), 0);
	EXPECT_EQ("faccessat2/empty_path", sys4(faccessat2, open("acc", O_RDONLY), "", R_OK,
						AT_EMPTY_PATH), 0);
	symlink("nope", "dangle");
	EXPECT_EQ("faccessat2/nofollow", sys4(faccessat2, AT_FDCWD, "dangle", F_OK,
					      AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_EQ("faccessat2/follow", sys4(faccessat2, AT_FDCWD, "dangle", F_OK, 0), -ENOENT);
	EXPECT_EQ("access/w_readonly_mount", (mkdir("romnt", 0755),
					      mount("tmpfs", "romnt", "tmpfs", MS_RDONLY, NULL),
					      sys2(access, "romnt", W_OK)), -EROFS);
	umount("romnt");
}

static void test_relatime(void)
{
	struct stat a, b;
	char c;
	int fd;

	mkdir("rel", 0755);
	EXPECT_EQ("relatime/mount", mount("tmpfs", "rel", "tmpfs", 0, NULL), 0);
	put_file("rel/f", "x");
	pause_tick();
	fd = open("rel/f", O_RDONLY);
	read(fd, &c, 1);
	a = st_of("rel/f");
	EXPECT_TRUE("relatime/first_read", ts_cmp(a.st_atim, a.st_mtim) > 0);
	pause_tick();
	lseek(fd, 0, SEEK_SET);
	read(fd, &c, 1);
	b = st_of("rel/f");
	EXPECT_EQ("relatime/second_read_kept", ts_cmp(b.st_atim, a.st_atim), 0);
	close(fd);
	EXPECT_EQ("relatime/umount", umount("rel"), 0);
}

static void test_truncate(void)
{
	char buf[16];
	int fd;

	put_file("tr", "0123456789");
	EXPECT_EQ("truncate/shrink", sys2(truncate, "tr", 4), 0);
	EXPECT_EQ("truncate/size", st_of("tr").st_size, 4);
	EXPECT_EQ("truncate/grow", sys2(truncate, "tr", 8), 0);
	EXPECT_TRUE("truncate/zeros", get_file("tr", buf, sizeof(buf)) == 8 &&
		    !memcmp(buf, "0123\0\0\0\0", 8));
	EXPECT_EQ("truncate/negative", sys2(truncate, "tr", -1), -EINVAL);
	EXPECT_EQ("truncate/dir", sys2(truncate, ".", 0), -EISDIR);
	EXPECT_EQ("truncate/enoent", sys2(truncate, "nope", 0), -ENOENT);
	EXPECT_EQ("truncate/fifo", (mknod("tfifo", S_IFIFO | 0600, 0),
				    sys2(truncate, "tfifo", 0)), -EINVAL);
	fd = open("tr", O_RDONLY);
	EXPECT_EQ("ftruncate/rdonly", sys2(ftruncate, fd, 0), -EINVAL);
	close(fd);
	fd = open("tr", O_RDWR);
	EXPECT_EQ("ftruncate", sys2(ftruncate, fd, 2), 0);
	EXPECT_EQ("ftruncate/size", st_of("tr").st_size, 2);
	EXPECT_EQ("ftruncate/negative", sys2(ftruncate, fd, -5), -EINVAL);
	EXPECT_EQ("ftruncate/ebadf", sys2(ftruncate, 999, 0), -EBADF);
	EXPECT_EQ("ftruncate/offset_kept", (lseek(fd, 10, SEEK_SET), sys2(ftruncate, fd, 1),
					    lseek(fd, 0, SEEK_CUR)), 10);
	/* A write clears set-user-ID for anyone; root keeps it (CAP_FSETID). */
	close(fd);
	fd = open(".", O_RDONLY);
	EXPECT_EQ("ftruncate/dir", sys2(ftruncate, fd, 0), -EINVAL);
	close(fd);
}

static void test_dirsize(void)
{
	mkdir("ds", 0755);
	EXPECT_EQ("tmpfs/dir_size_empty", st_of("ds").st_size, 40);
	put_file("ds/a", "");
	EXPECT_EQ("tmpfs/dir_size_entry", st_of("ds").st_size, 60);
	unlink("ds/a");
	EXPECT_EQ("tmpfs/dir_size_back", st_of("ds").st_size, 40);
}

int main(void)
{
	vfs_setup("/tmp/vfs_stat");
	test_stat();
	test_times();
	test_chmod_chown();
	test_access();
	test_relatime();
	test_truncate();
	test_dirsize();
	return lt_done();
}
