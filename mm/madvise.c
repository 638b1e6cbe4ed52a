// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2) and mincore(2): advice about a range of memory, and which of
 * its pages are resident.
 *
 * Lego has no swap, no page merging and no huge pages, so the advice that
 * only tunes those (NORMAL, RANDOM, SEQUENTIAL, COLD, PAGEOUT, MERGEABLE,
 * HUGEPAGE and their opposites) is accepted and changes nothing, as it
 * changes nothing observable on Linux.  The advice with a visible effect
 * does it: DONTNEED and FREE drop pages (the next access sees zeroes, or
 * the file again), DONTFORK/WIPEONFORK change what a fork child gets,
 * WILLNEED/POPULATE_* fault pages in.  Advice on a range with holes is
 * applied to the mapped parts and then fails with ENOMEM, as Linux.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/fs.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <asm/uaccess.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

/* asm-generic/mman-common.h */
#define MADV_NORMAL		0
#define MADV_RANDOM		1
#define MADV_SEQUENTIAL		2
#define MADV_WILLNEED		3
#define MADV_DONTNEED		4
#define MADV_FREE		8
#define MADV_REMOVE		9
#define MADV_DONTFORK		10
#define MADV_DOFORK		11
#define MADV_MERGEABLE		12
#define MADV_UNMERGEABLE	13
#define MADV_HUGEPAGE		14
#define MADV_NOHUGEPAGE		15
#define MADV_DONTDUMP		16
#define MADV_DODUMP		17
#define MADV_WIPEONFORK		18
#define MADV_KEEPONFORK		19
#define MADV_COLD		20
#define MADV_PAGEOUT		21
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#define MADV_DONTNEED_LOCKED	24

static bool madvise_known(int advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE:
	case MADV_DONTFORK: case MADV_DOFORK: case MADV_MERGEABLE:
	case MADV_UNMERGEABLE: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP: case MADV_DODUMP: case MADV_WIPEONFORK:
	case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE: case MADV_DONTNEED_LOCKED:
		return true;
	}
	return false;	/* MADV_HWPOISON and friends: no memory-failure handling */
}

/* Whether advice changes VMA flags, so the range must be split off. */
static bool changes_flags(int advice)
{
	return advice == MADV_DONTFORK || advice == MADV_DOFORK ||
	       advice == MADV_WIPEONFORK || advice == MADV_KEEPONFORK ||
	       advice == MADV_DONTDUMP || advice == MADV_DODUMP;
}

static bool is_private_anon(const struct vm_area_struct *v)
{
	return !v->vm_file && !(v->vm_flags & VM_SHARED);
}

