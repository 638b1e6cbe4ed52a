// SPDX-License-Identifier: GPL-2.0
/*
 * Reads what the boot loader handed over -- the PVH start_info (Xen
 * arch-x86/hvm/start_info.h layout, version 1) or the multiboot2
 * information structure (Multiboot2 spec 3.6) -- into struct boot_params.
 * The early page tables map the low 4 GiB at __PAGE_OFFSET, where both
 * loaders put their data.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>

struct boot_params boot_params;

#define HVM_START_MAGIC	0x336ec578

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

static void add_e820(u64 addr, u64 size, u32 type)
{
	struct e820_entry *e;

	if (boot_params.nr_e820 >= E820_MAX_ENTRIES || !size)
		return;
	e = &boot_params.e820[boot_params.nr_e820++];
	e->addr = addr;
	e->size = size;
	e->type = type;
}

static void set_cmdline(const char *s)
{
	strscpy(boot_params.cmdline, s, sizeof(boot_params.cmdline));
}

static void keep_loader_range(u64 start, u64 end)
{
	if (!boot_params.loader_data_end) {
		boot_params.loader_data_start = start;
		boot_params.loader_data_end = end;
		return;
	}
	boot_params.loader_data_start = min(boot_params.loader_data_start, start);
	boot_params.loader_data_end = max(boot_params.loader_data_end, end);
}

static void parse_pvh(u32 info_phys)
{
	const struct hvm_start_info *si = __va(info_phys);
	u32 i;

	if (si->magic != HVM_START_MAGIC)
		return;
	boot_params.loader = "PVH";
	keep_loader_range(info_phys, info_phys + sizeof(*si));
	if (si->cmdline_paddr)
		set_cmdline(__va(si->cmdline_paddr));
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *m = __va(si->modlist_paddr);

		boot_params.initrd_start = m->paddr;
		boot_params.initrd_size = m->size;
	}
	boot_params.rsdp = si->rsdp_paddr;
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_entry *mm = __va(si->memmap_paddr);

		for (i = 0; i < si->memmap_entries; i++)
			add_e820(mm[i].addr, mm[i].size, mm[i].type);
	}
}

/* Multiboot2 tags (spec 3.6). */
#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER		2
#define MB2_TAG_MODULE		3
#define MB2_TAG_MMAP		6
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

static void parse_mb2_mmap(const struct mb2_tag *tag)
{
	const u32 *hdr = (const u32 *)(tag + 1);
	u32 esize = hdr[0];
	const char *p = (const char *)(hdr + 2);
	const char *end = (const char *)tag + tag->size;

	if (esize < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + esize <= end; p += esize) {
		const struct mb2_mmap_entry *e = (const void *)p;

		add_e820(e->addr, e->len, e->type);
	}
}

static void parse_multiboot2(u32 info_phys)
{
	const u8 *info = __va(info_phys);
	u32 total = *(const u32 *)info;
	u32 off = 8;
	bool have_new_rsdp = false;

	boot_params.loader = "multiboot2";
	keep_loader_range(info_phys, info_phys + total);
	while (off + sizeof(struct mb2_tag) <= total) {
		const struct mb2_tag *tag = (const void *)(info + off);

		if (tag->type == MB2_TAG_END || tag->size < 8)
			break;
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			set_cmdline((const char *)(tag + 1));
			break;
		case MB2_TAG_MODULE:
			if (!boot_params.initrd_start) {
				const u32 *m = (const u32 *)(tag + 1);

				boot_params.initrd_start = m[0];
				boot_params.initrd_size = m[1] - m[0];
			}
			break;
		case MB2_TAG_MMAP:
			parse_mb2_mmap(tag);
			break;
		case MB2_TAG_ACPI_NEW:
			have_new_rsdp = true;
			boot_params.rsdp = info_phys + off + sizeof(*tag);
			break;
		case MB2_TAG_ACPI_OLD:
			if (!have_new_rsdp)
				boot_params.rsdp = info_phys + off + sizeof(*tag);
			break;
		}
		off += ALIGN(tag->size, 8);
	}
}

void parse_boot_info(u32 protocol, u32 info_phys)
{
	boot_params.protocol = protocol;
	boot_params.loader = "none";
	if (protocol == BOOT_PROTO_PVH && info_phys)
		parse_pvh(info_phys);
	else if (protocol == BOOT_PROTO_MULTIBOOT2 && info_phys)
		parse_multiboot2(info_phys);
	if (!boot_params.cmdline[0] && CONFIG_CMDLINE[0])
		set_cmdline(CONFIG_CMDLINE);
}
