/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SIGHANDLING_H
#define _ASM_X86_SIGHANDLING_H

/* What the 64-bit (signal.c) and the ia32 (signal_32.c) frames share. */
#include <lego/types.h>
#include <lego/compiler.h>
#include <asm/processor-flags.h>

/* The flags sigreturn may change: the arithmetic ones, DF, TF, AC, NT,
 * RF -- never IF or IOPL (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
			 X86_EFLAGS_CF | X86_EFLAGS_NT | X86_EFLAGS_RF)

/* The i387 header of an ia32 frame's FPU image (struct _fpstate_32 up to
 * _fxsr_env): the FXSAVE/XSAVE image follows it. */
#define FPSTATE32_HEADER	112

struct ksignal;
struct pt_regs;
void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t frame_size,
			  void __user **fpstate);
void signal_fault(struct pt_regs *regs, void __user *frame, const char *where);
int ia32_setup_frame(struct ksignal *ksig, struct pt_regs *regs);

#endif /* _ASM_X86_SIGHANDLING_H */
