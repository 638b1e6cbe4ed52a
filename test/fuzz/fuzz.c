// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz: random syscalls against the kernel, from several processes and
 * threads with signals flying, and a check that nothing escaped.
 *
 *	fuzz SEED COUNT [NPROC [NTHREADS]]
 *
 * A supervisor makes a scratch directory /fuzz.SEED with one directory a
 * worker, forks NPROC workers of NTHREADS threads each, and sends every
 * thread a tick signal every few milliseconds (so that no blocking call
 * blocks for good: every handler is installed without SA_RESTART).  Each
 * worker chroots into its own directory, closes every descriptor it had,
 * opens a few of its own, maps its buffers between PROT_NONE guard pages,
 * and its threads each make COUNT / (NPROC * NTHREADS) syscalls: numbers
 * from the whole table and out of it, arguments from interesting values.
 * Thread t of worker w draws from xorshift64* seeded by (SEED, w, t), so
 * a run with the same arguments replays the same calls in each thread
 * (exactly so with NPROC=1 NTHREADS=1; with more, their interleaving
 * differs).  The supervisor watches each thread's call counter: one that
 * stops moving for WATCHDOG_S seconds is a hang, reported with its last
 * call.  At the end it removes what the workers made, mounts included,
 * and anything new at the real "/" (a chroot escape), and prints
 *
 *	fuzz: seed S count C nproc N threads T: CALLS calls, ok
 *
 * or "fuzz: FAIL ..." lines, exiting 1.  Documentation/dev-tools/fuzzing.rst.
 *
 * Only what would end the run legitimately is avoided (exit, fatal
 * signals to ourselves, reboot, dropping root, handlers replaced, our
 * own code and stack unmapped, ...): see sanitize().
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if !defined(LEGO_NR_SYSCALLS) || !defined(LEGO_SYSCALL_LIST)
#error "build with -DLEGO_NR_SYSCALLS=N -DLEGO_SYSCALL_LIST=0,1,...: the kernel's syscall table"
#endif

/* The numbers of the table (from the generated unistd_64.h). */
static const int table[] = { LEGO_SYSCALL_LIST };
#define NTABLE	(sizeof(table) / sizeof(table[0]))

#define MAX_WORKERS	16
#define MAX_THREADS	4
#define TICK_MS		10
#define WATCHDOG_S	30
#define PAGE		4096UL
#define BUF_PAGES	8		/* argument buffers */
#define ARENA_PAGES	16		/* what the mm syscalls may change */
#define TSTACK		(64 * 1024)
#define TICK_SIG	SIGUSR1
#define CHILD_STACK	(16 * 1024)

/* ------------------------------------------------------------ raw calls */

#include "raw_syscall.h"	/* raw_syscall6(): no libc wrapper in the way */

/*
 * The clone family: a child, whatever the flags, stack or TLS, exits at
 * once with SYS_exit, touching no memory on the way (it may share ours,
 * and its stack pointer may be anything).
 */
static inline long sc6_clone(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 asm("r10") = d;
	register long r8 asm("r8") = e;
	register long r9 asm("r9") = f;
	long ret;

	asm volatile("syscall\n\t"
		     "test %%rax, %%rax\n\t"
		     "jnz 1f\n\t"
		     "mov $60, %%eax\n\t"
		     "xor %%edi, %%edi\n\t"
		     "syscall\n\t"
		     "ud2\n"
		     "1:"
		     : "=a"(ret)
		     : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
		     : "rcx", "r11", "memory");
	return ret;
}

/* ------------------------------------------------------------ shared state */

/* One thread's progress, in memory the supervisor shares. */
struct slot {
	volatile long done;		/* calls made */
	volatile long succeeded;	/* of them, returning >= 0 */
	volatile long skipped;		/* not made: see sanitize() */
	volatile long enosys;
	volatile long nr;		/* the call being made */
	volatile long args[6];
	volatile int tid;
	volatile int finished;
	char *child_stack;		/* the top of a stack for clone children */
	volatile long fault_addr;	/* a fault no syscall explains */
	volatile int fault_sig;
};

struct shared {
	struct slot slot[MAX_WORKERS][MAX_THREADS];
	volatile int stop[MAX_WORKERS];
};

static struct shared *sh;
static int my_worker;

/* ------------------------------------------------------------ randomness */

struct rng {
	unsigned long s;
};

static unsigned long rnd(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dUL;
}

static unsigned long below(struct rng *r, unsigned long n)
{
	return n ? rnd(r) % n : 0;
}

static unsigned long seed_for(unsigned long seed, int w, int t)
{
	unsigned long s = seed * 0x9e3779b97f4a7c15UL + (unsigned long)w * 0x100000001b3UL +
			  (unsigned long)t * 0xc2b2ae3d27d4eb4fUL + 1;

	return s ? s : 1;
}

/* ------------------------------------------------------------ the worker's world */

static char *buf;		/* BUF_PAGES between guard pages */
static char *arena;		/* ARENA_PAGES between guard pages */
static char *unmapped;		/* a page that was mapped and is not */
static char *safe_mask;		/* a sigset without the tick signal */
static char *pselect_arg;	/* { safe_mask, 8 } for pselect6 */
static int fds[16], nfds;
static volatile int kids[32];	/* pids of clone children */
static int sigs[64], nsigs;	/* the signals with our handler */

