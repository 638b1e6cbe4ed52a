// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: a round-robin run queue per CPU, a time slice of one
 * tick, wakeups placed on an idle CPU when there is one, and idle CPUs
 * pulling work from busy ones.
 *
 * Locking and the task fields (include/lego/sched.h):
 *   rq->lock      the run queue: its list, curr, and on_rq/cpu of the
 *                 tasks on it.  A context switch happens with exactly this
 *                 lock held; the task switched to releases it.
 *   t->pi_lock    taken first by everything that moves a task between run
 *                 queues (wakeup, migration, stealing), so they serialise.
 *   t->on_rq      runnable: queued or running.  Cleared by schedule()
 *                 under rq->lock when a task goes to sleep.
 *   t->on_cpu     set while the task runs and until its context switch has
 *                 finished saving it; nothing may run it elsewhere before.
 * Lock order: wait-queue lock, then t->pi_lock, then one rq->lock.  No code
 * holds two run-queue locks.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <lego/sched.h>
#include <lego/spinlock.h>
#include <lego/time.h>
#include <lego/timer.h>
#include <lego/errno.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/smp.h>
#include <lego/cmdline.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>
#include <asm/processor.h>
#include <asm/bootparam.h>

DEFINE_PER_CPU(struct task_struct *, current_task);
DEFINE_PER_CPU(int, __preempt_count);

struct rq {
	spinlock_t lock;
	struct list_head queue;		/* runnable, not running: FIFO */
	unsigned int nr_queued;
	struct task_struct *curr;
	struct task_struct *idle;
	/* Set by schedule() when the task switched out may not stay here;
	 * finish_task_switch() moves it once it is off the CPU. */
	struct task_struct *migrate;
	u64 nr_switches;
};

static DEFINE_PER_CPU(struct rq, runqueues);
struct task_struct init_task;		/* pid 0: the boot CPU's idle task */

#define cpu_rq(cpu)	per_cpu_ptr(&runqueues, cpu)
#define this_rq()	this_cpu_ptr(&runqueues)

static void init_rq(int cpu, struct task_struct *idle)
{
	struct rq *rq = cpu_rq(cpu);

	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	rq->curr = rq->idle = idle;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	idle->on_rq = 1;
}

static void init_idle_task(struct task_struct *t, int cpu)
{
	t->state = TASK_RUNNING;
	t->pid = 0;
	if (cpu)
		scnprintf(t->comm, sizeof(t->comm), "swapper/%d", cpu);
	else
		strscpy(t->comm, "swapper", sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	INIT_LIST_HEAD(&t->thread_node);
	INIT_LIST_HEAD(&t->pending.list);
	spin_lock_init(&t->pi_lock);
	cpumask_clear(&t->cpus_allowed);
	cpumask_set_cpu(cpu, &t->cpus_allowed);
}

void sched_init(void)
{
	timers_init_cpu(0);
	init_idle_task(&init_task, 0);
	init_task.thread.sp0 = this_cpu_read(cpu_current_top_of_stack);
	init_rq(0, &init_task);
	this_cpu_write(current_task, &init_task);
}

/* The idle task of an application processor, before it starts. */
struct task_struct *idle_task_create(int cpu)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->stack = alloc_kernel_stack();
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	t->thread.sp0 = (unsigned long)t->stack + THREAD_SIZE;
	timers_init_cpu(cpu);
	init_idle_task(t, cpu);
	init_rq(cpu, t);
	per_cpu(current_task, cpu) = t;
	per_cpu(cpu_current_top_of_stack, cpu) = t->thread.sp0;
	return t;
}

static bool rq_idle(const struct rq *rq)
{
	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_queued);
}

/*
 * Where a waking or new task runs: its last CPU if that is idle (its
 * cache may still be warm), else any idle CPU it may use, else its last
 * CPU if allowed, else the allowed CPU with the shortest queue.  The
 * remote fields are read without locks: a stale answer costs balance,
 * not correctness.
 */
static int select_task_rq(struct task_struct *t)
{
	int prev = t->cpu, cpu, best = -1;
	unsigned int best_load = ~0U;

	if (cpu_online(prev) && cpumask_test_cpu(prev, &t->cpus_allowed) &&
	    rq_idle(cpu_rq(prev)))
		return prev;
	for_each_cpu(cpu, &t->cpus_allowed) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int load;

		if (!cpu_online(cpu))
			continue;
		if (rq_idle(rq))
			return cpu;
		load = READ_ONCE(rq->nr_queued);
		if (load < best_load) {
			best_load = load;
			best = cpu;
		}
	}
	if (cpu_online(prev) && cpumask_test_cpu(prev, &t->cpus_allowed))
		return prev;
	return best >= 0 ? best : smp_processor_id();
}

