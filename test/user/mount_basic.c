// mount, umount2, statfs and fstatfs: ramfs, tmpfs (with its options),
// proc and devtmpfs; what a mount hides and shows again; MS_RDONLY and
// remounts (EROFS); busy mounts (EBUSY) and MNT_DETACH; stacked mounts;
// EXDEV between mounts; the errors, in Linux's order.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "mount_basic"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#define TMPFS_MAGIC	0x01021994
#define RAMFS_MAGIC	0x858458f6
#define PROC_MAGIC	0x9fa0
#define ST_RDONLY	1
#define ST_NOSUID	2
#define ST_NODEV	4
#define ST_NOEXEC	8

static long mounted(const char *what)
{
	char buf[8192];

	return get_file("/proc/self/mounts", buf, sizeof(buf)) > 0 && strstr(buf, what) != NULL;
}

static void test_tmpfs(void)
{
	struct statfs sf;
	struct stat st;
	char buf[8];
	int fd;

	mkdir("m", 0755);
	put_file("m/hidden", "under");
	EXPECT_EQ("tmpfs/mount", sys5(mount, "none", "m", "tmpfs", 0, "size=64k,mode=700"), 0);
	EXPECT_EQ("tmpfs/hides", stat("m/hidden", &st), -1);
	EXPECT_EQ("tmpfs/root_mode", (stat("m", &st), st.st_mode & 07777), 0700);
	EXPECT_EQ("tmpfs/listed", mounted("none /tmp/mount_basic/m tmpfs rw,relatime,size=64k,mode=700"), 1);
	EXPECT_EQ("statfs", sys2(statfs, "m", &sf), 0);
	EXPECT_EQ("statfs/type", sf.f_type, TMPFS_MAGIC);
	EXPECT_EQ("statfs/bsize", sf.f_bsize, 4096);
	EXPECT_EQ("statfs/blocks", sf.f_blocks, 16);
	EXPECT_EQ("statfs/bfree", sf.f_bfree, 16);
	EXPECT_EQ("statfs/namelen", sf.f_namelen, 255);
	EXPECT_EQ("statfs/flags", sf.f_flags & (ST_RDONLY | 0x20), 0x20);
	put_file("m/a", "1234");
	EXPECT_EQ("statfs/used", (sys2(statfs, "m", &sf), sf.f_bfree), 15);
	fd = open("m/big", O_CREAT | O_WRONLY, 0644);
	{
		static char chunk[65536];
		long r = write(fd, chunk, sizeof(chunk));

		EXPECT_EQ("tmpfs/size_limit_short", r, 15 * 4096);
		EXPECT_EQ("tmpfs/size_limit_enospc", sys3(write, fd, chunk, 4096), -ENOSPC);
	}
	EXPECT_EQ("fstatfs", sys2(fstatfs, fd, &sf), 0);
	EXPECT_EQ("fstatfs/full", sf.f_bfree, 0);
	EXPECT_EQ("fstatfs/ebadf", sys2(fstatfs, 999, &sf), -EBADF);
	EXPECT_EQ("statfs/efault", sys2(statfs, "m", BADPTR), -EFAULT);
	EXPECT_EQ("statfs/enoent", sys2(statfs, "nope", &sf), -ENOENT);
	/* A busy mount: an open file, a working directory. */
	EXPECT_EQ("umount/busy_file", sys2(umount2, "m", 0), -EBUSY);
	close(fd);
	chdir("m");
	EXPECT_EQ("umount/busy_cwd", sys2(umount2, "/tmp/mount_basic/m", 0), -EBUSY);
	chdir("..");
	EXPECT_EQ("rename/exdev", sys2(rename, "m/a", "a2"), -EXDEV);
	EXPECT_EQ("link/exdev", sys2(link, "m/a", "a2"), -EXDEV);
	EXPECT_EQ("umount", sys2(umount2, "m", 0), 0);
	EXPECT_TRUE("umount/shows_again", get_file("m/hidden", buf, sizeof(buf)) == 5);
	EXPECT_EQ("umount/unlisted", mounted("/tmp/mount_basic/m "), 0);
	EXPECT_EQ("umount/not_mounted", sys2(umount2, "m", 0), -EINVAL);
	EXPECT_EQ("tmpfs/bad_option", sys5(mount, "none", "m", "tmpfs", 0, "bogus=1"), -EINVAL);
	EXPECT_EQ("tmpfs/bad_size", sys5(mount, "none", "m", "tmpfs", 0, "size=12q"), -EINVAL);
}

