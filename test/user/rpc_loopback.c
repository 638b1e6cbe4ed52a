// The RPC layer on one machine: a node calling itself goes through the
// whole protocol (fragmentation, checksums, reassembly, the server's
// call table and threads, the reply cache) without a network device.
// Payload sizes around the fragment boundaries, the errors of
// include/lego/rpc.h, deadlines, a signal ending a wait, exactly-once
// handlers, and many callers at once on one and two CPUs.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: config=KTEST
// lego-test: cflags=-I../../include
// lego-test: smp=1,2
#ifndef LT_SUITE
#define LT_SUITE "rpc_loopback"
#endif
#include "lego_test.h"
#include "lego_rpc.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SELF	1

static unsigned char req[RPC_MAX_MSG + 1], resp[RPC_MAX_MSG + 1];

static void ping_size(size_t n)
{
	char name[64];
	long r;

	fill_pattern(req, n, n);
	memset(resp, 0xee, n + 1);
	r = rpc_call(SELF, RPC_PING, req, n, resp, sizeof(resp), 0);
	lt_check(lt_cat("ping", (snprintf(name, sizeof(name), "%zu", n), name)),
		 r == (long)n && !memcmp(req, resp, n) && resp[n] == 0xee,
		 "ping of %zu bytes returned %ld, contents %s", n, r,
		 memcmp(req, resp, n) ? "differ" : "equal");
}

/* Children calling at once: each checks its own replies. */
static int hammer(int id, int calls)
{
	static unsigned char q[8000], a[8000];
	int i, bad = 0;

	for (i = 0; i < calls; i++) {
		size_t n = (id * 977 + i * 331) % sizeof(q);

		fill_pattern(q, n, id * 1000 + i);
		if (rpc_call(SELF, RPC_PING, q, n, a, sizeof(a), 0) != (long)n ||
		    memcmp(q, a, n))
			bad++;
	}
	return bad;
}

int main(void)
{
	static const size_t sizes[] = {
		0, 1, RPC_FRAG_PAYLOAD - 1, RPC_FRAG_PAYLOAD, RPC_FRAG_PAYLOAD + 1,
		2 * RPC_FRAG_PAYLOAD, 65536, RPC_MAX_MSG - 1, RPC_MAX_MSG,
	};
	struct rpc_stats st0, st1;
	unsigned long long t0, dt;
	unsigned char b8[8];
	unsigned int ms = 200;
	long r, prev;
	int i, status, bad;
	pid_t kids[4];

	EXPECT_EQ("stats", rpc_stats(&st0), sizeof(st0));
	EXPECT_EQ("stats/node", st0.node, SELF);
	EXPECT_EQ("stats/role-processor", st0.role, 0);
	EXPECT_EQ("stats/no-peers", st0.memory_node + st0.storage_node, 0);

	for (i = 0; i < (int)(sizeof(sizes) / sizeof(sizes[0])); i++)
		ping_size(sizes[i]);

	/* Errors. */
	EXPECT_EQ("request-too-large", rpc_call(SELF, RPC_PING, req, RPC_MAX_MSG + 1,
						resp, sizeof(resp), 0), -EINVAL);
	EXPECT_EQ("reply-too-large", rpc_call(SELF, RPC_PING, req, 3000, resp, 100, 0),
		  -EMSGSIZE);
	EXPECT_EQ("no-handler", rpc_call(SELF, 0x7777, req, 10, resp, 100, 0), -ENOSYS);
	EXPECT_EQ("node-0", rpc_call(0, RPC_PING, req, 1, resp, 1, 0), -EHOSTUNREACH);
	EXPECT_EQ("node-64", rpc_call(RPC_MAX_NODES, RPC_PING, req, 1, resp, 1, 0),
		  -EHOSTUNREACH);
	EXPECT_EQ("no-device", rpc_call(5, RPC_PING, req, 1, resp, 1, 0), -ENETDOWN);
	EXPECT_EQ("bad-args-pointer", lt_syscall1(NR_lego_ktest_rpc_call, 8), -EFAULT);
	EXPECT_EQ("bad-req-pointer", rpc_call(SELF, RPC_PING, (void *)8, 10, resp, 10, 0),
		  -EFAULT);
	EXPECT_EQ("handler-einval", rpc_call(SELF, RPC_TEST_SLEEP, req, 3, resp, 8, 0),
		  -EINVAL);

	/* A handler that takes a while: the caller waits for it... */
	rpc_put32(b8, ms);
	t0 = now_ns();
	r = rpc_call(SELF, RPC_TEST_SLEEP, b8, 4, resp, 8, 0);
	dt = now_ns() - t0;
	EXPECT_EQ("slow-handler", r, 0);
	lt_check("slow-handler/waited", dt >= ms * MS, "returned after %llu ns", dt);
	/* ...until its deadline, ACKed all along, then -ETIMEDOUT. */
	rpc_put32(b8, 3000);
	t0 = now_ns();
	r = rpc_call(SELF, RPC_TEST_SLEEP, b8, 4, resp, 8, 300 * MS);
	dt = now_ns() - t0;
	EXPECT_EQ("deadline", r, -ETIMEDOUT);
	lt_check("deadline/on-time", dt >= 300 * MS && dt < 1500 * MS,
		 "returned after %llu ns", dt);
	/* A signal ends the wait at once. */
	t0 = now_ns();
	r = rpc_call_sig(SELF, RPC_TEST_SLEEP, b8, 4, resp, 8, 0, 100);
	dt = now_ns() - t0;
	EXPECT_EQ("signal", r, -EINTR);
	lt_check("signal/prompt", dt >= 100 * MS && dt < 1000 * MS,
		 "returned after %llu ns", dt);

	/* Every call runs its handler exactly once. */
	bad = 0;
	prev = -1;
	for (i = 0; i < 20; i++) {
		r = rpc_call(SELF, RPC_TEST_COUNT, NULL, 0, b8, 8, 0);
		if (r != 8 || (prev >= 0 && (long)rpc_get64(b8) != prev + 1))
			bad++;
		prev = rpc_get64(b8);
	}
	EXPECT_EQ("exactly-once", bad, 0);

	/* Four processes calling at once. */
	for (i = 0; i < 4; i++) {
		kids[i] = fork();
		if (kids[i] == 0)
			_exit(hammer(i, 60) ? 1 : 0);
	}
	bad = 0;
	for (i = 0; i < 4; i++) {
		if (waitpid(kids[i], &status, 0) != kids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			bad++;
	}
	EXPECT_EQ("concurrent-callers", bad, 0);

	EXPECT_EQ("stats-again", rpc_stats(&st1), sizeof(st1));
	EXPECT_TRUE("stats/calls-counted", st1.calls - st0.calls >= 4 * 60 + 20);
	EXPECT_TRUE("stats/no-bad-frames", st1.bad_frames[RPC_BAD_CRC] == 0 &&
		    st1.bad_frames[RPC_BAD_LENGTH] == 0);
	return lt_done();
}
