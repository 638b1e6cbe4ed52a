// SPDX-License-Identifier: GPL-2.0
/*
 * Lego RPC: reliable request/reply calls between components over raw
 * Ethernet frames (include/lego/rpc.h; wire format in
 * include/uapi/lego/rpc_proto.h; rules in
 * Documentation/lego/disaggregation.rst).
 *
 * Client.  rpc_call() gives its call a fresh request id, files it in the
 * pending table, sends every fragment and sleeps.  The receive thread
 * copies reply fragments straight into the caller's buffer (under
 * pending_lock, which the caller also takes to leave the table, so the
 * buffer is never written after rpc_call() returned) and wakes the caller
 * when the last one is in.  Each time the retransmission timer runs out
 * the caller sends the request again and doubles the timer (RTO_INIT up
 * to RTO_MAX); after MAX_SILENT retransmissions without a word from the
 * peer, or at the caller's deadline, the call fails with -ETIMEDOUT.  A
 * server's ACK ("have it, working") counts as a word: a long-running
 * handler is waited for until the deadline.
 *
 * Server.  Request fragments are reassembled in the call table of
 * net/rpc_core.c, keyed by (node, epoch, request id).  A complete request
 * is queued for the server threads, which run its handler, keep the
 * reply in the table and send it.  A retransmitted request gets an ACK
 * while its handler runs and the kept reply afterwards -- the handler
 * never runs twice.  The client's REPLY_ACK frees the kept reply; so does
 * age (REPLY_TTL), or room for newer calls.
 *
 * Locks: pending_lock (client table), srv_lock (server table and work
 * queue), neither held while sending or while a handler runs.  A wait
 * queue's lock nests inside pending_lock.
 */
#include <lego/kernel.h>
#include <lego/rpc.h>
#include <lego/netdevice.h>
#include <lego/sched.h>
#include <lego/spinlock.h>
#include <lego/wait.h>
#include <lego/mm.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <asm/processor.h>
#include "rpc_core.h"

#define RTO_INIT_NS		(30 * NSEC_PER_MSEC)
#define RTO_MAX_NS		(1000 * NSEC_PER_MSEC)
#define MAX_SILENT		8	/* retransmissions with no answer */
#define SRV_SLOTS		512
#define SRV_MAX_BYTES		(8 << 20)
#define SRV_RESEND_GAP_NS	(10 * NSEC_PER_MSEC)
#define REPLY_TTL_NS		(2 * RPC_MAX_TIMEOUT_NS)
#define RECV_TTL_NS		(10 * NSEC_PER_SEC)
#define EXPIRE_EVERY_NS		NSEC_PER_SEC
#define PENDING_BUCKETS		64
#define MAX_HANDLERS		64
#define TX_BUSY_WAIT_NS		(2 * NSEC_PER_MSEC)

