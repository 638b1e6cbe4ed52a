/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <lego/syscalls.h>
#include <asm/ptrace.h>
#include <asm/unistd_64.h>

#define NR_syscalls	__NR_syscalls

extern const sys_call_ptr_t sys_call_table[NR_syscalls];
extern const char *const sys_call_names[NR_syscalls];

const char *syscall_name(long nr);
void syscall_homes_init(void);

/* A line of a syscall table as /proc/lego/syscall_homes shows it. */
struct syscall_home {
	u16 nr;
	const char *name, *home;
};
size_t syscall_homes_show(char *buf, size_t size, const struct syscall_home *lines,
			  size_t n);
asmlinkage long sys_ni_syscall(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);
bool do_syscall_64(struct pt_regs *regs, int nr);
bool syscall_return_slowpath(struct pt_regs *regs);
bool syscall_exit_work(struct pt_regs *regs);
struct pt_regs *fixup_bad_iret(struct pt_regs *bad);
void syscall_exit_to_user_mode_prepare(struct pt_regs *regs);
void syscall_init(void);

#ifdef CONFIG_IA32_EMULATION
#include <asm/unistd_32_ia32.h>
#define IA32_NR_syscalls	__NR_ia32_syscalls
extern const sys_call_ptr_t ia32_sys_call_table[IA32_NR_syscalls];
const char *ia32_syscall_name(long nr);
void ia32_syscall_homes_init(void);
void do_int80_syscall_32(struct pt_regs *regs);
/* SYSENTER and compat SYSCALL (entry_64_compat.S): true if SYSRETL may return. */
bool do_fast_syscall_32(struct pt_regs *regs);
bool do_SYSENTER_32(struct pt_regs *regs);
#endif

#endif /* _ASM_X86_SYSCALL_H */
