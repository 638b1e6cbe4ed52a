// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of tools/lego-storaged, speaking the RPC protocol to it over
 * loopback UDP as a Lego VM would (no QEMU): path safety (every way out
 * of the served directory), hostile and malformed frames, duplicate
 * suppression and the reply cache, fragments out of order.
 *
 *   storaged_test PORT DAEMON_PORT ROOT OUTSIDE
 *
 * storaged_test.sh sets up ROOT and OUTSIDE (a directory beside it that
 * must stay untouched) and runs the daemon.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#define SUITE "host/storaged"
#include "rpc_host_test.h"

static int sock;
static struct sockaddr_in daemon_addr;
static const rpc_u8 daemon_mac[6] = { 0x52, 0x54, 0x00, 0x4c, 0x00, 0x03 };
static const rpc_u8 my_mac[6] = { 0x52, 0x54, 0x00, 0x4c, 0x00, 0x01 };
static rpc_u64 next_id = 1;
static const rpc_u32 epoch = 0x5eed;
static rpc_u8 reply[RPC_MAX_MSG];
static const char *root, *outside;

static void raw_send(const void *f, size_t n)
{
	sendto(sock, f, n, 0, (struct sockaddr *)&daemon_addr, sizeof(daemon_addr));
}

static void send_frag(void *arg, const struct rpc_hdr *h, const void *payload)
{
	rpc_u8 f[RPC_FRAME_MAX];

	raw_send(f, rpc_frame_build(f, daemon_mac, my_mac, h, payload));
}

/* Waits up to ms for the reply of reqid; its status or length, -ETIMEDOUT. */
static long wait_reply(rpc_u64 reqid, int ms)
{
	struct rpc_reasm r = { 0 };
	int started = 0;
	long status = 0;

	for (;;) {
		struct pollfd p = { .fd = sock, .events = POLLIN };
		rpc_u8 f[RPC_FRAME_MAX + 64];
		struct rpc_hdr h;
		ssize_t n;

		if (poll(&p, 1, ms) <= 0)
			return -ETIMEDOUT;
		n = recv(sock, f, sizeof(f), 0);
		if (n < RPC_ETH_HLEN || rpc_hdr_decode(f + RPC_ETH_HLEN, n - RPC_ETH_HLEN, &h) ||
		    h.kind != RPC_KIND_REPLY || h.reqid != reqid || h.epoch != epoch)
			continue;
		if (!started) {
			started = 1;
			status = h.status;
			rpc_reasm_init(&r, reply, h.total_len);
		}
		if (rpc_reasm_add(&r, &h, f + RPC_ETH_HLEN + RPC_HDR_LEN) == RPC_REASM_DONE)
			return status < 0 ? status : (long)r.total;
	}
}

/* One call with request id reqid (0: a fresh one); three tries. */
static long call_id(rpc_u64 reqid, rpc_u16 type, const void *req, rpc_u32 len)
{
	struct rpc_hdr t = { .kind = RPC_KIND_REQUEST, .type = type, .src = 1, .dst = 3,
			     .epoch = epoch };
	long r = -ETIMEDOUT;
	int i;

	t.reqid = reqid ? reqid : next_id++;
	for (i = 0; i < 3 && r == -ETIMEDOUT; i++) {
		rpc_send_fragments(&t, req, len, send_frag, NULL);
		r = wait_reply(t.reqid, 2000);
	}
	return r;
}

static long call(rpc_u16 type, struct rpc_wbuf *w)
{
	return call_id(0, type, w->p, w->len);
}

static rpc_u8 wb[RPC_MAX_MSG];

static long st_stat(const char *path, int nofollow, struct rpc_stat *st)
{
	struct rpc_wbuf w;
	struct rpc_rbuf r;
	long ret;

	rpc_winit(&w, wb, sizeof(wb));
	rpc_w32(&w, nofollow);
	rpc_wstr(&w, path);
	ret = call(RPC_ST_STAT, &w);
	if (ret >= 0 && st) {
		rpc_rinit(&r, reply, ret);
		rpc_rstat(&r, st);
		ret = rpc_rdone(&r) ? 0 : -999;
	}
	return ret < 0 ? ret : 0;
}

static long st_open(const char *path, rpc_u32 flags, rpc_u32 mode)
{
	struct rpc_wbuf w;

	rpc_winit(&w, wb, sizeof(wb));
	rpc_w32(&w, flags);
	rpc_w32(&w, mode);
	rpc_wstr(&w, path);
	return call(RPC_ST_OPEN, &w);
}

static long st_path(rpc_u16 type, const char *a, const char *b)
{
	struct rpc_wbuf w;

	rpc_winit(&w, wb, sizeof(wb));
	if (type == RPC_ST_MKDIR || type == RPC_ST_RENAME)
		rpc_w32(&w, type == RPC_ST_MKDIR ? 0755 : 0);
	rpc_wstr(&w, a);
	if (b)
		rpc_wstr(&w, b);
	return call(type, &w);
}

