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

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec ut[2];
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		t[0].tv_sec = ut[0].tv_sec;
		t[0].tv_nsec = ut[0].tv_nsec;
		t[1].tv_sec = ut[1].tv_sec;
		t[1].tv_nsec = ut[1].tv_nsec;
		if (ut[0].tv_nsec != t[0].tv_nsec || ut[1].tv_nsec != t[1].tv_nsec)
			return -EINVAL;
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

/* futimesat/utimes: microseconds in [0, 1000000) (EINVAL otherwise). */
SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	struct __kernel_old_timeval tv[2];
	struct timespec64 t[2];
	int i;

	if (utimes) {
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		for (i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			t[i].tv_sec = tv[i].tv_sec;
			t[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
		}
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, 0);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return __do_sys_futimesat(AT_FDCWD, filename, utimes);
}

struct utimbuf {
	long actime;
	long modtime;
};

SYSCALL_DEFINE2(utime, const char __user *, filename, struct utimbuf __user *, times)
{
	struct timespec64 t[2];
	struct utimbuf u;

	if (times) {
		if (copy_from_user(&u, times, sizeof(u)))
			return -EFAULT;
		t[0].tv_sec = u.actime;
		t[0].tv_nsec = 0;
		t[1].tv_sec = u.modtime;
		t[1].tv_nsec = 0;
	}
	return do_utimes(AT_FDCWD, filename, times ? t : NULL, 0);
}
