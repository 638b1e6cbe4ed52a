// SPDX-License-Identifier: GPL-2.0
/*
 * Super blocks, file system types and the mount table: mount(2),
 * umount2(2), statfs(2), fstatfs(2) and the text of /proc/mounts.
 *
 * Every mount has its own super block (Lego has no bind mounts), so the
 * mount of a dentry is d_sb->s_mnt.  A mount holds one reference for
 * being in the tree; files, working directories and walks hold the
 * others, which is what makes a mount busy.  namespace_mutex serialises
 * mount and umount; the links between a mount and its mount point change
 * under dcache_lock as well, so path walks see them consistently.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/vsprintf.h>
#include <lego/syscalls.h>
#include <lego/capability.h>
#include <lego/compat.h>
#include <uapi/lego/mount.h>
#include <uapi/lego/statfs.h>
#include <asm/uaccess.h>
#include "internal.h"

DEFINE_MUTEX(namespace_mutex);
static LIST_HEAD(mount_list);
static DEFINE_SPINLOCK(fs_types_lock);
static struct file_system_type *file_systems;
static atomic_t next_mnt_id = ATOMIC_INIT(20);	/* Linux's first ids are near */
static atomic_t next_anon_minor;

struct vfsmount *root_mnt;
struct dentry *root_dentry;

/* ------------------------------------------------------------ references */

struct vfsmount *real_mount(struct dentry *d)
{
	return d->d_sb ? d->d_sb->s_mnt : NULL;
}

struct vfsmount *mntget(struct vfsmount *m)
{
	if (m)
		atomic_inc(&m->mnt_count);
	return m;
}

/* The last reference of a detached mount takes its file system down. */
static void cleanup_mnt(struct vfsmount *m)
{
	struct dentry *mp = m->mnt_mountpoint;
	struct vfsmount *parent = m->mnt_parent;

	deactivate_super(m->mnt_sb);
	kfree(m->mnt_devname);
	kfree(m);
	if (parent != m) {
		dput(mp);
		mntput(parent);
	}
}

void mntput(struct vfsmount *m)
{
	if (m && atomic_dec_and_test(&m->mnt_count))
		cleanup_mnt(m);
}

/* A reference on a place in the tree: the dentry and its mount. */
struct dentry *path_get(struct dentry *d)
{
	mntget(real_mount(d));
	return dget(d);
}

void path_put(struct dentry *d)
{
	struct vfsmount *m;

	if (!d)
		return;
	m = real_mount(d);
	dput(d);
	mntput(m);
}

bool is_mount_root(struct dentry *d)
{
	return d->d_parent == d && d->d_sb->s_mnt;
}

/* The root of whatever is mounted on d, repeatedly (path references). */
struct dentry *follow_mounts(struct dentry *d)
{
	for (;;) {
		struct dentry *next = NULL;

		spin_lock(&dcache_lock);
		if (d->d_mounted)
			next = path_get(d->d_mounted->mnt_root);
		spin_unlock(&dcache_lock);
		if (!next)
			return d;
		path_put(d);
		d = next;
	}
}

bool mnt_is_readonly(struct vfsmount *m)
{
	return m->mnt_sb->s_flags & SB_RDONLY;
}

/* A change to the file system d is on: EROFS when it is read-only. */
int mnt_want_write(struct dentry *d)
{
	return (d->d_sb->s_flags & SB_RDONLY) ? -EROFS : 0;
}

/* ------------------------------------------------------------ types, sbs */

int register_filesystem(struct file_system_type *t)
{
	spin_lock(&fs_types_lock);
	t->next = file_systems;
	file_systems = t;
	spin_unlock(&fs_types_lock);
	return 0;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *t;

	spin_lock(&fs_types_lock);
	for (t = file_systems; t; t = t->next)
		if (!strcmp(t->name, name))
			break;
	spin_unlock(&fs_types_lock);
	return t;
}

