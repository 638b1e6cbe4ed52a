// SPDX-License-Identifier: GPL-2.0
/*
 * The Lego storage component's file system: struct storage_ops over
 * Lego's own VFS, so that a kernel booted with lego.role=storage serves
 * its RAM file system -- the directory lego.storage_root= (default "/")
 * -- over the storage protocol, as tools/lego-storaged serves a host
 * directory (Documentation/lego/disaggregation.rst).
 *
 * Nothing outside the served directory is reachable, by the same rules
 * as lego-storaged's: a request's paths are resolved with that directory
 * as the root.  The handler runs with an fs_struct whose root and working
 * directory are the served directory, as after chroot(2) and chdir("/"):
 * "/" and every relative path start there, ".." never climbs above it
 * (the walk stops at its root), and an absolute symlink target starts
 * again there; a relative one is followed where it is, and ".." in it
 * stops at the root too.  At most 40 links are followed (ELOOP).  The
 * final component is acted on by the VFS's own calls, which follow no
 * link where lego-storaged's *at() calls follow none (unlink, rename,
 * mkdir, stat with RPC_ST_NOFOLLOW, O_NOFOLLOW).  The umask is 0: modes
 * arrive with the caller's umask applied.  Only regular files and
 * directories are opened: a FIFO or a device is EACCES (opening one could
 * block or act), a symlink under O_NOFOLLOW ELOOP.
 *
 * A magic link of /proc names its target directly, with no path to
 * check: a served directory with /proc mounted below it could be left
 * through /proc/N/cwd.  The default root "/" has nothing above it; a
 * storage component runs no user program, so only its own kernel threads
 * have /proc entries.
 *
 * Handles are slots of one table for all nodes (storage_handle()): each
 * holds an open struct file and the node that opened it.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/spinlock.h>
#include <lego/random.h>
#include <lego/cmdline.h>
#include <lego/mm.h>
#include <uapi/lego/fcntl.h>
#include "storage_proto.h"
#include "lego_services.h"

#define MAX_HANDLES	1024

_Static_assert((O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK |
		O_DSYNC | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC |
		O_SYNC) == RPC_ST_OPEN_FLAGS, "RPC_ST_OPEN_FLAGS are Linux's O_* values");

static struct fs_struct *served_fs;	/* root and cwd: the served directory */
static u32 instance;			/* in every handle: stale after a reboot */

static DEFINE_SPINLOCK(handles_lock);
static struct handle {
	struct file *f;			/* NULL: free */
	int node;
	u16 gen;
} handles[MAX_HANDLES];

/* Runs the rest of a request inside the served directory (see above). */
static struct fs_struct *enter_root(void)
{
	return task_ptr_xchg((void **)&current->fs, served_fs);
}

static void leave_root(struct fs_struct *old)
{
	task_ptr_xchg((void **)&current->fs, old);
}

/* The open file of node's handle h, referenced (fput it), or an error;
 * its slot in *slotp unless slotp is NULL. */
static struct file *handle_get(int node, rpc_u64 h, rpc_u32 *slotp)
{
	struct handle *hd;
	struct file *f = ERR_PTR(-EBADF);
	rpc_u32 slot;
	rpc_u16 gen;
	long r = storage_handle_parse(h, instance, &gen, &slot);

	if (r)
		return ERR_PTR(r);
	if (slot >= MAX_HANDLES)
		return f;
	spin_lock(&handles_lock);
	hd = &handles[slot];
	if (hd->f && hd->gen == gen && hd->node == node)
		f = get_file(hd->f);
	spin_unlock(&handles_lock);
	if (slotp)
		*slotp = slot;
	return f;
}

static void to_rpc_stat(struct dentry *d, struct rpc_stat *r)
{
	struct kstat k;

	vfs_getattr(d, &k);
	r->ino = k.ino;
	r->mode = k.mode;
	r->nlink = k.nlink;
	r->uid = k.uid;
	r->gid = k.gid;
	r->rdev = k.rdev;
	r->size = k.size;
	r->blocks = k.blocks;
	r->blksize = k.blksize;
	r->atime = k.atime.tv_sec;
	r->atime_ns = k.atime.tv_nsec;
	r->mtime = k.mtime.tv_sec;
	r->mtime_ns = k.mtime.tv_nsec;
	r->ctime = k.ctime.tv_sec;
	r->ctime_ns = k.ctime.tv_nsec;
}

/* ------------------------------------------------------------ by path */

/* What path names, its final symlink followed unless nofollow. */
static long lookup(const char *path, int nofollow, struct dentry **d)
{
	return kern_path(path, nofollow ? 0 : LOOKUP_FOLLOW, d);
}

/*
 * A file or directory, and nothing else: a FIFO could block the open, a
 * device act.  Checked before the open and again after (a name swapped
 * in between is opened O_NONBLOCK, which no regular file or directory
 * minds).
 */
