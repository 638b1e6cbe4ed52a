// SPDX-License-Identifier: GPL-2.0
/*
 * sync, syncfs, fsync, fdatasync, sync_file_range.  Every file system
 * here lives in memory, so there is never anything to write back; the
 * calls check their arguments as Linux does and succeed.
 */
#include <lego/kernel.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include "internal.h"

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

/* A file without an fsync method (a pipe, a tty) is EINVAL. */
int vfs_fsync(struct file *f, int datasync)
{
	return f->f_op && f->f_op->fsync ? f->f_op->fsync(f, datasync) : -EINVAL;
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = vfs_fsync(f, datasync);
	fput(f);
	return r;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

#define SYNC_FILE_RANGE_WAIT_BEFORE	1
#define SYNC_FILE_RANGE_WRITE		2
#define SYNC_FILE_RANGE_WAIT_AFTER	4

/* sync_file_range(2): Linux's checks (flags, negative offsets or length,
 * an end past the largest offset, a file that is not regular, a
 * directory or a block device: ESPIPE). */
SYSCALL_DEFINE4(sync_file_range, int, fd, loff_t, offset, loff_t, nbytes,
		unsigned int, flags)
{
	struct file *f;
	umode_t mode;
	long r = 0;

	if (flags & ~(SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
		      SYNC_FILE_RANGE_WAIT_AFTER))
		return -EINVAL;
	if (offset < 0 || nbytes < 0 || (loff_t)((u64)offset + nbytes) < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	mode = f->inode->i_mode;
	if (!S_ISREG(mode) && !S_ISDIR(mode) && !S_ISBLK(mode) && !S_ISLNK(mode))
		r = -ESPIPE;
	fput(f);
	return r;
}
