// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2): resize a mapping in place, or move it (its pages move with
 * it: the page-table entries are carried over, nothing is copied).
 * Linux's checks in Linux's order (mm/mremap.c of Linux 6.1), every one
 * before anything changes.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <lego/rmem.h>
#include <uapi/lego/mman.h>
#include <asm/pgtable.h>

#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4

/*
 * The mapping at addr that [addr, addr + old_len) must lie in, checked
 * for growing to new_len: -EFAULT when addr is unmapped or the range
 * crosses the end of its mapping, -EINVAL for a private mapping with
 * old_len 0 (Linux refuses to "duplicate" one), -ENOMEM past RLIMIT_AS.
 */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm, unsigned long addr,
					    unsigned long old_len, unsigned long new_len,
					    bool dontunmap, long *err)
{
	struct vm_area_struct *v = find_vma(mm, addr);
	unsigned long pgoff;

	*err = -EFAULT;
	if (!v)
		return NULL;
	*err = -EINVAL;
	if (!old_len && !(v->vm_flags & VM_SHARED))
		return NULL;
	if (dontunmap && (v->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return NULL;
	*err = -EFAULT;
	if (old_len > v->vm_end - addr)
		return NULL;
	if (new_len == old_len)
		return v;
	*err = -EINVAL;
	pgoff = v->vm_pgoff + ((addr - v->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return NULL;
	*err = -EFAULT;			/* the kernel's pages never grow */
	if (v->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return NULL;
	*err = -ENOMEM;
	if (!may_expand_vm(mm, (new_len - old_len) >> PAGE_SHIFT))
		return NULL;
	return v;
}

/* Whether v can grow by delta bytes where it ends. */
static bool vma_expandable(struct mm_struct *mm, struct vm_area_struct *v,
			   unsigned long delta)
{
	unsigned long end = v->vm_end + delta;

	return end > v->vm_end && end <= TASK_SIZE_MAX &&
	       range_is_free(mm, v->vm_end, end);
}

/*
 * Moves the mapping [addr, addr + old_len) (inside v) to new_addr,
 * new_len long, taking its pages along.  With keep_old (MREMAP_DONTUNMAP)
 * the old range stays mapped, empty.  Returns new_addr or an errno.
 */
static long move_vma(struct mm_struct *mm, struct vm_area_struct *v,
		     unsigned long addr, unsigned long old_len,
		     unsigned long new_addr, unsigned long new_len, bool keep_old)
{
	struct vm_area_struct *nv = kmalloc(sizeof(*nv), GFP_KERNEL);
	long r;

	if (!nv)
		return -ENOMEM;
	if (!old_len) {
		/* A second mapping of the same shared object (only shared
		 * ones get here): the original stays as it is. */
		*nv = *v;
		nv->vm_pgoff += (addr - v->vm_start) >> PAGE_SHIFT;
		goto insert;
	}
	/* The moved range becomes a mapping of its own. */
	r = v->vm_start < addr ? split_vma(v, addr) : 0;
	if (r)
		goto fail;
	v = find_vma(mm, addr);
	r = v->vm_end > addr + old_len ? split_vma(v, addr + old_len) : 0;
	if (r)
		goto fail;
	/* The memory component names pages by address: they come back
	 * before they move (mm/remote.c). */
	r = rmem_pin_range(mm, addr, addr + old_len);
	if (!r)
		r = move_page_tables(mm, addr, new_addr, old_len);
	rmem_unpin(mm, r ? addr : new_addr, (r ? addr : new_addr) + old_len);
	if (r)
		goto fail;
	*nv = *v;
	if (!keep_old) {
		list_del(&v->list);
		free_vma(v);
	}
insert:
	nv->vm_start = new_addr;
	nv->vm_end = new_addr + new_len;
	vma_link_file(nv);
	insert_vma(mm, nv);
	return new_addr;
fail:
	kfree(nv);
	return r;
}

static long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
		      unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *v;
	long r;

	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (new_len > TASK_SIZE_MAX || new_addr > TASK_SIZE_MAX - new_len)
			return -EINVAL;
		/* The two ranges must not overlap. */
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;
		v = vma_to_resize(mm, addr, old_len, new_len, flags & MREMAP_DONTUNMAP, &r);
		if (!v)
			return r;
		if ((flags & MREMAP_DONTUNMAP) && !may_expand_vm(mm, old_len >> PAGE_SHIFT))
			return -ENOMEM;
		if (flags & MREMAP_FIXED) {
			r = do_munmap(mm, new_addr, new_len);
			if (r)
				return r;
		} else {
			new_addr = get_unmapped_area(mm, new_addr, new_len, 0);
			if (IS_ERR_VALUE(new_addr))
				return new_addr;
		}
		if (old_len > new_len) {
			r = do_munmap(mm, addr + new_len, old_len - new_len);
			if (r)
				return r;
			old_len = new_len;
		}
		v = find_vma(mm, addr);
		return move_vma(mm, v, addr, old_len, new_addr, new_len,
				flags & MREMAP_DONTUNMAP);
	}
	/* Shrinking: just the tail goes. */
	if (old_len >= new_len) {
		if (old_len > new_len) {
			r = do_munmap(mm, addr + new_len, old_len - new_len);
			if (r)
				return r;
		}
		return addr;
	}
	v = vma_to_resize(mm, addr, old_len, new_len, false, &r);
	if (!v)
		return r;
	/* Growing in place, where the range ends its mapping and room follows. */
	if (old_len == v->vm_end - addr && vma_expandable(mm, v, new_len - old_len)) {
		v->vm_end += new_len - old_len;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, 0, new_len, 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(mm, v, addr, old_len, new_addr, new_len, false);
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	long r;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	r = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mutex_unlock(&mm->mmap_lock);
	return r;
}
