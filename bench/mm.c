// SPDX-License-Identifier: GPL-2.0
/*
 * Memory: brk, anonymous mmap/munmap with the pages touched, and the cost
 * of one anonymous page fault.
 */
#include <sys/mman.h>
#include "bench.h"

#define PAGE	4096L
#define MIB	(1024L * 1024L)

static long map_anon(long len)
{
	return sys6l(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		     -1, 0);
}

s64 bench_brk_grow_shrink(long n)
{
	long cur = sys1(SYS_brk, 0), r;
	long bad = 0;
	s64 t;

	r = sys1(SYS_brk, cur + PAGE);
	if (r != cur + PAGE)
		return bench_na("brk(%ld) returned %ld", cur + PAGE, r);
	sys1(SYS_brk, cur);
	t = TIMED_LOOP(n, {
		bad |= sys1(SYS_brk, cur + PAGE) ^ (cur + PAGE);
		bad |= sys1(SYS_brk, cur) ^ cur;
	});
	if (bad)
		return bench_na("brk did not move the break in the loop");
	return t;
}

/* mmap, one write per page, munmap: what a malloc of len costs. */
static s64 map_touch_unmap(long n, long len)
{
	long p = map_anon(len), bad = 0;
	s64 t;

	if (sys_err(p))
		return bench_na("mmap of %ld bytes: %e", len, sys_err(p));
	sys2(SYS_munmap, p, len);
	t = TIMED_LOOP(n, {
		volatile char *q = (volatile char *)map_anon(len);

		if (sys_err((long)q)) {
			bad = (long)q;
			break;
		}
		for (long off = 0; off < len; off += PAGE)
			q[off] = 1;
		bad |= sys2(SYS_munmap, q, len);
	});
	if (bad)
		return bench_na("mmap or munmap of %ld bytes failed in the loop", len);
	return t;
}

s64 bench_mmap_4k(long n)
{
	return map_touch_unmap(n, PAGE);
}

s64 bench_mmap_1m(long n)
{
	return map_touch_unmap(n, MIB);
}

/*
 * n first writes to the n pages of a fresh mapping: each one faults and
 * allocates a zeroed page.  Transparent huge pages would turn 512 of them
 * into one fault (Debian's Linux has THP "always"), so the mapping asks
 * for small pages; a kernel without madvise has no THP either.
 */
s64 bench_page_fault(long n)
{
	long len = n * PAGE, p = map_anon(len);
	volatile char *q = (volatile char *)p;
	s64 t;

	if (sys_err(p))
		return bench_na("mmap of %ld bytes: %e", len, sys_err(p));
	sys3(SYS_madvise, p, len, MADV_NOHUGEPAGE);
	t = TIMED_LOOP(n, q[__i * PAGE] = 1);
	sys2(SYS_munmap, p, len);
	return t;
}

int main(int argc, char **argv, char **envp)
{
	return bench_main("mm", argc, argv, envp);
}
