/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_CAPABILITY_H
#define _UAPI_LEGO_CAPABILITY_H

/* capget(2)/capset(2)'s structures (include/uapi/linux/capability.h). */
#define _LINUX_CAPABILITY_VERSION_1	0x19980330
#define _LINUX_CAPABILITY_U32S_1	1
#define _LINUX_CAPABILITY_VERSION_2	0x20071026	/* deprecated: as v3 */
#define _LINUX_CAPABILITY_U32S_2	2
#define _LINUX_CAPABILITY_VERSION_3	0x20080522
#define _LINUX_CAPABILITY_U32S_3	2

struct __user_cap_header_struct {
	unsigned int version;
	int pid;
};

struct __user_cap_data_struct {
	unsigned int effective;
	unsigned int permitted;
	unsigned int inheritable;
};
_Static_assert(sizeof(struct __user_cap_header_struct) == 8, "cap header");
_Static_assert(sizeof(struct __user_cap_data_struct) == 12, "cap data");

#endif /* _UAPI_LEGO_CAPABILITY_H */
