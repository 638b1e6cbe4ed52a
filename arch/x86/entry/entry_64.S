/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 64-bit entry code: SYSCALL, interrupts and exceptions.  The assembly
 * only saves and restores registers; every decision is made in C
 * (common.c, traps.c).  See Documentation/x86/entry_64.rst.
 */
#include <asm/segment.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/msr-index.h>
#include <asm/smap.h>
#include <asm/irq_vectors.h>
#include <lego/errno.h>
#include <generated/asm-offsets.h>
#include <asm/processor-flags.h>
#include "calling.h"

	.section .entry.text, "ax"

/*
 * entry_SYSCALL_64: the MSR_LSTAR target.
 *
 * On entry (Intel SDM Vol. 2B SYSCALL; AMD APM Vol. 3 SYSCALL):
 *   rax  syscall number
 *   rdi, rsi, rdx, r10, r8, r9   arguments 1-6 (r10, not rcx: SYSCALL
 *        overwrites rcx, so the 4th argument moves to r10)
 *   rcx  return address (the user rip after the SYSCALL instruction)
 *   r11  the user rflags
 *   rsp  still the user stack: SYSCALL switches no stack
 *   cs/ss  __KERNEL_CS / __KERNEL_DS from MSR_STAR
 *   rflags  the user's with MSR_SYSCALL_MASK cleared: IF, TF, DF, AC, NT
 *        and IOPL are 0, so interrupts are off until do_syscall_64.
 *
 * Only the registers the ABI says change (rax, rcx, r11) differ on return.
 */
	.globl	entry_SYSCALL_64
	.type	entry_SYSCALL_64, @function
	.balign 16
entry_SYSCALL_64:
	swapgs				/* GS base := this CPU's area */
	movq	%rsp, PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rsp
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rsp

	/* The frame an interrupt would have pushed, then orig_ax. */
	pushq	$__USER_DS				/* pt_regs->ss */
	pushq	PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)		/* pt_regs->sp */
	pushq	%r11					/* pt_regs->flags */
	pushq	$__USER_CS				/* pt_regs->cs */
	pushq	%rcx					/* pt_regs->ip */
	pushq	%rax					/* pt_regs->orig_ax */
	PUSH_REGS rax=$-ENOSYS
	CLEAR_NONARG_REGS

#ifndef CONFIG_DEBUG_ENTRY
	/*
	 * The fast path: the common case of do_syscall_64 and its exit,
	 * without a C frame (Documentation/x86/entry_64.rst, "The fast
	 * path").  Anything unusual -- a number outside the table, tracing
	 * on, work pending on the way out, a handler that left interrupts
	 * off, a frame SYSRET cannot restore -- goes to the C path, which
	 * does the same steps in full.
	 *
	 * The number is the low half of rax (the ABI's int).  The unsigned
	 * compare rejects negative numbers, -1 and the x32 bit; on the path
	 * that continues CF is set, so sbb gives all ones, and the and clamps
	 * the index to 0 should the CPU speculate past the jae (Spectre v1,
	 * Linux's array_index_nospec).  The and also zero-extends it.
	 */
	cmpl	$NR_SYSCALLS, %eax
	jae	.Lsyscall_slow
	sbbl	%r11d, %r11d
	andl	%r11d, %eax
#ifdef CONFIG_STRACE
	cmpb	$0, strace_active(%rip)
	jne	.Lsyscall_slow
#endif
	sti				/* handlers run with interrupts enabled */
	movq	%r10, %rcx		/* argument 4: r10 in the syscall ABI */
#ifdef CONFIG_RANDOMIZE_KSTACK_OFFSET
	/* The handler's frame starts a random 0..1008 bytes lower; rbx
	 * (callee-saved) remembers how much. */
	movl	PER_CPU_VAR(kstack_offset), %ebx
	andl	$KSTACK_OFFSET_MASK, %ebx
	subq	%rbx, %rsp
	call	*sys_call_table(, %rax, 8)
	addq	%rbx, %rsp
	movq	%rax, PTREGS_AX(%rsp)
	rdtsc				/* the next syscall's offset */
	xorl	%eax, PER_CPU_VAR(kstack_offset)
