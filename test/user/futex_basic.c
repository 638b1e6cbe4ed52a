// futex(2) through the raw syscall: every operation (WAIT, WAKE, REQUEUE,
// CMP_REQUEUE, WAKE_OP with each operation and comparison, the BITSET
// pair), the private and shared keys (a MAP_SHARED page across fork, one
// file page at two addresses), timeouts on each clock, signals (EINTR,
// SA_RESTART, restart_syscall after a stop), the exact counts woken and
// requeued, and every error in Linux's order.  Sleepers are CLONE_VM
// children, watched until /proc shows them asleep; a ping-pong between
// two of them checks that no wakeup is lost across CPUs.
// lego-test: libc=musl
// lego-test: smp=1,2,4
// lego-test: timeout=240
// lego-test: cflags=-I../../include
#define _GNU_SOURCE
#define LT_SUITE "futex_basic"
#include "lego_test.h"
#include "vfs_util.h"
#include <sched.h>
#include <stdio.h>
#include <time.h>
#include <sys/mman.h>
#include <uapi/lego/futex.h>

#define INT_MAX_	0x7fffffff

static long futex(volatile void *uaddr, int op, unsigned int val, const void *ts,
		  volatile void *uaddr2, unsigned int val3)
{
	return lt_syscall6(SYS_futex, (long)uaddr, op, val, (long)ts, (long)uaddr2, val3);
}

