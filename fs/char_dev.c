// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: a driver registers its device numbers, a name (its
 * node in devtmpfs) and its file operations; opening any node with that
 * number, wherever mknod made it, reaches the driver.  A number nobody
 * registered opens as ENXIO, as on Linux.
 */
#include <lego/kernel.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/mm.h>
#include "internal.h"

#define MAX_CHRDEVS	32

static struct chrdev {
	dev_t rdev;
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEVS];
static int nr_chrdevs;
static DEFINE_SPINLOCK(chrdevs_lock);

int register_chrdev(unsigned int major, unsigned int minor, const char *name,
		    umode_t mode, const struct file_operations *fops)
{
	int r = -ENOSPC;

	spin_lock(&chrdevs_lock);
	if (nr_chrdevs < MAX_CHRDEVS) {
		chrdevs[nr_chrdevs++] = (struct chrdev){ MKDEV(major, minor), name, mode, fops };
		r = 0;
	}
	spin_unlock(&chrdevs_lock);
	return r;
}

const struct file_operations *chrdev_fops(dev_t rdev)
{
	const struct file_operations *fops = NULL;
	int i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].rdev == rdev)
			fops = chrdevs[i].fops;
	spin_unlock(&chrdevs_lock);
	return fops;
}

/*
 * The open method of every character device node: the driver's
 * operations replace the node's, then the driver's own open runs.  A
 * driver without llseek has no file position (lseek and pread: ESPIPE).
 */
int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops = chrdev_fops(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	if (!fops->llseek)
		f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	if (fops->open)
		return fops->open(inode, f);
	return 0;
}

/*
 * A node for every registered device in dir (a devtmpfs root), owned by
 * root with the driver's mode.
 */
int devtmpfs_populate(struct dentry *dir)
{
	struct inode *di = dir->d_inode;
	int i, n, r = 0;

	spin_lock(&chrdevs_lock);
	n = nr_chrdevs;
	spin_unlock(&chrdevs_lock);
	mutex_lock(&di->i_mutex);
	for (i = 0; i < n && !r; i++) {
		struct chrdev c = chrdevs[i];
		struct dentry *d = d_lookup(dir, c.name, strlen(c.name));

		if (d) {
			dput(d);
			continue;
		}
		d = d_alloc(dir, c.name, strlen(c.name));
		if (!d) {
			r = -ENOMEM;
			break;
		}
		r = di->i_op->create(di, d, S_IFCHR | c.mode, c.rdev);
		if (!r) {
			d->d_inode->i_uid = 0;
			d->d_inode->i_gid = 0;
			d->d_inode->i_mode = S_IFCHR | c.mode;
		}
		dput(d);
	}
	mutex_unlock(&di->i_mutex);
	return r;
}

/* devtmpfs: a tmpfs whose root (0755) holds the registered devices. */
static struct super_block *devtmpfs_mount(struct file_system_type *t, int flags,
					  const char *dev, char *data)
{
	char opts[] = "mode=755";
	struct super_block *sb = ramfs_fill_super(t, 0x01021994 /* TMPFS_MAGIC */,
						  flags, opts);
	int r;

	if (IS_ERR(sb))
		return sb;
	r = devtmpfs_populate(sb->s_root);
	if (r) {
		deactivate_super(sb);
		return ERR_PTR(r);
	}
	return sb;
}

static struct file_system_type devtmpfs_type = {
	.name = "devtmpfs", .mount = devtmpfs_mount,
};

void devtmpfs_init(void)
{
	register_filesystem(&devtmpfs_type);
}
