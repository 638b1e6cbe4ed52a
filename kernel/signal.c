// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task that faulted in user mode, reported on the console as
 * Linux reports an unhandled fatal signal.  Signal delivery proper
 * (handlers, masks, frames) belongs to the ABI breadth issue; until then a
 * fault is always fatal, with the signal's wait status.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>

#define SIGILL	4
#define SIGTRAP	5
#define SIGBUS	7
#define SIGFPE	8
#define SIGSEGV	11

void do_signal(struct pt_regs *regs)
{
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

long set_restart_fn(struct restart_block *rb, long (*fn)(struct restart_block *))
{
	rb->fn = fn;
	return -ERESTART_RESTARTBLOCK;
}

/* The continuation of a syscall interrupted by a handled signal. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->restart_block;

	return rb->fn(rb);
}

/* " in NAME[start+size]" for the file mapping that contains ip. */
static void print_vma_addr(unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v = mm ? find_vma(mm, ip) : NULL;
	char path[256];
	const char *name;

	if (!v || !v->vm_file)
		return;
	if (d_path(v->vm_file->dentry, path, sizeof(path)) < 0)
		return;
	name = strrchr(path, '/');
	name = name ? name + 1 : path;
	pr_cont(" in %s[%lx+%lx]", name, v->vm_start, v->vm_end - v->vm_start);
}

static int trap_signal(int trapnr)
{
	switch (trapnr) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_DB:
	case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_AC:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

void user_fault_exit(struct pt_regs *regs, int trapnr, unsigned long addr,
		     unsigned long error_code, const char *what)
{
	struct task_struct *tsk = current;

	if (trapnr == X86_TRAP_PF) {
		printk(KERN_INFO "%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx",
		       tsk->comm, tsk->pid, addr, regs->ip, regs->sp, error_code);
	} else if (trapnr == X86_TRAP_GP) {
		printk(KERN_INFO "traps: %s[%d] general protection ip:%lx sp:%lx error:%lx",
		       tsk->comm, tsk->pid, regs->ip, regs->sp, error_code);
	} else {
		printk(KERN_INFO "traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx",
		       tsk->comm, tsk->pid, what, regs->ip, regs->sp, error_code);
	}
	print_vma_addr(regs->ip);
	pr_cont("\n");
	do_group_exit(trap_signal(trapnr));
}
