// SPDX-License-Identifier: GPL-2.0
/*
 * RPC services for tests (CONFIG_KTEST), on every node:
 *   RPC_TEST_SLEEP  u32 ms (at most 60000): replies after sleeping, so a
 *                   caller can be kept waiting (ACKs, signals, timeouts);
 *   RPC_TEST_COUNT  replies with how many times it has run, this call
 *                   included: a handler that ran twice for one call
 *                   shows as a gap in a caller's sequence.
 */
#include <lego/kernel.h>
#include <lego/rpc.h>
#include <lego/sched.h>
#include <lego/time.h>
#include "lego_services.h"

static u64 test_count;

static long test_sleep(struct rpc_request *rq)
{
	struct rpc_rbuf r;
	u32 ms;

	rpc_rinit(&r, rq->req, rq->req_len);
	ms = rpc_r32(&r);
	if (!rpc_rdone(&r) || ms > 60000)
		return -EINVAL;
	sleep_until_ns(ktime_get_ns() + ms * NSEC_PER_MSEC);
	return 0;
}

static long test_count_fn(struct rpc_request *rq)
{
	if (rq->req_len)
		return -EINVAL;
	rpc_put64(rq->resp, __atomic_add_fetch(&test_count, 1, __ATOMIC_SEQ_CST));
	return 8;
}

void rpc_test_init(void)
{
	rpc_register_handler(RPC_TEST_SLEEP, test_sleep);
	rpc_register_handler(RPC_TEST_COUNT, test_count_fn);
}
