// SPDX-License-Identifier: GPL-2.0
/*
 * FPU, SSE and AVX state for user tasks: FXSAVE (512 bytes) or, with
 * XSAVE, the size CPUID.(EAX=0DH,ECX=0):EBX reports for the features
 * enabled in XCR0 (Intel SDM Vol. 1 13.2).
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/preempt.h>
#include <lego/sched.h>
#include <uapi/lego/signal.h>
#include <asm/processor.h>
#include <asm/fpu.h>
#include <asm/uaccess.h>

unsigned int fpu_state_size = 512;
static u64 xfeatures;			/* XCR0 */
static u8 init_state[4096] __aligned(64);
static bool init_saved;
static u32 mxcsr_mask;			/* MXCSR bits the CPU implements */

/* The FXSAVE image's MXCSR and MXCSR_MASK (Intel SDM Vol. 1 10.5.1). */
#define FX_MXCSR		24
#define FX_MXCSR_MASK		28
#define FX_SW_BYTES		464	/* struct _fpx_sw_bytes: software's own */
#define XSAVE_HDR		512	/* the XSAVE header (SDM Vol. 1 13.4.2) */
#define XFEATURE_MASK_FPSSE	0x3

static void xsetbv(u32 index, u64 value)
{
	asm volatile("xsetbv" : : "c"(index), "a"((u32)value), "d"((u32)(value >> 32)));
}

/* CR0.MP|NE, no EM/TS; CR4.OSFXSR|OSXMMEXCPT so user code may use SSE;
 * CR4.OSXSAVE and XCR0 with x87|SSE|AVX when the CPU has XSAVE. */
void fpu_init_cpu(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();
	u32 a, b, c, d;

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (boot_cpu_data.xsave)
		cr4 |= X86_CR4_OSXSAVE;
	write_cr4(cr4);
	if (boot_cpu_data.xsave) {
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		xfeatures = a & 0x7;		/* x87, SSE, AVX */
		xsetbv(0, xfeatures);
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		fpu_state_size = b;		/* for the enabled features */
		if (fpu_state_size > sizeof(init_state))
			panic("XSAVE area of %u bytes is too large", fpu_state_size);
	}
	asm volatile("fninit");
	/* The state a new program starts with (Linux: FCW 0x37f, MXCSR 0x1f80),
	 * taken once, on the boot CPU. */
	if (!init_saved) {
		fpu_save(init_state);
		init_saved = true;
		/* A zero mask means the default 0xffbf (SDM Vol. 1 11.6.6). */
		mxcsr_mask = *(u32 *)(init_state + FX_MXCSR_MASK) ?: 0xffbf;
	}
}

