// SMAP and SMEP (QEMU's -cpu max has both): kernel code touching user
// memory outside the user-copy helpers faults, as does kernel code
// calling into a user page.  CONFIG_KTEST syscall 1003 makes exactly those
// two accesses; the faults are expected and skipped, never an oops.  The
// copy helpers still reach the same page.  ktest_nosmap.c boots with
// "nosmap nosmep" and sees both accesses go through.
// lego-test: libc=musl
// lego-test: linux=no
#ifndef LT_SUITE
#define LT_SUITE "ktest_smap"
#define PROTECTED 1
#endif
#include "lego_test.h"
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#define NR_write		1
#define NR_lego_ktest_uaccess	1003

int main(void)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 0x5a;
	p[16] = 0xc3;				/* ret */
	if (PROTECTED) {
		EXPECT_EQ("smap/plain_read_faults",
			  lt_syscall2(NR_lego_ktest_uaccess, p, 0), -EFAULT);
		EXPECT_EQ("smep/call_faults",
			  lt_syscall2(NR_lego_ktest_uaccess, p + 16, 1), -EFAULT);
	} else {
		EXPECT_EQ("nosmap/plain_read_works",
			  lt_syscall2(NR_lego_ktest_uaccess, p, 0), 0x5a);
		EXPECT_EQ("nosmep/call_works",
			  lt_syscall2(NR_lego_ktest_uaccess, p + 16, 1), 0);
	}
	/* The helpers read the very same page, with SMAP or without. */
	memcpy(p + 32, "helpers\n", 8);
	EXPECT_EQ("helpers_still_work", lt_syscall3(NR_write, 1, p + 32, 8), 8);
	EXPECT_EQ("kernel_address_refused",
		  lt_syscall2(NR_lego_ktest_uaccess, 0xffffffff80000000UL, 0), -EINVAL);
	return lt_done();
}
