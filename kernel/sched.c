// SPDX-License-Identifier: GPL-2.0
/*
 * A round-robin scheduler: one run queue, a time slice of one tick, and a
 * sleep list ordered by nothing (it is short) that the tick checks.
 * The kernel is not preemptible: a task gives up the CPU in schedule(),
 * which the return to user mode calls when the tick asked for it.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <lego/sched.h>
#include <lego/spinlock.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>

DEFINE_PER_CPU(struct task_struct *, current_task);
DEFINE_PER_CPU(int, __preempt_count);

struct task_struct init_task;		/* pid 0: the boot CPU's idle task */
static LIST_HEAD(run_queue);
static LIST_HEAD(sleep_queue);
static DEFINE_SPINLOCK(rq_lock);

void sched_init(void)
{
	init_task.state = TASK_RUNNING;
	init_task.pid = 0;
	strscpy(init_task.comm, "swapper", sizeof(init_task.comm));
	INIT_LIST_HEAD(&init_task.run_list);
	INIT_LIST_HEAD(&init_task.sleep_list);
	INIT_LIST_HEAD(&init_task.children);
	INIT_LIST_HEAD(&init_task.sibling);
	INIT_LIST_HEAD(&init_task.wait_chldexit.head);
	init_task.thread.sp0 = this_cpu_read(cpu_current_top_of_stack);
	this_cpu_write(current_task, &init_task);
}

/* Called with rq_lock held. */
static void enqueue(struct task_struct *t)
{
	if (list_empty(&t->run_list) && t != &init_task)
		list_add_tail(&t->run_list, &run_queue);
}

void wake_up_process(struct task_struct *t)
{
	unsigned long flags = spin_lock_irqsave(&rq_lock);

	if (t->state == TASK_INTERRUPTIBLE || t->state == TASK_UNINTERRUPTIBLE ||
	    t->state == TASK_RUNNING) {
		t->state = TASK_RUNNING;
		if (!list_empty(&t->sleep_list))
			list_del(&t->sleep_list);
		enqueue(t);
		if (current == &init_task || !list_empty(&run_queue))
			set_tsk_thread_flag(current, TIF_NEED_RESCHED);
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* The timer tick: wake sleepers whose time has come, end the slice. */
void scheduler_tick(void)
{
	struct task_struct *t, *n;
	u64 now = ktime_get_ns();

	spin_lock(&rq_lock);
	list_for_each_entry_safe(t, n, &sleep_queue, sleep_list) {
		if (t->wakeup_ns <= now) {
			list_del(&t->sleep_list);
			t->state = TASK_RUNNING;
			enqueue(t);
		}
	}
	if (!list_empty(&run_queue))
		set_tsk_thread_flag(current, TIF_NEED_RESCHED);
	spin_unlock(&rq_lock);
}

static struct task_struct *pick_next(void)
{
	struct task_struct *next;

	if (list_empty(&run_queue))
		return &init_task;
	next = list_first_entry(&run_queue, struct task_struct, run_list);
	list_del(&next->run_list);
	return next;
}

void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags = spin_lock_irqsave(&rq_lock);

	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (prev->state == TASK_RUNNING)
		enqueue(prev);
	next = pick_next();
	if (next == prev) {
		spin_unlock_irqrestore(&rq_lock, flags);
		return;
	}
	/* rq_lock is released by the next task (schedule_tail or below). */
	switch_to(prev, next);
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* First thing a new task runs (from ret_from_fork). */
void schedule_tail(void)
{
	struct task_struct *t = current;

	spin_unlock(&rq_lock);
	local_irq_enable();
	/* CLONE_CHILD_SETTID in a new address space: written from the child. */
	if (t->set_child_tid) {
		put_user(t->pid, t->set_child_tid);
		t->set_child_tid = NULL;
	}
}

/*
 * Sleeps until CLOCK_MONOTONIC reaches deadline_ns.  Returns 0, or -EINTR
 * if a signal became pending.
 */
long sleep_until_ns(u64 deadline_ns)
{
	struct task_struct *t = current;
	unsigned long flags;

	while (ktime_get_ns() < deadline_ns) {
		if (test_tsk_thread_flag(t, TIF_SIGPENDING))
			return -EINTR;
		flags = spin_lock_irqsave(&rq_lock);
		t->wakeup_ns = deadline_ns;
		t->state = TASK_INTERRUPTIBLE;
		list_add_tail(&t->sleep_list, &sleep_queue);
		spin_unlock_irqrestore(&rq_lock, flags);
		schedule();
	}
	return 0;
}

/* The idle task: halt until an interrupt brings work. */
void cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (test_tsk_thread_flag(current, TIF_NEED_RESCHED) ||
		    !list_empty(&run_queue)) {
			local_irq_enable();
			schedule();
		} else {
			safe_halt();
		}
	}
}
