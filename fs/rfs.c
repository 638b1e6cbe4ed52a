// SPDX-License-Identifier: GPL-2.0
/*
 * rfs: the remote file system.  A processor with a storage peer mounts
 * the storage component's tree (lego.storage_mount=, /mnt/storage by
 * default); every inode and file operation is a storage RPC
 * (RPC_ST_* of include/uapi/lego/rpc_proto.h, encoded by
 * net/storage_client.c):
 *
 *   lookup          RPC_ST_STAT of the name's path (links followed by the
 *                   server, which keeps every path inside its tree)
 *   open            RPC_ST_OPEN; the handle lives in the struct file
 *   read, write     RPC_ST_PREAD/PWRITE at the file's own position;
 *                   O_APPEND through RPC_ST_WRITE, so the server appends
 *   getdents64      RPC_ST_GETDENTS, the server's cookie as f_pos
 *   stat family     the lookup's attributes, RPC_ST_FSTAT for open files
 *   create, mkdir, unlink, rmdir, rename, fsync, truncate: theirs
 *
 * Nothing is cached: names are looked up again on every walk (dentries
 * are never linked into their parent, as /proc's), inodes are made anew
 * by each lookup, and file data has no page cache (FS_NO_PAGECACHE), so
 * what the server's other clients change is seen at the next call.
 * Documentation/lego/disaggregation.rst ("The remote file system") has
 * the semantics, the errors and the limits.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/kmem.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/cmdline.h>
#include <lego/rpc.h>
#include <uapi/lego/statfs.h>
#include "../net/storage_client.h"
#include "internal.h"

/* statfs's f_type for rfs ("LRFS"). */
#define RFS_MAGIC	0x4c524653

/* A request with a path: room for the path, a second one (rename) and
 * the fixed fields. */
#define RFS_MSG_MAX	(2 * RPC_PATH_MAX + 64)

struct rfs_sb {
	int node;			/* the storage component */
};

/* What an inode knows of its file on the server. */
struct rfs_inode {
	rpc_u64 handle;			/* an open handle to FSTAT (0: none) */
	rpc_u64 created;			/* from create(), for the open that follows */
};

struct rfs_file {
	rpc_u64 handle;
};

static inline struct rfs_inode *RFS_I(struct inode *inode)
{
	return inode->i_private;
}

static const struct inode_operations rfs_dir_iops, rfs_file_iops;
static const struct file_operations rfs_dir_fops, rfs_file_fops;

/* ------------------------------------------------------------ calls */

/*
 * One storage call.  A server gone (the RPC layer's silence bound, about
 * 4 s, or its 10 s deadline) or unreachable is an I/O error of this file
 * system, as for an NFS soft mount.  A signal ends the wait: a call that
 * may run twice (a lookup, a read, a write at an offset) is restarted
 * under SA_RESTART (-ERESTARTSYS, as Linux's NFS), one that may not (a
 * name made or removed, an append) is -EINTR -- it may have run.  Kernel
 * callers (execve, page faults) wait through signals but a fatal one:
 * they cannot stop halfway.
 */
static long rfs_call(struct super_block *sb, u16 type, const struct rpc_wbuf *w,
		     void *resp, size_t cap, bool killable)
{
	int node = ((struct rfs_sb *)sb->s_fs_info)->node;
	long r;

	if (w->err)
		return -ENAMETOOLONG;	/* the only thing that overflows */
	if (killable)
		r = rpc_call_killable(node, type, w->p, w->len, resp, cap, 0);
	else
		r = rpc_call(node, type, w->p, w->len, resp, cap, 0);
	switch (r) {
	case -EINTR:
		if (type == RPC_ST_MKDIR || type == RPC_ST_UNLINK || type == RPC_ST_RMDIR ||
		    type == RPC_ST_RENAME || type == RPC_ST_WRITE)
			return -EINTR;
		return -ERESTARTSYS;
	case -ETIMEDOUT:
	case -EHOSTUNREACH:
	case -ENETDOWN:
	case -EMSGSIZE:
	case -ENOSYS:			/* a storage node without a backend */
		return -EIO;
	}
	return r;
}

/* Path of d below the mount's root, as the server names it ("/a/b"). */
static int rfs_path(struct dentry *d, char *buf)
{
	int r = d_path_from(d, d->d_sb->s_root, buf, RPC_PATH_MAX, false);

	return r < 0 ? r : 0;
}

