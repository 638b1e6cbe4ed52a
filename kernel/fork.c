// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks: the task structure, its kernel stack (with a guard page
 * below it), FPU state, and pids.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/spinlock.h>
#include <lego/fs.h>
#include <lego/mm_types.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <uapi/lego/sched.h>
#include <lego/strace.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/uaccess.h>

LIST_HEAD(task_list);
/* task_list, pids, and the parent/children links. */
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

struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	unsigned long flags;

	if (!t)
		return NULL;
	t->stack = alloc_kernel_stack();
	t->fpu_state = fpu_alloc_state();
	if (!t->stack || !t->fpu_state) {
		free_task(t);
		return NULL;
	}
	fpu_init_state(t->fpu_state);
	t->thread.sp0 = (unsigned long)t->stack + THREAD_SIZE;
	strscpy(t->comm, comm, sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	init_waitqueue_head(&t->wait_chldexit);
	spin_lock_init(&t->pi_lock);
	t->cpus_allowed = cpu_possible_mask;
	t->cpu = smp_processor_id();
	init_rlimits(t->rlim);
	t->restart_block.fn = do_no_restart_syscall;
	flags = spin_lock_irqsave(&tasklist_lock);
	t->pid = t->tgid = alloc_pid_locked();
	list_add_tail(&t->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t;
}

void free_task(struct task_struct *t)
{
	unsigned long flags;

	wait_task_inactive(t);		/* its last switch has left its stack */
	flags = spin_lock_irqsave(&tasklist_lock);
	if (t->tasks.next)
		list_del(&t->tasks);
	if (t->sibling.next)
		list_del(&t->sibling);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (t->stack)
		free_kernel_stack(t->stack);
	if (t->fpu_state)
		fpu_free_state(t->fpu_state);
	strace_task_free(t);
	kfree(t);
}

struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *t = alloc_task(comm);

	if (!t)
		return NULL;
	t->parent = current;
	copy_thread(t, fn, arg);
	wake_up_new_task(t);
	return t;
}

/*
 * fork, vfork and clone.  Lego supports the process-creating forms:
 * a new address space (copy-on-write) or a shared one (CLONE_VM, as
 * vfork and threads use), shared or copied descriptor tables (CLONE_FILES)
 * and fs state (CLONE_FS), TLS and the tid pointers.  Thread groups
 * (CLONE_THREAD) and signal handler sharing arrive with signals and
 * threads.
 */
#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | \
	CLONE_VFORK | CLONE_SETTLS | CLONE_PARENT_SETTID | \
	CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | CLONE_DETACHED)

static int copy_resources(struct task_struct *p, unsigned long flags)
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

long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid, unsigned long tls)
{
	struct task_struct *cur = current, *p;
	struct pt_regs *regs;
	unsigned long flags2;
	pid_t pid;
	int r;

	if (flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	if ((flags & CLONE_SETTLS) && tls >= TASK_SIZE_MAX)
		return -EPERM;
	p = alloc_task(cur->comm);
	if (!p)
		return -ENOMEM;
	r = copy_resources(p, flags);
	if (r) {
		release_resources(p);
		free_task(p);
		return r;
	}
	p->cred = cur->cred;
	p->cpus_allowed = cur->cpus_allowed;
	memcpy(p->rlim, cur->rlim, sizeof(p->rlim));
	p->pgid = cur->pgid;
	p->sid = cur->sid;
	p->exit_signal = flags & CSIGNAL;
	flags2 = spin_lock_irqsave(&tasklist_lock);
	p->parent = cur;
	list_add_tail(&p->sibling, &cur->children);
	spin_unlock_irqrestore(&tasklist_lock, flags2);
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	fpu_save(cur->fpu_state);
	fpu_copy_state(p->fpu_state, cur->fpu_state);
	copy_thread(p, NULL, NULL);
	regs = task_pt_regs(p);
	*regs = *current_pt_regs();
	regs->ax = 0;			/* the child sees 0 */
	if (newsp)
		regs->sp = newsp;
	p->thread.fsbase = (flags & CLONE_SETTLS) ? tls : rdmsr(MSR_FS_BASE);
	p->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	if (flags & CLONE_PARENT_SETTID)
		put_user(p->pid, parent_tid);
	if (flags & CLONE_CHILD_SETTID) {
		/* The child's own address space, so write it from the child:
		 * with CLONE_VM it is ours too. */
		if (flags & CLONE_VM)
			put_user(p->pid, child_tid);
		else
			p->set_child_tid = child_tid;
	}
	if (flags & CLONE_VFORK)
		p->vfork_parent = cur;
	pid = p->pid;
	wake_up_new_task(p);
	if (flags & CLONE_VFORK)
		wait_event(cur->wait_chldexit, vfork_done(p));
	return pid;
}

// syscall-status: clone: partial: no threads (CLONE_THREAD, CLONE_SIGHAND) or namespaces yet
/* x86-64 clone(flags, newsp, parent_tid, child_tid, tls): note the
 * argument order, which differs from other architectures. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	return kernel_clone(clone_flags, newsp, parent_tidptr, child_tidptr, tls);
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone(SIGCHLD, 0, NULL, NULL, 0);
}

SYSCALL_DEFINE0(vfork)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0);
}
