// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacks the initramfs (cpio "newc", optionally gzip-compressed, several
 * archives may be concatenated) into the root file system through the
 * VFS, as Linux's init/initramfs.c does for rootfs: modes, owners and
 * modification times are kept; symlinks, device nodes and FIFOs are made;
 * entries that share an inode number (and device) are hard links, the
 * data coming with any of them.  Missing parent directories are created;
 * an existing name of another type is replaced.  Directory times are set
 * last, since filling a directory changes its mtime.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/cpio.h>
#include <lego/inflate.h>

/* An inode seen before: later entries with its number are links to it. */
struct link_entry {
	struct link_entry *next;
	unsigned long ino, major, minor;
	char *path;
};

/* A directory whose mtime is set at the end. */
struct dir_time {
	struct dir_time *next;
	char *path;
	unsigned long mtime;
};

struct unpack_state {
	struct link_entry *links;
	struct dir_time *dirs;
};

static char *kstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = kmalloc(n, GFP_KERNEL);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* Creates the directories leading to path (mode 0755, root's). */
static void make_parents(char *path)
{
	char *p;

	for (p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = 0;
		kern_mkdir(path, 0755);
		*p = '/';
	}
}

/* Owner, mode bits and times of the entry's inode. */
static void set_attrs(const char *path, const struct cpio_entry *e)
{
	struct dentry *d;
	struct inode *inode;

	if (kern_path(path, 0, &d))
		return;
	inode = d->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	if (!S_ISLNK(inode->i_mode))
		inode->i_mode = (inode->i_mode & S_IFMT) | (e->mode & S_IALLUGO);
	inode->i_mtime.tv_sec = inode->i_atime.tv_sec = e->mtime;
	inode->i_mtime.tv_nsec = inode->i_atime.tv_nsec = 0;
	spin_unlock(&inode->i_lock);
	path_put(d);
}

/* The earlier name of a hard link group, or records this one. */
static const char *find_link(struct unpack_state *st, const struct cpio_entry *e,
			     const char *path)
{
	struct link_entry *l;

	if (e->nlink < 2 || S_ISDIR(e->mode))
		return NULL;
	for (l = st->links; l; l = l->next)
		if (l->ino == e->ino && l->major == e->devmajor && l->minor == e->devminor)
			return l->path;
	l = kmalloc(sizeof(*l), GFP_KERNEL);
	if (l) {
		l->path = kstrdup(path);
		if (!l->path) {
			kfree(l);
			return NULL;
		}
		l->ino = e->ino;
		l->major = e->devmajor;
		l->minor = e->devminor;
		l->next = st->links;
		st->links = l;
	}
	return NULL;
}

/* Removes what is at path unless it is a directory and e is one too. */
static void clean_path(const char *path, umode_t mode)
{
	struct dentry *d;
	bool isdir;

	if (kern_path(path, 0, &d))
		return;
	isdir = S_ISDIR(d->d_inode->i_mode);
	path_put(d);
	if (isdir && S_ISDIR(mode))
		return;
	kern_unlink(path, isdir);
}

static int write_data(const char *path, const struct cpio_entry *e, bool trunc)
{
	struct file *f = filp_open(path, O_WRONLY | (trunc ? O_TRUNC : 0));
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, e->data, e->filesize, 0);
	fput(f);
	return n == (ssize_t)e->filesize ? 0 : (n < 0 ? (int)n : -ENOSPC);
}

static int add_entry(struct unpack_state *st, const struct cpio_entry *e)
{
	char *path;
	const char *name = e->name, *old;
	umode_t mode = e->mode;
	int r = 0;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (!*name || !strcmp(name, "."))
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	path[0] = '/';
	if (strscpy(path + 1, name, PATH_MAX - 1) < 0) {
		kfree(path);
		return -ENAMETOOLONG;
	}
	make_parents(path);
	clean_path(path, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		old = find_link(st, e, path);
		if (old) {
			r = kern_link(old, path);
			if (!r && e->filesize)
				r = write_data(path, e, false);
		} else {
			r = kern_mknod(path, S_IFREG | (mode & S_IALLUGO), 0);
			if (!r && e->filesize)
				r = write_data(path, e, true);
		}
		break;
	case S_IFDIR:
		r = kern_mkdir(path, mode & S_IALLUGO);
		if (r == -EEXIST)
			r = 0;
		if (!r) {
			struct dir_time *dt = kmalloc(sizeof(*dt), GFP_KERNEL);

			if (dt) {
				dt->path = kstrdup(path);
				dt->mtime = e->mtime;
				dt->next = st->dirs;
				st->dirs = dt;
				if (!dt->path) {
					st->dirs = dt->next;
					kfree(dt);
				}
			}
		}
		break;
	case S_IFLNK: {
		char *target = kmalloc(e->filesize + 1, GFP_KERNEL);

		if (!target) {
			r = -ENOMEM;
			break;
		}
		memcpy(target, e->data, e->filesize);
		target[e->filesize] = 0;
		r = kern_symlink(target, path);
		kfree(target);
		break;
	}
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		old = find_link(st, e, path);
		if (old)
			r = kern_link(old, path);
		else
			r = kern_mknod(path, mode, MKDEV(e->rdevmajor, e->rdevminor));
		break;
	default:
		r = -EINVAL;
	}
	if (!r)
		set_attrs(path, e);
	kfree(path);
	return r;
}

static void finish(struct unpack_state *st)
{
	while (st->links) {
		struct link_entry *l = st->links;

		st->links = l->next;
		kfree(l->path);
		kfree(l);
	}
	/* Innermost last in the list is first made; set all, outermost last. */
	while (st->dirs) {
		struct dir_time *dt = st->dirs;
		struct dentry *d;

		st->dirs = dt->next;
		if (!kern_path(dt->path, 0, &d)) {
			spin_lock(&d->d_inode->i_lock);
			d->d_inode->i_mtime.tv_sec = dt->mtime;
			d->d_inode->i_mtime.tv_nsec = 0;
			spin_unlock(&d->d_inode->i_lock);
			path_put(d);
		}
		kfree(dt->path);
		kfree(dt);
	}
}

static int unpack_cpio(const void *buf, size_t len)
{
	struct unpack_state st = { NULL, NULL };
	struct cpio_entry e;
	size_t pos = 0;
	int r, n = 0;

	while ((r = cpio_next(buf, len, &pos, &e)) > 0) {
		r = add_entry(&st, &e);
		if (r) {
			pr_err("initramfs: %s: error %d\n", e.name, r);
			break;
		}
		n++;
	}
	finish(&st);
	if (r < 0 && !n)
		pr_err("initramfs: malformed archive at byte %zu\n", pos);
	return r < 0 ? r : n;
}

int unpack_initramfs(const void *buf, size_t len)
{
	const u8 *b = buf;
	size_t out_size, consumed;
	ssize_t n;
	void *out;
	int r;

	if (!IS_ENABLED(CONFIG_RD_GZIP) || !is_gzip(buf, len))
		return unpack_cpio(buf, len);
	/* ISIZE, the last 4 bytes, is the uncompressed size mod 2^32. */
	out_size = len >= 4 ? (b[len - 4] | b[len - 3] << 8 | b[len - 2] << 16 |
			       (u32)b[len - 1] << 24) : 0;
	out = vmalloc(out_size);
	if (!out)
		return -ENOMEM;
	n = gunzip(buf, len, out, out_size, &consumed);
	r = n < 0 ? (int)n : unpack_cpio(out, n);
	if (n < 0)
		pr_err("initramfs: gzip data is corrupt (%zd)\n", n);
	vfree(out, out_size);
	return r;
}
