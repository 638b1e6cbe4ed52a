// SPDX-License-Identifier: GPL-2.0
/*
 * Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, time,
 * nanosleep, clock_nanosleep.  All clocks derive from the TSC (see
 * arch/x86/kernel/tsc.c); the CPU-time clocks from the scheduler's
 * accounting (kernel/sched.c).
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/time.h>
#include <asm/uaccess.h>
#include <asm/vvar.h>

/*
 * CPU-time clock ids as Linux encodes them (clock_getcpuclockid(3) and
 * pthread_getcpuclockid(3) build them): ~pid << 3 | per-thread << 2 |
 * which, pid 0 meaning the caller.  CLOCK_PROCESS_CPUTIME_ID and
 * CLOCK_THREAD_CPUTIME_ID are the caller's SCHED clocks.  which 3 is
 * Linux's CLOCKFD, a clock device's fd, of which Lego has none.
 */
#define CPUCLOCK_PROF		0	/* user + system time, by tick */
#define CPUCLOCK_VIRT		1	/* user time, by tick */
#define CPUCLOCK_SCHED		2	/* time on a CPU, exact */
#define CPUCLOCK_WHICH_MASK	3
#define CPUCLOCK_PERTHREAD	4
#define CPUCLOCK_SELF(flags)	((clockid_t)(~0u << 3) | (flags))

static u64 thread_clock_sample(struct task_struct *t, int which)
{
	switch (which) {
	case CPUCLOCK_PROF:
		return t->utime + t->stime;
	case CPUCLOCK_VIRT:
		return t->utime;
	default:
		return task_sched_runtime(t);
	}
}

/* The process's: its exited threads' totals and its live threads'. */
static u64 process_clock_sample(struct task_struct *p, int which)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	unsigned long flags;
	u64 ns;

	flags = spin_lock_irqsave(&p->sighand->siglock);
	if (which == CPUCLOCK_PROF)
		ns = sig->utime + sig->stime;
	else if (which == CPUCLOCK_VIRT)
		ns = sig->utime;
	else
		ns = sig->sum_sched_runtime;
	for_each_thread(p, t)
		ns += thread_clock_sample(t, which);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return ns;
}

/*
 * Reads CPU-time clock id (< 0), or -EINVAL when it names no thread of
 * ours (a thread clock) or no process (a process clock) -- Linux's
 * pid_for_clock(), where clock_gettime, not clock_getres, may name a
 * process by the caller's own thread id.
 */
static long cpu_clock_read(clockid_t id, bool gettime, u64 *ns)
{
	int which = id & CPUCLOCK_WHICH_MASK;
	bool thread = id & CPUCLOCK_PERTHREAD;
	pid_t pid = ~(id >> 3);
	struct task_struct *t;
	unsigned long flags;

	if (which == CPUCLOCK_WHICH_MASK)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	t = pid ? find_task_by_pid(pid) : current;
	if (t && thread && t->tgid != current->tgid)
		t = NULL;
	if (t && !thread && !thread_group_leader(t))
		t = gettime && t == current ? t->group_leader : NULL;
	if (t)
		*ns = thread ? thread_clock_sample(t, which) : process_clock_sample(t, which);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t ? 0 : -EINVAL;
}

/*
 * The reading of clock id in ns, or -EINVAL for an unknown clock.  The
 * clocks the vDSO serves are read exactly as the vDSO reads them.
 */
static long clock_read_ns(clockid_t id, bool gettime, u64 *ns)
{
	if (ktime_get_clock_ns(id, ns))
		return 0;
	switch (id) {
	case CLOCK_REALTIME_ALARM:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_BOOTTIME_ALARM:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		return cpu_clock_read(CPUCLOCK_SELF(CPUCLOCK_SCHED), gettime, ns);
	case CLOCK_THREAD_CPUTIME_ID:
		return cpu_clock_read(CPUCLOCK_SELF(CPUCLOCK_PERTHREAD | CPUCLOCK_SCHED),
				      gettime, ns);
	default:
		return id < 0 ? cpu_clock_read(id, gettime, ns) : -EINVAL;
	}
}

