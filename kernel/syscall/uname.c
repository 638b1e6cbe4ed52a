// SPDX-License-Identifier: GPL-2.0
/*
 * uname(2).  sysname is "Linux": Lego implements the Linux ABI, and
 * programs (glibc among them) compare the release against the kernel
 * versions they need, so release names the Linux version whose ABI Lego
 * follows, with Lego's own release after it.  version says "Lego".
 */
#include <lego/kernel.h>
#include <lego/init.h>
#include <lego/string.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <uapi/lego/utsname.h>
#include <asm/uaccess.h>

#define LINUX_ABI_RELEASE	"6.1.0"

static struct new_utsname utsname = {
	.sysname = "Linux",
	.nodename = "lego",
	.release = LINUX_ABI_RELEASE "-lego-" UTS_RELEASE,
	.version = "#1 Lego " UTS_RELEASE,
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &utsname, sizeof(utsname)) ? -EFAULT : 0;
}
