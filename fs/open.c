// SPDX-License-Identifier: GPL-2.0
/*
 * open, openat, creat and close.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>

/* Flags open(2) knows; others are ignored, as Linux ignores them. */
#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | \
	O_APPEND | O_NONBLOCK | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | \
	O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | __O_SYNC | O_PATH | \
	__O_TMPFILE)

/* Truncates a regular file to length (shrinking frees whole pages). */
int do_truncate(struct inode *inode, loff_t length)
{
	unsigned long first = PAGE_ALIGN(length) >> PAGE_SHIFT, i;

	for (i = first; i < inode->nr_pages; i++) {
		if (inode->pages[i]) {
			__free_pages(inode->pages[i], 0);
			inode->pages[i] = NULL;
		}
	}
	/* Zero the tail of the last partial page, so a later extension
	 * reads zeros there. */
	if ((length & (PAGE_SIZE - 1)) && (length >> PAGE_SHIFT) < inode->nr_pages &&
	    inode->pages[length >> PAGE_SHIFT]) {
		char *p = page_address(inode->pages[length >> PAGE_SHIFT]);
		size_t off = length & (PAGE_SIZE - 1);

		memset(p + off, 0, PAGE_SIZE - off);
	}
	inode->size = length;
	inode_touch(inode, true);
	return 0;
}

/* Creates a regular file named last in dir. */
static int create_file(struct dentry *dir, const char *last, size_t len,
		       umode_t mode, struct dentry **res)
{
	char name[NAME_MAX + 1];
	struct inode *inode;
	struct dentry *d;

	memcpy(name, last, len);
	name[len] = 0;
	inode = new_inode(S_IFREG | (mode & 07777 & ~current->fs->umask));
	if (!inode)
		return -ENOMEM;
	inode->uid = current->cred.fsuid;
	inode->gid = current->cred.fsgid;
	d = d_alloc(dir, name, inode);
	if (!d) {
		iput(inode);
		return -ENOMEM;
	}
	inode_touch(dir->inode, true);
	*res = d;
	return 0;
}

static int open_lookup(struct dentry *start, const char *path, int flags,
		       umode_t mode, struct dentry **res)
{
	unsigned int lf = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct dentry *dir, *d;
	const char *last;
	size_t len;
	int r;

	if (!(flags & O_CREAT))
		return kern_path_at(start, path, lf, res);
	r = kern_path_parent(start, path, &dir, &last, &len);
	if (r)
		return r;
	if (!len || path[strlen(path) - 1] == '/')
		return -EISDIR;
	if ((len == 1 && last[0] == '.') || (len == 2 && !memcmp(last, "..", 2)))
		return -EISDIR;
	d = d_lookup(dir, last, len);
	if (!d)
		return create_file(dir, last, len, mode, res);
	if (flags & O_EXCL)
		return -EEXIST;
	if (S_ISLNK(d->inode->mode)) {
		if (flags & O_NOFOLLOW)
			return -ELOOP;
		r = kern_path_at(dir, d->name, LOOKUP_FOLLOW, &d);
		if (r)
			return r;
	}
	*res = d;
	return 0;
}

/* The flags O_PATH keeps; open and openat drop the others (Linux's
 * build_open_how), so O_PATH|O_CREAT creates nothing. */
#define O_PATH_FLAGS	(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/* Linux's build_open_flags checks, made before the path is looked at. */
static int check_open_flags(int flags)
{
	/* O_DIRECTORY|O_CREAT once made regular files: refused. */
	if ((flags & (O_DIRECTORY | O_CREAT)) == (O_DIRECTORY | O_CREAT))
		return -EINVAL;
	/* O_TMPFILE is __O_TMPFILE|O_DIRECTORY without O_CREAT, and the
	 * unnamed file it makes must be writable. */
	if ((flags & __O_TMPFILE) &&
	    ((flags & (__O_TMPFILE | O_DIRECTORY | O_CREAT)) != O_TMPFILE ||
	     (flags & O_ACCMODE) == O_RDONLY))
		return -EINVAL;
	return 0;
}

static long do_sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *path;
	struct dentry *start, *d;
	struct inode *inode;
	struct file *f;
	int acc, r;

	flags &= VALID_OPEN_FLAGS;
	if (flags & O_PATH)
		flags &= O_PATH_FLAGS;
	r = check_open_flags(flags);
	if (r)
		return r;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	r = getname(filename, path, false);
	if (r)
		goto out;
	if (path[0] != '/') {
		r = dfd_dir(dfd, &start);
		if (r)
			goto out;
	} else {
		start = current->fs->root;
	}
	r = open_lookup(start, path, flags, mode, &d);
	if (r)
		goto out;
	inode = d->inode;
	acc = flags & O_ACCMODE;
	r = -ELOOP;
	if (S_ISLNK(inode->mode) && !(flags & O_PATH))
		goto out;
	r = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		goto out;
	/* An unnamed file in that directory: not in the RAM file system
	 * yet (Linux's error for a file system without O_TMPFILE). */
	r = -EOPNOTSUPP;
	if (flags & __O_TMPFILE)
		goto out;
	r = -EISDIR;
	if (S_ISDIR(inode->mode) && (acc != O_RDONLY || (flags & O_TRUNC)) &&
	    !(flags & O_PATH))
		goto out;
	/* O_TRUNC truncates whatever the access mode: it asks for write
	 * permission, not a writable descriptor (Linux's build_open_flags). */
	if ((flags & O_TRUNC) && S_ISREG(inode->mode) && !(flags & O_PATH))
		do_truncate(inode, 0);
	f = open_dentry(d, flags);
	if (IS_ERR(f)) {
		r = PTR_ERR(f);
		goto out;
	}
	if (flags & O_PATH) {
		f->f_mode = FMODE_PATH;
		f->f_op = NULL;
	}
	r = fd_install(f, flags);
	if (r < 0)
		fput(f);
out:
	kfree(path);
	return r;
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}
