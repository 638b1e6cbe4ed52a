/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shell_cases.h: scripted shell sessions whose output must match the
 * expected text byte for byte.  Each case runs `SHELL -c SCRIPT` in a
 * fresh directory with stdout and stderr on one pipe, so the exact text
 * (and the order of the two streams) is what a user at a terminal would
 * see; the case passes when the text and the exit status are both as
 * written.  A mismatch prints the first line that differs.
 */
#ifndef SHELL_CASES_H
#define SHELL_CASES_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "lego_child.h"

struct shell_case {
	const char *name;
	const char *script;
	const char *expected;
	int status;		/* the shell's exit status */
};

/* The first line of got that differs from want, for the failure report. */
static void first_difference(const char *got, const char *want, char *buf, size_t size)
{
	int line = 1;
	const char *g = got, *w = want;

	while (*g && *g == *w) {
		if (*g == '\n')
			line++;
		g++, w++;
	}
	while (g > got && g[-1] != '\n')
		g--, w--;
	snprintf(buf, size, "line %d: expected \"%.*s\", got \"%.*s\"", line,
		 (int)strcspn(w, "\n"), w, (int)strcspn(g, "\n"), g);
}

/*
 * Links for every busybox applet in /bin (busybox --install -s), so a
 * script finds them on PATH as it would on a system with busybox.
 */
static void install_busybox_applets(void)
{
	static char out[4096];
	int st = lt_run_output("/bin/busybox",
			       (char *const[]){ "/bin/busybox", "--install", "-s", "/bin", NULL },
			       (char *const[]){ NULL }, out, sizeof(out));

	lt_check("applets", WIFEXITED(st) && WEXITSTATUS(st) == 0, "busybox --install: %x %s",
		 st, out);
}

static void run_shell_cases(const char *shell, const char *dir,
			    const struct shell_case *c, int n)
{
	static char out[65536];
	static char cmd[8192];
	char diff[512];

	for (int i = 0; i < n; i++, c++) {
		int st;

		snprintf(cmd, sizeof(cmd), "cd %s && mkdir %s && cd %s && %s", dir, c->name,
			 c->name, c->script);
		st = lt_run_output(shell, (char *const[]){ "sh", "-c", cmd, NULL },
				   (char *const[]){ "PATH=/bin:/usr/bin:/sbin:/usr/sbin",
						    "HOME=/", "LC_ALL=C", NULL },
				   out, sizeof(out));
		if (!WIFEXITED(st) || WEXITSTATUS(st) != c->status) {
			lt_check(c->name, 0, "status %x, expected exit %d; output: %s", st,
				 c->status, out);
			continue;
		}
		first_difference(out, c->expected, diff, sizeof(diff));
		lt_check(c->name, !strcmp(out, c->expected), "%s; all of it:\n%s", diff, out);
	}
}

#endif /* SHELL_CASES_H */
