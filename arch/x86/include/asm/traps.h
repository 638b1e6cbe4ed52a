/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

/* Page-fault error code bits (Intel SDM Vol. 3A 4.7). */
#define X86_PF_PROT	0x1	/* protection violation (else not present) */
#define X86_PF_WRITE	0x2
#define X86_PF_USER	0x4
#define X86_PF_RSVD	0x8
#define X86_PF_INSTR	0x10

void do_page_fault(struct pt_regs *regs, unsigned long error_code);
__noreturn void die(const char *str, struct pt_regs *regs, long err);
/* " in NAME[start+size]": the file mapping that holds ip, for reports. */
void print_vma_addr(unsigned long ip);
void do_irq(struct pt_regs *regs, unsigned int vector);
void do_trap_or_irq(struct pt_regs *regs, unsigned int vector);
void do_paranoid_trap(struct pt_regs *regs, unsigned int vector);
void report_ist_events(void);
void set_irq_handler(unsigned int vector, void (*fn)(struct pt_regs *));
/* MSI vectors: a free one whose handler is fn(data), or -ENOSPC. */
int irq_alloc_vector(void (*fn)(void *data), void *data);
void irq_free_vector(unsigned int vector);

/*
 * Exceptions a ktest expects (CONFIG_KTEST), armed on this CPU: the next
 * kernel-mode fault of this vector is counted and skipped, resuming at
 * the instruction after it (insn_len bytes), or -- for a fetch from a
 * called address, emulate_ret -- at the caller's return address.
 */
struct expected_fault {
	int vector;
	int insn_len;
	bool emulate_ret;
	int hits;
	unsigned long error_code, cr2;
};
bool ktest_fault_expected(struct pt_regs *regs, unsigned int vector);
/* Runs fn with ef armed (preemption off); returns how many faults hit. */
int ktest_expect_fault(struct expected_fault *ef, void (*fn)(void *), void *arg);

#endif /* _ASM_X86_TRAPS_H */
