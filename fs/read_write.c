// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, their vector and positional forms, lseek, sendfile and
 * copy_file_range.  The checks come in Linux's order: the descriptor
 * (EBADF), its mode (EBADF), whether the file can do it at all (EINVAL),
 * the buffer's range (EFAULT), the position (EINVAL), then the transfer,
 * which may end short when a page of the buffer faults.  readv and writev
 * check the iovec array before the mode.  Regular files and directories
 * serialise whole calls on their position (f_pos_lock), so threads
 * sharing a descriptor never read the same bytes twice.
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/errno.h>
#include <lego/string.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>
#include "internal.h"

/*
 * Linux's rw_verify_area: a negative position, or a transfer whose end
 * would pass the largest file position, is EINVAL for files with a
 * position; checked after the buffer's range.
 */
int rw_verify_area(struct file *f, const loff_t *pos, size_t count)
{
	if ((ssize_t)count < 0)
		return -EINVAL;
	if (pos && (f->f_mode & FMODE_LSEEK) &&
	    (*pos < 0 || (loff_t)((u64)*pos + count) < 0))
		return -EINVAL;
	return 0;
}

static bool can_read(struct file *f)
{
	return f->f_op && (f->f_op->read_iter || f->f_op->read);
}

static bool can_write(struct file *f)
{
	return f->f_op && (f->f_op->write_iter || f->f_op->write);
}

/* The current segment of a user iterator (count > 0): base and length. */
static size_t iter_seg(struct iov_iter *it, char __user **base)
{
	if (it->type == ITER_UBUF) {
		*base = it->ubuf;
		return it->count;
	}
	while (it->iov->iov_len == it->iov_offset) {
		it->iov++;
		it->nr_segs--;
		it->iov_offset = 0;
	}
	*base = (char __user *)it->iov->iov_base + it->iov_offset;
	return min(it->iov->iov_len - it->iov_offset, it->count);
}

/*
 * Through read_iter/write_iter, or a driver's plain read/write method
 * segment by segment, stopping at a short transfer as Linux's
 * do_loop_readv_writev.
 */
static ssize_t call_rw(struct file *f, struct iov_iter *it, loff_t *pos, bool write)
{
	ssize_t total = 0, r = 0;

	if (write && f->f_op->write_iter)
		return f->f_op->write_iter(f, it, pos);
	if (!write && f->f_op->read_iter)
		return f->f_op->read_iter(f, it, pos);
	if (it->type == ITER_KVEC)
		return -EINVAL;
	if (!it->count)
		return write ? f->f_op->write(f, it->ubuf, 0, pos) :
			       f->f_op->read(f, it->ubuf, 0, pos);
	while (it->count) {
		char __user *base;
		size_t len = iter_seg(it, &base);

		r = write ? f->f_op->write(f, base, len, pos) : f->f_op->read(f, base, len, pos);
		if (r <= 0)
			break;
		iov_iter_advance(it, r);
		total += r;
		if ((size_t)r < len)
			break;
	}
	return total ? total : r;
}

/*
 * A transfer through an iterator at *pos, or at the file position (pos
 * NULL), which moves by what was transferred.
 */
static ssize_t vfs_iter_rw(struct file *f, struct iov_iter *it, loff_t *pos, bool write)
{
	bool lock = !pos && (f->f_mode & FMODE_ATOMIC_POS);
	ssize_t r;
	loff_t p;

	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!(write ? can_write(f) : can_read(f)))
		return -EINVAL;
	if ((it->flags & IOCB_NOWAIT) && !(f->f_mode & FMODE_NOWAIT))
		return -EOPNOTSUPP;
	if (lock)
		mutex_lock(&f->f_pos_lock);
	p = pos ? *pos : READ_ONCE(f->f_pos);
	r = rw_verify_area(f, &p, it->count);
	if (!r) {
		if (it->count > MAX_RW_COUNT)
			it->count = MAX_RW_COUNT;
		r = call_rw(f, it, &p, write);
	}
	if (pos)
		*pos = p;
	else if (r >= 0)
		WRITE_ONCE(f->f_pos, p);
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	return r;
}

/*
 * A write of *n bytes at p within RLIMIT_FSIZE and the largest file size,
 * as Linux's generic_write_checks: *n is cut short at the limit; -EFBIG,
 * with SIGXFSZ at or past RLIMIT_FSIZE, when nothing is left.  Kernel
 * writes (the initramfs) have no file size limit.
 */
int generic_write_limit(loff_t p, size_t *n)
{
	unsigned long limit = current->mm ? rlimit(RLIMIT_FSIZE) : RLIM_INFINITY;

	if (limit != RLIM_INFINITY) {
		if ((unsigned long)p >= limit) {
			send_sig(SIGXFSZ, current, 0);
			return -EFBIG;
		}
		*n = min(*n, (size_t)(limit - p));
	}
	if (p > MAX_LFS_FILESIZE - (loff_t)*n)
		*n = MAX_LFS_FILESIZE - p;
	return *n ? 0 : -EFBIG;
}

