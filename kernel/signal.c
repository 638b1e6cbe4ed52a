// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, as Linux's kernel/signal.c defines them for user space: the
 * pending sets of a thread and of its process, sending with POSIX's
 * rules (standard signals do not queue twice, real-time ones queue with
 * their siginfo), choosing the thread that takes a process-directed
 * signal, default actions (ignore, terminate, stop, continue), group
 * stop and SIGCONT, the syscalls, and fault signals from the CPU.
 * Documentation/core-api/signals.rst describes the model and its locking;
 * the x86-64 frames are in arch/x86/kernel/signal.c.
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/cmdline.h>
#include <lego/time.h>
#include <lego/tty.h>
#include <uapi/lego/sched.h>
#include <uapi/lego/time.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>
#include <asm/uaccess.h>

/* ---------------------------------------------------------- allocation */

struct signal_struct *alloc_signal_struct(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	atomic_set(&sig->sigcnt, 1);
	INIT_LIST_HEAD(&sig->thread_head);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	init_waitqueue_head(&sig->wait_chldexit);
	spin_lock_init(&sig->itimer_lock);
	timer_setup(&sig->real_timer, it_real_fn);
	return sig;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (sig && atomic_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);
		kfree(sig);
	}
}

struct sighand_struct *alloc_sighand(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	atomic_set(&sh->count, 1);
	spin_lock_init(&sh->siglock);
	return sh;
}

void put_sighand(struct sighand_struct *sh)
{
	if (sh && atomic_dec_and_test(&sh->count))
		kfree(sh);
}

/* Counted against RLIMIT_SIGPENDING of the receiving process. */
static struct sigqueue *sigqueue_alloc(struct signal_struct *sig)
{
	struct sigqueue *q;

	if ((unsigned long)sig->nr_queued >= sig->rlim[RLIMIT_SIGPENDING].rlim_cur)
		return NULL;
	q = kmalloc(sizeof(*q), GFP_KERNEL);
	if (q)
		sig->nr_queued++;
	return q;
}

static void sigqueue_free(struct signal_struct *sig, struct sigqueue *q)
{
	if (sig)
		sig->nr_queued--;
	kfree(q);
}

void flush_sigqueue(struct sigpending *q)
{
	struct sigqueue *e, *n;

	list_for_each_entry_safe(e, n, &q->list, list) {
		list_del(&e->list);
		kfree(e);
	}
	q->signal.sig[0] = 0;
}

/* Drops the signals of mask from q (siglock held). */
static void flush_sigqueue_mask(struct signal_struct *sig, unsigned long mask,
				struct sigpending *q)
{
	struct sigqueue *e, *n;

	if (!(q->signal.sig[0] & mask))
		return;
	q->signal.sig[0] &= ~mask;
	list_for_each_entry_safe(e, n, &q->list, list) {
		if (sigmask(e->info.si_signo) & mask) {
			list_del(&e->list);
			sigqueue_free(sig, e);
		}
	}
}

/* exec: caught signals go back to SIG_DFL; ignored ones stay ignored. */
void flush_signal_handlers(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct sigaction *ka = &t->sighand->action[i];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = NULL;
		ka->sa_mask.sig[0] = 0;
	}
}

/* ------------------------------------------------------ pending state */

/*
 * The CPU's own signals first (a fault's signal must be the one the
 * handler sees, whatever else is pending), then the lowest number, as
 * Linux's next_signal().
 */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
			  sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static int next_signal(const struct sigpending *p, const sigset_t *blocked)
{
	unsigned long x = p->signal.sig[0] & ~blocked->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

static bool has_pending(const struct task_struct *t)
{
	unsigned long blocked = t->blocked.sig[0];

	return (t->pending.signal.sig[0] & ~blocked) ||
	       (t->signal->shared_pending.signal.sig[0] & ~blocked);
}

/* Whether t has anything to do in get_signal(); siglock held. */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if ((t->jobctl & JOBCTL_STOP_PENDING) || has_pending(t) ||
	    (t->signal->flags & SIGNAL_GROUP_EXIT)) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	return false;
}

/* After a change of current's mask or pending sets; siglock held. */
void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

/* Takes one instance of sig from list into info (siglock held). */
static void collect_signal(struct signal_struct *sig, int signr,
			   struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != signr)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		sigdelset(&list->signal, signr);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		sigqueue_free(sig, first);
	} else {
		/* Sent without room to queue its siginfo: what kill gives. */
		memset(info, 0, sizeof(*info));
		info->si_signo = signr;
		info->si_code = SI_USER;
	}
}

/* The next signal for t outside mask, its siginfo in info; 0 if none. */
static int dequeue_signal(struct task_struct *t, const sigset_t *mask, siginfo_t *info)
{
	struct signal_struct *sig = t->signal;
	int signr = next_signal(&t->pending, mask);

	if (signr) {
		collect_signal(sig, signr, &t->pending, info);
	} else {
		signr = next_signal(&sig->shared_pending, mask);
		if (signr)
			collect_signal(sig, signr, &sig->shared_pending, info);
	}
	if (signr && sig_kernel_stop(signr))
		t->jobctl |= JOBCTL_STOP_DEQUEUED;
	recalc_sigpending();
	return signr;
}

/* ----------------------------------------------------------- sending */

/*
 * Makes t notice a new signal: the flag, then a wakeup from an
 * interruptible sleep -- and for SIGKILL or a group exit, from a stop --
 * or, if it runs on another CPU, an interrupt so it passes the
 * return-to-user work before it goes back to user mode.
 */
void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	if (wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_STOPPED | TASK_WAKEKILL : 0)))
		return;
	if (READ_ONCE(t->on_cpu) && READ_ONCE(t->cpu) != smp_processor_id())
		smp_send_reschedule(READ_ONCE(t->cpu));
}

static __sighandler_t handler_of(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa_handler;
}

/*
 * A signal nobody will see: ignored, and not blocked (a blocked signal
 * stays pending, since the handler may change before it is unblocked).
 * init takes only the signals it handles, unless the kernel forces one.
 */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t h = handler_of(t, sig);

	/* SIGKILL and SIGSTOP never reach init. */
	if (t->tgid == 1 && sig_kernel_only(sig))
		return true;
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && h == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return h == SIG_IGN || (h == SIG_DFL && sig_kernel_ignore(sig));
}

static bool sig_fatal(struct task_struct *t, int sig)
{
	return !sig_kernel_ignore(sig) && !sig_kernel_stop(sig) &&
	       handler_of(t, sig) == SIG_DFL;
}

static void clear_jobctl_stop(struct task_struct *t)
{
	t->jobctl &= ~(JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED);
}

