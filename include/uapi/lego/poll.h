/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_POLL_H
#define _UAPI_LEGO_POLL_H

#include <lego/types.h>

/* Event bits (asm-generic/poll.h). */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
#define POLLMSG		0x0400
#define POLLREMOVE	0x1000
#define POLLRDHUP	0x2000

struct pollfd {
	int fd;
	short events;
	short revents;
};
_Static_assert(sizeof(struct pollfd) == 8, "struct pollfd size");
_Static_assert(__builtin_offsetof(struct pollfd, revents) == 6, "revents");

/* select(2)'s descriptor sets: 1024 bits (linux/posix_types.h). */
#define __FD_SETSIZE	1024

#endif /* _UAPI_LEGO_POLL_H */