static struct __kernel_timespec ns_to_timespec(u64 ns)
{
	struct __kernel_timespec ts;

	vvar_ns_to_timespec(ns, &ts);
	return ts;
}

/* A timespec to user space in either ABI's layout (compat: the i386
 * old_timespec32, whose seconds wrap in 2038 as on Linux). */
static int put_timespec(void __user *u, bool compat, struct __kernel_timespec ts)
{
	struct old_timespec32 t32 = { ts.tv_sec, ts.tv_nsec };

	if (compat)
		return copy_to_user(u, &t32, sizeof(t32)) ? -EFAULT : 0;
	return copy_to_user(u, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static long do_clock_gettime(clockid_t which_clock, void __user *tp, bool compat)
{
	u64 ns;
	long r = clock_read_ns(which_clock, true, &ns);

	return r ? r : put_timespec(tp, compat, ns_to_timespec(ns));
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	return do_clock_gettime(which_clock, tp, false);
}

/* The TSC clocks are exact to the nanosecond; the coarse ones tick
 * (the vDSO's values, from its data page). */
static long do_clock_getres(clockid_t which_clock, void __user *tp, bool compat)
{
	struct __kernel_timespec ts = { 0, 1 };
	u32 res;
	u64 ns;
	long r = clock_read_ns(which_clock, false, &ns);

	if (r)
		return r;
	if (ktime_get_clock_res_ns(which_clock, &res))
		ts.tv_nsec = res;
	return tp ? put_timespec(tp, compat, ts) : 0;
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock,
		struct __kernel_timespec __user *, tp)
{
	return do_clock_getres(which_clock, tp, false);
}

/* gettimeofday's second half, for both ABIs: the (obsolete) time zone. */
static int put_timezone(struct timezone __user *tz)
{
	struct timezone z;

	if (!tz)
		return 0;
	ktime_get_timezone(&z);
	return copy_to_user(tz, &z, sizeof(z)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		struct __kernel_old_timeval t;

		vvar_ns_to_timeval(ktime_get_real_ns(), &t);
		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	return put_timezone(tz);
}

/* The seconds of the last tick, as Linux's (and the vDSO's) time(). */
SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = ktime_get_seconds_coarse();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * A sleep's request, in either ABI's layout (compat: the i386
 * old_timespec32), as nanoseconds; -EINVAL for a negative or
 * unnormalised one.
 */
static int get_timespec_ns(const void __user *u, bool compat, u64 *ns)
{
	struct __kernel_timespec ts;
	struct old_timespec32 t32;

	if (compat) {
		if (copy_from_user(&t32, u, sizeof(t32)))
			return -EFAULT;
		ts.tv_sec = t32.tv_sec;
		ts.tv_nsec = t32.tv_nsec;
	} else if (copy_from_user(&ts, u, sizeof(ts))) {
		return -EFAULT;
	}
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec >= U64_MAX / NSEC_PER_SEC / 2)
		*ns = U64_MAX / 2;
	else
		*ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/* Writes what is left of a relative sleep to rmtp (none: nothing). */
static int put_remaining(void __user *rmtp, bool compat, u64 deadline)
{
	u64 now = ktime_get_ns(), left = deadline > now ? deadline - now : 0;

	return rmtp ? put_timespec(rmtp, compat, ns_to_timespec(left)) : 0;
}

static long nanosleep_restart(struct restart_block *rb);

/*
 * Sleeps until deadline (CLOCK_MONOTONIC ns).  A signal ends the sleep:
 * an absolute one restarts as it was (-ERESTARTNOHAND); a relative one
 * writes the time left to rmtp and arms restart_syscall(2) to sleep just
 * that long if no handler runs -- with a handler it is -EINTR, as Linux's
 * hrtimer_nanosleep().
 */
static long do_sleep(int flags, u64 deadline, void __user *rmtp, bool compat)
{
	struct restart_block *rb = &current->restart_block;

	if (!sleep_until_ns(deadline))
		return 0;
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;
	if (put_remaining(rmtp, compat, deadline))
		return -EFAULT;
	rb->nanosleep.deadline_ns = deadline;
	rb->nanosleep.rmtp = rmtp;
	rb->nanosleep.compat = compat;
	return set_restart_fn(rb, nanosleep_restart);
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_sleep(0, rb->nanosleep.deadline_ns, rb->nanosleep.rmtp,
			rb->nanosleep.compat);
}

/* rqtp and rmtp are __kernel_timespecs, or with compat old_timespec32s. */
static long do_nanosleep(clockid_t clock, int flags, const void __user *rqtp,
			 void __user *rmtp, bool compat)
{
	u64 req, now, base, deadline;
	long r = get_timespec_ns(rqtp, compat, &req);

	if (r)
		return r;
	r = clock_read_ns(clock, true, &now);
	if (r)
		return r;
	base = ktime_get_ns();
	if (flags & TIMER_ABSTIME)
		deadline = req > now ? base + (req - now) : base;
	else
		deadline = base + req;
	return do_sleep(flags, deadline, rmtp, compat);
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp, false);
}

static long do_clock_nanosleep(clockid_t which_clock, int flags, const void __user *rqtp,
			       void __user *rmtp, bool compat)
{
	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	default:
		/* Known clocks that cannot be slept on (the thread CPU clock
		 * among them: Linux's has no nsleep) are EOPNOTSUPP. */
		if (which_clock < 0 || which_clock > CLOCK_TAI)
			return -EINVAL;
		return -EOPNOTSUPP;
	}
	return do_nanosleep(which_clock, flags, rqtp, rmtp, compat);
}

// syscall-status: clock_nanosleep: partial: CPU-time clocks cannot be slept on (EOPNOTSUPP; Linux sleeps on a process clock)
SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_clock_nanosleep(which_clock, flags, rqtp, rmtp, false);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 calls with a 32-bit time_t (the _time64 ones are the 64-bit
 * handlers).  Their seconds wrap in 2038, as on Linux. */
COMPAT_SYSCALL_DEFINE1(time, old_time32_t __user *, tloc)
{
	old_time32_t t = ktime_get_seconds_coarse();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

COMPAT_SYSCALL_DEFINE2(gettimeofday, struct old_timeval32 __user *, tv,
		       struct timezone __user *, tz)
{
	if (tv) {
		struct __kernel_old_timeval t;
		struct old_timeval32 t32;

		vvar_ns_to_timeval(ktime_get_real_ns(), &t);
		t32.tv_sec = t.tv_sec;
		t32.tv_usec = t.tv_usec;
		if (copy_to_user(tv, &t32, sizeof(t32)))
			return -EFAULT;
	}
	return put_timezone(tz);
}

COMPAT_SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock,
		       struct old_timespec32 __user *, tp)
{
	return do_clock_gettime(which_clock, tp, true);
}

COMPAT_SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock,
		       struct old_timespec32 __user *, tp)
{
	return do_clock_getres(which_clock, tp, true);
}

/* The 32-bit-time_t sleeps; a restart keeps writing the i386 layout
 * (restart_block.nanosleep.compat, Linux's TT_COMPAT). */
COMPAT_SYSCALL_DEFINE2(nanosleep, struct old_timespec32 __user *, rqtp,
		       struct old_timespec32 __user *, rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp, true);
}

COMPAT_SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		       const struct old_timespec32 __user *, rqtp,
		       struct old_timespec32 __user *, rmtp)
{
	return do_clock_nanosleep(which_clock, flags, rqtp, rmtp, true);
}
#endif
