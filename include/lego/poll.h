/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_POLL_H
#define _LEGO_POLL_H

/*
 * The poll API (Documentation/filesystems/vfs.rst, "The poll API").  A
 * file's poll method registers every wait queue on which a change of its
 * state is announced, with poll_wait(), then returns its current
 * POLL* mask:
 *
 *	static __poll_t foo_poll(struct file *f, poll_table *pt)
 *	{
 *		__poll_t mask = 0;
 *
 *		poll_wait(f, &foo->wait, pt);
 *		if (foo_readable(foo))
 *			mask |= POLLIN | POLLRDNORM;
 *		return mask;
 *	}
 *
 * and whoever makes the file readable or writable calls wake_up() on that
 * queue.  poll, ppoll, select and pselect6 sleep on the queues of all
 * their files at once and are woken by any of them.  A poll method must
 * not sleep: it reads its state under a spinlock or with READ_ONCE.
 * A file without one is always readable and writable (DEFAULT_POLLMASK).
 */
#include <lego/fs.h>
#include <lego/wait.h>
#include <uapi/lego/poll.h>

typedef struct poll_table_struct {
	void (*qproc)(struct file *f, struct wait_queue_head *wq,
		      struct poll_table_struct *pt);
	__poll_t key;			/* the events asked for */
} poll_table;

static inline void poll_wait(struct file *f, struct wait_queue_head *wq, poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(f, wq, pt);
}

#define DEFAULT_POLLMASK	(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* The mask a file reports now (fs/select.c): its poll method's, or
 * DEFAULT_POLLMASK. */
__poll_t vfs_poll(struct file *f, poll_table *pt);

/* ppoll and pselect6 install the caller's signal mask for the call with
 * set_user_sigmask() and put it back with restore_saved_sigmask_unless()
 * (include/lego/signal.h, kernel/signal.c). */
#include <lego/signal.h>

#endif /* _LEGO_POLL_H */
