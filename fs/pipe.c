// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs (pipe(7), fifo(7)).
 *
 * A pipe is a byte ring of 16 pages (64 KiB; F_SETPIPE_SZ changes it),
 * the pages allocated as they are first written.  A write of at most
 * PIPE_BUF (4096) bytes is atomic: it waits until it fits whole.  A
 * larger one is written as room appears.  A read returns what is there,
 * waiting only while the pipe is empty and has writers; it returns 0 (end
 * of file) when the pipe is empty and has none.  A write with no reader
 * left is EPIPE and raises SIGPIPE.  O_NONBLOCK turns every wait into
 * EAGAIN.
 *
 * pipe->mutex serialises readers and writers (it is held across user
 * copies, so it is a mutex); the wait is outside it, on rd_wait or
 * wr_wait, by the wait_event protocol, so a wakeup from another CPU is
 * never lost.  A FIFO's pipe lives from its first open to its last close;
 * inode->i_lock guards inode->i_pipe and pipe->files.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/poll.h>
#include <lego/capability.h>
#include <lego/vsprintf.h>
#include <uapi/lego/statfs.h>
#include <uapi/lego/termios.h>
#include <asm/uaccess.h>
#include "internal.h"

#define PIPE_BUF		4096
#define PIPE_DEF_PAGES		16
#define PIPE_MAX_SIZE		(1024 * 1024)	/* /proc/sys/fs/pipe-max-size */

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue_head rd_wait, wr_wait;
	struct page **pages;		/* nr_pages, allocated as written */
	unsigned int nr_pages;
	unsigned int head, tail;	/* bytes written, read (wrapping) */
	unsigned int readers, writers;
	unsigned int r_counter, w_counter;	/* opens ever, for FIFO waits */
	unsigned int files;		/* open files (inode->i_lock) */
	bool is_fifo;
};

/* ------------------------------------------------------------ the ring */

static unsigned int pipe_size(const struct pipe_inode_info *pipe)
{
	return pipe->nr_pages * PAGE_SIZE;
}

static unsigned int pipe_len(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail);
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->pages = kzalloc(PIPE_DEF_PAGES * sizeof(struct page *), GFP_KERNEL);
	if (!pipe->pages) {
		kfree(pipe);
		return NULL;
	}
	pipe->nr_pages = PIPE_DEF_PAGES;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = 0; i < pipe->nr_pages; i++)
		if (pipe->pages[i])
			__free_pages(pipe->pages[i], 0);
	kfree(pipe->pages);
	kfree(pipe);
}

/* Moves up to n bytes between the ring at byte index at and it. */
static size_t ring_copy(struct pipe_inode_info *pipe, unsigned int at, size_t n,
			struct iov_iter *it, bool write)
{
	size_t done = 0;

	while (done < n) {
		unsigned int off = (at + done) % pipe_size(pipe);
		unsigned int pg = off / PAGE_SIZE, in = off % PAGE_SIZE;
		size_t chunk = min(n - done, (size_t)(PAGE_SIZE - in)), moved;
		char *p;

		if (!pipe->pages[pg]) {
			pipe->pages[pg] = alloc_pages(GFP_KERNEL, 0);
			if (!pipe->pages[pg])
				break;
		}
		p = (char *)page_address(pipe->pages[pg]) + in;
		moved = write ? copy_from_iter(p, chunk, it) : copy_to_iter(p, chunk, it);
		done += moved;
		if (moved < chunk)
			break;
	}
	return done;
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return pipe_len(pipe) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(struct pipe_inode_info *pipe, size_t need)
{
	return !READ_ONCE(pipe->readers) || pipe_size(pipe) - pipe_len(pipe) >= need;
}

static bool nonblock(struct file *f, struct iov_iter *it)
{
	return (READ_ONCE(f->f_flags) & O_NONBLOCK) || (it->flags & IOCB_NOWAIT);
}

static ssize_t pipe_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	ssize_t ret = 0;

