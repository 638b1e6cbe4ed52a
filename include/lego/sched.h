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
#include <lego/cpumask.h>
#include <lego/spinlock.h>
#include <lego/preempt.h>
#include <lego/smp.h>
#include <lego/atomic.h>
#include <lego/restart_block.h>
#include <lego/signal.h>

#define TASK_COMM_LEN	16

/*
 * task->state, Linux's values.  A task sleeps by setting its state with
 * set_current_state() and then calling schedule(); a wakeup of a matching
 * state makes it TASK_RUNNING again (wake_up_state()).
 */
#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_STOPPED		4
#define TASK_DEAD		64	/* its last schedule(): then freed */
#define TASK_WAKEKILL		128	/* a fatal signal wakes it */
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->exit_state: a zombie waits for its parent's wait; a dead task is
 * being released. */
#define EXIT_ZOMBIE		16
#define EXIT_DEAD		32

/* task->jobctl: this thread's part in a group stop. */
#define JOBCTL_STOP_PENDING	0x1	/* stop when next in get_signal() */
#define JOBCTL_STOP_CONSUME	0x2	/* and count in group_stop_count */
#define JOBCTL_STOP_DEQUEUED	0x4	/* a stop signal was taken: stop unless SIGCONT */

/* task->flags */
#define PF_EXITING		0x00000004	/* in do_exit() */
#define PF_SIGNALED		0x00000400	/* killed by a signal */
#define PF_KTHREAD		0x00200000	/* a kernel thread */

/* task->thread_flags: work for the return to user mode. */
#define TIF_SIGPENDING		0
#define TIF_NEED_RESCHED	1
#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
#define _TIF_WORK_MASK		(_TIF_SIGPENDING | _TIF_NEED_RESCHED)

struct mm_struct;
struct files_struct;
struct fs_struct;

/* A thread's identity (kernel/syscall/cred.c, Documentation/core-api/cred.rst). */
struct group_info;
struct cred {
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	struct group_info *group_info;	/* supplementary groups; NULL: none */
};

struct task_struct {
	struct thread_struct thread;
	volatile long state;
	unsigned int flags;		/* PF_* */
	unsigned long thread_flags;
	/* Scheduling (kernel/sched.c). */
	int cpu;			/* the run queue it is on or last ran on */
	int on_cpu;			/* running, or still switching out */
	int on_rq;			/* runnable: queued or running */
	cpumask_t cpus_allowed;		/* sched_setaffinity */
	spinlock_t pi_lock;		/* serialises wakeups and migration */
	struct list_head run_list;	/* in its run queue */
	u64 utime, stime;		/* ns in user and kernel mode, by tick */
	/* ns on a CPU, exactly: the clock read at each switch (rq->lock). */
	u64 sum_exec_runtime, exec_start;
	unsigned long nvcsw, nivcsw;	/* voluntary, involuntary switches */
	pid_t pid;			/* thread id */
	pid_t tgid;			/* process id */
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;
	/* The process tree: parent is the thread that forked us (or our
	 * reaper); only thread-group leaders are on a children list. */
	struct task_struct *parent;
	struct list_head children;	/* my children */
	struct list_head sibling;	/* in parent->children */
	struct task_struct *vfork_parent;	/* waiting for our exec or exit */
	int exit_signal;		/* sent to the parent at exit; -1: a thread */
	int pdeath_signal;		/* prctl(PR_SET_PDEATHSIG) */
	bool no_new_privs;		/* prctl(PR_SET_NO_NEW_PRIVS) */
	/* What sched_setattr and setpriority set (kernel/syscall/sched.c);
	 * the round-robin scheduler does not weigh them. */
	int nice, policy;
	unsigned int rt_priority;
	bool sched_reset_on_fork;
	bool did_exec;			/* setpgid on us: EACCES */
	struct list_head tasks;		/* all tasks */
	struct list_head reap_node;	/* on a list of zombies to release */
	int exit_code;			/* wait status */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	atomic_t usage;			/* get_task_struct/put_task_struct */
	/* The thread group (kernel/signal.c has the rules). */
	struct task_struct *group_leader;
	struct list_head thread_node;	/* in signal->thread_head */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked, real_blocked;
	sigset_t saved_sigmask;		/* put back after sigsuspend & co. */
	bool restore_sigmask;
	struct sigpending pending;	/* thread-directed signals */
	unsigned int jobctl;
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	int __user *clear_child_tid;
	int __user *set_child_tid;
	void __user *robust_list;	/* set_robust_list, 64-bit layout */
	void __user *compat_robust_list;	/* the i386 one's, 32-bit layout */
	struct cred cred;
	void *fpu_state;		/* FXSAVE/XSAVE area, 64-byte aligned */
	void *strace;			/* kernel/strace.c's per-task state */
	struct restart_block restart_block;	/* restart_syscall(2) */
};