/* Queues runnable t on cpu and makes that CPU notice. Called with
 * t->pi_lock held and t off every CPU. */
static void activate_task(struct task_struct *t, int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags = spin_lock_irqsave(&rq->lock);
	struct task_struct *curr = rq->curr;

	t->cpu = cpu;
	t->on_rq = 1;
	list_add_tail(&t->run_list, &rq->queue);
	rq->nr_queued++;
	/* An idle CPU switches at once; a busy one at its next tick. */
	if (curr == rq->idle && !test_tsk_thread_flag(curr, TIF_NEED_RESCHED)) {
		set_tsk_thread_flag(curr, TIF_NEED_RESCHED);
		if (cpu != smp_processor_id())
			smp_send_reschedule(cpu);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* Spins until t has finished switching out of whatever CPU ran it. */
void wait_task_inactive(struct task_struct *t)
{
	while (smp_load_acquire(&t->on_cpu))
		cpu_relax();
}

/*
 * Wakes t if its state is one of state: makes it TASK_RUNNING and, if it
 * had left its run queue, queues it on a CPU.  True if it was woken.
 */
bool wake_up_state(struct task_struct *t, long state)
{
	unsigned long flags = spin_lock_irqsave(&t->pi_lock);
	bool woken = false;

	if (!(READ_ONCE(t->state) & state))
		goto out;
	woken = true;
	if (READ_ONCE(t->on_rq)) {
		/* Still queued or running: it has not slept yet. */
		struct rq *rq = cpu_rq(t->cpu);

		spin_lock(&rq->lock);
		if (t->on_rq) {
			WRITE_ONCE(t->state, TASK_RUNNING);
			spin_unlock(&rq->lock);
			goto out;
		}
		spin_unlock(&rq->lock);
	}
	wait_task_inactive(t);
	WRITE_ONCE(t->state, TASK_RUNNING);
	activate_task(t, select_task_rq(t));
out:
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return woken;
}

bool wake_up_process(struct task_struct *t)
{
	return wake_up_state(t, TASK_NORMAL);
}

/* A new task's first wakeup: on the least busy CPU it may use. */
void wake_up_new_task(struct task_struct *t)
{
	unsigned long flags = spin_lock_irqsave(&t->pi_lock);

	t->state = TASK_RUNNING;
	activate_task(t, select_task_rq(t));
	spin_unlock_irqrestore(&t->pi_lock, flags);
}

static struct task_struct *pick_next(struct rq *rq)
{
	struct task_struct *next;

	if (list_empty(&rq->queue))
		return rq->idle;
	next = list_first_entry(&rq->queue, struct task_struct, run_list);
	list_del(&next->run_list);
	rq->nr_queued--;
	return next;
}

/*
 * The second half of a context switch, in the task switched to: the task
 * switched out (prev) is off this CPU now, so it may run elsewhere; the
 * run-queue lock taken by whoever called schedule() here is released.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct task_struct *mig = rq->migrate;
	unsigned long flags;

	rq->migrate = NULL;
	smp_store_release(&prev->on_cpu, 0);
	spin_unlock(&rq->lock);
	if (mig) {
		flags = spin_lock_irqsave(&mig->pi_lock);
		activate_task(mig, select_task_rq(mig));
		spin_unlock_irqrestore(&mig->pi_lock, flags);
	}
	/* A task that exited has made its last switch: its stack is free
	 * now, and so is the reference it held while it ran (do_exit). */
	if (READ_ONCE(prev->state) == TASK_DEAD)
		put_task_struct(prev);
}

/* The CPU-time clocks' exact count: prev's time on the CPU ends now and
 * next's begins (rq->lock held; prev == next folds in the stretch so
 * far). */
static void account_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 now = sched_clock();

	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
}

/*
 * t's time on a CPU in ns, the running stretch folded in: what
 * CLOCK_THREAD_CPUTIME_ID reads (Linux's task_sched_runtime()), and what
 * an exiting thread leaves its process.  pi_lock keeps t on its run queue
 * while that queue's lock is taken.
 */
u64 task_sched_runtime(struct task_struct *t)
{
	unsigned long flags = spin_lock_irqsave(&t->pi_lock);
	struct rq *rq = cpu_rq(t->cpu);
	u64 ns;

	spin_lock(&rq->lock);
	if (rq->curr == t)
		account_switch(t, t);
	ns = t->sum_exec_runtime;
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return ns;
}

