/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_PREEMPT_H
#define _LEGO_PREEMPT_H

/*
 * The preempt count: non-zero while this CPU must not switch tasks (a
 * spinlock is held, per-CPU data is in use, an interrupt is being
 * handled).  It is per CPU, not per task: every context switch happens
 * with exactly the run-queue lock held, so the count is the same on both
 * sides of it.  Without CONFIG_PREEMPT the kernel is only left at explicit
 * schedule() calls and on the way back to user mode, and the count serves
 * the debug checks; with it, an interrupt that finds the count at zero may
 * switch tasks in the middle of kernel code.
 */
#include <lego/compiler.h>
#include <asm/percpu.h>

DECLARE_PER_CPU(int, __preempt_count);

static __always_inline int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

void preempt_schedule(void);		/* kernel/sched.c */

static __always_inline void preempt_disable(void)
{
	this_cpu_inc(__preempt_count);
	barrier();
}

/* Leaves the count as it was, without rescheduling (the scheduler's own). */
static __always_inline void preempt_enable_no_resched(void)
{
	barrier();
	this_cpu_dec(__preempt_count);
}

static __always_inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (IS_ENABLED(CONFIG_PREEMPT) && unlikely(!preempt_count()))
		preempt_schedule();
}

#endif /* _LEGO_PREEMPT_H */
