// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler syscalls: yielding, CPU affinity, which CPU we are on, the
 * scheduling policy and parameters (sched_setattr and the older calls),
 * and the nice value (setpriority, getpriority).
 * Affinity masks in user memory are Linux's: bit n of byte n / 8 is CPU n,
 * in a buffer whose length is a multiple of sizeof(long).
 */
#include <lego/kernel.h>
#include <lego/compat.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/smp.h>
#include <lego/errno.h>
#include <lego/capability.h>
#include <lego/signal.h>
#include <lego/time.h>
#include <uapi/lego/sched.h>
#include <uapi/lego/time.h>
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
 * the ABI's long (unit: 8, or 4 for the i386 compat_ulong_t bitmap, the
 * same little-endian bytes).
 */
static long do_getaffinity(pid_t pid, unsigned int len, void __user *user_mask_ptr,
			   unsigned int unit)
{
	cpumask_t mask;
	long r;

	if ((u64)len * 8 < nr_cpu_ids || (len & (unit - 1)))
		return -EINVAL;
	r = with_task(pid, get_mask, &mask);
	if (r)
		return r;
	len = min_t(unsigned int, len, CPUMASK_BYTES);
	if (copy_to_user(user_mask_ptr, &mask, len))
		return -EFAULT;
	return len;
}

SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	return do_getaffinity(pid, len, user_mask_ptr, sizeof(long));
}

static bool same_owner(struct task_struct *p);

static long set_mask(struct task_struct *t, void *arg)
{
	/* Another user's task needs CAP_SYS_NICE, as on Linux. */
	if (!same_owner(t) && !capable(CAP_SYS_NICE))
		return -EPERM;
	/* Not current: moving it must not sleep under tasklist_lock, and
	 * sched_setaffinity() only schedules for the caller itself. */
	return sched_setaffinity(t, arg);
}

/*
 * Bytes past the kernel's mask size are ignored; a mask with no online
 * CPU is -EINVAL.
 */
static long do_setaffinity(pid_t pid, unsigned int len, const void __user *user_mask_ptr)
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

SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	return do_setaffinity(pid, len, user_mask_ptr);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 forms: len a multiple of 4 (compat_ulong_t), the result the
 * bytes copied, min(len, the kernel's mask size), as Linux. */
COMPAT_SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		       compat_ulong_t __user *, user_mask_ptr)
{
	return do_getaffinity(pid, len, user_mask_ptr, sizeof(compat_ulong_t));
}

/* Linux's compat_get_bitmap reads whole 32-bit words: len is rounded up
 * to a multiple of 4 (a 3-byte mask reads 4 bytes). */
COMPAT_SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		       compat_ulong_t __user *, user_mask_ptr)
{
	return do_setaffinity(pid, min_t(u64, ALIGN((u64)len, 4), CPUMASK_BYTES), user_mask_ptr);
}
#endif

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

/* ------------------------------------------------------------ policies */

/*
 * Policy, real-time priority and nice value are kept and reported as
 * Linux's, but Lego's scheduler is round-robin with a one-tick slice for
 * every task and weighs none of them (Documentation/process/decisions.rst,
 * "Scheduling policies").
 */
#define MIN_NICE	(-20)
#define MAX_NICE	19
#define MAX_RT_PRIO	100
#define SETPARAM_POLICY	(-1)	/* sched_setparam: keep the policy */
#define DL_SCALE	10
#define DL_PERIOD_MIN_NS	(100 * NSEC_PER_USEC)		/* sched_dl_period_min_us */
#define DL_PERIOD_MAX_NS	((1ULL << 22) * NSEC_PER_USEC)	/* sched_dl_period_max_us */

static bool rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

/* The policies whose nice value counts (Linux's fair_policy). */
static bool fair_policy(int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_BATCH;
}

static bool valid_policy(int policy)
{
	return fair_policy(policy) || rt_policy(policy) || policy == SCHED_IDLE ||
	       policy == SCHED_DEADLINE;
}

/* A child starts with its parent's; SCHED_RESET_ON_FORK gives it
 * SCHED_NORMAL, no negative nice, and no reset flag of its own. */
