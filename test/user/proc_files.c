// /proc: self and thread-self, /proc/PID/{stat, status, statm, cmdline,
// comm, environ, auxv, exe, cwd, root, fd/, fdinfo/, maps, mounts, task/} in
// Linux's formats, the system files (meminfo, cpuinfo with one block per
// CPU, uptime, loadavg, stat, filesystems, mounts), other processes'
// directories (sleeping and zombie), and what /proc refuses.
// lego-test: libc=musl
// lego-test: smp=1,2
// lego-test: args=first second
#define _GNU_SOURCE
#define LT_SUITE "proc_files"
#include "lego_test.h"
#include "vfs_util.h"
#include <sched.h>
#include <dirent.h>
#include <sys/auxv.h>
#include <time.h>

static char text[65536];

static long readf(const char *path)
{
	return get_file(path, text, sizeof(text));
}

static int count_str(const char *s, const char *what)
{
	int n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s++;
	}
	return n;
}

/* The fields of a /proc/PID/stat line after "(comm)". */
static int stat_fields(const char *line, char *state, long *f, int max)
{
	const char *p = strrchr(line, ')');
	int n = 0;

	if (!p || sscanf(p + 2, "%c", state) != 1)
		return -1;
	p += 3;
	while (*p && n < max) {
		char *end;

		f[n++] = strtol(p, &end, 10);
		if (end == p)
			return -1;
		p = end;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			break;
	}
	return n;
}

static void test_self(void)
{
	char buf[256], path[64], state;
	struct stat st;
	long f[64];
	int n;
	pid_t pid = getpid();

	snprintf(path, sizeof(path), "%d", pid);
	EXPECT_EQ("self/readlink", (long)readlink("/proc/self", buf, sizeof(buf)),
		  (long)strlen(path));
	EXPECT_EQ("self/target", memcmp(buf, path, strlen(path)), 0);
	snprintf(path, sizeof(path), "%d/task/%d", pid, pid);
	memset(buf, 0, sizeof(buf));
	readlink("/proc/thread-self", buf, sizeof(buf));
	EXPECT_EQ("thread_self", strcmp(buf, path), 0);

	EXPECT_TRUE("stat/read", readf("/proc/self/stat") > 0);
	snprintf(path, sizeof(path), "%d (proc_files) R ", pid);
	EXPECT_EQ("stat/head", strncmp(text, path, strlen(path)), 0);
	n = stat_fields(text, &state, f, 64);
	/* f[k - 4] is field k of proc(5) (pid, comm, state come first). */
	EXPECT_EQ("stat/52_fields", n + 3, 52);
	EXPECT_EQ("stat/ppid", f[0], getppid());
	if (sys1(getpgid, 0) == -ENOSYS) {
		skip_note("stat/pgrp_session");
	} else {
		EXPECT_EQ("stat/pgrp", f[1], getpgid(0));
		EXPECT_EQ("stat/session", f[2], getsid(0));
	}
	EXPECT_EQ("stat/threads", f[16], 1);
	EXPECT_TRUE("stat/vsize", f[19] > 0);
	EXPECT_TRUE("stat/rss", f[20] > 0);
	EXPECT_TRUE("stat/code_bounds", f[22] > 0 && f[23] > f[22]);
	EXPECT_TRUE("stat/args_bounds", f[44] > 0 && f[45] > f[44] && f[47] >= f[46]);

	EXPECT_TRUE("status/read", readf("/proc/self/status") > 0);
	EXPECT_TRUE("status/name", strstr(text, "Name:\tproc_files\n") == text);
	EXPECT_TRUE("status/state", strstr(text, "\nState:\tR (running)\n") != NULL);
	snprintf(path, sizeof(path), "\nPid:\t%d\n", pid);
	EXPECT_TRUE("status/pid", strstr(text, path) != NULL);
	snprintf(path, sizeof(path), "\nTgid:\t%d\n", pid);
	EXPECT_TRUE("status/tgid", strstr(text, path) != NULL);
	EXPECT_TRUE("status/uid", strstr(text, "\nUid:\t0\t0\t0\t0\n") != NULL);
	EXPECT_TRUE("status/gid", strstr(text, "\nGid:\t0\t0\t0\t0\n") != NULL);
	EXPECT_TRUE("status/threads", strstr(text, "\nThreads:\t1\n") != NULL);
	EXPECT_TRUE("status/vmrss", strstr(text, "\nVmRSS:\t") != NULL);
	EXPECT_TRUE("status/umask", strstr(text, "\nUmask:\t0022\n") != NULL);

	EXPECT_TRUE("statm", readf("/proc/self/statm") > 0 &&
		    sscanf(text, "%ld %ld", &f[0], &f[1]) == 2 && f[0] > 0 && f[1] > 0);
	n = readf("/proc/self/cmdline");
	EXPECT_EQ("cmdline/length", n, (long)sizeof("/proc_files") + sizeof("first") + sizeof("second"));
	EXPECT_TRUE("cmdline/content", !memcmp(text, "/proc_files\0first\0second\0", n));
	EXPECT_TRUE("comm", readf("/proc/self/comm") == 11 && !strcmp(text, "proc_files\n"));
	EXPECT_TRUE("environ", readf("/proc/self/environ") >= 0);
	/* auxv: the (type, value) pairs execve gave, through AT_NULL's, the
	 * same values getauxval reads off the stack; 0400, as Linux. */
	n = readf("/proc/self/auxv");
	EXPECT_TRUE("auxv/pairs", n >= 16 * 10 && n % 16 == 0);
	if (n >= 16 && n % 16 == 0) {
		const unsigned long *av = (const unsigned long *)text;
		int i, seen = 0, last = n / 8 - 2;

		for (i = 0; i < last; i += 2) {
			EXPECT_TRUE("auxv/no-early-null", av[i] != AT_NULL);
			if (av[i] == AT_PAGESZ || av[i] == AT_ENTRY || av[i] == AT_RANDOM ||
			    av[i] == AT_SYSINFO_EHDR || av[i] == AT_PHDR || av[i] == AT_UID)
				seen += av[i + 1] == getauxval(av[i]);
		}
		EXPECT_EQ("auxv/values", seen, 6);
		EXPECT_TRUE("auxv/ends-null", av[last] == AT_NULL && av[last + 1] == 0);
	}
	EXPECT_TRUE("auxv/mode", stat("/proc/self/auxv", &st) == 0 &&
		    st.st_mode == (S_IFREG | 0400));
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("exe", readlink("/proc/self/exe", buf, sizeof(buf)) > 0 &&
		    !strcmp(buf, "/proc_files"));
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("cwd", readlink("/proc/self/cwd", buf, sizeof(buf)) > 0 &&
		    !strcmp(buf, "/tmp/proc_files"));
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("root", readlink("/proc/self/root", buf, sizeof(buf)) == 1 && buf[0] == '/');
	/* Following the magic links reaches the files themselves. */
	EXPECT_TRUE("cwd/follow", open("/proc/self/cwd/.", O_RDONLY | O_DIRECTORY) >= 0);
	EXPECT_EQ("exe/follow", ({ struct stat a, b; stat("/proc/self/exe", &a);
				  stat("/proc_files", &b); a.st_ino == b.st_ino; }), 1);
}

