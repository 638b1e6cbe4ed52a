/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <lego/types.h>

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

#endif /* _ASM_X86_FPU_H */
