// brk, mmap, munmap and mprotect: return values, the memory they give
// (zero-filled, where asked, file contents for file mappings), and their
// errors, each checked to leave the address space as it was.
// lego-test: libc=musl
#define LT_SUITE "mm_basic"
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "lego_test.h"

#define PG	4096UL

static long mmap6(unsigned long addr, unsigned long len, long prot, long flags,
		  long fd, long off)
{
	return lt_syscall6(SYS_mmap, addr, len, prot, flags, fd, off);
}

static int is_err(long r)
{
	return (unsigned long)r >= -4095UL;
}

static int all_zero(const char *p, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* Whether [a, a + len) is free: MAP_FIXED_NOREPLACE succeeds there. */
static int range_free(unsigned long a, unsigned long len)
{
	long r = mmap6(a, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (r == (long)a) {
		lt_syscall2(SYS_munmap, a, len);
		return 1;
	}
	return 0;
}

static void brk_calls(void)
{
	unsigned long b0 = lt_syscall1(SYS_brk, 0), b;
	struct rlimit old, small = { 1 << 20, RLIM_INFINITY };
	char *p;
	long r;
	int ok = 1;
	unsigned long i;

	EXPECT_TRUE("brk/query", b0 && !is_err(b0));
	EXPECT_EQ("brk/query_again", lt_syscall1(SYS_brk, 0), b0);
	/* The break is what was asked, to the byte; the memory below it
	 * is there, zero. */
	EXPECT_EQ("brk/grow_unaligned", lt_syscall1(SYS_brk, b0 + 100), b0 + 100);
	EXPECT_EQ("brk/grow_unaligned/query", lt_syscall1(SYS_brk, 0), b0 + 100);
	p = (char *)b0;
	EXPECT_TRUE("brk/grow_unaligned/zero", all_zero(p, 100));
	EXPECT_EQ("brk/grow", lt_syscall1(SYS_brk, b0 + 64 * PG), b0 + 64 * PG);
	EXPECT_TRUE("brk/grow/zero", all_zero(p, 64 * PG));
	for (i = 0; i < 64 * PG; i += PG)
		p[i] = 1;
	/* Shrinking gives the pages back: grown again, they are zero. */
	EXPECT_EQ("brk/shrink", lt_syscall1(SYS_brk, b0 + PG), b0 + PG);
	EXPECT_EQ("brk/shrink/query", lt_syscall1(SYS_brk, 0), b0 + PG);
	EXPECT_TRUE("brk/shrink/pages_free", range_free(b0 + 2 * PG, 62 * PG));
	EXPECT_EQ("brk/regrow", lt_syscall1(SYS_brk, b0 + 64 * PG), b0 + 64 * PG);
	for (i = PG; i < 64 * PG; i += PG)
		ok &= p[i] == 0;
	EXPECT_TRUE("brk/regrow/zero", ok);
	EXPECT_EQ("brk/kept_below", p[0], 1);

	/* A break that cannot be set leaves the old one, and says so by
	 * returning it. */
	b = lt_syscall1(SYS_brk, 0);
	EXPECT_EQ("brk/below_start", lt_syscall1(SYS_brk, b0 - 64 * PG), b);
	EXPECT_EQ("brk/one", lt_syscall1(SYS_brk, 1), b);
	EXPECT_EQ("brk/kernel", lt_syscall1(SYS_brk, 0xffff888000000000UL), b);
	EXPECT_EQ("brk/minus_one", lt_syscall1(SYS_brk, -1L), b);
	EXPECT_EQ("brk/failed/query", lt_syscall1(SYS_brk, 0), b);
	/* Into another mapping. */
	r = mmap6(b + 16 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		  -1, 0);
	if (EXPECT_EQ("brk/blocker_mmap", r, b + 16 * PG)) {
		EXPECT_EQ("brk/into_mapping", lt_syscall1(SYS_brk, b + 32 * PG), b);
		EXPECT_EQ("brk/up_to_mapping", lt_syscall1(SYS_brk, b + 8 * PG), b + 8 * PG);
		lt_syscall2(SYS_munmap, r, PG);
		lt_syscall1(SYS_brk, b);
	}
	/* Past RLIMIT_DATA. */
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_DATA, 0, &old);
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_DATA, &small, 0);
	EXPECT_EQ("brk/rlimit_data", lt_syscall1(SYS_brk, b + (64UL << 20)), b);
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_DATA, &old, 0);
	EXPECT_EQ("brk/rlimit_data/query", lt_syscall1(SYS_brk, 0), b);
	EXPECT_EQ("brk/back_to_start", lt_syscall1(SYS_brk, b0), b0);
}

