/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#include <asm/page_types.h>

/* EFLAGS bits (Intel SDM Vol. 1 3.4.3). */
#define X86_EFLAGS_CF		_AC(0x00000001, UL)
#define X86_EFLAGS_FIXED	_AC(0x00000002, UL)	/* bit 1, always set */
#define X86_EFLAGS_PF		_AC(0x00000004, UL)
#define X86_EFLAGS_AF		_AC(0x00000010, UL)
#define X86_EFLAGS_ZF		_AC(0x00000040, UL)
#define X86_EFLAGS_SF		_AC(0x00000080, UL)
#define X86_EFLAGS_TF		_AC(0x00000100, UL)
#define X86_EFLAGS_IF		_AC(0x00000200, UL)
#define X86_EFLAGS_DF		_AC(0x00000400, UL)
#define X86_EFLAGS_OF		_AC(0x00000800, UL)
#define X86_EFLAGS_IOPL		_AC(0x00003000, UL)
#define X86_EFLAGS_NT		_AC(0x00004000, UL)
#define X86_EFLAGS_RF		_AC(0x00010000, UL)
#define X86_EFLAGS_VM		_AC(0x00020000, UL)
#define X86_EFLAGS_AC		_AC(0x00040000, UL)
#define X86_EFLAGS_VIF		_AC(0x00080000, UL)
#define X86_EFLAGS_VIP		_AC(0x00100000, UL)
#define X86_EFLAGS_ID		_AC(0x00200000, UL)

/* CR0 (Intel SDM Vol. 3A 2.5). */
#define X86_CR0_PE		_AC(0x00000001, UL)
#define X86_CR0_MP		_AC(0x00000002, UL)
#define X86_CR0_EM		_AC(0x00000004, UL)
#define X86_CR0_TS		_AC(0x00000008, UL)
#define X86_CR0_NE		_AC(0x00000020, UL)
#define X86_CR0_WP		_AC(0x00010000, UL)
#define X86_CR0_AM		_AC(0x00040000, UL)
#define X86_CR0_PG		_AC(0x80000000, UL)

/* CR4. */
#define X86_CR4_PAE		_AC(0x00000020, UL)
#define X86_CR4_PGE		_AC(0x00000080, UL)
#define X86_CR4_OSFXSR		_AC(0x00000200, UL)
#define X86_CR4_OSXMMEXCPT	_AC(0x00000400, UL)
#define X86_CR4_UMIP		_AC(0x00000800, UL)
#define X86_CR4_FSGSBASE	_AC(0x00010000, UL)
#define X86_CR4_PCIDE		_AC(0x00020000, UL)
#define X86_CR4_OSXSAVE		_AC(0x00040000, UL)
#define X86_CR4_SMEP		_AC(0x00100000, UL)
#define X86_CR4_SMAP		_AC(0x00200000, UL)

/* Page-table entry bits (Intel SDM Vol. 3A 4.5, tables 4-14 to 4-20). */
#define _PAGE_PRESENT		_AC(0x001, UL)
#define _PAGE_RW		_AC(0x002, UL)
#define _PAGE_USER		_AC(0x004, UL)
#define _PAGE_PWT		_AC(0x008, UL)
#define _PAGE_PCD		_AC(0x010, UL)
#define _PAGE_ACCESSED		_AC(0x020, UL)
#define _PAGE_DIRTY		_AC(0x040, UL)
#define _PAGE_PSE		_AC(0x080, UL)
#define _PAGE_GLOBAL		_AC(0x100, UL)
#define _PAGE_SOFTW1		_AC(0x200, UL)	/* ignored by the CPU */
#define _PAGE_NX		(_AC(1, UL) << 63)
/* A PROT_NONE page: not present to the CPU, but the frame stays ours. */
#define _PAGE_PROTNONE		_PAGE_SOFTW1
/* A not-present PTE whose frame waits for a TLB shootdown (mm/memory.c). */
#define _PAGE_ZAPPED		_AC(0x400, UL)
/* A user PTE mapping a frame the kernel owns (struct vm_special_mapping):
 * never freed, never written through, not counted. */
#define _PAGE_SPECIAL		_AC(0x800, UL)
/* A not-present PTE, no frame, whose page is on the memory component
 * (mm/remote.c).  Bit 52: outside the frame number, and with P clear the
 * CPU reads no bit at all (Intel SDM Vol. 3A 4.5, Table 4-19). */
#define _PAGE_REMOTE		(_AC(1, UL) << 52)

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