/* /proc/filesystems: "nodev" before each type that needs no device. */
ssize_t show_filesystems(char *buf, size_t size)
{
	struct file_system_type *t, *list[16];
	size_t len = 0;
	int n = 0;

	spin_lock(&fs_types_lock);
	for (t = file_systems; t && n < 16; t = t->next)
		if (!(t->fs_flags & FS_NOMOUNT))
			list[n++] = t;
	spin_unlock(&fs_types_lock);
	/* Registration order, as Linux lists them. */
	while (n--)
		len += scnprintf(buf + len, size - len, "%s\t%s\n",
				 (list[n]->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
				 list[n]->name);
	return len;
}

/* An anonymous device number (major 0) for a file system without one. */
dev_t alloc_anon_dev(void)
{
	return MKDEV(0, atomic_add_return(1, &next_anon_minor) + 15);
}

struct super_block *sget(struct file_system_type *t, unsigned long magic,
			 const struct super_operations *ops, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = t;
	sb->s_magic = magic;
	sb->s_op = ops;
	sb->s_flags = flags;
	sb->s_dev = alloc_anon_dev();
	return sb;
}

/* A file system no mount refers to any more: its tree and itself. */
void deactivate_super(struct super_block *sb)
{
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	if (sb->s_root) {
		d_free_tree(sb->s_root);
		dput(sb->s_root);
	}
	kfree(sb->s_fs_info);
	kfree(sb);
}

struct vfsmount *alloc_vfsmnt(struct super_block *sb, const char *devname)
{
	struct vfsmount *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	m->mnt_devname = kmalloc(strlen(devname) + 1, GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	strscpy(m->mnt_devname, devname, strlen(devname) + 1);
	m->mnt_sb = sb;
	m->mnt_root = sb->s_root;
	m->mnt_parent = m;
	m->mnt_id = atomic_add_return(1, &next_mnt_id);
	m->mnt_flags = MNT_RELATIME;
	atomic_set(&m->mnt_count, 1);
	INIT_LIST_HEAD(&m->mnt_list);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_mounts);
	sb->s_mnt = m;
	return m;
}

/* An internal mount, in no tree (pipefs). */
struct vfsmount *kern_mount(struct file_system_type *t, const char *data)
{
	char opts[64];
	struct super_block *sb;
	struct vfsmount *m;

	strscpy(opts, data ? data : "", sizeof(opts));
	sb = t->mount(t, 0, t->name, opts);
	if (IS_ERR_OR_NULL(sb))
		return NULL;
	m = alloc_vfsmnt(sb, t->name);
	if (!m)
		deactivate_super(sb);
	return m;
}

/* ------------------------------------------------------------ attach */

/* Puts m on top of mountpoint (a path reference the mount keeps). */
static void attach_mnt(struct vfsmount *m, struct dentry *mp)
{
	struct vfsmount *parent = real_mount(mp);

	spin_lock(&dcache_lock);
	m->mnt_mountpoint = mp;
	m->mnt_parent = parent;		/* path_get took its reference */
	mp->d_mounted = m;
	mp->d_flags |= DCACHE_MOUNTPOINT;
	list_add_tail(&m->mnt_child, &parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
	spin_unlock(&dcache_lock);
}

/* Takes m (and everything mounted below it) out of the tree; the tree's
 * references go with the caller's mntput of each. */
static void detach_mnt(struct vfsmount *m)
{
	struct dentry *mp = m->mnt_mountpoint;

	spin_lock(&dcache_lock);
	mp->d_mounted = NULL;
	mp->d_flags &= ~DCACHE_MOUNTPOINT;
	list_del_init(&m->mnt_child);
	list_del_init(&m->mnt_list);
	m->mnt_detached = true;
	spin_unlock(&dcache_lock);
}

/*
 * Mounts a new file system of type on the directory path names (a kernel
 * path), as mount(2) without its user copies.  namespace_mutex held.
 */
static int do_new_mount(struct dentry *target, const char *type, unsigned long flags,
			const char *dev_name, char *data)
{
	struct file_system_type *t;
	struct super_block *sb;
	struct vfsmount *m;
	int sbflags = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME);

	if (!type)
		return -EINVAL;
	t = get_fs_type(type);
	if (!t || (t->fs_flags & FS_NOMOUNT))
		return -ENODEV;
	if (t->fs_flags & FS_REQUIRES_DEV)
		return -ENOTBLK;
	if (!S_ISDIR(target->d_inode->i_mode))
		return -ENOTDIR;
	if (d_unhashed(target) && target->d_parent != target)
		return -ENOENT;
	sb = t->mount(t, sbflags, dev_name, data);
	if (IS_ERR(sb))
		return PTR_ERR(sb);
	m = alloc_vfsmnt(sb, dev_name ? dev_name : "none");
	if (!m) {
		deactivate_super(sb);
		return -ENOMEM;
	}
	if (flags & MS_NOSUID)
		m->mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		m->mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		m->mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		m->mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		m->mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_NOSYMFOLLOW)
		m->mnt_flags |= MNT_NOSYMFOLLOW;
	if (flags & MS_STRICTATIME)
		m->mnt_flags &= ~MNT_RELATIME;
	attach_mnt(m, path_get(target));
	return 0;
}

