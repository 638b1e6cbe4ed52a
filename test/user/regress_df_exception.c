// Regression: the direction flag on exception entry.  Interrupt and
// exception delivery leave RFLAGS.DF as user space set it (Intel SDM Vol.
// 3A 6.12.1 clears only TF, RF, NT, VM and, through interrupt gates, IF),
// but the C ABI the kernel is compiled for requires DF clear.  A page
// fault taken with DF set once made the kernel zero the new page with a
// backwards "rep stosb", wiping the page below it.  Now the entry code
// clears DF; fresh pages read as zero and the kernel stays healthy.
// lego-test: libc=musl
#define LT_SUITE "regress_df_exception"
#include "lego_test.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES	64

int main(void)
{
	unsigned char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i, nonzero = 0, sum = 0;
	int status = -1;
	pid_t pid;

	/* Touch every page with DF set: each touch is a page fault. */
	for (i = 0; i < PAGES; i++) {
		unsigned char v;

		asm volatile("std\n\t"
			     "movb (%1), %0\n\t"
			     "cld"
			     : "=q"(v) : "r"(p + i * 4096) : "memory", "cc");
		sum += v;
	}
	for (i = 0; i < PAGES * 4096; i++)
		nonzero += p[i] != 0;
	EXPECT_EQ("faulted_pages_read_zero", sum, 0);
	EXPECT_EQ("pages_are_zero", nonzero, 0);
	/* Spin a while with DF set, taking timer interrupts. */
	asm volatile("std\n\t"
		     "mov $20000000, %%ecx\n"
		     "1: dec %%ecx\n\t"
		     "jnz 1b\n\t"
		     "cld" : : : "ecx", "cc");
	pid = fork();
	if (pid == 0)
		_exit(42);
	EXPECT_EQ("kernel_healthy/fork_wait", waitpid(pid, &status, 0), pid);
	EXPECT_EQ("kernel_healthy/status", status, 42 << 8);
	return lt_done();
}
