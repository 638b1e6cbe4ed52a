// ktest_pti.c on the hardened kernel booted with "pti=off".
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: image=hardened
// lego-test: kernel=pti=off
#define LT_SUITE "ktest_nopti"
#define ISOLATED 0
#include "ktest_pti.c"
