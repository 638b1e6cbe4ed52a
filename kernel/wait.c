// SPDX-License-Identifier: GPL-2.0
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/wait.h>
#include <lego/errno.h>
#include <asm/irqflags.h>

void wake_up_all(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w, *n;
	unsigned long flags = local_irq_save();

	list_for_each_entry_safe(w, n, &wq->head, entry) {
		list_del(&w->entry);
		wake_up_process(w->task);
	}
	local_irq_restore(flags);
}

static int __wait_event(struct wait_queue_head *wq, bool (*cond)(void *arg),
			void *arg, bool interruptible)
{
	struct wait_queue_entry w = { .task = current };
	unsigned long flags;

	INIT_LIST_HEAD(&w.entry);
	for (;;) {
		flags = local_irq_save();
		if (cond(arg)) {
			local_irq_restore(flags);
			return 0;
		}
		if (interruptible && test_tsk_thread_flag(current, TIF_SIGPENDING)) {
			local_irq_restore(flags);
			return -EINTR;
		}
		current->state = interruptible ? TASK_INTERRUPTIBLE :
					      TASK_UNINTERRUPTIBLE;
		list_add_tail(&w.entry, &wq->head);
		schedule();
		if (!list_empty(&w.entry))
			list_del(&w.entry);
		local_irq_restore(flags);
	}
}

int wait_event_interruptible(struct wait_queue_head *wq,
			     bool (*cond)(void *arg), void *arg)
{
	return __wait_event(wq, cond, arg, true);
}

void wait_event_uninterruptible(struct wait_queue_head *wq,
				bool (*cond)(void *arg), void *arg)
{
	__wait_event(wq, cond, arg, false);
}
