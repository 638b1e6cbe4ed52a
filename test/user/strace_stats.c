// Per-syscall statistics agree with a program that makes a known number
// of calls, per process and system-wide, and reset clears them.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: kernel=strace.stats
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char text[16384];
static int failures;

static void check(const char *name, int ok, const char *why)
{
	printf("%s strace_stats/%s%s%s\n", ok ? "PASS" : "FAIL", name,
	       ok ? "" : ": ", ok ? "" : why);
	failures += !ok;
}

static void slurp(const char *path)
{
	int fd = open(path, O_RDONLY), n, len = 0;

	while (fd >= 0 && (n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	text[len] = 0;
	close(fd);
}

/* The "calls errors" of syscall name in the section that starts at sec. */
static int row(const char *sec, const char *name, unsigned long *calls,
	       unsigned long *errors)
{
	const char *p = strstr(text, sec), *end;
	char line[128];

	if (!p)
		return 0;
	p += strlen(sec);
	end = strstr(p, "pid ");
	while (*p && (!end || p < end)) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		unsigned long long c, e, cyc;
		char sys[64];

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = 0;
		if (sscanf(line, "%llu %llu %llu %63s", &c, &e, &cyc, sys) == 4 &&
		    !strcmp(sys, name)) {
			*calls = c;
			*errors = e;
			return 1;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

int main(void)
{
	unsigned long c = 0, e = 0;
	char sec[64];
	int i, ctl;

	for (i = 0; i < 1000; i++)
		getppid();
	for (i = 0; i < 5; i++)
		close(-1);
	slurp("/proc/lego/syscalls");
	snprintf(sec, sizeof(sec), "pid %d (strace_stats):\n", getpid());
	check("getppid_calls", row(sec, "getppid", &c, &e) && c == 1000 && e == 0,
	      "expected 1000 calls, 0 errors");
	check("close_errors", row(sec, "close", &c, &e) && c == 5 && e == 5,
	      "expected 5 calls, 5 errors");
	check("system_wide", row("system-wide:\n", "getppid", &c, &e) && c == 1000,
	      "expected 1000 getppid system-wide");
	ctl = open("/proc/lego/strace", O_WRONLY);
	check("bad_command", write(ctl, "bogus", 5) == -1, "accepted a bad command");
	check("reset", write(ctl, "stats=reset", 11) == 11, "reset refused");
	close(ctl);
	slurp("/proc/lego/syscalls");
	check("after_reset", !row(sec, "getppid", &c, &e), "getppid still counted");
	fflush(stdout);
	return failures != 0;
}
