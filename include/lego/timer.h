/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_TIMER_H
#define _LEGO_TIMER_H

/*
 * Kernel timers: call function(timer) from the timer interrupt once
 * CLOCK_MONOTONIC reaches expires (in ns).  Each CPU keeps its own sorted
 * list and runs it from its tick, so a timer fires on the CPU that added
 * it, at most one tick (1/CONFIG_HZ s) late.  The callback runs in
 * interrupt context: it may wake tasks, not sleep.
 */
#include <lego/types.h>
#include <lego/list.h>

struct timer_list {
	struct list_head entry;
	u64 expires;
	void (*function)(struct timer_list *t);
	int cpu;			/* the list it is on; -1 when idle */
};

static inline void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->cpu = -1;
}

void add_timer(struct timer_list *t, u64 expires);
/* (Re)arms t for expires; true if it was pending. */
bool mod_timer(struct timer_list *t, u64 expires);
/* Disarms t; true if it was pending. */
bool del_timer(struct timer_list *t);
/* As del_timer, and waits for a running callback to return. */
bool del_timer_sync(struct timer_list *t);
bool timer_pending(const struct timer_list *t);
void run_local_timers(void);
void timers_init_cpu(int cpu);

#endif /* _LEGO_TIMER_H */
