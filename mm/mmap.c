// SPDX-License-Identifier: GPL-2.0
/*
 * mmap, munmap, mprotect and brk: the VMA list of a user address space.
 * Every argument is checked before anything changes, in the order Linux
 * checks them, so each bad call returns Linux's errno and has no effect.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <uapi/lego/mman.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

static unsigned long prot_to_vm(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/* The first VMA that ends after addr, or NULL. */
struct vm_area_struct *vma_after(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, list)
		if (addr < v->vm_end)
			return v;
	return NULL;
}

bool range_is_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *v = vma_after(mm, start);

	return !v || v->vm_start >= end;
}

void insert_vma(struct mm_struct *mm, struct vm_area_struct *nv)
{
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, list) {
		if (v->vm_start >= nv->vm_end) {
			list_add_tail(&nv->list, &v->list);
			return;
		}
	}
	list_add_tail(&nv->list, &mm->mmap);
}

/*
 * Splits v at addr (page aligned, inside v); v keeps the lower part.
 * -EINVAL for the kernel's pages, which Linux never splits (a partial
 * munmap, mprotect or madvise of [vdso] fails), -ENOMEM without memory.
 */
int split_vma(struct vm_area_struct *v, unsigned long addr)
{
	struct vm_area_struct *n;

	if (v->vm_special)
		return -EINVAL;
	n = kmalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	*n = *v;
	n->vm_start = addr;
	n->vm_pgoff += (addr - v->vm_start) >> PAGE_SHIFT;
	vma_link_file(n);
	v->vm_end = addr;
	list_add(&n->list, &v->list);
	return 0;
}

/* Top-down search for len free bytes below mm->mmap_base. */
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->mmap_base;
	struct vm_area_struct *v;

	/* Walk the VMAs from the highest one down. */
	for (v = list_entry(mm->mmap.prev, struct vm_area_struct, list);
	     &v->list != &mm->mmap;
	     v = list_entry(v->list.prev, struct vm_area_struct, list)) {
		if (v->vm_start >= top)
			continue;
		if (v->vm_end <= top - len && top >= len)
			return top - len;
		top = v->vm_start;
	}
	if (top >= len + PAGE_SIZE * 16)	/* keep the lowest pages unmapped */
		return top - len;
	return -ENOMEM;
}

/* Linux's mmap_min_addr (Debian's 65536): hints below it are raised to it. */
#define MMAP_MIN_ADDR	0x10000UL

/* MAP_32BIT places mappings in [1 GiB, 2 GiB), as Linux's find_start_end. */
#define MAP_32BIT_START	0x40000000UL
#define MAP_32BIT_END	0x80000000UL

/* Bottom-up search for len free bytes in the MAP_32BIT window. */
static unsigned long unmapped_area_32bit(struct mm_struct *mm, unsigned long len)
{
	unsigned long start = MAP_32BIT_START;
	struct vm_area_struct *v;

	list_for_each_entry(v, &mm->mmap, list) {
		if (v->vm_end <= start)
			continue;
		if (v->vm_start >= start + len)
			break;
		start = v->vm_end;
	}
	if (len > MAP_32BIT_END || start > MAP_32BIT_END - len)
		return -ENOMEM;
	return start;
}

/*
 * Where a new mapping of len bytes goes: at the hint addr if the range
 * there is free (and, with MAP_32BIT, ends below 2 GiB), else the highest
 * free range below mmap_base (MAP_32BIT: the lowest in [1 GiB, 2 GiB)).
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags)
{
	unsigned long limit = (flags & MAP_32BIT) ? MAP_32BIT_END : mm_task_size(mm);

	if (len > TASK_SIZE_MAX)
		return -ENOMEM;
	addr = PAGE_ALIGN(addr);
	if (addr && addr < MMAP_MIN_ADDR)
		addr = MMAP_MIN_ADDR;
	if (addr && len <= limit && addr <= limit - len && range_is_free(mm, addr, addr + len))
		return addr;
	return (flags & MAP_32BIT) ? unmapped_area_32bit(mm, len) :
				     unmapped_area_topdown(mm, len);
}

/*
 * Maps the kernel's pages sm at [addr, addr + len), which must be free:
 * the VMA of a vm_special_mapping (mm/memory.c faults its pages in),
 * which never grows nor splits (VM_DONTEXPAND), as Linux's.
 */
