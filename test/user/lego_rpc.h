/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lego_rpc.h: user-space tests of the RPC layer drive rpc_call() through
 * the Lego-private test syscalls (CONFIG_KTEST; structures in
 * include/uapi/lego/rpc_proto.h, built with -I../../include).
 */
#ifndef LEGO_RPC_TEST_H
#define LEGO_RPC_TEST_H

#include <time.h>
#include <uapi/lego/rpc_proto.h>

#define NR_lego_ktest_rpc_call	1006
#define NR_lego_ktest_rpc_stats	1007
#define MS			1000000ull

/* rpc_call(node, type, ...) with a fake signal after sig_ms (0: none). */
static inline long rpc_call_sig(int node, int type, const void *req, size_t len,
				void *resp, size_t max, unsigned long long timeout_ns,
				unsigned int sig_ms)
{
	struct rpc_ktest_call a = {
		.node = node, .type = type,
		.req = (unsigned long)req, .req_len = len,
		.resp = (unsigned long)resp, .resp_max = max,
		.timeout_ns = timeout_ns, .signal_after_ms = sig_ms,
	};

	return lt_syscall1(NR_lego_ktest_rpc_call, &a);
}

static inline long rpc_call(int node, int type, const void *req, size_t len,
			    void *resp, size_t max, unsigned long long timeout_ns)
{
	return rpc_call_sig(node, type, req, len, resp, max, timeout_ns, 0);
}

static inline long rpc_stats(struct rpc_stats *st)
{
	return lt_syscall2(NR_lego_ktest_rpc_stats, st, sizeof(*st));
}

static inline unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static inline void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 131 + i * 7 + (i >> 8));
}

#endif /* LEGO_RPC_TEST_H */
