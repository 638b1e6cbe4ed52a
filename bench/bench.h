/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench.h: what every benchmark program shares.
 *
 * A program times operations with the TSC and prints one line per
 * operation on stdout:
 *
 *	BENCH <name> <iterations> <cost>	cost: TSC ticks per operation
 *	BENCH <name> n/a <reason>		the kernel lacks something
 *
 * The cost is the minimum over several batches of <iterations>
 * operations, less the same loop timed empty, divided by <iterations>,
 * with one decimal.  Under QEMU's -icount shift=0 a TSC tick is one guest
 * instruction (BENCHMARKS.md says how that was checked); otherwise it is
 * a tick of the host's TSC.
 *
 * No C library is used here (raw system calls and an own formatter), so
 * the same code serves the musl programs and the 32-bit one built without
 * any library, and what is timed is the kernel, not a libc wrapper.
 * Headers are used for constants only.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdarg.h>
#include <errno.h>
#include <sys/syscall.h>

typedef unsigned long long u64;
typedef long long s64;

/* ------------------------------------------------------------ syscalls */
#include "raw_syscall.h"

#define sys6	raw_syscall6
#define sys0(n)			sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a)		sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b)		sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c)	sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d)	sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys6l(n, a, b, c, d, e, f) \
	sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* A raw syscall's result is an error if it is in [-4095, -1]. */
static inline int sys_err(long r)
{
	return r < 0 && r >= -4095 ? (int)-r : 0;
}

static inline void __attribute__((noreturn)) sys_exit(int status)
{
	for (;;)
		sys1(SYS_exit_group, status);
}

/* wait4's status word, as <sys/wait.h> decodes it. */
#define W_SIG(s)	((s) & 0x7f)
#define W_CODE(s)	(((s) >> 8) & 0xff)

/*
 * wait4 for a child: its wait status, or -errno.  The parent writes the
 * status word itself first.  Right after fork the page holding it is
 * still shared copy-on-write with the child, and Lego so far fails a
 * kernel write into such a page with EFAULT instead of copying the page
 * (BENCHMARKS.md, "Kernel bugs seen").  The parent's own write takes the
 * same copy-on-write fault Linux would take inside wait4, so the work
 * measured is the same on both.
 */
static inline long bench_wait(long pid)
{
	volatile int status;
	long r;

	status = 0;
	do
		r = sys4(SYS_wait4, pid, &status, 0, 0);
	while (r == -EINTR);
	return r < 0 ? r : status;
}

