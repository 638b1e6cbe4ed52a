// SPDX-License-Identifier: GPL-2.0
/*
 * The storage component's services (lego.role=storage): every RPC_ST_*
 * request goes through storage_dispatch() to the file system set with
 * storage_set_backend(), the VFS's (net/storage_vfs.c: the directory
 * lego.storage_root=).  Without a backend a storage kernel answers
 * -ENOSYS.
 */
#include <lego/kernel.h>
#include <lego/rpc.h>
#include <lego/atomic.h>
#include "storage_proto.h"
#include "lego_services.h"

static struct {
	const struct storage_ops *ops;
	void *ctx;
} backend;

void storage_set_backend(const struct storage_ops *ops, void *ctx)
{
	WRITE_ONCE(backend.ctx, ctx);
	smp_store_release(&backend.ops, ops);
}

static long storage_handler(struct rpc_request *rq)
{
	const struct storage_ops *ops = smp_load_acquire(&backend.ops);

	return storage_dispatch(ops, READ_ONCE(backend.ctx), rq->src, rq->type, rq->req,
				rq->req_len, rq->resp, rq->resp_max);
}

void storage_server_init(const char *cmdline)
{
	u16 type;

	storage_vfs_init(cmdline);
	for (type = RPC_ST_OPEN; type <= RPC_ST_FTRUNCATE; type++)
		rpc_register_handler(type, storage_handler);
}
