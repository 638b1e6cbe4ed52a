/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MSR_INDEX_H
#define _ASM_X86_MSR_INDEX_H

/* Model-specific registers (Intel SDM Vol. 4, AMD APM Vol. 2 appendix A). */
#define MSR_EFER		0xc0000080	/* extended features */
#define MSR_STAR		0xc0000081	/* legacy mode SYSCALL target */
#define MSR_LSTAR		0xc0000082	/* long mode SYSCALL target */
#define MSR_CSTAR		0xc0000083	/* compat mode SYSCALL target */
#define MSR_SYSCALL_MASK	0xc0000084	/* RFLAGS bits cleared by SYSCALL */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102	/* swapped in by SWAPGS */
#define MSR_TSC_AUX		0xc0000103

#define MSR_IA32_SYSENTER_CS	0x00000174
#define MSR_IA32_SYSENTER_ESP	0x00000175
#define MSR_IA32_SYSENTER_EIP	0x00000176
#define MSR_IA32_APICBASE	0x0000001b
#define MSR_IA32_TSC_DEADLINE	0x000006e0
#define MSR_IA32_MISC_ENABLE	0x000001a0

#define _EFER_SCE		0	/* SYSCALL/SYSRET enable */
#define _EFER_LME		8	/* long mode enable */
#define _EFER_LMA		10	/* long mode active (read only) */
#define _EFER_NX		11	/* no-execute enable */
#define EFER_SCE		(1 << _EFER_SCE)
#define EFER_LME		(1 << _EFER_LME)
#define EFER_LMA		(1 << _EFER_LMA)
#define EFER_NX			(1 << _EFER_NX)

#endif /* _ASM_X86_MSR_INDEX_H */
