// 1,000 fork/exec/wait cycles (and vfork/exec and fork/exit ones) end
// with the kernel holding what it held at the start: free and kept pages,
// tasks, mms, files, inodes, dentries and every kmalloc size class back
// at their start values in /proc/lego/kmem (Documentation/mm/kmem.rst).
// Each child execs this program again, which checks its argv and an
// inherited descriptor's close-on-exec, and exits with a status the
// parent checks.
// lego-test: libc=musl
// lego-test: smp=1,2
// lego-test: timeout=300
// (Lego only: the counts come from /proc/lego/kmem.)
// lego-test: linux=no
#define _GNU_SOURCE
#define LT_SUITE "fork_exec_leak"
#include "lego_test.h"
#include "lego_kmem.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CYCLES	1000

/*
 * One cycle, how = 0 fork+exec, 1 vfork+exec, 2 fork+_exit; 0 when the
 * child ran and exited as it should.
 */
static int cycle(int i, int how)
{
	char arg[16];
	int st = -1;
	pid_t p;

	snprintf(arg, sizeof(arg), "%d", i);
	p = how == 1 ? vfork() : fork();
	if (p == 0) {
		if (how == 2)
			_exit(i & 0x7f);
		execve("/proc/self/exe", (char *[]){ "child", arg, NULL }, (char *[]){ NULL });
		_exit(126);
	}
	if (p < 0 || waitpid(p, &st, 0) != p)
		return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == (i & 0x7f) ? 0 : st | 0x10000;
}

int main(int argc, char **argv)
{
	struct kmem_snap start, now;
	int fd, bad = 0, first = 0;

	if (argc == 2 && !strcmp(argv[0], "child")) {
		/* fd 3 was opened O_CLOEXEC by the parent: it must be gone. */
		if (fcntl(3, F_GETFD) != -1)
			return 125;
		return atoi(argv[1]) & 0x7f;
	}
	fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	EXPECT_EQ("setup/fd", fd, 3);
	/*
	 * Warm up: the caches a first fork and exec fill, and the pages this
	 * program's own stack, heap and page tables take on the paths it
	 * runs (kmem_settle() included), are not leaks.
	 */
	for (int i = 0; i < 20; i++)
		cycle(i, i % 3);
	kmem_read(&start);
	kmem_settle(&start, &now);
	EXPECT_EQ("kmem/start", kmem_read(&start), 0);
	for (int i = 0; i < CYCLES; i++) {
		int r = cycle(i, i % 10 == 9 ? 1 : i % 10 == 8 ? 2 : 0);

		if (r && !bad++)
			first = r;
	}
	EXPECT_EQ("cycles/failed", bad, 0);
	EXPECT_EQ("cycles/first_bad_status", first, 0);
	if (!EXPECT_EQ("kmem/settled", kmem_settle(&start, &now), 0))
		kmem_print_diff(&start, &now);
	EXPECT_EQ("kmem/tasks", kmem_get(&now, "tasks"), kmem_get(&start, "tasks"));
	EXPECT_EQ("kmem/mm_structs", kmem_get(&now, "mm_structs"), kmem_get(&start, "mm_structs"));
	EXPECT_EQ("kmem/files", kmem_get(&now, "files"), kmem_get(&start, "files"));
	EXPECT_EQ("kmem/pages", kmem_pages_back(&now), kmem_pages_back(&start));
	EXPECT_EQ("kmem/warnings", kmem_get(&now, "warnings"), kmem_get(&start, "warnings"));
	return lt_done();
}
