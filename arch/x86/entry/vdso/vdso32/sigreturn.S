/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The return from a signal handler installed without SA_RESTORER: the
 * ia32 signal code (arch/x86/kernel/signal_32.c) makes the frame's
 * pretcode point here, as Linux's does when the process has a vDSO.  The
 * instructions are the i386 ABI's retcodes: the old frame's restorer pops
 * the signal number first (sigreturn finds the sigcontext at esp), the rt
 * one does not (rt_sigreturn finds the ucontext past pinfo and puc).
 * Both use int $0x80: it keeps every register the frame does not restore.
 */
#define NR_sigreturn	119	/* i386 numbers (asm/unistd_32.h) */
#define NR_rt_sigreturn	173

	.text
	.globl	__kernel_sigreturn
	.type	__kernel_sigreturn, @function
	.balign	32
__kernel_sigreturn:
	popl	%eax
	movl	$NR_sigreturn, %eax
	int	$0x80
	.size	__kernel_sigreturn, . - __kernel_sigreturn

	.globl	__kernel_rt_sigreturn
	.type	__kernel_rt_sigreturn, @function
	.balign	32
__kernel_rt_sigreturn:
	movl	$NR_rt_sigreturn, %eax
	int	$0x80
	.size	__kernel_rt_sigreturn, . - __kernel_rt_sigreturn

	.section .note.GNU-stack, "", @progbits
