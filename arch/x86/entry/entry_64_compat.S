/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 32-bit entry code (CONFIG_IA32_EMULATION): int $0x80 from 32-bit
 * or 64-bit user mode, and SYSENTER and compat-mode SYSCALL from the
 * 32-bit vDSO's __kernel_vsyscall.  As in entry_64.S the assembly only
 * builds struct pt_regs; do_int80_syscall_32 and do_fast_syscall_32
 * (common.c) decide everything.  See Documentation/x86/compat.rst and
 * entry_64.rst.
 */
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/percpu.h>
#include <asm/processor-flags.h>
#include <lego/errno.h>
#include <generated/asm-offsets.h>
#include "calling.h"

	.section .entry.text, "ax"

/*
 * entry_INT80_compat: IDT vector 0x80, an interrupt gate of DPL 3 (so
 * ring 3 may use it; Intel SDM Vol. 3A 6.12.1.1) which clears IF.
 *
 * On entry the CPU has switched to TSS.sp0 and pushed ss, rsp, rflags, cs
 * and rip (SDM Vol. 3A 6.14.2: 64-bit mode always pushes SS:RSP); no
 * error code.  The caller's registers are untouched:
 *   eax  syscall number (i386 table)
 *   ebx, ecx, edx, esi, edi, ebp   arguments 1-6
 *   r8-r15 (a 64-bit caller's)     preserved: pt_regs holds them and the
 *        IRET path restores them, as Linux does since 4.17
 *
 * The frame becomes the exceptions' one: orig_ax -1 for now, the vector
 * in the error code's place, and exception_common does the SWAPGS, the
 * page-table switch of page-table isolation and the move to the task's
 * stack exactly as for any user-mode exception, then calls
 * do_trap_or_irq, which hands vector 0x80 to do_int80_syscall_32.  The
 * return is the IRET path (swapgs_restore_regs_and_return_to_usermode):
 * only eax changes, which gets the result.
 */
	.globl	entry_INT80_compat
	.type	entry_INT80_compat, @function
	.balign 16
entry_INT80_compat:
	pushq	$-1			/* pt_regs->orig_ax, set in C */
	pushq	$IA32_SYSCALL_VECTOR
	jmp	exception_common
	.size	entry_INT80_compat, . - entry_INT80_compat

/*
 * entry_SYSENTER_compat: MSR_IA32_SYSENTER_EIP.  SYSENTER (Intel SDM Vol.
 * 2B SYSENTER) has loaded CS/SS from MSR_IA32_SYSENTER_CS, rsp from
 * MSR_IA32_SYSENTER_ESP (this CPU's entry stack top) and cleared IF, RF
 * and VM -- and nothing else: it saves neither the user's eip nor esp,
 * and leaves TF, NT, AC and DF as the user had them.  The vDSO's
 * convention (vdso32/system_call.S):
 *   eax  number; ebx, ecx, edx, esi, edi  arguments 1-5
 *   ebp  the user's esp, where the 6th argument (the user's ebp) lies
 * The return is to the vDSO's int80_landing_pad, set in C.
 *
 * TF set by the user single-steps SYSENTER into here: each instruction up
 * to the popfq below raises #DB, which kernel_debug_trap (traps.c) lets
 * go by, TF kept, for an ip inside this region, as Linux's
 * is_sysenter_singlestep.  Only then is the pushfq sure to save the
 * user's TF, which the return path (IRET, as TF forbids SYSRET) gives back, so
 * the user gets the single-step trap after its next instruction as on
 * Linux.  The popfq clears TF, NT and AC from the live flags before
 * interrupts are enabled: NT would make a later IRET in the kernel a task
 * return (#GP in IA-32e mode, SDM Vol. 3A 7.3), AC would lift SMAP.
 */
	.globl	entry_SYSENTER_compat
	.type	entry_SYSENTER_compat, @function
	.balign 16
