// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM file systems: rootfs (the initramfs root), tmpfs, ramfs and,
 * built on them, devtmpfs.  The dentry tree is the directory data; a
 * regular file's data is its page cache, which MAP_SHARED mappings map
 * directly, so reads, writes and mappings always agree.
 *
 * tmpfs and rootfs keep a size limit (half of RAM unless size= says
 * otherwise; ENOSPC past it) and an inode limit, report directory sizes
 * as Linux's tmpfs does (40 bytes, plus 20 an entry), and take the
 * options size=, nr_blocks=, nr_inodes=, mode=, uid=, gid= (others are
 * EINVAL).  ramfs has no limits and takes only mode=.
 *
 * Page cache: a two-level table of page pointers (a directory of
 * 512-entry leaf pages), under the inode's i_lock.  Every page in it has
 * one reference from the cache; readers and the fault path take their
 * own, so truncation can drop pages while they are being copied.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/vsprintf.h>
#include <lego/capability.h>
#include <uapi/lego/statfs.h>
#include "internal.h"

#define LEAF_ENTRIES	(PAGE_SIZE / sizeof(struct page *))
#define BOGO_DIRENT_SIZE	20

atomic_t ramfs_pages;

struct ramfs_info {
	bool tmpfs;			/* limits and tmpfs directory sizes */
	bool size_set, inodes_set;
	umode_t mode;			/* of the root directory */
	uid_t uid;
	gid_t gid;
};

static struct ramfs_info *RI(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* ------------------------------------------------------------ page cache */

/* The slot of page index in inode's table, growing it when alloc; NULL
 * when absent.  i_lock held (nothing here sleeps). */
static struct page **page_slot(struct inode *inode, unsigned long index, bool alloc)
{
	unsigned long top = index / LEAF_ENTRIES;
	struct page ***dir = (struct page ***)inode->i_pages;

	if (top >= inode->i_npages) {
		unsigned long n = inode->i_npages ? inode->i_npages : 1;
		struct page ***nd;

		if (!alloc)
			return NULL;
		while (n <= top)
			n *= 2;
		nd = kzalloc(n * sizeof(*nd), GFP_KERNEL);
		if (!nd)
			return NULL;
		if (dir)
			memcpy(nd, dir, inode->i_npages * sizeof(*nd));
		kfree(dir);
		inode->i_pages = (struct page **)nd;
		inode->i_npages = n;
		dir = nd;
	}
	if (!dir[top]) {
		if (!alloc)
			return NULL;
		dir[top] = (struct page **)get_zeroed_page();
		if (!dir[top])
			return NULL;
	}
	return &dir[top][index % LEAF_ENTRIES];
}

/* Whether the file system has room for one more page. */
static bool charge_block(struct super_block *sb)
{
	if (sb->s_max_blocks &&
	    (unsigned long)atomic_add_return(1, &sb->s_blocks) > sb->s_max_blocks) {
		atomic_dec(&sb->s_blocks);
		return false;
	}
	if (!sb->s_max_blocks)
		atomic_inc(&sb->s_blocks);
	atomic_inc(&ramfs_pages);
	return true;
}

static void uncharge_block(struct super_block *sb)
{
	atomic_dec(&sb->s_blocks);
	atomic_dec(&ramfs_pages);
}

/*
 * Page index of inode's data with a reference for the caller, allocated
 * (zeroed) when absent and alloc; NULL for a hole, or when memory or the
 * file system's size limit runs out.
 */
struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool alloc)
{
	struct page **slot, *pg = NULL;

	spin_lock(&inode->i_lock);
	slot = page_slot(inode, index, alloc);
	if (slot) {
		pg = *slot;
		if (!pg && alloc && charge_block(inode->i_sb)) {
			pg = alloc_pages(__GFP_ZERO, 0);
			if (pg) {
				*slot = pg;
				inode->i_blocks++;
			} else {
				uncharge_block(inode->i_sb);
			}
		}
		if (pg)
			get_page(pg);
	}
	spin_unlock(&inode->i_lock);
	return pg;
}

