/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A "kernel" that only measures the firmware: booted by QEMU exactly as
 * Lego is (-kernel with a PVH entry, the same initramfs and command line),
 * its first instruction reads the TSC, prints "PVH-STUB-TSC <16 hex
 * digits>" on COM1 and ends QEMU through isa-debug-exit.  The count is
 * what SeaBIOS and QEMU's PVH option ROM cost before any kernel runs; the
 * rest of Lego's boot_to_init is Lego's.
 *
 * The PVH boot protocol (Xen's arch-x86/hvm/start_info.h): the ELF note
 * XEN_ELFNOTE_PHYS32_ENTRY (18) gives a 32-bit entry point, entered in
 * protected mode with paging off.  COM1's transmitter needs no set-up
 * under QEMU.
 */
#define COM1		0x3f8
#define DEBUG_EXIT	0xf4		/* isa-debug-exit, as scripts/qemu-run.sh sets it up */

	.code32
	.section .note.Xen, "a", @note
	.balign 4
	.long	4, 4, 18		/* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz	"Xen"
	.balign 4
	.long	_start

	.text
	.globl	_start
_start:
	rdtsc				/* edx:eax: ticks since reset */
	movl	%eax, %esi
	movl	%edx, %edi
	movl	$message, %ebx
1:	movb	(%ebx), %al		/* the label */
	testb	%al, %al
	jz	2f
	call	putc
	incl	%ebx
	jmp	1b
2:	movl	%edi, %ebx		/* high half, then low half */
	call	puthex
	movl	%esi, %ebx
	call	puthex
	movb	$'\n', %al
	call	putc
	movw	$DEBUG_EXIT, %dx
	xorl	%eax, %eax
	outb	%al, %dx
3:	hlt
	jmp	3b

/* puthex: ebx as 8 hex digits. */
puthex:
	movl	$8, %ecx
4:	roll	$4, %ebx
	movl	%ebx, %eax
	andl	$0xf, %eax
	movb	digits(%eax), %al
	call	putc
	loop	4b
	ret

/* putc: al to COM1. */
putc:
	movw	$COM1, %dx
	outb	%al, %dx
	ret

	.section .rodata
message:
	.asciz	"PVH-STUB-TSC "
digits:
	.ascii	"0123456789abcdef"

	.section .note.GNU-stack, "", @progbits
