// Path resolution: ".", "..", trailing slashes, symlinks inside a path
// (relative and absolute), ENOTDIR/ENOENT/ENAMETOOLONG, AT_FDCWD and
// directory descriptors, chdir/fchdir/getcwd, and chroot.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_namei"
#include "lego_test.h"
#include "vfs_util.h"

static long statino(int dfd, const char *path, int flags)
{
	struct stat st;
	long r = sys4(newfstatat, dfd, path, &st, flags);

	return r ? r : (long)st.st_ino;
}

static void test_components(void)
{
	char longname[300], longpath[4200];
	struct stat st;
	long top, sub;
	size_t i;

	mkdir("a", 0777);
	mkdir("a/b", 0777);
	put_file("a/b/f", "x");
	top = statino(AT_FDCWD, ".", 0);
	sub = statino(AT_FDCWD, "a/b", 0);
	EXPECT_EQ("dot", statino(AT_FDCWD, "a/./b/.", 0), sub);
	EXPECT_EQ("dotdot", statino(AT_FDCWD, "a/b/../..", 0), top);
	EXPECT_EQ("slashes", statino(AT_FDCWD, "a//b///", 0), sub);
	EXPECT_EQ("root_dotdot", statino(AT_FDCWD, "/..", 0), statino(AT_FDCWD, "/", 0));
	EXPECT_EQ("root_many_dotdot", statino(AT_FDCWD, "/../../..", 0), statino(AT_FDCWD, "/", 0));
	EXPECT_EQ("enoent", statino(AT_FDCWD, "a/nope", 0), -ENOENT);
	EXPECT_EQ("enoent_middle", statino(AT_FDCWD, "a/nope/f", 0), -ENOENT);
	EXPECT_EQ("enotdir_middle", statino(AT_FDCWD, "a/b/f/x", 0), -ENOTDIR);
	EXPECT_EQ("enotdir_trailing_slash", statino(AT_FDCWD, "a/b/f/", 0), -ENOTDIR);
	EXPECT_EQ("enotdir_dot_after_file", statino(AT_FDCWD, "a/b/f/.", 0), -ENOTDIR);
	EXPECT_EQ("empty", statino(AT_FDCWD, "", 0), -ENOENT);
	EXPECT_EQ("empty_path_flag", statino(AT_FDCWD, "", AT_EMPTY_PATH), top);
	EXPECT_EQ("efault", statino(AT_FDCWD, BADPTR, 0), -EFAULT);
	EXPECT_EQ("efault_kernel", statino(AT_FDCWD, KPTR, 0), -EFAULT);
	memset(longname, 'n', 256);
	longname[256] = 0;
	EXPECT_EQ("name_256", statino(AT_FDCWD, longname, 0), -ENAMETOOLONG);
	longname[255] = 0;
	EXPECT_EQ("name_255_enoent", statino(AT_FDCWD, longname, 0), -ENOENT);
	EXPECT_EQ("name_255_create", sys3(open, longname, O_CREAT | O_WRONLY, 0644) >= 0, 1);
	EXPECT_EQ("name_255_unlink", sys1(unlink, longname), 0);
	for (i = 0; i + 2 < sizeof(longpath); i += 2)
		memcpy(longpath + i, "./", 2);
	longpath[4095] = 0;
	EXPECT_EQ("path_4095_ok", statino(AT_FDCWD, longpath, 0) > 0, 1);
	longpath[4095] = '.';
	longpath[4096] = 0;
	EXPECT_EQ("path_4096", statino(AT_FDCWD, longpath, 0), -ENAMETOOLONG);
	EXPECT_EQ("stat_libc", stat("a/b/f", &st), 0);
}

