// Switching the kernel strace on and off at run time from a busybox
// shell, as a user at the prompt would: `echo ... > /proc/lego/strace`,
// then the trace read back from /proc/lego/trace: comm= chooses the
// processes (busybox's applets run as "exe", re-executed through
// /proc/self/exe, the shell as "sh"), and nothing is traced once off.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: file=/bin/busybox:/bin/busybox
// lego-test: link=/bin/busybox:/bin/sh
// lego-test: link=/bin/busybox:/bin/cat
#define _GNU_SOURCE
#define LT_SUITE "strace_shell"
#include "lego_test.h"
#include "vfs_util.h"
#include "lego_child.h"
#include <stdio.h>

static char out[65536];

static int sh(const char *script)
{
	return lt_run_output("/bin/sh", (char *const[]){ "sh", "-c", (char *)script, NULL },
			     (char *[]){ "PATH=/bin", NULL }, out, sizeof(out));
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

int main(void)
{
	int st;

	vfs_setup("/tmp/strace_shell");

	/* Only the shell (comm "sh"): its redirections, not cat's opens. */
	st = sh("echo marker-one > /tmp/strace_shell/a && "
		"echo 'comm=sh syscalls=openat,close' > /proc/lego/strace && "
		"echo on > /proc/lego/strace && "
		"cat /tmp/strace_shell/a && "
		"echo off > /proc/lego/strace && "
		"cat /proc/lego/strace");
	lt_check("comm/status", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %x, output: %s",
		 st, out);
	EXPECT_TRUE("comm/cat_output", strstr(out, "marker-one\n") != NULL);
	/* Reading the control file reports the state: off again. */
	EXPECT_TRUE("comm/state_off", strstr(out, "off") != NULL);
	st = sh("cat /proc/lego/trace");
	lt_check("comm/trace_status", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %x", st);
	lt_check("comm/shell_traced",
		 strstr(out, "openat(AT_FDCWD, \"/proc/lego/strace\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3"),
		 "trace: %s", out);
	lt_check("comm/cat_not_traced", !strstr(out, "/tmp/strace_shell/a"), "trace: %s", out);

	/* Every process: cat's open, its error and its close, only while on. */
	st = sh("echo 'comm= syscalls=openat,close' > /proc/lego/strace && "
		"echo on > /proc/lego/strace && "
		"cat /tmp/strace_shell/a && cat /tmp/strace_shell/nope 2>/dev/null; "
		"echo off > /proc/lego/strace && "
		"cat /tmp/strace_shell/a");
	lt_check("all/status", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %x, output: %s",
		 st, out);
	lt_check("all/cat_output", count(out, "marker-one\n") == 2, "output: %s", out);
	st = sh("cat /proc/lego/trace");
	lt_check("all/open_ok",
		 count(out, "openat(AT_FDCWD, \"/tmp/strace_shell/a\", O_RDONLY) = 3") == 1,
		 "trace: %s", out);
	EXPECT_TRUE("all/open_enoent",
		    strstr(out, "openat(AT_FDCWD, \"/tmp/strace_shell/nope\", O_RDONLY) = "
				"-1 ENOENT (No such file or directory)") != NULL);
	EXPECT_TRUE("all/close", strstr(out, "close(3) = 0") != NULL);
	return lt_done();
}
