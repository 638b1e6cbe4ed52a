// SPDX-License-Identifier: GPL-2.0
/*
 * Opening files (open, openat, openat2, creat), and the calls that act
 * on a name or descriptor's attributes: access, faccessat(2), chdir,
 * fchdir, chroot, the chmod and chown families, truncate and ftruncate.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/capability.h>
#include <lego/kmem.h>
#include <asm/uaccess.h>
#include "internal.h"

/* The flags open(2) knows; others are ignored, as Linux ignores them. */
#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | \
	O_APPEND | O_NONBLOCK | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | \
	O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | __O_SYNC | O_PATH | \
	__O_TMPFILE)
/* The flags O_PATH keeps; open drops the others (Linux's build_open_how),
 * so O_PATH|O_CREAT creates nothing. */
#define O_PATH_FLAGS	(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)
#define VALID_RESOLVE_FLAGS (RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | \
	RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED)

struct open_flags {
	int flags;		/* O_*: what the file keeps, plus O_CREAT etc. */
	umode_t mode;		/* of a created file, umask applied */
	int acc;		/* MAY_* the open needs */
	unsigned int lookup;	/* LOOKUP_* from RESOLVE_* */
};

/* ------------------------------------------------------------ files */

/* A new open file for d (a path reference the file takes over). */
struct file *alloc_file(struct dentry *d, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;

	if (!f)
		return NULL;
	kmem_inc(KMEM_FILES);
	f->dentry = d;
	f->inode = d ? d->d_inode : NULL;
	f->f_op = fop;
	/* Linux keeps only the status flags (do_dentry_open). */
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	if (acc == O_RDONLY || acc == O_RDWR)
		f->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		f->f_mode |= FMODE_WRITE;
	atomic_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	return f;
}

/*
 * An open file for d (the caller's reference stays with it): the
 * operations of its type, then the open method (a device's, a FIFO's),
 * whose failure is the open's.  O_PATH files get no operations at all.
 */
struct file *dentry_open(struct dentry *d, unsigned int flags)
{
	struct inode *inode = d->d_inode;
	struct file *f = alloc_file(path_get(d), flags,
				    (flags & O_PATH) ? NULL : inode->i_fop);
	int r;

	if (!f) {
		path_put(d);
		return ERR_PTR(-ENOMEM);
	}
	if (flags & O_PATH) {
		f->f_mode = FMODE_PATH;
		return f;
	}
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	if ((flags & O_ACCMODE) == 3)
		f->f_mode |= FMODE_NOWRITE;
	if (f->f_op && f->f_op->open) {
		r = f->f_op->open(inode, f);
		if (r) {
			/* Not opened: no release. */
			f->f_op = NULL;
			fput(f);
			return ERR_PTR(r);
		}
	}
	/* A remount read-only waits for no writer (EBUSY). */
	if (f->f_mode & FMODE_WRITE) {
		atomic_inc(&inode->i_sb->s_writers);
		f->f_mode |= FMODE_WRITER;
	}
	return f;
}

