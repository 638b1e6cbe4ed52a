/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_VIRTIO_H
#define _LEGO_VIRTIO_H

/*
 * Virtio 1.x over PCI (drivers/virtio/): the modern transport (virtio
 * spec 1.1, 4.1.4) and split virtqueues (2.6).  Structures shared with
 * the device are little-endian, which on x86 is the CPU's own order.
 */
#include <lego/types.h>
#include <lego/compiler.h>
#include <lego/pci.h>

#define PCI_VENDOR_ID_REDHAT_QUMRANET	0x1af4
#define VIRTIO_PCI_MODERN_ID(type)	(0x1040 + (type))
#define VIRTIO_ID_NET			1

/* Device status (2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE	1
#define VIRTIO_STATUS_DRIVER		2
#define VIRTIO_STATUS_DRIVER_OK		4
#define VIRTIO_STATUS_FEATURES_OK	8
#define VIRTIO_STATUS_NEEDS_RESET	64
#define VIRTIO_STATUS_FAILED		128

/* Reserved feature bits (6). */
#define VIRTIO_F_VERSION_1		32

#define VIRTIO_MSI_NO_VECTOR		0xffff

/* Split virtqueue layout (2.6). */
#define VRING_DESC_F_NEXT		1
#define VRING_DESC_F_WRITE		2
#define VRING_AVAIL_F_NO_INTERRUPT	1
#define VRING_USED_F_NO_NOTIFY		1

struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags, next;
};

struct vring_avail {
	u16 flags, idx;
	u16 ring[];
};

struct vring_used_elem {
	u32 id, len;
};

struct vring_used {
	u16 flags, idx;
	struct vring_used_elem ring[];
};

struct virtio_device {
	struct pci_dev *pci;
	void __iomem *common;		/* struct virtio_pci_common_cfg */
	void __iomem *device;		/* device-specific configuration */
	void __iomem *notify;		/* the notification area */
	u32 notify_len, notify_mult;
	u64 features;			/* what the device offers */
};

/*
 * A split virtqueue of num descriptors, one descriptor per buffer.  Not
 * locked: its driver serialises all calls on one queue.
 */
struct virtqueue {
	struct virtio_device *vdev;
	u16 index, num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	unsigned int order;		/* of the pages holding the three */
	u16 free_head, num_free;
	u16 avail_idx, last_used;
	void **tokens;			/* the caller's cookie per descriptor */
	u16 __iomem *notify_addr;
};

/* Finds the capabilities, resets the device, sets ACKNOWLEDGE|DRIVER. */
int virtio_pci_setup(struct virtio_device *vd, struct pci_dev *pci);
/* Accepts the wanted offered features (VERSION_1 required): FEATURES_OK. */
int virtio_finalize_features(struct virtio_device *vd, u64 wanted);
/* Queue index with at most max descriptors, interrupts to MSI-X entry msix. */
struct virtqueue *virtio_setup_vq(struct virtio_device *vd, u16 index, u16 max, u16 msix);
int virtio_set_config_vector(struct virtio_device *vd, u16 msix);
void virtio_driver_ok(struct virtio_device *vd);
void virtio_reset(struct virtio_device *vd);
u8 virtio_status(struct virtio_device *vd);
/* Device configuration, read consistently (4.1.4.3.1: config_generation). */
void virtio_cfg_read(struct virtio_device *vd, unsigned int off, void *buf, unsigned int len);

/* Buffers: device_writes for receive buffers; 0 or -ENOSPC. */
int virtqueue_add(struct virtqueue *vq, phys_addr_t addr, u32 len, bool device_writes,
		  void *token);
/* Tells the device about new buffers unless it asked not to be told. */
void virtqueue_kick(struct virtqueue *vq);
/* The next buffer the device is done with (its token; *len written), or NULL. */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len);
void virtqueue_free(struct virtqueue *vq);

#endif /* _LEGO_VIRTIO_H */
