// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, their vector and positional forms, and lseek.  The checks
 * come in Linux's order: the descriptor (EBADF), its mode (EBADF), the
 * buffer's range (EFAULT), then the transfer, which may end short when a
 * page of the buffer faults.  readv and writev check the iovec array
 * before the mode.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/uio.h>
#include <asm/uaccess.h>

/* The largest single transfer, as Linux's MAX_RW_COUNT. */
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)

/*
 * Linux's rw_verify_area: a transfer whose end would pass the largest
 * file position (pos + count overflows loff_t) is EINVAL, for files
 * with a position; checked after the buffer's range.
 */
static int rw_verify_area(struct file *f, const loff_t *pos, size_t count)
{
	if ((ssize_t)count < 0)
		return -EINVAL;
	if ((f->f_mode & FMODE_LSEEK) &&
	    (*pos < 0 || (loff_t)((u64)*pos + count) < 0))
		return -EINVAL;
	return 0;
}

static ssize_t vfs_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	int r;

	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	r = rw_verify_area(f, pos, count);
	if (r)
		return r;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	return f->f_op->read(f, buf, count, pos);
}

static ssize_t vfs_write(struct file *f, const char __user *buf, size_t count,
			 loff_t *pos)
{
	int r;

	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	r = rw_verify_area(f, pos, count);
	if (r)
		return r;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	return f->f_op->write(f, buf, count, pos);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t r;

	if (!f)
		return -EBADF;
	r = vfs_read(f, buf, count, &f->f_pos);
	fput(f);
	return r;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t r;

	if (!f)
		return -EBADF;
	r = vfs_write(f, buf, count, &f->f_pos);
	fput(f);
	return r;
}

static ssize_t do_pread(unsigned int fd, char __user *buf, size_t count,
			loff_t pos, bool write)
{
	struct file *f;
	ssize_t r;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	r = -ESPIPE;
	if (f->f_mode & FMODE_LSEEK)
		r = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return r;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos)
{
	return do_pread(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count, loff_t, pos)
{
	return do_pread(fd, (__force char __user *)buf, count, pos, true);
}

/*
 * Copies and checks an iovec array (Linux's import_iovec): more than
 * UIO_MAXIOV entries or a total that does not fit ssize_t is EINVAL, an
 * unreadable array or a segment outside user space EFAULT.
 */
static int import_iovec(const struct iovec __user *uvec, unsigned long vlen,
			struct iovec **out)
{
	struct iovec *iov;
	size_t total = 0;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	iov = kmalloc(vlen * sizeof(*iov) + 1, GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uvec, vlen * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		/* Linux truncates the total to MAX_RW_COUNT. */
		if (iov[i].iov_len > MAX_RW_COUNT - total)
			iov[i].iov_len = MAX_RW_COUNT - total;
		total += iov[i].iov_len;
	}
	*out = iov;
	return 0;
}

static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			       unsigned long vlen, loff_t *ppos, bool write)
{
	struct iovec *iov;
	struct file *f = fget(fd);
	ssize_t total = 0, r = 0;
	unsigned long i;

	if (!f)
		return -EBADF;
	r = import_iovec(vec, vlen, &iov);
	if (r) {
		fput(f);
		return r;
	}
	/* The array is checked before the mode, so a bad array on a
	 * read-only fd is EINVAL or EFAULT, not EBADF (Linux's vfs_writev
	 * imports it before do_iter_write tests FMODE_WRITE). */
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ))) {
		kfree(iov);
		fput(f);
		return -EBADF;
	}
	for (i = 0; i < vlen; i++) {
		loff_t *pos = ppos ? ppos : &f->f_pos;

		if (!iov[i].iov_len)
			continue;
		r = write ? vfs_write(f, iov[i].iov_base, iov[i].iov_len, pos) :
			    vfs_read(f, iov[i].iov_base, iov[i].iov_len, pos);
		if (r < 0)
			break;
		total += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	kfree(iov);
	fput(f);
	return total ? total : r;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, true);
}

static ssize_t do_preadv(unsigned long fd, const struct iovec __user *vec,
			 unsigned long vlen, loff_t pos, bool write)
{
	struct file *f;
	bool seekable;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	seekable = f->f_mode & FMODE_LSEEK;
	fput(f);
	if (!seekable)
		return -ESPIPE;
	return do_readv_writev(fd, vec, vlen, &pos, write);
}

/* x86-64 passes the offset in one register; pos_h is ignored (Linux). */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv(fd, vec, vlen, (loff_t)pos_l, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv(fd, vec, vlen, (loff_t)pos_l, true);
}

static loff_t generic_llseek(struct file *f, loff_t off, int whence)
{
	loff_t size = f->inode->size, pos;

	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = f->f_pos + off;
		break;
	case SEEK_END:
		pos = size + off;
		break;
	case SEEK_DATA:
		if (off < 0 || off >= size)
			return -ENXIO;
		pos = off;
		break;
	case SEEK_HOLE:
		if (off < 0 || off >= size)
			return -ENXIO;
		pos = size;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t r;

	if (!f)
		return -EBADF;
	if (whence > SEEK_HOLE)
		r = -EINVAL;
	else if (f->f_op && f->f_op->llseek)
		r = f->f_op->llseek(f, offset, whence);
	else if (f->f_mode & FMODE_LSEEK)
		r = generic_llseek(f, offset, whence);
	else
		r = -ESPIPE;
	fput(f);
	return r;
}
