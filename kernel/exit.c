// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks and waiting for them, with Linux's rules.  A thread that
 * exits while others of its process live releases itself; the process's
 * leader stays a zombie until the last of them is gone, and only then is
 * its parent told (SIGCHLD) and may wait for it.  A parent that ignores
 * SIGCHLD (or set SA_NOCLDWAIT) gets no zombies.  Children of a thread
 * that exits go to another thread of its process, else to init.
 *
 * Statuses are wait statuses: (code & 0xff) << 8 for an exit, the
 * signal number for a death by signal.  When init (pid 1) ends, the
 * kernel reports its status and powers off, handing the status to the
 * machine (QEMU's isa-debug-exit) so scripts can read it.
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/reboot.h>
#include <lego/strace.h>
#include <lego/syscalls.h>
#include <lego/time.h>
#include <lego/tty.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/futex.h>
#include <uapi/lego/sched.h>
#include <uapi/lego/resource.h>

static void init_died(int status)
{
	int code;

	if (status & 0x7f) {
		pr_emerg("Lego: init killed by signal %d\n", status & 0x7f);
		code = 128 + (status & 0x7f);
	} else {
		code = (status >> 8) & 0xff;
		pr_emerg("Lego: init exited with status %d\n", code);
	}
	strace_poweroff();
	machine_power_off(code);
}

/* ------------------------------------------------------------ release */

/* Takes p off its thread group, folding its usage into the process's
 * totals; siglock held. */
static void __exit_signal(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	list_del_init(&p->thread_node);
	sig->nr_threads--;
	sig->utime += p->utime;
	sig->stime += p->stime;
	sig->sum_sched_runtime += task_sched_runtime(p);
	sig->nvcsw += p->nvcsw;
	sig->nivcsw += p->nivcsw;
	if (sig->curr_target == p)
		sig->curr_target = NULL;
	/* de_thread() waits for the other threads to be gone. */
	if (sig->notify_count > 0 && !--sig->notify_count)
		wake_up_process(sig->group_exec_task);
	flush_sigqueue(&p->pending);
}

/*
 * p is dead and nobody will wait for it (or someone has): take it off
 * every list and drop its existence reference.  If it was the last
 * thread besides a zombie leader, the leader's parent may now be told,
 * and if that parent does not wait, the leader goes too.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	unsigned long flags, sflags;
	bool zap_leader;

again:
	flags = spin_lock_irqsave(&tasklist_lock);
	leader = p->group_leader;
	sflags = spin_lock_irqsave(&p->sighand->siglock);
	__exit_signal(p);
	spin_unlock_irqrestore(&p->sighand->siglock, sflags);
	list_del_init(&p->tasks);
	if (thread_group_leader(p))
		list_del_init(&p->sibling);
	zap_leader = false;
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		zap_leader = do_notify_parent(leader, leader->exit_signal);
		if (zap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
	p = leader;
	if (zap_leader)
		goto again;
}

/* --------------------------------------------------------------- exit */

/*
 * Who takes the children of a thread that exits: a live thread of its
 * own process, else the nearest ancestor that is a child subreaper
 * (PR_SET_CHILD_SUBREAPER), else init.  tasklist_lock held.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t, *r;

	for_each_thread(father, t)
		if (!(t->flags & PF_EXITING))
			return t;
	if (father->signal->has_child_subreaper) {
		for (r = father->group_leader->parent; r && r->tgid > 1; r = r->group_leader->parent) {
			if (!r->signal->is_child_subreaper)
				continue;
			for_each_thread(r, t)
				if (!(t->flags & PF_EXITING))
					return t;
		}
	}
	return find_task_by_pid(1);
}

/*
 * Hands father's children to their new reaper (tasklist_lock held).  A
 * child that is already a reportable zombie is reported to the new
 * parent; one it will not wait for goes on dead to be released.  Each
 * thread of a child that asked for it (PR_SET_PDEATHSIG) gets its signal.
 */
static void forget_original_parent(struct task_struct *father, struct list_head *dead)
{
	struct task_struct *reaper, *p, *n, *t;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		for_each_thread(p, t) {
			t->parent = reaper;
			if (t->pdeath_signal)
				group_send_sig_info(t->pdeath_signal, NULL, t);
		}
		list_move_tail(&p->sibling, &reaper->children);
		if (reaper->tgid == father->tgid)
			continue;	/* a thread of the same process: nothing changes */
		p->exit_signal = SIGCHLD;
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p) &&
		    do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			list_add_tail(&p->reap_node, dead);
		}
		kill_orphaned_pgrp(p, father);
	}
}

