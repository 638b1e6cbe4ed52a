// Without IA32 emulation, SYSCALL from 32-bit code returns -ENOSYS and
// SYSENTER there is #UD (SIGILL) on a CPU with AMD's vendor string (under
// QEMU's TCG, which runs it, #GP: SIGSEGV): see compat_off_fast.h.
// lego-test: libc=musl
// lego-test: image=nocompat
// lego-test: qemu=-cpu max,vendor=AuthenticAMD
// lego-test: linux=no
#define LT_SUITE "compat_off_syscall32"
#define VENDOR_INTEL 0
#include "compat_off_fast.h"
