// The syscall fuzzer (test/fuzz/fuzz.c) in make test, and what the kernel
// promises under it (Documentation/dev-tools/fuzzing.rst): each campaign
// of the fixed seed set runs in a child and ends well (no worker killed
// by a fault, no hang caught by its watchdog, nothing left at the real
// root); afterwards every object count of /proc/lego/kmem and the free
// pages are back at their start values (slab pages, freed kernel stacks
// and the vmalloc area's page tables count as kept), no WARN was printed,
// and a normal program still runs.  The harness fails the test on any
// panic, oops or WARN on the console besides.
//
//	/fuzz [SEED:COUNT:NPROC:NTHREADS ...]	(make fuzz runs one longer)
//
// lego-test: libc=musl
// (Lego only: the counts come from /proc/lego/kmem, and a campaign makes
// calls as root that would change a Linux guest: its clock, its hostname.)
// lego-test: linux=no
// lego-test: smp=1,4
// lego-test: timeout=240
// lego-test: args=31:150000:2:2 32:150000:4:2 33:150000:3:1 34:150000:1:3
#define _GNU_SOURCE
#define LT_SUITE "fuzz"
#define FUZZ_NO_MAIN
#include "../fuzz/fuzz.c"
#include "lego_test.h"
#include "lego_child.h"
#include "lego_kmem.h"

static const char hello[] = "a normal program runs\n";

/* Where a campaign's child leaves its count of calls (mapped before the
 * first reading, like everything PID 1 touches). */
static long *calls;

/* One campaign in a child: its exit status, and its calls. */
static void campaign(const char *spec, long *calls_total)
{
	unsigned long seed;
	long count;
	int nproc, nthreads, st = -1;
	pid_t pid;
	char name[64];

	if (sscanf(spec, "%lu:%ld:%d:%d", &seed, &count, &nproc, &nthreads) != 4) {
		lt_check(spec, 0, "not SEED:COUNT:NPROC:NTHREADS");
		return;
	}
	*calls = -1;
	pid = fork();
	if (pid == 0)
		_exit(fuzz_run(seed, count, nproc, nthreads, calls));
	waitpid(pid, &st, 0);
	snprintf(name, sizeof(name), "seed%lu/status", seed);
	EXPECT_EQ(lt_cat(name, ""), st, 0);
	snprintf(name, sizeof(name), "seed%lu/calls", seed);
	/* Every thread made its share: none was stopped early. */
	EXPECT_EQ(name, *calls, count / (nproc * nthreads) * (nproc * nthreads));
	if (*calls > 0)
		*calls_total += *calls;
}

int main(int argc, char **argv)
{
	static struct kmem_snap start, now;
	char out[256], *av[] = { argv[0], "--normal", NULL }, *env[] = { NULL };
	long total = 0;
	int i, st;

	if (argc > 1 && !strcmp(argv[1], "--normal")) {
		write(1, hello, sizeof(hello) - 1);
		return 0;
	}
	/* What PID 1 itself will touch, touched before the first reading:
	 * stdio's buffer, the console's, our stack and these pages, by an
	 * empty campaign. */
	printf("fuzz: %d campaign(s)\n", argc - 1);
	fflush(stdout);
	calls = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!EXPECT_TRUE("mmap", calls != MAP_FAILED))
		return lt_done();
	*calls = 0;
	memset(&now, 0, sizeof(now));
	kmem_read(&now);
	campaign("0:0:1:1", &total);	/* the same paths, no calls */
	EXPECT_EQ("kmem/read", kmem_read(&start), 0);
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--"))
			campaign(argv[i], &total);
	/* Orphans of a campaign came to us, init: reaped as init does. */
	while (waitpid(-1, &st, WNOHANG | __WALL) > 0)
		;
	printf("fuzz: %ld calls in all\n", total);
	fflush(stdout);
	if (!EXPECT_EQ("kmem/settled", kmem_settle(&start, &now), 0))
		kmem_print_diff(&start, &now);
	for (i = 0; i < start.n; i++)
		if (kmem_is_object_count(start.name[i]))
			EXPECT_EQ(lt_cat("kmem", start.name[i]), kmem_get(&now, start.name[i]),
				  start.value[i]);
	EXPECT_EQ("kmem/pages", kmem_pages_back(&now), kmem_pages_back(&start));
	EXPECT_EQ("kmem/pagecache", kmem_get(&now, "pages_pagecache"),
		  kmem_get(&start, "pages_pagecache"));
	EXPECT_EQ("kmem/warnings", kmem_get(&now, "warnings"), kmem_get(&start, "warnings"));
	st = lt_run_output(argv[0], av, env, out, sizeof(out));
	EXPECT_EQ("normal_program/status", st, 0);
	EXPECT_EQ("normal_program/output", strcmp(out, hello), 0);
	return lt_done();
}
