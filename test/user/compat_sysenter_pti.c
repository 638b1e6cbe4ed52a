// compat_sysenter on the hardened kernel (page-table isolation, kernel
// stack offset randomisation): SYSENTER's CR3 switch on the entry stack
// and the SYSRETL return with the user's tables loaded last.  See
// compat_vsyscall.h for what is checked.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: image=hardened
// lego-test: qemu=-cpu max,vendor=GenuineIntel
// lego-test: linux=no
#define LT_SUITE "compat_sysenter_pti"
#define VSYS_SYSENTER 1
#define VSYS_NAME "sysenter"
#include "compat_vsyscall.h"
