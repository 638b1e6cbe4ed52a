/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO image, checked by vdsocheck, inside the kernel.  It starts on a
 * page and is padded with zeroes to a page boundary: the frames mapped
 * into user space (vma.c) hold nothing else of the kernel's.
 */
#include <asm/page_types.h>

	.section .rodata..vdso_image, "a"
	.balign	PAGE_SIZE
	.globl	vdso_image_start, vdso_image_end
vdso_image_start:
	.incbin	"arch/x86/entry/vdso/vdso.so"
vdso_image_end:
	.balign	PAGE_SIZE, 0

	.section .note.GNU-stack, "", @progbits