static long long now_ns(int clk)
{
	struct timespec t;

	clock_gettime(clk, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* ---------------------------------------------------------- sleepers */

/* A CLONE_VM child making one futex call; ret is what the call returned. */
struct waiter {
	volatile void *addr;
	int op;
	unsigned int val, val3;
	const struct timespec *ts;
	volatile long ret;
	pid_t pid;
	char stack[16384] __attribute__((aligned(16)));
};

static int waiter_fn(void *p)
{
	struct waiter *w = p;

	w->ret = futex(w->addr, w->op, w->val, w->ts, 0, w->val3);
	return 0;
}

/* /proc/PID/stat's state letter, or 0. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	long n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	n = get_file(path, buf, sizeof(buf));
	if (n <= 0)
		return 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* Waits (up to 10 s) until pid's state is want; false if it never was. */
static int wait_state(pid_t pid, char want)
{
	int i;

	for (i = 0; i < 10000; i++) {
		char s = proc_state(pid);

		if (s == want)
			return 1;
		if (s == 'Z' || s == 0)
			return 0;
		usleep(1000);
	}
	return 0;
}

static int wait_sleeping(pid_t pid)
{
	return wait_state(pid, 'S');
}

/* Waits (up to 10 s) until the handler has run n times. */
static int wait_handled(volatile int *handled, int n)
{
	int i;

	for (i = 0; i < 10000 && *handled < n; i++)
		usleep(1000);
	return *handled == n;
}

static int start_waiter(struct waiter *w, volatile void *addr, int op, unsigned int val,
			const struct timespec *ts, unsigned int val3)
{
	w->addr = addr;
	w->op = op;
	w->val = val;
	w->ts = ts;
	w->val3 = val3;
	w->ret = 1234;
	w->pid = clone(waiter_fn, w->stack + sizeof(w->stack), CLONE_VM | SIGCHLD, w);
	return w->pid > 0 && wait_sleeping(w->pid);
}

/* Reaps w; its call's result. */
static long end_waiter(struct waiter *w)
{
	int st;

	if (waitpid(w->pid, &st, 0) != w->pid || st != 0)
		return -9999;
	return w->ret;
}

static struct waiter ws[4];

/* ------------------------------------------------------------ errors */

static void test_errors(void)
{
	volatile unsigned int w[2] = { 5, 0 };
	struct timespec ts = { 0, 0 };
	struct timespec bad_ns = { 0, 1000000000 }, neg_ns = { 0, -1 }, neg_s = { -1, 0 };
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	/* An unknown command, the long-gone FUTEX_FD, a realtime clock on
	 * a relative wait or a wake: -ENOSYS. */
	EXPECT_RET("op/unknown", futex(w, 14, 5, 0, 0, 0), -ENOSYS);
	EXPECT_RET("op/high_bits", futex(w, 0x1000 | FUTEX_WAKE, 1, 0, 0, 0), -ENOSYS);
	EXPECT_RET("op/futex_fd", futex(w, FUTEX_FD, 0, 0, 0, 0), -ENOSYS);
	EXPECT_RET("op/wait_clock_realtime", futex(w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 4, 0, 0, 0),
		   -ENOSYS);
	EXPECT_RET("op/wake_clock_realtime", futex(w, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0, 0),
		   -ENOSYS);
	/* The timeout is read first: its errors win over the op's. */
	EXPECT_RET("timeout/efault", futex(w, FUTEX_WAIT, 5, (void *)8, 0, 0), -EFAULT);
	EXPECT_RET("timeout/nsec_1e9", futex(w, FUTEX_WAIT, 5, &bad_ns, 0, 0), -EINVAL);
	EXPECT_RET("timeout/nsec_negative", futex(w, FUTEX_WAIT, 5, &neg_ns, 0, 0), -EINVAL);
	EXPECT_RET("timeout/sec_negative", futex(w, FUTEX_WAIT_BITSET, 5, &neg_s, 0, ~0u), -EINVAL);
	EXPECT_RET("timeout/before_value", futex(w, FUTEX_WAIT, 4, &bad_ns, 0, 0), -EINVAL);
	EXPECT_RET("timeout/before_enosys",
		   futex(w, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 5, &bad_ns, 0, 0), -EINVAL);
	/* A wake takes no timeout: the fourth argument is not read. */
	EXPECT_RET("wake/ignores_arg4", futex(w, FUTEX_WAKE, 1, (void *)8, 0, 0), 0);
	/* Alignment before the address. */
	EXPECT_RET("align/wait", futex((char *)w + 1, FUTEX_WAIT, 5, 0, 0, 0), -EINVAL);
	EXPECT_RET("align/wake_private", futex((char *)w + 2, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0),
		   -EINVAL);
	EXPECT_RET("align/unmapped", futex((void *)9, FUTEX_WAIT, 0, 0, 0, 0), -EINVAL);
	/* Bad addresses. */
	EXPECT_RET("efault/wait_null", futex(0, FUTEX_WAIT, 0, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/wait_private_null", futex(0, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/wait_kernel", futex(KPTR, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/wake_shared_null", futex(0, FUTEX_WAKE, 1, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/wake_kernel", futex(KPTR, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), -EFAULT);
	/* A private wake needs no mapping: it just finds nobody. */
	EXPECT_RET("wake_private_unmapped", futex(0, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
	EXPECT_RET("efault/wake_op_uaddr2", futex(w, FUTEX_WAKE_OP, 1, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/wake_op_readonly",
		   futex(w, FUTEX_WAKE_OP_PRIVATE, 1, 0, ro, FUTEX_OP(FUTEX_OP_SET, 1, 0, 0)),
		   -EFAULT);
	EXPECT_EQ("efault/wake_op_readonly_unchanged", *(volatile int *)ro, 0);
	EXPECT_RET("efault/requeue_uaddr2", futex(w, FUTEX_REQUEUE, 1, 0, 0, 0), -EFAULT);
	EXPECT_RET("efault/cmp_requeue_uaddr1",
		   futex(0, FUTEX_CMP_REQUEUE_PRIVATE, 1, 0, w, 0), -EFAULT);
	/* EAGAIN: the word is not the expected value. */
	EXPECT_RET("eagain/private", futex(w, FUTEX_WAIT_PRIVATE, 4, 0, 0, 0), -EAGAIN);
	EXPECT_RET("eagain/shared", futex(w, FUTEX_WAIT, 6, 0, 0, 0), -EAGAIN);
	EXPECT_RET("eagain/bitset", futex(w, FUTEX_WAIT_BITSET, 6, 0, 0, 1), -EAGAIN);
	EXPECT_RET("eagain/with_timeout", futex(w, FUTEX_WAIT, 6, &ts, 0, 0), -EAGAIN);
	/* Bitset 0 matches nothing: -EINVAL, before the address. */
	EXPECT_RET("bitset0/wait", futex(w, FUTEX_WAIT_BITSET, 5, 0, 0, 0), -EINVAL);
	EXPECT_RET("bitset0/wake", futex(w, FUTEX_WAKE_BITSET, 1, 0, 0, 0), -EINVAL);
	EXPECT_RET("bitset0/before_align", futex((char *)w + 1, FUTEX_WAKE_BITSET, 1, 0, 0, 0),
		   -EINVAL);
	/* Negative requeue counts. */
	EXPECT_RET("requeue/nr_wake_negative", futex(w, FUTEX_REQUEUE, -1, 0, w + 1, 0), -EINVAL);
	EXPECT_RET("requeue/nr_requeue_negative",
		   futex(w, FUTEX_CMP_REQUEUE, 1, (void *)-1L, w + 1, 5), -EINVAL);
	EXPECT_RET("cmp_requeue/eagain", futex(w, FUTEX_CMP_REQUEUE, 1, (void *)1, w + 1, 4),
		   -EAGAIN);
	EXPECT_RET("cmp_requeue/nobody", futex(w, FUTEX_CMP_REQUEUE, 1, (void *)1, w + 1, 5), 0);
	EXPECT_EQ("errors/word_unchanged", w[0], 5);
	munmap(ro, 4096);
}

/* ---------------------------------------------------------- timeouts */

static void test_timeouts(void)
{
	volatile int w = 0;
	struct timespec rel = { 0, 50000000 }, zero = { 0, 0 }, abs;
	long long t0, el;

	t0 = now_ns(CLOCK_MONOTONIC);
	EXPECT_RET("timeout/relative", futex(&w, FUTEX_WAIT_PRIVATE, 0, &rel, 0, 0), -ETIMEDOUT);
	el = now_ns(CLOCK_MONOTONIC) - t0;
	lt_check("timeout/relative_elapsed", el >= 50000000, "elapsed %lld ns < 50 ms", el);
	EXPECT_RET("timeout/zero", futex(&w, FUTEX_WAIT, 0, &zero, 0, 0), -ETIMEDOUT);

	t0 = now_ns(CLOCK_MONOTONIC);
	abs.tv_sec = (t0 + 50000000) / 1000000000;
	abs.tv_nsec = (t0 + 50000000) % 1000000000;
	EXPECT_RET("timeout/bitset_monotonic",
		   futex(&w, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, 0, ~0u), -ETIMEDOUT);
	el = now_ns(CLOCK_MONOTONIC) - t0;
	lt_check("timeout/bitset_monotonic_elapsed", el >= 50000000, "elapsed %lld ns", el);

	t0 = now_ns(CLOCK_REALTIME);
	abs.tv_sec = (t0 + 50000000) / 1000000000;
	abs.tv_nsec = (t0 + 50000000) % 1000000000;
	EXPECT_RET("timeout/bitset_realtime",
		   futex(&w, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &abs, 0, ~0u), -ETIMEDOUT);
	el = now_ns(CLOCK_REALTIME) - t0;
	lt_check("timeout/bitset_realtime_elapsed", el >= 50000000, "elapsed %lld ns", el);
	/* An absolute time in the past: at once. */
	abs.tv_sec = 1;
	abs.tv_nsec = 0;
	EXPECT_RET("timeout/abs_past", futex(&w, FUTEX_WAIT_BITSET, 0, &abs, 0, ~0u), -ETIMEDOUT);
	EXPECT_RET("timeout/abs_past_realtime",
		   futex(&w, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &abs, 0, ~0u),
		   -ETIMEDOUT);
}

/* ------------------------------------------------------------- wakes */

static void test_wake_counts(void)
{
	static volatile int w;
	int i, ok = 1;

	for (i = 0; i < 3; i++)
		ok &= start_waiter(&ws[i], &w, FUTEX_WAIT_PRIVATE, 0, 0, 0);
	EXPECT_TRUE("wake/three_asleep", ok);
	/* A private wait and a shared wake do not meet (Linux keys them apart). */
	EXPECT_RET("wake/shared_misses_private", futex(&w, FUTEX_WAKE, INT_MAX_, 0, 0, 0), 0);
	EXPECT_RET("wake/one", futex(&w, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 1);
	EXPECT_RET("wake/rest", futex(&w, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 2);
	EXPECT_RET("wake/none_left", futex(&w, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 0);
	for (i = 0; i < 3; i++)
		EXPECT_RET(lt_cat("wake/woken_returns_0", i == 0 ? "a" : i == 1 ? "b" : "c"),
			   end_waiter(&ws[i]), 0);
	/* A count of 0 still wakes one: the count is checked after a wake. */
	EXPECT_TRUE("wake/zero_asleep", start_waiter(&ws[0], &w, FUTEX_WAIT, 0, 0, 0));
	EXPECT_RET("wake/zero_wakes_one", futex(&w, FUTEX_WAKE, 0, 0, 0, 0), 1);
	EXPECT_RET("wake/zero_woken", end_waiter(&ws[0]), 0);
}

static void test_bitset(void)
{
	static volatile int w;

	EXPECT_TRUE("bitset/asleep1", start_waiter(&ws[0], &w, FUTEX_WAIT_BITSET_PRIVATE, 0, 0, 1));
	EXPECT_TRUE("bitset/asleep2", start_waiter(&ws[1], &w, FUTEX_WAIT_BITSET_PRIVATE, 0, 0, 2));
	EXPECT_RET("bitset/wake_4", futex(&w, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX_, 0, 0, 4), 0);
	EXPECT_RET("bitset/wake_2", futex(&w, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX_, 0, 0, 2), 1);
	EXPECT_RET("bitset/woken_2", end_waiter(&ws[1]), 0);
	EXPECT_EQ("bitset/1_still_asleep", ws[0].ret, 1234);
	/* A plain wake matches any bitset. */
	EXPECT_RET("bitset/wake_any", futex(&w, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 1);
	EXPECT_RET("bitset/woken_1", end_waiter(&ws[0]), 0);
}

static void test_requeue(void)
{
	static volatile int a, b;
	int i, ok = 1;

	for (i = 0; i < 4; i++)
		ok &= start_waiter(&ws[i], &a, FUTEX_WAIT_PRIVATE, 0, 0, 0);
	EXPECT_TRUE("requeue/four_asleep", ok);
	EXPECT_RET("cmp_requeue/wrong_value",
		   futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &b, 1), -EAGAIN);
	/* Wake 1, move 2: 3 in all; one stays on a. */
	EXPECT_RET("cmp_requeue/count",
		   futex(&a, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)2, &b, 0), 3);
	EXPECT_RET("cmp_requeue/left_on_a", futex(&a, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 1);
	/* Move both back with a plain requeue, waking none. */
	EXPECT_RET("requeue/zero_wake", futex(&b, FUTEX_REQUEUE_PRIVATE, 0, (void *)INT_MAX_, &a, 0),
		   2);
	EXPECT_RET("requeue/b_empty", futex(&b, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 0);
	EXPECT_RET("requeue/zero_zero", futex(&a, FUTEX_REQUEUE_PRIVATE, 0, 0, &b, 0), 0);
	EXPECT_RET("requeue/on_a", futex(&a, FUTEX_WAKE_PRIVATE, INT_MAX_, 0, 0, 0), 2);
	for (i = 0; i < 4; i++)
		EXPECT_RET(lt_cat("requeue/woken", i == 0 ? "a" : i == 1 ? "b" : i == 2 ? "c" : "d"),
			   end_waiter(&ws[i]), 0);
}

/* ----------------------------------------------------------- wake_op */

static void test_wake_op_memory(void)
{
	static const struct { const char *name; int op, oparg; unsigned int before, after; } c[] = {
		{ "set", FUTEX_OP_SET, 7, 100, 7 },
		{ "set_negative", FUTEX_OP_SET, -1, 100, 0xffffffff },
		{ "add", FUTEX_OP_ADD, 5, 100, 105 },
		{ "add_negative", FUTEX_OP_ADD, -2048, 100, (unsigned int)(100 - 2048) },
		{ "or", FUTEX_OP_OR, 0x0f0, 0x101, 0x1f1 },
		{ "andn", FUTEX_OP_ANDN, 0x0f0, 0xfff, 0xf0f },
		{ "xor", FUTEX_OP_XOR, 0x0ff, 0xf0f, 0xff0 },
		{ "shift_set", FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 31, 0, 0x80000000 },
		{ "shift_or", FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT, 4, 1, 0x11 },
		{ "shift_add", FUTEX_OP_ADD | FUTEX_OP_OPARG_SHIFT, 3, 1, 9 },
		{ "shift_andn", FUTEX_OP_ANDN | FUTEX_OP_OPARG_SHIFT, 0, 3, 2 },
		{ "shift_xor", FUTEX_OP_XOR | FUTEX_OP_OPARG_SHIFT, 1, 3, 1 },
		/* An out-of-range shift is taken modulo 32. */
		{ "shift_33", FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 33, 0, 2 },
	};
	volatile unsigned int w1 = 0, w2;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		w2 = c[i].before;
		EXPECT_RET(lt_cat("wake_op", c[i].name),
			   futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &w2,
				 FUTEX_OP(c[i].op, c[i].oparg & 0xfff, FUTEX_OP_CMP_EQ, 0)), 0);
		EXPECT_EQ(lt_cat("wake_op_value", c[i].name), w2, c[i].after);
	}
	/* An unknown operation changes nothing; an unknown comparison comes
	 * after the operation: the word changed, and -ENOSYS all the same. */
	w2 = 10;
	EXPECT_RET("wake_op/bad_op", futex(&w1, FUTEX_WAKE_OP, 1, (void *)1, &w2,
					   FUTEX_OP(5, 1, FUTEX_OP_CMP_EQ, 0)), -ENOSYS);
	EXPECT_EQ("wake_op/bad_op_unchanged", w2, 10);
	EXPECT_RET("wake_op/bad_cmp", futex(&w1, FUTEX_WAKE_OP, 1, (void *)1, &w2,
					    FUTEX_OP(FUTEX_OP_ADD, 1, 6, 0)), -ENOSYS);
	EXPECT_EQ("wake_op/bad_cmp_changed", w2, 11);
}

/*
 * The comparison decides the second wake: a sleeper on w2 is woken
 * exactly when the old value passes.
 */
static void test_wake_op_compare(void)
{
	static const struct { const char *name; int cmp, cmparg; long woken; } c[] = {
		{ "eq_true", FUTEX_OP_CMP_EQ, 10, 1 }, { "eq_false", FUTEX_OP_CMP_EQ, 11, 0 },
		{ "ne_true", FUTEX_OP_CMP_NE, 11, 1 }, { "ne_false", FUTEX_OP_CMP_NE, 10, 0 },
		{ "lt_true", FUTEX_OP_CMP_LT, 11, 1 }, { "lt_false", FUTEX_OP_CMP_LT, 10, 0 },
		{ "le_true", FUTEX_OP_CMP_LE, 10, 1 }, { "le_false", FUTEX_OP_CMP_LE, 9, 0 },
		{ "gt_true", FUTEX_OP_CMP_GT, 9, 1 }, { "gt_false", FUTEX_OP_CMP_GT, 10, 0 },
		{ "ge_true", FUTEX_OP_CMP_GE, 10, 1 }, { "ge_false", FUTEX_OP_CMP_GE, 11, 0 },
		/* cmparg is signed: -1 < 10. */
		{ "gt_negative", FUTEX_OP_CMP_GT, -1, 1 },
	};
	static volatile int w1, w2;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		w2 = 10;
		if (!lt_check(lt_cat("wake_op_cmp_asleep", c[i].name),
			      start_waiter(&ws[0], &w2, FUTEX_WAIT_PRIVATE, 10, 0, 0), "no sleeper"))
			continue;
		/* old 10, stored 10 again: only the comparison differs. */
		EXPECT_RET(lt_cat("wake_op_cmp", c[i].name),
			   futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &w2,
				 FUTEX_OP(FUTEX_OP_SET, 10, c[i].cmp, c[i].cmparg & 0xfff)),
			   c[i].woken);
		if (!c[i].woken)
			futex(&w2, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
		EXPECT_RET(lt_cat("wake_op_cmp_woken", c[i].name), end_waiter(&ws[0]), 0);
	}
	/* Both sides: one on w1, two on w2 with nr_wake2 = 2. */
	w1 = 0;
	w2 = 0;
	start_waiter(&ws[0], &w1, FUTEX_WAIT_PRIVATE, 0, 0, 0);
	start_waiter(&ws[1], &w2, FUTEX_WAIT_PRIVATE, 0, 0, 0);
	start_waiter(&ws[2], &w2, FUTEX_WAIT_PRIVATE, 0, 0, 0);
	EXPECT_RET("wake_op/both", futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)2, &w2,
					 FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 0)), 3);
	EXPECT_EQ("wake_op/both_value", w2, 1);
	EXPECT_RET("wake_op/both_w1", end_waiter(&ws[0]), 0);
	EXPECT_RET("wake_op/both_w2a", end_waiter(&ws[1]), 0);
	EXPECT_RET("wake_op/both_w2b", end_waiter(&ws[2]), 0);
}

/* ----------------------------------------------------- shared futexes */

static int shared_child(volatile int *w)
{
	/* Sleeps until the parent sets 1 and wakes us. */
	long r = futex(w, FUTEX_WAIT, 0, 0, 0, 0);

	return r == 0 && *w == 1 ? 0 : 10 + (int)-r;
}

static void test_shared_fork(void)
{
	volatile int *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int st = -1;
	pid_t pid;

	*w = 0;
	pid = fork();
	if (pid == 0)
		_exit(shared_child(w));
	EXPECT_TRUE("shared_fork/child_asleep", wait_sleeping(pid));
	/* Another process's private futex is not ours. */
	EXPECT_RET("shared_fork/private_misses", futex(w, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
	*w = 1;
	EXPECT_RET("shared_fork/wake", futex(w, FUTEX_WAKE, 1, 0, 0, 0), 1);
	waitpid(pid, &st, 0);
	EXPECT_EQ("shared_fork/child_woken", st, 0);
	munmap((void *)w, 4096);
}

/* One page of a file mapped twice: one futex at two addresses. */
static void test_shared_file(void)
{
	int fd = open("futex_file", O_CREAT | O_RDWR | O_TRUNC, 0644);
	volatile int *m1, *m2;

	ftruncate(fd, 4096);
	m1 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	m2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (!lt_check("shared_file/mapped", m1 != MAP_FAILED && m2 != MAP_FAILED && m1 != m2,
		      "mmap failed"))
		return;
	m1[8] = 0;
	EXPECT_TRUE("shared_file/asleep", start_waiter(&ws[0], m1 + 8, FUTEX_WAIT, 0, 0, 0));
	EXPECT_RET("shared_file/other_word", futex(m2 + 9, FUTEX_WAKE, 1, 0, 0, 0), 0);
	EXPECT_RET("shared_file/private_misses", futex(m2 + 8, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
	EXPECT_RET("shared_file/wake_alias", futex(m2 + 8, FUTEX_WAKE, 1, 0, 0, 0), 1);
	EXPECT_RET("shared_file/woken", end_waiter(&ws[0]), 0);
	/* A shared wait and wake on private memory meet (keyed by the mm). */
	{
		static volatile int p;

		EXPECT_TRUE("shared_private_mem/asleep", start_waiter(&ws[0], &p, FUTEX_WAIT, 0, 0, 0));
		EXPECT_RET("shared_private_mem/wake", futex(&p, FUTEX_WAKE, 1, 0, 0, 0), 1);
		EXPECT_RET("shared_private_mem/woken", end_waiter(&ws[0]), 0);
	}
	munmap((void *)m1, 4096);
	munmap((void *)m2, 4096);
	unlink("futex_file");
}

/* ----------------------------------------------------------- signals */

static volatile int handled;

static void on_signal(int sig)
{
	handled++;
}

static void test_signals(void)
{
	static volatile int w;
	struct sigaction sa = { .sa_handler = on_signal };
	struct timespec long_ts = { 30, 0 }, short_ts = { 0, 400000000 };
	long long t0, el;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, 0);		/* no SA_RESTART */
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR2, &sa, 0);

	/* A handler without SA_RESTART: -EINTR. */
	handled = 0;
	EXPECT_TRUE("eintr/asleep", start_waiter(&ws[0], &w, FUTEX_WAIT_PRIVATE, 0, 0, 0));
	kill(ws[0].pid, SIGUSR1);
	EXPECT_RET("eintr/untimed", end_waiter(&ws[0]), -EINTR);
	EXPECT_EQ("eintr/handler_ran", handled, 1);

	/* SA_RESTART: an untimed wait goes on waiting... */
	EXPECT_TRUE("restart/asleep", start_waiter(&ws[0], &w, FUTEX_WAIT_PRIVATE, 0, 0, 0));
	kill(ws[0].pid, SIGUSR2);
	EXPECT_TRUE("restart/asleep_again", wait_handled(&handled, 2) && wait_sleeping(ws[0].pid));
	EXPECT_EQ("restart/still_waiting", ws[0].ret, 1234);
	EXPECT_RET("restart/wake", futex(&w, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 1);
	EXPECT_RET("restart/woken", end_waiter(&ws[0]), 0);

	/* ... but a timed one ends with -EINTR even under SA_RESTART. */
	EXPECT_TRUE("timed/asleep", start_waiter(&ws[0], &w, FUTEX_WAIT_PRIVATE, 0, &long_ts, 0));
	kill(ws[0].pid, SIGUSR2);
	EXPECT_RET("timed/eintr_under_sa_restart", end_waiter(&ws[0]), -EINTR);
	EXPECT_EQ("timed/handler_ran", handled, 3);

	/* No handler (a stop and a continue): restart_syscall(2) carries the
	 * same deadline on, so the wait still times out, and not before. */
	t0 = now_ns(CLOCK_MONOTONIC);
	EXPECT_TRUE("stop/asleep", start_waiter(&ws[0], &w, FUTEX_WAIT_PRIVATE, 0, &short_ts, 0));
	kill(ws[0].pid, SIGSTOP);
	EXPECT_TRUE("stop/stopped", wait_state(ws[0].pid, 'T'));
	kill(ws[0].pid, SIGCONT);
	EXPECT_RET("stop/timed_out", end_waiter(&ws[0]), -ETIMEDOUT);
	el = now_ns(CLOCK_MONOTONIC) - t0;
	lt_check("stop/elapsed", el >= 400000000 && el < 10000000000LL, "elapsed %lld ns", el);

	/* The same with an untimed wait: it sleeps on until woken. */
	EXPECT_TRUE("stop_untimed/asleep", start_waiter(&ws[0], &w, FUTEX_WAIT, 0, 0, 0));
	kill(ws[0].pid, SIGSTOP);
	EXPECT_TRUE("stop_untimed/stopped", wait_state(ws[0].pid, 'T'));
	kill(ws[0].pid, SIGCONT);
	EXPECT_TRUE("stop_untimed/asleep_again", wait_sleeping(ws[0].pid));
	EXPECT_RET("stop_untimed/wake", futex(&w, FUTEX_WAKE, 1, 0, 0, 0), 1);
	EXPECT_RET("stop_untimed/woken", end_waiter(&ws[0]), 0);
}

/* -------------------------------------------------------- ping-pong */

#define ROUNDS	2000
static volatile int ball;

/* Plays side me (0 or 1): waits while the ball is the other side's. */
static int player(void *arg)
{
	int me = (int)(long)arg, i;

	for (i = 0; i < ROUNDS; i++) {
		while (ball != me)
			futex(&ball, FUTEX_WAIT_PRIVATE, !me, 0, 0, 0);
		ball = !me;
		futex(&ball, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	}
	return 0;
}

static void test_pingpong(void)
{
	static char stack[65536] __attribute__((aligned(16)));
	int st = -1;
	pid_t pid;

	ball = 0;
	pid = clone(player, stack + sizeof(stack), CLONE_VM | SIGCHLD, (void *)1L);
	EXPECT_EQ("pingpong/me", player((void *)0L), 0);
	EXPECT_EQ("pingpong/other", waitpid(pid, &st, 0) == pid ? st : -1, 0);
	EXPECT_EQ("pingpong/ball", ball, 0);
}

/* ------------------------------------------------ the robust list */

/*
 * get_robust_list(2) reports what set_robust_list(2) registered; a
 * thread that exits holding a robust futex gets FUTEX_OWNER_DIED set in
 * it (keeping FUTEX_WAITERS) and one waiter woken; a futex owned by
 * someone else, a misaligned entry and a circular list are survived.
 */
struct rlist { struct rlist *next; };
struct rhead { struct rlist list; long off; struct rlist *pending; };
struct rlock { struct rlist node; volatile unsigned int word; };

static struct rhead rh;
static struct rlock held, other, waited, pend;

static int robust_owner(void *arg)
{
	long tid = lt_syscall0(SYS_gettid);

	rh.list.next = &held.node;
	held.node.next = &other.node;
	other.node.next = &waited.node;
	waited.node.next = &rh.list;
	rh.off = offsetof(struct rlock, word);
	held.word = tid;
	other.word = tid + 1;			/* someone else's */
	waited.word = tid | FUTEX_WAITERS;	/* a sleeper is on it */
	/* Taking pend: not on the list yet, but pending. */
	pend.word = tid;
	rh.pending = &pend.node;
	if (lt_syscall2(SYS_set_robust_list, &rh, sizeof(rh)))
		return 1;
	return 0;				/* and exits owning them */
}

/* A circular list: the walk gives up after ROBUST_LIST_LIMIT entries. */
static struct rhead loop_head;
static struct rlock loop_a, loop_b;

static int robust_loop(void *arg)
{
	loop_head.list.next = &loop_a.node;
	loop_a.node.next = &loop_b.node;
	loop_b.node.next = &loop_a.node;
	loop_head.off = offsetof(struct rlock, word);
	loop_a.word = lt_syscall0(SYS_gettid);
	loop_b.word = 7;
	return lt_syscall2(SYS_set_robust_list, &loop_head, sizeof(loop_head)) ? 1 : 0;
}

/* Entries pointing at unmapped memory: the walk stops there. */
static struct rhead bad_head;

static int robust_bad(void *arg)
{
	bad_head.list.next = (struct rlist *)8;
	bad_head.off = 0;
	return lt_syscall2(SYS_set_robust_list, &bad_head, sizeof(bad_head)) ? 1 : 0;
}

static void test_robust_list(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	void *head = 0;
	size_t len = 0;
	unsigned int tid;
	int st = -1;
	pid_t pid;

	EXPECT_RET("set_robust_list/bad_len", lt_syscall2(SYS_set_robust_list, &rh, 23), -EINVAL);
	EXPECT_RET("get_robust_list/self", lt_syscall3(SYS_get_robust_list, 0, &head, &len), 0);
	EXPECT_EQ("get_robust_list/len", len, 24);
	EXPECT_RET("get_robust_list/esrch", lt_syscall3(SYS_get_robust_list, 99999, &head, &len),
		   -ESRCH);
	EXPECT_RET("get_robust_list/efault_len",
		   lt_syscall3(SYS_get_robust_list, 0, &head, (void *)8), -EFAULT);
	EXPECT_RET("get_robust_list/efault_head",
		   lt_syscall3(SYS_get_robust_list, 0, (void *)8, &len), -EFAULT);

	/* A sleeper on waited.word, woken by the owner's death. */
	waited.word = 0;
	pid = clone(robust_owner, stack + sizeof(stack), CLONE_VM | SIGCHLD, 0);
	waitpid(pid, &st, 0);
	EXPECT_EQ("robust/owner_exit", st, 0);
	tid = pid;
	EXPECT_EQ("robust/held_owner_died", held.word, FUTEX_OWNER_DIED);
	EXPECT_EQ("robust/other_untouched", other.word, tid + 1);
	EXPECT_EQ("robust/waiters_kept", waited.word, FUTEX_WAITERS | FUTEX_OWNER_DIED);
	EXPECT_EQ("robust/pending_owner_died", pend.word, FUTEX_OWNER_DIED);

	pid = clone(robust_loop, stack + sizeof(stack), CLONE_VM | SIGCHLD, 0);
	EXPECT_EQ("robust/loop_exits", waitpid(pid, &st, 0) == pid ? st : -1, 0);
	EXPECT_EQ("robust/loop_marked", loop_a.word, FUTEX_OWNER_DIED);
	EXPECT_EQ("robust/loop_other", loop_b.word, 7);
	pid = clone(robust_bad, stack + sizeof(stack), CLONE_VM | SIGCHLD, 0);
	EXPECT_EQ("robust/bad_pointer_exits", waitpid(pid, &st, 0) == pid ? st : -1, 0);
}

/* A sleeper on a robust futex is woken when its owner dies. */
static struct rhead wh;
static struct rlock wl;
static volatile int owner_go;

static int robust_owner_waits(void *arg)
{
	wh.list.next = &wl.node;
	wl.node.next = &wh.list;
	wh.off = offsetof(struct rlock, word);
	wl.word = lt_syscall0(SYS_gettid) | FUTEX_WAITERS;
	if (lt_syscall2(SYS_set_robust_list, &wh, sizeof(wh)))
		return 1;
	owner_go = 1;
	while (owner_go != 2)
		;
	return 0;
}

static void test_robust_wake(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	int st = -1;
	pid_t pid;

	owner_go = 0;
	pid = clone(robust_owner_waits, stack + sizeof(stack), CLONE_VM | SIGCHLD, 0);
	while (!owner_go)
		sched_yield();
	/* The exit wakes a shared waiter (robust futexes are shared). */
	EXPECT_TRUE("robust_wake/asleep",
		    start_waiter(&ws[0], &wl.word, FUTEX_WAIT, wl.word, 0, 0));
	owner_go = 2;
	waitpid(pid, &st, 0);
	EXPECT_RET("robust_wake/woken", end_waiter(&ws[0]), 0);
	EXPECT_EQ("robust_wake/word", wl.word, FUTEX_WAITERS | FUTEX_OWNER_DIED | 0);
}

/* ------------------------------------------------------------ health */

static void test_healthy(void)
{
	struct timespec ts = { 0, 10000000 };
	volatile int w = 0;
	int st = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(futex(&w, FUTEX_WAIT, 0, &ts, 0, 0) == -ETIMEDOUT ? 42 : 1);
	EXPECT_EQ("kernel_healthy/fork_wait", waitpid(pid, &st, 0), pid);
	EXPECT_EQ("kernel_healthy/status", st, 42 << 8);
}

int main(void)
{
	vfs_setup("/tmp/futex_basic");
	test_errors();
	test_timeouts();
	test_wake_counts();
	test_bitset();
	test_requeue();
	test_wake_op_memory();
	test_wake_op_compare();
	test_shared_fork();
	test_shared_file();
	test_signals();
	test_pingpong();
	test_robust_list();
	test_robust_wake();
	test_healthy();
	return lt_done();
}
