// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes and dentries of the RAM file system.  The dentry tree is the
 * whole namespace; an inode lives while a dentry or an open file refers
 * to it.  Lego runs this code on one CPU without kernel preemption, so the
 * tree needs no lock until SMP work adds one.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/time.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>

struct dentry *root_dentry;
static unsigned long next_ino = 1;

static struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();
	struct timespec64 t = { (s64)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };

	return t;
}

void inode_touch(struct inode *inode, bool modify)
{
	struct timespec64 now = current_time();

	inode->ctime = now;
	if (modify)
		inode->mtime = now;
}

struct inode *new_inode(umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->ino = next_ino++;
	inode->mode = mode;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	inode->refcount = 1;
	INIT_LIST_HEAD(&inode->children);
	inode->atime = inode->mtime = inode->ctime = current_time();
	if (S_ISREG(mode))
		inode->fops = &ramfs_file_ops;
	else if (S_ISDIR(mode))
		inode->fops = &ramfs_dir_ops;
	else if (S_ISCHR(mode))
		inode->fops = NULL;	/* looked up by rdev at open */
	return inode;
}

void iget(struct inode *inode)
{
	inode->refcount++;
}

void iput(struct inode *inode)
{
	unsigned long i;

	if (!inode || --inode->refcount)
		return;
	for (i = 0; i < inode->nr_pages; i++)
		if (inode->pages[i])
			__free_pages(inode->pages[i], 0);
	kfree(inode->pages);
	kfree(inode->link);
	kfree(inode);
}

/* A new name in dir for inode (whose reference it takes over). */
struct dentry *d_alloc(struct dentry *parent, const char *name, struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	strscpy(d->name, name, sizeof(d->name));
	d->inode = inode;
	d->parent = parent ? parent : d;
	d->refcount = 1;
	INIT_LIST_HEAD(&d->child);
	if (parent)
		list_add_tail(&d->child, &parent->inode->children);
	return d;
}

struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->inode->children, child)
		if (strlen(d->name) == len && !memcmp(d->name, name, len))
			return d;
	return NULL;
}

void dget(struct dentry *d)
{
	d->refcount++;
}

void dput(struct dentry *d)
{
	if (d)
		d->refcount--;
}

/* The absolute path of d into buf; returns its length or -ENAMETOOLONG. */
int d_path(struct dentry *d, char *buf, size_t len)
{
	char tmp[PATH_MAX];
	size_t pos = sizeof(tmp) - 1;

	tmp[pos] = 0;
	if (d == root_dentry)
		tmp[--pos] = '/';
	while (d != root_dentry && d->parent != d) {
		size_t n = strlen(d->name);

		if (pos < n + 1)
			return -ENAMETOOLONG;
		pos -= n;
		memcpy(tmp + pos, d->name, n);
		tmp[--pos] = '/';
		d = d->parent;
	}
	if (sizeof(tmp) - pos > len)
		return -ENAMETOOLONG;
	memcpy(buf, tmp + pos, sizeof(tmp) - pos);
	return sizeof(tmp) - 1 - pos;
}

void vfs_init(void)
{
	struct inode *root = new_inode(S_IFDIR | 0755);

	if (!root)
		panic("VFS: cannot allocate the root inode");
	root_dentry = d_alloc(NULL, "/", root);
	if (!root_dentry)
		panic("VFS: cannot allocate the root dentry");
}

/*
 * getcwd(2): the length including the NUL on success; ERANGE when the
 * buffer is too small for it.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int len;

	if (!path)
		return -ENOMEM;
	len = d_path(current->fs->pwd, path, PATH_MAX);
	if (len >= 0 && (unsigned long)len + 1 > size)
		len = -ERANGE;
	if (len >= 0 && copy_to_user(buf, path, len + 1))
		len = -EFAULT;
	kfree(path);
	return len < 0 ? len : len + 1;
}
