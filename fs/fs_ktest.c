// SPDX-License-Identifier: GPL-2.0
/*
 * ktests of the VFS: the initramfs unpacker (modes, owners, times, hard
 * links, device nodes, FIFOs, symlinks, missing parents) and the
 * permission rules seen from other credentials (the user-space test
 * vfs_perm needs setresuid for those).
 */
#include <lego/kernel.h>
#include <lego/ktest.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/vsprintf.h>
#include <lego/errno.h>
#include "internal.h"

/* Appends one newc entry to buf at *pos. */
static void cpio_add(char *buf, size_t *pos, const char *name, unsigned long ino,
		     unsigned long mode, unsigned long uid, unsigned long gid,
		     unsigned long nlink, unsigned long mtime, const char *data,
		     unsigned long rmaj, unsigned long rmin)
{
	size_t n = strlen(name) + 1, len = data ? strlen(data) : 0;

	*pos += scnprintf(buf + *pos, 111, "070701%08lx%08lx%08lx%08lx%08lx%08lx%08lx"
			  "%08x%08x%08lx%08lx%08zx%08x", ino, mode, uid, gid, nlink, mtime,
			  len, 0, 0, rmaj, rmin, n, 0);
	memcpy(buf + *pos, name, n);
	*pos = ALIGN(*pos + n, 4);
	if (len)
		memcpy(buf + *pos, data, len);
	*pos = ALIGN(*pos + len, 4);
}

static struct inode *inode_at(const char *path, struct dentry **d)
{
	return kern_path(path, 0, d) ? NULL : (*d)->d_inode;
}

KTEST(fs, initramfs_unpack)
{
	char *buf = kzalloc(4096, GFP_KERNEL), text[8];
	struct dentry *da, *db, *dn, *df, *dl, *dd, *ds;
	struct inode *a, *b, *n, *f, *l, *d, *s;
	size_t pos = 0;
	bool ok;

	KTEST_EXPECT(buf);
	cpio_add(buf, &pos, "kt", 1, S_IFDIR | 0750, 5, 6, 2, 1234567, NULL, 0, 0);
	cpio_add(buf, &pos, "kt/a", 42, S_IFREG | 0640, 7, 8, 2, 1000, NULL, 0, 0);
	cpio_add(buf, &pos, "kt/b", 42, S_IFREG | 0640, 7, 8, 2, 1000, "hello", 0, 0);
	cpio_add(buf, &pos, "kt/null", 43, S_IFCHR | 0620, 0, 5, 1, 2000, NULL, 1, 3);
	cpio_add(buf, &pos, "kt/fifo", 44, S_IFIFO | 0600, 0, 0, 1, 3000, NULL, 0, 0);
	cpio_add(buf, &pos, "kt/link", 45, S_IFLNK | 0777, 1, 1, 1, 4000, "a", 0, 0);
	cpio_add(buf, &pos, "kt/sub/deep", 46, S_IFREG | 0604, 0, 0, 1, 5000, "x", 0, 0);
	cpio_add(buf, &pos, "TRAILER!!!", 0, 0, 0, 0, 1, 0, NULL, 0, 0);
	KTEST_EXPECT(unpack_initramfs(buf, pos) == 7);
	kfree(buf);

	a = inode_at("/kt/a", &da);
	b = inode_at("/kt/b", &db);
	KTEST_EXPECT(a && b);
	ok = a == b && a->i_nlink == 2 && a->i_size == 5 && a->i_mode == (S_IFREG | 0640) &&
	     a->i_uid == 7 && a->i_gid == 8 && a->i_mtime.tv_sec == 1000;
	KTEST_EXPECT(ok);
	KTEST_EXPECT(ramfs_read(a, text, sizeof(text), 0) == 5 && !memcmp(text, "hello", 5));
	n = inode_at("/kt/null", &dn);
	KTEST_EXPECT(n && n->i_mode == (S_IFCHR | 0620) && n->i_rdev == MKDEV(1, 3) &&
		     n->i_gid == 5 && n->i_mtime.tv_sec == 2000);
	f = inode_at("/kt/fifo", &df);
	KTEST_EXPECT(f && S_ISFIFO(f->i_mode) && f->i_mtime.tv_sec == 3000);
	l = inode_at("/kt/link", &dl);
	KTEST_EXPECT(l && S_ISLNK(l->i_mode) && l->i_link && !strcmp(l->i_link, "a") &&
		     l->i_uid == 1);
	s = inode_at("/kt/sub/deep", &ds);
	KTEST_EXPECT(s && s->i_size == 1 && s->i_mode == (S_IFREG | 0604));
	/* The directory's own time, set after it was filled. */
	d = inode_at("/kt", &dd);
	KTEST_EXPECT(d && d->i_mode == (S_IFDIR | 0750) && d->i_uid == 5 &&
		     d->i_mtime.tv_sec == 1234567);
	path_put(da);
	path_put(db);
	path_put(dn);
	path_put(df);
	path_put(dl);
	path_put(ds);
	path_put(dd);
	KTEST_EXPECT(!kern_unlink("/kt/a", false) && !kern_unlink("/kt/b", false) &&
		     !kern_unlink("/kt/null", false) && !kern_unlink("/kt/fifo", false) &&
		     !kern_unlink("/kt/link", false) && !kern_unlink("/kt/sub/deep", false) &&
		     !kern_unlink("/kt/sub", true) && !kern_unlink("/kt", true));
	return 0;
}

