/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the vDSO's C files share.  The vDSO is user-space code mapped into
 * every process: it calls no kernel function and has no writable data;
 * the one thing it reaches outside its text is the data page, at a fixed
 * distance below it (vdso.lds.S), through RIP-relative addressing.
 */
#ifndef _VDSO_VDSO_H
#define _VDSO_VDSO_H

#include <lego/types.h>
#include <lego/compiler.h>
#include <asm/vvar.h>
#include <uapi/asm/unistd_64.h>

/*
 * Defined by vdso.lds.S: [vvar], mapped right below the image.  Not
 * const: the kernel changes it, and the compiler may assume a const
 * object never changes and hoist its loads out of the sequence loop.
 */
extern struct vdso_data vvar_data __attribute__((visibility("hidden")));

/* The real syscall, for what the data page cannot answer. */
static __always_inline long vdso_syscall2(long nr, long a1, long a2)
{
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a1), "S"(a2)
		     : "rcx", "r11", "memory");
	return ret;
}

/* The unprefixed weak alias of __vdso_NAME that Linux's vDSO exports. */
#define VDSO_ALIAS(name)	__attribute__((weak, alias("__vdso_" #name)))

#endif /* _VDSO_VDSO_H */
