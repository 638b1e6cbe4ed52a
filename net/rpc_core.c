// SPDX-License-Identifier: GPL-2.0
/*
 * Reassembly and the server's call table of the Lego RPC protocol (see
 * rpc_core.h).  Built into the kernel, tools/lego-storaged and the host
 * unit tests alike, so it uses nothing but rpc_proto.h and the two
 * allocation hooks.
 *
 * The call table is fixed-size: nslots entries, found through a hash of
 * (node, epoch, reqid) with chains of slot numbers, and kept on an LRU
 * list so that a full table gives up its least recently used call that
 * is not running.  Its buffers together stay under max_bytes.
 */
#include "rpc_core.h"

/* ------------------------------------------------------------ reassembly */
void rpc_reasm_init(struct rpc_reasm *r, void *buf, rpc_u32 total)
{
	r->buf = (rpc_u8 *)buf;
	r->total = total;
	r->nfrags = rpc_frag_count(total);
	r->nhave = 0;
	r->have = 0;
}

int rpc_reasm_add(struct rpc_reasm *r, const struct rpc_hdr *h, const void *payload)
{
	rpc_u64 bit;

	if (h->total_len != r->total || h->frag_cnt != r->nfrags ||
	    h->frag_idx >= r->nfrags ||
	    h->frag_len != rpc_frag_len(r->total, h->frag_idx))
		return -EINVAL;
	bit = 1ULL << h->frag_idx;
	if (r->have & bit)
		return RPC_REASM_DUP;
	if (h->frag_len)
		memcpy(r->buf + (size_t)h->frag_idx * RPC_FRAG_PAYLOAD, payload, h->frag_len);
	r->have |= bit;
	r->nhave++;
	return rpc_reasm_complete(r) ? RPC_REASM_DONE : RPC_REASM_NEW;
}

size_t rpc_frame_build(rpc_u8 *f, const rpc_u8 *dst_mac, const rpc_u8 *src_mac,
		       const struct rpc_hdr *h, const void *payload)
{
	memcpy(f, dst_mac, RPC_ETH_ALEN);
	memcpy(f + RPC_ETH_ALEN, src_mac, RPC_ETH_ALEN);
	rpc_put16(f + 12, RPC_ETHERTYPE);
	if (h->frag_len)
		memcpy(f + RPC_ETH_HLEN + RPC_HDR_LEN, payload, h->frag_len);
	rpc_hdr_encode(f + RPC_ETH_HLEN, h, payload);
	return RPC_ETH_HLEN + RPC_HDR_LEN + h->frag_len;
}

void rpc_send_fragments(struct rpc_hdr *t, const void *msg, rpc_u32 len,
			void (*send)(void *arg, const struct rpc_hdr *h, const void *payload),
			void *arg)
{
	unsigned int i;

	t->total_len = len;
	t->frag_cnt = rpc_frag_count(len);
	for (i = 0; i < t->frag_cnt; i++) {
		t->frag_idx = i;
		t->frag_len = rpc_frag_len(len, i);
		send(arg, t, (const rpc_u8 *)msg + (size_t)i * RPC_FRAG_PAYLOAD);
	}
}

/* ------------------------------------------------------------ call table */
static unsigned int srv_hash(const struct rpc_srv_table *t, rpc_u16 node,
			     rpc_u32 epoch, rpc_u64 reqid)
{
	rpc_u64 x = reqid ^ ((rpc_u64)epoch << 16) ^ node;

	/* A 64-bit multiplicative mix (Knuth): the top bits are well spread. */
	x *= 0x9E3779B97F4A7C15ull;
	return (unsigned int)(x >> 40) % t->nbuckets;
}

static void lru_unlink(struct rpc_srv_table *t, int i)
{
	struct rpc_srv_entry *e = &t->e[i];

	if (e->lprev >= 0)
		t->e[e->lprev].lnext = e->lnext;
	else
		t->lru_head = e->lnext;
	if (e->lnext >= 0)
		t->e[e->lnext].lprev = e->lprev;
	else
		t->lru_tail = e->lprev;
	e->lprev = e->lnext = -1;
}

static void lru_add_tail(struct rpc_srv_table *t, int i)
{
	struct rpc_srv_entry *e = &t->e[i];

	e->lprev = t->lru_tail;
	e->lnext = -1;
	if (t->lru_tail >= 0)
		t->e[t->lru_tail].lnext = i;
	else
		t->lru_head = i;
	t->lru_tail = i;
}