/* A request buffer for a path call: the message, then one or two paths. */
struct rfs_req {
	struct rpc_wbuf w;
	char *path, *path2;
	u8 *msg;
};

static int rfs_req_start(struct rfs_req *q, struct dentry *d, struct dentry *d2)
{
	int r;

	q->msg = kmalloc(RFS_MSG_MAX + 2 * RPC_PATH_MAX, GFP_KERNEL);
	if (!q->msg)
		return -ENOMEM;
	q->path = (char *)q->msg + RFS_MSG_MAX;
	q->path2 = q->path + RPC_PATH_MAX;
	rpc_winit(&q->w, q->msg, RFS_MSG_MAX);
	r = rfs_path(d, q->path);
	if (!r && d2)
		r = rfs_path(d2, q->path2);
	if (r)
		kfree(q->msg);
	return r;
}

/* A call on a path whose reply is empty (mkdir, unlink, rmdir, ...). */
static long rfs_req_call(struct super_block *sb, struct rfs_req *q, u16 type)
{
	long r = rfs_call(sb, type, &q->w, NULL, 0, false);

	kfree(q->msg);
	return r < 0 ? r : 0;
}

static long rfs_handle_call(struct super_block *sb, u16 type, u64 h, void *resp, size_t cap)
{
	u8 msg[16];
	struct rpc_wbuf w;

	rpc_winit(&w, msg, sizeof(msg));
	st_enc_handle(&w, h);
	return rfs_call(sb, type, &w, resp, cap, false);
}

static void rfs_close_handle(struct super_block *sb, u64 h)
{
	/* A server gone or restarted has closed it already. */
	rfs_handle_call(sb, RPC_ST_CLOSE, h, NULL, 0);
}

/* ------------------------------------------------------------ inodes */

static struct timespec64 rfs_time(rpc_s64 s, rpc_u32 ns)
{
	return (struct timespec64){ .tv_sec = s, .tv_nsec = ns };
}

/* The inode's attributes from the server's st (i_lock: one snapshot for
 * vfs_getattr). */
static void rfs_set_attrs(struct inode *inode, const struct rpc_stat *st)
{
	spin_lock(&inode->i_lock);
	inode->i_ino = st->ino;
	inode->i_mode = st->mode;
	inode->i_nlink = st->nlink;
	inode->i_uid = st->uid;
	inode->i_gid = st->gid;
	WRITE_ONCE(inode->i_size, st->size);
	/* stat reports 4 KiB blocks (vfs_getattr): the server's 512-byte
	 * count rounded up to them. */
	inode->i_blocks = DIV_ROUND_UP(st->blocks, PAGE_SIZE / 512);
	inode->i_atime = rfs_time(st->atime, st->atime_ns);
	inode->i_mtime = rfs_time(st->mtime, st->mtime_ns);
	inode->i_ctime = rfs_time(st->ctime, st->ctime_ns);
	spin_unlock(&inode->i_lock);
}

/* A new inode for what the server described in st. */
static struct inode *rfs_inode(struct super_block *sb, const struct rpc_stat *st)
{
	struct inode *inode = new_inode(sb, st->mode);
	struct rfs_inode *ri = kzalloc(sizeof(*ri), GFP_KERNEL);

	if (!inode || !ri) {
		kfree(ri);
		if (inode)
			iput(inode);
		return NULL;
	}
	inode->i_private = ri;
	rfs_set_attrs(inode, st);
	if (S_ISDIR(st->mode)) {
		inode->i_op = &rfs_dir_iops;
		inode->i_fop = &rfs_dir_fops;
	} else if (S_ISREG(st->mode)) {
		inode->i_op = &rfs_file_iops;
		inode->i_fop = &rfs_file_fops;
	} else {
		/* FIFOs and device nodes are this machine's, as on NFS;
		 * a link is followed by the server and never seen here. */
		inode->i_op = &rfs_file_iops;
		init_special_inode(inode, st->mode, new_decode_dev((u32)st->rdev));
	}
	return inode;
}

static void rfs_evict_inode(struct inode *inode)
{
	struct rfs_inode *ri = RFS_I(inode);

	if (!ri)
		return;
	if (ri->created)		/* created but never opened (mknod) */
		rfs_close_handle(inode->i_sb, ri->created);
	kfree(ri);
	inode->i_private = NULL;
}

