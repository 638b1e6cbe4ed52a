/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_FS_H
#define _LEGO_FS_H

/*
 * The virtual file system: super blocks (one per mounted file system),
 * inodes (files), dentries (names), open files and descriptor tables.
 * Documentation/filesystems/vfs.rst describes the objects, their locks
 * and how to add a file system or a device.
 */
#include <lego/types.h>
#include <lego/list.h>
#include <lego/compiler.h>
#include <lego/atomic.h>
#include <lego/spinlock.h>
#include <lego/mutex.h>
#include <lego/wait.h>
#include <uapi/lego/stat.h>
#include <uapi/lego/fcntl.h>
#include <uapi/lego/uio.h>

struct file;
struct inode;
struct dentry;
struct super_block;
struct vfsmount;
struct page;
struct task_struct;
struct poll_table_struct;
struct pipe_inode_info;
struct file_lock;
struct kstatfs;
struct iattr;
struct vm_area_struct;

typedef unsigned int __poll_t;

/* ------------------------------------------------------------ I/O iterators */
/*
 * The data side of a read or write: user memory (one buffer or an iovec
 * array, already checked to lie in user space) or a kernel buffer.  The
 * copy helpers advance it and return the bytes moved, which is short when
 * a user page faults.  A write of several iovec segments is one write, as
 * on Linux (a pipe write of PIPE_BUF bytes stays atomic across segments).
 */
enum iter_type { ITER_UBUF, ITER_IOVEC, ITER_KVEC };

struct iov_iter {
	enum iter_type type;
	unsigned int flags;		/* IOCB_* below: per-call modifiers */
	const struct iovec *iov;	/* ITER_IOVEC: the segments (kernel copy) */
	unsigned long nr_segs;
	size_t iov_offset;		/* into iov[0] */
	union {
		char __user *ubuf;	/* ITER_UBUF */
		char *kbuf;		/* ITER_KVEC */
	};
	size_t count;			/* bytes left */
};

#define IOCB_NOWAIT	0x1	/* RWF_NOWAIT: EAGAIN rather than block */
#define IOCB_APPEND	0x2	/* RWF_APPEND: this write appends */
#define IOCB_NOAPPEND	0x4	/* RWF_NOAPPEND: this write does not */

void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count);
void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count);
size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i);
size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i);
size_t iov_iter_zero(size_t n, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t n);

/* ------------------------------------------------------------ operations */
/*
 * Directory listing: iterate() calls dir_emit() for each entry from
 * ctx->pos on, with ctx->pos set to that entry's position, and moves
 * ctx->pos past the entry after each dir_emit() that returned true; it
 * stops at the first false (the caller's buffer is full), leaving
 * ctx->pos at the entry that did not fit.
 */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int len,
			  u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int len,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, len, ino, type);
}

/*
 * What an open file does.  Every method is optional.  read_iter and
 * write_iter are preferred; read and write (user buffers only) remain for
 * drivers that have only them.  poll must not sleep (Documentation/
 * filesystems/vfs.rst, "The poll API").
 */
struct file_operations {
	int (*open)(struct inode *inode, struct file *f);
	ssize_t (*read)(struct file *f, char __user *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t n, loff_t *pos);
	ssize_t (*read_iter)(struct file *f, struct iov_iter *to, loff_t *pos);
	ssize_t (*write_iter)(struct file *f, struct iov_iter *from, loff_t *pos);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	loff_t (*llseek)(struct file *f, loff_t off, int whence);
	__poll_t (*poll)(struct file *f, struct poll_table_struct *pt);
	int (*iterate)(struct file *f, struct dir_context *ctx);
	int (*fsync)(struct file *f, int datasync);
	int (*release)(struct file *f);
};

/*
 * What a directory or symlink does.  The VFS holds the directory's i_mutex
 * around the namespace methods, has checked permissions and that the name
 * is free (create family) or present (unlink family); the method makes the
 * change and links or unlinks the dentry (d_add, d_drop_name).
 */
