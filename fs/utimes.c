// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat, futimesat, utimes and utime (utimensat(2)).  An explicit
 * time needs the owner or CAP_FOWNER (EPERM); "now" for both times is
 * also allowed to anyone who may write the file (EACCES otherwise).
 * UTIME_OMIT leaves a time alone; both omitted change nothing at all.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <lego/syscalls.h>
#include <lego/compat.h>
#include <uapi/lego/time.h>
#include <asm/uaccess.h>
#include "internal.h"

static bool nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW ||
	       (nsec >= 0 && nsec < (long)NSEC_PER_SEC);
}

/* Sets d's times; t NULL means both now. */
static int utimes_common(struct dentry *d, struct timespec64 *t)
{
	struct inode *inode = d->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME };
	int r = mnt_want_write(d);

	if (r)
		return r;
	if (t && t[0].tv_nsec == UTIME_NOW && t[1].tv_nsec == UTIME_NOW)
		t = NULL;
	if (t) {
		if (t[0].tv_nsec == UTIME_OMIT) {
			attr.ia_valid &= ~ATTR_ATIME;
		} else if (t[0].tv_nsec != UTIME_NOW) {
			attr.ia_atime = t[0];
			attr.ia_valid |= ATTR_ATIME_SET;
		}
		if (t[1].tv_nsec == UTIME_OMIT) {
			attr.ia_valid &= ~ATTR_MTIME;
		} else if (t[1].tv_nsec != UTIME_NOW) {
			attr.ia_mtime = t[1];
			attr.ia_valid |= ATTR_MTIME_SET;
		}
		/* An explicit request, even of "now" for one of them. */
		if (!inode_owner_or_capable(inode))
			return -EPERM;
	} else {
		attr.ia_valid |= ATTR_TOUCH;
	}
	mutex_lock(&inode->i_mutex);
	r = notify_change(d, &attr);
	mutex_unlock(&inode->i_mutex);
	return r;
}

/*
 * The common part: a NULL filename with a descriptor acts on the
 * descriptor (flags must then be 0); AT_SYMLINK_NOFOLLOW acts on a
 * symlink itself.
 */
static long do_utimes(int dfd, const char __user *filename, struct timespec64 *t,
		      int flags)
{
	struct dentry *d;
	int r;

	unsigned int lf;

	if (t && (!nsec_valid(t[0].tv_nsec) || !nsec_valid(t[1].tv_nsec)))
		return -EINVAL;
	r = at_lookup_flags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);
	if (r)
		return r;
	if (!filename && dfd != AT_FDCWD) {
		struct file *f;

		if (flags)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		r = (t && t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT) ? 0 :
		    utimes_common(f->dentry, t);
		fput(f);
		return r;
	}
	r = user_path_at(dfd, filename, lf, &d);
	if (r)
		return r;
	if (!(t && t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT))
		r = utimes_common(d, t);
	path_put(d);
	return r;
}

/* utimensat's two timespecs: a tv_nsec that a long does not hold is
 * EINVAL, as one outside [0, 1e9) and not UTIME_NOW/OMIT (do_utimes). */
static long timespecs_to_times(const struct __kernel_timespec ut[2], struct timespec64 t[2])
{
	int i;

	for (i = 0; i < 2; i++) {
		t[i].tv_sec = ut[i].tv_sec;
		t[i].tv_nsec = ut[i].tv_nsec;
		if (ut[i].tv_nsec != t[i].tv_nsec)
			return -EINVAL;
	}
	return 0;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec ut[2];
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		if (timespecs_to_times(ut, t))
			return -EINVAL;
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

/* futimesat/utimes: microseconds in [0, 1000000) (EINVAL otherwise). */
static long timevals_to_times(const struct __kernel_old_timeval tv[2], struct timespec64 t[2])
{
	int i;

	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
	}
	return 0;
}

/* futimesat and utimes with a 64-bit timeval, or with compat the i386
 * old_timeval32. */
static long do_futimesat(int dfd, const char __user *filename, const void __user *utimes,
			 bool compat)
{
	struct __kernel_old_timeval tv[2];
	struct old_timeval32 v32[2];
	struct timespec64 t[2];

	if (utimes && compat) {
		if (copy_from_user(v32, utimes, sizeof(v32)))
			return -EFAULT;
		tv[0] = (struct __kernel_old_timeval){ v32[0].tv_sec, v32[0].tv_usec };
		tv[1] = (struct __kernel_old_timeval){ v32[1].tv_sec, v32[1].tv_usec };
	} else if (utimes && copy_from_user(tv, utimes, sizeof(tv))) {
		return -EFAULT;
	}
	if (utimes && timevals_to_times(tv, t))
		return -EINVAL;
	return do_utimes(dfd, filename, utimes ? t : NULL, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes, false);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes, false);
}

/* utime(2)'s struct utimbuf: two time_t, 64-bit or (compat) 32-bit. */
struct utimbuf {
	long actime;
	long modtime;
};

struct old_utimbuf32 {
	old_time32_t actime;
	old_time32_t modtime;
};

static long do_utime(const char __user *filename, const void __user *times, bool compat)
{
	struct timespec64 t[2] = { { 0 } };
	struct old_utimbuf32 u32;
	struct utimbuf u = { 0, 0 };

	if (times && compat) {
		if (copy_from_user(&u32, times, sizeof(u32)))
			return -EFAULT;
		u.actime = u32.actime;
		u.modtime = u32.modtime;
	} else if (times && copy_from_user(&u, times, sizeof(u))) {
		return -EFAULT;
	}
	t[0].tv_sec = u.actime;
	t[1].tv_sec = u.modtime;
	return do_utimes(AT_FDCWD, filename, times ? t : NULL, 0);
}

SYSCALL_DEFINE2(utime, const char __user *, filename, struct utimbuf __user *, times)
{
	return do_utime(filename, times, false);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 forms with a 32-bit time_t (the _time64 utimensat is the
 * 64-bit handler): widened, then checked and applied as the 64-bit ones. */
COMPAT_SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		       struct old_timespec32 __user *, utimes, int, flags)
{
	struct old_timespec32 u32[2];
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(u32, utimes, sizeof(u32)))
			return -EFAULT;
		t[0] = (struct timespec64){ u32[0].tv_sec, u32[0].tv_nsec };
		t[1] = (struct timespec64){ u32[1].tv_sec, u32[1].tv_nsec };
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

COMPAT_SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		       struct old_timeval32 __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes, true);
}

COMPAT_SYSCALL_DEFINE2(utimes, const char __user *, filename,
		       struct old_timeval32 __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes, true);
}

COMPAT_SYSCALL_DEFINE2(utime, const char __user *, filename, struct old_utimbuf32 __user *, times)
{
	return do_utime(filename, times, true);
}
#endif
