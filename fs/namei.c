// SPDX-License-Identifier: GPL-2.0
/*
 * Path name resolution (path_resolution(7)) and the calls that change
 * the namespace: mknod, mkdir, rmdir, unlink, symlink, link, rename.
 *
 * A walk holds a reference (dentry and mount) on where it is.  Absolute
 * paths start at the caller's root, relative ones at its working
 * directory or a directory descriptor.  Each component needs search (x)
 * permission on the directory holding it (EACCES) and must follow a
 * directory (ENOTDIR); "." stays, ".." goes up (never above the root, and
 * out of a mounted file system to its mount point); a mounted-on
 * directory is replaced by the root of what is mounted there.  Symlinks
 * are followed inside a path and, when asked, at its end: at most 40 in
 * one resolution (ELOOP).  A component longer than NAME_MAX is
 * ENAMETOOLONG, as is a path of PATH_MAX bytes or more.  A trailing slash
 * makes the last component a directory (ENOTDIR otherwise).
 *
 * Namespace changes lock the parent directory's i_mutex; a rename between
 * two directories takes rename_mutex first, then the two directories,
 * ancestor first (Documentation/core-api/locking.rst).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/mm.h>
#include <lego/syscalls.h>
#include <lego/capability.h>
#include <lego/vsprintf.h>
#include <asm/uaccess.h>
#include "internal.h"

#define MAXSYMLINKS	40

struct nameidata {
	struct dentry *d;		/* where the walk is (path reference) */
	struct dentry *root;		/* "/" and the limit of ".." */
	struct dentry *start;		/* RESOLVE_BENEATH: the dfd */
	unsigned int flags;
	int links;			/* symlinks followed so far */
};

/* ------------------------------------------------------------ helpers */

/* A reference on fs's root or working directory. */
struct dentry *fs_path_get(struct fs_struct *fs, bool root)
{
	struct dentry *d;

	spin_lock(&fs->lock);
	d = path_get(root ? fs->root : fs->pwd);
	spin_unlock(&fs->lock);
	return d;
}

/* The caller's root and working directory (the boot task's are "/"). */
struct dentry *fs_root_get(void)
{
	struct fs_struct *fs = current ? current->fs : NULL;

	return fs ? fs_path_get(fs, true) : path_get(root_dentry);
}

struct dentry *fs_pwd_get(void)
{
	struct fs_struct *fs = current ? current->fs : NULL;

	return fs ? fs_path_get(fs, false) : path_get(root_dentry);
}

/*
 * The LOOKUP_* flags of an *at() call's AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH; EINVAL for flags outside valid.
 */
int at_lookup_flags(int flags, int valid, unsigned int *lf)
{
	if (flags & ~valid)
		return -EINVAL;
	*lf = ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
	      ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0);
	return 0;
}

/* Moves the walk to d (a path reference the walk takes over). */
static void nd_set(struct nameidata *nd, struct dentry *d)
{
	path_put(nd->d);
	nd->d = d;
}

/* A user path in a new PATH_MAX buffer (kfree it): 0 or -errno. */
int user_getname(const char __user *upath, char **out, bool allow_empty)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	int r;

	if (!buf)
		return -ENOMEM;
	r = getname(upath, buf, allow_empty);
	if (r) {
		kfree(buf);
		return r;
	}
	*out = buf;
	return 0;
}

/*
 * Where a *at() call starts for path: the root for an absolute path (dfd
 * is then not looked at), else the working directory (AT_FDCWD) or the
 * directory dfd names (EBADF, ENOTDIR).  An empty path means dfd itself,
 * whatever it is (AT_EMPTY_PATH, checked by the caller).
 */
int start_dir(int dfd, const char *path, struct dentry **start)
{
	struct file *f;

	if (path[0] == '/') {
		*start = fs_root_get();
		return 0;
	}
	if (dfd == AT_FDCWD) {
		*start = fs_pwd_get();
		return 0;
	}
	f = fget_raw(dfd);
	if (!f)
		return -EBADF;
	if (path[0] && !S_ISDIR(f->inode->i_mode)) {
		fput(f);
		return -ENOTDIR;
	}
	*start = path_get(f->dentry);
	fput(f);
	return 0;
}

/*
 * The child name of dir, referenced: the dentry cache first, then the
 * directory's lookup method (/proc, fs/rfs.c).  NULL when a dentry-cache
 * or remote directory has no such name, ERR_PTR(-ENOENT) when a generated
 * one has none.
 */
struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len)
{
	struct inode *di = dir->d_inode;
	struct dentry *d = d_lookup(dir, name, len);
	int r;

	if (d || !di->i_op || !di->i_op->lookup)
		return d;
	d = d_alloc(dir, name, len);
	if (!d)
		return ERR_PTR(-ENOMEM);
	r = di->i_op->lookup(di, d);
	if (r || !d->d_inode) {
		dput(d);
		/* A remote directory's missing name is free to create. */
		if (!r && (di->i_sb->s_type->fs_flags & FS_NO_PAGECACHE))
			return NULL;
		/* A generated directory has no room for new names: its
		 * "no such entry" is an error even to a create (Linux's
		 * proc_lookup returns ENOENT, not a negative dentry). */
		return ERR_PTR(r ? r : -ENOENT);
	}
	return d;
}

