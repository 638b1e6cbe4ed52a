// SPDX-License-Identifier: GPL-2.0
/*
 * User address spaces: page tables, VMAs and demand paging.  Pages are
 * allocated on first touch (the page fault), zero-filled for anonymous
 * memory and filled from the file for file mappings.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/kmem.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/pti.h>
#include <lego/rmem.h>

/* A new address space: empty user half, the kernel half shared. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	kmem_inc(KMEM_MMS);
	if (pti_enabled) {
		mm->pgd = pti_alloc_pgd();	/* the kernel's and the user's */
	} else {
		mm->pgd = (pteval_t *)get_zeroed_page();
		if (mm->pgd)
			memcpy(mm->pgd + PTRS_PER_TABLE / 2, init_pgd + PTRS_PER_TABLE / 2,
			       PAGE_SIZE / 2);
	}
	if (!mm->pgd) {
		kmem_dec(KMEM_MMS);
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	atomic_set(&mm->users, 1);
	mutex_init(&mm->mmap_lock);
	return mm;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, list)
		if (addr < v->vm_end)
			return addr >= v->vm_start ? v : NULL;
	return NULL;
}

/*
 * Whether a PTE holds a page reference.  Every mapped page does (its own,
 * or for shared file mappings one on the file's page cache page), except
 * the kernel's frames behind special mappings such as the vDSO.
 */
static bool pte_counted(pteval_t pte)
{
	return !(pte & _PAGE_SPECIAL);
}

/*
 * Unmaps [start, end) of v's range and frees the pages it owned, once no
 * CPU's TLB can reach them any more: the PTEs first become not-present
 * (keeping the frame, marked _PAGE_ZAPPED), then every CPU flushes, then
 * the frames are freed.
 */
void zap_range(struct mm_struct *mm, struct vm_area_struct *v,
	       unsigned long start, unsigned long end)
{
	unsigned long a, first = end, last = start, here = 0;
	bool remote = false, rmem = rmem_vma(v);
	pteval_t *pte;

	for (a = start; a < end; a += PAGE_SIZE) {
		pte = pte_lookup(mm->pgd, a, false, 0);
		if (pte && (*pte & _PAGE_REMOTE)) {	/* on the memory component */
			*pte = 0;
			remote = true;
			continue;
		}
		if (!pte || !(*pte & (_PAGE_PRESENT | _PAGE_PROTNONE)))
			continue;
		*pte = (*pte & (PTE_PFN_MASK | _PAGE_SPECIAL)) | _PAGE_ZAPPED;
		mm->total_vm--;
		here += rmem;
		first = min(first, a);
		last = a + PAGE_SIZE;
	}
	if (here || remote)
		rmem_zapped(mm, start, end, here, remote);
	if (first >= last)
		return;
	flush_tlb_mm_range(mm, first, last);
	for (a = first; a < last; a += PAGE_SIZE) {
		pte = pte_lookup(mm->pgd, a, false, 0);
		if (!pte || !(*pte & _PAGE_ZAPPED))
			continue;
		if (pte_counted(*pte))
			put_page(pfn_to_page(PFN_DOWN(*pte & PTE_PFN_MASK)));
		*pte = 0;
	}
}

/*
 * Moves the page-table entries of [old_addr, old_addr + len) to new_addr
 * (mremap): the pages go with them, nothing is copied.  The new tables are
 * all allocated first, so the move itself cannot fail half done; then the
 * old translations are flushed on every CPU.
 */
int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len)
{
	unsigned long off;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(mm->pgd, old_addr + off, false, 0);

		if (pte && *pte && !pte_lookup(mm->pgd, new_addr + off, true, _PAGE_TABLE))
			return -ENOMEM;
	}
	for (off = 0; off < len; off += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(mm->pgd, old_addr + off, false, 0);

		if (!pte || !*pte)
			continue;
		*pte_lookup(mm->pgd, new_addr + off, false, 0) = *pte;
		*pte = 0;
	}
	flush_tlb_mm_range(mm, old_addr, old_addr + len);
	return 0;
}