/* A kernel mount(2) (boot: /dev and /proc). */
int do_mount_at(const char *dev_name, const char *path, const char *type,
		unsigned long flags, char *data)
{
	struct dentry *target;
	int r = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &target);

	if (r)
		return r;
	mutex_lock(&namespace_mutex);
	r = do_new_mount(target, type, flags, dev_name, data);
	mutex_unlock(&namespace_mutex);
	path_put(target);
	return r;
}

/* MS_REMOUNT: the read-only and per-mount flags of an existing mount. */
static int do_remount(struct dentry *target, unsigned long flags)
{
	struct vfsmount *m = real_mount(target);
	struct super_block *sb;

	if (!m || target != m->mnt_root)
		return -EINVAL;
	sb = m->mnt_sb;
	if (flags & MS_BIND) {
		/* Per-mount flags only. */
	} else if (flags & MS_RDONLY) {
		/* Files open for writing keep a file system writable
		 * (Linux's sb_prepare_remount_readonly). */
		if (!(sb->s_flags & SB_RDONLY) && atomic_read(&sb->s_writers))
			return -EBUSY;
		sb->s_flags |= SB_RDONLY;
	} else {
		sb->s_flags &= ~SB_RDONLY;
	}
	m->mnt_flags = (m->mnt_flags & MNT_RELATIME) |
		((flags & MS_NOSUID) ? MNT_NOSUID : 0) |
		((flags & MS_NODEV) ? MNT_NODEV : 0) |
		((flags & MS_NOEXEC) ? MNT_NOEXEC : 0) |
		((flags & MS_NOATIME) ? MNT_NOATIME : 0) |
		((flags & MS_NOSYMFOLLOW) ? MNT_NOSYMFOLLOW : 0);
	if (flags & MS_RDONLY && (flags & MS_BIND))
		sb->s_flags |= SB_RDONLY;
	return 0;
}

/* A user string argument of mount(2), at most a page (PATH_MAX). */
static int copy_mount_string(const void __user *u, char **out)
{
	long n;

	*out = NULL;
	if (!u)
		return 0;
	*out = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!*out)
		return -ENOMEM;
	n = strncpy_from_user(*out, u, PATH_MAX);
	if (n < 0 || n == PATH_MAX) {
		kfree(*out);
		*out = NULL;
		return n < 0 ? (int)n : -EINVAL;
	}
	return 0;
}

/*
 * The data argument: Linux copies up to a page, stopping quietly at an
 * unreadable byte; the file systems here take a NUL-terminated option
 * string from it.
 */