#else
	call	*sys_call_table(, %rax, 8)
	movq	%rax, PTREGS_AX(%rsp)
#endif

	/* A handler must return with interrupts enabled; the C path WARNs. */
	pushfq
	popq	%r11
	testl	$X86_EFLAGS_IF, %r11d
	jz	.Lsyscall_slow_exit
	cli				/* no new work between check and return */
	movq	PER_CPU_VAR(current_task), %r11
	testq	$TIF_WORK_MASK, TASK_thread_flags(%r11)
	jnz	.Lsyscall_work

	/* SYSRET restores exactly pt_regs?  can_sysret() in common.c says why. */
	movq	PTREGS_CX(%rsp), %rcx
	cmpq	%rcx, PTREGS_IP(%rsp)
	jne	swapgs_restore_regs_and_return_to_usermode
	movq	PTREGS_R11(%rsp), %r11
	cmpq	%r11, PTREGS_FLAGS(%rsp)
	jne	swapgs_restore_regs_and_return_to_usermode
	cmpq	$__USER_CS, PTREGS_CS(%rsp)
	jne	swapgs_restore_regs_and_return_to_usermode
	cmpq	$__USER_DS, PTREGS_SS(%rsp)
	jne	swapgs_restore_regs_and_return_to_usermode
	shrq	$47, %rcx		/* a canonical user address: 63..47 clear */
	jnz	swapgs_restore_regs_and_return_to_usermode
	testl	$(X86_EFLAGS_RF | X86_EFLAGS_TF), %r11d
	jnz	swapgs_restore_regs_and_return_to_usermode
	jmp	.Lsyscall_sysret
#endif

.Lsyscall_slow:
	CLEAR_ARG_REGS
	movq	%rsp, %rdi		/* regs */
	movslq	PTREGS_ORIG_AX(%rsp), %rsi	/* nr: the ABI's int */
	xorl	%eax, %eax
	call	do_syscall_64		/* returns true if SYSRET is safe */
	jmp	.Lsyscall_return
.Lsyscall_slow_exit:
	movq	%rsp, %rdi
	call	syscall_return_slowpath
	jmp	.Lsyscall_return
.Lsyscall_work:
	movq	%rsp, %rdi
	call	syscall_exit_work	/* interrupts off, work pending */
.Lsyscall_return:
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode

	/*
	 * SYSRET: regs->cx == regs->ip and regs->r11 == regs->flags, ip is
	 * canonical and cs/ss are the user selectors (checked above or by
	 * can_sysret()), so popping rcx and r11 gives SYSRET exactly what
	 * IRET would have restored.
	 */
.Lsyscall_sysret:
	POP_REGS
	addq	$8, %rsp		/* orig_ax; now at pt_regs->ip */
	SYSRET_TO_USER sysretq
	.size	entry_SYSCALL_64, . - entry_SYSCALL_64

/*
 * The general return to user mode: restores every register from pt_regs
 * and IRETs.  Used when SYSRET is unsafe or would not restore the saved
 * state exactly (rcx/r11 changed, TF or RF set, a modified ip).
 */
	.globl	swapgs_restore_regs_and_return_to_usermode
swapgs_restore_regs_and_return_to_usermode:
	POP_REGS
	addq	$8, %rsp		/* orig_ax */
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	/* The IRET frame moves to the entry stack, which both tables map. */
	cmpb	$0, pti_enabled(%rip)
	je	1f
	movq	%rdi, PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch)
	movq	%rsp, %rdi
	movq	PER_CPU_VAR(cpu_entry_area + CEA_tss_sp0), %rsp
	pushq	(PTREGS_SS - PTREGS_IP)(%rdi)
	pushq	(PTREGS_SP - PTREGS_IP)(%rdi)
	pushq	(PTREGS_FLAGS - PTREGS_IP)(%rdi)
	pushq	(PTREGS_CS - PTREGS_IP)(%rdi)
	pushq	(%rdi)
	SWITCH_TO_USER_CR3 scratch_reg=%rdi
	movq	PER_CPU_VAR(cpu_entry_area + CEA_rsp_scratch), %rdi