struct inode_operations {
	/* A name not in the dentry cache: fill d (d_add) or leave it
	 * negative; -errno on failure.  For generated trees (/proc). */
	int (*lookup)(struct inode *dir, struct dentry *d);
	int (*create)(struct inode *dir, struct dentry *d, umode_t mode, dev_t rdev);
	/* O_TMPFILE: a new regular inode with no name (i_nlink 0). */
	struct inode *(*tmpfile)(struct inode *dir, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *d, umode_t mode);
	int (*symlink)(struct inode *dir, struct dentry *d, const char *target);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *d);
	int (*unlink)(struct inode *dir, struct dentry *d);
	int (*rmdir)(struct inode *dir, struct dentry *d);
	int (*rename)(struct inode *odir, struct dentry *od, struct inode *ndir,
		      struct dentry *nd, unsigned int flags);
	/* A symlink's target: inode->i_link, or built into buf (PATH_MAX). */
	const char *(*get_link)(struct dentry *d, char *buf);
	/* A /proc magic link: the file it names (a path reference). */
	struct dentry *(*get_magic)(struct dentry *d);
	/* Attribute changes other than the VFS's own (proc refuses them). */
	int (*setattr)(struct dentry *d, const struct iattr *attr);
	/* stat: brings the inode's attributes up to date before
	 * vfs_getattr reads them (a remote file system asks its server);
	 * an error is the stat call's. */
	int (*getattr)(struct dentry *d);
};

struct super_operations {
	void (*statfs)(struct super_block *sb, struct kstatfs *buf);
	/* Called as an inode is freed (its own data). */
	void (*evict_inode)(struct inode *inode);
	/* Mount options as /proc/mounts shows them after "rw"/"ro". */
	void (*show_options)(struct super_block *sb, char *buf, size_t size);
	void (*put_super)(struct super_block *sb);
};

/* ------------------------------------------------------------ inodes */
/*
 * A file.  i_lock (a spinlock) guards the attributes and the page array;
 * i_mutex (sleeping) serialises operations that change the file: writes,
 * truncation, attribute changes and, on directories, the namespace.
 * i_count counts references (dentries, pipes); the inode is freed with the
 * last one.  Lock order: Documentation/core-api/locking.rst.
 */
struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_nlink;
	unsigned int i_flags;		/* I_* below */
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	loff_t i_size;			/* WRITE_ONCE under i_lock; READ_ONCE anywhere */
	struct timespec64 i_atime, i_mtime, i_ctime, i_btime;
	atomic_t i_count;
	spinlock_t i_lock;
	struct mutex i_mutex;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	/* Regular files: the page cache, grown on demand (fs/ramfs.c). */
	struct page **i_pages;
	unsigned long i_npages;		/* capacity of i_pages[] */
	unsigned long i_blocks;		/* pages held */
	struct list_head i_mmap;	/* shared VMAs (i_lock) */
	/* Directories: d_offset of the next entry (i_mutex). */
	loff_t i_dir_seq;
	/* Symlinks: the target. */
	char *i_link;
	/* FIFOs: the pipe, from the first open to the last close. */
	struct pipe_inode_info *i_pipe;
	/* POSIX record locks (fs/locks.c, i_lock). */
	struct list_head i_flock;
	struct wait_queue_head i_flock_wait;
	void *i_private;		/* the file system's */
};

#define I_LINKABLE	0x1	/* O_TMPFILE without O_EXCL: linkat may name it */

/* Attribute changes (notify_change). */
struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime;
};
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)
#define ATTR_ATIME_SET	(1 << 7)
#define ATTR_MTIME_SET	(1 << 8)
#define ATTR_FORCE	(1 << 9)	/* no permission checks */
#define ATTR_KILL_PRIV	(1 << 10)	/* clear setuid/setgid (write, chown) */
#define ATTR_TOUCH	(1 << 11)	/* utimensat(NULL)-style: owner or writer */

/* ------------------------------------------------------------ dentries */
#define DNAME_INLINE_LEN	40

/*
 * A name.  Linked (hashed) dentries are in their parent's d_subdirs and
 * hold a reference on the parent and one for the tree itself; the tree
 * structure (d_parent, d_subdirs, d_name, d_mounted) is guarded by
 * dcache_lock.  d_count counts references; a dentry is freed with the
 * last one, which also drops its inode and parent.
 */
struct dentry {
	const char *d_name;		/* NUL-terminated; d_iname or kmalloc'd */
	unsigned int d_len;
	unsigned int d_flags;
	atomic_t d_count;
	struct inode *d_inode;		/* NULL: negative (not created yet) */
	struct dentry *d_parent;	/* itself for a file system's root */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children, by d_offset */
	loff_t d_offset;		/* directory position of this entry */
	struct super_block *d_sb;
	struct vfsmount *d_mounted;	/* the mount on top of this dentry */
	void *d_fsdata;
	char d_iname[DNAME_INLINE_LEN];
};

