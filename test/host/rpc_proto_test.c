// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the Lego RPC wire protocol (include/uapi/lego/
 * rpc_proto.h) and its pure logic (net/rpc_core.c): header encoding and
 * every check of the decoder, CRC-32C, fragment arithmetic, reassembly,
 * the server's duplicate suppression and reply cache, the payload codec.
 * Built with the sanitizers by rpc_proto_test.sh; prints PASS/FAIL lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#define SUITE "host/rpc_proto"
#include "rpc_host_test.h"
#include "storage_proto.h"

static struct rpc_hdr hdr(int kind, rpc_u32 total, int idx)
{
	struct rpc_hdr h = {
		.kind = kind, .type = RPC_PING, .src = 3, .dst = 7,
		.epoch = 0xdeadbeef, .reqid = 0x0102030405060708ull,
		.frag_idx = idx, .frag_cnt = rpc_frag_count(total),
		.frag_len = rpc_frag_len(total, idx), .total_len = total,
		.status = kind == RPC_KIND_REPLY ? -2 : 0,
	};
	return h;
}

/* A frame's RPC part (header + payload) into buf; its length. */
static size_t frame(rpc_u8 *buf, const struct rpc_hdr *h, const rpc_u8 *msg)
{
	const rpc_u8 *pl = msg + (size_t)h->frag_idx * RPC_FRAG_PAYLOAD;

	memcpy(buf + RPC_HDR_LEN, pl, h->frag_len);
	rpc_hdr_encode(buf, h, pl);
	return RPC_HDR_LEN + h->frag_len;
}

int rpc_crc32c_hw;

static void test_crc(void)
{
	CHECK("crc32c/check-value", rpc_crc32c("123456789", 9) == 0xE3069283u);
	CHECK("crc32c/empty", rpc_crc32c("", 0) == 0);
	/* The SSE4.2 instruction the kernel uses agrees, at every length. */
	if (__builtin_cpu_supports("sse4.2")) {
		static rpc_u8 b[3000];
		int n, same = 1;

		for (n = 0; n < (int)sizeof(b); n++)
			b[n] = n * 37 + (n >> 3);
		for (n = 0; n < (int)sizeof(b); n += 7) {
			rpc_u32 sw, hw;

			rpc_crc32c_hw = 0;
			sw = rpc_crc32c(b + (n & 5), n);
			rpc_crc32c_hw = 1;
			hw = rpc_crc32c(b + (n & 5), n);
			same &= sw == hw;
		}
		rpc_crc32c_hw = 1;
		CHECK("crc32c/sse42-check-value", rpc_crc32c("123456789", 9) == 0xE3069283u);
		rpc_crc32c_hw = 0;
		CHECK("crc32c/sse42-equals-table", same);
	}
	/* 32 zero bytes: RFC 3720 B.4's first example. */
	{
		rpc_u8 z[32] = { 0 };
		CHECK("crc32c/rfc3720-zeros", rpc_crc32c(z, 32) == 0x8A9136AAu);
	}
}

static void test_frag_math(void)
{
	CHECK("frag/empty", rpc_frag_count(0) == 1 && rpc_frag_len(0, 0) == 0);
	CHECK("frag/one-byte", rpc_frag_count(1) == 1 && rpc_frag_len(1, 0) == 1);
	CHECK("frag/exact", rpc_frag_count(RPC_FRAG_PAYLOAD) == 1 &&
	      rpc_frag_len(RPC_FRAG_PAYLOAD, 0) == RPC_FRAG_PAYLOAD);
	CHECK("frag/one-over", rpc_frag_count(RPC_FRAG_PAYLOAD + 1) == 2 &&
	      rpc_frag_len(RPC_FRAG_PAYLOAD + 1, 1) == 1);
	CHECK("frag/max", rpc_frag_count(RPC_MAX_MSG) == RPC_MAX_FRAGS &&
	      rpc_frag_len(RPC_MAX_MSG, RPC_MAX_FRAGS - 1) == RPC_FRAG_PAYLOAD);
	CHECK("frag/mtu", RPC_HDR_LEN + RPC_FRAG_PAYLOAD == RPC_ETH_MTU);
}

