/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_FUTEX_H
#define _LEGO_FUTEX_H

/*
 * Fast user-space mutexes (kernel/futex.c, Documentation/core-api/futex.rst).
 * The kernel keeps only the sleepers, in a hash of (address space or page,
 * address) keys; the lock word itself lives in user memory.
 */
#include <lego/types.h>
#include <lego/compiler.h>

struct task_struct;

void futex_init(void);

/*
 * Wakes up to nr tasks waiting on the process-shared futex at uaddr, in
 * the current address space; the count woken or -errno.  Thread exit uses
 * it for CLONE_CHILD_CLEARTID (pthread_join), as Linux's mm_release.
 */
long futex_wake_shared(u32 __user *uaddr, int nr);

/*
 * tsk (current) leaves its memory, at exit or exec: the robust mutexes on
 * its set_robust_list(2) list that it still owns get FUTEX_OWNER_DIED and
 * one waiter woken, and the list is forgotten.
 */
void futex_exit_release(struct task_struct *tsk);

#endif /* _LEGO_FUTEX_H */
