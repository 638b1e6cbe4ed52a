// SPDX-License-Identifier: GPL-2.0
/* ktests of vsprintf and lists as the kernel builds them. */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <lego/list.h>
#include <lego/string.h>

KTEST(vsprintf, formats)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08lx|%s", -42, 7u, 0xabu, 0x1234UL, "ok");
	KTEST_EXPECT(!strcmp(buf, "-42|    7|ab  |00001234|ok"));
	snprintf(buf, sizeof(buf), "%llu %lld %zu", 18446744073709551615ULL,
		 -9223372036854775807LL - 1, (size_t)3);
	KTEST_EXPECT(!strcmp(buf, "18446744073709551615 -9223372036854775808 3"));
	KTEST_EXPECT(snprintf(buf, 4, "abcdef") == 6 && !strcmp(buf, "abc"));
	KTEST_EXPECT(scnprintf(buf, 4, "abcdef") == 3);
	return 0;
}

KTEST(vsprintf, symbol)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%pS", (void *)ktest_vsprintf_symbol);
	KTEST_EXPECT(!strncmp(buf, "ktest_vsprintf_symbol+0x0/0x", 28));
	return 0;
}

struct item {
	int v;
	struct list_head node;
};

KTEST(list, add_del_iterate)
{
	LIST_HEAD(head);
	struct item a = { 1 }, b = { 2 }, c = { 3 }, *it, *n;
	int sum = 0, order = 0;

	KTEST_EXPECT(list_empty(&head));
	list_add_tail(&a.node, &head);
	list_add_tail(&b.node, &head);
	list_add(&c.node, &head);		/* c, a, b */
	list_for_each_entry(it, &head, node)
		order = order * 10 + it->v;
	KTEST_EXPECT(order == 312);
	list_del(&a.node);
	list_for_each_entry_safe(it, n, &head, node) {
		sum += it->v;
		list_del(&it->node);
	}
	KTEST_EXPECT(sum == 5 && list_empty(&head));
	return 0;
}