/* ".." of d within nd's root, as a path reference. */
static struct dentry *follow_dotdot(struct nameidata *nd)
{
	struct dentry *d = nd->d, *p;

	spin_lock(&dcache_lock);
	for (;;) {
		struct vfsmount *m;

		if (d == nd->root)
			break;
		if (d->d_parent != d) {
			d = d->d_parent;
			break;
		}
		m = d->d_sb->s_mnt;
		if (!m || m->mnt_parent == m || m->mnt_detached)
			break;
		d = m->mnt_mountpoint;
	}
	p = path_get(d);
	spin_unlock(&dcache_lock);
	return follow_mounts(p);
}

/* ------------------------------------------------------------ the walk */

static int walk(struct nameidata *nd, const char *path, unsigned int flags);

/*
 * Follows the symlink link (a path reference; consumed) found in the
 * directory nd->d: nd->d becomes its target.  A /proc "magic" link
 * (get_magic) names its file directly, even one without a name.
 */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	struct inode *inode = link->d_inode;
	const char *body;
	char *buf;
	int r;

	if (++nd->links > MAXSYMLINKS || (nd->flags & LOOKUP_NO_SYMLINKS) ||
	    (real_mount(link)->mnt_flags & MNT_NOSYMFOLLOW)) {
		path_put(link);
		return -ELOOP;
	}
	if (inode->i_op && inode->i_op->get_magic) {
		struct dentry *t = inode->i_op->get_magic(link);

		path_put(link);
		if (IS_ERR(t))
			return PTR_ERR(t);
		if (nd->flags & LOOKUP_NO_MAGICLINKS) {
			path_put(t);
			return -ELOOP;
		}
		if (nd->flags & (LOOKUP_BENEATH | LOOKUP_IN_ROOT)) {
			path_put(t);
			return -EXDEV;
		}
		nd_set(nd, t);
		return 0;
	}
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		path_put(link);
		return -ENOMEM;
	}
	body = get_link(link, buf);
	path_put(link);
	if (IS_ERR(body)) {
		r = PTR_ERR(body);
	} else {
		if (body != buf)
			strscpy(buf, body, PATH_MAX);
		r = buf[0] ? walk(nd, buf, LOOKUP_FOLLOW) : -ENOENT;
	}
	kfree(buf);
	return r;
}

/* May the walk look a name up in nd->d? */
static int may_lookup(struct nameidata *nd)
{
	struct inode *dir = nd->d->d_inode;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	return inode_permission(dir, MAY_EXEC);
}

/* One component from nd->d: its dentry, mounts followed (a path
 * reference), or an error. */
static struct dentry *step(struct nameidata *nd, const char *name, size_t len)
{
	struct dentry *d;

	if (len == 1 && name[0] == '.')
		return path_get(nd->d);
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		if ((nd->flags & LOOKUP_BENEATH) && nd->d == nd->start)
			return ERR_PTR(-EXDEV);
		return follow_dotdot(nd);
	}
	d = lookup_one(nd->d, name, len);
	if (IS_ERR_OR_NULL(d))
		return d ? d : ERR_PTR(-ENOENT);
	mntget(real_mount(d));
	if ((nd->flags & LOOKUP_NO_XDEV) && READ_ONCE(d->d_mounted)) {
		path_put(d);
		return ERR_PTR(-EXDEV);
	}
	return follow_mounts(d);
}

/* Splits off the next component of *pp: its name and length. */
static size_t next_component(const char **pp, const char **name, bool *slash)
{
	const char *p = *pp;
	size_t len;

	*name = p;
	while (*p && *p != '/')
		p++;
	len = p - *name;
	*slash = *p == '/';
	while (*p == '/')
		p++;
	*pp = p;
	return len;
}

static enum last_type component_type(const char *name, size_t len)
{
	if (len == 1 && name[0] == '.')
		return LAST_DOT;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return LAST_DOTDOT;
	return LAST_NORM;
}

/* Where an absolute path (or an absolute symlink) starts. */
static int walk_root(struct nameidata *nd)
{
	if (nd->flags & LOOKUP_BENEATH)
		return -EXDEV;
	nd_set(nd, path_get(nd->root));
	return 0;
}

/*
 * Walks path from nd->d up to its last component and stops in the
 * directory holding it, which it has checked is a directory we may
 * search: last describes that component (LAST_ROOT for "/", or for ""
 * with LOOKUP_EMPTY).  Intermediate symlinks are followed.
 */
static int walk_parent(struct nameidata *nd, const char *path, struct qlast *last)
{
	const char *p = path;
	int r;

	if (*p == '/') {
		r = walk_root(nd);
		if (r)
			return r;
		while (*p == '/')
			p++;
	}
	last->trailing_slash = false;
	if (!*p) {
		last->name = p;
		last->len = 0;
		last->type = LAST_ROOT;
		return 0;
	}
	for (;;) {
		const char *name;
		bool slash;
		size_t len = next_component(&p, &name, &slash);
		struct dentry *d;

		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		r = may_lookup(nd);
		if (r)
			return r;
		if (!*p) {
			last->name = name;
			last->len = len;
			last->type = component_type(name, len);
			last->trailing_slash = slash;
			return 0;
		}
		d = step(nd, name, len);
		if (IS_ERR(d))
			return PTR_ERR(d);
		if (S_ISLNK(d->d_inode->i_mode)) {
			r = follow_link(nd, d);
			if (r)
				return r;
		} else {
			nd_set(nd, d);
		}
	}
}

