// Registers across SYSCALL: only rax, rcx and r11 change; rcx is the
// address after the SYSCALL instruction and r11 the rflags it ran with;
// user flags (the arithmetic ones, DF, AC, NT) survive the round trip.
// lego-test: libc=musl
#define LT_SUITE "syscall_regs"
#include "lego_test.h"
#include "syscall_regs.h"

static void sysret_path(const char *what, unsigned long flags)
{
	unsigned long in[NREGS], out[NREGS];

	fill(in, 39 /* getpid */, flags);
	regs_syscall(in, out);
	EXPECT_EQ(lt_cat(what, "rax_is_result"), out[RAX], lt_syscall0(39));
	EXPECT_EQ(lt_cat(what, "rcx_is_return_address"), out[RCX],
		  (unsigned long)regs_syscall_ret);
	EXPECT_EQ(lt_cat(what, "r11_is_rflags"), out[R11], in[FLAGS]);
	EXPECT_EQ(lt_cat(what, "rflags_restored"), out[FLAGS], in[FLAGS]);
	check_untouched(lt_cat(what, "other_registers_kept"), in, out);
}

int main(void)
{
	unsigned long in[NREGS], out[NREGS];

	sysret_path("plain", 0);
	sysret_path("arith_flags", X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_ZF |
		    X86_EFLAGS_SF | X86_EFLAGS_OF);
	sysret_path("df", X86_EFLAGS_DF);
	sysret_path("ac", X86_EFLAGS_AC);
	sysret_path("nt", X86_EFLAGS_NT);
	sysret_path("df_ac_nt", X86_EFLAGS_DF | X86_EFLAGS_AC | X86_EFLAGS_NT);

	/*
	 * The number is the low 32 bits of rax: 0x100000000 | 39 is getpid
	 * (the upper half is ignored, as on Linux since 5.x).
	 */
	fill(in, 0xdead00000000UL | 39, 0);
	regs_syscall(in, out);
	EXPECT_EQ("upper_rax_ignored", out[RAX], lt_syscall0(39));
	check_untouched("upper_rax_ignored/registers", in, out);

	/* A failing syscall changes no more registers than a working one. */
	fill(in, 100000, X86_EFLAGS_DF);
	regs_syscall(in, out);
	EXPECT_EQ("enosys/rax", out[RAX], -38);
	EXPECT_EQ("enosys/rcx", out[RCX], (unsigned long)regs_syscall_ret);
	EXPECT_EQ("enosys/r11", out[R11], in[FLAGS]);
	EXPECT_EQ("enosys/rflags", out[FLAGS], in[FLAGS]);
	check_untouched("enosys/registers", in, out);

	/*
	 * Every register all ones going in (Linux's selftests do this to
	 * catch entry code that trusts a user value): rax -1 is no syscall,
	 * -ENOSYS, and getpid with the rest all ones works; nothing else
	 * changes either way.
	 */
	for (int i = 0; i < 2; i++) {
		const char *what = i ? "all_ones_getpid" : "all_ones";
		int r;

		for (r = 0; r < NREGS; r++)
			in[r] = ~0UL;
		in[RAX] = i ? 39 : ~0UL;
		in[FLAGS] = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
		regs_syscall(in, out);
		EXPECT_EQ(lt_cat(what, "rax"), out[RAX], i ? lt_syscall0(39) : -38);
		EXPECT_EQ(lt_cat(what, "rcx"), out[RCX], (unsigned long)regs_syscall_ret);
		EXPECT_EQ(lt_cat(what, "r11"), out[R11], in[FLAGS]);
		EXPECT_EQ(lt_cat(what, "rflags"), out[FLAGS], in[FLAGS]);
		check_untouched(lt_cat(what, "registers"), in, out);
	}
	return lt_done();
}