#define DCACHE_HASHED		0x1	/* linked in its parent */
#define DCACHE_MOUNTPOINT	0x2
/* A name of a file system whose names live elsewhere (fs/rfs.c): never
 * linked in its parent (every walk asks the server again), yet a live
 * name to d_unhashed() until the file system says it was removed. */
#define DCACHE_REMOTE		0x4

extern spinlock_t dcache_lock;
extern struct mutex rename_mutex;

/* ------------------------------------------------------------ super blocks */
struct file_system_type {
	const char *name;
	int fs_flags;
	/* A new super block for a mount; data is the option string (or NULL). */
	struct super_block *(*mount)(struct file_system_type *t, int flags,
				     const char *dev_name, char *data);
	struct file_system_type *next;
};
#define FS_REQUIRES_DEV		1
#define FS_NOMOUNT		2	/* internal only (pipefs) */
/*
 * The files' data live elsewhere and no page cache holds them (fs/rfs.c):
 * no shared mapping (ENODEV), private mappings and execve copy the bytes
 * (Documentation/filesystems/vfs.rst, "File systems without a page
 * cache"); a name the lookup method did not find is a negative dentry
 * that create and mkdir may use, not an error.
 */
#define FS_NO_PAGECACHE		4

/*
 * A mounted file system.  Lego gives every mount its own super block
 * (no bind mounts: Documentation/process/decisions.rst), so a dentry's
 * mount is d_sb->s_mnt.
 */
struct super_block {
	dev_t s_dev;
	unsigned long s_magic;
	unsigned long s_flags;		/* SB_RDONLY ... */
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	struct vfsmount *s_mnt;
	atomic_long_t s_next_ino;
	atomic_long_t s_inodes;		/* inodes alive */
	atomic_long_t s_blocks;		/* pages of file data */
	atomic_t s_writers;		/* files open for writing */
	unsigned long s_max_blocks;	/* 0: no limit (ramfs) */
	unsigned long s_max_inodes;
	void *s_fs_info;
};
#define SB_RDONLY	1
#define SB_NOSUID	2
#define SB_NODEV	4
#define SB_NOEXEC	8
#define SB_NOATIME	1024

/* A mount: where a file system's root sits in the tree. */
struct vfsmount {
	struct super_block *mnt_sb;
	struct dentry *mnt_root;
	struct dentry *mnt_mountpoint;	/* in the parent mount */
	struct vfsmount *mnt_parent;	/* itself for the root mount */
	int mnt_flags;			/* MNT_* below: per-mount options */
	atomic_t mnt_count;		/* references: files, cwds, walks */
	int mnt_id;
	char *mnt_devname;
	struct list_head mnt_list;	/* mount_list, in mount order */
	struct list_head mnt_child;	/* in the parent's mnt_mounts */
	struct list_head mnt_mounts;	/* mounts on top of our dentries */
	bool mnt_detached;
};
#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_NOSYMFOLLOW	0x80

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen;
	long f_frsize;
};

/* ------------------------------------------------------------ open files */
/*
 * An open file.  Shared by every descriptor that refers to it (dup, fork)
 * and freed with the last reference.  f_lock guards f_flags and f_pos
 * (f_pos_lock serialises whole read/write calls on files with a position,
 * as Linux's f_pos_lock, so concurrent readers of one file do not read the
 * same bytes).
 */
struct file {
	struct dentry *dentry;		/* referenced, with its mount */
	struct inode *inode;		/* dentry->d_inode */
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* status flags */
	fmode_t f_mode;
	loff_t f_pos;
	atomic_long_t f_count;
	spinlock_t f_lock;
	struct mutex f_pos_lock;
	u64 f_version;			/* pipes: the writer count seen at open */
	int f_owner;			/* F_SETOWN: pid (negative: process group) */
	int f_owner_sig;		/* F_SETSIG */
	void *private_data;
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PATH	0x8	/* O_PATH: a name, not open for I/O */
#define FMODE_PREAD	0x10
#define FMODE_PWRITE	0x20
#define FMODE_ATOMIC_POS 0x40	/* f_pos_lock around read/write */
#define FMODE_CREATED	0x80
#define FMODE_NOWRITE	0x100	/* opened O_ACCMODE == 3: neither */
#define FMODE_STREAM	0x200	/* no position at all (pipes, ttys) */
#define FMODE_NOWAIT	0x400	/* read_iter/write_iter honour IOCB_NOWAIT */
#define FMODE_WRITER	0x800	/* counted in the super block's s_writers */

/* One more reference to an open file the caller already holds. */
static inline struct file *get_file(struct file *f)
{
	__atomic_add_fetch(&f->f_count.counter, 1, __ATOMIC_SEQ_CST);
	return f;
}

/* Per-process descriptor table; file_lock guards everything in it. */
#define NR_OPEN_DEFAULT	64
#define NR_OPEN_MAX	(1024 * 1024)	/* Linux's fs.nr_open */
struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
	unsigned int next_fd;		/* lowest possibly free fd */
};