/* d names something on the server: a live name, never linked. */
static void rfs_instantiate(struct dentry *d, struct inode *inode)
{
	d_instantiate(d, inode);
	spin_lock(&dcache_lock);
	d->d_flags |= DCACHE_REMOTE;
	spin_unlock(&dcache_lock);
}

/* d was removed or renamed away on the server. */
static void rfs_forget(struct dentry *d)
{
	spin_lock(&dcache_lock);
	d->d_flags &= ~DCACHE_REMOTE;
	spin_unlock(&dcache_lock);
}

/* RPC_ST_STAT of d's path, links followed by the server. */
static long rfs_stat(struct dentry *d, struct rpc_stat *st)
{
	struct rfs_req q;
	u8 reply[RPC_STAT_LEN];
	long r = rfs_req_start(&q, d, NULL);

	if (r)
		return r;
	st_enc_stat(&q.w, q.path, 0);
	r = rfs_call(d->d_sb, RPC_ST_STAT, &q.w, reply, sizeof(reply), false);
	kfree(q.msg);
	if (r < 0)
		return r;
	return st_dec_stat(reply, r, st);
}

static int rfs_lookup(struct inode *dir, struct dentry *d)
{
	struct rpc_stat st;
	struct inode *inode;
	long r = rfs_stat(d, &st);

	if (r == -ENOENT)
		return 0;		/* negative: free to create */
	if (r < 0)
		return r;
	inode = rfs_inode(dir->i_sb, &st);
	if (!inode)
		return -ENOMEM;
	rfs_instantiate(d, inode);
	return 0;
}

/*
 * A regular file: RPC_ST_OPEN with O_CREAT|O_EXCL, read-write whatever its
 * mode (as open(2) gives its creator), the handle kept for the open that
 * follows.  Nothing else can be made on the server (EPERM, as Linux's
 * vfs_mknod on a file system without mknod).
 */
static int rfs_create(struct inode *dir, struct dentry *d, umode_t mode, dev_t rdev)
{
	struct rpc_stat st;
	struct rfs_req q;
	struct inode *inode;
	u8 reply[8 + RPC_STAT_LEN];
	rpc_u64 h;
	long r;

	if (!S_ISREG(mode))
		return -EPERM;
	r = rfs_req_start(&q, d, NULL);
	if (r)
		return r;
	st_enc_open(&q.w, q.path, O_RDWR | O_CREAT | O_EXCL | O_LARGEFILE, mode & 07777);
	r = rfs_call(dir->i_sb, RPC_ST_OPEN, &q.w, reply, sizeof(reply), false);
	kfree(q.msg);
	if (r == -ERESTARTSYS)
		return -EINTR;		/* the file may exist now: no retry */
	if (r < 0)
		return r;
	if (st_dec_open(reply, r, &h, &st))
		return -EIO;
	inode = rfs_inode(dir->i_sb, &st);
	if (!inode) {
		rfs_close_handle(dir->i_sb, h);
		return -ENOMEM;
	}
	RFS_I(inode)->created = h;
	rfs_instantiate(d, inode);
	return 0;
}

static int rfs_mkdir(struct inode *dir, struct dentry *d, umode_t mode)
{
	struct rfs_req q;
	int r = rfs_req_start(&q, d, NULL);

	if (r)
		return r;
	st_enc_mkdir(&q.w, q.path, mode & 07777);
	return rfs_req_call(dir->i_sb, &q, RPC_ST_MKDIR);
}

static int rfs_remove(struct inode *dir, struct dentry *d, u16 type)
{
	struct rfs_req q;
	int r = rfs_req_start(&q, d, NULL);

	if (r)
		return r;
	st_enc_path(&q.w, q.path);
	r = rfs_req_call(dir->i_sb, &q, type);
	if (!r)
		rfs_forget(d);
	return r;
}

static int rfs_unlink(struct inode *dir, struct dentry *d)
{
	return rfs_remove(dir, d, RPC_ST_UNLINK);
}

static int rfs_rmdir(struct inode *dir, struct dentry *d)
{
	return rfs_remove(dir, d, RPC_ST_RMDIR);
}

/*
 * rename(2): the server's rename(2).  RENAME_NOREPLACE was checked by the
 * VFS against the server's answer to the lookup (a name created between
 * the two is replaced); the protocol has no exchange or whiteout.
 */
