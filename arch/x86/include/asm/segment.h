/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

/*
 * GDT layout, identical to Linux's so that selectors seen by user space
 * (and by SYSCALL/SYSRET, which derive them from MSR_STAR) match:
 *
 *   0  null
 *   1  kernel 32-bit code		0x08
 *   2  kernel 64-bit code		0x10  __KERNEL_CS
 *   3  kernel data			0x18  __KERNEL_DS
 *   4  user 32-bit code		0x23  __USER32_CS
 *   5  user data			0x2b  __USER_DS
 *   6  user 64-bit code		0x33  __USER_CS
 *   7  unused
 *   8  TSS (16 bytes, two slots)	0x40
 *  15  per-CPU "CPU number" segment	0x7b  __CPUNODE_SEG: a data segment
 *      whose limit is the CPU number, for LSL in the vDSO's getcpu
 *
 * SYSRET to 64-bit mode loads CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8
 * (Intel SDM Vol. 2B SYSRET), which is why user data sits between the two
 * user code segments.
 */
#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS		8
#define GDT_ENTRY_CPUNODE	15
#define GDT_ENTRIES		16

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)
#define __CPUNODE_SEG	(GDT_ENTRY_CPUNODE * 8 + 3)

/*
 * The flat descriptors of the boot GDTs (head_64.S, the AP trampoline),
 * at 0x08, 0x10 and 0x18 as in the kernel's own GDT (SDM Vol. 3A 3.4.5):
 * base 0, limit 4 GiB, present, DPL 0; 32-bit code (D=1), 64-bit code
 * (L=1), read/write data.
 */
#define BOOT_GDT_CODE32		0x00cf9a000000ffff
#define BOOT_GDT_CODE64		0x00af9a000000ffff
#define BOOT_GDT_DATA		0x00cf92000000ffff

#endif /* _ASM_X86_SEGMENT_H */
