// The syscall number: an int taken from the low half of rax.  Numbers
// outside the table (just past it, far past it, negative, -1, the x32
// bit) return -ENOSYS and call nothing; garbage in the upper half of rax
// is ignored.  The user's rsp may be anything at SYSCALL.  And a million
// back-to-back getpid/getppid calls all give the same, right answer.
// lego-test: libc=musl
#define LT_SUITE "syscall_nr"
#include <errno.h>
#include <sys/syscall.h>
#include "lego_test.h"

static const struct {
	const char *name;
	unsigned long nr;
} enosys[] = {
	{ "past_linux_6_1_table",	451 },	/* 6.1's last is 450 */
	{ "past_table",			471 },	/* the newest Linux's is 470 */
	{ "table_hole",			335 },	/* between 334 (rseq) and 424 */
	{ "x32_range",			512 },	/* x32-only numbers, 64-bit ABI */
	{ "x32_range_end",		547 },
	{ "past_lego_table",		LEGO_NR_SYSCALLS },
	{ "large",			100000 },
	{ "int_max",			0x7fffffff },
	{ "minus_one",			-1UL },
	{ "minus_one_low_half",		0xffffffffUL },
	{ "int_min",			0x80000000UL },
	{ "minus_two",			-2UL },
	{ "x32_getpid",			0x40000000UL | SYS_getpid },
	{ "x32_read",			0x40000000UL | SYS_read },
	{ "upper_half_large",		0x100000000UL | 100000 },
};

static const struct {
	const char *name;
	unsigned long upper;
} garbage[] = {
	{ "upper_one",		0x100000000UL },
	{ "upper_dead",		0xdead00000000UL },
	{ "upper_all_ones",	0xffffffff00000000UL },
	{ "upper_sign_bit",	0x8000000000000000UL },
};

#define ROUNDS 500000

/*
 * getpid with rsp set to sp: the kernel never uses the user's stack
 * pointer (SYSCALL leaves it alone, the entry code switches stacks), so
 * a kernel or non-canonical rsp is no harm until user code uses it.
 */
static long getpid_with_rsp(unsigned long sp)
{
	long r;

	asm volatile("mov %%rsp, %%r12\n\t"
		     "mov %[sp], %%rsp\n\t"
		     "syscall\n\t"
		     "mov %%r12, %%rsp"
		     : "=a"(r)
		     : "a"((long)SYS_getpid), [sp] "r"(sp)
		     : "rcx", "r11", "r12", "memory");
	return r;
}

int main(void)
{
	long pid = lt_syscall0(SYS_getpid), ppid = lt_syscall0(SYS_getppid);
	unsigned long i, bad_pid = 0, bad_ppid = 0;

	for (i = 0; i < sizeof(enosys) / sizeof(enosys[0]); i++)
		EXPECT_RET(lt_cat("enosys", enosys[i].name),
			   lt_syscall6(enosys[i].nr, 0, 0, 0, 0, 0, 0), -ENOSYS);
	/* The same with arguments that would matter to a real syscall. */
	EXPECT_RET("enosys/minus_one_args", lt_syscall6(-1L, 1, 2, 3, 4, 5, 6), -ENOSYS);

	for (i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
		EXPECT_RET(lt_cat("getpid", garbage[i].name),
			   lt_syscall0(garbage[i].upper | SYS_getpid), pid);
		EXPECT_RET(lt_cat("getppid", garbage[i].name),
			   lt_syscall0(garbage[i].upper | SYS_getppid), ppid);
	}
	/* A real call with a number whose low half is 0 (read) and garbage
	 * above: read(-1) is EBADF, not ENOSYS. */
	EXPECT_RET("read_upper_garbage",
		   lt_syscall3(0xffffffff00000000UL | SYS_read, -1, 0, 0), -EBADF);

	EXPECT_RET("user_rsp/kernel", getpid_with_rsp(0xffff888000000000UL), pid);
	EXPECT_RET("user_rsp/kernel_text", getpid_with_rsp(0xffffffff80000000UL), pid);
	EXPECT_RET("user_rsp/noncanonical", getpid_with_rsp(0x8000000000000000UL), pid);
	EXPECT_RET("user_rsp/zero", getpid_with_rsp(0), pid);
	EXPECT_RET("user_rsp/misaligned", getpid_with_rsp(0x12345677UL), pid);

	/* init is pid 1; its parent is the kernel, pid 0 to user space. */
	EXPECT_EQ("getpid/init", pid, 1);
	EXPECT_EQ("getppid/init", ppid, 0);
	for (i = 0; i < ROUNDS; i++) {
		bad_pid += lt_syscall0(SYS_getpid) != pid;
		bad_ppid += lt_syscall0(SYS_getppid) != ppid;
	}
	EXPECT_EQ("stable/getpid_wrong", bad_pid, 0);
	EXPECT_EQ("stable/getppid_wrong", bad_ppid, 0);
	return lt_done();
}
