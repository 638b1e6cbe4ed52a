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

void asm_offsets(void);

void asm_offsets(void)
{
	DEFINE(TASK_thread_flags, offsetof(struct task_struct, thread_flags));
	DEFINE(TIF_WORK_MASK, _TIF_WORK_MASK);
	DEFINE(NR_SYSCALLS, NR_syscalls);
}
