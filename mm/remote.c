// SPDX-License-Identifier: GPL-2.0
/*
 * Remote memory: with a memory component (lego.peers=memory:N), the
 * contents of a process's private anonymous memory live there, and the
 * processor keeps a cache of at most lego.cache_pages of them per address
 * space, as LegoOS's ExCache (Documentation/lego/disaggregation.rst,
 * "Remote memory").
 *
 * A page past the cache's size is evicted: its PTE is swapped for
 * _PAGE_REMOTE (not present, no frame), every CPU's TLB entry for it is
 * flushed, and if the CPU had set its dirty bit it is written to the
 * memory component (RPC_MEM_WRITE).  A fault on a _PAGE_REMOTE PTE reads
 * it back (RPC_MEM_READ) into a fresh frame.  Pages are mapped clean, so
 * the dirty bit says whether the memory component's copy is behind.  A
 * page never written there reads as zeros, as a fresh one must: the
 * component's copies of an address space are dropped when its ranges are
 * unmapped (RPC_MEM_FREE) and when it ends (RPC_MEM_EXIT), and once at its
 * first eviction in case a previous boot of this node used its id.
 *
 * Victims are chosen by a clock over the addresses faulted in: a page
 * whose accessed bit is set gets it cleared and a second chance.  The
 * clock may hold addresses unmapped since; they are dropped as the hand
 * passes them.  Everything here runs under the mm's mmap_lock.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/rpc.h>
#include <lego/cmdline.h>
#include <lego/fs.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/vsprintf.h>
#include <lego/preempt.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <lego/rmem.h>
#include "../net/storage_client.h"

struct rmem_cache {
	u32 id;			/* names this address space on the memory node */
	bool cleared;		/* stale copies of a previous boot dropped */
	bool pinned;		/* no eviction now (mremap moving the pages) */
	unsigned long local;	/* pages with a frame here */
	unsigned long *clock;	/* addresses faulted in, the hand at hand */
	unsigned int n, cap, hand;
};

static unsigned long cache_pages = CONFIG_LEGO_CACHE_PAGES;
/* Ids from 2^30 up: clear of the pids a test program may use itself. */
static atomic_t next_id = ATOMIC_INIT(1 << 30);
static unsigned long stat_fetches, stat_evictions, stat_writebacks, stat_errors;

static void stat_inc(unsigned long *c)
{
	__atomic_add_fetch(c, 1, __ATOMIC_RELAXED);
}

/* A whole page over the wire: the request, or the reply's data. */
#define RMEM_MSG	(RPC_MEM_PAGE_SIZE + 64)

bool rmem_active(void)
{
	return lego_current_role() == LEGO_ROLE_PROCESSOR && lego_memory_node();
}

/* Whether v's pages are kept on the memory component. */
bool rmem_vma(const struct vm_area_struct *v)
{
	return rmem_active() && !v->vm_file && !v->vm_special &&
	       !(v->vm_flags & (VM_SHARED | VM_LOCKED | VM_SPECIAL));
}

/* RPCs sleep: not for a fault taken with a lock held or interrupts off
 * (arch/x86/mm/fault.c lets such a fault in when mmap_lock is free). */
static bool may_sleep(void)
{
	return !preempt_count() && !irqs_disabled();
}

static struct rmem_cache *rmem_get(struct mm_struct *mm)
{
	if (!mm->rmem) {
		mm->rmem = kzalloc(sizeof(*mm->rmem), GFP_KERNEL);
		if (mm->rmem)
			mm->rmem->id = atomic_inc_return(&next_id);
	}
	return mm->rmem;
}

/* One memory request; the reply (if any) into resp. */
static long mem_call(u16 type, u32 id, unsigned long addr, unsigned long len,
		     const void *page, void *resp, size_t resp_max)
{
	struct rpc_wbuf w;
	void *req = kmalloc(RMEM_MSG, GFP_KERNEL);
	long r;

	if (!req)
		return -ENOMEM;
	rpc_winit(&w, req, RMEM_MSG);
	mem_enc(&w, type, id, addr, len, page);
	r = w.err ? -EINVAL : rpc_call_killable(lego_memory_node(), type, req, w.len,
						resp, resp_max, 0);
	kfree(req);
	if (r < 0 && r != -EINTR)
		stat_inc(&stat_errors);
	return r;
}

static void clock_add(struct rmem_cache *rc, unsigned long addr)
{
	unsigned int i, j;

	if (rc->n == rc->cap) {
		unsigned int cap = rc->cap ? rc->cap * 2 : 64;
		unsigned long *c = kmalloc(cap * sizeof(*c), GFP_KERNEL);

		if (!c)
			return;		/* not evictable: the cache just grows */
		/* The hand's position first, so the order is kept. */
		for (i = 0, j = rc->hand; i < rc->n; i++, j = (j + 1) % rc->n)
			c[i] = rc->clock[j];
		kfree(rc->clock);
		rc->clock = c;
		rc->cap = cap;
		rc->hand = 0;
	}
	rc->clock[rc->n++] = addr;
}