static void free_table(pteval_t *t, int level)
{
	int i;

	if (level > 1)
		for (i = 0; i < PTRS_PER_TABLE; i++)
			if (t[i] & _PAGE_PRESENT)
				free_table(pte_table(t[i]), level - 1);
	free_page((unsigned long)t);
}

void put_page(struct page *pg)
{
	if (__atomic_sub_fetch(&pg->refcount, 1, __ATOMIC_SEQ_CST) == 0)
		__free_pages(pg, 0);
}

static pteval_t vma_pte_flags(const struct vm_area_struct *v)
{
	pteval_t f = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (v->vm_flags & VM_WRITE)
		f |= _PAGE_RW | _PAGE_DIRTY;
	if (!(v->vm_flags & VM_EXEC))
		f |= _PAGE_NX;
	return f;
}

/*
 * fork, a page old keeps on the memory component: the child gets a copy
 * in a frame of its own, dirty (its own copy there is empty).
 */
static int dup_remote_page(struct mm_struct *old, struct mm_struct *mm,
			   struct vm_area_struct *v, unsigned long a)
{
	pteval_t *npte = pte_lookup(mm->pgd, a, true, _PAGE_TABLE);
	struct page *pg;

	if (!npte)
		return -ENOMEM;
	pg = rmem_copy_for_child(old, a);
	if (!pg)
		return -ENOMEM;
	*npte = PFN_PHYS(page_to_pfn(pg)) | (vma_pte_flags(v) & __supported_pte_mask) |
		_PAGE_DIRTY;
	mm->total_vm++;
	if (rmem_vma(v))
		rmem_inherit(mm, a);
	return 0;
}

/*
 * A copy of old for fork: the same VMAs; private pages shared
 * copy-on-write (read-only in both until one writes), shared file pages
 * simply mapped in both.
 */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v, *nv;
	unsigned long a;

	if (!mm)
		return NULL;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	mm->mmap_base = old->mmap_base;
	mm->vdso = old->vdso;
	mm->dumpable = old->dumpable;
	mm->ia32 = old->ia32;
	/* The vector and nothing past it: mm_alloc's zeros follow. */
	memcpy(mm->saved_auxv, old->saved_auxv, old->saved_auxv_len);
	mm->saved_auxv_len = old->saved_auxv_len;
	list_for_each_entry(v, &old->mmap, list) {
		if (v->vm_flags & VM_DONTCOPY)		/* MADV_DONTFORK */
			continue;
		nv = kmalloc(sizeof(*nv), GFP_KERNEL);
		if (!nv)
			goto fail;
		*nv = *v;
		nv->vm_flags &= ~VM_LOCKED;		/* mlock is not inherited */
		nv->vm_mm = mm;
		vma_link_file(nv);
		list_add_tail(&nv->list, &mm->mmap);
		if (v->vm_flags & VM_WIPEONFORK)	/* the child starts with zeroes */
			continue;
		for (a = v->vm_start; a < v->vm_end; a += PAGE_SIZE) {
			pteval_t *pte = pte_lookup(old->pgd, a, false, 0), *npte;

			if (pte && (*pte & _PAGE_REMOTE)) {
				if (dup_remote_page(old, mm, v, a))
					goto fail;
				continue;
			}
			if (!pte || !(*pte & (_PAGE_PRESENT | _PAGE_PROTNONE)))
				continue;
			npte = pte_lookup(mm->pgd, a, true, _PAGE_TABLE);
			if (!npte)
				goto fail;
			/* Shared mappings stay shared and writable; private
			 * pages become copy-on-write. */
			if (!(v->vm_flags & VM_SHARED))
				*pte &= ~_PAGE_RW;
			if (pte_counted(*pte))
				get_page(pfn_to_page(PFN_DOWN(*pte & PTE_PFN_MASK)));
			*npte = *pte;
			if (rmem_vma(v)) {
				/* The child's memory-component copy is empty:
				 * evicted, the page must be written there. */
				*npte |= _PAGE_DIRTY;
				rmem_inherit(mm, a);
			}
			mm->total_vm++;
		}
	}
	/* The parent's private pages just became read-only. */
	flush_tlb_mm_range(old, 0, TASK_SIZE_MAX);
	return mm;
