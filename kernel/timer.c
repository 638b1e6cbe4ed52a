// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers (include/lego/timer.h): a list per CPU, sorted by expiry,
 * checked by that CPU's tick.  A timer is on at most one list; t->cpu says
 * which, and the list's lock covers t->entry and t->cpu.  del_timer_sync()
 * also waits for a callback that another CPU is running right now, so the
 * caller may free the timer (a sleeping task's on-stack timer) afterwards.
 */
#include <lego/kernel.h>
#include <lego/timer.h>
#include <lego/spinlock.h>
#include <lego/smp.h>
#include <lego/time.h>
#include <asm/processor.h>

struct timer_base {
	spinlock_t lock;
	struct list_head timers;	/* sorted by expires */
	struct timer_list *running;	/* callback in progress */
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

void timers_init_cpu(int cpu)
{
	struct timer_base *b = per_cpu_ptr(&timer_bases, cpu);

	spin_lock_init(&b->lock);
	INIT_LIST_HEAD(&b->timers);
}

/*
 * Locks the base t is on (t->cpu can change until its lock is held);
 * returns it, or NULL with interrupts still disabled if t is on none.
 */
static struct timer_base *lock_timer_base(struct timer_list *t, unsigned long *flags)
{
	struct timer_base *b;
	int cpu;

	for (;;) {
		*flags = local_irq_save();
		cpu = READ_ONCE(t->cpu);
		if (cpu < 0)
			return NULL;
		b = per_cpu_ptr(&timer_bases, cpu);
		spin_lock(&b->lock);
		if (t->cpu == cpu)
			return b;
		spin_unlock(&b->lock);
		local_irq_restore(*flags);
	}
}

static void enqueue(struct timer_base *b, struct timer_list *t, int cpu)
{
	struct timer_list *pos;

	list_for_each_entry(pos, &b->timers, entry)
		if (pos->expires > t->expires)
			break;
	list_add_tail(&t->entry, &pos->entry);	/* before pos */
	t->cpu = cpu;
}

bool del_timer(struct timer_list *t)
{
	unsigned long flags;
	struct timer_base *b = lock_timer_base(t, &flags);

	if (!b) {
		local_irq_restore(flags);
		return false;
	}
	list_del(&t->entry);
	t->cpu = -1;
	spin_unlock_irqrestore(&b->lock, flags);
	return true;
}

bool mod_timer(struct timer_list *t, u64 expires)
{
	bool was = del_timer(t);
	unsigned long flags = local_irq_save();
	int cpu = smp_processor_id();
	struct timer_base *b = per_cpu_ptr(&timer_bases, cpu);

	spin_lock(&b->lock);
	t->expires = expires;
	enqueue(b, t, cpu);
	spin_unlock_irqrestore(&b->lock, flags);
	return was;
}

void add_timer(struct timer_list *t, u64 expires)
{
	mod_timer(t, expires);
}

bool timer_pending(const struct timer_list *t)
{
	return READ_ONCE(t->cpu) >= 0;
}

bool del_timer_sync(struct timer_list *t)
{
	bool was = del_timer(t);
	int cpu;

	for_each_online_cpu(cpu)
		while (READ_ONCE(per_cpu(timer_bases, cpu).running) == t)
			cpu_relax();
	return was;
}

/* From the tick, interrupts off: run what has expired on this CPU. */
void run_local_timers(void)
{
	struct timer_base *b = this_cpu_ptr(&timer_bases);
	u64 now = ktime_get_ns();
	struct timer_list *t;

	spin_lock(&b->lock);
	while (!list_empty(&b->timers)) {
		t = list_first_entry(&b->timers, struct timer_list, entry);
		if (t->expires > now)
			break;
		list_del(&t->entry);
		t->cpu = -1;
		WRITE_ONCE(b->running, t);
		spin_unlock(&b->lock);
		t->function(t);
		spin_lock(&b->lock);
		WRITE_ONCE(b->running, NULL);
	}
	spin_unlock(&b->lock);
}
