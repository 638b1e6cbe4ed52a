/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SIGNAL_H
#define _LEGO_SIGNAL_H

/*
 * Signals: the per-thread and per-process state, sending, and delivery
 * on the way back to user mode.  Documentation/core-api/signals.rst has
 * the model; the user ABI is in include/uapi/lego/signal.h.
 *
 * Locking: a thread group's sighand->siglock (taken with interrupts off:
 * timers send signals from interrupt context) guards every pending set,
 * blocked mask, the actions and the group's stop and exit state.  It
 * nests inside tasklist_lock and outside wait-queue, pi and run-queue
 * locks.
 */
#include <lego/types.h>
#include <lego/list.h>
#include <lego/spinlock.h>
#include <lego/atomic.h>
#include <lego/timer.h>
#include <lego/wait.h>
#include <uapi/lego/signal.h>
#include <uapi/lego/resource.h>
#include <asm/ptrace.h>

struct task_struct;
struct tty;

static inline unsigned long sigmask(int sig)
{
	return 1UL << (sig - 1);
}

static inline bool sigismember(const sigset_t *s, int sig)
{
	return s->sig[0] & sigmask(sig);
}

static inline void sigaddset(sigset_t *s, int sig)
{
	s->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *s, int sig)
{
	s->sig[0] &= ~sigmask(sig);
}

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
				 sigmask(SIGTRAP) | sigmask(SIGABRT) | sigmask(SIGFPE) | \
				 sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGSYS) | \
				 sigmask(SIGXCPU) | sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				 sigmask(SIGWINCH) | sigmask(SIGURG))
#define sig_in_mask(sig, m)	((sig) < SIGRTMIN && (sigmask(sig) & (m)))
#define sig_kernel_only(sig)	sig_in_mask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig)	sig_in_mask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) sig_in_mask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig)	sig_in_mask(sig, SIG_KERNEL_IGNORE_MASK)
#define valid_signal(sig)	((unsigned long)(sig) <= _NSIG)

/* A queued signal with its siginfo. */
struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

struct sigpending {
	struct list_head list;		/* struct sigqueue, oldest first */
	sigset_t signal;
};

/* The actions, shared by CLONE_SIGHAND (and so by every thread). */
struct sighand_struct {
	atomic_t count;
	spinlock_t siglock;
	struct sigaction action[_NSIG];
};

/* signal_struct.flags */
#define SIGNAL_STOP_STOPPED	0x1	/* the group stop is complete */
#define SIGNAL_STOP_CONTINUED	0x2	/* continued, not yet reported to wait */
#define SIGNAL_GROUP_EXIT	0x4	/* exit_group or a fatal signal: all go */
#define SIGNAL_CLD_STOPPED	0x10	/* the parent is still to get CLD_STOPPED */
#define SIGNAL_CLD_CONTINUED	0x20	/* ... CLD_CONTINUED */
#define SIGNAL_UNKILLABLE	0x40	/* init: only the signals it handles */

/* An interval timer of setitimer(2), in ns (0: disarmed). */
struct cpu_itimer {
	u64 expires;		/* ITIMER_REAL: CLOCK_MONOTONIC; else CPU time left */
	u64 incr;
};

/*
 * What the threads of one process share (CLONE_THREAD): the process-wide
 * pending signals, the group's exit and stop state, job-control ids, the
 * controlling terminal, the interval timers, the resource limits and the
 * usage of threads gone and children reaped.
 */
struct signal_struct {
	atomic_t sigcnt;		/* references: threads, /proc readers */
	int nr_threads;			/* on thread_head */
	int live;			/* threads that have not begun exiting */
	struct list_head thread_head;
	struct task_struct *curr_target;	/* where to look first */
	struct sigpending shared_pending;
	struct wait_queue_head wait_chldexit;	/* wait4, waitid, vfork */
	int nr_queued;			/* sigqueue entries against RLIMIT_SIGPENDING */
	unsigned int flags;
	/* Signals taken as one of many processes (a process group, kill(-1));
	 * a fork that saw this change restarts (kernel/fork.c). */
	unsigned int multiprocess_signals;
	int group_exit_code;		/* exit status, or the stop signal */
	int group_stop_count;		/* threads still to stop */
	struct task_struct *group_exec_task;	/* de_thread() waits here */
	int notify_count;

