// rpc_loopback.c on the debug kernel (defconfig + debug.config): the RPC
// layer under CONFIG_PREEMPT with the spinlock and entry checks, callers
// and server threads moving between two CPUs.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: config=KTEST
// lego-test: cflags=-I../../include
// lego-test: smp=2
// lego-test: image=debug
#define LT_SUITE "rpc_loopback_debug"
#include "rpc_loopback.c"