static void mmap_anon(void)
{
	char *p, *q;
	long r;
	unsigned long hint;

	p = (char *)mmap6(0, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!EXPECT_TRUE("anon/mmap", !is_err((long)p)))
		return;
	EXPECT_EQ("anon/aligned", (unsigned long)p & (PG - 1), 0);
	EXPECT_TRUE("anon/zero", all_zero(p, 4 * PG));
	p[0] = p[4 * PG - 1] = 7;
	EXPECT_TRUE("anon/writable", p[0] == 7 && p[4 * PG - 1] == 7);
	/* A length that is not a page multiple covers the whole last page. */
	q = (char *)mmap6(0, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (EXPECT_TRUE("anon/short_len", !is_err((long)q))) {
		EXPECT_TRUE("anon/short_len/zero_page", all_zero(q, PG));
		q[PG - 1] = 1;
		EXPECT_RET("anon/short_len/munmap", lt_syscall2(SYS_munmap, q, 100), 0);
	}
	/* MAP_FIXED replaces what is there with new zero pages. */
	r = mmap6((unsigned long)p + PG, PG, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT_EQ("fixed/replace", r, (long)p + PG);
	p[PG] = 9;
	r = mmap6((unsigned long)p, PG, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT_EQ("fixed/replace_first", r, (long)p);
	EXPECT_EQ("fixed/replace_first/zero", p[0], 0);
	EXPECT_EQ("fixed/neighbour_kept", p[PG], 9);
	EXPECT_EQ("fixed/last_kept", p[4 * PG - 1], 7);
	EXPECT_RET("fixed_noreplace/busy",
		   mmap6((unsigned long)p + PG, PG, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
	EXPECT_EQ("fixed_noreplace/busy/kept", p[PG], 9);
	EXPECT_RET("fixed/unaligned",
		   mmap6((unsigned long)p + 1, PG, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), -EINVAL);
	EXPECT_RET("fixed/past_user_space",
		   mmap6(0x7ffffffff000UL - PG, 2 * PG, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), -ENOMEM);
	/* A free hint is taken as it is. */
	hint = (unsigned long)p - 64 * PG;
	if (range_free(hint, PG)) {
		r = mmap6(hint, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		EXPECT_EQ("hint/free", r, (long)hint);
		lt_syscall2(SYS_munmap, hint, PG);
	}
	/* A busy one is not. */
	r = mmap6((unsigned long)p, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE("hint/busy", !is_err(r) && r != (long)p);
	EXPECT_EQ("hint/busy/kept", p[PG], 9);
	lt_syscall2(SYS_munmap, r, PG);
	/* A hint below mmap_min_addr (64 KiB) is raised to it. */
	if (range_free(0x10000, PG)) {
		r = mmap6(0x1000, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		EXPECT_EQ("hint/below_min_addr", r, 0x10000);
		lt_syscall2(SYS_munmap, r, PG);
	}
	/* MAP_32BIT: somewhere in [1 GiB, 2 GiB). */
	r = mmap6(0, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
		  -1, 0);
	EXPECT_TRUE("map_32bit", r >= 0x40000000L && r + 4 * PG <= 0x80000000UL);
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, 4 * PG);
	/* Only private anonymous memory may grow down. */
	r = mmap6(0, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN,
		  -1, 0);
	EXPECT_TRUE("growsdown/private", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	EXPECT_RET("growsdown/shared", mmap6(0, PG, PROT_READ, MAP_SHARED | MAP_ANONYMOUS |
					     MAP_GROWSDOWN, -1, 0), -EINVAL);
	/* Shared anonymous memory and PROT_NONE memory are mappings too. */
	r = mmap6(0, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE("anon/shared", !is_err(r) && all_zero((char *)r, PG));
	lt_syscall2(SYS_munmap, r, PG);
	r = mmap6(0, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE("anon/prot_none", !is_err(r));
	lt_syscall2(SYS_munmap, r, PG);

	/* Errors. */
	EXPECT_RET("einval/len_0", mmap6(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		   -EINVAL);
	EXPECT_RET("einval/offset_unaligned",
		   mmap6(0, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100), -EINVAL);
	EXPECT_RET("einval/no_type", mmap6(0, PG, PROT_READ, MAP_ANONYMOUS, -1, 0), -EINVAL);
	EXPECT_RET("einval/type_0xf", mmap6(0, PG, PROT_READ, 0xf | MAP_ANONYMOUS, -1, 0),
		   -EINVAL);
	/* MAP_SHARED_VALIDATE is for file mappings only. */
	EXPECT_RET("einval/shared_validate_anon",
		   mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0), -EINVAL);
	EXPECT_RET("einval/shared_validate_anon_unknown",
		   mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x10000000, -1, 0),
		   -EINVAL);
	EXPECT_RET("enomem/huge_len",
		   mmap6(0, 1UL << 62, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), -ENOMEM);
	EXPECT_RET("enomem/len_wraps",
		   mmap6(0, -PG / 2, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), -ENOMEM);
	EXPECT_RET("munmap", lt_syscall2(SYS_munmap, p, 4 * PG), 0);
}

static void mmap_file(void)
{
	static char data[2 * 4096 + 100];
	char *m;
	long fd, wo, root, r;
	unsigned long i;
	char b[4];

	for (i = 0; i < sizeof(data); i++)
		data[i] = 'a' + i % 26;
	fd = lt_syscall3(SYS_open, "/mm_basic.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	lt_syscall3(SYS_write, fd, data, sizeof(data));

	/* A private mapping shows the file; past its end, zeros. */
	m = (char *)mmap6(0, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (EXPECT_TRUE("file/private", !is_err((long)m))) {
		int ok = 1;

		for (i = 0; i < sizeof(data); i++)
			ok &= m[i] == data[i];
		EXPECT_TRUE("file/private/contents", ok);
		EXPECT_TRUE("file/private/zero_after_eof", all_zero(m + sizeof(data),
								    3 * PG - sizeof(data)));
		/* Writes stay in the mapping. */
		m[0] = 'X';
		EXPECT_RET("file/private/write_not_in_file",
			   lt_syscall4(SYS_pread64, fd, b, 1, 0), 1);
		EXPECT_EQ("file/private/write_not_in_file/byte", b[0], 'a');
		lt_syscall2(SYS_munmap, m, 3 * PG);
	}
	/* At an offset, from the page it names. */
	m = (char *)mmap6(0, PG, PROT_READ, MAP_PRIVATE, fd, PG);
	if (EXPECT_TRUE("file/offset", !is_err((long)m))) {
		EXPECT_EQ("file/offset/byte", m[0], data[PG]);
		lt_syscall2(SYS_munmap, m, PG);
	}
	/* A shared mapping writes through to the file. */
	m = (char *)mmap6(0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (EXPECT_TRUE("file/shared", !is_err((long)m))) {
		m[1] = 'Y';
		lt_syscall4(SYS_pread64, fd, b, 2, 0);
		EXPECT_TRUE("file/shared/write_through", b[0] == 'a' && b[1] == 'Y');
		lt_syscall2(SYS_munmap, m, PG);
	}

	/* MAP_SHARED_VALIDATE refuses flags it does not know. */
	r = mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE, fd, 0);
	EXPECT_TRUE("file/shared_validate", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	EXPECT_RET("file/shared_validate_unknown",
		   mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE | 0x200000, fd, 0), -EOPNOTSUPP);
	/* MAP_SYNC needs a DAX file; MAP_FIXED_NOREPLACE is not among the
	 * flags Linux validates. */
	EXPECT_RET("file/shared_validate_sync",
		   mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0), -EOPNOTSUPP);
	EXPECT_RET("file/shared_validate_fixed_noreplace",
		   mmap6(0x500000000UL, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE,
			 fd, 0), -EOPNOTSUPP);
	r = mmap6(0, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_HUGE_2MB | MAP_POPULATE, fd, 0);
	EXPECT_TRUE("file/shared_validate_known", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	/* Plain MAP_SHARED ignores them. */
	r = mmap6(0, PG, PROT_READ, MAP_SHARED | 0x200000, fd, 0);
	EXPECT_TRUE("file/shared_unknown_ignored", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	EXPECT_RET("file/growsdown", mmap6(0, PG, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, fd, 0),
		   -EINVAL);
	/* The mapping may not reach past the largest file offset. */
	EXPECT_RET("file/offset_past_max",
		   mmap6(0, PG, PROT_READ, MAP_PRIVATE, fd, 0x7ffffffffffff000L), -EOVERFLOW);
	EXPECT_RET("file/offset_huge",
		   mmap6(0, 2 * PG, PROT_READ, MAP_PRIVATE, fd, 0xfffffffffffff000UL), -EOVERFLOW);
	r = mmap6(0, PG, PROT_READ, MAP_PRIVATE, fd, 0x7ffffffffffff000L - PG);
	EXPECT_TRUE("file/offset_at_max", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	EXPECT_RET("file/offset_unaligned", mmap6(0, PG, PROT_READ, MAP_PRIVATE, fd, 1), -EINVAL);
	EXPECT_RET("file/len_0", mmap6(0, 0, PROT_READ, MAP_PRIVATE, fd, 0), -EINVAL);
	EXPECT_RET("ebadf/minus_one", mmap6(0, PG, PROT_READ, MAP_PRIVATE, -1, 0), -EBADF);
	EXPECT_RET("ebadf/never_open", mmap6(0, PG, PROT_READ, MAP_PRIVATE, 999, 0), -EBADF);
	wo = lt_syscall3(SYS_open, "/mm_basic.data", O_WRONLY, 0);
	EXPECT_RET("eacces/write_only_fd", mmap6(0, PG, PROT_READ, MAP_PRIVATE, wo, 0), -EACCES);
	lt_syscall1(SYS_close, wo);
	wo = lt_syscall3(SYS_open, "/mm_basic.data", O_RDONLY, 0);
	EXPECT_RET("eacces/shared_write_rdonly_fd",
		   mmap6(0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, wo, 0), -EACCES);
	r = mmap6(0, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, wo, 0);
	EXPECT_TRUE("private_write_rdonly_fd", !is_err(r));
	if (!is_err(r))
		lt_syscall2(SYS_munmap, r, PG);
	r = mmap6(0, PG, PROT_READ, MAP_SHARED, wo, 0);
	if (EXPECT_TRUE("shared_read_rdonly_fd", !is_err(r))) {
		EXPECT_RET("mprotect/shared_write_rdonly_fd",
			   lt_syscall3(SYS_mprotect, r, PG, PROT_READ | PROT_WRITE), -EACCES);
		lt_syscall2(SYS_munmap, r, PG);
	}
	lt_syscall1(SYS_close, wo);
	/* Neither a directory nor the console can be mapped. */
	root = lt_syscall3(SYS_open, "/", O_RDONLY | O_DIRECTORY, 0);
	EXPECT_RET("enodev/directory", mmap6(0, PG, PROT_READ, MAP_PRIVATE, root, 0), -ENODEV);
	lt_syscall1(SYS_close, root);
	EXPECT_RET("enodev/console", mmap6(0, PG, PROT_READ, MAP_SHARED, 1, 0), -ENODEV);
	lt_syscall1(SYS_close, fd);
}

static void munmap_calls(void)
{
	char *p = (char *)mmap6(0, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!EXPECT_TRUE("munmap/setup", !is_err((long)p)))
		return;
	p[0] = 1;
	p[2 * PG] = 3;
	EXPECT_RET("munmap/unaligned", lt_syscall2(SYS_munmap, p + 1, PG), -EINVAL);
	EXPECT_RET("munmap/len_0", lt_syscall2(SYS_munmap, p, 0), -EINVAL);
	EXPECT_RET("munmap/past_user_space",
		   lt_syscall2(SYS_munmap, 0x7ffffffff000UL - PG, 2 * PG), -EINVAL);
	EXPECT_RET("munmap/kernel", lt_syscall2(SYS_munmap, 0xffff888000000000UL, PG), -EINVAL);
	EXPECT_RET("munmap/len_wraps", lt_syscall2(SYS_munmap, p, -PG), -EINVAL);
	EXPECT_TRUE("munmap/einval/kept", p[0] == 1 && p[2 * PG] == 3);
	/* The middle page only (an unaligned length rounds up). */
	EXPECT_RET("munmap/middle", lt_syscall2(SYS_munmap, p + PG, 1), 0);
	EXPECT_TRUE("munmap/middle/free", range_free((unsigned long)p + PG, PG));
	EXPECT_TRUE("munmap/middle/neighbours_kept", p[0] == 1 && p[2 * PG] == 3);
	/* Unmapping nothing is no error. */
	EXPECT_RET("munmap/nothing", lt_syscall2(SYS_munmap, p + PG, PG), 0);
	EXPECT_RET("munmap/across_hole", lt_syscall2(SYS_munmap, p, 3 * PG), 0);
	EXPECT_TRUE("munmap/across_hole/free", range_free((unsigned long)p, 3 * PG));
}

static void mprotect_calls(void)
{
	char *p = (char *)mmap6(0, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!EXPECT_TRUE("mprotect/setup", !is_err((long)p)))
		return;
	lt_syscall2(SYS_munmap, p + 2 * PG, PG);	/* a hole after two pages */
	p[0] = 5;
	EXPECT_RET("mprotect/read", lt_syscall3(SYS_mprotect, p, PG, PROT_READ), 0);
	EXPECT_EQ("mprotect/read/readable", p[0], 5);
	EXPECT_RET("mprotect/none", lt_syscall3(SYS_mprotect, p, 2 * PG, PROT_NONE), 0);
	EXPECT_RET("mprotect/rw_again", lt_syscall3(SYS_mprotect, p, 2 * PG,
						    PROT_READ | PROT_WRITE), 0);
	p[PG] = 6;
	EXPECT_TRUE("mprotect/rw_again/contents", p[0] == 5 && p[PG] == 6);
	EXPECT_RET("mprotect/len_0", lt_syscall3(SYS_mprotect, p, 0, PROT_READ), 0);
	EXPECT_RET("mprotect/unaligned", lt_syscall3(SYS_mprotect, p + 1, PG, PROT_READ), -EINVAL);
	EXPECT_RET("mprotect/bad_prot", lt_syscall3(SYS_mprotect, p, PG, 0x10), -EINVAL);
	EXPECT_RET("mprotect/growsdown_and_up", lt_syscall3(SYS_mprotect, p, PG,
		   PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP), -EINVAL);
	EXPECT_RET("mprotect/wraps", lt_syscall3(SYS_mprotect, p, -PG, PROT_READ), -ENOMEM);
	EXPECT_RET("mprotect/unmapped", lt_syscall3(SYS_mprotect, 0x10000, PG, PROT_READ),
		   -ENOMEM);
	/* Linux changes the part before the hole, Lego nothing: only the
	 * result is common ground. */
	EXPECT_RET("mprotect/into_hole", lt_syscall3(SYS_mprotect, p, 3 * PG, PROT_READ), -ENOMEM);
	lt_syscall2(SYS_munmap, p, 2 * PG);
}

int main(void)
{
	brk_calls();
	mmap_anon();
	mmap_file();
	munmap_calls();
	mprotect_calls();
	return lt_done();
}
