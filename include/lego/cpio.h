#ifndef _LEGO_CPIO_H
#define _LEGO_CPIO_H
#include <lego/types.h>
struct cpio_entry { const char *name; unsigned long namesize, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, ino; const void *data; };
int cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *e);
#endif