static const char *const paths[] = {
	"", ".", "..", "/", "f0", "f1", "d0", "d0/f2", "d0/..", "../..", "/f0",
	"nonexistent", "d0/nonexistent/x", "f0/", "l0", "d1", "p0", "//f1",
	"/../../f3", "f3", "ramfs", "tmpfs",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};
#define NPATHS	(sizeof(paths) / sizeof(paths[0]))

static const unsigned long bad_addrs[] = {
	0xffffffff80000000UL,		/* the kernel image */
	0xffffffff81000000UL,
	0xffff888000000000UL,		/* the direct map */
	0x8000000000000000UL,		/* non-canonical */
	0x0000800000000000UL,		/* the first non-canonical */
	0x7ffffffff000UL,		/* the top of user space (TASK_SIZE_MAX) */
	0xfffffffffffff000UL,
	0x1000, 0x10,
};
#define NBAD	(sizeof(bad_addrs) / sizeof(bad_addrs[0]))

static const long ints[] = {
	0, 1, 2, 3, 4, 7, 8, 16, 63, 64, 127, 128, 255, 256, 1023, 1024, 4095, 4096, 4097,
	65536, 0x7fffffff, 0x80000000L, 0xffffffffL, -1, -2, -100, -4095, -4096,
	0x7fffffffffffffffL, (long)0x8000000000000000UL, 1L << 32, 1L << 40,
};
#define NINTS	(sizeof(ints) / sizeof(ints[0]))

static long pick_fd(struct rng *r)
{
	static const long bad[] = { -1, -100 /* AT_FDCWD */, 1000, 0x7fffffff, 65536, -2 };

	if (nfds && below(r, 4))
		return fds[below(r, nfds)];
	if (below(r, 2))
		return below(r, 24);
	return bad[below(r, sizeof(bad) / sizeof(bad[0]))];
}

static long pick_pid(struct rng *r, struct slot *me)
{
	switch (below(r, 8)) {
	case 0: return 0;
	case 1: return getpid();
	case 2: return me->tid;
	case 3: return sh->slot[my_worker][below(r, MAX_THREADS)].tid;
	case 4: return kids[below(r, 32)];
	case 5: return 0x7fffffff;
	case 6: return -1;
	default: return (long)0x80000000 + below(r, 4);
	}
}

static long pick_sig(struct rng *r)
{
	if (!below(r, 8))
		return 0;
	return sigs[below(r, nsigs)];
}

/* A pointer into the buffers, the arena, or somewhere it must fail. */
static long pick_ptr(struct rng *r)
{
	switch (below(r, 10)) {
	case 0: return 0;
	case 1: return (long)bad_addrs[below(r, NBAD)] + (below(r, 2) ? 0 : below(r, 64));
	case 2: return (long)unmapped + below(r, PAGE);
	case 3: return (long)(buf + BUF_PAGES * PAGE - below(r, 64));	/* into the guard */
	case 4: return (long)(arena + below(r, ARENA_PAGES) * PAGE);
	case 5: return (long)paths[below(r, NPATHS)];
	case 6: return (long)0x7ffffffff000UL - 1 - below(r, 16);	/* straddles the top */
	default: return (long)(buf + below(r, BUF_PAGES * PAGE - 512));
	}
}

static long pick_flags(struct rng *r)
{
	long v = 0;
	int i, n;

	switch (below(r, 4)) {
	case 0: return (long)(unsigned int)rnd(r);
	case 1: return rnd(r);
	default:
		n = 1 + below(r, 3);
		for (i = 0; i < n; i++)
			v |= 1L << below(r, 32);
		return v;
	}
}

static long pick_len(struct rng *r)
{
	switch (below(r, 4)) {
	case 0: return ints[below(r, NINTS)];
	case 1: return below(r, 64);
	default: return below(r, BUF_PAGES * PAGE);
	}
}

/* Any argument: one of the kinds above. */
static long pick_any(struct rng *r, struct slot *me)
{
	switch (below(r, 8)) {
	case 0: return ints[below(r, NINTS)];
	case 1: return pick_fd(r);
	case 2: case 3: return pick_ptr(r);
	case 4: return pick_flags(r);
	case 5: return pick_len(r);
	case 6: return below(r, 2) ? (long)PAGE * below(r, 64) : (long)PAGE * below(r, 64) - 1;
	default: return pick_pid(r, me);
	}
}

/* An address the memory syscalls may be given: the arena or nowhere. */
static long pick_mm_addr(struct rng *r)
{
	switch (below(r, 6)) {
	case 0: return (long)bad_addrs[below(r, NBAD)];
	case 1: return (long)unmapped;
	case 2: return (long)(arena + below(r, ARENA_PAGES) * PAGE + below(r, 2));
	default: return (long)(arena + below(r, ARENA_PAGES) * PAGE);
	}
}

/* A length for a memory syscall at addr: within the arena when addr is in
 * it (the guard pages and what lies beyond are ours), anything otherwise. */
