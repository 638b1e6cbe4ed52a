/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one atomic read-modify-write the futex code does on user memory
 * (kernel/futex.c): FUTEX_WAKE_OP's operation, and the robust-list
 * OWNER_DIED update at thread exit.  LOCK CMPXCHG always writes its
 * destination, also when the comparison fails (Intel SDM Vol. 2A
 * CMPXCHG: "the destination operand is written back if the comparison
 * fails"), so a copy-on-write page is copied and a read-only one faults
 * -- the word is checked writable either way.  The instruction is in the
 * exception table: a fault returns -EFAULT instead of oopsing.
 */
#include <asm/extable.h>
#include <asm/smap.h>
#include <lego/errno.h>

	.text
/*
 * int __futex_cmpxchg_user(u32 *found, u32 __user *uaddr, u32 old, u32 new)
 * Stores new at uaddr if it holds old; *found is what it held.  0 or
 * -EFAULT (then *found is untouched).  The caller checks the range.
 */
	.globl	__futex_cmpxchg_user
__futex_cmpxchg_user:
	movl	%edx, %eax
	ASM_STAC
1:	lock cmpxchgl %ecx, (%rsi)
	ASM_CLAC
	movl	%eax, (%rdi)
	xorl	%eax, %eax
	ret
2:	ASM_CLAC
	movl	$-EFAULT, %eax
	ret
	_ASM_EXTABLE(1b, 2b)

	.section .note.GNU-stack, "", @progbits
