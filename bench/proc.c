// SPDX-License-Identifier: GPL-2.0
/*
 * Processes and threads: fork, vfork+exec, a pipe ping-pong, signal
 * delivery, a futex ping-pong and thread creation.  Everything the
 * children and threads run is raw system calls: no C library state is
 * shared with them.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include "bench.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* <linux/futex.h>, which musl does not ship. */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128

s64 bench_fork_exit_wait(long n)
{
	long pid = sys0(SYS_fork), st, bad = 0;
	s64 t;

	if (pid == 0)
		sys_exit(0);
	if (pid < 0)
		return bench_na("fork: %e", sys_err(pid));
	st = bench_wait(pid);
	if (st)
		return bench_na("the forked child ended with wait status %ld", st);
	t = TIMED_LOOP(n, {
		pid = sys0(SYS_fork);
		if (pid == 0)
			sys_exit(0);
		bad |= bench_wait(pid);
	});
	if (bad)
		return bench_na("a fork or wait4 failed in the loop");
	return t;
}

/*
 * long vfork_exec(path, argv, envp): the vfork child shares the parent's
 * stack until it execs, so it must not touch it: the whole child side is
 * here, in registers.  SYSCALL keeps every register but rax, rcx and r11,
 * so path, argv and envp are still in rdi, rsi, rdx for execve.  A failed
 * execve exits with 127.  Returns the child's pid (or -errno).
 */
long vfork_exec(const char *path, char *const argv[], char *const envp[]);
asm(".text\n"
    ".globl vfork_exec\n"
    ".type vfork_exec, @function\n"
    "vfork_exec:\n\t"
    "movl $" STR(SYS_vfork) ", %eax\n\t"
    "syscall\n\t"
    "testq %rax, %rax\n\t"
    "jnz 1f\n\t"
    "movl $" STR(SYS_execve) ", %eax\n\t"
    "syscall\n\t"
    "movl $127, %edi\n\t"
    "movl $" STR(SYS_exit_group) ", %eax\n\t"
    "syscall\n"
    "1:\tret\n\t"
    ".size vfork_exec, . - vfork_exec\n");

s64 bench_vfork_exec_wait(long n)
{
	static char path[] = "/bench/tiny";
	static char *argv[] = { path, NULL }, *envp[] = { NULL };
	long pid = vfork_exec(path, argv, envp), st;
	long bad = 0;
	s64 t;

	if (pid < 0)
		return bench_na("vfork: %e", sys_err(pid));
	st = bench_wait(pid);
	if (st != 0)
		return bench_na("the child of vfork+exec of %s ended with wait status %ld", path, st);
	t = TIMED_LOOP(n, {
		pid = vfork_exec(path, argv, envp);
		bad |= bench_wait(pid);
	});
	if (bad)
		return bench_na("a vfork+exec+wait4 failed in the loop (%ld)", bad);
	return t;
}

/*
 * One round trip: the parent writes a byte into one pipe, the child reads
 * it and writes it back through the other.  On one CPU that is two
 * context switches and four syscalls.
 */
s64 bench_pipe_pingpong(long n)
{
	int to[2], from[2];
	long r = sys1(SYS_pipe, to), pid, bad = 0;
	volatile char c;
	s64 t;

	if (r)
		return bench_na("pipe: %e", sys_err(r));
	r = sys1(SYS_pipe, from);
	if (r)
		return bench_na("pipe: %e", sys_err(r));
	pid = sys0(SYS_fork);
	if (pid == 0) {
		for (long i = 0; i < n; i++) {
			if (sys3(SYS_read, to[0], &c, 1) != 1)
				sys_exit(1);
			if (sys3(SYS_write, from[1], &c, 1) != 1)
				sys_exit(1);
		}
		sys_exit(0);
	}
	if (pid < 0)
		return bench_na("fork: %e", sys_err(pid));
	c = 'x';	/* the page is the parent's own before read() writes it */
	t = TIMED_LOOP(n, {
		bad |= sys3(SYS_write, to[1], &c, 1) ^ 1;
		bad |= sys3(SYS_read, from[0], &c, 1) ^ 1;
	});
	r = bench_wait(pid);
	sys1(SYS_close, to[0]);
	sys1(SYS_close, to[1]);
	sys1(SYS_close, from[0]);
	sys1(SYS_close, from[1]);
	if (r != 0 || bad)
		return bench_na("a pipe read or write failed (child's wait status %ld)", r);
	return t;
}

/*
 * Signals.  The kernel's struct sigaction for rt_sigaction (x86-64): the
 * handler, flags, the restorer, then a 64-bit mask.  x86-64 needs
 * SA_RESTORER: the handler returns into the restorer, which calls
 * rt_sigreturn.
 */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

void bench_sigreturn(void);
asm(".text\n"
    ".globl bench_sigreturn\n"
    ".type bench_sigreturn, @function\n"
    "bench_sigreturn:\n\t"
    "movl $" STR(SYS_rt_sigreturn) ", %eax\n\t"
    "syscall\n\t"
    "hlt\n\t"			/* not reached: rt_sigreturn does not return here */
    ".size bench_sigreturn, . - bench_sigreturn\n");

static volatile long handled;

static void on_usr1(int sig)
{
	handled++;
}

s64 bench_signal_raise(long n)
{
	struct ksigaction sa = { on_usr1, SA_RESTORER, bench_sigreturn, 0 };
	long pid = sys0(SYS_getpid), r;
	s64 t;

	r = sys4(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 8);
	if (r)
		return bench_na("rt_sigaction: %e", sys_err(r));
	handled = 0;
	r = sys2(SYS_kill, pid, SIGUSR1);
	if (r)
		return bench_na("kill: %e", sys_err(r));
	if (handled != 1)
		return bench_na("kill(self, SIGUSR1) did not run the handler before returning");
	handled = 0;
	t = TIMED_LOOP(n, r |= sys2(SYS_kill, pid, SIGUSR1));
	if (r)
		return bench_na("kill failed in the loop: %e", sys_err(r));
	if (handled != n)
		return bench_na("the handler ran %ld times for %ld signals", (long)handled, n);
	return t;
}