static void test_fds(void)
{
	char buf[256], path[64];
	struct stat st;
	int fd, p[2], re, del;
	DIR *d;
	struct dirent *e;
	int n0 = 0, nf = 0;

	put_file("file", "contents");
	fd = open("file", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("fd/readlink", readlink(path, buf, sizeof(buf)) > 0 &&
		    !strcmp(buf, "/tmp/proc_files/file"));
	EXPECT_TRUE("fd/mode_read_only", !lstat(path, &st) && S_ISLNK(st.st_mode) &&
		    (st.st_mode & 0777) == 0500);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	lseek(fd, 3, SEEK_SET);
	EXPECT_TRUE("fdinfo", readf(path) > 0 && !strncmp(text, "pos:\t3\nflags:\t", 14));
	pipe(p);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("fd/pipe", readlink(path, buf, sizeof(buf)) > 0 &&
		    !strncmp(buf, "pipe:[", 6) && buf[strlen(buf) - 1] == ']');
	/* Opening a pipe through /proc/self/fd reaches the same pipe. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	re = open(path, O_WRONLY);
	EXPECT_TRUE("fd/reopen_pipe", re >= 0);
	EXPECT_EQ("fd/reopen_write", write(re, "via", 3), 3);
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("fd/reopen_read", read(p[0], buf, 3) == 3 && !strcmp(buf, "via"));
	close(re);
	put_file("gone", "x");
	del = open("gone", O_RDONLY);
	unlink("gone");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", del);
	memset(buf, 0, sizeof(buf));
	EXPECT_TRUE("fd/deleted", readlink(path, buf, sizeof(buf)) > 0 &&
		    !strcmp(buf, "/tmp/proc_files/gone (deleted)"));
	EXPECT_TRUE("fd/deleted_still_opens", open(path, O_RDONLY) >= 0);
	d = opendir("/proc/self/fd");
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, "0"))
			n0++;
		if (atoi(e->d_name) == fd)
			nf++;
	}
	if (d)
		closedir(d);
	EXPECT_TRUE("fd/listing", n0 == 1 && nf == 1);
	EXPECT_EQ("fd/missing", readlink("/proc/self/fd/999", buf, sizeof(buf)) < 0 ? errno : 0,
		  ENOENT);
	close(fd);
	close(p[0]);
	close(p[1]);
	close(del);
}

static void test_maps(void)
{
	unsigned long start, end, off, inode;
	unsigned int ma, mi;
	char perms[8], *line, *next;
	int lines = 0, bad = 0, exe = 0, stack = 0, heap = 0;
	/* A heap: the break moved and touched (musl's sbrk cannot grow it). */
	long brk0 = sys1(brk, 0);

	if (sys1(brk, brk0 + 8192) > brk0)
		*(volatile char *)brk0 = 1;
	EXPECT_TRUE("maps/read", readf("/proc/self/maps") > 0);
	for (line = text; *line; line = next) {
		int consumed = 0;
		char *name;

		next = strchr(line, '\n');
		if (!next)
			break;
		*next++ = 0;
		lines++;
		if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", &start, &end, perms, &off, &ma,
			   &mi, &inode, &consumed) < 7 || start >= end || strlen(perms) != 4) {
			bad++;
			continue;
		}
		name = line + consumed;
		if (*name && consumed != 73 && strlen(line) >= 73 && line[72] != ' ')
			bad++;
		if (!strcmp(name, "/proc_files") && perms[2] == 'x' && inode)
			exe++;
		if (!strcmp(name, "[stack]") && !strcmp(perms, "rw-p"))
			stack++;
		if (!strcmp(name, "[heap]"))
			heap++;
		if (*name && strlen(line) >= 73 && (int)(name - line) != 73)
			bad++;
	}
	EXPECT_TRUE("maps/lines", lines >= 4);
	EXPECT_EQ("maps/format", bad, 0);
	EXPECT_EQ("maps/executable", exe, 1);
	EXPECT_EQ("maps/stack", stack, 1);
	EXPECT_TRUE("maps/heap", heap >= 1);
}