ssize_t vfs_iter_read(struct file *f, struct iov_iter *it, loff_t *pos)
{
	return vfs_iter_rw(f, it, pos, false);
}

ssize_t vfs_iter_write(struct file *f, struct iov_iter *it, loff_t *pos)
{
	return vfs_iter_rw(f, it, pos, true);
}

/* read(2)'s checks before the iterator: mode, method, buffer range. */
static ssize_t vfs_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter it;

	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (!can_read(f))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&it, buf, count);
	return vfs_iter_read(f, &it, pos);
}

static ssize_t vfs_write(struct file *f, const char __user *buf, size_t count,
			 loff_t *pos)
{
	struct iov_iter it;

	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!can_write(f))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&it, (void __user *)buf, count);
	return vfs_iter_write(f, &it, pos);
}

/* Kernel reads and writes (the ELF loader, sendfile). */
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos)
{
	struct iov_iter it;

	iov_iter_kvec(&it, buf, n);
	return vfs_iter_read(f, &it, &pos);
}

ssize_t kernel_write(struct file *f, const void *buf, size_t n, loff_t pos)
{
	struct iov_iter it;

	iov_iter_kvec(&it, (void *)buf, n);
	return vfs_iter_write(f, &it, &pos);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t r;

	if (!f)
		return -EBADF;
	r = vfs_read(f, buf, count, NULL);
	fput(f);
	return r;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	ssize_t r;

	if (!f)
		return -EBADF;
	r = vfs_write(f, buf, count, NULL);
	fput(f);
	return r;
}

/* pread64/pwrite64: a negative position is EINVAL before the descriptor
 * is looked at; files without positions are ESPIPE. */
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
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
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
 * A 32-bit syscall's iovec array (struct compat_iovec), widened into iov
 * (Linux's copy_compat_iovec_from_user).
 */
static int copy_iovec_from_user(struct iovec *iov, const struct iovec __user *uvec,
				unsigned long nr_segs)
{
	const struct compat_iovec __user *cvec = (const struct compat_iovec __user *)uvec;
	struct compat_iovec c;
	unsigned long i;

	if (!in_ia32_syscall())
		return copy_from_user(iov, uvec, nr_segs * sizeof(*iov)) ? -EFAULT : 0;
	for (i = 0; i < nr_segs; i++) {
		if (copy_from_user(&c, cvec + i, sizeof(c)))
			return -EFAULT;
		iov[i].iov_base = compat_ptr(c.iov_base);
		iov[i].iov_len = (s32)c.iov_len;	/* a negative length stays one */
	}
	return 0;
}

/*
 * Copies and checks an iovec array (Linux's import_iovec): more than
 * UIO_MAXIOV entries or a segment whose length does not fit ssize_t is
 * EINVAL, an unreadable array or a segment outside user space EFAULT; the
 * total is cut to MAX_RW_COUNT.  *out is the kernel copy to kfree.
 */
int import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		 struct iovec **out, struct iov_iter *it, bool write)
{
	struct iovec *iov;
	size_t total = 0;
	unsigned long i;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	iov = kmalloc(nr_segs * sizeof(*iov) + 1, GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_iovec_from_user(iov, uvec, nr_segs)) {
		kfree(iov);
		return -EFAULT;
	}
	for (i = 0; i < nr_segs; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		if (iov[i].iov_len > MAX_RW_COUNT - total)
			iov[i].iov_len = MAX_RW_COUNT - total;
		total += iov[i].iov_len;
	}
	it->type = ITER_IOVEC;
	it->flags = 0;
	it->iov = iov;
	it->nr_segs = nr_segs;
	it->iov_offset = 0;
	it->count = total;
	*out = iov;
	return 0;
}

/* preadv2/pwritev2 flags (linux/fs.h RWF_*); the sync hints are no-ops
 * on RAM file systems. */
#define RWF_HIPRI	0x01
#define RWF_DSYNC	0x02
#define RWF_SYNC	0x04
#define RWF_NOWAIT	0x08
#define RWF_APPEND	0x10
#define RWF_NOAPPEND	0x20
#define RWF_SUPPORTED	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | \
			 RWF_APPEND | RWF_NOAPPEND)

