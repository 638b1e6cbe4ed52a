/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The requesting side of the storage and memory protocols: encoders of
 * requests and decoders of replies (include/uapi/lego/rpc_proto.h has the
 * layouts).  Pure code shared by the kernel -- where the stage-2 remote
 * file system and remote memory will pass the result to rpc_call() --
 * and the user-space tests that drive rpc_call() today.
 *
 * An encoder appends to w (check w->err once at the end); a decoder
 * returns 0, or -EIO when the reply is not what the request asks for.
 * An optional offset (off NULL) selects READ/WRITE at the handle's
 * position rather than PREAD/PWRITE: st_io_type() says which type to send.
 */
#ifndef _NET_STORAGE_CLIENT_H
#define _NET_STORAGE_CLIENT_H

#include <uapi/lego/rpc_proto.h>

void st_enc_open(struct rpc_wbuf *w, const char *path, rpc_u32 flags, rpc_u32 mode);
int st_dec_open(const void *reply, long len, rpc_u64 *handle, struct rpc_stat *st);
/* CLOSE and FSTAT: the handle alone. */
void st_enc_handle(struct rpc_wbuf *w, rpc_u64 handle);
void st_enc_read(struct rpc_wbuf *w, rpc_u64 handle, const rpc_u64 *off, rpc_u32 count);
void st_enc_write(struct rpc_wbuf *w, rpc_u64 handle, const rpc_u64 *off, const void *data,
		  rpc_u32 count);
/* The bytes a WRITE reply says were written, or -EIO. */
long st_dec_written(const void *reply, long len);
static inline rpc_u16 st_io_type(int write, const rpc_u64 *off)
{
	return write ? (off ? RPC_ST_PWRITE : RPC_ST_WRITE) : (off ? RPC_ST_PREAD : RPC_ST_READ);
}
void st_enc_lseek(struct rpc_wbuf *w, rpc_u64 handle, rpc_s64 off, rpc_u32 whence);
int st_dec_u64(const void *reply, long len, rpc_u64 *v);
void st_enc_stat(struct rpc_wbuf *w, const char *path, int nofollow);
int st_dec_stat(const void *reply, long len, struct rpc_stat *st);
void st_enc_getdents(struct rpc_wbuf *w, rpc_u64 handle, rpc_u64 cookie, rpc_u32 max);
/*
 * The next entry of a GETDENTS reply read with r: 1 and the entry, 0 at
 * the end of the reply, -EIO for a malformed one.  name holds cap bytes.
 */
int st_dec_dirent(struct rpc_rbuf *r, rpc_u64 *ino, rpc_u64 *cookie, rpc_u8 *type,
		  char *name, rpc_u32 cap);
void st_enc_mkdir(struct rpc_wbuf *w, const char *path, rpc_u32 mode);
/* UNLINK and RMDIR: the path alone. */
void st_enc_path(struct rpc_wbuf *w, const char *path);
void st_enc_rename(struct rpc_wbuf *w, const char *from, const char *to);
void st_enc_fsync(struct rpc_wbuf *w, rpc_u64 handle, int datasync);
void st_enc_truncate(struct rpc_wbuf *w, const char *path, rpc_u64 len);
void st_enc_ftruncate(struct rpc_wbuf *w, rpc_u64 handle, rpc_u64 len);

/* Memory: pid, and an address and length or a page as each type needs. */
void mem_enc(struct rpc_wbuf *w, rpc_u16 type, rpc_u32 pid, rpc_u64 addr, rpc_u64 len,
	     const void *page);

#endif /* _NET_STORAGE_CLIENT_H */