static int copy_mount_options(const void __user *data, char **out)
{
	char *buf;
	size_t n;

	*out = NULL;
	if (!data)
		return 0;
	buf = kzalloc(PAGE_SIZE + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (n = 0; n < PAGE_SIZE; n += 64) {
		if (copy_from_user(buf + n, (const char __user *)data + n, 64)) {
			size_t i;

			for (i = 0; i < 64; i++)
				if (copy_from_user(buf + n + i, (const char __user *)data + n + i, 1))
					break;
			if (!n && !i) {
				kfree(buf);
				return -EFAULT;
			}
			break;
		}
		if (memchr(buf + n, 0, 64))
			break;
	}
	*out = buf;
	return 0;
}

/*
 * mount(2): new mounts of ramfs, tmpfs, proc and devtmpfs, remounts
 * (MS_REMOUNT, with MS_RDONLY), and propagation changes, which are no-ops
 * with one namespace.  Bind and move mounts are not supported (EINVAL;
 * Documentation/process/decisions.rst).  The checks come in Linux's
 * order: the strings (EFAULT), the target (ENOENT, ENOTDIR), privilege
 * (EPERM), then the type (ENODEV).
 */
// syscall-status: mount: partial: no bind (MS_BIND) or move (MS_MOVE) mounts
SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *ktype = NULL, *kdev = NULL, *kdata = NULL;
	struct dentry *target;
	int r;

	r = copy_mount_string(type, &ktype);
	if (!r)
		r = copy_mount_string(dev_name, &kdev);
	if (!r)
		r = copy_mount_options(data, &kdata);
	if (r)
		goto out;
	r = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &target);
	if (r)
		goto out;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	r = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto put;
	mutex_lock(&namespace_mutex);
	if (flags & MS_REMOUNT)
		r = do_remount(target, flags);
	else if (flags & (MS_BIND | MS_MOVE))
		r = -EINVAL;
	else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		r = is_mount_root(target) ? 0 : -EINVAL;
	else
		r = do_new_mount(target, ktype, flags, kdev, kdata);
	mutex_unlock(&namespace_mutex);
put:
	path_put(target);
out:
	kfree(ktype);
	kfree(kdev);
	kfree(kdata);
	return r;
}

/*
 * umount2(2): a mount that no file, working directory or root uses and
 * with nothing mounted on it goes away; otherwise EBUSY, unless
 * MNT_DETACH, which takes it (and what is mounted below it) out of the
 * tree now and frees it with its last user.
 */
// syscall-status: umount2: partial: MNT_EXPIRE never expires a mount (EAGAIN)
SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	struct dentry *target;
	struct vfsmount *m;
	int r;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		return -EINVAL;
	r = user_path_at(AT_FDCWD, name,
			 (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &target);
	if (r)
		return r;
	m = real_mount(target);
	r = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto out;
	r = -EINVAL;
	if (!m || target != m->mnt_root || m->mnt_parent == m || m->mnt_detached)
		goto out;
	/* MNT_EXPIRE marks a mount on a first call; Lego never expires. */
	r = -EAGAIN;
	if (flags & MNT_EXPIRE)
		goto out;
	mutex_lock(&namespace_mutex);
	if (flags & MNT_DETACH) {
		/* Everything below goes too, innermost first. */
		for (;;) {
			struct vfsmount *leaf = m;

			while (!list_empty(&leaf->mnt_mounts))
				leaf = list_first_entry(&leaf->mnt_mounts,
							struct vfsmount, mnt_child);
			detach_mnt(leaf);
			mntput(leaf);
			if (leaf == m)
				break;
		}
		r = 0;
	} else {
		/* The tree's reference and ours are all there may be. */
		r = -EBUSY;
		if (list_empty(&m->mnt_mounts) && atomic_read(&m->mnt_count) <= 2) {
			detach_mnt(m);
			mntput(m);
			r = 0;
		}
	}
	mutex_unlock(&namespace_mutex);
out:
	path_put(target);
	return r;
}