static void test_roundtrip(void)
{
	static rpc_u8 msg[3000], buf[RPC_ETH_MTU + 64];
	struct rpc_hdr h = hdr(RPC_KIND_REPLY, sizeof(msg), 2), d;
	size_t n;
	int i;

	for (i = 0; i < (int)sizeof(msg); i++)
		msg[i] = i * 7;
	n = frame(buf, &h, msg);
	CHECK("header/decode-ok", rpc_hdr_decode(buf, n, &d) == RPC_OK);
	CHECK("header/fields", d.kind == h.kind && d.type == h.type && d.src == 3 &&
	      d.dst == 7 && d.epoch == 0xdeadbeef && d.reqid == h.reqid &&
	      d.frag_idx == 2 && d.frag_cnt == 3 && d.frag_len == h.frag_len &&
	      d.total_len == sizeof(msg) && d.status == -2);
	CHECK("header/big-endian", buf[0] == 0x4c && buf[1] == 0x47 && buf[16] == 1 &&
	      buf[23] == 8);
	/* Ethernet pads short frames: trailing bytes are not payload. */
	CHECK("header/padding-ignored", rpc_hdr_decode(buf, n + 40, &d) == RPC_OK);
	CHECK("header/truncated", rpc_hdr_decode(buf, n - 1, &d) == RPC_BAD_SHORT);
	CHECK("header/too-short", rpc_hdr_decode(buf, RPC_HDR_LEN - 1, &d) == RPC_BAD_SHORT);
}

/* Re-encodes h with one field changed; the decoder must say why. */
static enum rpc_bad decode_modified(void (*mod)(struct rpc_hdr *), int raw_off, int raw_val)
{
	static rpc_u8 msg[RPC_MAX_MSG + RPC_FRAG_PAYLOAD], buf[RPC_ETH_MTU + 64];
	struct rpc_hdr h = hdr(RPC_KIND_REQUEST, 2000, 0), d;
	rpc_u32 crc;

	if (mod)
		mod(&h);
	memset(buf, 0, sizeof(buf));
	rpc_hdr_encode(buf, &h, msg);
	if (raw_off >= 0) {
		buf[raw_off] = raw_val;
		/* Reseal, so only the field is wrong, not the CRC. */
		buf[40] = buf[41] = buf[42] = buf[43] = 0;
		crc = ~rpc_crc32c_update(rpc_crc32c_update(~0u, buf, RPC_HDR_LEN), msg,
					 h.frag_len);
		rpc_put32(buf + 40, crc);
	}
	return rpc_hdr_decode(buf, RPC_HDR_LEN + RPC_FRAG_PAYLOAD, &d);
}

static void m_kind0(struct rpc_hdr *h) { h->kind = 0; }
static void m_kind5(struct rpc_hdr *h) { h->kind = 5; }
static void m_flags(struct rpc_hdr *h) { h->flags = 1; }
static void m_src0(struct rpc_hdr *h) { h->src = 0; }
static void m_dstbig(struct rpc_hdr *h) { h->dst = RPC_MAX_NODES; }
static void m_total(struct rpc_hdr *h) { h->total_len = RPC_MAX_MSG + 1; h->frag_cnt = 65; }
static void m_cnt(struct rpc_hdr *h) { h->frag_cnt = 3; }
static void m_idx(struct rpc_hdr *h) { h->frag_idx = 2; }
static void m_len(struct rpc_hdr *h) { h->frag_len = 100; }
static void m_ack(struct rpc_hdr *h) { h->kind = RPC_KIND_ACK; }
static void m_ok(struct rpc_hdr *h) { (void)h; }

