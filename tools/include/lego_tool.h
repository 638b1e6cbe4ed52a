/* SPDX-License-Identifier: GPL-2.0 */
/* What the Lego network tools share: arguments, stopping on a signal. */
#ifndef LEGO_TOOL_H
#define LEGO_TOOL_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

/* Set by SIGTERM or SIGINT: the main loop ends, the tool says goodbye. */
static volatile sig_atomic_t tool_stop;

static void tool_on_signal(int sig)
{
	tool_stop = 1;
}

static inline void tool_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = tool_on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/*
 * Command lines of "--name VALUE" pairs and "-v": the next option from
 * argv[*i] on (its value in *val), NULL after the last.  "-v" sets
 * *verbose and is skipped; an option without a value calls usage().
 */
static inline const char *tool_next_opt(int argc, char **argv, int *i, const char **val,
					int *verbose, void (*usage)(void))
{
	for (; *i < argc && !strcmp(argv[*i], "-v"); (*i)++)
		*verbose = 1;
	if (*i >= argc)
		return NULL;
	if (*i + 1 >= argc)
		usage();
	*val = argv[*i + 1];
	*i += 2;
	return argv[*i - 2];
}

/* "[ADDR:]PORT" (ADDR an IPv4 address, 127.0.0.1 when left out) into *a. */
static inline int parse_udp_addr(const char *s, struct sockaddr_in *a)
{
	char host[64] = "127.0.0.1";
	const char *colon = strrchr(s, ':');
	char *end;
	long port;

	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	if (colon) {
		if ((size_t)(colon - s) >= sizeof(host))
			return -1;
		memcpy(host, s, colon - s);
		host[colon - s] = 0;
		s = colon + 1;
	}
	port = strtol(s, &end, 10);
	if (*end || port <= 0 || port > 65535 || inet_pton(AF_INET, host, &a->sin_addr) != 1)
		return -1;
	a->sin_port = htons(port);
	return 0;
}

#endif /* LEGO_TOOL_H */
