/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-mode trampoline of the application processors.
 *
 * A STARTUP IPI starts an AP in real mode at CS:IP = (page << 8):0000
 * (Intel SDM Vol. 3A 8.4.4.1, 9.1.4), so this blob is copied to a page
 * below 1 MiB and must run at whatever address it lands: everything is
 * addressed relative to its start, whose linear address the code computes
 * from CS.  It goes through protected mode to long mode exactly as the
 * boot CPU did (SDM 10.8.5: CR4.PAE, CR3, EFER.LME, CR0.PG), on page
 * tables that map this page 1:1 and the kernel's upper half, then jumps to
 * secondary_startup_64 in the kernel image on the AP's own stack.
 *
 * smpboot.c fills the parameter block at the end before each wakeup.
 */
#include <asm/segment.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#define OFF(x)	((x) - trampoline_start)

	.section .rodata.trampoline, "a"
	.balign 16
	.globl	trampoline_start, trampoline_end
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movzwl	%ax, %ebx
	shll	$4, %ebx			/* ebx = this page's linear address */

	/* The GDT descriptor and the far pointer need linear addresses. */
	leal	OFF(tr_gdt)(%ebx), %eax
	movl	%eax, OFF(tr_gdt_desc) + 2
	leal	OFF(tr_startup32)(%ebx), %eax
	movl	%eax, OFF(tr_farptr32)
	lgdtl	OFF(tr_gdt_desc)

	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_farptr32)		/* reload CS: 32-bit code */

	.code32
tr_startup32:
	movl	$0x18, %eax			/* tr_gdt's data segment */
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	leal	4096(%ebx), %esp		/* the top of this page */

	movl	%cr4, %eax
	orl	$(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl	%eax, %cr4
	movl	OFF(tr_cr3)(%ebx), %eax
	movl	%eax, %cr3
	/* The boot CPU's EFER: LME, NXE (kernel data is mapped NX, so it is
	 * needed before the first access to it) and SCE. */
	movl	$MSR_EFER, %ecx
	movl	OFF(tr_efer)(%ebx), %eax
	xorl	%edx, %edx
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_PE), %eax
	movl	%eax, %cr0

	leal	OFF(tr_startup64)(%ebx), %eax
	pushl	$0x10				/* tr_gdt's 64-bit code segment */
	pushl	%eax
	lretl

	.code64
tr_startup64:
	/* The upper halves of the registers are undefined after the mode
	 * switch (SDM Vol. 1 3.4.1.1): use ebx zero-extended. */
	movl	%ebx, %ebx
	movq	OFF(tr_stack)(%rbx), %rsp
	movq	OFF(tr_entry)(%rbx), %rax
	jmp	*%rax

	.balign 8
tr_gdt:
	.quad	0, BOOT_GDT_CODE32, BOOT_GDT_CODE64, BOOT_GDT_DATA
tr_gdt_desc:
	.word	4 * 8 - 1
	.long	0				/* linear base, set above */
tr_farptr32:
	.long	0				/* linear address, set above */
	.word	0x08

	/* The parameter block (struct trampoline_params in smpboot.c). */
	.balign 8
	.globl	trampoline_params
trampoline_params:
tr_cr3:
	.long	0		/* trampoline page tables, below 4 GiB */
tr_efer:
	.long	0
tr_stack:
	.quad	0		/* the AP's initial kernel rsp */
tr_entry:
	.quad	0		/* secondary_startup_64 */
trampoline_end:

	.section .note.GNU-stack, "", @progbits