fail:
	flush_tlb_mm_range(old, 0, TASK_SIZE_MAX);
	mmput(mm);
	return NULL;
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *v, *n;
	int i;

	if (!atomic_dec_and_test(&mm->users))
		return;
	list_for_each_entry_safe(v, n, &mm->mmap, list) {
		zap_range(mm, v, v->vm_start, v->vm_end);
		list_del(&v->list);
		vma_unlink_file(v);
		kfree(v);
	}
	rmem_exit(mm);
	/* The user half's page tables; the kernel half is shared. */
	for (i = 0; i < PTRS_PER_TABLE / 2; i++)
		if (mm->pgd[i] & _PAGE_PRESENT)
			free_table(pte_table(mm->pgd[i]), 3);
	if (pti_enabled)
		pti_free_pgd(mm->pgd);
	else
		free_page((unsigned long)mm->pgd);
	kmem_dec(KMEM_MMS);
	kfree(mm);
}

/*
 * The page for v at addr: zeroes for anonymous memory; for a shared file
 * mapping the file's own page cache page (so reads, writes and other
 * mappings see the same bytes), for a private one a copy of it.  A page
 * wholly past the end of the file is VM_FAULT_SIGBUS, as on Linux.
 */
static struct page *fault_page(struct vm_area_struct *v, unsigned long addr)
{
	unsigned long idx;
	struct page *pg;
	ssize_t n;

	if (!v->vm_file) {
		/* NULL would become a PTE for the frame page_to_pfn(NULL):
		 * found by the fuzzer (seed 206), test/user/regress_fault_oom.c */
		pg = alloc_pages(__GFP_ZERO, 0);
		return pg ? pg : ERR_PTR(-ENOMEM);
	}
	idx = ((addr - v->vm_start) >> PAGE_SHIFT) + v->vm_pgoff;
	if (idx >= DIV_ROUND_UP(READ_ONCE(v->vm_file->inode->i_size), PAGE_SIZE))
		return ERR_PTR(VM_FAULT_SIGBUS);
	if (v->vm_flags & VM_SHARED) {
		pg = ramfs_get_page(v->vm_file->inode, idx, true);
		return pg ? pg : ERR_PTR(-ENOMEM);
	}
	pg = alloc_pages(__GFP_ZERO, 0);
	if (!pg)
		return ERR_PTR(-ENOMEM);
	n = kernel_read(v->vm_file, page_address(pg), PAGE_SIZE, (loff_t)idx << PAGE_SHIFT);
	if (n < 0) {
		__free_pages(pg, 0);
		return ERR_PTR(n);
	}
	return pg;
}

/*
 * A write to a present read-only page of a private writable mapping: the
 * page is shared copy-on-write since fork, or is the kernel's (a special
 * mapping's).  The last user of its own page just gets write access;
 * others get their own copy.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *v,
		      unsigned long addr, pteval_t *pte)
{
	struct page *old = pfn_to_page(PFN_DOWN(*pte & PTE_PFN_MASK)), *new;
	bool kernels = *pte & _PAGE_SPECIAL;

	if (!kernels && page_count(old) == 1) {
		/* Only more access: a stale read-only TLB entry elsewhere just
		 * faults once more and finds this. */
		*pte |= _PAGE_RW | _PAGE_DIRTY;
		invlpg(addr);
		return 0;
	}
	new = alloc_pages(GFP_KERNEL, 0);
	if (!new)
		return -ENOMEM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	*pte = PFN_PHYS(page_to_pfn(new)) | (vma_pte_flags(v) & __supported_pte_mask);
	/* Another frame now: no thread may keep reading the old one. */
	flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
	if (!kernels)
		put_page(old);
	return 0;
}

