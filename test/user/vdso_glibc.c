// A static glibc program uses the vDSO for clock_gettime, gettimeofday,
// time, sched_getcpu and clock_getres: no syscall is made (Lego, from the
// kernel's syscall statistics), and every answer agrees with the
// syscall's, on one CPU and on two (vdso_calls.h).
// lego-test: libc=glibc
// lego-test: kernel=strace.stats
// lego-test: smp=1,2
// lego-test: timeout=300
#define LT_SUITE "vdso_glibc"
#define LIBC_GETRES_VDSO	1
#define LIBC_TIME_COARSE	1
#include "vdso_calls.h"
