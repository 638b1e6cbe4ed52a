/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

/*
 * The exception table: pairs (faulting instruction, where to continue).
 * A fault in the kernel at an address listed here -- only the user-copy
 * helpers are -- resumes at the fixup, which returns -EFAULT, instead of
 * being a kernel bug.
 */
#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to)			\
	.pushsection __ex_table, "a" ;		\
	.balign 8 ;				\
	.quad (from), (to) ;			\
	.popsection
#else
#define _ASM_EXTABLE(from, to)			\
	" .pushsection __ex_table, \"a\"\n"	\
	" .balign 8\n"				\
	" .quad (" #from "), (" #to ")\n"	\
	" .popsection\n"

#include <lego/types.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

struct pt_regs;
bool fixup_exception(struct pt_regs *regs);
#endif

#endif /* _ASM_X86_EXTABLE_H */