static int rfs_rename(struct inode *odir, struct dentry *od, struct inode *ndir,
		      struct dentry *nd, unsigned int flags)
{
	struct rfs_req q;
	int r;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	r = rfs_req_start(&q, od, nd);
	if (r)
		return r;
	st_enc_rename(&q.w, q.path, q.path2);
	r = rfs_req_call(odir->i_sb, &q, RPC_ST_RENAME);
	if (!r)
		rfs_forget(od);
	return r;
}

/*
 * Only the size can change (RPC_ST_TRUNCATE; the server sets the times
 * that go with it).  The protocol carries no chmod, chown or utimes:
 * EPERM, as a file system that cannot store them.
 */
static int rfs_setattr(struct dentry *d, const struct iattr *attr)
{
	struct rfs_req q;
	int r;

	if (!(attr->ia_valid & ATTR_SIZE))
		return (attr->ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID | ATTR_ATIME |
					  ATTR_MTIME)) ? -EPERM : 0;
	if (!S_ISREG(d->d_inode->i_mode))
		return -EINVAL;
	r = rfs_req_start(&q, d, NULL);
	if (r)
		return r;
	st_enc_truncate(&q.w, q.path, attr->ia_size);
	r = rfs_req_call(d->d_sb, &q, RPC_ST_TRUNCATE);
	if (!r)
		WRITE_ONCE(d->d_inode->i_size, attr->ia_size);
	return r;
}

/* The inode's attributes again from the server, through an open handle. */
static int rfs_refresh(struct inode *inode, u64 h)
{
	struct rpc_stat st;
	u8 reply[RPC_STAT_LEN];
	long r = rfs_handle_call(inode->i_sb, RPC_ST_FSTAT, h, reply, sizeof(reply));

	if (r < 0)
		return r;
	if (st_dec_stat(reply, r, &st))
		return -EIO;
	rfs_set_attrs(inode, &st);
	return 0;
}

/*
 * stat: an inode of an open file asks the server again (its size may
 * have changed since the open), and so does the mount's root, which no
 * lookup makes; any other is as fresh as the lookup that just made it.
 */
static int rfs_getattr(struct dentry *d)
{
	u64 h = READ_ONCE(RFS_I(d->d_inode)->handle);
	struct rpc_stat st;
	long r;

	if (h)
		return rfs_refresh(d->d_inode, h);
	if (d != d->d_sb->s_root)
		return 0;
	r = rfs_stat(d, &st);
	if (r)
		return r;
	rfs_set_attrs(d->d_inode, &st);
	return 0;
}

static const struct inode_operations rfs_dir_iops = {
	.lookup = rfs_lookup,
	.create = rfs_create,
	.mkdir = rfs_mkdir,
	.unlink = rfs_unlink,
	.rmdir = rfs_rmdir,
	.rename = rfs_rename,
	.setattr = rfs_setattr,
	.getattr = rfs_getattr,
};

static const struct inode_operations rfs_file_iops = {
	.setattr = rfs_setattr,
	.getattr = rfs_getattr,
};

/* ------------------------------------------------------------ open files */

static inline u64 rfs_fh(struct file *f)
{
	return ((struct rfs_file *)f->private_data)->handle;
}

/* The open flags the server acts on; the VFS did O_CREAT, O_EXCL, O_TRUNC. */
#define RFS_OPEN_FLAGS	(O_ACCMODE | O_APPEND | O_DIRECTORY | O_DSYNC | __O_SYNC | O_NOATIME)

static int rfs_open(struct inode *inode, struct file *f)
{
	struct rfs_inode *ri = RFS_I(inode);
	struct rfs_file *rf = kzalloc(sizeof(*rf), GFP_KERNEL);
	struct rpc_stat st;
	struct rfs_req q;
	u8 reply[8 + RPC_STAT_LEN];
	unsigned int flags = (f->f_flags & RFS_OPEN_FLAGS) | O_LARGEFILE;
	long r;

	if (!rf)
		return -ENOMEM;
	/* The handle create() opened read-write serves any open but an
	 * appending one (whose writes the server must append). */
	if (ri->created && !(f->f_flags & O_APPEND)) {
		rf->handle = ri->created;
		ri->created = 0;
		goto done;
	}
	if ((flags & O_ACCMODE) == O_ACCMODE)	/* ioctl-only opens */
		flags &= ~O_ACCMODE;
	r = rfs_req_start(&q, f->dentry, NULL);
	if (r)
		goto fail;
	st_enc_open(&q.w, q.path, flags, 0);
	r = rfs_call(inode->i_sb, RPC_ST_OPEN, &q.w, reply, sizeof(reply), false);
	kfree(q.msg);
	if (r >= 0 && st_dec_open(reply, r, &rf->handle, &st))
		r = -EIO;
	if (r < 0)
		goto fail;
	rfs_set_attrs(inode, &st);
done:
	f->private_data = rf;
	if (!ri->handle)
		WRITE_ONCE(ri->handle, rf->handle);
	return 0;
fail:
	kfree(rf);
	return r;
}

