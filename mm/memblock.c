// SPDX-License-Identifier: GPL-2.0
/*
 * The boot-time allocator: usable RAM from the firmware map less what is
 * taken (the first MiB, the kernel image, the initramfs, the loader's
 * data).  It hands out the page tables and the struct page array before
 * the buddy allocator exists, then gives the rest to it.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <asm/bootparam.h>

#define MAX_REGIONS	128

struct region {
	phys_addr_t start, end;
};

static struct region mem[MAX_REGIONS], rsv[MAX_REGIONS];
static int nr_mem, nr_rsv;
unsigned long max_pfn;

void memblock_reserve(phys_addr_t start, phys_addr_t end)
{
	int i;

	start &= PAGE_MASK;
	end = PAGE_ALIGN(end);
	/* Grow a touching region: allocations come in runs. */
	for (i = 0; i < nr_rsv; i++) {
		if (start <= rsv[i].end && rsv[i].start <= end) {
			rsv[i].start = min(rsv[i].start, start);
			rsv[i].end = max(rsv[i].end, end);
			return;
		}
	}
	if (nr_rsv == MAX_REGIONS)
		panic("memblock: too many reserved regions");
	rsv[nr_rsv].start = start & PAGE_MASK;
	rsv[nr_rsv].end = PAGE_ALIGN(end);
	nr_rsv++;
}

/* The index of a reserved region overlapping [start, end), or -1. */
static int find_reserved(phys_addr_t start, phys_addr_t end)
{
	int i;

	for (i = 0; i < nr_rsv; i++)
		if (start < rsv[i].end && rsv[i].start < end)
			return i;
	return -1;
}

void memblock_init(void)
{
	int i;

	for (i = 0; i < boot_params.nr_e820; i++) {
		const struct e820_entry *e = &boot_params.e820[i];
		phys_addr_t s = PAGE_ALIGN(e->addr);
		phys_addr_t t = (e->addr + e->size) & PAGE_MASK;

		if (e->type != E820_TYPE_RAM || s >= t || nr_mem == MAX_REGIONS)
			continue;
		mem[nr_mem].start = s;
		mem[nr_mem].end = t;
		nr_mem++;
		max_pfn = max(max_pfn, (unsigned long)PFN_DOWN(t));
	}
	if (!nr_mem)
		panic("no usable RAM in the firmware memory map");
	/* Real-mode IVT, BDA, EBDA and the BIOS area stay untouched. */
	memblock_reserve(0, 0x100000);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end));
	if (boot_params.initrd_size)
		memblock_reserve(boot_params.initrd_start,
				 boot_params.initrd_start + boot_params.initrd_size);
	if (boot_params.loader_data_end)
		memblock_reserve(boot_params.loader_data_start,
				 boot_params.loader_data_end);
}

/*
 * First fit from the top of memory below 4 GiB (what the early page
 * tables map), so low memory stays free for whatever needs it.
 */
phys_addr_t memblock_alloc(size_t size, size_t align)
{
	int i, r;

	size = PAGE_ALIGN(size);
	for (i = nr_mem - 1; i >= 0; i--) {
		phys_addr_t end = min(mem[i].end, (phys_addr_t)1 << 32);
		phys_addr_t start;

		while (end >= mem[i].start + size) {
			start = ALIGN_DOWN(end - size, align);
			if (start < mem[i].start)
				break;
			r = find_reserved(start, start + size);
			if (r < 0) {
				memblock_reserve(start, start + size);
				return start;
			}
			end = rsv[r].start;	/* try again below it */
		}
	}
	panic("memblock: out of memory allocating %zu bytes", size);
}

/* Hands every page not reserved to free_range(start_pfn, end_pfn). */
void memblock_free_all(void (*free_range)(unsigned long, unsigned long))
{
	int i, r;

	for (i = 0; i < nr_mem; i++) {
		phys_addr_t p = mem[i].start, q;

		while (p < mem[i].end) {
			r = find_reserved(p, p + PAGE_SIZE);
			if (r >= 0) {
				p = max(rsv[r].end, p + PAGE_SIZE);
				continue;
			}
			for (q = p + PAGE_SIZE; q < mem[i].end; q += PAGE_SIZE)
				if (find_reserved(q, q + PAGE_SIZE) >= 0)
					break;
			free_range(PFN_DOWN(p), PFN_DOWN(q));
			p = q;
		}
	}
}
