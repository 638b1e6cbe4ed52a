// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-net (virtio spec 1.1, 5.1) over the modern PCI transport.
 *
 * Queue 0 receives, queue 1 transmits.  Every buffer is one descriptor:
 * the 12-byte struct virtio_net_hdr (its VERSION_1 layout, num_buffers
 * included) followed by the Ethernet frame.  No offloads are negotiated,
 * so the header is all zero on transmit and ignored on receive, and a
 * 2 KiB receive buffer always holds a whole 1514-byte frame (5.1.6.3.1).
 *
 * The receive ring is kept full: each buffer goes back as soon as its
 * frame has been handed to netif_receive().  Transmit buffers are
 * reclaimed when the device has used them, by the next transmit; the
 * transmit queue raises no interrupt.  MSI-X entry 0 signals received
 * frames, entry 1 configuration changes (link status); without MSI-X the
 * receive thread polls, and reads the link status each time.
 */
#include <lego/kernel.h>
#include <lego/virtio.h>
#include <lego/netdevice.h>
#include <lego/device.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <lego/string.h>
#include <lego/random.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <asm/traps.h>

#define VIRTIO_NET_F_MAC	5
#define VIRTIO_NET_F_STATUS	16
#define VIRTIO_NET_S_LINK_UP	1
/* struct virtio_net_config */
#define VNET_CFG_MAC		0
#define VNET_CFG_STATUS		6

#define VNET_HDR_LEN		12
#define VNET_BUF_SIZE		2048
#define VNET_QUEUE_MAX		256
#define RX_QUEUE		0
#define TX_QUEUE		1

struct vnet {
	struct virtio_device vd;
	struct virtqueue *rx, *tx;
	struct net_device ndev;
	u8 *rx_bufs, *tx_bufs;		/* num * VNET_BUF_SIZE each */
	unsigned int rx_order, tx_order;
	u16 *tx_free;			/* stack of free transmit buffers */
	int tx_nfree;
	spinlock_t tx_lock;
	int vector[2];			/* receive, configuration; -1: none */
	bool has_status;
	int config_changed;
};