void sched_fork_attrs(struct task_struct *p, const struct task_struct *parent)
{
	p->policy = parent->policy;
	p->rt_priority = parent->rt_priority;
	p->nice = parent->nice;
	p->sched_reset_on_fork = false;
	if (!parent->sched_reset_on_fork)
		return;
	if (rt_policy(p->policy) || p->policy == SCHED_DEADLINE) {
		p->policy = SCHED_NORMAL;
		p->rt_priority = 0;
		p->nice = 0;
	} else if (p->nice < 0) {
		p->nice = 0;
	}
}

/* RLIMIT_NICE allows nice values down to 20 - rlim_cur (setrlimit(2)). */
static bool nice_within_rlimit(struct task_struct *p, int nice)
{
	return (unsigned long)(20 - nice) <= p->signal->rlim[RLIMIT_NICE].rlim_cur;
}

/* Linux's check_same_owner: the caller's euid is p's real or effective uid. */
static bool same_owner(struct task_struct *p)
{
	uid_t euid = current->cred.euid;

	return euid == p->cred.euid || euid == p->cred.uid;
}

/* Linux's __checkparam_dl: runtime <= deadline <= period, in range. */
static bool dl_params_ok(const struct sched_attr *a)
{
	u64 period = a->sched_period ?: a->sched_deadline;

	if (a->sched_flags & SCHED_FLAG_SUGOV)
		return true;
	if (!a->sched_deadline || a->sched_runtime < (1ULL << DL_SCALE))
		return false;
	if ((a->sched_deadline | a->sched_period) & (1ULL << 63))
		return false;
	if (period < a->sched_deadline || a->sched_deadline < a->sched_runtime)
		return false;
	return period >= DL_PERIOD_MIN_NS && period <= DL_PERIOD_MAX_NS;
}

/* Without CAP_SYS_NICE (Linux's user_check_sched_setscheduler). */
static int unprivileged_setscheduler(struct task_struct *p, const struct sched_attr *a,
				     int policy, bool reset)
{
	if (fair_policy(policy) && a->sched_nice < p->nice &&
	    !nice_within_rlimit(p, a->sched_nice))
		return -EPERM;
	if (rt_policy(policy)) {
		unsigned long rlim = p->signal->rlim[RLIMIT_RTPRIO].rlim_cur;

		if (policy != p->policy && !rlim)
			return -EPERM;
		if (a->sched_priority > p->rt_priority && a->sched_priority > rlim)
			return -EPERM;
	}
	if (policy == SCHED_DEADLINE)
		return -EPERM;
	if (p->policy == SCHED_IDLE && policy != SCHED_IDLE && !nice_within_rlimit(p, p->nice))
		return -EPERM;
	if (!same_owner(p))
		return -EPERM;
	if (p->sched_reset_on_fork && !reset)
		return -EPERM;
	return 0;
}

/*
 * Linux's __sched_setscheduler, check for check.  SCHED_DEADLINE passes
 * the checks and then fails admission (EBUSY): Lego has no deadline
 * class to admit it to.  Utilisation clamps are EOPNOTSUPP, as on a
 * Linux without CONFIG_UCLAMP_TASK.  tasklist_lock held (with_task).
 */
static long setscheduler(struct task_struct *p, void *arg)
{
	struct sched_attr *a = arg;
	int policy = a->sched_policy;
	bool reset;
	int r;

	if (policy < 0) {
		reset = p->sched_reset_on_fork;
		policy = p->policy;
	} else {
		reset = a->sched_flags & SCHED_FLAG_RESET_ON_FORK;
		if (!valid_policy(policy))
			return -EINVAL;
	}
	if (a->sched_flags & ~(u64)(SCHED_FLAG_ALL | SCHED_FLAG_SUGOV))
		return -EINVAL;
	if (a->sched_priority > MAX_RT_PRIO - 1)
		return -EINVAL;
	if ((policy == SCHED_DEADLINE && !dl_params_ok(a)) ||
	    rt_policy(policy) != (a->sched_priority != 0))
		return -EINVAL;
	if (!capable(CAP_SYS_NICE)) {
		r = unprivileged_setscheduler(p, a, policy, reset);
		if (r)
			return r;
	}
	if (a->sched_flags & SCHED_FLAG_SUGOV)
		return -EINVAL;
	if (a->sched_flags & SCHED_FLAG_UTIL_CLAMP)
		return -EOPNOTSUPP;
	if (policy == SCHED_DEADLINE)
		return -EBUSY;
	p->sched_reset_on_fork = reset;
	/* As Linux: SCHED_FLAG_KEEP_PARAMS keeps the policy as well; only
	 * the reset flag (and utilisation clamps, which Lego lacks) change. */
	if (a->sched_flags & SCHED_FLAG_KEEP_PARAMS)
		return 0;
	p->policy = policy;
	if (fair_policy(policy))
		p->nice = a->sched_nice;
	p->rt_priority = a->sched_priority;
	return 0;
}

