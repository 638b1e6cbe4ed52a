// ktest_kstack.c on the debug kernel: CONFIG_RANDOMIZE_KSTACK_OFFSET=y
// with CONFIG_DEBUG_ENTRY, so every syscall takes the C path and its
// alloca-based offset.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: image=debug
#define LT_SUITE "ktest_kstack_random_slow"
#define RANDOM 1
#include "ktest_kstack.c"
