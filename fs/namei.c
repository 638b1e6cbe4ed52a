// SPDX-License-Identifier: GPL-2.0
/*
 * Path name lookup (path_resolution(7)): absolute paths start at the
 * process's root, relative ones at its working directory or at a
 * directory fd; "." and ".." as usual (".." of the root is the root);
 * symlinks followed inside the path and, with LOOKUP_FOLLOW, at its end,
 * at most 40 in all (ELOOP).
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/mm.h>
#include <asm/uaccess.h>

#define MAXSYMLINKS	40

struct nameidata {
	struct dentry *dir;		/* where the walk is */
	int links;			/* symlinks followed so far */
};

static struct dentry *fs_root(void)
{
	return current && current->fs ? current->fs->root : root_dentry;
}

static struct dentry *fs_pwd(void)
{
	return current && current->fs ? current->fs->pwd : root_dentry;
}

static int walk(struct nameidata *nd, const char *path, unsigned int flags,
		struct dentry **res);

static int follow_link(struct nameidata *nd, struct dentry *link,
		       struct dentry **res)
{
	struct nameidata sub = { nd->dir, nd->links + 1 };
	int r;

	if (sub.links > MAXSYMLINKS)
		return -ELOOP;
	r = walk(&sub, link->inode->link, LOOKUP_FOLLOW, res);
	nd->links = sub.links;
	return r;
}

/*
 * Walks path from nd->dir.  On success *res is the final dentry (or, with
 * LOOKUP_PARENT, the directory holding the last component, which the
 * caller finds with last_component()).
 */
static int walk(struct nameidata *nd, const char *path, unsigned int flags,
		struct dentry **res)
{
	struct dentry *d = nd->dir;
	const char *p = path;

	if (*p == '/') {
		d = fs_root();
		while (*p == '/')
			p++;
	}
	while (*p) {
		const char *name = p;
		size_t len;
		bool last;
		struct dentry *next;
		int r;

		while (*p && *p != '/')
			p++;
		len = p - name;
		while (*p == '/')
			p++;
		last = !*p;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(d->inode->mode))
			return -ENOTDIR;
		if (last && (flags & LOOKUP_PARENT))
			break;
		if (len == 1 && name[0] == '.') {
			next = d;
		} else if (len == 2 && name[0] == '.' && name[1] == '.') {
			next = d == fs_root() ? d : d->parent;
		} else {
			next = d_lookup(d, name, len);
			if (!next)
				return -ENOENT;
		}
		/* A trailing slash makes the last component a directory. */
		if (S_ISLNK(next->inode->mode) &&
		    (!last || (flags & LOOKUP_FOLLOW) || name[len] == '/')) {
			nd->dir = d;
			r = follow_link(nd, next, &next);
			if (r)
				return r;
		}
		if (last && name[len] == '/' && !S_ISDIR(next->inode->mode))
			return -ENOTDIR;
		d = next;
	}
	if ((flags & LOOKUP_DIRECTORY) && !S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	*res = d;
	return 0;
}

int kern_path_at(struct dentry *start, const char *path, unsigned int flags,
		 struct dentry **result)
{
	struct nameidata nd = { start, 0 };

	if (!*path)
		return -ENOENT;
	return walk(&nd, path, flags, result);
}

int kern_path(const char *path, unsigned int flags, struct dentry **result)
{
	return kern_path_at(fs_pwd(), path, flags, result);
}

/*
 * The directory that would hold path's last component, and that
 * component.  "/" and paths ending in "." or ".." have no last component
 * a caller can create or remove: *lastlen is 0 and *last names what
 * they are.
 */
int kern_path_parent(struct dentry *start, const char *path, struct dentry **parent,
		     const char **last, size_t *lastlen)
{
	struct nameidata nd = { start, 0 };
	const char *end = path + strlen(path), *p;
	int r;

	if (!*path)
		return -ENOENT;
	while (end > path + 1 && end[-1] == '/')
		end--;
	for (p = end; p > path && p[-1] != '/'; p--)
		;
	*last = p;
	*lastlen = end - p;
	r = walk(&nd, path, LOOKUP_PARENT, parent);
	if (r)
		return r;
	if (*lastlen > NAME_MAX)
		return -ENAMETOOLONG;
	return 0;
}

/* The directory a *at() call's relative paths start from. */
int dfd_dir(int dfd, struct dentry **dir)
{
	struct file *f;

	if (dfd == AT_FDCWD) {
		*dir = fs_pwd();
		return 0;
	}
	f = fget_raw(dfd);	/* an O_PATH directory will do */
	if (!f)
		return -EBADF;
	*dir = f->dentry;
	fput(f);
	if (!*dir || !S_ISDIR((*dir)->inode->mode))
		return -ENOTDIR;
	return 0;
}

/* Lookup of a user path relative to dfd; the caller has checked emptiness. */
int path_lookupat(int dfd, const char __user *upath, unsigned int flags,
		  struct dentry **result)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct nameidata nd = { NULL, 0 };
	int r;

	if (!buf)
		return -ENOMEM;
	r = getname(upath, buf, false);
	if (!r && buf[0] != '/')
		r = dfd_dir(dfd, &nd.dir);
	if (!r)
		r = walk(&nd, buf, flags, result);
	kfree(buf);
	return r;
}
