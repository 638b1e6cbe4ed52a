// SPDX-License-Identifier: GPL-2.0
/*
 * Network devices and EtherType dispatch (include/lego/netdevice.h).
 * Each device has a receive thread that sleeps until the driver's
 * interrupt says frames are waiting, or, for a device without one, wakes
 * every tick to look.
 */
#include <lego/kernel.h>
#include <lego/netdevice.h>
#include <lego/sched.h>
#include <lego/spinlock.h>
#include <lego/vsprintf.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/errno.h>

#define MAX_PACKET_TYPES	4
#define POLL_INTERVAL_NS	(NSEC_PER_SEC / CONFIG_HZ)

static const struct packet_type *packet_types[MAX_PACKET_TYPES];
static struct net_device *default_dev;
static DEFINE_SPINLOCK(dev_lock);
static int nr_devs;

void dev_add_pack(const struct packet_type *pt)
{
	unsigned long flags = spin_lock_irqsave(&dev_lock);
	int i;

	for (i = 0; i < MAX_PACKET_TYPES; i++) {
		if (!packet_types[i]) {
			smp_store_release(&packet_types[i], pt);
			break;
		}
	}
	spin_unlock_irqrestore(&dev_lock, flags);
	WARN(i == MAX_PACKET_TYPES, "dev_add_pack: no room for EtherType %#x", pt->type);
}

void netif_receive(struct net_device *dev, const u8 *frame, size_t len)
{
	const struct packet_type *pt;
	u16 type;
	int i;

	if (len < ETH_HLEN) {
		dev->rx_dropped++;
		return;
	}
	dev->rx_packets++;
	type = frame[12] << 8 | frame[13];
	for (i = 0; i < MAX_PACKET_TYPES; i++) {
		pt = smp_load_acquire(&packet_types[i]);
		if (pt && pt->type == type) {
			pt->func(dev, frame, len);
			return;
		}
	}
	dev->rx_dropped++;
}

int dev_xmit(struct net_device *dev, const struct net_iov *iov, int n)
{
	int r;

	if (!dev->link_up)
		return -ENETDOWN;
	r = dev->xmit(dev, iov, n);
	if (r)
		__atomic_add_fetch(&dev->tx_dropped, 1, __ATOMIC_RELAXED);
	else
		__atomic_add_fetch(&dev->tx_packets, 1, __ATOMIC_RELAXED);
	return r;
}

void netif_rx_schedule(struct net_device *dev)
{
	WRITE_ONCE(dev->rx_pending, 1);
	wake_up(&dev->rx_wait);
}

static int netrx_thread(void *arg)
{
	struct net_device *dev = arg;

	for (;;) {
		u64 deadline = dev->poll_only ? ktime_get_ns() + POLL_INTERVAL_NS : 0;

		wait_event_interruptible_deadline(dev->rx_wait, READ_ONCE(dev->rx_pending),
						  deadline);
		/* Cleared first: an interrupt during the poll sets it again. */
		WRITE_ONCE(dev->rx_pending, 0);
		smp_mb();
		dev->poll(dev);
	}
	return 0;
}

int register_netdev(struct net_device *dev)
{
	char comm[16];
	unsigned long flags;
	int n;

	flags = spin_lock_irqsave(&dev_lock);
	n = nr_devs++;
	spin_unlock_irqrestore(&dev_lock, flags);
	snprintf(dev->name, sizeof(dev->name), "eth%d", n);
	init_waitqueue_head(&dev->rx_wait);
	snprintf(comm, sizeof(comm), "netrx%d", n);
	dev->rx_thread = kernel_thread(netrx_thread, dev, comm);
	if (!dev->rx_thread)
		return -ENOMEM;
	pr_info("net: %s: %02x:%02x:%02x:%02x:%02x:%02x, link %s%s\n", dev->name,
		dev->mac[0], dev->mac[1], dev->mac[2], dev->mac[3], dev->mac[4],
		dev->mac[5], dev->link_up ? "up" : "down",
		dev->poll_only ? ", polled" : "");
	flags = spin_lock_irqsave(&dev_lock);
	if (!default_dev)
		smp_store_release(&default_dev, dev);
	spin_unlock_irqrestore(&dev_lock, flags);
	return 0;
}

struct net_device *netdev_default(void)
{
	return smp_load_acquire(&default_dev);
}
