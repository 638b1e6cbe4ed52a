// SPDX-License-Identifier: GPL-2.0
/*
 * getcpu without entering the kernel.  Every CPU holds its number, Linux's
 * (node << 12) | cpu encoding, in IA32_TSC_AUX and in the limit of its GDT
 * entry GDT_ENTRY_CPUNODE (arch/x86/kernel/cpu.c).  RDPID reads the MSR
 * in one instruction (SDM Vol. 2B RDPID); RDTSCP reads it too, with the
 * TSC; LSL, which every x86-64 CPU has, reads the segment limit (SDM Vol.
 * 2A LSL).  The kernel picks the best the CPU has once, at boot.
 *
 * The answer may be stale by the time the caller looks at it: the task
 * can move to another CPU right after, exactly as with the syscall.
 */
#include "vdso.h"
#include <asm/segment.h>

long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused);

static __always_inline u32 vdso_read_cpunode(void)
{
	unsigned long aux;
	u32 lo, hi, p = 0;

	switch (READ_ONCE(vvar_data.getcpu_mode)) {
	case VDSO_GETCPU_RDPID:
		asm volatile("rdpid %0" : "=r"(aux));
		return aux;
	case VDSO_GETCPU_RDTSCP:
		asm volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(p));
		return p;
	default:
		/* On an invalid selector LSL leaves p alone: CPU 0. */
		asm volatile("lsl %1, %0" : "+r"(p) : "r"((u32)__CPUNODE_SEG));
		return p;
	}
}

long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused)
{
	u32 p = vdso_read_cpunode();

	if (cpu)
		*cpu = p & VDSO_CPUNODE_MASK;
	if (node)
		*node = p >> VDSO_CPUNODE_BITS;
	return 0;
}
long getcpu(unsigned int *cpu, unsigned int *node, void *unused)
	VDSO_ALIAS(getcpu);
