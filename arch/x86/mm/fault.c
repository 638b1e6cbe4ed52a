// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler (#PF, vector 14).  CR2 holds the faulting
 * address; the error code says present/write/user/instruction (Intel SDM
 * Vol. 3A 4.7).  User addresses are demand-paged from the task's VMAs,
 * whether the access came from user mode or from a user-copy helper.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/errno.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/vsyscall.h>

static void kernel_page_fault(struct pt_regs *regs, unsigned long addr,
			      unsigned long err)
{
	/* A user-copy helper: the copy stops, the syscall gets -EFAULT. */
	if (fixup_exception(regs) || ktest_fault_expected(regs, X86_TRAP_PF))
		return;
	if (is_stack_guard(addr))
		printk(KERN_EMERG "BUG: kernel stack overflow (guard page hit at %016lx)\n",
		       addr);
	else if (addr < PAGE_SIZE)
		printk(KERN_EMERG "BUG: kernel NULL pointer dereference, address: %016lx\n",
		       addr);
	else
		printk(KERN_EMERG "BUG: unable to handle page fault for address: %016lx\n",
		       addr);
	printk(KERN_EMERG "#PF: supervisor %s access in %s mode\n",
	       (err & X86_PF_INSTR) ? "instruction fetch" :
	       (err & X86_PF_WRITE) ? "write" : "read",
	       (err & X86_PF_USER) ? "user" : "kernel");
	printk(KERN_EMERG "#PF: error_code(0x%04lx) - %s\n", err,
	       (err & X86_PF_PROT) ? "permissions violation" : "not-present page");
	die("Oops", regs, err);
}

/*
 * Whether a kernel-mode fault on a user address may be resolved by the
 * VMAs.  A missing page may.  A present page only for a write from a
 * user-copy helper: the page is copy-on-write since fork, and put_user
 * into it (wait4's status, read() into a fresh stack buffer) must copy
 * it as a user write would.  The helpers run with EFLAGS.AC set (STAC)
 * when SMAP is on; any other protection fault (an instruction fetch, a
 * kernel access outside the helpers) is an SMEP/SMAP violation that no
 * mapping change fixes, as in Linux's do_user_addr_fault.
 */
static bool kernel_fault_resolvable(const struct pt_regs *regs, unsigned long err)
{
	if (!(err & X86_PF_PROT))
		return true;
	if ((err & X86_PF_INSTR) || !(err & X86_PF_WRITE))
		return false;
	return !boot_cpu_data.smap || (regs->flags & X86_EFLAGS_AC);
}

void do_page_fault(struct pt_regs *regs, unsigned long err)
{
	unsigned long addr = read_cr2();
	struct mm_struct *mm = current ? current->mm : NULL;
	int r = -EFAULT;

	/* CR2 is read; a nested fault may now overwrite it. */
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	/* A call into the legacy vsyscall page (arch/x86/entry/vsyscall). */
	if (user_mode(regs) && is_vsyscall_vaddr(addr) &&
	    emulate_vsyscall(regs, addr, err))
		return;
	if (addr < TASK_SIZE_MAX && mm && !(err & X86_PF_RSVD)) {
		/*
		 * Kernel code that cannot sleep (a lock held, interrupts off)
		 * gets the page only if mmap_lock is free at once: waiting
		 * could deadlock, so it gets -EFAULT instead.
		 */
		bool atomic = !user_mode(regs) &&
			      (preempt_count() || !(regs->flags & X86_EFLAGS_IF));

		if (user_mode(regs) || kernel_fault_resolvable(regs, err)) {
			if (atomic ? mutex_trylock(&mm->mmap_lock) :
				     (mutex_lock(&mm->mmap_lock), true)) {
				r = handle_mm_fault(mm, addr, err);
				mutex_unlock(&mm->mmap_lock);
			}
		}
	}
	if (!r)
		return;
	/* A fatal signal stopped a remote page's fetch (mm/remote.c): it is
	 * delivered on the way back to user mode; a user copy just fails. */
	if (r == -EINTR && user_mode(regs))
		return;
	if (!user_mode(regs)) {
		local_irq_disable();
		kernel_page_fault(regs, addr, err);
		return;
	}
	/* As Linux, a user access to a kernel address reports a protection
	 * fault, whatever the page tables there hold. */
	if (addr >= TASK_SIZE_MAX)
		err |= X86_PF_PROT;
	current->thread.trap_nr = X86_TRAP_PF;
	current->thread.error_code = err | X86_PF_USER;
	current->thread.cr2 = addr;
	/*
	 * No memory for the page.  Lego has no OOM killer to choose a
	 * victim: the process that needs the page is the one killed, as
	 * Linux's vm.oom_kill_allocating_task=1 does (Documentation/process/
	 * decisions.rst).  A signal it could catch would fault again.
	 */
	if (r == -ENOMEM) {
		pr_err("Out of memory: Killed process %d (%s) at %lx\n",
		       current->tgid, current->comm, addr);
		group_send_sig_info(SIGKILL, SEND_SIG_PRIV, current);
		return;
	}
	/* A file mapping touched past the end of its file (Linux's do_sigbus). */
	if (r == VM_FAULT_SIGBUS) {
		force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)addr);
		return;
	}
	if (unhandled_signal(current, SIGSEGV)) {
		printk(KERN_INFO "%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx",
		       current->comm, current->pid, addr, regs->ip, regs->sp, err);
		print_vma_addr(regs->ip);
		pr_cont("\n");
	}
	force_sig_fault(SIGSEGV, r == -EACCES ? SEGV_ACCERR : SEGV_MAPERR, (void __user *)addr);
}
