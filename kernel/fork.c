// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks: the task structure, its kernel stack (with a guard page
 * below it), FPU state and pid; fork, vfork, clone and clone3 with
 * Linux's rules for what a child shares (CLONE_VM, CLONE_FILES,
 * CLONE_FS, CLONE_SIGHAND) and what makes it a thread of the caller's
 * process (CLONE_THREAD).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/cred.h>
#include <lego/signal.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/spinlock.h>
#include <lego/fs.h>
#include <lego/mm_types.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <uapi/lego/sched.h>
#include <lego/strace.h>
#include <lego/kmem.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/uaccess.h>

LIST_HEAD(task_list);
/* task_list, pids, the parent/children links and thread lists. */
DEFINE_SPINLOCK(tasklist_lock);
static pid_t last_pid;

#define PID_MAX		32768

/* A pid no task has; called with tasklist_lock held. */
static pid_t alloc_pid_locked(void)
{
	do {
		last_pid = last_pid >= PID_MAX - 1 ? 1 : last_pid + 1;
	} while (find_task_by_pid(last_pid));
	return last_pid;
}

/* Called with tasklist_lock held; the task stays until it is unlocked. */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

/* Linux's defaults for init (include/asm-generic/resource.h). */
static void init_rlimits(struct rlimit *r)
{
	int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		r[i].rlim_cur = r[i].rlim_max = RLIM_INFINITY;
	r[RLIMIT_STACK].rlim_cur = 8UL << 20;
	r[RLIMIT_CORE].rlim_cur = 0;
	r[RLIMIT_NOFILE].rlim_cur = 1024;
	r[RLIMIT_NOFILE].rlim_max = 4096;
	r[RLIMIT_MEMLOCK].rlim_cur = r[RLIMIT_MEMLOCK].rlim_max = 8UL << 20;
	r[RLIMIT_SIGPENDING].rlim_cur = r[RLIMIT_SIGPENDING].rlim_max = 1024;
	r[RLIMIT_NPROC].rlim_cur = r[RLIMIT_NPROC].rlim_max = 1024;
	r[RLIMIT_MSGQUEUE].rlim_cur = r[RLIMIT_MSGQUEUE].rlim_max = 819200;
	r[RLIMIT_NICE].rlim_cur = r[RLIMIT_NICE].rlim_max = 0;
	r[RLIMIT_RTPRIO].rlim_cur = r[RLIMIT_RTPRIO].rlim_max = 0;
}

/*
 * A task with its stack and FPU state, not yet on the task list (it has
 * no pid until link_task()).  Two references: its existence, which
 * release_task() drops, and its running, which its last context switch
 * drops.
 */
struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	kmem_inc(KMEM_TASKS);
	t->stack = alloc_kernel_stack();
	t->fpu_state = fpu_alloc_state();
	if (!t->stack || !t->fpu_state) {
		free_task(t);
		return NULL;
	}
	atomic_set(&t->usage, 2);
	fpu_init_state(t->fpu_state);
	t->thread.sp0 = (unsigned long)t->stack + THREAD_SIZE;
	strscpy(t->comm, comm, sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	INIT_LIST_HEAD(&t->thread_node);
	INIT_LIST_HEAD(&t->pending.list);
	spin_lock_init(&t->pi_lock);
	t->cpus_allowed = cpu_possible_mask;
	t->cpu = smp_processor_id();
	t->sas_ss_flags = SS_DISABLE;
	t->restart_block.fn = do_no_restart_syscall;
	return t;
}

#define TASK_POISON	0x6b

/* The last reference is gone (put_task_struct): free what is left. */
void free_task(struct task_struct *t)
{
	wait_task_inactive(t);		/* its last switch has left its stack */
	flush_sigqueue(&t->pending);
	if (t->sighand)
		put_sighand(t->sighand);
	put_signal_struct(t->signal);
	put_group_info(t->cred.group_info);
	if (t->stack)
		free_kernel_stack(t->stack);
	if (t->fpu_state)
		fpu_free_state(t->fpu_state);
	strace_task_free(t);
	kmem_dec(KMEM_TASKS);
	/* A stale pointer to a freed task (a vfork child's parent, say)
	 * then reads non-canonical pointers and faults at once. */
	memset(t, TASK_POISON, sizeof(*t));
	kfree(t);
}

/*
 * Gives t its pid and puts it on the task list, its thread group and (a
 * new process) its parent's children; tasklist_lock held.
 */
