// Who the caller is, and how it ends: getpid, gettid, getppid, the uid
// and gid calls, set_tid_address, set_robust_list, exit and exit_group.
// Children (fork, vfork, wait4) show the values from the other side: a
// child's pid and parent, an orphan's new parent (init), the exit status
// as the parent's wait4 sees it, and when the kernel clears the
// set_tid_address word at exit (only when the memory is still in use).
// The program itself ends with a plain exit.
// lego-test: libc=musl
#define LT_SUITE "ident"
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "lego_test.h"

/* Results of children, in memory they share with init. */
struct shared {
	long pid, tid, ppid, fork_ret;
	long orphan_ppid, orphan_pid;
	int tid_word;
};
static struct shared *sh;

static long wait_child(long pid, int *status)
{
	return lt_syscall4(SYS_wait4, pid, status, 0, 0);
}

static void __attribute__((noreturn)) child_exit(long code)
{
	lt_syscall1(SYS_exit, code);
	for (;;)
		;
}

static void init_ids(void)
{
	EXPECT_RET("init/getpid", lt_syscall0(SYS_getpid), 1);
	EXPECT_RET("init/gettid", lt_syscall0(SYS_gettid), 1);
	/* init's parent is outside the pid namespace: 0. */
	EXPECT_RET("init/getppid", lt_syscall0(SYS_getppid), 0);
	EXPECT_RET("init/getuid", lt_syscall0(SYS_getuid), 0);
	EXPECT_RET("init/geteuid", lt_syscall0(SYS_geteuid), 0);
	EXPECT_RET("init/getgid", lt_syscall0(SYS_getgid), 0);
	EXPECT_RET("init/getegid", lt_syscall0(SYS_getegid), 0);
}

static void thread_pointers(void)
{
	/* struct robust_list_head: three words, 24 bytes on x86-64. */
	static long head[3];
	int word = 5;

	EXPECT_RET("set_tid_address", lt_syscall1(SYS_set_tid_address, &word), 1);
	EXPECT_RET("set_tid_address/null", lt_syscall1(SYS_set_tid_address, 0), 1);
	EXPECT_EQ("set_tid_address/word_untouched", word, 5);
	head[0] = (long)head;
	EXPECT_RET("set_robust_list", lt_syscall2(SYS_set_robust_list, head, 24), 0);
	EXPECT_RET("set_robust_list/len_0", lt_syscall2(SYS_set_robust_list, head, 0), -EINVAL);
	EXPECT_RET("set_robust_list/len_23", lt_syscall2(SYS_set_robust_list, head, 23), -EINVAL);
	EXPECT_RET("set_robust_list/len_25", lt_syscall2(SYS_set_robust_list, head, 25), -EINVAL);
	EXPECT_RET("set_robust_list/len_48", lt_syscall2(SYS_set_robust_list, head, 48), -EINVAL);
	/* The head is only read when the thread exits. */
	EXPECT_RET("set_robust_list/null_head", lt_syscall2(SYS_set_robust_list, 0, 24), 0);
}

static void child_ids(void)
{
	int status = -1;
	long pid = lt_syscall0(SYS_fork);

	if (pid == 0) {
		sh->pid = lt_syscall0(SYS_getpid);
		sh->tid = lt_syscall0(SYS_gettid);
		sh->ppid = lt_syscall0(SYS_getppid);
		sh->fork_ret = pid;
		child_exit(0);
	}
	if (!EXPECT_TRUE("child/fork", pid > 1))
		return;
	EXPECT_RET("child/wait4", wait_child(pid, &status), pid);
	EXPECT_EQ("child/status", status, 0);
	EXPECT_EQ("child/getpid", sh->pid, pid);
	EXPECT_EQ("child/gettid", sh->tid, pid);
	EXPECT_EQ("child/getppid", sh->ppid, 1);
	EXPECT_EQ("child/fork_returns_0", sh->fork_ret, 0);
	/* The parent is unchanged. */
	EXPECT_RET("child/parent_pid", lt_syscall0(SYS_getpid), 1);
}

static void exit_status(const char *name, int nr, long code, int want)
{
	int status = -1;
	long pid = lt_syscall0(SYS_fork);

	if (pid == 0) {
		lt_syscall1(nr, code);
		for (;;)
			;
	}
	EXPECT_RET(lt_cat(name, "wait4"), wait_child(pid, &status), pid);
	/* WIFEXITED, WEXITSTATUS = code & 0xff */
	EXPECT_EQ(lt_cat(name, "status"), status, want << 8);
}

