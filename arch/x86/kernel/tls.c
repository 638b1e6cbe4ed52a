// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-local storage segments for 32-bit programs: set_thread_area and
 * get_thread_area manage three GDT entries per thread (12-14, selectors
 * 0x63, 0x6b, 0x73, as Linux's GDT_ENTRY_TLS_*), which the context switch
 * copies into the running CPU's GDT (load_TLS).  glibc's i386 static
 * startup puts its thread pointer there and loads %gs with the selector.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/compat.h>
#include <asm/uaccess.h>
#include <asm/desc.h>
#include <asm/cpu_entry_area.h>
#include <asm/tls.h>
#include <asm/irqflags.h>

/* struct user_desc (asm/ldt.h): 16 bytes, the flags a bit field. */
struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 seg_32bit:1;
	u32 contents:2;
	u32 read_exec_only:1;
	u32 limit_in_pages:1;
	u32 seg_not_present:1;
	u32 useable:1;
	u32 lm:1;
};
_Static_assert(sizeof(struct user_desc) == 16, "user_desc");

DEFINE_PER_CPU(bool, gdt_tls_live);

void __load_TLS(const struct thread_struct *t)
{
	struct desc_struct *gdt = this_cpu_ptr(&cpu_entry_area)->gdt;

	memcpy(&gdt[GDT_ENTRY_TLS_MIN], t->tls_array, sizeof(t->tls_array));
	this_cpu_write(gdt_tls_live, t->tls_live);
}

/* The "no segment" forms Linux accepts to clear an entry (LDT_empty,
 * LDT_zero). */
static bool desc_empty(const struct user_desc *u)
{
	const u32 *w = (const u32 *)u;

	if (u->base_addr == 0 && u->limit == 0 && w[3] == 0)
		return true;
	return u->base_addr == 0 && u->limit == 0 && u->contents == 0 &&
	       u->read_exec_only == 1 && u->seg_32bit == 0 && u->limit_in_pages == 0 &&
	       u->seg_not_present == 1 && u->useable == 0 && u->lm == 0;
}

/*
 * Linux's tls_desc_okay: only present 32-bit data segments (no 16-bit
 * ones, which a 64-bit kernel cannot return to safely, and no code).
 */
static bool desc_okay(const struct user_desc *u)
{
	if (desc_empty(u))
		return true;
	return u->seg_32bit && u->contents <= 1 && !u->seg_not_present;
}

/* A user_desc as a descriptor (SDM Vol. 3A 3.4.5), DPL 3, accessed. */
static void fill_desc(struct desc_struct *d, const struct user_desc *u)
{
	if (desc_empty(u)) {
		memset(d, 0, sizeof(*d));
		return;
	}
	d->limit0 = u->limit & 0xffff;
	d->base0 = u->base_addr & 0xffff;
	d->base1 = (u->base_addr >> 16) & 0xff;
	d->type_dpl_p = 0x10 | 0x01 | (!u->read_exec_only << 1) | (u->contents << 2) |
			(3 << 5) | (!u->seg_not_present << 7);
	d->limit1_flags = ((u->limit >> 16) & 0xf) | (u->useable << 4) |
			  (u->seg_32bit << 6) | (u->limit_in_pages << 7);
	d->base2 = u->base_addr >> 24;
}

/*
 * Sets a TLS entry of t from the user_desc at uinfo: entry_number -1
 * asks for the first free one, which is written back.  -EINVAL for an
 * entry outside 12-14 or a descriptor desc_okay() refuses, -ESRCH when
 * none is free, -EFAULT; nothing changes on error.  Returns the entry.
 */
int do_set_thread_area(struct thread_struct *t, struct user_desc __user *uinfo)
{
	struct user_desc info;
	int idx, i;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if (!desc_okay(&info))
		return -EINVAL;
	idx = info.entry_number;
	if (idx == -1) {
		for (i = 0, idx = -ESRCH; i < GDT_ENTRY_TLS_ENTRIES; i++) {
			const u32 *w = (const u32 *)&t->tls_array[i];

			if (!w[0] && !w[1]) {
				idx = GDT_ENTRY_TLS_MIN + i;
				break;
			}
		}
		if (idx < 0)
			return idx;
		if (put_user(idx, &uinfo->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_desc(&t->tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	t->tls_live = true;
	return idx;
}

#ifdef CONFIG_IA32_EMULATION
/*
 * The CPU's GDT gets the new entry at once (the caller may load the
 * selector next), and FS or GS already holding its selector is reloaded
 * so its cached base follows, as on Linux.
 */
COMPAT_SYSCALL_DEFINE1(set_thread_area, struct user_desc __user *, uinfo)
{
	int idx = do_set_thread_area(&current->thread, uinfo);
	unsigned long flags;
	u16 sel = (idx << 3) | 3, fs, gs;

	if (idx < 0)
		return idx;
	flags = local_irq_save();
	load_TLS(&current->thread);
	savesegment(fs, fs);
	savesegment(gs, gs);
	if (fs == sel)
		loadsegment(fs, sel);
	if (gs == sel)
		load_gs_index(sel);
	local_irq_restore(flags);
	return 0;
}

static void fill_user_desc(struct user_desc *u, unsigned int idx, const struct desc_struct *d)
{
	memset(u, 0, sizeof(*u));
	u->entry_number = idx;
	u->base_addr = d->base0 | (d->base1 << 16) | (d->base2 << 24);
	u->limit = d->limit0 | ((d->limit1_flags & 0xf) << 16);
	u->seg_32bit = (d->limit1_flags >> 6) & 1;
	u->contents = (d->type_dpl_p >> 2) & 3;
	u->read_exec_only = !((d->type_dpl_p >> 1) & 1);
	u->limit_in_pages = (d->limit1_flags >> 7) & 1;
	u->seg_not_present = !(d->type_dpl_p >> 7);
	u->useable = (d->limit1_flags >> 4) & 1;
	u->lm = (d->limit1_flags >> 5) & 1;
}

/*
 * The three TLS entries of t as get_thread_area shows them, for an i386
 * core's NT_386_TLS note (buf holds 3 * 16 bytes); returns how many
 * entries count, up to the last one in use (0: no note, as Linux's
 * regset_tls_active).
 */
unsigned int tls_core_entries(const struct thread_struct *t, void *buf)
{
	static const struct desc_struct empty;
	struct user_desc *u = buf;
	unsigned int i, n = 0;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++) {
		fill_user_desc(&u[i], GDT_ENTRY_TLS_MIN + i, &t->tls_array[i]);
		if (memcmp(&t->tls_array[i], &empty, sizeof(empty)))
			n = i + 1;
	}
	return n;
}

COMPAT_SYSCALL_DEFINE1(get_thread_area, struct user_desc __user *, uinfo)
{
	struct user_desc info;
	int idx;

	if (get_user(idx, &uinfo->entry_number))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_user_desc(&info, idx, &current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN]);
	return copy_to_user(uinfo, &info, sizeof(info)) ? -EFAULT : 0;
}
#endif