/*
 * A full walk: nd->d ends at what path names.  The last component's
 * symlink is followed with LOOKUP_FOLLOW or a trailing slash.
 */
static int walk(struct nameidata *nd, const char *path, unsigned int flags)
{
	struct qlast last;
	struct dentry *d;
	int r = walk_parent(nd, path, &last);

	if (r)
		return r;
	if (last.type == LAST_ROOT) {
		if (!*path && !(nd->flags & LOOKUP_EMPTY) && !(flags & LOOKUP_EMPTY))
			return -ENOENT;
		return 0;
	}
	d = step(nd, last.name, last.len);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (S_ISLNK(d->d_inode->i_mode) &&
	    ((flags & LOOKUP_FOLLOW) || last.trailing_slash)) {
		r = follow_link(nd, d);
		if (r)
			return r;
	} else {
		nd_set(nd, d);
	}
	if ((last.trailing_slash || (flags & LOOKUP_DIRECTORY)) &&
	    !S_ISDIR(nd->d->d_inode->i_mode))
		return -ENOTDIR;
	return 0;
}

static void nd_init(struct nameidata *nd, struct dentry *start, unsigned int flags)
{
	nd->d = start;
	nd->start = start;
	nd->flags = flags;
	nd->links = 0;
	nd->root = (flags & LOOKUP_IN_ROOT) ? path_get(start) : fs_root_get();
}

/* Looks path up from start (a path reference the call consumes). */
static int do_lookup(struct dentry *start, const char *path, unsigned int flags,
		     struct dentry **result)
{
	struct nameidata nd;
	int r;

	nd_init(&nd, start, flags);
	if (!*path && !(flags & LOOKUP_EMPTY))
		r = -ENOENT;
	else
		r = walk(&nd, path, flags);
	path_put(nd.root);
	if (r) {
		path_put(nd.d);
		return r;
	}
	*result = nd.d;
	return 0;
}

/* A kernel path relative to start: a path reference in *result. */
int kern_path_at(struct dentry *start, const char *path, unsigned int flags,
		 struct dentry **result)
{
	if (path[0] == '/')
		start = fs_root_get();
	else
		start = path_get(start);
	return do_lookup(start, path, flags, result);
}

int kern_path(const char *path, unsigned int flags, struct dentry **result)
{
	struct dentry *pwd = fs_pwd_get();
	int r = kern_path_at(pwd, path, flags, result);

	path_put(pwd);
	return r;
}

/* A user path relative to dfd; LOOKUP_EMPTY lets "" name dfd itself. */
int user_path_at(int dfd, const char __user *upath, unsigned int flags,
		 struct dentry **result)
{
	struct dentry *start;
	char *path;
	int r = user_getname(upath, &path, flags & LOOKUP_EMPTY);

	if (r)
		return r;
	r = start_dir(dfd, path, &start);
	if (!r)
		r = do_lookup(start, path, flags, result);
	kfree(path);
	return r;
}

int path_lookupat(int dfd, const char __user *upath, unsigned int flags,
		  struct dentry **result)
{
	return user_path_at(dfd, upath, flags, result);
}

/*
 * The directory holding path's last component (a path reference) and
 * that component, which points into path.
 */
int path_parentat(struct dentry *start, const char *path, unsigned int flags,
		  struct dentry **parent, struct qlast *last)
{
	struct nameidata nd;
	int r;

	nd_init(&nd, path_get(start), flags);
	r = walk_parent(&nd, path, last);
	path_put(nd.root);
	if (r) {
		path_put(nd.d);
		return r;
	}
	*parent = nd.d;
	return 0;
}

/* The parent of a *at() call's path, and its last component. */
static int kern_parentat(int dfd, const char *path, struct dentry **parent,
			 struct qlast *last)
{
	struct dentry *start;
	int r = start_dir(dfd, path, &start);

	if (r)
		return r;
	r = path_parentat(start, path, 0, parent, last);
	path_put(start);
	return r;
}

/* ------------------------------------------------------------ symlinks */

/* A symlink's target, from the inode or built into buf by its file system. */
const char *get_link(struct dentry *d, char *buf)
{
	struct inode *inode = d->d_inode;

	if (inode->i_link)
		return inode->i_link;
	if (!inode->i_op || !inode->i_op->get_link)
		return ERR_PTR(-EINVAL);
	return inode->i_op->get_link(d, buf);
}

/* readlink(2) of symlink d: at most bufsiz bytes, no NUL added. */
int vfs_readlink(struct dentry *d, char __user *buf, int bufsiz)
{
	char *tmp;
	const char *s;
	size_t len;
	int r;

	if (!S_ISLNK(d->d_inode->i_mode))
		return -EINVAL;
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	s = get_link(d, tmp);
	if (IS_ERR(s)) {
		r = PTR_ERR(s);
	} else {
		len = min((size_t)bufsiz, strlen(s));
		r = copy_to_user(buf, s, len) ? -EFAULT : (int)len;
	}
	kfree(tmp);
	return r;
}

