/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_UTSNAME_H
#define _UAPI_LEGO_UTSNAME_H

#define __NEW_UTS_LEN 64

/* struct new_utsname, as uname(2) returns it: six 65-byte strings. */
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};
_Static_assert(sizeof(struct new_utsname) == 390, "struct new_utsname");

#endif /* _UAPI_LEGO_UTSNAME_H */
