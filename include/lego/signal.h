/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SIGNAL_H
#define _LEGO_SIGNAL_H

#include <asm/ptrace.h>

/*
 * Signal delivery on the way back to user mode.  Until signal handling
 * lands (the ABI breadth issue), nothing raises TIF_SIGPENDING and user
 * faults end the task directly (force_fatal_fault in traps.c).
 */
void do_signal(struct pt_regs *regs);

#endif /* _LEGO_SIGNAL_H */
