/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO's "Linux" ELF note: type 0, a 4-byte descriptor holding the
 * version whose ABI the kernel follows, as LINUX_VERSION_CODE (the note
 * Linux's vDSO carries, and the one older glibc read the kernel version
 * from).  The ELF note layout: namesz, descsz, type, then the name and the
 * descriptor, each padded to 4 bytes (System V ABI, "Note Section").
 */
#include <lego/linux_abi.h>

	.section .note.Linux, "a", @note
	.balign 4
	.long	2f - 1f			/* namesz, with the NUL */
	.long	4f - 3f			/* descsz */
	.long	0			/* type */
1:	.asciz	"Linux"
2:	.balign	4
3:	.long	LINUX_ABI_VERSION_CODE
4:	.balign	4
