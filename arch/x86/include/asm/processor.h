/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <lego/types.h>
#include <lego/compiler.h>
#include <asm/processor-flags.h>
#include <asm/page_types.h>
#include <asm/desc.h>

static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "a"(leaf), "c"(sub));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	cpuid_count(leaf, 0, a, b, c, d);
}

#define DEFINE_CR(n)							\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long v;						\
	asm volatile("mov %%cr" #n ", %0" : "=r"(v) : : "memory");	\
	return v;							\
}									\
static inline void write_cr##n(unsigned long v)				\
{									\
	asm volatile("mov %0, %%cr" #n : : "r"(v) : "memory");		\
}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}

static inline void invlpg(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Flush all non-global TLB entries (Intel SDM Vol. 3A 4.10.4.1). */
static inline void flush_tlb_local(void)
{
	write_cr3(read_cr3());
}

/*
 * The 64-bit TSS (Intel SDM Vol. 3A 8.7, figure 8-11).  sp0 is the stack
 * the CPU switches to on an interrupt or exception from ring 3; ist[] are
 * the Interrupt Stack Table stacks for NMI, #DF, #MC and #DB.
 */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;
_Static_assert(sizeof(struct x86_hw_tss) == 104, "TSS layout");

/* IST slots (1-based in the IDT gate; 0 means "no IST"). */
#define IST_INDEX_DF	0
#define IST_INDEX_NMI	1
#define IST_INDEX_DB	2
#define IST_INDEX_MC	3
#define N_EXCEPTION_STACKS 4
#define EXCEPTION_STACK_SIZE PAGE_SIZE

/* What a task keeps of its CPU state when it is not running. */
struct thread_struct {
	unsigned long sp0;		/* top of the kernel stack */
	unsigned long sp;		/* saved kernel rsp while switched out */
	unsigned long fsbase;
	unsigned long gsbase;		/* the user's GS base */
	u16 fsindex, gsindex;
	u16 ds, es;		/* __USER_DS for a 32-bit program, else 0 */
	/* The TLS GDT entries 12-14 (asm/tls.h, set_thread_area). */
	struct desc_struct tls_array[3];
	/* Set once an entry has been set: clear, all three are zero. */
	bool tls_live;
	/* TS_COMPAT while a 32-bit syscall runs (lego/compat.h). */
	unsigned int status;
	/* The last user fault, for the signal frame's sigcontext (Linux's
	 * thread.trap_nr, error_code, cr2). */
	unsigned long trap_nr, error_code, cr2;
};

/* CPU features Lego looks at, from CPUID. */
struct cpuinfo_x86 {
	char vendor[13];
	char model_id[49];
	u32 family, model, stepping;
	u32 cpuid_1_ecx, cpuid_1_edx;
	u32 cpuid_7_ebx, cpuid_7_ecx;
	u32 ext_1_ecx, ext_1_edx;
	u32 max_leaf;
	bool smep, smap, nx, fsgsbase, rdrand, rdtscp, rdpid, tsc_deadline,
	     x2apic, fxsr, xsave, pdpe1gb, invariant_tsc, umip;
};
extern struct cpuinfo_x86 boot_cpu_data;

void identify_boot_cpu(void);
void cpu_parse_cmdline(const char *cmdline);
struct pt_regs;
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
void start_thread_ia32(struct pt_regs *regs, unsigned long ip, unsigned long sp);
void x86_64_start_kernel(u32 protocol, u32 info_phys);
void cpu_init(void);
void syscall_init(void);

#endif /* _ASM_X86_PROCESSOR_H */
