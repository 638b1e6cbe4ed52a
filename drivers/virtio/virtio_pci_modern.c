// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio 1.x PCI transport (virtio spec 1.1, 4.1): a device exposes
 * vendor-specific PCI capabilities (cap_vndr 0x09) that point into its
 * BARs, one each for the common configuration (cfg_type 1), the queue
 * notification area (2), the ISR status (3) and the device-specific
 * configuration (4).  This file finds them and runs the initialisation
 * sequence of 3.1.1: reset, ACKNOWLEDGE, DRIVER, feature negotiation
 * with FEATURES_OK read back, queue setup, DRIVER_OK.
 *
 * Legacy (0.9.5, I/O port) devices are not driven: a transitional device
 * works through its modern capabilities, and QEMU's
 * virtio-net-pci,disable-legacy=on is a pure 1.x device.
 */
#include <lego/kernel.h>
#include <lego/virtio.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <asm/io.h>

/* struct virtio_pci_cap (4.1.4) */
#define CAP_CFG_TYPE		3
#define CAP_BAR			4
#define CAP_OFFSET		8
#define CAP_LENGTH		12
#define CAP_NOTIFY_MULT		16	/* virtio_pci_notify_cap only */
#define CFG_COMMON		1
#define CFG_NOTIFY		2
#define CFG_DEVICE		4

/* struct virtio_pci_common_cfg (4.1.4.3) */
#define COMMON_DFSELECT		0x00
#define COMMON_DF		0x04
#define COMMON_GFSELECT		0x08
#define COMMON_GF		0x0c
#define COMMON_MSIX		0x10
#define COMMON_STATUS		0x14
#define COMMON_CFGGEN		0x15
#define COMMON_Q_SELECT		0x16
#define COMMON_Q_SIZE		0x18
#define COMMON_Q_MSIX		0x1a
#define COMMON_Q_ENABLE		0x1c
#define COMMON_Q_NOFF		0x1e
#define COMMON_Q_DESC		0x20
#define COMMON_Q_DRIVER		0x28
#define COMMON_Q_DEVICE		0x30
#define COMMON_LEN		0x38

static void __iomem *common(struct virtio_device *vd, unsigned int off)
{
	return (u8 __iomem *)vd->common + off;
}

/* 64-bit fields as two 32-bit halves, low first (4.1.3.1). */
static void common_write64(struct virtio_device *vd, unsigned int off, u64 v)
{
	writel((u32)v, common(vd, off));
	writel(v >> 32, common(vd, off + 4));
}

u8 virtio_status(struct virtio_device *vd)
{
	return readb(common(vd, COMMON_STATUS));
}

static void add_status(struct virtio_device *vd, u8 bits)
{
	writeb(virtio_status(vd) | bits, common(vd, COMMON_STATUS));
}

/*
 * Writing 0 resets the device; it is done when status reads back 0
 * (4.1.4.3.2).  A device that never finishes gets a second.
 */
void virtio_reset(struct virtio_device *vd)
{
	u64 end = ktime_get_ns() + NSEC_PER_SEC;

	writeb(0, common(vd, COMMON_STATUS));
	while (virtio_status(vd) && ktime_get_ns() < end)
		asm volatile("pause");
}

static void __iomem *map_cap(struct virtio_device *vd, u8 cap, u32 *len)
{
	struct pci_dev *pci = vd->pci;
	u8 bar = pci_read_config8(pci, cap + CAP_BAR);
	u32 off = pci_read_config32(pci, cap + CAP_OFFSET);

	*len = pci_read_config32(pci, cap + CAP_LENGTH);
	if (!*len)
		return NULL;
	return pci_iomap_range(pci, bar, off, *len);
}

int virtio_pci_setup(struct virtio_device *vd, struct pci_dev *pci)
{
	u32 common_len = 0, dev_len;
	u8 cap, type;

	memset(vd, 0, sizeof(*vd));
	vd->pci = pci;
	/* The first capability of each type is the one to use (4.1.4.1). */
	for (cap = pci_find_capability(pci, PCI_CAP_ID_VNDR); cap;
	     cap = pci_find_next_capability(pci, cap, PCI_CAP_ID_VNDR)) {
		type = pci_read_config8(pci, cap + CAP_CFG_TYPE);
		if (type == CFG_COMMON && !vd->common) {
			vd->common = map_cap(vd, cap, &common_len);
		} else if (type == CFG_NOTIFY && !vd->notify) {
			vd->notify = map_cap(vd, cap, &vd->notify_len);
			vd->notify_mult = pci_read_config32(pci, cap + CAP_NOTIFY_MULT);
		} else if (type == CFG_DEVICE && !vd->device) {
			vd->device = map_cap(vd, cap, &dev_len);
		}
	}
	if (!vd->common || common_len < COMMON_LEN || !vd->notify || vd->notify_len < 2)
		return -ENODEV;
	pci_enable_device(pci);
	virtio_reset(vd);
	if (virtio_status(vd))
		return -EIO;
	add_status(vd, VIRTIO_STATUS_ACKNOWLEDGE);
	add_status(vd, VIRTIO_STATUS_DRIVER);
	writel(0, common(vd, COMMON_DFSELECT));
	vd->features = readl(common(vd, COMMON_DF));
	writel(1, common(vd, COMMON_DFSELECT));
	vd->features |= (u64)readl(common(vd, COMMON_DF)) << 32;
	return 0;
}

