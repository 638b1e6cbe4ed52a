/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <lego/types.h>

void apic_init(void);
void apic_timer_init(void);
void apic_eoi(void);
void pic_init(void);
void pic_unmask(unsigned int irq);
void pic_eoi(unsigned int irq);

#endif /* _ASM_X86_APIC_H */
