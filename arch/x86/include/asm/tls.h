/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TLS_H
#define _ASM_X86_TLS_H

/*
 * The TLS segments of 32-bit programs (arch/x86/kernel/tls.c): GDT
 * entries 12-14, selectors 0x63, 0x6b and 0x73, as Linux's.
 */
#define GDT_ENTRY_TLS_ENTRIES	3
#define GDT_ENTRY_TLS_MIN	12
#define GDT_ENTRY_TLS_MAX	(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

#ifndef __ASSEMBLY__
#include <lego/types.h>
#include <asm/extable.h>
#include <asm/percpu.h>
#include <asm/processor.h>

struct thread_struct;
struct user_desc;
void __load_TLS(const struct thread_struct *t);
int do_set_thread_area(struct thread_struct *t, struct user_desc __user *uinfo);
#define TLS_CORE_SIZE	(GDT_ENTRY_TLS_ENTRIES * 16)	/* 3 struct user_desc */
unsigned int tls_core_entries(const struct thread_struct *t, void *buf);

/*
 * Copies the thread's TLS entries into this CPU's GDT.  A thread that
 * never had one (tls_live clear: every 64-bit program) has all three
 * zero, so between such threads -- nearly every switch -- the GDT holds
 * them already and nothing is copied.  gdt_tls_live: this CPU's GDT TLS
 * entries may be other than zero.
 */
DECLARE_PER_CPU(bool, gdt_tls_live);
static inline void load_TLS(const struct thread_struct *t)
{
	if (t->tls_live || this_cpu_read(gdt_tls_live))
		__load_TLS(t);
}

/* A segment register's selector. */
#define savesegment(seg, v)	asm volatile("movw %%" #seg ", %0" : "=m"(v))

/*
 * Loads a user's selector into FS, or into DS/ES.  A selector whose GDT
 * entry has gone (a TLS entry cleared while a register still held it)
 * faults with #GP in the kernel; the fixup loads the null selector
 * instead, as Linux's loadsegment does.
 */
#define loadsegment(seg, value) do {					\
	unsigned int __sel = (u16)(value);				\
	asm volatile("1: movl %k0, %%" #seg "\n"			\
		     "2:\n"						\
		     ".pushsection .text.fixup, \"ax\"\n"		\
		     "3: xorl %k0, %k0\n"				\
		     "   jmp 1b\n"					\
		     ".popsection\n"					\
		     _ASM_EXTABLE(1b, 3b)				\
		     : "+r"(__sel) : : "memory");			\
} while (0)

/*
 * Loads GS with sel, for user mode: the selector load also loads the GS
 * base, so it happens between two SWAPGS, with the user's base in place
 * (MSR_KERNEL_GS_BASE then has the new one).  Interrupts must be off.
 */
static inline void load_gs_index(u16 sel)
{
	unsigned int s = sel;

	asm volatile("swapgs\n"
		     "1: movl %k0, %%gs\n"
		     "2: swapgs\n"
		     ".pushsection .text.fixup, \"ax\"\n"
		     "3: xorl %k0, %k0\n"
		     "   jmp 1b\n"
		     ".popsection\n"
		     _ASM_EXTABLE(1b, 3b)
		     : "+r"(s) : : "memory");
}
#endif

#endif /* _ASM_X86_TLS_H */