static long pick_mm_len(struct rng *r, long addr)
{
	long room;

	if (addr >= (long)arena && addr < (long)(arena + ARENA_PAGES * PAGE)) {
		room = (long)(arena + ARENA_PAGES * PAGE) - addr;
		return below(r, 4) ? 1 + (long)below(r, room) : room;
	}
	return below(r, 2) ? ints[below(r, NINTS)] : (long)(PAGE * below(r, 16));
}

static int is_mm_addr_safe(long a, long len)
{
	return a >= (long)arena && len >= 0 &&
	       (unsigned long)a + (unsigned long)len <= (unsigned long)(arena + ARENA_PAGES * PAGE);
}

/* ------------------------------------------------------------ what not to call */

static int is_fault_sig(long sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
	       sig == SIGTRAP;
}

enum { SKIP = -1 };

/*
 * Adjusts the arguments of the calls that could end or wreck the run for
 * reasons of our own making, not the kernel's; SKIP for those never made.
 */
static int sanitize(struct rng *r, struct slot *me, int nr, long *a)
{
	switch (nr) {
	case SYS_exit: case SYS_exit_group: case SYS_reboot: case SYS_rt_sigreturn:
	case SYS_ptrace:		/* a tracer stops us */
	case SYS_seccomp:		/* a filter could kill us */
	case SYS_syslog:		/* console loglevel: panics unseen */
	case SYS_pivot_root:
	case SYS_setuid: case SYS_setgid: case SYS_setreuid: case SYS_setregid:
	case SYS_setresuid: case SYS_setresgid: case SYS_setfsuid: case SYS_setfsgid:
	case SYS_setgroups: case SYS_capset:	/* root stays root */
	case SYS_sched_setscheduler: case SYS_sched_setparam: case SYS_sched_setattr:
					/* a real-time spinner starves the supervisor */
	case SYS_kexec_load: case SYS_kexec_file_load:
		return SKIP;
	case SYS_kill: case SYS_tkill:
		a[0] = pick_pid(r, me);
		a[1] = pick_sig(r);
		break;
	case SYS_tgkill:
		a[0] = pick_pid(r, me);
		a[1] = pick_pid(r, me);
		a[2] = pick_sig(r);
		break;
	/* A queued signal carries the si_code of our choosing, a fault's
	 * among them: not for the signals a fault would send. */
	case SYS_rt_sigqueueinfo:
		a[0] = pick_pid(r, me);
		a[1] = pick_sig(r);
		if (is_fault_sig(a[1]))
			a[1] = SIGUSR2;
		break;
	case SYS_rt_tgsigqueueinfo:
		a[0] = pick_pid(r, me);
		a[1] = pick_pid(r, me);
		a[2] = pick_sig(r);
		if (is_fault_sig(a[2]))
			a[2] = SIGUSR2;
		break;
	case SYS_pidfd_send_signal:
		a[1] = pick_sig(r);
		break;
	case SYS_rt_sigaction:		/* asking is fine, replacing is not */
		a[1] = below(r, 2) ? 0 : (long)bad_addrs[below(r, NBAD)];
		break;
	case SYS_rt_sigprocmask:
		if (a[1] && !below(r, 3))
			a[1] = (long)bad_addrs[below(r, NBAD)];
		else if (a[1])
			a[1] = (long)safe_mask;
		break;
	case SYS_rt_sigsuspend:
		a[0] = below(r, 4) ? (long)safe_mask : (long)bad_addrs[below(r, NBAD)];
		break;
	case SYS_ppoll:
		if (a[3])
			a[3] = (long)safe_mask;
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		if (a[4])
			a[4] = (long)safe_mask;
		break;
	case SYS_pselect6:
		if (a[5])
			a[5] = (long)pselect_arg;
		break;
	case SYS_sigaltstack:		/* a handler on a bad stack is our death */
		a[0] = below(r, 2) ? 0 : (long)bad_addrs[below(r, NBAD)];
		break;
	case SYS_rseq:			/* a bad area kills us at the next switch */
		a[0] = below(r, 2) ? 0 : (long)bad_addrs[below(r, NBAD)];
		break;
	/* The codes are ints: the upper half of the register is not theirs. */
	case SYS_arch_prctl:
		if ((int)a[0] == 0x1002)	/* ARCH_SET_FS: musl's TLS */
			a[0] = 0x1003;
		break;
	case SYS_prctl:
		/* PR_SET_SECCOMP, PR_SET_TSC (rdtsc faults), PR_SET_MM,
		 * PR_SET_SYSCALL_USER_DISPATCH */
		if ((int)a[0] == 22 || (int)a[0] == 26 || (int)a[0] == 35 || (int)a[0] == 59)
			a[0] = 25;	/* PR_GET_TSC */
		break;
	case SYS_setrlimit:
	case SYS_prlimit64: {
		int res_arg = nr == SYS_setrlimit ? 0 : 1;
		int new_arg = nr == SYS_setrlimit ? 1 : 2;
		unsigned int res = (unsigned int)a[res_arg];

		if (nr == SYS_prlimit64)
			a[0] = pick_pid(r, me);
		/* CPU (SIGKILL at the hard limit), DATA, STACK, AS (our
		 * stacks), NOFILE below our descriptors */
		if (res == 0 || res == 2 || res == 3 || res == 9 || res == 7)
			if (a[new_arg] && (unsigned long)a[new_arg] < 0x800000000000UL)
				a[new_arg] = 0;
		break;
	}
	case SYS_chroot:
		/* Never a root below our working directory: ".." from a
		 * directory outside the root climbs out, as on Linux. */
		switch (below(r, 3)) {
		case 0: a[0] = (long)"."; break;
		case 1: a[0] = (long)"/"; break;
		default: a[0] = (long)bad_addrs[below(r, NBAD)]; break;
		}
		break;
	case SYS_mmap: {
		long fl = a[3];

		a[0] = pick_mm_addr(r);
		a[1] = pick_mm_len(r, a[0]);
		/* MAP_FIXED (0x10) or MAP_FIXED_NOREPLACE (0x100000) only in the arena */
		if ((fl & 0x100010) && !is_mm_addr_safe(a[0], a[1]))
			fl &= ~0x100010L;
		/* MAP_POPULATE and MAP_LOCKED: not more than the arena's size */
		if ((fl & 0xa000) && (unsigned long)a[1] > ARENA_PAGES * PAGE)
			fl &= ~0xa000L;
		a[3] = fl;
		break;
	}
	case SYS_munmap: case SYS_mprotect: case SYS_madvise: case SYS_mlock:
	case SYS_munlock: case SYS_mlock2: case SYS_msync: case SYS_pkey_mprotect:
	case SYS_remap_file_pages: case SYS_mincore:
		a[0] = pick_mm_addr(r);
		a[1] = pick_mm_len(r, a[0]);
		if (!is_mm_addr_safe(a[0], a[1]) && (unsigned long)a[0] < 0x7ffffffff000UL &&
		    a[0] != (long)unmapped)
			a[1] = 0;
		if (a[0] == (long)unmapped)
			a[1] = PAGE;
		break;
	case SYS_mremap:
		a[0] = pick_mm_addr(r);
		a[1] = pick_mm_len(r, a[0]);
		a[2] = below(r, 2) ? a[1] : (long)(PAGE * below(r, ARENA_PAGES));
		a[4] = pick_mm_addr(r);
		if (!is_mm_addr_safe(a[0], a[1]))
			a[1] = 0;
		/* MREMAP_FIXED only into the arena */
		if ((a[3] & 2) && !is_mm_addr_safe(a[4], a[2]))
			a[3] &= ~2L;
		break;
	case SYS_brk:			/* musl's malloc may hold the heap */
		return SKIP;
	case SYS_shmat:
		a[1] = pick_mm_addr(r);
		break;
	case SYS_shmdt:
		a[0] = pick_mm_addr(r);
		break;
	case SYS_process_vm_writev:
		a[0] = 0x7fffffff;	/* writing our own memory at random: no */
		break;
	case SYS_fallocate:		/* memory for ramfs pages: bounded */
		if ((unsigned long)a[3] > 16 * PAGE)
			a[3] = below(r, 16 * PAGE);
		break;
	case SYS_ftruncate: case SYS_truncate:
		break;
	case SYS_personality:
		if (a[0] != -1 && a[0] != 0xffffffff)
			a[0] = below(r, 2) ? 0 : 0x0040000;	/* PER_LINUX, ADDR_NO_RANDOMIZE */
		break;
	case SYS_set_tid_address:	/* harmless: nobody joins us */
		break;
	case SYS_close_range:		/* never below 3: the worker keeps no tty */
		break;
	case SYS_execve: case SYS_execveat:
		/* only what lies in our chroot: nothing executable there */
		break;
	}
	if (nr >= 1000 && nr < LEGO_NR_SYSCALLS)	/* lego_ktest_*: test hooks that
							 * misbehave on purpose */
		return SKIP;
	return 0;
}