/* Linux's build_open_flags, for open/openat (strict: openat2). */
static int build_open_flags(u64 flags, u64 mode, u64 resolve, bool strict,
			    struct open_flags *op)
{
	static const int acc_mode[4] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE,
					 MAY_READ | MAY_WRITE };
	int f;

	if (strict) {
		if (flags & ~(u64)VALID_OPEN_FLAGS)
			return -EINVAL;
		if (resolve & ~(u64)VALID_RESOLVE_FLAGS)
			return -EINVAL;
		if ((resolve & RESOLVE_BENEATH) && (resolve & RESOLVE_IN_ROOT))
			return -EINVAL;
		if (flags & (O_CREAT | __O_TMPFILE)) {
			if (mode & ~(u64)S_IALLUGO)
				return -EINVAL;
		} else if (mode) {
			return -EINVAL;
		}
		if ((resolve & RESOLVE_CACHED) && (flags & (O_TRUNC | O_CREAT | __O_TMPFILE)))
			return -EAGAIN;
	} else {
		flags &= VALID_OPEN_FLAGS;
	}
	f = (int)flags;
	op->mode = (f & (O_CREAT | __O_TMPFILE)) ? (mode & S_IALLUGO) : 0;
	if (f & O_PATH)
		f &= O_PATH_FLAGS;
	/* O_DIRECTORY|O_CREAT once made regular files: refused (Linux 6.4). */
	if ((f & (O_DIRECTORY | O_CREAT)) == (O_DIRECTORY | O_CREAT))
		return -EINVAL;
	/* O_TMPFILE is __O_TMPFILE|O_DIRECTORY without O_CREAT, and the
	 * unnamed file it makes must be writable. */
	if (f & __O_TMPFILE) {
		if ((f & (__O_TMPFILE | O_DIRECTORY | O_CREAT)) != O_TMPFILE)
			return -EINVAL;
		if (!(acc_mode[f & O_ACCMODE] & MAY_WRITE))
			return -EINVAL;
	}
	if (f & __O_SYNC)
		f |= O_DSYNC;
	op->acc = (f & O_PATH) ? 0 : acc_mode[f & O_ACCMODE];
	if (f & O_TRUNC)
		op->acc |= MAY_WRITE;
	if (f & O_APPEND)
		op->acc |= MAY_APPEND;
	op->flags = f;
	op->lookup = ((resolve & RESOLVE_NO_XDEV) ? LOOKUP_NO_XDEV : 0) |
		     ((resolve & RESOLVE_NO_MAGICLINKS) ? LOOKUP_NO_MAGICLINKS : 0) |
		     ((resolve & RESOLVE_NO_SYMLINKS) ? LOOKUP_NO_SYMLINKS : 0) |
		     ((resolve & RESOLVE_BENEATH) ? LOOKUP_BENEATH : 0) |
		     ((resolve & RESOLVE_IN_ROOT) ? LOOKUP_IN_ROOT : 0);
	return 0;
}

static umode_t current_umask(void)
{
	return current->fs ? current->fs->umask : 0022;
}

/*
 * Opens path (a kernel copy) relative to dfd: the file, referenced.
 * O_TRUNC empties a regular file after it is opened, as Linux's do_open.
 */
static struct file *do_file_open(int dfd, const char *path, const struct open_flags *op)
{
	struct dentry *start, *d;
	struct file *f;
	bool created;
	umode_t mode = op->mode & ~current_umask();
	int r;

	/* RESOLVE_BENEATH and RESOLVE_IN_ROOT scope even an absolute path
	 * to dfd (the walk then refuses it, or starts it there). */
	if ((op->lookup & (LOOKUP_BENEATH | LOOKUP_IN_ROOT)) && path[0] == '/')
		r = start_dir(dfd, ".", &start);
	else
		r = start_dir(dfd, path, &start);
	if (r)
		return ERR_PTR(r);
	r = do_open_lookup(start, path, op->flags, mode, op->acc, op->lookup, &d, &created);
	if (r)
		return ERR_PTR(r);
	f = dentry_open(d, op->flags);
	if (!IS_ERR(f) && created)
		f->f_mode |= FMODE_CREATED;
	if (!IS_ERR(f) && (op->flags & O_TRUNC) && !created && S_ISREG(d->d_inode->i_mode)) {
		r = vfs_truncate(d, 0);
		if (r) {
			fput(f);
			f = ERR_PTR(r);
		}
	}
	path_put(d);
	return f;
}

/* A kernel open (init's console, the initramfs, the storage component):
 * path relative to the caller's working directory and root; a created
 * file gets mode less the caller's umask. */
struct file *file_open_mode(const char *path, unsigned int flags, umode_t mode)
{
	struct open_flags op;
	int r = build_open_flags(flags, mode, 0, false, &op);

	if (r)
		return ERR_PTR(r);
	return do_file_open(AT_FDCWD, path, &op);
}

struct file *filp_open(const char *path, unsigned int flags)
{
	return file_open_mode(path, flags, 0);
}

/*
 * execve's open: a regular file (EACCES otherwise) we may execute (the
 * x bits; root needs one of them) on a mount without noexec.  Read
 * permission is not needed.
 */
struct file *open_exec(const char *path)
{
	struct dentry *start, *d;
	struct file *f;
	bool created;
	int r = start_dir(AT_FDCWD, path, &start);

