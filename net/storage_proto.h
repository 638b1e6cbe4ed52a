/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The storage component's side of the storage protocol (RPC_ST_* in
 * include/uapi/lego/rpc_proto.h): storage_dispatch() decodes and checks
 * a request, calls the file system behind struct storage_ops, and
 * encodes the reply.  The same code serves in a Lego storage kernel
 * (net/storage_server.c, the VFS behind it) and in tools/lego-storaged (a
 * host directory behind it), so both speak exactly one protocol.
 *
 * Every op returns 0 or a positive count on success and a negative Linux
 * errno on failure.  node is the requesting node: a backend may keep
 * handles per node.  Paths arrive checked: not empty, no NUL, shorter
 * than RPC_PATH_MAX; what they mean (and that none leaves the served
 * tree) is the backend's business.
 */
#ifndef _NET_STORAGE_PROTO_H
#define _NET_STORAGE_PROTO_H

#include <uapi/lego/rpc_proto.h>

/* getdents: one entry; nonzero when the reply is full (stop). */
typedef int (*storage_emit_t)(void *arg, rpc_u64 ino, rpc_u64 next_cookie, rpc_u8 type,
			      const char *name);

struct storage_ops {
	long (*open)(void *ctx, int node, const char *path, rpc_u32 flags, rpc_u32 mode,
		     rpc_u64 *handle, struct rpc_stat *st);
	long (*close)(void *ctx, int node, rpc_u64 handle);
	/* off NULL: at the handle's position, which moves. */
	long (*read)(void *ctx, int node, rpc_u64 handle, void *buf, rpc_u32 count,
		     const rpc_u64 *off);
	long (*write)(void *ctx, int node, rpc_u64 handle, const void *buf, rpc_u32 count,
		      const rpc_u64 *off);
	long (*lseek)(void *ctx, int node, rpc_u64 handle, rpc_s64 off, rpc_u32 whence,
		      rpc_u64 *pos);
	long (*stat)(void *ctx, int node, const char *path, int nofollow, struct rpc_stat *st);
	long (*fstat)(void *ctx, int node, rpc_u64 handle, struct rpc_stat *st);
	/*
	 * Entries from cookie on, through emit, until emit says stop (then
	 * returns 1: more are left) or the directory ends (returns 0).
	 */
	long (*getdents)(void *ctx, int node, rpc_u64 handle, rpc_u64 cookie,
			 storage_emit_t emit, void *arg);
	long (*mkdir)(void *ctx, int node, const char *path, rpc_u32 mode);
	long (*unlink)(void *ctx, int node, const char *path);
	long (*rmdir)(void *ctx, int node, const char *path);
	long (*rename)(void *ctx, int node, const char *from, const char *to);
	long (*fsync)(void *ctx, int node, rpc_u64 handle, int datasync);
	long (*truncate)(void *ctx, int node, const char *path, rpc_u64 len);
	long (*ftruncate)(void *ctx, int node, rpc_u64 handle, rpc_u64 len);
};

/*
 * Serves one request of type from node: req (len bytes) in, the reply
 * into resp (cap bytes, at least RPC_ST_IO_MAX + 64).  Returns the
 * reply's length or a negative errno (-EINVAL: malformed request,
 * -ENOSYS: not a storage type).
 */
long storage_dispatch(const struct storage_ops *ops, void *ctx, int node, rpc_u16 type,
		      const void *req, size_t len, void *resp, size_t cap);

/*
 * A handle names (server incarnation, slot generation, slot): a handle of
 * an earlier run of the server is -ESTALE, one of a slot closed and used
 * again -EBADF.  The incarnation is random at the server's start.
 */
static inline rpc_u64 storage_handle(rpc_u32 instance, rpc_u16 gen, rpc_u16 slot)
{
	return (rpc_u64)instance << 32 | (rpc_u64)gen << 16 | slot;
}

/* h's slot and generation, or -ESTALE when h is of another incarnation. */
static inline long storage_handle_parse(rpc_u64 h, rpc_u32 instance, rpc_u16 *gen,
					rpc_u32 *slot)
{
	if ((rpc_u32)(h >> 32) != instance)
		return -ESTALE;
	*gen = (rpc_u16)(h >> 16);
	*slot = h & 0xffff;
	return 0;
}

/* Whether type is one of the RPC_ST_* requests. */
static inline int storage_type(rpc_u16 type)
{
	return type >= RPC_ST_OPEN && type <= RPC_ST_FTRUNCATE;
}

#ifdef __KERNEL__
/* The file system a storage kernel serves (net/storage_server.c). */
void storage_set_backend(const struct storage_ops *ops, void *ctx);
#endif

#endif /* _NET_STORAGE_PROTO_H */
