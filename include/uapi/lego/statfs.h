/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_STATFS_H
#define _UAPI_LEGO_STATFS_H

#include <lego/types.h>

/* struct statfs as x86-64 lays it out (asm-generic/statfs.h): 120 bytes. */
struct statfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};
_Static_assert(sizeof(struct statfs) == 120, "struct statfs size");
_Static_assert(__builtin_offsetof(struct statfs, f_fsid) == 56, "f_fsid");
_Static_assert(__builtin_offsetof(struct statfs, f_flags) == 80, "f_flags");

/* f_flags (linux/statfs.h ST_*). */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_SYNCHRONOUS	0x0010
#define ST_VALID	0x0020
#define ST_MANDLOCK	0x0040
#define ST_NOATIME	0x0400
#define ST_NODIRATIME	0x0800
#define ST_RELATIME	0x1000
#define ST_NOSYMFOLLOW	0x2000

/* f_type (linux/magic.h). */
#define RAMFS_MAGIC		0x858458f6
#define TMPFS_MAGIC		0x01021994
#define PROC_SUPER_MAGIC	0x9fa0
#define PIPEFS_MAGIC		0x50495045

#endif /* _UAPI_LEGO_STATFS_H */
