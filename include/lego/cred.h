/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_CRED_H
#define _LEGO_CRED_H

/*
 * Credentials (kernel/syscall/cred.c, Documentation/core-api/cred.rst).
 * Each thread has its own struct cred inside its task_struct; only the
 * thread itself changes it.  The supplementary groups are a refcounted,
 * sorted, never modified array: fork shares it, setgroups installs a new
 * one (under tasklist_lock, so /proc can take a reference to another
 * task's).
 */
#include <lego/sched.h>
#include <lego/atomic.h>

#define NGROUPS_MAX	65536	/* include/uapi/linux/limits.h */

struct group_info {
	atomic_t usage;
	int ngroups;
	gid_t gid[];		/* ascending, duplicates kept (as Linux) */
};

static inline struct group_info *get_group_info(struct group_info *gi)
{
	if (gi)
		atomic_inc(&gi->usage);
	return gi;
}

void put_group_info(struct group_info *gi);
bool groups_search(const struct group_info *gi, gid_t gid);
/* Membership in gid through fsgid or the supplementary groups. */
bool in_group_p(gid_t gid);
bool in_egroup_p(gid_t gid);

/* fork: the child's credentials and what else follows them. */
void copy_creds(struct task_struct *p, const struct task_struct *parent);
/* execve: saved and file-system ids follow the effective ones; returns
 * whether the exec is "secure" (AT_SECURE). */
bool exec_creds(void);

#endif /* _LEGO_CRED_H */
