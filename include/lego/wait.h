/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_WAIT_H
#define _LEGO_WAIT_H

/*
 * Wait queues: tasks sleeping until a condition holds.
 *
 * The sleeper puts itself on the queue and sets its sleep state *before*
 * testing the condition; the waker makes the condition true *before*
 * waking the queue.  Either the sleeper sees the condition, or the waker
 * sees the sleeper on the queue in a sleep state and wakes it: no wakeup
 * is lost, on one CPU or many.  The macros below are the whole protocol:
 *
 *	r = wait_event_interruptible(wq, pipe_has_data(p));
 *	...
 *	make_data_available(p);
 *	wake_up(&wq);
 */
#include <lego/list.h>
#include <lego/spinlock.h>

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(n) \
	{ __SPIN_LOCK_UNLOCKED, LIST_HEAD_INIT(n.head) }
#define DECLARE_WAIT_QUEUE_HEAD(n) \
	struct wait_queue_head n = __WAIT_QUEUE_HEAD_INITIALIZER(n)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

/* Wakes every task on the queue (they stay queued until they run). */
void wake_up(struct wait_queue_head *wq);
#define wake_up_all(wq)			wake_up(wq)
#define wake_up_interruptible(wq)	wake_up(wq)

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void init_wait_entry(struct wait_queue_entry *w);

/*
 * Sleeps until cond, in state; an interruptible sleep ends early with
 * -ERESTARTSYS when a signal is pending, a killable one when a fatal
 * signal is.  deadline_ns (0: none)
 * ends it with -ETIMEDOUT once CLOCK_MONOTONIC reaches it.  cond is
 * evaluated in the caller's context, any number of times.
 */
#define ___wait_event(wq, cond, state, deadline_ns) ({			\
	struct wait_queue_entry __w;					\
	long __ret = 0;							\
	u64 __dl = (deadline_ns);					\
	init_wait_entry(&__w);						\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, state);			\
		if (cond)						\
			break;						\
		if (((state) & TASK_INTERRUPTIBLE) ?			\
		    signal_pending(current) :				\
		    (((state) & TASK_WAKEKILL) &&			\
		     fatal_signal_pending(current))) {			\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		if (__dl) {						\
			if (!schedule_timeout_ns(__dl)) {		\
				__ret = (cond) ? 0 : -ETIMEDOUT;	\
				break;					\
			}						\
		} else {						\
			schedule();					\
		}							\
	}								\
	finish_wait(&(wq), &__w);					\
	__ret;								\
})

#define wait_event(wq, cond) \
	((void)___wait_event(wq, cond, TASK_UNINTERRUPTIBLE, 0))
#define wait_event_killable(wq, cond) \
	___wait_event(wq, cond, TASK_KILLABLE, 0)
#define wait_event_interruptible(wq, cond) \
	___wait_event(wq, cond, TASK_INTERRUPTIBLE, 0)
/* 0, -ERESTARTSYS, or -ETIMEDOUT when deadline_ns (monotonic) passed. */
#define wait_event_interruptible_deadline(wq, cond, deadline_ns) \
	___wait_event(wq, cond, TASK_INTERRUPTIBLE, deadline_ns)

#endif /* _LEGO_WAIT_H */