static void test_ramfs_proc_dev(void)
{
	struct statfs sf;
	struct stat st;

	EXPECT_EQ("ramfs/mount", sys5(mount, "r", "m", "ramfs", 0, "unknown=ignored"), 0);
	EXPECT_EQ("ramfs/statfs", (sys2(statfs, "m", &sf), sf.f_type), RAMFS_MAGIC);
	EXPECT_EQ("ramfs/no_limit", sf.f_blocks, 0);
	{
		int t = sys3(open, "m", O_TMPFILE | O_RDWR, 0600);

		EXPECT_TRUE("ramfs/tmpfile", t >= 0);
		close(t);
	}
	EXPECT_EQ("ramfs/umount", sys2(umount2, "m", 0), 0);
	EXPECT_EQ("proc/mount", sys5(mount, "proc", "m", "proc", 0, NULL), 0);
	EXPECT_EQ("proc/statfs", (sys2(statfs, "m", &sf), sf.f_type), PROC_MAGIC);
	EXPECT_EQ("proc/self", lstat("m/self", &st), 0);
	EXPECT_EQ("proc/umount", sys2(umount2, "m", 0), 0);
	EXPECT_EQ("devtmpfs/mount", sys5(mount, "devtmpfs", "m", "devtmpfs", 0, NULL), 0);
	EXPECT_TRUE("devtmpfs/null", stat("m/null", &st) == 0 && S_ISCHR(st.st_mode) &&
		    st.st_rdev == makedev(1, 3));
	EXPECT_EQ("devtmpfs/umount", sys2(umount2, "m", 0), 0);
}