static void clock_drop(struct rmem_cache *rc, unsigned int i)
{
	rc->clock[i] = rc->clock[--rc->n];
	if (rc->hand >= rc->n)
		rc->hand = 0;
}

/*
 * Evicts one page of mm other than keep; false when none can go (all
 * pinned, or the memory component refused).
 */
static bool evict_one(struct mm_struct *mm, struct rmem_cache *rc, unsigned long keep)
{
	unsigned int passes = 0;

	while (rc->n && passes < 2 * rc->n + 2) {
		unsigned long a = rc->clock[rc->hand];
		pteval_t *pte = pte_lookup(mm->pgd, a, false, 0), old;
		struct vm_area_struct *v = find_vma(mm, a);
		struct page *pg;

		passes++;
		if (!pte || !(*pte & _PAGE_PRESENT) || (*pte & _PAGE_SPECIAL) || !v || !rmem_vma(v)) {
			clock_drop(rc, rc->hand);	/* gone or not ours any more */
			continue;
		}
		if (a == keep) {
			rc->hand = (rc->hand + 1) % rc->n;
			continue;
		}
		if (*pte & _PAGE_ACCESSED) {		/* a second chance */
			__atomic_and_fetch(pte, ~_PAGE_ACCESSED, __ATOMIC_RELAXED);
			rc->hand = (rc->hand + 1) % rc->n;
			continue;
		}
		if (!rc->cleared) {
			if (mem_call(RPC_MEM_EXIT, rc->id, 0, 0, NULL, NULL, 0) < 0)
				return false;
			rc->cleared = true;
		}
		/* Off the page tables and out of every TLB before the copy, so
		 * the dirty bit read here is the last word (SDM Vol. 3A 4.8). */
		old = __atomic_exchange_n(pte, 0, __ATOMIC_SEQ_CST);
		flush_tlb_mm_range(mm, a, a + PAGE_SIZE);
		pg = pfn_to_page(PFN_DOWN(old & PTE_PFN_MASK));
		if (old & _PAGE_DIRTY) {
			if (mem_call(RPC_MEM_WRITE, rc->id, a, 0, page_address(pg), NULL, 0) < 0) {
				*pte = old;		/* it stays here */
				return false;
			}
			stat_inc(&stat_writebacks);
		}
		*pte = _PAGE_REMOTE;
		put_page(pg);
		rc->local--;
		clock_drop(rc, rc->hand);
		stat_inc(&stat_evictions);
		return true;
	}
	return false;
}

/* A page of mm at addr now has a frame here: count it, make room. */
void rmem_note(struct mm_struct *mm, unsigned long addr)
{
	struct rmem_cache *rc = rmem_get(mm);

	if (!rc)
		return;
	rc->local++;
	clock_add(rc, addr & PAGE_MASK);
	while (!rc->pinned && rc->local > cache_pages && may_sleep() &&
	       evict_one(mm, rc, addr & PAGE_MASK))
		;
}

/*
 * A fault on a page of v with no frame: a fresh page (zeros, or the memory
 * component's copy for a _PAGE_REMOTE PTE), mapped clean.  0, -ENOMEM,
 * -EINTR (a fatal signal came first: nothing mapped) or VM_FAULT_SIGBUS
 * (the memory component could not give the page back).
 */
int rmem_fault(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr,
	       pteval_t *pte, pteval_t flags)
{
	struct rmem_cache *rc = mm->rmem;
	struct page *pg;
	long r;

	if ((*pte & _PAGE_REMOTE) && !may_sleep())
		return -EFAULT;		/* the caller's user copy fails */
	pg = alloc_pages((*pte & _PAGE_REMOTE) ? 0 : __GFP_ZERO, 0);
	if (!pg)
		return -ENOMEM;
	if (*pte & _PAGE_REMOTE) {
		r = rc ? mem_call(RPC_MEM_READ, rc->id, addr, 0, NULL, page_address(pg),
				  RPC_MEM_PAGE_SIZE) : -EIO;
		if (r != RPC_MEM_PAGE_SIZE) {
			__free_pages(pg, 0);
			return r == -EINTR ? -EINTR : r == -ENOMEM ? -ENOMEM : VM_FAULT_SIGBUS;
		}
		stat_inc(&stat_fetches);
		/* The fault may have slept: another thread may have been first. */
		if (*pte & _PAGE_PRESENT) {
			__free_pages(pg, 0);
			return 0;
		}
	}
	*pte = PFN_PHYS(page_to_pfn(pg)) | (flags & ~_PAGE_DIRTY);
	mm->total_vm++;
	if (rmem_vma(v))	/* else locked since: it stays, uncounted */
		rmem_note(mm, addr);
	return 0;
}