int rpc_srv_init(struct rpc_srv_table *t, int nslots, size_t max_bytes,
		 rpc_u64 resend_gap_ns)
{
	int i;

	memset(t, 0, sizeof(*t));
	t->nslots = nslots;
	t->nbuckets = nslots;
	t->e = (struct rpc_srv_entry *)rpc_core_alloc(nslots * sizeof(*t->e));
	t->bucket = (int *)rpc_core_alloc(t->nbuckets * sizeof(int));
	if (!t->e || !t->bucket) {
		rpc_srv_destroy(t);
		return -ENOMEM;
	}
	memset(t->e, 0, nslots * sizeof(*t->e));
	for (i = 0; i < t->nbuckets; i++)
		t->bucket[i] = -1;
	for (i = 0; i < nslots; i++) {
		t->e[i].hnext = i + 1 < nslots ? i + 1 : -1;
		t->e[i].lprev = t->e[i].lnext = -1;
	}
	t->free = nslots ? 0 : -1;
	t->lru_head = t->lru_tail = -1;
	t->max_bytes = max_bytes;
	t->resend_gap = resend_gap_ns;
	return 0;
}

static void entry_free(struct rpc_srv_table *t, int i)
{
	struct rpc_srv_entry *e = &t->e[i];
	int *pp = &t->bucket[srv_hash(t, e->node, e->epoch, e->reqid)];

	while (*pp != i)
		pp = &t->e[*pp].hnext;
	*pp = e->hnext;
	lru_unlink(t, i);
	if (e->req.buf) {
		rpc_core_free(e->req.buf);
		t->bytes -= e->req.total;
	}
	if (e->reply) {
		rpc_core_free(e->reply);
		t->bytes -= e->reply_len;
	}
	memset(e, 0, sizeof(*e));
	e->lprev = e->lnext = -1;
	e->hnext = t->free;
	t->free = i;
}

void rpc_srv_destroy(struct rpc_srv_table *t)
{
	int i;

	if (t->e && t->bucket)
		for (i = 0; i < t->nslots; i++)
			if (t->e[i].in_use)
				entry_free(t, i);
	if (t->e)
		rpc_core_free(t->e);
	if (t->bucket)
		rpc_core_free(t->bucket);
	t->e = NULL;
	t->bucket = NULL;
}

static int evictable(const struct rpc_srv_entry *e)
{
	return e->state != RPC_SRV_RUNNING && !e->pins;
}

/* Frees the least recently used entry that may go; false if none may. */
static int evict_one(struct rpc_srv_table *t)
{
	int i;

	for (i = t->lru_head; i >= 0; i = t->e[i].lnext) {
		if (evictable(&t->e[i])) {
			entry_free(t, i);
			t->evictions++;
			return 1;
		}
	}
	return 0;
}

static struct rpc_srv_entry *srv_find(struct rpc_srv_table *t, rpc_u16 node,
				      rpc_u32 epoch, rpc_u64 reqid)
{
	int i = t->bucket[srv_hash(t, node, epoch, reqid)];

	for (; i >= 0; i = t->e[i].hnext) {
		struct rpc_srv_entry *e = &t->e[i];

		if (e->node == node && e->epoch == epoch && e->reqid == reqid)
			return e;
	}
	return NULL;
}

/* A new RECEIVING entry for the call h names, or NULL if none can be made. */
static struct rpc_srv_entry *srv_insert(struct rpc_srv_table *t, const struct rpc_hdr *h,
					const rpc_u8 *mac, rpc_u64 now)
{
	struct rpc_srv_entry *e;
	unsigned int b;
	void *buf = NULL;
	int i;

	if (h->total_len > t->max_bytes)
		return NULL;
	while (t->bytes + h->total_len > t->max_bytes)
		if (!evict_one(t))
			return NULL;
	if (t->free < 0 && !evict_one(t))
		return NULL;
	if (h->total_len && !(buf = rpc_core_alloc(h->total_len)))
		return NULL;
	i = t->free;
	e = &t->e[i];
	t->free = e->hnext;
	e->in_use = 1;
	e->node = h->src;
	e->epoch = h->epoch;
	e->reqid = h->reqid;
	e->type = h->type;
	memcpy(e->mac, mac, RPC_ETH_ALEN);
	e->state = RPC_SRV_RECEIVING;
	e->pins = 0;
	rpc_reasm_init(&e->req, buf, h->total_len);
	e->reply = NULL;
	e->reply_len = 0;
	e->status = 0;
	e->touched = now;
	e->last_tx = 0;
	t->bytes += h->total_len;
	b = srv_hash(t, h->src, h->epoch, h->reqid);
	e->hnext = t->bucket[b];
	t->bucket[b] = i;
	lru_add_tail(t, i);
	return e;
}