	pid_t pgrp, session;		/* process group and session ids */
	bool leader;			/* session leader */
	struct tty *tty;		/* controlling terminal */
	bool is_child_subreaper, has_child_subreaper;

	spinlock_t itimer_lock;		/* the three timers (interrupt-safe) */
	struct timer_list real_timer;	/* ITIMER_REAL */
	struct cpu_itimer it_real, it_virt, it_prof;

	/* Totals of threads that have exited, and of children reaped. */
	u64 utime, stime, cutime, cstime;
	u64 sum_sched_runtime;		/* exited threads' sum_exec_runtime */
	unsigned long nvcsw, nivcsw, cnvcsw, cnivcsw;
	unsigned long minflt, majflt, cminflt, cmajflt;
	unsigned long maxrss, cmaxrss;	/* KiB */

	struct rlimit rlim[RLIM_NLIMITS];
};

/* The limit in force for the calling process. */
#define rlimit(r)	(current->signal->rlim[r].rlim_cur)

struct ksignal {
	struct sigaction ka;
	siginfo_t info;
	int sig;
};

/* The siginfo of the sending helpers, when none is supplied. */
#define SEND_SIG_NOINFO	((const siginfo_t *)0)	/* from a user: SI_USER, the sender's ids */
#define SEND_SIG_PRIV	((const siginfo_t *)1)	/* from the kernel: SI_KERNEL */

/* Sending. */
int send_sig_info(int sig, const siginfo_t *info, struct task_struct *t);
int group_send_sig_info(int sig, const siginfo_t *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *t, int priv);
int kill_pgrp(pid_t pgrp, int sig, int priv);
void force_sig(int sig);
void force_sig_fault(int sig, int code, void __user *addr);
void force_sigsegv(int sig);
void signal_wake_up(struct task_struct *t, bool fatal);
void recalc_sigpending(void);
bool fatal_signal_pending(struct task_struct *t);

/* Delivery (arch/x86/kernel/signal.c calls the generic half). */
void do_signal(struct pt_regs *regs);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig);
void set_current_blocked(sigset_t *newset);
bool unhandled_signal(struct task_struct *t, int sig);
int restore_altstack(const stack_t __user *uss);
int save_altstack(stack_t __user *uss, unsigned long sp);
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);

/* The temporary mask of sigsuspend, ppoll and pselect6. */
int set_user_sigmask(const void __user *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);
void restore_saved_sigmask(void);
sigset_t *sigmask_to_save(void);

/* Process life (kernel/fork.c, kernel/exit.c). */
struct signal_struct *alloc_signal_struct(void);
void put_signal_struct(struct signal_struct *sig);
struct sighand_struct *alloc_sighand(void);
void put_sighand(struct sighand_struct *sh);
void flush_signal_handlers(struct task_struct *t);
void flush_sigqueue(struct sigpending *q);
void exit_signals(struct task_struct *t);
int zap_other_threads(struct task_struct *p);
bool do_notify_parent(struct task_struct *t, int sig);
void exit_itimers(struct signal_struct *sig);
void it_real_fn(struct timer_list *t);
void itimer_tick(struct task_struct *t, u64 user_ns, u64 sys_ns);
bool is_current_pgrp_orphaned(void);
void kill_orphaned_pgrp(struct task_struct *t, struct task_struct *parent);
void print_fatal_signal(int sig);
void signals_init(const char *cmdline);
void thread_group_cputime(struct task_struct *p, u64 *ut, u64 *st);
void do_coredump(const siginfo_t *info);

/* Faults in user mode (arch/x86). */
void user_fault_report(struct pt_regs *regs, int trapnr, unsigned long addr,
		       unsigned long error_code, int sig);

#endif /* _LEGO_SIGNAL_H */
