// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf and friends: the C99 conversions the kernel uses (d i u x X o
 * c s p %, flags - 0 + space #, width and precision with *, length hh h l
 * ll z t j), plus %pS / %ps for kernel symbols.  No floating point.
 */
#include <lego/types.h>
#include <lego/string.h>
#include <lego/vsprintf.h>
#include <lego/kallsyms.h>

struct out {
	char *buf;
	size_t size, len;	/* len counts every byte, stored or not */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s, size_t n)
{
	while (n--)
		put(o, *s++);
}

#define F_LEFT	1
#define F_ZERO	2
#define F_PLUS	4
#define F_SPACE	8
#define F_ALT	16

struct spec {
	int flags, width, prec;	/* prec -1: none */
};

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_number(struct out *o, unsigned long long v, bool neg,
		       unsigned int base, bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	int n = 0, zeros, len;

	if (neg)
		prefix = "-";
	else if (sp->flags & F_PLUS)
		prefix = "+";
	else if (sp->flags & F_SPACE)
		prefix = " ";
	if ((sp->flags & F_ALT) && v) {
		if (base == 16)
			prefix = upper ? "0X" : "0x";
		else if (base == 8)
			prefix = "0";
	}
	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (!n && sp->prec != 0)
		tmp[n++] = '0';
	if ((sp->flags & F_ALT) && base == 8 && n && tmp[n - 1] == '0' && *prefix == '0')
		prefix = "";
	zeros = sp->prec > n ? sp->prec - n : 0;
	len = strlen(prefix) + zeros + n;
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0)
		zeros += sp->width > len ? sp->width - len : 0, len = sp->width > len ? sp->width : len;
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - len);
	put_str(o, prefix, strlen(prefix));
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - len);
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	size_t n;

	if (!s)
		s = "(null)";
	n = sp->prec >= 0 ? strnlen(s, sp->prec) : strlen(s);
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - (int)n);
	put_str(o, s, n);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - (int)n);
}

/* %pS: "name+0xoff/0xsize"; %ps: "name"; unknown: the address. */
static void put_symbol(struct out *o, unsigned long addr, bool offset,
		       const struct spec *sp)
{
	unsigned long size, off;
	const char *name = kallsyms_lookup(addr, &size, &off);
	char buf[160];
	struct spec hex = { F_ALT, 0, -1 };

	if (!name) {
		put_number(o, addr, false, 16, false, &hex);
		return;
	}
	if (offset)
		snprintf(buf, sizeof(buf), "%s+0x%lx/0x%lx", name, off, size);
	else
		snprintf(buf, sizeof(buf), "%s", name);
	put_string(o, buf, sp);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		struct spec sp = { 0, 0, -1 };
		int lng = 0;		/* 1 l, 2 ll, -1 h, -2 hh, 3 size_t */
		unsigned long long v;
		bool neg = false;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0)
				sp.flags |= F_LEFT, sp.width = -sp.width;
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(args, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng = lng == 1 ? 2 : 1;
			else if (*fmt == 'h')
				lng = lng == -1 ? -2 : -1;
			else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j')
				lng = 3;
			else
				break;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long s;

			if (lng == 2)
				s = va_arg(args, long long);
			else if (lng == 1 || lng == 3)
				s = va_arg(args, long);
			else
				s = va_arg(args, int);
			if (lng == -1)
				s = (short)s;
			else if (lng == -2)
				s = (signed char)s;
			neg = s < 0;
			v = neg ? -(unsigned long long)s : (unsigned long long)s;
			put_number(&o, v, neg, 10, false, &sp);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng == 2)
				v = va_arg(args, unsigned long long);
			else if (lng == 1 || lng == 3)
				v = va_arg(args, unsigned long);
			else
				v = va_arg(args, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng == -2)
				v = (unsigned char)v;
			sp.flags &= ~(F_PLUS | F_SPACE);
			put_number(&o, v, false, *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16,
				   *fmt == 'X', &sp);
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!(sp.flags & F_LEFT))
				pad(&o, ' ', sp.width - 1);
			put(&o, c);
			if (sp.flags & F_LEFT)
				pad(&o, ' ', sp.width - 1);
			break;
		}
		case 's':
			put_string(&o, va_arg(args, const char *), &sp);
			break;
		case 'p': {
			unsigned long p = (unsigned long)va_arg(args, void *);

			if (fmt[1] == 'S' || fmt[1] == 's') {
				put_symbol(&o, p, fmt[1] == 'S', &sp);
				fmt++;
				break;
			}
			if (fmt[1] == 'x')
				fmt++;
			sp.flags |= F_ALT;
			put_number(&o, p, false, 16, false, &sp);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case 0:
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return o.len;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