/* sched_setscheduler and sched_setparam: the nice value stays p's own. */
static long setscheduler_legacy(struct task_struct *p, void *arg)
{
	struct sched_attr *a = arg;

	a->sched_nice = p->nice;
	return setscheduler(p, a);
}

static long do_sched_setscheduler(pid_t pid, int policy, struct sched_param __user *param)
{
	struct sched_attr a = { .sched_policy = policy };
	struct sched_param lp;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lp, param, sizeof(lp)))
		return -EFAULT;
	a.sched_priority = lp.sched_priority;
	/* The flag ORed into the policy: the old form of SCHED_FLAG_RESET_ON_FORK. */
	if (policy != SETPARAM_POLICY && (policy & SCHED_RESET_ON_FORK)) {
		a.sched_flags |= SCHED_FLAG_RESET_ON_FORK;
		a.sched_policy = policy & ~SCHED_RESET_ON_FORK;
	}
	return with_task(pid, setscheduler_legacy, &a);
}

// syscall-status: sched_setscheduler: partial: policies kept and reported, not weighed by the scheduler
SYSCALL_DEFINE3(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, pid_t, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, SETPARAM_POLICY, param);
}

static long get_policy(struct task_struct *p, void *arg)
{
	return p->policy | (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
}

SYSCALL_DEFINE1(sched_getscheduler, pid_t, pid)
{
	return with_task(pid, get_policy, NULL);
}

static long get_rt_priority(struct task_struct *p, void *arg)
{
	*(int *)arg = rt_policy(p->policy) ? (int)p->rt_priority : 0;
	return 0;
}

SYSCALL_DEFINE2(sched_getparam, pid_t, pid, struct sched_param __user *, param)
{
	struct sched_param lp = { 0 };
	long r;

	if (!param || pid < 0)
		return -EINVAL;
	r = with_task(pid, get_rt_priority, &lp.sched_priority);
	if (r)
		return r;
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

/* Linux's get_params: what a task's policy uses of struct sched_attr. */
static long get_params(struct task_struct *p, void *arg)
{
	struct sched_attr *a = arg;

	if (rt_policy(p->policy))
		a->sched_priority = p->rt_priority;
	else
		a->sched_nice = p->nice;
	return 0;
}

/* SCHED_FLAG_KEEP_PARAMS: the parameters come from the task, then apply. */
static long setattr_keep_params(struct task_struct *p, void *arg)
{
	get_params(p, arg);
	return setscheduler(p, arg);
}

/*
 * Linux's sched_copy_attr: size 0 means the first version (48 bytes);
 * a size below that or above a page, or bytes past the kernel's
 * structure that are not zero, are E2BIG with the kernel's size written
 * back.  The nice value is clamped into range.
 */
static long copy_sched_attr(struct sched_attr __user *uattr, struct sched_attr *a)
{
	u32 size, i;

	memset(a, 0, sizeof(*a));
	if (get_user(size, &uattr->size))
		return -EFAULT;
	if (!size)
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto too_big;
	for (i = sizeof(*a); i < size; i++) {
		char c;

		if (get_user(c, (const char __user *)uattr + i))
			return -EFAULT;
		if (c)
			goto too_big;
	}
	if (copy_from_user(a, uattr, min_t(u32, size, sizeof(*a))))
		return -EFAULT;
	if ((a->sched_flags & SCHED_FLAG_UTIL_CLAMP) && size < SCHED_ATTR_SIZE_VER1)
		return -EINVAL;
	a->sched_nice = min_t(int, max_t(int, a->sched_nice, MIN_NICE), MAX_NICE);
	return 0;
too_big:
	put_user((u32)sizeof(*a), &uattr->size);
	return -E2BIG;
}

// syscall-status: sched_setattr: partial: no SCHED_DEADLINE (EBUSY) or utilisation clamps (EOPNOTSUPP)
SYSCALL_DEFINE3(sched_setattr, pid_t, pid, struct sched_attr __user *, uattr,
		unsigned int, flags)
{
	struct sched_attr a;
	long r;

	if (!uattr || pid < 0 || flags)
		return -EINVAL;
	r = copy_sched_attr(uattr, &a);
	if (r)
		return r;
	if ((int)a.sched_policy < 0)
		return -EINVAL;
	if (a.sched_flags & SCHED_FLAG_KEEP_POLICY)
		a.sched_policy = SETPARAM_POLICY;
	return with_task(pid, (a.sched_flags & SCHED_FLAG_KEEP_PARAMS) ? setattr_keep_params :
			 setscheduler, &a);
}

static long get_attr(struct task_struct *p, void *arg)
{
	struct sched_attr *a = arg;

	a->sched_policy = p->policy;
	if (p->sched_reset_on_fork)
		a->sched_flags |= SCHED_FLAG_RESET_ON_FORK;
	return get_params(p, a);
}

/* The kernel's structure, cut to usize; size says how much was written. */
SYSCALL_DEFINE4(sched_getattr, pid_t, pid, struct sched_attr __user *, uattr,
		unsigned int, usize, unsigned int, flags)
{
	struct sched_attr a = { 0 };
	long r;

	if (!uattr || pid < 0 || usize > PAGE_SIZE || usize < SCHED_ATTR_SIZE_VER0 || flags)
		return -EINVAL;
	r = with_task(pid, get_attr, &a);
	if (r)
		return r;
	a.size = min_t(unsigned int, usize, sizeof(a));
	return copy_to_user(uattr, &a, a.size) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (rt_policy(policy))
		return MAX_RT_PRIO - 1;
	return valid_policy(policy) ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (rt_policy(policy))
		return 1;
	return valid_policy(policy) ? 0 : -EINVAL;
}

/* The slice: none for SCHED_FIFO (it runs until it yields, on Linux),
 * and otherwise Lego's, one tick, whatever the policy. */
static long get_slice(struct task_struct *p, void *arg)
{
	*(u64 *)arg = p->policy == SCHED_FIFO ? 0 : NSEC_PER_SEC / CONFIG_HZ;
	return 0;
}

SYSCALL_DEFINE2(sched_rr_get_interval, pid_t, pid, struct __kernel_timespec __user *, interval)
{
	struct __kernel_timespec ts;
	u64 ns;
	long r = with_task(pid, get_slice, &ns);

	if (r)
		return r;
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(interval, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* ------------------------------------------------------------ nice */

/* Whether p is among the tasks which and who name (tasklist_lock held):
 * one thread, the threads of a process group, or of a real uid. */
static bool prio_match(struct task_struct *p, int which, int who)
{
	struct task_struct *me = current;

	if (!p->pid)
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return who ? p->pid == who : p == me;
	case PRIO_PGRP:
		return p->signal->pgrp == (who ? who : me->signal->pgrp);
	default:
		return p->cred.uid == (who ? (uid_t)who : me->cred.uid);
	}
}

/*
 * Linux's set_one_prio: another user's task needs CAP_SYS_NICE (EPERM);
 * lowering the nice value needs RLIMIT_NICE's room or CAP_SYS_NICE
 * (EACCES).  The first success turns ESRCH into 0; a refusal is kept.
 */
static long set_one_prio(struct task_struct *p, int nice, long err)
{
	const struct cred *c = &current->cred;

	if (p->cred.uid != c->euid && p->cred.euid != c->euid && !capable(CAP_SYS_NICE))
		return -EPERM;
	if (nice < p->nice && !nice_within_rlimit(p, nice) && !capable(CAP_SYS_NICE))
		return -EACCES;
	p->nice = nice;
	return err == -ESRCH ? 0 : err;
}

// syscall-status: setpriority: partial: nice kept and reported, not weighed by the scheduler
SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *p;
	unsigned long flags;
	long err = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	niceval = min_t(int, max_t(int, niceval, MIN_NICE), MAX_NICE);
	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks)
		if (prio_match(p, which, who))
			err = set_one_prio(p, niceval, err);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* The highest priority among the tasks named, as 20 - nice (1..40): the
 * kernel's form, which keeps the result positive; the C library turns
 * it back into a nice value. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *p;
	unsigned long flags;
	long r = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks)
		if (prio_match(p, which, who) && 20 - p->nice > r)
			r = 20 - p->nice;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}
