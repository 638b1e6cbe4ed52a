// The IRET exit of a syscall: syscall 1001 (CONFIG_KTEST only) changes
// the saved rcx and r11, so rcx no longer equals rip and the kernel must
// return with IRET.  Every register then comes back from pt_regs exactly.
// lego-test: libc=musl
// lego-test: linux=no
#define LT_SUITE "syscall_iret"
#include "lego_test.h"
#include "syscall_regs.h"

int main(void)
{
	unsigned long in[NREGS], out[NREGS];

	fill(in, 1001, X86_EFLAGS_CF | X86_EFLAGS_DF);
	in[RDI] = 0x1234567890abcdefUL;
	in[RSI] = 0xfedcba0987654321UL;
	regs_syscall(in, out);
	EXPECT_EQ("rax", out[RAX], 0);
	EXPECT_EQ("rcx_as_set", out[RCX], 0x1234567890abcdefUL);
	EXPECT_EQ("r11_as_set", out[R11], 0xfedcba0987654321UL);
	EXPECT_EQ("rflags_restored", out[FLAGS], in[FLAGS]);
	check_untouched("registers", in, out);

	/* Back on the SYSRET path: nothing stuck from the IRET one. */
	fill(in, 39, 0);
	regs_syscall(in, out);
	EXPECT_EQ("sysret_after/rcx", out[RCX], (unsigned long)regs_syscall_ret);
	EXPECT_EQ("sysret_after/r11", out[R11], in[FLAGS]);
	return lt_done();
}