/* Runs check with the file-system ids uid/gid in place of the caller's. */
static int as_ids(uid_t uid, gid_t gid, int (*check)(struct inode *, int), struct inode *i,
		  int mask)
{
	struct cred saved = current->cred;
	int r;

	current->cred.fsuid = uid;
	current->cred.fsgid = gid;
	r = check(i, mask);
	current->cred = saved;
	return r;
}

KTEST(fs, permission_rules)
{
	struct dentry *d, *dir, *victim;
	struct inode *i;
	int r;

	KTEST_EXPECT(!kern_mknod("/ktperm", S_IFREG | 0640, 0));
	i = inode_at("/ktperm", &d);
	KTEST_EXPECT(i);
	i->i_uid = 5;
	i->i_gid = 6;
	/* Owner bits, then group bits, then other bits. */
	KTEST_EXPECT(as_ids(5, 9, inode_permission, i, MAY_READ | MAY_WRITE) == 0);
	KTEST_EXPECT(as_ids(7, 6, inode_permission, i, MAY_READ) == 0);
	KTEST_EXPECT(as_ids(7, 6, inode_permission, i, MAY_WRITE) == -EACCES);
	KTEST_EXPECT(as_ids(7, 7, inode_permission, i, MAY_READ) == -EACCES);
	/* An owner denied by its own bits is not helped by the others'. */
	i->i_mode = S_IFREG | 0077;
	KTEST_EXPECT(as_ids(5, 6, inode_permission, i, MAY_READ) == -EACCES);
	/* Root: anything but executing a file with no x bit. */
	i->i_mode = S_IFREG | 0000;
	KTEST_EXPECT(as_ids(0, 0, inode_permission, i, MAY_READ | MAY_WRITE) == 0);
	KTEST_EXPECT(as_ids(0, 0, inode_permission, i, MAY_EXEC) == -EACCES);
	i->i_mode = S_IFREG | 0010;
	KTEST_EXPECT(as_ids(0, 0, inode_permission, i, MAY_EXEC) == 0);
	/* A read-only file system refuses writes to files, not to FIFOs. */
	i->i_sb->s_flags |= SB_RDONLY;
	r = as_ids(0, 0, inode_permission, i, MAY_WRITE);
	i->i_sb->s_flags &= ~SB_RDONLY;
	KTEST_EXPECT(r == -EROFS);
	path_put(d);
	/* Sticky directories: others' files are the owner's to remove. */
	KTEST_EXPECT(!kern_mkdir("/ktsticky", 01777));
	KTEST_EXPECT(!kern_mknod("/ktsticky/f", S_IFREG | 0666, 0));
	KTEST_EXPECT(!kern_path("/ktsticky", 0, &dir) && !kern_path("/ktsticky/f", 0, &victim));
	victim->d_inode->i_uid = 5;
	dir->d_inode->i_uid = 0;
	current->cred.fsuid = 7;
	r = may_delete(dir->d_inode, victim, false);
	current->cred.fsuid = 5;
	KTEST_EXPECT(r == -EPERM && may_delete(dir->d_inode, victim, false) == 0);
	KTEST_EXPECT(may_delete(dir->d_inode, victim, true) == -ENOTDIR);
	current->cred.fsuid = 0;
	path_put(victim);
	path_put(dir);
	KTEST_EXPECT(!kern_unlink("/ktsticky/f", false) && !kern_unlink("/ktsticky", true) &&
		     !kern_unlink("/ktperm", false));
	return 0;
}
