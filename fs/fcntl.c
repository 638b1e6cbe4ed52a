// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2) and ioctl(2)'s generic requests.
 */
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
