/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __kernel_vsyscall: how a 32-bit program enters the kernel (AT_SYSINFO,
 * %gs:0x10 in glibc).  It is called like a function with the syscall
 * number in eax and the arguments in ebx, ecx, edx, esi, edi, ebp, and
 * returns with the result in eax and every other register as it was.
 *
 * The image holds the int $0x80 form.  vdso32_init (vma32.c) overwrites
 * the four bytes at vdso32_fast_entry, once at boot, with the fastest
 * entry the CPU has from compatibility mode, as Linux's alternatives do:
 *   SYSENTER (Intel and most others; AMD CPUs raise #UD for it in long
 *   mode, AMD APM Vol. 3 SYSENTER): "movl %esp, %ebp; sysenter".
 *   SYSENTER saves neither eip nor esp (Intel SDM Vol. 2B SYSENTER), so
 *   esp travels in ebp and the 6th argument, ebp, is read by the kernel
 *   from the stack top, where it was pushed; the kernel returns to
 *   int80_landing_pad.
 *   SYSCALL (AMD; Intel CPUs raise #UD for it outside 64-bit mode, SDM
 *   Vol. 2B SYSCALL): "movl %ecx, %ebp; syscall".  SYSCALL overwrites ecx
 *   with the return eip, so the 2nd argument travels in ebp, and the 6th
 *   is again read from the stack top.
 * Either way the kernel returns to int80_landing_pad (SYSRETL or IRET),
 * whose pops give back ebp, edx and ecx: the registers the fast entries
 * clobber.  An int $0x80 left in place also lands there, having
 * clobbered nothing.
 */
	.text
	.globl	__kernel_vsyscall
	.type	__kernel_vsyscall, @function
	.balign	32
__kernel_vsyscall:
	.cfi_startproc
	pushl	%ecx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ecx, 0
	pushl	%edx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset edx, 0
	pushl	%ebp
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ebp, 0
	.globl	vdso32_fast_entry
	.type	vdso32_fast_entry, @object
	.hidden	vdso32_fast_entry
vdso32_fast_entry:
	/* A 4-byte no-op, "leal 0(%esi,%eiz,1), %esi": patched at boot. */
	.byte	0x8d, 0x74, 0x26, 0x00
	int	$0x80
	.globl	int80_landing_pad
	.hidden	int80_landing_pad
int80_landing_pad:
	popl	%ebp
	.cfi_adjust_cfa_offset -4
	.cfi_restore ebp
	popl	%edx
	.cfi_adjust_cfa_offset -4
	.cfi_restore edx
	popl	%ecx
	.cfi_adjust_cfa_offset -4
	.cfi_restore ecx
	ret
	.cfi_endproc
	.size	__kernel_vsyscall, . - __kernel_vsyscall

	.section .note.GNU-stack, "", @progbits
