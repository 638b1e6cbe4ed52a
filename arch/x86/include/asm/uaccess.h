/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

/*
 * The only way the kernel touches user memory.  Every helper checks that
 * the whole range lies below TASK_SIZE_MAX (without overflow), and the
 * instructions that access user memory are listed in the exception table,
 * so a fault -- unmapped page, non-canonical address, SMAP -- ends the
 * copy and reports the bytes left instead of crashing the kernel.
 */
#include <lego/types.h>
#include <lego/compiler.h>
#include <lego/errno.h>
#include <asm/page_types.h>

/* True when [addr, addr + size) is entirely user space. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (__force unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* arch/x86/lib/usercopy.S: the raw copies, returning bytes NOT copied. */
unsigned long __copy_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);
long __strncpy_from_user(char *dst, const char __user *src, long count);

/* Returns the number of bytes that could not be copied (0 on success). */
static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	if (unlikely(!access_ok(from, n)))
		return n;
	return __copy_user(to, (__force const void *)from, n);
}

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return __copy_user((__force void *)to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return __clear_user(to, n);
}

/* 0 or -EFAULT; x is zeroed on a fault, as on Linux. */
#define get_user(x, ptr) ({						\
	union {								\
		__typeof__(*(ptr)) v;					\
		unsigned char b[sizeof(*(ptr))];			\
	} __gu;								\
	int __gu_err = 0;						\
	if (copy_from_user(__gu.b, (ptr), sizeof(*(ptr)))) {		\
		__builtin_memset(__gu.b, 0, sizeof(__gu.b));		\
		__gu_err = -EFAULT;					\
	}								\
	(x) = __gu.v;							\
	__gu_err;							\
})

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;	\
})

/*
 * Copies a NUL-terminated string of at most count bytes (NUL included in
 * the count).  Returns its length without the NUL, count if no NUL came
 * within count bytes (dst is then not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* Copies a path argument into a PATH_MAX kernel buffer: 0, -EFAULT,
 * -ENAMETOOLONG, or -ENOENT for the empty string unless allowed. */
int getname(const char __user *upath, char *buf, bool allow_empty);

#endif /* _ASM_X86_UACCESS_H */