static int exists_at(const char *dir, const char *name)
{
	char p[4096];
	struct stat st;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return lstat(p, &st) == 0;
}

static void test_paths(void)
{
	struct rpc_stat st, st2;
	char longname[300], path[5000];

	CHECK("stat-root", st_stat("/", 0, &st) == 0 && S_ISDIR(st.mode));
	CHECK("dotdot-clamped", st_stat("../../..", 0, &st2) == 0 && st2.ino == st.ino);
	CHECK("dotdot-escape", st_stat("../outside/secret", 0, NULL) == -ENOENT);
	CHECK("deep-dotdot-escape", st_stat("deep/a/../../../outside/secret", 0, NULL) ==
	      -ENOENT);
	CHECK("relative-link-escape", st_stat("up/secret", 0, NULL) == -ENOENT);
	CHECK("absolute-link-is-root", st_stat("abs/host.txt", 0, &st) == 0 && st.size == 6);
	CHECK("chained-link-escape", st_stat("chain/secret", 0, NULL) == -ENOENT);
	CHECK("link-loop", st_stat("loop1", 0, NULL) == -ELOOP);
	CHECK("link-not-followed", st_stat("loop1", 1, &st) == 0 && S_ISLNK(st.mode));
	CHECK("create-through-link", st_open("up/new", O_CREAT | O_WRONLY, 0644) == -ENOENT &&
	      !exists_at(outside, "new"));
	CHECK("create-dangling-abs-link", st_open("dangling", O_CREAT | O_WRONLY, 0644) >= 0 &&
	      exists_at(root, "made-by-link") && !exists_at(outside, "made-by-link"));
	CHECK("mkdir-through-abs-link", st_path(RPC_ST_MKDIR, "abs/newdir", NULL) == 0 &&
	      exists_at(root, "newdir"));
	CHECK("rename-out", st_path(RPC_ST_RENAME, "host2.txt", "../escaped.txt") == 0 &&
	      exists_at(root, "escaped.txt") && !exists_at(outside, "escaped.txt"));
	CHECK("unlink-link-itself", st_path(RPC_ST_UNLINK, "up", NULL) == 0 &&
	      !exists_at(root, "up") && exists_at(outside, "secret"));
	CHECK("rmdir-root", st_path(RPC_ST_RMDIR, "/", NULL) == -EINVAL);
	CHECK("rename-root", st_path(RPC_ST_RENAME, "..", "x") == -EBUSY);
	CHECK("open-fifo", st_open("fifo", O_RDONLY, 0) == -EACCES);
	CHECK("open-device", st_open("null", O_RDONLY, 0) == -EACCES ||
	      st_open("null", O_RDONLY, 0) == -ENOENT);
	CHECK("trailing-slash-file", st_stat("host.txt/", 0, NULL) == -ENOTDIR);
	CHECK("trailing-slash-dir", st_stat("deep/", 0, NULL) == 0);
	memset(longname, 'n', 299);
	longname[299] = 0;
	CHECK("name-too-long", st_stat(longname, 0, NULL) == -ENAMETOOLONG);
	/* The longest path the protocol carries, and one byte more. */
	memset(path, 'a', sizeof(path));
	{
		int i;

		for (i = 100; i < RPC_PATH_MAX; i += 101)
			path[i] = '/';
	}
	path[RPC_PATH_MAX - 1] = 0;
	CHECK("path-max", st_stat(path, 0, NULL) == -ENOENT);
	{
		struct rpc_wbuf w;

		rpc_winit(&w, wb, sizeof(wb));
		rpc_w32(&w, 0);
		rpc_w16(&w, RPC_PATH_MAX);
		memset(wb + w.len, 'a', RPC_PATH_MAX);
		w.len += RPC_PATH_MAX;
		CHECK("path-over-max", call(RPC_ST_STAT, &w) == -EINVAL);
	}
	CHECK("outside-untouched", exists_at(outside, "secret") &&
	      !exists_at(outside, "newdir") && !exists_at(outside, "new"));
}

