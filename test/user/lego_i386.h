/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For -m32 -nostdlib tests (arch=i386, libc=none): the entry point, which
 * aligns esp to 16 bytes (the i386 psABI's alignment at a call) and calls
 * start_c(), and a restorer for handlers installed without SA_SIGINFO
 * (the old frame): it pops the signal number the frame left above the
 * return address and calls sigreturn (119).
 */
#ifndef LEGO_I386_H
#define LEGO_I386_H

void _start(void);
void start_c(void) __attribute__((noreturn, used));
asm(".text\n.globl _start\n_start:\n"
    "	andl $-16, %esp\n	call start_c\n	hlt\n");

void restore_old(void);
asm(".text\nrestore_old:\n	popl %eax\n	movl $119, %eax\n	int $0x80\n");

#endif /* LEGO_I386_H */
