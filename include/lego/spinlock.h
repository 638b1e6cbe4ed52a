/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SPINLOCK_H
#define _LEGO_SPINLOCK_H

#include <lego/types.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>

/* Locks held (and, later, preemption disabled) on this CPU. */
DECLARE_PER_CPU(int, __preempt_count);

/*
 * Ticket spinlock: FIFO fair.  The irqsave variants are what code shared
 * with interrupt handlers uses.
 */
typedef struct {
	volatile u16 next;
	volatile u16 owner;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0, 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->next = 0;
	lock->owner = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	u16 ticket;

	this_cpu_inc(__preempt_count);
	ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		asm volatile("pause" ::: "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
	this_cpu_dec(__preempt_count);
}

static inline unsigned long spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	spin_lock(lock);
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#endif /* _LEGO_SPINLOCK_H */
