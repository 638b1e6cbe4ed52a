// SPDX-License-Identifier: GPL-2.0
/*
 * stat, lstat, fstat, newfstatat, statx, readlink and readlinkat; with
 * IA32 emulation the i386 stat64, lstat64, fstat64 and fstatat64.
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/statfs.h>
#include <asm/uaccess.h>
#include "internal.h"

/*
 * The attributes of d's inode, copied under i_lock so they are one
 * snapshot.  The result mask is what Linux reports: the basic fields and
 * the mount id always, the birth time on tmpfs.  A file system with a
 * getattr method (a remote one) first brings the inode up to date, and
 * may fail.
 */
int vfs_getattr(struct dentry *d, struct kstat *st)
{
	struct inode *inode = d->d_inode;
	struct vfsmount *m = real_mount(d);

	if (inode->i_op && inode->i_op->getattr) {
		int r = inode->i_op->getattr(d);

		if (r)
			return r;
	}
	memset(st, 0, sizeof(*st));
	spin_lock(&inode->i_lock);
	st->mode = inode->i_mode;
	st->nlink = inode->i_nlink;
	st->uid = inode->i_uid;
	st->gid = inode->i_gid;
	st->rdev = inode->i_rdev;
	st->ino = inode->i_ino;
	st->size = inode->i_size;
	st->blocks = inode->i_blocks * (PAGE_SIZE / 512);
	st->atime = inode->i_atime;
	st->mtime = inode->i_mtime;
	st->ctime = inode->i_ctime;
	st->btime = inode->i_btime;
	spin_unlock(&inode->i_lock);
	st->dev = inode->i_sb->s_dev;
	st->blksize = PAGE_SIZE;
	st->result_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	if (inode->i_sb->s_magic == TMPFS_MAGIC)
		st->result_mask |= STATX_BTIME;
	st->attributes_mask = STATX_ATTR_AUTOMOUNT | STATX_ATTR_MOUNT_ROOT | STATX_ATTR_DAX;
	if (inode->i_sb->s_magic == TMPFS_MAGIC)
		st->attributes_mask |= STATX_ATTR_APPEND | STATX_ATTR_IMMUTABLE |
				       STATX_ATTR_NODUMP;
	if (m && m->mnt_root == d)
		st->attributes |= STATX_ATTR_MOUNT_ROOT;
	st->mnt_id = m ? m->mnt_id : 0;
	return 0;
}

/* The three times of k into st, a struct stat or stat64. */
#define STAT_TIMES(st, k) do {					\
	(st).st_atime = (k)->atime.tv_sec;			\
	(st).st_atime_nsec = (k)->atime.tv_nsec;		\
	(st).st_mtime = (k)->mtime.tv_sec;			\
	(st).st_mtime_nsec = (k)->mtime.tv_nsec;		\
	(st).st_ctime = (k)->ctime.tv_sec;			\
	(st).st_ctime_nsec = (k)->ctime.tv_nsec;		\
} while (0)

