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
#include <lego/strace.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <uapi/lego/sched.h>

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
	strace_poweroff();
	machine_power_off(code);
}

/*
 * Hands the children to init, releases a vfork parent, and tells our
 * parent (whose wait4 may be sleeping) that we are a zombie now.
 */
static void exit_notify(struct task_struct *tsk, int status)
{
	struct task_struct *init, *c, *n;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	init = find_task_by_pid(1);
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		list_del(&c->sibling);
		c->parent = init;
		list_add_tail(&c->sibling, &init->children);
		if (c->state == TASK_ZOMBIE)
			wake_up_all(&init->wait_chldexit);
	}
	if (tsk->vfork_parent) {
		struct task_struct *p = tsk->vfork_parent;

		WRITE_ONCE(tsk->vfork_parent, NULL);
		wake_up_all(&p->wait_chldexit);
	}
	tsk->exit_code = status;
	/*
	 * A zombie from now on, before the parent is woken: on another CPU
	 * it may look at once.  This task still runs until its last
	 * schedule(); the parent's free_task() waits for that switch.
	 */
	tsk->state = TASK_ZOMBIE;
	if (tsk->parent)
		wake_up_all(&tsk->parent->wait_chldexit);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void do_exit(int status)
{
	struct task_struct *tsk = current;

	/*
	 * CLONE_CHILD_CLEARTID: zero the tid word (futex wake comes later),
	 * but only while other tasks still use this memory (a thread, a
	 * vfork parent), as Linux's mm_release: a process's own memory is
	 * going away, and a word it shares with others is left alone.
	 */
	if (tsk->clear_child_tid && tsk->mm && atomic_read(&tsk->mm->users) > 1)
		put_user(0, tsk->clear_child_tid);	/* a bad pointer is ignored */
	if (tsk->pid == 1)
		init_died(status);
	/* fs/file.c: the pointers clear under tasklist_lock, for /proc. */
	exit_files(tsk);
	exit_fs(tsk);
	if (tsk->mm) {
		struct mm_struct *mm = tsk->mm;

		/* Off the task's page tables before freeing them; /proc
		 * takes mm references under tasklist_lock. */
		preempt_disable();
		task_ptr_xchg((void **)&tsk->mm, NULL);
		switch_mm(NULL);
		preempt_enable();
		mmput(mm);
	}
	exit_notify(tsk, status);
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

/* struct rusage (asm-generic/resource.h): 144 bytes, zero until Lego
 * accounts resource usage per task. */
struct rusage {
	long ru_utime[2], ru_stime[2];
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	long ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct rusage) == 144, "struct rusage");

static bool wait_matches(struct task_struct *c, pid_t pid, int options)
{
	/* A "clone" child reports with a signal other than SIGCHLD. */
	bool clone_child = c->exit_signal != SIGCHLD;

	if (!(options & __WALL) && clone_child != !!(options & __WCLONE))
		return false;
	if (pid > 0)
		return c->tgid == pid;
	if (pid == 0)
		return c->pgid == current->pgid;
	if (pid < -1)
		return c->pgid == -pid;
	return true;
}

struct wait_state {
	pid_t pid;
	int options;
	int found;			/* matching children */
	struct task_struct *zombie;
};

static bool find_zombie(struct wait_state *ws)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *c;

	ws->found = 0;
	ws->zombie = NULL;
	list_for_each_entry(c, &current->children, sibling) {
		if (!wait_matches(c, ws->pid, ws->options))
			continue;
		ws->found++;
		if (c->state == TASK_ZOMBIE) {
			ws->zombie = c;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ws->zombie || !ws->found || (ws->options & WNOHANG);
}

static long do_wait4(pid_t pid, int __user *stat_addr, int options,
	      struct rusage __user *ru)
{
	struct wait_state ws = { pid, options, 0, NULL };
	struct rusage r;
	pid_t cpid;
	int e;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	/* INT_MIN has no positive pgid (Linux: -ESRCH). */
	if (pid == -2147483647 - 1)
		return -ESRCH;
	e = wait_event_interruptible(current->wait_chldexit, find_zombie(&ws));
	if (e)
		return -ERESTARTSYS;
	if (!ws.found)
		return -ECHILD;
	if (!ws.zombie)
		return 0;		/* WNOHANG, nobody ready */
	if (stat_addr && put_user(ws.zombie->exit_code, stat_addr))
		return -EFAULT;
	if (ru) {
		memset(&r, 0, sizeof(r));
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	cpid = ws.zombie->tgid;
	free_task(ws.zombie);
	return cpid;
}

// syscall-status: wait4: partial: rusage reads zero; no stopped or continued children yet
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return do_wait4(upid, stat_addr, options, ru);
}
