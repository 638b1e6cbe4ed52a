// The legacy vsyscall page with vsyscall=xonly: the three entries work as
// calls, but the page cannot be read (vsyscall.h).
// lego-test: libc=musl
// lego-test: kernel=vsyscall=xonly
// lego-test: linux-kernel=vsyscall=xonly
// lego-test: console=vsyscall read attempt denied -- look up the vsyscall kernel parameter if you need a workaround ip:
// lego-test: console=segfault at ffffffffff600000 ip
#define LT_SUITE "vsyscall_xonly"
#define VSYSCALL_MODE MODE_XONLY
#include "vsyscall.h"

int main(void)
{
	return run_vsyscall_checks();
}
