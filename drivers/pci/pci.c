// SPDX-License-Identifier: GPL-2.0
/*
 * PCI: configuration space, enumeration, BARs, MSI-X, driver matching.
 *
 * Configuration space is reached through the PCI Express enhanced
 * configuration mechanism (ECAM) when the ACPI MCFG table gives its
 * window -- function (b, d, f) at base + (b << 20 | d << 15 | f << 12),
 * PCIe Base Spec 7.2.2 -- and otherwise through the legacy mechanism #1:
 * an address written to port 0xCF8 (enable bit 31, bus 23:16, device
 * 15:11, function 10:8, register 7:2) and the data at 0xCFC (PCI Local
 * Bus Spec 3.0, 3.2.2.3.2).
 *
 * The firmware (SeaBIOS, OVMF, a server's BIOS) has assigned bus numbers
 * and BAR addresses; Lego reads them and does not reassign.  Bus 0 is
 * scanned, and the secondary bus of every PCI-to-PCI bridge found.
 */
#include <lego/kernel.h>
#include <lego/pci.h>
#include <lego/mm.h>
#include <lego/spinlock.h>
#include <lego/smp.h>
#include <lego/errno.h>
#include <asm/io.h>
#include <asm/acpi.h>

#define PCI_CONF_ADDR	0xcf8
#define PCI_CONF_DATA	0xcfc

#define MSIX_FLAGS		2	/* message control */
#define  MSIX_FLAGS_QSIZE	0x07ff
#define  MSIX_FLAGS_MASKALL	0x4000
#define  MSIX_FLAGS_ENABLE	0x8000
#define MSIX_TABLE		4	/* BIR in bits 2:0, offset above */
#define MSIX_ENTRY_SIZE		16
#define  MSIX_ENTRY_ADDR_LO	0
#define  MSIX_ENTRY_ADDR_HI	4
#define  MSIX_ENTRY_DATA	8
#define  MSIX_ENTRY_CTRL	12
#define  MSIX_ENTRY_MASKED	1

/* Intel SDM Vol. 3A 11.11.1: the message address of a fixed interrupt. */
#define MSI_ADDR_BASE		0xfee00000u
#define MSI_ADDR_DEST(apic)	((apic) << 12)

static LIST_HEAD(pci_devices);
static DEFINE_SPINLOCK(pci_conf_lock);
/* The ECAM window of each bus scanned, or NULL (use the ports). */
static void __iomem *ecam_bus[256];

static void __iomem *ecam_map_bus(unsigned int bus)
{
	if (!acpi_mcfg.found || bus < acpi_mcfg.bus_start || bus > acpi_mcfg.bus_end)
		return NULL;
	if (!ecam_bus[bus])
		ecam_bus[bus] = ioremap(acpi_mcfg.base +
					((u64)(bus - acpi_mcfg.bus_start) << 20), 1 << 20);
	return ecam_bus[bus];
}

static volatile void __iomem *ecam_addr(struct pci_dev *d, unsigned int off)
{
	u8 __iomem *b = ecam_bus[d->bus];

	return b ? b + ((d->slot << 15) | (d->fn << 12) | off) : NULL;
}

static u32 port_addr(struct pci_dev *d, unsigned int off)
{
	return 0x80000000u | d->bus << 16 | d->slot << 11 | d->fn << 8 | (off & 0xfc);
}

/*
 * Accesses are naturally aligned and within the 256 bytes both mechanisms
 * reach; anything else reads as all ones and writes nothing.
 */
static u32 conf_read(struct pci_dev *d, unsigned int off, int size)
{
	volatile void __iomem *a;
	unsigned long flags;
	u32 v;

	if (off > 256 - size || (off & (size - 1)))
		return ~0u;
	a = ecam_addr(d, off);
	if (a)
		return size == 4 ? readl(a) : size == 2 ? readw(a) : readb(a);
	flags = spin_lock_irqsave(&pci_conf_lock);
	outl(port_addr(d, off), PCI_CONF_ADDR);
	if (size == 4)
		v = inl(PCI_CONF_DATA);
	else if (size == 2)
		v = inw(PCI_CONF_DATA + (off & 2));
	else
		v = inb(PCI_CONF_DATA + (off & 3));
	spin_unlock_irqrestore(&pci_conf_lock, flags);
	return v;
}

static void conf_write(struct pci_dev *d, unsigned int off, int size, u32 v)
{
	volatile void __iomem *a;
	unsigned long flags;

	if (off > 256 - size || (off & (size - 1)))
		return;
	a = ecam_addr(d, off);
	if (a) {
		if (size == 4)
			writel(v, a);
		else if (size == 2)
			writew(v, a);
		else
			writeb(v, a);
		return;
	}
	flags = spin_lock_irqsave(&pci_conf_lock);
	outl(port_addr(d, off), PCI_CONF_ADDR);
	if (size == 4)
		outl(v, PCI_CONF_DATA);
	else if (size == 2)
		outw(v, PCI_CONF_DATA + (off & 2));
	else
		outb(v, PCI_CONF_DATA + (off & 3));
	spin_unlock_irqrestore(&pci_conf_lock, flags);
}

