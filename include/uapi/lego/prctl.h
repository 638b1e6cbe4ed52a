/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_PRCTL_H
#define _UAPI_LEGO_PRCTL_H

/* The prctl(2) options Lego knows (include/uapi/linux/prctl.h). */
#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_CHILD_SUBREAPER	36
#define PR_GET_CHILD_SUBREAPER	37
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

/* Dumpability (linux/sched/coredump.h): PR_SET_DUMPABLE takes 0 or 1;
 * 2 is only the suid_dumpable sysctl's. */
#define SUID_DUMP_DISABLE	0
#define SUID_DUMP_USER		1

#endif /* _UAPI_LEGO_PRCTL_H */