	if (!to->count)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		unsigned int avail = pipe->head - pipe->tail;

		if (avail) {
			size_t n = ring_copy(pipe, pipe->tail, min((size_t)avail, to->count),
					     to, false);

			pipe->tail += n;
			ret = n ? (ssize_t)n : -EFAULT;
			break;
		}
		if (!pipe->writers)
			break;			/* end of file */
		if (nonblock(f, to)) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0) {
		wake_up(&pipe->wr_wait);
		inode_touch_atime(f);
	}
	return ret;
}

static ssize_t pipe_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	size_t total = from->count;
	ssize_t ret = 0;

	if (!total)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		size_t room, need;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		room = pipe_size(pipe) - (pipe->head - pipe->tail);
		/* Up to PIPE_BUF bytes go in one piece (pipe(7)). */
		need = total <= PIPE_BUF ? total : 1;
		if (room >= need) {
			size_t n = ring_copy(pipe, pipe->head, min(room, from->count), from, true);

			pipe->head += n;
			ret += n;
			if (n)
				wake_up(&pipe->rd_wait);
			if (!n && !ret)
				ret = -EFAULT;
			if (!n || !from->count)
				break;
			continue;
		}
		if (nonblock(f, from)) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe, need))) {
			return ret ? ret : -ERESTARTSYS;
		}
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		inode_touch(f->inode, true);
	return ret;
}

/*
 * Linux's pipe_poll: the read side is readable with data and hung up
 * when no writer is left (a FIFO reader that has never seen a writer is
 * not); the write side is writable with a page free and in error when no
 * reader is left.
 */
static __poll_t pipe_poll(struct file *f, poll_table *pt)
{
	struct pipe_inode_info *pipe = f->private_data;
	__poll_t mask = 0;
	unsigned int len;

	poll_wait(f, &pipe->rd_wait, pt);
	poll_wait(f, &pipe->wr_wait, pt);
	len = pipe_len(pipe);
	if (f->f_mode & FMODE_READ) {
		if (len)
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(pipe->writers) && f->f_version != READ_ONCE(pipe->w_counter))
			mask |= POLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (pipe_size(pipe) - len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = f->private_data;

	if (cmd == FIONREAD)
		return put_user((int)pipe_len(pipe), (int __user *)arg);
	return -ENOTTY;
}

/* One open file less; the last one frees the pipe. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last;

	spin_lock(&inode->i_lock);
	last = !--pipe->files;
	if (last)
		inode->i_pipe = NULL;
	spin_unlock(&inode->i_lock);
	if (last)
		free_pipe_info(pipe);
}

static int pipe_release(struct file *f)
{
	struct pipe_inode_info *pipe = f->private_data;

	mutex_lock(&pipe->mutex);
	if (f->f_mode & FMODE_READ)
		pipe->readers--;
	if (f->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* Readers see end of file, writers EPIPE, pollers HUP/ERR. */
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	put_pipe_info(f->inode, pipe);
	return 0;
}

/* Waits (pipe->mutex held, dropped while asleep) for *cnt to change: a
 * FIFO open waiting for its other side. */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;
	int r;

	mutex_unlock(&pipe->mutex);
	r = wait_event_interruptible(pipe->rd_wait, READ_ONCE(*cnt) != cur);
	mutex_lock(&pipe->mutex);
	return r;
}

