// SPDX-License-Identifier: GPL-2.0
/*
 * mlock(2) and friends.  Lego never swaps, so every page is as good as
 * locked once present; what remains of mlock is what a program can see:
 * the pages are faulted in at once, the VMAs are marked VM_LOCKED
 * (/proc/PID/status VmLck), the locked amount is bounded by
 * RLIMIT_MEMLOCK for unprivileged callers, and mlockall(MCL_FUTURE) locks
 * later mappings too.  Linux's checks in Linux's order.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <lego/capability.h>
#include <asm/traps.h>

#define MLOCK_ONFAULT	0x01
#define MCL_CURRENT	1
#define MCL_FUTURE	2
#define MCL_ONFAULT	4

/* Pages in VM_LOCKED mappings. */
static unsigned long locked_pages(struct mm_struct *mm)
{
	struct vm_area_struct *v;
	unsigned long n = 0;

	list_for_each_entry(v, &mm->mmap, list)
		if (v->vm_flags & VM_LOCKED)
			n += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	return n;
}

/* Linux's can_do_mlock: a caller with a zero RLIMIT_MEMLOCK may not
 * lock at all (EPERM), unless privileged. */
static bool can_do_mlock(void)
{
	return capable(CAP_IPC_LOCK) || rlimit(RLIMIT_MEMLOCK);
}

/* Whether npages more may be locked under RLIMIT_MEMLOCK (ENOMEM). */
static long may_lock(struct mm_struct *mm, unsigned long npages)
{
	unsigned long limit = rlimit(RLIMIT_MEMLOCK);

	if (capable(CAP_IPC_LOCK) || limit == RLIM_INFINITY)
		return 0;
	return locked_pages(mm) + npages > limit >> PAGE_SHIFT ? -ENOMEM : 0;
}

/* Sets or clears VM_LOCKED on [start, end), which must be mapped without
 * holes (ENOMEM), faulting the pages in when locking without onfault. */
static long apply_lock(struct mm_struct *mm, unsigned long start, unsigned long end,
		       bool lock, bool onfault)
{
	struct vm_area_struct *v;
	unsigned long a;

	if (!range_mapped(mm, start, end))
		return -ENOMEM;
	/* The kernel's pages are never split (-EINVAL) and are left as they
	 * are, as Linux's mlock_fixup leaves them. */
	if (split_vma_range(mm, start, end) == -ENOMEM)
		return -EAGAIN;
	for (a = start; a < end; a = v->vm_end) {
		v = find_vma(mm, a);
		if (v->vm_special)
			continue;
		if (lock)
			v->vm_flags |= VM_LOCKED;
		else
			v->vm_flags &= ~VM_LOCKED;
	}
	if (lock && !onfault)
		for (a = start; a < end; a += PAGE_SIZE) {
			v = find_vma(mm, a);
			/* PROT_NONE and write-only pages stay unpopulated.  No
			 * memory for the rest is EAGAIN, as Linux's
			 * __mlock_posix_error_return; the range stays locked. */
			if ((v->vm_flags & VM_READ) &&
			    handle_mm_fault(mm, a, X86_PF_USER) == -ENOMEM)
				return -EAGAIN;
		}
	return 0;
}

static long do_mlock(unsigned long start, size_t len, bool lock, bool onfault)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	long r;

	if (lock && !can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (!len)
		return 0;
	mutex_lock(&mm->mmap_lock);
	r = lock ? may_lock(mm, len >> PAGE_SHIFT) : 0;
	if (!r)
		r = apply_lock(mm, start, end, lock, onfault);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, true, false);
}

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	return do_mlock(start, len, true, flags & MLOCK_ONFAULT);
}

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, false, false);
}

/* Every mapping now (MCL_CURRENT), and every later one (MCL_FUTURE:
 * do_mmap marks it VM_LOCKED). */
SYSCALL_DEFINE1(mlockall, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;
	long r = 0;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	mutex_lock(&mm->mmap_lock);
	if (flags & MCL_CURRENT) {
		r = may_lock(mm, mm_total_pages(mm) - locked_pages(mm));
		list_for_each_entry(v, &mm->mmap, list) {
			if (r)
				break;
			r = apply_lock(mm, v->vm_start, v->vm_end, true, flags & MCL_ONFAULT);
			/* Whole mappings never split: EAGAIN is populating
			 * without memory, which Linux's mm_populate ignores. */
			if (r == -EAGAIN)
				r = 0;
		}
	}
	mm->def_locked = !r && (flags & MCL_FUTURE);
	mutex_unlock(&mm->mmap_lock);
	return r;
}

SYSCALL_DEFINE0(munlockall)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;

	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(v, &mm->mmap, list)
		v->vm_flags &= ~VM_LOCKED;
	mm->def_locked = false;
	mutex_unlock(&mm->mmap_lock);
	return 0;
}