/* A child whose parent ends is adopted by init. */
static void orphan(void)
{
	int status = -1, spins;
	long mid = lt_syscall0(SYS_fork), r;

	if (mid == 0) {
		long gc = lt_syscall0(SYS_fork);

		if (gc == 0) {
			long mid_pid = lt_syscall0(SYS_getppid);

			/* Wait for the middle process to be gone. */
			for (spins = 0; spins < 1000000; spins++) {
				if (lt_syscall0(SYS_getppid) != mid_pid)
					break;
				lt_syscall0(SYS_sched_yield);
			}
			sh->orphan_ppid = lt_syscall0(SYS_getppid);
			sh->orphan_pid = lt_syscall0(SYS_getpid);
			child_exit(0);
		}
		child_exit(gc > 0 ? 0 : 1);
	}
	EXPECT_RET("orphan/wait_middle", wait_child(mid, &status), mid);
	EXPECT_EQ("orphan/middle_status", status, 0);
	/* The grandchild is init's now: wait4(-1) reaps it. */
	r = wait_child(-1, &status);
	EXPECT_TRUE("orphan/reaped_by_init", r > 1 && r != mid);
	EXPECT_EQ("orphan/status", status, 0);
	EXPECT_EQ("orphan/getppid", sh->orphan_ppid, 1);
	EXPECT_EQ("orphan/pid_is_reaped", sh->orphan_pid, r);
	EXPECT_RET("orphan/no_more_children", wait_child(-1, &status), -ECHILD);
}

/*
 * set_tid_address's word is cleared at exit only when other tasks still
 * use the memory (Linux's mm_release: mm_users > 1): never for a
 * process of its own, always for a vfork child, which borrows the
 * parent's memory.
 */
static long vfork_set_tid_exit(int *word)
{
	long r;

	/* The child runs on the parent's stack until it exits: it may
	 * make syscalls but touch no memory. */
	asm volatile("mov %[vfork], %%eax\n\t"
		     "syscall\n\t"
		     "test %%rax, %%rax\n\t"
		     "jnz 1f\n\t"
		     "mov %[sta], %%eax\n\t"
		     "syscall\n\t"
		     "mov %[exit], %%eax\n\t"
		     "mov $5, %%edi\n\t"
		     "syscall\n\t"
		     "1:"
		     : "=&a"(r), "+D"(word)
		     : [vfork] "i"(SYS_vfork), [sta] "i"(SYS_set_tid_address),
		       [exit] "i"(SYS_exit)
		     : "rcx", "r11", "memory");
	return r;
}

static void clear_child_tid(void)
{
	int status = -1;
	long pid;

	sh->tid_word = 12345;
	pid = lt_syscall0(SYS_fork);
	if (pid == 0) {
		lt_syscall1(SYS_set_tid_address, &sh->tid_word);
		child_exit(3);
	}
	EXPECT_RET("clear_tid/fork/wait4", wait_child(pid, &status), pid);
	EXPECT_EQ("clear_tid/fork/status", status, 3 << 8);
	EXPECT_EQ("clear_tid/fork/word_kept", sh->tid_word, 12345);

	sh->tid_word = 12345;
	pid = vfork_set_tid_exit(&sh->tid_word);
	if (!EXPECT_TRUE("clear_tid/vfork", pid > 1))
		return;
	EXPECT_RET("clear_tid/vfork/wait4", wait_child(pid, &status), pid);
	EXPECT_EQ("clear_tid/vfork/status", status, 5 << 8);
	EXPECT_EQ("clear_tid/vfork/word_cleared", sh->tid_word, 0);
}

int main(void)
{
	sh = (struct shared *)lt_syscall6(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE,
					  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!EXPECT_TRUE("setup/mmap_shared", (unsigned long)sh < -4095UL))
		return lt_done();
	init_ids();
	thread_pointers();
	child_ids();
	exit_status("exit_7", SYS_exit, 7, 7);
	exit_status("exit_300", SYS_exit, 300, 300 & 0xff);
	exit_status("exit_minus_1", SYS_exit, -1, 0xff);
	exit_status("exit_group_0x1ff", SYS_exit_group, 0x1ff, 0xff);
	exit_status("exit_group_0x12300", SYS_exit_group, 0x12300, 0);
	exit_status("exit_group_42", SYS_exit_group, 42, 42);
	orphan();
	clear_child_tid();
	EXPECT_RET("no_children_left", wait_child(-1, 0), -ECHILD);
	/* init ends with exit (not exit_group): its status is the result. */
	lt_syscall1(SYS_exit, lt_done());
	return 1;
}