/* ------------------------------------------------------------ signals */

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	struct slot *me = NULL;
	int t, tid;

	/* A fault of our own making (si_code > 0 from the kernel): a wild
	 * syscall broke our memory, or the kernel did.  Recorded, and the
	 * worker ends; SIGKILL-free, so the supervisor sees it. */
	if (is_fault_sig(sig) && si->si_code > 0) {
		if (sh) {
			tid = (int)raw_syscall6(SYS_gettid, 0, 0, 0, 0, 0, 0);
			for (t = 0; t < MAX_THREADS; t++)
				if (sh->slot[my_worker][t].tid == tid)
					me = &sh->slot[my_worker][t];
			if (me) {
				me->fault_addr = (long)si->si_addr;
				me->fault_sig = sig;
			}
		}
		raw_syscall6(SYS_exit_group, 3, 0, 0, 0, 0, 0);
	}
}

static void install_handlers(void)
{
	struct sigaction sa;
	int s;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO;	/* no SA_RESTART: ticks end blocking calls */
	sigemptyset(&sa.sa_mask);
	nsigs = 0;
	for (s = 1; s < 65; s++) {
		if (s == SIGKILL || s == SIGSTOP || (s >= 32 && s <= 34))
			continue;
		if (sigaction(s, &sa, NULL) == 0)
			sigs[nsigs++] = s;
	}
}

/* ------------------------------------------------------------ the calls */

