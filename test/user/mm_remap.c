// mremap: shrinking, growing in place, moving (the pages and their
// contents go along), MREMAP_FIXED and MREMAP_DONTUNMAP, and every error
// in Linux's order; a failed mremap leaves the mapping as it was.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "mm_remap"
#include "lego_test.h"
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_mremap	25
#define NR_munmap	11
#define PG		4096UL

static long mremap5(void *a, unsigned long o, unsigned long n, long f, void *na)
{
	return lt_syscall5(NR_mremap, a, o, n, f, na);
}

static char *map(unsigned long len)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void fill(char *p, unsigned long len, int seed)
{
	unsigned long i;

	for (i = 0; i < len; i += 512)
		p[i] = (char)(seed + i / 512);
}

static int same(const char *p, unsigned long len, int seed)
{
	unsigned long i;

	for (i = 0; i < len; i += 512)
		if (p[i] != (char)(seed + i / 512))
			return 0;
	return 1;
}

/* A child that touches p: 0 if it could, else the signal that ended it. */
static int touch_status(volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		(void)p[0];
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

int main(void)
{
	static char snapshot[3 * PG];
	char *p, *q, *guard;
	long r;

	/* Shrink: the tail is unmapped, the head keeps its data. */
	p = map(4 * PG);
	fill(p, 4 * PG, 1);
	EXPECT_EQ("shrink", mremap5(p, 4 * PG, 2 * PG, 0, 0), (long)p);
	EXPECT_TRUE("shrink/data_kept", same(p, 2 * PG, 1));
	EXPECT_EQ("shrink/tail_gone", touch_status(p + 2 * PG), 11);

	/* Grow in place when the following range is free. */
	munmap(p + 2 * PG, 8 * PG);
	EXPECT_EQ("grow_in_place", mremap5(p, 2 * PG, 6 * PG, 0, 0), (long)p);
	EXPECT_TRUE("grow_in_place/data_kept", same(p, 2 * PG, 1));
	EXPECT_EQ("grow_in_place/new_part_zero", p[5 * PG] | p[2 * PG], 0);

	/* Blocked: without MREMAP_MAYMOVE that is ENOMEM, nothing changes. */
	guard = mmap(p + 6 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT_EQ("guard_mapped", (long)guard, (long)(p + 6 * PG));
	EXPECT_EQ("grow_blocked", mremap5(p, 6 * PG, 8 * PG, 0, 0), -ENOMEM);
	EXPECT_TRUE("grow_blocked/unchanged", same(p, 2 * PG, 1));

	/* With MREMAP_MAYMOVE it moves: the contents go along. */
	fill(p, 6 * PG, 7);
	r = mremap5(p, 6 * PG, 16 * PG, MREMAP_MAYMOVE, 0);
	q = (char *)r;
	EXPECT_TRUE("move", r > 0 && q != p);
	EXPECT_TRUE("move/data_moved", same(q, 6 * PG, 7));
	EXPECT_EQ("move/new_tail_zero", q[15 * PG], 0);
	EXPECT_EQ("move/old_gone", touch_status(p), 11);
	EXPECT_EQ("move/guard_kept", touch_status(guard), 0);

	/* MREMAP_FIXED: to a chosen address, replacing what was there. */
	p = map(2 * PG);
	fill(p, 2 * PG, 3);
	r = mremap5(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, q + 4 * PG);
	EXPECT_EQ("fixed", r, (long)(q + 4 * PG));
	EXPECT_TRUE("fixed/data_moved", same(q + 4 * PG, 2 * PG, 3));
	EXPECT_TRUE("fixed/neighbours_kept", same(q, 4 * PG, 7));
	EXPECT_EQ("fixed/old_gone", touch_status(p), 11);
	/* Shrinking while moving. */
	r = mremap5(q + 4 * PG, 2 * PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, p);
	EXPECT_EQ("fixed_shrink", r, (long)p);
	EXPECT_TRUE("fixed_shrink/data", same(p, PG, 3));
	EXPECT_EQ("fixed_shrink/rest_unmapped", touch_status(q + 5 * PG), 11);

	/* MREMAP_DONTUNMAP: the old range stays mapped, empty. */
	fill(q, PG, 9);
	r = mremap5(q, PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	EXPECT_TRUE("dontunmap", r > 0 && (char *)r != q);
	EXPECT_TRUE("dontunmap/data_moved", r > 0 && same((char *)r, PG, 9));
	EXPECT_EQ("dontunmap/old_mapped_zero", q[0], 0);

	/* Errors, in Linux's order; none changes anything. */
	memcpy(snapshot, q + PG, sizeof(snapshot));
	EXPECT_EQ("err/bad_flags", mremap5(q, PG, PG, 8, 0), -EINVAL);
	EXPECT_EQ("err/fixed_without_maymove", mremap5(q, PG, PG, MREMAP_FIXED, p), -EINVAL);
	EXPECT_EQ("err/dontunmap_without_maymove", mremap5(q, PG, PG, MREMAP_DONTUNMAP, 0), -EINVAL);
	EXPECT_EQ("err/dontunmap_resize",
		  mremap5(q, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0), -EINVAL);
	EXPECT_EQ("err/unaligned", mremap5(q + 1, PG, 2 * PG, MREMAP_MAYMOVE, 0), -EINVAL);
	EXPECT_EQ("err/new_len_zero", mremap5(q, PG, 0, MREMAP_MAYMOVE, 0), -EINVAL);
	EXPECT_EQ("err/unmapped", mremap5((void *)0x10000, PG, 2 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
	EXPECT_EQ("err/crosses_end", mremap5(q + 3 * PG, 2 * PG, 4 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
	EXPECT_EQ("err/private_old_len_zero", mremap5(q, 0, PG, MREMAP_MAYMOVE, 0), -EINVAL);
	EXPECT_EQ("err/fixed_unaligned",
		  mremap5(q, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + 1), -EINVAL);
	EXPECT_EQ("err/fixed_overlap",
		  mremap5(q, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, q + PG), -EINVAL);
	EXPECT_EQ("err/fixed_past_top",
		  mremap5(q, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
			  (void *)0x7ffffffff000UL), -EINVAL);
	EXPECT_EQ("err/nothing_changed", memcmp(snapshot, q + PG, sizeof(snapshot)), 0);

	/* A shared mapping may be "duplicated" with old_len 0. */
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	p[0] = 42;
	r = mremap5(p, 0, PG, MREMAP_MAYMOVE, 0);
	EXPECT_TRUE("shared_duplicate", r > 0 && (char *)r != p);
	if (r > 0) {
		((char *)r)[0] = 43;
		EXPECT_EQ("shared_duplicate/same_pages", p[0], 43);
	}
	return lt_done();
}
