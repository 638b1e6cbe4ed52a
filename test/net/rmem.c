// SPDX-License-Identifier: GPL-2.0
/*
 * rmem: a program touching more memory than the processor's cache of
 * remote pages holds (test/net/run.sh boots it with lego.cache_pages=256
 * and a memory component), so its pages go to the memory component and
 * come back.  Every byte is checked against what was written, through
 * fork (the child's copy and the parent's stay apart), mremap (pages
 * move with their contents), munmap and MADV_DONTNEED (what comes back
 * is zeros, not the memory component's old copy), the heap and the
 * stack.  It prints PASS/FAIL lines and an RMEM-SUM line that the script
 * compares with the same program's run without a memory component:
 * byte-identical results.
 *
 *   rmem PAGES [remote]   "remote": /proc/lego/rmem must show pages
 *                         that went out and came back, and no error
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096UL

static int failures;
static unsigned long sum = 1469598103934665603UL;	/* FNV-1a basis */

static void check(const char *name, int ok, const char *fmt, long a, long b)
{
	if (ok) {
		printf("PASS net/rmem/%s\n", name);
	} else {
		printf("FAIL net/rmem/%s: ", name);
		printf(fmt, a, b);
		printf("\n");
		failures++;
	}
	fflush(stdout);
}

static void mix(unsigned long v)
{
	sum = (sum ^ v) * 1099511628211UL;
}

/* The word at page i, word w of a pattern named by seed. */
static unsigned long word(unsigned long seed, unsigned long i, unsigned long w)
{
	unsigned long x = seed * 0x9E3779B97F4A7C15UL + i * 0xBF58476D1CE4E5B9UL + w;

	x ^= x >> 31;
	return x * 0x94D049BB133111EBUL;
}

static void fill(unsigned long *p, unsigned long pages, unsigned long seed)
{
	for (unsigned long i = 0; i < pages; i++)
		for (unsigned long w = 0; w < PAGE / 8; w += 64)
			p[i * PAGE / 8 + w] = word(seed, i, w);
}

/* The first page that does not hold the pattern, or -1. */
static long verify(const unsigned long *p, unsigned long pages, unsigned long seed)
{
	for (unsigned long i = 0; i < pages; i++)
		for (unsigned long w = 0; w < PAGE / 8; w += 64) {
			unsigned long want = seed ? word(seed, i, w) : 0;

			if (p[i * PAGE / 8 + w] != want)
				return i;
			mix(p[i * PAGE / 8 + w]);
		}
	return -1;
}

static long stack_depth(int n, unsigned long seed)
{
	volatile unsigned long frame[PAGE / 8];
	long r;

	for (unsigned long w = 0; w < PAGE / 8; w += 64)
		frame[w] = word(seed, n, w);
	r = n ? stack_depth(n - 1, seed) : 0;
	for (unsigned long w = 0; w < PAGE / 8; w += 64)
		if (frame[w] != word(seed, n, w))
			return n;
	return r;
}

static long proc_value(const char *name)
{
	char buf[512], *p;
	int fd = open("/proc/lego/rmem", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strstr(buf, name);
	return p ? strtol(p + strlen(name) + 1, NULL, 10) : -1;
}

int main(int argc, char **argv)
{
	unsigned long pages = argc > 1 ? strtoul(argv[1], NULL, 0) : 2048;
	int remote = argc > 2 && !strcmp(argv[2], "remote");
	unsigned long len = pages * PAGE, *p, *q, *h;
	long bad;
	int st = -1;
	pid_t c;

	setvbuf(stdout, NULL, _IOLBF, 0);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("mmap", p != MAP_FAILED, "errno %ld%ld", errno, 0);
	if (p == MAP_FAILED)
		return 1;
	fill(p, pages, 1);
	bad = verify(p, pages, 1);
	check("written-read-back", bad < 0, "page %ld of %ld wrong", bad, pages);
	bad = verify(p, pages, 1);
	check("read-twice", bad < 0, "page %ld of %ld wrong", bad, pages);

	/* fork: the child sees the parent's pages, changes its own copy. */
	c = fork();
	if (c == 0) {
		if (verify(p, pages, 1) >= 0)
			_exit(2);
		fill(p, pages, 2);
		_exit(verify(p, pages, 2) >= 0 ? 3 : 0);
	}
	check("fork-child", waitpid(c, &st, 0) == c && st == 0, "child status %ld%ld", st, 0);
	bad = verify(p, pages, 1);
	check("parent-after-child", bad < 0, "page %ld of %ld wrong", bad, pages);

	/* mremap: the pages move to another address, contents with them. */
	q = mremap(p, len, len + PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		   (char *)p + len * 2 + PAGE * 16);
	check("mremap", q != MAP_FAILED, "errno %ld%ld", errno, 0);
	if (q == MAP_FAILED)
		return 1;
	bad = verify(q, pages, 1);
	check("moved", bad < 0, "page %ld of %ld wrong", bad, pages);
	bad = verify(q + pages * PAGE / 8, 1, 0);
	check("grown-page-zero", bad < 0, "word of page %ld%ld not zero", bad, 0);

	/* MADV_DONTNEED and munmap: what comes back is zeros. */
	check("dontneed", !madvise(q, len / 2, MADV_DONTNEED), "errno %ld%ld", errno, 0);
	bad = verify(q, pages / 2, 0);
	check("dontneed-zeros", bad < 0, "page %ld%ld not zero", bad, 0);
	bad = verify(q + pages / 2 * PAGE / 8, pages - pages / 2, 0);
	check("dontneed-rest-kept", bad >= 0, "second half zeroed too%ld%ld", 0, 0);
	check("munmap", !munmap(q, len + PAGE), "errno %ld%ld", errno, 0);
	p = mmap(q, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check("remap-same-address", p == q, "errno %ld%ld", errno, 0);
	bad = verify(p, pages, 0);
	check("remapped-zeros", bad < 0, "page %ld%ld not zero", bad, 0);
	munmap(p, len);

	/* The heap and the stack are remote memory too. */
	h = malloc(len / 2);
	check("malloc", h != NULL, "%ld%ld", 0, 0);
	fill(h, pages / 2, 3);
	bad = verify(h, pages / 2, 3);
	check("heap", bad < 0, "page %ld of %ld wrong", bad, pages / 2);
	free(h);
	bad = stack_depth(300, 4);
	check("stack", bad == 0, "frame %ld wrong%ld", bad, 0);

	if (remote) {
		long out = proc_value("evictions"), back = proc_value("fetches");

		check("remote-active", proc_value("active") == 1, "active %ld%ld",
		      proc_value("active"), 0);
		check("pages-went-out", out > (long)pages, "evictions %ld, pages %ld", out, pages);
		check("pages-came-back", back > (long)pages, "fetches %ld, pages %ld", back, pages);
		check("written-back", proc_value("writebacks") > (long)pages,
		      "writebacks %ld, pages %ld", proc_value("writebacks"), pages);
		check("no-errors", proc_value("errors") == 0, "errors %ld%ld",
		      proc_value("errors"), 0);
	}
	if (remote)
		printf("RMEM-STATS evictions %ld fetches %ld writebacks %ld\n",
		       proc_value("evictions"), proc_value("fetches"), proc_value("writebacks"));
	printf("RMEM-SUM %016lx\n", sum);
	return failures ? 1 : 0;
}
