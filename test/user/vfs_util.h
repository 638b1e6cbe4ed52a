/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfs_util.h: what the file-system tests (vfs_*, pipe_*, poll_*, dev_*,
 * proc_*, mount_*, mmap_*, locks_*) share.  Include after lego_test.h.
 *
 * The tests run as init on Lego and on Linux.  Lego mounts /proc and a
 * devtmpfs on /dev at boot; Linux's initramfs has neither, so
 * vfs_setup() mounts them when they are missing.  Each test works in a
 * directory of its own under /tmp.
 */
#ifndef VFS_UTIL_H
#define VFS_UTIL_H

#include <sys/syscall.h>
#include <fcntl.h>
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/mount.h>

#ifndef SYS_fchmodat2
#define SYS_fchmodat2	452
#endif

#define sys0(n)			lt_syscall0(SYS_##n)
#define sys1(n, a)		lt_syscall1(SYS_##n, a)
#define sys2(n, a, b)		lt_syscall2(SYS_##n, a, b)
#define sys3(n, a, b, c)	lt_syscall3(SYS_##n, a, b, c)
#define sys4(n, a, b, c, d)	lt_syscall4(SYS_##n, a, b, c, d)
#define sys5(n, a, b, c, d, e)	lt_syscall5(SYS_##n, a, b, c, d, e)
#define sys6(n, a, b, c, d, e, f) \
	lt_syscall6(SYS_##n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* An address no mapping covers, and one in the kernel half. */
#define BADPTR		((void *)8)
#define KPTR		((void *)0xffffffff80000000UL)

/* /proc and /dev as Lego has them at boot; a test's own /tmp. */
static void vfs_setup(const char *dir)
{
	struct stat st;

	if (stat("/proc/self", &st)) {
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
	}
	if (stat("/dev/null", &st)) {
		mkdir("/dev", 0755);
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	}
	mkdir("/tmp", 01777);
	if (dir) {
		mkdir(dir, 0777);
		if (chdir(dir))
			lt_check("setup/chdir", 0, "cannot enter %s", dir);
	}
}

/* Writes s to a new file path (mode 0644); 0 on success. */
static int put_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	size_t n = strlen(s);

	if (fd < 0)
		return -1;
	if (write(fd, s, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Reads a whole file (at most size - 1 bytes, NUL-terminated): its length. */
static long get_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -errno;
	while ((size_t)n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(fd);
	return n;
}

/* The wait status of a child running fn (its return is the exit code). */
static int in_child(int (*fn)(void *), void *arg)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0)
		return -1;
	waitpid(pid, &status, 0);
	return status;
}

/*
 * Whether the kernel delivers signals and changes credentials yet: on a
 * Lego without the process engineer's signal and credential syscalls
 * those report -ENOSYS, and the checks that need them are skipped with a
 * note (never a PASS).
 */
static int have_syscall_rt_sigaction(void)
{
	return lt_syscall4(SYS_rt_sigaction, SIGPIPE, 0, 0, 8) != -ENOSYS;
}

static int have_syscall_setresuid(void)
{
	return lt_syscall3(SYS_setresuid, -1, -1, -1) != -ENOSYS;
}

static void skip_note(const char *what)
{
	lt_printf("NOTE %s/%s: skipped (the kernel lacks the syscall it needs)\n",
		  LT_SUITE, what);
}

#endif /* VFS_UTIL_H */