/* ------------------------------------------------------------ /proc/mounts */

/* Mount points with spaces, tabs, newlines and backslashes escaped. */
static size_t mangle(char *buf, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			n += scnprintf(buf + n, size - n, "\\%03o", (unsigned char)*s);
		else if (n + 1 < size)
			buf[n++] = *s;
	}
	if (n < size)
		buf[n] = 0;
	return n;
}

/* The lines of /proc/mounts seen from root, in mount order. */
int show_mounts(struct dentry *root, char *buf, size_t size)
{
	struct vfsmount *m;
	char *path = kmalloc(PATH_MAX, GFP_KERNEL), opts[256];
	size_t len = 0;

	if (!path)
		return -ENOMEM;
	mutex_lock(&namespace_mutex);
	list_for_each_entry(m, &mount_list, mnt_list) {
		struct super_block *sb = m->mnt_sb;
		size_t o;

		if (!path_is_under(m->mnt_root, root))
			continue;
		if (d_path_from(m->mnt_root, root, path, PATH_MAX, false) < 0)
			continue;
		o = scnprintf(opts, sizeof(opts), "%s", (sb->s_flags & SB_RDONLY) ? "ro" : "rw");
		if (m->mnt_flags & MNT_NOSUID)
			o += scnprintf(opts + o, sizeof(opts) - o, ",nosuid");
		if (m->mnt_flags & MNT_NODEV)
			o += scnprintf(opts + o, sizeof(opts) - o, ",nodev");
		if (m->mnt_flags & MNT_NOEXEC)
			o += scnprintf(opts + o, sizeof(opts) - o, ",noexec");
		if (m->mnt_flags & MNT_NOSYMFOLLOW)
			o += scnprintf(opts + o, sizeof(opts) - o, ",nosymfollow");
		if (m->mnt_flags & MNT_NOATIME)
			o += scnprintf(opts + o, sizeof(opts) - o, ",noatime");
		else if (m->mnt_flags & MNT_RELATIME)
			o += scnprintf(opts + o, sizeof(opts) - o, ",relatime");
		if (sb->s_op && sb->s_op->show_options)
			sb->s_op->show_options(sb, opts + o, sizeof(opts) - o);
		len += mangle(buf + len, size - len, m->mnt_devname);
		len += scnprintf(buf + len, size - len, " ");
		len += mangle(buf + len, size - len, path);
		len += scnprintf(buf + len, size - len, " %s %s 0 0\n",
				 sb->s_type->name, opts);
	}
	mutex_unlock(&namespace_mutex);
	kfree(path);
	return len;
}

/* ------------------------------------------------------------ statfs */

void simple_statfs(struct super_block *sb, struct kstatfs *st)
{
	st->f_type = sb->s_magic;
	st->f_bsize = PAGE_SIZE;
	st->f_namelen = NAME_MAX;
}

void vfs_statfs(struct dentry *d, struct kstatfs *st)
{
	struct super_block *sb = d->d_sb;

	memset(st, 0, sizeof(*st));
	if (sb->s_op && sb->s_op->statfs)
		sb->s_op->statfs(sb, st);
	else
		simple_statfs(sb, st);
	if (!st->f_frsize)
		st->f_frsize = st->f_bsize;
}

/* ST_* flags of the mount d is on, as Linux's flags_by_mnt/flags_by_sb. */
static long statfs_flags(struct dentry *d)
{
	struct vfsmount *m = real_mount(d);
	long f = ST_VALID;

	if (d->d_sb->s_flags & SB_RDONLY)
		f |= ST_RDONLY;
	if (!m)
		return f;
	if (m->mnt_flags & MNT_NOSUID)
		f |= ST_NOSUID;
	if (m->mnt_flags & MNT_NODEV)
		f |= ST_NODEV;
	if (m->mnt_flags & MNT_NOEXEC)
		f |= ST_NOEXEC;
	if (m->mnt_flags & MNT_NOATIME)
		f |= ST_NOATIME;
	if (m->mnt_flags & MNT_NODIRATIME)
		f |= ST_NODIRATIME;
	if (m->mnt_flags & MNT_RELATIME)
		f |= ST_RELATIME;
	if (m->mnt_flags & MNT_NOSYMFOLLOW)
		f |= ST_NOSYMFOLLOW;
	return f;
}

