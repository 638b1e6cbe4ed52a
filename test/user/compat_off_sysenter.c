// Without IA32 emulation, SYSENTER from 32-bit code is #GP (SIGSEGV) and
// SYSCALL there #UD (SIGILL) on a CPU with Intel's vendor string (under
// QEMU's TCG, which runs it, -ENOSYS): see compat_off_fast.h.
// lego-test: libc=musl
// lego-test: image=nocompat
// lego-test: qemu=-cpu max,vendor=GenuineIntel
// lego-test: linux=no
#define LT_SUITE "compat_off_sysenter"
#define VENDOR_INTEL 1
#include "compat_off_fast.h"