/*
 * Opening a FIFO (fifo(7)): a reader waits for a writer and a writer
 * for a reader, unless O_NONBLOCK, with which a reader opens at once and
 * a writer without a reader fails with ENXIO.  O_RDWR opens at once.
 * An anonymous pipe reopened through /proc/PID/fd/N (bash's <(...) names
 * /dev/fd/63) never waits and never fails for want of a partner: its
 * other end may already be closed, and nothing can open it again (Linux's
 * is_pipe rule in fifo_open()).
 */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe, *fresh = NULL;
	int r = 0;

	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe)
		pipe->files++;
	spin_unlock(&inode->i_lock);
	if (!pipe) {
		fresh = alloc_pipe_info();
		if (!fresh)
			return -ENOMEM;
		fresh->files = 1;
		fresh->is_fifo = true;
		spin_lock(&inode->i_lock);
		pipe = inode->i_pipe;
		if (pipe) {
			pipe->files++;
		} else {
			inode->i_pipe = pipe = fresh;
			fresh = NULL;
		}
		spin_unlock(&inode->i_lock);
		if (fresh)
			free_pipe_info(fresh);
	}
	f->private_data = pipe;
	f->f_version = 0;
	f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	f->f_mode |= FMODE_STREAM;
	mutex_lock(&pipe->mutex);
	switch (f->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		if (pipe->readers++ == 0)
			wake_up(&pipe->rd_wait);
		if (pipe->is_fifo && !pipe->writers) {
			if (f->f_flags & O_NONBLOCK) {
				/* No POLLHUP until a writer has come and gone. */
				f->f_version = pipe->w_counter;
			} else if (wait_for_partner(pipe, &pipe->w_counter)) {
				r = -ERESTARTSYS;
				if (!--pipe->readers)
					wake_up(&pipe->wr_wait);
			}
		}
		break;
	case FMODE_WRITE:
		if (pipe->is_fifo && (f->f_flags & O_NONBLOCK) && !pipe->readers) {
			r = -ENXIO;
			break;
		}
		pipe->w_counter++;
		if (!pipe->writers++)
			wake_up(&pipe->rd_wait);
		if (pipe->is_fifo && !pipe->readers &&
		    wait_for_partner(pipe, &pipe->r_counter)) {
			r = -ERESTARTSYS;
			if (!--pipe->writers)
				wake_up(&pipe->rd_wait);
		}
		break;
	case FMODE_READ | FMODE_WRITE:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up(&pipe->rd_wait);
		break;
	default:
		r = -EINVAL;
	}
	mutex_unlock(&pipe->mutex);
	if (r)
		put_pipe_info(inode, pipe);
	return r;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* ------------------------------------------------------------ F_*PIPE_SZ */

static struct pipe_inode_info *get_pipe_info(struct file *f)
{
	return f->f_op == &pipefifo_fops ? f->private_data : NULL;
}