/* ------------------------------------------------------------ creation */

/* Linux's may_create: a live directory we may write and search. */
int may_create(struct inode *dir)
{
	if (!dir->i_nlink)		/* removed while we looked */
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Linux's may_delete: write and search permission on dir, the sticky
 * bit (only the owner of the file or of the directory, or CAP_FOWNER),
 * and the type the call expects.  Mount points are EBUSY.
 */
int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	uid_t fsuid = current->cred.fsuid;
	int r = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (r)
		return r;
	if ((dir->i_mode & S_ISVTX) && fsuid != inode->i_uid &&
	    fsuid != dir->i_uid && !fs_capable(CAP_FOWNER))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (victim->d_parent == victim)
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (READ_ONCE(victim->d_flags) & DCACHE_MOUNTPOINT)
		return -EBUSY;
	return 0;
}

/*
 * With dir's i_mutex held: the dentry for last in dir, positive when the
 * name exists, else a new negative one to create (both referenced).
 */
struct dentry *lookup_create_locked(struct dentry *dir, const struct qlast *last)
{
	struct dentry *d = lookup_one(dir, last->name, last->len);

	if (d)
		return d;		/* the name, or an error */
	d = d_alloc(dir, last->name, last->len);
	return d ? d : ERR_PTR(-ENOMEM);
}

/*
 * The start of every create call (mknod, mkdir, symlink, link's new
 * name): the parent, locked, and a negative dentry for the new name.
 * "." and ".." and "/" exist already (EEXIST); a trailing slash is
 * allowed only for mkdir.
 */
static int filename_create(int dfd, const char *path, bool is_dir,
			   struct dentry **parent, struct dentry **res)
{
	struct dentry *dir, *d;
	struct qlast last;
	int r = kern_parentat(dfd, path, &dir, &last);

	if (r)
		return r;
	r = -EEXIST;
	if (last.type != LAST_NORM)
		goto fail;
	r = mnt_want_write(dir);
	if (r)
		goto fail;
	mutex_lock(&dir->d_inode->i_mutex);
	d = lookup_create_locked(dir, &last);
	if (IS_ERR(d)) {
		r = PTR_ERR(d);
		goto unlock;
	}
	r = -EEXIST;
	if (d->d_inode)
		goto put;
	/* "name/" for anything but a directory names nothing to create. */
	r = -ENOENT;
	if (last.trailing_slash && !is_dir)
		goto put;
	*parent = dir;
	*res = d;
	return 0;
put:
	dput(d);
unlock:
	mutex_unlock(&dir->d_inode->i_mutex);
fail:
	path_put(dir);
	return r;
}

static void done_create(struct dentry *dir, struct dentry *d)
{
	dput(d);
	mutex_unlock(&dir->d_inode->i_mutex);
	path_put(dir);
}

/* Creates a non-directory at d (negative, parent locked). */
int do_last_create(struct dentry *dir, struct dentry *d, umode_t mode, dev_t rdev)
{
	struct inode *di = dir->d_inode;
	int r = may_create(di);

	if (r)
		return r;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !fs_capable(CAP_MKNOD))
		return -EPERM;
	if (!di->i_op || !di->i_op->create)
		return -EACCES;
	return di->i_op->create(di, d, mode, rdev);
}

static umode_t current_umask(void)
{
	return current->fs ? current->fs->umask : 0022;
}

/* The types mknod may make, as Linux's may_mknod: a directory is EPERM,
 * an unknown type EINVAL; type 0 is a regular file. */