int install_special_mapping(struct mm_struct *mm, unsigned long addr,
			    unsigned long len, unsigned long vm_flags,
			    const struct vm_special_mapping *sm)
{
	struct vm_area_struct *v;

	if (len > sm->nr_pages << PAGE_SHIFT || !range_is_free(mm, addr, addr + len))
		return -EINVAL;
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	v->vm_start = addr;
	v->vm_end = addr + len;
	v->vm_flags = vm_flags | VM_DONTEXPAND;
	v->vm_name = sm->name;
	v->vm_special = sm;
	insert_vma(mm, v);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + len;
	struct vm_area_struct *v, *n;
	int r = 0;

	/* Split first, so that only whole VMAs remain in the range. */
	v = vma_after(mm, start);
	if (v && v->vm_start < start)
		r = split_vma(v, start);
	v = vma_after(mm, end - 1);
	if (!r && v && v->vm_start < end && v->vm_end > end)
		r = split_vma(v, end);
	if (r)
		return r;
	list_for_each_entry_safe(v, n, &mm->mmap, list) {
		if (v->vm_start >= end)
			break;
		if (v->vm_end <= start)
			continue;
		zap_range(mm, v, v->vm_start, v->vm_end);
		list_del(&v->list);
		free_vma(v);
	}
	return 0;
}

/*
 * Splits the VMAs at start and end, so that the mapped range [start, end)
 * is a run of whole VMAs (mprotect, mlock change their flags).  -ENOMEM
 * when a split finds no memory, -EINVAL when an end lies inside one of the
 * kernel's special mappings (never split); both ends are tried either way
 * and nothing is undone, as on Linux, but splitting alone changes nothing
 * a program can see.
 */
int split_vma_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *v = find_vma(mm, start);
	int r = 0, r_end = 0;

	if (v && v->vm_start < start)
		r = split_vma(v, start);
	v = find_vma(mm, end - 1);
	if (v && v->vm_end > end)
		r_end = split_vma(v, end);
	return r ? r : r_end;
}

/* Whether every page of [start, end) is mapped. */
bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *v;
	unsigned long a;

	for (a = start; a < end; a = v->vm_end) {
		v = find_vma(mm, a);
		if (!v)
			return false;
	}
	return true;
}

/* A VMA out of its mm: its file reference and place among the file's
 * mappings go with it. */
void free_vma(struct vm_area_struct *v)
{
	vma_unlink_file(v);
	kfree(v);
}

/* The pages of every VMA: Linux's total_vm (VmSize), RLIMIT_AS's measure. */
unsigned long mm_total_pages(struct mm_struct *mm)
{
	struct vm_area_struct *v;
	unsigned long n = 0;

	list_for_each_entry(v, &mm->mmap, list)
		n += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	return n;
}

/* Whether npages more fit under RLIMIT_AS (Linux's may_expand_vm). */
bool may_expand_vm(struct mm_struct *mm, unsigned long npages)
{
	unsigned long limit = rlimit(RLIMIT_AS);

	if (limit == RLIM_INFINITY)
		return true;
	return mm_total_pages(mm) + npages <= limit >> PAGE_SHIFT;
}

/*
 * Grows the VM_GROWSDOWN mapping v down to cover addr, for a fault just
 * below it, as Linux's expand_downwards: the mapping may reach
 * RLIMIT_STACK in size, within RLIMIT_AS, and must stay STACK_GUARD_GAP
 * above the mapping below it (when that one is accessible).
 */
int expand_stack(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK;
	struct vm_area_struct *prev = NULL;

	if (v->list.prev != &mm->mmap)
		prev = list_entry(v->list.prev, struct vm_area_struct, list);
	if (start < MMAP_MIN_ADDR)
		return -EPERM;
	if (v->vm_end - start > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	if (prev && (prev->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) &&
	    (start < STACK_GUARD_GAP || prev->vm_end > start - STACK_GUARD_GAP))
		return -ENOMEM;
	if (!may_expand_vm(mm, (v->vm_start - start) >> PAGE_SHIFT))
		return -ENOMEM;
	v->vm_start = start;
	return 0;
}

/* Pages of [start, end) that VMAs cover now (MAP_FIXED replaces them). */
static unsigned long mapped_pages(struct mm_struct *mm, unsigned long start,
				  unsigned long end)
{
	struct vm_area_struct *v;
	unsigned long n = 0;

	list_for_each_entry(v, &mm->mmap, list)
		if (v->vm_end > start && v->vm_start < end)
			n += (min(v->vm_end, end) - max(v->vm_start, start)) >> PAGE_SHIFT;
	return n;
}

unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, struct file *file,
		      unsigned long pgoff, const char *name)
{
	struct vm_area_struct *v;
	unsigned long vm_flags;

	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (len > TASK_SIZE_MAX || addr > TASK_SIZE_MAX - len)
			return -ENOMEM;
		if ((flags & MAP_FIXED_NOREPLACE) && !range_is_free(mm, addr, addr + len))
			return -EEXIST;
	} else {
		addr = get_unmapped_area(mm, addr, len, flags);
		if (IS_ERR_VALUE(addr))
			return addr;
	}

	vm_flags = prot_to_vm(prot);
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm_flags |= VM_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if ((flags & MAP_LOCKED) || mm->def_locked)
		vm_flags |= VM_LOCKED;
	/* RLIMIT_AS, counting what a MAP_FIXED mapping replaces as freed. */
	if (!may_expand_vm(mm, (len >> PAGE_SHIFT) -
			   ((flags & MAP_FIXED) ? mapped_pages(mm, addr, addr + len) : 0)))
		return -ENOMEM;

	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	/* What was there goes; ENOMEM if it cannot, as Linux's mmap_region. */
	if ((flags & MAP_FIXED) && do_munmap(mm, addr, len)) {
		kfree(v);
		return -ENOMEM;
	}
	v->vm_start = addr;
	v->vm_end = addr + len;
	v->vm_flags = vm_flags;
	v->vm_file = file;
	v->vm_pgoff = pgoff;
	v->vm_name = name;
	v->vm_mm = mm;
	vma_link_file(v);
	insert_vma(mm, v);
	if (flags & MAP_POPULATE)
		populate_range(mm, addr, addr + len);
	return addr;
}