/* Root, working directory and umask; lock guards root and pwd. */
struct fs_struct {
	atomic_t count;
	spinlock_t lock;
	struct dentry *root;
	struct dentry *pwd;
	umode_t umask;
};

/* ------------------------------------------------------------ functions */
/* fs/inode.c */
struct timespec64 current_time(void);
struct inode *new_inode(struct super_block *sb, umode_t mode);
void iget(struct inode *inode);
void iput(struct inode *inode);
void inode_touch(struct inode *inode, bool modify);
void inode_touch_atime(struct file *f);
void set_nlink(struct inode *inode, unsigned int n);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void inode_init_owner(struct inode *inode, struct inode *dir, umode_t mode);
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_APPEND	0x8
#define MAY_NOT_BLOCK	0x80
int inode_permission(struct inode *inode, int mask);
int generic_permission(struct inode *inode, int mask);
bool in_group_p(gid_t gid);
bool fs_capable(int cap);
bool inode_owner_or_capable(struct inode *inode);
int notify_change(struct dentry *d, struct iattr *attr);
int setattr_prepare(struct inode *inode, const struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int vfs_truncate(struct dentry *d, loff_t length);

/* fs/stat.c: a stat snapshot of an inode */
struct kstat {
	u32 result_mask;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t dev, rdev;
	u64 ino;
	loff_t size;
	u64 blocks;
	u32 blksize;
	u64 attributes, attributes_mask;
	struct timespec64 atime, mtime, ctime, btime;
	u64 mnt_id;
};
int vfs_getattr(struct dentry *d, struct kstat *st);

/* fs/dcache.c */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len);
struct dentry *d_alloc_root(struct inode *inode);
struct dentry *d_alloc_pseudo(struct super_block *sb, const char *name);
void d_instantiate(struct dentry *d, struct inode *inode);
void d_add(struct dentry *d, struct inode *inode);
void d_drop_name(struct dentry *d);
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
struct dentry *dget_parent(struct dentry *d);
bool d_unhashed(const struct dentry *d);
bool is_subdir(struct dentry *d, struct dentry *ancestor);
void d_move(struct dentry *od, struct dentry *nd);
void d_exchange(struct dentry *a, struct dentry *b);
int d_path(struct dentry *d, char *buf, size_t len);
int d_path_from(struct dentry *d, struct dentry *root, char *buf, size_t len, bool mark_deleted);
bool simple_empty(struct dentry *d);

/* fs/namespace.c: mounts */
extern struct vfsmount *root_mnt;
extern struct dentry *root_dentry;	/* the root of the initial mount */
struct vfsmount *real_mount(struct dentry *d);
struct vfsmount *mntget(struct vfsmount *m);
void mntput(struct vfsmount *m);
struct dentry *path_get(struct dentry *d);	/* dget + mntget */
void path_put(struct dentry *d);
bool is_mount_root(struct dentry *d);
bool mnt_is_readonly(struct vfsmount *m);
int mnt_want_write(struct dentry *d);		/* 0 or -EROFS */
int register_filesystem(struct file_system_type *t);
struct file_system_type *get_fs_type(const char *name);
struct super_block *sget(struct file_system_type *t, unsigned long magic,
			 const struct super_operations *ops, int flags);
void deactivate_super(struct super_block *sb);
struct vfsmount *kern_mount(struct file_system_type *t, const char *data);
int do_mount_at(const char *dev_name, const char *path, const char *type,
		unsigned long flags, char *data);
