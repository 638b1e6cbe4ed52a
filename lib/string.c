// SPDX-License-Identifier: GPL-2.0
/* String and memory functions for a freestanding kernel. */
#include <lego/types.h>
#include <lego/string.h>
#include <lego/errno.h>

/*
 * Eight bytes a step, then the tail a byte at a time.  REP MOVSB/STOSB
 * are as fast on CPUs with ERMS (Intel SDM Vol. 1 7.3.9.3), but older
 * ones move a quadword a step faster, and an emulator counts every
 * iteration as an instruction: under QEMU's -icount (make bench) the
 * quadword form is an eighth of the count (Documentation/process/
 * decisions.rst).
 */
void *memcpy(void *d, const void *s, size_t n)
{
	void *ret = d;
	size_t q = n / 8;

	asm volatile("rep movsq\n\t"
		     "movq %3, %%rcx\n\t"
		     "rep movsb"
		     : "+D"(d), "+S"(s), "+c"(q) : "r"(n & 7) : "memory");
	return ret;
}

void *memset(void *d, int c, size_t n)
{
	void *ret = d;
	size_t q = n / 8;

	asm volatile("rep stosq\n\t"
		     "movq %3, %%rcx\n\t"
		     "rep stosb"
		     : "+D"(d), "+c"(q)
		     : "a"(0x0101010101010101UL * (unsigned char)c), "r"(n & 7)
		     : "memory");
	return ret;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if (dp <= sp || dp >= sp + n)
		return memcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i])
		i++;
	return i;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* Copies at most n - 1 bytes and terminates; -E2BIG when s was cut. */
ssize_t strscpy(char *d, const char *s, size_t n)
{
	size_t i;

	if (!n)
		return -E2BIG;
	for (i = 0; i < n - 1 && s[i]; i++)
		d[i] = s[i];
	d[i] = 0;
	return s[i] ? -E2BIG : (ssize_t)i;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

static unsigned int auto_base(const char **s, unsigned int base)
{
	const char *p = *s;

	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value(p[2]) < 16) {
		*s = p + 2;
		return 16;
	}
	if (base == 0)
		return p[0] == '0' ? 8 : 10;
	return base;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long v = 0;
	int d;

	base = auto_base(&cp, base);
	while ((d = digit_value(*cp)) < (int)base) {
		v = v * base + d;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return v;
}

/* Linux's kstrtoul: the whole string (one trailing newline allowed). */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long v = 0;
	int d, n = 0;

	if (*s == '+')
		s++;
	base = auto_base(&s, base);
	while ((d = digit_value(*s)) < (int)base) {
		if (v > (~0UL - d) / base)
			return -ERANGE;
		v = v * base + d;
		s++;
		n++;
	}
	if (*s == '\n')
		s++;
	if (!n || *s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long v;
	int neg = *s == '-', r;

	r = kstrtoul(s + neg, base, &v);
	if (r)
		return r;
	if (neg ? v > (~0UL >> 1) + 1 : v > (~0UL >> 1))
		return -ERANGE;
	*res = neg ? -(long)v : (long)v;
	return 0;
}
