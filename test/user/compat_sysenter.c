// The 32-bit vDSO's __kernel_vsyscall through SYSENTER, on a CPU with
// Intel's vendor string (the kernel then patches it to SYSENTER, as
// Linux): see compat_vsyscall.h for what is checked.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: qemu=-cpu max,vendor=GenuineIntel
// lego-test: linux=no
// lego-test: smp=1,2
#define LT_SUITE "compat_sysenter"
#define VSYS_SYSENTER 1
#define VSYS_NAME "sysenter"
#include "compat_vsyscall.h"
