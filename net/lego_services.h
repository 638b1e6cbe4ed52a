/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NET_LEGO_SERVICES_H
#define _NET_LEGO_SERVICES_H

/* The RPC services each role offers, started by lego_net_init(). */
void mem_server_init(void);		/* net/mem_server.c */
void storage_server_init(const char *cmdline);	/* net/storage_server.c */
void storage_vfs_init(const char *cmdline);	/* net/storage_vfs.c */
void rpc_test_init(void);		/* net/rpc_test.c, CONFIG_KTEST */

#endif /* _NET_LEGO_SERVICES_H */