/* zap_range found n pages of [start, end) with a frame here, and whether
 * any were on the memory component: it forgets those. */
void rmem_zapped(struct mm_struct *mm, unsigned long start, unsigned long end,
		 unsigned long n, bool remote)
{
	struct rmem_cache *rc = mm->rmem;

	if (!rc)
		return;
	rc->local -= min(n, rc->local);
	if (remote && rc->cleared && atomic_read(&mm->users))
		mem_call(RPC_MEM_FREE, rc->id, start, end - start, NULL, NULL, 0);
}

/* The end of an address space: the memory component drops it all. */
void rmem_exit(struct mm_struct *mm)
{
	struct rmem_cache *rc = mm->rmem;

	if (!rc)
		return;
	if (rc->cleared)
		mem_call(RPC_MEM_EXIT, rc->id, 0, 0, NULL, NULL, 0);
	kfree(rc->clock);
	kfree(rc);
	mm->rmem = NULL;
}

/* fork: the child has a frame of its own or a share of one at addr. */
void rmem_inherit(struct mm_struct *mm, unsigned long addr)
{
	struct rmem_cache *rc = rmem_get(mm);

	if (rc) {
		rc->local++;
		clock_add(rc, addr);
	}
}

/*
 * fork: the child's copy of a page the parent keeps remotely, in a frame
 * of its own (the memory component names pages by address space).  NULL
 * when it cannot be had.
 */
struct page *rmem_copy_for_child(struct mm_struct *old, unsigned long addr)
{
	struct page *pg = alloc_pages(0, 0);

	if (!pg)
		return NULL;
	if (!old->rmem || mem_call(RPC_MEM_READ, old->rmem->id, addr, 0, NULL,
				   page_address(pg), RPC_MEM_PAGE_SIZE) != RPC_MEM_PAGE_SIZE) {
		__free_pages(pg, 0);
		return NULL;
	}
	stat_inc(&stat_fetches);
	return pg;
}

/*
 * mremap moves pages to other addresses, and the memory component names
 * them by address: those of [start, end) that are there come back first,
 * with eviction held off until rmem_unpin().  0 or the fault's error.
 */
int rmem_pin_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long a;
	int r;

	if (!mm->rmem)
		return 0;
	mm->rmem->pinned = true;
	for (a = start; a < end; a += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(mm->pgd, a, false, 0);

		if (pte && (*pte & _PAGE_REMOTE)) {
			r = handle_mm_fault(mm, a, X86_PF_USER);
			if (r)
				return r;
		}
	}
	return 0;
}

/* The pinned pages are at [start, end) now: into the clock, and room. */
void rmem_unpin(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct rmem_cache *rc = mm->rmem;
	unsigned long a;

	if (!rc)
		return;
	for (a = start; a < end; a += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(mm->pgd, a, false, 0);

		if (pte && (*pte & _PAGE_PRESENT))
			clock_add(rc, a);
	}
	rc->pinned = false;
	while (rc->local > cache_pages && evict_one(mm, rc, 0))
		;
}

static ssize_t rmem_show(char *buf, size_t size)
{
	return scnprintf(buf, size,
			 "active %d\ncache_pages %lu\nfetches %lu\nevictions %lu\n"
			 "writebacks %lu\nerrors %lu\n", rmem_active(), cache_pages,
			 READ_ONCE(stat_fetches), READ_ONCE(stat_evictions),
			 READ_ONCE(stat_writebacks), READ_ONCE(stat_errors));
}

static const struct proc_ops rmem_ops = { .show = rmem_show };

/* From start_kernel, after lego_net_init(): lego.cache_pages=N (>= 16). */
void rmem_init(const char *cmdline)
{
	char buf[24];
	unsigned long n = 0;
	const char *p;

	if (cmdline_get(cmdline, "lego.cache_pages", buf, sizeof(buf))) {
		for (p = buf; *p >= '0' && *p <= '9' && n < (1UL << 40); p++)
			n = n * 10 + (*p - '0');
		if (*p || n < 16)
			pr_warn("rmem: lego.cache_pages=%s is not a number >= 16, keeping %lu\n",
				buf, cache_pages);
		else
			cache_pages = n;
	}
	proc_create("lego/rmem", 0444, &rmem_ops);
	if (rmem_active())
		pr_info("rmem: anonymous memory on node %d, %lu pages cached per process\n",
			lego_memory_node(), cache_pages);
}
