// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues (include/lego/wait.h).  A sleeper stays on the queue from
 * prepare_to_wait() to finish_wait(), so a wakeup that comes while it is
 * still testing its condition finds it there and makes it runnable again;
 * its schedule() then returns at once.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/wait.h>

void init_wait_entry(struct wait_queue_entry *w)
{
	w->task = current;
	INIT_LIST_HEAD(&w->entry);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	list_for_each_entry(w, &wq->head, entry)
		wake_up_state(w->task, TASK_NORMAL);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	if (list_empty(&w->entry))
		list_add_tail(&w->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (list_empty(&w->entry))
		return;
	flags = spin_lock_irqsave(&wq->lock);
	list_del(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}
