// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 and getdents: directory listings.  A directory's position
 * is 0 for ".", 1 for "..", then each entry's own d_offset, which never
 * changes while the name exists, so a listing that goes on while names
 * are removed (rm -r) neither skips nor repeats the others (POSIX leaves
 * only added and removed names unspecified).
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/dirent.h>
#include <asm/uaccess.h>
#include "internal.h"

unsigned char fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* "." and ".." at positions 0 and 1; false when the buffer is full. */
bool dir_emit_dots(struct file *f, struct dir_context *ctx)
{
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, f->inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, f->dentry->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/* The entries of a dentry-cache directory (the RAM file systems). */
int dcache_readdir(struct file *f, struct dir_context *ctx)
{
	struct dentry *dir = f->dentry, *d;
	bool ok;

	spin_lock(&dcache_lock);
	ok = dir_emit_dots(f, ctx);
	if (ok) {
		list_for_each_entry(d, &dir->d_subdirs, d_child) {
			if (d->d_offset < ctx->pos)
				continue;
			ctx->pos = d->d_offset;
			if (!dir_emit(ctx, d->d_name, d->d_len, d->d_inode->i_ino,
				      fs_umode_to_dtype(d->d_inode->i_mode)))
				break;
			ctx->pos = d->d_offset + 1;
		}
	}
	spin_unlock(&dcache_lock);
	return 0;
}

/* Records gather in a kernel buffer, copied out at the end. */
struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	size_t prev;			/* the last record, for its d_off */
	bool any;			/* a record was written */
	bool full;			/* a record did not fit */
	bool old;			/* getdents, not getdents64 */
};

static bool fill_dirent(struct dir_context *c, const char *name, int len,
			u64 ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(c, struct getdents_ctx, ctx);
	size_t reclen;

	if (g->old)
		reclen = ALIGN(offsetof(struct linux_dirent, d_name) + len + 2, sizeof(long));
	else
		reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + len + 1, sizeof(u64));
	if (g->used + reclen > g->size) {
		g->full = true;
		return false;
	}
	/* The previous record resumes at this one. */
	if (g->any) {
		if (g->old)
			((struct linux_dirent *)(g->buf + g->prev))->d_off = c->pos;
		else
			((struct linux_dirent64 *)(g->buf + g->prev))->d_off = c->pos;
	}
	memset(g->buf + g->used, 0, reclen);
	if (g->old) {
		struct linux_dirent *d = (void *)(g->buf + g->used);

		d->d_ino = ino;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, len);
		g->buf[g->used + reclen - 1] = type;
	} else {
		struct linux_dirent64 *d = (void *)(g->buf + g->used);

		d->d_ino = ino;
		d->d_reclen = reclen;
		d->d_type = type;
		memcpy(d->d_name, name, len);
	}
	g->prev = g->used;
	g->used += reclen;
	g->any = true;
	return true;
}

/*
 * The entries of directory f from ctx->pos on, through ctx's actor, with
 * f's f_pos_lock held by the caller: not a directory (no iterate method)
 * is ENOTDIR, a removed one ENOENT; the access time is touched, as
 * Linux's iterate_dir does.
 */
int iterate_dir(struct file *f, struct dir_context *ctx)
{
	int r;

	if (!f->f_op || !f->f_op->iterate)
		return -ENOTDIR;
	if (!f->inode->i_nlink)
		return -ENOENT;
	r = f->f_op->iterate(f, ctx);
	if (r >= 0)
		inode_touch_atime(f);
	return r;
}

/*
 * Linux's order: the descriptor (EBADF), a directory (ENOTDIR), a removed
 * directory (ENOENT), a buffer too small for one entry (EINVAL), and the
 * copy (EFAULT, the position then unchanged).
 */
static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count, bool old)
{
	struct getdents_ctx g = { .ctx.actor = fill_dirent, .old = old };
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	g.size = min_t(size_t, count, 64 * 1024);
	g.buf = kmalloc(g.size + 1, GFP_KERNEL);
	r = -ENOMEM;
	if (!g.buf)
		goto out;
	mutex_lock(&f->f_pos_lock);
	g.ctx.pos = f->f_pos;
	r = iterate_dir(f, &g.ctx);
	if (!r && g.any) {
		if (old)
			((struct linux_dirent *)(g.buf + g.prev))->d_off = g.ctx.pos;
		else
			((struct linux_dirent64 *)(g.buf + g.prev))->d_off = g.ctx.pos;
		if (copy_to_user(dirent, g.buf, g.used)) {
			r = -EFAULT;
		} else {
			f->f_pos = g.ctx.pos;
			r = g.used;
		}
	} else if (!r && g.full) {
		r = -EINVAL;		/* the first entry does not fit */
	}
	mutex_unlock(&f->f_pos_lock);
	kfree(g.buf);
out:
	fput(f);
	return r;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, false);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, true);
}
