/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_CAPABILITY_H
#define _LEGO_CAPABILITY_H

/*
 * Privilege checks.  Lego keeps no capability sets: they follow from the
 * uids (Documentation/core-api/cred.rst).  A task whose effective uid is
 * 0 holds every capability, any other holds none -- what Linux gives a
 * root process and an ordinary one; file-access capabilities follow
 * fsuid 0 (fs_capable()).  The numbers are Linux's
 * (include/uapi/linux/capability.h), so call sites read the same.
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
#define CAP_SETPCAP		8
#define CAP_LINUX_IMMUTABLE	9
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_MKNOD		27
#define CAP_MAC_OVERRIDE	32
#define CAP_LAST_CAP		40	/* CAP_CHECKPOINT_RESTORE, Linux 6.1 */
#define CAP_FULL_SET		((1ULL << (CAP_LAST_CAP + 1)) - 1)
/* What Linux drops from the effective set when fsuid leaves 0. */
#define CAP_FS_MASK		((1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) |	\
				 (1ULL << CAP_DAC_READ_SEARCH) | (1ULL << CAP_FOWNER) |	\
				 (1ULL << CAP_FSETID) | (1ULL << CAP_LINUX_IMMUTABLE) |	\
				 (1ULL << CAP_MKNOD) | (1ULL << CAP_MAC_OVERRIDE))

/* The sets capget and /proc/PID/status show (kernel/syscall/cred.c). */
u64 cred_cap_permitted(const struct cred *c);
u64 cred_cap_effective(const struct cred *c);

static inline bool capable(int cap)
{
	return current->cred.euid == 0;
}

#endif /* _LEGO_CAPABILITY_H */
