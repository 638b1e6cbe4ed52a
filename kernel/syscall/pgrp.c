// SPDX-License-Identifier: GPL-2.0
/*
 * Process groups and sessions (POSIX job control): setpgid, getpgid,
 * getpgrp, setsid, getsid, with Linux's rules.  The ids live in the
 * process's signal_struct; they change under tasklist_lock, which every
 * reader of another process's ids holds.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/errno.h>
#include <lego/syscalls.h>

/* Whether some process -- a zombie counts until it is reaped, as on
 * Linux -- is in process group pgrp of session sid (tasklist_lock held). */
static bool pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (thread_group_leader(p) && p->signal && p->signal->pgrp == pgrp &&
		    p->signal->session == sid)
			return true;
	return false;
}

/*
 * setpgid(pid, pgid): pid (0: the caller) must be the caller or one of
 * its children that has not exec'd (EACCES) in its session (EPERM), not
 * a session leader (EPERM); pgid (0: pid) must be pid itself or a group
 * of the same session (EPERM).
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *leader = current->group_leader, *p;
	unsigned long flags;
	int r;

	if (!pid)
		pid = leader->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	p = find_task_by_pid(pid);
	r = -ESRCH;
	if (!p)
		goto out;
	r = -EINVAL;
	if (!thread_group_leader(p))
		goto out;
	if (p->parent && p->parent->tgid == leader->tgid) {
		r = -EPERM;
		if (p->signal->session != leader->signal->session)
			goto out;
		r = -EACCES;
		if (p->did_exec)
			goto out;
	} else {
		r = -ESRCH;
		if (p != leader)
			goto out;
	}
	r = -EPERM;
	if (p->signal->leader)
		goto out;
	if (pgid != pid && !pgrp_in_session(pgid, leader->signal->session))
		goto out;
	p->signal->pgrp = pgid;
	r = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

/* A field of pid's process (0: the caller's), or -ESRCH. */
static long process_id(pid_t pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long r = -ESRCH;

	flags = spin_lock_irqsave(&tasklist_lock);
	p = pid ? find_task_by_pid(pid) : current;
	if (p)
		r = session ? p->signal->session : p->signal->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return process_id(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return process_id(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return process_id(pid, true);
}

/*
 * A new session and process group, both numbered after the caller, with
 * no controlling terminal.  A process whose pid already names a process
 * group (its own, or one it left) cannot: EPERM.
 */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *leader = current->group_leader, *p;
	pid_t sid = leader->tgid;
	unsigned long flags;
	long r = sid;

	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (thread_group_leader(p) && p->signal && p->signal->pgrp == sid) {
			r = -EPERM;
			goto out;
		}
	}
	leader->signal->leader = true;
	leader->signal->session = sid;
	leader->signal->pgrp = sid;
	leader->signal->tty = NULL;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}