/* Drops the cache's pages from index first on (truncation, eviction). */
static void drop_pages(struct inode *inode, unsigned long first)
{
	unsigned long top, i;

	spin_lock(&inode->i_lock);
	for (top = first / LEAF_ENTRIES; top < inode->i_npages; top++) {
		struct page **leaf = ((struct page ***)inode->i_pages)[top];

		if (!leaf)
			continue;
		for (i = 0; i < LEAF_ENTRIES; i++) {
			if (top * LEAF_ENTRIES + i < first || !leaf[i])
				continue;
			put_page(leaf[i]);
			leaf[i] = NULL;
			inode->i_blocks--;
			uncharge_block(inode->i_sb);
		}
	}
	spin_unlock(&inode->i_lock);
}

static void ramfs_evict_inode(struct inode *inode)
{
	unsigned long top;

	drop_pages(inode, 0);
	for (top = 0; top < inode->i_npages; top++)
		free_page((unsigned long)((struct page ***)inode->i_pages)[top]);
	kfree(inode->i_pages);
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
}

/*
 * The one copy loop for file data: n bytes at pos between the cache and
 * it.  Holes read as zeros.  Returns the bytes moved (short when a user
 * page faults or, writing, when space runs out) or an error if none.
 */
static ssize_t ramfs_copy(struct inode *inode, struct iov_iter *it, size_t n,
			  loff_t pos, bool write)
{
	size_t done = 0;

	while (done < n) {
		unsigned long idx = (pos + done) >> PAGE_SHIFT;
		size_t off = (pos + done) & (PAGE_SIZE - 1);
		size_t chunk = min(n - done, PAGE_SIZE - off), moved;
		struct page *pg = ramfs_get_page(inode, idx, write);

		if (write && !pg)
			return done ? (ssize_t)done : -ENOSPC;
		if (!pg)
			moved = iov_iter_zero(chunk, it);
		else if (write)
			moved = copy_from_iter((char *)page_address(pg) + off, chunk, it);
		else
			moved = copy_to_iter((char *)page_address(pg) + off, chunk, it);
		if (pg)
			put_page(pg);
		done += moved;
		if (moved < chunk)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static void set_size(struct inode *inode, loff_t size)
{
	spin_lock(&inode->i_lock);
	WRITE_ONCE(inode->i_size, size);
	spin_unlock(&inode->i_lock);
}

/* Kernel reads and writes of file data (the ELF loader, the initramfs). */
ssize_t ramfs_read(struct inode *inode, void *buf, size_t n, loff_t pos)
{
	struct iov_iter it;
	loff_t size = READ_ONCE(inode->i_size);

	if (pos >= size)
		return 0;
	n = min((loff_t)n, size - pos);
	iov_iter_kvec(&it, buf, n);
	return ramfs_copy(inode, &it, n, pos, false);
}

ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos)
{
	struct iov_iter it;
	ssize_t r;

	iov_iter_kvec(&it, (void *)buf, n);
	mutex_lock(&inode->i_mutex);
	r = ramfs_copy(inode, &it, n, pos, true);
	if (r > 0 && pos + r > inode->i_size)
		set_size(inode, pos + r);
	mutex_unlock(&inode->i_mutex);
	return r;
}

static ssize_t ramfs_read_iter(struct file *f, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = f->inode;
	loff_t size = READ_ONCE(inode->i_size);
	size_t n = to->count;
	ssize_t r;

	if (!n)
		return 0;
	if (*pos >= size) {
		inode_touch_atime(f);
		return 0;
	}
	n = min((loff_t)n, size - *pos);
	r = ramfs_copy(inode, to, n, *pos, false);
	if (r > 0)
		*pos += r;
	inode_touch_atime(f);
	return r;
}

/*
 * Linux's write checks: O_APPEND writes at the end; past RLIMIT_FSIZE is
 * EFBIG with SIGXFSZ (a write straddling it is cut short there); a
 * write by anyone without CAP_FSETID drops set-user-ID and executable
 * set-group-ID bits.
 */
static ssize_t ramfs_write_iter(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = f->inode;
	size_t n = from->count;
	loff_t p;
	ssize_t r;

	if (!n)
		return 0;
	mutex_lock(&inode->i_mutex);
	p = write_appends(f, from) ? inode->i_size : *pos;
	r = generic_write_limit(p, &n);
	if (r) {
		mutex_unlock(&inode->i_mutex);
		return r;
	}
	if ((inode->i_mode & S_ISUID) ||
	    (inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP)) {
		if (!fs_capable(CAP_FSETID)) {
			spin_lock(&inode->i_lock);
			inode->i_mode &= ~S_ISUID;
			if (inode->i_mode & S_IXGRP)
				inode->i_mode &= ~S_ISGID;
			spin_unlock(&inode->i_lock);
		}
	}
	r = ramfs_copy(inode, from, n, p, true);
	if (r > 0) {
		p += r;
		if (p > inode->i_size)
			set_size(inode, p);
		*pos = p;
		inode_touch(inode, true);
	}
	mutex_unlock(&inode->i_mutex);
	return r;
}

/*
 * A new size; the caller holds i_mutex.  Shrinking first publishes the
 * size (a fault after it sees the new end and gets SIGBUS), then removes
 * the mappings of the pages past it, then drops them and zeroes the tail
 * of the last page, so a later extension reads zeros there.
 */
int ramfs_truncate(struct inode *inode, loff_t size)
{
	loff_t old = inode->i_size;

	if (size > MAX_LFS_FILESIZE)
		return -EFBIG;
	set_size(inode, size);
	if (size < old) {
		unsigned long first = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
		struct page *pg;

		unmap_mapping_range(inode, first);
		drop_pages(inode, first);
		if (size & (PAGE_SIZE - 1)) {
			pg = ramfs_get_page(inode, size >> PAGE_SHIFT, false);
			if (pg) {
				size_t off = size & (PAGE_SIZE - 1);

				memset((char *)page_address(pg) + off, 0, PAGE_SIZE - off);
				put_page(pg);
			}
		}
	}
	return 0;
}

static int ramfs_fsync(struct file *f, int datasync)
{
	return 0;
}

const struct file_operations ramfs_file_ops = {
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
	.llseek = generic_file_llseek,
	.fsync = ramfs_fsync,
};

const struct file_operations ramfs_dir_ops = {
	.read_iter = generic_read_dir,
	.llseek = generic_file_llseek,
	.iterate = dcache_readdir,
	.fsync = ramfs_fsync,
};

/* ------------------------------------------------------------ inodes */

/* Opening a block device or a socket node: nothing behind it (ENXIO). */
static int no_open(struct inode *inode, struct file *f)
{
	return -ENXIO;
}

static const struct file_operations def_chr_fops = { .open = chrdev_open };
static const struct file_operations bad_open_fops = { .open = no_open };

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &bad_open_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else {
		inode->i_fop = &bad_open_fops;
	}
}

