/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_NETDEVICE_H
#define _LEGO_NETDEVICE_H

/*
 * Network devices (net/dev.c): Ethernet interfaces that send and receive
 * whole frames (destination MAC, source MAC, EtherType, payload; no FCS).
 *
 * Receiving: the driver's interrupt calls netif_rx_schedule(); the
 * device's receive thread ("netrxN") then calls the driver's poll(),
 * which hands each frame to netif_receive(), which calls the handler
 * registered for its EtherType -- in process context, one frame at a
 * time, so handlers may take spinlocks and allocate but should not sleep
 * for long.  Sending: dev_xmit() from any context; it copies the frame,
 * and fails (-EBUSY) rather than waiting when the device has no room, as
 * a NIC drops on a full queue.
 */
#include <lego/types.h>
#include <lego/wait.h>

#define ETH_ALEN	6
#define ETH_HLEN	14
#define ETH_DATA_LEN	1500
#define ETH_FRAME_LEN	(ETH_HLEN + ETH_DATA_LEN)

struct task_struct;

/* A piece of a frame to send: dev_xmit() joins them. */
struct net_iov {
	const void *base;
	size_t len;
};

struct net_device {
	char name[8];
	u8 mac[ETH_ALEN];
	bool link_up;
	bool poll_only;		/* no interrupt: polled every tick */
	int (*xmit)(struct net_device *dev, const struct net_iov *iov, int n);
	void (*poll)(struct net_device *dev);
	void *priv;
	/* net/dev.c's */
	struct wait_queue_head rx_wait;
	int rx_pending;
	struct task_struct *rx_thread;
	unsigned long rx_packets, tx_packets, rx_dropped, tx_dropped;
};

struct packet_type {
	u16 type;		/* EtherType, host order */
	void (*func)(struct net_device *dev, const u8 *frame, size_t len);
};

/* Starts the device's receive thread; the first device is the default. */
int register_netdev(struct net_device *dev);
struct net_device *netdev_default(void);
/* From the driver's interrupt handler: frames are waiting. */
void netif_rx_schedule(struct net_device *dev);
/* From the driver's poll(): one received frame. */
void netif_receive(struct net_device *dev, const u8 *frame, size_t len);
void dev_add_pack(const struct packet_type *pt);
/* 0, -EBUSY (no room now), -EMSGSIZE, -ENETDOWN. */
int dev_xmit(struct net_device *dev, const struct net_iov *iov, int n);

#endif /* _LEGO_NETDEVICE_H */
