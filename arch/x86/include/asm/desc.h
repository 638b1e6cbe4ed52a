/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <lego/types.h>
#include <asm/segment.h>

/* An 8-byte segment descriptor (Intel SDM Vol. 3A 3.4.5). */
struct desc_struct {
	u16 limit0;
	u16 base0;
	u8 base1;
	u8 type_dpl_p;		/* type:4 s:1 dpl:2 p:1 */
	u8 limit1_flags;	/* limit:4 avl:1 l:1 d:1 g:1 */
	u8 base2;
} __packed;

/* A 16-byte system descriptor for the TSS (SDM Vol. 3A 8.2.3). */
struct tss_desc {
	u16 limit0;
	u16 base0;
	u8 base1;
	u8 type_dpl_p;
	u8 limit1_flags;
	u8 base2;
	u32 base3;
	u32 reserved;
} __packed;

/* A 16-byte IDT gate (SDM Vol. 3A 6.14.1, figure 6-8). */
struct gate_desc {
	u16 offset0;
	u16 segment;
	u8 ist;			/* bits 0-2: IST index, 0 = none */
	u8 type_dpl_p;		/* type 0xE = interrupt gate */
	u16 offset1;
	u32 offset2;
	u32 reserved;
} __packed;

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

#define GATE_INTERRUPT	0xe
#define DESC_TSS	0x9	/* available 64-bit TSS */

void idt_setup(void);
void load_idt(void);
void set_intr_gate(unsigned int vector, const void *handler);

extern struct gate_desc idt_table[];

#endif /* _ASM_X86_DESC_H */