/* A new inode of sb for a name in dir (NULL: the root). */
struct inode *ramfs_get_inode(struct super_block *sb, struct inode *dir,
			      umode_t mode, dev_t rdev)
{
	struct inode *inode;

	if (sb->s_max_inodes &&
	    (unsigned long)atomic_read(&sb->s_inodes) >= sb->s_max_inodes)
		return ERR_PTR(-ENOSPC);
	inode = new_inode(sb, mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode_init_owner(inode, dir, mode);
	mode = inode->i_mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_fop = &ramfs_file_ops;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_ops;
		inode->i_fop = &ramfs_dir_ops;
		inode->i_nlink = 2;
		if (RI(sb)->tmpfs)
			inode->i_size = 2 * BOGO_DIRENT_SIZE;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_ops;
		break;
	default:
		init_special_inode(inode, mode, rdev);
	}
	return inode;
}

/* A directory entry more or less: times, and tmpfs's bogus size. */
static void dir_changed(struct inode *dir, int entries)
{
	if (RI(dir->i_sb)->tmpfs) {
		spin_lock(&dir->i_lock);
		dir->i_size += entries * BOGO_DIRENT_SIZE;
		spin_unlock(&dir->i_lock);
	}
	inode_touch(dir, true);
}

static int ramfs_create(struct inode *dir, struct dentry *d, umode_t mode, dev_t rdev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, rdev);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	d_add(d, inode);
	dir_changed(dir, 1);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *d, umode_t mode)
{
	int r = ramfs_create(dir, d, S_IFDIR | mode, 0);

	if (!r)
		inc_nlink(dir);
	return r;
}

