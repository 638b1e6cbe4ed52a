/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <lego/types.h>
#include <lego/compiler.h>

/*
 * User FPU/SSE/AVX state.  The kernel itself never touches these registers
 * (-mgeneral-regs-only), so a task's state only has to be saved and
 * restored when another user task runs.
 */
extern unsigned int fpu_state_size;

void fpu_init_cpu(void);
void *fpu_alloc_state(void);
void fpu_free_state(void *state);
void fpu_init_state(void *state);
void fpu_save(void *state);
void fpu_restore(const void *state);
void fpu_copy_state(void *dst, const void *src);

/* Signal frames (arch/x86/kernel/signal.c). */
unsigned int fpu_sigframe_size(void);
bool fpu_sigframe_xstate(void);
int fpu_save_sigframe(void __user *buf);
int fpu_restore_sigframe(const void __user *buf);
void fpu_reset_user(void);
void fpu_read_status(u16 *cwd, u16 *swd, u32 *mxcsr);

#endif /* _ASM_X86_FPU_H */