/*
 * What sending sig does before it is queued (siglock held), as POSIX
 * says: a stop signal discards pending SIGCONTs; SIGCONT discards
 * pending stop signals, resumes every thread and ends a group stop,
 * which the parent is told about by the process itself (get_signal()).
 * Returns whether sig is to be queued at all.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false;		/* dying already: nothing more matters */
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(signal, sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(signal, sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_sigqueue_mask(signal, SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(signal, SIG_KERNEL_STOP_MASK, &t->pending);
			clear_jobctl_stop(t);
			wake_up_state(t, TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			signal->flags = why | SIGNAL_STOP_CONTINUED |
					(signal->flags & SIGNAL_UNKILLABLE);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Whether thread t can take sig now. */
static bool wants_signal(int sig, struct task_struct *t)
{
	if (sigismember(&t->blocked, sig) || (t->flags & PF_EXITING))
		return false;
	if (sig == SIGKILL)
		return true;
	if (t->state == TASK_STOPPED)
		return false;
	return READ_ONCE(t->on_cpu) || !signal_pending(t);
}

/*
 * A signal is pending for p (or, group, for its process): wake the thread
 * that will take it.  A fatal signal for the whole process starts the
 * group exit at once, every thread getting SIGKILL, as Linux's
 * complete_signal(); one that dumps core is left to the thread that takes
 * it.
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (!group || thread_group_empty(p)) {
		return;			/* it waits until p unblocks it */
	} else {
		struct task_struct *first = signal->curr_target ? signal->curr_target : p;

		t = first;
		while (!wants_signal(sig, t)) {
			t = list_next_entry(t, thread_node);
			if (&t->thread_node == &signal->thread_head)
				t = list_first_entry(&signal->thread_head, struct task_struct,
						     thread_node);
			if (t == first)
				return;	/* every thread blocks it */
		}
		signal->curr_target = t;
	}
	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig) && !sig_kernel_coredump(sig) &&
	    (!(signal->flags & SIGNAL_UNKILLABLE) || sig == SIGKILL)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(p, t) {
			clear_jobctl_stop(t);
			sigaddset(&t->pending.signal, SIGKILL);
			signal_wake_up(t, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

static void fill_default_info(siginfo_t *info, int sig, const siginfo_t *what)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	if (what == SEND_SIG_NOINFO) {
		info->si_code = SI_USER;
		info->si_pid = current->tgid;
		info->si_uid = current->cred.uid;
	} else {
		info->si_code = SI_KERNEL;
	}
}

/*
 * Queues sig for t (group: for its process); siglock held.  A standard
 * signal already pending is not queued again; a real-time one always is,
 * with its siginfo, unless RLIMIT_SIGPENDING is reached: then a queued
 * one (sigqueue, a timer) fails with EAGAIN and one from kill is marked
 * pending without its siginfo.
 */
static int __send_signal(int sig, const siginfo_t *info, struct task_struct *t,
			 bool group, bool force)
{
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = group ? &t->signal->shared_pending : &t->pending;
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	if (sig == SIGKILL || (t->flags & PF_KTHREAD))
		goto out_set;
	q = sigqueue_alloc(t->signal);
	if (q) {
		if (info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV)
			fill_default_info(&q->info, sig, info);
		else
			q->info = *info;
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV &&
		   info->si_code != SI_USER) {
		return -EAGAIN;
	}
out_set:
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, group);
	return 0;
}

static int do_send_sig(int sig, const siginfo_t *info, struct task_struct *t, bool group)
{
	unsigned long flags;
	int r;

	if (!t->sighand)
		return -ESRCH;		/* released */
	flags = spin_lock_irqsave(&t->sighand->siglock);
	r = __send_signal(sig, info, t, group, false);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return r;
}

/* A thread-directed signal (tkill, tgkill, the kernel's own). */
int send_sig_info(int sig, const siginfo_t *info, struct task_struct *t)
{
	return do_send_sig(sig, info, t, false);
}

/* A process-directed signal (kill). */
int group_send_sig_info(int sig, const siginfo_t *info, struct task_struct *p)
{
	return do_send_sig(sig, info, p, true);
}

/* Linux's send_sig(): priv means from the kernel (SI_KERNEL). */
int send_sig(int sig, struct task_struct *t, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, t);
}

/*
 * A signal the current thread must take, caused by what it just did (a
 * fault): blocked or ignored, it is unblocked and reset to the default,
 * so it cannot be escaped -- and neither can init, as on Linux.
 */
static void force_sig_info(const siginfo_t *info)
{
	struct task_struct *t = current;
	struct sigaction *ka = &t->sighand->action[info->si_signo - 1];
	unsigned long flags = spin_lock_irqsave(&t->sighand->siglock);
	int sig = info->si_signo;

	if (ka->sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		ka->sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
		recalc_sigpending_tsk(t);
	}
	if (ka->sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	__send_signal(sig, info, t, false, true);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

void force_sig(int sig)
{
	siginfo_t info;

	fill_default_info(&info, sig, SEND_SIG_PRIV);
	force_sig_info(&info);
}

void force_sig_fault(int sig, int code, void __user *addr)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	force_sig_info(&info);
}

/*
 * A signal frame could not be built or read back: SIGSEGV, and if that
 * was SIGSEGV's own handler, the default action, so it cannot loop.
 */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV) {
		unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

		current->sighand->action[SIGSEGV - 1].sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	force_sig(SIGSEGV);
}

bool fatal_signal_pending(struct task_struct *t)
{
	return signal_pending(t) && sigismember(&t->pending.signal, SIGKILL);
}

/* Whether a fault's signal ends t without a handler seeing it (the
 * console report is made only then). */
bool unhandled_signal(struct task_struct *t, int sig)
{
	__sighandler_t h = handler_of(t, sig);

	return h == SIG_DFL || h == SIG_IGN;
}

/* ------------------------------------------------------- job control */

/* Utime and stime in clock ticks (USER_HZ), as siginfo and times() give. */
static long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* The process's CPU time: its live threads' and its dead ones'. */
void thread_group_cputime(struct task_struct *p, u64 *ut, u64 *st)
{
	struct task_struct *t;

	*ut = p->signal->utime;
	*st = p->signal->stime;
	for_each_thread(p, t) {
		*ut += t->utime;
		*st += t->stime;
	}
}

static void fill_sigchld(siginfo_t *info, struct task_struct *p, int code, int status)
{
	u64 ut, st;

	memset(info, 0, sizeof(*info));
	info->si_signo = SIGCHLD;
	info->si_code = code;
	info->si_pid = p->tgid;
	info->si_uid = p->cred.uid;
	info->si_status = status;
	thread_group_cputime(p, &ut, &st);
	info->si_utime = ns_to_clock_t(ut);
	info->si_stime = ns_to_clock_t(st);
}

/*
 * The leader of p's process has exited and its threads are gone: tell
 * the parent with exit_signal (CLD_EXITED or CLD_KILLED) and wake its
 * wait.  True if nobody will wait for p -- the parent ignores SIGCHLD or
 * set SA_NOCLDWAIT -- so p is to be released now.  tasklist_lock held.
 */
bool do_notify_parent(struct task_struct *p, int sig)
{
	struct task_struct *parent = p->parent;
	struct sighand_struct *psig = parent->sighand;
	int status = p->exit_code, code;
	bool autoreap = false;
	siginfo_t info;
	unsigned long flags;

	if (p->signal->flags & SIGNAL_GROUP_EXIT)
		status = p->signal->group_exit_code;
	if (status & 0x7f) {
		code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		status &= 0x7f;
	} else {
		code = CLD_EXITED;
		status = (status >> 8) & 0xff;
	}
	fill_sigchld(&info, p, code, status);
	info.si_signo = sig;
	flags = spin_lock_irqsave(&psig->siglock);
	if (sig == SIGCHLD && (psig->action[SIGCHLD - 1].sa_handler == SIG_IGN ||
			       (psig->action[SIGCHLD - 1].sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		__send_signal(sig, &info, parent, true, false);
	spin_unlock_irqrestore(&psig->siglock, flags);
	wake_up_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * p's process stopped or continued: SIGCHLD (CLD_STOPPED, CLD_CONTINUED)
 * to the parent unless it set SA_NOCLDSTOP or ignores SIGCHLD, and its
 * wait (WUNTRACED, WCONTINUED) woken.  tasklist_lock held.
 */
static void do_notify_parent_cldstop(struct task_struct *p, int why)
{
	struct task_struct *parent = p->group_leader->parent;
	struct sighand_struct *psig;
	siginfo_t info;
	unsigned long flags;

	if (!parent || !parent->sighand)
		return;
	psig = parent->sighand;
	fill_sigchld(&info, p->group_leader, why,
		     why == CLD_CONTINUED ? SIGCONT : p->signal->group_exit_code & 0x7f);
	flags = spin_lock_irqsave(&psig->siglock);
	if (psig->action[SIGCHLD - 1].sa_handler != SIG_IGN &&
	    !(psig->action[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP))
		__send_signal(SIGCHLD, &info, parent, true, false);
	spin_unlock_irqrestore(&psig->siglock, flags);
	wake_up_all(&parent->signal->wait_chldexit);
}

/* This thread's part in a group stop is done; true if the stop is now
 * complete (siglock held). */
static bool participate_group_stop(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;
	bool consume = t->jobctl & JOBCTL_STOP_CONSUME;

	clear_jobctl_stop(t);
	if (consume && sig->group_stop_count)
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		sig->flags = SIGNAL_STOP_STOPPED | (sig->flags & SIGNAL_UNKILLABLE);
		return true;
	}
	return false;
}

/*
 * Stops the current thread for a group stop: the first thread to take a
 * stop signal (signr) asks every other thread to stop too; the last one
 * to stop completes it and tells the parent.  Called with siglock held,
 * returns with it released; false (lock still held) if the stop was
 * cancelled meanwhile (SIGCONT, an exit).
 */
static bool do_signal_stop(int signr, unsigned long *flags)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	bool complete;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (!(current->jobctl & JOBCTL_STOP_DEQUEUED) ||
		    (sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task)
			return false;
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 1;
		current->jobctl |= JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
		for_each_thread(current, t) {
			if (t == current || t->state == TASK_STOPPED || (t->flags & PF_EXITING))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
			sig->group_stop_count++;
			signal_wake_up(t, false);
		}
	}
	complete = participate_group_stop(current);
	/* The state is set under siglock: a SIGCONT after the unlock finds
	 * the task stopped and wakes it; schedule() then returns at once. */
	set_current_state(TASK_STOPPED);
	spin_unlock_irqrestore(&current->sighand->siglock, *flags);
	if (complete) {
		*flags = spin_lock_irqsave(&tasklist_lock);
		do_notify_parent_cldstop(current, CLD_STOPPED);
		spin_unlock_irqrestore(&tasklist_lock, *flags);
	}
	schedule();
	return true;
}

/* Processes: thread-group leaders on the task list. */
#define for_each_process(p) \
	list_for_each_entry(p, &task_list, tasks) if (thread_group_leader(p) && p->signal)

/*
 * A process group is orphaned when no member has a parent in another
 * group of the same session (POSIX 3.266): nobody is left to resume its
 * stopped jobs.  ignored: a process to leave out (the one exiting).
 * tasklist_lock held.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored)
{
	struct task_struct *p;

	for_each_process(p) {
		struct task_struct *parent = p->parent;

		if (p->signal->pgrp != pgrp || p == ignored ||
		    (p->exit_state && thread_group_empty(p)) || !parent ||
		    parent->tgid == 1 || !parent->signal)
			continue;
		if (parent->signal->pgrp != pgrp && parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->pgrp == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/* Stop signals other than SIGSTOP do nothing to an orphaned group. */
bool is_current_pgrp_orphaned(void)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	bool r = will_become_orphaned_pgrp(current->signal->pgrp, NULL);

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

static void __kill_pgrp(pid_t pgrp, int sig, const siginfo_t *info, int *found);

/*
 * t's process exits (parent NULL) or one of its children is reparented
 * away from parent: if that orphans a process group with stopped
 * members, they get SIGHUP then SIGCONT (POSIX _exit()).  tasklist_lock
 * held.
 */
void kill_orphaned_pgrp(struct task_struct *t, struct task_struct *parent)
{
	pid_t pgrp = t->signal->pgrp;
	struct task_struct *ignored = t;
	int found = 0;

	if (!parent)
		parent = t->parent;
	else
		ignored = NULL;
	if (!parent || !parent->signal)
		return;
	if (parent->signal->pgrp != pgrp && parent->signal->session == t->signal->session &&
	    will_become_orphaned_pgrp(pgrp, ignored) && has_stopped_jobs(pgrp)) {
		__kill_pgrp(pgrp, SIGHUP, SEND_SIG_PRIV, &found);
		__kill_pgrp(pgrp, SIGCONT, SEND_SIG_PRIV, &found);
	}
}

/* ------------------------------------------------------------ delivery */

static int print_fatal_signals;

/* Boot: Linux's print-fatal-signals= command-line switch. */
void __init signals_init(const char *cmdline)
{
	char v[4];

	if (cmdline_get(cmdline, "print-fatal-signals", v, sizeof(v)))
		print_fatal_signals = v[0] == '1';
}

/* Linux's print-fatal-signals=1 report of a signal that kills. */
void print_fatal_signal(int sig)
{
	if (!print_fatal_signals)
		return;
	pr_info("potentially unexpected fatal signal %d.\n", sig);
	show_regs(current_pt_regs());
}

/*
 * The next signal the current thread must act on, with its action in
 * ksig; false when there is none.  Default actions are carried out here:
 * ignore (dropped), stop (the group stop), terminate and core (the group
 * exit, which does not return).  Pending stop and continue reports to
 * the parent are sent first.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	unsigned long flags;
	int signr;

relock:
	flags = spin_lock_irqsave(&sighand->siglock);
	if (signal->flags & (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)) {
		int why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;

		signal->flags &= ~(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED);
		spin_unlock_irqrestore(&sighand->siglock, flags);
		flags = spin_lock_irqsave(&tasklist_lock);
		do_notify_parent_cldstop(current, why);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		goto relock;
	}
	for (;;) {
		struct sigaction *ka;

		if (signal->flags & SIGNAL_GROUP_EXIT) {
			int code = signal->group_exit_code;

			sigdelset(&current->pending.signal, SIGKILL);
			recalc_sigpending();
			spin_unlock_irqrestore(&sighand->siglock, flags);
			do_exit(code);
		}
		if ((current->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0, &flags))
			goto relock;
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa_handler == SIG_IGN)
			continue;
		if (ka->sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa_flags & SA_RESETHAND)
				ka->sa_handler = SIG_DFL;
			break;
		}
		if (sig_kernel_ignore(signr))
			continue;
		/* init only dies of what the kernel forced on it */
		if ((signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			if (signr != SIGSTOP) {
				spin_unlock_irqrestore(&sighand->siglock, flags);
				if (is_current_pgrp_orphaned())
					goto relock;
				flags = spin_lock_irqsave(&sighand->siglock);
			}
			if (do_signal_stop(signr, &flags))
				goto relock;
			continue;
		}
		spin_unlock_irqrestore(&sighand->siglock, flags);
		current->flags |= PF_SIGNALED;
		print_fatal_signal(signr);
		/* A core action dumps core if it may (fs/coredump.c), leaving
		 * the group exit status, WCOREDUMP in it if a core was written. */
		if (sig_kernel_coredump(signr))
			do_coredump(&ksig->info);
		do_group_exit(signr);
	}
	spin_unlock_irqrestore(&sighand->siglock, flags);
	ksig->sig = signr;
	return signr > 0;
}

/* Installs newset as the blocked mask (never SIGKILL or SIGSTOP). */
void set_current_blocked(sigset_t *newset)
{
	unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

	newset->sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	current->blocked = *newset;
	recalc_sigpending();
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

/* The mask a signal frame saves: sigsuspend's caller's, if one is set. */
sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
}

/*
 * A handler's frame is on the user stack: block what the handler must
 * not be interrupted by (sa_mask, and its own signal unless SA_NODEFER),
 * and forget a temporary mask -- the frame holds it and sigreturn
 * restores it.  If the frame could not be written, SIGSEGV instead.
 */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	sigset_t set;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	set.sig[0] = current->blocked.sig[0] | ksig->ka.sa_mask.sig[0];
	if (!(ksig->ka.sa_flags & SA_NODEFER))
		sigaddset(&set, ksig->sig);
	current->restore_sigmask = false;
	set_current_blocked(&set);
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(&current->saved_sigmask);
	}
}

/*
 * ppoll, pselect6 (and epoll_pwait): install the caller's mask for the
 * call.  The old one is put back by restore_saved_sigmask_unless() --
 * or, when the call was interrupted, after the handler's frame saved it.
 */
int set_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	sigset_t set;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, umask, sizeof(set)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(&set);
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted)
		WARN_ON_ONCE(!signal_pending(current));
	else
		restore_saved_sigmask();
}