void mnt_init(void);
int show_mounts(struct dentry *root, char *buf, size_t size);
dev_t alloc_anon_dev(void);
void vfs_statfs(struct dentry *d, struct kstatfs *st);
void simple_statfs(struct super_block *sb, struct kstatfs *st);

/* fs/namei.c */
#define LOOKUP_FOLLOW		0x1	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x2	/* the result must be a directory */
#define LOOKUP_EMPTY		0x4	/* "" names the start (AT_EMPTY_PATH) */
#define LOOKUP_NO_SYMLINKS	0x8	/* openat2 RESOLVE_NO_SYMLINKS */
#define LOOKUP_NO_XDEV		0x10	/* openat2 RESOLVE_NO_XDEV */
#define LOOKUP_BENEATH		0x20	/* openat2 RESOLVE_BENEATH */
#define LOOKUP_IN_ROOT		0x40	/* openat2 RESOLVE_IN_ROOT */
#define LOOKUP_NO_MAGICLINKS	0x80	/* openat2 RESOLVE_NO_MAGICLINKS */
#define LOOKUP_MAGICLINK	0x100	/* internal: the last link was magic */
int kern_path(const char *path, unsigned int flags, struct dentry **result);
int kern_path_at(struct dentry *start, const char *path, unsigned int flags,
		 struct dentry **result);
int user_path_at(int dfd, const char __user *upath, unsigned int flags,
		 struct dentry **result);
int path_lookupat(int dfd, const char __user *upath, unsigned int flags,
		  struct dentry **result);
struct dentry *fs_root_get(void);
struct dentry *fs_pwd_get(void);
const char *get_link(struct dentry *d, char *buf);
int vfs_readlink(struct dentry *d, char __user *buf, int bufsiz);
int may_delete(struct inode *dir, struct dentry *victim, bool isdir);
int kern_mknod(const char *path, umode_t mode, dev_t rdev);
int kern_mkdir(const char *path, umode_t mode);
int kern_symlink(const char *target, const char *path);
int kern_link(const char *oldpath, const char *newpath);
int kern_unlink(const char *path, bool dir);
int kern_rename(const char *oldpath, const char *newpath);

/* fs/open.c */
struct file *alloc_file(struct dentry *d, unsigned int flags,
			const struct file_operations *fop);
struct file *dentry_open(struct dentry *d, unsigned int flags);
struct file *filp_open(const char *path, unsigned int flags);
struct file *file_open_mode(const char *path, unsigned int flags, umode_t mode);
int truncate_dentry(struct dentry *d, loff_t length);
int ftruncate_file(struct file *f, loff_t length);
struct file *open_exec(const char *path);
int filp_close(struct file *f, struct files_struct *owner);

/* fs/file.c */
struct files_struct *alloc_files(void);
void put_files(struct files_struct *files);
struct files_struct *dup_files(struct files_struct *old);
void do_close_on_exec(struct files_struct *files);
void exit_files(struct task_struct *t);
void *task_ptr_xchg(void **slot, void *new);
struct file *fget(int fd);
struct file *fget_raw(int fd);
void fput(struct file *f);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install_at(unsigned int fd, struct file *f);
int fd_install(struct file *f, unsigned int flags);
int close_fd(unsigned int fd);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);
int replace_fd(unsigned int fd, struct file *f, unsigned int flags);
int f_dupfd(unsigned int from, struct file *f, unsigned int flags);
struct fs_struct *alloc_fs(void);
struct fs_struct *copy_fs(struct fs_struct *old);
void put_fs(struct fs_struct *fs);
void exit_fs(struct task_struct *t);
void set_fs_pwd(struct fs_struct *fs, struct dentry *d);
void set_fs_root(struct fs_struct *fs, struct dentry *d);
unsigned long rlimit_nofile(void);

/* fs/read_write.c */
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos);
ssize_t kernel_write(struct file *f, const void *buf, size_t n, loff_t pos);
ssize_t vfs_iter_read(struct file *f, struct iov_iter *it, loff_t *pos);
ssize_t vfs_iter_write(struct file *f, struct iov_iter *it, loff_t *pos);
loff_t generic_file_llseek(struct file *f, loff_t off, int whence);
ssize_t generic_read_dir(struct file *f, struct iov_iter *to, loff_t *pos);
loff_t no_seek_end_llseek(struct file *f, loff_t off, int whence, loff_t size);
loff_t default_llseek(struct file *f, loff_t off, int whence);
loff_t vfs_llseek(struct file *f, loff_t offset, unsigned int whence);
int rw_verify_area(struct file *f, const loff_t *pos, size_t count);
int generic_write_limit(loff_t p, size_t *n);
/* Whether a write through from appends: O_APPEND unless RWF_NOAPPEND, or
 * RWF_APPEND. */
