/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SCHED_H
#define _LEGO_SCHED_H

#include <lego/types.h>
#include <lego/list.h>
#include <lego/compiler.h>
#include <asm/processor.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <uapi/lego/resource.h>
#include <lego/wait.h>

#define TASK_COMM_LEN	16

/* task->state */
#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_ZOMBIE		16
#define TASK_DEAD		64

/* task->thread_flags: work for the return to user mode. */
#define TIF_SIGPENDING		0
#define TIF_NEED_RESCHED	1
#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
#define _TIF_WORK_MASK		(_TIF_SIGPENDING | _TIF_NEED_RESCHED)

struct mm_struct;
struct files_struct;
struct fs_struct;

struct cred {
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
};

struct task_struct {
	struct thread_struct thread;
	volatile long state;
	unsigned long thread_flags;
	pid_t pid;			/* thread id */
	pid_t tgid;			/* process id */
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;
	struct task_struct *parent;
	struct list_head children;	/* my children */
	struct list_head sibling;	/* in parent->children */
	struct wait_queue_head wait_chldexit;	/* wait4 sleeps here */
	struct task_struct *vfork_parent;	/* waiting for our exec or exit */
	int exit_signal;		/* sent to the parent at exit (SIGCHLD) */
	pid_t pgid, sid;
	struct list_head run_list;	/* on the run queue */
	struct list_head tasks;		/* all tasks */
	struct list_head sleep_list;	/* waiting for wakeup_ns */
	u64 wakeup_ns;
	int exit_code;
	int __user *clear_child_tid;
	int __user *set_child_tid;
	void __user *robust_list;
	size_t robust_list_len;
	struct cred cred;
	struct rlimit rlim[RLIM_NLIMITS];
	void *fpu_state;		/* FXSAVE/XSAVE area, 64-byte aligned */
	void *strace;			/* kernel/strace.c's per-task state */
};

DECLARE_PER_CPU(struct task_struct *, current_task);
DECLARE_PER_CPU(unsigned long, cpu_current_top_of_stack);
DECLARE_PER_CPU(unsigned long, rsp_scratch);
DECLARE_PER_CPU(int, __preempt_count);

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}
#define current get_current()

/* The user context saved at syscall/interrupt entry: always at the top of
 * the task's kernel stack, however deeply interrupts nest below it. */
static inline struct pt_regs *task_pt_regs(const struct task_struct *tsk)
{
	return (struct pt_regs *)tsk->thread.sp0 - 1;
}
#define current_pt_regs()	task_pt_regs(current)

static inline int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_or_fetch(&t->thread_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_and_fetch(&t->thread_flags, ~(1UL << flag), __ATOMIC_SEQ_CST);
}

static inline bool test_tsk_thread_flag(const struct task_struct *t, int flag)
{
	return READ_ONCE(t->thread_flags) & (1UL << flag);
}

void sched_init(void);
void schedule(void);
void schedule_tail(void);
void wake_up_process(struct task_struct *t);
void scheduler_tick(void);
void cpu_idle_loop(void) __noreturn;
long sleep_until_ns(u64 deadline_ns);	/* 0, or -EINTR on a signal */

struct task_struct *alloc_task(const char *comm);
void free_task(struct task_struct *t);
struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *comm);
void copy_thread(struct task_struct *t, int (*fn)(void *), void *arg);
void switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *find_task_by_pid(pid_t pid);
pid_t alloc_pid(void);
extern struct list_head task_list;
extern struct task_struct init_task;

__noreturn void do_exit(int code);
__noreturn void do_group_exit(int code);
void report_ni_syscall(long nr);
long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid, unsigned long tls);

#endif /* _LEGO_SCHED_H */