/*
 * What MAP_SHARED_VALIDATE accepts: Linux's LEGACY_MAP_MASK, the flags
 * every file supports.  Not MAP_SYNC (DAX files only) and, as in Linux,
 * not MAP_FIXED_NOREPLACE.
 */
#define MAP_VALIDATE_FLAGS (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | \
	MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
	MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
	MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_32BIT | MAP_HUGE_2MB | \
	MAP_HUGE_1GB)

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	unsigned long pgoff = off >> PAGE_SHIFT, ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget((int)fd);
		if (!file)
			return -EBADF;
	}
	ret = -EINVAL;
	if (!len)
		goto out;
	ret = -ENOMEM;
	len = PAGE_ALIGN(len);
	if (!len)
		goto out;
	ret = -EOVERFLOW;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		goto out;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	ret = -EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		/* Anonymous memory is only MAP_SHARED or MAP_PRIVATE (Linux's
		 * do_mmap): EINVAL, whatever the other flags. */
		if (!file)
			goto out;
		ret = -EOPNOTSUPP;
		if (flags & ~MAP_VALIDATE_FLAGS)
			goto out;
		/* fall through */
	case MAP_SHARED:
		if (file && (prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE)) {
			ret = -EACCES;
			goto out;
		}
		/* fall through */
	case MAP_PRIVATE:
		break;
	default:
		goto out;
	}
	if (file) {
		ret = -EACCES;
		if (!(file->f_mode & FMODE_READ))
			goto out;
		ret = -ENODEV;
		if (!S_ISREG(file->inode->i_mode))
			goto out;
		/* No page cache to share (a remote file): a private mapping
		 * copies the bytes at each fault, a shared one cannot be. */
		if ((flags & MAP_TYPE) != MAP_PRIVATE && inode_no_pagecache(file->inode))
			goto out;
		/* A file mapping does not grow (Linux's do_mmap). */
		ret = -EINVAL;
		if (flags & MAP_GROWSDOWN)
			goto out;
		/* Nor does it reach past the largest file offset,
		 * MAX_LFS_FILESIZE = LONG_MAX (Linux's file_mmap_ok). */
		ret = -EOVERFLOW;
		if (len > LONG_MAX || pgoff > (LONG_MAX - len) >> PAGE_SHIFT)
			goto out;
	} else {
		pgoff = 0;
		if ((flags & MAP_TYPE) != MAP_PRIVATE) {
			/* Shared memory does not grow either. */
			if (flags & MAP_GROWSDOWN)
				goto out;
			file = shmem_zero_file(len);
			ret = -ENOMEM;
			if (!file)
				goto out;
		}
	}
	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, addr, len, prot, flags, file, pgoff, NULL);
	mutex_unlock(&mm->mmap_lock);
out:
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int r;

	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE_MAX || len > TASK_SIZE_MAX - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	r = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

