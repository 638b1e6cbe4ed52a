// SPDX-License-Identifier: GPL-2.0
/*
 * Resources: usage (getrusage, times), the system's (sysinfo), and the
 * limits: getrlimit, setrlimit, prlimit64.  Raising a hard limit
 * needs privilege (EPERM otherwise); a soft limit above the hard one is
 * EINVAL; RLIMIT_NOFILE may not exceed the kernel's fd table (EPERM, as
 * Linux's nr_open).
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/time.h>
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

#ifdef CONFIG_IA32_EMULATION
/*
 * i386 struct rlimit, 32-bit values: a limit above them reads as
 * infinity -- COMPAT_RLIM_INFINITY for ugetrlimit, 0x7fffffff for the old
 * getrlimit (76) -- and COMPAT_RLIM_INFINITY sets infinity, as Linux's
 * compat getrlimit/setrlimit.
 */
static long get_compat_rlimit(unsigned int resource, struct compat_rlimit __user *rlim,
			      u32 infinity)
{
	struct rlimit r;
	struct compat_rlimit r32;
	int e = do_prlimit(current, resource, NULL, &r);

	if (e)
		return e;
	r32.rlim_cur = r.rlim_cur > infinity ? infinity : r.rlim_cur;
	r32.rlim_max = r.rlim_max > infinity ? infinity : r.rlim_max;
	return copy_to_user(rlim, &r32, sizeof(r32)) ? -EFAULT : 0;
}

COMPAT_SYSCALL_DEFINE2(ugetrlimit, unsigned int, resource, struct compat_rlimit __user *, rlim)
{
	return get_compat_rlimit(resource, rlim, COMPAT_RLIM_INFINITY);
}

COMPAT_SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct compat_rlimit __user *, rlim)
{
	return get_compat_rlimit(resource, rlim, COMPAT_RLIM_OLD_INFINITY);
}

COMPAT_SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct compat_rlimit __user *, rlim)
{
	struct compat_rlimit r32;
	struct rlimit r;

	if (copy_from_user(&r32, rlim, sizeof(r32)))
		return -EFAULT;
	r.rlim_cur = r32.rlim_cur == COMPAT_RLIM_INFINITY ? RLIM_INFINITY : r32.rlim_cur;
	r.rlim_max = r32.rlim_max == COMPAT_RLIM_INFINITY ? RLIM_INFINITY : r32.rlim_max;
	return do_prlimit(current, resource, &r, NULL);
}
#endif

/* ------------------------------------------------------------ usage */

/*
 * getrusage(2): the caller's process, its reaped children, or the
 * calling thread, from the accounting wait4 reports too (task_rusage).
 */
SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	task_rusage(current, who, &r);
	return put_rusage(ru, &r);
}

static long timeval_to_clock_t(const long tv[2])
{
	return tv[0] * USER_HZ + tv[1] / (1000000 / USER_HZ);
}

/*
 * times(2): the process's and its reaped children's CPU times, and the
 * clock ticks since boot as the result (Documentation/process/
 * decisions.rst); a NULL buffer only asks for the ticks.  The result
 * is never an error, however large it grows.
 */
/* The CPU times of times(2), in clock ticks; the result is the ticks
 * since boot. */
static u64 do_times(struct tms *t)
{
	struct rusage self, children;

	task_rusage(current, RUSAGE_SELF, &self);
	task_rusage(current, RUSAGE_CHILDREN, &children);
	t->tms_utime = timeval_to_clock_t(self.ru_utime);
	t->tms_stime = timeval_to_clock_t(self.ru_stime);
	t->tms_cutime = timeval_to_clock_t(children.ru_utime);
	t->tms_cstime = timeval_to_clock_t(children.ru_stime);
	return ktime_get_ns() / (NSEC_PER_SEC / USER_HZ);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms t;
	u64 ticks = do_times(&t);

	if (tbuf && copy_to_user(tbuf, &t, sizeof(t)))
		return -EFAULT;
	return ticks;
}

/*
 * sysinfo(2): uptime in whole seconds rounded up (as Linux), the load
 * averages in 16-bit fixed point, the number of threads, and memory in
 * bytes (mem_unit 1: the sizes fit an unsigned long on x86-64, so Linux
 * scales them so).  There is no swap and no high memory.
 */
static void do_sysinfo(struct sysinfo *si)
{
	struct task_struct *t;
	unsigned long flags, loads[3];
	u64 up = ktime_get_ns();
	unsigned int n = 0;
	int i;

	memset(si, 0, sizeof(*si));
	si->uptime = up / NSEC_PER_SEC + !!(up % NSEC_PER_SEC);
	get_avenrun(loads);
	for (i = 0; i < 3; i++)
		si->loads[i] = loads[i] << (SI_LOAD_SHIFT - FSHIFT_LOADAVG);
	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(t, &task_list, tasks)
		n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	si->procs = min_t(unsigned int, n, 0xffff);
	si->totalram = totalram_pages() * PAGE_SIZE;
	si->freeram = nr_free_pages() * PAGE_SIZE;
	si->sharedram = shmem_pages() * PAGE_SIZE;
	si->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;

	do_sysinfo(&si);
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

#ifdef CONFIG_IA32_EMULATION
/*
 * The i386 sysinfo (116), Linux's compat_sys_sysinfo: when the total RAM
 * or swap in bytes does not fit 32 bits, mem_unit grows to PAGE_SIZE and
 * every size is shifted down by as much (no EOVERFLOW: a 32-bit program
 * sees the sizes in pages).  Every other field is truncated to 32 bits.
 */
COMPAT_SYSCALL_DEFINE1(sysinfo, struct compat_sysinfo __user *, info)
{
	struct compat_sysinfo c;
	struct sysinfo s;
	int i, shift = 0;

	do_sysinfo(&s);
	if ((s.totalram >> 32) || (s.totalswap >> 32)) {
		while (s.mem_unit < PAGE_SIZE) {
			s.mem_unit <<= 1;
			shift++;
		}
	}
	memset(&c, 0, sizeof(c));
	c.uptime = s.uptime;
	for (i = 0; i < 3; i++)
		c.loads[i] = s.loads[i];
	c.totalram = s.totalram >> shift;
	c.freeram = s.freeram >> shift;
	c.sharedram = s.sharedram >> shift;
	c.bufferram = s.bufferram >> shift;
	c.totalswap = s.totalswap >> shift;
	c.freeswap = s.freeswap >> shift;
	c.procs = s.procs;
	c.totalhigh = s.totalhigh >> shift;
	c.freehigh = s.freehigh >> shift;
	c.mem_unit = s.mem_unit;
	return copy_to_user(info, &c, sizeof(c)) ? -EFAULT : 0;
}

/* The i386 times (43): 32-bit clock_t fields, and the ticks since boot
 * truncated to 32 bits and sign-extended, as Linux's compat_clock_t
 * result (never an error but EFAULT, however large it grows). */
COMPAT_SYSCALL_DEFINE1(times, struct compat_tms __user *, tbuf)
{
	struct compat_tms c;
	struct tms t;
	u64 ticks = do_times(&t);

	c.tms_utime = t.tms_utime;
	c.tms_stime = t.tms_stime;
	c.tms_cutime = t.tms_cutime;
	c.tms_cstime = t.tms_cstime;
	if (tbuf && copy_to_user(tbuf, &c, sizeof(c)))
		return -EFAULT;
	return (compat_clock_t)ticks;
}
#endif