	if (!r)
		r = do_open_lookup(start, path, O_RDONLY, 0, 0, 0, &d, &created);
	if (r)
		return ERR_PTR(r);
	if (!S_ISREG(d->d_inode->i_mode) || (real_mount(d)->mnt_flags & MNT_NOEXEC) ||
	    inode_permission(d->d_inode, MAY_EXEC))
		f = ERR_PTR(-EACCES);
	else
		f = dentry_open(d, O_RDONLY | O_LARGEFILE);
	path_put(d);
	return f;
}

static long do_sys_open(int dfd, const char __user *filename, const struct open_flags *op)
{
	struct file *f;
	char *path;
	int fd, r;

	r = user_getname(filename, &path, false);
	if (r)
		return r;
	/* The descriptor first: a full table changes nothing (EMFILE). */
	fd = get_unused_fd_flags(op->flags);
	if (fd < 0) {
		kfree(path);
		return fd;
	}
	f = do_file_open(dfd, path, op);
	kfree(path);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install_at(fd, f);
	return fd;
}

/* x86-64 opens every file as if with O_LARGEFILE (F_GETFL shows it). */
SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	struct open_flags op;
	int r = build_open_flags((unsigned int)flags | O_LARGEFILE, mode, 0, false, &op);

	return r ? r : do_sys_open(dfd, filename, &op);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return __do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return __do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/*
 * openat2(2): struct open_how of usize bytes (at least the 24 of version
 * 0, at most a page: E2BIG; bytes past what Lego knows must be zero:
 * E2BIG), checked strictly: unknown flags or resolve bits and a mode
 * without O_CREAT/O_TMPFILE are EINVAL.
 */
SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename,
		struct open_how __user *, how, size_t, usize)
{
	struct open_how k;
	struct open_flags op;
	size_t i;
	int r;

	if (usize < OPEN_HOW_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (copy_from_user(&k, how, sizeof(k)))
		return -EFAULT;
	for (i = sizeof(k); i < usize; i++) {
		char c;

		if (get_user(c, (const char __user *)how + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	k.flags |= O_LARGEFILE;
	r = build_open_flags(k.flags, k.mode, k.resolve, true, &op);
	return r ? r : do_sys_open(dfd, filename, &op);
}

/* ------------------------------------------------------------ access */

/*
 * faccessat2(2): the check is made with the real uid and gid (the
 * effective ones with AT_EACCESS), and a real uid of 0 keeps root's
 * overrides, as Linux's access_override_creds.  F_OK asks only whether
 * the name resolves.
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	struct cred *c = &current->cred;
	uid_t fsuid = c->fsuid;
	gid_t fsgid = c->fsgid;
	unsigned int lf;
	struct dentry *d;
	int r;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	r = at_lookup_flags(flags, AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);
	if (r)
		return r;
	if (!(flags & AT_EACCESS)) {
		c->fsuid = c->uid;
		c->fsgid = c->gid;
	}
	r = user_path_at(dfd, filename, lf, &d);
	if (!r) {
		struct inode *inode = d->d_inode;

		if (mode & X_OK && S_ISREG(inode->i_mode) &&
		    (real_mount(d)->mnt_flags & MNT_NOEXEC))
			r = -EACCES;
		else if (mode)
			r = inode_permission(inode, mode);
		path_put(d);
	}
	c->fsuid = fsuid;
	c->fsgid = fsgid;
	return r;
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* ------------------------------------------------------------ directories */

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct dentry *d;
	int r = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &d);

	if (r)
		return r;
	r = inode_permission(d->d_inode, MAY_EXEC);
	if (r) {
		path_put(d);
		return r;
	}
	set_fs_pwd(current->fs, d);
	return 0;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget_raw(fd);
	int r;

	if (!f)
		return -EBADF;
	r = -ENOTDIR;
	if (S_ISDIR(f->inode->i_mode))
		r = inode_permission(f->inode, MAY_EXEC);
	if (!r)
		set_fs_pwd(current->fs, path_get(f->dentry));
	fput(f);
	return r;
}

/* chroot(2): the root moves; the working directory stays where it is. */
SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct dentry *d;
	int r = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &d);

