// SPDX-License-Identifier: GPL-2.0
/*
 * The C half of the syscall path: dispatch, and the work done on every
 * return to user mode.  See Documentation/x86/entry_64.rst.
 */
#include <lego/kernel.h>
#include <lego/errno.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/nospec.h>
#include <lego/strace.h>
#include <asm/syscall.h>
#include <asm/irqflags.h>
#include <asm/processor-flags.h>
#include <asm/msr.h>
#include <lego/compat.h>
#include <asm/uaccess.h>
#include <asm/vdso.h>
#include <lego/mm_types.h>

/*
 * Work pending before returning to user mode: rescheduling and signals.
 * Runs with interrupts disabled on entry and exit; enables them for the
 * work itself, and re-checks with them disabled so no new work can slip
 * in between the check and the return (a wakeup's interrupt would
 * otherwise be lost until the next syscall).
 */
static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long work)
{
	do {
		local_irq_enable();
		if (work & _TIF_NEED_RESCHED)
			schedule();
		if (work & _TIF_SIGPENDING)
			do_signal(regs);
		local_irq_disable();
		work = READ_ONCE(current->thread_flags) & _TIF_WORK_MASK;
	} while (work);
}

void syscall_exit_to_user_mode_prepare(struct pt_regs *regs)
{
	unsigned long work;

	local_irq_disable();
	work = READ_ONCE(current->thread_flags) & _TIF_WORK_MASK;
	if (unlikely(work))
		exit_to_user_mode_loop(regs, work);
	if (IS_ENABLED(CONFIG_DEBUG_ENTRY))
		WARN_ONCE(preempt_count(), "returning to user mode with preempt count %d",
			  preempt_count());
}

/*
 * SYSRET restores rip from rcx and rflags from r11 and cannot load
 * arbitrary CS/SS (Intel SDM Vol. 2B SYSRET), so it is only used when that
 * gives exactly the saved state.  Never with a non-canonical rip (bits
 * 63..47 not all clear: 4-level paging): Intel CPUs raise that #GP in
 * ring 0 with the user's rsp already loaded (CVE-2012-0217).  Not with TF
 * (the trap would hit the kernel's GS state) nor RF (SYSRET cannot restore
 * it).  The fast path in entry_64.S makes the same checks.
 */
static __always_inline bool can_sysret(const struct pt_regs *regs)
{
	if (unlikely(regs->cx != regs->ip || regs->r11 != regs->flags))
		return false;
	if (unlikely(regs->cs != __USER_CS || regs->ss != __USER_DS))
		return false;
	if (unlikely(regs->ip >> 47))		/* not a canonical user address */
		return false;
	if (unlikely(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF)))
		return false;
	return true;
}

/*
 * The end of every syscall exit: pending work, then whether SYSRET may
 * return.  The fast path in entry_64.S calls it directly when the handler
 * returned with interrupts enabled and the fast path, having disabled
 * them, found work to do.
 */
__visible bool syscall_exit_work(struct pt_regs *regs)
{
	syscall_exit_to_user_mode_prepare(regs);
	return can_sysret(regs);
}

/*
 * The syscall exit path: called with interrupts in whatever state the
 * handler left them.  A handler that returns with them disabled is a
 * kernel bug: warn once, naming it, and carry on.
 */
bool syscall_return_slowpath(struct pt_regs *regs)
{
	if (unlikely(irqs_disabled())) {
		long nr = (int)regs->orig_ax;

		WARN_ONCE(1, "syscall %ld (%s) returned with interrupts disabled, task %s[%d]",
			  nr, syscall_name(nr), current->comm, current->pid);
		local_irq_enable();
	}
	return syscall_exit_work(regs);
}

/*
 * The general syscall path, called from entry_SYSCALL_64 with interrupts
 * disabled and pt_regs complete, for everything the fast path there does
 * not take.  nr is the ABI's int: the upper half of rax is ignored (the
 * entry code sign-extends orig_ax's low half), but orig_ax keeps all 64
 * bits for tracers.  A negative nr, the x32 bit (0x40000000) and anything
 * past the table all fail the unsigned bound check and return -ENOSYS.
 */
