/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saving and restoring struct pt_regs in the entry code.  The hardware (or
 * the SYSCALL emulation in entry_SYSCALL_64) has pushed ss, sp, flags, cs,
 * ip and the orig_ax word; PUSH_AND_CLEAR_REGS pushes the rest in
 * pt_regs order and then zeroes every general register, so that no value
 * user space chose stays live in a register while the kernel runs (a
 * speculative-execution gadget could otherwise use it).  The syscall fast
 * path keeps only the six argument registers live, which carry exactly
 * the values the handler is given anyway.
 */
#include <asm/ptrace.h>
#include <asm/pti.h>

/* rcx=: compat SYSCALL's 2nd argument arrives in rbp (SYSCALL took ecx). */
.macro PUSH_REGS rax=%rax rcx=%rcx
	pushq	%rdi		/* pt_regs->di */
	pushq	%rsi		/* pt_regs->si */
	pushq	%rdx		/* pt_regs->dx */
	pushq	\rcx		/* pt_regs->cx */
	pushq	\rax		/* pt_regs->ax */
	pushq	%r8		/* pt_regs->r8 */
	pushq	%r9		/* pt_regs->r9 */
	pushq	%r10		/* pt_regs->r10 */
	pushq	%r11		/* pt_regs->r11 */
	pushq	%rbx		/* pt_regs->bx */
	pushq	%rbp		/* pt_regs->bp */
	pushq	%r12		/* pt_regs->r12 */
	pushq	%r13		/* pt_regs->r13 */
	pushq	%r14		/* pt_regs->r14 */
	pushq	%r15		/* pt_regs->r15 */
.endm

/* The registers no syscall argument travels in.  32-bit xor zero-extends
 * (SDM Vol. 1 3.4.1.1). */
.macro CLEAR_NONARG_REGS
	xorl	%r11d, %r11d
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
.endm

/* The argument registers but rdi, which carries pt_regs into C. */
.macro CLEAR_ARG_REGS
	xorl	%esi, %esi
	xorl	%edx, %edx
	xorl	%ecx, %ecx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
.endm

.macro PUSH_AND_CLEAR_REGS rax=%rax rcx=%rcx
	PUSH_REGS rax=\rax rcx=\rcx
	CLEAR_NONARG_REGS
	CLEAR_ARG_REGS
.endm

.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/*
 * After a conditional SWAPGS the CPU may speculate down the path that did
 * not swap and load through the wrong GS base (CVE-2019-1125, "SWAPGS
 * speculation"); an LFENCE on both paths stops it.
 */
.macro FENCE_SWAPGS
	lfence
.endm

#ifdef CONFIG_PAGE_TABLE_ISOLATION
/*
 * Page-table isolation (arch/x86/mm/pti.c).  SWITCH_TO_KERNEL_CR3 loads
 * the kernel's tables if isolation is on (the entry area's kernel CR3 is
 * then set) and the user's are in CR3 (bit 12: with isolation off a
 * top-level table may lie at any page), with the value the entry area
 * keeps; GS must be the kernel's already.
 * SWITCH_TO_USER_CR3, the last step before SWAPGS and the return, loads
 * the user's, flushing their ASID once after a TLB flush (PCID).
 */
.macro SWITCH_TO_KERNEL_CR3 scratch_reg:req
	cmpq	$0, PER_CPU_VAR(cpu_entry_area + CEA_pti_kernel_cr3)
	je	.Lkcr3_done\@
	movq	%cr3, \scratch_reg
	testq	$PTI_USER_PGTABLE_MASK, \scratch_reg
	jz	.Lkcr3_done\@
	movq	PER_CPU_VAR(cpu_entry_area + CEA_pti_kernel_cr3), \scratch_reg
	movq	\scratch_reg, %cr3
.Lkcr3_done\@:
.endm

.macro SWITCH_TO_USER_CR3 scratch_reg:req
	cmpb	$0, pti_enabled(%rip)
	je	.Lucr3_done\@
	movq	PER_CPU_VAR(cpu_entry_area + CEA_pti_user_cr3_noflush), \scratch_reg
	cmpq	$0, PER_CPU_VAR(cpu_entry_area + CEA_pti_flush_user)
	je	.Lucr3_write\@
	movq	$0, PER_CPU_VAR(cpu_entry_area + CEA_pti_flush_user)
	movq	PER_CPU_VAR(cpu_entry_area + CEA_pti_user_cr3), \scratch_reg
.Lucr3_write\@:
	movq	\scratch_reg, %cr3
.Lucr3_done\@:
.endm
#else
.macro SWITCH_TO_KERNEL_CR3 scratch_reg:req
.endm
.macro SWITCH_TO_USER_CR3 scratch_reg:req
.endm
#endif

/*
 * The last steps of a SYSRET to user mode (sysretq, or sysretl for a
 * compat-mode return), rsp at pt_regs->ip and the registers popped:
 * load the user's rsp, and with page-table isolation on, the user's CR3
 * too.  The user's tables do not map this stack, so rsp is loaded first
 * and rdi, borrowed for the CR3 value, is parked in the entry area,
 * which both tables map.
 */
.macro SYSRET_TO_USER insn:req
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	cmpb	$0, pti_enabled(%rip)
	jne	.Lsysret_isolated\@
#endif
	movq	(PTREGS_SP - PTREGS_IP)(%rsp), %rsp
	swapgs
	\insn
#ifdef CONFIG_PAGE_TABLE_ISOLATION
.Lsysret_isolated\@:
	movq	%rdi, PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)
	movq	(PTREGS_SP - PTREGS_IP)(%rsp), %rsp
	SWITCH_TO_USER_CR3 scratch_reg=%rdi
	movq	PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch), %rdi
	swapgs
	\insn
#endif
.endm
