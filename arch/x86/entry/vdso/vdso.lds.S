/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linker script of the vDSO, a shared object linked at address 0 and
 * mapped by the kernel at a random page-aligned address (vma.c).
 *
 * Everything is in one read-and-execute PT_LOAD segment, headers
 * included, with PT_DYNAMIC, PT_NOTE and PT_GNU_EH_FRAME pointing into it:
 * what glibc's and musl's vDSO parsers and debuggers look at.  Sections
 * not named here land wherever ld puts orphans, and vdsocheck then fails
 * the build: the vDSO may hold no writable data and need no relocation.
 */
#include <asm/page_types.h>
#include <asm/vvar.h>

OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)

SECTIONS
{
	/* [vvar] is mapped right below the image: the code reaches it at a
	 * fixed distance, RIP-relative, with nothing to relocate. */
	vvar_data = . - VVAR_NR_PAGES * PAGE_SIZE;

	. = SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.dynamic	: { *(.dynamic) }		:text :dynamic
	.rodata		: { *(.rodata .rodata.*) }	:text
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

/*
 * Linux's vDSO interface: every function under the version LINUX_2.6,
 * each as __vdso_NAME and as the weak alias NAME.  Adding a function
 * means adding it here, in vdsocheck.c's list and in
 * Documentation/x86/vdso.rst.
 */
VERSION
{
	LINUX_2.6 {
	global:
		clock_gettime;
		__vdso_clock_gettime;
		gettimeofday;
		__vdso_gettimeofday;
		getcpu;
		__vdso_getcpu;
		time;
		__vdso_time;
		clock_getres;
		__vdso_clock_getres;
	local: *;
	};
}
