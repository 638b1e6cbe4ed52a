/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linker script of the 32-bit vDSO (mapped into 32-bit processes only,
 * vma32.c): an ELF32 i386 shared object linked at 0, one read-and-execute
 * PT_LOAD holding everything, headers included, as the 64-bit vDSO's
 * (../vdso.lds.S).  No data page: its functions are entry and return
 * sequences only.
 */
OUTPUT_FORMAT("elf32-i386", "elf32-i386", "elf32-i386")
OUTPUT_ARCH(i386)

SECTIONS
{
	. = SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.dynamic	: { *(.dynamic) }		:text :dynamic
	.note		: { *(.note.Linux) *(.note.gnu.build-id) }	:text :note
	.eh_frame_hdr	: { *(.eh_frame_hdr) }		:text :eh_frame_hdr
	.eh_frame	: { KEEP(*(.eh_frame)) }	:text
	.text		: { *(.text .text.*) }		:text

	/DISCARD/ : { *(.note.GNU-stack) }
}

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* PF_R | PF_X */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* PF_R */
	note		PT_NOTE		FLAGS(4);
	eh_frame_hdr	PT_GNU_EH_FRAME	FLAGS(4);
}

/* Linux's i386 vDSO interface: the entry and the signal returns under
 * LINUX_2.5. */
VERSION
{
	LINUX_2.5 {
	global:
		__kernel_vsyscall;
		__kernel_sigreturn;
		__kernel_rt_sigreturn;
	local: *;
	};
}
