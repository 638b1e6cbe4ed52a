// SPDX-License-Identifier: GPL-2.0
/*
 * The memory component's services (lego.role=memory): it keeps the pages
 * of the processors' processes, named by (processor node, pid, virtual
 * page), and hands out address ranges for them.
 *
 *   RPC_MEM_ALLOC  a fresh page-aligned range of len bytes in the
 *                  process's remote address space (top-down from
 *                  MEM_ALLOC_TOP, never reused while the process lives);
 *   RPC_MEM_WRITE  stores one page; RPC_MEM_READ returns it, all zeros
 *                  if never written (anonymous memory starts zeroed);
 *   RPC_MEM_FREE   drops the pages of a range; RPC_MEM_EXIT all of a
 *                  process's pages and ranges;
 *   RPC_MEM_STAT   pages stored, pages free.
 *
 * Pages are in a hash table under one spinlock; their contents are
 * copied in and out with the lock held (4 KiB, no sleeping).  Writes stop
 * with -ENOMEM while fewer than MEM_RESERVE_PAGES pages are free, so the
 * component itself never runs out.
 */
#include <lego/kernel.h>
#include <lego/rpc.h>
#include <lego/mm.h>
#include <lego/list.h>
#include <lego/spinlock.h>
#include <lego/string.h>
#include <lego/errno.h>
#include "lego_services.h"

#define MEM_BUCKETS		4096
#define MEM_RESERVE_PAGES	1024
#define MEM_ALLOC_TOP		0x7f0000000000ull
#define MEM_ALLOC_BOTTOM	0x100000000ull
#define MEM_USER_END		0x800000000000ull

struct mem_page {
	struct list_head hash;
	u16 node;
	u32 pid;
	u64 addr;
	void *data;
};

struct mem_space {
	struct list_head list;
	u16 node;
	u32 pid;
	u64 next;			/* the next range ends here */
};

static struct list_head buckets[MEM_BUCKETS];
static LIST_HEAD(spaces);
static DEFINE_SPINLOCK(mem_lock);
static unsigned long pages_stored;

static struct list_head *bucket(u16 node, u32 pid, u64 addr)
{
	u64 x = (addr >> 12) ^ ((u64)pid << 20) ^ ((u64)node << 52);

	return &buckets[(x * 0x9E3779B97F4A7C15ull) >> 52 & (MEM_BUCKETS - 1)];
}

static struct mem_page *find_page(u16 node, u32 pid, u64 addr)
{
	struct mem_page *p;

	list_for_each_entry(p, bucket(node, pid, addr), hash)
		if (p->node == node && p->pid == pid && p->addr == addr)
			return p;
	return NULL;
}

static void drop_page(struct mem_page *p)
{
	list_del(&p->hash);
	free_page((unsigned long)p->data);
	kfree(p);
	pages_stored--;
}

/* "u32 pid, u64 addr" opening a request; addr must be a user page. */
static bool get_page_addr(struct rpc_rbuf *r, u32 *pid, u64 *addr)
{
	*pid = rpc_r32(r);
	*addr = rpc_r64(r);
	return !r->err && !(*addr & (RPC_MEM_PAGE_SIZE - 1)) && *addr < MEM_USER_END;
}

static long mem_write(struct rpc_request *rq)
{
	struct mem_page *p, *newp;
	struct rpc_rbuf r;
	const u8 *data;
	size_t n;
	u64 addr;
	u32 pid;

	rpc_rinit(&r, rq->req, rq->req_len);
	if (!get_page_addr(&r, &pid, &addr))
		return -EINVAL;
	data = rpc_rrest(&r, &n);
	if (n != RPC_MEM_PAGE_SIZE)
		return -EINVAL;
	if (nr_free_pages() < MEM_RESERVE_PAGES)
		return -ENOMEM;
	/* Allocated before the lock; given back if the page was there. */
	newp = kmalloc(sizeof(*newp), GFP_KERNEL);
	if (newp && !(newp->data = (void *)__get_free_page(GFP_KERNEL))) {
		kfree(newp);
		newp = NULL;
	}
	spin_lock(&mem_lock);
	p = find_page(rq->src, pid, addr);
	if (!p && newp) {
		p = newp;
		newp = NULL;
		p->node = rq->src;
		p->pid = pid;
		p->addr = addr;
		list_add(&p->hash, bucket(rq->src, pid, addr));
		pages_stored++;
	}
	if (p)
		memcpy(p->data, data, RPC_MEM_PAGE_SIZE);
	spin_unlock(&mem_lock);
	if (newp) {
		free_page((unsigned long)newp->data);
		kfree(newp);
	}
	return p ? 0 : -ENOMEM;
}