/*
 * A page of a special mapping: the kernel's frame, never writable through
 * this PTE; a write fault (the VMA allows writing) then copies it.
 */
static int special_fault(struct mm_struct *mm, struct vm_area_struct *v,
			 unsigned long addr, pteval_t *pte, unsigned long error_code)
{
	unsigned long n = v->vm_pgoff + ((addr - v->vm_start) >> PAGE_SHIFT);

	if (n >= v->vm_special->nr_pages)
		return -EFAULT;
	*pte = PFN_PHYS(v->vm_special->pfn + n) | _PAGE_SPECIAL |
	       (vma_pte_flags(v) & ~(_PAGE_RW | _PAGE_DIRTY) & __supported_pte_mask);
	mm->total_vm++;
	if (error_code & X86_PF_WRITE)
		return do_wp_page(mm, v, addr & PAGE_MASK, pte);
	return 0;
}

/*
 * Whether a present PTE of v may let user space write, v being writable:
 * a shared mapping's page may; a private one only while no one else maps
 * it (else the write fault copies it first); the kernel's never.
 */
bool pte_may_write(const struct vm_area_struct *v, pteval_t pte)
{
	if (pte & _PAGE_SPECIAL)
		return false;
	if (v->vm_flags & VM_SHARED)
		return true;
	return page_count(pfn_to_page(PFN_DOWN(pte & PTE_PFN_MASK))) == 1;
}

/* Whether a PTE gives user space the access of a fault's error code. */
static bool pte_allows(pteval_t pte, unsigned long error_code)
{
	if (!(pte & _PAGE_PRESENT) || !(pte & _PAGE_USER))
		return false;
	if ((error_code & X86_PF_WRITE) && !(pte & _PAGE_RW))
		return false;
	if ((error_code & X86_PF_INSTR) && (pte & _PAGE_NX & __supported_pte_mask))
		return false;
	return true;
}

/*
 * Makes addr accessible as the fault's error code asks, or says why not:
 * 0, -EFAULT (no mapping: SEGV_MAPERR), -EACCES (mapping forbids it:
 * SEGV_ACCERR), VM_FAULT_SIGBUS (a file mapping past the end of its
 * file) or -ENOMEM.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code)
{
	struct vm_area_struct *v = find_vma(mm, addr);
	struct page *pg;
	pteval_t *pte;

	if (!v) {
		/* Just below a stack: it grows, if its limits allow. */
		v = vma_after(mm, addr);
		if (!v || !(v->vm_flags & VM_GROWSDOWN) || expand_stack(mm, v, addr))
			return -EFAULT;
	}
	if ((error_code & X86_PF_WRITE) && !(v->vm_flags & VM_WRITE))
		return -EACCES;
	if ((error_code & X86_PF_INSTR) && !(v->vm_flags & VM_EXEC))
		return -EACCES;
	if (!(v->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EACCES;
	pte = pte_lookup(mm->pgd, addr, true, _PAGE_TABLE);
	if (!pte)
		return -ENOMEM;
	if (error_code & X86_PF_PROT) {	/* present, and the PTE forbids it */
		if ((error_code & X86_PF_WRITE) && (v->vm_flags & VM_WRITE) &&
		    !(v->vm_flags & VM_SHARED) && (*pte & _PAGE_PRESENT) && !(*pte & _PAGE_RW))
			return do_wp_page(mm, v, addr & PAGE_MASK, pte);
		/*
		 * The PTE allows it now: another thread's fault on the same
		 * page came first (its copy-on-write break made the page
		 * writable while we waited for mmap_lock), or this CPU's TLB
		 * held an older entry.  A spurious fault, as Linux calls it:
		 * drop the stale entry and let the access run again.  (Found
		 * by the fuzzer: a thread writing while another forked got
		 * SIGSEGV; test/user/regress_cow_race.c.)
		 */
		if (pte_allows(*pte, error_code)) {
			invlpg(addr);
			return 0;
		}
		return -EACCES;
	}
	if (*pte & _PAGE_PRESENT)	/* another path mapped it meanwhile */
		return 0;
	if (v->vm_special)
		return special_fault(mm, v, addr, pte, error_code);
	if ((*pte & _PAGE_REMOTE) || rmem_vma(v))
		return rmem_fault(mm, v, addr & PAGE_MASK, pte,
				  vma_pte_flags(v) & __supported_pte_mask);
	pg = fault_page(v, addr & PAGE_MASK);
	if (IS_ERR(pg))
		return PTR_ERR(pg);
	*pte = PFN_PHYS(page_to_pfn(pg)) | (vma_pte_flags(v) & __supported_pte_mask);
	mm->total_vm++;
	return 0;
}

/* Faults in every page of [start, end) now (the ELF loader's bss, stack). */
int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long a;
	int r;

	for (a = start & PAGE_MASK; a < end; a += PAGE_SIZE) {
		r = handle_mm_fault(mm, a, X86_PF_USER);
		if (r)
			return r;
	}
	return 0;
}

