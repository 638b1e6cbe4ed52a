/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_CAPABILITY_H
#define _LEGO_CAPABILITY_H

/*
 * Privilege checks.  Lego keeps no capability sets: a task whose
 * effective uid is 0 holds every capability, any other holds none --
 * what Linux gives a root process and an ordinary one.  The numbers are
 * Linux's (include/uapi/linux/capability.h), so call sites read the same.
 */
#include <lego/sched.h>

#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_KILL		5
#define CAP_IPC_LOCK		14
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_MKNOD		27

static inline bool capable(int cap)
{
	return current->cred.euid == 0;
}

#endif /* _LEGO_CAPABILITY_H */
