/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 32-bit entry code (CONFIG_IA32_EMULATION): int $0x80 from 32-bit
 * or 64-bit user mode.  As in entry_64.S the assembly only builds
 * struct pt_regs; do_int80_syscall_32 (common.c) decides everything.
 * See Documentation/x86/compat.rst.
 */
#include <asm/irq_vectors.h>

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

	.section .note.GNU-stack, "", @progbits
