/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO data page ([vvar]) and the clock reader that the kernel and the
 * vDSO share, so that a clock read through the vDSO and the same clock read
 * through a syscall are computed by the same code from the same numbers
 * (Documentation/x86/vdso.rst).
 *
 * This header is compiled into the kernel and into the vDSO, a user-space
 * shared object (BUILD_VDSO).  It may therefore hold only types, inline
 * functions and ring-3 instructions, and nothing that needs a relocation.
 *
 * The protocol is a sequence count.  The kernel writer (under vvar_lock,
 * interrupts off) makes seq odd, writes, makes seq even; a reader takes seq
 * while it is even, reads, and starts again if seq changed meanwhile.  x86
 * keeps loads in order with loads and stores in order with stores (Intel
 * SDM Vol. 3A 9.2.2), so only the compiler needs a barrier on either side;
 * RDTSC is not ordered against loads at all, hence the LFENCE before it.
 */
#ifndef _ASM_X86_VVAR_H
#define _ASM_X86_VVAR_H

/* [vvar] is this many pages, mapped right below the vDSO image. */
#define VVAR_NR_PAGES		1

/* How __vdso_getcpu() learns the CPU number (vdso_data.getcpu_mode). */
#define VDSO_GETCPU_LSL		0	/* limit of the per-CPU GDT entry */
#define VDSO_GETCPU_RDTSCP	1	/* IA32_TSC_AUX through RDTSCP */
#define VDSO_GETCPU_RDPID	2	/* IA32_TSC_AUX through RDPID */

/* Clock ids below this have a slot in vdso_data.offset_ns[]. */
#define VDSO_NR_CLOCKS		16

#ifndef __ASSEMBLY__
#include <lego/types.h>
#include <lego/compiler.h>
#include <lego/time.h>
#include <uapi/lego/time.h>
#include <asm/msr.h>
#include <asm/page_types.h>

/* The clocks the data page serves; every other id is the syscall's. */
#define VDSO_HRES_CLOCKS	((1U << CLOCK_REALTIME) | (1U << CLOCK_MONOTONIC) | \
				 (1U << CLOCK_MONOTONIC_RAW) | (1U << CLOCK_BOOTTIME) | \
				 (1U << CLOCK_TAI))
#define VDSO_COARSE_CLOCKS	((1U << CLOCK_REALTIME_COARSE) | \
				 (1U << CLOCK_MONOTONIC_COARSE))

/*
 * The data page.  CLOCK_MONOTONIC is (TSC - tsc_base) * mult >> shift,
 * with a 128-bit product (no overflow for centuries); every served clock
 * is CLOCK_MONOTONIC, or its value at the last tick for the coarse ones,
 * plus offset_ns[clock].  Only the kernel writes it.
 */
struct vdso_data {
	u32 seq;		/* odd while the kernel writes */
	u32 getcpu_mode;	/* VDSO_GETCPU_*, fixed at boot */
	u64 tsc_base;		/* TSC value at CLOCK_MONOTONIC 0 */
	u64 mult;		/* ns per TSC cycle, fixed point */
	u32 shift;		/* ... with this many fraction bits */
	u32 hres_res_ns;	/* clock_getres() of the TSC clocks */
	u64 coarse_mono_ns;	/* CLOCK_MONOTONIC at the last tick */
	u32 coarse_res_ns;	/* clock_getres() of the _COARSE clocks */
	s32 tz_minuteswest;	/* gettimeofday()'s struct timezone */
	s32 tz_dsttime;
	u32 reserved;
	u64 offset_ns[VDSO_NR_CLOCKS];	/* clock - CLOCK_MONOTONIC */
};
/* The layout Documentation/x86/vdso.rst draws. */
_Static_assert(offsetof(struct vdso_data, tsc_base) == 8 &&
	       offsetof(struct vdso_data, coarse_mono_ns) == 32 &&
	       offsetof(struct vdso_data, tz_minuteswest) == 44 &&
	       offsetof(struct vdso_data, offset_ns) == 56 &&
	       sizeof(struct vdso_data) == 184, "struct vdso_data layout");

