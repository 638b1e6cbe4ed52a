// compat_glibc (gcc -m32 -static: stdio, files, fork, threads, signals)
// on a CPU with Intel's vendor string, where the vDSO's
// __kernel_vsyscall, which glibc calls for every syscall through
// %gs:0x10 (AT_SYSINFO), uses SYSENTER; compat_glibc itself runs under
// the default (AMD) vendor, where it uses SYSCALL.
// lego-test: libc=glibc
// lego-test: arch=i386
// lego-test: cflags=-pthread
// lego-test: qemu=-cpu max,vendor=GenuineIntel
// lego-test: smp=1,2
// lego-test: linux=no
#define LT_SUITE "compat_glibc_sysenter"
#include "compat_glibc.c"
