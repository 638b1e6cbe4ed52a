// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_DEBUG_SPINLOCK: owner and recursion checks on every spinlock
 * (include/lego/spinlock.h).  Each report names the lock, the CPUs and
 * the caller that took it, and prints a backtrace; the kernel carries on.
 */
#include <lego/kernel.h>
#include <lego/spinlock.h>
#include <lego/smp.h>
#include <lego/time.h>

static void spin_bug(spinlock_t *lock, const char *msg)
{
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%d, lock %p, owner CPU#%d at %pS\n",
	       msg, smp_processor_id(), lock, READ_ONCE(lock->owner_cpu),
	       READ_ONCE(lock->owner_ip));
	dump_stack();
}

/* Taking a lock this CPU holds would spin forever. */
void spin_debug_before_lock(spinlock_t *lock)
{
	if (unlikely(READ_ONCE(lock->owner_cpu) == smp_processor_id()))
		spin_bug(lock, "recursion");
}

/* Called while spinning: more than a second is a suspected lockup. */
void spin_debug_wait(spinlock_t *lock, u64 start_tsc)
{
	static bool reported;

	if (!tsc_khz || reported)
		return;
	if (__builtin_ia32_rdtsc() - start_tsc > tsc_khz * 1000) {
		reported = true;
		spin_bug(lock, "lockup suspected");
	}
}

void spin_debug_after_lock(spinlock_t *lock, void *ip)
{
	lock->owner_cpu = smp_processor_id();
	lock->owner_ip = ip;
}

void spin_debug_unlock(spinlock_t *lock)
{
	if (unlikely(!spin_is_locked(lock)))
		spin_bug(lock, "already unlocked");
	else if (unlikely(lock->owner_cpu != smp_processor_id()))
		spin_bug(lock, "wrong CPU");
	lock->owner_cpu = -1;
	lock->owner_ip = NULL;
}
