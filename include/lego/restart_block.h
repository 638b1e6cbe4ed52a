/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_RESTART_BLOCK_H
#define _LEGO_RESTART_BLOCK_H

#include <lego/types.h>
#include <lego/compiler.h>

/*
 * How an interrupted syscall continues after a signal handler ran.  A
 * sleep that must not restart from scratch (a relative timeout would start
 * again in full) fills current->restart_block and returns
 * -ERESTART_RESTARTBLOCK; when the signal is handled (or ignored), the
 * signal code makes the task re-enter with restart_syscall(2) (nr 219),
 * which calls fn.  Any other syscall that replaces fn's state leaves it as
 * do_no_restart_syscall, so a stray restart_syscall gets -EINTR (Linux's
 * kernel/signal.c).
 */
struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		/* nanosleep, clock_nanosleep: where the sleep ends. */
		struct {
			int clockid;
			int flags;
			u64 deadline_ns;		/* CLOCK_MONOTONIC */
			void __user *rmtp;
			bool compat;		/* rmtp an old_timespec32 */
		} nanosleep;
		/* futex(FUTEX_WAIT*) with a timeout. */
		struct {
			u32 __user *uaddr;
			u32 val;
			u32 flags;
			u32 bitset;
			u64 deadline_ns;		/* CLOCK_MONOTONIC */
		} futex;
	};
};

long do_no_restart_syscall(struct restart_block *rb);

/* Arms current's restart block with fn and returns -ERESTART_RESTARTBLOCK. */
long set_restart_fn(struct restart_block *rb, long (*fn)(struct restart_block *));

#endif /* _LEGO_RESTART_BLOCK_H */
