/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <asm/segment.h>

/*
 * The user context saved at the top of the kernel stack on every entry
 * from user mode (syscall, interrupt, exception).  Field order and size are
 * Linux's (arch/x86/include/asm/ptrace.h): ptrace's user_regs_struct and the
 * sigcontext map onto it.  The last five words are the hardware interrupt
 * frame (Intel SDM Vol. 3A 6.14.2, 64-bit mode always pushes SS:RSP).
 */
#define PTREGS_R15	0
#define PTREGS_R14	8
#define PTREGS_R13	16
#define PTREGS_R12	24
#define PTREGS_BP	32
#define PTREGS_BX	40
#define PTREGS_R11	48
#define PTREGS_R10	56
#define PTREGS_R9	64
#define PTREGS_R8	72
#define PTREGS_AX	80
#define PTREGS_CX	88
#define PTREGS_DX	96
#define PTREGS_SI	104
#define PTREGS_DI	112
#define PTREGS_ORIG_AX	120
#define PTREGS_IP	128
#define PTREGS_CS	136
#define PTREGS_FLAGS	144
#define PTREGS_SP	152
#define PTREGS_SS	160
#define PTREGS_SIZE	168

/* CONFIG_RANDOMIZE_KSTACK_OFFSET: handlers run 0..1008 bytes below their
 * usual depth, in 16-byte steps (the C ABI's stack alignment). */
#define KSTACK_OFFSET_MASK	0x3f0

#ifndef __ASSEMBLY__
#include <lego/types.h>
#include <lego/compiler.h>

struct pt_regs {
	/* Callee-saved registers: saved on every entry all the same. */
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	/* Caller-saved registers. */
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	/* Syscall number on a syscall, error code on an exception, the
	 * negated vector on an interrupt. */
	unsigned long orig_ax;
	/* The hardware frame. */
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

#define CHECK_PTREGS(f, F) \
	_Static_assert(offsetof(struct pt_regs, f) == PTREGS_##F, "pt_regs." #f)
CHECK_PTREGS(r15, R15); CHECK_PTREGS(bx, BX); CHECK_PTREGS(r11, R11);
CHECK_PTREGS(ax, AX); CHECK_PTREGS(di, DI); CHECK_PTREGS(orig_ax, ORIG_AX);
CHECK_PTREGS(ip, IP); CHECK_PTREGS(flags, FLAGS); CHECK_PTREGS(ss, SS);
_Static_assert(sizeof(struct pt_regs) == PTREGS_SIZE, "pt_regs size");
#undef CHECK_PTREGS

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

void show_regs(const struct pt_regs *regs);
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_PTRACE_H */
