// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler syscalls: yielding, CPU affinity, and which CPU we are on.
 * Affinity masks in user memory are Linux's: bit n of byte n / 8 is CPU n,
 * in a buffer whose length is a multiple of sizeof(long).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/smp.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

/* The bytes of a mask the kernel reads and writes (Linux's cpumask_size()). */
#define CPUMASK_BYTES	(CPUMASK_LONGS * sizeof(long))

/* Runs fn on the task pid names (0: the caller), tasklist_lock held. */
static long with_task(pid_t pid, long (*fn)(struct task_struct *, void *), void *arg)
{
	struct task_struct *t;
	unsigned long flags;
	long r;

	if (pid < 0)
		return -EINVAL;
	if (!pid)
		return fn(current, arg);
	flags = spin_lock_irqsave(&tasklist_lock);
	t = find_task_by_pid(pid);
	r = t ? fn(t, arg) : -ESRCH;	/* a zombie too, until it is reaped */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

static long get_mask(struct task_struct *t, void *arg)
{
	cpumask_and(arg, &t->cpus_allowed, &cpu_online_mask);
	return 0;
}

/*
 * Returns the number of bytes written: the kernel's mask size, as Linux.
 * -EINVAL if len cannot hold every possible CPU or is not a multiple of
 * sizeof(long).
 */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	cpumask_t mask;
	long r;

	if ((u64)len * 8 < nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	r = with_task(pid, get_mask, &mask);
	if (r)
		return r;
	len = min_t(unsigned int, len, CPUMASK_BYTES);
	if (copy_to_user(user_mask_ptr, &mask, len))
		return -EFAULT;
	return len;
}

static long set_mask(struct task_struct *t, void *arg)
{
	/* Not current: moving it must not sleep under tasklist_lock, and
	 * sched_setaffinity() only schedules for the caller itself. */
	return sched_setaffinity(t, arg);
}

/*
 * Bytes past the kernel's mask size are ignored; a mask with no online
 * CPU is -EINVAL.  Lego runs everything as root, so any task may be moved.
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	cpumask_t mask, online;

	memset(&mask, 0, sizeof(mask));
	if (copy_from_user(&mask, user_mask_ptr, min_t(unsigned int, len, CPUMASK_BYTES)))
		return -EFAULT;
	if (!cpumask_and(&online, &mask, &cpu_online_mask))
		return -EINVAL;
	if (!pid || pid == current->pid)
		return sched_setaffinity(current, &online);
	return with_task(pid, set_mask, &online);
}

/* The CPU and NUMA node (always 0) the caller runs on; the third argument
 * (a cache, unused since Linux 2.6.24) is ignored. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = smp_processor_id();

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}
