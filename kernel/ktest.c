// SPDX-License-Identifier: GPL-2.0
/* The in-kernel test runner: see include/lego/ktest.h. */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <lego/cmdline.h>
#include <lego/string.h>
#include <lego/reboot.h>
#include <lego/mm.h>

extern const struct ktest __start_ktest[], __stop_ktest[];

/* Whether suite is in the comma-separated list (or the list is "all"). */
static bool selected(const char *list, const char *suite)
{
	size_t n = strlen(suite);
	const char *p = list;

	if (!strcmp(list, "all"))
		return strncmp(suite, "panic", 5) != 0;
	while (*p) {
		if (!strncmp(p, suite, n) && (p[n] == ',' || !p[n]))
			return true;
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
	}
	return false;
}

void ktest_run(const char *cmdline)
{
	char list[256];
	const struct ktest *t;
	int passed = 0, failed = 0;

	if (!cmdline_get(cmdline, "ktest", list, sizeof(list)) || !list[0])
		return;
	pr_info("ktest: running %s\n", list);
	for (t = __start_ktest; t < __stop_ktest; t++) {
		unsigned long free_before;
		int r;

		if (!selected(list, t->suite))
			continue;
		free_before = nr_free_pages();
		r = t->fn();
		/* A test gives back every page it took (caches aside). */
		if (!r && nr_free_pages() < free_before - 8) {
			printk(KERN_ERR "ktest:   leaked %lu pages\n",
			       free_before - nr_free_pages());
			r = 1;
		}
		if (r) {
			printk(KERN_ERR "ktest: FAIL %s/%s\n", t->suite, t->name);
			failed++;
		} else {
			pr_info("ktest: PASS %s/%s\n", t->suite, t->name);
			passed++;
		}
	}
	pr_info("ktest: %d passed, %d failed\n", passed, failed);
	machine_power_off(failed > 127 ? 127 : failed);
}
