// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation and lifetime, time stamps, link counts, and the
 * permission and attribute-change rules of Linux (path_resolution(7),
 * chmod(2), chown(2), utimensat(2), truncate(2)).
 *
 * The file-system identity is current->cred.fsuid/fsgid, and "root"
 * means fsuid 0: Linux drops CAP_DAC_OVERRIDE and friends from the
 * effective set when fsuid leaves 0, so a privileged file access is one
 * made with fsuid 0 (Documentation/process/decisions.rst).
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <lego/capability.h>
#include <lego/kmem.h>
#include "internal.h"

struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();
	struct timespec64 t = { (s64)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };

	return t;
}

/* A new inode of sb, owned by the caller's fsuid/fsgid, with one reference. */
struct inode *new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	kmem_inc(KMEM_INODES);
	inode->i_sb = sb;
	inode->i_ino = atomic_add_return(1, &sb->s_next_ino);
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_uid = current ? current->cred.fsuid : 0;
	inode->i_gid = current ? current->cred.fsgid : 0;
	atomic_set(&inode->i_count, 1);
	spin_lock_init(&inode->i_lock);
	mutex_init(&inode->i_mutex);
	INIT_LIST_HEAD(&inode->i_mmap);
	INIT_LIST_HEAD(&inode->i_flock);
	init_waitqueue_head(&inode->i_flock_wait);
	inode->i_dir_seq = 2;		/* 0 and 1 are "." and ".." */
	inode->i_atime = inode->i_mtime = inode->i_ctime = inode->i_btime =
		current_time();
	atomic_inc(&sb->s_inodes);
	return inode;
}

void iget(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	kfree(inode->i_link);
	atomic_dec(&sb->s_inodes);
	kmem_dec(KMEM_INODES);
	kfree(inode);
}

/*
 * The set-group-ID rule of directories (inode(7)): a new file in a
 * setgid directory gets the directory's group, and a new directory there
 * keeps the setgid bit.
 */
void inode_init_owner(struct inode *inode, struct inode *dir, umode_t mode)
{
	inode->i_uid = current->cred.fsuid;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(inode->i_gid) && !fs_capable(CAP_FSETID))
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current->cred.fsgid;
	}
	inode->i_mode = mode;
}

/* ctime, and with modify mtime too, to now (a change to the inode). */
void inode_touch(struct inode *inode, bool modify)
{
	struct timespec64 now = current_time();

	spin_lock(&inode->i_lock);
	inode->i_ctime = now;
	if (modify)
		inode->i_mtime = now;
	spin_unlock(&inode->i_lock);
}

static bool ts_le(struct timespec64 a, struct timespec64 b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec <= b.tv_nsec);
}

/*
 * A read's access time.  Under "relatime", the default of mount(2),
 * atime moves only when it is not newer than mtime or ctime, or is a day
 * old; mounts made by the kernel itself (rootfs) update it on every
 * read, as Linux's; never on noatime mounts or with O_NOATIME.
 */
void inode_touch_atime(struct file *f)
{
	struct inode *inode = f->inode;
	struct vfsmount *m;
	struct timespec64 now;

	if ((f->f_flags & O_NOATIME) || (inode->i_sb->s_flags & (SB_NOATIME | SB_RDONLY)))
		return;
	m = f->dentry ? real_mount(f->dentry) : NULL;
	if (m && (m->mnt_flags & MNT_NOATIME))
		return;
	now = current_time();
	spin_lock(&inode->i_lock);
	if (!m || !(m->mnt_flags & MNT_RELATIME) ||
	    ts_le(inode->i_atime, inode->i_mtime) || ts_le(inode->i_atime, inode->i_ctime) ||
	    now.tv_sec - inode->i_atime.tv_sec >= 24 * 60 * 60)
		inode->i_atime = now;
	spin_unlock(&inode->i_lock);
}

void set_nlink(struct inode *inode, unsigned int n)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink = n;
	spin_unlock(&inode->i_lock);
}

void inc_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	spin_unlock(&inode->i_lock);
}

void drop_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	if (inode->i_nlink)
		inode->i_nlink--;
	spin_unlock(&inode->i_lock);
}

/* ------------------------------------------------------------ permissions */

/*
 * Whether the caller acts with the privilege cap for file access.  Lego
 * keeps no capability sets (lego/capability.h): file capabilities follow
 * fsuid 0, as Linux's do after setfsuid/setresuid (capabilities(7),
 * "Effect of user ID changes on capabilities").
 */
bool fs_capable(int cap)
{
	return current->cred.fsuid == 0;
}

bool inode_owner_or_capable(struct inode *inode)
{
	return current->cred.fsuid == inode->i_uid || fs_capable(CAP_FOWNER);
}

/*
 * The mode bits that apply to the caller (owner, group or other), then
 * the privileged overrides: CAP_DAC_OVERRIDE reads and writes anything
 * and executes a file with at least one x bit; CAP_DAC_READ_SEARCH reads
 * files and reads and searches directories.
 */