/*
 * Threads, made with clone directly (the thread runs only raw syscalls,
 * so it needs no TLS of its own).
 *
 * long clone_thread(flags, stack_top, ptid, ctid, fn, arg): the new
 * thread starts on stack_top (16-byte aligned) with fn and arg popped off
 * it, calls fn(arg) and exits (exit, not exit_group: the thread only).
 */
long clone_thread(unsigned long flags, void *stack_top, int *ptid, int *ctid,
		  void (*fn)(void *), void *arg);
asm(".text\n"
    ".globl clone_thread\n"
    ".type clone_thread, @function\n"
    "clone_thread:\n\t"
    "subq $16, %rsi\n\t"
    "movq %r8, (%rsi)\n\t"
    "movq %r9, 8(%rsi)\n\t"
    "movq %rcx, %r10\n\t"	/* ctid: the 4th syscall argument is r10 */
    "xorl %r8d, %r8d\n\t"	/* tls: unused without CLONE_SETTLS */
    "movl $" STR(SYS_clone) ", %eax\n\t"
    "syscall\n\t"
    "testq %rax, %rax\n\t"
    "jnz 1f\n\t"
    "popq %rax\n\t"
    "popq %rdi\n\t"
    "call *%rax\n\t"
    "movl $" STR(SYS_exit) ", %eax\n\t"
    "xorl %edi, %edi\n\t"
    "syscall\n\t"
    "hlt\n"
    "1:\tret\n\t"
    ".size clone_thread, . - clone_thread\n");

#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
#define STACK_SIZE	(64 * 1024)

static char thread_stack[STACK_SIZE] __attribute__((aligned(16)));

struct ts {
	long sec, nsec;
};

static long futex(volatile int *uaddr, int op, int val)
{
	return sys4(SYS_futex, uaddr, op, val, 0);
}

/*
 * Join as pthread_join does: the kernel clears *tid and wakes it when the
 * thread exits (CLONE_CHILD_CLEARTID).  That wake is a shared futex
 * operation, so the wait is too.
 */
static void join(volatile int *tid)
{
	int t;

	while ((t = *tid) != 0)
		futex(tid, FUTEX_WAIT, t);
}

/* The first join, before anything is timed, gives up after a second
 * instead of hanging the run on a kernel that never clears the tid. */
static long probe_join(volatile int *tid)
{
	struct ts limit = { 1, 0 };
	int t;

	while ((t = *tid) != 0)
		if (sys4(SYS_futex, tid, FUTEX_WAIT, t, &limit) == -ETIMEDOUT)
			return -ETIMEDOUT;
	return 0;
}

static void thread_exits(void *arg)
{
}

static volatile int tid_word;

static long start_thread(void (*fn)(void *), void *arg)
{
	tid_word = 0;	/* a page of our own for CLONE_PARENT_SETTID to write */
	return clone_thread(THREAD_FLAGS, thread_stack + STACK_SIZE, (int *)&tid_word,
			    (int *)&tid_word, fn, arg);
}

s64 bench_thread_create_join(long n)
{
	long r = futex(&tid_word, FUTEX_WAKE, 1);
	s64 t;

	if (r < 0)
		return bench_na("futex(FUTEX_WAKE): %e", sys_err(r));
	r = start_thread(thread_exits, NULL);
	if (r < 0)
		return bench_na("clone(CLONE_THREAD|CLONE_VM|...): %e", sys_err(r));
	if (probe_join(&tid_word))
		return bench_na("the thread's exit did not clear and wake its tid (CLONE_CHILD_CLEARTID)");
	r = 0;
	t = TIMED_LOOP(n, {
		long tid = start_thread(thread_exits, NULL);

		if (tid < 0) {
			r = tid;
			break;
		}
		join(&tid_word);
	});
	if (r)
		return bench_na("clone failed in the loop: %e", sys_err(r));
	return t;
}

/*
 * The ping-pong word: the main thread sets it to 1 and wakes the other,
 * which sets it back to 0 and wakes the main thread.  Each side sleeps in
 * FUTEX_WAIT while the word still holds the value it is waiting to see
 * change, so no wakeup is lost.
 */
static volatile int ball;

static void pong(void *arg)
{
	long n = (long)arg;

	for (long i = 0; i < n; i++) {
		while (__atomic_load_n(&ball, __ATOMIC_ACQUIRE) == 0)
			futex(&ball, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0);
		__atomic_store_n(&ball, 0, __ATOMIC_RELEASE);
		futex(&ball, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1);
	}
}

s64 bench_futex_pingpong(long n)
{
	long r = futex(&ball, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1);
	s64 t;

	if (r < 0)
		return bench_na("futex(FUTEX_WAKE_PRIVATE): %e", sys_err(r));
	ball = 0;
	r = start_thread(pong, (void *)n);
	if (r < 0)
		return bench_na("clone(CLONE_THREAD|CLONE_VM|...): %e", sys_err(r));
	t = TIMED_LOOP(n, {
		__atomic_store_n(&ball, 1, __ATOMIC_RELEASE);
		futex(&ball, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1);
		while (__atomic_load_n(&ball, __ATOMIC_ACQUIRE) == 1)
			futex(&ball, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 1);
	});
	join(&tid_word);
	return t;
}

int main(int argc, char **argv, char **envp)
{
	return bench_main("proc", argc, argv, envp);
}