static const u8 broadcast_mac[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

int rpc_crc32c_hw;
static int my_node;
static u32 my_epoch;
static u64 next_reqid;
static struct net_device *rpc_dev;

/* Where each node is: a MAC from lego.peers= (fixed) or learned. */
static struct {
	u8 mac[ETH_ALEN];
	bool known, fixed;
} peers[RPC_MAX_NODES];
static DEFINE_SPINLOCK(peer_lock);

static struct rpc_stats stats;
#define STAT_INC(f)	__atomic_add_fetch(&stats.f, 1, __ATOMIC_RELAXED)

/* ------------------------------------------------------------ sending */
/*
 * One frame: the Ethernet and RPC headers, then the payload.  A frame to
 * ourselves is handed straight to the receive path.  A full transmit
 * queue is waited on briefly (the device drains it without us), then the
 * frame is dropped: retransmission covers it.
 */
static void rpc_input(struct net_device *dev, const u8 *frame, size_t len);

static void send_frame(const u8 *dst_mac, const struct rpc_hdr *h, const void *payload)
{
	u8 hdr[ETH_HLEN + RPC_HDR_LEN];
	struct net_iov iov[2] = {
		{ hdr, sizeof(hdr) }, { payload, h->frag_len },
	};
	u64 until = 0;
	int r;

	memcpy(hdr, dst_mac, ETH_ALEN);
	if (rpc_dev)
		memcpy(hdr + ETH_ALEN, rpc_dev->mac, ETH_ALEN);
	else
		memset(hdr + ETH_ALEN, 0, ETH_ALEN);
	hdr[12] = RPC_ETHERTYPE >> 8;
	hdr[13] = RPC_ETHERTYPE & 0xff;
	rpc_hdr_encode(hdr + ETH_HLEN, h, payload);
	STAT_INC(frames_tx);
	if (h->dst == my_node) {
		u8 *f = kmalloc(sizeof(hdr) + h->frag_len, GFP_KERNEL);

		if (f) {
			memcpy(f, hdr, sizeof(hdr));
			memcpy(f + sizeof(hdr), payload, h->frag_len);
			rpc_input(rpc_dev, f, sizeof(hdr) + h->frag_len);
			kfree(f);
		}
		return;
	}
	if (!rpc_dev)
		return;
	while ((r = dev_xmit(rpc_dev, iov, 2)) == -EBUSY) {
		u64 now = ktime_get_ns();

		if (!until)
			until = now + TX_BUSY_WAIT_NS;
		if (now >= until) {
			STAT_INC(tx_busy);
			return;
		}
		cpu_relax();
	}
}

static void send_fragment(void *dst_mac, const struct rpc_hdr *h, const void *payload)
{
	send_frame(dst_mac, h, payload);
}

/* Every fragment of a message of len bytes; *t gives the rest. */
static void send_message(const u8 *dst_mac, struct rpc_hdr *t, const void *msg, u32 len)
{
	rpc_send_fragments(t, msg, len, send_fragment, (void *)dst_mac);
}

/* A zero-length frame of kind about the call h names, back to its sender. */
static void send_control(const u8 *dst_mac, const struct rpc_hdr *h, u8 kind)
{
	struct rpc_hdr a = {
		.kind = kind, .type = h->type, .src = my_node, .dst = h->src,
		.epoch = h->epoch, .reqid = h->reqid, .frag_cnt = 1,
	};

	send_frame(dst_mac, &a, NULL);
}

static void peer_mac(int node, u8 *mac)
{
	unsigned long flags = spin_lock_irqsave(&peer_lock);

	/* Unknown peers are reached by broadcast until they answer. */
	memcpy(mac, peers[node].known ? peers[node].mac : broadcast_mac, ETH_ALEN);
	spin_unlock_irqrestore(&peer_lock, flags);
}

static void learn_mac(int node, const u8 *mac)
{
	unsigned long flags;

	if (mac[0] & 1)		/* a group address is nobody's */
		return;
	flags = spin_lock_irqsave(&peer_lock);
	if (!peers[node].fixed) {
		memcpy(peers[node].mac, mac, ETH_ALEN);
		peers[node].known = true;
	}
	spin_unlock_irqrestore(&peer_lock, flags);
}

bool rpc_set_peer_mac(int node, const u8 *mac)
{
	unsigned long flags;

	if (node <= 0 || node >= RPC_MAX_NODES)
		return false;
	flags = spin_lock_irqsave(&peer_lock);
	memcpy(peers[node].mac, mac, ETH_ALEN);
	peers[node].known = peers[node].fixed = true;
	spin_unlock_irqrestore(&peer_lock, flags);
	return true;
}

/* ------------------------------------------------------------ client */
struct rpc_call {
	struct list_head node;		/* in its pending bucket */
	u64 reqid;
	u16 dst, type;
	u8 *resp;
	size_t resp_max;
	struct rpc_reasm reply;
	bool reply_started, done, heard;
	s32 status;
	struct wait_queue_head wq;
};

static struct list_head pending[PENDING_BUCKETS];
static DEFINE_SPINLOCK(pending_lock);

static struct rpc_call *find_call(u64 reqid)
{
	struct rpc_call *c;

	list_for_each_entry(c, &pending[reqid % PENDING_BUCKETS], node)
		if (c->reqid == reqid)
			return c;
	return NULL;
}

/* A REPLY or ACK frame for one of our calls (receive thread). */
static void client_input(const struct rpc_hdr *h, const u8 *payload, const u8 *src_mac)
{
	unsigned long flags;
	struct rpc_call *c;
	bool ack_reply = false;
	int r;

	if (h->epoch != my_epoch) {	/* for an earlier life of ours */
		STAT_INC(stray_replies);
		return;
	}
	flags = spin_lock_irqsave(&pending_lock);
	c = find_call(h->reqid);
	if (!c || c->dst != h->src || c->type != h->type) {
		spin_unlock_irqrestore(&pending_lock, flags);
		STAT_INC(stray_replies);
		/* A late copy of a reply we have: let the server forget it. */
		if (h->kind == RPC_KIND_REPLY && h->frag_idx == 0 &&
		    h->reqid <= READ_ONCE(next_reqid))
			send_control(src_mac, h, RPC_KIND_REPLY_ACK);
		return;
	}
	c->heard = true;
	if (h->kind == RPC_KIND_ACK || c->done) {
		spin_unlock_irqrestore(&pending_lock, flags);
		return;
	}
	if (!c->reply_started) {
		c->reply_started = true;
		c->status = h->status;
		if (h->total_len > c->resp_max) {
			c->status = -EMSGSIZE;
			c->done = true;
			goto wake;
		}
		rpc_reasm_init(&c->reply, c->resp, h->total_len);
	}
	r = rpc_reasm_add(&c->reply, h, payload);
	if (r == RPC_REASM_DONE)
		c->done = true;
wake:
	if (c->done) {
		wake_up(&c->wq);
		ack_reply = true;
	}
	spin_unlock_irqrestore(&pending_lock, flags);
	if (ack_reply)
		send_control(src_mac, h, RPC_KIND_REPLY_ACK);
}

static long __rpc_call(int node, u16 type, const void *req, size_t req_len,
		       void *resp, size_t resp_max, u64 timeout_ns, unsigned int state)
{
	struct rpc_call c = { .dst = node, .type = type, .resp = resp, .resp_max = resp_max };
	struct rpc_hdr t = { .kind = RPC_KIND_REQUEST, .type = type, .dst = node };
	u64 now = ktime_get_ns(), deadline, rto = RTO_INIT_NS;
	unsigned long flags;
	int silent = 0;
	u8 mac[ETH_ALEN];
	long ret = 0;

	if (!my_node)
		return -ENETDOWN;
	if (node <= 0 || node >= RPC_MAX_NODES)
		return -EHOSTUNREACH;
	if (node != my_node && !rpc_dev)
		return -ENETDOWN;
	if (req_len > RPC_MAX_MSG)
		return -EMSGSIZE;
	if (!timeout_ns)
		timeout_ns = RPC_DEFAULT_TIMEOUT_NS;
	deadline = now + min_t(u64, timeout_ns, RPC_MAX_TIMEOUT_NS);
	STAT_INC(calls);
	init_waitqueue_head(&c.wq);
	t.src = my_node;
	t.epoch = my_epoch;
	flags = spin_lock_irqsave(&pending_lock);
	c.reqid = t.reqid = ++next_reqid;
	list_add_tail(&c.node, &pending[c.reqid % PENDING_BUCKETS]);
	spin_unlock_irqrestore(&pending_lock, flags);

	peer_mac(node, mac);
	send_message(mac, &t, req, req_len);
	for (;;) {
		long r = ___wait_event(c.wq, READ_ONCE(c.done), state,
				       min(now + rto, deadline));

		if (READ_ONCE(c.done))
			break;
		if (r == -ERESTARTSYS) {
			ret = -EINTR;
			break;
		}
		now = ktime_get_ns();
		flags = spin_lock_irqsave(&pending_lock);
		silent = c.heard ? 0 : silent + 1;
		c.heard = false;
		spin_unlock_irqrestore(&pending_lock, flags);
		if (now >= deadline || silent > MAX_SILENT) {
			ret = -ETIMEDOUT;
			break;
		}
		STAT_INC(retransmits);
		peer_mac(node, mac);
		send_message(mac, &t, req, req_len);
		rto = min_t(u64, rto * 2, RTO_MAX_NS);
	}
	flags = spin_lock_irqsave(&pending_lock);
	list_del(&c.node);
	/* A reply that completed meanwhile wins over a timeout or signal. */
	if (c.done)
		ret = c.status < 0 ? c.status : (long)c.reply.total;
	spin_unlock_irqrestore(&pending_lock, flags);
	if (ret == -ETIMEDOUT && !c.done)
		STAT_INC(timeouts);
	else if (ret == -EINTR && !c.done)
		STAT_INC(interrupted);
	if (ret < 0)
		STAT_INC(call_errors);
	return ret;
}

long rpc_call(int node, u16 type, const void *req, size_t req_len,
	      void *resp, size_t resp_max, u64 timeout_ns)
{
	return __rpc_call(node, type, req, req_len, resp, resp_max, timeout_ns,
			  TASK_INTERRUPTIBLE);
}

long rpc_call_killable(int node, u16 type, const void *req, size_t req_len,
		       void *resp, size_t resp_max, u64 timeout_ns)
{
	return __rpc_call(node, type, req, req_len, resp, resp_max, timeout_ns,
			  TASK_KILLABLE);
}

/* ------------------------------------------------------------ server */
static struct rpc_srv_table srv;
static DEFINE_SPINLOCK(srv_lock);
static DECLARE_WAIT_QUEUE_HEAD(work_wait);
/* Calls whose handler is due: at most one slot each, so SRV_SLOTS fit. */
static struct rpc_srv_entry *workq[SRV_SLOTS];
static unsigned int work_head, work_tail;
static u64 last_expire;

static struct {
	u16 type;
	rpc_handler_t fn;
} handlers[MAX_HANDLERS];
static DEFINE_SPINLOCK(handler_lock);

void *rpc_core_alloc(size_t n)
{
	return kmalloc(n, GFP_KERNEL);
}

void rpc_core_free(void *p)
{
	kfree(p);
}

int rpc_register_handler(u16 type, rpc_handler_t fn)
{
	unsigned long flags = spin_lock_irqsave(&handler_lock);
	int i, r = -ENOSPC;

	for (i = 0; i < MAX_HANDLERS; i++) {
		if (handlers[i].fn && handlers[i].type == type) {
			r = -EEXIST;
			break;
		}
		if (!handlers[i].fn) {
			handlers[i].type = type;
			smp_store_release(&handlers[i].fn, fn);
			r = 0;
			break;
		}
	}
	spin_unlock_irqrestore(&handler_lock, flags);
	return r;
}

static rpc_handler_t find_handler(u16 type)
{
	int i;

	for (i = 0; i < MAX_HANDLERS; i++) {
		rpc_handler_t fn = smp_load_acquire(&handlers[i].fn);

		if (!fn)
			break;
		if (handlers[i].type == type)
			return fn;
	}
	return NULL;
}

/* What the reply to e's call is sent with: copied under srv_lock. */
struct reply_to {
	u8 mac[ETH_ALEN];
	struct rpc_hdr h;
};

static void reply_header(const struct rpc_srv_entry *e, struct reply_to *to)
{
	memcpy(to->mac, e->mac, ETH_ALEN);
	memset(&to->h, 0, sizeof(to->h));
	to->h.kind = RPC_KIND_REPLY;
	to->h.type = e->type;
	to->h.src = my_node;
	to->h.dst = e->node;
	to->h.epoch = e->epoch;
	to->h.reqid = e->reqid;
	to->h.status = e->status;
}

static void server_input(const struct rpc_hdr *h, const u8 *payload, const u8 *src_mac)
{
	struct rpc_srv_entry *e;
	enum rpc_srv_action act;
	struct reply_to to;
	unsigned long flags;
	u64 now = ktime_get_ns();

	flags = spin_lock_irqsave(&srv_lock);
	if (now - last_expire > EXPIRE_EVERY_NS) {
		rpc_srv_expire(&srv, now, REPLY_TTL_NS, RECV_TTL_NS);
		last_expire = now;
	}
	act = rpc_srv_request(&srv, h, payload, src_mac, now, &e);
	switch (act) {
	case RPC_ACT_DISPATCH:
		workq[work_tail++ % SRV_SLOTS] = e;
		spin_unlock_irqrestore(&srv_lock, flags);
		wake_up(&work_wait);
		return;
	case RPC_ACT_ACK:
		spin_unlock_irqrestore(&srv_lock, flags);
		STAT_INC(dup_requests);
		send_control(src_mac, h, RPC_KIND_ACK);
		return;
	case RPC_ACT_RESEND:
		e->pins++;
		reply_header(e, &to);
		spin_unlock_irqrestore(&srv_lock, flags);
		STAT_INC(dup_requests);
		send_message(to.mac, &to.h, e->reply, e->reply_len);
		flags = spin_lock_irqsave(&srv_lock);
		e->pins--;
		spin_unlock_irqrestore(&srv_lock, flags);
		return;
	default:
		spin_unlock_irqrestore(&srv_lock, flags);
		return;
	}
}

static void reply_acked(const struct rpc_hdr *h)
{
	unsigned long flags = spin_lock_irqsave(&srv_lock);

	rpc_srv_reply_acked(&srv, h);
	spin_unlock_irqrestore(&srv_lock, flags);
}

static bool work_pending(void)
{
	return READ_ONCE(work_head) != READ_ONCE(work_tail);
}

static int rpc_server_thread(void *arg)
{
	u8 *resp = kmalloc(RPC_MAX_MSG, GFP_KERNEL);

	if (!resp)
		panic("rpc: no memory for a server thread");
	for (;;) {
		struct rpc_request rq = { .resp = resp, .resp_max = RPC_MAX_MSG };
		struct rpc_srv_entry *e = NULL;
		struct reply_to to;
		unsigned long flags;
		rpc_handler_t fn;
		long r;

		wait_event_interruptible(work_wait, work_pending());
		flags = spin_lock_irqsave(&srv_lock);
		if (work_head != work_tail)
			e = workq[work_head++ % SRV_SLOTS];
		spin_unlock_irqrestore(&srv_lock, flags);
		if (!e)
			continue;
		/* A RUNNING entry is ours alone until rpc_srv_complete(). */
		rq.src = e->node;
		rq.type = e->type;
		rq.req = e->req.buf;
		rq.req_len = e->req.total;
		fn = find_handler(e->type);
		r = fn ? fn(&rq) : -ENOSYS;
		if (r > (long)RPC_MAX_MSG)
			r = -EMSGSIZE;
		if (r < -4095)		/* not an errno: a handler bug */
			r = -EIO;
		STAT_INC(served);
		flags = spin_lock_irqsave(&srv_lock);
		/* Copied first: e is gone if there was no room to keep the reply. */
		reply_header(e, &to);
		to.h.status = r < 0 ? r : 0;
		rpc_srv_complete(&srv, e, to.h.status, resp, r < 0 ? 0 : r, ktime_get_ns());
		spin_unlock_irqrestore(&srv_lock, flags);
		send_message(to.mac, &to.h, resp, r < 0 ? 0 : r);
	}
	return 0;
}

/* ------------------------------------------------------------ receiving */
static void rpc_input(struct net_device *dev, const u8 *frame, size_t len)
{
	struct rpc_hdr h;
	enum rpc_bad bad;
	const u8 *payload = frame + ETH_HLEN + RPC_HDR_LEN;

	STAT_INC(frames_rx);
	bad = rpc_hdr_decode(frame + ETH_HLEN, len - ETH_HLEN, &h);
	if (bad) {
		STAT_INC(bad_frames[bad]);
		return;
	}
	if (h.dst != my_node || !my_node) {
		STAT_INC(not_mine);
		return;
	}
	learn_mac(h.src, frame + ETH_ALEN);
	switch (h.kind) {
	case RPC_KIND_REQUEST:
		server_input(&h, payload, frame + ETH_ALEN);
		break;
	case RPC_KIND_REPLY:
	case RPC_KIND_ACK:
		client_input(&h, payload, frame + ETH_ALEN);
		break;
	case RPC_KIND_REPLY_ACK:
		reply_acked(&h);
		break;
	}
}

static const struct packet_type rpc_packet_type = {
	.type = RPC_ETHERTYPE,
	.func = rpc_input,
};

void rpc_get_stats(struct rpc_stats *st)
{
	*st = stats;
}

static long rpc_ping(struct rpc_request *rq)
{
	memcpy(rq->resp, rq->req, rq->req_len);
	return rq->req_len;
}

int rpc_init(int node)
{
	int i;

	for (i = 0; i < PENDING_BUCKETS; i++)
		INIT_LIST_HEAD(&pending[i]);
	rpc_crc32c_hw = !!(boot_cpu_data.cpuid_1_ecx & (1u << 20));	/* SSE4.2 */
	if (rpc_srv_init(&srv, SRV_SLOTS, SRV_MAX_BYTES, SRV_RESEND_GAP_NS))
		return -ENOMEM;
	/* Never 0, so that no frame of ours names "no epoch". */
	do
		my_epoch = get_random_u64();
	while (!my_epoch);
	rpc_dev = netdev_default();
	my_node = node;
	rpc_register_handler(RPC_PING, rpc_ping);
	for (i = 0; i < CONFIG_LEGO_RPC_THREADS; i++)
		if (!kernel_thread(rpc_server_thread, NULL, "rpcd"))
			return -ENOMEM;
	dev_add_pack(&rpc_packet_type);
	return 0;
}
