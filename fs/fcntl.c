// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2) and ioctl(2)'s generic requests.
 */
#include <lego/compat.h>
#include <lego/string.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/termios.h>
#include <asm/uaccess.h>
#include "internal.h"

/* The status flags F_SETFL may change (Linux's SETFL_MASK). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME | FASYNC)

/*
 * F_SETFL: only the SETFL_MASK flags change; the access mode and the
 * creation flags are ignored.  O_NOATIME needs the owner (EPERM).
 * FASYNC is kept, but Lego sends no SIGIO (decisions.rst).
 */
static int setfl(struct file *f, unsigned long arg)
{
	if ((arg & O_NOATIME) && !(f->f_flags & O_NOATIME) &&
	    !inode_owner_or_capable(f->inode))
		return -EPERM;
	spin_lock(&f->f_lock);
	f->f_flags = (arg & SETFL_MASK) | (f->f_flags & ~SETFL_MASK);
	spin_unlock(&f->f_lock);
	return 0;
}

/* F_SETOWN_EX / F_GETOWN_EX (struct f_owner_ex). */
struct f_owner_ex {
	int type;
	int pid;
};

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *f)
{
	void __user *argp = (void __user *)arg;
	struct f_owner_ex owner;

	switch (cmd) {
	case F_DUPFD:
		get_file(f);
		return f_dupfd((unsigned int)arg, f, 0);
	case F_DUPFD_CLOEXEC:
		get_file(f);
		return f_dupfd((unsigned int)arg, f, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		return setfl(f, arg);
	case F_GETLK:
	case F_OFD_GETLK:
		return fcntl_getlk(f, cmd, argp);
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return fcntl_setlk(fd, f, cmd, argp);
	case F_GETOWN:
		return READ_ONCE(f->f_owner);
	case F_SETOWN:
		WRITE_ONCE(f->f_owner, (int)arg);
		return 0;
	case F_GETOWN_EX:
		owner.type = READ_ONCE(f->f_owner) < 0 ? 2 : 1;	/* F_OWNER_PGRP/PID */
		owner.pid = READ_ONCE(f->f_owner);
		if (owner.pid < 0)
			owner.pid = -owner.pid;
		return copy_to_user(argp, &owner, sizeof(owner)) ? -EFAULT : 0;
	case F_SETOWN_EX:
		if (copy_from_user(&owner, argp, sizeof(owner)))
			return -EFAULT;
		if (owner.type < 0 || owner.type > 2)
			return -EINVAL;
		WRITE_ONCE(f->f_owner, owner.type == 2 ? -owner.pid : owner.pid);
		return 0;
	case F_GETSIG:
		return READ_ONCE(f->f_owner_sig);
	case F_SETSIG:
		if (arg > 64)
			return -EINVAL;
		WRITE_ONCE(f->f_owner_sig, (int)arg);
		return 0;
	case F_GETLEASE:
		return F_UNLCK;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	default:
		/* Leases, dnotify and seals are not supported (EINVAL, as
		 * Linux says for files and configurations without them). */
		return -EINVAL;
	}
}

/* The commands an O_PATH descriptor allows (Linux's check_fcntl_cmd). */
static bool path_cmd_ok(unsigned int cmd)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_GETFD:
	case F_SETFD:
	case F_GETFL:
		return true;
	}
	return false;
}

// syscall-status: fcntl: partial: no leases, dnotify or seals (EINVAL); F_SETOWN sends no SIGIO
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget_raw(fd);
	long r;

	if (!f)
		return -EBADF;
	if ((f->f_mode & FMODE_PATH) && !path_cmd_ok(cmd))
		r = -EBADF;
	else
		r = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return r;
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 lock structures (asm/fcntl.h): 32-bit offsets in struct
 * flock, 64-bit ones at 4-byte alignment in struct flock64. */
struct compat_flock {
	short l_type, l_whence;
	s32 l_start, l_len, l_pid;
};
_Static_assert(sizeof(struct compat_flock) == 16, "compat_flock");

struct compat_flock64 {
	short l_type, l_whence;
	s64 l_start, l_len;
	s32 l_pid;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct compat_flock64) == 24, "compat_flock64");

#define F_GETLK64	12
#define F_SETLK64	13
#define F_SETLKW64	14

/* A lock command with an i386 structure at arg: F_GETLK..F_SETLKW with
 * struct compat_flock, their 64 forms and the OFD ones with
 * compat_flock64.  -EOVERFLOW when F_GETLK's answer does not fit 32 bits. */
