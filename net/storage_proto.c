// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding, checking and answering storage requests (storage_proto.h),
 * shared by the Lego storage kernel and tools/lego-storaged.  A request is
 * taken apart with the bounded reader of rpc_proto.h and must be consumed
 * exactly; every count and offset is checked against the protocol's
 * limits before the backend sees it.
 */
#include "storage_proto.h"
#include "rpc_core.h"

#define MAX_OFF		0x7fffffffffffffffull	/* file offsets are signed */
#define NAME_MAX_LEN	255

struct dirent_sink {
	struct rpc_wbuf *w;
	size_t max;
};

static int emit_dirent(void *arg, rpc_u64 ino, rpc_u64 next_cookie, rpc_u8 type,
		       const char *name)
{
	struct dirent_sink *s = (struct dirent_sink *)arg;
	size_t n = strlen(name);

	if (!n || n > NAME_MAX_LEN)
		return 0;		/* no such name on Linux: skipped */
	if (s->w->len + RPC_DIRENT_FIXED + n > s->max)
		return 1;
	rpc_w64(s->w, ino);
	rpc_w64(s->w, next_cookie);
	rpc_w8(s->w, type);
	rpc_w16(s->w, (rpc_u16)n);
	rpc_wbytes(s->w, name, n);
	return 0;
}

static int has_path(rpc_u16 type)
{
	switch (type) {
	case RPC_ST_OPEN: case RPC_ST_STAT: case RPC_ST_MKDIR: case RPC_ST_UNLINK:
	case RPC_ST_RMDIR: case RPC_ST_RENAME: case RPC_ST_TRUNCATE:
		return 1;
	}
	return 0;
}

static long do_io(const struct storage_ops *ops, void *ctx, int node, rpc_u16 type,
		  struct rpc_rbuf *r, struct rpc_wbuf *w)
{
	int positional = type == RPC_ST_PREAD || type == RPC_ST_PWRITE;
	rpc_u64 h = rpc_r64(r), off = positional ? rpc_r64(r) : 0;
	const rpc_u8 *data;
	rpc_u32 count;
	size_t n;
	long ret;

	if (positional && off > MAX_OFF)
		r->err = 1;
	if (type == RPC_ST_READ || type == RPC_ST_PREAD) {
		count = rpc_r32(r);
		if (!rpc_rdone(r) || count > RPC_ST_IO_MAX || count > w->cap)
			return -EINVAL;
		ret = ops->read(ctx, node, h, w->p, count, positional ? &off : NULL);
		if (ret > (long)count)
			return -EIO;
		if (ret > 0)
			w->len = ret;
		return ret;
	}
	data = rpc_rrest(r, &n);
	if (r->err || n > RPC_ST_IO_MAX)
		return -EINVAL;
	ret = ops->write(ctx, node, h, data, (rpc_u32)n, positional ? &off : NULL);
	if (ret > (long)n)
		return -EIO;
	if (ret >= 0)
		rpc_w32(w, (rpc_u32)ret);
	return ret;
}

static long do_request(const struct storage_ops *ops, void *ctx, int node, rpc_u16 type,
		       struct rpc_rbuf *r, struct rpc_wbuf *w, char *p1, char *p2)
{
	struct dirent_sink sink;
	struct rpc_stat st;
	rpc_u64 h, v;
	rpc_u32 a, b;
	long ret;

