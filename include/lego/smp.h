/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SMP_H
#define _LEGO_SMP_H

/*
 * Several CPUs (kernel/smp.c, arch/x86/kernel/smpboot.c).  Every CPU has
 * a logical number, dense from 0 (the boot CPU), and an APIC ID.
 */
#include <lego/types.h>
#include <lego/list.h>
#include <lego/cpumask.h>
#include <asm/percpu.h>

DECLARE_PER_CPU(int, cpu_number);
#define smp_processor_id()	this_cpu_read(cpu_number)

extern u32 cpu_apicid[CONFIG_NR_CPUS];

void smp_init(void);			/* wake the application processors */
void start_secondary(void);		/* an AP's first C code */
void smp_send_reschedule(int cpu);
void smp_send_stop(void);		/* halt every other CPU */
void smp_calls_init(void);
void smp_calls_init_cpu(int cpu);
/* Set while smp_send_stop() NMIs the CPUs that ignored its IPI. */
extern bool smp_stopping_by_nmi;
struct pt_regs;
void nmi_stop_this_cpu(struct pt_regs *regs) __noreturn;

/*
 * Runs func(info) on each online CPU of mask other than the caller's
 * (interrupt context there, interrupts off).  With wait, returns once
 * every call has finished; the caller must then have interrupts enabled,
 * since a CPU waiting on another with both masked would deadlock.
 */
void smp_call_function_many(const cpumask_t *mask, void (*func)(void *),
			    void *info, bool wait);
void smp_call_function_single(int cpu, void (*func)(void *), void *info,
			      bool wait);
/* The same on every other online CPU. */
void smp_call_function(void (*func)(void *), void *info, bool wait);

#endif /* _LEGO_SMP_H */
