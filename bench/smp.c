// SPDX-License-Identifier: GPL-2.0
/*
 * Syscall throughput on 1, 2 and 4 CPUs: N processes, one pinned to each
 * of CPUs 0..N-1, make getpid calls together.  The cost printed is the
 * window from the first process's start to the last one's end, in TSC
 * ticks, divided by the syscalls made by all of them: ticks per syscall,
 * system-wide.  With perfect scaling it falls as 1/N.  bench/run.sh runs
 * this without -icount only: under -icount QEMU runs the virtual CPUs one
 * at a time, and the TSC counts the instructions of all of them.  The
 * loop's dec/jnz is included.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "bench.h"

#define MAX_CPUS	4

struct shared {
	volatile int ready, go;
	u64 start[MAX_CPUS], end[MAX_CPUS];
};

/*
 * How long the start barrier may take, in TSC ticks (half a second of a
 * 2 GHz host's TSC): a kernel whose shared memory or affinity does not
 * work must not hang the run.
 */
#define BARRIER_TICKS	1000000000ULL

static int barrier_expired(u64 since)
{
	return tsc_start() - since > BARRIER_TICKS;
}

/* The CPUs this process may run on, or -errno. */
static int online_cpus(void)
{
	unsigned long mask[16] = { 0 };
	long r = sys3(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	int cpus = 0;

	if (r < 0)
		return (int)r;
	for (int i = 0; i < 16; i++)
		cpus += __builtin_popcountl(mask[i]);
	return cpus;
}

static void __attribute__((noreturn)) worker(struct shared *sh, int cpu, long k)
{
	unsigned long mask = 1UL << cpu;
	long c = k;
	u64 t0, t1;

	if (sys3(SYS_sched_setaffinity, 0, sizeof(mask), &mask))
		sys_exit(2);
	__atomic_add_fetch(&sh->ready, 1, __ATOMIC_SEQ_CST);
	t0 = tsc_start();
	while (!__atomic_load_n(&sh->go, __ATOMIC_ACQUIRE)) {
		if (barrier_expired(t0))
			sys_exit(3);
		sys0(SYS_sched_yield);
	}
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl %[nr], %%eax\n\t"
		     "syscall\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : [nr] "i"(SYS_getpid) : "rax", "rcx", "r11", "memory");
	t1 = tsc_stop();
	sh->start[cpu] = t0;
	sh->end[cpu] = t1;
	sys_exit(0);
}

static s64 throughput(long n, int ncpu)
{
	long k = (n + ncpu - 1) / ncpu, pid[MAX_CPUS], p;
	int cpus = online_cpus(), ready = 0;
	struct shared *sh;
	u64 first = ~0ULL, last = 0, t0;

	if (cpus < 0)
		return bench_na("sched_getaffinity: %e", -cpus);
	if (cpus < ncpu)
		return bench_na("needs %d CPUs, this boot has %d", ncpu, cpus);
	p = sys6l(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sys_err(p))
		return bench_na("mmap(MAP_SHARED|MAP_ANONYMOUS): %e", sys_err(p));
	sh = (struct shared *)p;
	/*
	 * Written before the fork, as real programs do: Lego (so far) gives
	 * each process its own copy of a MAP_SHARED page first touched after
	 * fork (BENCHMARKS.md, "Kernel bugs seen").
	 */
	sh->ready = 0;
	sh->go = 0;
	for (int c = 0; c < ncpu; c++) {
		pid[c] = sys0(SYS_fork);
		if (pid[c] == 0)
			worker(sh, c, k);
		if (pid[c] < 0)
			return bench_na("fork: %e", sys_err(pid[c]));
	}
	/* Until every worker is on its CPU; one that could not get there exits. */
	t0 = tsc_start();
	while ((ready = __atomic_load_n(&sh->ready, __ATOMIC_ACQUIRE)) < ncpu &&
	       !barrier_expired(t0) && sys4(SYS_wait4, -1, NULL, 1 /* WNOHANG */, 0) == 0)
		sys0(SYS_sched_yield);
	__atomic_store_n(&sh->go, 1, __ATOMIC_RELEASE);
	for (int c = 0; c < ncpu; c++) {
		long st = bench_wait(pid[c]);

		if (st > 0 && ready == ncpu)
			return bench_na(W_SIG(st) ? "worker %d was killed by signal %ld" :
					W_CODE(st) == 3 ? "worker %d waited for the start too long" :
					"worker %d could not pin itself (sched_setaffinity)",
					c, W_SIG(st) ? W_SIG(st) : 0);
		if (sh->start[c] < first)
			first = sh->start[c];
		if (sh->end[c] > last)
			last = sh->end[c];
	}
	sys2(SYS_munmap, sh, 4096);
	if (ready < ncpu)
		return bench_na("only %d of %d workers pinned themselves and reported ready "
				"within 10^9 TSC ticks", ready, ncpu);
	return (s64)(last - first);
}

s64 bench_throughput_1cpu(long n)
{
	return throughput(n, 1);
}

s64 bench_throughput_2cpu(long n)
{
	return throughput(n, 2);
}

s64 bench_throughput_4cpu(long n)
{
	return throughput(n, 4);
}

int main(int argc, char **argv, char **envp)
{
	return bench_main("smp", argc, argv, envp);
}
