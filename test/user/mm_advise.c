// madvise, mincore and the mlock family: the advice with a visible effect
// does it (DONTNEED drops pages, DONTFORK/WIPEONFORK change the fork
// child's memory, POPULATE faults pages in), tuning advice is accepted,
// and every error is Linux's.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "mm_advise"
#include "lego_test.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_madvise	28
#define NR_mincore	27
#define NR_mlock	149
#define NR_munlock	150
#define NR_mlockall	151
#define NR_munlockall	152
#define NR_mlock2	325
#define PG		4096UL
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_READ	22	/* asm-generic/mman-common.h */
#define MADV_POPULATE_WRITE	23
#endif
#ifndef MADV_COLD
#define MADV_COLD		20
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT		1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT		4
#endif

static char *map(unsigned long len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

static long madv(void *p, unsigned long len, long advice)
{
	return lt_syscall3(NR_madvise, p, len, advice);
}

/* What a fork child reads at p[0]: the byte, or -signal if it faults. */
static int child_reads(volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit((unsigned char)p[0]);
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

int main(void)
{
	unsigned char vec[8];
	char *p = map(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), *s, *f;

	/* DONTNEED: private anonymous pages read as zero afterwards. */
	memset(p, 7, 4 * PG);
	EXPECT_EQ("dontneed", madv(p + PG, 2 * PG, MADV_DONTNEED), 0);
	EXPECT_TRUE("dontneed/zeroed", p[PG] == 0 && p[3 * PG - 1] == 0);
	EXPECT_TRUE("dontneed/rest_kept", p[0] == 7 && p[3 * PG] == 7);
	/* ...and on shared memory the data stays. */
	s = map(PG, PROT_READ | PROT_WRITE, MAP_SHARED);
	s[0] = 5;
	EXPECT_EQ("dontneed_shared", madv(s, PG, MADV_DONTNEED), 0);
	EXPECT_EQ("dontneed_shared/kept", s[0], 5);

	/* FREE: private anonymous only. */
	EXPECT_EQ("free", madv(p, PG, MADV_FREE), 0);
	EXPECT_EQ("free/shared", madv(s, PG, MADV_FREE), -EINVAL);

	/* mincore: resident after a touch, not before (anonymous). */
	f = map(4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	f[PG] = 1;
	memset(vec, 0xff, sizeof(vec));
	EXPECT_EQ("mincore", lt_syscall3(NR_mincore, f, 4 * PG, vec), 0);
	EXPECT_TRUE("mincore/vec", (vec[0] & 1) == 0 && (vec[1] & 1) == 1 &&
		    (vec[2] & 1) == 0 && (vec[3] & 1) == 0 && vec[4] == 0xff);
	EXPECT_EQ("mincore/unaligned", lt_syscall3(NR_mincore, f + 1, PG, vec), -EINVAL);
	EXPECT_EQ("mincore/unmapped", lt_syscall3(NR_mincore, 0x10000, PG, vec), -ENOMEM);
	EXPECT_EQ("mincore/bad_vec", lt_syscall3(NR_mincore, f, PG, 8), -EFAULT);

	/* POPULATE_READ/WRITE fault pages in; WILLNEED is a hint. */
	EXPECT_EQ("populate_write", madv(f + 2 * PG, 2 * PG, MADV_POPULATE_WRITE), 0);
	lt_syscall3(NR_mincore, f, 4 * PG, vec);
	EXPECT_TRUE("populate_write/resident", (vec[2] & 1) && (vec[3] & 1));
	EXPECT_EQ("willneed", madv(f, 4 * PG, MADV_WILLNEED), 0);

	/* DONTFORK: the child has no such mapping.  WIPEONFORK: zeroes. */
	p[0] = 9;
	EXPECT_EQ("dontfork", madv(p, PG, MADV_DONTFORK), 0);
	EXPECT_EQ("dontfork/child_faults", child_reads(p), -SIGSEGV);
	EXPECT_EQ("dofork", madv(p, PG, MADV_DOFORK), 0);
	EXPECT_EQ("dofork/child_reads", child_reads(p), 9);
	EXPECT_EQ("wipeonfork", madv(p, PG, MADV_WIPEONFORK), 0);
	EXPECT_EQ("wipeonfork/child_zero", child_reads(p), 0);
	EXPECT_EQ("wipeonfork/parent_kept", p[0], 9);
	EXPECT_EQ("keeponfork", madv(p, PG, MADV_KEEPONFORK), 0);
	EXPECT_EQ("keeponfork/child_reads", child_reads(p), 9);
	EXPECT_EQ("wipeonfork/shared", madv(s, PG, MADV_WIPEONFORK), -EINVAL);

	/* Tuning advice is accepted. */
	EXPECT_EQ("normal", madv(p, PG, MADV_NORMAL), 0);
	EXPECT_EQ("random", madv(p, PG, MADV_RANDOM), 0);
	EXPECT_EQ("sequential", madv(p, PG, MADV_SEQUENTIAL), 0);
	EXPECT_EQ("cold", madv(p, PG, MADV_COLD), 0);
	EXPECT_EQ("dontdump", madv(p, PG, MADV_DONTDUMP), 0);
	EXPECT_EQ("dodump", madv(p, PG, MADV_DODUMP), 0);

	/* Errors. */
	EXPECT_EQ("err/unknown_advice", madv(p, PG, 99), -EINVAL);
	EXPECT_EQ("err/unaligned", madv(p + 1, PG, MADV_NORMAL), -EINVAL);
	EXPECT_EQ("err/len_wraps", madv(p, -1UL, MADV_NORMAL), -EINVAL);
	EXPECT_EQ("err/zero_len", madv(p, 0, MADV_DONTNEED), 0);
	EXPECT_EQ("err/unmapped", madv((void *)0x10000, PG, MADV_NORMAL), -ENOMEM);
	/* A hole: the mapped part gets the advice, the call says ENOMEM. */
	memset(f, 3, PG);
	munmap(f + PG, PG);
	EXPECT_EQ("err/hole", madv(f, 3 * PG, MADV_DONTNEED), -ENOMEM);
	EXPECT_EQ("err/hole_applied", f[0], 0);

	/* mlock family (as root: no RLIMIT_MEMLOCK bound). */
	EXPECT_EQ("mlock", lt_syscall2(NR_mlock, f + 2 * PG, 2 * PG), 0);
	EXPECT_EQ("mlock/unaligned_ok", lt_syscall2(NR_mlock, f + 2 * PG + 100, 10), 0);
	EXPECT_EQ("mlock/hole", lt_syscall2(NR_mlock, f, 3 * PG), -ENOMEM);
	EXPECT_EQ("mlock/wraps", lt_syscall2(NR_mlock, f, -PG), -EINVAL);
	EXPECT_EQ("dontneed_locked", madv(f + 2 * PG, PG, MADV_DONTNEED), -EINVAL);
	EXPECT_EQ("munlock", lt_syscall2(NR_munlock, f + 2 * PG, 2 * PG), 0);
	EXPECT_EQ("mlock2", lt_syscall3(NR_mlock2, f + 2 * PG, PG, MLOCK_ONFAULT), 0);
	EXPECT_EQ("mlock2/bad_flags", lt_syscall3(NR_mlock2, f + 2 * PG, PG, 2), -EINVAL);
	EXPECT_EQ("mlockall/zero", lt_syscall1(NR_mlockall, 0), -EINVAL);
	EXPECT_EQ("mlockall/onfault_alone", lt_syscall1(NR_mlockall, MCL_ONFAULT), -EINVAL);
	EXPECT_EQ("mlockall/bad", lt_syscall1(NR_mlockall, 8), -EINVAL);
	EXPECT_EQ("mlockall", lt_syscall1(NR_mlockall, MCL_CURRENT | MCL_FUTURE), 0);
	EXPECT_EQ("munlockall", lt_syscall0(NR_munlockall), 0);
	return lt_done();
}