static unsigned int bytes_order(size_t bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

static void vnet_update_link(struct vnet *vn)
{
	u8 st[2];

	if (!vn->has_status) {
		vn->ndev.link_up = true;
		return;
	}
	virtio_cfg_read(&vn->vd, VNET_CFG_STATUS, st, 2);
	WRITE_ONCE(vn->ndev.link_up, (st[0] | st[1] << 8) & VIRTIO_NET_S_LINK_UP);
}

/* MSI-X entry 0: frames arrived. */
static void vnet_rx_irq(void *data)
{
	struct vnet *vn = data;

	netif_rx_schedule(&vn->ndev);
}

/* MSI-X entry 1: the configuration changed (the link went up or down). */
static void vnet_config_irq(void *data)
{
	struct vnet *vn = data;

	WRITE_ONCE(vn->config_changed, 1);
	netif_rx_schedule(&vn->ndev);
}

static void rx_refill(struct vnet *vn, u16 i)
{
	virtqueue_add(vn->rx, __pa(vn->rx_bufs + (size_t)i * VNET_BUF_SIZE), VNET_BUF_SIZE,
		      true, (void *)(uintptr_t)(i + 1));
}

/* The receive thread's poll: hand over every used buffer, give it back. */
static void vnet_poll(struct net_device *dev)
{
	struct vnet *vn = dev->priv;
	int n = 0;
	void *tok;
	u32 len;

	if (dev->poll_only || READ_ONCE(vn->config_changed)) {
		WRITE_ONCE(vn->config_changed, 0);
		vnet_update_link(vn);
	}
	while ((tok = virtqueue_get_buf(vn->rx, &len))) {
		u16 i = (uintptr_t)tok - 1;
		u8 *buf = vn->rx_bufs + (size_t)i * VNET_BUF_SIZE;

		/* The device says how much it wrote; never believe more. */
		if (len > VNET_HDR_LEN && len <= VNET_BUF_SIZE)
			netif_receive(dev, buf + VNET_HDR_LEN, len - VNET_HDR_LEN);
		else
			dev->rx_dropped++;
		rx_refill(vn, i);
		n++;
	}
	if (n)
		virtqueue_kick(vn->rx);
}

static void tx_reclaim(struct vnet *vn)
{
	void *tok;
	u32 len;

	while ((tok = virtqueue_get_buf(vn->tx, &len)))
		vn->tx_free[vn->tx_nfree++] = (uintptr_t)tok - 1;
}

static int vnet_xmit(struct net_device *dev, const struct net_iov *iov, int n)
{
	struct vnet *vn = dev->priv;
	unsigned long flags;
	size_t len = VNET_HDR_LEN;
	u8 *buf;
	u16 slot;
	int i;

	for (i = 0; i < n; i++)
		len += iov[i].len;
	if (len > VNET_HDR_LEN + ETH_FRAME_LEN)
		return -EMSGSIZE;
	flags = spin_lock_irqsave(&vn->tx_lock);
	if (!vn->tx_nfree)
		tx_reclaim(vn);
	if (!vn->tx_nfree) {
		spin_unlock_irqrestore(&vn->tx_lock, flags);
		return -EBUSY;
	}
	slot = vn->tx_free[--vn->tx_nfree];
	buf = vn->tx_bufs + (size_t)slot * VNET_BUF_SIZE;
	memset(buf, 0, VNET_HDR_LEN);
	for (len = VNET_HDR_LEN, i = 0; i < n; len += iov[i].len, i++)
		memcpy(buf + len, iov[i].base, iov[i].len);
	virtqueue_add(vn->tx, __pa(buf), len, false, (void *)(uintptr_t)(slot + 1));
	virtqueue_kick(vn->tx);
	spin_unlock_irqrestore(&vn->tx_lock, flags);
	return 0;
}

static void vnet_free_irq(struct vnet *vn)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (vn->vector[i] >= 0)
			irq_free_vector(vn->vector[i]);
		vn->vector[i] = -1;
	}
}

static int vnet_setup_irq(struct vnet *vn)
{
	vn->vector[0] = irq_alloc_vector(vnet_rx_irq, vn);
	vn->vector[1] = irq_alloc_vector(vnet_config_irq, vn);
	if (vn->vector[0] < 0 || vn->vector[1] < 0 ||
	    pci_msix_enable(vn->vd.pci, vn->vector, 2) ||
	    virtio_set_config_vector(&vn->vd, 1)) {
		pci_msix_disable(vn->vd.pci);
		vnet_free_irq(vn);
		return -ENODEV;
	}
	return 0;
}

static struct page *alloc_bufs(u16 num, unsigned int *order)
{
	*order = bytes_order((size_t)num * VNET_BUF_SIZE);
	return alloc_pages(GFP_KERNEL | __GFP_ZERO, *order);
}

