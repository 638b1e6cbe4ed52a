/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host tests of the RPC code share: the allocation hooks of
 * net/rpc_core.h, and CHECK(name, cond, fmt...) printing "PASS SUITE/name"
 * or "FAIL SUITE/name: why" (define SUITE first).
 */
#ifndef RPC_HOST_TEST_H
#define RPC_HOST_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "rpc_core.h"

static int failures;

static void check(const char *name, int ok, const char *cond, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS " SUITE "/%s\n", name);
		return;
	}
	printf("FAIL " SUITE "/%s: %s (line %d) ", name, cond, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failures++;
}

/* CHECK(name, cond[, fmt, args...]): fmt explains a failure. */
#define CHECK(name, cond, ...) check(name, !!(cond), #cond, __LINE__, "" __VA_ARGS__)

void *rpc_core_alloc(size_t n)
{
	return malloc(n);
}

void rpc_core_free(void *p)
{
	free(p);
}

#endif /* RPC_HOST_TEST_H */