static int mknod_type(umode_t *mode)
{
	switch (*mode & S_IFMT) {
	case 0:
		*mode |= S_IFREG;
		return 0;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

enum create_kind { CREATE_NODE, CREATE_DIR, CREATE_SYMLINK };

/*
 * mknod, mkdir and symlink of a kernel path with its final mode (no
 * umask): a free name, then the directory's method for the kind (EPERM
 * when it has none, as Linux's vfs_mkdir and vfs_symlink).
 */
static int do_create(int dfd, const char *path, enum create_kind kind, umode_t mode,
		     dev_t rdev, const char *target)
{
	const struct inode_operations *ops;
	struct dentry *dir, *d;
	struct inode *di;
	int r = kind == CREATE_NODE ? mknod_type(&mode) : 0;

	if (!r)
		r = filename_create(dfd, path, kind == CREATE_DIR, &dir, &d);
	if (r)
		return r;
	di = dir->d_inode;
	ops = di->i_op;
	if (kind == CREATE_NODE) {
		r = do_last_create(dir, d, mode, (S_ISCHR(mode) || S_ISBLK(mode)) ? rdev : 0);
	} else {
		r = may_create(di);
		if (!r && kind == CREATE_DIR)
			r = ops && ops->mkdir ? ops->mkdir(di, d, mode) : -EPERM;
		else if (!r)
			r = ops && ops->symlink ? ops->symlink(di, d, target) : -EPERM;
	}
	done_create(dir, d);
	return r;
}

/* Kernel versions (the initramfs, /dev at boot): modes as given. */
int kern_mknod(const char *path, umode_t mode, dev_t rdev)
{
	return do_create(AT_FDCWD, path, CREATE_NODE, mode, rdev, NULL);
}

int kern_mkdir(const char *path, umode_t mode)
{
	return do_create(AT_FDCWD, path, CREATE_DIR, mode, 0, NULL);
}

int kern_symlink(const char *target, const char *path)
{
	return do_create(AT_FDCWD, path, CREATE_SYMLINK, 0, 0, target);
}

/*
 * mknod(2): regular files (type 0 too), FIFOs, sockets, and as root
 * character and block devices.  A directory is EPERM, any other type
 * EINVAL, before the path is looked at (Linux's may_mknod).
 */
SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	char *path;
	int r = mknod_type(&mode);

	if (r)
		return r;
	r = user_getname(filename, &path, false);
	if (r)
		return r;
	r = do_create(dfd, path, CREATE_NODE,
		      (mode & S_IFMT) | (mode & S_IALLUGO & ~current_umask()),
		      new_decode_dev(dev), NULL);
	kfree(path);
	return r;
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return __do_sys_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	char *path;
	int r = user_getname(pathname, &path, false);

	if (r)
		return r;
	r = do_create(dfd, path, CREATE_DIR, (mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX)) &
		      ~current_umask(), 0, NULL);
	kfree(path);
	return r;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return __do_sys_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	char *target, *path;
	int r = user_getname(oldname, &target, false);

	if (r)
		return r;
	r = user_getname(newname, &path, false);
	if (!r) {
		r = do_create(newdfd, path, CREATE_SYMLINK, 0, 0, target);
		kfree(path);
	}
	kfree(target);
	return r;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_symlinkat(oldname, AT_FDCWD, newname);
}

/*
 * linkat(2): a new name for an existing file (not a directory: EPERM),
 * in the same mount (EXDEV).  AT_SYMLINK_FOLLOW follows a symlink
 * oldpath; AT_EMPTY_PATH links the file olddfd names, which Linux allows
 * only with CAP_DAC_READ_SEARCH (ENOENT otherwise).  A file whose last
 * name is gone cannot get a new one (ENOENT), unless it was made with
 * O_TMPFILE without O_EXCL.
 */
/* link of old (a path reference, consumed) to the kernel path newpath. */
static int do_linkat(struct dentry *old, int newdfd, const char *path)
{
	struct dentry *dir, *d;
	struct inode *di, *inode;
	int r = filename_create(newdfd, path, false, &dir, &d);

	if (r)
		goto out_old;
	di = dir->d_inode;
	inode = old->d_inode;
	r = -EXDEV;
	if (real_mount(old) != real_mount(dir))
		goto out;
	r = may_create(di);
	if (r)
		goto out;
	r = -EPERM;
	if (S_ISDIR(inode->i_mode) || !di->i_op || !di->i_op->link)
		goto out;
	mutex_lock(&inode->i_mutex);
	r = -ENOENT;
	if (inode->i_nlink || (inode->i_flags & I_LINKABLE))
		r = di->i_op->link(old, di, d);
	mutex_unlock(&inode->i_mutex);
out:
	done_create(dir, d);
out_old:
	path_put(old);
	return r;
}

int kern_link(const char *oldpath, const char *newpath)
{
	struct dentry *old;
	int r = kern_path(oldpath, 0, &old);

	return r ? r : do_linkat(old, AT_FDCWD, newpath);
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	struct dentry *old;
	unsigned int lf = 0;
	char *path;
	int r;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		if (!fs_capable(CAP_DAC_READ_SEARCH))
			return -ENOENT;
		lf |= LOOKUP_EMPTY;
	}
	if (flags & AT_SYMLINK_FOLLOW)
		lf |= LOOKUP_FOLLOW;
	r = user_path_at(olddfd, oldname, lf, &old);
	if (r)
		return r;
	r = user_getname(newname, &path, false);
	if (r) {
		path_put(old);
		return r;
	}
	r = do_linkat(old, newdfd, path);
	kfree(path);
	return r;
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return __do_sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* ------------------------------------------------------------ removal */

/*
 * The parent of a name to remove and the victim's dentry (both
 * referenced; the parent locked).  The type of the last component is
 * checked by the caller first.
 */
static int lookup_victim(struct dentry *dir, struct qlast *last, struct dentry **victim)
{
	struct dentry *d;
	int r = mnt_want_write(dir);

	if (r)
		return r;
	mutex_lock(&dir->d_inode->i_mutex);
	d = lookup_one(dir, last->name, last->len);
	if (IS_ERR_OR_NULL(d)) {
		mutex_unlock(&dir->d_inode->i_mutex);
		return d ? PTR_ERR(d) : -ENOENT;
	}
	*victim = d;
	return 0;
}

/*
 * unlink and rmdir: the last component must be a plain name (rmdir:
 * ".." is ENOTEMPTY, "." EINVAL, "/" EBUSY; unlink: EISDIR), the victim
 * of the kind asked for; "name/" to unlink is EISDIR for a directory,
 * ENOTDIR otherwise.
 */