/* What statfs(2) reports about d's file system, in the 64-bit layout
 * (every value fits it; the i386 calls narrow it). */
static void fill_statfs(struct dentry *d, struct statfs *st)
{
	struct kstatfs k;

	vfs_statfs(d, &k);
	memset(st, 0, sizeof(*st));
	st->f_type = k.f_type;
	st->f_bsize = k.f_bsize;
	st->f_blocks = k.f_blocks;
	st->f_bfree = k.f_bfree;
	st->f_bavail = k.f_bavail;
	st->f_files = k.f_files;
	st->f_ffree = k.f_ffree;
	st->f_fsid[0] = (int)d->d_sb->s_dev;
	st->f_namelen = k.f_namelen;
	st->f_frsize = k.f_frsize;
	st->f_flags = statfs_flags(d);
}

static int user_statfs(const char __user *pathname, struct statfs *st)
{
	struct dentry *d;
	int r = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &d);

	if (r)
		return r;
	fill_statfs(d, st);
	path_put(d);
	return 0;
}

static int fd_statfs(unsigned int fd, struct statfs *st)
{
	struct file *f = fget_raw(fd);

	if (!f)
		return -EBADF;
	fill_statfs(f->dentry, st);
	fput(f);
	return 0;
}

static int put_statfs(struct statfs __user *buf, int r, const struct statfs *st)
{
	if (r)
		return r;
	return copy_to_user(buf, st, sizeof(*st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct statfs st;

	return put_statfs(buf, user_statfs(pathname, &st), &st);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct statfs st;

	return put_statfs(buf, fd_statfs(fd, &st), &st);
}

#ifdef CONFIG_IA32_EMULATION
/* i386 struct statfs (asm-generic/statfs.h, __statfs_word 32 bits): 64
 * bytes. */
struct compat_statfs {
	s32 f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	s32 f_fsid[2];
	s32 f_namelen, f_frsize, f_flags;
	s32 f_spare[4];
};
_Static_assert(sizeof(struct compat_statfs) == 64, "compat_statfs");
_Static_assert(offsetof(struct compat_statfs, f_fsid) == 28, "compat_statfs.f_fsid");
_Static_assert(offsetof(struct compat_statfs, f_flags) == 44, "compat_statfs.f_flags");

/* i386 struct statfs64: the counts 64 bits, packed to 4-byte alignment
 * (the i386 psABI's for long long), 84 bytes.  That size is the only one
 * statfs64's size argument may give on x86 (88, the EABI padding, is an
 * ARM compat exception). */
struct compat_statfs64 {
	u32 f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	s32 f_fsid[2];
	u32 f_namelen, f_frsize, f_flags;
	u32 f_spare[4];
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct compat_statfs64) == 84, "compat_statfs64");
_Static_assert(offsetof(struct compat_statfs64, f_blocks) == 8, "compat_statfs64.f_blocks");
_Static_assert(offsetof(struct compat_statfs64, f_fsid) == 48, "compat_statfs64.f_fsid");
_Static_assert(offsetof(struct compat_statfs64, f_flags) == 64, "compat_statfs64.f_flags");

/* Both i386 layouts name their fields as the 64-bit one: fill c from st
 * (narrowed where the layout is narrower) and copy it out. */
#define COPY_COMPAT_STATFS(buf, c, st) ({					\
	memset(&(c), 0, sizeof(c));						\
	(c).f_type = (st)->f_type;						\
	(c).f_bsize = (st)->f_bsize;						\
	(c).f_blocks = (st)->f_blocks;						\
	(c).f_bfree = (st)->f_bfree;						\
	(c).f_bavail = (st)->f_bavail;						\
	(c).f_files = (st)->f_files;						\
	(c).f_ffree = (st)->f_ffree;						\
	(c).f_fsid[0] = (st)->f_fsid[0];					\
	(c).f_fsid[1] = (st)->f_fsid[1];					\
	(c).f_namelen = (st)->f_namelen;					\
	(c).f_frsize = (st)->f_frsize;						\
	(c).f_flags = (st)->f_flags;						\
	copy_to_user(buf, &(c), sizeof(c)) ? -EFAULT : 0;			\
})

