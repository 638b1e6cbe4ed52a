// Regression: reading /proc files used up kernel page tables.  Each read
// generated its text into a 64 KiB vmalloc() buffer, and the vmalloc
// area never reuses addresses: every read took 68 KiB more of it, and
// every 30 reads or so a page-table page that was never given back.  The
// fuzzer saw free pages not coming back.  Now the buffers come from the
// direct map.  300 reads each of /proc/lego/kmem and /proc/meminfo must leave
// the kernel's page tables and the free pages as they were.
// lego-test: libc=musl
// (Lego only: the counts come from /proc/lego/kmem.)
// lego-test: linux=no
#define _GNU_SOURCE
#define LT_SUITE "regress_proc_read_tables"
#include "lego_test.h"
#include "lego_kmem.h"

#define READS	300

static char text[8192];

static long read_file(const char *path)
{
	long n = 0, r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((r = read(fd, text, sizeof(text))) > 0)
		n += r;
	close(fd);
	return n;
}

int main(void)
{
	static struct kmem_snap start, now;
	int i, bad = 0;

	kmem_read(&now);			/* our pages touched once */
	read_file("/proc/meminfo");
	EXPECT_EQ("kmem_read", kmem_read(&start), 0);
	for (i = 0; i < READS; i++) {
		bad += read_file("/proc/meminfo") <= 0;
		bad += kmem_read(&now) != 0;
	}
	EXPECT_EQ("reads", bad, 0);
	EXPECT_EQ("kmem_read/after", kmem_read(&now), 0);
	EXPECT_EQ("pages_kernel_tables", kmem_get(&now, "pages_kernel_tables"),
		  kmem_get(&start, "pages_kernel_tables"));
	EXPECT_EQ("pages_vmalloc", kmem_get(&now, "pages_vmalloc"), kmem_get(&start, "pages_vmalloc"));
	EXPECT_EQ("pages_free", kmem_get(&now, "pages_free"), kmem_get(&start, "pages_free"));
	return lt_done();
}