static int rfs_release(struct file *f)
{
	struct rfs_inode *ri = RFS_I(f->inode);
	u64 h = rfs_fh(f);

	if (READ_ONCE(ri->handle) == h)
		WRITE_ONCE(ri->handle, 0);
	rfs_close_handle(f->inode->i_sb, h);
	kfree(f->private_data);
	return 0;
}

/* The buffer for the chunks of an I/O of count bytes: at most
 * RPC_ST_IO_MAX of data, and a request's fixed fields. */
static size_t rfs_io_buf(size_t count)
{
	return min_t(size_t, count, RPC_ST_IO_MAX) + 32;
}

/*
 * read(2) and friends: PREAD at *pos, chunk by chunk, into the caller's
 * buffer.  A buffer that faults before any byte arrived is EFAULT with
 * the position unchanged; a signal or error after some bytes ends the
 * read short, as Linux's.
 */
static ssize_t rfs_read_iter(struct file *f, struct iov_iter *to, loff_t *pos)
{
	bool kernel = to->type == ITER_KVEC;
	u8 *buf = kmalloc(rfs_io_buf(to->count), GFP_KERNEL);
	ssize_t done = 0;
	long r = 0;

	if (!buf)
		return -ENOMEM;
	while (to->count) {
		u32 n = min_t(size_t, to->count, RPC_ST_IO_MAX);
		rpc_u64 off = *pos;
		struct rpc_wbuf w;
		u8 msg[24];
		size_t c;

		rpc_winit(&w, msg, sizeof(msg));
		st_enc_read(&w, rfs_fh(f), &off, n);
		r = rfs_call(f->inode->i_sb, RPC_ST_PREAD, &w, buf, n, kernel);
		if (r <= 0)
			break;
		c = copy_to_iter(buf, r, to);
		done += c;
		*pos += c;
		if (c < (size_t)r) {
			r = -EFAULT;
			break;
		}
		if ((u32)r < n)
			break;		/* the end of the file */
	}
	kfree(buf);
	return done ? done : r;
}

/*
 * write(2) and friends: the caller's bytes copied in first (so a bad
 * buffer sends nothing: EFAULT, the file unchanged), then PWRITE at *pos;
 * an appending write is RPC_ST_WRITE on the O_APPEND handle, and the
 * position is the server's afterwards.  RWF_APPEND on a handle not opened
 * O_APPEND writes at the size FSTAT reports (not atomic with other
 * clients: the protocol has no append-at-end for it).
 */