static void link_task(struct task_struct *t, bool thread)
{
	t->pid = alloc_pid_locked();
	if (thread) {
		t->tgid = t->group_leader->tgid;
	} else {
		t->tgid = t->pid;
		t->group_leader = t;
		/* Kernel threads are nobody's children (Linux gives them to
		 * kthreadd): no wait of init's is held up by them. */
		if (t->parent && !(t->flags & PF_KTHREAD))
			list_add_tail(&t->sibling, &t->parent->children);
	}
	list_add_tail(&t->thread_node, &t->signal->thread_head);
	t->signal->nr_threads++;
	t->signal->live++;
	list_add_tail(&t->tasks, &task_list);
}

/* A process-wide state of its own, as fork gives (nothing pending, no
 * timers, no usage yet; ids, terminal and limits inherited). */
static struct signal_struct *copy_signal(const struct signal_struct *old)
{
	struct signal_struct *sig = alloc_signal_struct();

	if (!sig)
		return NULL;
	if (old) {
		sig->pgrp = old->pgrp;
		sig->session = old->session;
		sig->tty = old->tty;
		memcpy(sig->rlim, old->rlim, sizeof(sig->rlim));
		sig->has_child_subreaper = old->has_child_subreaper || old->is_child_subreaper;
	} else {
		init_rlimits(sig->rlim);
	}
	return sig;
}

/*
 * A kernel thread (pid > 1): its own process, every signal ignored, as
 * Linux's kthreads, so nothing user space sends reaches it.
 */
static struct task_struct *create_thread(int (*fn)(void *), void *arg, const char *comm,
					 bool kthread)
{
	struct task_struct *t = alloc_task(comm);
	unsigned long flags;
	int i;

	if (!t)
		return NULL;
	t->signal = copy_signal(current->signal);
	t->sighand = alloc_sighand();
	if (!t->signal || !t->sighand) {
		free_task(t);
		return NULL;
	}
	if (kthread) {
		t->flags |= PF_KTHREAD;
		for (i = 0; i < _NSIG; i++)
			t->sighand->action[i].sa_handler = SIG_IGN;
	}
	t->exit_signal = SIGCHLD;
	t->parent = current;
	flags = spin_lock_irqsave(&tasklist_lock);
	link_task(t, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	copy_thread(t, fn, arg);
	wake_up_new_task(t);
	return t;
}

struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	return create_thread(fn, arg, comm, true);
}

/*
 * init, pid 1: a thread that will exec the first program, with the
 * default signal actions.  Signals it does not handle do not reach it
 * (SIGNAL_UNKILLABLE), as on Linux; its process group and session are
 * 0 until it calls setsid().
 */
struct task_struct *user_mode_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *t = create_thread(fn, arg, comm, false);

	if (t && t->pid == 1)
		t->signal->flags |= SIGNAL_UNKILLABLE;
	return t;
}

/*
 * What clone supports.  Namespaces (CLONE_NEW*) are EINVAL, as on a Linux
 * built without them, and so are pidfds (CLONE_PIDFD) and cgroups
 * (Documentation/process/decisions.rst).  CLONE_PTRACE, CLONE_UNTRACED
 * (no tracer exists), CLONE_SYSVSEM (no semaphores) and CLONE_IO are
 * accepted and change nothing.
 */
#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
	CLONE_PTRACE | CLONE_VFORK | CLONE_PARENT | CLONE_THREAD | CLONE_SYSVSEM | \
	CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | \
	CLONE_UNTRACED | CLONE_CHILD_SETTID | CLONE_IO | CLONE_CLEAR_SIGHAND)