static inline bool write_appends(const struct file *f, const struct iov_iter *from)
{
	return ((f->f_flags & O_APPEND) && !(from->flags & IOCB_NOAPPEND)) ||
	       (from->flags & IOCB_APPEND);
}
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)
#define MAX_LFS_FILESIZE	0x7fffffffffffffffLL

/* fs/readdir.c */
unsigned char fs_umode_to_dtype(umode_t mode);
int dcache_readdir(struct file *f, struct dir_context *ctx);
bool dir_emit_dots(struct file *f, struct dir_context *ctx);
int iterate_dir(struct file *f, struct dir_context *ctx);

/* The file system of inode keeps no page cache (FS_NO_PAGECACHE). */
static inline bool inode_no_pagecache(const struct inode *inode)
{
	return inode->i_sb->s_type && (inode->i_sb->s_type->fs_flags & FS_NO_PAGECACHE);
}

/* fs/sync.c */
int vfs_fsync(struct file *f, int datasync);

/* fs/ramfs.c: the RAM file system (and tmpfs, rootfs, devtmpfs). */
extern const struct file_operations ramfs_file_ops;
extern const struct file_operations ramfs_dir_ops;
extern const struct inode_operations ramfs_dir_inode_ops;
extern const struct inode_operations ramfs_symlink_inode_ops;
struct inode *ramfs_get_inode(struct super_block *sb, struct inode *dir,
			      umode_t mode, dev_t rdev);
struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool alloc);
ssize_t ramfs_read(struct inode *inode, void *buf, size_t n, loff_t pos);
ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos);
int ramfs_truncate(struct inode *inode, loff_t size);
struct super_block *ramfs_fill_super(struct file_system_type *t, unsigned long magic,
				     int flags, char *data);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
int ramfs_init(void);
struct file *shmem_zero_file(unsigned long size);
void shmem_init(void);

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;
void free_pipe_info(struct pipe_inode_info *pipe);
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);
void pipe_init(void);

/* fs/locks.c: POSIX record locks. */
long fcntl_getlk(struct file *f, unsigned int cmd, void __user *arg);
struct flock;
long vfs_getlk(struct file *f, unsigned int cmd, struct flock *l);
long vfs_setlk(struct file *f, unsigned int cmd, const struct flock *l);
long fcntl_setlk(unsigned int fd, struct file *f, unsigned int cmd, void __user *arg);
void locks_remove_posix(struct file *f, struct files_struct *owner);
void locks_remove_file(struct file *f);

/* Character devices (fs/char_dev.c) and their /dev nodes (devtmpfs). */
int register_chrdev(unsigned int major, unsigned int minor, const char *name,
		    umode_t mode, const struct file_operations *fops);
const struct file_operations *chrdev_fops(dev_t rdev);
int chrdev_open(struct inode *inode, struct file *f);
int devtmpfs_populate(struct dentry *dir);
void devtmpfs_init(void);
void chrdev_init(void);

/* /proc (fs/proc/): show() writes the whole content into buf and returns
 * its length; write() gets what user space wrote (NUL-terminated kernel
 * copy) and returns the bytes consumed or an errno. */
struct proc_ops {
	ssize_t (*show)(char *buf, size_t size);
	ssize_t (*write)(const char *buf, size_t len);
};
void proc_init(void);
int proc_create(const char *path, umode_t mode, const struct proc_ops *ops);
#define FSHIFT_LOADAVG	11	/* get_avenrun's fixed point */
void get_avenrun(unsigned long loads[3]);
unsigned long shmem_pages(void);

/* fs/rfs.c: mounts the storage component (lego.storage_mount=). */
#ifdef CONFIG_RFS
void rfs_init(const char *cmdline);
#else
static inline void rfs_init(const char *cmdline) { }
#endif

/* The initramfs (init/initramfs.c). */
int unpack_initramfs(const void *buf, size_t len);
void vfs_init(void);

/* fs/stat.c: the 32-bit dev_t user space sees ("new" encoding). */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#endif /* _LEGO_FS_H */
