// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit (i386) syscall table, made from the list generated out of
 * syscalls/syscall_32.tbl, for int $0x80, SYSENTER and compat-mode
 * SYSCALL (common.c).  As in the 64-bit table, an entry point no handler
 * defines resolves through a weak alias to -ENOSYS; the 64-bit handlers
 * the table shares are defined (or aliased) by syscall_64.c already.
 */
#include <lego/kernel.h>
#include <lego/errno.h>
#include <asm/syscall.h>

#define SYSCALL_ARGS unsigned long, unsigned long, unsigned long, \
		     unsigned long, unsigned long, unsigned long

/* The weak target of this file's aliases (an alias must name a function
 * of its own translation unit): sys_ni_syscall itself. */
static long ia32_ni_syscall(unsigned long a, unsigned long b, unsigned long c,
			    unsigned long d, unsigned long e, unsigned long f)
{
	return sys_ni_syscall(a, b, c, d, e, f);
}

#define __SYSCALL(nr, sym) \
	asmlinkage long sym(SYSCALL_ARGS) __attribute__((weak, alias("ia32_ni_syscall")));
#include <asm/syscalls_32.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = sym,
const sys_call_ptr_t ia32_sys_call_table[IA32_NR_syscalls] = {
	[0 ... IA32_NR_syscalls - 1] = sys_ni_syscall,
#include <asm/syscalls_32.h>
};
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = #sym,
static const char *const ia32_sys_call_names[IA32_NR_syscalls] = {
#include <asm/syscalls_32.h>
};
#undef __SYSCALL

/* The entry point's name without "sys_" or "compat_sys_". */
const char *ia32_syscall_name(long nr)
{
	const char *n;

	if (nr < 0 || nr >= IA32_NR_syscalls || !(n = ia32_sys_call_names[nr]))
		return "?";
	return n + (n[0] == 'c' ? 11 : 4);
}