static void test_system_files(void)
{
	long v1, v2, v3;
	int ncpu = 0, i;
	cpu_set_t set;
	char *l;

	EXPECT_TRUE("meminfo/read", readf("/proc/meminfo") > 0);
	EXPECT_TRUE("meminfo/order", !strncmp(text, "MemTotal:", 9) &&
		    strstr(text, "\nMemFree:") && strstr(text, "\nMemAvailable:") &&
		    strstr(text, "\nBuffers:") && strstr(text, "\nCached:") &&
		    strstr(text, "\nSwapTotal:") && strstr(text, "\nSwapFree:"));
	EXPECT_TRUE("meminfo/format", sscanf(text, "MemTotal: %ld kB\nMemFree: %ld kB", &v1, &v2) == 2 &&
		    v1 > 0 && v2 > 0 && v2 < v1 && text[16 + 8] == ' ' && text[16 + 7] != ' ');
	CPU_ZERO(&set);
	sched_getaffinity(0, sizeof(set), &set);
	for (i = 0; i < CPU_SETSIZE; i++)
		ncpu += !!CPU_ISSET(i, &set);
	EXPECT_TRUE("cpuinfo/read", readf("/proc/cpuinfo") > 0);
	EXPECT_EQ("cpuinfo/one_per_cpu", count_str(text, "processor\t: "), ncpu);
	EXPECT_EQ("cpuinfo/flags", count_str(text, "\nflags\t\t: "), ncpu);
	EXPECT_EQ("cpuinfo/model_name", count_str(text, "\nmodel name\t: "), ncpu);
	EXPECT_TRUE("cpuinfo/fpu_flag", strstr(text, "flags\t\t: fpu ") != NULL);
	EXPECT_TRUE("uptime", readf("/proc/uptime") > 0 &&
		    sscanf(text, "%ld.%ld %ld.", &v1, &v2, &v3) == 3 && text[strlen(text) - 1] == '\n');
	EXPECT_TRUE("loadavg", readf("/proc/loadavg") > 0 &&
		    sscanf(text, "%ld.%ld %*d.%*d %*d.%*d %ld/", &v1, &v2, &v3) == 3 && v3 >= 1);
	EXPECT_TRUE("stat/cpu", readf("/proc/stat") > 0 && !strncmp(text, "cpu  ", 5));
	EXPECT_TRUE("stat/cpu0", strstr(text, "\ncpu0 ") != NULL);
	EXPECT_TRUE("stat/lines", strstr(text, "\nctxt ") && strstr(text, "\nbtime ") &&
		    strstr(text, "\nprocesses ") && strstr(text, "\nprocs_running "));
	l = strchr(text, '\n');
	*l = 0;
	EXPECT_EQ("stat/cpu_ten_numbers", count_str(text, " ") - 1, 10);
	EXPECT_TRUE("filesystems", readf("/proc/filesystems") > 0 &&
		    strstr(text, "nodev\tproc\n") && strstr(text, "nodev\ttmpfs\n") &&
		    strstr(text, "nodev\tdevtmpfs\n"));
	EXPECT_TRUE("mounts/self", readf("/proc/self/mounts") > 0 &&
		    strstr(text, "proc /proc proc rw") != NULL);
	EXPECT_TRUE("mounts/link", readf("/proc/mounts") > 0 &&
		    strstr(text, " /proc proc ") != NULL);
}

