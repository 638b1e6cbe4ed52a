/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

#include <lego/types.h>

struct mm_struct;

/* arch/x86/entry/vdso/vma.c (Documentation/x86/vdso.rst) */
void vdso_init(const char *cmdline);
/*
 * At exec, once the stack is mapped: maps [vvar] and [vdso] into mm (the
 * new program's) at a random page below the stack's reach, and sets
 * mm->vdso (AT_SYSINFO_EHDR); with vdso=0, maps nothing, mm->vdso 0.
 */
int arch_setup_additional_pages(struct mm_struct *mm);

/*
 * Offsets in the 32-bit vDSO (vdso32/, mapped at mm->vdso of a 32-bit
 * program): __kernel_vsyscall (AT_SYSINFO), where SYSENTER and compat
 * SYSCALL return to (the instruction after its int $0x80), and the
 * signal returns the ia32 signal code uses without SA_RESTORER.
 */
struct vdso32_syms {
	unsigned long vsyscall;
	unsigned long landing_pad;
	unsigned long sigreturn;
	unsigned long rt_sigreturn;
};
extern const struct vdso32_syms vdso32_syms;

#endif /* _ASM_X86_VDSO_H */