void fpu_save(void *state)
{
	if (xfeatures)
		asm volatile("xsave64 (%0)" : : "r"(state), "a"((u32)xfeatures),
			     "d"((u32)(xfeatures >> 32)) : "memory");
	else
		asm volatile("fxsave64 (%0)" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
	if (xfeatures)
		asm volatile("xrstor64 (%0)" : : "r"(state), "a"((u32)xfeatures),
			     "d"((u32)(xfeatures >> 32)) : "memory");
	else
		asm volatile("fxrstor64 (%0)" : : "r"(state) : "memory");
}

void *fpu_alloc_state(void)
{
	/* kmalloc's power-of-two classes are naturally aligned: 64 bytes
	 * alignment as XSAVE requires. */
	return kmalloc(max(fpu_state_size, 64u), GFP_KERNEL);
}

void fpu_free_state(void *state)
{
	kfree(state);
}

void fpu_init_state(void *state)
{
	memcpy(state, init_state, fpu_state_size);
}

void fpu_copy_state(void *dst, const void *src)
{
	memcpy(dst, src, fpu_state_size);
}

/* ------------------------------------------------------ signal frames */
/*
 * The image of the user's FPU registers in a signal frame, as Linux lays
 * it out (arch/x86/kernel/fpu/signal.c): the XSAVE standard form with
 * software bytes 464..511 describing it (FP_XSTATE_MAGIC1, the sizes,
 * the features) and FP_XSTATE_MAGIC2 after it; an FXSAVE image alone
 * when the CPU has no XSAVE.
 */
unsigned int fpu_sigframe_size(void)
{
	return xfeatures ? fpu_state_size + FP_XSTATE_MAGIC2_SIZE : 512;
}

bool fpu_sigframe_xstate(void)
{
	return xfeatures;
}

/*
 * Saves the current registers into buf (64-byte aligned user memory).
 * A preemption after fpu_save() saves the same registers again, so the
 * copy is of this task's state either way.
 */
int fpu_save_sigframe(void __user *buf)
{
	struct _fpx_sw_bytes sw = { 0 };
	u8 __user *b = buf;
	u64 bv;

	fpu_save(current->fpu_state);
	if (copy_to_user(b, current->fpu_state, fpu_state_size))
		return -EFAULT;
	if (xfeatures) {
		sw.magic1 = FP_XSTATE_MAGIC1;
		sw.extended_size = fpu_state_size + FP_XSTATE_MAGIC2_SIZE;
		sw.xfeatures = xfeatures;
		sw.xstate_size = fpu_state_size;
		/* FP and SSE always marked present, as Linux: a program that
		 * edits them in the legacy area sees its change restored. */
		bv = *(u64 *)((u8 *)current->fpu_state + XSAVE_HDR) | XFEATURE_MASK_FPSSE;
		if (put_user(bv, (u64 __user *)(b + XSAVE_HDR)) ||
		    put_user(FP_XSTATE_MAGIC2, (u32 __user *)(b + fpu_state_size)))
			return -EFAULT;
	}
	return copy_to_user(b + FX_SW_BYTES, &sw, sizeof(sw)) ? -EFAULT : 0;
}

/* A new program's registers, for a signal handler (Linux clears them). */
void fpu_reset_user(void)
{
	preempt_disable();
	fpu_init_state(current->fpu_state);
	fpu_restore(current->fpu_state);
	preempt_enable();
}

/*
 * Makes an image from user memory safe to load: XRSTOR and FXRSTOR raise
 * #GP on reserved MXCSR bits, on XSTATE_BV bits not enabled in XCR0, on
 * a non-zero XCOMP_BV (the compacted form) and on non-zero reserved
 * header bytes (SDM Vol. 1 13.8.1), so each is cleared.  A frame without
 * a valid XSAVE description restores x87 and SSE only, the rest of the
 * state starting from its initial values.
 */
static void sanitize_image(u8 *img, bool xstate)
{
	*(u32 *)(img + FX_MXCSR) &= mxcsr_mask;
	if (!xfeatures)
		return;
	if (!xstate) {
		memset(img + XSAVE_HDR, 0, 64);
		*(u64 *)(img + XSAVE_HDR) = XFEATURE_MASK_FPSSE;
		return;
	}
	*(u64 *)(img + XSAVE_HDR) &= xfeatures;
	memset(img + XSAVE_HDR + 8, 0, 56);
}

/* Whether buf's software bytes describe a whole XSAVE image of ours. */
static bool sigframe_has_xstate(const u8 __user *b, const struct _fpx_sw_bytes *sw)
{
	u32 magic2;

	if (!xfeatures || sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size != fpu_state_size ||
	    sw->extended_size < sw->xstate_size + FP_XSTATE_MAGIC2_SIZE)
		return false;
	return !get_user(magic2, (const u32 __user *)(b + sw->xstate_size)) &&
	       magic2 == FP_XSTATE_MAGIC2;
}

/*
 * rt_sigreturn: the registers from the frame's image at buf (NULL: the
 * initial state).  The image is read into a buffer of its own first: a
 * fault may sleep, and a context switch then would overwrite the task's
 * saved state.
 */
int fpu_restore_sigframe(const void __user *buf)
{
	const u8 __user *b = buf;
	struct _fpx_sw_bytes sw;
	bool xstate;
	u8 *img;
	int r = -EFAULT;

	if (!buf) {
		fpu_reset_user();
		return 0;
	}
	if ((unsigned long)buf & 63)
		return -EFAULT;		/* FXRSTOR/XRSTOR need the alignment */
	img = fpu_alloc_state();
	if (!img)
		return -ENOMEM;
	memcpy(img, init_state, fpu_state_size);
	if (copy_from_user(&sw, b + FX_SW_BYTES, sizeof(sw)))
		goto out;
	xstate = sigframe_has_xstate(b, &sw);
	if (copy_from_user(img, b, xstate ? fpu_state_size : 512))
		goto out;
	sanitize_image(img, xstate);
	preempt_disable();
	fpu_copy_state(current->fpu_state, img);
	fpu_restore(current->fpu_state);
	preempt_enable();
	r = 0;
out:
	fpu_free_state(img);
	return r;
}

/* The x87 status and control words and MXCSR, for a #MF or #XM signal. */
void fpu_read_status(u16 *cwd, u16 *swd, u32 *mxcsr)
{
	const u8 *s = current->fpu_state;

	fpu_save(current->fpu_state);
	*cwd = *(const u16 *)s;
	*swd = *(const u16 *)(s + 2);
	*mxcsr = *(const u32 *)(s + FX_MXCSR);
}
