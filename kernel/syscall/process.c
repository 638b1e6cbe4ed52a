// SPDX-License-Identifier: GPL-2.0
/*
 * Process and thread identity: pids, and the per-thread pointers glibc
 * and musl register at start (set_tid_address, set_robust_list).  The
 * credentials are in cred.c.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/compat.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

/* The parent's pid; 0 for init, whose parent is the kernel. */
SYSCALL_DEFINE0(getppid)
{
	struct task_struct *p = current->parent;

	return p && p->pid ? p->tgid : 0;
}

/* Where to write 0 when this thread exits; returns the caller's tid. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* struct robust_list_head is three words on x86-64 (24 bytes). */
#define ROBUST_LIST_HEAD_SIZE	24

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 head is 12 bytes; it is kept apart from a 64-bit one (a thread
 * may register both) and walked in 32 bits at exit (kernel/futex.c). */
COMPAT_SYSCALL_DEFINE2(set_robust_list, struct compat_robust_list_head __user *, head,
		       u32, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->compat_robust_list = head;
	return 0;
}
#endif
