// SPDX-License-Identifier: GPL-2.0
/*
 * stat, lstat, fstat, newfstatat, readlink and readlinkat.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>

/* The one device number of the RAM file system (major 0, minor 1). */
#define RAMFS_DEV	MKDEV(0, 1)

/* Linux's new_encode_dev(): the 32-bit dev_t as user space sees it. */
static unsigned long encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static int cp_new_stat(struct inode *inode, struct stat __user *ubuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = encode_dev(RAMFS_DEV);
	st.st_ino = inode->ino;
	st.st_nlink = inode->nlink;
	st.st_mode = inode->mode;
	st.st_uid = inode->uid;
	st.st_gid = inode->gid;
	st.st_rdev = encode_dev(inode->rdev);
	st.st_size = inode->size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = DIV_ROUND_UP(inode->size, PAGE_SIZE) * (PAGE_SIZE / 512);
	st.st_atime = inode->atime.tv_sec;
	st.st_atime_nsec = inode->atime.tv_nsec;
	st.st_mtime = inode->mtime.tv_sec;
	st.st_mtime_nsec = inode->mtime.tv_nsec;
	st.st_ctime = inode->ctime.tv_sec;
	st.st_ctime_nsec = inode->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *f = fget_raw(fd);
	int r;

	if (!f)
		return -EBADF;
	r = cp_new_stat(f->inode, statbuf);
	fput(f);
	return r;
}

/* The inode dfd itself names (the working directory for AT_FDCWD). */
static int dfd_inode(int dfd, struct inode **res)
{
	struct file *f;

	if (dfd == AT_FDCWD) {
		*res = current->fs->pwd->inode;
		return 0;
	}
	f = fget_raw(dfd);
	if (!f)
		return -EBADF;
	*res = f->inode;
	fput(f);
	return 0;
}

/*
 * Resolves (dfd, path, flags) to a dentry for the stat family: an empty
 * path with AT_EMPTY_PATH means dfd itself.
 */
static int stat_lookup(int dfd, const char __user *filename, int flags,
		       struct inode **res)
{
	struct dentry *d;
	char c;
	int r;

	/* Linux's vfs_statx also takes the statx sync hints here (a RAM file
	 * system has nothing to sync), so newfstatat accepts them. */
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		if (get_user(c, filename))
			return -EFAULT;
		if (!c)
			return dfd_inode(dfd, res);
	}
	r = path_lookupat(dfd, filename,
			  (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &d);
	if (!r)
		*res = d->inode;
	return r;
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct inode *inode;
	int r = stat_lookup(dfd, filename, flag, &inode);

	return r ? r : cp_new_stat(inode, statbuf);
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	struct inode *inode;
	struct dentry *d;
	size_t len;
	char c;
	int r;

	if (bufsiz <= 0)
		return -EINVAL;
	/*
	 * An empty path names dfd itself (Linux's LOOKUP_EMPTY here): a
	 * symlink opened O_PATH|O_NOFOLLOW is read, anything else is ENOENT.
	 */
	if (get_user(c, pathname))
		return -EFAULT;
	if (!c) {
		r = dfd_inode(dfd, &inode);
		if (r)
			return r;
		if (!inode || !S_ISLNK(inode->mode))
			return -ENOENT;
	} else {
		r = path_lookupat(dfd, pathname, 0, &d);
		if (r)
			return r;
		inode = d->inode;
		if (!S_ISLNK(inode->mode))
			return -EINVAL;
	}
	len = min((size_t)bufsiz, strlen(inode->link));
	if (copy_to_user(buf, inode->link, len))
		return -EFAULT;
	return len;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return __do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