/* Linux's copy_process() checks of the flags, in its order. */
static int check_clone_flags(u64 flags)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS) ||
	    (flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* Siblings of init would be nobody's children. */
	if ((flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	if ((flags & CLONE_CLEAR_SIGHAND) && (flags & CLONE_SIGHAND))
		return -EINVAL;
	if (flags & ~(u64)CLONE_SUPPORTED)
		return -EINVAL;
	return 0;
}

static int copy_resources(struct task_struct *p, u64 flags)
{
	struct task_struct *cur = current;

	if (flags & CLONE_VM) {
		p->mm = cur->mm;
		if (p->mm)
			mmget(p->mm);
	} else if (cur->mm) {
		mutex_lock(&cur->mm->mmap_lock);
		p->mm = dup_mm(cur->mm);
		mutex_unlock(&cur->mm->mmap_lock);
		if (!p->mm)
			return -ENOMEM;
	}
	if (flags & CLONE_FILES) {
		p->files = cur->files;
		if (p->files)
			atomic_inc(&p->files->count);
	} else if (cur->files) {
		p->files = dup_files(cur->files);
		if (!p->files)
			return -ENOMEM;
	}
	if (flags & CLONE_FS) {
		p->fs = cur->fs;
		if (p->fs)
			atomic_inc(&p->fs->count);
	} else if (cur->fs) {
		p->fs = copy_fs(cur->fs);
		if (!p->fs)
			return -ENOMEM;
	}
	return 0;
}

static int copy_sighand(struct task_struct *p, u64 flags)
{
	int i;

	if (flags & CLONE_SIGHAND) {
		p->sighand = current->sighand;
		atomic_inc(&p->sighand->count);
		return 0;
	}
	p->sighand = alloc_sighand();
	if (!p->sighand)
		return -ENOMEM;
	memcpy(p->sighand->action, current->sighand->action, sizeof(p->sighand->action));
	if (flags & CLONE_CLEAR_SIGHAND)
		for (i = 0; i < _NSIG; i++)
			if (p->sighand->action[i].sa_handler != SIG_IGN)
				p->sighand->action[i].sa_handler = SIG_DFL;
	return 0;
}

static void release_resources(struct task_struct *p)
{
	if (p->files)
		put_files(p->files);
	if (p->fs)
		put_fs(p->fs);
	if (p->mm)
		mmput(p->mm);
}

/* The vfork child has exec'd or exited: its parent may run again. */
static bool vfork_done(struct task_struct *child)
{
	return !READ_ONCE(child->vfork_parent);
}

/*
 * Until the child execs or exits; only a fatal signal ends the wait.
 * Ended early, the child still runs and will exec or exit after we are
 * gone, so it must forget us now.  It reads the pointer under the same
 * lock (exec_signals(), exit_notify()): it either woke us already or
 * never sees us.
 */
static void vfork_wait(struct task_struct *cur, struct task_struct *child)
{
	unsigned long flags;

	wait_event_killable(cur->signal->wait_chldexit, vfork_done(child));
	flags = spin_lock_irqsave(&tasklist_lock);
	WRITE_ONCE(child->vfork_parent, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The arguments of clone and clone3, as Linux's struct kernel_clone_args. */
struct kclone_args {
	u64 flags;
	int exit_signal;
	unsigned long stack, tls;
	int __user *parent_tid, *child_tid;
};

/*
 * Puts the new task in its place: pid, task list, thread group, parent.
 * A signal sent to the caller's process group (or to every process) while
 * the fork was under way must not miss the child: the fork is undone and
 * restarted after the signal, -ERESTARTNOINTR, as Linux's copy_process()
 * does.  Such signals are the ones counted in multiprocess_signals (mp is
 * the count when the fork began; kill_pgrp and kill(-1) count under
 * tasklist_lock, held here).  A signal for the caller alone waits until
 * the fork returns: restarting for it too, a fork slower than a
 * periodic timer's signal would never finish (the fuzzer's 10 ms ticks
 * did that).  A fatal signal ends the fork, as the caller is going away.
 */
static int attach_task(struct task_struct *p, const struct kclone_args *a, unsigned int mp)
{
	struct task_struct *cur = current;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	unsigned long sflags = spin_lock_irqsave(&cur->sighand->siglock);
	int r = 0;

	if (fatal_signal_pending(cur) ||
	    (!(a->flags & CLONE_THREAD) && cur->signal->multiprocess_signals != mp)) {
		r = -ERESTARTNOINTR;
	} else if ((a->flags & CLONE_THREAD) &&
		   (cur->signal->flags & SIGNAL_GROUP_EXIT || cur->signal->group_exec_task)) {
		r = -EAGAIN;
	} else {
		if (a->flags & (CLONE_PARENT | CLONE_THREAD))
			p->parent = cur->group_leader->parent;
		else
			p->parent = cur;
		if (a->flags & CLONE_THREAD)
			p->group_leader = cur->group_leader;
		link_task(p, a->flags & CLONE_THREAD);
	}
	spin_unlock_irqrestore(&cur->sighand->siglock, sflags);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

static long do_clone(const struct kclone_args *a)
{
	struct task_struct *cur = current, *p;
	struct pt_regs *regs;
	unsigned int mp;
	pid_t pid;
	int r;

	r = check_clone_flags(a->flags);
	if (r)
		return r;
	if ((a->flags & CLONE_SETTLS) && a->tls >= TASK_SIZE_MAX)
		return -EPERM;
	/*
	 * A signal already pending is handled first (Linux's copy_process()).
	 * The count is read before the check: a group signal counted after
	 * its queueing is then either seen pending here or seen as a change
	 * of the count in attach_task().
	 */
	mp = READ_ONCE(cur->signal->multiprocess_signals);
	smp_rmb();
	if (signal_pending(cur))
		return -ERESTARTNOINTR;
	p = alloc_task(cur->comm);
	if (!p)
		return -ENOMEM;
	r = copy_resources(p, a->flags);
	if (!r)
		r = copy_sighand(p, a->flags);
	if (!r && (a->flags & CLONE_THREAD)) {
		p->signal = cur->signal;
		atomic_inc(&p->signal->sigcnt);
	} else if (!r) {
		p->signal = copy_signal(cur->signal);
		if (!p->signal)
			r = -ENOMEM;
	}
	if (!r) {
		copy_creds(p, cur);
		sched_fork_attrs(p, cur);
		p->cpus_allowed = cur->cpus_allowed;
		p->blocked = cur->blocked;
		/* The alternate stack is inherited, unless the child shares our
		 * memory and runs at once beside us (Linux). */
		if ((a->flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
			p->sas_ss_sp = cur->sas_ss_sp;
			p->sas_ss_size = cur->sas_ss_size;
			p->sas_ss_flags = cur->sas_ss_flags;
		}
		if (a->flags & CLONE_THREAD)
			p->exit_signal = -1;
		else if (a->flags & CLONE_PARENT)
			p->exit_signal = cur->group_leader->exit_signal;
		else
			p->exit_signal = a->exit_signal;
		if (a->flags & CLONE_CHILD_CLEARTID)
			p->clear_child_tid = a->child_tid;
		fpu_save(cur->fpu_state);
		fpu_copy_state(p->fpu_state, cur->fpu_state);
		copy_thread(p, NULL, NULL);
		regs = task_pt_regs(p);
		*regs = *current_pt_regs();
		regs->ax = 0;			/* the child sees 0 */
		if (a->stack)
			regs->sp = a->stack;
		r = copy_thread_tls(p, a->flags & CLONE_SETTLS, a->tls);
		if (!r)
			r = attach_task(p, a, mp);
	}
	if (r) {
		release_resources(p);
		free_task(p);
		return r;
	}
	pid = p->pid;
	if (a->flags & CLONE_PARENT_SETTID)
		put_user(pid, a->parent_tid);
	if (a->flags & CLONE_CHILD_SETTID) {
		/* The child's own address space, so write it from the child:
		 * with CLONE_VM it is ours too. */
		if (a->flags & CLONE_VM)
			put_user(pid, a->child_tid);
		else
			p->set_child_tid = a->child_tid;
	}
	if (a->flags & CLONE_VFORK) {
		p->vfork_parent = cur;
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (a->flags & CLONE_VFORK) {
		vfork_wait(cur, p);
		put_task_struct(p);
	}
	return pid;
}

// syscall-status: clone: partial: no namespaces, pidfds or cgroups (EINVAL)
/* x86-64 clone(flags, newsp, parent_tid, child_tid, tls): note the
 * argument order, which differs from other architectures. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	struct kclone_args a = {
		.flags = clone_flags & ~(u64)CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
	};

	/* The low byte is the exit signal, not a flag; legacy clone only. */
	if (a.flags & CLONE_CLEAR_SIGHAND)
		return -EINVAL;
	return do_clone(&a);
}

/*
 * clone3(args, size): the extensible form.  A size below version 0 is
 * EINVAL, above a page E2BIG, and bytes past the fields Lego knows must
 * be zero (E2BIG), as Linux's copy_struct_from_user().
 */
// syscall-status: clone3: partial: no set_tid, pidfds or cgroups (EINVAL)
SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct clone_args args = { 0 };
	struct kclone_args a;
	size_t i;

	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	for (i = sizeof(args); i < size; i++) {
		char c;

		if (get_user(c, (const char __user *)uargs + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	if (copy_from_user(&args, uargs, min(size, sizeof(args))))
		return -EFAULT;
	if ((args.exit_signal & ~(u64)CSIGNAL) || !valid_signal(args.exit_signal))
		return -EINVAL;
	if (args.flags & (CSIGNAL | CLONE_DETACHED))
		return -EINVAL;
	if ((args.flags & (CLONE_THREAD | CLONE_PARENT)) && args.exit_signal)
		return -EINVAL;
	if (args.set_tid || args.set_tid_size || (args.flags & (CLONE_PIDFD | CLONE_INTO_CGROUP)))
		return -EINVAL;
	/* The stack is given as its lowest address and size (x86 grows down). */
	if (!args.stack != !args.stack_size)
		return -EINVAL;
	if (args.stack && !access_ok((void __user *)args.stack, args.stack_size))
		return -EINVAL;
	a = (struct kclone_args){
		.flags = args.flags,
		.exit_signal = args.exit_signal,
		.stack = args.stack ? args.stack + args.stack_size : 0,
		.tls = args.tls,
		.parent_tid = (int __user *)args.parent_tid,
		.child_tid = (int __user *)args.child_tid,
	};
	return do_clone(&a);
}

SYSCALL_DEFINE0(fork)
{
	struct kclone_args a = { .exit_signal = SIGCHLD };

	return do_clone(&a);
}

SYSCALL_DEFINE0(vfork)
{
	struct kclone_args a = { .flags = CLONE_VFORK | CLONE_VM, .exit_signal = SIGCHLD };

	return do_clone(&a);
}