static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			       unsigned long vlen, loff_t *ppos, bool write, int rwf)
{
	struct iovec *iov;
	struct iov_iter it;
	struct file *f = fget(fd);
	ssize_t r;

	if (!f)
		return -EBADF;
	if (ppos && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
		fput(f);
		return -ESPIPE;
	}
	r = import_iovec(vec, vlen, &iov, &it, write);
	if (r) {
		fput(f);
		return r;
	}
	r = -EOPNOTSUPP;
	if (rwf & ~RWF_SUPPORTED)
		goto out;
	if (rwf & RWF_NOWAIT)
		it.flags |= IOCB_NOWAIT;
	if (write && (rwf & RWF_APPEND))
		it.flags |= IOCB_APPEND;
	if (write && (rwf & RWF_NOAPPEND))
		it.flags |= IOCB_NOAPPEND;
	r = vfs_iter_rw(f, &it, ppos, write);
out:
	kfree(iov);
	fput(f);
	return r;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, false, 0);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, true, 0);
}

/*
 * The positional vector calls.  x86-64 passes the offset in one register;
 * pos_h is ignored (Linux).  A negative offset is EINVAL, except that the
 * v2 forms take -1 for the file position.
 */
static ssize_t do_pv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		     unsigned long pos_l, bool write, int flags, bool v2)
{
	loff_t pos = pos_l;

	if (v2 && pos == -1)
		return do_readv_writev(fd, vec, vlen, NULL, write, flags);
	if (pos < 0)
		return -EINVAL;
	return do_readv_writev(fd, vec, vlen, &pos, write, flags);
}

SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_pv(fd, vec, vlen, pos_l, false, 0, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	return do_pv(fd, vec, vlen, pos_l, true, 0, false);
}

SYSCALL_DEFINE6(preadv2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		int, flags)
{
	return do_pv(fd, vec, vlen, pos_l, false, flags, true);
}

SYSCALL_DEFINE6(pwritev2, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h,
		int, flags)
{
	return do_pv(fd, vec, vlen, pos_l, true, flags, true);
}

/* read(2) of a directory is EISDIR (Linux's generic_read_dir). */
ssize_t generic_read_dir(struct file *f, struct iov_iter *to, loff_t *pos)
{
	return -EISDIR;
}

/* ------------------------------------------------------------ lseek */

static loff_t set_pos(struct file *f, loff_t pos, loff_t max)
{
	if (pos < 0 || pos > max)
		return -EINVAL;
	WRITE_ONCE(f->f_pos, pos);
	return pos;
}

/*
 * Regular files: SEEK_DATA and SEEK_HOLE see the whole file as data
 * (holes are allowed to read as data) with the hole at its end; past the
 * end they are ENXIO.
 */
loff_t generic_file_llseek(struct file *f, loff_t off, int whence)
{
	loff_t size = READ_ONCE(f->inode->i_size), pos;

	if (S_ISDIR(f->inode->i_mode)) {
		/* Directory positions: SEEK_SET and SEEK_CUR only. */
		if (whence == SEEK_CUR)
			return set_pos(f, f->f_pos + off, MAX_LFS_FILESIZE);
		if (whence != SEEK_SET)
			return -EINVAL;
		return set_pos(f, off, MAX_LFS_FILESIZE);
	}
	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		if (!off)
			return f->f_pos;
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
	return set_pos(f, pos, MAX_LFS_FILESIZE);
}

/* Files whose end is size (/proc files use their generated length). */
loff_t no_seek_end_llseek(struct file *f, loff_t off, int whence, loff_t size)
{
	switch (whence) {
	case SEEK_SET:
		return set_pos(f, off, MAX_LFS_FILESIZE);
	case SEEK_CUR:
		return set_pos(f, f->f_pos + off, MAX_LFS_FILESIZE);
	case SEEK_END:
		return set_pos(f, size + off, MAX_LFS_FILESIZE);
	default:
		return -EINVAL;
	}
}

loff_t default_llseek(struct file *f, loff_t off, int whence)
{
	return no_seek_end_llseek(f, off, whence, READ_ONCE(f->inode->i_size));
}

/* lseek(2) of an open file: a whence past SEEK_HOLE is EINVAL even on a
 * pipe; files without a position are ESPIPE. */
loff_t vfs_llseek(struct file *f, loff_t offset, unsigned int whence)
{
	bool lock = f->f_mode & FMODE_ATOMIC_POS;
	loff_t r;

	if (whence > SEEK_HOLE)
		return -EINVAL;
	if (!(f->f_mode & FMODE_LSEEK) || !f->f_op || !f->f_op->llseek)
		return -ESPIPE;
	if (lock)
		mutex_lock(&f->f_pos_lock);
	r = f->f_op->llseek(f, offset, whence);
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	return r;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t r;

	if (!f)
		return -EBADF;
	r = vfs_llseek(f, offset, whence);
	fput(f);
	return r;
}

/* ------------------------------------------------------------ sendfile */

/*
 * Moves up to count bytes from in at *ipos (its position when NULL) to
 * out at *opos (likewise), through a kernel page: what sendfile and
 * copy_file_range do.  Short when either side stops early.
 */
