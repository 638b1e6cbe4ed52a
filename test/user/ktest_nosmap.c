// ktest_smap.c on a kernel booted with "nosmap nosmep": the same plain
// kernel accesses to user memory now go through.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: kernel=nosmap nosmep
#define LT_SUITE "ktest_nosmap"
#define PROTECTED 0
#include "ktest_smap.c"