DECLARE_PER_CPU(struct task_struct *, current_task);
DECLARE_PER_CPU(unsigned long, cpu_current_top_of_stack);

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

/* A store of the sleep state, then a full barrier, so the condition the
 * caller checks next is read after the state is visible to wakers. */
#define set_current_state(s)	do {					\
	__atomic_store_n(&current->state, (s), __ATOMIC_SEQ_CST);	\
	smp_mb();							\
} while (0)
#define __set_current_state(s)	WRITE_ONCE(current->state, (s))

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

static inline bool need_resched(void)
{
	return test_tsk_thread_flag(current, TIF_NEED_RESCHED);
}

static inline bool signal_pending(const struct task_struct *t)
{
	return test_tsk_thread_flag(t, TIF_SIGPENDING);
}

void sched_init(void);
void sched_late_init(void);
struct task_struct *idle_task_create(int cpu);
void schedule(void);
void preempt_schedule_irq(void);
void schedule_tail(struct task_struct *prev);
bool wake_up_process(struct task_struct *t);
bool wake_up_state(struct task_struct *t, long state);
void wake_up_new_task(struct task_struct *t);
void scheduler_tick(struct pt_regs *regs);
void cpu_idle_loop(void) __noreturn;
long sleep_until_ns(u64 deadline_ns);	/* 0, or -EINTR on a signal */
/* Sleeps (state already set) until woken or deadline_ns; 0 on timeout,
 * else the ns that were left. */
u64 schedule_timeout_ns(u64 deadline_ns);
int sched_setaffinity(struct task_struct *t, const cpumask_t *mask);
/* fork: the policy, priority and nice a child inherits (kernel/syscall/sched.c). */
void sched_fork_attrs(struct task_struct *p, const struct task_struct *parent);
void wait_task_inactive(struct task_struct *t);
void touch_softlockup_watchdog(void);

struct task_struct *alloc_task(const char *comm);
void free_task(struct task_struct *t);
void release_task(struct task_struct *t);

static inline void get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
}

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		free_task(t);
}

static inline bool thread_group_leader(const struct task_struct *t)
{
	return t->group_leader == t;
}

static inline bool thread_group_empty(const struct task_struct *t)
{
	return t->signal->nr_threads == 1;
}

#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)
struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *comm);
void copy_thread(struct task_struct *t, int (*fn)(void *), void *arg);
int copy_thread_tls(struct task_struct *p, bool settls, unsigned long tls);
struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *find_task_by_pid(pid_t pid);
u64 task_sched_runtime(struct task_struct *t);
extern struct list_head task_list;
extern spinlock_t tasklist_lock;
extern struct task_struct init_task;

__noreturn void do_exit(int code);
__noreturn void do_group_exit(int code);
void report_ni_syscall(long nr);
struct task_struct *user_mode_thread(int (*fn)(void *), void *arg, const char *comm);
void exit_mm_release(struct task_struct *tsk);
struct rusage;
void task_rusage(struct task_struct *p, int who, struct rusage *r);
int put_rusage(struct rusage __user *ru, const struct rusage *r);

#endif /* _LEGO_SCHED_H */
