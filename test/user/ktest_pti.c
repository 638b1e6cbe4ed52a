// Page-table isolation (the hardened kernel): while this program runs,
// its page tables map of the kernel only the entry text, the IDT and this
// CPU's entry area -- no kernel data, no other kernel text, not its own
// kernel stack -- and its own memory as usual.  CONFIG_KTEST syscall 1005
// walks the user tables to tell.  ktest_nopti.c boots the same kernel with
// "pti=off": nothing is isolated, and every syscall still works.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: image=hardened
// lego-test: smp=1,2
#ifndef LT_SUITE
#define LT_SUITE "ktest_pti"
#define ISOLATED 1
#endif
#include "lego_test.h"
#include "syscall_regs.h"
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_pti	1005

static char user_data[4096] = { 1 };

int main(void)
{
	unsigned long in[NREGS], out[NREGS];
	int status = -1;
	pid_t pid;

	user_data[1] = 2;		/* present in the page tables */
	if (ISOLATED) {
		EXPECT_EQ("entry_text_mapped", lt_syscall2(NR_pti, 0, 0), 1);
		EXPECT_EQ("idt_mapped", lt_syscall2(NR_pti, 1, 0), 1);
		EXPECT_EQ("entry_area_mapped", lt_syscall2(NR_pti, 2, 0), 1);
		EXPECT_EQ("kernel_data_unmapped", lt_syscall2(NR_pti, 3, 0), 0);
		EXPECT_EQ("kernel_text_unmapped", lt_syscall2(NR_pti, 4, 0), 0);
		EXPECT_EQ("kernel_stack_unmapped", lt_syscall2(NR_pti, 5, 0), 0);
		EXPECT_EQ("user_memory_mapped", lt_syscall2(NR_pti, 6, user_data), 1);
		EXPECT_EQ("bad_kind", lt_syscall2(NR_pti, 7, 0), -EINVAL);
	} else {
		EXPECT_EQ("off", lt_syscall2(NR_pti, 0, 0), -ENODEV);
	}
	/* Both returns (SYSRET and, after fork, IRET) restore everything. */
	fill(in, 39, 0);
	regs_syscall(in, out);
	check_untouched("sysret/registers", in, out);
	pid = fork();
	if (pid == 0)
		_exit(user_data[0] == 1 && (!ISOLATED || lt_syscall2(NR_pti, 6, user_data) == 1) ?
		      0 : 1);
	EXPECT_EQ("fork/child", waitpid(pid, &status, 0) == pid && status == 0, 1);
	return lt_done();
}
