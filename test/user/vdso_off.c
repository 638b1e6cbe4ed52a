// With vdso=0 on the command line there is no vDSO: no AT_SYSINFO_EHDR,
// nothing mapped for it, and the C library makes each clock call a
// syscall (counted by the kernel's statistics on Lego); the clocks read
// the same.
// lego-test: libc=musl
// lego-test: kernel=strace.stats vdso=0
// lego-test: linux-kernel=vdso=0
#define LT_SUITE "vdso_off"
#include <string.h>
#include <time.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include "lego_test.h"
#include "lego_stats.h"

#define NR_clock_gettime	228

int main(void)
{
	struct timespec a, c;
	struct { long long sec, nsec; } b;
	struct utsname u;
	long before, after;
	int i;

	EXPECT_EQ("auxv/no_sysinfo_ehdr", getauxval(AT_SYSINFO_EHDR), 0);
	clock_gettime(CLOCK_MONOTONIC, &a);
	lt_syscall2(NR_clock_gettime, CLOCK_MONOTONIC, &b);
	clock_gettime(CLOCK_MONOTONIC, &c);
	lt_check("monotonic/agrees", a.tv_sec * 1000000000LL + a.tv_nsec <=
		 b.sec * 1000000000LL + b.nsec && b.sec * 1000000000LL + b.nsec <=
		 c.tv_sec * 1000000000LL + c.tv_nsec, "out of order");
	if (uname(&u) || !strstr(u.release, "-lego-"))
		return lt_done();
	before = lego_syscalls("clock_gettime");
	for (i = 0; i < 100; i++)
		clock_gettime(CLOCK_REALTIME, &a);
	after = lego_syscalls("clock_gettime");
	lt_check("syscalls/each_call", before >= 0 && after - before == 100,
		 "%ld syscalls for 100 calls", after - before);
	return lt_done();
}