/* --------------------------------------------------------- sigaltstack */

bool on_sig_stack(unsigned long sp)
{
	struct task_struct *t = current;

	/* With SS_AUTODISARM the stack is forgotten while on it (Linux). */
	if (t->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static void sas_ss_reset(struct task_struct *t)
{
	t->sas_ss_sp = 0;
	t->sas_ss_size = 0;
	t->sas_ss_flags = SS_DISABLE;
}

/*
 * The uc_stack of a signal frame; an SS_AUTODISARM stack is released.
 * Its ss_flags are the ones sigaltstack was given, stored as they were
 * (Linux's __save_altstack since 4.7): SS_ONSTACK if the program passed
 * it, never computed from sp as sigaltstack's read-back is.  sp is the
 * interrupted stack pointer, kept for the callers' sake.
 */
int save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	stack_t st = {
		.ss_sp = (void __user *)t->sas_ss_sp,
		.ss_flags = t->sas_ss_flags,
		.ss_size = t->sas_ss_size,
	};

	if (copy_to_user(uss, &st, sizeof(st)))
		return -EFAULT;
	if (t->sas_ss_flags & SS_AUTODISARM)
		sas_ss_reset(t);
	return 0;
}

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	if (oss) {
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (ss) {
		int mode = ss->ss_flags & ~SS_FLAG_BITS;

		if (on_sig_stack(sp))
			return -EPERM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			t->sas_ss_sp = 0;
			t->sas_ss_size = 0;
		} else {
			if (ss->ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			t->sas_ss_sp = (unsigned long)ss->ss_sp;
			t->sas_ss_size = ss->ss_size;
		}
		t->sas_ss_flags = ss->ss_flags;
	}
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int r;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	r = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, current_pt_regs()->sp);
	if (!r && uoss && copy_to_user(uoss, &old, sizeof(old)))
		r = -EFAULT;
	return r;
}