/* Whether a duplicate may be answered now (at most once a resend_gap). */
static int may_answer(struct rpc_srv_table *t, struct rpc_srv_entry *e, rpc_u64 now)
{
	t->dups++;
	if (e->last_tx && now - e->last_tx < t->resend_gap)
		return 0;
	e->last_tx = now;
	return 1;
}

enum rpc_srv_action rpc_srv_request(struct rpc_srv_table *t, const struct rpc_hdr *h,
				    const void *payload, const rpc_u8 *mac, rpc_u64 now,
				    struct rpc_srv_entry **ep)
{
	struct rpc_srv_entry *e = srv_find(t, h->src, h->epoch, h->reqid);
	int r;

	*ep = NULL;
	if (!e) {
		e = srv_insert(t, h, mac, now);
		if (!e) {
			t->drops++;
			return RPC_ACT_NONE;
		}
	} else if (e->type != h->type || e->req.total != h->total_len) {
		/* The same call id with another message: not ours to trust. */
		t->drops++;
		return RPC_ACT_NONE;
	}
	*ep = e;
	e->touched = now;
	lru_unlink(t, e - t->e);
	lru_add_tail(t, e - t->e);
	/* The requester may have moved (a new NIC): answer where it is now. */
	memcpy(e->mac, mac, RPC_ETH_ALEN);
	switch (e->state) {
	case RPC_SRV_RECEIVING:
		r = rpc_reasm_add(&e->req, h, payload);
		if (r == RPC_REASM_DONE) {
			e->state = RPC_SRV_RUNNING;
			e->last_tx = 0;
			return RPC_ACT_DISPATCH;
		}
		return RPC_ACT_NONE;
	case RPC_SRV_RUNNING:
		return may_answer(t, e, now) ? RPC_ACT_ACK : RPC_ACT_NONE;
	default:
		return may_answer(t, e, now) ? RPC_ACT_RESEND : RPC_ACT_NONE;
	}
}

int rpc_srv_complete(struct rpc_srv_table *t, struct rpc_srv_entry *e, rpc_s32 status,
		     const void *reply, rpc_u32 len, rpc_u64 now)
{
	rpc_u8 *copy = NULL;

	if (e->req.buf) {
		rpc_core_free(e->req.buf);
		t->bytes -= e->req.total;
		e->req.buf = NULL;	/* req.total stays: duplicates match it */
	}
	/* Still RUNNING here, so making room cannot evict e itself. */
	if (len) {
		while (t->bytes + len > t->max_bytes)
			if (!evict_one(t))
				break;
		if (t->bytes + len <= t->max_bytes)
			copy = (rpc_u8 *)rpc_core_alloc(len);
		if (!copy) {
			entry_free(t, e - t->e);
			return -ENOMEM;
		}
		memcpy(copy, reply, len);
		t->bytes += len;
	}
	e->reply = copy;
	e->reply_len = len;
	e->state = RPC_SRV_DONE;
	e->status = status;
	e->touched = now;
	e->last_tx = now;
	return 0;
}

void rpc_srv_reply_acked(struct rpc_srv_table *t, const struct rpc_hdr *h)
{
	struct rpc_srv_entry *e = srv_find(t, h->src, h->epoch, h->reqid);

	if (e && e->state == RPC_SRV_DONE && !e->pins)
		entry_free(t, e - t->e);
}

void rpc_srv_expire(struct rpc_srv_table *t, rpc_u64 now, rpc_u64 done_ttl,
		    rpc_u64 recv_ttl)
{
	int i = t->lru_head, next;

	for (; i >= 0; i = next) {
		struct rpc_srv_entry *e = &t->e[i];
		rpc_u64 age = now - e->touched;

		next = e->lnext;
		if (!evictable(e))
			continue;
		if ((e->state == RPC_SRV_DONE && age >= done_ttl) ||
		    (e->state == RPC_SRV_RECEIVING && age >= recv_ttl))
			entry_free(t, i);
	}
}

int rpc_srv_count(const struct rpc_srv_table *t)
{
	int i, n = 0;

	for (i = 0; i < t->nslots; i++)
		n += t->e[i].in_use;
	return n;
}
