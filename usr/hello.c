// SPDX-License-Identifier: GPL-2.0
/*
 * /bin/hello of the default image, the init of the boot tests
 * (rdinit=/bin/hello): says hello through the C library (musl, static),
 * shows what the kernel reports, and exits 0, which powers the machine
 * off.
 */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct utsname u;

	if (uname(&u) == 0)
		printf("Hello from user space on %s %s (%s), pid %d\n",
		       u.sysname, u.release, u.machine, getpid());
	for (int i = 1; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	return 0;
}
