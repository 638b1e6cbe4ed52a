// SPDX-License-Identifier: GPL-2.0
/*
 * lego-netshim: an Ethernet hub for QEMU's -netdev dgram endpoints (and
 * lego-storaged) on loopback UDP, that can be a bad network on purpose.
 *
 *   lego-netshim --port LISTEN=PEER [--port LISTEN=PEER ...]
 *                [--drop PCT] [--dup PCT] [--reorder PCT] [--corrupt PCT]
 *                [--seed N] [-v]
 *
 * Each --port is one hub port: it receives on 127.0.0.1:LISTEN and sends
 * to PEER ([ADDR:]PORT), which is the far end's own UDP port (QEMU's
 * local.port, lego-storaged's --udp).  Every datagram is one Ethernet
 * frame.  A frame goes out of the port where its destination MAC was last
 * seen as a source, or of every other port when the MAC is unknown or a
 * group address -- a learning switch.  On the way each frame is dropped,
 * duplicated, held back behind the next frame (reordered) or has one
 * byte flipped (corrupted) with the given percent probabilities, from a
 * seeded generator, so a run can be repeated.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lego_tool.h"

#define MAX_PORTS	8
#define MAX_MACS	64
#define FRAME_MAX	2048

static struct port {
	int fd;
	struct sockaddr_in peer;
} ports[MAX_PORTS];
static int nports;

static struct {
	unsigned char mac[6];
	int port;
} macs[MAX_MACS];
static int nmacs;

static double p_drop, p_dup, p_reorder, p_corrupt;
static int verbose;
static unsigned long long rng = 88172645463325252ull;
static unsigned long n_in, n_drop, n_dup, n_reorder, n_corrupt;

/* xorshift64: repeatable for a given --seed. */
static double chance(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (rng >> 11) * (1.0 / 9007199254740992.0) * 100.0;
}

static int add_port(const char *spec)
{
	struct sockaddr_in me = { .sin_family = AF_INET };
	char listen[16];
	const char *eq = strchr(spec, '=');
	long lp;

	if (!eq || nports == MAX_PORTS || (size_t)(eq - spec) >= sizeof(listen))
		return -1;
	memcpy(listen, spec, eq - spec);
	listen[eq - spec] = 0;
	lp = strtol(listen, NULL, 10);
	if (lp <= 0 || lp > 65535 || parse_udp_addr(eq + 1, &ports[nports].peer))
		return -1;
	me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	me.sin_port = htons(lp);
	ports[nports].fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (ports[nports].fd < 0 ||
	    bind(ports[nports].fd, (struct sockaddr *)&me, sizeof(me)) < 0) {
		perror("lego-netshim: bind");
		return -1;
	}
	nports++;
	return 0;
}

static void learn(const unsigned char *mac, int port)
{
	int i;

	if (mac[0] & 1)
		return;
	for (i = 0; i < nmacs; i++) {
		if (!memcmp(macs[i].mac, mac, 6)) {
			macs[i].port = port;
			return;
		}
	}
	if (nmacs < MAX_MACS) {
		memcpy(macs[nmacs].mac, mac, 6);
		macs[nmacs++].port = port;
	}
}

static int lookup(const unsigned char *mac)
{
	int i;

	if (mac[0] & 1)
		return -1;
	for (i = 0; i < nmacs; i++)
		if (!memcmp(macs[i].mac, mac, 6))
			return macs[i].port;
	return -1;
}

static void send_out(const unsigned char *f, size_t n, int from)
{
	int to = n >= 6 ? lookup(f) : -1, i;

	for (i = 0; i < nports; i++)
		if (i != from && (to < 0 || to == i))
			sendto(ports[i].fd, f, n, 0, (struct sockaddr *)&ports[i].peer,
			       sizeof(ports[i].peer));
}

/* One frame held back for reordering. */
static unsigned char held[FRAME_MAX];
static size_t held_len;
static int held_from = -1;

static void forward(unsigned char *f, size_t n, int from)
{
	n_in++;
	if (n >= 12)
		learn(f + 6, from);
	if (chance() < p_drop) {
		n_drop++;
		return;
	}
	if (n > 14 && chance() < p_corrupt) {
		f[14 + (rng % (n - 14))] ^= 1 << (rng % 8);
		n_corrupt++;
	}
	if (held_from < 0 && chance() < p_reorder) {
		memcpy(held, f, n);
		held_len = n;
		held_from = from;
		n_reorder++;
		return;
	}
	send_out(f, n, from);
	if (chance() < p_dup) {
		send_out(f, n, from);
		n_dup++;
	}
	if (held_from >= 0) {
		send_out(held, held_len, held_from);
		held_from = -1;
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: lego-netshim --port LISTEN=PEER [--port ...] [--drop PCT] "
		"[--dup PCT] [--reorder PCT] [--corrupt PCT] [--seed N] [-v]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct pollfd pfd[MAX_PORTS];
	static unsigned char f[FRAME_MAX];
	const char *a, *v;
	int i = 1;

	while ((a = tool_next_opt(argc, argv, &i, &v, &verbose, usage))) {
		if (!strcmp(a, "--port")) {
			if (add_port(v))
				usage();
		} else if (!strcmp(a, "--drop")) {
			p_drop = atof(v);
		} else if (!strcmp(a, "--dup")) {
			p_dup = atof(v);
		} else if (!strcmp(a, "--reorder")) {
			p_reorder = atof(v);
		} else if (!strcmp(a, "--corrupt")) {
			p_corrupt = atof(v);
		} else if (!strcmp(a, "--seed")) {
			rng = strtoull(v, NULL, 0) | 1;
		} else {
			usage();
		}
	}
	if (nports < 2)
		usage();
	tool_catch_signals();
	for (i = 0; i < nports; i++) {
		pfd[i].fd = ports[i].fd;
		pfd[i].events = POLLIN;
	}
	fprintf(stderr, "lego-netshim: %d ports, drop %.1f%% dup %.1f%% reorder %.1f%% "
		"corrupt %.1f%%\n", nports, p_drop, p_dup, p_reorder, p_corrupt);
	while (!tool_stop) {
		/* A held frame is not kept back for long on a quiet link. */
		int r = poll(pfd, nports, held_from >= 0 ? 5 : 1000);

		if (r == 0 && held_from >= 0) {
			send_out(held, held_len, held_from);
			held_from = -1;
		}
		for (i = 0; r > 0 && i < nports; i++) {
			ssize_t n;

			if (!(pfd[i].revents & POLLIN))
				continue;
			n = recv(ports[i].fd, f, sizeof(f), 0);
			if (n > 0)
				forward(f, n, i);
		}
	}
	fprintf(stderr, "lego-netshim: %lu frames in, %lu dropped, %lu duplicated, "
		"%lu reordered, %lu corrupted\n", n_in, n_drop, n_dup, n_reorder, n_corrupt);
	return 0;
}
