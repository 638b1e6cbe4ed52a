// ktest_spin.c on the CONFIG_PREEMPT kernel (defconfig + debug.config):
// the spinning syscall is preempted by the tick, stolen by the idle CPU,
// and finishes there with its saved user frame intact.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: smp=2
// lego-test: image=debug
#define LT_SUITE "ktest_spin_preempt"
#define EXPECT_MIGRATION 1
#include "ktest_spin.c"