entry_SYSENTER_compat:
	swapgs				/* GS base := this CPU's area */
	/*
	 * The user's flags first, at the entry stack's top: the compares of
	 * the CR3 switch would change the arithmetic ones (SWAPGS and MOV
	 * change none).
	 */
	pushfq
	pushq	%rax
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rax
	popq	%rax
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rsp

	pushq	$__USER_DS		/* pt_regs->ss */
	pushq	%rbp			/* pt_regs->sp: esp, in ebp */
	pushq	PER_CPU_VAR(cpu_entry_area + CEA_entry_stack_top - 8)	/* pt_regs->flags, IF set in C */
	pushq	$__USER32_CS		/* pt_regs->cs */
	pushq	$0			/* pt_regs->ip, set in C */
	movl	%eax, %eax		/* only the low half is the number */
	pushq	%rax			/* pt_regs->orig_ax */
	PUSH_AND_CLEAR_REGS rax=$-ENOSYS
	cld
	testl	$(X86_EFLAGS_NT | X86_EFLAGS_AC | X86_EFLAGS_TF), PTREGS_FLAGS(%rsp)
	jnz	.Lsysenter_fix_flags
.Lsysenter_flags_fixed:
	movq	%rsp, %rdi
	call	do_SYSENTER_32		/* true: SYSRETL may return */
	jmp	.Lsysret32_or_iret
.Lsysenter_fix_flags:
	pushq	$X86_EFLAGS_FIXED
	popfq
	jmp	.Lsysenter_flags_fixed
	.globl	__end_entry_SYSENTER_compat
__end_entry_SYSENTER_compat:
	.size	entry_SYSENTER_compat, . - entry_SYSENTER_compat

/*
 * entry_SYSCALL_compat: MSR_CSTAR, SYSCALL from compatibility mode (AMD
 * CPUs only; AMD APM Vol. 3 SYSCALL).  As in 64-bit mode, rcx = the
 * return eip, r11 = eflags, flags less MSR_SYSCALL_MASK (IF, TF, DF, AC,
 * NT, IOPL clear), rsp still the user's.  The vDSO's convention:
 *   eax  number; ebx  argument 1
 *   ebp  argument 2 (ecx is the return eip now)
 *   edx, esi, edi  arguments 3-5; the 6th (the user's ebp) at [esp]
 * pt_regs->cx gets ebp, so the C code sees the int $0x80 registers.
 */
	.globl	entry_SYSCALL_compat
	.type	entry_SYSCALL_compat, @function
	.balign 16
entry_SYSCALL_compat:
	swapgs
	movl	%esp, %esp		/* a 32-bit program's: zero-extend */
	movq	%rsp, PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rsp
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rsp

	pushq	$__USER_DS					/* pt_regs->ss */
	pushq	PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)	/* pt_regs->sp */
	pushq	%r11						/* pt_regs->flags */
	pushq	$__USER32_CS					/* pt_regs->cs */
	pushq	%rcx						/* pt_regs->ip */
	movl	%eax, %eax
	pushq	%rax						/* pt_regs->orig_ax */
	PUSH_AND_CLEAR_REGS rax=$-ENOSYS rcx=%rbp
	movq	%rsp, %rdi
	call	do_fast_syscall_32	/* true: SYSRETL may return */

/*
 * Both fast entries return through here.  SYSRETL (SDM Vol. 2B SYSRET,
 * operand size 32) loads eip from ecx, eflags from r11, CS __USER32_CS
 * (STAR[63:48]) and SS __USER_DS, so it is used only when that is
 * exactly the saved state (do_fast_syscall_32's checks: the vDSO's
 * landing pad, the compat selectors, no TF, RF or VM); ecx is the
 * landing pad then, and the vDSO pops the user's ecx back.  SYSRETL
 * exists on every x86-64 CPU, Intel's included, so SYSENTER returns
 * through it too rather than through SYSEXIT, as Linux's 64-bit kernel.
 * Anything else returns through IRET, which restores every register.
 */
.Lsysret32_or_iret:
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode
	POP_REGS
	addq	$8, %rsp		/* orig_ax; now at pt_regs->ip */
	movl	(%rsp), %ecx		/* ip */
	movq	(PTREGS_FLAGS - PTREGS_IP)(%rsp), %r11
	SYSRET_TO_USER sysretl
	.size	entry_SYSCALL_compat, . - entry_SYSCALL_compat

	.section .note.GNU-stack, "", @progbits