#ifdef CONFIG_IA32_EMULATION
/* i386 stack_t: 12 bytes. */
struct compat_sigaltstack {
	compat_uptr_t ss_sp;
	s32 ss_flags;
	u32 ss_size;
};
_Static_assert(sizeof(struct compat_sigaltstack) == 12, "compat stack_t");

COMPAT_SYSCALL_DEFINE2(sigaltstack, const struct compat_sigaltstack __user *, uss,
		       struct compat_sigaltstack __user *, uoss)
{
	struct compat_sigaltstack c;
	stack_t new, old;
	int r;

	if (uss) {
		if (copy_from_user(&c, uss, sizeof(c)))
			return -EFAULT;
		new.ss_sp = compat_ptr(c.ss_sp);
		new.ss_flags = c.ss_flags;
		new.ss_size = c.ss_size;
	}
	r = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, current_pt_regs()->sp);
	if (r || !uoss)
		return r;
	c.ss_sp = (unsigned long)old.ss_sp;
	c.ss_flags = old.ss_flags;
	c.ss_size = old.ss_size;
	return copy_to_user(uoss, &c, sizeof(c)) ? -EFAULT : 0;
}
#endif

/* rt_sigreturn: the uc_stack of the frame becomes the alternate stack
 * again (errors other than a fault are ignored, as Linux's). */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	do_sigaltstack(&new, NULL, current_pt_regs()->sp);
	return 0;
}

