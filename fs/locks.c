// SPDX-License-Identifier: GPL-2.0
/*
 * Advisory record locks (fcntl F_GETLK/F_SETLK/F_SETLKW, the open file
 * description locks F_OFD_*) and whole-file flock(2) locks, with Linux's
 * rules (fcntl(2), flock(2)):
 *
 *  - A POSIX lock belongs to a process (its descriptor table): threads
 *    share them, children do not inherit them, and closing any
 *    descriptor of the file drops all of the process's locks on it.
 *  - An OFD lock belongs to the open file and goes with its last close.
 *  - A new lock replaces the owner's own locks over its range, splitting
 *    and merging them; read locks share, write locks exclude.
 *  - F_SETLKW sleeps until the range is free (a signal interrupts it)
 *    and fails with EDEADLK when the owner holding the range is itself
 *    waiting, directly or through others, for this owner.
 *  - flock locks are independent of record locks.
 *
 * One spinlock, flock_lock, guards every lock list and the wait graph;
 * sleepers wait on the inode's i_flock_wait.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>
#include "internal.h"

#define OFFSET_MAX	0x7fffffffffffffffLL

#define FL_POSIX	1
#define FL_OFD		2
#define FL_FLOCK	4

struct file_lock {
	struct list_head list;		/* in inode->i_flock */
	void *owner;			/* files_struct (POSIX) or file (OFD, flock) */
	pid_t pid;			/* what F_GETLK reports */
	int type;			/* F_RDLCK, F_WRLCK */
	int flags;			/* FL_* */
	loff_t start, end;		/* inclusive */
};

/* A waiting owner and the owner it waits for (deadlock detection). */
struct lock_waiter {
	struct list_head list;
	void *owner;
	void *blocker;
};

static DEFINE_SPINLOCK(flock_lock);
static LIST_HEAD(waiters);

static bool overlap(const struct file_lock *a, const struct file_lock *b)
{
	return a->start <= b->end && b->start <= a->end;
}

/* Does existing lock fl stand in the way of request req? */
static bool conflicts(const struct file_lock *fl, const struct file_lock *req)
{
	if ((fl->flags & FL_FLOCK) != (req->flags & FL_FLOCK))
		return false;
	if (fl->owner == req->owner)
		return false;
	if (!(req->flags & FL_FLOCK) && !overlap(fl, req))
		return false;
	return fl->type == F_WRLCK || req->type == F_WRLCK;
}

static struct file_lock *first_conflict(struct inode *inode, const struct file_lock *req)
{
	struct file_lock *fl;

	list_for_each_entry(fl, &inode->i_flock, list)
		if (conflicts(fl, req))
			return fl;
	return NULL;
}

/* Whether blocker waits, through the wait graph, for owner. */
static bool deadlocks(void *owner, void *blocker)
{
	int depth = 0;

	while (blocker && depth++ < 64) {
		struct lock_waiter *w;
		void *next = NULL;

		if (blocker == owner)
			return true;
		list_for_each_entry(w, &waiters, list)
			if (w->owner == blocker)
				next = w->blocker;
		blocker = next;
	}
	return false;
}

/*
 * Puts req (type F_UNLCK removes) in place of owner's locks over its
 * range; spare holds up to two preallocated locks (a split and the new
 * one), of which the used ones are set to NULL.  flock_lock held.
 */
static void apply_lock(struct inode *inode, struct file_lock *req, struct file_lock **spare)
{
	struct file_lock *fl, *n, *new = NULL;
	loff_t start = req->start, end = req->end;

	if (req->type != F_UNLCK) {
		new = spare[0];
		spare[0] = NULL;
		*new = *req;
	}
	list_for_each_entry_safe(fl, n, &inode->i_flock, list) {
		if (fl->owner != req->owner || (fl->flags != req->flags))
			continue;
		/* Same-type neighbours and overlaps merge into the new lock. */
		if (new && fl->type == new->type &&
		    fl->start <= (end == OFFSET_MAX ? end : end + 1) &&
		    (fl->end == OFFSET_MAX ? fl->end : fl->end + 1) >= start) {
			new->start = min(new->start, fl->start);
			new->end = max(new->end, fl->end);
			list_del(&fl->list);
			kfree(fl);
			continue;
		}
		if (!overlap(fl, req))
			continue;
		if (fl->start < start && fl->end > end) {
			/* The request is inside: split fl in two. */
			struct file_lock *tail = spare[1];

			spare[1] = NULL;
			*tail = *fl;
			tail->start = end + 1;
			fl->end = start - 1;
			list_add(&tail->list, &fl->list);
		} else if (fl->start < start) {
			fl->end = start - 1;
		} else if (fl->end > end) {
			fl->start = end + 1;
		} else {
			list_del(&fl->list);
			kfree(fl);
		}
	}
	if (new)
		list_add_tail(&new->list, &inode->i_flock);
}

