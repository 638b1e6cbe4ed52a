// SPDX-License-Identifier: GPL-2.0
/*
 * Remote memory: the cost of a page fault served by the memory component
 * (Documentation/lego/disaggregation.rst, "Remote memory"), beside
 * mm's page_fault, a local anonymous fault.
 *
 * bench/run.sh boots this program on a processor whose cache of remote
 * pages is 16 pages (lego.cache_pages=16).  A mapping of four times that
 * is written once (its pages go out to the memory component as the cache
 * fills) and then read in a cycle: with a clock over 64 pages and room
 * for 16, every read is a miss, so each timed read is one fault that
 * fetches its page (RPC_MEM_READ) and evicts a clean one (unmapped, its
 * TLB entry flushed, nothing written back).  /proc/lego/rmem's counters
 * must show one fetch per read and no write-back, or the row is n/a.  The
 * program's own pages are locked (mlockall(MCL_CURRENT)), which keeps
 * them out of the cache, so only the mapping's pages compete for it.
 *
 * Where the memory component is (bench/run.sh):
 *   remote_page_fault     the processor itself (lego.peers=memory:1 on
 *                         node 1): the whole protocol on both sides, its
 *                         frames delivered in memory.  Every instruction
 *                         of the fault path is counted under -icount and
 *                         nothing waits, so the count is exact; a
 *                         network's latency is not in it.
 *   remote_page_fault_vm  a memory VM over QEMU's -netdev dgram on
 *                         loopback UDP: the wait for the reply is in it,
 *                         which is why it is measured by the wall clock
 *                         only (under -icount sleep=off a waiting guest's
 *                         clock jumps ahead to its next timer).
 */
#include <sys/mman.h>
#include <fcntl.h>
#include "bench.h"

#define PAGE		4096L
#define CACHE_PAGES	16		/* bench/run.sh: lego.cache_pages=16 */
#define PAGES		(4 * CACHE_PAGES)

struct rmem_counts {
	long active, cache_pages, fetches, writebacks;
};

/* The value after "name " on a line of text, or -1. */
static long field(const char *text, const char *name)
{
	const char *p = text, *n;

	while (*p) {
		for (n = name; *n && *p == *n; n++, p++)
			;
		if (!*n && *p == ' ')
			return bench_atol(p + 1);
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	return -1;
}

static int rmem_read(struct rmem_counts *c)
{
	char text[512];
	long fd = sys2(SYS_open, "/proc/lego/rmem", O_RDONLY), n;

	if (sys_err(fd))
		return sys_err(fd);
	n = sys3(SYS_read, fd, text, sizeof(text) - 1);
	sys1(SYS_close, fd);
	if (sys_err(n))
		return sys_err(n);
	text[n] = 0;
	c->active = field(text, "active");
	c->cache_pages = field(text, "cache_pages");
	c->fetches = field(text, "fetches");
	c->writebacks = field(text, "writebacks");
	return 0;
}

static s64 remote_fault(long n)
{
	static struct rmem_counts a, b;
	long len = PAGES * PAGE, p, i;
	volatile char *q;
	int e = rmem_read(&a);
	s64 t;

	if (e)
		return bench_na("no /proc/lego/rmem (%e): not Lego's remote memory", e);
	if (a.active != 1 || a.cache_pages != CACHE_PAGES)
		return bench_na("needs a memory peer and lego.cache_pages=%d (active %ld, cache %ld)",
				CACHE_PAGES, a.active, a.cache_pages);
	/* The program's own pages (stack, data, the counters) stay here, out
	 * of the cache's clock: only the mapping below competes for it. */
	e = sys_err(sys1(SYS_mlockall, MCL_CURRENT));
	if (e)
		return bench_na("mlockall(MCL_CURRENT): %e", e);
	p = sys6l(SYS_mmap, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (sys_err(p))
		return bench_na("mmap of %ld bytes: %e", len, sys_err(p));
	q = (volatile char *)p;
	for (i = 0; i < PAGES; i++)
		q[i * PAGE] = (char)i;
	for (i = 0; i < PAGES; i++)		/* every page once back from there */
		(void)q[i * PAGE];
	rmem_read(&a);
	t = TIMED_LOOP(n, (void)q[(__i % PAGES) * PAGE]);
	rmem_read(&b);
	sys2(SYS_munmap, p, len);
	if (b.fetches - a.fetches != n || b.writebacks != a.writebacks)
		return bench_na("%ld reads made %ld fetches and %ld write-backs, not %ld and 0",
				n, b.fetches - a.fetches, b.writebacks - a.writebacks, n);
	return t;
}

s64 bench_remote_page_fault(long n)
{
	return remote_fault(n);
}

s64 bench_remote_page_fault_vm(long n)
{
	return remote_fault(n);
}

/* One binary, installed as /bench/rmem and /bench/rmemvm: its name picks
 * the row (bench/run.sh gives each its own boot). */
int main(int argc, char **argv, char **envp)
{
	return bench_main(argv[0], argc, argv, envp);
}
