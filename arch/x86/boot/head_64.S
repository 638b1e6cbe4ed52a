/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The first instructions of the kernel: PVH and multiboot2 entry in 32-bit
 * protected mode, early page tables, the switch to long mode, and the jump
 * to the higher half.
 *
 * Both boot protocols enter here with paging off, flat 4 GiB segments and
 * interrupts disabled:
 *   PVH (XEN_ELFNOTE_PHYS32_ENTRY): %ebx = physical hvm_start_info
 *   multiboot2: %eax = 0x36d76289, %ebx = physical boot information
 * Nothing else can be assumed: no stack, no valid IDT, any GDT.
 *
 * Long mode is entered as Intel SDM Vol. 3A 10.8.5 describes: CR4.PAE,
 * CR3 = PML4, EFER.LME, then CR0.PG; a far jump then loads a 64-bit CS.
 */
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>
#include <asm/bootparam.h>

#define pa(x)	((x) - __START_KERNEL_map)

/* ---------------------------------------------------------------------- */
#ifdef CONFIG_MULTIBOOT2
/* Multiboot2 header: 8-byte aligned, within the first 32 KiB of the image
 * (Multiboot2 spec 3.1); the linker script puts .multiboot2 first. */
#define MB2_MAGIC	0xe85250d6
#define MB2_ARCH_I386	0
	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MB2_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	-(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* Entry address tag (type 3): enter at the physical 32-bit entry. */
	.balign 8
	.short	3, 0
	.long	12
	.long	pa(mb2_entry)
	/* Console flags tag (type 4): we have our own serial console. */
	.balign 8
	.short	4, 0
	.long	12
	.long	0
	/* End tag. */
	.balign 8
	.short	0, 0
	.long	8
mb2_header_end:
#endif

#ifdef CONFIG_X86_PVH
/* The PVH ELF note QEMU's -kernel and Xen look for: name "Xen", type
 * XEN_ELFNOTE_PHYS32_ENTRY (18), the 32-bit physical entry point. */
	.section .note.Xen, "a", @note
	.balign 4
	.long	4		/* namesz */
	.long	4		/* descsz */
	.long	18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz	"Xen"
	.long	pa(pvh_entry)
	.balign 4
#endif

/* ---------------------------------------------------------------------- */
	.section .head.text, "ax"
	.code32

	.globl	pvh_entry
pvh_entry:
	cli
	cld
	movl	$BOOT_PROTO_PVH, %eax
	jmp	startup_32

	.globl	mb2_entry
mb2_entry:
	cli
	cld
	cmpl	$0x36d76289, %eax
	jne	no_boot_info
	movl	$BOOT_PROTO_MULTIBOOT2, %eax
	jmp	startup_32
no_boot_info:
	xorl	%eax, %eax		/* unknown loader: no information */
	xorl	%ebx, %ebx

startup_32:
	/* Zero .bss first: the page tables and the boot stack live there. */
	movl	%eax, %esi
	movl	$pa(__bss_start), %edi
	movl	$pa(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl
	movl	%esi, pa(boot_protocol)
	movl	%ebx, pa(boot_info_phys)
	movl	$pa(boot_stack_top), %esp

	/* Long mode needs CPUID 0x80000001 EDX.LM (bit 29). */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode
	movl	%edx, %ebp		/* keep EDX.NX (bit 20) */

	/*
	 * Early page tables, 2 MiB pages (PS bit in the PDE, SDM Vol. 3A
	 * 4.5.4).  The low 4 GiB are mapped three times by the same PDPT:
	 * identity (to survive turning paging on), at the direct map
	 * __PAGE_OFFSET, and the first GiB again at __START_KERNEL_map for
	 * the kernel image.  start_kernel() replaces them.
	 */
	movl	$pa(early_pd), %edi
	movl	$(_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE), %eax
	xorl	%edx, %edx		/* high half of the physical address */
	movl	$2048, %ecx		/* 4 page directories x 512 entries */
1:	movl	%eax, (%edi)
	movl	%edx, 4(%edi)
	addl	$PMD_SIZE, %eax
	adcl	$0, %edx
	addl	$8, %edi
	loop	1b

	movl	$pa(early_pd), %eax
	orl	$(_PAGE_PRESENT | _PAGE_RW), %eax
	movl	$pa(early_pdpt), %edi
	movl	%eax, 0(%edi)
	addl	$PAGE_SIZE, %eax
	movl	%eax, 8(%edi)
	addl	$PAGE_SIZE, %eax
	movl	%eax, 16(%edi)
	addl	$PAGE_SIZE, %eax
	movl	%eax, 24(%edi)

	/* The kernel-image PDPT: entry 510 covers 0xffffffff80000000. */
	movl	$pa(early_pd), %eax
	orl	$(_PAGE_PRESENT | _PAGE_RW), %eax
	movl	%eax, pa(early_pdpt_kernel) + 510 * 8

	movl	$pa(early_pdpt), %eax
	orl	$(_PAGE_PRESENT | _PAGE_RW), %eax
	movl	%eax, pa(early_pml4)				/* identity */
	movl	%eax, pa(early_pml4) + 273 * 8			/* __PAGE_OFFSET */
	movl	$pa(early_pdpt_kernel), %eax
	orl	$(_PAGE_PRESENT | _PAGE_RW), %eax
	movl	%eax, pa(early_pml4) + 511 * 8			/* kernel image */

	/* CR4.PAE and CR4.PGE (global pages). */
	movl	%cr4, %eax
	orl	$(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl	%eax, %cr4
	movl	$pa(early_pml4), %eax
	movl	%eax, %cr3

	/* EFER.LME, and EFER.NXE when the CPU has NX. */
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$20, %ebp
	jnc	2f
	orl	$EFER_NX, %eax
2:	wrmsr

	/* Paging on (with write protection honoured in ring 0): IA-32e mode. */
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	pa(early_gdt_desc)
	ljmp	$__KERNEL_CS, $pa(startup_64_low)

no_long_mode:
	/* Say so on COM1 (no initialisation needed for QEMU) and stop. */
	movl	$pa(no_lm_msg), %esi
	movw	$0x3f8, %dx
3:	lodsb
	testb	%al, %al
	jz	4f
	outb	%al, %dx
	jmp	3b
4:	hlt
	jmp	4b

	.code64
startup_64_low:
	/* Still running at the physical address; go to the higher half. */
	movabsq	$startup_64, %rax
	jmp	*%rax

/* The kernel's data selector in DS, ES, SS; null FS and GS (their bases
 * are MSRs in 64-bit mode, SDM Vol. 3A 3.4.4). */
.macro LOAD_KERNEL_DATA_SEGMENTS
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
.endm

	.text
startup_64:
	LOAD_KERNEL_DATA_SEGMENTS
	movq	$boot_stack_top, %rsp
	/*
	 * The per-CPU area of the boot CPU is the image's own copy until
	 * setup_per_cpu_areas(); GS base points at it so that %gs-relative
	 * per-CPU accesses work from the first C instruction.
	 */
	movl	$MSR_GS_BASE, %ecx
	movq	$__per_cpu_load, %rax
	movq	%rax, %rdx
	shrq	$32, %rdx
	wrmsr

	xorl	%ebp, %ebp		/* terminates the frame-pointer chain */
	movl	boot_protocol(%rip), %edi
	movl	boot_info_phys(%rip), %esi
	call	x86_64_start_kernel
5:	hlt
	jmp	5b

#ifdef CONFIG_SMP
/*
 * An application processor arrives here from the real-mode trampoline
 * (arch/x86/kernel/trampoline_64.S) in long mode, on its idle task's
 * stack, still on the trampoline's page tables and GDT, which live below
 * 1 MiB.  Switch to the kernel's page tables and a GDT in the image
 * before anything reloads a segment, then give the CPU its per-CPU area.
 */
	.globl	secondary_startup_64
secondary_startup_64:
	movq	smp_boot_cr3(%rip), %rax
	movq	%rax, %cr3
	lgdt	early_gdt_desc64(%rip)
	LOAD_KERNEL_DATA_SEGMENTS
	pushq	$__KERNEL_CS
	leaq	6f(%rip), %rax
	pushq	%rax
	lretq
6:	movl	$MSR_GS_BASE, %ecx
	movq	smp_boot_gs_base(%rip), %rax
	movq	%rax, %rdx
	shrq	$32, %rdx
	wrmsr
	xorl	%ebp, %ebp
	call	start_secondary
7:	hlt
	jmp	7b
#endif

/* ---------------------------------------------------------------------- */
	.section .rodata
no_lm_msg:
	.asciz	"Lego: this CPU does not support 64-bit long mode.\r\n"

	.balign 16
early_gdt:
	.quad	0, BOOT_GDT_CODE32, BOOT_GDT_CODE64, BOOT_GDT_DATA
early_gdt_end:
early_gdt_desc:
	.short	early_gdt_end - early_gdt - 1
	.long	pa(early_gdt)
early_gdt_desc64:
	.short	early_gdt_end - early_gdt - 1
	.quad	early_gdt

	.data
	.balign 4
	.globl	boot_protocol, boot_info_phys
boot_protocol:
	.long	0
boot_info_phys:
	.long	0

	.section .bss..page_aligned, "aw", @nobits
	.balign PAGE_SIZE
early_pml4:
	.skip	PAGE_SIZE
early_pdpt:
	.skip	PAGE_SIZE
early_pdpt_kernel:
	.skip	PAGE_SIZE
early_pd:
	.skip	4 * PAGE_SIZE
	.globl	boot_stack, boot_stack_top
boot_stack:
	.skip	THREAD_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