/*
 * Picks the next task and switches to it.  preempt: the current task is
 * being preempted, so it stays runnable whatever its state says (it may
 * have been preempted between setting a sleep state and sleeping).
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq;
	int cpu;

	local_irq_disable();
	cpu = smp_processor_id();
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	touch_softlockup_watchdog();
	if (!preempt && prev->state != TASK_RUNNING) {
		prev->on_rq = 0;		/* asleep: off the run queue */
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		if (preempt)
			prev->nivcsw++;
		if (!cpumask_test_cpu(cpu, &prev->cpus_allowed))
			rq->migrate = prev;	/* moved once off this CPU */
		else {
			list_add_tail(&prev->run_list, &rq->queue);
			rq->nr_queued++;
		}
	}
	next = pick_next(rq);
	if (next == prev) {
		rq->migrate = NULL;
		spin_unlock(&rq->lock);
		return;
	}
	next->on_cpu = 1;
	rq->curr = next;
	rq->nr_switches++;
	account_switch(prev, next);
	prev = switch_to(prev, next);
	/* Back in the task that called us, maybe much later and on another
	 * CPU; prev is now the task that switched to it. */
	finish_task_switch(prev);
}

void schedule(void)
{
	unsigned long flags = native_save_fl();

	WARN_ONCE(preempt_count() && !panic_in_progress,
		  "BUG: scheduling while atomic: %s[%d], preempt count %d",
		  current->comm, current->pid, preempt_count());
	__schedule(false);
	local_irq_restore(flags);
}

/* CONFIG_PREEMPT: from preempt_enable() when the count reached zero. */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled() || !need_resched())
		return;
	do {
		__schedule(true);
		local_irq_enable();
	} while (need_resched());
}

/* CONFIG_PREEMPT: from the interrupt return to kernel mode, interrupts
 * off, the interrupted code preemptible. */
void preempt_schedule_irq(void)
{
	do {
		__schedule(true);
		local_irq_disable();
	} while (need_resched());
}

/* First thing a new task runs (ret_from_fork), prev in rdi. */
void schedule_tail(struct task_struct *prev)
{
	struct task_struct *t = current;

	finish_task_switch(prev);
	local_irq_enable();
	/* CLONE_CHILD_SETTID in a new address space: written from the child. */
	if (t->set_child_tid) {
		put_user(t->pid, t->set_child_tid);
		t->set_child_tid = NULL;
	}
}

/* ------------------------------------------------------------ the tick */
#define TICK_NSEC	(NSEC_PER_SEC / CONFIG_HZ)

static DEFINE_PER_CPU(u64, watchdog_touch_ns);
static DEFINE_PER_CPU(bool, softlockup_reported);
static u64 softlockup_thresh_ns = 20 * NSEC_PER_SEC;

void touch_softlockup_watchdog(void)
{
	this_cpu_write(watchdog_touch_ns, ktime_get_ns());
	this_cpu_write(softlockup_reported, false);
}

/*
 * A CPU that has stayed in kernel code (not idle, not in user mode)
 * without scheduling for softlockup_thresh= seconds is stuck: say so once
 * per episode, with where it is, and carry on.
 */
static void softlockup_check(struct pt_regs *regs, struct task_struct *curr)
{
	u64 now = ktime_get_ns(), touched = this_cpu_read(watchdog_touch_ns);

	if (!IS_ENABLED(CONFIG_SOFTLOCKUP_DETECTOR) || user_mode(regs) ||
	    curr == this_rq()->idle) {
		touch_softlockup_watchdog();
		return;
	}
	if (now - touched < softlockup_thresh_ns || this_cpu_read(softlockup_reported))
		return;
	this_cpu_write(softlockup_reported, true);
	printk(KERN_EMERG "BUG: soft lockup - CPU#%d stuck for %llus! [%s:%d]\n",
	       smp_processor_id(), (now - touched) / NSEC_PER_SEC, curr->comm, curr->pid);
	show_regs(regs);
	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " [<%016lx>] %pS\n", regs->ip, (void *)regs->ip);
	show_backtrace(regs->bp);
}

/* The timer interrupt, on every CPU: accounting, slices, timers. */
void scheduler_tick(struct pt_regs *regs)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;
	bool user = user_mode(regs), idle;

	spin_lock(&rq->lock);
	curr = rq->curr;
	idle = curr == rq->idle;
	if (user)
		curr->utime += TICK_NSEC;
	else if (!idle)
		curr->stime += TICK_NSEC;
	if (rq->nr_queued)
		set_tsk_thread_flag(curr, TIF_NEED_RESCHED);
	spin_unlock(&rq->lock);
	/* ITIMER_VIRTUAL and ITIMER_PROF: their signals wake tasks, which
	 * takes run-queue locks, so after ours is dropped. */
	if (!idle)
		itimer_tick(curr, user ? TICK_NSEC : 0, user ? 0 : TICK_NSEC);
	run_local_timers();
	softlockup_check(regs, curr);
}

