// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacks the initramfs (cpio "newc", optionally gzip-compressed, several
 * archives may be concatenated) into the RAM file system, as Linux's
 * init/initramfs.c does for rootfs.  Missing parent directories are
 * created; an existing name is replaced.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/cpio.h>
#include <lego/inflate.h>

/* The directory for path's parent, creating missing ones. */
static struct dentry *make_parents(char *path, const char **last)
{
	struct dentry *d = root_dentry;
	char *p = path, *slash;

	while ((slash = strchr(p, '/'))) {
		struct dentry *next;

		*slash = 0;
		if (*p && strcmp(p, ".")) {
			next = d_lookup(d, p, strlen(p));
			if (!next) {
				struct inode *inode = new_inode(S_IFDIR | 0755);

				next = inode ? d_alloc(d, p, inode) : NULL;
				if (!next)
					return NULL;
			}
			if (!S_ISDIR(next->inode->mode))
				return NULL;
			d = next;
		}
		*slash = '/';
		p = slash + 1;
	}
	*last = p;
	return d;
}

static void remove_dentry(struct dentry *d)
{
	list_del(&d->child);
	iput(d->inode);
	kfree(d);
}

static int add_entry(const struct cpio_entry *e)
{
	char path[PATH_MAX];
	const char *name = e->name, *last;
	struct dentry *dir, *old;
	struct inode *inode;
	umode_t mode = e->mode;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (!*name || !strcmp(name, "."))
		return 0;
	if (strscpy(path, name, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	dir = make_parents(path, &last);
	if (!dir || !*last)
		return -EINVAL;
	old = d_lookup(dir, last, strlen(last));
	if (old && S_ISDIR(old->inode->mode) && S_ISDIR(mode)) {
		old->inode->mode = mode;
		return 0;
	}
	if (old)
		remove_dentry(old);
	inode = new_inode(mode);
	if (!inode)
		return -ENOMEM;
	inode->uid = e->uid;
	inode->gid = e->gid;
	inode->mtime.tv_sec = inode->ctime.tv_sec = inode->atime.tv_sec = e->mtime;
	inode->mtime.tv_nsec = inode->ctime.tv_nsec = inode->atime.tv_nsec = 0;
	if (S_ISREG(mode) && e->filesize &&
	    ramfs_write_kernel(inode, e->data, e->filesize, 0) != (ssize_t)e->filesize) {
		iput(inode);
		return -ENOMEM;
	}
	if (S_ISLNK(mode)) {
		inode->link = kmalloc(e->filesize + 1, GFP_KERNEL);
		if (!inode->link) {
			iput(inode);
			return -ENOMEM;
		}
		memcpy(inode->link, e->data, e->filesize);
		inode->link[e->filesize] = 0;
		inode->size = e->filesize;
	}
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->rdev = MKDEV(e->rdevmajor, e->rdevminor);
	if (!d_alloc(dir, last, inode)) {
		iput(inode);
		return -ENOMEM;
	}
	return 0;
}

static int unpack_cpio(const void *buf, size_t len)
{
	struct cpio_entry e;
	size_t pos = 0;
	int r, n = 0;

	while ((r = cpio_next(buf, len, &pos, &e)) > 0) {
		r = add_entry(&e);
		if (r) {
			pr_err("initramfs: %s: error %d\n", e.name, r);
			return r;
		}
		n++;
	}
	if (r < 0)
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
