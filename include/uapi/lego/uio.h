/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_UIO_H
#define _UAPI_LEGO_UIO_H

#include <lego/types.h>
#include <lego/compiler.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

#endif /* _UAPI_LEGO_UIO_H */
