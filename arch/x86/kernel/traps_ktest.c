// SPDX-License-Identifier: GPL-2.0
/*
 * ktests of the exception path: faults provoked on purpose in kernel
 * mode are delivered to the right vector with the right error code and
 * CR2, and execution resumes; user-copy faults are fixed up to a short
 * copy.  The "panic" suite takes a real NULL dereference and must end in
 * a register dump and a symbolic backtrace (run alone: ktest=panic).
 */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <asm/traps.h>
#include <lego/sched.h>
#include <asm/uaccess.h>
#include <asm/irq_vectors.h>
#include <asm/page_types.h>

static void call_fn(void *fn)
{
	((void (*)(void))fn)();
}

static int expect_fault(int vector, int len, void (*fn)(void),
			struct expected_fault *ef)
{
	ef->vector = vector;
	ef->insn_len = len;
	ef->emulate_ret = false;
	return ktest_expect_fault(ef, call_fn, fn);
}

static void do_ud2(void)
{
	asm volatile("ud2");				/* 0f 0b */
}

static void do_int3(void)
{
	/* #BP is a trap: rip already points past the 1-byte int3. */
	asm volatile("int3");
}

static void do_noncanonical_load(void)
{
	unsigned long v, p = 0x8000000000000000UL;

	asm volatile("movq (%1), %0" : "=r"(v) : "r"(p));	/* 3 bytes */
}

static void do_divide_by_zero(void)
{
	unsigned int a = 1, d = 0, z = 0;

	asm volatile("divl %2" : "+a"(a), "+d"(d) : "r"(z));	/* 2 bytes */
}

static void do_unmapped_read(void)
{
	unsigned long v, p = VMALLOC_START;	/* the first stack's guard page */

	asm volatile("movq (%1), %0" : "=r"(v) : "r"(p));
}

KTEST(traps, invalid_opcode)
{
	struct expected_fault ef;

	KTEST_EXPECT(expect_fault(X86_TRAP_UD, 2, do_ud2, &ef) == 1);
	return 0;
}

KTEST(traps, int3)
{
	struct expected_fault ef;

	KTEST_EXPECT(expect_fault(X86_TRAP_BP, 0, do_int3, &ef) == 1);
	return 0;
}

KTEST(traps, general_protection_noncanonical)
{
	struct expected_fault ef;

	KTEST_EXPECT(expect_fault(X86_TRAP_GP, 3, do_noncanonical_load, &ef) == 1);
	KTEST_EXPECT(ef.error_code == 0);
	return 0;
}

KTEST(traps, divide_error)
{
	struct expected_fault ef;

	KTEST_EXPECT(expect_fault(X86_TRAP_DE, 2, do_divide_by_zero, &ef) == 1);
	return 0;
}

KTEST(traps, page_fault_cr2_and_error_code)
{
	struct expected_fault ef;

	KTEST_EXPECT(expect_fault(X86_TRAP_PF, 3, do_unmapped_read, &ef) == 1);
	KTEST_EXPECT(ef.cr2 == VMALLOC_START);
	/* not present, read, supervisor */
	KTEST_EXPECT((ef.error_code & (X86_PF_PROT | X86_PF_WRITE | X86_PF_USER)) == 0);
	return 0;
}

KTEST(uaccess, fixup_unmapped_user)
{
	char buf[16] = "";

	/* The boot task has no user address space: every page faults. */
	KTEST_EXPECT(copy_from_user(buf, (const void __user *)0x10000, 16) == 16);
	KTEST_EXPECT(copy_to_user((void __user *)0x10000, buf, 16) == 16);
	KTEST_EXPECT(clear_user((void __user *)0x10000, 16) == 16);
	KTEST_EXPECT(strncpy_from_user(buf, (const char __user *)0x10000, 16) == -EFAULT);
	return 0;
}

KTEST(uaccess, range_checks)
{
	char buf[16] = "";

	KTEST_EXPECT(!access_ok((const void __user *)(TASK_SIZE_MAX - 8), 16));
	KTEST_EXPECT(access_ok((const void __user *)(TASK_SIZE_MAX - 16), 16));
	KTEST_EXPECT(!access_ok((const void __user *)~0UL, 2));
	KTEST_EXPECT(!access_ok((const void __user *)16, ~0UL));
	/* A kernel address is refused before any access. */
	KTEST_EXPECT(copy_from_user(buf, (const void __user *)buf, 16) == 16);
	KTEST_EXPECT(copy_from_user(buf, (const void __user *)__START_KERNEL_map, 1) == 1);
	return 0;
}

KTEST(panic_null_deref, oops)
{
	volatile unsigned long *p = NULL;

	pr_info("ktest: dereferencing NULL on purpose\n");
	return (int)*p;
}

/*
 * A kernel stack overflowing into its guard page: the write faults, the
 * CPU cannot push the #PF frame on the same exhausted stack and raises
 * #DF instead, which runs on its IST stack and reports "kernel stack
 * overflow" before the panic.  Runs on a kernel thread: its stack has the
 * guard page (the boot stack does not).
 */
static volatile bool keep_recursing = true;

static noinline int overflow_stack(int depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (keep_recursing)
		return overflow_stack(depth + 1) + pad[0];
	return pad[0];
}

static int overflow_thread(void *arg)
{
	return overflow_stack(0);
}

KTEST(panic_stack_overflow, double_fault)
{
	pr_info("ktest: overflowing a kernel stack on purpose\n");
	if (!kernel_thread(overflow_thread, NULL, "overflow"))
		return 1;
	for (;;)
		schedule();
}