#ifdef CONFIG_RANDOMIZE_KSTACK_OFFSET
DEFINE_PER_CPU(u32, kstack_offset);

/* The C path's half of the random stack offset (the fast path does the
 * same in entry_64.S): an alloca the compiler cannot drop. */
#define add_random_kstack_offset() do {					\
	void *__p = __builtin_alloca(this_cpu_read(kstack_offset) &	\
				     KSTACK_OFFSET_MASK);		\
	asm volatile("" : : "r"(__p) : "memory");			\
} while (0)
#define choose_random_kstack_offset() \
	this_cpu_write(kstack_offset, this_cpu_read(kstack_offset) ^ (u32)rdtsc())
#else
#define add_random_kstack_offset()	do { } while (0)
#define choose_random_kstack_offset()	do { } while (0)
#endif

__visible bool do_syscall_64(struct pt_regs *regs, int nr)
{
	if (IS_ENABLED(CONFIG_DEBUG_ENTRY))
		WARN_ONCE(regs != current_pt_regs(),
			  "syscall entry: kernel stack not empty");
	add_random_kstack_offset();
	local_irq_enable();
	if (likely((unsigned int)nr < NR_syscalls)) {
		/* Clamp the index under speculation too (Spectre v1). */
		unsigned int i = array_index_nospec((unsigned int)nr, NR_syscalls);

		if (unlikely(strace_active))
			regs->ax = strace_syscall(regs, i);
		else
			regs->ax = sys_call_table[i](regs->di, regs->si, regs->dx,
						     regs->r10, regs->r8, regs->r9);
	} else if (unlikely(strace_active)) {
		regs->ax = strace_syscall(regs, (unsigned int)nr);
	}
	choose_random_kstack_offset();
	return syscall_return_slowpath(regs);
}

#ifdef CONFIG_IA32_EMULATION
/*
 * The i386 dispatch every 32-bit entry ends in, interrupts enabled: the
 * number in orig_ax (zero-extended, as Linux's entry code stores it, so
 * that a restarted syscall finds it again), the arguments in bx, cx, dx,
 * si, di, bp, the result in ax, which starts as -ENOSYS, the answer for a
 * number past the table.  Only the low halves count, also from a 64-bit
 * caller (Linux truncates them the same way), and each argument reaches
 * the handler zero-extended.
 */
static __always_inline void do_syscall_32_irqs_on(struct pt_regs *regs)
{
	unsigned int nr = (u32)regs->orig_ax;

	if (unlikely(strace_active)) {
		regs->ax = strace_syscall_ia32(regs, nr < IA32_NR_syscalls ?
					       array_index_nospec(nr, IA32_NR_syscalls) : nr);
	} else if (likely(nr < IA32_NR_syscalls)) {
		nr = array_index_nospec(nr, IA32_NR_syscalls);
		regs->ax = ia32_sys_call_table[nr]((u32)regs->bx, (u32)regs->cx,
						   (u32)regs->dx, (u32)regs->si,
						   (u32)regs->di, (u32)regs->bp);
	}
}

/*
 * int $0x80 (entry_INT80_compat, through do_trap_or_irq), with interrupts
 * disabled and pt_regs complete; the number is still in ax.  TS_COMPAT
 * marks the syscall as a 32-bit one while it runs, exit work included
 * (the signal code's restart_syscall number, in_ia32_syscall()).
 */
void do_int80_syscall_32(struct pt_regs *regs)
{
	regs->orig_ax = (u32)regs->ax;
	regs->ax = -ENOSYS;
	current->thread.status |= TS_COMPAT;
	local_irq_enable();
	do_syscall_32_irqs_on(regs);
	syscall_return_slowpath(regs);
	current->thread.status &= ~TS_COMPAT;
}