static bool over32(u64 v)
{
	return v >> 32;
}

/* The 32-bit statfs: EOVERFLOW when a count or size does not fit 32 bits
 * (a file count of -1, "unknown", goes through as -1), as Linux's
 * put_compat_statfs. */
static int put_compat_statfs(struct compat_statfs __user *buf, int r, const struct statfs *st)
{
	struct compat_statfs c;

	if (r)
		return r;
	if (over32(st->f_blocks | st->f_bfree | st->f_bavail | st->f_bsize | st->f_frsize) ||
	    (st->f_files != ~0ULL && over32(st->f_files)) ||
	    (st->f_ffree != ~0ULL && over32(st->f_ffree)))
		return -EOVERFLOW;
	return COPY_COMPAT_STATFS(buf, c, st);
}

/* statfs64: only the block size and fragment size can overflow. */
static int put_compat_statfs64(struct compat_statfs64 __user *buf, int r,
			       const struct statfs *st)
{
	struct compat_statfs64 c;

	if (r)
		return r;
	if (over32(st->f_bsize | st->f_frsize))
		return -EOVERFLOW;
	return COPY_COMPAT_STATFS(buf, c, st);
}

COMPAT_SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct compat_statfs __user *, buf)
{
	struct statfs st;

	return put_compat_statfs(buf, user_statfs(pathname, &st), &st);
}

COMPAT_SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct compat_statfs __user *, buf)
{
	struct statfs st;

	return put_compat_statfs(buf, fd_statfs(fd, &st), &st);
}

/* statfs64(path, size, buf): the size is checked first, as Linux's. */
COMPAT_SYSCALL_DEFINE3(statfs64, const char __user *, pathname, u32, sz,
		       struct compat_statfs64 __user *, buf)
{
	struct statfs st;

	if (sz != sizeof(*buf))
		return -EINVAL;
	return put_compat_statfs64(buf, user_statfs(pathname, &st), &st);
}

COMPAT_SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, u32, sz,
		       struct compat_statfs64 __user *, buf)
{
	struct statfs st;

	if (sz != sizeof(*buf))
		return -EINVAL;
	return put_compat_statfs64(buf, fd_statfs(fd, &st), &st);
}
#endif

/* ------------------------------------------------------------ boot */

/* The root file system and the internal ones (start_kernel). */
void vfs_init(void)
{
	mnt_init();
	pipe_init();
	shmem_init();
}

/* The root file system: a tmpfs-like RAM file system named "rootfs",
 * as Linux's initramfs root. */
void mnt_init(void)
{
	struct file_system_type *t;
	struct super_block *sb;
	char opts[8] = "";

	ramfs_init();
	t = get_fs_type("rootfs");
	sb = t ? t->mount(t, 0, "rootfs", opts) : NULL;
	if (IS_ERR_OR_NULL(sb))
		panic("VFS: cannot create the root file system");
	root_mnt = alloc_vfsmnt(sb, "rootfs");
	if (!root_mnt)
		panic("VFS: cannot mount the root file system");
	root_mnt->mnt_flags = 0;	/* rootfs shows plain "rw" */
	root_mnt->mnt_mountpoint = sb->s_root;
	list_add_tail(&root_mnt->mnt_list, &mount_list);
	root_dentry = sb->s_root;
}