static __always_inline u32 vvar_read_begin(const struct vdso_data *d)
{
	u32 seq;

	while ((seq = READ_ONCE(d->seq)) & 1)
		asm volatile("pause");
	barrier();
	return seq;
}

static __always_inline bool vvar_read_retry(const struct vdso_data *d, u32 seq)
{
	barrier();
	return READ_ONCE(d->seq) != seq;
}

/* CLOCK_MONOTONIC for a TSC value: the one conversion Lego has. */
static __always_inline u64 vvar_tsc_to_ns(const struct vdso_data *d, u64 tsc)
{
	return (u64)(((unsigned __int128)(tsc - d->tsc_base) * d->mult) >> d->shift);
}

/*
 * The reading of clock clk in ns since its epoch.  False, leaving *ns
 * alone, for a clock the data page does not serve: the caller then makes
 * the syscall (the vDSO), or serves it some other way (the kernel).
 */
static __always_inline bool vvar_clock_read(const struct vdso_data *d,
					    clockid_t clk, u64 *ns)
{
	u32 seq, bit;
	u64 t;

	if ((u32)clk >= VDSO_NR_CLOCKS)
		return false;
	bit = 1U << clk;
	if (!(bit & (VDSO_HRES_CLOCKS | VDSO_COARSE_CLOCKS)))
		return false;
	do {
		seq = vvar_read_begin(d);
		if (bit & VDSO_HRES_CLOCKS)
			t = vvar_tsc_to_ns(d, rdtsc_ordered());
		else
			t = d->coarse_mono_ns;
		t += d->offset_ns[clk];
	} while (vvar_read_retry(d, seq));
	*ns = t;
	return true;
}

/* clock_getres() of clk, under the same rule as vvar_clock_read(). */
static __always_inline bool vvar_clock_res(const struct vdso_data *d,
					   clockid_t clk, u32 *res_ns)
{
	u32 bit;

	if ((u32)clk >= VDSO_NR_CLOCKS)
		return false;
	bit = 1U << clk;
	if (bit & VDSO_HRES_CLOCKS)
		*res_ns = READ_ONCE(d->hres_res_ns);
	else if (bit & VDSO_COARSE_CLOCKS)
		*res_ns = READ_ONCE(d->coarse_res_ns);
	else
		return false;
	return true;
}

/* time(): the seconds of CLOCK_REALTIME at the last tick, as Linux's. */
static __always_inline long vvar_time(const struct vdso_data *d)
{
	u64 ns;

	vvar_clock_read(d, CLOCK_REALTIME_COARSE, &ns);
	return ns / NSEC_PER_SEC;
}

/* gettimeofday()'s struct timezone. */
static __always_inline void vvar_timezone(const struct vdso_data *d, struct timezone *tz)
{
	tz->tz_minuteswest = READ_ONCE(d->tz_minuteswest);
	tz->tz_dsttime = READ_ONCE(d->tz_dsttime);
}

/*
 * What getcpu() reads, in IA32_TSC_AUX (RDTSCP, RDPID) and in the limit
 * of the GDT entry GDT_ENTRY_CPUNODE (LSL): Linux's encoding, the node
 * above the low 12 bits of the CPU number.
 */
#define VDSO_CPUNODE_BITS	12
#define VDSO_CPUNODE_MASK	((1U << VDSO_CPUNODE_BITS) - 1)

static __always_inline u32 vdso_encode_cpunode(u32 cpu, u32 node)
{
	return (node << VDSO_CPUNODE_BITS) | cpu;
}

#ifndef BUILD_VDSO
/* The kernel's copy, which user space maps (arch/x86/kernel/tsc.c). */
union vvar_page {
	struct vdso_data data;
	u8 bytes[VVAR_NR_PAGES * PAGE_SIZE];
} __aligned(PAGE_SIZE);
extern union vvar_page vvar_page;
#endif

/* ns since an epoch, as the syscalls hand them out. */
static __always_inline void vvar_ns_to_timespec(u64 ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

static __always_inline void vvar_ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_VVAR_H */
