// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmarks' init (PID 1):
 *
 *	/init [-n ITERATIONS] [-b BATCHES] [boot] [PROGRAM...]
 *	init --tsc-hz		(on the host)
 *
 * Its very first instruction reads the TSC: "BENCH boot_to_init" is the
 * tick count from the machine's reset to there (under -icount shift=0,
 * guest instructions plus the time spent waiting for deadlines).  It then
 * prints a few facts about the machine (BENCH-INFO lines), checks that the
 * TSC counts instructions, and runs /bench/PROGRAM for each PROGRAM in
 * turn.  When a program cannot be executed (a 32-bit one on a kernel
 * without IA32 emulation), init prints its rows as n/a with the reason.
 *
 * On Linux the initramfs has no /dev/null until devtmpfs is mounted, and
 * no /sys; init mounts them when it can.  Lego makes /dev itself.
 */
#include <fcntl.h>
#include "bench.h"

/*
 * The ELF entry point (linked with -e bench_entry): RDTSC before anything
 * else, then the C library's _start.  At entry rdx holds a function for
 * atexit (0 for a static program, x86-64 psABI 3.4.1); RDTSC overwrote
 * it, so it is cleared again.
 */
unsigned int boot_tsc_lo, boot_tsc_hi;
asm(".text\n"
    ".globl bench_entry\n"
    "bench_entry:\n\t"
    "rdtsc\n\t"
    "movl %eax, boot_tsc_lo(%rip)\n\t"
    "movl %edx, boot_tsc_hi(%rip)\n\t"
    "xorl %edx, %edx\n\t"
    "jmp _start\n");

#define TSC_CHECK_LOOPS	1000000L	/* of dec + jnz: 2,000,000 instructions */

static void tsc_check(void)
{
	s64 best = -1;

	for (int i = 0; i < 3; i++) {
		s64 t = bench_ref_asm_once(TSC_CHECK_LOOPS);

		if (best < 0 || t < best)
			best = t;
	}
	bench_printf("BENCH-INFO tsc_check %ld %lld\n", 2 * TSC_CHECK_LOOPS, best);
}

static void print_file(const char *tag, const char *path)
{
	char buf[256];
	long fd = sys3(SYS_open, path, O_RDONLY, 0), n;

	if (fd < 0)
		return;
	n = sys3(SYS_read, fd, buf, sizeof(buf) - 1);
	sys1(SYS_close, fd);
	if (n <= 0)
		return;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = 0;
	bench_printf("BENCH-INFO %s %s\n", tag, buf);
}

