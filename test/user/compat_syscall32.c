// The 32-bit vDSO's __kernel_vsyscall through compatibility-mode SYSCALL,
// on a CPU with AMD's vendor string (the kernel then patches it to
// SYSCALL, as Linux): see compat_vsyscall.h for what is checked.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: qemu=-cpu max,vendor=AuthenticAMD
// lego-test: linux=no
// lego-test: smp=1,2
#define LT_SUITE "compat_syscall32"
#define VSYS_SYSENTER 0
#define VSYS_NAME "syscall"
#include "compat_vsyscall.h"