static long openable(umode_t mode)
{
	if (S_ISREG(mode) || S_ISDIR(mode))
		return 0;
	return S_ISLNK(mode) ? -ELOOP : -EACCES;
}

static long sv_open(void *ctx, int node, const char *path, rpc_u32 flags, rpc_u32 mode,
		    rpc_u64 *handle, struct rpc_stat *st)
{
	struct fs_struct *old = enter_root();
	struct dentry *d;
	struct file *f;
	long r;
	int i;

	r = lookup(path, flags & O_NOFOLLOW, &d);
	if (!r) {
		r = openable(d->d_inode->i_mode);
		path_put(d);
	} else if (r == -ENOENT && (flags & O_CREAT)) {
		r = 0;
	}
	f = r ? ERR_PTR(r) : file_open_mode(path, (flags | O_NONBLOCK) & ~O_CLOEXEC, mode);
	leave_root(old);
	if (IS_ERR(f))
		return PTR_ERR(f);
	r = openable(f->inode->i_mode);
	if (r)
		goto fail;
	/* Non-blocking was ours, not the caller's. */
	if (!(flags & O_NONBLOCK))
		f->f_flags &= ~O_NONBLOCK;
	spin_lock(&handles_lock);
	for (i = 0; i < MAX_HANDLES && handles[i].f; i++)
		;
	if (i < MAX_HANDLES) {
		handles[i].f = f;
		handles[i].node = node;
		*handle = storage_handle(instance, ++handles[i].gen, i);
	}
	spin_unlock(&handles_lock);
	r = -EMFILE;
	if (i == MAX_HANDLES)
		goto fail;
	to_rpc_stat(f->dentry, st);
	return 0;
fail:
	fput(f);
	return r;
}

static long sv_stat(void *ctx, int node, const char *path, int nofollow,
		    struct rpc_stat *st)
{
	struct fs_struct *old = enter_root();
	struct dentry *d;
	long r = lookup(path, nofollow, &d);

	if (!r) {
		to_rpc_stat(d, st);
		path_put(d);
	}
	leave_root(old);
	return r;
}

static long sv_mkdir(void *ctx, int node, const char *path, rpc_u32 mode)
{
	struct fs_struct *old = enter_root();
	long r = kern_mkdir(path, mode & RPC_ST_MODE_BITS);

	leave_root(old);
	return r;
}

static long sv_remove(const char *path, bool dir)
{
	struct fs_struct *old = enter_root();
	long r = kern_unlink(path, dir);

	leave_root(old);
	return r;
}

static long sv_unlink(void *ctx, int node, const char *path)
{
	return sv_remove(path, false);
}

static long sv_rmdir(void *ctx, int node, const char *path)
{
	return sv_remove(path, true);
}

static long sv_rename(void *ctx, int node, const char *from, const char *to)
{
	struct fs_struct *old = enter_root();
	long r = kern_rename(from, to);

	leave_root(old);
	return r;
}

static long sv_truncate(void *ctx, int node, const char *path, rpc_u64 len)
{
	struct fs_struct *old = enter_root();
	struct dentry *d;
	long r = lookup(path, 0, &d);

	if (!r) {
		r = truncate_dentry(d, len);
		path_put(d);
	}
	leave_root(old);
	return r;
}

/* ------------------------------------------------------------ by handle */

static long sv_close(void *ctx, int node, rpc_u64 h)
{
	rpc_u32 slot;
	struct file *f = handle_get(node, h, &slot), *table_ref = NULL;

	if (IS_ERR(f))
		return PTR_ERR(f);
	/* The table's reference goes, unless a close raced us to it. */
	spin_lock(&handles_lock);
	if (handles[slot].f == f) {
		table_ref = f;
		handles[slot].f = NULL;
	}
	spin_unlock(&handles_lock);
	if (table_ref)
		fput(table_ref);
	fput(f);
	return table_ref ? 0 : -EBADF;
}

/* read/write at *off, or at the file's position (off NULL) */
static long rw(int node, rpc_u64 h, void *buf, rpc_u32 count, const rpc_u64 *off,
	       bool write)
{
	struct file *f = handle_get(node, h, NULL);
	struct iov_iter it;
	loff_t pos = off ? (loff_t)*off : 0;
	long r;

	if (IS_ERR(f))
		return PTR_ERR(f);
	iov_iter_kvec(&it, buf, count);
	r = -ESPIPE;
	if (!off || (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		r = write ? vfs_iter_write(f, &it, off ? &pos : NULL) :
			    vfs_iter_read(f, &it, off ? &pos : NULL);
	fput(f);
	return r;
}

static long sv_read(void *ctx, int node, rpc_u64 h, void *buf, rpc_u32 count,
		    const rpc_u64 *off)
{
	return rw(node, h, buf, count, off, false);
}

static long sv_write(void *ctx, int node, rpc_u64 h, const void *buf, rpc_u32 count,
		     const rpc_u64 *off)
{
	return rw(node, h, (void *)buf, count, off, true);
}

/* expr's value for f, node's open file of handle h (referenced while expr
 * runs), or the handle's error. */
#define WITH_FILE(node, h, f, expr) ({				\
	struct file *f = handle_get(node, h, NULL);		\
	long __r = IS_ERR(f) ? PTR_ERR(f) : (long)(expr);	\
	if (!IS_ERR(f))						\
		fput(f);					\
	__r;							\
})

