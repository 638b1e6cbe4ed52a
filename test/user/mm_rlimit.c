// RLIMIT_AS bounds the whole address space: mmap, brk, mremap and stack
// growth fail once it would be exceeded (ENOMEM, or brk's unchanged
// break), and work again after munmap makes room.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "mm_rlimit"
#include "lego_test.h"
#include <errno.h>
#include <sys/mman.h>
#include <sys/resource.h>

#define NR_mmap		9
#define NR_brk		12
#define NR_mremap	25
#define MB		(1UL << 20)

static long mmap_anon(unsigned long len)
{
	return lt_syscall6(NR_mmap, 0, len, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

int main(void)
{
	struct rlimit r = { 64 * MB, 64 * MB };
	long big, cur, a;

	EXPECT_EQ("setrlimit", setrlimit(RLIMIT_AS, &r), 0);
	EXPECT_EQ("mmap/over_limit", mmap_anon(128 * MB), -ENOMEM);
	big = mmap_anon(40 * MB);
	EXPECT_TRUE("mmap/under_limit", big > 0);
	EXPECT_EQ("mmap/now_over", mmap_anon(40 * MB), -ENOMEM);
	EXPECT_EQ("mmap/fixed_over", lt_syscall6(NR_mmap, big + 40 * MB, 40 * MB,
						 PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
						 MAP_FIXED_NOREPLACE, -1, 0), -ENOMEM);
	/* MAP_FIXED over itself replaces: no more space needed. */
	EXPECT_EQ("mmap/fixed_replace", lt_syscall6(NR_mmap, big, 40 * MB, PROT_READ,
						    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
						    -1, 0), big);
	cur = lt_syscall1(NR_brk, 0);
	EXPECT_EQ("brk/over_limit", lt_syscall1(NR_brk, cur + 40 * MB), cur);
	EXPECT_EQ("mremap/over_limit", lt_syscall5(NR_mremap, big, 40 * MB, 80 * MB,
						   MREMAP_MAYMOVE, 0), -ENOMEM);
	EXPECT_EQ("munmap", munmap((void *)big, 40 * MB), 0);
	a = mmap_anon(40 * MB);
	EXPECT_TRUE("mmap/after_munmap", a > 0);
	EXPECT_EQ("brk/within", lt_syscall1(NR_brk, cur + MB), cur + MB);
	return lt_done();
}