u32 pci_read_config32(struct pci_dev *d, unsigned int off) { return conf_read(d, off, 4); }
u16 pci_read_config16(struct pci_dev *d, unsigned int off) { return conf_read(d, off, 2); }
u8 pci_read_config8(struct pci_dev *d, unsigned int off) { return conf_read(d, off, 1); }
void pci_write_config32(struct pci_dev *d, unsigned int off, u32 v) { conf_write(d, off, 4, v); }
void pci_write_config16(struct pci_dev *d, unsigned int off, u16 v) { conf_write(d, off, 2, v); }
void pci_write_config8(struct pci_dev *d, unsigned int off, u8 v) { conf_write(d, off, 1, v); }

u8 pci_find_next_capability(struct pci_dev *d, u8 pos, u8 id)
{
	int ttl = 48;	/* (256 - 64) / 4 capabilities at most: no loops */

	if (!(pci_read_config16(d, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return 0;
	pos = pos ? pci_read_config8(d, pos + 1) : pci_read_config8(d, PCI_CAPABILITY_LIST);
	while (ttl-- && pos >= 0x40) {
		pos &= ~3;
		if (pci_read_config8(d, pos) == id)
			return pos;
		pos = pci_read_config8(d, pos + 1);
	}
	return 0;
}

/*
 * Sizes BAR i (PCI 3.0 6.2.5.1): with decoding off, write all ones, read
 * back which address bits stick, restore.  Returns how many BAR
 * registers it used (2 for a 64-bit memory BAR).
 */
static int size_bar(struct pci_dev *d, int i, int nbars)
{
	unsigned int off = PCI_BASE_ADDRESS_0 + 4 * i;
	struct pci_bar *b = &d->bar[i];
	u32 lo = pci_read_config32(d, off), mask, hi = 0, hmask = ~0u;
	u64 m;

	pci_write_config32(d, off, ~0u);
	mask = pci_read_config32(d, off);
	pci_write_config32(d, off, lo);
	if (!mask || mask == ~0u)
		return 1;
	if (lo & 1) {
		b->io = true;
		b->base = lo & ~3u;
		b->size = (~(mask & ~3u) + 1) & 0xffff;
		return 1;
	}
	b->prefetch = lo & 8;
	if (((lo >> 1) & 3) == 2 && i + 1 < nbars) {
		b->mem64 = true;
		hi = pci_read_config32(d, off + 4);
		pci_write_config32(d, off + 4, ~0u);
		hmask = pci_read_config32(d, off + 4);
		pci_write_config32(d, off + 4, hi);
	}
	m = (u64)hmask << 32 | (mask & ~0xfu);
	if (!b->mem64)
		m |= 0xffffffff00000000ull;
	b->base = (u64)hi << 32 | (lo & ~0xfu);
	b->size = ~m + 1;
	return b->mem64 ? 2 : 1;
}

static void scan_bus(unsigned int bus, int depth);

static void add_function(unsigned int bus, unsigned int slot, unsigned int fn, int depth)
{
	struct pci_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int i, nbars;
	u16 cmd;

	if (!d)
		return;
	d->bus = bus;
	d->slot = slot;
	d->fn = fn;
	d->vendor = pci_read_config16(d, PCI_VENDOR_ID);
	d->device = pci_read_config16(d, PCI_DEVICE_ID);
	d->class = pci_read_config32(d, PCI_REVISION_ID) >> 8;
	d->revision = pci_read_config8(d, PCI_REVISION_ID);
	d->header_type = pci_read_config8(d, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
	d->irq_pin = pci_read_config8(d, PCI_INTERRUPT_PIN);
	nbars = d->header_type == 0 ? 6 : d->header_type == 1 ? 2 : 0;
	if (d->header_type == 0) {
		d->subsystem_vendor = pci_read_config16(d, PCI_SUBSYSTEM_VENDOR_ID);
		d->subsystem_device = pci_read_config16(d, PCI_SUBSYSTEM_ID);
	}
	cmd = pci_read_config16(d, PCI_COMMAND);
	pci_write_config16(d, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (i = 0; i < nbars; )
		i += size_bar(d, i, nbars);
	pci_write_config16(d, PCI_COMMAND, cmd);
	list_add_tail(&d->node, &pci_devices);
	pr_info("pci 0000:%02x:%02x.%u: [%04x:%04x] class %06x\n", bus, slot, fn,
		d->vendor, d->device, d->class);
	for (i = 0; i < nbars; i++)
		if (d->bar[i].size)
			pr_info("pci 0000:%02x:%02x.%u: BAR %d: %s %#llx size %#llx\n",
				bus, slot, fn, i, d->bar[i].io ? "io" : "mem",
				d->bar[i].base, d->bar[i].size);
	if (d->header_type == 1) {
		u8 sec = pci_read_config8(d, PCI_SECONDARY_BUS);

		if (sec > bus)		/* firmware numbers buses downwards */
			scan_bus(sec, depth + 1);
	}
}

static void scan_bus(unsigned int bus, int depth)
{
	struct pci_dev probe = { .bus = bus };
	unsigned int slot, fn;

	if (depth > 8)
		return;
	ecam_map_bus(bus);
	for (slot = 0; slot < 32; slot++) {
		for (fn = 0; fn < 8; fn++) {
			probe.slot = slot;
			probe.fn = fn;
			if (pci_read_config16(&probe, PCI_VENDOR_ID) == 0xffff) {
				if (fn == 0)
					break;
				continue;
			}
			add_function(bus, slot, fn, depth);
			if (fn == 0 && !(pci_read_config8(&probe, PCI_HEADER_TYPE) &
					 PCI_HEADER_MULTIFUNC))
				break;
		}
	}
}

void pci_init(void)
{
	pr_info("PCI: configuration through %s\n",
		acpi_mcfg.found ? "ECAM (ACPI MCFG)" : "ports 0xcf8/0xcfc");
	scan_bus(acpi_mcfg.found ? acpi_mcfg.bus_start : 0, 0);
}

int pci_register_driver(const struct pci_driver *drv)
{
	const struct pci_device_id *id;
	struct pci_dev *d;
	int n = 0;

	list_for_each_entry(d, &pci_devices, node) {
		if (d->claimed)
			continue;
		for (id = drv->ids; id->vendor; id++) {
			if (id->vendor != d->vendor || id->device != d->device)
				continue;
			if (drv->probe(d, id) == 0) {
				d->claimed = true;
				n++;
			}
			break;
		}
	}
	return n;
}

void pci_enable_device(struct pci_dev *d)
{
	u16 cmd = pci_read_config16(d, PCI_COMMAND);

	pci_write_config16(d, PCI_COMMAND, cmd | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}

void __iomem *pci_iomap_range(struct pci_dev *d, int bar, u64 off, u64 len)
{
	struct pci_bar *b;

	if (bar < 0 || bar >= 6)
		return NULL;
	b = &d->bar[bar];
	if (!b->size || b->io || !b->base || off > b->size || len > b->size - off)
		return NULL;
	return ioremap(b->base + off, len);
}

int pci_msix_enable(struct pci_dev *d, const int *vectors, int nvec)
{
	u8 cap = pci_find_capability(d, PCI_CAP_ID_MSIX);
	u16 ctrl;
	u32 table, nent, addr;
	int i;

	if (!cap)
		return -ENODEV;
	ctrl = pci_read_config16(d, cap + MSIX_FLAGS);
	nent = (ctrl & MSIX_FLAGS_QSIZE) + 1;
	if (nvec < 1 || nvec > nent)
		return -EINVAL;
	table = pci_read_config32(d, cap + MSIX_TABLE);
	if (!d->msix_table)
		d->msix_table = pci_iomap_range(d, table & 7, table & ~7u,
						nent * MSIX_ENTRY_SIZE);
	if (!d->msix_table)
		return -ENODEV;
	/* Enabled with every vector masked while the table is written. */
	pci_write_config16(d, cap + MSIX_FLAGS, ctrl | MSIX_FLAGS_ENABLE | MSIX_FLAGS_MASKALL);
	addr = MSI_ADDR_BASE | MSI_ADDR_DEST(cpu_apicid[0]);
	for (i = 0; i < nent; i++) {
		u8 __iomem *e = (u8 __iomem *)d->msix_table + i * MSIX_ENTRY_SIZE;

		writel(MSIX_ENTRY_MASKED, e + MSIX_ENTRY_CTRL);
		if (i >= nvec)
			continue;
		writel(addr, e + MSIX_ENTRY_ADDR_LO);
		writel(0, e + MSIX_ENTRY_ADDR_HI);
		writel(vectors[i], e + MSIX_ENTRY_DATA);	/* fixed, edge */
		writel(0, e + MSIX_ENTRY_CTRL);
	}
	pci_write_config16(d, PCI_COMMAND,
			   pci_read_config16(d, PCI_COMMAND) | PCI_COMMAND_INTX_DISABLE);
	pci_write_config16(d, cap + MSIX_FLAGS, (ctrl | MSIX_FLAGS_ENABLE) & ~MSIX_FLAGS_MASKALL);
	return 0;
}

void pci_msix_disable(struct pci_dev *d)
{
	u8 cap = pci_find_capability(d, PCI_CAP_ID_MSIX);

	if (cap)
		pci_write_config16(d, cap + MSIX_FLAGS,
				   pci_read_config16(d, cap + MSIX_FLAGS) & ~MSIX_FLAGS_ENABLE);
}
