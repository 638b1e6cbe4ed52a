/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copies to and from user memory.  STAC/CLAC open and close the SMAP
 * window (Intel SDM Vol. 3A 4.6.1) around the one instruction that may
 * touch user memory; that instruction is in the exception table, and a
 * fault there continues at the fixup with the count of bytes not done.
 * REP MOVSB/STOSB leave RCX, RSI and RDI at the faulting byte (SDM Vol. 2B
 * REP: "the instruction can be interrupted ... registers are updated"),
 * so the count left is exact.
 */
#include <asm/extable.h>
#include <asm/smap.h>
#include <lego/errno.h>

	.text
/* unsigned long __copy_user(void *to, const void *from, unsigned long n) */
	.globl	__copy_user
__copy_user:
	ASM_STAC
	movq	%rdx, %rcx
1:	rep movsb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)

/* unsigned long __clear_user(void __user *to, unsigned long n) */
	.globl	__clear_user
__clear_user:
	ASM_STAC
	movq	%rsi, %rcx
	xorl	%eax, %eax
3:	rep stosb
4:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(3b, 4b)

/* long __strncpy_from_user(char *dst, const char __user *src, long count) */
	.globl	__strncpy_from_user
__strncpy_from_user:
	ASM_STAC
	xorl	%eax, %eax
5:	cmpq	%rdx, %rax
	jae	7f
6:	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	7f
	incq	%rax
	jmp	5b
7:	ASM_CLAC
	ret
8:	ASM_CLAC
	movq	$-EFAULT, %rax
	ret
	_ASM_EXTABLE(6b, 8b)

	.section .note.GNU-stack, "", @progbits
