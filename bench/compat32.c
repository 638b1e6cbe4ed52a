// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit syscall entries, from a 32-bit program: the vDSO's
 * __kernel_vsyscall (SYSENTER on an Intel CPU, compat SYSCALL on an AMD
 * one: the kernel patches it at boot, as Linux), and int $0x80.  Built with gcc -m32 and no C
 * library (Debian's musl is 64-bit only); a kernel without IA32 emulation
 * refuses to exec it, and init reports these rows as n/a.
 */
#include "bench.h"

#define NR_getpid_32	20
#define AT_SYSINFO_32	32	/* the entry point of __kernel_vsyscall */

/*
 * __kernel_vsyscall is called like a function with the syscall number
 * in eax; it keeps every register but eax (Linux's
 * arch/x86/entry/vdso/vdso32/system_call.S saves ecx, edx and ebp around
 * SYSENTER).
 */
s64 bench_sysenter_getpid(long n)
{
	unsigned long vsyscall = bench_getauxval(AT_SYSINFO_32);
	long c = n, r;
	u64 t0;

	if (!vsyscall)
		return bench_na("no AT_SYSINFO (__kernel_vsyscall) in the auxiliary vector");
	asm volatile("call *%[v]" : "=a"(r) : "a"(NR_getpid_32), [v] "r"(vsyscall) : "memory");
	if (r != sys0(SYS_getpid))
		return bench_na("__kernel_vsyscall(getpid) returned %ld", r);
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl %[nr], %%eax\n\t"
		     "call *%[v]\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : [nr] "i"(NR_getpid_32), [v] "r"(vsyscall) : "eax", "memory");
	return (s64)(tsc_stop() - t0);
}

s64 bench_int80_getpid_32(long n)
{
	long c = n;
	u64 t0;

	if (sys0(SYS_getpid) <= 0)
		return bench_na("getpid failed");
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl %[nr], %%eax\n\t"
		     "int $0x80\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : [nr] "i"(NR_getpid_32) : "eax", "memory");
	return (s64)(tsc_stop() - t0);
}

/*
 * The process starts at _start with esp at argc, then argv[], NULL,
 * envp[], NULL and the auxiliary vector (the i386 psABI's initial stack).
 */
void start_c(long *sp) __attribute__((noreturn, used));
void start_c(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	sys_exit(bench_main("compat32", argc, argv, argv + argc + 1));
}

asm(".text\n"
    ".globl _start\n"
    "_start:\n\t"
    "xorl %ebp, %ebp\n\t"
    "movl %esp, %eax\n\t"
    "andl $-16, %esp\n\t"
    "subl $12, %esp\n\t"
    "pushl %eax\n\t"		/* start_c(sp), with esp 16-byte aligned at the call */
    "call start_c\n\t"
    "hlt\n");
