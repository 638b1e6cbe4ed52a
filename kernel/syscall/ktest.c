// SPDX-License-Identifier: GPL-2.0
/*
 * Lego-private test syscalls (numbers 1000 and up, CONFIG_KTEST only):
 * they let user-space tests drive kernel paths no ordinary syscall
 * reaches.  Without CONFIG_KTEST the numbers return -ENOSYS.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <asm/irqflags.h>

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
