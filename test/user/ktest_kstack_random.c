// ktest_kstack.c on the hardened kernel (the fast path), where
// CONFIG_RANDOMIZE_KSTACK_OFFSET=y: the handler's depth varies.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: image=hardened
#define LT_SUITE "ktest_kstack_random"
#define RANDOM 1
#include "ktest_kstack.c"