static int ramfs_symlink(struct inode *dir, struct dentry *d, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *link = kmalloc(len + 1, GFP_KERNEL);

	if (!link)
		return -ENOMEM;
	memcpy(link, target, len + 1);
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (IS_ERR(inode)) {
		kfree(link);
		return PTR_ERR(inode);
	}
	inode->i_link = link;
	inode->i_size = len;
	d_add(d, inode);
	dir_changed(dir, 1);
	return 0;
}

static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *d)
{
	struct inode *inode = old->d_inode;

	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	inode->i_flags &= ~I_LINKABLE;
	spin_unlock(&inode->i_lock);
	inode_touch(inode, false);
	iget(inode);
	d_add(d, inode);
	dir_changed(dir, 1);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	struct inode *inode = d->d_inode;

	drop_nlink(inode);
	inode_touch(inode, false);
	d_drop_name(d);
	dir_changed(dir, -1);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	if (!simple_empty(d))
		return -ENOTEMPTY;
	set_nlink(d->d_inode, 0);
	drop_nlink(dir);
	return ramfs_unlink(dir, d);
}

/*
 * Both parents, the source and any target are locked by the caller; it
 * checked permissions and that no directory moves below itself.  The
 * target, if any, is replaced in one step under dcache_lock, so the new
 * name never disappears (rename(2) atomicity).
 */
static int ramfs_rename(struct inode *odir, struct dentry *od, struct inode *ndir,
			struct dentry *nd, unsigned int flags)
{
	struct inode *src = od->d_inode, *tgt = nd->d_inode;
	bool src_dir = S_ISDIR(src->i_mode), tgt_dir = tgt && S_ISDIR(tgt->i_mode);

	if (flags & RENAME_EXCHANGE) {
		d_exchange(od, nd);
		if (odir != ndir && src_dir != tgt_dir) {
			if (src_dir) {
				drop_nlink(odir);
				inc_nlink(ndir);
			} else {
				drop_nlink(ndir);
				inc_nlink(odir);
			}
		}
		inode_touch(src, false);
		inode_touch(tgt, false);
		inode_touch(odir, true);
		inode_touch(ndir, true);
		return 0;
	}
	if (tgt_dir && !simple_empty(nd))
		return -ENOTEMPTY;
	if (tgt) {
		if (tgt_dir) {
			set_nlink(tgt, 0);
			drop_nlink(ndir);
		} else {
			drop_nlink(tgt);
		}
		inode_touch(tgt, false);
	}
	if (src_dir && odir != ndir) {
		drop_nlink(odir);
		inc_nlink(ndir);
	}
	d_move(od, nd);
	inode_touch(src, false);
	dir_changed(odir, -1);
	dir_changed(ndir, tgt ? 0 : 1);
	return 0;
}

/* O_TMPFILE: an inode with no name yet. */
static struct inode *ramfs_tmpfile(struct inode *dir, umode_t mode)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, 0);

	if (!IS_ERR(inode))
		inode->i_nlink = 0;
	return inode;
}

const struct inode_operations ramfs_dir_inode_ops = {
	.create = ramfs_create,
	.tmpfile = ramfs_tmpfile,
	.mkdir = ramfs_mkdir,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
};

const struct inode_operations ramfs_symlink_inode_ops = {
};

/* ------------------------------------------------------------ super blocks */

static void ramfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	st->f_type = sb->s_magic;
	st->f_bsize = PAGE_SIZE;
	st->f_namelen = NAME_MAX;
	if (!RI(sb)->tmpfs)
		return;
	st->f_blocks = sb->s_max_blocks;
	st->f_bfree = st->f_bavail = sb->s_max_blocks - min((unsigned long)atomic_read(&sb->s_blocks),
							    sb->s_max_blocks);
	st->f_files = sb->s_max_inodes;
	st->f_ffree = sb->s_max_inodes - min((unsigned long)atomic_read(&sb->s_inodes),
					     sb->s_max_inodes);
}