static int do_remove(int dfd, const char *path, bool isdir)
{
	struct dentry *dir, *d = NULL;
	const struct inode_operations *ops;
	struct inode *di;
	struct qlast last;
	int r = kern_parentat(dfd, path, &dir, &last);

	if (r)
		return r;
	if (last.type != LAST_NORM) {
		if (!isdir)
			r = -EISDIR;
		else
			r = last.type == LAST_DOTDOT ? -ENOTEMPTY :
			    last.type == LAST_DOT ? -EINVAL : -EBUSY;
		goto out_dir;
	}
	r = lookup_victim(dir, &last, &d);
	if (r)
		goto out_dir;
	di = dir->d_inode;
	ops = di->i_op;
	if (!isdir && last.trailing_slash)
		r = S_ISDIR(d->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
	else
		r = may_delete(di, d, isdir);
	if (!r && (!ops || !(isdir ? ops->rmdir : ops->unlink)))
		r = -EPERM;
	if (!r) {
		mutex_lock(&d->d_inode->i_mutex);
		r = isdir ? ops->rmdir(di, d) : ops->unlink(di, d);
		mutex_unlock(&d->d_inode->i_mutex);
	}
	dput(d);
	mutex_unlock(&di->i_mutex);
out_dir:
	path_put(dir);
	return r;
}

int kern_unlink(const char *path, bool dir)
{
	return do_remove(AT_FDCWD, path, dir);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	char *path;
	int r;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	r = user_getname(pathname, &path, false);
	if (r)
		return r;
	r = do_remove(dfd, path, flag & AT_REMOVEDIR);
	kfree(path);
	return r;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return __do_sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

/* ------------------------------------------------------------ rename */

/*
 * Whether a rename between directories of d's file system takes
 * rename_mutex.  A remote one's server orders its renames and checks
 * their ancestry itself, and its dentries are no local tree another
 * rename could change; its server may even be this kernel (fs/rfs.c
 * served by net/storage_vfs.c), whose rename must not wait for ours.
 */
static bool rename_locks_tree(struct dentry *d)
{
	return !(d->d_sb->s_type->fs_flags & FS_NO_PAGECACHE);
}

/*
 * Locks two directories for a rename: rename_mutex when they differ (so
 * no other rename changes their ancestry meanwhile), then the ancestor
 * first, or by address when neither contains the other.
 */
static void lock_rename(struct dentry *a, struct dentry *b)
{
	struct inode *ia = a->d_inode, *ib = b->d_inode;

	if (a == b) {
		mutex_lock(&ia->i_mutex);
		return;
	}
	if (rename_locks_tree(a))
		mutex_lock(&rename_mutex);
	if (is_subdir(b, a) || (!is_subdir(a, b) && ia < ib)) {
		mutex_lock(&ia->i_mutex);
		mutex_lock(&ib->i_mutex);
	} else {
		mutex_lock(&ib->i_mutex);
		mutex_lock(&ia->i_mutex);
	}
}

static void unlock_rename(struct dentry *a, struct dentry *b)
{
	mutex_unlock(&a->d_inode->i_mutex);
	if (a != b) {
		mutex_unlock(&b->d_inode->i_mutex);
		if (rename_locks_tree(a))
			mutex_unlock(&rename_mutex);
	}
}

/* Linux's vfs_rename checks, with both parents locked. */
static int may_rename(struct inode *odi, struct dentry *od, struct inode *ndi,
		      struct dentry *nd, unsigned int flags)
{
	bool is_dir = S_ISDIR(od->d_inode->i_mode);
	bool new_is_dir = nd->d_inode && S_ISDIR(nd->d_inode->i_mode);
	int r = may_delete(odi, od, is_dir);

	if (r)
		return r;
	if (!nd->d_inode)
		r = may_create(ndi);
	else if (flags & RENAME_EXCHANGE)
		r = may_delete(ndi, nd, new_is_dir);
	else
		r = may_delete(ndi, nd, is_dir);
	if (r)
		return r;
	if (!odi->i_op || !odi->i_op->rename)
		return -EPERM;
	/* A directory moving to another parent rewrites its "..". */
	if (odi != ndi) {
		if (is_dir) {
			r = inode_permission(od->d_inode, MAY_WRITE);
			if (r)
				return r;
		}
		if ((flags & RENAME_EXCHANGE) && new_is_dir) {
			r = inode_permission(nd->d_inode, MAY_WRITE);
			if (r)
				return r;
		}
	}
	return 0;
}

/* A rename of kernel paths, its flags checked. */
static int rename_paths(int olddfd, const char *opath, int newdfd, const char *npath,
			unsigned int flags)
{
	struct dentry *odir = NULL, *ndir = NULL, *od = NULL, *nd = NULL;
	struct qlast olast, nlast;
	int r;

	r = kern_parentat(olddfd, opath, &odir, &olast);
	if (r)
		goto out;
	r = kern_parentat(newdfd, npath, &ndir, &nlast);
	if (r)
		goto out;
	r = -EXDEV;
	if (real_mount(odir) != real_mount(ndir))
		goto out;
	r = -EBUSY;
	if (olast.type != LAST_NORM)
		goto out;
	if (nlast.type != LAST_NORM) {
		if (flags & RENAME_NOREPLACE)
			r = -EEXIST;
		goto out;
	}
	r = mnt_want_write(odir);
	if (r)
		goto out;

	lock_rename(odir, ndir);
	od = lookup_one(odir, olast.name, olast.len);
	if (IS_ERR_OR_NULL(od)) {
		r = od ? PTR_ERR(od) : -ENOENT;
		od = NULL;
		goto unlock;
	}
	nd = lookup_create_locked(ndir, &nlast);
	if (IS_ERR(nd)) {
		r = PTR_ERR(nd);
		nd = NULL;
		goto unlock;
	}
	r = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && nd->d_inode)
		goto unlock;
	r = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !nd->d_inode)
		goto unlock;
	/* "name/" only for directories. */
	r = -ENOTDIR;
	if (!S_ISDIR(od->d_inode->i_mode) &&
	    (olast.trailing_slash || (nlast.trailing_slash && !(flags & RENAME_EXCHANGE))))
		goto unlock;
	if ((flags & RENAME_EXCHANGE) && nlast.trailing_slash &&
	    !S_ISDIR(nd->d_inode->i_mode))
		goto unlock;
	/* A directory cannot move below itself; the target cannot be an
	 * ancestor of the source. */
	r = -EINVAL;
	if (odir != ndir && is_subdir(ndir, od))
		goto unlock;
	if (nd->d_inode && odir != ndir && is_subdir(odir, nd)) {
		r = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
		goto unlock;
	}
	r = 0;
	if (od->d_inode == nd->d_inode)	/* two names of one file */
		goto unlock;
	r = may_rename(odir->d_inode, od, ndir->d_inode, nd, flags);
	if (r)
		goto unlock;
	mutex_lock(&od->d_inode->i_mutex);
	if (nd->d_inode)
		mutex_lock(&nd->d_inode->i_mutex);
	r = odir->d_inode->i_op->rename(odir->d_inode, od, ndir->d_inode, nd, flags);
	if (nd->d_inode)
		mutex_unlock(&nd->d_inode->i_mutex);
	mutex_unlock(&od->d_inode->i_mutex);
unlock:
	dput(od);
	dput(nd);
	unlock_rename(odir, ndir);
out:
	if (odir)
		path_put(odir);
	if (ndir)
		path_put(ndir);
	return r;
}