/*
 * SYSENTER and compat SYSCALL (entry_64_compat.S), from the vDSO's
 * __kernel_vsyscall, with interrupts disabled, orig_ax the number and ax
 * -ENOSYS.  Made to look like int $0x80 from the vDSO: ip becomes
 * int80_landing_pad, whatever the CPU saved (SYSENTER saves nothing,
 * SYSCALL the address after its own instruction), and bp the 6th
 * argument, the user's ebp, which the vDSO pushed last and so lies at
 * the user's stack top.  A stack top that cannot be read is -EFAULT and
 * no syscall, as on Linux; the return is then IRET.  Returns whether
 * SYSRETL may return: it restores eip from ecx and eflags from r11, and
 * loads the fixed compat selectors, so only to the landing pad, with
 * those selectors, and without TF (the trap would hit the kernel's GS
 * state), RF (not restored) or VM.  A handler that changed the frame
 * (sigreturn, execve, a signal delivered) fails one of these.
 */
__visible bool do_fast_syscall_32(struct pt_regs *regs)
{
	unsigned long landing_pad = current->mm->vdso + vdso32_syms.landing_pad;
	u32 bp;

	regs->ip = landing_pad;
	current->thread.status |= TS_COMPAT;
	local_irq_enable();
	if (unlikely(get_user(bp, (u32 __user *)(unsigned long)(u32)regs->sp))) {
		regs->ax = -EFAULT;
		syscall_return_slowpath(regs);
		current->thread.status &= ~TS_COMPAT;
		return false;
	}
	regs->bp = bp;
	do_syscall_32_irqs_on(regs);
	syscall_return_slowpath(regs);
	current->thread.status &= ~TS_COMPAT;
	return regs->cs == __USER32_CS && regs->ss == __USER_DS &&
	       regs->ip == landing_pad &&
	       !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF | X86_EFLAGS_VM));
}

/*
 * SYSENTER: the entry pushed ebp, the user's esp by the vDSO's
 * convention, as pt_regs->sp (a 32-bit program's: its low half), and the
 * flags as SYSENTER left them, IF clear; user mode always runs with IF
 * set.
 */
__visible bool do_SYSENTER_32(struct pt_regs *regs)
{
	regs->sp = (u32)regs->sp;
	regs->flags |= X86_EFLAGS_IF;
	return do_fast_syscall_32(regs);
}
#endif

/*
 * Reports an unimplemented syscall once per number (sys_ni_syscall), by
 * its name in the table the caller used.
 */
void report_ni_syscall(long nr)
{
	static unsigned long reported[(NR_syscalls + 63) / 64];
	unsigned int n = (unsigned int)nr, limit = NR_syscalls;
	unsigned long *seen = reported;
	const char *abi = "", *name;

#ifdef CONFIG_IA32_EMULATION
	static unsigned long reported32[(IA32_NR_syscalls + 63) / 64];

	if (in_ia32_syscall()) {
		seen = reported32;
		limit = IA32_NR_syscalls;
		abi = "32-bit ";
	}
#endif
	if (n >= limit || (seen[n / 64] & (1UL << (n % 64))))
		return;
	seen[n / 64] |= 1UL << (n % 64);
#ifdef CONFIG_IA32_EMULATION
	name = *abi ? ia32_syscall_name(n) : syscall_name(n);
#else
	name = syscall_name(n);
#endif
	pr_info("%s[%d]: %ssyscall %u (%s) is not implemented\n",
		current->comm, current->pid, abi, n, name);
}

/*
 * IRET back to user mode faulted (entry_64.S, .Lbad_iret): bad is the
 * kernel-mode fault's frame, whose saved registers are the user's (IRET
 * faulted with them loaded) and whose sp points at the frame IRET refused
 * (ip, cs, flags, sp, ss).  Builds from both the user pt_regs at the top
 * of the task's stack, as if the fault had happened in user mode where
 * IRET was returning, and returns it.  bad may overlap that area, so it
 * is copied first.  The selectors keep RPL 3 whatever the refused frame
 * said, so the fault is a user fault (SIGSEGV), never a kernel one.
 */
__visible struct pt_regs *fixup_bad_iret(struct pt_regs *bad)
{
	struct pt_regs tmp = *bad, *uregs = current_pt_regs();
	const unsigned long *frame = (const unsigned long *)bad->sp;

	tmp.ip = frame[0];
	tmp.cs = frame[1] | 3;
	tmp.flags = frame[2];
	tmp.sp = frame[3];
	tmp.ss = frame[4] | 3;
	*uregs = tmp;
	return uregs;
}
