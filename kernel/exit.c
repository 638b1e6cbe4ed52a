// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks.  Statuses are wait statuses: (code & 0xff) << 8 for exit,
 * the signal number for a task killed by a signal.  When init (pid 1)
 * ends, the kernel reports its status and powers off, handing the status
 * to the machine (QEMU's isa-debug-exit) so scripts can read it.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/reboot.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

static void init_died(int status)
{
	int code;

	if (status & 0x7f) {
		pr_emerg("Lego: init killed by signal %d\n", status & 0x7f);
		code = 128 + (status & 0x7f);
	} else {
		code = (status >> 8) & 0xff;
		pr_emerg("Lego: init exited with status %d\n", code);
	}
	machine_power_off(code);
}

void do_exit(int status)
{
	struct task_struct *tsk = current;

	/* CLONE_CHILD_CLEARTID: zero the tid word (futex wake comes later). */
	if (tsk->clear_child_tid)
		put_user(0, tsk->clear_child_tid);	/* a bad pointer is ignored */
	if (tsk->pid == 1)
		init_died(status);
	if (tsk->files) {
		put_files(tsk->files);
		tsk->files = NULL;
	}
	if (tsk->fs) {
		put_fs(tsk->fs);
		tsk->fs = NULL;
	}
	if (tsk->mm) {
		struct mm_struct *mm = tsk->mm;

		/* Off the task's page tables before freeing them. */
		tsk->mm = NULL;
		switch_mm(NULL);
		mmput(mm);
	}
	tsk->exit_code = status;
	local_irq_disable();
	tsk->state = TASK_ZOMBIE;
	schedule();
	BUG();
}

void do_group_exit(int status)
{
	do_exit(status);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
