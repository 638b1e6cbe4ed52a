// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 and getdents, and the i386 getdents and readdir: directory
 * listings.  A directory's position
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
#include <lego/compat.h>
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

/*
 * The record layouts: getdents64's linux_dirent64, getdents' linux_dirent
 * (d_type in the record's last byte), and the i386 getdents' one, with a
 * 32-bit d_ino and d_off (Linux's compat_linux_dirent: 10 bytes before
 * the name, records 4-byte aligned).
 */
enum dirent_kind { DIRENT64, DIRENT_OLD, DIRENT_COMPAT };

struct compat_linux_dirent {
	u32 d_ino;
	u32 d_off;
	unsigned short d_reclen;
	char d_name[];
};
_Static_assert(offsetof(struct compat_linux_dirent, d_name) == 10, "compat_linux_dirent");

static size_t dirent_reclen(enum dirent_kind kind, int len)
{
	switch (kind) {
	case DIRENT64:
		return ALIGN(offsetof(struct linux_dirent64, d_name) + len + 1, sizeof(u64));
	case DIRENT_OLD:
		return ALIGN(offsetof(struct linux_dirent, d_name) + len + 2, sizeof(long));
	default:
		return ALIGN(offsetof(struct compat_linux_dirent, d_name) + len + 2, sizeof(u32));
	}
}

/* The d_off of the record at rec: where the listing resumes after it. */
static void set_d_off(enum dirent_kind kind, char *rec, loff_t pos)
{
	if (kind == DIRENT64)
		((struct linux_dirent64 *)rec)->d_off = pos;
	else if (kind == DIRENT_OLD)
		((struct linux_dirent *)rec)->d_off = pos;
	else
		((struct compat_linux_dirent *)rec)->d_off = pos;
}

/* Records gather in a kernel buffer, copied out at the end. */
struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	size_t prev;			/* the last record, for its d_off */
	bool any;			/* a record was written */
	enum dirent_kind kind;
	int error;			/* why the first record was not written */
};

static bool fill_dirent(struct dir_context *c, const char *name, int len,
			u64 ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(c, struct getdents_ctx, ctx);
	size_t reclen = dirent_reclen(g->kind, len);
	char *rec = g->buf + g->used;

	/* An i386 d_ino is 32 bits: a larger inode number is EOVERFLOW. */
	if (g->kind == DIRENT_COMPAT && (u32)ino != ino) {
		g->error = -EOVERFLOW;
		return false;
	}
	if (g->used + reclen > g->size) {
		g->error = -EINVAL;	/* only if it is the first */
		return false;
	}
	/* The previous record resumes at this one. */
	if (g->any)
		set_d_off(g->kind, g->buf + g->prev, c->pos);
	memset(rec, 0, reclen);
	if (g->kind == DIRENT64) {
		struct linux_dirent64 *d = (void *)rec;

		d->d_ino = ino;
		d->d_reclen = reclen;
		d->d_type = type;
		memcpy(d->d_name, name, len);
	} else if (g->kind == DIRENT_OLD) {
		struct linux_dirent *d = (void *)rec;

		d->d_ino = ino;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, len);
		rec[reclen - 1] = type;
	} else {
		struct compat_linux_dirent *d = (void *)rec;

		d->d_ino = ino;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, len);
		rec[reclen - 1] = type;
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
 * directory (ENOENT), a buffer too small for one entry (EINVAL) or, for
 * the i386 call, a first inode number past 32 bits (EOVERFLOW; after
 * other entries the listing just stops there), and the copy (EFAULT, the
 * position then unchanged).
 */
static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count,
			enum dirent_kind kind)
{
	struct getdents_ctx g = { .ctx.actor = fill_dirent, .kind = kind };
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
		set_d_off(kind, g.buf + g.prev, g.ctx.pos);
		if (copy_to_user(dirent, g.buf, g.used)) {
			r = -EFAULT;
		} else {
			f->f_pos = g.ctx.pos;
			r = g.used;
		}
	} else if (!r) {
		r = g.error;		/* 0 at the end of the directory */
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
	return do_getdents(fd, dirent, count, DIRENT64);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, DIRENT_OLD);
}

#ifdef CONFIG_IA32_EMULATION
COMPAT_SYSCALL_DEFINE3(getdents, unsigned int, fd, struct compat_linux_dirent __user *, dirent,
		       unsigned int, count)
{
	return do_getdents(fd, dirent, count, DIRENT_COMPAT);
}

/*
 * readdir (89), the i386 old_readdir: one entry a call, whatever count
 * says, into struct compat_old_linux_dirent (d_ino, d_offset -- the
 * entry's own position --, d_namlen, the name and a NUL).  1 for an
 * entry, 0 at the end; EOVERFLOW for an inode number past 32 bits, EFAULT
 * with the position unchanged.
 */
struct compat_old_linux_dirent {
	u32 d_ino;
	u32 d_offset;
	unsigned short d_namlen;
	char d_name[NAME_MAX + 1];
};
_Static_assert(offsetof(struct compat_old_linux_dirent, d_name) == 10, "compat_old_linux_dirent");

struct readdir_ctx {
	struct dir_context ctx;
	struct compat_old_linux_dirent d;
	int result;			/* 1: d holds an entry */
};

static bool fill_one_dirent(struct dir_context *c, const char *name, int len,
			    u64 ino, unsigned int type)
{
	struct readdir_ctx *rd = container_of(c, struct readdir_ctx, ctx);

	if (rd->result)
		return false;
	if (len > NAME_MAX) {		/* Linux's verify_dirent_name */
		rd->result = -EIO;
		return false;
	}
	if ((u32)ino != ino) {
		rd->result = -EOVERFLOW;
		return false;
	}
	rd->d.d_ino = ino;
	rd->d.d_offset = c->pos;
	rd->d.d_namlen = len;
	memcpy(rd->d.d_name, name, len);
	rd->d.d_name[len] = 0;
	rd->result = 1;
	return true;
}

COMPAT_SYSCALL_DEFINE3(readdir, unsigned int, fd, struct compat_old_linux_dirent __user *, dirent,
		       unsigned int, count)
{
	struct readdir_ctx rd = { .ctx.actor = fill_one_dirent };
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	mutex_lock(&f->f_pos_lock);
	rd.ctx.pos = f->f_pos;
	r = iterate_dir(f, &rd.ctx);
	if (!r && rd.result == 1) {
		if (copy_to_user(dirent, &rd.d, offsetof(struct compat_old_linux_dirent, d_name) +
				 rd.d.d_namlen + 1))
			r = -EFAULT;
		else
			f->f_pos = rd.ctx.pos;
	}
	if (!r)
		r = rd.result;
	mutex_unlock(&f->f_pos_lock);
	fput(f);
	return r;
}
#endif
