// SPDX-License-Identifier: GPL-2.0
/* Sleeping locks (include/lego/mutex.h). */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mutex.h>
#include <lego/errno.h>

bool mutex_trylock(struct mutex *m)
{
	struct task_struct *none = NULL;

	return __atomic_compare_exchange_n(&m->owner, &none, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void mutex_lock(struct mutex *m)
{
	WARN_ONCE(m->owner == current, "mutex %p: recursive lock", m);
	if (likely(mutex_trylock(m)))
		return;
	wait_event(m->wait, mutex_trylock(m));
}

int mutex_lock_interruptible(struct mutex *m)
{
	if (likely(mutex_trylock(m)))
		return 0;
	return wait_event_interruptible(m->wait, mutex_trylock(m)) ? -EINTR : 0;
}

void mutex_unlock(struct mutex *m)
{
	WARN_ONCE(m->owner != current, "mutex %p: unlocked by a task not owning it", m);
	__atomic_store_n(&m->owner, NULL, __ATOMIC_RELEASE);
	smp_mb();		/* the store before the waiter check */
	if (!list_empty(&m->wait.head))
		wake_up(&m->wait);
}

bool mutex_is_locked(struct mutex *m)
{
	return READ_ONCE(m->owner) != NULL;
}

bool mutex_owned(struct mutex *m)
{
	return READ_ONCE(m->owner) == current;
}
