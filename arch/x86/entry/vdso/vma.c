// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO in every process: [vvar], the data page (asm/vvar.h), and right
 * above it [vdso], the image vdso-image.S embeds.  exec maps them at a
 * random page below the stack and hands the program the image's address
 * as AT_SYSINFO_EHDR.  Both are ordinary VMAs over pages the kernel owns
 * (struct vm_special_mapping): fork copies them, exec replaces them, and
 * munmap, mprotect, mremap and madvise treat them as Linux does (whole
 * only, never grown; [vdso] may be made writable, a write copying the
 * page; [vvar], Linux's VM_IO | VM_PFNMAP, only ever readable).
 *
 * "vdso=0" on the command line maps neither and leaves AT_SYSINFO_EHDR
 * out, as Linux's; the C library then makes every call a syscall.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/mutex.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/sched.h>
#include <lego/binfmts.h>
#include <lego/errno.h>
#include <asm/processor.h>
#include <asm/vdso.h>
#include <asm/vvar.h>

extern const char vdso_image_start[], vdso_image_end[];

#ifdef CONFIG_IA32_EMULATION
#include "vdso32-syms.h"

extern char vdso32_image_start[], vdso32_image_end[];

const struct vdso32_syms vdso32_syms = {
	.vsyscall = VDSO32___kernel_vsyscall,
	.landing_pad = VDSO32_int80_landing_pad,
	.sigreturn = VDSO32___kernel_sigreturn,
	.rt_sigreturn = VDSO32___kernel_rt_sigreturn,
};

static struct vm_special_mapping vdso32_mapping = {
	.name = "[vdso]",
	.max_flags = VM_READ | VM_WRITE | VM_EXEC,
};

static bool vdso32_enabled = true;
#endif

static struct vm_special_mapping vvar_mapping = {
	.name = "[vvar]",
	.max_flags = VM_READ,
};

static struct vm_special_mapping vdso_mapping = {
	.name = "[vdso]",
	.max_flags = VM_READ | VM_WRITE | VM_EXEC,
};

static bool vdso_enabled = true;

/*
 * The vDSO starts at one of this many pages below the stack: a 2 MiB span,
 * 9 bits of randomness, as Linux's vdso_addr() picks one of the pages
 * from the stack's top to the next 2 MiB boundary.
 */
#define VDSO_RANDOM_PAGES	512

/*
 * Where the vDSO's len bytes go.  Linux 6.1 puts them just above its
 * randomised stack top; Lego's stack ends at STACK_TOP and grows down to
 * RLIMIT_STACK, keeping STACK_GUARD_GAP from the next mapping (mm/mmap.c
 * expand_stack), so they go just below that reach instead, at a random
 * page.  A stack limit that leaves no room above mmap_base (unlimited)
 * sends them to the mmap area, below mmap_base.
 */
static unsigned long vdso_addr(struct mm_struct *mm, unsigned long len)
{
	unsigned long rlim = rlimit(RLIMIT_STACK);
	unsigned long span = len + VDSO_RANDOM_PAGES * PAGE_SIZE, top;

	if (rlim > STACK_TOP - STACK_GUARD_GAP)
		return 0;
	top = (STACK_TOP - STACK_GUARD_GAP - rlim) & PAGE_MASK;
	if (top < mm->mmap_base || top - mm->mmap_base < span)
		return 0;
	return top - len - (get_random_u64() % VDSO_RANDOM_PAGES) * PAGE_SIZE;
}

#ifdef CONFIG_IA32_EMULATION
/*
 * Which fast entry __kernel_vsyscall uses, chosen as Linux chooses
 * X86_FEATURE_SYSENTER32 and X86_FEATURE_SYSCALL32 for a 64-bit kernel:
 * SYSENTER on Intel, Centaur and Zhaoxin CPUs (AMD's raise #UD for
 * SYSENTER in long mode, AMD APM Vol. 3 SYSENTER), SYSCALL on AMD and
 * Hygon (Intel's raise #UD for SYSCALL outside 64-bit mode, Intel SDM
 * Vol. 2B SYSCALL), int $0x80 on any other CPU or when CPUID lacks the
 * instruction (SEP: leaf 1 EDX bit 11; SYSCALL: leaf 0x80000001 EDX bit
 * 11).  The four patched bytes replace the no-op at vdso32_fast_entry.
 */
static const char *vdso32_choose_entry(void)
{
	static const u8 sysenter_seq[4] = { 0x89, 0xe5, 0x0f, 0x34 };	/* movl %esp,%ebp; sysenter */
	static const u8 syscall_seq[4] = { 0x89, 0xcd, 0x0f, 0x05 };	/* movl %ecx,%ebp; syscall */
	const char *v = boot_cpu_data.vendor;
	const u8 *seq = NULL;
	const char *name = "int $0x80";

	if ((!strcmp(v, "GenuineIntel") || !strcmp(v, "CentaurHauls") ||
	     !strcmp(v, "  Shanghai  ")) && (boot_cpu_data.cpuid_1_edx & (1 << 11))) {
		seq = sysenter_seq;
		name = "SYSENTER";
	} else if ((!strcmp(v, "AuthenticAMD") || !strcmp(v, "HygonGenuine")) &&
		   (boot_cpu_data.ext_1_edx & (1 << 11))) {
		seq = syscall_seq;
		name = "SYSCALL";
	}
	if (seq)
		memcpy(vdso32_image_start + VDSO32_vdso32_fast_entry, seq, 4);
	return name;
}

/* A 32-bit program's [vdso]: the i386 image alone (it reads no data
 * page), wherever the top-down search below mmap_base finds room, as
 * Linux maps its vdso32. */
static int map_vdso32(struct mm_struct *mm)
{
	unsigned long len = vdso32_mapping.nr_pages << PAGE_SHIFT, addr;
	int r;

	if (!vdso32_enabled)
		return 0;
	mutex_lock(&mm->mmap_lock);
	addr = get_unmapped_area(mm, 0, len, 0);
	r = IS_ERR_VALUE(addr) ? (int)addr :
	    install_special_mapping(mm, addr, len, VM_READ | VM_EXEC, &vdso32_mapping);
	if (!r)
		mm->vdso = addr;
	mutex_unlock(&mm->mmap_lock);
	return r;
}

static void vdso32_init(const char *cmdline)
{
	char v[16];

	/* "vdso32=0", as Linux's: no [vdso], no AT_SYSINFO, int $0x80. */
	if (cmdline_get(cmdline, "vdso32", v, sizeof(v)))
		vdso32_enabled = simple_strtoul(v, NULL, 0) != 0;
	vdso32_mapping.pfn = PFN_DOWN(__pa_symbol(vdso32_image_start));
	vdso32_mapping.nr_pages = DIV_ROUND_UP(vdso32_image_end - vdso32_image_start, PAGE_SIZE);
	pr_info("vdso32: %lu-byte image%s, __kernel_vsyscall by %s\n",
		(unsigned long)(vdso32_image_end - vdso32_image_start),
		vdso32_enabled ? "" : " (disabled by vdso32=0)", vdso32_choose_entry());
}
#endif

void vdso_init(const char *cmdline)
{
	static const char *const getcpu_by[] = {
		[VDSO_GETCPU_LSL] = "LSL", [VDSO_GETCPU_RDTSCP] = "RDTSCP",
		[VDSO_GETCPU_RDPID] = "RDPID",
	};
	struct vdso_data *d = &vvar_page.data;
	char v[16];

	if (cmdline_get(cmdline, "vdso", v, sizeof(v)))
		vdso_enabled = simple_strtoul(v, NULL, 0) != 0;
	vvar_mapping.pfn = PFN_DOWN(__pa_symbol(&vvar_page));
	vvar_mapping.nr_pages = VVAR_NR_PAGES;
	vdso_mapping.pfn = PFN_DOWN(__pa_symbol(vdso_image_start));
	vdso_mapping.nr_pages = DIV_ROUND_UP(vdso_image_end - vdso_image_start, PAGE_SIZE);
	/* Fixed before any process runs: no reader to race with. */
	d->getcpu_mode = boot_cpu_data.rdpid ? VDSO_GETCPU_RDPID :
			 boot_cpu_data.rdtscp ? VDSO_GETCPU_RDTSCP : VDSO_GETCPU_LSL;
	pr_info("vdso: %lu-byte image%s, getcpu by %s\n",
		(unsigned long)(vdso_image_end - vdso_image_start),
		vdso_enabled ? "" : " (disabled by vdso=0)", getcpu_by[d->getcpu_mode]);
#ifdef CONFIG_IA32_EMULATION
	vdso32_init(cmdline);
#endif
}

int arch_setup_additional_pages(struct mm_struct *mm)
{
	unsigned long vvar_len = VVAR_NR_PAGES * PAGE_SIZE;
	unsigned long len = vvar_len + (vdso_mapping.nr_pages << PAGE_SHIFT), addr;
	int r;

	mm->vdso = 0;
#ifdef CONFIG_IA32_EMULATION
	if (mm->ia32)
		return map_vdso32(mm);
#endif
	if (!vdso_enabled)
		return 0;
	mutex_lock(&mm->mmap_lock);
	addr = get_unmapped_area(mm, vdso_addr(mm, len), len, 0);
	r = IS_ERR_VALUE(addr) ? (int)addr :
	    install_special_mapping(mm, addr, vvar_len,
				    VM_READ | VM_IO | VM_PFNMAP | VM_DONTDUMP, &vvar_mapping);
	if (!r) {
		r = install_special_mapping(mm, addr + vvar_len, len - vvar_len,
					    VM_READ | VM_EXEC, &vdso_mapping);
		if (r)
			do_munmap(mm, addr, vvar_len);
		else
			mm->vdso = addr + vvar_len;
	}
	mutex_unlock(&mm->mmap_lock);
	return r;
}
