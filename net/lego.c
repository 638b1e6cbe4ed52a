// SPDX-License-Identifier: GPL-2.0
/*
 * Roles: what this kernel is in a Lego cluster, and who its peers are.
 *
 *	lego.role=processor|memory|storage   (default: CONFIG_LEGO_ROLE_*)
 *	lego.node=N                          this node's id, 1..63
 *	lego.peers=ITEM[,ITEM...]            ITEM is ROLE:N, ROLE:N@MAC or N@MAC
 *
 * e.g. lego.node=1 lego.peers=memory:2,storage:3@52:54:00:4c:00:03.  A
 * peer given with its MAC is always sent to there; one without is sent
 * to by broadcast until its first frame tells us where it is (on a
 * point-to-point link, as QEMU's -netdev dgram, that is enough).
 *
 * A processor with no memory or storage peer does that work itself: the
 * default, unchanged single-machine Lego.  A memory or storage component
 * runs no user program: it serves requests until it is switched off.
 */
#include <lego/kernel.h>
#include <lego/rpc.h>
#include <lego/netdevice.h>
#include <lego/cmdline.h>
#include <lego/string.h>
#include <lego/vsprintf.h>
#include <lego/errno.h>
#include <lego/fs.h>
#include <lego/time.h>
#include "lego_services.h"

#ifdef CONFIG_LEGO_ROLE_DEFAULT_MEMORY
static enum lego_role lego_role = LEGO_ROLE_MEMORY;
#elif defined(CONFIG_LEGO_ROLE_DEFAULT_STORAGE)
static enum lego_role lego_role = LEGO_ROLE_STORAGE;
#else
static enum lego_role lego_role = LEGO_ROLE_PROCESSOR;
#endif

static int node_id = CONFIG_LEGO_NODE_ID;
static int memory_node, storage_node;

static const char *const role_names[] = {
	[LEGO_ROLE_PROCESSOR] = "processor",
	[LEGO_ROLE_MEMORY] = "memory",
	[LEGO_ROLE_STORAGE] = "storage",
};

const char *lego_role_name(enum lego_role role)
{
	return role < ARRAY_SIZE(role_names) ? role_names[role] : "?";
}

enum lego_role lego_current_role(void)
{
	return lego_role;
}

int lego_node_id(void)
{
	return node_id;
}

int lego_memory_node(void)
{
	return memory_node;
}

int lego_storage_node(void)
{
	return storage_node;
}

static int parse_role(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(role_names); i++)
		if (strlen(role_names[i]) == n && !strncmp(s, role_names[i], n))
			return i;
	return -EINVAL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* "52:54:00:4c:00:03" (exactly), into mac. */
static bool parse_mac(const char *s, size_t n, u8 *mac)
{
	int i, hi, lo;

	if (n != 17)
		return false;
	for (i = 0; i < ETH_ALEN; i++) {
		hi = hexval(s[3 * i]);
		lo = hexval(s[3 * i + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && s[3 * i + 2] != ':'))
			return false;
		mac[i] = hi << 4 | lo;
	}
	return true;
}

/* A node id of n decimal digits at s, or -EINVAL. */
static int parse_node(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	if (!n || n > 2)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + s[i] - '0';
	}
	return v >= 1 && v < RPC_MAX_NODES ? v : -EINVAL;
}

/* One ITEM of lego.peers= (n bytes at s). */
static int parse_peer(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n), *at = memchr(s, '@', n);
	const char *num = s;
	size_t num_len;
	int role = -1, node;
	u8 mac[ETH_ALEN];

	/* ROLE: comes first, and a MAC's colons come after '@'. */
	if (colon && (!at || colon < at)) {
		role = parse_role(s, colon - s);
		if (role < 0)
			return role;
		num = colon + 1;
	}
	num_len = (at ? at : s + n) - num;
	node = parse_node(num, num_len);
	if (node < 0)
		return node;
	if (at) {
		if (!parse_mac(at + 1, s + n - at - 1, mac) || (mac[0] & 1))
			return -EINVAL;
		rpc_set_peer_mac(node, mac);
	}
	if (role == LEGO_ROLE_MEMORY && !memory_node)
		memory_node = node;
	else if (role == LEGO_ROLE_STORAGE && !storage_node)
		storage_node = node;
	return 0;
}