int generic_permission(struct inode *inode, int mask)
{
	umode_t mode = READ_ONCE(inode->i_mode);
	int want = mask & (MAY_READ | MAY_WRITE | MAY_EXEC);

	if (current->cred.fsuid == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if ((want & ~mode & 7) == 0)
		return 0;
	if (fs_capable(CAP_DAC_OVERRIDE)) {
		if (!(want & MAY_EXEC) || S_ISDIR(inode->i_mode) ||
		    (inode->i_mode & 0111))
			return 0;
	}
	if (fs_capable(CAP_DAC_READ_SEARCH)) {
		if (want == MAY_READ || (S_ISDIR(inode->i_mode) && !(want & MAY_WRITE)))
			return 0;
	}
	return -EACCES;
}

/*
 * Linux's inode_permission: writing to a file, directory or symlink on
 * a read-only file system is EROFS; then the mode bits.
 */
int inode_permission(struct inode *inode, int mask)
{
	if ((mask & MAY_WRITE) && (inode->i_sb->s_flags & SB_RDONLY)) {
		umode_t m = inode->i_mode;

		if (S_ISREG(m) || S_ISDIR(m) || S_ISLNK(m))
			return -EROFS;
	}
	return generic_permission(inode, mask);
}

/* ------------------------------------------------------------ attributes */

/*
 * Linux's setattr_prepare: may the caller make this change?  chown needs
 * CAP_CHOWN unless the owner "changes" to itself or moves the group to
 * one of its own; chmod and explicit times need the owner or CAP_FOWNER;
 * "touch to now" is also allowed to anyone who may write.
 */
int setattr_prepare(struct inode *inode, const struct iattr *attr)
{
	unsigned int v = attr->ia_valid;
	uid_t fsuid = current->cred.fsuid;

	if (v & ATTR_FORCE)
		return 0;
	if ((v & ATTR_UID) &&
	    !((fsuid == inode->i_uid && attr->ia_uid == inode->i_uid) ||
	      fs_capable(CAP_CHOWN)))
		return -EPERM;
	if ((v & ATTR_GID) &&
	    !((fsuid == inode->i_uid &&
	       (attr->ia_gid == inode->i_gid || in_group_p(attr->ia_gid))) ||
	      fs_capable(CAP_CHOWN)))
		return -EPERM;
	if ((v & ATTR_MODE) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((v & (ATTR_ATIME_SET | ATTR_MTIME_SET)) && !inode_owner_or_capable(inode))
		return -EPERM;
	if ((v & ATTR_TOUCH) && !inode_owner_or_capable(inode)) {
		int r = inode_permission(inode, MAY_WRITE);

		if (r)
			return r;
	}
	return 0;
}

/* Copies the checked change into the inode (i_lock held inside). */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int v = attr->ia_valid;
	struct timespec64 now = current_time();

	spin_lock(&inode->i_lock);
	if (v & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (v & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (v & ATTR_MODE) {
		umode_t mode = attr->ia_mode & S_IALLUGO;

		/* chmod: only a member of the file's group (or a holder of
		 * CAP_FSETID) may keep its set-group-ID bit. */
		if (!(v & ATTR_FORCE) && !in_group_p(inode->i_gid) &&
		    !fs_capable(CAP_FSETID))
			mode &= ~S_ISGID;
		inode->i_mode = (inode->i_mode & S_IFMT) | mode;
	}
	if (v & ATTR_ATIME)
		inode->i_atime = (v & ATTR_ATIME_SET) ? attr->ia_atime : now;
	if (v & ATTR_MTIME)
		inode->i_mtime = (v & ATTR_MTIME_SET) ? attr->ia_mtime : now;
	if (v & ATTR_CTIME)
		inode->i_ctime = now;
	spin_unlock(&inode->i_lock);
}

/*
 * Applies attr to d's inode; the caller holds its i_mutex.  Ownership
 * changes of non-directories drop set-user-ID, and set-group-ID when
 * group execute is set (a setgid bit without it marks mandatory locking
 * and stays), as Linux's notify_change does for ATTR_KILL_S*ID.
 */
int notify_change(struct dentry *d, struct iattr *attr)
{
	struct inode *inode = d->d_inode;
	int r;

	if ((attr->ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID | ATTR_ATIME |
			       ATTR_MTIME | ATTR_SIZE)) &&
	    (inode->i_sb->s_flags & SB_RDONLY))
		return -EROFS;
	r = setattr_prepare(inode, attr);
	if (r)
		return r;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(d, attr);
	if (attr->ia_valid & ATTR_KILL_PRIV) {
		umode_t m = inode->i_mode, nm = m & ~S_ISUID;

		if ((m & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			nm &= ~S_ISGID;
		if (nm != m) {
			if (!(attr->ia_valid & ATTR_MODE))
				attr->ia_mode = nm;
			else
				attr->ia_mode &= ~(m & ~nm);
			attr->ia_valid |= ATTR_MODE | ATTR_FORCE;
		}
	}
	if (attr->ia_valid & ATTR_SIZE) {
		if (!S_ISREG(inode->i_mode))
			return -EINVAL;
		r = ramfs_truncate(inode, attr->ia_size);
		if (r)
			return r;
	}
	setattr_copy(inode, attr);
	return 0;
}

/*
 * truncate(2)/ftruncate(2) after their descriptor or path checks: the
 * size limit (EFBIG, with SIGXFSZ past RLIMIT_FSIZE, as Linux's
 * inode_newsize_ok), then the new size with mtime and ctime, and the
 * set-ID bits dropped as by a write.
 */
int vfs_truncate(struct dentry *d, loff_t length)
{
	struct inode *inode = d->d_inode;
	struct iattr attr = {
		.ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME | ATTR_FORCE,
		.ia_size = length,
	};
	int r;

	if (length < 0)
		return -EINVAL;
	if (current->mm && (unsigned long)length > rlimit(RLIMIT_FSIZE) &&
	    length > READ_ONCE(inode->i_size)) {
		send_sig(SIGXFSZ, current, 0);
		return -EFBIG;
	}
	if (!fs_capable(CAP_FSETID))
		attr.ia_valid |= ATTR_KILL_PRIV;
	mutex_lock(&inode->i_mutex);
	r = notify_change(d, &attr);
	mutex_unlock(&inode->i_mutex);
	return r;
}