/* --------------------------------------------------------------- exit */

/*
 * exec in a process with several threads: every other thread gets
 * SIGKILL; returns how many there are.  siglock held.
 */
int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		clear_jobctl_stop(t);
		if (t == p)
			continue;
		count++;
		if (t->exit_state)
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/*
 * The current thread begins to exit: it takes no more signals, the
 * process's pending ones go to a thread that can take them, and its part
 * in a group stop counts as done.
 */
void exit_signals(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;
	bool notify = false;
	unsigned long flags;
	struct task_struct *o;

	flags = spin_lock_irqsave(&t->sighand->siglock);
	t->flags |= PF_EXITING;
	sig->live--;
	if (!thread_group_empty(t) && !(sig->flags & SIGNAL_GROUP_EXIT)) {
		unsigned long shared = sig->shared_pending.signal.sig[0];

		for_each_thread(t, o)
			if (o != t && (shared & ~o->blocked.sig[0]))
				signal_wake_up(o, false);
		if (t->jobctl & JOBCTL_STOP_PENDING)
			notify = participate_group_stop(t);
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	if (notify) {
		flags = spin_lock_irqsave(&tasklist_lock);
		do_notify_parent_cldstop(t, CLD_STOPPED);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
}

#ifdef CONFIG_IA32_EMULATION
/*
 * Which member of the siginfo union a signal uses (Linux's
 * siginfo_layout()): by si_code, and for the codes the kernel gives
 * (0 < si_code < SI_KERNEL) by the signal, up to the last code the
 * signal defines (NSIGILL 11, NSIGFPE 15, NSIGSEGV 10, NSIGBUS 5,
 * NSIGTRAP 6, NSIGCHLD 6, NSIGPOLL 6, NSIGSYS 2).  The i386 union differs
 * from the 64-bit one in every member (4-byte longs and pointers, no
 * padding before it), so each is converted field by field.
 */
enum si_layout { SIL_KILL, SIL_TIMER, SIL_POLL, SIL_FAULT, SIL_CHLD, SIL_RT, SIL_SYS };

static enum si_layout siginfo_layout(int sig, int code)
{
	static const struct { unsigned char limit, layout; } by_sig[] = {
		[SIGILL] = { 11, SIL_FAULT }, [SIGFPE] = { 15, SIL_FAULT },
		[SIGSEGV] = { 10, SIL_FAULT }, [SIGBUS] = { 5, SIL_FAULT },
		[SIGTRAP] = { 6, SIL_FAULT }, [SIGCHLD] = { 6, SIL_CHLD },
		[SIGIO] = { 6, SIL_POLL }, [SIGSYS] = { 2, SIL_SYS },
	};

	if (code > SI_USER && code < SI_KERNEL) {
		if (sig > 0 && sig < (int)ARRAY_SIZE(by_sig) && by_sig[sig].limit &&
		    code <= by_sig[sig].limit)
			return by_sig[sig].layout;
		return code <= 6 ? SIL_POLL : SIL_KILL;
	}
	if (code == SI_TIMER)
		return SIL_TIMER;
	if (code == SI_SIGIO)
		return SIL_POLL;
	return code < 0 ? SIL_RT : SIL_KILL;
}

/*
 * Moves the fields of the union member a signal uses between the 64-bit
 * siginfo k and the i386 one c, towards c if to_c (Linux's
 * copy_siginfo_to_user32), else towards k (copy_siginfo_from_user32).
 * One list of fields for both directions; pointers are widened or
 * narrowed on the way.
 */
#define SI_MOVE(kf, cf)	do { if (to_c) (cf) = (kf); else (kf) = (cf); } while (0)
#define SI_MOVE_PTR(kf, cf)							\
	do {									\
		if (to_c)							\
			(cf) = (compat_uptr_t)(__force unsigned long)(kf);	\
		else								\
			(kf) = compat_ptr(cf);					\
	} while (0)

static void siginfo_move(siginfo_t *k, struct compat_siginfo *c, bool to_c)
{
	SI_MOVE(k->si_errno, c->si_errno);
	SI_MOVE(k->si_code, c->si_code);
	switch (siginfo_layout(k->si_signo, k->si_code)) {
	case SIL_RT:
		SI_MOVE(k->si_int, c->f.rt.value);
		fallthrough;
	case SIL_KILL:
		SI_MOVE(k->si_pid, c->f.rt.pid);
		SI_MOVE(k->si_uid, c->f.rt.uid);
		break;
	case SIL_TIMER:
		SI_MOVE(k->si_tid, c->f.timer.tid);
		SI_MOVE(k->si_overrun, c->f.timer.overrun);
		SI_MOVE(k->si_int, c->f.timer.value);
		break;
	case SIL_CHLD:
		SI_MOVE(k->si_pid, c->f.chld.pid);
		SI_MOVE(k->si_uid, c->f.chld.uid);
		SI_MOVE(k->si_status, c->f.chld.status);
		SI_MOVE(k->si_utime, c->f.chld.utime);
		SI_MOVE(k->si_stime, c->f.chld.stime);
		break;
	case SIL_FAULT:
		SI_MOVE_PTR(k->si_addr, c->f.fault.addr);
		SI_MOVE(k->si_addr_lsb, c->f.fault.addr_lsb);
		break;
	case SIL_POLL:
		SI_MOVE(k->si_band, c->f.poll.band);
		SI_MOVE(k->si_fd, c->f.poll.fd);
		break;
	case SIL_SYS:
		SI_MOVE_PTR(k->_sifields._sigsys._call_addr, c->f.sys.call_addr);
		SI_MOVE(k->_sifields._sigsys._syscall, c->f.sys.syscall);
		SI_MOVE(k->_sifields._sigsys._arch, c->f.sys.arch);
		break;
	}
}

/* The siginfo in i386 layout: the signal frame, rt_sigtimedwait. */
void siginfo_to_compat(struct compat_siginfo *c, const siginfo_t *k)
{
	siginfo_t t = *k;

	memset(c, 0, sizeof(*c));
	c->si_signo = k->si_signo;
	siginfo_move(&t, c, true);
}

int put_compat_siginfo(struct compat_siginfo __user *u, const siginfo_t *k)
{
	struct compat_siginfo c;

	siginfo_to_compat(&c, k);
	return copy_to_user(u, &c, sizeof(c)) ? -EFAULT : 0;
}

/* An i386 siginfo from user space for signal sig: the layout is sig's,
 * not the si_signo given, as Linux's. */
int get_compat_siginfo(siginfo_t *k, const struct compat_siginfo __user *u, int sig)
{
	struct compat_siginfo c;

	if (copy_from_user(&c, u, sizeof(c)))
		return -EFAULT;
	memset(k, 0, sizeof(*k));
	k->si_signo = sig;
	k->si_code = c.si_code;		/* the layout depends on it */
	siginfo_move(k, &c, false);
	return 0;
}
#endif

/* ------------------------------------------------------------ syscalls */

static bool sigset_size_ok(size_t sigsetsize)
{
	return sigsetsize == sizeof(sigset_t);
}

/* A handler that would leave sig ignored: its pending instances go. */
static bool handler_ignores(__sighandler_t h, int sig)
{
	return h == SIG_IGN || (h == SIG_DFL && sig_kernel_ignore(sig));
}

static int do_sigaction(int sig, struct sigaction *act, struct sigaction *oact)
{
	struct task_struct *t;
	struct sigaction *k;
	unsigned long flags;

	if (sig < 1 || sig > _NSIG || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	flags = spin_lock_irqsave(&current->sighand->siglock);
	if (oact) {
		*oact = *k;
		oact->sa_flags &= SA_KNOWN_FLAGS;
	}
	if (act) {
		act->sa_flags &= SA_KNOWN_FLAGS;
		act->sa_mask.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		*k = *act;
		if (handler_ignores(act->sa_handler, sig)) {
			flush_sigqueue_mask(current->signal, sigmask(sig),
					    &current->signal->shared_pending);
			for_each_thread(current, t)
				flush_sigqueue_mask(current->signal, sigmask(sig), &t->pending);
		}
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct sigaction new, old;
	int r;

	if (!sigset_size_ok(sigsetsize))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	r = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!r && oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return r;
}

#ifdef CONFIG_IA32_EMULATION
/* i386 struct sigaction (the kernel's, asm/signal.h): 20 bytes. */
struct compat_sigaction {
	compat_uptr_t sa_handler;
	u32 sa_flags;
	compat_uptr_t sa_restorer;
	u32 sa_mask[2];
};
_Static_assert(sizeof(struct compat_sigaction) == 20, "compat_sigaction");

COMPAT_SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct compat_sigaction __user *, act,
		       struct compat_sigaction __user *, oact, u32, sigsetsize)
{
	struct compat_sigaction c;
	struct sigaction new, old;
	int r;

	if (!sigset_size_ok(sigsetsize))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&c, act, sizeof(c)))
			return -EFAULT;
		new.sa_handler = (__sighandler_t)compat_ptr(c.sa_handler);
		new.sa_flags = c.sa_flags;
		new.sa_restorer = (__sigrestore_t)compat_ptr(c.sa_restorer);
		new.sa_mask.sig[0] = c.sa_mask[0] | ((u64)c.sa_mask[1] << 32);
	}
	r = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (r || !oact)
		return r;
	c.sa_handler = (unsigned long)old.sa_handler;
	c.sa_flags = old.sa_flags;
	c.sa_restorer = (unsigned long)old.sa_restorer;
	c.sa_mask[0] = old.sa_mask.sig[0];
	c.sa_mask[1] = old.sa_mask.sig[0] >> 32;
	return copy_to_user(oact, &c, sizeof(c)) ? -EFAULT : 0;
}