static void test_other_process(void)
{
	char path[64], state = 0;
	long f[64];
	int p[2], status;
	pid_t pid;
	DIR *d;
	struct dirent *e;
	int found = 0, self = 0, bad_ino = 0;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		char c;

		read(p[0], &c, 1);	/* sleeps until the parent writes */
		_exit(3);
	}
	{
		struct timespec t = { 0, 50 * 1000 * 1000 };

		nanosleep(&t, NULL);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	EXPECT_TRUE("child/stat", readf(path) > 0 && stat_fields(text, &state, f, 64) > 0);
	EXPECT_EQ("child/sleeping", state, 'S');
	EXPECT_EQ("child/ppid", f[0], getpid());
	EXPECT_EQ("child/exit_signal", f[34], SIGCHLD);
	d = opendir("/proc");
	while (d && (e = readdir(d))) {
		struct stat st;
		char ep[64];

		if (atoi(e->d_name) == pid)
			found++;
		if (atoi(e->d_name) == getpid())
			self++;
		/* glibc's readdir skips entries with d_ino 0. */
		snprintf(ep, sizeof(ep), "/proc/%s", e->d_name);
		if (!e->d_ino || (strcmp(e->d_name, "..") && (lstat(ep, &st) || st.st_ino != e->d_ino)))
			bad_ino++;
	}
	if (d)
		closedir(d);
	EXPECT_TRUE("proc/lists_both", found == 1 && self == 1);
	EXPECT_EQ("proc/d_ino_is_st_ino", bad_ino, 0);
	write(p[1], "x", 1);
	{
		struct timespec t = { 0, 100 * 1000 * 1000 };

		nanosleep(&t, NULL);
	}
	EXPECT_TRUE("zombie/stat", readf(path) > 0 && stat_fields(text, &state, f, 64) > 0);
	EXPECT_EQ("zombie/state", state, 'Z');
	waitpid(pid, &status, 0);
	EXPECT_EQ("reaped/enoent", readf(path), -ENOENT);
	EXPECT_EQ("nopid/enoent", readf("/proc/999999/stat"), -ENOENT);
	EXPECT_EQ("notpid/enoent", readf("/proc/12abc/stat"), -ENOENT);
	close(p[0]);
	close(p[1]);
}

static void test_refusals(void)
{
	EXPECT_EQ("chmod/eperm", sys2(chmod, "/proc/self/stat", 0777), -EPERM);
	EXPECT_EQ("creat/enoent", sys3(open, "/proc/newfile", O_CREAT | O_WRONLY, 0644), -ENOENT);
	EXPECT_EQ("mkdir/root", sys2(mkdir, "/proc/newdir", 0755) < 0, 1);
	EXPECT_EQ("unlink/eperm_or_eacces", sys1(unlink, "/proc/self/stat") < 0, 1);
	EXPECT_EQ("lseek/end_einval", sys3(lseek, open("/proc/self/stat", O_RDONLY), 0, SEEK_END),
		  -EINVAL);
}

int main(void)
{
	vfs_setup("/tmp/proc_files");
	test_self();
	test_fds();
	test_maps();
	test_system_files();
	test_other_process();
	test_refusals();
	return lt_done();
}
