/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pure parts of the Lego RPC protocol, shared by the kernel
 * (net/lego_rpc.c), tools/lego-storaged and the host unit tests:
 * reassembly of fragmented messages and the server's table of calls (the
 * duplicate suppression and reply cache).  No locking and no clock here:
 * the caller serialises access and passes the time in.
 */
#ifndef _NET_RPC_CORE_H
#define _NET_RPC_CORE_H

#include <uapi/lego/rpc_proto.h>

/* Memory for buffers and tables, from the environment (kmalloc, malloc). */
void *rpc_core_alloc(size_t n);
void rpc_core_free(void *p);

/* ------------------------------------------------------------ reassembly */
struct rpc_reasm {
	rpc_u8 *buf;		/* total bytes */
	rpc_u32 total;
	rpc_u16 nfrags, nhave;
	rpc_u64 have;		/* bit i: fragment i is in buf */
};

#define RPC_REASM_NEW	0	/* a fragment we lacked */
#define RPC_REASM_DUP	1	/* one we had: ignored */
#define RPC_REASM_DONE	2	/* the last one we lacked */

void rpc_reasm_init(struct rpc_reasm *r, void *buf, rpc_u32 total);
/*
 * Adds the fragment h (already checked by rpc_hdr_decode()) with its
 * payload.  -EINVAL if it belongs to a message of another length (the
 * fragment is not used).
 */
int rpc_reasm_add(struct rpc_reasm *r, const struct rpc_hdr *h, const void *payload);

static inline int rpc_reasm_complete(const struct rpc_reasm *r)
{
	return r->nhave == r->nfrags;
}

/*
 * A whole frame at f (RPC_FRAME_MAX bytes): Ethernet header, the sealed
 * RPC header of h, h->frag_len bytes of payload.  Returns its length.
 */
size_t rpc_frame_build(rpc_u8 *f, const rpc_u8 *dst_mac, const rpc_u8 *src_mac,
		       const struct rpc_hdr *h, const void *payload);

/*
 * Sends a message of len bytes: t holds every header field but the
 * fragment ones, which are filled in for each call of send(arg, t,
 * payload) -- one frame each, in order.
 */
void rpc_send_fragments(struct rpc_hdr *t, const void *msg, rpc_u32 len,
			void (*send)(void *arg, const struct rpc_hdr *h, const void *payload),
			void *arg);

/* ------------------------------------------------------------ server */
enum rpc_srv_state {
	RPC_SRV_RECEIVING,	/* request fragments still missing */
	RPC_SRV_RUNNING,	/* complete, its handler is running */
	RPC_SRV_DONE,		/* replied; the reply is kept for duplicates */
};

/* One call a server has seen, named by (node, epoch, reqid). */
struct rpc_srv_entry {
	rpc_u16 node, type;
	rpc_u32 epoch;
	rpc_u64 reqid;
	rpc_u8 mac[RPC_ETH_ALEN];	/* where replies go */
	rpc_u8 state, in_use;
	int pins;			/* senders using reply: not freed */
	struct rpc_reasm req;		/* the request (buffer owned) */
	rpc_u8 *reply;			/* DONE: the reply (owned) */
	rpc_u32 reply_len;
	rpc_s32 status;
	rpc_u64 touched, last_tx;	/* ns */
	int hnext, lprev, lnext;	/* hash chain, LRU list: slot numbers */
};

struct rpc_srv_table {
	struct rpc_srv_entry *e;
	int nslots, nbuckets;
	int *bucket;
	int free;			/* free slots, chained by hnext */
	int lru_head, lru_tail;		/* least recently used first */
	size_t bytes, max_bytes;	/* request and reply buffers */
	rpc_u64 resend_gap;		/* ns between answers to duplicates */
	unsigned long dups, evictions, drops;
};

/* What the caller does with a request fragment. */
enum rpc_srv_action {
	RPC_ACT_NONE,		/* nothing (more fragments due, or dropped) */
	RPC_ACT_DISPATCH,	/* complete: run its handler, then complete() */
	RPC_ACT_ACK,		/* a duplicate of a running call: send an ACK */
	RPC_ACT_RESEND,		/* a duplicate of a finished call: send reply */
};

int rpc_srv_init(struct rpc_srv_table *t, int nslots, size_t max_bytes,
		 rpc_u64 resend_gap_ns);
void rpc_srv_destroy(struct rpc_srv_table *t);
/*
 * A request fragment h with payload from mac arrived at now.  *ep is the
 * call's entry for DISPATCH (then RUNNING, never freed until complete),
 * ACK and RESEND (pin it with e->pins++ to use the reply after the caller
 * drops its lock).
 */
enum rpc_srv_action rpc_srv_request(struct rpc_srv_table *t, const struct rpc_hdr *h,
				    const void *payload, const rpc_u8 *mac, rpc_u64 now,
				    struct rpc_srv_entry **ep);
/*
 * The handler of e returned status and reply (len bytes): keep a copy for
 * duplicates.  Returns 0, or -ENOMEM when no copy could be kept (the call
 * is forgotten; a duplicate would run again).
 */
int rpc_srv_complete(struct rpc_srv_table *t, struct rpc_srv_entry *e, rpc_s32 status,
		     const void *reply, rpc_u32 len, rpc_u64 now);
/* The client has the reply of h's call: forget it. */
void rpc_srv_reply_acked(struct rpc_srv_table *t, const struct rpc_hdr *h);
/*
 * Forgets finished calls older than done_ttl and incomplete requests
 * older than recv_ttl (ns since last touched).
 */
void rpc_srv_expire(struct rpc_srv_table *t, rpc_u64 now, rpc_u64 done_ttl,
		    rpc_u64 recv_ttl);
/* Entries in use (for tests and statistics). */
int rpc_srv_count(const struct rpc_srv_table *t);

#endif /* _NET_RPC_CORE_H */