/* i386 struct old_sigaction (asm/signal.h): 16 bytes, the mask the
 * 32-bit old_sigset_t of signals 1-32. */
struct compat_old_sigaction {
	compat_uptr_t sa_handler;
	u32 sa_mask;
	u32 sa_flags;
	compat_uptr_t sa_restorer;
};
_Static_assert(sizeof(struct compat_old_sigaction) == 16, "compat_old_sigaction");
_Static_assert(__builtin_offsetof(struct compat_old_sigaction, sa_flags) == 8,
	       "compat_old_sigaction.sa_flags");

/* sigaction (67), before rt_sigaction: a new mask covers signals 1-32
 * only, an old one reports them only. */
COMPAT_SYSCALL_DEFINE3(sigaction, int, sig, const struct compat_old_sigaction __user *, act,
		       struct compat_old_sigaction __user *, oact)
{
	struct compat_old_sigaction c;
	struct sigaction new, old;
	int r;

	if (act) {
		if (copy_from_user(&c, act, sizeof(c)))
			return -EFAULT;
		new.sa_handler = (__sighandler_t)compat_ptr(c.sa_handler);
		new.sa_flags = c.sa_flags;
		new.sa_restorer = (__sigrestore_t)compat_ptr(c.sa_restorer);
		new.sa_mask.sig[0] = c.sa_mask;
	}
	r = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (r || !oact)
		return r;
	c.sa_handler = (unsigned long)old.sa_handler;
	c.sa_mask = old.sa_mask.sig[0];
	c.sa_flags = old.sa_flags;
	c.sa_restorer = (unsigned long)old.sa_restorer;
	return copy_to_user(oact, &c, sizeof(c)) ? -EFAULT : 0;
}

/* signal (48): SysV semantics, the handler reset on delivery
 * (SA_RESETHAND) and its signal not blocked in it (SA_NODEFER); returns
 * the old handler. */
COMPAT_SYSCALL_DEFINE2(signal, int, sig, compat_uptr_t, handler)
{
	struct sigaction new = { 0 }, old;
	int r;

	new.sa_handler = (__sighandler_t)compat_ptr(handler);
	new.sa_flags = SA_RESETHAND | SA_NODEFER;
	r = do_sigaction(sig, &new, &old);
	return r ? r : (long)(unsigned long)old.sa_handler;
}

#endif

/*
 * Blocking a signal the process has pending hands it to a thread that
 * does not block it (Linux's retarget_shared_pending) -- here, wakes
 * every thread that could take one.
 */
static void retarget_shared(unsigned long newly_blocked)
{
	unsigned long shared = current->signal->shared_pending.signal.sig[0] & newly_blocked;
	struct task_struct *t;

	if (!shared || thread_group_empty(current))
		return;
	for_each_thread(current, t)
		if (t != current && (shared & ~t->blocked.sig[0]))
			signal_wake_up(t, false);
}

/*
 * sigprocmask's how applied to the blocked mask: set holds the caller's
 * bits, covered the bits its sigset type can name (all 64 for
 * rt_sigprocmask, the low 32 for the i386 old_sigset_t), so SIG_SETMASK
 * of the old call keeps the real-time signals 33-64 as they were.
 */
