/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SPINLOCK_H
#define _LEGO_SPINLOCK_H

/*
 * Ticket spinlocks: a CPU takes the next ticket with one LOCK XADD and
 * spins until the owner counter reaches it, so CPUs get the lock in the
 * order they asked (FIFO, no starvation).  Holding a spinlock disables
 * preemption; the _irqsave variants also mask interrupts on this CPU and
 * are what code shared with an interrupt handler must use.
 *
 * CONFIG_DEBUG_SPINLOCK records the owner CPU and caller, and reports a
 * CPU taking a lock it already holds (recursion: a certain deadlock),
 * releasing a lock another CPU holds, and spinning for more than a second
 * (a suspected lockup), each with a backtrace.
 */
#include <lego/types.h>
#include <lego/preempt.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>

typedef struct {
	u16 next;		/* the next ticket to hand out */
	u16 owner;		/* the ticket now served */
#ifdef CONFIG_DEBUG_SPINLOCK
	int owner_cpu;		/* -1 when free */
	void *owner_ip;
#endif
} spinlock_t;

#ifdef CONFIG_DEBUG_SPINLOCK
#define __SPIN_LOCK_UNLOCKED	{ 0, 0, -1, NULL }
void spin_debug_before_lock(spinlock_t *lock);
void spin_debug_wait(spinlock_t *lock, u64 start_tsc);
void spin_debug_after_lock(spinlock_t *lock, void *ip);
void spin_debug_unlock(spinlock_t *lock);
#else
#define __SPIN_LOCK_UNLOCKED	{ 0, 0 }
#endif
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	*lock = (spinlock_t)__SPIN_LOCK_UNLOCKED;
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->next) != READ_ONCE(lock->owner);
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	u16 ticket;

	preempt_disable();
#ifdef CONFIG_DEBUG_SPINLOCK
	spin_debug_before_lock(lock);
#endif
	ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);
	if (unlikely(__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)) {
#ifdef CONFIG_DEBUG_SPINLOCK
		u64 start = __builtin_ia32_rdtsc();
#endif
		do {
			asm volatile("pause" ::: "memory");
#ifdef CONFIG_DEBUG_SPINLOCK
			spin_debug_wait(lock, start);
#endif
		} while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket);
	}
#ifdef CONFIG_DEBUG_SPINLOCK
	spin_debug_after_lock(lock, __builtin_return_address(0));
#endif
}

/* Takes the lock only if it is free now; true on success. */
static __always_inline bool spin_trylock(spinlock_t *lock)
{
	u16 owner;
	u32 o, n;

	preempt_disable();
	/* Free means next == owner: take a ticket only in that case, with
	 * one compare-exchange of both halves (next is the low one). */
	owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	o = owner | ((u32)owner << 16);
	n = (u16)(owner + 1) | ((u32)owner << 16);
	if (!__atomic_compare_exchange_n((u32 *)lock, &o, n, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		preempt_enable();
		return false;
	}
#ifdef CONFIG_DEBUG_SPINLOCK
	spin_debug_after_lock(lock, __builtin_return_address(0));
#endif
	return true;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	spin_debug_unlock(lock);
#endif
	/* Only the holder writes owner: a plain increment, released. */
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
	preempt_enable();
}

static __always_inline unsigned long spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	spin_lock(lock);
	return flags;
}

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock,
						    unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

#endif /* _LEGO_SPINLOCK_H */
