// SPDX-License-Identifier: GPL-2.0
/*
 * rfstest: file syscalls on the remote file system (fs/rfs.c), run in a
 * processor VM whose /mnt/storage is lego-storaged's directory
 * (test/net/run.sh, net/rfs and net/rfs-lossy, net/rfs-restart).
 *
 *   rfstest errno      every forwarded call's return value and errno,
 *                      exactly as Linux gives them, with nothing changed
 *                      on the server by a call that failed
 *   rfstest restart    writes acknowledged (fsync), then calls until the
 *                      daemon is killed: a pending call and new ones fail
 *                      with EIO within the RPC layer's bound; once it is
 *                      back, old descriptors are ESTALE, new opens work
 *
 * Raw syscalls throughout: each result is the kernel's, -errno included.
 * "RFS-..." lines are the cues run.sh waits for.
 */
#define LT_SUITE "net"
#include "lego_test.h"
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>

#define M "/mnt/storage"
#define BAD ((long)1)			/* an unmapped user address */

static long sys_open(const char *p, long fl, long mode)
{
	return lt_syscall4(SYS_openat, AT_FDCWD, (long)p, fl, mode);
}
#define sys_close(fd)		lt_syscall1(SYS_close, fd)
#define sys_read(fd, b, n)	lt_syscall3(SYS_read, fd, (long)(b), n)
#define sys_write(fd, b, n)	lt_syscall3(SYS_write, fd, (long)(b), n)
#define sys_pread(fd, b, n, o)	lt_syscall4(SYS_pread64, fd, (long)(b), n, o)
#define sys_pwrite(fd, b, n, o)	lt_syscall4(SYS_pwrite64, fd, (long)(b), n, o)
#define sys_lseek(fd, o, w)	lt_syscall3(SYS_lseek, fd, o, w)
#define sys_stat(p, st)		lt_syscall2(SYS_stat, (long)(p), (long)(st))
#define sys_fstat(fd, st)	lt_syscall2(SYS_fstat, fd, (long)(st))
#define sys_mkdir(p, m)		lt_syscall2(SYS_mkdir, (long)(p), m)
#define sys_rmdir(p)		lt_syscall1(SYS_rmdir, (long)(p))
#define sys_unlink(p)		lt_syscall1(SYS_unlink, (long)(p))
#define sys_rename(a, b)	lt_syscall2(SYS_rename, (long)(a), (long)(b))
#define sys_fsync(fd)		lt_syscall1(SYS_fsync, fd)
#define sys_ftruncate(fd, n)	lt_syscall2(SYS_ftruncate, fd, n)
#define sys_truncate(p, n)	lt_syscall2(SYS_truncate, (long)(p), n)
#define sys_getdents(fd, b, n)	lt_syscall3(SYS_getdents64, fd, (long)(b), n)

static char big[200000], back[200000];

static long file_size(const char *p)
{
	struct stat st;
	long r = sys_stat(p, &st);

	return r ? r : st.st_size;
}

/* Whether the directory fd lists name (getdents64, 512-byte reads). */
static int lists(int fd, const char *name)
{
	char b[512];
	long n, i;
	int found = 0;

	sys_lseek(fd, 0, SEEK_SET);
	while ((n = sys_getdents(fd, b, sizeof(b))) > 0)
		for (i = 0; i < n; ) {
			unsigned short reclen = *(unsigned short *)(b + i + 16);

			if (!strcmp(b + i + 19, name))
				found = 1;
			i += reclen;
		}
	return n < 0 ? (int)n : found;
}

static void test_open(void)
{
	int fd;

	EXPECT_RET("open-missing", sys_open(M "/missing", O_RDONLY, 0), -ENOENT);
	EXPECT_RET("open-missing-dir", sys_open(M "/no/such", O_RDONLY | O_CREAT, 0644), -ENOENT);
	EXPECT_RET("open-excl-exists", sys_open(M "/host.txt", O_RDWR | O_CREAT | O_EXCL, 0644),
		   -EEXIST);
	EXPECT_RET("open-through-file", sys_open(M "/host.txt/x", O_RDONLY, 0), -ENOTDIR);
	EXPECT_RET("open-dir-write", sys_open(M "/sub", O_WRONLY, 0), -EISDIR);
	EXPECT_RET("open-directory-flag", sys_open(M "/host.txt", O_RDONLY | O_DIRECTORY, 0),
		   -ENOTDIR);
	EXPECT_RET("open-bad-path", sys_open((const char *)BAD, O_RDONLY, 0), -EFAULT);
	fd = sys_open(M "/created.txt", O_RDWR | O_CREAT | O_EXCL, 0600);
	EXPECT_TRUE("create", fd >= 0);
	EXPECT_RET("create-write", sys_write(fd, "abc", 3), 3);
	EXPECT_RET("create-size", file_size(M "/created.txt"), 3);
	EXPECT_RET("create-close", sys_close(fd), 0);
	EXPECT_RET("close-again", sys_close(fd), -EBADF);
	/* A creator may write even a file it made read-only, as open(2). */
	fd = sys_open(M "/ro.txt", O_WRONLY | O_CREAT | O_EXCL, 0444);
	EXPECT_RET("create-readonly-write", sys_write(fd, "x", 1), 1);
	sys_close(fd);
}

