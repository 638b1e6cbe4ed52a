/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_PCI_H
#define _LEGO_PCI_H

/*
 * PCI (drivers/pci/pci.c): configuration space, the devices found on
 * bus 0 and behind bridges, their BARs, MSI-X, and drivers matched by
 * vendor and device id.  Register offsets are those of the PCI Local Bus
 * Specification 3.0, chapter 6, and the PCI Express Base Specification.
 */
#include <lego/types.h>
#include <lego/list.h>
#include <lego/compiler.h>

#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x0001
#define  PCI_COMMAND_MEMORY	0x0002
#define  PCI_COMMAND_MASTER	0x0004
#define  PCI_COMMAND_INTX_DISABLE 0x0400
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x0010
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_MULTIFUNC	0x80
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_SECONDARY_BUS	0x19	/* type 1 (bridge) headers */
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d

#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_MSIX		0x11

struct pci_bar {
	u64 base, size;			/* size 0: not implemented */
	bool io, mem64, prefetch;
};

struct pci_dev {
	struct list_head node;
	u8 bus, slot, fn;
	u16 vendor, device, subsystem_vendor, subsystem_device;
	u32 class;			/* base class, subclass, prog-if */
	u8 revision, header_type, irq_pin;
	struct pci_bar bar[6];
	void __iomem *msix_table;	/* while MSI-X is enabled */
	bool claimed;			/* a driver has it */
	void *driver_data;
};

struct pci_device_id {
	u16 vendor, device;		/* a zero vendor ends a table */
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *ids;
	/* 0 when the driver takes the device. */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
};

#ifdef CONFIG_PCI
void pci_init(void);
/* Probes every unclaimed device the driver's table matches. */
int pci_register_driver(const struct pci_driver *drv);
#else
static inline void pci_init(void) { }
static inline int pci_register_driver(const struct pci_driver *drv) { return 0; }
#endif

u32 pci_read_config32(struct pci_dev *dev, unsigned int off);
u16 pci_read_config16(struct pci_dev *dev, unsigned int off);
u8 pci_read_config8(struct pci_dev *dev, unsigned int off);
void pci_write_config32(struct pci_dev *dev, unsigned int off, u32 v);
void pci_write_config16(struct pci_dev *dev, unsigned int off, u16 v);
void pci_write_config8(struct pci_dev *dev, unsigned int off, u8 v);

/*
 * The configuration offset of the first capability of id after the one
 * at pos (pos 0: from the start), or 0 when there is none.
 */
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, u8 id);
static inline u8 pci_find_capability(struct pci_dev *dev, u8 id)
{
	return pci_find_next_capability(dev, 0, id);
}

/* Memory decoding and bus mastering (DMA) on. */
void pci_enable_device(struct pci_dev *dev);
/* An uncached mapping of len bytes at off in memory BAR bar, or NULL. */
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, u64 off, u64 len);
/*
 * Enables MSI-X with table entries 0..nvec-1 delivering vectors[i] to the
 * boot CPU (the others masked) and INTx off.  0, or -ENODEV/-EINVAL.
 */
int pci_msix_enable(struct pci_dev *dev, const int *vectors, int nvec);
void pci_msix_disable(struct pci_dev *dev);

#endif /* _LEGO_PCI_H */