/*
 * The task is a zombie now; its parent hears of it if the whole process
 * is gone.  Releases a vfork parent, and de_thread() waiting for the
 * leader to die.
 */
static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_struct *p, *n;
	LIST_HEAD(dead);
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	bool autoreap;

	forget_original_parent(tsk, &dead);
	if (group_dead)
		kill_orphaned_pgrp(tsk->group_leader, NULL);
	tsk->exit_state = EXIT_ZOMBIE;
	if (!thread_group_leader(tsk) || (tsk->flags & PF_KTHREAD))
		autoreap = true;		/* a thread, a kernel thread: no waiter */
	else if (thread_group_empty(tsk))
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	else
		autoreap = false;		/* reported by the last thread to go */
	if (autoreap)
		tsk->exit_state = EXIT_DEAD;
	if (tsk->vfork_parent) {
		struct task_struct *vp = tsk->vfork_parent;

		WRITE_ONCE(tsk->vfork_parent, NULL);
		wake_up_all(&vp->signal->wait_chldexit);
	}
	if (tsk->signal->group_exec_task && thread_group_leader(tsk))
		wake_up_process(tsk->signal->group_exec_task);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &dead, reap_node)
		release_task(p);
	if (autoreap)
		release_task(tsk);
}

/*
 * The memory is being left (exit, exec): first the robust mutexes still
 * held are marked FUTEX_OWNER_DIED (kernel/futex.c); then
 * CLONE_CHILD_CLEARTID zeroes the tid word and wakes its futex while
 * others still use this memory (a thread, a vfork parent), as Linux's
 * mm_release -- the wake pthread_join sleeps for.  A process's own memory
 * is going away, and a word it shares with nobody is left alone.
 */
void exit_mm_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
	if (tsk->clear_child_tid && tsk->mm && atomic_read(&tsk->mm->users) > 1) {
		put_user(0, tsk->clear_child_tid);	/* a bad pointer is ignored */
		futex_wake_shared((u32 __user *)tsk->clear_child_tid, 1);
	}
	tsk->clear_child_tid = NULL;
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	/* Off the task's page tables before freeing them; /proc takes mm
	 * references under tasklist_lock. */
	preempt_disable();
	task_ptr_xchg((void **)&tsk->mm, NULL);
	switch_mm(NULL);
	preempt_enable();
	mmput(mm);
}

void do_exit(int status)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (tsk->flags & PF_EXITING)
		panic("Recursive exit of %s[%d]", tsk->comm, tsk->pid);
	exit_signals(tsk);		/* PF_EXITING, and one less live thread */
	group_dead = !READ_ONCE(tsk->signal->live);
	if (group_dead)
		exit_itimers(tsk->signal);
	tsk->exit_code = status;
	exit_mm_release(tsk);
	if (group_dead && tsk->tgid == 1)
		init_died((tsk->signal->flags & SIGNAL_GROUP_EXIT) ?
			  tsk->signal->group_exit_code : status);
	exit_mm(tsk);
	/* fs/file.c: the pointers clear under tasklist_lock, for /proc. */
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead && tsk->signal->leader)
		disassociate_ctty(tsk->signal);
	exit_notify(tsk, group_dead);
	/* The last switch drops the task's running reference
	 * (finish_task_switch); interrupts stay off so that no preemption
	 * comes between: it would look like that last switch. */
	local_irq_disable();
	tsk->state = TASK_DEAD;
	schedule();
	BUG();
}

/*
 * exit_group, and every death of a process: the other threads get
 * SIGKILL and exit with the same status -- except while another thread
 * execs, whose SIGKILL ends only the thread that takes it.
 */
