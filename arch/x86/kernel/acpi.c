// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI tables Lego reads (ACPI spec 6.x: 5.2.5 RSDP, 5.2.7/5.2.8
 * RSDT/XSDT):
 *   FADT (5.2.9) and the \_S5 package of the DSDT (7.4.2): the PM1a/PM1b
 *        control ports and SLP_TYP values that power the machine off;
 *   MADT (5.2.12): the processors' local APIC IDs, the I/O APICs and the
 *        ISA interrupt overrides;
 *   HPET (IA-PC HPET spec 3.2.4): the timer block's address;
 *   MCFG (PCI Firmware spec 3.x 4.1.2): the PCI Express enhanced
 *        configuration (ECAM) window of segment 0.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>
#include <asm/io.h>
#include <asm/acpi.h>

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_rsdp {
	char signature[8];
	u8 checksum;
	char oem_id[6];
	u8 revision;
	u32 rsdt_address;
	u32 length;
	u64 xsdt_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

/* FADT field offsets (ACPI 6.x table 5.9). */
#define FADT_DSDT		40
#define FADT_PM1A_CNT		64
#define FADT_PM1B_CNT		68
#define FADT_X_DSDT		140

u64 acpi_hpet_addr;
struct acpi_mcfg_info acpi_mcfg;
static u16 pm1a_cnt, pm1b_cnt;
static u16 slp_typa, slp_typb;
static bool acpi_poweroff_ok;

static bool checksum_ok(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static const struct acpi_rsdp *find_rsdp(void)
{
	unsigned long p;

	if (boot_params.rsdp)
		return __va(boot_params.rsdp);
	/* The BIOS read-only area, on 16-byte boundaries (ACPI 5.2.5.1). */
	for (p = 0xe0000; p < 0x100000; p += 16)
		if (!memcmp(__va(p), "RSD PTR ", 8) && checksum_ok(__va(p), 20))
			return __va(p);
	return NULL;
}

static const struct acpi_table_header *find_table(const struct acpi_rsdp *rsdp,
						  const char *sig)
{
	const struct acpi_table_header *root;
	bool x = rsdp->revision >= 2 && rsdp->xsdt_address;
	int n, i, esz = x ? 8 : 4;

	root = __va(x ? rsdp->xsdt_address : rsdp->rsdt_address);
	n = (root->length - sizeof(*root)) / esz;
	for (i = 0; i < n; i++) {
		const u8 *e = (const u8 *)(root + 1) + i * esz;
		u64 addr = x ? *(const u64 *)e : *(const u32 *)e;
		const struct acpi_table_header *t = __va(addr);

		if (!memcmp(t->signature, sig, 4))
			return t;
	}
	return NULL;
}

/* An AML integer at p: a ByteConst (0x0a xx) or the ZeroOp/OneOp. */
static const u8 *aml_int(const u8 *p, u16 *v)
{
	if (*p == 0x0a) {
		*v = p[1];
		return p + 2;
	}
	*v = *p == 0x01;
	return p + 1;
}

static void find_s5(const struct acpi_table_header *dsdt)
{
	const u8 *p = (const u8 *)(dsdt + 1);
	const u8 *end = (const u8 *)dsdt + dsdt->length;

	for (; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)	/* PackageOp */
			continue;
		p += 5;
		p += ((*p >> 6) & 3) + 1;	/* PkgLength: 1 + follow bytes */
		p++;				/* NumElements */
		p = aml_int(p, &slp_typa);
		aml_int(p, &slp_typb);
		acpi_poweroff_ok = true;
		return;
	}
}

struct acpi_madt_info acpi_madt;

/* MADT entry types (ACPI 6.x table 5.45). */
#define MADT_LOCAL_APIC		0
#define MADT_IO_APIC		1
#define MADT_INT_OVERRIDE	2
#define MADT_LAPIC_OVERRIDE	5
#define MADT_LOCAL_X2APIC	9
#define MADT_ENABLED		0x1	/* processor usable now */
#define MADT_ONLINE_CAPABLE	0x2	/* may be hot-added later */

static void add_cpu(u32 apic_id, u32 flags)
{
	struct acpi_madt_info *m = &acpi_madt;
	int i;

	if (!(flags & MADT_ENABLED))
		return;
	for (i = 0; i < m->nr_cpus; i++)
		if (m->apic_ids[i] == apic_id)
			return;		/* listed as both LAPIC and x2APIC */
	if (m->nr_cpus == CONFIG_NR_CPUS) {
		m->cpus_ignored++;
		return;
	}
	m->apic_ids[m->nr_cpus++] = apic_id;
}

/*
 * The MADT: a 44-byte header (the table header, the local APIC address,
 * flags), then variable-length entries of (type, length, ...).
 */
static void parse_madt(const struct acpi_table_header *madt)
{
	const u8 *p = (const u8 *)madt + 44, *end = (const u8 *)madt + madt->length;
	struct acpi_madt_info *m = &acpi_madt;

	m->lapic_addr = *(const u32 *)((const u8 *)madt + 36);
	m->pcat_compat = *(const u32 *)((const u8 *)madt + 40) & 1;
	for (; p + 2 <= end && p[1] >= 2 && p + p[1] <= end; p += p[1]) {
		switch (p[0]) {
		case MADT_LOCAL_APIC:		/* uid(1) apic_id(1) flags(4) */
			add_cpu(p[3], *(const u32 *)(p + 4));
			break;
		case MADT_LOCAL_X2APIC:		/* rsvd(2) x2apic_id(4) flags(4) */
			add_cpu(*(const u32 *)(p + 4), *(const u32 *)(p + 8));
			break;
		case MADT_IO_APIC:		/* id(1) rsvd(1) addr(4) gsi_base(4) */
			if (m->nr_ioapics < MAX_IO_APICS) {
				m->ioapics[m->nr_ioapics].id = p[2];
				m->ioapics[m->nr_ioapics].addr = *(const u32 *)(p + 4);
				m->ioapics[m->nr_ioapics].gsi_base = *(const u32 *)(p + 8);
				m->nr_ioapics++;
			}
			break;
		case MADT_INT_OVERRIDE:		/* bus(1) irq(1) gsi(4) flags(2) */
			if (p[3] < 16) {
				m->isa_gsi[p[3]] = *(const u32 *)(p + 4);
				m->isa_flags[p[3]] = *(const u16 *)(p + 8);
			}
			break;
		case MADT_LAPIC_OVERRIDE:	/* rsvd(2) addr(8) */
			m->lapic_addr = *(const u64 *)(p + 4);
			break;
		}
	}
	m->found = true;
}

/*
 * The MCFG: the table header, 8 reserved bytes, then 16-byte entries of
 * base address (8), segment group (2), start bus (1), end bus (1),
 * reserved (4).  Lego uses segment 0's window only.
 */
static void parse_mcfg(const struct acpi_table_header *t)
{
	const u8 *p = (const u8 *)t + 44, *end = (const u8 *)t + t->length;

	for (; p + 16 <= end; p += 16) {
		if (*(const u16 *)(p + 8) != 0 || p[10] > p[11])
			continue;
		acpi_mcfg.base = *(const u64 *)p;
		acpi_mcfg.bus_start = p[10];
		acpi_mcfg.bus_end = p[11];
		acpi_mcfg.found = acpi_mcfg.base != 0;
		return;
	}
}

void acpi_init(void)
{
	const struct acpi_rsdp *rsdp = find_rsdp();
	const struct acpi_table_header *fadt, *t;
	const u8 *f;
	u64 dsdt;
	int i;

	for (i = 0; i < 16; i++)
		acpi_madt.isa_gsi[i] = i;	/* identity unless overridden */
	if (!rsdp)
		return;
	t = find_table(rsdp, "APIC");
	if (t)
		parse_madt(t);
	t = find_table(rsdp, "MCFG");
	if (t)
		parse_mcfg(t);
	t = find_table(rsdp, "HPET");
	if (t && t->length >= 56)
		acpi_hpet_addr = *(const u64 *)((const u8 *)t + 44);
	fadt = find_table(rsdp, "FACP");
	if (!fadt)
		return;
	f = (const u8 *)fadt;
	pm1a_cnt = *(const u32 *)(f + FADT_PM1A_CNT);
	pm1b_cnt = *(const u32 *)(f + FADT_PM1B_CNT);
	dsdt = *(const u32 *)(f + FADT_DSDT);
	if (fadt->length >= FADT_X_DSDT + 8 && *(const u64 *)(f + FADT_X_DSDT))
		dsdt = *(const u64 *)(f + FADT_X_DSDT);
	if (dsdt)
		find_s5(__va(dsdt));
	pr_info("ACPI: RSDP rev %u, PM1a_CNT %#x, S5 %s\n", rsdp->revision,
		pm1a_cnt, acpi_poweroff_ok ? "found" : "not found");
	if (acpi_madt.found)
		pr_info("ACPI: MADT: %d CPUs, %d I/O APICs, local APIC at %#llx\n",
			acpi_madt.nr_cpus, acpi_madt.nr_ioapics, acpi_madt.lapic_addr);
	if (acpi_madt.cpus_ignored)
		pr_warn("ACPI: %d CPUs ignored: CONFIG_NR_CPUS is %d\n",
			acpi_madt.cpus_ignored, CONFIG_NR_CPUS);
}

/* Enter S5 (soft off): SLP_TYP in bits 10-12, SLP_EN bit 13 of PM1x_CNT. */
void acpi_power_off(void)
{
	if (!acpi_poweroff_ok || !pm1a_cnt)
		return;
	outw((slp_typa << 10) | (1 << 13), pm1a_cnt);
	if (pm1b_cnt)
		outw((slp_typb << 10) | (1 << 13), pm1b_cnt);
}
