// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: the requests every file understands (close-on-exec, non-blocking
 * mode, FIONREAD on regular files), then the file's own, else ENOTTY.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/termios.h>
#include <asm/uaccess.h>

static void set_cloexec(unsigned int fd, bool on)
{
	unsigned char *b = &((unsigned char *)current->files->close_on_exec)[fd / 8];

	if (on)
		*b |= 1 << (fd % 8);
	else
		*b &= ~(1 << (fd % 8));
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	int __user *p = (int __user *)arg;
	long r = -ENOTTY;
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_cloexec(fd, cmd == FIOCLEX);
		r = 0;
		break;
	case FIONBIO:
		r = get_user(on, p);
		if (!r) {
			if (on)
				f->f_flags |= O_NONBLOCK;
			else
				f->f_flags &= ~O_NONBLOCK;
		}
		break;
	case FIOASYNC:
		r = get_user(on, p);
		break;
	case FIONREAD:
		if (S_ISREG(f->inode->mode)) {
			loff_t left = f->inode->size - f->f_pos;

			r = put_user(left > 0 ? (int)min(left, (loff_t)INT_MAX) : 0, p);
			break;
		}
		/* fall through */
	default:
		if (f->f_op && f->f_op->ioctl)
			r = f->f_op->ioctl(f, cmd, arg);
	}
	fput(f);
	return r;
}