/* ------------------------------------------------------------ file mappings */

/*
 * A VMA with a file takes a reference on it and joins the inode's list
 * of mappings (i_lock), so truncation can find and unmap the pages past
 * the new end.
 */
void vma_link_file(struct vm_area_struct *v)
{
	struct inode *inode;

	if (!v->vm_file)
		return;
	get_file(v->vm_file);
	inode = v->vm_file->inode;
	spin_lock(&inode->i_lock);
	list_add_tail(&v->vm_shared, &inode->i_mmap);
	spin_unlock(&inode->i_lock);
}

void vma_unlink_file(struct vm_area_struct *v)
{
	struct inode *inode;

	if (!v->vm_file)
		return;
	inode = v->vm_file->inode;
	spin_lock(&inode->i_lock);
	list_del(&v->vm_shared);
	spin_unlock(&inode->i_lock);
	fput(v->vm_file);
}

/* A reference on mm unless it is already being torn down. */
static bool mmget_not_zero(struct mm_struct *mm)
{
	int c = atomic_read(&mm->users);

	while (c) {
		int old = atomic_cmpxchg(&mm->users, c, c + 1);

		if (old == c)
			return true;
		c = old;
	}
	return false;
}

/*
 * Truncation: unmaps, in every address space that maps inode, the pages
 * from file page first on, so a later access faults and finds the new
 * end (SIGBUS).  The caller holds inode->i_mutex; each mm's mmap_lock is
 * taken in turn (i_mutex before mmap_lock: Documentation/core-api/
 * locking.rst).  An address space being torn down is skipped: it loses
 * its pages anyway.
 */
void unmap_mapping_range(struct inode *inode, unsigned long first)
{
	struct mm_struct **done = NULL, *mm;
	unsigned int ndone = 0, cap = 0, i;
	struct vm_area_struct *v;

	for (;;) {
		mm = NULL;
		spin_lock(&inode->i_lock);
		list_for_each_entry(v, &inode->i_mmap, vm_shared) {
			for (i = 0; i < ndone && done[i] != v->vm_mm; i++)
				;
			if (i == ndone && mmget_not_zero(v->vm_mm)) {
				mm = v->vm_mm;
				break;
			}
		}
		spin_unlock(&inode->i_lock);
		if (!mm)
			break;
		mutex_lock(&mm->mmap_lock);
		list_for_each_entry(v, &mm->mmap, list) {
			unsigned long pages = (v->vm_end - v->vm_start) >> PAGE_SHIFT, start;

			if (!v->vm_file || v->vm_file->inode != inode ||
			    v->vm_pgoff + pages <= first)
				continue;
			start = v->vm_start;
			if (first > v->vm_pgoff)
				start += (first - v->vm_pgoff) << PAGE_SHIFT;
			zap_range(mm, v, start, v->vm_end);
		}
		mutex_unlock(&mm->mmap_lock);
		if (ndone == cap) {
			struct mm_struct **n = kmalloc((cap ? cap * 2 : 8) * sizeof(*n), GFP_KERNEL);

			if (!n) {
				mmput(mm);
				break;
			}
			if (done)
				memcpy(n, done, ndone * sizeof(*n));
			kfree(done);
			done = n;
			cap = cap ? cap * 2 : 8;
		}
		done[ndone++] = mm;
	}
	for (i = 0; i < ndone; i++)
		mmput(done[i]);
	kfree(done);
}

