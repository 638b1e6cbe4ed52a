/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

/*
 * IDT vectors: 0-31 are the CPU's exceptions (Intel SDM Vol. 3A 6.3.1);
 * 32 and up are Lego's.  The legacy IRQ n (IOAPIC/PIC) is 32 + n, the
 * system vectors sit at the top as in Linux.
 */
#define NR_VECTORS		256
#define FIRST_EXTERNAL_VECTOR	0x20
#define ISA_IRQ_VECTOR(irq)	(FIRST_EXTERNAL_VECTOR + (irq))
/* Vectors handed out to MSI/MSI-X devices (irq_alloc_vector()), 0x80 aside. */
#define FIRST_DYNAMIC_VECTOR	0x30
#define LAST_DYNAMIC_VECTOR	0xdf
#define IA32_SYSCALL_VECTOR	0x80
#define LOCAL_TIMER_VECTOR	0xec
#define REBOOT_VECTOR		0xf8	/* stop this CPU (panic, poweroff) */
#define CALL_FUNCTION_VECTOR	0xfc	/* run queued cross-CPU calls */
#define RESCHEDULE_VECTOR	0xfd	/* just return: the exit path schedules */
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff

#define X86_TRAP_DE	0
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_OF	4
#define X86_TRAP_BR	5
#define X86_TRAP_UD	6
#define X86_TRAP_NM	7
#define X86_TRAP_DF	8
#define X86_TRAP_TS	10
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14
#define X86_TRAP_MF	16
#define X86_TRAP_AC	17
#define X86_TRAP_MC	18
#define X86_TRAP_XF	19

#endif /* _ASM_X86_IRQ_VECTORS_H */