static long mem_read(struct rpc_request *rq)
{
	struct mem_page *p;
	struct rpc_rbuf r;
	u64 addr;
	u32 pid;

	rpc_rinit(&r, rq->req, rq->req_len);
	if (!get_page_addr(&r, &pid, &addr) || !rpc_rdone(&r))
		return -EINVAL;
	spin_lock(&mem_lock);
	p = find_page(rq->src, pid, addr);
	if (p)
		memcpy(rq->resp, p->data, RPC_MEM_PAGE_SIZE);
	else
		memset(rq->resp, 0, RPC_MEM_PAGE_SIZE);
	spin_unlock(&mem_lock);
	return RPC_MEM_PAGE_SIZE;
}

/* Drops the pages of (node, pid) in [start, end); all of them for end 0. */
static void drop_range(u16 node, u32 pid, u64 start, u64 end)
{
	struct mem_page *p, *n;
	int i;

	for (i = 0; i < MEM_BUCKETS; i++)
		list_for_each_entry_safe(p, n, &buckets[i], hash)
			if (p->node == node && p->pid == pid &&
			    (!end || (p->addr >= start && p->addr < end)))
				drop_page(p);
}

static struct mem_space *find_space(u16 node, u32 pid)
{
	struct mem_space *s;

	list_for_each_entry(s, &spaces, list)
		if (s->node == node && s->pid == pid)
			return s;
	return NULL;
}

static long mem_alloc(struct rpc_request *rq)
{
	struct mem_space *s, *news = kmalloc(sizeof(*news), GFP_KERNEL);
	struct rpc_rbuf r;
	u64 len, addr = 0;
	u32 pid;

	rpc_rinit(&r, rq->req, rq->req_len);
	pid = rpc_r32(&r);
	len = rpc_r64(&r);
	if (!rpc_rdone(&r) || !len || len > MEM_ALLOC_TOP - MEM_ALLOC_BOTTOM) {
		kfree(news);
		return -EINVAL;
	}
	len = PAGE_ALIGN(len);
	spin_lock(&mem_lock);
	s = find_space(rq->src, pid);
	if (!s && news) {
		s = news;
		news = NULL;
		s->node = rq->src;
		s->pid = pid;
		s->next = MEM_ALLOC_TOP;
		list_add(&s->list, &spaces);
	}
	if (s && s->next - MEM_ALLOC_BOTTOM >= len) {
		s->next -= len;
		addr = s->next;
	}
	spin_unlock(&mem_lock);
	kfree(news);
	if (!addr)		/* no memory for the space, or it is full */
		return -ENOMEM;
	rpc_put64(rq->resp, addr);
	return 8;
}

static long mem_free(struct rpc_request *rq)
{
	struct rpc_rbuf r;
	u64 addr, len;
	u32 pid;

	rpc_rinit(&r, rq->req, rq->req_len);
	pid = rpc_r32(&r);
	addr = rpc_r64(&r);
	len = rpc_r64(&r);
	if (!rpc_rdone(&r) || (addr & (RPC_MEM_PAGE_SIZE - 1)) || !len ||
	    addr >= MEM_USER_END || len > MEM_USER_END - addr)
		return -EINVAL;
	spin_lock(&mem_lock);
	drop_range(rq->src, pid, addr, addr + len);
	spin_unlock(&mem_lock);
	return 0;
}

static long mem_exit(struct rpc_request *rq)
{
	struct mem_space *s;
	struct rpc_rbuf r;
	u32 pid;

	rpc_rinit(&r, rq->req, rq->req_len);
	pid = rpc_r32(&r);
	if (!rpc_rdone(&r))
		return -EINVAL;
	spin_lock(&mem_lock);
	drop_range(rq->src, pid, 0, 0);
	s = find_space(rq->src, pid);
	if (s)
		list_del(&s->list);
	spin_unlock(&mem_lock);
	kfree(s);
	return 0;
}

static long mem_stat(struct rpc_request *rq)
{
	if (rq->req_len)
		return -EINVAL;
	rpc_put64(rq->resp, READ_ONCE(pages_stored));
	rpc_put64((u8 *)rq->resp + 8, nr_free_pages());
	return 16;
}

void mem_server_init(void)
{
	int i;

	for (i = 0; i < MEM_BUCKETS; i++)
		INIT_LIST_HEAD(&buckets[i]);
	rpc_register_handler(RPC_MEM_ALLOC, mem_alloc);
	rpc_register_handler(RPC_MEM_FREE, mem_free);
	rpc_register_handler(RPC_MEM_WRITE, mem_write);
	rpc_register_handler(RPC_MEM_READ, mem_read);
	rpc_register_handler(RPC_MEM_EXIT, mem_exit);
	rpc_register_handler(RPC_MEM_STAT, mem_stat);
}