/* rename(2) of kernel paths from the working directory (the storage
 * component's backend). */
int kern_rename(const char *oldpath, const char *newpath)
{
	return rename_paths(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

static int do_renameat2(int olddfd, const char __user *oldname, int newdfd,
			const char __user *newname, unsigned int flags)
{
	char *opath = NULL, *npath = NULL;
	int r;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_WHITEOUT) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	/* Whiteouts belong to overlay file systems: none here. */
	if (flags & RENAME_WHITEOUT)
		return fs_capable(CAP_MKNOD) ? -EINVAL : -EPERM;
	r = user_getname(oldname, &opath, false);
	if (r)
		return r;
	r = user_getname(newname, &npath, false);
	if (!r)
		r = rename_paths(olddfd, opath, newdfd, npath, flags);
	kfree(opath);
	kfree(npath);
	return r;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* ------------------------------------------------------------ open */

/*
 * Linux's may_open: the checks an existing file gets before it is
 * opened with the access acc (MAY_*).  A directory is never opened for
 * writing (EISDIR); a device on a nodev mount is EACCES; a FIFO ignores
 * O_TRUNC; O_NOATIME needs the owner (EPERM).
 */
static int may_open(struct dentry *d, int acc, int flags)
{
	struct inode *inode = d->d_inode;
	umode_t mode = inode->i_mode;
	int r;

	switch (mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc & MAY_WRITE)
			return -EISDIR;
		if (acc & MAY_EXEC)
			return -EACCES;
		break;
	case S_IFBLK:
	case S_IFCHR:
		if (real_mount(d)->mnt_flags & MNT_NODEV)
			return -EACCES;
		/* fall through */
	case S_IFIFO:
	case S_IFSOCK:
		if (acc & MAY_EXEC)
			return -EACCES;
		flags &= ~O_TRUNC;
		break;
	case S_IFREG:
		if ((acc & MAY_EXEC) && (real_mount(d)->mnt_flags & MNT_NOEXEC))
			return -EACCES;
		break;
	}
	r = inode_permission(inode, acc & (MAY_READ | MAY_WRITE | MAY_EXEC));
	if (r)
		return r;
	if ((flags & O_NOATIME) && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/*
 * O_CREAT: the last component of path is created when missing (with
 * mode, less the umask: the caller's job), opened when present (EEXIST
 * with O_EXCL), and a symlink there is followed, unless O_EXCL or
 * O_NOFOLLOW, to the name it points to, which is created in turn.
 * *created says which.
 */
static int open_create(struct nameidata *nd, const char *path, int flags,
		       umode_t mode, bool *created)
{
	char *buf = NULL;
	int r;

	for (;;) {
		struct qlast last;
		struct dentry *dir, *d;

		r = walk_parent(nd, path, &last);
		if (r)
			break;
		r = -EISDIR;
		if (last.type != LAST_NORM || last.trailing_slash)
			break;
		dir = nd->d;
		mutex_lock(&dir->d_inode->i_mutex);
		d = lookup_create_locked(dir, &last);
		if (IS_ERR(d)) {
			mutex_unlock(&dir->d_inode->i_mutex);
			r = PTR_ERR(d);
			break;
		}
		if (!d->d_inode) {
			r = mnt_want_write(dir);
			if (!r)
				r = do_last_create(dir, d, S_IFREG | mode, 0);
			mutex_unlock(&dir->d_inode->i_mutex);
			if (r) {
				dput(d);
				break;
			}
			mntget(real_mount(d));
			nd_set(nd, d);
			*created = true;
			break;
		}
		mutex_unlock(&dir->d_inode->i_mutex);
		mntget(real_mount(d));
		r = -EEXIST;
		if (flags & O_EXCL) {
			path_put(d);
			break;
		}
		if (!S_ISLNK(d->d_inode->i_mode)) {
			nd_set(nd, follow_mounts(d));
			r = 0;
			break;
		}
		/* A symlink: created at the name it points to. */
		r = -ELOOP;
		if ((flags & O_NOFOLLOW) || ++nd->links > MAXSYMLINKS ||
		    (nd->flags & LOOKUP_NO_SYMLINKS)) {
			path_put(d);
			break;
		}
		if (d->d_inode->i_op && d->d_inode->i_op->get_magic) {
			/* A magic link opens what it names. */
			nd->links--;
			r = follow_link(nd, d);
			break;
		}
		if (!buf)
			buf = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!buf) {
			path_put(d);
			r = -ENOMEM;
			break;
		}
		{
			const char *body = get_link(d, buf);

			if (IS_ERR(body)) {
				path_put(d);
				r = PTR_ERR(body);
				break;
			}
			if (body != buf)
				strscpy(buf, body, PATH_MAX);
		}
		path_put(d);
		r = -ENOENT;
		if (!buf[0])
			break;
		path = buf;
	}
	kfree(buf);
	return r;
}

/*
 * O_TMPFILE: an unnamed regular file in the directory nd->d, which a
 * later linkat(AT_EMPTY_PATH) may name unless O_EXCL was given.  File
 * systems without it (/proc) say EOPNOTSUPP.
 */
static int open_tmpfile(struct nameidata *nd, int flags, umode_t mode)
{
	struct dentry *dir = nd->d, *d;
	struct inode *di = dir->d_inode, *inode;
	char name[24];
	int r;

	if (!S_ISDIR(di->i_mode))
		return -ENOTDIR;
	r = mnt_want_write(dir);
	if (!r)
		r = inode_permission(di, MAY_WRITE | MAY_EXEC);
	if (r)
		return r;
	if (!di->i_op || !di->i_op->tmpfile)
		return -EOPNOTSUPP;
	inode = di->i_op->tmpfile(di, S_IFREG | mode);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	snprintf(name, sizeof(name), "#%lu", inode->i_ino);
	d = d_alloc(dir, name, strlen(name));
	if (!d) {
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(d, inode);
	if (!(flags & O_EXCL))
		inode->i_flags |= I_LINKABLE;
	mntget(real_mount(d));
	nd_set(nd, d);
	return 0;
}

/*
 * The lookup half of open(2) for path (a kernel copy) from start (a path
 * reference, consumed): the dentry to open in *res, a path reference,
 * with the checks of Linux's do_open made.  acc is the MAY_* access the
 * open needs; *created says the file is new (its mode bits then do not
 * apply to this open).
 */
int do_open_lookup(struct dentry *start, const char *path, int flags, umode_t mode,
		   int acc, unsigned int lflags, struct dentry **res, bool *created)
{
	struct nameidata nd;
	struct inode *inode;
	int r;

	nd_init(&nd, start, lflags);
	*created = false;
	if (flags & __O_TMPFILE) {
		r = walk(&nd, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
		if (!r)
			r = open_tmpfile(&nd, flags, mode);
		if (!r)
			*created = true;
	} else if (flags & O_CREAT) {
		r = open_create(&nd, path, flags, mode, created);
	} else {
		r = walk(&nd, path, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW);
	}
	path_put(nd.root);
	if (r)
		goto fail;
	inode = nd.d->d_inode;
	r = -EISDIR;
	if ((flags & O_CREAT) && !*created && S_ISDIR(inode->i_mode))
		goto fail;
	/* O_TMPFILE carries O_DIRECTORY for the directory it names. */
	r = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !(flags & __O_TMPFILE) && !S_ISDIR(inode->i_mode))
		goto fail;
	r = -ELOOP;
	if (S_ISLNK(inode->i_mode) && !(flags & O_PATH))
		goto fail;
	if (!(flags & O_PATH) && !*created) {
		r = may_open(nd.d, acc, flags);
		if (r)
			goto fail;
	}
	*res = nd.d;
	return 0;
fail:
	path_put(nd.d);
	return r;
}
