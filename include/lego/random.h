/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_RANDOM_H
#define _LEGO_RANDOM_H

#include <lego/types.h>
#include <lego/compiler.h>

void random_init(void);
void get_random_bytes(void *buf, size_t n);
u64 get_random_u64(void);
/* Fills user memory: bytes written, or -EFAULT if none could be. */
ssize_t get_random_bytes_user(void __user *buf, size_t n);

#endif /* _LEGO_RANDOM_H */
