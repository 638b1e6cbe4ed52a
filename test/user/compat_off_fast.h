/*
 * The body of compat_off_sysenter.c and compat_off_syscall32.c: on a
 * kernel without IA32 emulation (image=nocompat) a 64-bit program can
 * still run 32-bit code -- __USER32_CS (0x23) is in the GDT, as on Linux
 * -- and there SYSENTER and SYSCALL behave as on Linux without compat:
 *  - SYSCALL (AMD; MSR_CSTAR is entry_SYSCALL_compat_ignore, Linux's
 *    entry_SYSCALL32_ignore): -ENOSYS in eax at the next instruction,
 *    ecx = that instruction (SYSCALL's return eip), every other register
 *    kept;
 *  - SYSENTER (Intel; MSR_IA32_SYSENTER_CS 0, Linux's
 *    GDT_ENTRY_INVALID_SEG): #GP(0) at the instruction, SIGSEGV with
 *    si_code SI_KERNEL;
 *  - the instruction the vendor does not have in compatibility mode
 *    (SYSENTER on AMD, SYSCALL on Intel): #UD, SIGILL with ILL_ILLOPN,
 *    on hardware; QEMU's TCG executes both whatever the vendor, and
 *    then the kernel's answer is the other vendor's.
 * The including file defines VENDOR_INTEL (1 or 0) and LT_SUITE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include "lego_test.h"

/* The stack of the 32-bit code must lie below 4 GiB (esp); signal frames
 * are built on it too. */
static unsigned char stack32[32768] __attribute__((aligned(16), used));
unsigned long saved_rsp;
unsigned int out32[6];		/* eax ebx ecx edx esi edi, then ebp below */
unsigned int out32_ebp;
/* The far pointer (offset, then selector) ljmp loads: a far jump rather
 * than a far return, whose stack reads QEMU's TCG makes with supervisor
 * rights (a SMAP fault in ring 3 that never resolves). */
struct { unsigned int ip; unsigned short cs; } __attribute__((packed)) far32 = { 0, 0x23 };
extern char syscall32_insn[], syscall32_after[], sysenter32_insn[];
extern char code32_syscall[], code32_sysenter[];
void run32(void *code);

/*
 * run32(code): loads DS and ES with __USER_DS (a null selector faults in
 * compatibility mode, Intel SDM Vol. 3A 5.4.1), moves to stack32, and far
 * returns to code in __USER32_CS; the code comes back by a far jump to
 * __USER_CS.  The non-PIE program lies below 4 GiB, so its addresses fit
 * the 32-bit code.
 */
asm(".text\n"
    ".globl run32\n"
    "run32:\n"
    "	pushq %rbx\n	pushq %rbp\n	pushq %r12\n"
    "	pushq %r13\n	pushq %r14\n	pushq %r15\n"
    "	movq %rsp, saved_rsp(%rip)\n"
    "	movl $0x2b, %eax\n"
    "	movl %eax, %ds\n"
    "	movl %eax, %es\n"
    "	leaq stack32+32768(%rip), %rsp\n"
    "	movl %edi, far32(%rip)\n"
    "	ljmpl *far32(%rip)\n"
    "back64:\n"
    "	movq saved_rsp(%rip), %rsp\n"
    "	popq %r15\n	popq %r14\n	popq %r13\n"
    "	popq %r12\n	popq %rbp\n	popq %rbx\n"
    "	ret\n"
    ".code32\n"
    ".globl code32_syscall, code32_sysenter, syscall32_insn, syscall32_after, sysenter32_insn\n"
    "code32_syscall:\n"
    "	movl $0x11111111, %ebx\n	movl $0x22222222, %ecx\n"
    "	movl $0x33333333, %edx\n	movl $0x44444444, %esi\n"
    "	movl $0x55555555, %edi\n	movl $0x66666666, %ebp\n"
    "	movl $20, %eax\n"
    "syscall32_insn:\n"
    "	syscall\n"
    "syscall32_after:\n"
    "	movl %eax, out32\n	movl %ebx, out32+4\n	movl %ecx, out32+8\n"
    "	movl %edx, out32+12\n	movl %esi, out32+16\n	movl %edi, out32+20\n"
    "	movl %ebp, out32_ebp\n"
    "	ljmp $0x33, $back64\n"
    "code32_sysenter:\n"
    "	movl $20, %eax\n"
    "	movl %esp, %ebp\n"
    "sysenter32_insn:\n"
    "	sysenter\n"
    "	jmp syscall32_after\n"
    ".code64\n");

static sigjmp_buf back;
static volatile int got_sig, got_code;
static volatile unsigned long got_ip, got_cs;

static void on_fault(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;

	got_sig = sig;
	got_code = si->si_code;
	got_ip = uc->uc_mcontext.gregs[REG_RIP];
	got_cs = uc->uc_mcontext.gregs[REG_CSGSFS] & 0xffff;
	siglongjmp(back, 1);
}

/* Runs code in compatibility mode; the signal it ended with, or 0. */
static int run(void *code)
{
	got_sig = 0;
	if (!sigsetjmp(back, 1))
		run32(code);
	return got_sig;
}

static void expect_fault(const char *name, void *code, int sig, int si_code, char *at)
{
	EXPECT_EQ(lt_cat(name, "signal"), run(code), sig);
	EXPECT_EQ(lt_cat(name, "si_code"), got_code, si_code);
	EXPECT_EQ(lt_cat(name, "ip"), got_ip, (unsigned long)at);
	EXPECT_EQ(lt_cat(name, "cs_compat"), got_cs, 0x23);
}

/* QEMU's TCG: CPUID leaf 0x40000000 names the hypervisor. */
static int on_qemu_tcg(void)
{
	unsigned int a, b, c, d;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
	return b == 0x54474354 && c == 0x43544743 && d == 0x47435447;
}

int main(void)
{
	struct sigaction sa;
	int tcg = on_qemu_tcg();

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, 0);
	sigaction(SIGILL, &sa, 0);

	/*
	 * Whether the CPU executes the instruction in compatibility mode is
	 * the CPU's business (#UD on the other vendor's hardware); QEMU's
	 * TCG executes both for either vendor, and then the kernel's answer
	 * is the one this vendor's hardware gets.
	 */
	if (VENDOR_INTEL || tcg)
		expect_fault("sysenter_gp", code32_sysenter, SIGSEGV, SI_KERNEL, sysenter32_insn);
	else
		expect_fault("sysenter_ud", code32_sysenter, SIGILL, ILL_ILLOPN, sysenter32_insn);
	if (!VENDOR_INTEL || tcg) {
		EXPECT_EQ("syscall_enosys/no_signal", run(code32_syscall), 0);
		EXPECT_EQ("syscall_enosys/eax", (int)out32[0], -ENOSYS);
		EXPECT_EQ("syscall_enosys/ecx_return_eip", out32[2],
			  (unsigned int)(unsigned long)syscall32_after);
		EXPECT_TRUE("syscall_enosys/regs_kept", out32[1] == 0x11111111 &&
			    out32[3] == 0x33333333 && out32[4] == 0x44444444 &&
			    out32[5] == 0x55555555 && out32_ebp == 0x66666666);
	} else {
		expect_fault("syscall_ud", code32_syscall, SIGILL, ILL_ILLOPN, syscall32_insn);
	}
	return lt_done();
}
