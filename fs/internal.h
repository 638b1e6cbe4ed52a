/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

/*
 * What the files of fs/ share and nothing else needs.
 */
#include <lego/fs.h>

struct task_struct;

/* The VFS raises SIGPIPE (a write to a pipe without readers), SIGXFSZ
 * (past RLIMIT_FSIZE) and SIGBUS (a mapping past the end of its file). */
#include <lego/signal.h>

/* The last component of a path, as path_parentat() leaves it. */
enum last_type { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct qlast {
	const char *name;	/* into the caller's path buffer */
	size_t len;
	enum last_type type;
	bool trailing_slash;	/* "name/" */
};

/* fs/namei.c */
int path_parentat(struct dentry *start, const char *path, unsigned int flags,
		  struct dentry **parent, struct qlast *last);
int start_dir(int dfd, const char *path, struct dentry **start);
struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len);
struct dentry *lookup_create_locked(struct dentry *dir, const struct qlast *last);
int user_getname(const char __user *upath, char **out, bool allow_empty);
struct dentry *fs_path_get(struct fs_struct *fs, bool root);
int at_lookup_flags(int flags, int valid, unsigned int *lf);
int do_last_create(struct dentry *dir, struct dentry *d, umode_t mode, dev_t rdev);
int may_create(struct inode *dir);
int do_open_lookup(struct dentry *start, const char *path, int flags, umode_t mode,
		   int acc, unsigned int lflags, struct dentry **res, bool *created);

/* fs/dcache.c */
void d_free_tree(struct dentry *root);
bool path_is_under(struct dentry *d, struct dentry *root);

/* fs/namespace.c */
extern struct mutex namespace_mutex;
struct dentry *follow_mounts(struct dentry *d);
struct vfsmount *alloc_vfsmnt(struct super_block *sb, const char *devname);
ssize_t show_filesystems(char *buf, size_t size);

/* fs/read_write.c */
int import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		 struct iovec **out, struct iov_iter *it, bool write);

/* fs/ramfs.c: pages of file data in all RAM file systems (/proc/meminfo). */
extern atomic_t ramfs_pages;

/* Linux's errno-from-user-pointer for a kernel copy of a user value. */
#define PATH_BUF_SIZE	PATH_MAX

#endif /* _FS_INTERNAL_H */
