// SPDX-License-Identifier: GPL-2.0
/*
 * Offsets of C structure fields the assembly needs, generated at build
 * time (include/generated/asm-offsets.h), so entry code never hard-codes
 * a layout the compiler decides.  Each DEFINE becomes "#define SYM VAL":
 * the compiler emits "->SYM VAL" into its assembly output, which the
 * Makefile rewrites.  Compiled with -S only, never linked.
 */
#include <lego/sched.h>
#include <lego/kbuild.h>
#include <asm/syscall.h>
#include <asm/cpu_entry_area.h>

void asm_offsets(void);

void asm_offsets(void)
{
	DEFINE(TASK_thread_flags, offsetof(struct task_struct, thread_flags));
	DEFINE(TIF_WORK_MASK, _TIF_WORK_MASK);
	DEFINE(NR_SYSCALLS, NR_syscalls);
	DEFINE(CEA_rsp_scratch, offsetof(struct cpu_entry_area, rsp_scratch));
	DEFINE(CEA_tss_sp0, offsetof(struct cpu_entry_area, tss.sp0));
	DEFINE(CEA_entry_stack_top, offsetof(struct cpu_entry_area, entry_stack) +
	       ENTRY_STACK_SIZE);
	DEFINE(CEA_pti_kernel_cr3, offsetof(struct cpu_entry_area, pti_kernel_cr3));
	DEFINE(CEA_pti_user_cr3, offsetof(struct cpu_entry_area, pti_user_cr3));
	DEFINE(CEA_pti_user_cr3_noflush,
	       offsetof(struct cpu_entry_area, pti_user_cr3_noflush));
	DEFINE(CEA_pti_flush_user, offsetof(struct cpu_entry_area, pti_flush_user));
}
