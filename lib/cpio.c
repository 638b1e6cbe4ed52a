// SPDX-License-Identifier: GPL-2.0
/*
 * The cpio "newc" format (magic 070701, or 070702 with checksums): a
 * 110-byte ASCII header of 13 eight-digit hex fields, the NUL-terminated
 * name, padding to 4 bytes, the data, padding to 4 bytes.  "TRAILER!!!"
 * ends an archive; NUL padding may separate concatenated archives.  The
 * input is untrusted: every length is checked against the buffer.
 */
#include <lego/types.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/cpio.h>

#define HDR_LEN	110

static bool hex8(const char *p, unsigned long *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 8; i++) {
		char c = p[i];
		int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		*v = *v << 4 | d;
	}
	return true;
}

static size_t align4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

int cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *e)
{
	const char *b = buf;
	unsigned long f[13];
	size_t p = *pos, name_end, data_end;
	int i;

	/* Zero padding between archives, in 4-byte steps. */
	while (p + 4 <= len && !memcmp(b + p, "\0\0\0\0", 4))
		p += 4;
	if (p >= len || len - p < 4) {
		*pos = len;
		return 0;
	}
	if (len - p < HDR_LEN || (memcmp(b + p, "070701", 6) && memcmp(b + p, "070702", 6)))
		return -EINVAL;
	for (i = 0; i < 13; i++)
		if (!hex8(b + p + 6 + 8 * i, &f[i]))
			return -EINVAL;
	e->ino = f[0];
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->nlink = f[4];
	e->mtime = f[5];
	e->filesize = f[6];
	e->devmajor = f[7];
	e->devminor = f[8];
	e->rdevmajor = f[9];
	e->rdevminor = f[10];
	e->namesize = f[11];
	if (!e->namesize || e->namesize > len - p - HDR_LEN)
		return -EINVAL;
	e->name = b + p + HDR_LEN;
	if (e->name[e->namesize - 1] != 0)
		return -EINVAL;
	name_end = align4(p + HDR_LEN + e->namesize);
	if (name_end > len || e->filesize > len - name_end)
		return -EINVAL;
	e->data = b + name_end;
	data_end = align4(name_end + e->filesize);
	*pos = data_end < len ? data_end : len;
	if (!strcmp(e->name, "TRAILER!!!"))
		return cpio_next(buf, len, pos, e);
	return 1;
}