/* ------------------------------------------------------------- output */
static const struct { int e; const char *name; } bench_errnames[] = {
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
	{ EINTR, "EINTR" }, { EIO, "EIO" }, { E2BIG, "E2BIG" },
	{ ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" }, { ECHILD, "ECHILD" },
	{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
	{ EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
	{ ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" }, { EINVAL, "EINVAL" },
	{ EMFILE, "EMFILE" }, { ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" },
	{ EPIPE, "EPIPE" }, { ERANGE, "ERANGE" }, { ENOSYS, "ENOSYS" },
	{ EOPNOTSUPP, "EOPNOTSUPP" }, { ETIMEDOUT, "ETIMEDOUT" },
};

/* One line at most this long, written with one write(2) so that lines of
 * concurrent processes never mix. */
struct line {
	char b[400];
	unsigned int n;
};

static inline void l_putc(struct line *l, char c)
{
	if (l->n < sizeof(l->b) - 1)
		l->b[l->n++] = c;
}

static inline void l_puts(struct line *l, const char *s)
{
	while (*s)
		l_putc(l, *s++);
}

static inline void l_putu(struct line *l, u64 v)
{
	char t[24];
	int i = 0;

	do {
		t[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		l_putc(l, t[--i]);
}

static inline void l_puterr(struct line *l, int e)
{
	size_t i;

	for (i = 0; i < sizeof(bench_errnames) / sizeof(bench_errnames[0]); i++) {
		if (bench_errnames[i].e == e) {
			l_puts(l, bench_errnames[i].name);
			return;
		}
	}
	l_puts(l, "errno ");
	l_putu(l, (u64)e);
}

/*
 * %s, %c, %d (int), %ld (long), %lld (s64), %u %lu %llu (unsigned),
 * %e (a positive errno, by name), %%.  No widths.
 */
static inline void l_vformat(struct line *l, const char *f, va_list ap)
{
	for (; *f; f++) {
		int lng = 0;
		s64 v;

		if (*f != '%') {
			l_putc(l, *f);
			continue;
		}
		while (*++f == 'l')
			lng++;
		switch (*f) {
		case 's':
			l_puts(l, va_arg(ap, const char *));
			break;
		case 'c':
			l_putc(l, (char)va_arg(ap, int));
			break;
		case 'e':
			l_puterr(l, va_arg(ap, int));
			break;
		case 'd':
			v = lng >= 2 ? va_arg(ap, s64) : lng ? va_arg(ap, long) : va_arg(ap, int);
			if (v < 0) {
				l_putc(l, '-');
				l_putu(l, -(u64)v);
			} else {
				l_putu(l, (u64)v);
			}
			break;
		case 'u':
			l_putu(l, lng >= 2 ? va_arg(ap, u64) :
				  lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int));
			break;
		case '%':
			l_putc(l, '%');
			break;
		default:
			l_putc(l, '?');
			break;
		}
	}
}

static inline void __attribute__((format(printf, 1, 0)))
bench_vprintf(const char *f, va_list ap)
{
	struct line l;

	l.n = 0;	/* not "= { 0 }": that would call memset, absent without libc */
	l_vformat(&l, f, ap);
	sys3(SYS_write, 1, l.b, l.n);
}

/* The format checker does not know %e; it is only used for errnos. */
static inline void bench_printf(const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	bench_vprintf(f, ap);
	va_end(ap);
}

/* ------------------------------------------------------------- the TSC */
/*
 * RDTSC does not wait for earlier instructions, and later ones may start
 * before it (Intel SDM Vol. 2B RDTSC).  The start of a timed region is
 * "lfence; rdtsc": everything before has completed.  The end is
 * "rdtscp; lfence": RDTSCP waits for every earlier instruction, and the
 * LFENCE keeps later ones from starting before the read (SDM Vol. 2B
 * RDTSCP).  On AMD, LFENCE is dispatch serialising once the kernel has set
 * MSR C001_1029[1], as Linux does.  Under TCG instructions run in order
 * anyway; the fences matter on real CPUs (ACCEL=kvm).
 */
static int bench_rdtscp = -1;

static inline void bench_cpuid(unsigned int leaf, unsigned int r[4])
{
	asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
		     : "a"(leaf), "c"(0));
}

static inline void bench_tsc_init(void)
{
	unsigned int r[4];

	bench_cpuid(0x80000000, r);
	bench_rdtscp = 0;
	if (r[0] >= 0x80000001) {
		bench_cpuid(0x80000001, r);
		bench_rdtscp = (r[3] >> 27) & 1;	/* CPUID.80000001H:EDX.RDTSCP */
	}
}

static inline u64 tsc_start(void)
{
	unsigned int lo, hi;

	asm volatile("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

static inline u64 tsc_stop(void)
{
	unsigned int lo, hi, aux;

	if (bench_rdtscp)
		asm volatile("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
	else
		asm volatile("lfence\n\trdtsc\n\tlfence" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

#define barrier()	asm volatile("" : : : "memory")

/* Ticks for n runs of body in a C loop, whose index body may read as __i;
 * the C reference loop is this with an empty body. */
#define TIMED_LOOP(n, body) ({					\
	long __n = (n);						\
	u64 __t0 = tsc_start();					\
	for (long __i = 0; __i < __n; __i++) {			\
		body;						\
	}							\
	(s64)(tsc_stop() - __t0);				\
})

/* ------------------------------------------------ operations, results */
enum { REF_NONE, REF_C, REF_ASM };

struct bench_op {
	const char *prog, *name;
	long iters;
	int ref;
	const char *desc;
	s64 (*fn)(long n);
};

/*
 * Each program defines the bench_<name> functions of its own operations;
 * the others stay undefined, and a weak undefined symbol is 0.
 */
#define BENCH_OP(p, n, it, r, d) extern s64 bench_##n(long) __attribute__((weak));
#include "ops.h"
#undef BENCH_OP

static const struct bench_op bench_ops[] = {
#define BENCH_OP(p, n, it, r, d) { #p, #n, it, REF_##r, d, bench_##n },
#include "ops.h"
#undef BENCH_OP
};
#define BENCH_NOPS	(sizeof(bench_ops) / sizeof(bench_ops[0]))

/* What an operation returns when it cannot be measured: the reason is in
 * bench_na_reason. */
#define BENCH_NA	((s64)-1)
static struct line bench_na_reason;

static inline s64 bench_na(const char *f, ...)
{
	va_list ap;

	bench_na_reason.n = 0;
	va_start(ap, f);
	l_vformat(&bench_na_reason, f, ap);
	va_end(ap);
	bench_na_reason.b[bench_na_reason.n] = 0;
	return BENCH_NA;
}

static inline int bench_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* dst := a followed by b, cut to size. */
static inline void bench_concat(char *dst, size_t size, const char *a, const char *b)
{
	size_t n = 0;

	while (*a && n + 1 < size)
		dst[n++] = *a++;
	while (*b && n + 1 < size)
		dst[n++] = *b++;
	dst[n] = 0;
}

static inline long bench_atol(const char *s)
{
	long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

/* ---------------------------------------------------------------- auxv */
static unsigned long *bench_auxv;

static inline unsigned long bench_getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = bench_auxv; a && a[0]; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

/* ------------------------------------------------------------- runner */
/* The empty loops, timed like the operations (minimum over batches). */
static inline s64 bench_ref_asm_once(long n)
{
	long c = n;
	u64 t0 = tsc_start();

	asm volatile("1:\n\tdec %0\n\tjnz 1b" : "+r"(c) : : "cc");
	return (s64)(tsc_stop() - t0);
}

static inline s64 bench_ref(int ref, long n, int batches)
{
	s64 best = -1, t;
	int b;

	if (ref == REF_NONE)
		return 0;
	for (b = 0; b < batches; b++) {
		if (ref == REF_ASM)
			t = bench_ref_asm_once(n);
		else
			t = TIMED_LOOP(n, barrier());
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

/* Prints "x.y" for v/10, v signed. */
static inline void bench_print_result(const char *name, long n, s64 ticks)
{
	s64 x10 = (ticks * 10 + (ticks < 0 ? -n / 2 : n / 2)) / n;
	u64 a = x10 < 0 ? -(u64)x10 : (u64)x10;

	bench_printf("BENCH %s %ld %s%llu.%llu\n", name, n, x10 < 0 ? "-" : "",
		     a / 10, a % 10);
}

static inline void bench_run_inline(const struct bench_op *op, long n, int batches)
{
	s64 best = -1, t;
	int b;

	for (b = 0; b < batches; b++) {
		t = op->fn(n);
		if (t == BENCH_NA) {
			bench_printf("BENCH %s n/a %s\n", op->name, bench_na_reason.b);
			return;
		}
		if (best < 0 || t < best)
			best = t;
	}
	bench_print_result(op->name, n, best - bench_ref(op->ref, n, batches));
}

/*
 * Each operation runs in a child of its own, so that one the kernel gets
 * wrong (a crash, a lost signal) costs only its own row.
 */
static inline void bench_run_op(const struct bench_op *op, long n, int batches)
{
	long pid = sys0(SYS_fork), st;

	if (pid == 0) {
		bench_run_inline(op, n, batches);
		sys_exit(0);
	}
	if (pid < 0) {
		bench_run_inline(op, n, batches);
		return;
	}
	st = bench_wait(pid);
	if (st < 0)
		bench_printf("BENCH %s n/a wait4: %e\n", op->name, sys_err(st));
	else if (W_SIG(st))
		bench_printf("BENCH %s n/a the benchmark process was killed by signal %d\n",
			     op->name, W_SIG(st));
	else if (W_CODE(st))
		bench_printf("BENCH %s n/a the benchmark process exited with status %d\n",
			     op->name, W_CODE(st));
}

/*
 * The program's main: bench_main(prog, argc, argv, envp) runs every
 * operation of program prog (or those named on the command line):
 *	PROG [-n ITERATIONS] [-b BATCHES] [NAME...]
 * -n overrides every operation's iteration count (a smoke run uses a few).
 */
static inline int bench_main(const char *prog, int argc, char **argv, char **envp)
{
	long iters = 0;
	int batches = 5, i, named = 0;
	size_t k;
	char **p;

	for (p = envp; *p; p++)
		;
	bench_auxv = (unsigned long *)(p + 1);
	bench_tsc_init();
	for (i = 1; i < argc; i++) {
		if (bench_streq(argv[i], "-n") && i + 1 < argc)
			iters = bench_atol(argv[++i]);
		else if (bench_streq(argv[i], "-b") && i + 1 < argc)
			batches = (int)bench_atol(argv[++i]);
		else
			named = 1;
	}
	if (batches < 1)
		batches = 1;
	for (k = 0; k < BENCH_NOPS; k++) {
		const struct bench_op *op = &bench_ops[k];
		int want = !named;

		if (!bench_streq(op->prog, prog) || !op->fn)
			continue;
		for (i = 1; i < argc && !want; i++)
			want = bench_streq(argv[i], op->name);
		if (want)
			bench_run_op(op, iters > 0 ? iters : op->iters, batches);
	}
	return 0;
}

#endif /* BENCH_H */
