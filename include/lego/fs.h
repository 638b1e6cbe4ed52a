/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_FS_H
#define _LEGO_FS_H

#include <lego/types.h>
#include <lego/list.h>
#include <lego/compiler.h>
#include <uapi/lego/stat.h>
#include <uapi/lego/fcntl.h>

struct file;
struct inode;
struct page;
struct iovec;

struct file_operations {
	ssize_t (*read)(struct file *f, char __user *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t n, loff_t *pos);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	loff_t (*llseek)(struct file *f, loff_t off, int whence);
	int (*release)(struct file *f);
};

/*
 * An inode of the RAM file system: the only file system for now.  A
 * directory's entries are its children; a regular file's data is an
 * array of pages; a symlink's target is a string.
 */
struct inode {
	unsigned long ino;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	loff_t size;
	dev_t rdev;
	struct timespec64 atime, mtime, ctime;
	int refcount;
	/* regular files */
	struct page **pages;
	unsigned long nr_pages;		/* capacity of pages[] */
	/* directories */
	struct list_head children;	/* of struct dentry */
	/* symlinks */
	char *link;
	const struct file_operations *fops;
	const void *i_private;		/* owner data: /proc files */
};

/* A name in a directory.  The tree of dentries is the namespace. */
struct dentry {
	char name[256];
	struct inode *inode;
	struct dentry *parent;
	struct list_head child;		/* in parent->inode->children */
	int refcount;
};

struct file {
	struct dentry *dentry;
	struct inode *inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* as given to open, less O_CLOEXEC etc. */
	fmode_t f_mode;
	loff_t f_pos;
	int refcount;
	void *private_data;
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PATH	0x8	/* O_PATH: a name, not open for I/O */

/* Per-process file descriptor table. */
#define NR_OPEN_DEFAULT	1024
struct files_struct {
	int refcount;
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
};

struct fs_struct {
	int refcount;
	struct dentry *root;
	struct dentry *pwd;
	umode_t umask;
};

/* fs/inode.c, fs/namei.c, fs/ramfs.c */
void vfs_init(void);
struct inode *new_inode(umode_t mode);
void iput(struct inode *inode);
void iget(struct inode *inode);
struct dentry *d_alloc(struct dentry *parent, const char *name, struct inode *inode);
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);
void dget(struct dentry *d);
void dput(struct dentry *d);
extern struct dentry *root_dentry;

#define LOOKUP_FOLLOW		0x1	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x2	/* the result must be a directory */
#define LOOKUP_PARENT		0x4	/* stop at the parent; last component out */
int path_lookupat(int dfd, const char __user *upath, unsigned int flags,
		  struct dentry **result);
int kern_path(const char *path, unsigned int flags, struct dentry **result);
int kern_path_at(struct dentry *start, const char *path, unsigned int flags,
		 struct dentry **result);
int dfd_dir(int dfd, struct dentry **dir);
void inode_touch(struct inode *inode, bool modify);
int do_truncate(struct inode *inode, loff_t length);
int kern_path_parent(struct dentry *start, const char *path, struct dentry **parent,
		     const char **last, size_t *lastlen);
int d_path(struct dentry *d, char *buf, size_t len);

/* Regular file data (fs/ramfs.c). */
ssize_t ramfs_read(struct inode *inode, void *buf, size_t n, loff_t pos);
ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos);
struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool alloc);
extern const struct file_operations ramfs_file_ops;
extern const struct file_operations ramfs_dir_ops;

/* fs/file.c */
struct files_struct *alloc_files(void);
void put_files(struct files_struct *files);
struct file *fget(int fd);
/* One more reference to an open file the caller already holds. */
static inline struct file *get_file(struct file *f)
{
	f->refcount++;
	return f;
}
struct file *fget_raw(int fd);
void fput(struct file *f);
int fd_install(struct file *f, unsigned int flags);
int close_fd(unsigned int fd);
struct file *alloc_file(struct dentry *d, unsigned int flags);
struct file *open_dentry(struct dentry *d, unsigned int flags);
struct fs_struct *alloc_fs(void);
void put_fs(struct fs_struct *fs);
/* fork and execve: fs/file.c keeps the descriptor-table logic. */
struct files_struct *dup_files(struct files_struct *old);
struct fs_struct *copy_fs(struct fs_struct *old);
void do_close_on_exec(struct files_struct *files);

/* Reading a file from inside the kernel (the ELF loader, mmap faults). */
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos);
struct file *filp_open(const char *path, unsigned int flags);

/*
 * /proc files (fs/proc.c): show() writes the whole content into buf and
 * returns its length; write() gets what user space wrote (NUL-terminated
 * kernel copy) and returns the bytes consumed or an errno.
 */
struct proc_ops {
	ssize_t (*show)(char *buf, size_t size);
	ssize_t (*write)(const char *buf, size_t len);
};
void proc_init(void);
int proc_create(const char *path, umode_t mode, const struct proc_ops *ops);

/* The initramfs (init/initramfs.c) and device nodes (drivers/char/mem.c). */
int unpack_initramfs(const void *buf, size_t len);
void chrdev_init(void);
const struct file_operations *chrdev_fops(dev_t rdev);

#endif /* _LEGO_FS_H */
