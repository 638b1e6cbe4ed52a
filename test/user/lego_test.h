/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lego_test.h: what every user-space test shares.
 *
 * A test defines LT_SUITE (its file name) before including this, prints
 * one line per check,
 *
 *	PASS suite/case
 *	FAIL suite/case: expected X, got Y
 *
 * and returns lt_done() from main (0 only if every check passed).  The
 * helpers use no C library at all (raw SYSCALL and their own formatter),
 * so the same header serves musl, glibc, -nostdlib and 32-bit programs,
 * and a test can check a syscall without libc's wrappers in the way.
 */
#ifndef LEGO_TEST_H
#define LEGO_TEST_H

#include <stdarg.h>
#include <stddef.h>

#ifndef LT_SUITE
#error "define LT_SUITE before including lego_test.h"
#endif

static int lt_failures, lt_checks;

/* ------------------------------------------------------------ syscalls */
#include "raw_syscall.h"

#define LT_NR_write			RAW_NR_write
#define lt_syscall6			raw_syscall6
#define lt_syscall0(n)			raw_syscall0(n)
#define lt_syscall1(n, a)		raw_syscall1(n, a)
#define lt_syscall2(n, a, b)		raw_syscall2(n, a, b)
#define lt_syscall3(n, a, b, c)		raw_syscall3(n, a, b, c)
#define lt_syscall4(n, a, b, c, d)	raw_syscall4(n, a, b, c, d)
#define lt_syscall5(n, a, b, c, d, e)	raw_syscall5(n, a, b, c, d, e)

/* ------------------------------------------------------------- output */
static inline size_t lt_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Output goes through one buffer per line, written with one write(2), so
 * lines of concurrent processes never interleave mid-line. */
struct lt_buf {
	char b[512];
	size_t n;
};

static inline void lt_putc(struct lt_buf *o, char c)
{
	if (o->n < sizeof(o->b) - 1)
		o->b[o->n++] = c;
}

static inline void lt_puts(struct lt_buf *o, const char *s)
{
	while (*s)
		lt_putc(o, *s++);
}

static inline void lt_putu(struct lt_buf *o, unsigned long long v, unsigned base)
{
	char t[24];
	int i = 0;

	do {
		t[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		lt_putc(o, t[--i]);
}

/* %s %c %d %u %x %ld %lu %lx %lld %llu %llx %p %%, no widths. */
static inline void lt_vformat(struct lt_buf *o, const char *f, va_list ap)
{
	for (; *f; f++) {
		int l = 0;

		if (*f != '%') {
			lt_putc(o, *f);
			continue;
		}
		while (*++f == 'l')
			l++;
		switch (*f) {
		case 's': {
			const char *s = va_arg(ap, const char *);

			lt_puts(o, s ? s : "(null)");
			break;
		}
		case 'c':
			lt_putc(o, (char)va_arg(ap, int));
			break;
		case 'd': {
			long long v = l >= 2 ? va_arg(ap, long long) :
				      l ? va_arg(ap, long) : va_arg(ap, int);

			if (v < 0) {
				lt_putc(o, '-');
				lt_putu(o, -(unsigned long long)v, 10);
			} else {
				lt_putu(o, v, 10);
			}
			break;
		}
		case 'u':
		case 'x': {
			unsigned long long v = l >= 2 ? va_arg(ap, unsigned long long) :
					       l ? va_arg(ap, unsigned long) :
					       va_arg(ap, unsigned int);

			if (*f == 'x')
				lt_puts(o, "0x");
			lt_putu(o, v, *f == 'x' ? 16 : 10);
			break;
		}
		case 'p':
			lt_puts(o, "0x");
			lt_putu(o, (unsigned long)va_arg(ap, void *), 16);
			break;
		case '%':
			lt_putc(o, '%');
			break;
		default:
			lt_putc(o, '?');
		}
	}
}

static inline void lt_flush(struct lt_buf *o)
{
	size_t done = 0;

	while (done < o->n) {
		long r = lt_syscall3(LT_NR_write, 1, o->b + done,
				     o->n - done);
		if (r <= 0)
			break;
		done += r;
	}
	o->n = 0;
}

static inline void lt_printf(const char *f, ...)
{
	struct lt_buf o = { .n = 0 };
	va_list ap;

	va_start(ap, f);
	lt_vformat(&o, f, ap);
	va_end(ap);
	lt_flush(&o);
}

/* "a/b" in one of a few static buffers: case names built at run time. */
static inline const char *lt_cat(const char *a, const char *b)
{
	static char bufs[4][128];
	static int next;
	char *p = bufs[next++ % 4];
	size_t i = 0;

	while (*a && i < 126)
		p[i++] = *a++;
	p[i++] = '/';
	while (*b && i < 127)
		p[i++] = *b++;
	p[i] = 0;
	return p;
}

/* Whether n bytes at a and b are the same. */
static inline int lt_memeq(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	while (n--)
		if (*x++ != *y++)
			return 0;
	return 1;
}

/* -------------------------------------------------------------- checks */
/* Records one check; fmt explains a failure. */
static inline int lt_check(const char *name, int ok, const char *fmt, ...)
{
	struct lt_buf o = { .n = 0 };
	va_list ap;

	lt_checks++;
	lt_puts(&o, ok ? "PASS " : "FAIL ");
	lt_puts(&o, LT_SUITE "/");
	lt_puts(&o, name);
	if (!ok) {
		lt_failures++;
		lt_puts(&o, ": ");
		va_start(ap, fmt);
		lt_vformat(&o, fmt, ap);
		va_end(ap);
	}
	lt_putc(&o, '\n');
	lt_flush(&o);
	return ok;
}

#define EXPECT_TRUE(name, cond) \
	lt_check(name, !!(cond), "%s is false", #cond)
#define EXPECT_EQ(name, got, want) ({					\
	long long __g = (long long)(got), __w = (long long)(want);	\
	lt_check(name, __g == __w, "%s: expected %lld (%llx), got %lld (%llx)",	\
		 #got, __w, __w, __g, __g);				\
})
/* A raw syscall's result: want >= 0 a value, or -ERRNO. */
#define EXPECT_RET(name, got, want) EXPECT_EQ(name, got, want)

/*
 * The exit status for main: 0 when every check passed.  It first waits
 * for the console to have sent every byte (ioctl TCSBRK with a non-zero
 * argument is tcdrain): a test is PID 1, and Linux powers off the moment
 * init exits, losing what its serial driver still held -- the last result
 * lines.  (Lego writes the console synchronously; where fd 1 is no tty
 * the ioctl fails harmlessly.)
 */
static inline int lt_done(void)
{
	if (!lt_checks)
		lt_check("ran", 0, "no checks ran");
#if defined(__x86_64__)
	lt_syscall3(16, 1, 0x5409, 1);		/* ioctl(1, TCSBRK, 1) */
#else
	lt_syscall3(54, 1, 0x5409, 1);
#endif
	return lt_failures ? 1 : 0;
}


#endif /* LEGO_TEST_H */
