// Permission checks as Linux makes them: as an ordinary user (EACCES on
// mode bits, EPERM for owner-only changes, sticky directories, execute
// bits, access(2) with the real ids), and as root (the set-group-ID
// directory rules, root's execute rule, write dropping set-user-ID).
// The ordinary-user half needs setresuid(2) (the process engineer's):
// without it, it is skipped with a note.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_perm"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/sysmacros.h>

#define TOP	"/tmp/vfs_perm"

static long mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -errno : (long)(st.st_mode & 07777);
}

static void test_as_root(void)
{
	struct stat st;
	int fd;

	/* Set-group-ID directories: the group is inherited, and a new
	 * directory inherits the bit too. */
	mkdir("sg", 0755);
	chown("sg", 0, 50);
	chmod("sg", 02775);
	put_file("sg/f", "");
	EXPECT_TRUE("setgid_dir/file_group", !stat("sg/f", &st) && st.st_gid == 50 &&
		    !(st.st_mode & S_ISGID));
	mkdir("sg/d", 0755);
	EXPECT_TRUE("setgid_dir/subdir", !stat("sg/d", &st) && st.st_gid == 50 &&
		    (st.st_mode & S_ISGID));
	/* Root runs a file only if some execute bit is set. */
	put_file("noexec", "#!/bin/sh\n");
	chmod("noexec", 0644);
	{
		char *argv[] = { "noexec", NULL }, *envp[] = { NULL };

		EXPECT_EQ("root/exec_needs_x", sys3(execve, TOP "/noexec", argv, envp), -EACCES);
		EXPECT_EQ("root/exec_dir", sys3(execve, TOP, argv, envp), -EACCES);
	}
	EXPECT_EQ("root/reads_0000", (put_file("zero", "z"), chmod("zero", 0),
				      fd = open("zero", O_RDWR), fd >= 0), 1);
	close(fd);
	/* A write by root (CAP_FSETID) keeps set-user-ID. */
	chmod("zero", 04755);
	fd = open("zero", O_WRONLY);
	write(fd, "x", 1);
	close(fd);
	EXPECT_EQ("root/write_keeps_suid", mode_of("zero"), 04755);
}

