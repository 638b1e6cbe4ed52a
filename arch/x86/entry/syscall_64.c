// SPDX-License-Identifier: GPL-2.0
/*
 * The 64-bit syscall table, made from the list generated out of
 * syscalls/syscall_64.tbl.  An entry point with no handler anywhere in the
 * kernel resolves, through a weak alias, to sys_ni_syscall: one line in the
 * table file reserves a number and makes it return -ENOSYS.
 */
#include <lego/kernel.h>
#include <lego/errno.h>
#include <lego/sched.h>
#include <lego/fs.h>
#include <lego/vsprintf.h>
#include <asm/syscall.h>

#define SYSCALL_ARGS unsigned long, unsigned long, unsigned long, \
		     unsigned long, unsigned long, unsigned long

/* Not implemented: -ENOSYS, and with CONFIG_DEBUG_SYSCALL a line, once
 * per number, naming the syscall and the program that wanted it. */
asmlinkage long sys_ni_syscall(unsigned long a, unsigned long b, unsigned long c,
			       unsigned long d, unsigned long e, unsigned long f)
{
	if (IS_ENABLED(CONFIG_DEBUG_SYSCALL))
		report_ni_syscall(current_pt_regs()->orig_ax);
	return -ENOSYS;
}

#define __SYSCALL(nr, sym) \
	asmlinkage long sym(SYSCALL_ARGS) __attribute__((weak, alias("sys_ni_syscall")));
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	[0 ... NR_syscalls - 1] = sys_ni_syscall,
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

/* Names for diagnostics: the entry point without its "sys_" prefix. */
#define __SYSCALL(nr, sym) [nr] = #sym,
const char *const sys_call_names[NR_syscalls] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

const char *syscall_name(long nr)
{
	const char *n;

	if (nr < 0 || nr >= NR_syscalls || !(n = sys_call_names[nr]))
		return "?";
	return n + 4;
}

/*
 * /proc/lego/syscall_homes: "<number> <name> <home>" for every table line
 * (those without a handler too), in number order.  The home is where the
 * syscall is served when the processor has peers, the last field of its
 * line (syscall_64.tbl says what local, memory and storage mean).
 */
#define __SYSCALL_HOME(nr, name, home) { nr, #name, #home },
static const struct syscall_home home_lines[] = {
#include <asm/syscall_homes_64.h>
};
#undef __SYSCALL_HOME

size_t syscall_homes_show(char *buf, size_t size, const struct syscall_home *lines,
			  size_t n)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, size - len, "%u %s %s\n", lines[i].nr,
				 lines[i].name, lines[i].home);
	return len;
}

static ssize_t homes_show(char *buf, size_t size)
{
	return syscall_homes_show(buf, size, home_lines, ARRAY_SIZE(home_lines));
}

static const struct proc_ops homes_ops = { .show = homes_show };

void syscall_homes_init(void)
{
	proc_create("lego/syscall_homes", 0444, &homes_ops);
#ifdef CONFIG_IA32_EMULATION
	ia32_syscall_homes_init();
#endif
}
