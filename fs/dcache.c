// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: the names of the tree.  For the RAM file systems the dentry
 * tree is the directory data itself; /proc builds dentries on lookup and
 * lets them go with their last reference.
 *
 * dcache_lock (a spinlock) guards the structure: d_parent, d_subdirs,
 * d_name, the DCACHE_HASHED flag and mount points.  It is held only for
 * short walks and never across sleeping or user copies.  rename_mutex
 * serialises renames between directories, so the "is the target inside
 * the source" test stays true until the move is made.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/sched.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/kmem.h>
#include <asm/uaccess.h>
#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);
DEFINE_MUTEX(rename_mutex);

static char *dname_alloc(struct dentry *d, const char *name, size_t len)
{
	char *s = len < DNAME_INLINE_LEN ? d->d_iname : kmalloc(len + 1, GFP_KERNEL);

	if (!s)
		return NULL;
	memcpy(s, name, len);
	s[len] = 0;
	return s;
}

static void dname_free(struct dentry *d, const char *name)
{
	if (name != d->d_iname)
		kfree(name);
}

/* A new unlinked dentry named name in parent (referenced), or NULL. */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_name = dname_alloc(d, name, len);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	d->d_len = len;
	kmem_inc(KMEM_DENTRIES);
	atomic_set(&d->d_count, 1);
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	if (parent) {
		d->d_parent = dget(parent);
		d->d_sb = parent->d_sb;
	} else {
		d->d_parent = d;
	}
	return d;
}

/* The root dentry of a new super block, holding inode's reference. */
struct dentry *d_alloc_root(struct inode *inode)
{
	struct dentry *d = d_alloc(NULL, "/", 1);

	if (!d)
		return NULL;
	d->d_sb = inode->i_sb;
	d->d_inode = inode;
	d->d_flags |= DCACHE_HASHED;
	return d;
}

/* A dentry outside any tree (pipes): its path is its name. */
struct dentry *d_alloc_pseudo(struct super_block *sb, const char *name)
{
	struct dentry *d = d_alloc(NULL, name, strlen(name));

	if (d)
		d->d_sb = sb;
	return d;
}

/* d gets inode (whose reference it takes over), still unlinked. */
void d_instantiate(struct dentry *d, struct inode *inode)
{
	d->d_inode = inode;
}

/*
 * Links d into its parent with inode (whose reference it takes over): the
 * name becomes visible, at the next directory position; the tree keeps a
 * reference of its own.  The caller holds the parent's i_mutex.
 */
void d_add(struct dentry *d, struct inode *inode)
{
	struct dentry *dir = d->d_parent;

	d->d_inode = inode;
	atomic_inc(&d->d_count);
	spin_lock(&dcache_lock);
	d->d_offset = dir->d_inode->i_dir_seq++;
	list_add_tail(&d->d_child, &dir->d_subdirs);
	d->d_flags |= DCACHE_HASHED;
	spin_unlock(&dcache_lock);
}

/* Unlinks d from its parent (the caller holds the parent's i_mutex) and
 * drops the tree's reference; open files keep the rest alive. */
void d_drop_name(struct dentry *d)
{
	bool was;

	spin_lock(&dcache_lock);
	was = d->d_flags & DCACHE_HASHED;
	if (was) {
		list_del_init(&d->d_child);
		d->d_flags &= ~DCACHE_HASHED;
	}
	spin_unlock(&dcache_lock);
	if (was)
		dput(d);
}

bool d_unhashed(const struct dentry *d)
{
	return !(READ_ONCE(d->d_flags) & (DCACHE_HASHED | DCACHE_REMOTE));
}

