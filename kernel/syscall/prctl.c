// SPDX-License-Identifier: GPL-2.0
/*
 * Process attributes: umask(2) and prctl(2).  prctl knows the options
 * of include/uapi/lego/prctl.h; any other is EINVAL, as Linux answers an
 * option it does not have (Documentation/process/decisions.rst).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/fs.h>
#include <lego/mm_types.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/prctl.h>
#include <asm/uaccess.h>

/*
 * The file-creation mask of open, mkdir and mknod (fs/namei.c), kept in
 * fs_struct: inherited by fork, shared by CLONE_FS.  Returns the old one.
 */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;

	return __atomic_exchange_n(&fs->umask, (umode_t)(mask & 0777), __ATOMIC_SEQ_CST);
}

/*
 * PR_SET_CHILD_SUBREAPER: the orphans below us come to us (exit.c's
 * find_new_reaper), so every process below us learns that it has a
 * subreaper above it; fork passes that on to later children.
 * tasklist_lock held.
 */
static void propagate_subreaper(struct task_struct *me)
{
	struct task_struct *t, *a;

	list_for_each_entry(t, &task_list, tasks) {
		if (t->tgid == me->tgid || t->signal->has_child_subreaper)
			continue;
		for (a = t->group_leader->parent; a && a->tgid > 1; a = a->group_leader->parent) {
			if (a->tgid == me->tgid) {
				t->signal->has_child_subreaper = true;
				break;
			}
		}
	}
}

/*
 * Linux's set_task_comm: up to 15 bytes and a NUL; the name shows in
 * /proc/PID/comm, status and stat.  The copy reads at most 15 bytes, so
 * a longer name is cut, and a fault is EFAULT with the name unchanged.
 */
static long set_name(const char __user *uname)
{
	char comm[TASK_COMM_LEN];
	long n;

	memset(comm, 0, sizeof(comm));
	n = strncpy_from_user(comm, uname, TASK_COMM_LEN - 1);
	if (n < 0)
		return -EFAULT;
	memcpy(current->comm, comm, TASK_COMM_LEN);
	return 0;
}

// syscall-status: prctl: partial: NAME, PDEATHSIG, DUMPABLE, NO_NEW_PRIVS, CHILD_SUBREAPER; others EINVAL
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	struct task_struct *me = current;
	char comm[TASK_COMM_LEN];
	unsigned long flags;

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		me->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(me->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return me->mm ? READ_ONCE(me->mm->dumpable) : SUID_DUMP_DISABLE;
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		if (me->mm)
			WRITE_ONCE(me->mm->dumpable, (int)arg2);
		return 0;
	case PR_SET_NAME:
		return set_name((const char __user *)arg2);
	case PR_GET_NAME:
		memcpy(comm, me->comm, TASK_COMM_LEN);
		comm[TASK_COMM_LEN - 1] = 0;
		return copy_to_user((char __user *)arg2, comm, TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		flags = spin_lock_irqsave(&tasklist_lock);
		me->signal->is_child_subreaper = !!arg2;
		if (arg2)
			propagate_subreaper(me);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)me->signal->is_child_subreaper, (int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		/* One way only: nothing turns it off. */
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		me->no_new_privs = true;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return me->no_new_privs;
	}
	return -EINVAL;
}
