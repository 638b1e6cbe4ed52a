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

int wait_event_interruptible(struct wait_queue_head *wq,
			     bool (*cond)(void *arg), void *arg)
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
		if (test_tsk_thread_flag(current, TIF_SIGPENDING)) {
			local_irq_restore(flags);
			return -EINTR;
		}
		current->state = TASK_INTERRUPTIBLE;
		list_add_tail(&w.entry, &wq->head);
		schedule();
		if (!list_empty(&w.entry))
			list_del(&w.entry);
		local_irq_restore(flags);
	}
}