	if (r)
		return r;
	r = inode_permission(d->d_inode, MAY_EXEC);
	if (!r && !capable(CAP_SYS_CHROOT))
		r = -EPERM;
	if (r) {
		path_put(d);
		return r;
	}
	set_fs_root(current->fs, d);
	return 0;
}

/* ------------------------------------------------------------ attributes */

static int chmod_common(struct dentry *d, umode_t mode)
{
	struct inode *inode = d->d_inode;
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	int r = mnt_want_write(d);

	if (r)
		return r;
	mutex_lock(&inode->i_mutex);
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	r = notify_change(d, &attr);
	mutex_unlock(&inode->i_mutex);
	return r;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	int r;

	if (!f)
		return -EBADF;
	r = chmod_common(f->dentry, mode);
	fput(f);
	return r;
}

/*
 * fchmodat2(2): AT_SYMLINK_NOFOLLOW on a symlink is EOPNOTSUPP (Linux
 * symlinks have no mode of their own); AT_EMPTY_PATH names dfd.
 */
static long do_fchmodat(int dfd, const char __user *filename, umode_t mode, int flags)
{
	unsigned int lf;
	struct dentry *d;
	int r = at_lookup_flags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);

	if (!r)
		r = user_path_at(dfd, filename, lf, &d);
	if (r)
		return r;
	if (S_ISLNK(d->d_inode->i_mode))
		r = -EOPNOTSUPP;
	else
		r = chmod_common(d, mode);
	path_put(d);
	return r;
}

SYSCALL_DEFINE4(fchmodat2, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, flags)
{
	return do_fchmodat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode, 0);
}

/*
 * chown: -1 leaves an id as it is.  Any chown of a non-directory drops
 * its set-user-ID bit and an executable set-group-ID bit, as on Linux.
 */
static int chown_common(struct dentry *d, uid_t user, gid_t group)
{
	struct inode *inode = d->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	int r = mnt_want_write(d);

	if (r)
		return r;
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		attr.ia_valid |= ATTR_KILL_PRIV;
	mutex_lock(&inode->i_mutex);
	r = notify_change(d, &attr);
	mutex_unlock(&inode->i_mutex);
	return r;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
	unsigned int lf;
	struct dentry *d;
	int r = at_lookup_flags(flag, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);

	if (!r)
		r = user_path_at(dfd, filename, lf, &d);
	if (r)
		return r;
	r = chown_common(d, user, group);
	path_put(d);
	return r;
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return __do_sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *f = fget(fd);
	int r;

	if (!f)
		return -EBADF;
	r = chown_common(f->dentry, user, group);
	fput(f);
	return r;
}

/* truncate(2) of the file d names, after the length check: the type
 * (EISDIR, EINVAL), the file system (EROFS), write permission (EACCES). */
int truncate_dentry(struct dentry *d, loff_t length)
{
	struct inode *inode = d->d_inode;
	int r;

	if (S_ISDIR(inode->i_mode))
		r = -EISDIR;
	else if (!S_ISREG(inode->i_mode))
		r = -EINVAL;
	else
		r = mnt_want_write(d);
	if (!r)
		r = inode_permission(inode, MAY_WRITE);
	if (!r)
		r = vfs_truncate(d, length);
	return r;
}

/* truncate(2): Linux's order: the length, the name, then truncate_dentry's. */
SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct dentry *d;
	int r;

	if (length < 0)
		return -EINVAL;
	r = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &d);
	if (r)
		return r;
	r = truncate_dentry(d, length);
	path_put(d);
	return r;
}

/* ftruncate(2) of an open file: one not open for writing is EINVAL, as
 * Linux's do_ftruncate says (not EBADF). */
int ftruncate_file(struct file *f, loff_t length)
{
	if (length < 0 || !S_ISREG(f->inode->i_mode) || !(f->f_mode & FMODE_WRITE))
		return -EINVAL;
	return vfs_truncate(f->dentry, length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *f;
	int r;

	if (length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	r = ftruncate_file(f, length);
	fput(f);
	return r;
}
