/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The contents of the legacy vsyscall page, mapped at 0xffffffffff600000
 * (vsyscall_64.c).  Its three entry points hold what they always held,
 * a real syscall, so a program that reads the page finds the code it
 * expects; but the page is mapped no-execute, a call traps, and the page
 * fault handler emulates it.  Everything else is int3.
 */
#include <asm/page_types.h>
#include <asm/unistd_64.h>

	.section .rodata..vsyscall_page, "a"
	.balign	PAGE_SIZE
	.globl	__vsyscall_page
__vsyscall_page:
	mov	$__NR_gettimeofday, %rax	/* +0x000 */
	syscall
	ret

	.balign	1024, 0xcc
	mov	$__NR_time, %rax		/* +0x400 */
	syscall
	ret

	.balign	1024, 0xcc
	mov	$__NR_getcpu, %rax		/* +0x800 */
	syscall
	ret

	.balign	PAGE_SIZE, 0xcc

	.section .note.GNU-stack, "", @progbits