/* Frames no one should send: the daemon drops them and carries on. */
static void test_hostile(void)
{
	static rpc_u8 f[RPC_FRAME_MAX + 100];
	struct rpc_hdr h = { .kind = RPC_KIND_REQUEST, .type = RPC_PING, .src = 1, .dst = 3,
			     .epoch = epoch, .frag_cnt = 1, .frag_len = 10, .total_len = 10 };
	int i;

	srand(7);
	for (i = 0; i < 3000; i++) {
		size_t n = rand() % sizeof(f), j;

		for (j = 0; j < n; j++)
			f[j] = rand();
		if (i & 1) {		/* ours, past the first checks */
			memcpy(f, daemon_mac, 6);
			rpc_put16(f + 12, RPC_ETHERTYPE);
			if (n > 18) {
				rpc_put16(f + 14, RPC_MAGIC);
				f[16] = RPC_VERSION;
			}
		}
		raw_send(f, n);
	}
	/* A well-formed frame with one bit off, and one cut short. */
	memcpy(f, daemon_mac, 6);
	memcpy(f + 6, my_mac, 6);
	rpc_put16(f + 12, RPC_ETHERTYPE);
	h.reqid = next_id++;
	rpc_hdr_encode(f + RPC_ETH_HLEN, &h, "0123456789");
	memcpy(f + RPC_ETH_HLEN + RPC_HDR_LEN, "0123456789", 10);
	f[RPC_ETH_HLEN + RPC_HDR_LEN + 3] ^= 4;
	raw_send(f, RPC_ETH_HLEN + RPC_HDR_LEN + 10);
	CHECK("bad-crc-dropped", wait_reply(h.reqid, 300) == -ETIMEDOUT);
	f[RPC_ETH_HLEN + RPC_HDR_LEN + 3] ^= 4;
	raw_send(f, RPC_ETH_HLEN + RPC_HDR_LEN + 9);
	CHECK("truncated-dropped", wait_reply(h.reqid, 300) == -ETIMEDOUT);
	/* The fragment count lies about the total: refused by the decoder. */
	h.reqid = next_id++;
	h.frag_cnt = 2;
	rpc_hdr_encode(f + RPC_ETH_HLEN, &h, "0123456789");
	raw_send(f, RPC_ETH_HLEN + RPC_HDR_LEN + 10);
	CHECK("lying-count-dropped", wait_reply(h.reqid, 300) == -ETIMEDOUT);
	CHECK("alive-after", call_id(0, RPC_PING, "still here", 10) == 10 &&
	      !memcmp(reply, "still here", 10));
}

static void test_duplicates(void)
{
	struct rpc_hdr ack = { .kind = RPC_KIND_REPLY_ACK, .type = RPC_TEST_COUNT, .src = 1,
			       .dst = 3, .epoch = epoch, .frag_cnt = 1 };
	rpc_u64 id = next_id++, first;
	static rpc_u8 big[RPC_MAX_MSG];
	struct rpc_hdr t;
	int i, same = 1;
	long r;

	r = call_id(id, RPC_TEST_COUNT, NULL, 0);
	first = rpc_get64(reply);
	/* The same call again, later: the kept reply, not a second run. */
	for (i = 0; i < 4; i++) {
		usleep(20000);
		same &= call_id(id, RPC_TEST_COUNT, NULL, 0) == 8 && rpc_get64(reply) == first;
	}
	CHECK("duplicate-gets-kept-reply", r == 8 && same);
	CHECK("next-call-runs", call_id(0, RPC_TEST_COUNT, NULL, 0) == 8 &&
	      rpc_get64(reply) == first + 1);
	/* After the REPLY_ACK the call is forgotten: the id runs again. */
	ack.reqid = id;
	send_frag(NULL, &ack, "");
	usleep(20000);
	CHECK("reply-ack-forgets", call_id(id, RPC_TEST_COUNT, NULL, 0) == 8 &&
	      rpc_get64(reply) == first + 2);

	/* The largest message, fragments last to first, every third twice. */
	for (i = 0; i < RPC_MAX_MSG; i++)
		big[i] = i * 13 + (i >> 9);
	t = (struct rpc_hdr){ .kind = RPC_KIND_REQUEST, .type = RPC_PING, .src = 1, .dst = 3,
			      .epoch = epoch, .reqid = next_id++, .total_len = RPC_MAX_MSG,
			      .frag_cnt = RPC_MAX_FRAGS };
	for (i = RPC_MAX_FRAGS - 1; i >= 0; i--) {
		t.frag_idx = i;
		t.frag_len = rpc_frag_len(RPC_MAX_MSG, i);
		send_frag(NULL, &t, big + i * RPC_FRAG_PAYLOAD);
		if (i % 3 == 0)
			send_frag(NULL, &t, big + i * RPC_FRAG_PAYLOAD);
	}
	r = wait_reply(t.reqid, 3000);
	CHECK("reversed-duplicated-fragments", r == RPC_MAX_MSG && !memcmp(reply, big, r),
	      "ping returned %ld", r);
	CHECK("unknown-type", call_id(0, 0x7777, "x", 1) == -ENOSYS);
	CHECK("test-sleep-acked", call_id(0, RPC_TEST_SLEEP, "\0\0\0\144", 4) == 0);
}

int main(int argc, char **argv)
{
	struct sockaddr_in me = { .sin_family = AF_INET };

	if (argc != 5)
		return 2;
	setvbuf(stdout, NULL, _IOLBF, 0);
	root = argv[3];
	outside = argv[4];
	me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	me.sin_port = htons(atoi(argv[1]));
	daemon_addr = me;
	daemon_addr.sin_port = htons(atoi(argv[2]));
	sock = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &(int){ 4 << 20 }, sizeof(int));
	if (sock < 0 || bind(sock, (struct sockaddr *)&me, sizeof(me)) < 0) {
		perror("bind");
		return 2;
	}
	CHECK("ping", call_id(0, RPC_PING, "hello", 5) == 5, "no answer from the daemon");
	test_paths();
	test_hostile();
	test_duplicates();
	return failures != 0;
}