/* The linked child name of dir, referenced, or NULL. */
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(d, &dir->d_subdirs, d_child) {
		if (d->d_len == len && !memcmp(d->d_name, name, len)) {
			found = dget(d);
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

struct dentry *dget(struct dentry *d)
{
	if (d)
		atomic_inc(&d->d_count);
	return d;
}

/* Drops a reference; the last one frees d, its inode reference and, in
 * turn, its reference on the parent. */
void dput(struct dentry *d)
{
	while (d && atomic_dec_and_test(&d->d_count)) {
		struct dentry *parent = d->d_parent;

		iput(d->d_inode);
		dname_free(d, d->d_name);
		kmem_dec(KMEM_DENTRIES);
		kfree(d);
		d = parent != d ? parent : NULL;
	}
}

struct dentry *dget_parent(struct dentry *d)
{
	struct dentry *p;

	spin_lock(&dcache_lock);
	p = dget(d->d_parent);
	spin_unlock(&dcache_lock);
	return p;
}

/* True when d is ancestor or below it (in one file system). */
bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	bool r = false;

	spin_lock(&dcache_lock);
	for (;;) {
		if (d == ancestor) {
			r = true;
			break;
		}
		if (d->d_parent == d)
			break;
		d = d->d_parent;
	}
	spin_unlock(&dcache_lock);
	return r;
}

/* No linked children: what rmdir and rename over a directory need. */
bool simple_empty(struct dentry *d)
{
	bool r;

	spin_lock(&dcache_lock);
	r = list_empty(&d->d_subdirs);
	spin_unlock(&dcache_lock);
	return r;
}

/* a and b trade names (inline names are copied; dcache_lock held). */
static void swap_names(struct dentry *a, struct dentry *b)
{
	const char *na = a->d_name, *nb = b->d_name;
	unsigned int la = a->d_len;
	char tmp[DNAME_INLINE_LEN];

	memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
	if (nb == b->d_iname) {
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		a->d_name = a->d_iname;
	} else {
		a->d_name = nb;
	}
	if (na == a->d_iname) {
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
		b->d_name = b->d_iname;
	} else {
		b->d_name = na;
	}
	a->d_len = b->d_len;
	b->d_len = la;
}

/*
 * rename(2): od takes nd's name and place at the end of nd's directory;
 * nd (a linked target, or a new negative dentry) is left unlinked with
 * od's old name.  Each keeps the one parent reference it holds, so they
 * trade those too.  One dcache_lock section: a lookup sees the old
 * target or the moved file, never neither (rename(2) atomicity).
 */
void d_move(struct dentry *od, struct dentry *nd)
{
	struct dentry *p;
	bool drop;

	spin_lock(&dcache_lock);
	drop = nd->d_flags & DCACHE_HASHED;
	if (drop) {
		list_del_init(&nd->d_child);
		nd->d_flags &= ~DCACHE_HASHED;
	}
	swap_names(od, nd);
	p = od->d_parent;
	od->d_parent = nd->d_parent;
	nd->d_parent = p;
	list_del(&od->d_child);
	od->d_offset = od->d_parent->d_inode->i_dir_seq++;
	list_add_tail(&od->d_child, &od->d_parent->d_subdirs);
	spin_unlock(&dcache_lock);
	if (drop)
		dput(nd);
}

/* RENAME_EXCHANGE: a and b trade names, parents and positions. */
void d_exchange(struct dentry *a, struct dentry *b)
{
	struct list_head *an, *bn;
	struct dentry *p;
	loff_t o;

	spin_lock(&dcache_lock);
	swap_names(a, b);
	p = a->d_parent;
	a->d_parent = b->d_parent;
	b->d_parent = p;
	o = a->d_offset;
	a->d_offset = b->d_offset;
	b->d_offset = o;
	/* Each takes the other's place in its list. */
	an = a->d_child.next;
	bn = b->d_child.next;
	if (an == &b->d_child) {		/* a just before b */
		list_del(&a->d_child);
		list_add(&a->d_child, &b->d_child);
	} else if (bn == &a->d_child) {		/* b just before a */
		list_del(&b->d_child);
		list_add(&b->d_child, &a->d_child);
	} else {
		list_del(&a->d_child);
		list_del(&b->d_child);
		list_add_tail(&a->d_child, bn);
		list_add_tail(&b->d_child, an);
	}
	spin_unlock(&dcache_lock);
}

/*
 * The path of d as seen from root (the caller's root), written at the
 * end of a PATH_MAX scratch buffer and copied to buf: its length, or
 * -ENAMETOOLONG.  Mount points are crossed upwards.  A name outside
 * root is given from the real root; mark_deleted appends " (deleted)" to
 * an unlinked file, as readlink of /proc/PID/fd/N shows it.  Pseudo files
 * (pipes) are their name.
 */
int d_path_from(struct dentry *d, struct dentry *root, char *buf, size_t len,
		bool mark_deleted)
{
	char *tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	size_t pos = PATH_MAX - 1;
	int r = 0;

	if (!tmp)
		return -ENOMEM;
	tmp[pos] = 0;
	spin_lock(&dcache_lock);
	if (mark_deleted && d_unhashed(d) && d->d_parent != d) {
		pos -= 10;
		memcpy(tmp + pos, " (deleted)", 10);
	}
	if (d->d_parent == d && !d->d_sb->s_mnt) {	/* a pseudo file */
		if (pos < d->d_len) {
			r = -ENAMETOOLONG;
		} else {
			pos -= d->d_len;
			memcpy(tmp + pos, d->d_name, d->d_len);
		}
		goto done;
	}
	for (;;) {
		struct vfsmount *m;

		if (d == root)
			break;
		if (d->d_parent == d) {		/* a file system's root */
			m = d->d_sb->s_mnt;
			if (!m || m->mnt_parent == m || m->mnt_detached)
				break;
			d = m->mnt_mountpoint;
			continue;
		}
		if (pos < d->d_len + 1) {
			r = -ENAMETOOLONG;
			goto done;
		}
		pos -= d->d_len;
		memcpy(tmp + pos, d->d_name, d->d_len);
		tmp[--pos] = '/';
		d = d->d_parent;
	}
	if (tmp[pos] != '/') {
		if (!pos) {
			r = -ENAMETOOLONG;
			goto done;
		}
		tmp[--pos] = '/';
	}
done:
	spin_unlock(&dcache_lock);
	if (!r && PATH_MAX - pos > len)
		r = -ENAMETOOLONG;
	if (!r) {
		memcpy(buf, tmp + pos, PATH_MAX - pos);
		r = PATH_MAX - 1 - pos;
	}
	kfree(tmp);
	return r;
}

/* The absolute path of d from the caller's root (the console's crash
 * reports and /proc use it). */
int d_path(struct dentry *d, char *buf, size_t len)
{
	struct dentry *root = fs_root_get();
	int r = d_path_from(d, root, buf, len, true);

	path_put(root);
	return r;
}

/* Unlinks every name below root (a file system going away). */
void d_free_tree(struct dentry *root)
{
	struct dentry *d = dget(root), *child, *parent;

	for (;;) {
		child = NULL;
		spin_lock(&dcache_lock);
		if (!list_empty(&d->d_subdirs))
			child = dget(list_first_entry(&d->d_subdirs, struct dentry, d_child));
		spin_unlock(&dcache_lock);
		if (child) {		/* the child's reference keeps d */
			dput(d);
			d = child;
			continue;
		}
		if (d == root)
			break;
		parent = dget_parent(d);
		d_drop_name(d);
		dput(d);
		d = parent;
	}
	dput(d);
}

/* Whether root is d or an ancestor of it, across mount points. */
bool path_is_under(struct dentry *d, struct dentry *root)
{
	bool r = false;

	spin_lock(&dcache_lock);
	for (;;) {
		struct vfsmount *m;

		if (d == root) {
			r = true;
			break;
		}
		if (d->d_parent != d) {
			d = d->d_parent;
			continue;
		}
		m = d->d_sb->s_mnt;
		if (!m || m->mnt_parent == m || m->mnt_detached)
			break;
		d = m->mnt_mountpoint;
	}
	spin_unlock(&dcache_lock);
	return r;
}

/* ------------------------------------------------------------ getcwd */

/*
 * getcwd(2): the length including the NUL; ERANGE when buf cannot hold
 * it; ENOENT when the directory was removed; a directory outside the
 * caller's root (after chroot) reads "(unreachable)/...", as on Linux.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	struct dentry *root = fs_root_get(), *pwd = fs_pwd_get();
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int len;

	len = -ENOMEM;
	if (!path)
		goto out;
	len = -ENOENT;
	if (d_unhashed(pwd))
		goto out;
	if (path_is_under(pwd, root)) {
		len = d_path_from(pwd, root, path, PATH_MAX, false);
	} else {
		memcpy(path, "(unreachable)", 13);
		len = d_path_from(pwd, root, path + 13, PATH_MAX - 13, false);
		if (len >= 0)
			len += 13;
	}
	if (len >= 0 && (unsigned long)len + 1 > size)
		len = -ERANGE;
	if (len >= 0 && copy_to_user(buf, path, len + 1))
		len = -EFAULT;
out:
	kfree(path);
	path_put(pwd);
	path_put(root);
	return len < 0 ? len : len + 1;
}