static int pick_nr(struct rng *r)
{
	switch (below(r, 16)) {
	case 0:
		switch (below(r, 6)) {
		case 0: return -1;
		case 1: return 0x40000000 | (int)below(r, LEGO_NR_SYSCALLS);	/* x32 */
		case 2: return LEGO_NR_SYSCALLS + (int)below(r, 8);
		case 3: return 1000 + (int)below(r, 100);
		case 4: return (int)rnd(r);
		default: return 0x7fffffff;
		}
	case 1:			/* a hole in the table, or past its end */
		return (int)below(r, LEGO_NR_SYSCALLS + 16);
	default:
		return table[below(r, NTABLE)];
	}
}

static int is_clone(int nr)
{
	return nr == SYS_clone || nr == SYS_clone3 || nr == SYS_fork || nr == SYS_vfork;
}

static void remember_kid(long pid, struct rng *r)
{
	if (pid > 0)
		kids[below(r, 32)] = (int)pid;
}

/* Reaps what the clone family made (without blocking). */
static void reap(void)
{
	int n;

	for (n = 0; n < 64; n++)
		if (raw_syscall6(SYS_wait4, -1, 0, WNOHANG | __WALL, 0, 0, 0) <= 0)
			break;
}

/*
 * Numbers that returned ENOSYS, per thread: most of the table is not
 * implemented, and calls there test only the dispatch; they are drawn
 * again seven times in eight.  (The kernel's answers are the same in a
 * replay, so the draws are too.)
 */
static int pick_nr_learned(struct rng *r, const unsigned char *enosys)
{
	int nr = pick_nr(r), tries;

	for (tries = 0; tries < 4; tries++) {
		if (nr < 0 || nr >= LEGO_NR_SYSCALLS || !enosys[nr] || !below(r, 8))
			break;
		nr = pick_nr(r);
	}
	return nr;
}