/* ----------------------------------------------------------- sleeping */
struct sleep_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct sleep_timer, timer)->task);
}

/*
 * The caller has set its sleep state.  Sleeps until woken or until
 * CLOCK_MONOTONIC reaches deadline_ns; returns 0 if the deadline passed,
 * else the time that was left.
 */
u64 schedule_timeout_ns(u64 deadline_ns)
{
	struct sleep_timer st = { .task = current };
	u64 now = ktime_get_ns();

	if (deadline_ns <= now) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	timer_setup(&st.timer, process_timeout);
	add_timer(&st.timer, deadline_ns);
	schedule();
	del_timer_sync(&st.timer);
	now = ktime_get_ns();
	return deadline_ns > now ? deadline_ns - now : 0;
}

/* Sleeps until CLOCK_MONOTONIC reaches deadline_ns: 0, or -EINTR when a
 * signal became pending first. */
long sleep_until_ns(u64 deadline_ns)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			return -EINTR;
		}
		if (!schedule_timeout_ns(deadline_ns))
			return 0;
	}
}

/* ----------------------------------------------------- idle, balancing */
/*
 * An idle CPU takes one queued task from the busiest other run queue
 * that it may run.  t->pi_lock is only tried (it ranks above rq->lock), so
 * a task being woken is skipped, not waited for.
 */
static struct task_struct *steal_task(int me)
{
	struct task_struct *t, *found = NULL;
	unsigned int best = 0;
	int cpu, victim = -1;
	unsigned long flags;
	struct rq *rq;

	for_each_online_cpu(cpu) {
		unsigned int n = READ_ONCE(cpu_rq(cpu)->nr_queued);

		if (cpu != me && n > best) {
			best = n;
			victim = cpu;
		}
	}
	if (victim < 0)
		return NULL;
	rq = cpu_rq(victim);
	flags = spin_lock_irqsave(&rq->lock);
	list_for_each_entry(t, &rq->queue, run_list) {
		if (!cpumask_test_cpu(me, &t->cpus_allowed) || !spin_trylock(&t->pi_lock))
			continue;
		list_del(&t->run_list);
		rq->nr_queued--;
		t->on_rq = 0;
		found = t;
		break;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return found;
}

static bool idle_balance(void)
{
	int me = smp_processor_id();
	struct task_struct *t;

	if (num_online_cpus() < 2)
		return false;
	t = steal_task(me);
	if (!t)
		return false;
	activate_task(t, me);		/* pi_lock is still held */
	spin_unlock(&t->pi_lock);
	return true;
}

/* Each CPU's idle task: halt until an interrupt brings work. */
void cpu_idle_loop(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		local_irq_disable();
		touch_softlockup_watchdog();
		if (need_resched() || READ_ONCE(rq->nr_queued) || idle_balance()) {
			local_irq_enable();
			schedule();
		} else {
			safe_halt();
		}
	}
}

/* ----------------------------------------------------------- affinity */
/*
 * Restricts t to the CPUs of mask (already checked against the online
 * ones).  A queued task moves now; a running one at its next switch.
 */
int sched_setaffinity(struct task_struct *t, const cpumask_t *mask)
{
	unsigned long flags = spin_lock_irqsave(&t->pi_lock);
	struct rq *rq = cpu_rq(t->cpu);
	bool requeue = false;
	int cpu;

	spin_lock(&rq->lock);
	t->cpus_allowed = *mask;
	cpu = t->cpu;
	if (!cpumask_test_cpu(cpu, mask)) {
		if (!list_empty(&t->run_list)) {	/* queued here: take it off */
			list_del(&t->run_list);
			rq->nr_queued--;
			t->on_rq = 0;
			requeue = true;
		} else if (rq->curr == t) {		/* running: at its next switch */
			set_tsk_thread_flag(t, TIF_NEED_RESCHED);
			if (cpu != smp_processor_id())
				smp_send_reschedule(cpu);
		}
	}
	spin_unlock(&rq->lock);
	if (requeue)
		activate_task(t, select_task_rq(t));
	spin_unlock_irqrestore(&t->pi_lock, flags);
	if (t == current && !cpumask_test_cpu(smp_processor_id(), mask))
		schedule();			/* leave this CPU now */
	return 0;
}

static int __init_softlockup(void)
{
	char v[16];

	if (cmdline_get(boot_params.cmdline, "softlockup_thresh", v, sizeof(v)))
		softlockup_thresh_ns = simple_strtoul(v, NULL, 10) * NSEC_PER_SEC;
	return 0;
}

void sched_late_init(void)
{
	__init_softlockup();
}