1:
#endif
	swapgs
	/* A fault here is a frame IRET refused: see .Lbad_iret. */
	.globl	native_irq_return_iret
native_irq_return_iret:
	iretq

/*
 * ignore_sysret: the MSR_CSTAR target.  32-bit SYSCALL (only AMD CPUs
 * allow it in compat mode) returns -ENOSYS without entering the kernel
 * proper, as Linux does without IA32 emulation.
 */
	.globl	entry_SYSCALL_compat_ignore
entry_SYSCALL_compat_ignore:
	movl	$-ENOSYS, %eax
	sysretl

/* ---------------------------------------------------------------------- */
/*
 * Exceptions and interrupts.  The CPU has pushed ss, rsp, rflags, cs, rip
 * and, for some exceptions, an error code (SDM Vol. 3A 6.14.2).  Each stub
 * makes the frame uniform by pushing -1 where there is no error code, so
 * the word after ip is always pt_regs->orig_ax.
 */
.macro idtentry sym vector has_error_code=0 paranoid=0
	.globl	\sym
	.type	\sym, @function
	.balign 16
\sym:
	.if \has_error_code == 0
	pushq	$-1
	.endif
	.if \paranoid
	pushq	$\vector
	jmp	paranoid_common
	.else
	pushq	$\vector
	jmp	exception_common
	.endif
	.size	\sym, . - \sym
.endm

	idtentry asm_exc_divide_error		0
	idtentry asm_exc_nmi			2 paranoid=1
	idtentry asm_exc_int3			3
	idtentry asm_exc_overflow		4
	idtentry asm_exc_bounds			5
	idtentry asm_exc_invalid_op		6
	idtentry asm_exc_device_not_available	7
	idtentry asm_exc_double_fault		8 has_error_code=1 paranoid=1
	idtentry asm_exc_coproc_overrun		9
	idtentry asm_exc_invalid_tss		10 has_error_code=1
	idtentry asm_exc_segment_not_present	11 has_error_code=1
	idtentry asm_exc_stack_segment		12 has_error_code=1
	idtentry asm_exc_general_protection	13 has_error_code=1
	idtentry asm_exc_page_fault		14 has_error_code=1
	idtentry asm_exc_spurious		15
	idtentry asm_exc_coprocessor_error	16
	idtentry asm_exc_alignment_check	17 has_error_code=1
	idtentry asm_exc_machine_check		18 paranoid=1
	idtentry asm_exc_simd_error		19
	idtentry asm_exc_virtualization		20
	idtentry asm_exc_control_protection	21 has_error_code=1
	idtentry asm_exc_reserved22		22
	idtentry asm_exc_reserved23		23
	idtentry asm_exc_reserved24		24
	idtentry asm_exc_reserved25		25
	idtentry asm_exc_reserved26		26
	idtentry asm_exc_reserved27		27
	idtentry asm_exc_hypervisor_injection	28
	idtentry asm_exc_vmm_communication	29 has_error_code=1
	idtentry asm_exc_security		30 has_error_code=1
	idtentry asm_exc_reserved31		31

/*
 * External interrupts, vectors 32-255: one 16-byte stub each, pushing the
 * vector in place of an error code.  irq_entries_start + 16 * (v - 32).
 */
	.balign 16
	.globl	irq_entries_start
irq_entries_start:
	vector = FIRST_EXTERNAL_VECTOR
	.rept	NR_VECTORS - FIRST_EXTERNAL_VECTOR
	pushq	$-1
	pushq	$vector
	jmp	exception_common
	.balign 16
	vector = vector + 1
	.endr

/*
 * Stack on arrival at the common paths:
 *   0(%rsp) vector, 8(%rsp) orig_ax (error code or -1), 16(%rsp) ip, ...
 * SAVE_REGS_VECTOR turns the vector's slot into pt_regs->di, pushes the
 * rest of pt_regs, leaves the vector in %esi and clears the other
 * registers.
 */
