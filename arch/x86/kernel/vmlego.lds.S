/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linker script for vmlego.  The image runs at __START_KERNEL_map +
 * CONFIG_PHYSICAL_START and is loaded at CONFIG_PHYSICAL_START: every
 * output section has AT(vaddr - __START_KERNEL_map), which is what both
 * QEMU's PVH loader and GRUB's multiboot2 ELF loader use (p_paddr).
 */
#include <asm/page_types.h>

#define LOAD_OFFSET __START_KERNEL_map

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(mb2_entry)

PHDRS {
	text	PT_LOAD FLAGS(5);	/* R E */
	percpu	PT_LOAD FLAGS(6);	/* R W */
	data	PT_LOAD FLAGS(6);	/* R W */
	ksyms	PT_LOAD FLAGS(4);	/* R */
	note	PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = __START_KERNEL;
	_text = .;
	.text : AT(ADDR(.text) - LOAD_OFFSET) {
		KEEP(*(.multiboot2))
		*(.head.text)
		_stext = .;
		*(.text .text.*)
		*(.init.text)
		/* Whole pages: page-table isolation maps exactly these into
		 * the user page tables (arch/x86/mm/pti.c). */
		. = ALIGN(PAGE_SIZE);
		__entry_text_start = .;
		*(.entry.text)
		. = ALIGN(PAGE_SIZE);
		__entry_text_end = .;
		_etext = .;
	} :text

	.notes : AT(ADDR(.notes) - LOAD_OFFSET) {
		KEEP(*(.note.Xen))
	} :text :note

	. = ALIGN(16);
	.rodata : AT(ADDR(.rodata) - LOAD_OFFSET) {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(8);
		__start_ktest = .;
		KEEP(*(.ktest))
		__stop_ktest = .;
		. = ALIGN(8);
		__start_smap_sites = .;
		KEEP(*(.smap_sites))
		__stop_smap_sites = .;
		. = ALIGN(8);
		__start_syscall_meta = .;
		KEEP(*(.syscall_meta))
		__stop_syscall_meta = .;
		. = ALIGN(8);
		__start_early_param = .;
		KEEP(*(.early_param))
		__stop_early_param = .;
	} :text

	/*
	 * Per-CPU variables are linked at address 0, so that a variable's
	 * symbol is its offset inside a CPU's area and %gs:sym reaches the
	 * running CPU's copy in one instruction.  The image's copy (at
	 * __per_cpu_load) is the boot CPU's area until setup_per_cpu_areas().
	 */
	. = ALIGN(PAGE_SIZE);
	__per_cpu_load = .;
	.data..percpu 0 : AT(__per_cpu_load - LOAD_OFFSET) {
		__per_cpu_start = .;
		*(.data..percpu.first)
		*(.data..percpu .data..percpu.*)
		. = ALIGN(64);
		__per_cpu_end = .;
	} :percpu
	. = __per_cpu_load + SIZEOF(.data..percpu);

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : AT(ADDR(.data) - LOAD_OFFSET) {
		*(.data .data.*)
		*(.init.data)
	} :data
	_edata = .;

	. = ALIGN(PAGE_SIZE);
	.bss : AT(ADDR(.bss) - LOAD_OFFSET) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	} :data

	/* Last, so that its size moves no other symbol (see Makefile). */
	.kallsyms : AT(ADDR(.kallsyms) - LOAD_OFFSET) {
		KEEP(*(.kallsyms))
	} :ksyms
	. = ALIGN(PAGE_SIZE);
	_end = .;


	/DISCARD/ : {
		*(.comment) *(.eh_frame) *(.note.GNU-stack)
		*(.note.gnu.property) *(.note.gnu.build-id)
	}
}

ASSERT(__per_cpu_end - __per_cpu_start < 0x10000, "per-CPU area too large")
