/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copies to and from user memory.  STAC/CLAC open and close the SMAP
 * window (Intel SDM Vol. 3A 4.6.1) around the instructions that may touch
 * user memory; each is in the exception table, and a fault there
 * continues at its fixup with the count of bytes not done.
 * REP MOVS/STOS leave RCX, RSI and RDI at the faulting element (SDM Vol.
 * 2B REP: "the instruction can be interrupted ... registers are
 * updated").  The bulk moves eight bytes a step (lib/string.c says why);
 * a fault there goes on a byte at a time from the faulting quadword, so
 * the count left is exact to the byte.
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
	andl	$7, %edx		/* the tail */
	shrq	$3, %rcx
1:	rep movsq
	movq	%rdx, %rcx
2:	rep movsb
3:	ASM_CLAC
	movq	%rcx, %rax
	ret
4:	leaq	(%rdx,%rcx,8), %rcx	/* a quadword faulted: bytes left */
	jmp	2b
	_ASM_EXTABLE(1b, 4b)
	_ASM_EXTABLE(2b, 3b)

/* unsigned long __clear_user(void __user *to, unsigned long n) */
	.globl	__clear_user
__clear_user:
	ASM_STAC
	movq	%rsi, %rcx
	andl	$7, %esi
	shrq	$3, %rcx
	xorl	%eax, %eax
5:	rep stosq
	movq	%rsi, %rcx
6:	rep stosb
7:	ASM_CLAC
	movq	%rcx, %rax
	ret
8:	leaq	(%rsi,%rcx,8), %rcx
	jmp	6b
	_ASM_EXTABLE(5b, 8b)
	_ASM_EXTABLE(6b, 7b)

/* long __strncpy_from_user(char *dst, const char __user *src, long count) */
	.globl	__strncpy_from_user
__strncpy_from_user:
	ASM_STAC
	xorl	%eax, %eax
9:	cmpq	%rdx, %rax
	jae	11f
10:	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	11f
	incq	%rax
	jmp	9b
11:	ASM_CLAC
	ret
12:	ASM_CLAC
	movq	$-EFAULT, %rax
	ret
	_ASM_EXTABLE(10b, 12b)

	.section .note.GNU-stack, "", @progbits
