// SPDX-License-Identifier: GPL-2.0
/*
 * I/O iterators: the data side of a read or write, user memory (one
 * buffer or an iovec array) or a kernel buffer.  User ranges were checked
 * (access_ok) when the iterator was made; a fault in the middle ends the
 * copy short, and the iterator stays at the byte that faulted.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/string.h>
#include <asm/uaccess.h>

static void iter_init(struct iov_iter *i, enum iter_type type, size_t count)
{
	i->type = type;
	i->flags = 0;
	i->count = count;
	i->iov = NULL;
	i->nr_segs = 0;
	i->iov_offset = 0;
}

void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	iter_init(i, ITER_UBUF, count);
	i->ubuf = buf;
}

void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	iter_init(i, ITER_KVEC, count);
	i->kbuf = buf;
}

enum iter_op { TO_ITER, FROM_ITER, ZERO_ITER };

/* One user segment: the bytes not moved, as copy_*_user say. */
static size_t user_op(enum iter_op op, char __user *u, char *k, size_t n)
{
	switch (op) {
	case TO_ITER:
		return copy_to_user(u, k, n);
	case FROM_ITER:
		return copy_from_user(k, u, n);
	default:
		return clear_user(u, n);
	}
}

/* The one walker: moves up to n bytes between k and the iterator. */
static size_t iterate(struct iov_iter *i, char *k, size_t n, enum iter_op op)
{
	size_t done = 0;

	n = min(n, i->count);
	switch (i->type) {
	case ITER_KVEC:
		if (op == TO_ITER)
			memcpy(i->kbuf, k, n);
		else if (op == FROM_ITER)
			memcpy(k, i->kbuf, n);
		else
			memset(i->kbuf, 0, n);
		i->kbuf += n;
		i->count -= n;
		return n;
	case ITER_UBUF:
		done = n - user_op(op, i->ubuf, k, n);
		i->ubuf += done;
		i->count -= done;
		return done;
	case ITER_IOVEC:
		while (done < n) {
			const struct iovec *seg = i->iov;
			size_t avail = seg->iov_len - i->iov_offset, c, moved;

			if (!avail) {
				i->iov++;
				i->nr_segs--;
				i->iov_offset = 0;
				continue;
			}
			c = min(avail, n - done);
			moved = c - user_op(op, (char __user *)seg->iov_base + i->iov_offset,
					    k ? k + done : NULL, c);
			done += moved;
			i->iov_offset += moved;
			i->count -= moved;
			if (moved < c)
				break;
		}
		return done;
	}
	return 0;
}

size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i)
{
	return iterate(i, (char *)src, n, TO_ITER);
}

size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i)
{
	return iterate(i, dst, n, FROM_ITER);
}

size_t iov_iter_zero(size_t n, struct iov_iter *i)
{
	return iterate(i, NULL, n, ZERO_ITER);
}

/* Skips n bytes (at most what is left) without copying. */
void iov_iter_advance(struct iov_iter *i, size_t n)
{
	n = min(n, i->count);
	switch (i->type) {
	case ITER_KVEC:
		i->kbuf += n;
		break;
	case ITER_UBUF:
		i->ubuf += n;
		break;
	case ITER_IOVEC: {
		size_t left = n;

		while (left) {
			size_t avail = i->iov->iov_len - i->iov_offset;

			if (!avail) {
				i->iov++;
				i->nr_segs--;
				i->iov_offset = 0;
				continue;
			}
			avail = min(avail, left);
			i->iov_offset += avail;
			left -= avail;
		}
		break;
	}
	}
	i->count -= n;
}