static void ramfs_show_options(struct super_block *sb, char *buf, size_t size)
{
	struct ramfs_info *ri = RI(sb);
	size_t n = 0;

	if (ri->tmpfs && (ri->size_set || !strcmp(sb->s_type->name, "rootfs") ||
			  !strcmp(sb->s_type->name, "devtmpfs")))
		n += scnprintf(buf + n, size - n, ",size=%luk", sb->s_max_blocks * (PAGE_SIZE / 1024));
	if (ri->tmpfs && (ri->inodes_set || !strcmp(sb->s_type->name, "rootfs") ||
			  !strcmp(sb->s_type->name, "devtmpfs")))
		n += scnprintf(buf + n, size - n, ",nr_inodes=%lu", sb->s_max_inodes);
	if (ri->mode != 01777 && ri->tmpfs)
		n += scnprintf(buf + n, size - n, ",mode=%o", ri->mode);
	else if (!ri->tmpfs && ri->mode != 0755)
		n += scnprintf(buf + n, size - n, ",mode=%o", ri->mode);
	if (ri->uid)
		n += scnprintf(buf + n, size - n, ",uid=%u", ri->uid);
	if (ri->gid)
		scnprintf(buf + n, size - n, ",gid=%u", ri->gid);
}

static const struct super_operations ramfs_sops = {
	.statfs = ramfs_statfs,
	.evict_inode = ramfs_evict_inode,
	.show_options = ramfs_show_options,
};

/* A number with an optional k, m, g suffix (or % of RAM for size=). */
static int parse_size(const char *v, unsigned long *out, bool percent_ok)
{
	char *end;
	unsigned long n = simple_strtoul(v, &end, 0);

	if (end == v)
		return -EINVAL;
	switch (*end) {
	case 'k': case 'K':
		n <<= 10;
		end++;
		break;
	case 'm': case 'M':
		n <<= 20;
		end++;
		break;
	case 'g': case 'G':
		n <<= 30;
		end++;
		break;
	case '%':
		if (!percent_ok || n > 100)
			return -EINVAL;
		n = totalram_pages() * PAGE_SIZE / 100 * n;
		end++;
		break;
	}
	if (*end)
		return -EINVAL;
	*out = n;
	return 0;
}