static void test_decode_checks(void)
{
	CHECK("decode/valid", decode_modified(m_ok, -1, 0) == RPC_OK);
	CHECK("decode/magic", decode_modified(NULL, 0, 0x4d) == RPC_BAD_MAGIC);
	CHECK("decode/version", decode_modified(NULL, 2, 2) == RPC_BAD_MAGIC);
	CHECK("decode/kind-0", decode_modified(m_kind0, -1, 0) == RPC_BAD_FIELD);
	CHECK("decode/kind-5", decode_modified(m_kind5, -1, 0) == RPC_BAD_FIELD);
	CHECK("decode/flags", decode_modified(m_flags, -1, 0) == RPC_BAD_FIELD);
	CHECK("decode/reserved", decode_modified(NULL, 31, 1) == RPC_BAD_FIELD);
	CHECK("decode/src-0", decode_modified(m_src0, -1, 0) == RPC_BAD_FIELD);
	CHECK("decode/dst-range", decode_modified(m_dstbig, -1, 0) == RPC_BAD_FIELD);
	CHECK("decode/total-max", decode_modified(m_total, -1, 0) == RPC_BAD_LENGTH);
	CHECK("decode/count", decode_modified(m_cnt, -1, 0) == RPC_BAD_LENGTH);
	CHECK("decode/index", decode_modified(m_idx, -1, 0) == RPC_BAD_LENGTH);
	CHECK("decode/frag-len", decode_modified(m_len, -1, 0) == RPC_BAD_LENGTH);
	CHECK("decode/ack-with-payload", decode_modified(m_ack, -1, 0) == RPC_BAD_LENGTH);
}

/* Every single-bit error in a frame is caught (CRC-32C's guarantee). */
static void test_bitflips(void)
{
	static rpc_u8 msg[200], buf[RPC_ETH_MTU];
	struct rpc_hdr h = hdr(RPC_KIND_REQUEST, sizeof(msg), 0), d;
	size_t n = frame(buf, &h, msg), bit;
	int missed = 0;

	for (bit = 0; bit < n * 8; bit++) {
		buf[bit / 8] ^= 1 << (bit % 8);
		if (rpc_hdr_decode(buf, n, &d) == RPC_OK)
			missed++;
		buf[bit / 8] ^= 1 << (bit % 8);
	}
	CHECK("decode/every-bit-flip-rejected", missed == 0);
	/* Two flipped bytes, at random places, many times. */
	srand(11);
	for (bit = 0; bit < 20000; bit++) {
		size_t a = rand() % n, b = rand() % n;
		rpc_u8 xa = 1 + rand() % 255, xb = 1 + rand() % 255;

		if (a == b)
			continue;
		buf[a] ^= xa;
		buf[b] ^= xb;
		if (rpc_hdr_decode(buf, n, &d) == RPC_OK)
			missed++;
		buf[a] ^= xa;
		buf[b] ^= xb;
	}
	CHECK("decode/double-corruption-rejected", missed == 0);
}

/* Random garbage never decodes to something inconsistent (ASan watches). */
static void test_fuzz(void)
{
	static rpc_u8 buf[RPC_ETH_MTU];
	struct rpc_hdr d;
	int i, ok = 0, bad = 0;

	srand(5);
	for (i = 0; i < 100000; i++) {
		size_t n = rand() % sizeof(buf), j;

		for (j = 0; j < n; j++)
			buf[j] = rand();
		if (n >= 4 && (i & 1)) {	/* get past the magic check */
			rpc_put16(buf, RPC_MAGIC);
			buf[2] = RPC_VERSION;
			buf[3] = 1 + rand() % 4;
		}
		if (rpc_hdr_decode(buf, n, &d) == RPC_OK) {
			ok++;
			if ((size_t)RPC_HDR_LEN + d.frag_len > n || d.frag_idx >= d.frag_cnt ||
			    d.total_len > RPC_MAX_MSG)
				bad++;
		}
	}
	CHECK("decode/fuzz-consistent", bad == 0 && ok < 5);
}

