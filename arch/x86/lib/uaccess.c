// SPDX-License-Identifier: GPL-2.0
#include <lego/kernel.h>
#include <lego/errno.h>
#include <uapi/lego/fcntl.h>
#include <asm/uaccess.h>

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long s = (__force unsigned long)src;
	long limit, res;

	if (count <= 0)
		return 0;
	if (s >= TASK_SIZE_MAX)
		return -EFAULT;
	/* Never read past the end of user space. */
	limit = min((unsigned long)count, TASK_SIZE_MAX - s);
	res = __strncpy_from_user(dst, src, limit);
	if (res == limit && limit < count)
		return -EFAULT;
	return res;
}

int getname(const char __user *upath, char *buf, bool allow_empty)
{
	long len = strncpy_from_user(buf, upath, PATH_MAX);

	if (len < 0)
		return len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (len == 0 && !allow_empty)
		return -ENOENT;
	return 0;
}