int virtio_finalize_features(struct virtio_device *vd, u64 wanted)
{
	u64 f = vd->features & wanted;

	if (!(f & (1ULL << VIRTIO_F_VERSION_1)))
		return -ENODEV;
	writel(0, common(vd, COMMON_GFSELECT));
	writel((u32)f, common(vd, COMMON_GF));
	writel(1, common(vd, COMMON_GFSELECT));
	writel(f >> 32, common(vd, COMMON_GF));
	add_status(vd, VIRTIO_STATUS_FEATURES_OK);
	/* The device says here whether it accepts the subset (3.1.1 step 6). */
	if (!(virtio_status(vd) & VIRTIO_STATUS_FEATURES_OK))
		return -EIO;
	vd->features = f;
	return 0;
}

void virtio_driver_ok(struct virtio_device *vd)
{
	add_status(vd, VIRTIO_STATUS_DRIVER_OK);
}

int virtio_set_config_vector(struct virtio_device *vd, u16 msix)
{
	writew(msix, common(vd, COMMON_MSIX));
	/* The device answers NO_VECTOR when it could not take it. */
	return readw(common(vd, COMMON_MSIX)) == msix ? 0 : -EBUSY;
}

void virtio_cfg_read(struct virtio_device *vd, unsigned int off, void *buf,
		     unsigned int len)
{
	u8 gen, *b = buf;
	unsigned int i;

	do {
		gen = readb(common(vd, COMMON_CFGGEN));
		for (i = 0; i < len; i++)
			b[i] = readb((u8 __iomem *)vd->device + off + i);
	} while (gen != readb(common(vd, COMMON_CFGGEN)));
}

static unsigned int pages_order(size_t bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

/*
 * The three parts of a split queue in one physically contiguous, zeroed
 * block: descriptors (16-byte aligned), the driver area (2), the device
 * area (4) -- 2.6 "Virtqueue Alignment".
 */
struct virtqueue *virtio_setup_vq(struct virtio_device *vd, u16 index, u16 max, u16 msix)
{
	struct virtqueue *vq;
	size_t avail_off, used_off, total;
	u16 num, noff;
	struct page *pg;
	u8 *mem;
	int i;

	writew(index, common(vd, COMMON_Q_SELECT));
	num = readw(common(vd, COMMON_Q_SIZE));
	if (!num || readw(common(vd, COMMON_Q_ENABLE)))
		return NULL;
	if (num > max)
		num = max;
	while (num & (num - 1))		/* split queues: a power of two */
		num &= num - 1;
	avail_off = 16 * num;
	used_off = ALIGN(avail_off + 6 + 2 * num, 4);
	total = used_off + 6 + 8 * num;
	vq = kzalloc(sizeof(*vq), GFP_KERNEL);
	if (!vq)
		return NULL;
	vq->tokens = kzalloc(num * sizeof(void *), GFP_KERNEL);
	vq->order = pages_order(total);
	pg = alloc_pages(GFP_KERNEL | __GFP_ZERO, vq->order);
	if (!vq->tokens || !pg)
		goto fail;
	mem = page_address(pg);
	vq->vdev = vd;
	vq->index = index;
	vq->num = num;
	vq->desc = (struct vring_desc *)mem;
	vq->avail = (struct vring_avail *)(mem + avail_off);
	vq->used = (struct vring_used *)(mem + used_off);
	for (i = 0; i < num; i++)
		vq->desc[i].next = i + 1;
	vq->num_free = num;
	noff = readw(common(vd, COMMON_Q_NOFF));
	if ((u64)noff * vd->notify_mult + 2 > vd->notify_len)
		goto fail;
	vq->notify_addr = (u16 __iomem *)((u8 __iomem *)vd->notify + noff * vd->notify_mult);
	writew(num, common(vd, COMMON_Q_SIZE));
	common_write64(vd, COMMON_Q_DESC, __pa(vq->desc));
	common_write64(vd, COMMON_Q_DRIVER, __pa(vq->avail));
	common_write64(vd, COMMON_Q_DEVICE, __pa(vq->used));
	writew(msix, common(vd, COMMON_Q_MSIX));
	if (readw(common(vd, COMMON_Q_MSIX)) != msix)
		goto fail;
	writew(1, common(vd, COMMON_Q_ENABLE));
	return vq;
fail:
	if (pg)
		__free_pages(pg, vq->order);
	kfree(vq->tokens);
	kfree(vq);
	return NULL;
}

void virtqueue_free(struct virtqueue *vq)
{
	__free_pages(virt_to_page(vq->desc), vq->order);
	kfree(vq->tokens);
	kfree(vq);
}