static void test_symlinks(void)
{
	long f = statino(AT_FDCWD, "a/b/f", 0);

	symlink("b", "a/rel");
	symlink("/tmp/vfs_namei/a/b", "a/abs");
	symlink("../a/b/f", "a/up");
	symlink("f", "a/b/lf");
	EXPECT_EQ("relative_middle", statino(AT_FDCWD, "a/rel/f", 0), f);
	EXPECT_EQ("absolute_middle", statino(AT_FDCWD, "a/abs/f", 0), f);
	EXPECT_EQ("dotdot_in_target", statino(AT_FDCWD, "a/up", 0), f);
	EXPECT_EQ("follow_last", statino(AT_FDCWD, "a/b/lf", 0), f);
	EXPECT_TRUE("nofollow_last", statino(AT_FDCWD, "a/b/lf", AT_SYMLINK_NOFOLLOW) != f);
	/* A trailing slash follows a final symlink to a directory, even with
	 * AT_SYMLINK_NOFOLLOW. */
	EXPECT_EQ("nofollow_trailing_slash", statino(AT_FDCWD, "a/rel/", AT_SYMLINK_NOFOLLOW),
		  statino(AT_FDCWD, "a/b", 0));
	EXPECT_EQ("symlink_to_file_slash", statino(AT_FDCWD, "a/b/lf/", 0), -ENOTDIR);
	/* ".." after a symlink is the target's parent, not the link's. */
	EXPECT_EQ("dotdot_after_link", statino(AT_FDCWD, "a/abs/..", 0),
		  statino(AT_FDCWD, "a", 0));
	EXPECT_EQ("o_nofollow", sys3(open, "a/b/lf", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	EXPECT_EQ("o_nofollow_middle_ok", sys3(open, "a/rel/f", O_RDONLY | O_NOFOLLOW, 0) >= 0, 1);
	EXPECT_EQ("o_path_nofollow_symlink", sys3(open, "a/b/lf", O_PATH | O_NOFOLLOW, 0) >= 0, 1);
}

static void test_dirfd(void)
{
	int d = open("a", O_RDONLY | O_DIRECTORY), f = open("a/b/f", O_RDONLY);
	int p = open("a", O_PATH);
	long fino = statino(AT_FDCWD, "a/b/f", 0);

	EXPECT_EQ("dirfd/relative", statino(d, "b/f", 0), fino);
	EXPECT_EQ("dirfd/o_path", statino(p, "b/f", 0), fino);
	EXPECT_EQ("dirfd/absolute_ignores_fd", statino(999, "/tmp/vfs_namei/a/b/f", 0), fino);
	EXPECT_EQ("dirfd/ebadf", statino(999, "b/f", 0), -EBADF);
	EXPECT_EQ("dirfd/enotdir", statino(f, "x", 0), -ENOTDIR);
	EXPECT_EQ("dirfd/empty_path_file", statino(f, "", AT_EMPTY_PATH), fino);
	EXPECT_EQ("dirfd/empty_path_ebadf", statino(999, "", AT_EMPTY_PATH), -EBADF);
	EXPECT_EQ("dirfd/at_fdcwd_upper_bits", lt_syscall4(SYS_newfstatat, 0xffffffff00000000UL |
			(unsigned int)AT_FDCWD, "a/b/f", &(struct stat){0}, 0), 0);
	close(d);
	close(f);
	close(p);
}

static void test_cwd(void)
{
	char buf[256];
	int fd;

	EXPECT_EQ("getcwd", sys2(getcwd, buf, sizeof(buf)), (long)strlen("/tmp/vfs_namei") + 1);
	EXPECT_EQ("getcwd/value", strcmp(buf, "/tmp/vfs_namei"), 0);
	EXPECT_EQ("getcwd/erange", sys2(getcwd, buf, 5), -ERANGE);
	EXPECT_EQ("getcwd/exact", sys2(getcwd, buf, 15), 15);
	EXPECT_EQ("getcwd/one_short", sys2(getcwd, buf, 14), -ERANGE);
	EXPECT_EQ("getcwd/efault", sys2(getcwd, BADPTR, 100), -EFAULT);
	EXPECT_EQ("chdir", sys1(chdir, "a/b"), 0);
	EXPECT_EQ("chdir/cwd", (getcwd(buf, sizeof(buf)), strcmp(buf, "/tmp/vfs_namei/a/b")), 0);
	EXPECT_EQ("chdir/file", sys1(chdir, "f"), -ENOTDIR);
	EXPECT_EQ("chdir/missing", sys1(chdir, "nope"), -ENOENT);
	EXPECT_EQ("chdir/efault", sys1(chdir, BADPTR), -EFAULT);
	EXPECT_EQ("chdir/dotdot", sys1(chdir, "../.."), 0);
	fd = open("a", O_RDONLY | O_DIRECTORY);
	EXPECT_EQ("fchdir", sys1(fchdir, fd), 0);
	EXPECT_EQ("fchdir/cwd", (getcwd(buf, sizeof(buf)), strcmp(buf, "/tmp/vfs_namei/a")), 0);
	close(fd);
	fd = open("b/f", O_RDONLY);
	EXPECT_EQ("fchdir/file", sys1(fchdir, fd), -ENOTDIR);
	close(fd);
	EXPECT_EQ("fchdir/ebadf", sys1(fchdir, 999), -EBADF);
	fd = open("b", O_PATH);
	EXPECT_EQ("fchdir/o_path", sys1(fchdir, fd), 0);
	close(fd);
	/* A removed working directory: getcwd is ENOENT, "." still works. */
	mkdir("gone", 0777);
	chdir("gone");
	rmdir("../gone");
	EXPECT_EQ("getcwd/removed", sys2(getcwd, buf, sizeof(buf)), -ENOENT);
	EXPECT_EQ("removed/create_enoent", sys3(open, "x", O_CREAT | O_WRONLY, 0644), -ENOENT);
	EXPECT_EQ("removed/dotdot", sys1(chdir, ".."), 0);
	chdir("/tmp/vfs_namei");
	/* Across a mount point upwards. */
	EXPECT_EQ("mount_dotdot", statino(AT_FDCWD, "/proc/..", 0), statino(AT_FDCWD, "/", 0));
	EXPECT_EQ("mount_dev_dotdot", statino(AT_FDCWD, "/dev/../tmp", 0),
		  statino(AT_FDCWD, "/tmp", 0));
}

static int chrooted(void *arg)
{
	char buf[64];
	struct stat st;

	if (chroot("/tmp/vfs_namei/a"))
		return 1;
	/* The working directory is outside the new root. */
	if (sys2(getcwd, buf, sizeof(buf)) < 0 || strncmp(buf, "(unreachable)", 13))
		return 2;
	if (chdir("/"))
		return 3;
	if (stat("/b/f", &st))
		return 4;
	if (stat("/../../..", &st) || stat("/b/../..", &st) || st.st_ino != (ino_t)statino(AT_FDCWD, "/", 0))
		return 5;
	if (stat("/tmp", &st) == 0)
		return 6;
	if (sys2(getcwd, buf, sizeof(buf)) != 2 || strcmp(buf, "/"))
		return 7;
	if (sys1(chroot, "/nope") != -ENOENT || sys1(chroot, "/b/f") != -ENOTDIR)
		return 8;
	return 0;
}

static void test_chroot(void)
{
	int status = in_child(chrooted, NULL);

	EXPECT_TRUE("chroot", WIFEXITED(status));
	EXPECT_EQ("chroot/checks", WEXITSTATUS(status), 0);
}

int main(void)
{
	vfs_setup("/tmp/vfs_namei");
	test_components();
	test_symlinks();
	test_dirfd();
	test_cwd();
	test_chroot();
	return lt_done();
}
