// SPDX-License-Identifier: GPL-2.0
/*
 * A small /proc: files whose content the kernel generates when read and
 * which may accept commands when written (the /proc/lego control files).
 * Each read produces the whole text and returns the part at the file
 * position, so `cat` and shell redirections work as on Linux.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <asm/uaccess.h>

#define PROC_BUF_SIZE	(64 * 1024)
#define PROC_WRITE_MAX	4096

static ssize_t proc_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	const struct proc_ops *ops = f->inode->i_private;
	char *text;
	ssize_t len;
	size_t left;

	if (!ops->show)
		return -EINVAL;
	if (!n)
		return 0;
	text = vmalloc(PROC_BUF_SIZE);
	if (!text)
		return -ENOMEM;
	len = ops->show(text, PROC_BUF_SIZE);
	if (len < 0 || *pos >= len) {
		vfree(text, PROC_BUF_SIZE);
		return len < 0 ? len : 0;
	}
	n = min(n, (size_t)(len - *pos));
	left = copy_to_user(buf, text + *pos, n);
	vfree(text, PROC_BUF_SIZE);
	if (left == n)
		return -EFAULT;
	*pos += n - left;
	return n - left;
}

static ssize_t proc_write(struct file *f, const char __user *buf, size_t n,
			  loff_t *pos)
{
	const struct proc_ops *ops = f->inode->i_private;
	char *kbuf;
	ssize_t r;

	if (!ops->write)
		return -EINVAL;
	if (n > PROC_WRITE_MAX)
		return -EINVAL;
	kbuf = kmalloc(n + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, buf, n)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[n] = 0;
	r = ops->write(kbuf, n);
	kfree(kbuf);
	return r;
}

static const struct file_operations proc_file_ops = {
	.read = proc_read,
	.write = proc_write,
};

/* The directory dir/name, made if missing. */
static struct dentry *proc_mkdir(struct dentry *dir, const char *name)
{
	struct dentry *d = d_lookup(dir, name, strlen(name));
	struct inode *inode;

	if (d)
		return S_ISDIR(d->inode->mode) ? d : NULL;
	inode = new_inode(S_IFDIR | 0555);
	if (!inode)
		return NULL;
	d = d_alloc(dir, name, inode);
	if (!d)
		iput(inode);
	return d;
}

/* Creates /proc/<path> ("lego/strace") served by ops. */
int proc_create(const char *path, umode_t mode, const struct proc_ops *ops)
{
	struct dentry *dir = proc_mkdir(root_dentry, "proc");
	char part[NAME_MAX + 1];
	const char *p = path, *slash;
	struct inode *inode;

	while (dir && (slash = strchr(p, '/'))) {
		size_t len = min((size_t)(slash - p), sizeof(part) - 1);

		memcpy(part, p, len);
		part[len] = 0;
		dir = proc_mkdir(dir, part);
		p = slash + 1;
	}
	if (!dir)
		return -ENOTDIR;
	if (d_lookup(dir, p, strlen(p)))
		return -EEXIST;
	inode = new_inode(S_IFREG | mode);
	if (!inode)
		return -ENOMEM;
	inode->fops = &proc_file_ops;
	inode->i_private = ops;
	if (!d_alloc(dir, p, inode)) {
		iput(inode);
		return -ENOMEM;
	}
	return 0;
}

void proc_init(void)
{
	proc_mkdir(root_dentry, "proc");
}
