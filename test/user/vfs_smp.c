// The VFS under concurrency: four processes at once create, rename,
// link, unlink and list names in one directory, move directories back
// and forth between two parents (the rename locks), append records to
// one file with O_APPEND, and make and close pipes.  Every operation
// must stay consistent (no lost or doubled names, no torn records) and
// the kernel must survive on 1, 2 and 4 CPUs.
// lego-test: libc=musl
// lego-test: smp=1,2,4
// lego-test: timeout=300
#define _GNU_SOURCE
#define LT_SUITE "vfs_smp"
#include "lego_test.h"
#include "vfs_util.h"
#include <stdio.h>

#define WORKERS	4
#define ROUNDS	300
#define REC	64

static int names(int id)
{
	char a[32], b[32], c[32];
	int i, fd, bad = 0;

	for (i = 0; i < ROUNDS; i++) {
		snprintf(a, sizeof(a), "w%d_%d", id, i);
		snprintf(b, sizeof(b), "w%d_%d.r", id, i);
		snprintf(c, sizeof(c), "w%d_%d.l", id, i);
		fd = open(a, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0 || write(fd, a, strlen(a)) != (ssize_t)strlen(a))
			bad++;
		close(fd);
		if (rename(a, b) || link(b, c) || unlink(b))
			bad++;
		if (i % 2 && unlink(c))
			bad++;
		if (mkdir(a, 0755) || rmdir(a))
			bad++;
	}
	return bad ? 1 : 0;
}

static int lister(void)
{
	char buf[4096];
	int i, fd;

	for (i = 0; i < ROUNDS; i++) {
		fd = open(".", O_RDONLY | O_DIRECTORY);
		while (sys3(getdents64, fd, buf, sizeof(buf)) > 0)
			;
		close(fd);
	}
	return 0;
}

static int mover(int id)
{
	int i, bad = 0;

	for (i = 0; i < ROUNDS; i++) {
		/* One direction each: the two locks are taken in both orders. */
		if (id & 1) {
			if (!rename("A/x", "B/x") || !rename("B/x", "A/x"))
				continue;
		} else if (!rename("B/x", "A/x") || !rename("A/x", "B/x")) {
			continue;
		}
		if (errno != ENOENT)
			bad++;
	}
	return bad ? 1 : 0;
}

static int appender(int id)
{
	char rec[REC];
	int i, fd = open("log", O_WRONLY | O_APPEND);

	memset(rec, 'a' + id, REC - 1);
	rec[REC - 1] = '\n';
	for (i = 0; i < ROUNDS; i++)
		if (write(fd, rec, REC) != REC)
			return 1;
	return 0;
}

static int piper(void)
{
	int i, p[2];
	char c;

	for (i = 0; i < ROUNDS; i++) {
		if (pipe(p))
			return 1;
		if (write(p[1], "x", 1) != 1 || read(p[0], &c, 1) != 1)
			return 1;
		close(p[0]);
		close(p[1]);
	}
	return 0;
}

static int run_all(int (*fn)(int), int n, int with_lister)
{
	pid_t pids[WORKERS + 1];
	int i, status, bad = 0;

	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(fn(i));
	}
	if (with_lister) {
		pids[n] = fork();
		if (pids[n] == 0)
			_exit(lister());
	}
	for (i = 0; i < n + with_lister; i++) {
		waitpid(pids[i], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			bad++;
	}
	return bad;
}

static int piper_i(int id)
{
	return piper();
}

int main(void)
{
	char buf[4096], rec[REC];
	long n, count = 0, total = 0, torn = 0;
	int fd, i;

	vfs_setup("/tmp/vfs_smp");
	EXPECT_EQ("names", run_all(names, WORKERS, 1), 0);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	while ((n = sys3(getdents64, fd, buf, sizeof(buf))) > 0) {
		long pos;

		for (pos = 0; pos < n; pos += *(unsigned short *)(buf + pos + 16))
			if (buf[pos + 19] == 'w')
				count++;
	}
	close(fd);
	/* Each worker keeps the .l link of every even round. */
	EXPECT_EQ("names/left", count, WORKERS * ROUNDS / 2);

	mkdir("A", 0755);
	mkdir("B", 0755);
	mkdir("A/x", 0755);
	EXPECT_EQ("rename_between_dirs", run_all(mover, WORKERS, 0), 0);
	EXPECT_TRUE("rename/one_place", (access("A/x", F_OK) == 0) != (access("B/x", F_OK) == 0));

	close(open("log", O_CREAT | O_WRONLY | O_TRUNC, 0644));
	EXPECT_EQ("append", run_all(appender, WORKERS, 0), 0);
	fd = open("log", O_RDONLY);
	while (read(fd, rec, REC) == REC) {
		for (i = 1; i < REC - 1; i++)
			if (rec[i] != rec[0])
				break;
		if (i < REC - 1 || rec[REC - 1] != '\n')
			torn++;
		total++;
	}
	close(fd);
	EXPECT_EQ("append/records", total, WORKERS * ROUNDS);
	EXPECT_EQ("append/untorn", torn, 0);

	EXPECT_EQ("pipes", run_all(piper_i, WORKERS, 0), 0);
	return lt_done();
}