/* Applies the new protection to the present PTEs of [start, end). */
static void change_ptes(struct mm_struct *mm, struct vm_area_struct *v)
{
	unsigned long a;

	for (a = v->vm_start; a < v->vm_end; a += PAGE_SIZE) {
		pteval_t *pte = pte_lookup(mm->pgd, a, false, 0);
		pteval_t e;

		if (!pte || !(*pte & (_PAGE_PRESENT | _PAGE_PROTNONE)))
			continue;
		e = *pte & ~(_PAGE_RW | _PAGE_NX | _PAGE_PRESENT | _PAGE_PROTNONE);
		if ((v->vm_flags & VM_WRITE) && pte_may_write(v, *pte))
			e |= _PAGE_RW;
		if (!(v->vm_flags & VM_EXEC))
			e |= _PAGE_NX & __supported_pte_mask;
		/* PROT_NONE: not present to the CPU, frame kept. */
		if (v->vm_flags & (VM_READ | VM_WRITE | VM_EXEC))
			e |= _PAGE_PRESENT;
		else
			e |= _PAGE_PROTNONE;
		*pte = e;
	}
	flush_tlb_mm_range(mm, v->vm_start, v->vm_end);
}

/*
 * Linux changes VMA by VMA and may stop at a hole with -ENOMEM having
 * changed the part before it; Lego checks the whole range first, so a
 * failing mprotect changes nothing (Documentation/syscall/facts.rst).
 */
static long do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
			unsigned long prot)
{
	struct vm_area_struct *v;
	unsigned long end, a;
	int r;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
		     PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) ==
	    (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	/* The whole range must be mapped, without holes. */
	for (a = start; a < end; a = v->vm_end) {
		v = find_vma(mm, a);
		if (!v)
			return -ENOMEM;
		if ((prot & PROT_WRITE) && v->vm_file && (v->vm_flags & VM_SHARED) &&
		    !(v->vm_file->f_mode & FMODE_WRITE))
			return -EACCES;
		/* Linux's VM_MAY* rule for the kernel's pages: [vvar] is only
		 * ever readable, [vdso] anything (a write copies the page). */
		if (v->vm_special && (prot_to_vm(prot) & ~v->vm_special->max_flags))
			return -EACCES;
	}
	r = split_vma_range(mm, start, end);
	if (r)
		return r;
	for (a = start; a < end; a = v->vm_end) {
		v = find_vma(mm, a);
		v->vm_flags = (v->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
			      prot_to_vm(prot);
		change_ptes(mm, v);
	}
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	long r;

	mutex_lock(&mm->mmap_lock);
	r = do_mprotect(mm, start, len, prot);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

/*
 * brk: the heap is one VMA, "[heap]", from start_brk to PAGE_ALIGN(brk).
 * A request below start_brk, into another mapping or past RLIMIT_DATA
 * fails by returning the unchanged break, as Linux does.
 */
static unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *heap;

	if (brk < mm->start_brk || brk > TASK_SIZE_MAX)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk - mm->start_brk > rlimit(RLIMIT_DATA))
		return mm->brk;
	/*
	 * The mapping that ends at the old break grows, if it is still the
	 * plain read-write heap; the program may have mprotect'ed or
	 * replaced parts of it (musl's malloc makes guard pages there), and
	 * the VMA at start_brk need not be the last one.
	 */
	heap = oldbrk > mm->start_brk ? find_vma(mm, oldbrk - 1) : NULL;
	if (heap && (heap->vm_end != oldbrk || heap->vm_file ||
		     (heap->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED | VM_GROWSDOWN)) !=
		     (VM_READ | VM_WRITE)))
		heap = NULL;
	if (newbrk < oldbrk) {
		do_munmap(mm, newbrk, oldbrk - newbrk);
		mm->brk = brk;
		return brk;
	}
	/* Growing: room up to the next mapping, with a page to spare,
	 * within RLIMIT_AS. */
	if (!range_is_free(mm, oldbrk, newbrk + PAGE_SIZE) ||
	    !may_expand_vm(mm, (newbrk - oldbrk) >> PAGE_SHIFT))
		return mm->brk;
	if (heap) {
		heap->vm_end = newbrk;
	} else if (IS_ERR_VALUE(do_mmap(mm, oldbrk, newbrk - oldbrk,
					PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
					NULL, 0, "[heap]"))) {
		return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long r;

	mutex_lock(&mm->mmap_lock);
	r = do_brk(mm, brk);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

/*
 * msync(2): shared file mappings are the page cache itself and RAM file
 * systems have nothing to write back, so only the checks remain, in
 * Linux's order: flags and alignment (EINVAL), then any unmapped part
 * of the range (ENOMEM).
 */
SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, a;
	struct vm_area_struct *v;
	int r = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	for (a = start; a < end; ) {
		v = find_vma(mm, a);
		if (v) {
			a = v->vm_end;
			continue;
		}
		r = -ENOMEM;		/* a hole in the range */
		break;
	}
	mutex_unlock(&mm->mmap_lock);
	return r;
}
