// vsyscall_emulate's checks on the hardened kernel (page-table isolation):
// the page is mapped in the user page tables too, readable, and calls are
// emulated as without isolation.
// lego-test: libc=musl
// lego-test: image=hardened
// lego-test: linux=no
// lego-test: console=pti: page-table isolation on
#define LT_SUITE "vsyscall_pti"
#define VSYSCALL_MODE MODE_EMULATE
#include "vsyscall.h"

int main(void)
{
	return run_vsyscall_checks();
}
