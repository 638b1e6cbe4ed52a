// SPDX-License-Identifier: GPL-2.0
/*
 * File data of the RAM file system: an array of pages per inode, grown on
 * write.  A hole reads as zeros.  The same pages back MAP_SHARED mappings.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <asm/uaccess.h>

static int grow_pages(struct inode *inode, unsigned long need)
{
	unsigned long cap = inode->nr_pages ? inode->nr_pages : 4;
	struct page **np;

	while (cap < need)
		cap *= 2;
	np = kzalloc(cap * sizeof(*np), GFP_KERNEL);
	if (!np)
		return -ENOMEM;
	if (inode->pages)
		memcpy(np, inode->pages, inode->nr_pages * sizeof(*np));
	kfree(inode->pages);
	inode->pages = np;
	inode->nr_pages = cap;
	return 0;
}

struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool alloc)
{
	if (index >= inode->nr_pages) {
		if (!alloc || grow_pages(inode, index + 1))
			return NULL;
	}
	if (!inode->pages[index] && alloc)
		inode->pages[index] = alloc_pages(__GFP_ZERO, 0);
	return inode->pages[index];
}

/*
 * The one copy loop for file data.  to_user/from_user say which side is
 * user memory; a fault ends the copy short, like Linux's read/write.
 */
static ssize_t ramfs_copy(struct inode *inode, void *buf, size_t n, loff_t pos,
			  bool write, bool user)
{
	size_t done = 0;

	while (done < n) {
		unsigned long idx = (pos + done) >> PAGE_SHIFT;
		size_t off = (pos + done) & (PAGE_SIZE - 1);
		size_t chunk = min(n - done, PAGE_SIZE - off);
		struct page *pg = ramfs_get_page(inode, idx, write);
		char *kaddr = pg ? (char *)page_address(pg) + off : NULL;
		size_t left;

		if (write && !pg)
			return done ? (ssize_t)done : -ENOSPC;
		if (!kaddr) {			/* a hole */
			left = user ? clear_user((char __user *)buf + done, chunk) : 0;
			if (!user)
				memset((char *)buf + done, 0, chunk);
		} else if (write) {
			left = user ? copy_from_user(kaddr, (char __user *)buf + done, chunk) : 0;
			if (!user)
				memcpy(kaddr, (char *)buf + done, chunk);
		} else {
			left = user ? copy_to_user((char __user *)buf + done, kaddr, chunk) : 0;
			if (!user)
				memcpy((char *)buf + done, kaddr, chunk);
		}
		done += chunk - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

ssize_t ramfs_read(struct inode *inode, void *buf, size_t n, loff_t pos)
{
	if (pos >= inode->size)
		return 0;
	n = min((loff_t)n, inode->size - pos);
	return ramfs_copy(inode, buf, n, pos, false, false);
}

ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos)
{
	ssize_t r = ramfs_copy(inode, (void *)buf, n, pos, true, false);

	if (r > 0 && pos + r > inode->size)
		inode->size = pos + r;
	return r;
}

static ssize_t ramfs_file_read(struct file *f, char __user *buf, size_t n,
			       loff_t *pos)
{
	struct inode *inode = f->inode;
	ssize_t r;

	if (*pos >= inode->size)
		return 0;
	n = min((loff_t)n, inode->size - *pos);
	r = ramfs_copy(inode, (__force void *)buf, n, *pos, false, true);
	if (r > 0)
		*pos += r;
	return r;
}

static ssize_t ramfs_file_write(struct file *f, const char __user *buf, size_t n,
				loff_t *pos)
{
	struct inode *inode = f->inode;
	ssize_t r;

	if (f->f_flags & O_APPEND)
		*pos = inode->size;
	if (*pos + (loff_t)n < *pos)
		return -EFBIG;
	r = ramfs_copy(inode, (__force void *)buf, n, *pos, true, true);
	if (r > 0) {
		*pos += r;
		if (*pos > inode->size)
			inode->size = *pos;
		inode_touch(inode, true);
	}
	return r;
}

static ssize_t ramfs_dir_read(struct file *f, char __user *buf, size_t n,
			      loff_t *pos)
{
	return -EISDIR;
}

const struct file_operations ramfs_file_ops = {
	.read = ramfs_file_read,
	.write = ramfs_file_write,
};

const struct file_operations ramfs_dir_ops = {
	.read = ramfs_dir_read,
};
