/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_WAIT_H
#define _LEGO_WAIT_H

#include <lego/list.h>

struct task_struct;

/* Tasks sleeping until an event; woken all at once. */
struct wait_queue_head {
	struct list_head head;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define DECLARE_WAIT_QUEUE_HEAD(n)	struct wait_queue_head n = { LIST_HEAD_INIT(n.head) }

void wake_up_all(struct wait_queue_head *wq);
/*
 * Sleeps until cond() is true for arg, or a signal is pending (-EINTR).
 * cond is checked with interrupts disabled, so a wakeup from an interrupt
 * handler between the check and the sleep is not lost.
 */
int wait_event_interruptible(struct wait_queue_head *wq,
			     bool (*cond)(void *arg), void *arg);
/* The same, not woken by signals. */
void wait_event_uninterruptible(struct wait_queue_head *wq,
				bool (*cond)(void *arg), void *arg);

#endif /* _LEGO_WAIT_H */