static int change_blocked(int how, unsigned long set, unsigned long covered)
{
	unsigned long old = current->blocked.sig[0], new, flags;

	set &= ~SIG_KERNEL_ONLY_MASK;
	switch (how) {
	case SIG_BLOCK:
		new = old | set;
		break;
	case SIG_UNBLOCK:
		new = old & ~set;
		break;
	case SIG_SETMASK:
		new = (old & ~covered) | set;
		break;
	default:
		return -EINVAL;
	}
	flags = spin_lock_irqsave(&current->sighand->siglock);
	retarget_shared(new & ~old);
	current->blocked.sig[0] = new;
	recalc_sigpending();
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, set;
	int r;

	if (!sigset_size_ok(sigsetsize))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		r = change_blocked(how, set.sig[0], ~0UL);
		if (r)
			return r;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The signals pending for the caller (its own and its process's) that it
 * blocks: what sigpending reports. */
static unsigned long blocked_pending(void)
{
	unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);
	unsigned long set = (current->pending.signal.sig[0] |
			     current->signal->shared_pending.signal.sig[0]) &
			    current->blocked.sig[0];

	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return set;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	set.sig[0] = blocked_pending();
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal is pending (pause, sigsuspend). */
static void sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* The interrupted call is never restarted: -EINTR after the handler. */
SYSCALL_DEFINE0(pause)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* Sleeps with set as the mask until a signal is taken (sigsuspend(2)). */
static long do_sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	sleep_until_signal();
	/* The frame of the handler gets the old mask; without one it is put
	 * back on the way out (do_signal). */
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t set;

	if (!sigset_size_ok(sigsetsize))
		return -EINVAL;
	if (copy_from_user(&set, unewset, sizeof(set)))
		return -EFAULT;
	return do_sigsuspend(&set);
}

#ifdef CONFIG_IA32_EMULATION
/* sigprocmask (126) with the 4-byte old_sigset_t: SIG_SETMASK replaces
 * signals 1-32 and keeps 33-64; the old mask's low 32 bits are reported.
 * A bad oset is EFAULT after the mask changed, as on Linux. */
COMPAT_SYSCALL_DEFINE3(sigprocmask, int, how, const u32 __user *, nset, u32 __user *, oset)
{
	u32 old = current->blocked.sig[0], set;
	int r;

	if (nset) {
		if (get_user(set, nset))
			return -EFAULT;
		r = change_blocked(how, set, 0xffffffffUL);
		if (r)
			return r;
	}
	if (oset && put_user(old, oset))
		return -EFAULT;
	return 0;
}

COMPAT_SYSCALL_DEFINE1(sigpending, u32 __user *, uset)
{
	return put_user((u32)blocked_pending(), uset) ? -EFAULT : 0;
}

/* sgetmask (68) and ssetmask (69): the blocked mask as an int.  The new
 * mask is an int sign-extended to the 64-bit set, as Linux's siginitset;
 * the old one comes back truncated. */
COMPAT_SYSCALL_DEFINE0(sgetmask)
{
	return (u32)current->blocked.sig[0];
}

COMPAT_SYSCALL_DEFINE1(ssetmask, int, newmask)
{
	int old = current->blocked.sig[0];

	change_blocked(SIG_SETMASK, (long)newmask, ~0UL);
	return old;
}

/* The old i386 sigsuspend (72) takes three arguments, the mask (signals
 * 1-32, the others unblocked) the third (Linux's OLD_SIGSUSPEND3). */
COMPAT_SYSCALL_DEFINE3(sigsuspend, int, unused1, int, unused2, u32, mask)
{
	sigset_t set = { { mask } };

	return do_sigsuspend(&set);
}
#endif

/* A relative timeout as an absolute deadline; -EINVAL if ts is not a
 * valid timespec. */
static int timespec_deadline(struct __kernel_timespec ts, u64 *deadline)
{
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec >= U64_MAX / NSEC_PER_SEC / 2)
		*deadline = U64_MAX / 2;
	else
		*deadline = ktime_get_ns() + ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/*
 * Waits for a signal of these: while waiting they are unblocked (so
 * they wake the caller) but taken here, never by a handler.  -EAGAIN
 * when the time runs out (deadline: NULL waits for ever), -EINTR for
 * another signal; else the signal, its siginfo in info.
 */
static int do_sigtimedwait(sigset_t these, const u64 *deadline, siginfo_t *info)
{
	struct task_struct *t = current;
	bool timed_out = false;
	unsigned long flags;
	sigset_t mask;
	int sig;

	these.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	mask.sig[0] = ~these.sig[0];
	flags = spin_lock_irqsave(&t->sighand->siglock);
	sig = dequeue_signal(t, &mask, info);
	if (!sig && !(deadline && *deadline <= ktime_get_ns())) {
		t->real_blocked = t->blocked;
		t->blocked.sig[0] &= mask.sig[0];
		recalc_sigpending();
		set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock_irqrestore(&t->sighand->siglock, flags);
		if (!signal_pending(t)) {
			if (deadline)
				timed_out = !schedule_timeout_ns(*deadline);
			else
				schedule();
		}
		__set_current_state(TASK_RUNNING);
		flags = spin_lock_irqsave(&t->sighand->siglock);
		t->blocked = t->real_blocked;
		t->real_blocked.sig[0] = 0;
		sig = dequeue_signal(t, &mask, info);
	} else if (!sig) {
		timed_out = true;
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	if (!sig)
		return timed_out ? -EAGAIN : -EINTR;
	return sig;
}

/*
 * rt_sigtimedwait's arguments, checked in Linux's order (size, set,
 * timeout), then the wait.  The timeout is a __kernel_timespec, or an
 * old_timespec32 for the i386 rt_sigtimedwait (177).
 */
static int sigtimedwait_user(const sigset_t __user *uthese, const void __user *uts,
			     bool ts32, size_t sigsetsize, siginfo_t *info)
{
	struct __kernel_timespec ts;
	struct old_timespec32 t;
	sigset_t these;
	u64 deadline = 0;
	int r;

	if (!sigset_size_ok(sigsetsize))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts && ts32) {
		if (copy_from_user(&t, uts, sizeof(t)))
			return -EFAULT;
		ts.tv_sec = t.tv_sec;
		ts.tv_nsec = t.tv_nsec;
	} else if (uts && copy_from_user(&ts, uts, sizeof(ts))) {
		return -EFAULT;
	}
	if (uts) {
		r = timespec_deadline(ts, &deadline);
		if (r)
			return r;
	}
	return do_sigtimedwait(these, uts ? &deadline : NULL, info);
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	siginfo_t info;
	int sig = sigtimedwait_user(uthese, uts, false, sigsetsize, &info);

	if (sig > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 forms: the siginfo in the i386 layout. */
static long compat_sigtimedwait(const sigset_t __user *uthese,
				struct compat_siginfo __user *uinfo, const void __user *uts,
				bool ts32, u32 sigsetsize)
{
	siginfo_t info;
	int sig = sigtimedwait_user(uthese, uts, ts32, sigsetsize, &info);

	if (sig > 0 && uinfo && put_compat_siginfo(uinfo, &info))
		return -EFAULT;
	return sig;
}

COMPAT_SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese,
		       struct compat_siginfo __user *, uinfo,
		       const struct old_timespec32 __user *, uts, u32, sigsetsize)
{
	return compat_sigtimedwait(uthese, uinfo, uts, true, sigsetsize);
}

COMPAT_SYSCALL_DEFINE4(rt_sigtimedwait_time64, const sigset_t __user *, uthese,
		       struct compat_siginfo __user *, uinfo,
		       const struct __kernel_timespec __user *, uts, u32, sigsetsize)
{
	return compat_sigtimedwait(uthese, uinfo, uts, false, sigsetsize);
}
#endif

/* ------------------------------------------------------- kill and co. */

/* Linux's kill_ok_by_cred(), CAP_KILL being euid 0. */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *c = &current->cred, *tc = &t->cred;

	return c->euid == 0 || c->euid == tc->suid || c->euid == tc->uid ||
	       c->uid == tc->suid || c->uid == tc->uid;
}

static bool si_from_user(const siginfo_t *info)
{
	return info == SEND_SIG_NOINFO || (info != SEND_SIG_PRIV && info->si_code <= 0);
}

static int check_kill_permission(int sig, const siginfo_t *info, struct task_struct *t)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!si_from_user(info) || t->tgid == current->tgid || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

/* kill's delivery to one process; 0 checks permission only. */
static int kill_process(int sig, const siginfo_t *info, struct task_struct *p)
{
	int r = check_kill_permission(sig, info, p);

	if (r || !sig)
		return r;
	return group_send_sig_info(sig, info, p);
}

/*
 * A signal to p as one of many processes (tasklist_lock held), counted so
 * that a fork of p's that was under way restarts and the child gets it too.
 */
static int kill_process_multi(int sig, const siginfo_t *info, struct task_struct *p)
{
	int r = kill_process(sig, info, p);

	if (!r && sig)
		p->signal->multiprocess_signals++;
	return r;
}

/* Every process of pgrp (tasklist_lock held): 0 if one took it. */
static void __kill_pgrp(pid_t pgrp, int sig, const siginfo_t *info, int *found)
{
	struct task_struct *p;
	int r;

	for_each_process(p) {
		if (p->signal->pgrp != pgrp || (p->exit_state && thread_group_empty(p)))
			continue;
		r = kill_process_multi(sig, info, p);
		if (!r)
			*found = 1;
		else if (*found <= 0)
			*found = r;
	}
}

static int kill_pgrp_info(pid_t pgrp, int sig, const siginfo_t *info)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int found = 0;

	__kill_pgrp(pgrp, sig, info, &found);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found > 0 ? 0 : found ? found : -ESRCH;
}

