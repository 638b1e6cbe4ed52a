// Every CPU reports in and runs user code: one process pinned to each
// CPU issues syscalls concurrently with the others, and getcpu always
// names the CPU it is pinned to.  Affinity syscalls keep Linux's errors.
// lego-test: libc=musl
// lego-test: smp=1,2,4
// lego-test: args={smp}
// lego-test: console=smp: Brought up {smp} CPU
#define LT_SUITE "smp_affinity"
#include "lego_test.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_sched_setaffinity	203
#define NR_sched_getaffinity	204
#define NR_getcpu		309
#define NR_getpid		39
#define ROUNDS			100000

static long setaff(int pid, unsigned long mask)
{
	return lt_syscall3(NR_sched_setaffinity, pid, sizeof(mask), &mask);
}

static long getcpu(void)
{
	unsigned int cpu = ~0U, node = ~0U;
	long r = lt_syscall3(NR_getcpu, &cpu, &node, 0);

	return r ? r : (long)cpu;
}

/* A child pinned to cpu: every getcpu says cpu, every getpid its pid. */
static int pinned_worker(int cpu)
{
	long pid = lt_syscall0(NR_getpid);
	int i;

	if (setaff(0, 1UL << cpu))
		return 10;
	for (i = 0; i < ROUNDS; i++) {
		if (lt_syscall0(NR_getpid) != pid)
			return 11;
		if ((i & 1023) == 0 && getcpu() != cpu)
			return 12;
	}
	return getcpu() == cpu ? 0 : 13;
}

int main(int argc, char **argv)
{
	int ncpus = argc > 1 ? atoi(argv[1]) : 1, i, status, ok;
	unsigned long mask = 0, all = (ncpus >= 64) ? ~0UL : (1UL << ncpus) - 1;
	unsigned int small;
	pid_t pids[64];

	/* The online CPUs: exactly the count QEMU was given. */
	EXPECT_EQ("getaffinity/size", lt_syscall3(NR_sched_getaffinity, 0, sizeof(mask), &mask),
		  sizeof(mask));
	EXPECT_EQ("getaffinity/mask", mask, all);
	EXPECT_EQ("getaffinity/len_not_long_multiple",
		  lt_syscall3(NR_sched_getaffinity, 0, 4, &small), -EINVAL);
	EXPECT_EQ("getaffinity/bad_pointer",
		  lt_syscall3(NR_sched_getaffinity, 0, sizeof(mask), 8), -EFAULT);
	EXPECT_EQ("getaffinity/no_such_pid",
		  lt_syscall3(NR_sched_getaffinity, 99999, sizeof(mask), &mask), -ESRCH);
	EXPECT_EQ("setaffinity/empty_mask", setaff(0, 0), -EINVAL);
	EXPECT_EQ("setaffinity/offline_cpu_only", setaff(0, 1UL << 63), -EINVAL);
	EXPECT_EQ("setaffinity/no_such_pid", setaff(99999, 1), -ESRCH);
	EXPECT_EQ("setaffinity/bad_pointer",
		  lt_syscall3(NR_sched_setaffinity, 0, sizeof(mask), 8), -EFAULT);
	EXPECT_EQ("getcpu/bad_pointer", lt_syscall3(NR_getcpu, 8, 0, 0), -EFAULT);
	EXPECT_EQ("getcpu/null_pointers", lt_syscall3(NR_getcpu, 0, 0, 0), 0);

	/* Pinning the caller moves it at once. */
	for (i = 0; i < ncpus; i++) {
		EXPECT_EQ(lt_cat("pin_self", "setaffinity"), setaff(0, 1UL << i), 0);
		EXPECT_EQ(lt_cat("pin_self", "getcpu"), getcpu(), i);
	}
	EXPECT_EQ("unpin", setaff(0, all), 0);

	/* One worker per CPU, all at once. */
	for (i = 0; i < ncpus; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(pinned_worker(i));
	}
	ok = 1;
	for (i = 0; i < ncpus; i++) {
		if (waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			lt_check("workers", 0, "worker on CPU %d: status %x", i, status);
			ok = 0;
		}
	}
	if (ok)
		lt_check("workers", 1, "");

	/* Another task's mask, set from here, moves it. */
	pids[0] = fork();
	if (pids[0] == 0) {
		int n;

		for (n = 0; n < 1000 && getcpu() != ncpus - 1; n++)
			usleep(1000);
		_exit(getcpu() == ncpus - 1 ? 0 : 1);
	}
	EXPECT_EQ("set_other/setaffinity", setaff(pids[0], 1UL << (ncpus - 1)), 0);
	mask = 0;
	EXPECT_EQ("set_other/getaffinity",
		  lt_syscall3(NR_sched_getaffinity, pids[0], sizeof(mask), &mask), sizeof(mask));
	EXPECT_EQ("set_other/mask", mask, 1UL << (ncpus - 1));
	EXPECT_EQ("set_other/moved", waitpid(pids[0], &status, 0) == pids[0] &&
		  WIFEXITED(status) && !WEXITSTATUS(status), 1);
	return lt_done();
}
