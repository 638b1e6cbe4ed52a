// A SYSCALL single-stepped: TF set in user mode survives the syscall.
// SYSCALL clears TF on entry (IA32_FMASK), so the kernel runs untraced;
// r11 holds rflags with TF, which rules SYSRET out (entry_64.rst), so the
// return is by IRET with TF set, and the next trap comes after the first
// instruction that follows: the SYSCALL itself reports no step, as on
// Linux.  The syscall's result and the registers are
// intact, and a getpid both before and after works: the kernel's #DB
// handling never saw a kernel address.
// lego-test: libc=musl
// lego-test: smp=1,2
#define _GNU_SOURCE
#define LT_SUITE "syscall_tf"
#include "lego_test.h"
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define TF	0x100UL

/*
 * traced(): sets TF, then mov, syscall (getpid), nop, and clears TF in
 * the handler once the nop has run.  Returns the syscall's rax.
 */
asm(".text\n"
    ".globl traced, t_mov_done, t_syscall_done, t_nop_done\n"
    "traced:\n"
    "	pushfq\n"
    "	orq $0x100, (%rsp)\n"
    "	popfq\n"
    "	mov $39, %eax\n"
    "t_mov_done:\n"
    "	syscall\n"
    "t_syscall_done:\n"
    "	nop\n"
    "t_nop_done:\n"
    "	ret\n");
long traced(void);
extern char t_mov_done[], t_syscall_done[], t_nop_done[];

#define MAXTRAPS 8
static unsigned long trap_rip[MAXTRAPS], trap_rcx, trap_r11;
static int trap_code[MAXTRAPS];
static volatile int ntraps;

static void on_trap(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	unsigned long rip = uc->uc_mcontext.gregs[REG_RIP];

	(void)sig;
	if (ntraps < MAXTRAPS) {
		trap_rip[ntraps] = rip;
		trap_code[ntraps] = si->si_code;
	}
	ntraps++;
	if (rip == (unsigned long)t_nop_done) {
		trap_rcx = uc->uc_mcontext.gregs[REG_RCX];
		trap_r11 = uc->uc_mcontext.gregs[REG_R11];
	}
	if (rip == (unsigned long)t_nop_done || ntraps >= MAXTRAPS)
		uc->uc_mcontext.gregs[REG_EFL] &= ~TF;
}

int main(void)
{
	struct sigaction sa;
	long pid = syscall(SYS_getpid), r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGTRAP, &sa, NULL);
	for (int round = 0; round < 3; round++) {
		ntraps = 0;
		r = traced();
		EXPECT_EQ("rax_is_getpid", r, pid);
		EXPECT_EQ("two_traps", ntraps, 2);
		EXPECT_EQ("trap0/after_mov", trap_rip[0], (unsigned long)t_mov_done);
		EXPECT_EQ("trap1/after_nop", trap_rip[1], (unsigned long)t_nop_done);
		for (int i = 0; i < 2; i++)
			EXPECT_EQ("si_code_trace", trap_code[i], TRAP_TRACE);
		EXPECT_EQ("rcx_is_return_address", trap_rcx, (unsigned long)t_syscall_done);
		EXPECT_EQ("r11_has_tf", trap_r11 & TF, TF);
	}
	EXPECT_EQ("getpid_after", syscall(SYS_getpid), pid);
	return lt_done();
}