/* The kernel's signal to a process group (the tty's ^C). */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return kill_pgrp_info(pgrp, sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO);
}

/* The process a pid names: the one of any of its threads. */
static int kill_pid_info(int sig, const siginfo_t *info, pid_t pid)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *t = find_task_by_pid(pid);
	int r = t ? kill_process(sig, info, t->group_leader) : -ESRCH;

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

/*
 * kill(2): pid > 0 one process, 0 the caller's process group, -1 every
 * process except init and the caller, < -1 the group -pid.  For -1,
 * Linux reports success unless a send failed other than with EPERM.
 */
static int kill_something_info(int sig, const siginfo_t *info, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int count = 0, r = 0;

	if (pid > 0)
		return kill_pid_info(sig, info, pid);
	if (pid == -2147483647 - 1)	/* INT_MIN: -pid would overflow */
		return -ESRCH;
	if (pid != -1)
		return kill_pgrp_info(pid ? -pid : current->signal->pgrp, sig, info);
	flags = spin_lock_irqsave(&tasklist_lock);
	for_each_process(p) {
		int e;

		if (p->tgid <= 1 || p->tgid == current->tgid)
			continue;
		e = kill_process_multi(sig, info, p);
		count++;
		if (e != -EPERM)
			r = e;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? r : -ESRCH;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	return kill_something_info(sig, SEND_SIG_NOINFO, pid);
}

/* A signal to one thread (tgid <= 0: of any process), as tgkill. */
static int do_send_specific(pid_t tgid, pid_t pid, int sig, const siginfo_t *info)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *t = find_task_by_pid(pid);
	int r = -ESRCH;

	if (t && (tgid <= 0 || t->tgid == tgid)) {
		r = check_kill_permission(sig, info, t);
		if (!r && sig) {
			r = send_sig_info(sig, info, t);
			if (r == -ESRCH)	/* going away: as if it died after */
				r = 0;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_TKILL;
	info.si_pid = current->tgid;
	info.si_uid = current->cred.uid;
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/*
 * sigqueue's siginfo comes from the caller; it may not pose as the
 * kernel (si_code >= 0) or as tkill, except to itself.
 */
static int check_user_siginfo(siginfo_t *info, int sig, pid_t target)
{
	info->si_signo = sig;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && target != current->pid)
		return -EPERM;
	return 0;
}

/*
 * rt_sigqueueinfo (thread false: to a process) and rt_tgsigqueueinfo once
 * the siginfo is copied in: as on Linux, a bad siginfo pointer is EFAULT
 * before a bad tgid or pid is EINVAL.
 */
static int sigqueueinfo(bool thread, pid_t tgid, pid_t pid, int sig, siginfo_t *info)
{
	int r;

	if (thread && (pid <= 0 || tgid <= 0))
		return -EINVAL;
	r = check_user_siginfo(info, sig, pid);
	if (r)
		return r;
	return thread ? do_send_specific(tgid, pid, sig, info) : kill_pid_info(sig, info, pid);
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, siginfo_t __user *, uinfo)
{
	siginfo_t info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	return sigqueueinfo(false, 0, pid, sig, &info);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	siginfo_t info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	return sigqueueinfo(true, tgid, pid, sig, &info);
}

#ifdef CONFIG_IA32_EMULATION
COMPAT_SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig,
		       struct compat_siginfo __user *, uinfo)
{
	siginfo_t info;

	if (get_compat_siginfo(&info, uinfo, sig))
		return -EFAULT;
	return sigqueueinfo(false, 0, pid, sig, &info);
}

COMPAT_SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		       struct compat_siginfo __user *, uinfo)
{
	siginfo_t info;

	if (get_compat_siginfo(&info, uinfo, sig))
		return -EFAULT;
	return sigqueueinfo(true, tgid, pid, sig, &info);
}
#endif

/* ------------------------------------------------------ restart_syscall */

long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

long set_restart_fn(struct restart_block *rb, long (*fn)(struct restart_block *))
{
	rb->fn = fn;
	return -ERESTART_RESTARTBLOCK;
}

/* The continuation of a syscall interrupted by a handled signal. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->restart_block;

	return rb->fn(rb);
}
