// Character devices: the /dev nodes (types, numbers, modes), what
// null, zero, full, random and urandom do, device nodes made anywhere
// with mknod, numbers nobody serves (ENXIO), nodev mounts, and mknod's
// type and permission rules.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "dev_nodes"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/sysmacros.h>

static void check_node(const char *name, unsigned int ma, unsigned int mi, unsigned int mode)
{
	char path[32];
	struct stat st;
	int ok;

	snprintf(path, sizeof(path), "/dev/%s", name);
	ok = !stat(path, &st) && S_ISCHR(st.st_mode) && major(st.st_rdev) == ma &&
	     minor(st.st_rdev) == mi && (st.st_mode & 07777) == mode && st.st_uid == 0 &&
	     st.st_size == 0;
	lt_check(lt_cat("node", name), ok, "%s: mode %o rdev %u:%u", path, st.st_mode,
		 major(st.st_rdev), minor(st.st_rdev));
}

static void test_nodes(void)
{
	check_node("null", 1, 3, 0666);
	check_node("zero", 1, 5, 0666);
	check_node("full", 1, 7, 0666);
	check_node("random", 1, 8, 0666);
	check_node("urandom", 1, 9, 0666);
	check_node("tty", 5, 0, 0666);
	check_node("console", 5, 1, 0600);
	check_node("ttyS0", 4, 64, 0600);
}

static void test_memory_devices(void)
{
	static char buf[1 << 20];
	char a[32], b[32];
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDWR);
	int full = open("/dev/full", O_RDWR), ur = open("/dev/urandom", O_RDONLY);
	int rnd = open("/dev/random", O_RDONLY);
	long i, nz = 0;

	EXPECT_EQ("null/read", sys3(read, null, buf, 100), 0);
	EXPECT_EQ("null/write", sys3(write, null, buf, 100), 100);
	EXPECT_EQ("null/write_badptr", sys3(write, null, BADPTR, 100), 100);
	EXPECT_EQ("null/lseek", sys3(lseek, null, 1234, SEEK_SET), 0);
	EXPECT_EQ("null/pread", sys4(pread64, null, buf, 10, 5), 0);
	EXPECT_EQ("null/ftruncate", sys2(ftruncate, null, 0), -EINVAL);
	EXPECT_EQ("null/truncate", sys2(truncate, "/dev/null", 0), -EINVAL);
	EXPECT_TRUE("null/o_trunc", open("/dev/null", O_WRONLY | O_TRUNC) >= 0);
	memset(buf, 1, sizeof(buf));
	EXPECT_EQ("zero/read_big", sys3(read, zero, buf, sizeof(buf)), sizeof(buf));
	for (i = 0; i < (long)sizeof(buf); i++)
		nz += buf[i] != 0;
	EXPECT_EQ("zero/zeros", nz, 0);
	EXPECT_EQ("zero/write", sys3(write, zero, buf, 10), 10);
	EXPECT_EQ("zero/efault", sys3(read, zero, BADPTR, 10), -EFAULT);
	EXPECT_EQ("zero/lseek", sys3(lseek, zero, 99, SEEK_CUR), 0);
	EXPECT_EQ("full/write", sys3(write, full, buf, 10), -ENOSPC);
	EXPECT_EQ("full/read", sys3(read, full, buf, 10), 10);
	EXPECT_EQ("urandom/read", sys3(read, ur, a, sizeof(a)), sizeof(a));
	EXPECT_EQ("urandom/read2", sys3(read, ur, b, sizeof(b)), sizeof(b));
	EXPECT_TRUE("urandom/differs", memcmp(a, b, sizeof(a)));
	EXPECT_EQ("random/read", sys3(read, rnd, a, sizeof(a)), sizeof(a));
	EXPECT_EQ("urandom/write_ok", sys3(write, open("/dev/urandom", O_WRONLY), "x", 1), 1);
	EXPECT_EQ("urandom/efault", sys3(read, ur, BADPTR, 8), -EFAULT);
	close(null);
	close(zero);
	close(full);
	close(ur);
	close(rnd);
}

static void test_mknod(void)
{
	struct stat st;
	int fd;

	EXPECT_EQ("mknod/chr", sys3(mknod, "mynull", S_IFCHR | 0666, makedev(1, 3)), 0);
	EXPECT_TRUE("mknod/stat", !stat("mynull", &st) && S_ISCHR(st.st_mode) &&
		    st.st_rdev == makedev(1, 3));
	fd = open("mynull", O_RDWR);
	EXPECT_TRUE("mknod/open", fd >= 0);
	EXPECT_EQ("mknod/is_null", sys3(write, fd, "abc", 3), 3);
	close(fd);
	EXPECT_EQ("mknod/big_minor", sys3(mknod, "bigmin", S_IFCHR | 0600, makedev(240, 300)), 0);
	EXPECT_TRUE("mknod/big_minor_kept", !stat("bigmin", &st) && major(st.st_rdev) == 240 &&
		    minor(st.st_rdev) == 300);
	EXPECT_EQ("mknod/nobody_enxio", sys3(open, "bigmin", O_RDWR, 0), -ENXIO);
	EXPECT_EQ("mknod/blk", sys3(mknod, "blk", S_IFBLK | 0600, makedev(240, 1)), 0);
	EXPECT_EQ("mknod/blk_enxio", sys3(open, "blk", O_RDONLY, 0), -ENXIO);
	EXPECT_EQ("mknod/sock", sys3(mknod, "sock", S_IFSOCK | 0600, 0), 0);
	EXPECT_EQ("mknod/sock_enxio", sys3(open, "sock", O_RDONLY, 0), -ENXIO);
	EXPECT_EQ("mknod/type_zero_regular", (sys3(mknod, "reg", 0644, 0),
					      stat("reg", &st) == 0 && S_ISREG(st.st_mode)), 1);
	EXPECT_EQ("mknod/dir", sys3(mknod, "d", S_IFDIR | 0755, 0), -EPERM);
	EXPECT_EQ("mknod/bad_type", sys3(mknod, "bad", 0170000 | 0644, 0), -EINVAL);
	EXPECT_EQ("mknod/exists", sys3(mknod, "reg", S_IFIFO | 0644, 0), -EEXIST);
	EXPECT_EQ("mknodat/dirfd", sys4(mknodat, open(".", O_RDONLY), "at", S_IFIFO | 0600, 0), 0);
	/* umask(2) is the process engineer's; without it, skip. */
	if (sys1(umask, 077) == -ENOSYS) {
		skip_note("mknod/umask");
	} else {
		EXPECT_EQ("mknod/umask", (sys3(mknod, "um", S_IFIFO | 0666, 0),
					  stat("um", &st), st.st_mode & 0777), 0600);
		umask(022);
	}
	mkdir("nd", 0755);
	EXPECT_EQ("nodev/mount", mount("tmpfs", "nd", "tmpfs", MS_NODEV, NULL), 0);
	EXPECT_EQ("nodev/mknod", sys3(mknod, "nd/null", S_IFCHR | 0666, makedev(1, 3)), 0);
	EXPECT_EQ("nodev/open_eacces", sys3(open, "nd/null", O_RDWR, 0), -EACCES);
	EXPECT_EQ("nodev/umount", umount("nd"), 0);
}

int main(void)
{
	vfs_setup("/tmp/dev_nodes");
	test_nodes();
	test_memory_devices();
	test_mknod();
	return lt_done();
}