void do_group_exit(int status)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	unsigned long flags;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		status = sig->group_exit_code;
	} else if (!thread_group_empty(current)) {
		flags = spin_lock_irqsave(&current->sighand->siglock);
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			status = sig->group_exit_code;	/* a fatal signal was faster */
		} else if (sig->group_exec_task) {
			status = 0;	/* killed by another thread's exec: alone */
		} else {
			sig->group_exit_code = status;
			sig->flags = SIGNAL_GROUP_EXIT;
			sig->group_stop_count = 0;
			for_each_thread(current, t) {
				if (t == current)
					continue;
				t->jobctl = 0;
				sigaddset(&t->pending.signal, SIGKILL);
				signal_wake_up(t, true);
			}
		}
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	do_exit(status);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* --------------------------------------------------------------- usage */

static void ns_to_timeval(u64 ns, long tv[2])
{
	tv[0] = ns / NSEC_PER_SEC;
	tv[1] = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

/*
 * The resource usage of p's process: who is RUSAGE_SELF (its threads,
 * live and gone), RUSAGE_CHILDREN (the children it reaped and theirs),
 * RUSAGE_BOTH (both) or RUSAGE_THREAD (p alone).  tasklist_lock or
 * p's siglock held, or p the caller.
 */
/*
 * Copies r to the user's struct rusage: in a 32-bit syscall the i386
 * layout, every long of 32 bits (Linux's put_compat_rusage).
 */
int put_rusage(struct rusage __user *ru, const struct rusage *r)
{
#ifdef CONFIG_IA32_EMULATION
	if (in_ia32_syscall()) {
		const long *from = &r->ru_utime[0];
		s32 to[sizeof(struct compat_rusage) / 4];
		size_t i;

		_Static_assert(sizeof(struct rusage) / 8 == sizeof(to) / 4, "rusage words");
		for (i = 0; i < ARRAY_SIZE(to); i++)
			to[i] = from[i];
		return copy_to_user(ru, to, sizeof(to)) ? -EFAULT : 0;
	}
#endif
	return copy_to_user(ru, r, sizeof(*r)) ? -EFAULT : 0;
}

void task_rusage(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	u64 ut = 0, st = 0;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_THREAD) {
		ut = p->utime;
		st = p->stime;
		r->ru_nvcsw = p->nvcsw;
		r->ru_nivcsw = p->nivcsw;
		r->ru_maxrss = sig->maxrss;
		goto out;
	}
	if (who != RUSAGE_SELF) {
		ut = sig->cutime;
		st = sig->cstime;
		r->ru_nvcsw = sig->cnvcsw;
		r->ru_nivcsw = sig->cnivcsw;
		r->ru_minflt = sig->cminflt;
		r->ru_majflt = sig->cmajflt;
		r->ru_maxrss = sig->cmaxrss;
	}
	if (who != RUSAGE_CHILDREN) {
		ut += sig->utime;
		st += sig->stime;
		r->ru_nvcsw += sig->nvcsw;
		r->ru_nivcsw += sig->nivcsw;
		r->ru_minflt += sig->minflt;
		r->ru_majflt += sig->majflt;
		for_each_thread(p, t) {
			ut += t->utime;
			st += t->stime;
			r->ru_nvcsw += t->nvcsw;
			r->ru_nivcsw += t->nivcsw;
		}
		if (r->ru_maxrss < (long)sig->maxrss)
			r->ru_maxrss = sig->maxrss;
	}
out:
	ns_to_timeval(ut, r->ru_utime);
	ns_to_timeval(st, r->ru_stime);
}

/* A reaped child's usage, and its children's, joins ours (Linux's
 * wait_task_zombie()).  tasklist_lock held. */
static void account_reaped(struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	u64 ut, st;

	thread_group_cputime(p, &ut, &st);
	psig->cutime += ut + sig->cutime;
	psig->cstime += st + sig->cstime;
	psig->cminflt += sig->minflt + sig->cminflt;
	psig->cmajflt += sig->majflt + sig->cmajflt;
	psig->cnvcsw += p->nvcsw + sig->nvcsw + sig->cnvcsw;
	psig->cnivcsw += p->nivcsw + sig->nivcsw + sig->cnivcsw;
	psig->cmaxrss = max(psig->cmaxrss, max(sig->maxrss, sig->cmaxrss));
}

/* ---------------------------------------------------------------- wait */

