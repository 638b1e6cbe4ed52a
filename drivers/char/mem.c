// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: the memory devices of major 1 (null 1:3, zero 1:5,
 * full 1:7, random 1:8, urandom 1:9) and the console tty (tty 5:0,
 * console 5:1, ttyS0 4:64), and the /dev nodes for them.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <asm/uaccess.h>

#include <lego/tty.h>

static ssize_t null_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *f, const char __user *buf, size_t n,
			  loff_t *pos)
{
	return n;
}

static loff_t null_lseek(struct file *f, loff_t off, int whence)
{
	return f->f_pos = 0;
}

static ssize_t zero_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	size_t left = clear_user(buf, n);

	if (left == n && n)
		return -EFAULT;
	return n - left;
}

static ssize_t full_write(struct file *f, const char __user *buf, size_t n,
			  loff_t *pos)
{
	return -ENOSPC;
}

static ssize_t random_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	return get_random_bytes_user(buf, n);
}

static const struct file_operations null_fops = {
	.read = null_read, .write = null_write, .llseek = null_lseek,
};
static const struct file_operations zero_fops = {
	.read = zero_read, .write = null_write, .llseek = null_lseek,
};
static const struct file_operations full_fops = {
	.read = zero_read, .write = full_write, .llseek = null_lseek,
};
static const struct file_operations random_fops = {
	.read = random_read, .write = null_write, .llseek = null_lseek,
};

static const struct chrdev {
	const char *name;
	dev_t rdev;
	umode_t mode;
	const struct file_operations *fops;
} chrdevs[] = {
	{ "null",	MKDEV(1, 3),	0666, &null_fops },
	{ "zero",	MKDEV(1, 5),	0666, &zero_fops },
	{ "full",	MKDEV(1, 7),	0666, &full_fops },
	{ "random",	MKDEV(1, 8),	0666, &random_fops },
	{ "urandom",	MKDEV(1, 9),	0666, &random_fops },
	{ "tty",	MKDEV(5, 0),	0666, &tty_fops },
	{ "console",	MKDEV(5, 1),	0600, &tty_fops },
	{ "ttyS0",	MKDEV(4, 64),	0660, &tty_fops },
};

const struct file_operations *chrdev_fops(dev_t rdev)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(chrdevs); i++)
		if (chrdevs[i].rdev == rdev)
			return chrdevs[i].fops;
	return NULL;
}

/* /dev and its nodes, like a devtmpfs, unless the initramfs made them. */
void chrdev_init(void)
{
	struct dentry *dev = d_lookup(root_dentry, "dev", 3);
	size_t i;

	if (!dev) {
		struct inode *inode = new_inode(S_IFDIR | 0755);

		dev = inode ? d_alloc(root_dentry, "dev", inode) : NULL;
		if (!dev)
			panic("cannot create /dev");
	}
	if (!S_ISDIR(dev->inode->mode))
		return;
	for (i = 0; i < ARRAY_SIZE(chrdevs); i++) {
		struct inode *inode;

		if (d_lookup(dev, chrdevs[i].name, strlen(chrdevs[i].name)))
			continue;
		inode = new_inode(S_IFCHR | chrdevs[i].mode);
		if (!inode)
			panic("out of memory creating /dev");
		inode->rdev = chrdevs[i].rdev;
		if (!d_alloc(dev, chrdevs[i].name, inode))
			panic("out of memory creating /dev");
	}
}
