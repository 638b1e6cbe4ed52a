/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_DIRENT_H
#define _UAPI_LEGO_DIRENT_H

#include <lego/types.h>

/* getdents64(2): records padded to 8 bytes. */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};
_Static_assert(__builtin_offsetof(struct linux_dirent64, d_reclen) == 16, "d_reclen");
_Static_assert(__builtin_offsetof(struct linux_dirent64, d_name) == 19, "d_name");

/* getdents(2): d_type is the record's last byte, after the name's NUL. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};
_Static_assert(__builtin_offsetof(struct linux_dirent, d_name) == 18, "d_name");

/* d_type: the S_IFMT bits of the mode, shifted (dirent.h DT_*). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

#endif /* _UAPI_LEGO_DIRENT_H */