static int vnet_probe(struct pci_dev *pci, const struct pci_device_id *id)
{
	u64 want = 1ULL << VIRTIO_F_VERSION_1 | 1ULL << VIRTIO_NET_F_MAC |
		   1ULL << VIRTIO_NET_F_STATUS;
	struct page *rxp = NULL, *txp = NULL;
	struct vnet *vn;
	int i, r;

	/* A transitional device says what it is in its subsystem id. */
	if (pci->device < 0x1040 && pci->subsystem_device != VIRTIO_ID_NET)
		return -ENODEV;
	vn = kzalloc(sizeof(*vn), GFP_KERNEL);
	if (!vn)
		return -ENOMEM;
	spin_lock_init(&vn->tx_lock);
	vn->vector[0] = vn->vector[1] = -1;
	r = virtio_pci_setup(&vn->vd, pci);
	if (!r)
		r = virtio_finalize_features(&vn->vd, want);
	if (r) {
		pr_warn("virtio-net %02x:%02x.%u: not a usable virtio 1.x device (%d)\n",
			pci->bus, pci->slot, pci->fn, r);
		goto fail;
	}
	r = vnet_setup_irq(vn);
	vn->rx = virtio_setup_vq(&vn->vd, RX_QUEUE, VNET_QUEUE_MAX, r ? VIRTIO_MSI_NO_VECTOR : 0);
	vn->tx = virtio_setup_vq(&vn->vd, TX_QUEUE, VNET_QUEUE_MAX, VIRTIO_MSI_NO_VECTOR);
	r = -ENOMEM;
	if (!vn->rx || !vn->tx)
		goto fail;
	rxp = alloc_bufs(vn->rx->num, &vn->rx_order);
	txp = alloc_bufs(vn->tx->num, &vn->tx_order);
	vn->tx_free = kmalloc(vn->tx->num * sizeof(u16), GFP_KERNEL);
	if (!rxp || !txp || !vn->tx_free)
		goto fail;
	vn->rx_bufs = page_address(rxp);
	vn->tx_bufs = page_address(txp);
	for (i = 0; i < vn->tx->num; i++)
		vn->tx_free[vn->tx_nfree++] = i;
	vn->tx->avail->flags = VRING_AVAIL_F_NO_INTERRUPT;
	for (i = 0; i < vn->rx->num; i++)
		rx_refill(vn, i);

	vn->ndev.priv = vn;
	vn->ndev.xmit = vnet_xmit;
	vn->ndev.poll = vnet_poll;
	vn->ndev.poll_only = vn->vector[0] < 0;
	if (vn->vd.features & (1ULL << VIRTIO_NET_F_MAC)) {
		virtio_cfg_read(&vn->vd, VNET_CFG_MAC, vn->ndev.mac, ETH_ALEN);
	} else {
		/* A random locally administered unicast address. */
		get_random_bytes(vn->ndev.mac, ETH_ALEN);
		vn->ndev.mac[0] = (vn->ndev.mac[0] & ~1) | 2;
	}
	vn->has_status = vn->vd.features & (1ULL << VIRTIO_NET_F_STATUS);
	vnet_update_link(vn);
	virtio_driver_ok(&vn->vd);
	virtqueue_kick(vn->rx);
	pr_info("virtio-net %02x:%02x.%u: %u rx, %u tx buffers, %s\n", pci->bus, pci->slot,
		pci->fn, vn->rx->num, vn->tx->num,
		vn->vector[0] >= 0 ? "MSI-X" : "no MSI-X: polled");
	pci->driver_data = vn;
	return register_netdev(&vn->ndev);
fail:
	if (vn->vd.common)
		virtio_reset(&vn->vd);
	if (vn->vector[0] >= 0)
		pci_msix_disable(pci);
	vnet_free_irq(vn);
	if (rxp)
		__free_pages(rxp, vn->rx_order);
	if (txp)
		__free_pages(txp, vn->tx_order);
	if (vn->rx)
		virtqueue_free(vn->rx);
	if (vn->tx)
		virtqueue_free(vn->tx);
	kfree(vn->tx_free);
	kfree(vn);
	return r;
}

static const struct pci_device_id vnet_ids[] = {
	{ PCI_VENDOR_ID_REDHAT_QUMRANET, VIRTIO_PCI_MODERN_ID(VIRTIO_ID_NET) },
	{ PCI_VENDOR_ID_REDHAT_QUMRANET, 0x1000 },	/* transitional */
	{ 0, 0 }
};

static const struct pci_driver vnet_driver = {
	.name = "virtio-net",
	.ids = vnet_ids,
	.probe = vnet_probe,
};

void virtio_net_init(void)
{
	pci_register_driver(&vnet_driver);
}
