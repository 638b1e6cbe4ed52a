/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H

/* Which protocol entered the kernel (set by head_64.S). */
#define BOOT_PROTO_NONE		0
#define BOOT_PROTO_PVH		1
#define BOOT_PROTO_MULTIBOOT2	2

#ifndef __ASSEMBLY__
#include <lego/types.h>

#define E820_MAX_ENTRIES	128
#define E820_TYPE_RAM		1
#define E820_TYPE_RESERVED	2
#define E820_TYPE_ACPI		3
#define E820_TYPE_NVS		4
#define E820_TYPE_UNUSABLE	5

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
};

/*
 * What the boot loader told us, in one protocol-independent form.  Filled
 * by arch/x86/kernel/bootinfo.c from the PVH start_info or the multiboot2
 * information; everything is copied into the kernel image so the loader's
 * memory can be reused.
 */
struct boot_params {
	int protocol;
	const char *loader;		/* "PVH", "multiboot2" or "none" */
	char cmdline[2048];
	struct e820_entry e820[E820_MAX_ENTRIES];
	int nr_e820;
	u64 initrd_start;		/* physical, 0 when none */
	u64 initrd_size;
	u64 rsdp;			/* physical, 0 when unknown */
	u64 loader_data_start;		/* physical range to keep while booting */
	u64 loader_data_end;
};

extern struct boot_params boot_params;

void parse_boot_info(u32 protocol, u32 info_phys);
#endif

#endif /* _ASM_X86_BOOTPARAM_H */
