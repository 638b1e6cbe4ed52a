/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width kernel types.  The kernel is freestanding (-ffreestanding), so
 * these are spelled out here rather than taken from a C library.
 */
#ifndef _LEGO_TYPES_H
#define _LEGO_TYPES_H

#include <stddef.h>	/* size_t, NULL, offsetof: provided by the compiler */
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef long off_t;
typedef long long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int clockid_t;
typedef unsigned int mode_t;

#endif /* _LEGO_TYPES_H */