static long sv_lseek(void *ctx, int node, rpc_u64 h, rpc_s64 off, rpc_u32 whence,
		     rpc_u64 *pos)
{
	long r = WITH_FILE(node, h, f, vfs_llseek(f, off, whence));

	if (r >= 0)
		*pos = r;
	return r < 0 ? r : 0;
}

static long sv_fstat(void *ctx, int node, rpc_u64 h, struct rpc_stat *st)
{
	return WITH_FILE(node, h, f, (to_rpc_stat(f->dentry, st), 0));
}

/*
 * getdents: the VFS tells an entry's own position, and the protocol wants
 * where the next call resumes after it, which is the position of the
 * entry that follows (or the end).  So each entry is held back until the
 * next one arrives, as getdents64's d_off is filled in.
 */
struct dirent_pending {
	struct dir_context ctx;
	storage_emit_t emit;
	void *arg;
	bool have, full;
	u64 ino;
	u8 type;
	char name[NAME_MAX + 1];
};

static bool emit_pending(struct dirent_pending *p, loff_t next)
{
	if (p->have && p->emit(p->arg, p->ino, next, p->type, p->name)) {
		p->full = true;
		return false;
	}
	p->have = false;
	return true;
}

static bool hold_dirent(struct dir_context *c, const char *name, int len, u64 ino,
			unsigned int type)
{
	struct dirent_pending *p = container_of(c, struct dirent_pending, ctx);

	if (!emit_pending(p, c->pos))
		return false;
	if (len > NAME_MAX)
		return true;		/* no such name on Linux: skipped */
	memcpy(p->name, name, len);
	p->name[len] = 0;
	p->ino = ino;
	p->type = type;
	p->have = true;
	return true;
}

static long sv_getdents(void *ctx, int node, rpc_u64 h, rpc_u64 cookie,
			storage_emit_t emit, void *arg)
{
	struct file *f = handle_get(node, h, NULL);
	struct dirent_pending *p;
	long r;

	if (IS_ERR(f))
		return PTR_ERR(f);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	r = -ENOMEM;
	if (p) {
		p->ctx.actor = hold_dirent;
		p->ctx.pos = cookie;
		p->emit = emit;
		p->arg = arg;
		mutex_lock(&f->f_pos_lock);
		r = iterate_dir(f, &p->ctx);
		mutex_unlock(&f->f_pos_lock);
		/* 1: entries are left (one did not fit), 0: the end. */
		if (!r)
			r = p->full || !emit_pending(p, p->ctx.pos);
		kfree(p);
	}
	fput(f);
	return r;
}

static long sv_fsync(void *ctx, int node, rpc_u64 h, int datasync)
{
	return WITH_FILE(node, h, f, vfs_fsync(f, datasync));
}

static long sv_ftruncate(void *ctx, int node, rpc_u64 h, rpc_u64 len)
{
	return WITH_FILE(node, h, f, ftruncate_file(f, len));
}

static const struct storage_ops vfs_ops = {
	.open = sv_open, .close = sv_close, .read = sv_read, .write = sv_write,
	.lseek = sv_lseek, .stat = sv_stat, .fstat = sv_fstat,
	.getdents = sv_getdents, .mkdir = sv_mkdir, .unlink = sv_unlink,
	.rmdir = sv_rmdir, .rename = sv_rename, .fsync = sv_fsync,
	.truncate = sv_truncate, .ftruncate = sv_ftruncate,
};

/*
 * lego.storage_root=DIR (default "/"): the directory served, which must
 * exist when the component starts.  Without it the component answers
 * every storage request with -ENOSYS, as one with no backend.
 */
void storage_vfs_init(const char *cmdline)
{
	char root[256] = "/";
	struct dentry *d;
	int r;

	cmdline_get(cmdline, "lego.storage_root", root, sizeof(root));
	r = kern_path(root, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &d);
	if (r) {
		pr_err("storage: lego.storage_root=%s: error %d, serving nothing\n", root, r);
		return;
	}
	served_fs = alloc_fs();
	if (!served_fs) {
		path_put(d);
		pr_err("storage: out of memory, serving nothing\n");
		return;
	}
	set_fs_root(served_fs, path_get(d));
	set_fs_pwd(served_fs, d);
	served_fs->umask = 0;
	instance = (u32)get_random_u64() | 1;
	storage_set_backend(&vfs_ops, NULL);
	pr_info("storage: serving %s\n", root);
}