static void test_rdonly(void)
{
	struct statfs sf;
	int fd;

	EXPECT_EQ("rdonly/mount", sys5(mount, "none", "m", "tmpfs", MS_RDONLY, NULL), 0);
	EXPECT_EQ("rdonly/flag", (sys2(statfs, "m", &sf), sf.f_flags & ST_RDONLY), ST_RDONLY);
	EXPECT_EQ("rdonly/creat", sys3(open, "m/x", O_CREAT | O_WRONLY, 0644), -EROFS);
	EXPECT_EQ("rdonly/mkdir", sys2(mkdir, "m/d", 0755), -EROFS);
	EXPECT_EQ("rdonly/chmod", sys2(chmod, "m", 0700), -EROFS);
	EXPECT_EQ("rdonly/missing_enoent_first", sys1(unlink, "m/nope"), -EROFS);
	EXPECT_EQ("remount/rw", sys5(mount, "none", "m", NULL, MS_REMOUNT, NULL), 0);
	fd = sys3(open, "m/x", O_CREAT | O_RDWR, 0644);
	EXPECT_TRUE("remount/rw_creat", fd >= 0);
	EXPECT_EQ("remount/ro_busy_writer", sys5(mount, "none", "m", NULL,
						 MS_REMOUNT | MS_RDONLY, NULL), -EBUSY);
	EXPECT_EQ("remount/write_open_fd", sys3(write, fd, "x", 1), 1);
	close(fd);
	fd = sys3(open, "m/x", O_RDONLY, 0);
	EXPECT_EQ("remount/ro", sys5(mount, "none", "m", NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	EXPECT_EQ("remount/ro_listed", mounted("none /tmp/mount_basic/m tmpfs ro"), 1);
	EXPECT_EQ("remount/open_write_erofs", sys3(open, "m/x", O_WRONLY, 0), -EROFS);
	EXPECT_TRUE("remount/open_read_ok", sys3(open, "m/x", O_RDONLY, 0) >= 0);
	EXPECT_EQ("remount/truncate_erofs", sys2(truncate, "m/x", 0), -EROFS);
	EXPECT_EQ("remount/not_root", sys5(mount, "none", "m/x", NULL, MS_REMOUNT, NULL), -EINVAL);
	close(fd);
	close(fd + 1);
	EXPECT_EQ("rdonly/umount", sys2(umount2, "m", 0), 0);
	EXPECT_EQ("nosuid_noexec/mount", sys5(mount, "none", "m", "tmpfs",
					      MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL), 0);
	EXPECT_EQ("nosuid_noexec/flags", (sys2(statfs, "m", &sf),
					  sf.f_flags & (ST_NOSUID | ST_NOEXEC | ST_NODEV)),
		  ST_NOSUID | ST_NOEXEC | ST_NODEV);
	EXPECT_EQ("noexec/listed", mounted("none /tmp/mount_basic/m tmpfs rw,nosuid,nodev,noexec,relatime"), 1);
	put_file("m/prog", "#!/bin/sh\n");
	chmod("m/prog", 0755);
	{
		char *argv[] = { "prog", NULL }, *envp[] = { NULL };

		EXPECT_EQ("noexec/execve", sys3(execve, "m/prog", argv, envp), -EACCES);
	}
	EXPECT_EQ("noexec/access_x", sys2(access, "m/prog", X_OK), -EACCES);
	EXPECT_EQ("noexec/umount", sys2(umount2, "m", 0), 0);
}

static void test_stack_detach(void)
{
	char buf[8];
	int fd;

	EXPECT_EQ("stack/first", sys5(mount, "one", "m", "tmpfs", 0, NULL), 0);
	put_file("m/f", "one");
	EXPECT_EQ("stack/second", sys5(mount, "two", "m", "tmpfs", 0, NULL), 0);
	EXPECT_EQ("stack/top_empty", get_file("m/f", buf, sizeof(buf)), -ENOENT);
	EXPECT_EQ("stack/umount_top", sys2(umount2, "m", 0), 0);
	EXPECT_TRUE("stack/first_again", get_file("m/f", buf, sizeof(buf)) == 3);
	mkdir("m/sub", 0755);
	EXPECT_EQ("nested/mount", sys5(mount, "three", "m/sub", "tmpfs", 0, NULL), 0);
	EXPECT_EQ("nested/parent_busy", sys2(umount2, "m", 0), -EBUSY);
	EXPECT_EQ("nested/dotdot", ({ struct stat a, b; stat("m/sub/..", &a); stat("m", &b);
				    a.st_ino == b.st_ino && a.st_dev == b.st_dev; }), 1);
	fd = open("m/f", O_RDONLY);
	EXPECT_EQ("detach", sys2(umount2, "m", MNT_DETACH), 0);
	EXPECT_EQ("detach/unlisted", mounted("/tmp/mount_basic/m "), 0);
	EXPECT_EQ("detach/nested_unlisted", mounted("/tmp/mount_basic/m/sub"), 0);
	EXPECT_EQ("detach/fd_still_reads", sys3(read, fd, buf, 3), 3);
	EXPECT_EQ("detach/name_gone", get_file("m/f", buf, sizeof(buf)), -ENOENT);
	close(fd);
}

static void test_errors(void)
{
	put_file("file", "");
	EXPECT_EQ("mount/enoent", sys5(mount, "none", "nope", "tmpfs", 0, NULL), -ENOENT);
	EXPECT_EQ("mount/enotdir", sys5(mount, "none", "file", "tmpfs", 0, NULL), -ENOTDIR);
	EXPECT_EQ("mount/enodev", sys5(mount, "none", "m", "nosuchfs", 0, NULL), -ENODEV);
	EXPECT_EQ("mount/efault_type", sys5(mount, "none", "m", BADPTR, 0, NULL), -EFAULT);
	EXPECT_EQ("mount/efault_target", sys5(mount, "none", BADPTR, "tmpfs", 0, NULL), -EFAULT);
	EXPECT_EQ("mount/magic_stripped", sys5(mount, "none", "m", "tmpfs", 0xC0ED0000, NULL), 0);
	EXPECT_EQ("mount/make_private", sys5(mount, "none", "m", NULL, MS_PRIVATE, NULL), 0);
	EXPECT_EQ("umount2/bad_flags", sys2(umount2, "m", 0x10), -EINVAL);
	EXPECT_EQ("umount2/expire_detach", sys2(umount2, "m", MNT_EXPIRE | MNT_DETACH), -EINVAL);
	EXPECT_EQ("umount2/enoent", sys2(umount2, "nope", 0), -ENOENT);
	EXPECT_EQ("umount2/not_mountpoint", sys2(umount2, "file", 0), -EINVAL);
	EXPECT_EQ("umount2/ok", sys2(umount2, "m", 0), 0);
	EXPECT_EQ("umount2/root_busy_or_inval", sys2(umount2, "/", 0) < 0, 1);
}

static int as_user(void *arg)
{
	if (setresuid(1000, 1000, 1000))
		return 10;
	if (sys5(mount, "none", "/tmp/mount_basic/m", "tmpfs", 0, NULL) != -EPERM)
		return 1;
	if (sys2(umount2, "/proc", 0) != -EPERM)
		return 2;
	if (sys5(mount, "none", "/nope", "tmpfs", 0, NULL) != -ENOENT)
		return 3;	/* the path first, then the privilege */
	return 0;
}

static void test_privilege(void)
{
	int status;

	if (!have_syscall_setresuid()) {
		skip_note("eperm_as_user");
		return;
	}
	status = in_child(as_user, NULL);
	EXPECT_TRUE("eperm_as_user", WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	vfs_setup("/tmp/mount_basic");
	test_tmpfs();
	test_ramfs_proc_dev();
	test_rdonly();
	test_stack_detach();
	test_errors();
	test_privilege();
	return lt_done();
}