static ssize_t rfs_write_iter(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = f->inode;
	struct super_block *sb = inode->i_sb;
	bool append = write_appends(f, from), server_append = append && (f->f_flags & O_APPEND);
	bool kernel = from->type == ITER_KVEC;
	size_t total = from->count;
	u8 *buf;
	ssize_t done = 0;
	long r;

	if (!total)
		return 0;
	if (append && !server_append) {
		r = rfs_refresh(inode, rfs_fh(f));
		if (r)
			return r;
		*pos = READ_ONCE(inode->i_size);
	}
	r = generic_write_limit(server_append ? READ_ONCE(inode->i_size) : *pos, &total);
	if (r)
		return r;
	buf = kmalloc(rfs_io_buf(total), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	mutex_lock(&inode->i_mutex);
	while (done < (ssize_t)total) {
		u32 n = min_t(size_t, total - done, RPC_ST_IO_MAX);
		rpc_u64 off = *pos;
		struct rpc_wbuf w;
		u8 reply[4];
		size_t hdr;

		rpc_winit(&w, buf, rfs_io_buf(total));
		rpc_w64(&w, rfs_fh(f));
		if (!server_append)
			rpc_w64(&w, off);
		hdr = w.len;
		n = copy_from_iter(buf + hdr, n, from);
		if (!n) {
			r = -EFAULT;
			break;
		}
		w.len = hdr + n;	/* the data, as st_enc_write puts it */
		r = rfs_call(sb, server_append ? RPC_ST_WRITE : RPC_ST_PWRITE, &w, reply,
			     sizeof(reply), kernel);
		if (r >= 0)
			r = st_dec_written(reply, r);
		if (r <= 0)
			break;
		done += r;
		*pos += r;
		if ((u32)r < n)
			break;
	}
	if (done && server_append) {
		/* Where the server's appends left the handle. */
		u8 msg[24], reply[8];
		struct rpc_wbuf w;
		rpc_u64 p;

		rpc_winit(&w, msg, sizeof(msg));
		st_enc_lseek(&w, rfs_fh(f), 0, SEEK_CUR);
		if (rfs_call(sb, RPC_ST_LSEEK, &w, reply, sizeof(reply), kernel) == 8 &&
		    !st_dec_u64(reply, 8, &p))
			*pos = p;
	}
	spin_lock(&inode->i_lock);
	if (*pos > inode->i_size)
		WRITE_ONCE(inode->i_size, *pos);
	spin_unlock(&inode->i_lock);
	mutex_unlock(&inode->i_mutex);
	kfree(buf);
	return done ? done : r;
}

/* SEEK_END, SEEK_DATA and SEEK_HOLE need the size the server has now. */
static loff_t rfs_llseek(struct file *f, loff_t off, int whence)
{
	if (whence == SEEK_END || whence == SEEK_DATA || whence == SEEK_HOLE) {
		int r = rfs_refresh(f->inode, rfs_fh(f));

		if (r)
			return r;
	}
	return generic_file_llseek(f, off, whence);
}

static int rfs_fsync(struct file *f, int datasync)
{
	u8 msg[16];
	struct rpc_wbuf w;
	long r;

	rpc_winit(&w, msg, sizeof(msg));
	st_enc_fsync(&w, rfs_fh(f), datasync);
	r = rfs_call(f->inode->i_sb, RPC_ST_FSYNC, &w, NULL, 0, false);
	return r < 0 ? r : 0;
}

/* The most a GETDENTS reply brings at once. */
#define RFS_DIR_BUF	8192

/*
 * getdents64: the server's entries from the cookie ctx->pos on, each
 * given to dir_emit with its ino and type; ctx->pos becomes the entry's
 * cookie (where the next call resumes) once it was taken.
 */
static int rfs_iterate(struct file *f, struct dir_context *ctx)
{
	u8 *buf = kmalloc(RFS_DIR_BUF + NAME_MAX + 1, GFP_KERNEL);
	char *name = (char *)buf + RFS_DIR_BUF;
	long r;

	if (!buf)
		return -ENOMEM;
	for (;;) {
		struct rpc_wbuf w;
		struct rpc_rbuf rb;
		u8 msg[24];
		int got = 0, e;

		rpc_winit(&w, msg, sizeof(msg));
		st_enc_getdents(&w, rfs_fh(f), ctx->pos, RFS_DIR_BUF);
		r = rfs_call(f->inode->i_sb, RPC_ST_GETDENTS, &w, buf, RFS_DIR_BUF, false);
		if (r <= 0)
			break;		/* the end, or an error */
		rpc_rinit(&rb, buf, r);
		for (;;) {
			rpc_u64 ino, cookie;
			rpc_u8 type;

			e = st_dec_dirent(&rb, &ino, &cookie, &type, name, NAME_MAX + 1);
			if (e <= 0)
				break;
			if (!dir_emit(ctx, name, strlen(name), ino, type)) {
				kfree(buf);
				return 0;
			}
			ctx->pos = cookie;
			got++;
		}
		r = e;
		if (r < 0 || !got)
			break;
	}
	kfree(buf);
	return r < 0 ? r : 0;
}

static const struct file_operations rfs_file_fops = {
	.open = rfs_open,
	.read_iter = rfs_read_iter,
	.write_iter = rfs_write_iter,
	.llseek = rfs_llseek,
	.fsync = rfs_fsync,
	.release = rfs_release,
};

static const struct file_operations rfs_dir_fops = {
	.open = rfs_open,
	.read_iter = generic_read_dir,
	.iterate = rfs_iterate,
	.llseek = generic_file_llseek,
	.fsync = rfs_fsync,
	.release = rfs_release,
};

/* ------------------------------------------------------------ mounting */

static void rfs_statfs(struct super_block *sb, struct kstatfs *st)
{
	/* The protocol has no statfs: a size-less file system. */
	simple_statfs(sb, st);
}

static void rfs_show_options(struct super_block *sb, char *buf, size_t size)
{
	scnprintf(buf, size, ",node=%d", ((struct rfs_sb *)sb->s_fs_info)->node);
}

static const struct super_operations rfs_sops = {
	.statfs = rfs_statfs,
	.evict_inode = rfs_evict_inode,
	.show_options = rfs_show_options,
};

/* "node=N" as the options, else the storage peer of lego.peers=. */
static int rfs_node(const char *data)
{
	const char *p = data;
	int node = 0;

	if (!p || !*p)
		return lego_storage_node();
	if (strncmp(p, "node=", 5))
		return -EINVAL;
	for (p += 5; *p >= '0' && *p <= '9' && node < RPC_MAX_NODES; p++)
		node = node * 10 + *p - '0';
	return !*p && node > 0 && node < RPC_MAX_NODES ? node : -EINVAL;
}

/*
 * A mount of the storage component's root.  Its attributes come from the
 * server; a server not (yet) answering leaves a plain directory there
 * whose every call fails with EIO until it does, so a boot never waits.
 */
static struct super_block *rfs_mount(struct file_system_type *t, int flags,
				     const char *dev_name, char *data)
{
	struct rpc_stat st = { .ino = 1, .mode = S_IFDIR | 0755, .nlink = 2 };
	int node = rfs_node(data);
	struct super_block *sb;
	struct rfs_sb *rs;
	struct inode *root;
	struct rpc_wbuf w;
	u8 msg[16], reply[RPC_STAT_LEN];
	long r;

	if (node < 0)
		return ERR_PTR(node);
	if (!node)
		return ERR_PTR(-ENXIO);	/* no storage component */
	sb = sget(t, RFS_MAGIC, &rfs_sops, flags);
	rs = kzalloc(sizeof(*rs), GFP_KERNEL);
	if (!sb || !rs) {
		kfree(sb);
		kfree(rs);
		return ERR_PTR(-ENOMEM);
	}
	rs->node = node;
	sb->s_fs_info = rs;
	rpc_winit(&w, msg, sizeof(msg));
	st_enc_stat(&w, "/", 0);
	r = rpc_call(node, RPC_ST_STAT, w.p, w.len, reply, sizeof(reply), 2 * NSEC_PER_SEC);
	if (r < 0 || st_dec_stat(reply, r, &st) || !S_ISDIR(st.mode))
		pr_warn("rfs: storage node %d did not answer (%ld): its calls fail until it does\n",
			node, r);
	root = rfs_inode(sb, &st);
	sb->s_root = root ? d_alloc_root(root) : NULL;
	if (!sb->s_root) {
		if (root)
			iput(root);
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

static struct file_system_type rfs_type = {
	.name = "rfs",
	.fs_flags = FS_NO_PAGECACHE,
	.mount = rfs_mount,
};

/*
 * At boot, before init: a processor whose lego.peers= names a storage
 * node mounts it at lego.storage_mount= (default /mnt/storage, made if
 * missing; "none": not at all).
 */
void rfs_init(const char *cmdline)
{
	char where[256] = "/mnt/storage", dev[16];
	int node = lego_storage_node(), r;
	char *p;

	if (register_filesystem(&rfs_type) || !node ||
	    lego_current_role() != LEGO_ROLE_PROCESSOR)
		return;
	cmdline_get(cmdline, "lego.storage_mount", where, sizeof(where));
	if (!strcmp(where, "none"))
		return;
	if (where[0] != '/') {
		pr_warn("rfs: lego.storage_mount=%s is not an absolute path\n", where);
		return;
	}
	for (p = where + 1; (p = strchr(p, '/')); *p++ = '/') {
		*p = 0;
		kern_mkdir(where, 0755);
	}
	kern_mkdir(where, 0755);
	snprintf(dev, sizeof(dev), "storage:%d", node);
	r = do_mount_at(dev, where, "rfs", 0, NULL);
	if (r)
		pr_warn("rfs: cannot mount storage node %d at %s (%d)\n", node, where, r);
	else
		pr_info("rfs: storage node %d mounted at %s\n", node, where);
}
