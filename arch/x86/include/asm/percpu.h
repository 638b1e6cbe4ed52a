/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

/*
 * Per-CPU variables.  They are linked into .data..percpu at address 0 (see
 * vmlego.lds.S), so a variable's address is its offset in a CPU's area, and
 * MSR_GS_BASE holds the running CPU's area while in the kernel.  The
 * segment override makes every access one instruction, which is atomic
 * against interrupts on this CPU (Intel SDM Vol. 3A 3.4.4: FS/GS bases in
 * 64-bit mode).
 */
#define __percpu_seg		gs

#ifdef __ASSEMBLY__
# define PER_CPU_VAR(var)	%__percpu_seg:var
#else
#include <lego/compiler.h>
#include <lego/types.h>

#define __percpu_arg(x)		"%%" __stringify(__percpu_seg) ":%" #x

#define DECLARE_PER_CPU(type, name) \
	extern __section(".data..percpu") __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name
/* Variables the entry code touches on every syscall share a cache line. */
#define DEFINE_PER_CPU_FIRST(type, name) \
	__section(".data..percpu.first") __typeof__(type) name

/* One %gs-relative access; the width picks the instruction. */
#define __pcpu_op(op, var, val)						\
do {									\
	switch (sizeof(var)) {						\
	case 1: asm volatile(op "b %1, " __percpu_arg(0)		\
			     : "+m"(var) : "qi"((u8)(unsigned long)(val))); break;	\
	case 2: asm volatile(op "w %1, " __percpu_arg(0)		\
			     : "+m"(var) : "ri"((u16)(unsigned long)(val))); break;	\
	case 4: asm volatile(op "l %1, " __percpu_arg(0)		\
			     : "+m"(var) : "ri"((u32)(unsigned long)(val))); break;	\
	case 8: asm volatile(op "q %1, " __percpu_arg(0)		\
			     : "+m"(var) : "re"((u64)(unsigned long)(val))); break;	\
	}								\
} while (0)

#define this_cpu_read(var)						\
({									\
	__typeof__(var) __ret;						\
	switch (sizeof(var)) {						\
	case 1: asm volatile("movb " __percpu_arg(1) ", %0"		\
			     : "=q"(__ret) : "m"(var)); break;		\
	case 2: asm volatile("movw " __percpu_arg(1) ", %0"		\
			     : "=r"(__ret) : "m"(var)); break;		\
	case 4: asm volatile("movl " __percpu_arg(1) ", %0"		\
			     : "=r"(__ret) : "m"(var)); break;		\
	case 8: asm volatile("movq " __percpu_arg(1) ", %0"		\
			     : "=r"(__ret) : "m"(var)); break;		\
	}								\
	__ret;								\
})

#define this_cpu_write(var, val)	__pcpu_op("mov", var, val)
#define this_cpu_add(var, val)		__pcpu_op("add", var, val)
#define this_cpu_sub(var, val)		__pcpu_op("sub", var, val)
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_sub(var, 1)

/* The base of each CPU's area; per_cpu(var, cpu) is var at that base. */
extern unsigned long __per_cpu_offset[];
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[cpu]))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))

extern char __per_cpu_load[], __per_cpu_start[], __per_cpu_end[];
void setup_per_cpu_areas(void);
unsigned long alloc_percpu_area(int cpu);
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_PERCPU_H */
