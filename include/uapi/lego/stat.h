/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_STAT_H
#define _UAPI_LEGO_STAT_H

#include <lego/types.h>

typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef unsigned int dev_t;

#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)

#define MKDEV(ma, mi)	(((ma) << 8) | (mi))
#define MAJOR(d)	((d) >> 8)
#define MINOR(d)	((d) & 0xff)

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

/* struct stat as x86-64 Linux lays it out (asm/stat.h): 144 bytes. */
struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __reserved[3];
};
_Static_assert(sizeof(struct stat) == 144, "struct stat size");
_Static_assert(__builtin_offsetof(struct stat, st_mode) == 24, "st_mode");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 48, "st_size");
_Static_assert(__builtin_offsetof(struct stat, st_mtime) == 88, "st_mtime");

#endif /* _UAPI_LEGO_STAT_H */
