// SPDX-License-Identifier: GPL-2.0
/*
 * CPU setup: feature identification, the GDT and TSS, control register
 * features (SMEP, SMAP, FPU/SSE), and the SYSCALL MSRs.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/mm.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/percpu.h>
#include <asm/smap.h>
#include <asm/syscall.h>
#include <asm/fpu.h>
#include <asm/cpu_entry_area.h>
#include <asm/pti.h>
#include <asm/vvar.h>
#include <lego/smp.h>

struct cpuinfo_x86 boot_cpu_data;

/* Each CPU's GDT, TSS and IST stacks (asm/cpu_entry_area.h). */
DEFINE_PER_CPU(struct cpu_entry_area, cpu_entry_area);

static bool nosmap, nosmep;

void identify_boot_cpu(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max_ext;
	u32 *v = (u32 *)c->vendor;

	cpuid(0, &c->max_leaf, &v[0], &v[2], &v[1]);
	c->vendor[12] = 0;
	cpuid(1, &a, &b, &c->cpuid_1_ecx, &c->cpuid_1_edx);
	c->family = (a >> 8) & 0xf;
	c->model = (a >> 4) & 0xf;
	c->stepping = a & 0xf;
	if (c->family == 0xf)
		c->family += (a >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((a >> 16) & 0xf) << 4;
	if (c->max_leaf >= 7)
		cpuid_count(7, 0, &a, &c->cpuid_7_ebx, &c->cpuid_7_ecx, &d);
	cpuid(0x80000000, &max_ext, &b, &cx, &d);
	if (max_ext >= 0x80000001)
		cpuid(0x80000001, &a, &b, &c->ext_1_ecx, &c->ext_1_edx);
	if (max_ext >= 0x80000004) {
		u32 *m = (u32 *)c->model_id;

		cpuid(0x80000002, &m[0], &m[1], &m[2], &m[3]);
		cpuid(0x80000003, &m[4], &m[5], &m[6], &m[7]);
		cpuid(0x80000004, &m[8], &m[9], &m[10], &m[11]);
		c->model_id[48] = 0;
	}
	if (max_ext >= 0x80000007) {
		cpuid(0x80000007, &a, &b, &cx, &d);
		c->invariant_tsc = d & (1 << 8);
	}
	c->fxsr = c->cpuid_1_edx & (1 << 24);
	c->xsave = c->cpuid_1_ecx & (1 << 26);
	c->x2apic = c->cpuid_1_ecx & (1 << 21);
	c->tsc_deadline = c->cpuid_1_ecx & (1 << 24);
	c->rdrand = c->cpuid_1_ecx & (1 << 30);
	c->smep = (c->cpuid_7_ebx & (1 << 7)) && !nosmep;
	c->smap = (c->cpuid_7_ebx & (1 << 20)) && !nosmap;
	c->fsgsbase = c->cpuid_7_ebx & (1 << 0);
	c->umip = c->cpuid_7_ecx & (1 << 2);
	c->nx = c->ext_1_edx & (1 << 20);
	c->pdpe1gb = c->ext_1_edx & (1 << 26);
	c->rdtscp = c->ext_1_edx & (1 << 27);
	c->rdpid = c->cpuid_7_ecx & (1 << 22);

	/* Before anything runs a STAC or CLAC. */
	smap_patch_sites(c->smap);
}

/* nosmap / nosmep on the command line, as Linux spells them. */
void cpu_parse_cmdline(const char *cmdline)
{
	char v[4];

	nosmap = cmdline_get(cmdline, "nosmap", v, sizeof(v));
	nosmep = cmdline_get(cmdline, "nosmep", v, sizeof(v));
	pti_parse_cmdline(cmdline);
}

/* Without SMAP, STAC/CLAC are #UD: overwrite each with a 3-byte NOP. */
void smap_patch_sites(bool have_smap)
{
	extern const u64 __start_smap_sites[], __stop_smap_sites[];
	static const u8 nop3[3] = { 0x0f, 0x1f, 0x00 };
	const u64 *p;

	if (have_smap)
		return;
	for (p = __start_smap_sites; p < __stop_smap_sites; p++)
		memcpy((void *)*p, nop3, sizeof(nop3));
}

static void set_code_desc(struct desc_struct *d, u8 dpl, bool long_mode)
{
	/* Base and limit are ignored in 64-bit mode (SDM Vol. 3A 3.4.5). */
	d->limit0 = 0xffff;
	d->base0 = 0;
	d->base1 = 0;
	d->type_dpl_p = 0x9a | (dpl << 5);		/* P, S, code, readable */
	d->limit1_flags = long_mode ? 0xaf : 0xcf;	/* G, L or D/B */
	d->base2 = 0;
}

static void set_data_desc(struct desc_struct *d, u8 dpl)
{
	d->limit0 = 0xffff;
	d->base0 = 0;
	d->base1 = 0;
	d->type_dpl_p = 0x92 | (dpl << 5);		/* P, S, data, writable */
	d->limit1_flags = 0xcf;
	d->base2 = 0;
}

/*
 * The CPU number for LSL in ring 3 (the vDSO's getcpu): a present,
 * read-only, accessed data segment of DPL 3 whose 20-bit limit is the
 * value (SDM Vol. 2A LSL, Vol. 3A 3.4.5).  Nothing ever loads it.
 */
static void set_cpunode_desc(struct desc_struct *d, u32 cpunode)
{
	d->limit0 = cpunode & 0xffff;
	d->base0 = 0;
	d->base1 = 0;
	d->type_dpl_p = 0x91 | (3 << 5);		/* P, S, data, read-only, A */
	d->limit1_flags = 0x40 | ((cpunode >> 16) & 0xf);	/* D/B, byte granular */
	d->base2 = 0;
}

static void set_tss_desc(struct desc_struct *gdt, const struct x86_hw_tss *tss)
{
	struct tss_desc *d = (struct tss_desc *)&gdt[GDT_ENTRY_TSS];
	u64 base = (u64)tss;
	u32 limit = sizeof(*tss) - 1;

	memset(d, 0, sizeof(*d));
	d->limit0 = limit & 0xffff;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->type_dpl_p = 0x80 | DESC_TSS;		/* P, DPL 0, 64-bit TSS */
	d->limit1_flags = (limit >> 16) & 0xf;
	d->base2 = (base >> 24) & 0xff;
	d->base3 = base >> 32;
}

static void setup_gdt_tss(void)
{
	struct cpu_entry_area *cea = this_cpu_ptr(&cpu_entry_area);
	struct desc_struct *gdt = cea->gdt;
	struct x86_hw_tss *tss = &cea->tss;
	struct desc_ptr gdtr = { GDT_ENTRIES * 8 - 1, (u64)gdt };
	int i;

	memset(gdt, 0, sizeof(struct desc_struct) * GDT_ENTRIES);
	set_code_desc(&gdt[GDT_ENTRY_KERNEL32_CS], 0, false);
	set_code_desc(&gdt[GDT_ENTRY_KERNEL_CS], 0, true);
	set_data_desc(&gdt[GDT_ENTRY_KERNEL_DS], 0);
	set_code_desc(&gdt[GDT_ENTRY_DEFAULT_USER32_CS], 3, false);
	set_data_desc(&gdt[GDT_ENTRY_DEFAULT_USER_DS], 3);
	set_code_desc(&gdt[GDT_ENTRY_DEFAULT_USER_CS], 3, true);
	set_cpunode_desc(&gdt[GDT_ENTRY_CPUNODE],
			 vdso_encode_cpunode(smp_processor_id(), 0));

	memset(tss, 0, sizeof(*tss));
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		tss->ist[i] = (u64)cea->ist_stacks[i] + EXCEPTION_STACK_SIZE;
	/* No I/O bitmap: the base lies past the limit, so every port
	 * access from ring 3 faults (SDM Vol. 1 19.5.2). */
	tss->io_bitmap_base = sizeof(*tss);
	set_tss_desc(gdt, tss);

	/*
	 * Reloading GS would clear the GS base MSR, so only the other
	 * selectors are reloaded; CS through a far return.
	 */
	asm volatile("lgdt %0\n\t"
		     "movl %1, %%ds\n\t"
		     "movl %1, %%es\n\t"
		     "movl %1, %%ss\n\t"
		     "pushq %2\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:"
		     : : "m"(gdtr), "r"(__KERNEL_DS), "i"(__KERNEL_CS) : "rax", "memory");
	asm volatile("ltr %w0" : : "r"(GDT_ENTRY_TSS_SEL));
}

/*
 * SYSCALL/SYSRET (Intel SDM Vol. 3A 5.8.8, AMD APM Vol. 2 6.1.1):
 *   STAR[47:32]  SYSCALL CS = __KERNEL_CS, SS = CS + 8 = __KERNEL_DS
 *   STAR[63:48]  SYSRET base = __USER32_CS: 64-bit SYSRET loads
 *                CS = base + 16 = __USER_CS and SS = base + 8 = __USER_DS
 *   LSTAR        the 64-bit entry point
 *   CSTAR        the compat-mode entry (AMD only): entry_SYSCALL_compat,
 *                or -ENOSYS at once without IA32 emulation
 *   SYSCALL_MASK RFLAGS bits cleared on entry: interrupts stay off until
 *                the stack is switched, no single-step or alignment
 *                checks in the kernel, DF clear as the C ABI requires.
 *
 * SYSENTER (SDM Vol. 2B SYSENTER, Vol. 3A 5.8.7): with IA32 emulation
 *   SYSENTER_CS  __KERNEL_CS: SYSENTER loads CS = 0x10, SS = 0x18, and
 *                32-bit SYSEXIT would load CS = 0x10 + 16 = __USER32_CS,
 *                SS = 0x10 + 24 = __USER_DS (the GDT's order is for it)
 *   SYSENTER_ESP this CPU's entry stack top: SYSENTER loads rsp from it
 *                and entry_SYSENTER_compat moves to the task's stack at
 *                once (its first push is there, mapped with page-table
 *                isolation too)
 *   SYSENTER_EIP entry_SYSENTER_compat.
 * Without it SYSENTER_CS is 0, so SYSENTER raises #GP(0) ("IF
 * IA32_SYSENTER_CS[15:2] = 0"), as Linux's GDT_ENTRY_INVALID_SEG does.
 */
void syscall_init(void)
{
	extern char entry_SYSCALL_64[];

	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
	      X86_EFLAGS_IOPL | X86_EFLAGS_AC | X86_EFLAGS_NT);
#ifdef CONFIG_IA32_EMULATION
	{
		extern char entry_SYSCALL_compat[], entry_SYSENTER_compat[];
		struct cpu_entry_area *cea = this_cpu_ptr(&cpu_entry_area);

		wrmsr(MSR_CSTAR, (u64)entry_SYSCALL_compat);
		wrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS);
		wrmsr(MSR_IA32_SYSENTER_ESP, (u64)cea->entry_stack + ENTRY_STACK_SIZE);
		wrmsr(MSR_IA32_SYSENTER_EIP, (u64)entry_SYSENTER_compat);
	}
