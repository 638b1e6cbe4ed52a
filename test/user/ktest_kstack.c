// CONFIG_RANDOMIZE_KSTACK_OFFSET: off in the default kernel, a syscall
// handler always runs at the same depth below pt_regs (CONFIG_KTEST
// syscall 1004 reports it).  ktest_kstack_random.c runs the same program on
// the debug kernel, where it is on: the depth varies, within 1008 bytes of
// the usual one, in 16-byte steps, and syscalls still return the right
// values with every other register kept.
// lego-test: libc=musl
// lego-test: linux=no
#ifndef LT_SUITE
#define LT_SUITE "ktest_kstack"
#define RANDOM 0
#endif
#include "lego_test.h"
#include "syscall_regs.h"

#define NR_depth	1004
#define CALLS		256

int main(void)
{
	long d, min = 1L << 30, max = 0, distinct = 0;
	unsigned char seen[64] = { 0 };
	unsigned long in[NREGS], out[NREGS];
	int i, aligned = 1;

	for (i = 0; i < CALLS; i++) {
		d = lt_syscall0(NR_depth);
		min = d < min ? d : min;
		max = d > max ? d : max;
		aligned &= (max - d) % 16 == 0;
		if (d >= 0 && !seen[(d / 16) & 63]++)
			distinct++;
	}
	EXPECT_TRUE("depth_positive", min > 0);
	EXPECT_TRUE("steps_of_16", aligned);
	EXPECT_TRUE("within_1008", max - min <= 1008);
	if (RANDOM)
		EXPECT_TRUE("varies", distinct >= 16);
	else
		EXPECT_EQ("fixed", distinct, 1);
	fill(in, 39, 0);			/* getpid, at whatever depth */
	regs_syscall(in, out);
	EXPECT_EQ("getpid/rax", out[RAX], lt_syscall0(39));
	check_untouched("getpid/registers", in, out);
	return lt_done();
}