/*
 * F_SETPIPE_SZ: at least a page, rounded up to a power-of-two number of
 * pages; past /proc/sys/fs/pipe-max-size (1 MiB) only with
 * CAP_SYS_RESOURCE (EPERM); smaller than the bytes in the pipe is EBUSY.
 * Returns the new size.  Other files are EBADF, as on Linux.
 */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(f);
	unsigned int nr = 1, i, len;
	struct page **pages;

	if (!pipe)
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return pipe_size(pipe);
	if (arg > (1UL << 31))
		return -EINVAL;
	while ((unsigned long)nr * PAGE_SIZE < arg)
		nr *= 2;
	if ((unsigned long)nr * PAGE_SIZE > PIPE_MAX_SIZE && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	pages = kzalloc(nr * sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	mutex_lock(&pipe->mutex);
	len = pipe->head - pipe->tail;
	if (len > nr * PAGE_SIZE) {
		mutex_unlock(&pipe->mutex);
		kfree(pages);
		return -EBUSY;
	}
	/* The data moves to the start of the new ring. */
	for (i = 0; i < len; i += PAGE_SIZE) {
		struct iov_iter it;
		struct page *pg = alloc_pages(GFP_KERNEL, 0);
		size_t n = min(len - i, (unsigned int)PAGE_SIZE);

		if (!pg) {
			while (i) {
				i -= PAGE_SIZE;
				__free_pages(pages[i / PAGE_SIZE], 0);
			}
			mutex_unlock(&pipe->mutex);
			kfree(pages);
			return -ENOMEM;
		}
		pages[i / PAGE_SIZE] = pg;
		iov_iter_kvec(&it, page_address(pg), n);
		ring_copy(pipe, pipe->tail + i, n, &it, false);
	}
	for (i = 0; i < pipe->nr_pages; i++)
		if (pipe->pages[i])
			__free_pages(pipe->pages[i], 0);
	kfree(pipe->pages);
	pipe->pages = pages;
	pipe->nr_pages = nr;
	pipe->tail = 0;
	pipe->head = len;
	mutex_unlock(&pipe->mutex);
	wake_up(&pipe->wr_wait);
	return nr * PAGE_SIZE;
}

/* ------------------------------------------------------------ pipe(2) */

static struct vfsmount *pipe_mnt;

static struct super_block *pipefs_mount(struct file_system_type *t, int flags,
					const char *dev, char *data)
{
	struct super_block *sb = sget(t, PIPEFS_MAGIC, NULL, flags);

	return sb ? sb : ERR_PTR(-ENOMEM);
}

static struct file_system_type pipefs_type = {
	.name = "pipefs", .mount = pipefs_mount, .fs_flags = FS_NOMOUNT,
};

/*
 * The two ends of a new pipe: an inode of pipefs ("pipe:[ino]" in
 * /proc/PID/fd), read and write files sharing one name.
 */
static int create_pipe_files(struct file **res, int flags)
{
	struct super_block *sb = pipe_mnt->mnt_sb;
	struct inode *inode = new_inode(sb, S_IFIFO | 0600);
	struct pipe_inode_info *pipe;
	struct dentry *d;
	char name[32];

	if (!inode)
		return -ENFILE;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return -ENFILE;
	}
	pipe->readers = pipe->writers = 1;
	pipe->r_counter = pipe->w_counter = 1;
	pipe->files = 2;
	inode->i_pipe = pipe;
	inode->i_fop = &pipefifo_fops;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	d = d_alloc_pseudo(sb, name);
	if (!d) {
		iput(inode);
		return -ENFILE;
	}
	d_instantiate(d, inode);
	res[0] = alloc_file(d, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	res[1] = alloc_file(dget(d), O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (!res[0] || !res[1]) {
		inode->i_pipe = NULL;
		free_pipe_info(pipe);
		if (res[0]) {
			res[0]->f_op = NULL;
			fput(res[0]);
		} else {
			dput(d);
		}
		if (res[1]) {
			res[1]->f_op = NULL;
			fput(res[1]);
		} else {
			dput(d);
		}
		return -ENFILE;
	}
	for (flags = 0; flags < 2; flags++) {
		res[flags]->private_data = pipe;
		res[flags]->f_mode |= FMODE_STREAM;
	}
	return 0;
}

/*
 * pipe2(2): O_CLOEXEC and O_NONBLOCK; O_DIRECT ("packet mode") is not
 * supported (EINVAL, as for any unknown flag).  A bad fds pointer is
 * EFAULT with nothing left open.
 */
// syscall-status: pipe2: partial: no O_DIRECT packet mode (EINVAL)
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	struct file *files[2];
	int fd[2], r;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0)
		return fd[0];
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		put_unused_fd(fd[0]);
		return fd[1];
	}
	r = create_pipe_files(files, flags);
	if (r) {
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		return r;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		fput(files[0]);
		fput(files[1]);
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		return -EFAULT;
	}
	fd_install_at(fd[0], files[0]);
	fd_install_at(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return __do_sys_pipe2(fildes, 0);
}

void pipe_init(void)
{
	register_filesystem(&pipefs_type);
	pipe_mnt = kern_mount(&pipefs_type, NULL);
	if (!pipe_mnt)
		panic("VFS: cannot mount pipefs");
	/* pipefs is internal: its files have no mount of their own. */
	pipe_mnt->mnt_sb->s_mnt = NULL;
}
