// int $0x80 from a 64-bit program enters the 32-bit (i386) table, as on
// Linux with IA32 emulation: i386 numbers (39 is mkdir there, getpid in
// the 64-bit table), arguments from the low halves of ebx, ecx, edx, esi,
// edi, ebp, the number from eax alone; every register but rax comes back
// as it went in -- r8-r15 too (Linux since 4.17), and rcx and r11, which
// SYSCALL would have overwritten.
// lego-test: libc=musl
#define LT_SUITE "compat_int80"
#include "lego_test.h"
#include "syscall_regs.h"

#define NR32_exit	1
#define NR32_write	4
#define NR32_getpid	20
#define NR32_mkdir	39
#define NR32_rmdir	40
#define NR32_brk	45
#define NR64_getpid	39
#define NR64_brk	12
#define NR64_stat	4
#define ENOSYS		38
#define ENOENT		2

/* Below 4 GiB (a static non-PIE program's data), so a 32-bit pointer
 * reaches it. */
static char msg[] = "compat_int80: written by int $0x80 write(4)\n";
static char dir[] = "/compat_int80_dir";
static char statbuf[256];

static unsigned long int80(unsigned long nr, unsigned long b, unsigned long c,
			   unsigned long d)
{
	unsigned long in[NREGS], out[NREGS];

	fill(in, nr, 0);
	in[RBX] = b;
	in[RCX] = c;
	in[RDX] = d;
	regs_int80(in, out);
	return out[RAX];
}

/* Every register but rax unchanged, rcx and r11 included. */
static void regs_kept(const char *what, unsigned long nr, unsigned long flags)
{
	unsigned long in[NREGS], out[NREGS];
	int i, ok = 1;

	fill(in, nr, flags);
	regs_int80(in, out);
	for (i = 0; i < NREGS; i++) {
		if (i == RAX || in[i] == out[i])
			continue;
		lt_check(what, 0, "%s changed: %lx -> %lx", names[i], in[i], out[i]);
		ok = 0;
	}
	if (ok)
		lt_check(what, 1, "");
}

int main(void)
{
	long pid = lt_syscall0(NR64_getpid);

	EXPECT_EQ("getpid_is_20", int80(NR32_getpid, 0, 0, 0), pid);
	/* 39 in the i386 table is mkdir(ebx, ecx). */
	EXPECT_EQ("mkdir_is_39", int80(NR32_mkdir, (unsigned long)dir, 0755, 0), 0);
	EXPECT_EQ("mkdir_made_it", lt_syscall2(NR64_stat, dir, statbuf), 0);
	EXPECT_EQ("rmdir_is_40", int80(NR32_rmdir, (unsigned long)dir, 0, 0), 0);
	EXPECT_EQ("rmdir_removed_it", lt_syscall2(NR64_stat, dir, statbuf), -ENOENT);
	EXPECT_EQ("brk_is_45", int80(NR32_brk, 0, 0, 0), lt_syscall1(NR64_brk, 0));
	/* The upper halves of eax and of the argument registers are ignored. */
	EXPECT_EQ("nr_low_half_only", int80(0xdead000000000000UL | NR32_getpid, 0, 0, 0), pid);
	EXPECT_EQ("args_low_half_only",
		  int80(NR32_write, 0xffffffff00000001UL, (unsigned long)msg | (7UL << 32),
			(sizeof(msg) - 1) | (1UL << 40)),
		  sizeof(msg) - 1);
	/* Past the table and holes in it: -ENOSYS, all 64 bits of rax. */
	EXPECT_EQ("enosys_past_table", int80(1000, 0, 0, 0), -ENOSYS);
	EXPECT_EQ("enosys_negative", int80(0xffffffffUL, 0, 0, 0), -ENOSYS);
	EXPECT_EQ("enosys_unused_222", int80(222, 0, 0, 0), -ENOSYS);
	EXPECT_EQ("enosys_break_17", int80(17, 0, 0, 0), -ENOSYS);

	regs_kept("regs_kept/getpid", NR32_getpid, 0);
	regs_kept("regs_kept/enosys", 1000, 0);
	regs_kept("regs_kept/arith_flags_df", NR32_getpid,
		  X86_EFLAGS_CF | X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF | X86_EFLAGS_DF);
	return lt_done();
}
