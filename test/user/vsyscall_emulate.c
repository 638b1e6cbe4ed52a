// The legacy vsyscall page in Lego's default mode, Linux's
// vsyscall=emulate: readable, and its three entries (gettimeofday at +0,
// time at +0x400, getcpu at +0x800) work as calls, changing no register
// but rax; anything else there is SIGSEGV, with Linux's console lines
// (vsyscall.h).
// lego-test: libc=musl
// lego-test: linux-kernel=vsyscall=emulate
// lego-test: console=misaligned vsyscall (exploit attempt or buggy program) -- look up the vsyscall kernel parameter if you need a workaround ip:ffffffffff600001 cs:33
// lego-test: console=vsyscall with bad stack (exploit attempt?) ip:ffffffffff600000 cs:33 sp:1000
// lego-test: console=vsyscall fault (exploit attempt?) ip:ffffffffff600000 cs:33
#define LT_SUITE "vsyscall_emulate"
#define VSYSCALL_MODE MODE_EMULATE
#include "vsyscall.h"

int main(void)
{
	return run_vsyscall_checks();
}
