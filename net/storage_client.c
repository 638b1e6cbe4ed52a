// SPDX-License-Identifier: GPL-2.0
/* Requests and replies of the storage and memory protocols: storage_client.h. */
#include "storage_client.h"

void st_enc_open(struct rpc_wbuf *w, const char *path, rpc_u32 flags, rpc_u32 mode)
{
	rpc_w32(w, flags);
	rpc_w32(w, mode);
	rpc_wstr(w, path);
}

int st_dec_open(const void *reply, long len, rpc_u64 *handle, struct rpc_stat *st)
{
	if (len < 8)
		return -EIO;
	*handle = rpc_get64((const rpc_u8 *)reply);
	return st_dec_stat((const rpc_u8 *)reply + 8, len - 8, st);
}

void st_enc_handle(struct rpc_wbuf *w, rpc_u64 handle)
{
	rpc_w64(w, handle);
}

void st_enc_read(struct rpc_wbuf *w, rpc_u64 handle, const rpc_u64 *off, rpc_u32 count)
{
	rpc_w64(w, handle);
	if (off)
		rpc_w64(w, *off);
	rpc_w32(w, count);
}

void st_enc_write(struct rpc_wbuf *w, rpc_u64 handle, const rpc_u64 *off, const void *data,
		  rpc_u32 count)
{
	rpc_w64(w, handle);
	if (off)
		rpc_w64(w, *off);
	rpc_wbytes(w, data, count);
}

long st_dec_written(const void *reply, long len)
{
	return len == 4 ? (long)rpc_get32((const rpc_u8 *)reply) : -EIO;
}

void st_enc_lseek(struct rpc_wbuf *w, rpc_u64 handle, rpc_s64 off, rpc_u32 whence)
{
	rpc_w64(w, handle);
	rpc_w64(w, (rpc_u64)off);
	rpc_w32(w, whence);
}

int st_dec_u64(const void *reply, long len, rpc_u64 *v)
{
	if (len != 8)
		return -EIO;
	*v = rpc_get64((const rpc_u8 *)reply);
	return 0;
}

void st_enc_stat(struct rpc_wbuf *w, const char *path, int nofollow)
{
	rpc_w32(w, nofollow ? RPC_ST_NOFOLLOW : 0);
	rpc_wstr(w, path);
}

int st_dec_stat(const void *reply, long len, struct rpc_stat *st)
{
	struct rpc_rbuf r;

	if (len < 0)
		return -EIO;
	rpc_rinit(&r, reply, len);
	rpc_rstat(&r, st);
	return rpc_rdone(&r) ? 0 : -EIO;
}

void st_enc_getdents(struct rpc_wbuf *w, rpc_u64 handle, rpc_u64 cookie, rpc_u32 max)
{
	rpc_w64(w, handle);
	rpc_w64(w, cookie);
	rpc_w32(w, max);
}

int st_dec_dirent(struct rpc_rbuf *r, rpc_u64 *ino, rpc_u64 *cookie, rpc_u8 *type,
		  char *name, rpc_u32 cap)
{
	if (!r->err && r->off == r->len)
		return 0;
	*ino = rpc_r64(r);
	*cookie = rpc_r64(r);
	*type = rpc_r8(r);
	rpc_rstr(r, name, cap);
	return r->err ? -EIO : 1;
}

void st_enc_mkdir(struct rpc_wbuf *w, const char *path, rpc_u32 mode)
{
	rpc_w32(w, mode);
	rpc_wstr(w, path);
}

void st_enc_path(struct rpc_wbuf *w, const char *path)
{
	rpc_wstr(w, path);
}

void st_enc_rename(struct rpc_wbuf *w, const char *from, const char *to)
{
	rpc_w32(w, 0);
	rpc_wstr(w, from);
	rpc_wstr(w, to);
}

void st_enc_fsync(struct rpc_wbuf *w, rpc_u64 handle, int datasync)
{
	rpc_w64(w, handle);
	rpc_w32(w, !!datasync);
}

void st_enc_truncate(struct rpc_wbuf *w, const char *path, rpc_u64 len)
{
	rpc_w64(w, len);
	rpc_wstr(w, path);
}

void st_enc_ftruncate(struct rpc_wbuf *w, rpc_u64 handle, rpc_u64 len)
{
	rpc_w64(w, handle);
	rpc_w64(w, len);
}

void mem_enc(struct rpc_wbuf *w, rpc_u16 type, rpc_u32 pid, rpc_u64 addr, rpc_u64 len,
	     const void *page)
{
	if (type == RPC_MEM_STAT)
		return;
	rpc_w32(w, pid);
	switch (type) {
	case RPC_MEM_ALLOC:
		rpc_w64(w, len);
		break;
	case RPC_MEM_FREE:
		rpc_w64(w, addr);
		rpc_w64(w, len);
		break;
	case RPC_MEM_WRITE:
		rpc_w64(w, addr);
		rpc_wbytes(w, page, RPC_MEM_PAGE_SIZE);
		break;
	case RPC_MEM_READ:
		rpc_w64(w, addr);
		break;
	}
}
