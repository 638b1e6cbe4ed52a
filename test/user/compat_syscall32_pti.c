// compat_syscall32 on the hardened kernel (page-table isolation, kernel
// stack offset randomisation): compat SYSCALL's CR3 switch through the
// scratch word and the SYSRETL return with the user's tables loaded last.
// See compat_vsyscall.h for what is checked.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: image=hardened
// lego-test: qemu=-cpu max,vendor=AuthenticAMD
// lego-test: linux=no
#define LT_SUITE "compat_syscall32_pti"
#define VSYS_SYSENTER 0
#define VSYS_NAME "syscall"
#include "compat_vsyscall.h"
