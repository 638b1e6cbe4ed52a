// CONFIG_DEBUG_SYSCALL (the allyesconfig kernel): an unimplemented
// syscall returns -ENOSYS and is named once on the console, however often
// it is called.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: image=allyes
// lego-test: console-once=debug_syscall[1]: syscall 246 (kexec_load) is not implemented
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(void)
{
	long r1 = syscall(246, 0, 0, 0, 0), e1 = errno;
	long r2 = syscall(246, 0, 0, 0, 0), e2 = errno;
	int ok = r1 == -1 && e1 == ENOSYS && r2 == -1 && e2 == ENOSYS;

	printf("%s debug_syscall/enosys%s\n", ok ? "PASS" : "FAIL",
	       ok ? "" : ": expected -1 ENOSYS twice");
	fflush(stdout);
	return !ok;
}
