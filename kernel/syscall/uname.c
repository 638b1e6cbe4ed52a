// SPDX-License-Identifier: GPL-2.0
/*
 * The system's names: uname(2), sethostname(2), setdomainname(2).
 *
 * sysname is "Linux": Lego implements the Linux ABI, and programs (glibc
 * among them) compare the release against the kernel versions they need,
 * so release names the Linux version whose ABI Lego follows, with Lego's
 * own release after it.  version says "Lego".
 */
#include <lego/kernel.h>
#include <lego/compat.h>
#include <lego/init.h>
#include <lego/string.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <lego/mutex.h>
#include <lego/capability.h>
#include <uapi/lego/utsname.h>
#include <lego/linux_abi.h>
#include <asm/uaccess.h>

static struct new_utsname utsname = {
	.sysname = "Linux",
	.nodename = "lego",
	.release = LINUX_ABI_RELEASE "-lego-" UTS_RELEASE,
	.version = "#1 Lego " UTS_RELEASE,
	.machine = "x86_64",
	.domainname = "(none)",
};
/* Readers copy the whole structure under it, so a name is never torn. */
static DEFINE_MUTEX(uts_lock);

static void get_utsname(struct new_utsname *u)
{
	mutex_lock(&uts_lock);
	*u = utsname;
	mutex_unlock(&uts_lock);
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	get_utsname(&u);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

#ifdef CONFIG_IA32_EMULATION
/*
 * The i386 olduname (109): Linux's struct old_utsname, the first five
 * 65-byte names of new_utsname (no domainname); NULL is EFAULT.
 */
struct old_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65];
};
_Static_assert(sizeof(struct old_utsname) == 325, "old_utsname");

COMPAT_SYSCALL_DEFINE1(olduname, struct old_utsname __user *, name)
{
	struct new_utsname u;

	if (!name)
		return -EFAULT;
	get_utsname(&u);
	return copy_to_user(name, &u, sizeof(struct old_utsname)) ? -EFAULT : 0;
}

/*
 * The i386 oldolduname (59): struct oldold_utsname, five 9-byte names,
 * each the first 8 bytes of the name and a NUL (__OLD_UTS_LEN), as
 * Linux's sys_olduname.
 */
#define OLD_UTS_LEN 8
struct oldold_utsname {
	char sysname[OLD_UTS_LEN + 1], nodename[OLD_UTS_LEN + 1], release[OLD_UTS_LEN + 1];
	char version[OLD_UTS_LEN + 1], machine[OLD_UTS_LEN + 1];
};
_Static_assert(sizeof(struct oldold_utsname) == 45, "oldold_utsname");

COMPAT_SYSCALL_DEFINE1(oldolduname, struct oldold_utsname __user *, name)
{
	struct oldold_utsname o;
	struct new_utsname u;

	if (!name)
		return -EFAULT;
	get_utsname(&u);
	memset(&o, 0, sizeof(o));
	memcpy(o.sysname, u.sysname, OLD_UTS_LEN);
	memcpy(o.nodename, u.nodename, OLD_UTS_LEN);
	memcpy(o.release, u.release, OLD_UTS_LEN);
	memcpy(o.version, u.version, OLD_UTS_LEN);
	memcpy(o.machine, u.machine, OLD_UTS_LEN);
	return copy_to_user(name, &o, sizeof(o)) ? -EFAULT : 0;
}
#endif

/*
 * Sets one of the names to len bytes from user memory (no NUL needed;
 * the rest of the field is zeroed).  Linux's order of checks: privilege
 * (EPERM), length (EINVAL), then the copy (EFAULT); a failure leaves the
 * name as it was.
 */
static long set_uts_name(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	mutex_lock(&uts_lock);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	mutex_unlock(&uts_lock);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_name(utsname.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_name(utsname.domainname, name, len);
}