/* What a wait looks for and what it found. */
struct wait_opts {
	int type;			/* P_ALL, P_PID, P_PGID */
	pid_t pid;
	int flags;
	int notask_error;		/* -ECHILD until an eligible child is seen */
	/* The report. */
	pid_t found;
	int status;			/* wait4's */
	int code, child_status;		/* waitid's si_code and si_status */
	uid_t uid;
	struct rusage ru;
	struct task_struct *reap;	/* a zombie to release */
};

static bool eligible_child(const struct wait_opts *wo, struct task_struct *p)
{
	if (wo->type == P_PID && p->tgid != wo->pid)
		return false;
	if (wo->type == P_PGID && p->signal->pgrp != wo->pid)
		return false;
	/* A "clone" child reports with a signal other than SIGCHLD: only
	 * __WCLONE waits for those, __WALL for both. */
	if (!(wo->flags & __WALL) && ((p->exit_signal != SIGCHLD) ^ !!(wo->flags & __WCLONE)))
		return false;
	return true;
}

static void report(struct wait_opts *wo, struct task_struct *p, int status, int code,
		   int child_status)
{
	wo->found = p->tgid;
	wo->status = status;
	wo->code = code;
	wo->child_status = child_status;
	wo->uid = p->cred.uid;
	task_rusage(p, RUSAGE_BOTH, &wo->ru);
}

static bool wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code :
							      p->exit_code;

	if (!(wo->flags & WEXITED))
		return false;
	if (status & 0x7f)
		report(wo, p, status, (status & 0x80) ? CLD_DUMPED : CLD_KILLED, status & 0x7f);
	else
		report(wo, p, status, CLD_EXITED, (status >> 8) & 0xff);
	if (!(wo->flags & WNOWAIT)) {
		p->exit_state = EXIT_DEAD;	/* no other waiter takes it now */
		account_reaped(p);
		wo->reap = p;
	}
	return true;
}

static bool wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	int code = 0;

	if (!(wo->flags & WUNTRACED))
		return false;
	flags = spin_lock_irqsave(&p->sighand->siglock);
	if ((sig->flags & SIGNAL_STOP_STOPPED) && sig->group_exit_code) {
		code = sig->group_exit_code;
		if (!(wo->flags & WNOWAIT))
			sig->group_exit_code = 0;	/* reported once */
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (!code)
		return false;
	report(wo, p, (code << 8) | 0x7f, CLD_STOPPED, code);
	return true;
}

static bool wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	bool cont;

	if (!(wo->flags & WCONTINUED))
		return false;
	flags = spin_lock_irqsave(&p->sighand->siglock);
	cont = sig->flags & SIGNAL_STOP_CONTINUED;
	if (cont && !(wo->flags & WNOWAIT))
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (!cont)
		return false;
	report(wo, p, 0xffff, CLD_CONTINUED, SIGCONT);
	return true;
}

/* One child: true if it was reported (tasklist_lock held). */
static bool wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	if (p->exit_state == EXIT_DEAD || !eligible_child(wo, p))
		return false;
	wo->notask_error = 0;
	/* A zombie leader whose threads still run is not reported yet. */
	if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p))
		return wait_task_zombie(wo, p);
	return wait_task_stopped(wo, p) || wait_task_continued(wo, p);
}

/* The children of the caller's threads (only its own: __WNOTHREAD). */
static bool do_wait_scan(struct wait_opts *wo)
{
	struct task_struct *t, *p;
	bool done = false;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	for_each_thread(current, t) {
		if ((wo->flags & __WNOTHREAD) && t != current)
			continue;
		list_for_each_entry(p, &t->children, sibling)
			if (wait_consider_task(wo, p)) {
				done = true;
				goto out;
			}
	}
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return done;
}