/* Parses the comma-separated options into sb (a fresh super block). */
static int ramfs_parse_options(struct super_block *sb, char *data)
{
	struct ramfs_info *ri = RI(sb);
	char *p = data, *opt, *val;
	unsigned long v;

	while (p && *p) {
		opt = p;
		p = strchr(p, ',');
		if (p)
			*p++ = 0;
		if (!*opt)
			continue;
		val = strchr(opt, '=');
		if (val)
			*val++ = 0;
		if (!strcmp(opt, "mode") && val) {
			char *end;

			v = simple_strtoul(val, &end, 8);
			if (*end || end == val)
				return -EINVAL;
			ri->mode = v & 07777;
			continue;
		}
		if (!ri->tmpfs)
			continue;	/* ramfs ignores what it does not know */
		if (!strcmp(opt, "size") && val) {
			if (parse_size(val, &v, true))
				return -EINVAL;
			sb->s_max_blocks = DIV_ROUND_UP(v, PAGE_SIZE);
			ri->size_set = true;
		} else if (!strcmp(opt, "nr_blocks") && val) {
			if (parse_size(val, &v, false))
				return -EINVAL;
			sb->s_max_blocks = v;
			ri->size_set = true;
		} else if (!strcmp(opt, "nr_inodes") && val) {
			if (parse_size(val, &v, false))
				return -EINVAL;
			sb->s_max_inodes = v;
			ri->inodes_set = true;
		} else if (!strcmp(opt, "uid") && val) {
			if (kstrtoul(val, 0, &v))
				return -EINVAL;
			ri->uid = v;
		} else if (!strcmp(opt, "gid") && val) {
			if (kstrtoul(val, 0, &v))
				return -EINVAL;
			ri->gid = v;
		} else {
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * A new RAM file system: tmpfs-style when magic is TMPFS_MAGIC.  Its
 * limits default to half of RAM in pages and as many inodes, Linux's
 * tmpfs defaults.
 */
struct super_block *ramfs_fill_super(struct file_system_type *t, unsigned long magic,
				     int flags, char *data)
{
	struct super_block *sb = sget(t, magic, &ramfs_sops, flags);
	struct ramfs_info *ri;
	struct inode *root;
	int r;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	ri = kzalloc(sizeof(*ri), GFP_KERNEL);
	if (!ri) {
		kfree(sb);
		return ERR_PTR(-ENOMEM);
	}
	sb->s_fs_info = ri;
	ri->tmpfs = magic == TMPFS_MAGIC;
	ri->mode = ri->tmpfs ? 01777 : 0755;
	if (ri->tmpfs) {
		sb->s_max_blocks = totalram_pages() / 2;
		sb->s_max_inodes = totalram_pages() / 2;
	}
	r = ramfs_parse_options(sb, data);
	if (r)
		goto fail;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | ri->mode, 0);
	r = -ENOMEM;
	if (IS_ERR(root))
		goto fail;
	root->i_uid = ri->uid;
	root->i_gid = ri->gid;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		goto fail;
	}
	return sb;
fail:
	kfree(ri);
	kfree(sb);
	return ERR_PTR(r);
}

static struct super_block *ramfs_mount(struct file_system_type *t, int flags,
				       const char *dev, char *data)
{
	return ramfs_fill_super(t, RAMFS_MAGIC, flags, data);
}

static struct super_block *tmpfs_mount(struct file_system_type *t, int flags,
				       const char *dev, char *data)
{
	return ramfs_fill_super(t, TMPFS_MAGIC, flags, data);
}

/* rootfs: a tmpfs whose root is 0755, as Linux's initramfs root. */
static struct super_block *rootfs_mount(struct file_system_type *t, int flags,
					const char *dev, char *data)
{
	char opts[] = "mode=755";

	return ramfs_fill_super(t, TMPFS_MAGIC, flags, opts);
}

static struct file_system_type rootfs_type = {
	.name = "rootfs", .mount = rootfs_mount, .fs_flags = FS_NOMOUNT,
};
static struct file_system_type ramfs_type = { .name = "ramfs", .mount = ramfs_mount };
static struct file_system_type tmpfs_type = { .name = "tmpfs", .mount = tmpfs_mount };

int ramfs_init(void)
{
	register_filesystem(&rootfs_type);
	register_filesystem(&ramfs_type);
	register_filesystem(&tmpfs_type);
	return 0;
}

/* ------------------------------------------------------------ shared memory */

static struct vfsmount *shm_mnt;

/*
 * MAP_SHARED|MAP_ANONYMOUS memory is one object however many processes
 * map it, as Linux's shmem_zero_setup makes it: an unnamed file of size
 * bytes in an internal tmpfs, whose pages every mapping of it shares,
 * also the pages first touched after a fork.  /proc/PID/maps names it
 * "/dev/zero (deleted)", as Linux does.
 */
struct file *shmem_zero_file(unsigned long size)
{
	struct super_block *sb = shm_mnt->mnt_sb;
	struct inode *inode = ramfs_get_inode(sb, NULL, S_IFREG | 0600, 0);
	struct dentry *d;
	struct file *f;

	if (IS_ERR(inode))
		return NULL;
	inode->i_nlink = 0;
	inode->i_size = size;
	d = d_alloc_pseudo(sb, "/dev/zero (deleted)");
	if (!d) {
		iput(inode);
		return NULL;
	}
	d_instantiate(d, inode);
	f = alloc_file(d, O_RDWR, &ramfs_file_ops);
	if (!f) {
		dput(d);
		return NULL;
	}
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return f;
}

void shmem_init(void)
{
	shm_mnt = kern_mount(&tmpfs_type, NULL);
	if (!shm_mnt)
		panic("VFS: cannot mount the internal tmpfs");
	/* Internal: its files have no mount of their own. */
	shm_mnt->mnt_sb->s_mnt = NULL;
}
