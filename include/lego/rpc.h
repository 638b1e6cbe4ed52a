/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_RPC_H
#define _LEGO_RPC_H

/*
 * Lego's RPC between components (net/lego_rpc.c), on raw Ethernet frames
 * of EtherType 0x88B5.  The wire format is include/uapi/lego/rpc_proto.h;
 * the rules (retransmission, duplicates, failures) are in
 * Documentation/lego/disaggregation.rst.
 */
#include <lego/types.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <uapi/lego/rpc_proto.h>

/* The component this kernel is (lego.role=, CONFIG_LEGO_ROLE_*). */
enum lego_role {
	LEGO_ROLE_PROCESSOR,
	LEGO_ROLE_MEMORY,
	LEGO_ROLE_STORAGE,
};

#ifdef CONFIG_LEGO_RPC
/* What this kernel is (lego.role=, CONFIG_LEGO_ROLE_DEFAULT_*). */
enum lego_role lego_current_role(void);
/* This node's id (lego.node=), and the peers serving memory and storage
 * (lego.peers=); 0 when there is none and the processor does it locally. */
int lego_node_id(void);
int lego_memory_node(void);
int lego_storage_node(void);
const char *lego_role_name(enum lego_role role);
/* From start_kernel: parses lego.*, starts the RPC layer and the role's
 * services.  Whether this kernel runs user programs (the processor). */
bool lego_net_init(const char *cmdline);
#else
static inline enum lego_role lego_current_role(void) { return LEGO_ROLE_PROCESSOR; }
static inline int lego_node_id(void) { return 0; }
static inline int lego_memory_node(void) { return 0; }
static inline int lego_storage_node(void) { return 0; }
static inline bool lego_net_init(const char *cmdline) { return true; }
static inline const char *lego_role_name(enum lego_role role) { return "processor"; }
#endif

#define RPC_DEFAULT_TIMEOUT_NS	(10 * NSEC_PER_SEC)
#define RPC_MAX_TIMEOUT_NS	(120 * NSEC_PER_SEC)

/*
 * Calls the handler of type on node with req (req_len bytes, at most
 * RPC_MAX_MSG) and waits for its reply, copied to resp (resp_max bytes).
 * Returns the reply's length, or:
 *   the handler's own negative errno (-ENOSYS: no handler for type there),
 *   -EMSGSIZE   the request or the reply is too large,
 *   -ETIMEDOUT  no reply by timeout_ns (0: RPC_DEFAULT_TIMEOUT_NS), or the
 *               peer stayed silent through every retransmission,
 *   -EINTR      a signal came first (the request may still have run),
 *   -EHOSTUNREACH  node is not a valid node id,
 *   -ENETDOWN   no network device, or this node has no id.
 * Sleeps: process context only; req and resp are kernel memory.
 */
#ifdef CONFIG_LEGO_RPC
long rpc_call(int node, u16 type, const void *req, size_t req_len,
	      void *resp, size_t resp_max, u64 timeout_ns);
/* The same, but only a fatal signal ends the wait early (-EINTR): for
 * callers that cannot stop halfway, as a page fault. */
long rpc_call_killable(int node, u16 type, const void *req, size_t req_len,
		       void *resp, size_t resp_max, u64 timeout_ns);
#else
static inline long rpc_call(int node, u16 type, const void *req, size_t req_len,
			    void *resp, size_t resp_max, u64 timeout_ns)
{
	return -ENETDOWN;
}
static inline long rpc_call_killable(int node, u16 type, const void *req, size_t req_len,
				     void *resp, size_t resp_max, u64 timeout_ns)
{
	return -ENETDOWN;
}
#endif

/* What a handler gets: the request, and room for its reply. */
struct rpc_request {
	int src;			/* the requesting node */
	u16 type;
	const void *req;
	size_t req_len;
	void *resp;
	size_t resp_max;		/* RPC_MAX_MSG */
};

/*
 * A handler runs in one of the RPC server threads (it may sleep) and
 * returns its reply's length, or a negative errno that the caller's
 * rpc_call() returns.  It runs at most once per call, however often the
 * request is retransmitted.
 */
typedef long (*rpc_handler_t)(struct rpc_request *rq);
int rpc_register_handler(u16 type, rpc_handler_t fn);

/* Counters (struct rpc_stats is in rpc_proto.h), for tests and /proc. */
#ifdef CONFIG_LEGO_RPC
void rpc_get_stats(struct rpc_stats *st);
#else
static inline void rpc_get_stats(struct rpc_stats *st) { }
#endif

/* The transport's own setup (net/lego_rpc.c), from lego_net_init(). */
int rpc_init(int node);
bool rpc_set_peer_mac(int node, const u8 *mac);

#endif /* _LEGO_RPC_H */