static void test_rw(void)
{
	char b[64];
	struct stat st;
	long i;
	int fd = sys_open(M "/host.txt", O_RDONLY, 0);

	EXPECT_RET("read", sys_read(fd, b, sizeof(b)), 20);
	EXPECT_TRUE("read-bytes", !memcmp(b, "hello from the host\n", 20));
	EXPECT_RET("read-eof", sys_read(fd, b, sizeof(b)), 0);
	EXPECT_RET("pread", sys_pread(fd, b, 4, 6), 4);
	EXPECT_TRUE("pread-bytes", !memcmp(b, "from", 4));
	EXPECT_RET("write-readonly", sys_write(fd, "x", 1), -EBADF);
	EXPECT_RET("lseek-set", sys_lseek(fd, 3, SEEK_SET), 3);
	EXPECT_RET("read-bad-buffer", sys_read(fd, BAD, 8), -EFAULT);
	EXPECT_RET("read-bad-buffer-pos", sys_lseek(fd, 0, SEEK_CUR), 3);
	EXPECT_RET("lseek-end", sys_lseek(fd, -1, SEEK_END), 19);
	EXPECT_RET("lseek-negative", sys_lseek(fd, -100, SEEK_SET), -EINVAL);
	EXPECT_RET("fstat", sys_fstat(fd, &st), 0);
	EXPECT_TRUE("fstat-fields", st.st_size == 20 && S_ISREG(st.st_mode) && st.st_nlink == 1);
	EXPECT_RET("fstat-bad-buffer", sys_fstat(fd, BAD), -EFAULT);
	EXPECT_RET("stat-bad-buffer", sys_stat(M "/host.txt", BAD), -EFAULT);
	sys_close(fd);

	fd = sys_open(M "/rw.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT_RET("write-bad-buffer", sys_write(fd, BAD, 8), -EFAULT);
	EXPECT_RET("write-bad-buffer-size", file_size(M "/rw.bin"), 0);
	EXPECT_RET("write-bad-buffer-pos", sys_lseek(fd, 0, SEEK_CUR), 0);
	for (i = 0; i < (long)sizeof(big); i++)
		big[i] = (char)(i * 7 + i / 251);
	/* 200000 bytes: four chunks of at most 64 KiB each way. */
	EXPECT_RET("write-big", sys_write(fd, big, sizeof(big)), sizeof(big));
	EXPECT_RET("write-big-pos", sys_lseek(fd, 0, SEEK_CUR), sizeof(big));
	EXPECT_RET("pread-big", sys_pread(fd, back, sizeof(back), 0), sizeof(back));
	EXPECT_TRUE("pread-big-bytes", !memcmp(big, back, sizeof(big)));
	EXPECT_RET("pwrite-hole", sys_pwrite(fd, "tail", 4, 300000), 4);
	EXPECT_RET("pwrite-pos-kept", sys_lseek(fd, 0, SEEK_CUR), sizeof(big));
	EXPECT_RET("fstat-after-pwrite", (sys_fstat(fd, &st), st.st_size), 300004);
	EXPECT_RET("pread-hole", sys_pread(fd, b, 4, 250000), 4);
	EXPECT_TRUE("pread-hole-zeros", !memcmp(b, "\0\0\0\0", 4));
	EXPECT_RET("ftruncate", sys_ftruncate(fd, 1000), 0);
	EXPECT_RET("ftruncate-size", (sys_fstat(fd, &st), st.st_size), 1000);
	EXPECT_RET("ftruncate-negative", sys_ftruncate(fd, -1), -EINVAL);
	EXPECT_RET("fsync", sys_fsync(fd), 0);
	EXPECT_RET("lseek-end-after-truncate", sys_lseek(fd, 0, SEEK_END), 1000);
	sys_close(fd);
	EXPECT_RET("truncate", sys_truncate(M "/rw.bin", 10), 0);
	EXPECT_RET("truncate-size", file_size(M "/rw.bin"), 10);
	EXPECT_RET("truncate-dir", sys_truncate(M "/sub", 0), -EISDIR);
	EXPECT_RET("truncate-missing", sys_truncate(M "/missing", 0), -ENOENT);
	fd = sys_open(M "/rw.bin", O_RDONLY, 0);
	EXPECT_RET("ftruncate-readonly", sys_ftruncate(fd, 0), -EINVAL);
	sys_close(fd);
	fd = sys_open(M "/rw.bin", O_WRONLY | O_TRUNC, 0);
	EXPECT_RET("open-trunc", file_size(M "/rw.bin"), 0);
	EXPECT_RET("read-writeonly", sys_read(fd, b, 1), -EBADF);
	sys_close(fd);

	/* O_APPEND: the server appends; the position follows. */
	fd = sys_open(M "/host-log.txt", O_WRONLY | O_APPEND | O_CREAT, 0644);
	EXPECT_RET("append-1", sys_write(fd, "one\n", 4), 4);
	EXPECT_RET("append-seek", sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_RET("append-2", sys_write(fd, "two\n", 4), 4);
	EXPECT_RET("append-pos", sys_lseek(fd, 0, SEEK_CUR), 8);
	sys_close(fd);
	fd = sys_open(M "/host-log.txt", O_RDONLY, 0);
	EXPECT_RET("append-read", sys_read(fd, b, sizeof(b)), 8);
	EXPECT_TRUE("append-bytes", !memcmp(b, "one\ntwo\n", 8));
	sys_close(fd);

	/* Another descriptor's writes: fstat and SEEK_END ask the server. */
	{
		int a = sys_open(M "/two.txt", O_RDWR | O_CREAT | O_EXCL, 0644);
		int c = sys_open(M "/two.txt", O_WRONLY, 0);

		EXPECT_RET("other-fd-write", sys_pwrite(c, "0123456789", 10, 0), 10);
		EXPECT_RET("fstat-sees-other-fd", (sys_fstat(a, &st), st.st_size), 10);
		EXPECT_RET("seek-end-sees-other-fd", sys_lseek(a, 0, SEEK_END), 10);
		/* Unlinked while open: its handle still reads (the server keeps
		 * the file, as Linux keeps an open unlinked one). */
		EXPECT_RET("unlink-open", sys_unlink(M "/two.txt"), 0);
		EXPECT_RET("read-unlinked", sys_pread(a, b, 10, 0), 10);
		EXPECT_TRUE("read-unlinked-bytes", !memcmp(b, "0123456789", 10));
		EXPECT_RET("unlinked-nlink", (sys_fstat(a, &st), (long)st.st_nlink), 0);
		sys_close(a);
		sys_close(c);
	}

	/* RLIMIT_FSIZE: cut short at the limit, then EFBIG (SIGXFSZ ignored). */
	{
		struct rlimit old, lim = { 100, 100 };
		int fd2 = sys_open(M "/limit.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);

		signal(SIGXFSZ, SIG_IGN);
		getrlimit(RLIMIT_FSIZE, &old);
		setrlimit(RLIMIT_FSIZE, &lim);
		EXPECT_RET("fsize-short", sys_write(fd2, big, 200), 100);
		EXPECT_RET("fsize-efbig", sys_write(fd2, big, 1), -EFBIG);
		setrlimit(RLIMIT_FSIZE, &old);
		EXPECT_RET("fsize-size", file_size(M "/limit.txt"), 100);
		sys_close(fd2);
		sys_unlink(M "/limit.txt");
	}

	/* MAP_PRIVATE copies; no page cache to share. */
	fd = sys_open(M "/host.txt", O_RDONLY, 0);
	{
		char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);

		EXPECT_TRUE("mmap-private", p != MAP_FAILED && !memcmp(p, "hello from", 10));
		if (p != MAP_FAILED)
			munmap(p, 4096);
		/* A private write is the process's own: the file keeps its byte. */
		p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		if (EXPECT_TRUE("mmap-private-write", p != MAP_FAILED)) {
			p[0] = 'X';
			EXPECT_RET("mmap-private-file-unchanged", (sys_pread(fd, b, 1, 0), b[0]), 'h');
			munmap(p, 4096);
		}
		p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
		EXPECT_TRUE("mmap-shared-enodev", p == MAP_FAILED && errno == ENODEV);
	}
	sys_close(fd);
}

static void test_names(void)
{
	struct stat rs;
	char cwd[128];
	long nlink;
	int fd;

	sys_stat(M, &rs);
	nlink = rs.st_nlink;
	EXPECT_RET("mkdir", sys_mkdir(M "/newdir", 0755), 0);
	/* The mount's root is asked again too: one more link. */
	EXPECT_RET("root-nlink-follows", (sys_stat(M, &rs), (long)rs.st_nlink), nlink + 1);
	EXPECT_RET("mkdir-exists", sys_mkdir(M "/newdir", 0755), -EEXIST);
	EXPECT_RET("mkdir-file-exists", sys_mkdir(M "/host.txt", 0755), -EEXIST);
	EXPECT_RET("mkdir-no-parent", sys_mkdir(M "/no/such", 0755), -ENOENT);
	EXPECT_RET("mkdir-through-file", sys_mkdir(M "/host.txt/d", 0755), -ENOTDIR);
	EXPECT_RET("mkdir-bad-path", sys_mkdir((const char *)BAD, 0755), -EFAULT);
	EXPECT_RET("stat-newdir", (file_size(M "/newdir") >= 0), 1);
	fd = sys_open(M "/newdir/f", O_WRONLY | O_CREAT, 0644);
	sys_close(fd);
	EXPECT_RET("rmdir-not-empty", sys_rmdir(M "/newdir"), -ENOTEMPTY);
	EXPECT_RET("rmdir-file", sys_rmdir(M "/host.txt"), -ENOTDIR);
	EXPECT_RET("rmdir-missing", sys_rmdir(M "/missing"), -ENOENT);
	EXPECT_RET("unlink-dir", sys_unlink(M "/newdir"), -EISDIR);
	EXPECT_RET("unlink-missing", sys_unlink(M "/missing"), -ENOENT);
	EXPECT_RET("unlink-through-file", sys_unlink(M "/host.txt/x"), -ENOTDIR);
	EXPECT_RET("unlink", sys_unlink(M "/newdir/f"), 0);
	EXPECT_RET("unlink-gone", sys_stat(M "/newdir/f", cwd), -ENOENT);
	EXPECT_RET("rmdir", sys_rmdir(M "/newdir"), 0);
	EXPECT_RET("rmdir-gone", sys_stat(M "/newdir", cwd), -ENOENT);

	EXPECT_RET("rename-missing", sys_rename(M "/missing", M "/x"), -ENOENT);
	EXPECT_RET("rename-dir-onto-file", sys_rename(M "/sub", M "/created.txt"), -ENOTDIR);
	EXPECT_RET("rename-file-onto-dir", sys_rename(M "/created.txt", M "/sub"), -EISDIR);
	EXPECT_RET("rename-into-self", sys_rename(M "/sub", M "/sub/inner"), -EINVAL);
	EXPECT_RET("rename-bad-path", sys_rename((const char *)BAD, M "/x"), -EFAULT);
	EXPECT_RET("rename-failed-kept", file_size(M "/created.txt"), 3);
	EXPECT_RET("rename", sys_rename(M "/created.txt", M "/sub/moved.txt"), 0);
	EXPECT_RET("rename-old-gone", sys_stat(M "/created.txt", cwd), -ENOENT);
	EXPECT_RET("rename-new-there", file_size(M "/sub/moved.txt"), 3);
	EXPECT_RET("symlink-eperm", lt_syscall2(SYS_symlink, (long)"x", (long)(M "/l")), -EPERM);
	EXPECT_RET("chmod-eperm", lt_syscall2(SYS_chmod, (long)(M "/ro.txt"), 0600), -EPERM);
	EXPECT_RET("mknod-fifo-eperm", lt_syscall3(SYS_mknod, (long)(M "/fifo"), S_IFIFO | 0644, 0),
		   -EPERM);

	fd = sys_open(M "/sub", O_RDONLY | O_DIRECTORY, 0);
	EXPECT_RET("getdents-lists", lists(fd, "moved.txt"), 1);
	EXPECT_RET("getdents-dotdot", lists(fd, ".."), 1);
	EXPECT_RET("getdents-small-buffer", (sys_lseek(fd, 0, SEEK_SET), sys_getdents(fd, cwd, 8)),
		   -EINVAL);
	EXPECT_RET("getdents-bad-buffer", sys_getdents(fd, BAD, 512), -EFAULT);
	EXPECT_RET("getdents-bad-buffer-pos", sys_lseek(fd, 0, SEEK_CUR), 0);
	EXPECT_RET("fsync-dir", sys_fsync(fd), 0);
	sys_close(fd);
	fd = sys_open(M "/host.txt", O_RDONLY, 0);
	EXPECT_RET("getdents-not-dir", sys_getdents(fd, cwd, sizeof(cwd)), -ENOTDIR);
	sys_close(fd);

	EXPECT_RET("chdir", lt_syscall1(SYS_chdir, (long)(M "/sub")), 0);
	EXPECT_RET("getcwd", lt_syscall2(SYS_getcwd, (long)cwd, sizeof(cwd)),
		   sizeof(M "/sub"));
	EXPECT_TRUE("getcwd-path", !strcmp(cwd, M "/sub"));
	EXPECT_RET("relative-stat", file_size("moved.txt"), 3);
	EXPECT_RET("dotdot-stat", file_size("../host.txt"), 20);
	EXPECT_RET("chdir-back", lt_syscall1(SYS_chdir, (long)"/"), 0);
}


static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

/* stat with SIGALRM 1 s in (handler flags fl): want, within [lo, hi) ms. */
static void signal_during_stat(int fl, long want, long lo, long hi)
{
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = fl };
	const char *tag = fl ? "signal-restart" : "signal-eintr";
	static struct stat st;
	long long t0;
	long r, ms;

	sigaction(SIGALRM, &sa, NULL);
	alarms = 0;
	alarm(1);
	t0 = now_ms();
	r = sys_stat(M "/host.txt", &st);
	ms = now_ms() - t0;
	alarm(0);
	EXPECT_RET(tag, r, want);
	lt_check(lt_cat(tag, "time"), ms >= lo && ms < hi, "%ld ms, not in [%ld, %ld)", ms, lo, hi);
	EXPECT_RET(lt_cat(tag, "handler-ran"), alarms, 1);
}

/*
 * The daemon is killed while this loops on calls (one of them pending
 * then), and started again after RFS-DOWN.  What was fsynced before must
 * be there afterwards.
 */
static void test_restart(void)
{
	static const struct timespec half = { 0, 500000000 };
	char b[64];
	long long t0, worst = 0;
	long r = 0, i;
	int fd = sys_open(M "/durable.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644), old;

	for (i = 0; i < (long)sizeof(big); i++)
		big[i] = (char)(i * 13 + 5);
	EXPECT_RET("durable-write", sys_write(fd, big, 40960), 40960);
	EXPECT_RET("durable-fsync", sys_fsync(fd), 0);
	sys_close(fd);
	old = sys_open(M "/host.txt", O_RDONLY, 0);
	EXPECT_TRUE("old-open", old >= 0);
	lt_printf("RFS-PENDING\n");
	/* Calls back to back until one fails: that one was pending. */
	for (i = 0; i < 100000; i++) {
		t0 = now_ms();
		r = sys_pread(old, b, 8, 0);
		if (r != 8)
			break;
	}
	worst = now_ms() - t0;
	EXPECT_RET("pending-call-eio", r, -EIO);
	EXPECT_TRUE("pending-call-bounded", worst < 15000);
	t0 = now_ms();
	EXPECT_RET("new-open-eio", sys_open(M "/host.txt", O_RDONLY, 0), -EIO);
	EXPECT_RET("new-stat-eio", sys_stat(M "/host.txt", b), -EIO);
	EXPECT_RET("new-mkdir-eio", sys_mkdir(M "/never", 0755), -EIO);
	EXPECT_TRUE("new-calls-bounded", now_ms() - t0 < 45000);
	/* A signal during a call: EINTR at once without SA_RESTART; with
	 * it the stat is restarted, and fails only at the bound. */
	signal_during_stat(0, -EINTR, 0, 3000);
	signal_during_stat(SA_RESTART, -EIO, 3000, 30000);
	lt_printf("RFS-DOWN %lld ms\n", worst);
	/* Back within a minute. */
	for (i = 0; i < 120 && sys_stat(M "/host.txt", b) != 0; i++)
		lt_syscall2(SYS_nanosleep, (long)&half, 0);
	EXPECT_RET("back", sys_stat(M "/host.txt", b), 0);
	EXPECT_RET("old-handle-estale", sys_pread(old, b, 8, 0), -ESTALE);
	EXPECT_RET("old-close", sys_close(old), 0);
	fd = sys_open(M "/durable.txt", O_RDONLY, 0);
	EXPECT_RET("durable-read", sys_read(fd, back, sizeof(back)), 40960);
	EXPECT_TRUE("durable-bytes", !memcmp(big, back, 40960));
	sys_close(fd);
	fd = sys_open(M "/after.txt", O_WRONLY | O_CREAT, 0644);
	EXPECT_RET("after-write", sys_write(fd, "after\n", 6), 6);
	sys_close(fd);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "restart")) {
		test_restart();
	} else {
		test_open();
		test_rw();
		test_names();
	}
	lt_printf("RFS-DONE\n");
	return lt_done();
}
