/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_MUTEX_H
#define _LEGO_MUTEX_H

/*
 * Sleeping locks, for code that may sleep while holding them (file
 * systems, page faults that wait for memory).  The owner is taken with
 * one compare-exchange; a contended locker sleeps on the mutex's wait
 * queue until the owner lets go.  Never taken in interrupt context.
 */
#include <lego/wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	struct wait_queue_head wait;
};

#define __MUTEX_INITIALIZER(n)	{ NULL, __WAIT_QUEUE_HEAD_INITIALIZER(n.wait) }
#define DEFINE_MUTEX(n)		struct mutex n = __MUTEX_INITIALIZER(n)

static inline void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	init_waitqueue_head(&m->wait);
}

bool mutex_trylock(struct mutex *m);
void mutex_lock(struct mutex *m);
/* 0, or -EINTR when a signal arrived first. */
int mutex_lock_interruptible(struct mutex *m);
void mutex_unlock(struct mutex *m);
bool mutex_is_locked(struct mutex *m);
bool mutex_owned(struct mutex *m);	/* by the current task */

#endif /* _LEGO_MUTEX_H */