/*
 * Takes or changes a lock: EAGAIN on conflict, or with wait, sleeps
 * until there is none (EDEADLK for a cycle, -ERESTARTSYS on a signal).
 */
static int posix_lock(struct inode *inode, struct file_lock *req, bool wait)
{
	struct file_lock *spare[2];
	struct lock_waiter w = { .owner = req->owner };
	int r = 0;

	spare[0] = kmalloc(sizeof(struct file_lock), GFP_KERNEL);
	spare[1] = kmalloc(sizeof(struct file_lock), GFP_KERNEL);
	if (!spare[0] || !spare[1]) {
		kfree(spare[0]);
		kfree(spare[1]);
		return -ENOLCK;
	}
	for (;;) {
		struct file_lock *c;

		spin_lock(&flock_lock);
		c = req->type == F_UNLCK ? NULL : first_conflict(inode, req);
		if (!c) {
			apply_lock(inode, req, spare);
			spin_unlock(&flock_lock);
			wake_up(&inode->i_flock_wait);
			break;
		}
		if (!wait) {
			spin_unlock(&flock_lock);
			r = -EAGAIN;
			break;
		}
		if (!(req->flags & (FL_OFD | FL_FLOCK)) && deadlocks(req->owner, c->owner)) {
			spin_unlock(&flock_lock);
			r = -EDEADLK;
			break;
		}
		w.blocker = c->owner;
		list_add(&w.list, &waiters);
		spin_unlock(&flock_lock);
		r = wait_event_interruptible(inode->i_flock_wait, ({
			bool free;

			spin_lock(&flock_lock);
			free = !first_conflict(inode, req);
			spin_unlock(&flock_lock);
			free;
		}));
		spin_lock(&flock_lock);
		list_del(&w.list);
		spin_unlock(&flock_lock);
		if (r)
			break;
	}
	kfree(spare[0]);
	kfree(spare[1]);
	return r;
}

/*
 * struct flock to a lock on f: l_whence relative to the start, the
 * position or the end; a zero length runs to the end of any file; a
 * negative one ends before l_start.  A range starting before 0 is
 * EINVAL, one ending past the largest offset EOVERFLOW.
 */
