// A kernel without IA32 emulation (image=nocompat: `make defconfig
// nocompat.config`) behaves as Linux built without it: the 0x80 gate is
// not user-callable, so int $0x80 raises #GP with error code
// (0x80 << 3) | 2 = 0x402 at the int instruction -- SIGSEGV (si_code
// SI_KERNEL), with Linux's console line when no handler catches it --
// and execve of a 32-bit ELF file fails with ENOEXEC.
//
// The error code is the CPU's: the SDM's (vector << 3) | 2 on hardware
// and KVM, but QEMU's TCG, which emulates the gate check, pushes
// (vector << 4) | 2 (0x802); the test expects what the CPU it runs on
// gives, telling TCG by its CPUID hypervisor signature "TCGTCGTCGTCG".
// lego-test: libc=musl
// lego-test: image=nocompat
// lego-test: linux=no
// lego-test: file=build/test/user/compat_i386:/compat_i386
// lego-test: console=traps: compat_off[
// lego-test: console=] general protection ip:
// lego-test: console= in compat_off[40
#define _GNU_SOURCE
#define LT_SUITE "compat_off"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include "lego_test.h"
#include "lego_child.h"

extern char int80_insn[];

static __attribute__((noinline)) void int80(void)
{
	asm volatile(".globl int80_insn\n"
		     "int80_insn: int $0x80" : : "a"(20) : "memory");
}

static int int80_unhandled(void)
{
	int80();
	return 0;		/* not reached */
}

/* QEMU's TCG: CPUID leaf 0x40000000 names the hypervisor. */
static int on_qemu_tcg(void)
{
	unsigned int a, b, c, d;

	asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
	return b == 0x54474354 && c == 0x43544743 && d == 0x47435447;
}

static sigjmp_buf back;
static siginfo_t got;
static unsigned long got_ip, got_err, got_trapno;

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;

	got = *si;
	got_ip = uc->uc_mcontext.gregs[REG_RIP];
	got_err = uc->uc_mcontext.gregs[REG_ERR];
	got_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	siglongjmp(back, 1);
}

int main(void)
{
	char *argv[] = { "/compat_i386", 0 }, *envp[] = { 0 };
	struct sigaction sa;

	/* No handler: death by SIGSEGV and the console line. */
	lt_expect_signal("int80_sigsegv", int80_unhandled, SIGSEGV);

	/* A handler sees a #GP at the int instruction itself. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, 0);
	if (!sigsetjmp(back, 1)) {
		int80();
		lt_check("int80_faults", 0, "int $0x80 returned");
	} else {
		EXPECT_EQ("signo", got.si_signo, SIGSEGV);
		EXPECT_EQ("si_code_kernel", got.si_code, SI_KERNEL);
		EXPECT_EQ("si_addr", (unsigned long)got.si_addr, 0);
		EXPECT_EQ("trapno_gp", got_trapno, 13);
		EXPECT_EQ("error_code_0x402", got_err,
			  on_qemu_tcg() ? (0x80 << 4) | 2 : (0x80 << 3) | 2);
		EXPECT_EQ("ip_at_int", got_ip, (unsigned long)int80_insn);
	}

	/* A 32-bit program is not an executable format here. */
	EXPECT_EQ("execve_elf32", execve(argv[0], argv, envp), -1);
	EXPECT_EQ("execve_elf32_errno", errno, ENOEXEC);
	return lt_done();
}
