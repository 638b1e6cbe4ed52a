// File mappings: MAP_SHARED pages are the file's (read/write and other
// processes' mappings see them at once), MAP_PRIVATE copies are not;
// pages past the end of the file are SIGBUS, also after a truncation
// shrinks a mapped file; msync's checks; mmap's descriptor rules.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "mmap_file"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/mman.h>

#define PG	4096

static char *map(int fd, size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags, fd, 0);
}

static int touch(void *arg)
{
	return *(volatile char *)arg;
}

static int poke(void *arg)
{
	*(volatile char *)arg = 1;
	return 0;
}

static void test_coherence(void)
{
	char buf[16];
	char *m;
	int fd = open("f", O_CREAT | O_RDWR | O_TRUNC, 0644), status;
	pid_t pid;
	int up[2], down[2];

	ftruncate(fd, 2 * PG);
	m = map(fd, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	EXPECT_TRUE("shared/map", m != MAP_FAILED);
	memcpy(m + PG + 10, "mapped", 6);
	EXPECT_EQ("shared/write_then_read", (pread(fd, buf, 6, PG + 10), memcmp(buf, "mapped", 6)), 0);
	pwrite(fd, "written", 7, 100);
	EXPECT_EQ("shared/pwrite_then_map", memcmp(m + 100, "written", 7), 0);
	/* Another process, its own mapping of its own open of the file. */
	pipe(up);
	pipe(down);
	pid = fork();
	if (pid == 0) {
		int cfd = open("f", O_RDWR);
		char *cm = map(cfd, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED), c;

		if (cm == MAP_FAILED)
			_exit(1);
		memcpy(cm + 200, "child", 5);
		write(up[1], "1", 1);
		read(down[0], &c, 1);	/* wait for the parent's answer */
		_exit(memcmp(cm + 300, "parent", 6) ? 2 : 0);
	}
	read(up[0], buf, 1);
	EXPECT_EQ("shared/other_process_sees", memcmp(m + 200, "child", 5), 0);
	memcpy(m + 300, "parent", 6);
	write(down[1], "2", 1);
	waitpid(pid, &status, 0);
	EXPECT_TRUE("shared/child_saw_parent", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	/* Private: a copy on the first write, the file untouched. */
	{
		char *pm = map(fd, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);

		EXPECT_EQ("private/reads_file", memcmp(pm + 100, "written", 7), 0);
		memcpy(pm + 100, "PRIVATE", 7);
		EXPECT_EQ("private/file_untouched", (pread(fd, buf, 7, 100), memcmp(buf, "written", 7)), 0);
		EXPECT_EQ("private/shared_untouched", memcmp(m + 100, "written", 7), 0);
		munmap(pm, PG);
	}
	/* Unlinked, the mapping keeps the file. */
	unlink("f");
	memcpy(m, "still", 5);
	EXPECT_EQ("unlinked/still_shared", (pread(fd, buf, 5, 0), memcmp(buf, "still", 5)), 0);
	munmap(m, 2 * PG);
	close(fd);
}

static void test_eof(void)
{
	int fd = open("e", O_CREAT | O_RDWR | O_TRUNC, 0644), status;
	char *m;

	write(fd, "abc", 3);
	m = map(fd, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	EXPECT_TRUE("eof/map_past_end", m != MAP_FAILED);
	EXPECT_EQ("eof/first_page", memcmp(m, "abc\0\0", 5), 0);
	EXPECT_EQ("eof/tail_zero", m[PG - 1], 0);
	status = in_child(touch, m + PG);
	EXPECT_TRUE("eof/sigbus_read", WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
	status = in_child(poke, m + 2 * PG + 5);
	EXPECT_TRUE("eof/sigbus_write", WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
	/* Grown, the pages are there. */
	ftruncate(fd, 2 * PG);
	m[PG + 1] = 'x';
	EXPECT_EQ("grow/page_usable", ({ char c; pread(fd, &c, 1, PG + 1); c; }), 'x');
	/* Shrunk under the mapping: the cut pages are SIGBUS now. */
	ftruncate(fd, 10);
	status = in_child(touch, m + PG + 1);
	EXPECT_TRUE("shrink/sigbus", WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
	EXPECT_EQ("shrink/first_kept", memcmp(m, "abc", 3), 0);
	EXPECT_EQ("shrink/tail_zeroed", m[10] | m[100], 0);
	ftruncate(fd, 2 * PG);
	EXPECT_EQ("regrow/zeros", m[PG + 1], 0);
	munmap(m, 3 * PG);
	close(fd);
}

static void test_msync_and_rules(void)
{
	int fd = open("s", O_CREAT | O_RDWR | O_TRUNC, 0644), ro, wo, p[2];
	char *m;

	ftruncate(fd, PG);
	m = map(fd, PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	EXPECT_EQ("msync/sync", sys3(msync, m, PG, MS_SYNC), 0);
	EXPECT_EQ("msync/async", sys3(msync, m, PG, MS_ASYNC), 0);
	EXPECT_EQ("msync/invalidate", sys3(msync, m, PG, MS_INVALIDATE), 0);
	EXPECT_EQ("msync/both", sys3(msync, m, PG, MS_SYNC | MS_ASYNC), -EINVAL);
	EXPECT_EQ("msync/bad_flag", sys3(msync, m, PG, 8), -EINVAL);
	EXPECT_EQ("msync/unaligned", sys3(msync, m + 1, PG, MS_SYNC), -EINVAL);
	EXPECT_EQ("msync/zero_len", sys3(msync, m, 0, MS_SYNC), 0);
	munmap(m, PG);
	EXPECT_EQ("msync/unmapped", sys3(msync, m, PG, MS_SYNC), -ENOMEM);
	ro = open("s", O_RDONLY);
	wo = open("s", O_WRONLY);
	EXPECT_TRUE("rules/shared_write_rdonly", map(ro, PG, PROT_READ | PROT_WRITE, MAP_SHARED) ==
		    MAP_FAILED && errno == EACCES);
	EXPECT_TRUE("rules/private_write_rdonly", map(ro, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE) !=
		    MAP_FAILED);
	EXPECT_TRUE("rules/wronly", map(wo, PG, PROT_READ, MAP_SHARED) == MAP_FAILED &&
		    errno == EACCES);
	pipe(p);
	EXPECT_TRUE("rules/pipe", map(p[0], PG, PROT_READ, MAP_SHARED) == MAP_FAILED &&
		    errno == ENODEV);
	{
		char *s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		int status;
		pid_t pid;

		pid = fork();
		if (pid == 0) {
			s[7] = 'q';
			_exit(0);
		}
		waitpid(pid, &status, 0);
		EXPECT_EQ("shared_anon/fork", s[7], 'q');
	}
	close(ro);
	close(wo);
	close(fd);
}

int main(void)
{
	vfs_setup("/tmp/mmap_file");
	test_coherence();
	test_eof();
	test_msync_and_rules();
	return lt_done();
}
