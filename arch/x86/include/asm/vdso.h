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

#endif /* _ASM_X86_VDSO_H */