/* Faults in [start, end) of v for reading or writing. */
static long populate(struct mm_struct *mm, struct vm_area_struct *v,
		     unsigned long start, unsigned long end, bool write)
{
	unsigned long a;
	int r;

	if (!(v->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;
	for (a = start; a < end; a += PAGE_SIZE) {
		r = handle_mm_fault(mm, a, X86_PF_USER | (write ? X86_PF_WRITE : 0));
		if (r == -ENOMEM)
			return -ENOMEM;
		if (r)
			return -EFAULT;
	}
	return 0;
}

/* The advice for [start, end), all inside v.  0 or an errno. */
static long advise_vma(struct mm_struct *mm, struct vm_area_struct *v, unsigned long start,
		       unsigned long end, int advice)
{
	switch (advice) {
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		if ((v->vm_flags & VM_LOCKED) && advice == MADV_DONTNEED)
			return -EINVAL;
		if (v->vm_flags & VM_PFNMAP)		/* [vvar] */
			return -EINVAL;
		zap_range(mm, v, start, end);
		return 0;
	case MADV_FREE:
		if (!is_private_anon(v) || v->vm_special)
			return -EINVAL;
		zap_range(mm, v, start, end);
		return 0;
	case MADV_REMOVE:
		/* Punching holes in the backing file: not on Lego's RAM
		 * file system yet (Linux: EOPNOTSUPP where the file system
		 * cannot), and private mappings have no backing store. */
		return (v->vm_flags & VM_SHARED) ? -EOPNOTSUPP : -EINVAL;
	case MADV_DONTFORK:
		v->vm_flags |= VM_DONTCOPY;
		return 0;
	case MADV_DOFORK:
		if (v->vm_flags & VM_IO)
			return -EINVAL;
		v->vm_flags &= ~VM_DONTCOPY;
		return 0;
	case MADV_WIPEONFORK:
		if (!is_private_anon(v))
			return -EINVAL;
		v->vm_flags |= VM_WIPEONFORK;
		return 0;
	case MADV_KEEPONFORK:
		v->vm_flags &= ~VM_WIPEONFORK;
		return 0;
	case MADV_DONTDUMP:
		v->vm_flags |= VM_DONTDUMP;
		return 0;
	case MADV_DODUMP:
		if (v->vm_flags & VM_SPECIAL)
			return -EINVAL;
		v->vm_flags &= ~VM_DONTDUMP;
		return 0;
	case MADV_WILLNEED:
		populate(mm, v, start, end, false);	/* only a hint */
		return 0;
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return populate(mm, v, start, end, advice == MADV_POPULATE_WRITE);
	default:
		return 0;	/* tuning advice: nothing to tune */
	}
}

static long do_madvise(struct mm_struct *mm, unsigned long start, size_t len, int advice)
{
	unsigned long end, a;
	struct vm_area_struct *v;
	bool hole = false;
	long r;

	if (!madvise_known(advice))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len && !PAGE_ALIGN(len))		/* rounded up past the top */
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	for (a = start; a < end; a = v->vm_end) {
		v = vma_after(mm, a);
		if (!v || v->vm_start >= end) {
			hole = true;
			break;
		}
		if (v->vm_start > a)
			hole = true;
		a = max(a, v->vm_start);
		if (changes_flags(advice)) {
			r = v->vm_start < a ? split_vma(v, a) : 0;
			v = find_vma(mm, a);
			if (!r && v->vm_end > end)
				r = split_vma(v, end);
			if (r)
				return r;
		}
		r = advise_vma(mm, v, a, min(end, v->vm_end), advice);
		if (r)
			return r;
	}
	return hole ? -ENOMEM : 0;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	struct mm_struct *mm = current->mm;
	long r;

	mutex_lock(&mm->mmap_lock);
	r = do_madvise(mm, start, len, behavior);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

/*
 * mincore: one byte per page of [start, start + len), bit 0 set when the
 * page is resident: mapped now, or (file mappings) in the file's pages,
 * which the RAM file system keeps in memory up to its size, as Linux
 * reports page-cache residency.  The range must be mapped throughout
 * (ENOMEM) and start page aligned (EINVAL); vec is written in chunks,
 * never with mmap_lock held (the copy may fault).
 */
static unsigned char page_resident(struct mm_struct *mm, struct vm_area_struct *v,
				   unsigned long a)
{
	pteval_t *pte = pte_lookup(mm->pgd, a, false, 0);

	/* The kernel's pages always count, as Linux's can_do_mincore. */
	if (v->vm_special || (pte && (*pte & (_PAGE_PRESENT | _PAGE_PROTNONE))))
		return 1;
	if (v->vm_file && v->vm_file->inode) {
		loff_t pos = ((loff_t)v->vm_pgoff << PAGE_SHIFT) + (a - v->vm_start);

		return pos < READ_ONCE(v->vm_file->inode->i_size);
	}
	return 0;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	struct mm_struct *mm = current->mm;
	unsigned char buf[64];
	unsigned long pages, done = 0, i, a;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len > TASK_SIZE_MAX || start > TASK_SIZE_MAX - PAGE_ALIGN(len))
		return -ENOMEM;
	pages = PAGE_ALIGN(len) >> PAGE_SHIFT;
	if (!access_ok(vec, pages))
		return -EFAULT;
	while (done < pages) {
		unsigned long n = min_t(unsigned long, pages - done, sizeof(buf));

		mutex_lock(&mm->mmap_lock);
		for (i = 0; i < n; i++) {
			struct vm_area_struct *v;

			a = start + ((done + i) << PAGE_SHIFT);
			v = find_vma(mm, a);
			if (!v) {
				mutex_unlock(&mm->mmap_lock);
				return -ENOMEM;
			}
			buf[i] = page_resident(mm, v, a);
		}
		mutex_unlock(&mm->mmap_lock);
		if (copy_to_user(vec + done, buf, n))
			return -EFAULT;
		done += n;
	}
	return 0;
}
