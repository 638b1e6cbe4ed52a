/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_CPUMASK_H
#define _LEGO_CPUMASK_H

/*
 * Sets of CPUs, one bit per logical CPU number (0 .. CONFIG_NR_CPUS - 1;
 * CPU 0 is the boot CPU).  Logical numbers are dense; the APIC ID of each
 * is in cpu_apicid[].  The user ABI (sched_setaffinity) uses the same
 * layout: bit n of byte n / 8.
 */
#include <lego/types.h>
#include <lego/compiler.h>

#define BITS_PER_LONG		64
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

typedef struct cpumask {
	unsigned long bits[BITS_TO_LONGS(CONFIG_NR_CPUS)];
} cpumask_t;

#define CPUMASK_LONGS	BITS_TO_LONGS(CONFIG_NR_CPUS)

extern cpumask_t cpu_possible_mask;	/* found in the firmware tables */
extern cpumask_t cpu_online_mask;	/* running and scheduling */
extern unsigned int nr_cpu_ids;		/* highest possible CPU + 1 */

static inline void cpumask_set_cpu(unsigned int cpu, cpumask_t *m)
{
	__atomic_or_fetch(&m->bits[cpu / BITS_PER_LONG], 1UL << (cpu % BITS_PER_LONG),
			  __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(unsigned int cpu, cpumask_t *m)
{
	__atomic_and_fetch(&m->bits[cpu / BITS_PER_LONG], ~(1UL << (cpu % BITS_PER_LONG)),
			   __ATOMIC_SEQ_CST);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const cpumask_t *m)
{
	return cpu < CONFIG_NR_CPUS &&
	       (READ_ONCE(m->bits[cpu / BITS_PER_LONG]) >> (cpu % BITS_PER_LONG)) & 1;
}

static inline void cpumask_clear(cpumask_t *m)
{
	unsigned int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		m->bits[i] = 0;
}

/* dst = a & b; true if the result is not empty. */
static inline bool cpumask_and(cpumask_t *dst, const cpumask_t *a, const cpumask_t *b)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		any |= dst->bits[i] = a->bits[i] & b->bits[i];
	return any != 0;
}

static inline bool cpumask_intersects(const cpumask_t *a, const cpumask_t *b)
{
	unsigned int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}

static inline bool cpumask_empty(const cpumask_t *m)
{
	unsigned int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		if (m->bits[i])
			return false;
	return true;
}

/* Bits set in w, without POPCNT (not every x86-64 CPU has it). */
static inline unsigned int hweight64(u64 w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (w * 0x0101010101010101ULL) >> 56;
}

static inline unsigned int cpumask_weight(const cpumask_t *m)
{
	unsigned int i, n = 0;

	for (i = 0; i < CPUMASK_LONGS; i++)
		n += hweight64(m->bits[i]);
	return n;
}

/* The first CPU in m at or after cpu, or CONFIG_NR_CPUS. */
static inline unsigned int cpumask_next_from(unsigned int cpu, const cpumask_t *m)
{
	for (; cpu < CONFIG_NR_CPUS; cpu++)
		if (cpumask_test_cpu(cpu, m))
			return cpu;
	return CONFIG_NR_CPUS;
}

#define cpumask_first(m)	cpumask_next_from(0, m)
#define for_each_cpu(cpu, m)						\
	for ((cpu) = cpumask_next_from(0, m); (cpu) < CONFIG_NR_CPUS;	\
	     (cpu) = cpumask_next_from((cpu) + 1, m))
#define for_each_online_cpu(cpu)	for_each_cpu(cpu, &cpu_online_mask)
#define for_each_possible_cpu(cpu)	for_each_cpu(cpu, &cpu_possible_mask)
#define num_online_cpus()		cpumask_weight(&cpu_online_mask)
#define cpu_online(cpu)			cpumask_test_cpu(cpu, &cpu_online_mask)

#endif /* _LEGO_CPUMASK_H */
