// SPDX-License-Identifier: GPL-2.0
/*
 * Resource limits: getrlimit, setrlimit, prlimit64.  Raising a hard limit
 * needs privilege (EPERM otherwise); a soft limit above the hard one is
 * EINVAL; RLIMIT_NOFILE may not exceed the kernel's fd table (EPERM, as
 * Linux's nr_open).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/fs.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>

static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	rlim = &tsk->signal->rlim[resource];
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
			return -EPERM;
		if (new->rlim_max > rlim->rlim_max && current->cred.euid != 0)
			return -EPERM;
	}
	if (old)
		*old = *rlim;
	if (new)
		*rlim = *new;
	return 0;
}

/*
 * Another process's limits: only with all of its ids the caller's real
 * ones, or with privilege (CAP_SYS_RESOURCE: euid 0), as Linux's
 * check_prlimit_permission().
 */
static int prlimit_permitted(struct task_struct *t)
{
	const struct cred *c = &current->cred, *tc = &t->cred;

	if (t->tgid == current->tgid || c->euid == 0)
		return 0;
	if (c->uid == tc->euid && c->uid == tc->suid && c->uid == tc->uid &&
	    c->gid == tc->egid && c->gid == tc->sgid && c->gid == tc->gid)
		return 0;
	return -EPERM;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 n64, o64;
	struct rlimit n, o;
	struct task_struct *tsk = current;
	bool ref = false;		/* whether we hold a reference on tsk */
	int r;

	if (new_rlim) {
		if (copy_from_user(&n64, new_rlim, sizeof(n64)))
			return -EFAULT;
		n.rlim_cur = n64.rlim_cur;
		n.rlim_max = n64.rlim_max;
	}
	/*
	 * Any task id names its process's limits, the caller's own threads'
	 * ids too (find_task_by_pid() may return current itself): the
	 * reference is dropped because it was taken, not because the task
	 * differs from the caller.
	 */
	if (pid && pid != current->tgid) {
		unsigned long flags = spin_lock_irqsave(&tasklist_lock);

		tsk = find_task_by_pid(pid);
		if (tsk) {
			get_task_struct(tsk);
			ref = true;
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!tsk)
			return -ESRCH;
	}
	r = prlimit_permitted(tsk);
	if (!r)
		r = do_prlimit(tsk, resource, new_rlim ? &n : NULL, old_rlim ? &o : NULL);
	if (ref)
		put_task_struct(tsk);
	if (r)
		return r;
	if (old_rlim) {
		o64.rlim_cur = o.rlim_cur;
		o64.rlim_max = o.rlim_max;
		if (copy_to_user(old_rlim, &o64, sizeof(o64)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;
	int e = do_prlimit(current, resource, NULL, &r);

	if (e)
		return e;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r, NULL);
}