#else
	{
		extern char entry_SYSCALL_compat_ignore[];

		wrmsr(MSR_CSTAR, (u64)entry_SYSCALL_compat_ignore);
		wrmsr(MSR_IA32_SYSENTER_CS, 0);
		wrmsr(MSR_IA32_SYSENTER_ESP, 0);
		wrmsr(MSR_IA32_SYSENTER_EIP, 0);
	}
#endif
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

static void setup_cr4(void)
{
	unsigned long cr4 = read_cr4();

	if (boot_cpu_data.smep)
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_data.smap)
		cr4 |= X86_CR4_SMAP;
	write_cr4(cr4);
}

/* Per-CPU state every CPU sets up for itself. */
void cpu_init(void)
{
	setup_gdt_tss();
	load_idt();
	syscall_init();
	setup_cr4();
	fpu_init_cpu();
	/* User GS base starts at 0; the kernel's is in MSR_GS_BASE. */
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	wrmsr(MSR_FS_BASE, 0);
	/* RDTSCP and RDPID read the CPU number here (getcpu in the vDSO);
	 * the MSR exists when either does (SDM Vol. 4 table 2-2). */
	if (boot_cpu_data.rdtscp || boot_cpu_data.rdpid)
		wrmsr(MSR_TSC_AUX, vdso_encode_cpunode(smp_processor_id(), 0));
}
