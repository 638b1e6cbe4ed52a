// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-CPU calls and the other inter-processor interrupts.
 *
 * A call is a small request (function, argument, done flag) put on the
 * target CPU's queue, followed by a CALL_FUNCTION_VECTOR IPI; the target
 * runs every queued request from its interrupt handler and sets each one's
 * done flag.  Each CPU owns one request slot per target CPU, so a caller
 * never allocates: it only waits for its previous request to that target
 * to have finished before reusing the slot.
 */
#include <lego/kernel.h>
#include <lego/smp.h>
#include <lego/sched.h>
#include <lego/spinlock.h>
#include <lego/atomic.h>
#include <lego/time.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>

struct call_single_data {
	struct list_head list;
	void (*func)(void *info);
	void *info;
	int done;			/* 1 once func has returned */
};

struct call_queue {
	spinlock_t lock;
	struct list_head list;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);
/* This CPU's request slots, one per target CPU. */
static DEFINE_PER_CPU(struct call_single_data, csd_slots[CONFIG_NR_CPUS]);

cpumask_t cpu_possible_mask, cpu_online_mask;
bool smp_stopping_by_nmi;
unsigned int nr_cpu_ids = 1;
u32 cpu_apicid[CONFIG_NR_CPUS];

static void call_function_interrupt(struct pt_regs *regs)
{
	struct call_queue *q = this_cpu_ptr(&call_queue);
	struct call_single_data *csd, *n;
	LIST_HEAD(todo);

	spin_lock(&q->lock);
	list_splice_init(&q->list, &todo);
	spin_unlock(&q->lock);
	list_for_each_entry_safe(csd, n, &todo, list) {
		csd->func(csd->info);
		smp_store_release(&csd->done, 1);
	}
}

static void reschedule_interrupt(struct pt_regs *regs)
{
	/* Nothing to do here: TIF_NEED_RESCHED is already set, and the
	 * interrupt return path (or the idle loop's wakeup) acts on it. */
}

static __noreturn void stop_this_cpu(struct pt_regs *regs)
{
	local_irq_disable();
	apic_shutdown_cpu();
	cpumask_clear_cpu(smp_processor_id(), &cpu_online_mask);
	for (;;)
		halt();
}

void smp_calls_init_cpu(int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->list);
}

void smp_calls_init(void)
{
	smp_calls_init_cpu(0);
	set_irq_handler(CALL_FUNCTION_VECTOR, call_function_interrupt);
	set_irq_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_irq_handler(REBOOT_VECTOR, stop_this_cpu);
}

void smp_send_reschedule(int cpu)
{
	apic_send_ipi(cpu_apicid[cpu], RESCHEDULE_VECTOR);
}

/* Queues func(info) for cpu with this CPU's slot for it; returns the slot. */
static struct call_single_data *queue_call(int cpu, void (*func)(void *), void *info)
{
	struct call_single_data *csd = this_cpu_ptr(&csd_slots[cpu]);
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);
	unsigned long flags;

	/* The previous request to that CPU (a no-wait one) must be done. */
	while (csd->func && !smp_load_acquire(&csd->done))
		cpu_relax();
	csd->func = func;
	csd->info = info;
	csd->done = 0;
	flags = spin_lock_irqsave(&q->lock);
	list_add_tail(&csd->list, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	apic_send_ipi(cpu_apicid[cpu], CALL_FUNCTION_VECTOR);
	return csd;
}

void smp_call_function_many(const cpumask_t *mask, void (*func)(void *),
			    void *info, bool wait)
{
	struct call_single_data *sent[CONFIG_NR_CPUS];
	int cpu, me, n = 0, i;

	WARN_ONCE(wait && irqs_disabled() && !panic_in_progress,
		  "smp_call_function with interrupts disabled");
	preempt_disable();		/* this CPU's slots, this CPU's number */
	me = smp_processor_id();
	for_each_cpu(cpu, mask) {
		if (cpu == me || !cpu_online(cpu))
			continue;
		sent[n++] = queue_call(cpu, func, info);
	}
	if (wait)
		for (i = 0; i < n; i++)
			while (!smp_load_acquire(&sent[i]->done))
				cpu_relax();
	preempt_enable();
}

void smp_call_function_single(int cpu, void (*func)(void *), void *info, bool wait)
{
	unsigned long flags;

	preempt_disable();
	if (cpu == smp_processor_id()) {
		flags = local_irq_save();
		func(info);
		local_irq_restore(flags);
	} else if (cpu_online(cpu)) {
		struct call_single_data *csd = queue_call(cpu, func, info);

		while (wait && !smp_load_acquire(&csd->done))
			cpu_relax();
	}
	preempt_enable();
}

void smp_call_function(void (*func)(void *), void *info, bool wait)
{
	smp_call_function_many(&cpu_online_mask, func, info, wait);
}

/*
 * Halts every other CPU (panic, power off).  The REBOOT_VECTOR IPI stops
 * a CPU that has interrupts enabled; one spinning with them masked gets
 * an NMI after 100 ms, which stops it too (do_paranoid_trap).
 */
void smp_send_stop(void)
{
	int cpu, me = smp_processor_id();
	u64 deadline;

	if (num_online_cpus() <= 1)
		return;
	for_each_online_cpu(cpu)
		if (cpu != me)
			apic_send_ipi(cpu_apicid[cpu], REBOOT_VECTOR);
	deadline = ktime_get_ns() + 100 * NSEC_PER_MSEC;
	while (num_online_cpus() > 1 && ktime_get_ns() < deadline)
		cpu_relax();
	if (num_online_cpus() > 1) {
		smp_stopping_by_nmi = true;
		apic_send_nmi_allbutself();
		deadline = ktime_get_ns() + 100 * NSEC_PER_MSEC;
		while (num_online_cpus() > 1 && ktime_get_ns() < deadline)
			cpu_relax();
	}
}

/* The NMI half of smp_send_stop(): called by the NMI handler. */
void nmi_stop_this_cpu(struct pt_regs *regs)
{
	stop_this_cpu(regs);
}