static void fuzz_loop(struct slot *me, struct rng *r, long count)
{
	unsigned char enosys[LEGO_NR_SYSCALLS];
	unsigned long c3[11];		/* struct clone_args */
	long i, a[6], ret, upper;
	int nr, k;

	memset(enosys, 0, sizeof(enosys));
	for (i = 0; i < count && !sh->stop[my_worker]; i++) {
		nr = pick_nr_learned(r, enosys);
		for (k = 0; k < 6; k++)
			a[k] = pick_any(r, me);
		/* Most calls take a descriptor first (read, write, ioctl,
		 * fstat, the *at family's dfd...). */
		if (below(r, 2))
			a[0] = pick_fd(r);
		if (sanitize(r, me, nr, a) == SKIP) {
			me->skipped++;
			me->done = i + 1;
			continue;
		}
		me->nr = nr;
		for (k = 0; k < 6; k++)
			me->args[k] = a[k];
		/* The upper half of rax is not the number's (an int): garbage
		 * there must change nothing. */
		upper = below(r, 8) ? 0 : (long)(rnd(r) & 0xffffffff00000000UL);
		if (is_clone(nr)) {
			/*
			 * The exit signal: one we handle.  A child sharing our
			 * handlers (CLONE_SIGHAND) gets a stack that works: a
			 * signal frame it could not write would reset SIGSEGV's
			 * handler for all of us (force_sigsegv, as Linux).
			 */
			if (nr == SYS_clone) {
				a[0] = (a[0] & ~0xffL) | (below(r, 2) ? SIGCHLD : 0);
				if (a[0] & CLONE_SIGHAND)
					a[1] = (long)me->child_stack;
			}
			if (nr == SYS_clone3) {	/* random args, our exit signal */
				memcpy(c3, buf + below(r, BUF_PAGES * PAGE - sizeof(c3)),
				       sizeof(c3));
				c3[4] = below(r, 2) ? SIGCHLD : 0;
				if (c3[0] & CLONE_SIGHAND) {
					c3[5] = (unsigned long)me->child_stack - CHILD_STACK;
					c3[6] = CHILD_STACK;
				}
				if (below(r, 4)) {
					a[0] = (long)c3;
					a[1] = sizeof(c3);
				} else {
					a[0] = pick_mm_addr(r);	/* not our memory */
				}
			}
			ret = sc6_clone(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
			remember_kid(ret, r);
		} else {
			ret = raw_syscall6((long)((unsigned long)upper | (unsigned int)nr),
				  a[0], a[1], a[2], a[3], a[4], a[5]);
		}
		if (ret >= 0)
			me->succeeded++;
		else if (ret == -ENOSYS)
			me->enosys++;
		if (ret == -ENOSYS && nr >= 0 && nr < LEGO_NR_SYSCALLS)
			enosys[nr] = 1;
		me->done = i + 1;
		if (!(i & 63))
			reap();
	}
}

/* Fills the buffers with values worth finding there. */
static void fill_buffers(struct rng *r)
{
	unsigned long i, *w = (unsigned long *)buf;

	for (i = 0; i < BUF_PAGES * PAGE / 8; i++) {
		switch (below(r, 4)) {
		case 0: w[i] = rnd(r); break;
		case 1: w[i] = (unsigned long)ints[below(r, NINTS)]; break;
		case 2: w[i] = below(r, 256); break;
		default: w[i] = (unsigned long)(buf + below(r, BUF_PAGES * PAGE)); break;
		}
	}
}

/* A region of pages between PROT_NONE guard pages. */
static char *guarded(unsigned long pages)
{
	char *p = mmap(NULL, (pages + 2) * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (mprotect(p + PAGE, pages * PAGE, PROT_READ | PROT_WRITE))
		return NULL;
	return p + PAGE;
}

struct thread_arg {
	struct slot *me;
	struct rng rng;
	long count;
};

static int thread_main(void *p)
{
	struct thread_arg *ta = p;

	ta->me->tid = (int)raw_syscall6(SYS_gettid, 0, 0, 0, 0, 0, 0);
	fuzz_loop(ta->me, &ta->rng, ta->count);
	ta->me->finished = 1;
	raw_syscall6(SYS_exit, 0, 0, 0, 0, 0, 0);
	return 0;
}

/* A thread by raw clone: no CLONE_CHILD_CLEARTID, no libc thread state
 * (the loop uses raw calls only), so nothing the fuzzing does to its own
 * tid address or TLS can stall the worker's end. */
static long start_thread(struct thread_arg *ta, char *stack)
{
	long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		     CLONE_SYSVSEM;
	unsigned long *sp = (unsigned long *)(stack + TSTACK);
	long ret;

	*--sp = (unsigned long)ta;
	*--sp = (unsigned long)thread_main;
	{
		register long r10 asm("r10") = 0;
		register long r8 asm("r8") = 0;

		asm volatile("syscall\n\t"
			     "test %%rax, %%rax\n\t"
			     "jnz 1f\n\t"
			     "pop %%rax\n\t"	/* thread_main */
			     "pop %%rdi\n\t"	/* its argument */
			     "and $-16, %%rsp\n\t"
			     "call *%%rax\n\t"
			     "ud2\n"
			     "1:"
			     : "=a"(ret)
			     : "a"((long)SYS_clone), "D"(flags), "S"(sp), "d"(0), "r"(r10), "r"(r8)
			     : "rcx", "r11", "memory");
	}
	return ret;
}

static void open_fds(void)
{
	int p[2], i;

	nfds = 0;
	mkdir("d0", 0755);
	mkdir("d1", 0700);
	fds[nfds++] = open("f0", O_RDWR | O_CREAT, 0644);
	fds[nfds++] = open("f1", O_RDWR | O_CREAT | O_APPEND, 0600);
	fds[nfds++] = open("d0", O_RDONLY | O_DIRECTORY);
	fds[nfds++] = open("d0/f2", O_RDWR | O_CREAT, 0644);
	if (pipe(p) == 0) {
		fds[nfds++] = p[0];
		fds[nfds++] = p[1];
	}
	fds[nfds++] = open(".", O_PATH);
	symlink("f0", "l0");
	mkfifo("p0", 0644);
	fds[nfds++] = (int)raw_syscall6(SYS_eventfd2, 0, O_NONBLOCK, 0, 0, 0, 0);
	fds[nfds++] = (int)raw_syscall6(SYS_memfd_create, (long)"m", 0, 0, 0, 0, 0);
	for (i = 0; i < nfds; i++)
		if (fds[i] < 0)
			fds[i] = -1;
}

static void worker(int w, unsigned long seed, long per_thread, int nthreads, const char *dir)
{
	static struct thread_arg ta[MAX_THREADS];
	struct rng setup = { seed_for(seed, w, 99) };
	char *stacks;
	int t, fd;

	my_worker = w;
	/* Our own directory as root and as working directory; nothing
	 * opened outside stays open (an fd to the old root escapes it). */
	if (chdir(dir) || chroot(".") || chdir("/"))
		_exit(10);
	raw_syscall6(SYS_close_range, 0, ~0U, 0, 0, 0, 0);
	/* 0, 1, 2 are files of ours: a tty fd could be told to stop output
	 * or change the console's modes under the test. */
	for (fd = 0; fd < 3; fd++)
		if (open("stdio", O_RDWR | O_CREAT, 0644) != fd)
			_exit(11);
	open_fds();
	install_handlers();
	buf = guarded(BUF_PAGES);
	arena = guarded(ARENA_PAGES);
	unmapped = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	safe_mask = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	stacks = mmap(NULL, MAX_THREADS * (TSTACK + PAGE + CHILD_STACK), PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!buf || !arena || unmapped == MAP_FAILED || safe_mask == MAP_FAILED ||
	    stacks == MAP_FAILED)
		_exit(12);
	munmap(unmapped, PAGE);
	for (t = 0; t < MAX_THREADS; t++)	/* a guard below each thread stack */
		mprotect(stacks + t * (TSTACK + PAGE), PAGE, PROT_NONE);
	/* Every signal but the tick and those of a fault may be blocked (a
	 * fault with its signal blocked kills at once, unreported): a mask
	 * of random bits without them. */
	*(unsigned long *)safe_mask = rnd(&setup) &
		~((1UL << (TICK_SIG - 1)) | (1UL << (SIGSEGV - 1)) | (1UL << (SIGBUS - 1)) |
		  (1UL << (SIGILL - 1)) | (1UL << (SIGFPE - 1)) | (1UL << (SIGTRAP - 1)));
	pselect_arg = safe_mask + 64;
	((unsigned long *)pselect_arg)[0] = (unsigned long)safe_mask;
	((unsigned long *)pselect_arg)[1] = 8;
	fill_buffers(&setup);
	for (t = 0; t < nthreads; t++) {
		sh->slot[w][t].child_stack = stacks + MAX_THREADS * (TSTACK + PAGE) +
					     (t + 1) * CHILD_STACK;
		ta[t].me = &sh->slot[w][t];
		ta[t].rng.s = seed_for(seed, w, t);
		ta[t].count = per_thread;
	}
	sh->slot[w][0].tid = (int)raw_syscall6(SYS_gettid, 0, 0, 0, 0, 0, 0);
	for (t = 1; t < nthreads; t++)
		if (start_thread(&ta[t], stacks + t * (TSTACK + PAGE) + PAGE) < 0)
			ta[t].me->finished = 1;
	fuzz_loop(ta[0].me, &ta[0].rng, per_thread);
	ta[0].me->finished = 1;
	/* The others finish their share (the supervisor's watchdog covers
	 * a hang), then the children are reaped and we go. */
	for (;;) {
		int all = 1;
		struct timespec ts = { 0, 2000000 };

		for (t = 0; t < nthreads; t++)
			all &= sh->slot[w][t].finished;
		if (all)
			break;
		raw_syscall6(SYS_nanosleep, (long)&ts, 0, 0, 0, 0, 0);
	}
	while (raw_syscall6(SYS_wait4, -1, 0, __WALL, 0, 0, 0) > 0 ||
	       raw_syscall6(SYS_wait4, -1, 0, __WALL | WNOHANG, 0, 0, 0) == -EINTR)
		;
	raw_syscall6(SYS_exit_group, 0, 0, 0, 0, 0, 0);
}

/* ------------------------------------------------------------ the supervisor */

static int failures;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
	va_list ap;

	failures++;
	printf("fuzz: FAIL ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static void report_slot(int w, int t, unsigned long seed)
{
	struct slot *s = &sh->slot[w][t];

	printf("fuzz:   worker %d thread %d (seed %lu): call #%ld nr %ld (%#lx, %#lx, %#lx, "
	       "%#lx, %#lx, %#lx)\n", w, t, seed, s->done + 1, s->nr, s->args[0], s->args[1],
	       s->args[2], s->args[3], s->args[4], s->args[5]);
}

/* Removes name in directory dfd and everything under it (mount points
 * unmounted first by the caller), by descriptors: the names a worker
 * made may be longer together than PATH_MAX. */
static void remove_at(int dfd, const char *name)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int fd;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW))
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(dfd, name, 0);
		return;
	}
	fchmodat(dfd, name, 0755, 0);
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd >= 0) {
		d = fdopendir(fd);
		if (d) {
			while ((e = readdir(d))) {
				if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
					remove_at(fd, e->d_name);
					rewinddir(d);
				}
			}
			closedir(d);
		} else {
			close(fd);
		}
	}
	unlinkat(dfd, name, AT_REMOVEDIR);
}

