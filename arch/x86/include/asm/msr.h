/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MSR_H
#define _ASM_X86_MSR_H

#include <lego/types.h>
#include <asm/msr-index.h>

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	u32 lo = val & 0xffffffff, hi = val >> 32;

	asm volatile("wrmsr" : : "c"(msr), "a"(lo), "d"(hi) : "memory");
}

/* RDTSC is not ordered against earlier loads (SDM Vol. 2B RDTSC); callers
 * that need ordering use rdtsc_ordered(). */
static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline u64 rdtsc_ordered(void)
{
	asm volatile("lfence" ::: "memory");
	return rdtsc();
}

#endif /* _ASM_X86_MSR_H */
