/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_VSYSCALL_H
#define _ASM_X86_VSYSCALL_H

#include <lego/types.h>

/* The legacy vsyscall page and its entry points (Linux's fixed ABI). */
#define VSYSCALL_ADDR		0xffffffffff600000UL
#define VSYSCALL_ENTRY_SIZE	0x400

struct pt_regs;

static inline bool is_vsyscall_vaddr(unsigned long addr)
{
	return (addr & ~0xfffUL) == VSYSCALL_ADDR;
}

#ifdef CONFIG_X86_VSYSCALL_EMULATION
/* arch/x86/entry/vsyscall/vsyscall_64.c */
void map_vsyscall(const char *cmdline);
bool emulate_vsyscall(struct pt_regs *regs, unsigned long address,
		      unsigned long error_code);
/*
 * What /proc/PID/maps shows of the page, as Linux's gate VMA
 * "[vsyscall]": VM_READ | VM_EXEC (emulate), VM_EXEC (xonly), or 0 for
 * no line at all (none).
 */
unsigned long vsyscall_gate_flags(void);
#else
static inline void map_vsyscall(const char *cmdline)
{
}

static inline bool emulate_vsyscall(struct pt_regs *regs, unsigned long address,
				    unsigned long error_code)
{
	return false;
}

static inline unsigned long vsyscall_gate_flags(void)
{
	return 0;
}
#endif

#endif /* _ASM_X86_VSYSCALL_H */
