/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 32-bit vDSO image inside the kernel, page-aligned and padded to a
 * page as the 64-bit one (vdso-image.S).  In .data, not .rodata: the
 * kernel patches __kernel_vsyscall's entry sequence once at boot for
 * the CPU it runs on (vma.c, vdso32_init), before any process maps it.
 */
#include <asm/page_types.h>

	.section .data.vdso32_image, "aw"
	.balign	PAGE_SIZE
	.globl	vdso32_image_start, vdso32_image_end
vdso32_image_start:
	.incbin	"arch/x86/entry/vdso/vdso32.so"
vdso32_image_end:
	.balign	PAGE_SIZE, 0

	.section .note.GNU-stack, "", @progbits
