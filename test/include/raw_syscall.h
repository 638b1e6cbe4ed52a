/* SPDX-License-Identifier: GPL-2.0 */
/*
 * raw_syscall.h: system calls without a C library, for the user-space
 * tests and the benchmarks, so that what they see and time is the kernel's
 * own result, not a wrapper's.  64-bit programs use SYSCALL, 32-bit ones
 * int $0x80.
 */
#ifndef RAW_SYSCALL_H
#define RAW_SYSCALL_H

#if defined(__x86_64__)
/*
 * The x86-64 syscall ABI: number in rax, arguments in rdi, rsi, rdx, r10,
 * r8, r9; the result in rax; rcx and r11 are overwritten (SYSCALL saves
 * rip and rflags there).
 */
#define RAW_NR_write	1
static inline long raw_syscall6(long nr, long a1, long a2, long a3, long a4,
				long a5, long a6)
{
	register long r10 asm("r10") = a4;
	register long r8 asm("r8") = a5;
	register long r9 asm("r9") = a6;
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
		     : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__i386__)
/*
 * int $0x80: number in eax, arguments in ebx, ecx, edx, esi, edi, ebp.
 * ebp may be the frame pointer, so it is saved around the call by hand.
 * The sixth argument is pushed first, while an esp-relative operand
 * still addresses it, and loaded into ebp from the stack.
 */
#define RAW_NR_write	4
static inline long raw_syscall6(long nr, long a1, long a2, long a3, long a4,
				long a5, long a6)
{
	long ret;

	asm volatile("pushl %7\n\t"
		     "push %%ebp\n\t"
		     "mov 4(%%esp), %%ebp\n\t"
		     "int $0x80\n\t"
		     "pop %%ebp\n\t"
		     "add $4, %%esp"
		     : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5), "g"(a6)
		     : "memory", "cc");
	return ret;
}
#else
#error "raw_syscall.h: x86-64 or i386 only"
#endif

#define raw_syscall0(n)		raw_syscall6(n, 0, 0, 0, 0, 0, 0)
#define raw_syscall1(n, a)	raw_syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define raw_syscall2(n, a, b)	raw_syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define raw_syscall3(n, a, b, c) \
	raw_syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define raw_syscall4(n, a, b, c, d) \
	raw_syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define raw_syscall5(n, a, b, c, d, e) \
	raw_syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

#endif /* RAW_SYSCALL_H */
