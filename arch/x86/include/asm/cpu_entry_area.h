/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_CPU_ENTRY_AREA_H
#define _ASM_X86_CPU_ENTRY_AREA_H

/*
 * What the CPU and the first instructions of the entry code touch before
 * the kernel's page tables are loaded: each CPU's GDT and TSS, the
 * syscall entry's scratch word, the entry stack, the IST stacks and, with
 * page-table isolation, the CR3 values to switch between.  One
 * page-aligned block in every CPU's per-CPU area, so that exactly these
 * pages of it, and nothing else, can be mapped into the user page tables
 * (arch/x86/mm/pti.c).  Page 0: descriptors and words; page 1: the entry
 * stack; then the IST stacks.  Field offsets for the assembly come from
 * asm-offsets.c (CEA_*).
 */
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/percpu.h>

#define ENTRY_STACK_SIZE	PAGE_SIZE

struct cpu_entry_area {
	struct desc_struct gdt[GDT_ENTRIES];
	struct x86_hw_tss tss;
	unsigned long rsp_scratch;	/* the user's rsp during SYSCALL entry */
	/* Page-table isolation: the CR3 values entry and exit load. */
	unsigned long pti_kernel_cr3;
	unsigned long pti_user_cr3;	/* with PCID: flushes the user ASID */
	unsigned long pti_user_cr3_noflush;
	unsigned long pti_flush_user;	/* non-zero: the next exit flushes */
	char entry_stack[ENTRY_STACK_SIZE] __aligned(PAGE_SIZE);
	char ist_stacks[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE];
} __aligned(PAGE_SIZE);

DECLARE_PER_CPU(struct cpu_entry_area, cpu_entry_area);

#endif /* _ASM_X86_CPU_ENTRY_AREA_H */
