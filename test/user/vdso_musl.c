// A static musl program uses the vDSO for clock_gettime (and through it
// gettimeofday and time) and sched_getcpu; clock_getres is a syscall in
// musl.  No other syscall is made (Lego, from the kernel's syscall
// statistics), and every answer agrees with the syscall's, on one CPU and
// on two (vdso_calls.h).
// lego-test: libc=musl
// lego-test: kernel=strace.stats
// lego-test: smp=1,2
// lego-test: timeout=300
#define LT_SUITE "vdso_musl"
#define LIBC_GETRES_VDSO	0
#define LIBC_TIME_COARSE	0
#include "vdso_calls.h"