.macro SAVE_REGS_VECTOR
	pushq	%rsi			/* pt_regs->si */
	movq	8(%rsp), %rsi		/* the vector */
	movq	%rdi, 8(%rsp)		/* pt_regs->di */
	pushq	%rdx			/* pt_regs->dx */
	pushq	%rcx			/* pt_regs->cx */
	pushq	%rax			/* pt_regs->ax */
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	xorl	%edx, %edx
	xorl	%ecx, %ecx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	xorl	%eax, %eax
.endm

/*
 * Everything that is not paranoid: CS tells whether we came from user.
 * CLD: the C ABI wants DF clear, and exception delivery keeps the user's
 * DF (Intel SDM Vol. 3A 6.12.1 clears only TF, RF, NT, VM and IF).
 */
	.globl	exception_common
exception_common:
	cld
	ASM_CLAC			/* AC is user state: SMAP on in the kernel */
	testb	$3, 24(%rsp)		/* from user mode (CPL 3)? */
	jz	.Lfrom_kernel
	swapgs
	FENCE_SWAPGS
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	/*
	 * With the user's tables in CR3 the CPU delivered this on the entry
	 * stack (TSS.sp0): switch tables, then move the frame -- rdi parked
	 * here, vector, error code, ip, cs, flags, sp, ss -- to the top of
	 * the task's stack and go on from there.
	 */
	pushq	%rdi
	cmpq	$0, PER_CPU_VAR(cpu_entry_area + CEA_pti_kernel_cr3)
	je	2f			/* isolation off */
	movq	%cr3, %rdi
	testq	$PTI_USER_PGTABLE_MASK, %rdi
	jz	2f
	movq	PER_CPU_VAR(cpu_entry_area + CEA_pti_kernel_cr3), %rdi
	movq	%rdi, %cr3
	movq	%rsp, %rdi
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rsp
	pushq	7*8(%rdi)		/* ss */
	pushq	6*8(%rdi)		/* sp */
	pushq	5*8(%rdi)		/* flags */
	pushq	4*8(%rdi)		/* cs */
	pushq	3*8(%rdi)		/* ip */
	pushq	2*8(%rdi)		/* error code */
	pushq	1*8(%rdi)		/* vector */
	movq	(%rdi), %rdi
	jmp	1f
2:	popq	%rdi
#endif
	jmp	1f
.Lfrom_kernel:
	cmpq	$native_irq_return_iret, 16(%rsp)
	je	.Lbad_iret
	FENCE_SWAPGS
1:	SAVE_REGS_VECTOR
.Lexception_call:
	movq	%rsp, %rdi		/* do_trap_or_irq(regs, vector) */
	call	do_trap_or_irq		/* returns with interrupts disabled */
	testb	$3, PTREGS_CS(%rsp)
	jnz	swapgs_restore_regs_and_return_to_usermode
	POP_REGS
	addq	$8, %rsp
	iretq

/*
 * IRET back to user mode faulted (#GP, #NP, #SS: a frame the CPU refused,
 * e.g. a non-canonical rip from a signal frame; Intel SDM Vol. 2A IRET).
 * The exit path had already loaded the user's GS base and, with page-table
 * isolation, the user's CR3: undo both.  fixup_bad_iret() then builds the
 * user pt_regs at the top of the task's stack from the refused frame and
 * the registers IRET was going to return with, and the fault goes on as
 * one from user mode at the address IRET would have returned to.
 */
.Lbad_iret:
	swapgs
	FENCE_SWAPGS
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	pushq	%rdi
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rdi
	popq	%rdi
#endif
	SAVE_REGS_VECTOR
	movl	%esi, %ebx		/* the vector, callee-saved */
	movq	%rsp, %rdi
	call	fixup_bad_iret		/* the user pt_regs */
	movq	%rax, %rsp
	movl	%ebx, %esi
	jmp	.Lexception_call

/*
 * #DB arrives on its own IST stack: an instruction can single-step into
 * the kernel before any good stack is set up (SYSENTER with TF set keeps
 * TF, Intel SDM Vol. 2B SYSENTER).  From kernel mode it is handled there,
 * without sleeping, as a paranoid exception.  From user mode the whole
 * pt_regs moves to the top of the task's kernel stack at once, as if the
 * CPU had delivered it through TSS.sp0, and continues as an ordinary
 * exception: the handler may then deliver signals and sleep, and a second
 * #DB on this CPU finds the IST stack free again.
 */
	.globl	asm_exc_debug
	.type	asm_exc_debug, @function
	.balign 16