static ssize_t copy_through(struct file *in, loff_t *ipos, struct file *out,
			    loff_t *opos, size_t count)
{
	char *buf = (char *)__get_free_page(GFP_KERNEL);
	size_t done = 0;
	ssize_t r = 0;

	if (!buf)
		return -ENOMEM;
	while (done < count) {
		struct iov_iter it;
		size_t chunk = min(count - done, (size_t)PAGE_SIZE);
		ssize_t n, w;
		loff_t save = ipos ? *ipos : 0;

		iov_iter_kvec(&it, buf, chunk);
		n = vfs_iter_read(in, &it, ipos);
		if (n <= 0) {
			r = n;
			break;
		}
		iov_iter_kvec(&it, buf, n);
		w = vfs_iter_write(out, &it, opos);
		if (w < 0) {
			r = w;
			/* Give back what was read but not written. */
			if (ipos)
				*ipos = save;
			break;
		}
		done += w;
		if (w < n) {
			if (ipos)
				*ipos = save + w;
			else
				WRITE_ONCE(in->f_pos, in->f_pos - (n - w));
			break;
		}
		if (signal_pending(current))
			break;
	}
	free_page((unsigned long)buf);
	return done ? (ssize_t)done : r;
}

/*
 * sendfile(2): any readable file to any file that can take a kernel
 * buffer (the VFS's own files: regular files, pipes, devices).  With
 * offset, in's position is not used or changed (ESPIPE when it has
 * none); an O_APPEND out_fd is EINVAL.
 */
// syscall-status: sendfile: partial: not to files without write_iter (the console tty: EINVAL)
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count)
{
	struct file *in, *out = NULL;
	loff_t pos, *ppos = NULL;
	ssize_t r;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	r = -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto out;
	if (offset) {
		r = -EFAULT;
		if (copy_from_user(&pos, offset, sizeof(pos)))
			goto out;
		r = -ESPIPE;
		if (!(in->f_mode & FMODE_PREAD))
			goto out;
		ppos = &pos;
	}
	r = -EBADF;
	out = fget(out_fd);
	if (!out || !(out->f_mode & FMODE_WRITE))
		goto out;
	r = -EINVAL;
	if (out->f_flags & O_APPEND)
		goto out;
	if (!in->f_op || !in->f_op->read_iter || !out->f_op || !out->f_op->write_iter)
		goto out;
	r = rw_verify_area(in, ppos ? ppos : &in->f_pos, count);
	if (r)
		goto out;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	r = copy_through(in, ppos, out, NULL, count);
	if (ppos && put_user(pos, offset))
		r = -EFAULT;
out:
	fput(in);
	fput(out);
	return r;
}

/*
 * copy_file_range(2): between regular files (EISDIR for directories,
 * EINVAL for other types) of one file system (EXDEV otherwise); flags
 * must be 0; overlapping ranges of one file are EINVAL.
 */
SYSCALL_DEFINE6(copy_file_range, int, fd_in, loff_t __user *, off_in,
		int, fd_out, loff_t __user *, off_out, size_t, len, unsigned int, flags)
{
	struct file *in, *out = NULL;
	loff_t ipos, opos, *pi = NULL, *po = NULL;
	ssize_t r;

	if (flags)
		return -EINVAL;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	r = -EBADF;
	out = fget(fd_out);
	if (!out)
		goto out;
	if (off_in) {
		r = -EFAULT;
		if (copy_from_user(&ipos, off_in, sizeof(ipos)))
			goto out;
		pi = &ipos;
	}
	if (off_out) {
		r = -EFAULT;
		if (copy_from_user(&opos, off_out, sizeof(opos)))
			goto out;
		po = &opos;
	}
	r = -EBADF;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE) ||
	    (out->f_flags & O_APPEND))
		goto out;
	r = -EISDIR;
	if (S_ISDIR(in->inode->i_mode) || S_ISDIR(out->inode->i_mode))
		goto out;
	r = -EINVAL;
	if (!S_ISREG(in->inode->i_mode) || !S_ISREG(out->inode->i_mode))
		goto out;
	r = -EXDEV;
	if (in->inode->i_sb != out->inode->i_sb)
		goto out;
	r = -EINVAL;
	{
		loff_t a = pi ? ipos : in->f_pos, b = po ? opos : out->f_pos;

		if (a < 0 || b < 0 || (loff_t)((u64)a + len) < 0 || (loff_t)((u64)b + len) < 0)
			goto out;
		if (in->inode == out->inode && a + (loff_t)len > b && b + (loff_t)len > a)
			goto out;
	}
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	r = copy_through(in, pi, out, po, len);
	if (r >= 0 && ((pi && put_user(ipos, off_in)) || (po && put_user(opos, off_out))))
		r = -EFAULT;
out:
	fput(in);
	fput(out);
	return r;
}