/*
 * Core dumps (fs/coredump.c), mmap_lock held.  Whether a page of private
 * file mapping v has been written: a present PTE with its dirty bit (Intel
 * SDM Vol. 3A 4.8), where Linux looks for an anon_vma.
 */
bool vma_written(struct mm_struct *mm, struct vm_area_struct *v)
{
	unsigned long a;
	pteval_t *pte;

	for (a = v->vm_start; a < v->vm_end; a += PAGE_SIZE) {
		pte = pte_lookup(mm->pgd, a, false, 0);
		if (pte && (*pte & (_PAGE_PRESENT | _PAGE_DIRTY)) == (_PAGE_PRESENT | _PAGE_DIRTY))
			return true;
	}
	return false;
}

/*
 * The page of v at addr for a core dump: its kernel address, or NULL for
 * private anonymous memory never touched, which the core leaves a hole
 * (Linux's get_dump_page() with FOLL_DUMP).  A page elsewhere -- a file's,
 * one on the memory component -- is faulted in as a read would.
 */
const void *get_dump_page(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr)
{
	pteval_t *pte = pte_lookup(mm->pgd, addr, false, 0);

	if ((!pte || !*pte) && !v->vm_file && !(v->vm_flags & VM_SHARED) && !v->vm_special)
		return NULL;
	if (!pte || !(*pte & _PAGE_PRESENT)) {
		if (handle_mm_fault(mm, addr, X86_PF_USER))
			return NULL;
		pte = pte_lookup(mm->pgd, addr, false, 0);
		if (!pte || !(*pte & _PAGE_PRESENT))
			return NULL;
	}
	return __va(*pte & PTE_PFN_MASK);
}

/*
 * Moves len bytes between buf and addr of mm through the direct map,
 * faulting pages in as a read would, whatever the mappings' protection.
 * Returns the bytes moved, short at the first unmapped page.
 */
static int access_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len, bool write)
{
	int done = 0;

	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		unsigned long a = addr + done, off = a & (PAGE_SIZE - 1);
		int chunk = min((unsigned long)(len - done), PAGE_SIZE - off);
		pteval_t *pte = pte_lookup(mm->pgd, a, false, 0);

		if (!pte || !(*pte & _PAGE_PRESENT)) {
			if (handle_mm_fault(mm, a, X86_PF_USER))
				break;
			pte = pte_lookup(mm->pgd, a, false, 0);
			if (!pte || !(*pte & _PAGE_PRESENT))
				break;
		}
		if (write) {
			memcpy((char *)__va(*pte & PTE_PFN_MASK) + off, (char *)buf + done, chunk);
			/* Written behind the MMU's back: dirty, so that remote
			 * memory's eviction writes it back (mm/remote.c). */
			*pte |= _PAGE_DIRTY;
		} else
			memcpy((char *)buf + done, (char *)__va(*pte & PTE_PFN_MASK) + off, chunk);
		done += chunk;
	}
	mutex_unlock(&mm->mmap_lock);
	return done;
}

/* Reads another address space (/proc/PID/cmdline and environ). */
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	return access_vm(mm, addr, buf, len, false);
}

/*
 * Fills a private anonymous mapping of mm not touched yet, whatever its
 * protection: execve's segments of a file without a page cache
 * (fs/binfmt_elf.c).  Its pages fault in as fresh ones of mm's own (never
 * shared), so the bytes are seen by no one else.
 */
int copy_to_fresh_vm(struct mm_struct *mm, unsigned long addr, const void *buf, int len)
{
	return access_vm(mm, addr, (void *)buf, len, true);
}
