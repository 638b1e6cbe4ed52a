// SPDX-License-Identifier: GPL-2.0
/*
 * i386 syscalls that take their arguments differently from the 64-bit
 * ones doing the same work (CONFIG_IA32_EMULATION): a signed 32-bit
 * offset to sign-extend, a 64-bit value split over two registers (low
 * half first, as the i386 ABI passes a long long), a page offset, or
 * another argument order.  Each converts and calls the 64-bit handler;
 * a pointer it only passes on stays a u32 (the 64-bit handler checks it).
 */
#include <lego/kernel.h>
#include <lego/errno.h>
#include <lego/fs.h>
#include <lego/compat.h>
#include <asm/uaccess.h>
#include <asm/page_types.h>

static inline long hilo(u32 hi, u32 lo)
{
	return (long)(((u64)hi << 32) | lo);
}

COMPAT_SYSCALL_DEFINE3(lseek, unsigned int, fd, compat_off_t, offset, unsigned int, whence)
{
	return sys_lseek(fd, offset, whence);
}

/* _llseek(fd, offset_high, offset_low, result, whence): the new position
 * goes to *result, the return value is 0. */
COMPAT_SYSCALL_DEFINE5(llseek, unsigned int, fd, u32, offset_high, u32, offset_low,
		       loff_t __user *, result, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t r;

	if (!f)
		return -EBADF;
	r = vfs_llseek(f, hilo(offset_high, offset_low), whence);
	fput(f);
	if (r < 0)
		return r;
	return copy_to_user(result, &r, sizeof(r)) ? -EFAULT : 0;
}

COMPAT_SYSCALL_DEFINE5(pread64, unsigned int, fd, u32, buf, u32, count,
		       u32, pos_lo, u32, pos_hi)
{
	return sys_pread64(fd, buf, count, hilo(pos_hi, pos_lo));
}

COMPAT_SYSCALL_DEFINE5(pwrite64, unsigned int, fd, u32, buf, u32, count,
		       u32, pos_lo, u32, pos_hi)
{
	return sys_pwrite64(fd, buf, count, hilo(pos_hi, pos_lo));
}

/*
 * The positional vector calls: the offset in two registers, low half
 * first (Linux's compat_sys_preadv: pos_low, pos_high); the 64-bit
 * handlers take it in one and ignore their pos_h, and read the 8-byte
 * i386 iovecs themselves (import_iovec).  -1 is the file position for
 * the v2 forms, any other negative offset EINVAL.
 */
COMPAT_SYSCALL_DEFINE5(preadv, unsigned int, fd, u32, vec, u32, vlen, u32, pos_lo, u32, pos_hi)
{
	return sys_preadv(fd, vec, vlen, hilo(pos_hi, pos_lo), 0);
}

COMPAT_SYSCALL_DEFINE5(pwritev, unsigned int, fd, u32, vec, u32, vlen, u32, pos_lo, u32, pos_hi)
{
	return sys_pwritev(fd, vec, vlen, hilo(pos_hi, pos_lo), 0);
}

COMPAT_SYSCALL_DEFINE6(preadv2, unsigned int, fd, u32, vec, u32, vlen, u32, pos_lo,
		       u32, pos_hi, int, flags)
{
	return sys_preadv2(fd, vec, vlen, hilo(pos_hi, pos_lo), 0, flags);
}

COMPAT_SYSCALL_DEFINE6(pwritev2, unsigned int, fd, u32, vec, u32, vlen, u32, pos_lo,
		       u32, pos_hi, int, flags)
{
	return sys_pwritev2(fd, vec, vlen, hilo(pos_hi, pos_lo), 0, flags);
}

COMPAT_SYSCALL_DEFINE2(truncate, u32, path, compat_off_t, length)
{
	return sys_truncate(path, length);
}

COMPAT_SYSCALL_DEFINE2(ftruncate, unsigned int, fd, compat_off_t, length)
{
	return sys_ftruncate(fd, length);
}

COMPAT_SYSCALL_DEFINE3(truncate64, u32, path, u32, len_lo, u32, len_hi)
{
	return sys_truncate(path, hilo(len_hi, len_lo));
}

COMPAT_SYSCALL_DEFINE3(ftruncate64, unsigned int, fd, u32, len_lo, u32, len_hi)
{
	return sys_ftruncate(fd, hilo(len_hi, len_lo));
}

/* mmap2: the file offset in 4096-byte units (the i386 ABI's, whatever
 * the page size), so files up to 16 TiB are reachable. */
COMPAT_SYSCALL_DEFINE6(mmap2, u32, addr, u32, len, u32, prot, u32, flags,
		       int, fd, u32, pgoff)
{
	return sys_mmap(addr, len, prot, flags, fd, (long)pgoff << 12);
}

/* The old mmap (90): its six arguments in a user structure. */
struct mmap_arg_struct32 {
	u32 addr, len, prot, flags, fd, offset;
};
_Static_assert(sizeof(struct mmap_arg_struct32) == 24, "mmap_arg_struct32");

COMPAT_SYSCALL_DEFINE1(mmap, struct mmap_arg_struct32 __user *, arg)
{
	struct mmap_arg_struct32 a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & (PAGE_SIZE - 1))
		return -EINVAL;
	return sys_mmap(a.addr, a.len, a.prot, a.flags, (int)a.fd, a.offset);
}

COMPAT_SYSCALL_DEFINE3(waitpid, pid_t, pid, u32, stat_addr, int, options)
{
	return sys_wait4(pid, stat_addr, options, 0);
}

/*
 * i386 clone(flags, newsp, parent_tid, tls, child_tid): tls before
 * child_tid, where x86-64 has them the other way round.  With
 * CLONE_SETTLS, tls points to a struct user_desc for the child's TLS
 * entry (copy_thread_tls).
 */
COMPAT_SYSCALL_DEFINE5(clone, u32, flags, u32, newsp, u32, parent_tid,
		       u32, tls, u32, child_tid)
{
	return sys_clone(flags, newsp, parent_tid, child_tid, tls);
}
