/*
 * Lego's per-process syscall statistics (/proc/lego/syscalls, with
 * strace.stats on the command line; Documentation/dev-tools/strace.rst),
 * for tests that must show what entered the kernel.  Needs a C library.
 */
#ifndef LEGO_STATS_H
#define LEGO_STATS_H

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/*
 * How many times this process has made syscall name so far, from the
 * kernel's statistics: the first number of its row under "pid N (...):".
 * -1 if the file cannot be read.
 */
static long lego_syscalls(const char *name)
{
	static char text[65536];
	char head[32], *at, *end;
	size_t len = 0;
	ssize_t n;
	int fd = open("/proc/lego/syscalls", O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = 0;
	snprintf(head, sizeof(head), "pid %d (", getpid());
	at = strstr(text, head);
	if (!at)
		return 0;
	end = strstr(at + 1, "\npid ");
	for (at = strchr(at, '\n'); at && (!end || at < end); at = strchr(at + 1, '\n')) {
		unsigned long calls;
		char sys[40];

		if (sscanf(at + 1, "%lu %*u %*u %39s", &calls, sys) == 2 && !strcmp(sys, name))
			return calls;
	}
	return 0;
}

#endif /* LEGO_STATS_H */