static long compat_lock(struct file *f, unsigned int cmd, void __user *arg, bool wide)
{
	struct compat_flock c;
	struct compat_flock64 c64;
	struct flock l;
	bool get = cmd == F_GETLK || cmd == F_OFD_GETLK;
	long r;

	memset(&l, 0, sizeof(l));
	if (wide) {
		if (copy_from_user(&c64, arg, sizeof(c64)))
			return -EFAULT;
		l.l_type = c64.l_type; l.l_whence = c64.l_whence;
		l.l_start = c64.l_start; l.l_len = c64.l_len; l.l_pid = c64.l_pid;
	} else {
		if (copy_from_user(&c, arg, sizeof(c)))
			return -EFAULT;
		l.l_type = c.l_type; l.l_whence = c.l_whence;
		l.l_start = c.l_start; l.l_len = c.l_len; l.l_pid = c.l_pid;
	}
	if (!get)
		return vfs_setlk(f, cmd, &l);
	r = vfs_getlk(f, cmd, &l);
	if (r)
		return r;
	if (wide) {
		c64.l_type = l.l_type; c64.l_whence = l.l_whence;
		c64.l_start = l.l_start; c64.l_len = l.l_len; c64.l_pid = l.l_pid;
		return copy_to_user(arg, &c64, sizeof(c64)) ? -EFAULT : 0;
	}
	if (l.l_start != (s32)l.l_start || l.l_len != (s32)l.l_len)
		return -EOVERFLOW;
	c.l_type = l.l_type; c.l_whence = l.l_whence;
	c.l_start = l.l_start; c.l_len = l.l_len; c.l_pid = l.l_pid;
	return copy_to_user(arg, &c, sizeof(c)) ? -EFAULT : 0;
}

/*
 * i386 fcntl64 (221), and fcntl (55), which Linux's i386 table maps to
 * the same handler (compat_sys_fcntl64): the lock commands take i386 structures,
 * the others are the 64-bit fcntl's.
 */
COMPAT_SYSCALL_DEFINE3(fcntl64, unsigned int, fd, unsigned int, cmd, u32, arg)
{
	struct file *f;
	long r;

	switch (cmd) {
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_GETLK64:
	case F_SETLK64:
	case F_SETLKW64:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		break;
	default:
		return sys_fcntl(fd, cmd, arg);
	}
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (cmd >= F_GETLK64 && cmd <= F_SETLKW64)
		r = compat_lock(f, cmd - F_GETLK64 + F_GETLK, compat_ptr(arg), true);
	else
		r = compat_lock(f, cmd, compat_ptr(arg), cmd >= F_OFD_GETLK);
	fput(f);
	return r;
}

COMPAT_SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, u32, arg)
{
	return __do_compat_sys_fcntl64(fd, cmd, arg);
}
#endif

/* ------------------------------------------------------------ ioctl */

#ifndef FIOQSIZE
#define FIOQSIZE	0x5460
#endif

/*
 * ioctl(2): the requests every file understands (close-on-exec,
 * non-blocking and async modes, FIONREAD on regular files, FIOQSIZE),
 * then the file's own; ENOTTY for the rest.
 */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	int __user *p = (int __user *)arg;
	umode_t mode;
	long r = -ENOTTY;
	int on;

	if (!f)
		return -EBADF;
	mode = f->inode->i_mode;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		r = 0;
		break;
	case FIONBIO:
	case FIOASYNC:
		r = get_user(on, p);
		if (r)
			break;
		spin_lock(&f->f_lock);
		if (on)
			f->f_flags |= cmd == FIONBIO ? O_NONBLOCK : FASYNC;
		else
			f->f_flags &= ~(cmd == FIONBIO ? O_NONBLOCK : FASYNC);
		spin_unlock(&f->f_lock);
		break;
	case FIOQSIZE:
		if (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)) {
			/* The bytes allocated (Linux's inode_get_bytes). */
			loff_t size = (loff_t)READ_ONCE(f->inode->i_blocks) * PAGE_SIZE;

			r = copy_to_user((void __user *)arg, &size, sizeof(size)) ? -EFAULT : 0;
			break;
		}
		goto dflt;
	case FIONREAD:
		if (S_ISREG(mode)) {
			loff_t left = READ_ONCE(f->inode->i_size) - f->f_pos;

			r = put_user(left > 0 ? (int)min(left, (loff_t)INT_MAX) : 0, p);
			break;
		}
		goto dflt;
	default:
dflt:
		if (f->f_op && f->f_op->ioctl)
			r = f->f_op->ioctl(f, cmd, arg);
	}
	fput(f);
	return r;
}