static void test_reasm(void)
{
	static rpc_u8 msg[RPC_MAX_MSG], out[RPC_MAX_MSG];
	struct rpc_reasm r;
	int order[RPC_MAX_FRAGS], i, n = RPC_MAX_FRAGS, res, dups = 0, done = 0;

	for (i = 0; i < RPC_MAX_MSG; i++)
		msg[i] = rand();
	for (i = 0; i < n; i++)
		order[i] = i;
	srand(3);
	for (i = n - 1; i > 0; i--) {
		int j = rand() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	rpc_reasm_init(&r, out, RPC_MAX_MSG);
	for (i = 0; i < n; i++) {
		struct rpc_hdr h = hdr(RPC_KIND_REPLY, RPC_MAX_MSG, order[i]);

		res = rpc_reasm_add(&r, &h, msg + order[i] * RPC_FRAG_PAYLOAD);
		done += res == RPC_REASM_DONE;
		/* Every other fragment arrives twice. */
		if (i & 1)
			dups += rpc_reasm_add(&r, &h, msg) == RPC_REASM_DUP;
	}
	CHECK("reasm/shuffled-complete", done == 1 && rpc_reasm_complete(&r) &&
	      !memcmp(msg, out, RPC_MAX_MSG));
	CHECK("reasm/duplicates-ignored", dups == n / 2 && !memcmp(msg, out, RPC_MAX_MSG));
	{
		struct rpc_hdr h = hdr(RPC_KIND_REPLY, 5000, 0);

		rpc_reasm_init(&r, out, 4000);
		CHECK("reasm/other-length-refused", rpc_reasm_add(&r, &h, msg) == -EINVAL &&
		      r.nhave == 0);
		h = hdr(RPC_KIND_REPLY, 0, 0);
		rpc_reasm_init(&r, NULL, 0);
		CHECK("reasm/empty-message", rpc_reasm_add(&r, &h, NULL) == RPC_REASM_DONE);
	}
}

static const rpc_u8 mac[6] = { 0x52, 0x54, 0, 0, 0, 1 };

static enum rpc_srv_action feed(struct rpc_srv_table *t, struct rpc_hdr h,
				rpc_u64 now, struct rpc_srv_entry **e)
{
	static rpc_u8 msg[RPC_MAX_MSG];

	return rpc_srv_request(t, &h, msg + h.frag_idx * RPC_FRAG_PAYLOAD, mac, now, e);
}

static void test_server(void)
{
	struct rpc_srv_table t;
	struct rpc_srv_entry *e, *e2;
	struct rpc_hdr h;
	int i, dispatched = 0;
	const rpc_u64 ms = 1000000;

	CHECK("server/init", rpc_srv_init(&t, 8, 1 << 20, 10 * ms) == 0);
	/* A three-fragment request, its middle fragment duplicated. */
	feed(&t, hdr(RPC_KIND_REQUEST, 4000, 1), 1, &e);
	for (i = 0; i < 3; i++)
		dispatched += feed(&t, hdr(RPC_KIND_REQUEST, 4000, i), 2, &e) == RPC_ACT_DISPATCH;
	CHECK("server/dispatch-once", dispatched == 1 && e && e->state == RPC_SRV_RUNNING);
	/* Retransmissions while it runs: one ACK per resend gap. */
	CHECK("server/ack-running", feed(&t, hdr(RPC_KIND_REQUEST, 4000, 0), 3, &e2) == RPC_ACT_ACK);
	CHECK("server/ack-rate-limited",
	      feed(&t, hdr(RPC_KIND_REQUEST, 4000, 2), 4, &e2) == RPC_ACT_NONE &&
	      feed(&t, hdr(RPC_KIND_REQUEST, 4000, 2), 20 * ms, &e2) == RPC_ACT_ACK);
	CHECK("server/complete", rpc_srv_complete(&t, e, -17, "xyz", 3, 21 * ms) == 0 &&
	      e->state == RPC_SRV_DONE && t.bytes == 3);
	/* A retransmission after the reply: the cached reply, never a rerun. */
	CHECK("server/resend-rate-limited",
	      feed(&t, hdr(RPC_KIND_REQUEST, 4000, 0), 22 * ms, &e2) == RPC_ACT_NONE);
	CHECK("server/resend-cached", feed(&t, hdr(RPC_KIND_REQUEST, 4000, 0), 40 * ms, &e2) ==
	      RPC_ACT_RESEND && e2 == e && e->status == -17 && e->reply_len == 3 &&
	      !memcmp(e->reply, "xyz", 3));
	/* The same id with another type or length is not the same call. */
	h = hdr(RPC_KIND_REQUEST, 4000, 0);
	h.type = RPC_MEM_READ;
	CHECK("server/mismatch-dropped", rpc_srv_request(&t, &h, "", mac, 41 * ms, &e2) ==
	      RPC_ACT_NONE && e->state == RPC_SRV_DONE);
	/* Another epoch (the client rebooted) is a new call. */
	h = hdr(RPC_KIND_REQUEST, 0, 0);
	h.epoch++;
	CHECK("server/new-epoch-new-call", rpc_srv_request(&t, &h, "", mac, 42 * ms, &e2) ==
	      RPC_ACT_DISPATCH && e2 != e);
	rpc_srv_complete(&t, e2, 0, NULL, 0, 42 * ms);
	/* The client acknowledged the reply: forgotten. */
	h = hdr(RPC_KIND_REPLY_ACK, 0, 0);
	rpc_srv_reply_acked(&t, &h);
	CHECK("server/reply-ack-frees", rpc_srv_count(&t) == 1 && t.bytes == 0);
	rpc_srv_expire(&t, 50 * ms, 5 * ms, 5 * ms);
	CHECK("server/expire", rpc_srv_count(&t) == 0);

	/* Full table: running calls stay, the least recently used others go. */
	for (i = 0; i < 8; i++) {
		h = hdr(RPC_KIND_REQUEST, 10, 0);
		h.reqid = 100 + i;
		rpc_srv_request(&t, &h, "0123456789", mac, 100 * ms + i, &e);
		if (i < 6)
			rpc_srv_complete(&t, e, 0, "r", 1, 100 * ms + i);
	}
	h = hdr(RPC_KIND_REQUEST, 10, 0);
	h.reqid = 200;
	CHECK("server/evict-lru", rpc_srv_request(&t, &h, "0123456789", mac, 101 * ms, &e) ==
	      RPC_ACT_DISPATCH && t.evictions == 1 && rpc_srv_count(&t) == 8);
	h.reqid = 100;
	CHECK("server/evicted-was-oldest", rpc_srv_request(&t, &h, "0123456789", mac, 102 * ms,
							   &e2) == RPC_ACT_DISPATCH);
	/* Pinned (being resent) and running entries are never evicted. */
	rpc_srv_destroy(&t);

	rpc_srv_init(&t, 2, 1 << 20, 0);
	for (i = 0; i < 2; i++) {
		h = hdr(RPC_KIND_REQUEST, 0, 0);
		h.reqid = i;
		rpc_srv_request(&t, &h, "", mac, 1, &e);
	}
	h.reqid = 9;
	CHECK("server/running-never-evicted",
	      rpc_srv_request(&t, &h, "", mac, 2, &e) == RPC_ACT_NONE && t.drops == 1);
	rpc_srv_destroy(&t);

	/* The byte budget: a request larger than it is dropped. */
	rpc_srv_init(&t, 4, 3000, 0);
	CHECK("server/byte-budget",
	      feed(&t, hdr(RPC_KIND_REQUEST, 4000, 0), 1, &e) == RPC_ACT_NONE &&
	      feed(&t, hdr(RPC_KIND_REQUEST, 2000, 0), 1, &e) == RPC_ACT_NONE &&
	      t.bytes == 2000);
	rpc_srv_destroy(&t);
}

static void test_codec(void)
{
	rpc_u8 buf[64];
	char s[16];
	struct rpc_wbuf w;
	struct rpc_rbuf r;
	struct rpc_stat st = { .ino = 1, .mode = 0100644, .size = 1ull << 40,
			       .mtime = -5, .mtime_ns = 7 }, st2;
	static rpc_u8 big[RPC_STAT_LEN];

	rpc_winit(&w, buf, sizeof(buf));
	rpc_w32(&w, 0x11223344);
	rpc_wstr(&w, "a/b");
	rpc_w64(&w, 42);
	CHECK("codec/write", !w.err && w.len == 4 + 2 + 3 + 8);
	rpc_rinit(&r, buf, w.len);
	CHECK("codec/read", rpc_r32(&r) == 0x11223344 && (rpc_rstr(&r, s, sizeof(s)), !strcmp(s, "a/b")) &&
	      rpc_r64(&r) == 42 && rpc_rdone(&r));
	rpc_rinit(&r, buf, w.len - 1);
	rpc_r32(&r);
	rpc_rstr(&r, s, sizeof(s));
	CHECK("codec/short-read", (rpc_r64(&r), r.err) && !rpc_rdone(&r));
	rpc_winit(&w, buf, 5);
	rpc_w32(&w, 1);
	rpc_w16(&w, 1);
	rpc_w8(&w, 1);
	CHECK("codec/overflow-sticky", w.err && w.len == 4);
	/* Strings: no NUL inside, not empty, must fit. */
	memcpy(buf, "\0\3a\0b", 5);
	rpc_rinit(&r, buf, 5);
	rpc_rstr(&r, s, sizeof(s));
	CHECK("codec/str-embedded-nul", r.err);
	memcpy(buf, "\0\0", 2);
	rpc_rinit(&r, buf, 2);
	rpc_rstr(&r, s, sizeof(s));
	CHECK("codec/str-empty", r.err);
	memcpy(buf, "\0\5abcde", 7);
	rpc_rinit(&r, buf, 7);
	rpc_rstr(&r, s, 5);
	CHECK("codec/str-too-long", r.err && s[0] == 0);
	rpc_winit(&w, big, sizeof(big));
	rpc_wstat(&w, &st);
	rpc_rinit(&r, big, w.len);
	rpc_rstat(&r, &st2);
	CHECK("codec/stat", !w.err && w.len == RPC_STAT_LEN && rpc_rdone(&r) &&
	      !memcmp(&st, &st2, sizeof(st)));
}

/* A backend that accepts everything: the dispatcher's checks are on trial. */
static long f_handle(void *c, int n, rpc_u64 h) { return 0; }
static long f_path(void *c, int n, const char *p) { return 0; }
static long f_path_mode(void *c, int n, const char *p, rpc_u32 m) { return 0; }
static long f_rename(void *c, int n, const char *a, const char *b) { return 0; }
static long f_lseek(void *c, int n, rpc_u64 h, rpc_s64 o, rpc_u32 wh, rpc_u64 *pos)
{
	*pos = 0;
	return 0;
}
static long f_stat(void *c, int n, const char *p, int nf, struct rpc_stat *st) { return 0; }
static long f_fstat(void *c, int n, rpc_u64 h, struct rpc_stat *st) { return 0; }
static long f_fsync(void *c, int n, rpc_u64 h, int ds) { return 0; }
static long f_truncate(void *c, int n, const char *p, rpc_u64 l) { return 0; }
static long f_ftruncate(void *c, int n, rpc_u64 h, rpc_u64 l) { return 0; }
static long f_open(void *c, int n, const char *p, rpc_u32 fl, rpc_u32 m, rpc_u64 *h,
		   struct rpc_stat *st) { *h = 1; return strlen(p) < RPC_PATH_MAX ? 0 : -1; }
static long f_read(void *c, int n, rpc_u64 h, void *b, rpc_u32 cnt, const rpc_u64 *o)
{
	memset(b, 'r', cnt);
	return cnt;
}
static long f_write(void *c, int n, rpc_u64 h, const void *b, rpc_u32 cnt,
		    const rpc_u64 *o) { return cnt; }
static long f_getdents(void *c, int n, rpc_u64 h, rpc_u64 cookie, storage_emit_t emit,
		       void *arg)
{
	int i;

	for (i = 0; i < 1000; i++)
		if (emit(arg, i, i + 1, 8, "an-entry-name"))
			return 1;
	return 0;
}

static void test_storage_dispatch(void)
{
	struct storage_ops ops = {
		.open = f_open, .close = f_handle, .read = f_read, .write = f_write,
		.lseek = f_lseek, .stat = f_stat, .fstat = f_fstat,
		.getdents = f_getdents, .mkdir = f_path_mode, .unlink = f_path,
		.rmdir = f_path, .rename = f_rename, .fsync = f_fsync,
		.truncate = f_truncate, .ftruncate = f_ftruncate,
	};
	static rpc_u8 req[RPC_MAX_MSG], resp[RPC_MAX_MSG];
	struct rpc_wbuf w;
	int t, i, bad = 0, ok = 0;
	long r;

	/* Random requests of every type: answered or refused, in bounds. */
	srand(17);
	for (t = RPC_ST_OPEN; t <= RPC_ST_FTRUNCATE + 1; t++) {
		for (i = 0; i < 3000; i++) {
			size_t n = rand() % (i < 2900 ? 64 : sizeof(req)), j;

			for (j = 0; j < n; j++)
				req[j] = rand() % 4 ? rand() % 8 : rand();
			r = storage_dispatch(&ops, NULL, 1, t, req, n, resp, sizeof(resp));
			if (r > (long)sizeof(resp) || (t > RPC_ST_FTRUNCATE && r != -ENOSYS))
				bad++;
			ok += r >= 0;
		}
	}
	CHECK("storage/fuzz-in-bounds", bad == 0 && ok > 0);
	/* Exact decoding: a READ of 10 bytes, a GETDENTS cut at max bytes. */
	rpc_winit(&w, req, sizeof(req));
	rpc_w64(&w, 1);
	rpc_w32(&w, 10);
	CHECK("storage/read", storage_dispatch(&ops, NULL, 1, RPC_ST_READ, req, w.len, resp,
					       sizeof(resp)) == 10);
	rpc_w8(&w, 0);
	CHECK("storage/trailing-byte", storage_dispatch(&ops, NULL, 1, RPC_ST_READ, req, w.len,
							resp, sizeof(resp)) == -EINVAL);
	rpc_winit(&w, req, sizeof(req));
	rpc_w64(&w, 1);
	rpc_w64(&w, 0);
	rpc_w32(&w, 100);
	r = storage_dispatch(&ops, NULL, 1, RPC_ST_GETDENTS, req, w.len, resp, sizeof(resp));
	CHECK("storage/getdents-max", r == 3 * (RPC_DIRENT_FIXED + 13));
	rpc_winit(&w, req, sizeof(req));
	rpc_w64(&w, 1);
	rpc_w64(&w, 0);
	rpc_w32(&w, 20);
	CHECK("storage/getdents-too-small", storage_dispatch(&ops, NULL, 1, RPC_ST_GETDENTS, req,
							     w.len, resp, sizeof(resp)) == -EINVAL);
	rpc_winit(&w, req, sizeof(req));
	rpc_w64(&w, 1);
	rpc_w64(&w, 1ull << 63);
	rpc_w32(&w, 1);
	CHECK("storage/offset-over-max", storage_dispatch(&ops, NULL, 1, RPC_ST_PREAD, req,
							  w.len, resp, sizeof(resp)) == -EINVAL);
	CHECK("storage/no-backend", storage_dispatch(NULL, NULL, 1, RPC_ST_READ, req, w.len,
						     resp, sizeof(resp)) == -ENOSYS);
}

int main(void)
{
	test_crc();
	test_frag_math();
	test_roundtrip();
	test_decode_checks();
	test_bitflips();
	test_fuzz();
	test_reasm();
	test_server();
	test_codec();
	test_storage_dispatch();
	return failures != 0;
}
