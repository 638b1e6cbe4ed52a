/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SMAP_H
#define _ASM_X86_SMAP_H

/*
 * STAC/CLAC toggle EFLAGS.AC, which lifts SMAP for the user-copy helpers
 * (Intel SDM Vol. 3A 4.6.1).  Both are #UD on CPUs without SMAP, so every
 * site is recorded in .smap_sites and turned into a 3-byte NOP at boot
 * when the CPU lacks SMAP (arch/x86/kernel/cpu.c).
 */
#ifdef __ASSEMBLY__
.macro SMAP_SITE b0, b1, b2
661:	.byte \b0, \b1, \b2
	.pushsection .smap_sites, "a"
	.quad 661b
	.popsection
.endm
#define ASM_CLAC	SMAP_SITE 0x0f, 0x01, 0xca
#define ASM_STAC	SMAP_SITE 0x0f, 0x01, 0xcb
#else
#define __ASM_SMAP_SITE(bytes)				\
	"661: .byte " bytes "\n"			\
	".pushsection .smap_sites, \"a\"\n"		\
	".quad 661b\n"					\
	".popsection\n"
#define ASM_CLAC	__ASM_SMAP_SITE("0x0f,0x01,0xca")
#define ASM_STAC	__ASM_SMAP_SITE("0x0f,0x01,0xcb")

static inline void clac(void)
{
	asm volatile(ASM_CLAC ::: "memory");
}

static inline void stac(void)
{
	asm volatile(ASM_STAC ::: "memory");
}

void smap_patch_sites(bool have_smap);
#endif

#endif /* _ASM_X86_SMAP_H */