static int cp_new_stat(struct kstat *k, struct stat __user *ubuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.st_ino = k->ino;
	st.st_nlink = k->nlink;
	st.st_mode = k->mode;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	STAT_TIMES(st, k);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static int stat_dentry(struct dentry *d, struct stat __user *ubuf)
{
	struct kstat k;
	int r = vfs_getattr(d, &k);

	return r ? r : cp_new_stat(&k, ubuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *f = fget_raw(fd);
	int r;

	if (!f)
		return -EBADF;
	r = stat_dentry(f->dentry, statbuf);
	fput(f);
	return r;
}

/*
 * Resolves (dfd, filename, flags) for the stat family.  Linux's vfs_statx
 * takes the statx sync hints here too (a RAM file system has nothing to
 * sync); an empty or (Linux 6.11) NULL name with AT_EMPTY_PATH means dfd.
 */
static int stat_lookup(int dfd, const char __user *filename, int flags,
		       struct dentry **res)
{
	unsigned int lf;
	int r = at_lookup_flags(flags, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
				AT_STATX_SYNC_TYPE, &lf);

	if (r)
		return r;
	if (flags & AT_EMPTY_PATH) {
		if (!filename) {
			struct file *f;

			if (dfd == AT_FDCWD) {
				*res = fs_pwd_get();
				return 0;
			}
			f = fget_raw(dfd);
			if (!f)
				return -EBADF;
			*res = path_get(f->dentry);
			fput(f);
			return 0;
		}
	}
	return user_path_at(dfd, filename, lf, res);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct dentry *d;
	int r = stat_lookup(dfd, filename, flag, &d);

	if (r)
		return r;
	r = stat_dentry(d, statbuf);
	path_put(d);
	return r;
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return __do_sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

static void statx_time(struct statx_timestamp *t, const struct timespec64 *ts)
{
	t->tv_sec = ts->tv_sec;
	t->tv_nsec = ts->tv_nsec;
}

/*
 * statx(2): both sync hints at once and STATX__RESERVED in the mask are
 * EINVAL.  Every field is filled whatever the mask asks; stx_mask says
 * which are valid, as on Linux.
 */
SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct statx sx;
	struct kstat k;
	struct dentry *d;
	int r;

	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	r = stat_lookup(dfd, filename, flags, &d);
	if (r)
		return r;
	r = vfs_getattr(d, &k);
	path_put(d);
	if (r)
		return r;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = k.result_mask;
	sx.stx_blksize = k.blksize;
	sx.stx_attributes = k.attributes;
	sx.stx_nlink = k.nlink;
	sx.stx_uid = k.uid;
	sx.stx_gid = k.gid;
	sx.stx_mode = k.mode;
	sx.stx_ino = k.ino;
	sx.stx_size = k.size;
	sx.stx_blocks = k.blocks;
	sx.stx_attributes_mask = k.attributes_mask;
	statx_time(&sx.stx_atime, &k.atime);
	statx_time(&sx.stx_mtime, &k.mtime);
	statx_time(&sx.stx_ctime, &k.ctime);
	if (k.result_mask & STATX_BTIME)
		statx_time(&sx.stx_btime, &k.btime);
	sx.stx_rdev_major = MAJOR(k.rdev);
	sx.stx_rdev_minor = MINOR(k.rdev);
	sx.stx_dev_major = MAJOR(k.dev);
	sx.stx_dev_minor = MINOR(k.dev);
	sx.stx_mnt_id = k.mnt_id;
	return copy_to_user(buffer, &sx, sizeof(sx)) ? -EFAULT : 0;
}

/*
 * readlinkat(2): the last component is not followed.  An empty path
 * names dfd itself (a symlink opened O_PATH|O_NOFOLLOW is read, anything
 * else is ENOENT); a name that is not a symlink is EINVAL.
 */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	struct dentry *d;
	char c;
	int r;

	if (bufsiz <= 0)
		return -EINVAL;
	if (get_user(c, pathname))
		return -EFAULT;
	r = user_path_at(dfd, pathname, LOOKUP_EMPTY, &d);
	if (r)
		return r;
	if (!S_ISLNK(d->d_inode->i_mode))
		r = c ? -EINVAL : -ENOENT;
	else
		r = vfs_readlink(d, buf, bufsiz);
	path_put(d);
	return r;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return __do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

#ifdef CONFIG_IA32_EMULATION
/*
 * i386 struct stat64 (lego/compat.h): 32-bit times and ids, the inode
 * number in full at the end and truncated in __st_ino, as Linux's
 * cp_new_stat64.
 */
static int cp_stat64(struct kstat *k, struct stat64 __user *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_ino = k->ino;
	st.__st_ino = k->ino;
	st.st_mode = k->mode;
	st.st_nlink = k->nlink;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	STAT_TIMES(st, k);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* A 32-bit id into the old stat's 16 bits: one past 0xffff is the
 * overflow id 65534, as Linux's SET_UID/high2lowuid. */
static u16 low_id(u32 id)
{
	return id & ~0xffffu ? 65534 : id;
}

/*
 * The old i386 struct stat, as Linux's cp_compat_stat: EOVERFLOW when the
 * inode number does not fit 32 bits, the link count 16, or the size is
 * past 2^31 - 1 (MAX_NON_LFS), with nothing written.
 */
static int cp_compat_stat(struct kstat *k, struct compat_stat __user *ubuf)
{
	struct compat_stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.st_ino = k->ino;
	if (st.st_ino != k->ino)
		return -EOVERFLOW;
	st.st_mode = k->mode;
	st.st_nlink = k->nlink;
	if (st.st_nlink != k->nlink)
		return -EOVERFLOW;
	st.st_uid = low_id(k->uid);
	st.st_gid = low_id(k->gid);
	st.st_rdev = new_encode_dev(k->rdev);
	if ((u64)k->size > 0x7fffffff)
		return -EOVERFLOW;
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	STAT_TIMES(st, k);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

COMPAT_SYSCALL_DEFINE2(fstat, unsigned int, fd, struct compat_stat __user *, statbuf)
{
	struct file *f = fget_raw(fd);
	struct kstat k;
	int r;

	if (!f)
		return -EBADF;
	r = vfs_getattr(f->dentry, &k);
	fput(f);
	return r ? r : cp_compat_stat(&k, statbuf);
}

static long compat_stat_at(const char __user *filename, struct compat_stat __user *statbuf,
			   int flag)
{
	struct dentry *d;
	struct kstat k;
	int r = stat_lookup(AT_FDCWD, filename, flag, &d);

	if (r)
		return r;
	r = vfs_getattr(d, &k);
	path_put(d);
	return r ? r : cp_compat_stat(&k, statbuf);
}

COMPAT_SYSCALL_DEFINE2(stat, const char __user *, filename, struct compat_stat __user *, statbuf)
{
	return compat_stat_at(filename, statbuf, 0);
}

COMPAT_SYSCALL_DEFINE2(lstat, const char __user *, filename, struct compat_stat __user *, statbuf)
{
	return compat_stat_at(filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

COMPAT_SYSCALL_DEFINE2(fstat64, unsigned int, fd, struct stat64 __user *, statbuf)
{
	struct file *f = fget_raw(fd);
	struct kstat k;

	if (!f)
		return -EBADF;
	vfs_getattr(f->dentry, &k);
	fput(f);
	return cp_stat64(&k, statbuf);
}

COMPAT_SYSCALL_DEFINE4(fstatat64, int, dfd, const char __user *, filename,
		       struct stat64 __user *, statbuf, int, flag)
{
	struct dentry *d;
	struct kstat k;
	int r = stat_lookup(dfd, filename, flag, &d);

	if (r)
		return r;
	vfs_getattr(d, &k);
	path_put(d);
	return cp_stat64(&k, statbuf);
}

COMPAT_SYSCALL_DEFINE2(stat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return __do_compat_sys_fstatat64(AT_FDCWD, filename, statbuf, 0);
}

COMPAT_SYSCALL_DEFINE2(lstat64, const char __user *, filename, struct stat64 __user *, statbuf)
{
	return __do_compat_sys_fstatat64(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}
#endif
