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
#include <asm/fpu.h>

LIST_HEAD(task_list);
static DEFINE_SPINLOCK(pid_lock);
static pid_t last_pid;

#define PID_MAX		32768

pid_t alloc_pid(void)
{
	unsigned long flags = spin_lock_irqsave(&pid_lock);
	pid_t pid;

	do {
		last_pid = last_pid >= PID_MAX - 1 ? 1 : last_pid + 1;
	} while (find_task_by_pid(last_pid));
	pid = last_pid;
	spin_unlock_irqrestore(&pid_lock, flags);
	return pid;
}

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
	INIT_LIST_HEAD(&t->sleep_list);
	init_rlimits(t->rlim);
	t->pid = t->tgid = alloc_pid();
	list_add_tail(&t->tasks, &task_list);
	return t;
}

void free_task(struct task_struct *t)
{
	if (t->tasks.next)
		list_del(&t->tasks);
	if (t->stack)
		free_kernel_stack(t->stack);
	if (t->fpu_state)
		fpu_free_state(t->fpu_state);
	kfree(t);
}

struct task_struct *kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *t = alloc_task(comm);

	if (!t)
		return NULL;
	t->parent = current;
	copy_thread(t, fn, arg);
	wake_up_process(t);
	return t;
}
