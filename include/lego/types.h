/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width kernel types.  The kernel is freestanding and includes no
 * C library or compiler header: everything comes from the compiler's
 * predefined types and builtins, as in Linux's include/linux/types.h.
 */
#ifndef _LEGO_TYPES_H
#define _LEGO_TYPES_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef __SIZE_TYPE__ size_t;
typedef long ssize_t;
typedef unsigned long uintptr_t;
typedef _Bool bool;
#define true	1
#define false	0
#define NULL	((void *)0)
#define offsetof(t, m)	__builtin_offsetof(t, m)

typedef __builtin_va_list va_list;
#define va_start(v, l)	__builtin_va_start(v, l)
#define va_end(v)	__builtin_va_end(v)
#define va_arg(v, t)	__builtin_va_arg(v, t)
#define va_copy(d, s)	__builtin_va_copy(d, s)

typedef u64 phys_addr_t;
typedef long off_t;
typedef long long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int clockid_t;

#endif /* _LEGO_TYPES_H */