/* The pid reported, 0 for WNOHANG and nobody ready, or an error. */
static long do_wait(struct wait_opts *wo)
{
	struct wait_queue_entry w;
	long r;

	init_wait_entry(&w);
	for (;;) {
		prepare_to_wait(&current->signal->wait_chldexit, &w, TASK_INTERRUPTIBLE);
		wo->notask_error = -ECHILD;
		if (do_wait_scan(wo)) {
			r = wo->found;
			break;
		}
		if (wo->notask_error) {
			r = wo->notask_error;
			break;
		}
		if (wo->flags & WNOHANG) {
			r = 0;
			break;
		}
		if (signal_pending(current)) {
			r = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->signal->wait_chldexit, &w);
	if (wo->reap)
		release_task(wo->reap);
	return r;
}

static long kernel_wait4(pid_t upid, int __user *stat_addr, int options,
			 struct rusage __user *ru)
{
	struct wait_opts wo = { .flags = options | WEXITED };
	long r;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	/* INT_MIN has no positive pgid. */
	if (upid == -2147483647 - 1)
		return -ESRCH;
	if (upid == -1) {
		wo.type = P_ALL;
	} else if (upid < 0) {
		wo.type = P_PGID;
		wo.pid = -upid;
	} else if (upid == 0) {
		wo.type = P_PGID;
		wo.pid = current->signal->pgrp;
	} else {
		wo.type = P_PID;
		wo.pid = upid;
	}
	r = do_wait(&wo);
	if (r > 0 && stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (r > 0 && ru && put_rusage(ru, &wo.ru))
		return -EFAULT;
	return r;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

/*
 * waitid: what to wait for must be asked (WEXITED, WSTOPPED, WCONTINUED);
 * with WNOHANG and nobody ready the siginfo is zeroed, so si_pid 0 says
 * so.  There are no pidfds, so P_PIDFD names no process (EBADF).  The
 * rusage is written here (put_rusage knows the i386 layout), the siginfo
 * fields into info, for the caller to write in its ABI's layout.
 */
static long kernel_waitid(int which, pid_t upid, int options, struct rusage __user *ru,
			  siginfo_t *info)
{
	struct wait_opts wo = { .flags = options };
	long r;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		if (!upid)
			upid = current->signal->pgrp;
		break;
	case P_PIDFD:
		return upid < 0 ? -EINVAL : -EBADF;
	default:
		return -EINVAL;
	}
	wo.type = which;
	wo.pid = upid;
	r = do_wait(&wo);
	if (r < 0)
		return r;
	if (ru && r > 0 && put_rusage(ru, &wo.ru))
		return -EFAULT;
	memset(info, 0, sizeof(*info));
	if (r > 0) {
		info->si_signo = SIGCHLD;
		info->si_code = wo.code;
		info->si_pid = wo.found;
		info->si_uid = wo.uid;
		info->si_status = wo.child_status;
	}
	return 0;
}

/* The six siginfo fields waitid writes, wherever the ABI has them. */
static int put_waitid_info(int __user *signo, int __user *err, int __user *code,
			   pid_t __user *pid, uid_t __user *uid, int __user *status,
			   const siginfo_t *info)
{
	if (put_user(info->si_signo, signo) || put_user(0, err) ||
	    put_user(info->si_code, code) || put_user(info->si_pid, pid) ||
	    put_user(info->si_uid, uid) || put_user(info->si_status, status))
		return -EFAULT;
	return 0;
}

/* waitid's siginfo fields in the caller's layout: the 64-bit one, or
 * the i386 one (pid, uid, status at 12, 16, 20). */
static long do_waitid(int which, pid_t upid, void __user *infop, int options,
		      struct rusage __user *ru, bool compat)
{
	struct compat_siginfo __user *c = infop;
	siginfo_t __user *u = infop;
	siginfo_t info;
	long r = kernel_waitid(which, upid, options, ru, &info);

	if (r || !infop)
		return r;
	/* Only the fields waitid(2) defines are written, as Linux's. */
	if (compat)
		return put_waitid_info(&c->si_signo, &c->si_errno, &c->si_code, &c->f.chld.pid,
				       &c->f.chld.uid, &c->f.chld.status, &info);
	return put_waitid_info(&u->si_signo, &u->si_errno, &u->si_code, &u->si_pid,
			       &u->si_uid, &u->si_status, &info);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, siginfo_t __user *, infop,
		int, options, struct rusage __user *, ru)
{
	return do_waitid(which, upid, infop, options, ru, false);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 waitid: the i386 siginfo, the 72-byte rusage (put_rusage). */
COMPAT_SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct compat_siginfo __user *, infop,
		       int, options, struct rusage __user *, ru)
{
	return do_waitid(which, upid, infop, options, ru, true);
}
#endif