static int user_checks(void *arg)
{
	struct stat st;
	char buf[8];
	long r2 = 0;
	int fd, r = 0;
	struct timespec ts[2] = { { 1, 0 }, { 2, 0 } };

#define CHECK(cond) do {						\
	r++;								\
	if (!(cond)) {							\
		lt_printf("vfs_perm: user check %d failed: %s (%ld)\n", r, #cond, r2); \
		return r;						\
	}								\
} while (0)
	if (setresgid(1000, 1000, 1000) || setresuid(1000, 1000, 1000))
		return 99;
	/* Mode bits of files and directories. */
	CHECK(sys3(open, TOP "/secret", O_RDONLY, 0) == -EACCES);
	CHECK(sys3(open, TOP "/public", O_RDONLY, 0) >= 0);
	CHECK(sys3(open, TOP "/public", O_WRONLY, 0) == -EACCES);
	CHECK(sys3(open, TOP "/public", O_RDONLY | O_TRUNC, 0) == -EACCES);
	CHECK(sys2(truncate, TOP "/public", 0) == -EACCES);
	CHECK(sys3(open, TOP "/rootdir/new", O_CREAT | O_WRONLY, 0644) == -EACCES);
	CHECK(sys2(mkdir, TOP "/rootdir/new", 0755) == -EACCES);
	CHECK(sys1(unlink, TOP "/rootdir/file") == -EACCES);
	CHECK(sys2(rename, TOP "/rootdir/file", TOP "/rootdir/f2") == -EACCES);
	CHECK(sys2(stat, TOP "/nosearch/file", buf) == -EACCES);
	CHECK(sys3(open, TOP "/noread", O_RDONLY | O_DIRECTORY, 0) == -EACCES);
	CHECK(sys2(stat, TOP "/noread/file", &st) == 0);	/* x suffices */
	CHECK(sys1(chdir, TOP "/nosearch") == -EACCES);
	/* Owner-only changes. */
	CHECK(sys2(chmod, TOP "/public", 0777) == -EPERM);
	CHECK(sys3(chown, TOP "/mine", 1001, -1) == -EPERM);
	CHECK(sys3(chown, TOP "/mine", -1, 1000) == 0);		/* own group */
	CHECK(sys3(chown, TOP "/mine", -1, 1234) == -EPERM);	/* not a member */
	CHECK(sys2(chmod, TOP "/mine", 0600) == 0);
	CHECK(sys4(utimensat, AT_FDCWD, TOP "/public", ts, 0) == -EPERM);
	CHECK(sys4(utimensat, AT_FDCWD, TOP "/public", NULL, 0) == -EACCES);
	CHECK(sys4(utimensat, AT_FDCWD, TOP "/worldw", NULL, 0) == 0);	/* writers may touch */
	CHECK(sys4(utimensat, AT_FDCWD, TOP "/worldw", ts, 0) == -EPERM);
	CHECK(sys3(open, TOP "/public", O_RDONLY | O_NOATIME, 0) == -EPERM);
	CHECK((r2 = sys3(mknod, TOP "/sticky/dev", S_IFCHR | 0600, makedev(1, 3))) == -EPERM);
	CHECK(sys3(mknod, TOP "/sticky/fifo", S_IFIFO | 0600, 0) == 0);
	CHECK(sys1(chroot, TOP) == -EPERM);
	/* Execute bits apply to users. */
	{
		char *argv[] = { "x", NULL }, *envp[] = { NULL };

		CHECK(sys3(execve, TOP "/public", argv, envp) == -EACCES);
	}
	CHECK(sys2(access, TOP "/public", R_OK) == 0);
	CHECK(sys2(access, TOP "/public", W_OK) == -EACCES);
	CHECK(sys2(access, TOP "/secret", F_OK) == 0);
	/* Sticky directory: only the owner of a file (or of the directory)
	 * removes or replaces it. */
	CHECK(sys1(unlink, TOP "/sticky/others") == -EPERM);
	CHECK(sys2(rename, TOP "/sticky/mine2", TOP "/sticky/others") == -EPERM);
	CHECK(sys1(unlink, TOP "/sticky/mine2") == 0);
	/* A write by a user drops set-user-ID and executable set-group-ID. */
	fd = open(TOP "/suid", O_WRONLY);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1);
	CHECK(mode_of(TOP "/suid") == 0777);
	/* chmod by a non-member of the group drops set-group-ID. */
	CHECK(sys2(chmod, TOP "/mine_g", 02755) == 0 && mode_of(TOP "/mine_g") == 0755);
	CHECK(sys2(chmod, TOP "/mine", 02755) == 0 && mode_of(TOP "/mine") == 02755);
	(void)buf;
	return 0;
#undef CHECK
}

static void test_as_user(void)
{
	int status;

	if (!have_syscall_setresuid()) {
		skip_note("as_user");
		return;
	}
	put_file("secret", "s");
	chmod("secret", 0600);
	put_file("public", "p");
	chmod("public", 0644);
	put_file("worldw", "w");
	chmod("worldw", 0666);
	put_file("mine", "m");
	chown("mine", 1000, 0);
	chmod("mine", 0644);
	put_file("mine_g", "g");
	chown("mine_g", 1000, 0);
	mkdir("rootdir", 0755);
	put_file("rootdir/file", "");
	mkdir("nosearch", 0744);
	put_file("nosearch/file", "");
	mkdir("noread", 0711);
	put_file("noread/file", "");
	mkdir("sticky", 01777);
	chmod("sticky", 01777);	/* past the umask */
	put_file("sticky/others", "");
	chown("sticky/others", 1001, 1001);
	put_file("sticky/mine2", "");
	chown("sticky/mine2", 1000, 1000);
	put_file("suid", "");
	chown("suid", 1000, 1000);
	chmod("suid", 06777);
	status = in_child(user_checks, NULL);
	lt_check("as_user", WIFEXITED(status) && WEXITSTATUS(status) == 0,
		 "check %d of user_checks failed (status %x)", WEXITSTATUS(status), status);
}

int main(void)
{
	vfs_setup(TOP);
	test_as_root();
	test_as_user();
	return lt_done();
}
