// SPDX-License-Identifier: GPL-2.0
/*
 * The interval timers of setitimer(2) and alarm(2), one set per process:
 * ITIMER_REAL counts CLOCK_MONOTONIC and sends SIGALRM, ITIMER_VIRTUAL
 * counts the process's user time (SIGVTALRM), ITIMER_PROF its user and
 * system time (SIGPROF).  Each re-arms itself with its interval.  CPU
 * time is charged by the tick, so those two have the tick's resolution.
 * All three are guarded by signal->itimer_lock, taken with interrupts
 * off: the real timer's callback and the tick run in interrupt context.
 */
#include <lego/kernel.h>
#include <lego/compat.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <lego/printk.h>
#include <uapi/lego/time.h>
#include <asm/uaccess.h>

/* The process of sig, to send it a signal (from interrupt context). */
static void signal_process(struct signal_struct *sig, int signr)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	if (!list_empty(&sig->thread_head))
		group_send_sig_info(signr, SEND_SIG_PRIV,
				    list_first_entry(&sig->thread_head, struct task_struct,
						     thread_node));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * ITIMER_REAL expired (timer interrupt): SIGALRM, and the next period.
 * A timer re-armed for later meanwhile is left to fire then.
 */
void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct, real_timer);
	u64 now = ktime_get_ns();
	unsigned long flags = spin_lock_irqsave(&sig->itimer_lock);
	bool fire = sig->it_real.expires && sig->it_real.expires <= now;

	if (fire && sig->it_real.incr) {
		while (sig->it_real.expires <= now)
			sig->it_real.expires += sig->it_real.incr;
		mod_timer(t, sig->it_real.expires);
	} else if (fire) {
		sig->it_real.expires = 0;
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	if (fire)
		signal_process(sig, SIGALRM);
}

/* The process's last thread is going: no timer may fire afterwards. */
void exit_itimers(struct signal_struct *sig)
{
	unsigned long flags = spin_lock_irqsave(&sig->itimer_lock);

	sig->it_real.expires = sig->it_virt.expires = sig->it_prof.expires = 0;
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	del_timer_sync(&sig->real_timer);
}

/* Charges CPU time to a CPU timer; true if it expired (and re-armed). */
static bool charge(struct cpu_itimer *it, u64 ns)
{
	if (!it->expires || !ns)
		return false;
	if (it->expires > ns) {
		it->expires -= ns;
		return false;
	}
	it->expires = it->incr;
	return true;
}

/* From the tick: t ran user_ns in user mode or sys_ns in the kernel. */
void itimer_tick(struct task_struct *t, u64 user_ns, u64 sys_ns)
{
	struct signal_struct *sig = t->signal;
	bool virt, prof;

	if (!sig || (!READ_ONCE(sig->it_virt.expires) && !READ_ONCE(sig->it_prof.expires)))
		return;
	spin_lock(&sig->itimer_lock);
	virt = charge(&sig->it_virt, user_ns);
	prof = charge(&sig->it_prof, user_ns + sys_ns);
	spin_unlock(&sig->itimer_lock);
	if (virt)
		signal_process(sig, SIGVTALRM);
	if (prof)
		signal_process(sig, SIGPROF);
}

static void ns_to_old_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

/* What is left of a timer; an armed real timer about to fire reads as
 * one microsecond, never as disarmed (Linux). */
static void get_itimer(struct signal_struct *sig, int which, struct __kernel_old_itimerval *v)
{
	struct cpu_itimer *it = which == ITIMER_REAL ? &sig->it_real :
				which == ITIMER_VIRTUAL ? &sig->it_virt : &sig->it_prof;
	u64 left = it->expires;

	if (which == ITIMER_REAL && left) {
		u64 now = ktime_get_ns();

		left = left > now ? left - now : NSEC_PER_USEC;
	}
	ns_to_old_timeval(left, &v->it_value);
	ns_to_old_timeval(it->incr, &v->it_interval);
}

static int do_getitimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	flags = spin_lock_irqsave(&sig->itimer_lock);
	get_itimer(sig, which, v);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	return 0;
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