	memset(&st, 0, sizeof(st));
	switch (type) {
	case RPC_ST_OPEN:
		a = rpc_r32(r);
		b = rpc_r32(r);
		rpc_rstr(r, p1, RPC_PATH_MAX);
		if (!rpc_rdone(r) || (a & ~RPC_ST_OPEN_FLAGS) || (b & ~RPC_ST_MODE_BITS))
			return -EINVAL;
		ret = ops->open(ctx, node, p1, a, b, &h, &st);
		if (ret >= 0) {
			rpc_w64(w, h);
			rpc_wstat(w, &st);
		}
		return ret;
	case RPC_ST_CLOSE:
		h = rpc_r64(r);
		return rpc_rdone(r) ? ops->close(ctx, node, h) : -EINVAL;
	case RPC_ST_READ: case RPC_ST_PREAD: case RPC_ST_WRITE: case RPC_ST_PWRITE:
		return do_io(ops, ctx, node, type, r, w);
	case RPC_ST_LSEEK:
		h = rpc_r64(r);
		v = rpc_r64(r);
		a = rpc_r32(r);
		if (!rpc_rdone(r))
			return -EINVAL;
		ret = ops->lseek(ctx, node, h, (rpc_s64)v, a, &v);
		if (ret >= 0)
			rpc_w64(w, v);
		return ret;
	case RPC_ST_STAT:
		a = rpc_r32(r);
		rpc_rstr(r, p1, RPC_PATH_MAX);
		if (!rpc_rdone(r) || (a & ~RPC_ST_NOFOLLOW))
			return -EINVAL;
		ret = ops->stat(ctx, node, p1, a & RPC_ST_NOFOLLOW, &st);
		if (ret >= 0)
			rpc_wstat(w, &st);
		return ret;
	case RPC_ST_FSTAT:
		h = rpc_r64(r);
		if (!rpc_rdone(r))
			return -EINVAL;
		ret = ops->fstat(ctx, node, h, &st);
		if (ret >= 0)
			rpc_wstat(w, &st);
		return ret;
	case RPC_ST_GETDENTS:
		h = rpc_r64(r);
		v = rpc_r64(r);
		a = rpc_r32(r);
		if (!rpc_rdone(r))
			return -EINVAL;
		sink.w = w;
		sink.max = a < w->cap ? a : w->cap;
		ret = ops->getdents(ctx, node, h, v, emit_dirent, &sink);
		/* Entries left, but not even one fits: as Linux's getdents64. */
		if (ret > 0 && !w->len)
			return -EINVAL;
		return ret < 0 ? ret : 0;
	case RPC_ST_MKDIR:
		a = rpc_r32(r);
		rpc_rstr(r, p1, RPC_PATH_MAX);
		return rpc_rdone(r) ? ops->mkdir(ctx, node, p1, a) : -EINVAL;
	case RPC_ST_UNLINK: case RPC_ST_RMDIR:
		rpc_rstr(r, p1, RPC_PATH_MAX);
		if (!rpc_rdone(r))
			return -EINVAL;
		return type == RPC_ST_UNLINK ? ops->unlink(ctx, node, p1) :
		       ops->rmdir(ctx, node, p1);
	case RPC_ST_RENAME:
		a = rpc_r32(r);
		rpc_rstr(r, p1, RPC_PATH_MAX);
		rpc_rstr(r, p2, RPC_PATH_MAX);
		if (!rpc_rdone(r) || a)
			return -EINVAL;
		return ops->rename(ctx, node, p1, p2);
	case RPC_ST_FSYNC:
		h = rpc_r64(r);
		a = rpc_r32(r);
		if (!rpc_rdone(r) || a > 1)
			return -EINVAL;
		return ops->fsync(ctx, node, h, a);
	case RPC_ST_TRUNCATE:
		v = rpc_r64(r);
		rpc_rstr(r, p1, RPC_PATH_MAX);
		if (!rpc_rdone(r) || v > MAX_OFF)
			return -EINVAL;
		return ops->truncate(ctx, node, p1, v);
	case RPC_ST_FTRUNCATE:
		h = rpc_r64(r);
		v = rpc_r64(r);
		if (!rpc_rdone(r) || v > MAX_OFF)
			return -EINVAL;
		return ops->ftruncate(ctx, node, h, v);
	}
	return -ENOSYS;
}

long storage_dispatch(const struct storage_ops *ops, void *ctx, int node, rpc_u16 type,
		      const void *req, size_t len, void *resp, size_t cap)
{
	struct rpc_rbuf r;
	struct rpc_wbuf w;
	char *paths = NULL;
	long ret;

	if (!storage_type(type) || !ops)
		return -ENOSYS;
	if (has_path(type)) {
		paths = (char *)rpc_core_alloc(2 * RPC_PATH_MAX);
		if (!paths)
			return -ENOMEM;
	}
	rpc_rinit(&r, req, len);
	rpc_winit(&w, resp, cap);
	ret = do_request(ops, ctx, node, type, &r, &w, paths,
			 paths ? paths + RPC_PATH_MAX : NULL);
	if (paths)
		rpc_core_free(paths);
	if (ret < 0)
		return ret;
	return w.err ? -EIO : (long)w.len;
}
