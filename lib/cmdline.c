// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel command line parsing, with Linux's rules: words are separated by
 * spaces; double quotes group spaces into a word and are removed; a word
 * "name=value" is a parameter with a value; a bare "--" ends the kernel's
 * part, the rest belongs to init.
 */
#include <lego/types.h>
#include <lego/string.h>
#include <lego/cmdline.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Cuts the next word out of *s in place (quotes removed, NUL-terminated)
 * and advances *s; NULL when none is left.
 */
static char *next_word(char **s)
{
	char *p = *s, *w, *d;
	bool quoted = false;

	while (is_space(*p))
		p++;
	if (!*p)
		return NULL;
	w = d = p;
	for (; *p && (quoted || !is_space(*p)); p++) {
		if (*p == '"')
			quoted = !quoted;
		else
			*d++ = *p;
	}
	*s = *p ? p + 1 : p;
	*d = 0;
	return w;
}

int parse_cmdline(char *buf, int (*cb)(char *param, char *val, void *arg),
		  void *arg, char **after_dashdash)
{
	char *s = buf, *w;
	int r;

	if (after_dashdash)
		*after_dashdash = NULL;
	while ((w = next_word(&s))) {
		char *eq;

		if (!strcmp(w, "--")) {
			if (after_dashdash)
				*after_dashdash = s;
			break;
		}
		eq = strchr(w, '=');
		if (eq)
			*eq = 0;
		r = cb(w, eq ? eq + 1 : NULL, arg);
		if (r)
			return r;
	}
	return 0;
}

int split_args(char *s, char **argv, int max)
{
	int n = 0;
	char *w;

	while (n < max && (w = next_word(&s)))
		argv[n++] = w;
	return n;
}

struct get_arg {
	const char *name;
	char *val;
	size_t len;
	bool found;
};

static int get_cb(char *param, char *val, void *arg)
{
	struct get_arg *g = arg;

	if (!strcmp(param, g->name)) {
		g->found = true;
		strscpy(g->val, val ? val : "", g->len);
	}
	return 0;
}

bool cmdline_get(const char *cmdline, const char *name, char *val, size_t len)
{
	char copy[2048];
	struct get_arg g = { name, val, len, false };

	strscpy(copy, cmdline, sizeof(copy));
	parse_cmdline(copy, get_cb, &g, NULL);
	return g.found;
}
