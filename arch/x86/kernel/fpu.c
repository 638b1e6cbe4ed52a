// SPDX-License-Identifier: GPL-2.0
/*
 * FPU, SSE and AVX state for user tasks: FXSAVE (512 bytes) or, with
 * XSAVE, the size CPUID.(EAX=0DH,ECX=0):EBX reports for the features
 * enabled in XCR0 (Intel SDM Vol. 1 13.2).
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <asm/processor.h>
#include <asm/fpu.h>

unsigned int fpu_state_size = 512;
static u64 xfeatures;			/* XCR0 */
static u8 init_state[4096] __aligned(64);
static bool init_saved;

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
