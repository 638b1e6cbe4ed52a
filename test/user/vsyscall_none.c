// The legacy vsyscall page with vsyscall=none: there is none; a call to
// an entry, like a read, is SIGSEGV (vsyscall.h), reported as a
// protection fault at the kernel address.
// lego-test: libc=musl
// lego-test: kernel=vsyscall=none
// lego-test: linux-kernel=vsyscall=none
// lego-test: console=vsyscall attempted with vsyscall=none ip:ffffffffff600400 cs:33
// lego-test: console=segfault at ffffffffff600800 ip ffffffffff600800 sp
// lego-test: console=error 15
#define LT_SUITE "vsyscall_none"
#define VSYSCALL_MODE MODE_NONE
#include "vsyscall.h"

int main(void)
{
	return run_vsyscall_checks();
}