asm_exc_debug:
	pushq	$-1			/* no error code */
	testb	$3, 16(%rsp)		/* the saved CS: from user mode? */
	jnz	1f
	pushq	$X86_TRAP_DB
	jmp	paranoid_common
1:	cld
	ASM_CLAC
	swapgs
	FENCE_SWAPGS
	pushq	$X86_TRAP_DB
	SAVE_REGS_VECTOR
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rax
	movq	PER_CPU_VAR(cpu_current_top_of_stack), %rdi
	subq	$PTREGS_SIZE, %rdi
	movq	%rsp, %rsi
	movl	$(PTREGS_SIZE / 8), %ecx
	rep movsq			/* DF is clear (cld above) */
	subq	$PTREGS_SIZE, %rdi
	movq	%rdi, %rsp		/* the task's stack, pt_regs at its top */
	movl	$X86_TRAP_DB, %esi
	jmp	.Lexception_call
	.size	asm_exc_debug, . - asm_exc_debug

/*
 * NMI, #DB, #MC and #DF arrive on IST stacks and at any instruction,
 * including between the kernel's SWAPGS and SYSRET, so CS cannot tell which
 * GS base is loaded.  The kernel's base is a kernel address (negative), a
 * user's is not: read MSR_GS_BASE and swap only if needed; restore the
 * same way on exit.  r12d remembers whether we swapped.
 */
paranoid_common:
	cld
	ASM_CLAC
	SAVE_REGS_VECTOR
	movl	%esi, %ebx		/* the vector, callee-saved */
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f			/* already the kernel's GS base */
	swapgs
	movl	$1, %r12d
1:	FENCE_SWAPGS
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	/* Any instruction, so maybe the user's tables: r14 keeps CR3. */
	movq	%cr3, %r14
	SWITCH_TO_KERNEL_CR3 scratch_reg=%rax
#endif
	movq	%rsp, %rdi
	movl	%ebx, %esi
	call	do_paranoid_trap	/* do_paranoid_trap(regs, vector) */
#ifdef CONFIG_PAGE_TABLE_ISOLATION
	/* Back to the tables it came with, if it switched. */
	cmpq	$0, PER_CPU_VAR(cpu_entry_area + CEA_pti_kernel_cr3)
	je	3f
	testq	$PTI_USER_PGTABLE_MASK, %r14
	jz	3f
	movq	%r14, %cr3
3:
#endif
	testl	%r12d, %r12d
	jz	2f
	swapgs
2:	POP_REGS
	addq	$8, %rsp
	iretq

/* ---------------------------------------------------------------------- */
/*
 * __switch_to_asm(prev_sp, next_sp, prev): switch kernel stacks.  The
 * callee-saved registers of the outgoing task stay on its stack; the
 * incoming task's were pushed the same way (or faked by copy_thread for a
 * new task, whose "return address" is ret_from_fork).  rax carries prev
 * across: the incoming task returns with the task it replaced.
 */
	.text
	.globl	__switch_to_asm
__switch_to_asm:
	movq	%rdx, %rax
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/*
 * A new task's first instructions.  r12 = function (0 for a user task),
 * r13 = its argument (both set by copy_thread); rsp points at its
 * pt_regs.
 */
	.globl	ret_from_fork
ret_from_fork:
	movq	%rax, %rdi		/* the task switched out */
	call	schedule_tail
	testq	%r12, %r12
	jz	1f
	/*
	 * A kernel thread.  It returns only after it has turned itself into
	 * a user task with execve (pt_regs now holds the user context).
	 */
	movq	%r13, %rdi
	call	*%r12
1:	movq	%rsp, %rdi
	call	syscall_exit_to_user_mode_prepare
	jmp	swapgs_restore_regs_and_return_to_usermode

	.section .note.GNU-stack, "", @progbits
