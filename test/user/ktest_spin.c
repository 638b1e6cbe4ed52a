// Interrupts during a syscall: a CONFIG_KTEST syscall (1002) spins in the
// kernel with interrupts enabled while timer ticks arrive, then checks
// that task_pt_regs() still finds the frame saved at entry, unchanged.
// The registers the program sees afterwards are exactly those it had.
// On this non-preemptible kernel the spin ends on the CPU it began on even
// with another task waiting there; ktest_spin_preempt.c runs the same
// program on the CONFIG_PREEMPT kernel, where it is preempted and an idle
// CPU takes it over mid-syscall.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: smp=2
#ifndef LT_SUITE
#define LT_SUITE "ktest_spin"
#define EXPECT_MIGRATION 0
#endif
#include "lego_test.h"
#include "syscall_regs.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_lego_ktest_spin	1002
#define NR_sched_setaffinity	203

static long pin(unsigned long mask)
{
	return lt_syscall3(NR_sched_setaffinity, 0, sizeof(mask), &mask);
}

int main(void)
{
	unsigned long in[NREGS], out[NREGS];
	int cpus[2] = { -1, -1 }, status = -1, tries;
	volatile int *stop;
	long ticks;
	pid_t busy;

	/* Alone on CPU 0: ticks hit the spinning syscall, nothing moves. */
	EXPECT_EQ("pin_cpu0", pin(1), 0);
	ticks = lt_syscall2(NR_lego_ktest_spin, 200, cpus);
	EXPECT_TRUE("alone/ticks_seen", ticks >= 5);
	EXPECT_EQ("alone/start_cpu", cpus[0], 0);
	EXPECT_EQ("alone/end_cpu", cpus[1], 0);
	EXPECT_EQ("too_long", lt_syscall2(NR_lego_ktest_spin, 10001, cpus), -22);
	EXPECT_EQ("bad_pointer", lt_syscall2(NR_lego_ktest_spin, 1, 16), -14);

	/* Every register but rax, rcx, r11 survives the long syscall. */
	fill(in, NR_lego_ktest_spin, 0);
	in[RDI] = 100;
	in[RSI] = (unsigned long)cpus;
	regs_syscall(in, out);
	EXPECT_TRUE("regs/ticks_seen", (long)out[RAX] >= 3);
	EXPECT_EQ("regs/rcx", out[RCX], (unsigned long)regs_syscall_ret);
	EXPECT_EQ("regs/r11", out[R11], in[FLAGS]);
	check_untouched("regs/others", in, out);

	/*
	 * A busy user task pinned to CPU 0 competes with the spinning
	 * syscall.  Only a preemptible kernel lets the tick switch to it
	 * mid-syscall; CPU 1, idle, then takes the preempted syscall over.
	 */
	stop = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*stop = 0;
	busy = fork();
	if (busy == 0) {
		while (!*stop)
			;			/* user mode, never yielding */
		_exit(0);
	}
	EXPECT_EQ("compete/unpin", pin(3), 0);
	/* The scheduler may move us to the idle CPU 1 between syscalls;
	 * only a spin that starts on CPU 0 competes with the busy task. */
	for (tries = 0; tries < 20; tries++) {
		ticks = lt_syscall2(NR_lego_ktest_spin, 300, cpus);
		if (cpus[0] == 0)
			break;
		pin(1);
		pin(3);
	}
	EXPECT_TRUE("compete/ticks_seen", ticks >= 1);
	EXPECT_EQ("compete/start_cpu", cpus[0], 0);
	EXPECT_EQ("compete/migrated", cpus[1] != cpus[0], EXPECT_MIGRATION);
	*stop = 1;
	EXPECT_EQ("compete/busy_exits", waitpid(busy, &status, 0), busy);
	EXPECT_EQ("compete/busy_status", status, 0);
	return lt_done();
}
