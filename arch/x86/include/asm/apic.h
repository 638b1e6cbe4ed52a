/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <lego/types.h>

struct pt_regs;

/* arch/x86/kernel/apic.c: the local APIC and the legacy 8259A. */
void apic_init(const char *cmdline);
void apic_setup_cpu(void);
void apic_timer_init(void);
void apic_timer_setup_cpu(void);
void apic_shutdown_cpu(void);
void apic_eoi(void);
u32 read_apic_id(void);
void apic_send_ipi(u32 apic_id, unsigned int vector);
void apic_send_nmi_allbutself(void);
void apic_wakeup_ap(u32 apic_id, unsigned long start_phys);
void pic_init(void);
void pic_mask_all(void);
void pic_unmask(unsigned int irq);
void pic_eoi(unsigned int irq);

/* arch/x86/kernel/io_apic.c */
extern bool ioapic_in_use;
void io_apic_init(void);
bool io_apic_route_isa(unsigned int irq, u32 apic_id);

/* arch/x86/kernel/irq.c */
void request_isa_irq(unsigned int irq, void (*fn)(struct pt_regs *));

#endif /* _ASM_X86_APIC_H */
