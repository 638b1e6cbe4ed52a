// SPDX-License-Identifier: GPL-2.0
/*
 * Lego-private test syscalls (numbers 1000 and up, CONFIG_KTEST only):
 * they let user-space tests drive kernel paths no ordinary syscall
 * reaches.  Without CONFIG_KTEST the numbers return -ENOSYS.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>
#include <asm/processor.h>

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
