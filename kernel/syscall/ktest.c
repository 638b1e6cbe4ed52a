// SPDX-License-Identifier: GPL-2.0
/*
 * Lego-private test syscalls (numbers 1000 and up, CONFIG_KTEST only):
 * they let user-space tests drive kernel paths no ordinary syscall
 * reaches.  Without CONFIG_KTEST the numbers return -ENOSYS.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm_types.h>
#include <lego/syscalls.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>
#include <asm/pti.h>
#include <asm/desc.h>
#include <asm/cpu_entry_area.h>

/*
 * 1000: returns with interrupts disabled, a handler bug on purpose; the
 * exit path must WARN once naming this syscall and carry on.
 */
SYSCALL_DEFINE0(lego_ktest_irqs_off)
{
	local_irq_disable();
	return 0;
}

/*
 * 1001: sets the saved user rcx and r11.  rcx then differs from rip, so
 * the exit path must use IRET, which restores them as set; SYSRET would
 * load rcx = rip and r11 = rflags instead.
 */
SYSCALL_DEFINE2(lego_ktest_set_rcx_r11, unsigned long, rcx, unsigned long, r11)
{
	struct pt_regs *regs = current_pt_regs();

	regs->cx = rcx;
	regs->r11 = r11;
	return 0;
}

/*
 * 1002: spins for ms milliseconds (at most 10 s) with interrupts enabled,
 * as a long syscall does, then checks that the user frame saved at entry
 * is where task_pt_regs() says and unchanged, however many interrupts
 * came (and, with CONFIG_PREEMPT, however often the task was preempted or
 * moved), and that smp_processor_id() agrees with the run queue the task
 * is on.  Writes the CPUs it started and ended on to cpus[0..1]; returns
 * the timer ticks that hit it, or -EIO if a check failed.
 */
SYSCALL_DEFINE2(lego_ktest_spin, unsigned long, ms, int __user *, cpus)
{
	struct pt_regs *regs = current_pt_regs(), saved = *regs;
	u64 stime0 = current->stime, end;
	int c[2];

	if (ms > 10000)
		return -EINVAL;
	WARN_ONCE(irqs_disabled(), "lego_ktest_spin entered with interrupts off");
	end = ktime_get_ns() + ms * NSEC_PER_MSEC;
	c[0] = smp_processor_id();
	while (ktime_get_ns() < end)
		cpu_relax();
	preempt_disable();
	c[1] = smp_processor_id();
	if (c[1] != READ_ONCE(current->cpu)) {
		preempt_enable();
		return -EIO;
	}
	preempt_enable();
	if (current_pt_regs() != regs || memcmp(regs, &saved, sizeof(saved)))
		return -EIO;
	if (copy_to_user(cpus, c, sizeof(c)))
		return -EFAULT;
	return (current->stime - stime0) / (NSEC_PER_SEC / CONFIG_HZ);
}

/*
 * 1003: touches user memory the way no kernel code may -- outside the
 * user-copy helpers -- to show SMAP and SMEP at work (Intel SDM Vol. 3A
 * 4.6.1).  mode 0 reads the byte at addr with a plain load; mode 1 calls
 * the code at addr.  Returns the byte read (mode 0) or 0 (mode 1) when the
 * access went through, and -EFAULT when it faulted, as it must with SMAP
 * or SMEP on.  The fault is expected and skipped (ktest_expect_fault), so
 * it never becomes an oops.
 */
static void plain_user_read(void *arg)
{
	unsigned long *a = arg;
	unsigned char v = 0;

	/* A plain load, in no exception table: movb (%rbx), %al, 2 bytes
	 * (8a 03), fixed so the fault handler knows what to skip. */
	asm volatile("movb (%1), %0" : "=a"(v) : "b"(a[0]) : "memory");
	a[1] = v;
}

static void plain_user_call(void *arg)
{
	unsigned long *a = arg;

	asm volatile("call *%0" : : "r"(a[0])
		     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
		       "memory");
}

SYSCALL_DEFINE2(lego_ktest_uaccess, unsigned long, addr, int, mode)
{
	struct expected_fault ef = { .vector = X86_TRAP_PF };
	unsigned long a[2] = { addr, 0 };

	if (addr >= TASK_SIZE_MAX || (mode != 0 && mode != 1))
		return -EINVAL;
	if (mode == 0) {
		ef.insn_len = 2;	/* movb (%rbx), %al: 8a 03 */
		if (ktest_expect_fault(&ef, plain_user_read, a))
			return -EFAULT;
		return a[1];
	}
	ef.emulate_ret = true;
	if (ktest_expect_fault(&ef, plain_user_call, a))
		return -EFAULT;
	return 0;
}

/* 1004: how deep below its pt_regs this handler's frame is, in bytes
 * (CONFIG_RANDOMIZE_KSTACK_OFFSET makes it vary from call to call). */
SYSCALL_DEFINE0(lego_ktest_kstack_depth)
{
	return (unsigned long)current_pt_regs() - (unsigned long)__builtin_frame_address(0);
}

/*
 * 1005: whether page-table isolation maps, in the caller's user page
 * tables, one kind of address: 0 the entry text, 1 the IDT, 2 this CPU's
 * entry area, 3 kernel data, 4 kernel text outside the entry code, 5 the
 * caller's kernel stack, 6 the user address arg.  1 mapped, 0 not,
 * -ENODEV when isolation is off, -EINVAL for another kind.
 */
SYSCALL_DEFINE2(lego_ktest_pti, int, kind, unsigned long, arg)
{
	extern char __entry_text_start[];
	const void *addr;

	if (!pti_enabled)
		return -ENODEV;
	switch (kind) {
	case 0: addr = __entry_text_start; break;
	case 1: addr = idt_table; break;
	case 2: addr = this_cpu_ptr(&cpu_entry_area); break;
	case 3: addr = &init_task; break;
	case 4: addr = (const void *)sys_lego_ktest_pti; break;
	case 5: addr = current->stack; break;
	case 6: addr = (const void *)arg; break;
	default: return -EINVAL;
	}
	return pti_user_mapped(current->mm->pgd, (unsigned long)addr);
}