static int do_setitimer(int which, const struct __kernel_old_itimerval *nv,
			struct __kernel_old_itimerval *ov)
{
	struct signal_struct *sig = current->signal;
	u64 value = timeval_to_ns(&nv->it_value), incr = timeval_to_ns(&nv->it_interval);
	struct cpu_itimer *it;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	it = which == ITIMER_REAL ? &sig->it_real :
	     which == ITIMER_VIRTUAL ? &sig->it_virt : &sig->it_prof;
	flags = spin_lock_irqsave(&sig->itimer_lock);
	if (ov)
		get_itimer(sig, which, ov);
	it->incr = value ? incr : 0;
	if (which != ITIMER_REAL) {
		it->expires = value;
	} else if (value) {
		it->expires = ktime_get_ns() + value;
		mod_timer(&sig->real_timer, it->expires);
	} else {
		it->expires = 0;
		/* The callback finds it disarmed if it runs meanwhile. */
		del_timer(&sig->real_timer);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval v;
	int r = do_getitimer(which, &v);

	if (!r && copy_to_user(value, &v, sizeof(v)))
		r = -EFAULT;
	return r;
}

/*
 * setitimer's new value, already in the 64-bit layout (given: the user
 * passed one): EINVAL for a negative or out-of-range timeval.  A NULL
 * new value disarms the timer, with Linux 6.1's one-time warning that
 * this misfeature will go.
 */
static int check_new_itimer(const struct __kernel_old_itimerval *nv, bool given)
{
	static bool warned;

	if (given)
		return timeval_valid(&nv->it_value) && timeval_valid(&nv->it_interval) ?
		       0 : -EINVAL;
	if (!warned) {
		warned = true;
		pr_warn("%s calls setitimer() with new_value NULL pointer. "
			"Misfeature support will be removed\n", current->comm);
	}
	return 0;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval nv = { 0 }, ov;
	int r;

	if (value && copy_from_user(&nv, value, sizeof(nv)))
		return -EFAULT;
	r = check_new_itimer(&nv, value);
	if (r)
		return r;
	r = do_setitimer(which, &nv, ovalue ? &ov : NULL);
	if (!r && ovalue && copy_to_user(ovalue, &ov, sizeof(ov)))
		r = -EFAULT;
	return r;
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 itimerval: two old_timeval32 (32-bit seconds, truncated on
 * the way out as Linux's put_old_itimerval32). */
static int put_itimer32(struct old_itimerval32 __user *u, const struct __kernel_old_itimerval *v)
{
	struct old_itimerval32 c = {
		{ v->it_interval.tv_sec, v->it_interval.tv_usec },
		{ v->it_value.tv_sec, v->it_value.tv_usec },
	};

	return copy_to_user(u, &c, sizeof(c)) ? -EFAULT : 0;
}

COMPAT_SYSCALL_DEFINE2(getitimer, int, which, struct old_itimerval32 __user *, value)
{
	struct __kernel_old_itimerval v;
	int r = do_getitimer(which, &v);

	return r ? r : put_itimer32(value, &v);
}

/* The seconds are signed 32 bits: a negative one is EINVAL, as Linux's
 * get_old_itimerval32. */
COMPAT_SYSCALL_DEFINE3(setitimer, int, which, struct old_itimerval32 __user *, value,
		       struct old_itimerval32 __user *, ovalue)
{
	struct __kernel_old_itimerval nv = { 0 }, ov;
	struct old_itimerval32 c;
	int r;

	if (value) {
		if (copy_from_user(&c, value, sizeof(c)))
			return -EFAULT;
		nv.it_interval.tv_sec = c.it_interval.tv_sec;
		nv.it_interval.tv_usec = c.it_interval.tv_usec;
		nv.it_value.tv_sec = c.it_value.tv_sec;
		nv.it_value.tv_usec = c.it_value.tv_usec;
	}
	r = check_new_itimer(&nv, value);
	if (r)
		return r;
	r = do_setitimer(which, &nv, ovalue ? &ov : NULL);
	return r || !ovalue ? r : put_itimer32(ovalue, &ov);
}
#endif

/* Seconds left of the previous alarm, rounded so that a pending alarm
 * never reads as none (Linux's alarm_setitimer). */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval nv = { .it_value = { .tv_sec = seconds } }, ov;

	do_setitimer(ITIMER_REAL, &nv, &ov);
	if ((!ov.it_value.tv_sec && ov.it_value.tv_usec) || ov.it_value.tv_usec >= 500000)
		ov.it_value.tv_sec++;
	return ov.it_value.tv_sec;
}