static void machine_info(void)
{
	static const char *const vulns[] = {
		"meltdown", "spectre_v1", "spectre_v2", "spec_store_bypass", "retbleed",
		"mds", "tsx_async_abort", "mmio_stale_data", "srbds", "l1tf",
		"gather_data_sampling", "spec_rstack_overflow",
	};
	char u[6][65], path[128], tag[64];
	unsigned long mask[16] = { 0 };
	long r;
	int cpus = 0;

	if (sys1(SYS_uname, u) == 0)
		bench_printf("BENCH-INFO kernel %s %s %s\n", u[0], u[2], u[3]);
	r = sys3(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	for (int i = 0; r > 0 && i < 16; i++)
		cpus += __builtin_popcountl(mask[i]);
	bench_printf("BENCH-INFO cpus %d\n", cpus);
	bench_printf("BENCH-INFO rdtscp %s\n", bench_rdtscp ? "yes" : "no");
	/* Linux's view of the CPU's speculation bugs and its mitigations. */
	sys2(SYS_mkdir, "/sys", 0755);
	sys6l(SYS_mount, "sysfs", "/sys", "sysfs", 0, 0, 0);
	for (size_t i = 0; i < sizeof(vulns) / sizeof(vulns[0]); i++) {
		bench_concat(path, sizeof(path), "/sys/devices/system/cpu/vulnerabilities/", vulns[i]);
		bench_concat(tag, sizeof(tag), "vuln ", vulns[i]);
		print_file(tag, path);
	}
}

/* /dev/null and /dev/zero for the I/O benchmarks. */
static void make_dev(void)
{
	long fd = sys3(SYS_open, "/dev/null", O_RDONLY, 0);

	if (fd >= 0) {
		sys1(SYS_close, fd);
		return;
	}
	sys2(SYS_mkdir, "/dev", 0755);
	sys6l(SYS_mount, "devtmpfs", "/dev", "devtmpfs", 0, 0, 0);
}

static void run(const char *prog, const char *iters, const char *batches, char **envp)
{
	char path[64];
	char *argv[6];
	int argc = 0;
	long pid, r;

	bench_concat(path, sizeof(path), "/bench/", prog);
	argv[argc++] = (char *)prog;
	if (iters) {
		argv[argc++] = "-n";
		argv[argc++] = (char *)iters;
	}
	if (batches) {
		argv[argc++] = "-b";
		argv[argc++] = (char *)batches;
	}
	argv[argc] = NULL;

	pid = sys0(SYS_fork);
	if (pid == 0) {
		r = sys3(SYS_execve, path, argv, envp);
		for (size_t k = 0; k < BENCH_NOPS; k++)
			if (bench_streq(bench_ops[k].prog, prog))
				bench_printf("BENCH %s n/a execve %s: %e\n", bench_ops[k].name, path,
					     sys_err(r));
		sys_exit(127);
	}
	if (pid < 0) {
		bench_printf("BENCH-DIED %s fork: %e\n", prog, sys_err(pid));
		return;
	}
	r = bench_wait(pid);
	if (r < 0)
		bench_printf("BENCH-DIED %s wait4: %e\n", prog, sys_err(r));
	else if (W_SIG(r))
		bench_printf("BENCH-DIED %s killed by signal %d\n", prog, W_SIG(r));
}

/*
 * init --tsc-hz, run on the host: the TSC's rate in ticks per second,
 * against CLOCK_MONOTONIC over 200 ms.  Under TCG without -icount the
 * guest's TSC is the host's (QEMU reads the host TSC for it), which is how
 * bench/run.sh turns ticks into nanoseconds.
 */
static int tsc_hz(void)
{
	struct { long sec, nsec; } a, b, nap = { 0, 200000000 };
	u64 t0, t1;
	s64 ns;

	sys2(SYS_clock_gettime, 1, &a);
	t0 = tsc_start();
	sys2(SYS_nanosleep, &nap, NULL);
	sys2(SYS_clock_gettime, 1, &b);
	t1 = tsc_start();
	ns = (b.sec - a.sec) * 1000000000LL + (b.nsec - a.nsec);
	bench_printf("%llu\n", (t1 - t0) * 1000000000ULL / (u64)ns);
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	const char *iters = NULL, *batches = NULL;

	if (argc == 2 && bench_streq(argv[1], "--tsc-hz"))
		return tsc_hz();
	bench_tsc_init();
	bench_print_result("boot_to_init", 1, (s64)(((u64)boot_tsc_hi << 32) | boot_tsc_lo));
	/* Mounting is for a fresh machine: never on a host it was run on by hand. */
	if (sys0(SYS_getpid) != 1) {
		bench_printf("init: not PID 1; run it as a kernel's init (bench/run.sh)\n");
		return 2;
	}
	machine_info();
	tsc_check();
	make_dev();
	for (int i = 1; i < argc; i++) {
		if (bench_streq(argv[i], "-n") && i + 1 < argc)
			iters = argv[++i];
		else if (bench_streq(argv[i], "-b") && i + 1 < argc)
			batches = argv[++i];
		else if (bench_streq(argv[i], "boot"))
			;	/* the boot line only: nothing to run */
		else
			run(argv[i], iters, batches, envp);
	}
	bench_printf("BENCH-END\n");
	return 0;
}
