// SPDX-License-Identifier: GPL-2.0
/*
 * The smallest static program: what vfork_exec_wait execs.  It exits at
 * once, so the benchmark measures the kernel's exec and exit, not a C
 * library's start-up.
 */
asm(".text\n"
    ".globl _start\n"
    "_start:\n\t"
    "movl $231, %eax\n\t"	/* exit_group(0) */
    "xorl %edi, %edi\n\t"
    "syscall\n\t"
    "hlt\n");