static void remove_tree(const char *path)
{
	remove_at(AT_FDCWD, path);
}

/* Unmounts everything mounted at or under dir, deepest first. */
static void unmount_under(const char *dir)
{
	char line[512], mnts[64][256];
	int n = 0, i, pass;
	size_t len = strlen(dir);
	FILE *f;

	for (pass = 0; pass < 8; pass++) {
		f = fopen("/proc/self/mounts", "r");
		if (!f)
			return;
		n = 0;
		while (fgets(line, sizeof(line), f) && n < 64) {
			char dev[256], mp[256];

			if (sscanf(line, "%255s %255s", dev, mp) == 2 &&
			    !strncmp(mp, dir, len) && (mp[len] == '/' || !mp[len]))
				strcpy(mnts[n++], mp);
		}
		fclose(f);
		if (!n)
			return;
		for (i = n - 1; i >= 0; i--)
			umount2(mnts[i], MNT_DETACH);
	}
}

/* The names at "/" now, to see what a run added. */
static int list_root(char names[][256], int max)
{
	DIR *d = opendir("/");
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) && n < max)
		snprintf(names[n++], 256, "%.255s", e->d_name);
	closedir(d);
	return n;
}

static void sup_handler(int sig)
{
	(void)sig;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int fuzz_run(unsigned long seed, long count, int nproc, int nthreads, long *calls)
{
	static char before[256][256], after[256][256];
	char dir[64], wdir[96];
	pid_t pids[MAX_WORKERS];
	long last_done[MAX_WORKERS][MAX_THREADS], last_move[MAX_WORKERS][MAX_THREADS];
	long total = 0, per_thread, ok = 0, skipped = 0, enosys = 0;
	int nbefore, nafter, w, t, i, j, alive, st;
	struct sigaction sa;

	if (nproc < 1 || nproc > MAX_WORKERS || nthreads < 1 || nthreads > MAX_THREADS ||
	    count < 0) {
		fprintf(stderr, "fuzz: NPROC 1..%d, NTHREADS 1..%d\n", MAX_WORKERS, MAX_THREADS);
		return 2;
	}
	failures = 0;
	per_thread = count / (nproc * nthreads);
	printf("fuzz: seed %lu count %ld nproc %d threads %d\n", seed, count, nproc, nthreads);
	fflush(stdout);
	/* Whatever signal a worker sends us: caught, restarted. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = sup_handler;
	sa.sa_flags = SA_RESTART;
	for (i = 1; i < 65; i++)
		if (i != SIGKILL && i != SIGSTOP && i != SIGCHLD && (i < 32 || i > 34))
			sigaction(i, &sa, NULL);
	setpgid(0, 0);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		fail("mmap of the shared state: %s", strerror(errno));
		return 1;
	}
	memset(sh, 0, sizeof(*sh));
	nbefore = list_root(before, 256);
	snprintf(dir, sizeof(dir), "/fuzz.%lu", seed);
	remove_tree(dir);
	if (mkdir(dir, 0755)) {
		fail("mkdir %s: %s", dir, strerror(errno));
		return 1;
	}
	for (w = 0; w < nproc; w++) {
		snprintf(wdir, sizeof(wdir), "%s/w%d", dir, w);
		mkdir(wdir, 0755);
		pids[w] = fork();
		if (pids[w] == 0)
			worker(w, seed, per_thread, nthreads, wdir);
		if (pids[w] < 0) {
			fail("fork: %s", strerror(errno));
			nproc = w;
			break;
		}
		for (t = 0; t < MAX_THREADS; t++) {
			last_done[w][t] = 0;
			last_move[w][t] = now_ms();
		}
	}
	/* Ticks, and the watchdog, until every worker is gone. */
	for (alive = nproc; alive > 0; ) {
		struct timespec ts = { 0, TICK_MS * 1000000L };
		pid_t p;

		nanosleep(&ts, NULL);
		while ((p = waitpid(-1, &st, WNOHANG | __WALL)) > 0) {
			for (w = 0; w < nproc; w++) {
				if (pids[w] != p)
					continue;
				pids[w] = 0;
				alive--;
				if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
					break;
				if (WIFEXITED(st) && WEXITSTATUS(st) == 3) {
					for (t = 0; t < nthreads; t++)
						if (sh->slot[w][t].fault_sig) {
							fail("worker %d: signal %d at %#lx", w,
							     sh->slot[w][t].fault_sig,
							     sh->slot[w][t].fault_addr);
							report_slot(w, t, seed);
						}
				} else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) {
					/* the watchdog's, reported already, or the
					 * kernel's out-of-memory kill (decisions.rst) */
				} else {
					fail("worker %d: wait status %#x", w, st);
					for (t = 0; t < nthreads; t++)
						report_slot(w, t, seed);
				}
			}
		}
		for (w = 0; w < nproc; w++) {
			if (!pids[w])
				continue;
			for (t = 0; t < nthreads; t++) {
				struct slot *s = &sh->slot[w][t];

				if (s->finished)
					continue;
				if (s->tid)
					raw_syscall6(SYS_tgkill, pids[w], s->tid, TICK_SIG, 0, 0, 0);
				if (s->done != last_done[w][t]) {
					last_done[w][t] = s->done;
					last_move[w][t] = now_ms();
				} else if (now_ms() - last_move[w][t] > WATCHDOG_S * 1000L) {
					fail("worker %d thread %d: no progress for %d s", w, t,
					     WATCHDOG_S);
					report_slot(w, t, seed);
					kill(pids[w], SIGKILL);
					last_move[w][t] = now_ms();
				}
			}
		}
	}
	/* Children a worker gave us (CLONE_PARENT). */
	while (waitpid(-1, &st, WNOHANG | __WALL) > 0)
		;
	for (w = 0; w < nproc; w++)
		for (t = 0; t < nthreads; t++)
		{
			total += sh->slot[w][t].done;
			ok += sh->slot[w][t].succeeded;
			skipped += sh->slot[w][t].skipped;
			enosys += sh->slot[w][t].enosys;
		}
	unmount_under(dir);
	remove_tree(dir);
	if (!access(dir, F_OK))
		fail("%s could not be removed", dir);
	/* Nothing new at the real root: a chroot escape would show there. */
	nafter = list_root(after, 256);
	for (i = 0; i < nafter; i++) {
		for (j = 0; j < nbefore; j++)
			if (!strcmp(after[i], before[j]))
				break;
		if (j == nbefore) {
			char p[260];

			snprintf(p, sizeof(p), "/%.255s", after[i]);
			fail("stray %s at the real root (a chroot escape)", p);
			unmount_under(p);
			remove_tree(p);
		}
	}
	munmap(sh, sizeof(*sh));
	sh = NULL;
	if (calls)
		*calls = total;
	printf("fuzz: seed %lu count %ld nproc %d threads %d: %ld calls (%ld succeeded, "
	       "%ld ENOSYS, %ld skipped), %s\n", seed, count, nproc, nthreads, total, ok,
	       enosys, skipped, failures ? "FAILED" : "ok");
	fflush(stdout);
	return failures ? 1 : 0;
}

#ifndef FUZZ_NO_MAIN
int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: fuzz SEED COUNT [NPROC [NTHREADS]]\n");
		return 2;
	}
	return fuzz_run(strtoul(argv[1], NULL, 0), strtol(argv[2], NULL, 0),
			argc > 3 ? atoi(argv[3]) : 2, argc > 4 ? atoi(argv[4]) : 2, NULL);
}
#endif