static int flock_to_lock(struct file *f, const struct flock *l, struct file_lock *fl)
{
	loff_t start;

	switch (l->l_whence) {
	case SEEK_SET:
		start = 0;
		break;
	case SEEK_CUR:
		start = f->f_pos;
		break;
	case SEEK_END:
		start = READ_ONCE(f->inode->i_size);
		break;
	default:
		return -EINVAL;
	}
	if (l->l_start > OFFSET_MAX - start)
		return -EOVERFLOW;
	start += l->l_start;
	if (start < 0)
		return -EINVAL;
	if (l->l_len > 0) {
		if (l->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		fl->start = start;
		fl->end = start + l->l_len - 1;
	} else if (l->l_len < 0) {
		if (start + l->l_len < 0)
			return -EINVAL;
		fl->start = start + l->l_len;
		fl->end = start - 1;
	} else {
		fl->start = start;
		fl->end = OFFSET_MAX;
	}
	fl->type = l->l_type;
	return 0;
}

static bool is_ofd(unsigned int cmd)
{
	return cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
}

/* The request fcntl describes, with its owner.  OFD requests need l_pid 0. */
static int get_request(struct file *f, unsigned int cmd, const struct flock *l,
		       struct file_lock *req)
{
	int r;

	if (is_ofd(cmd) && l->l_pid)
		return -EINVAL;
	r = flock_to_lock(f, l, req);
	if (r)
		return r;
	if (is_ofd(cmd)) {
		req->owner = f;
		req->flags = FL_OFD;
		req->pid = -1;
	} else {
		req->owner = current->files;
		req->flags = FL_POSIX;
		req->pid = current->tgid;
	}
	return 0;
}

/*
 * F_GETLK: the first lock that would block the described one, or
 * l_type F_UNLCK with the rest unchanged, in *l.  OFD locks report
 * l_pid -1.  The fcntl of either ABI copies *l in and out.
 */
long vfs_getlk(struct file *f, unsigned int cmd, struct flock *l)
{
	struct file_lock req, *c;
	int r = get_request(f, cmd, l, &req);

	if (r)
		return r;
	if (l->l_type != F_RDLCK && l->l_type != F_WRLCK)
		return -EINVAL;
	spin_lock(&flock_lock);
	c = first_conflict(f->inode, &req);	/* POSIX and OFD locks meet */
	if (c) {
		l->l_type = c->type;
		l->l_whence = SEEK_SET;
		l->l_start = c->start;
		l->l_len = c->end == OFFSET_MAX ? 0 : c->end - c->start + 1;
		l->l_pid = c->pid;
	} else {
		l->l_type = F_UNLCK;
	}
	spin_unlock(&flock_lock);
	return 0;
}

long fcntl_getlk(struct file *f, unsigned int cmd, void __user *arg)
{
	struct flock l;
	long r;

	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	r = vfs_getlk(f, cmd, &l);
	if (!r && copy_to_user(arg, &l, sizeof(l)))
		return -EFAULT;
	return r;
}

/* F_SETLK/F_SETLKW: a read lock needs a readable descriptor, a write
 * lock a writable one (EBADF). */
long vfs_setlk(struct file *f, unsigned int cmd, const struct flock *lk)
{
	struct file_lock req;
	struct flock l = *lk;
	int r = get_request(f, cmd, &l, &req);

	if (r)
		return r;
	switch (l.l_type) {
	case F_RDLCK:
		if (!(f->f_mode & FMODE_READ))
			return -EBADF;
		break;
	case F_WRLCK:
		if (!(f->f_mode & FMODE_WRITE))
			return -EBADF;
		break;
	case F_UNLCK:
		break;
	default:
		return -EINVAL;
	}
	return posix_lock(f->inode, &req, cmd == F_SETLKW || cmd == F_OFD_SETLKW);
}

long fcntl_setlk(unsigned int fd, struct file *f, unsigned int cmd, void __user *arg)
{
	struct flock l;

	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	return vfs_setlk(f, cmd, &l);
}

static void remove_owner(struct inode *inode, void *owner, int flags)
{
	struct file_lock *fl, *n;
	bool any = false;

	if (list_empty(&inode->i_flock))
		return;
	spin_lock(&flock_lock);
	list_for_each_entry_safe(fl, n, &inode->i_flock, list) {
		if (fl->owner == owner && (fl->flags & flags)) {
			list_del(&fl->list);
			kfree(fl);
			any = true;
		}
	}
	spin_unlock(&flock_lock);
	if (any)
		wake_up(&inode->i_flock_wait);
}

/* A close by owner: its POSIX locks on the file go. */
void locks_remove_posix(struct file *f, struct files_struct *owner)
{
	if (f->inode && !(f->f_mode & FMODE_PATH))
		remove_owner(f->inode, owner, FL_POSIX);
}

/* The last reference to f: its OFD and flock locks go. */
void locks_remove_file(struct file *f)
{
	if (f->inode)
		remove_owner(f->inode, f, FL_OFD | FL_FLOCK);
}

#define LOCK_SH		1
#define LOCK_EX		2
#define LOCK_NB		4
#define LOCK_UN		8

/*
 * flock(2): a shared or exclusive lock on the whole file, owned by the
 * open file (shared by dup and fork); converting releases first, as on
 * Linux.  Any descriptor mode will do.
 */
SYSCALL_DEFINE2(flock, unsigned int, fd, unsigned int, cmd)
{
	struct file *f = fget(fd);
	struct file_lock req = { .start = 0, .end = OFFSET_MAX, .flags = FL_FLOCK };
	int r;

	if (!f)
		return -EBADF;
	req.owner = f;
	req.pid = current->tgid;
	switch (cmd & ~LOCK_NB) {
	case LOCK_SH:
		req.type = F_RDLCK;
		break;
	case LOCK_EX:
		req.type = F_WRLCK;
		break;
	case LOCK_UN:
		req.type = F_UNLCK;
		break;
	default:
		fput(f);
		return -EINVAL;
	}
	if (req.type != F_UNLCK && !(f->f_mode & (FMODE_READ | FMODE_WRITE))) {
		fput(f);
		return -EBADF;
	}
	if (req.type != F_UNLCK) {
		/* A conversion drops the old lock before waiting. */
		struct file_lock un = req;

		un.type = F_UNLCK;
		posix_lock(f->inode, &un, false);
	}
	r = posix_lock(f->inode, &req, !(cmd & LOCK_NB));
	if (r == -EAGAIN)
		r = -EWOULDBLOCK;
	fput(f);
	return r;
}
