// Debian's busybox-static reading /proc and the file systems as its
// users would: ps, free, uptime, top -b -n1, mount, df and ls -l /dev,
// through a pipe; the output must carry what Linux's does.
// lego-test: libc=musl
// lego-test: file=/bin/busybox:/bin/busybox
// lego-test: timeout=180
#define _GNU_SOURCE
#define LT_SUITE "busybox_procps"
#include "lego_test.h"
#include "vfs_util.h"
#include "lego_child.h"
#include <stdio.h>

static char out[65536];

/* Runs busybox with argv; its stdout (and stderr) in out, its status. */
static int run(char *const argv[])
{
	return lt_run_output("/bin/busybox", argv, (char *[]){ "PATH=/bin", "TERM=dumb", NULL },
			     out, sizeof(out));
}

#define RUN(name, ...) ({						\
	int __s = run((char *const[]){ "busybox", __VA_ARGS__, NULL });	\
	lt_check(name, WIFEXITED(__s) && WEXITSTATUS(__s) == 0,	\
		 "status %x, output: %s", __s, out);			\
})

/* The line of out that contains what, or NULL. */
static char *line_with(const char *what)
{
	static char line[512];
	char *p = strstr(out, what), *s, *e;

	if (!p)
		return NULL;
	for (s = p; s > out && s[-1] != '\n'; s--)
		;
	e = strchr(p, '\n');
	if (!e)
		e = p + strlen(p);
	snprintf(line, sizeof(line), "%.*s", (int)(e - s), s);
	return line;
}

int main(void)
{
	char pid[16], *l;
	long total, used, freemem;

	vfs_setup("/tmp/busybox_procps");
	snprintf(pid, sizeof(pid), "%d", getpid());

	if (RUN("ps", "ps")) {
		EXPECT_TRUE("ps/header", strstr(out, "PID") && strstr(out, "COMMAND"));
		l = line_with("/busybox_procps");
		/* No /etc/passwd in the image: users show as numbers. */
		EXPECT_TRUE("ps/self_line", l && strstr(l, pid) && strstr(l, " 0 "));
		l = line_with("busybox ps");
		EXPECT_TRUE("ps/child_line", l != NULL);
	}
	if (RUN("ps_o", "ps", "-o", "pid,ppid,stat,comm")) {
		l = line_with("busybox_procps");
		EXPECT_TRUE("ps_o/self", l && strstr(l, pid));
	}
	/* free and uptime read sysinfo(2), the process engineer's. */
	if (sys1(sysinfo, out) == -ENOSYS)
		skip_note("free");
	else if (RUN("free", "free")) {
		l = line_with("Mem:");
		EXPECT_TRUE("free/mem", l && sscanf(l, "Mem: %ld %ld %ld", &total, &used, &freemem) == 3 &&
			    total > 0 && freemem > 0 && used >= 0 && used + freemem <= total);
		EXPECT_TRUE("free/swap", line_with("Swap:") != NULL);
	}
	if (RUN("uptime", "uptime"))
		EXPECT_TRUE("uptime/load", strstr(out, "load average: ") != NULL && strstr(out, " up "));
	if (RUN("top", "top", "-b", "-n", "1")) {
		EXPECT_TRUE("top/mem", strstr(out, "Mem: ") != NULL);
		EXPECT_TRUE("top/cpu", strstr(out, "CPU:") != NULL);
		EXPECT_TRUE("top/load", strstr(out, "Load average: ") != NULL);
		EXPECT_TRUE("top/self", line_with("busybox_procps") != NULL);
	}
	if (RUN("mount", "mount")) {
		EXPECT_TRUE("mount/proc", strstr(out, "proc on /proc type proc (rw") != NULL);
		EXPECT_TRUE("mount/dev", strstr(out, " on /dev type devtmpfs (rw") != NULL);
	}
	mkdir("mnt", 0755);
	if (RUN("mount_tmpfs", "mount", "-t", "tmpfs", "-o", "size=1m", "none",
		"/tmp/busybox_procps/mnt")) {
		RUN("mount_listed", "mount");
		EXPECT_TRUE("mount_tmpfs/listed",
			    strstr(out, "none on /tmp/busybox_procps/mnt type tmpfs (rw") != NULL);
		if (RUN("df", "df", "/tmp/busybox_procps/mnt")) {
			l = line_with("/tmp/busybox_procps/mnt");
			EXPECT_TRUE("df/size", l && sscanf(l, "none %ld %ld %ld", &total, &used,
							  &freemem) == 3 &&
				    total == 1024 && used == 0 && freemem == 1024);
		}
		RUN("umount", "umount", "/tmp/busybox_procps/mnt");
	}
	if (RUN("ls_dev", "ls", "-l", "/dev/null", "/dev/zero")) {
		EXPECT_TRUE("ls/null", strstr(out, "crw-rw-rw-    1 0        0           1,   3 ") != NULL);
		EXPECT_TRUE("ls/zero", strstr(out, "1,   5 ") != NULL);
	}
	if (RUN("cat_pipe", "sh", "-c", "echo hello | cat | wc -c"))
		EXPECT_TRUE("sh/pipeline", strstr(out, "6") != NULL);
	if (RUN("find", "sh", "-c", "mkdir -p t/a/b && touch t/a/b/f t/a/g && find t | sort"))
		EXPECT_EQ("find/tree", strcmp(out, "t\nt/a\nt/a/b\nt/a/b/f\nt/a/g\n"), 0);
	if (RUN("rm_r", "sh", "-c", "rm -r t && ls"))
		EXPECT_TRUE("rm_r/gone", !strstr(out, "t\n") || strstr(out, "mnt"));
	return lt_done();
}
