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
#include <lego/fs.h>
#include <lego/vsprintf.h>
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

/*
 * The i386 names ("getuid32", "_llseek": the table's, which are Linux's,
 * not the entry point's) for diagnostics and the kernel strace, and
 * /proc/lego/syscall_homes_32: every i386 line as "<number> <name>
 * <home>", in the format of syscall_homes.  A 32-bit call is served where
 * the 64-bit call it shares a handler with is (syscall_32.tbl's header).
 */
#define __SYSCALL_HOME(nr, name, home) [nr] = #name,
static const char *const ia32_sys_call_names[IA32_NR_syscalls] = {
#include <asm/syscall_homes_32.h>
};
#undef __SYSCALL_HOME

#define __SYSCALL_HOME(nr, name, home) { nr, #name, #home },
static const struct syscall_home ia32_home_lines[] = {
#include <asm/syscall_homes_32.h>
};
#undef __SYSCALL_HOME

/* The table's name for nr, or "?" past the table or in a hole. */
const char *ia32_syscall_name(long nr)
{
	if (nr < 0 || nr >= IA32_NR_syscalls || !ia32_sys_call_names[nr])
		return "?";
	return ia32_sys_call_names[nr];
}

static ssize_t ia32_homes_show(char *buf, size_t size)
{
	return syscall_homes_show(buf, size, ia32_home_lines, ARRAY_SIZE(ia32_home_lines));
}

static const struct proc_ops ia32_homes_ops = { .show = ia32_homes_show };

void ia32_syscall_homes_init(void)
{
	proc_create("lego/syscall_homes_32", 0444, &ia32_homes_ops);
}