static void parse_params(const char *cmdline)
{
	char buf[512];
	const char *p, *end;
	int v;

	if (cmdline_get(cmdline, "lego.role", buf, sizeof(buf))) {
		v = parse_role(buf, strlen(buf));
		if (v < 0)
			pr_warn("lego: unknown lego.role=%s, staying %s\n", buf,
				lego_role_name(lego_role));
		else
			lego_role = v;
	}
	if (cmdline_get(cmdline, "lego.node", buf, sizeof(buf))) {
		v = parse_node(buf, strlen(buf));
		if (v < 0)
			pr_warn("lego: lego.node=%s is not 1..%d, staying %d\n", buf,
				RPC_MAX_NODES - 1, node_id);
		else
			node_id = v;
	}
	if (!cmdline_get(cmdline, "lego.peers", buf, sizeof(buf)))
		return;
	for (p = buf; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		if (end > p && parse_peer(p, end - p))
			pr_warn("lego: lego.peers: cannot use '%.*s'\n", (int)(end - p), p);
	}
}

/*
 * /proc/lego/peers: this node's role and id, then a line per peer the
 * processor uses, "ROLE NODE up US" (an RPC_PING answered in US
 * microseconds, wall clock) or "ROLE NODE down ERRNO" (no answer within
 * a second: -ETIMEDOUT), or "ROLE local" without one.  Reading it is a
 * ping of each peer, so it takes up to a second per peer that is gone.
 */
static ssize_t peers_show(char *buf, size_t size)
{
	static const char *const roles[] = { "memory", "storage" };
	int nodes[] = { memory_node, storage_node }, i;
	size_t len;

	len = scnprintf(buf, size, "role %s\nnode %d\n", lego_role_name(lego_role), node_id);
	for (i = 0; i < ARRAY_SIZE(roles); i++) {
		char echo[8];
		u64 t0 = ktime_get_ns();
		long r;

		if (!nodes[i]) {
			len += scnprintf(buf + len, size - len, "%s local\n", roles[i]);
			continue;
		}
		r = rpc_call(nodes[i], RPC_PING, "peers", 5, echo, sizeof(echo), NSEC_PER_SEC);
		if (r == 5)
			len += scnprintf(buf + len, size - len, "%s %d up %llu us\n", roles[i],
					 nodes[i], (ktime_get_ns() - t0) / NSEC_PER_USEC);
		else
			len += scnprintf(buf + len, size - len, "%s %d down %ld\n", roles[i],
					 nodes[i], r < 0 ? r : -EIO);
	}
	return len;
}

static const struct proc_ops peers_ops = { .show = peers_show };

bool lego_net_init(const char *cmdline)
{
	char mem[16] = "local", sto[16] = "local";
	struct net_device *dev;
	int r;

	parse_params(cmdline);
	r = rpc_init(node_id);
	if (r) {
		pr_err("lego: RPC layer not started (%d): everything stays local\n", r);
		memory_node = storage_node = 0;
		return true;
	}
	/*
	 * A processor whose memory peer is itself (lego.peers=memory:N with
	 * lego.node=N) is its own memory component: its remote memory goes
	 * through the whole protocol, delivered in memory with no device
	 * (the RPC layer's frames to its own node), which is how `make
	 * bench` counts the instructions of a remote page fault without a
	 * network's waits.
	 */
	if (lego_role == LEGO_ROLE_MEMORY ||
	    (lego_role == LEGO_ROLE_PROCESSOR && memory_node && memory_node == node_id))
		mem_server_init();
	/* The same for storage (lego.peers=storage:N): the remote file
	 * system's calls, served by this kernel's lego.storage_root=, which
	 * must not hold the mount (fs/rfs.c) or its calls would call again. */
	if (lego_role == LEGO_ROLE_STORAGE ||
	    (lego_role == LEGO_ROLE_PROCESSOR && storage_node && storage_node == node_id))
		storage_server_init(cmdline);
	if (IS_ENABLED(CONFIG_KTEST))
		rpc_test_init();
	dev = netdev_default();
	if (memory_node)
		snprintf(mem, sizeof(mem), "node %d", memory_node);
	if (storage_node)
		snprintf(sto, sizeof(sto), "node %d", storage_node);
	pr_info("lego: %s component, node %d, %s%s; memory %s, storage %s\n",
		lego_role_name(lego_role), node_id, dev ? "on " : "no network device",
		dev ? dev->name : "", mem, sto);
	if (((memory_node && memory_node != node_id) || (storage_node && storage_node != node_id)) && !dev)
		pr_warn("lego: peers given but no network device: remote calls will fail\n");
	proc_create("lego/peers", 0444, &peers_ops);
	return lego_role == LEGO_ROLE_PROCESSOR;
}
