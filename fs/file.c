// SPDX-License-Identifier: GPL-2.0
/*
 * Open files and file descriptor tables.  A struct file is shared by every
 * descriptor that refers to it (dup, fork) and freed with the last one.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = kzalloc(files->max_fds * sizeof(struct file *), GFP_KERNEL);
	files->close_on_exec = kzalloc(files->max_fds / 8, GFP_KERNEL);
	if (!files->fd || !files->close_on_exec) {
		kfree(files->fd);
		kfree(files->close_on_exec);
		kfree(files);
		return NULL;
	}
	files->refcount = 1;
	return files;
}

void put_files(struct files_struct *files)
{
	unsigned int i;

	if (--files->refcount)
		return;
	for (i = 0; i < files->max_fds; i++)
		if (files->fd[i])
			fput(files->fd[i]);
	kfree(files->fd);
	kfree(files->close_on_exec);
	kfree(files);
}

struct fs_struct *alloc_fs(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->refcount = 1;
	fs->root = root_dentry;
	fs->pwd = root_dentry;
	fs->umask = 0022;
	return fs;
}

/* A copy of a descriptor table for fork (without CLONE_FILES): the same
 * open files, each with one more reference, and the same close-on-exec
 * flags. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = alloc_files();
	unsigned int i;

	if (!files)
		return NULL;
	for (i = 0; i < old->max_fds; i++) {
		files->fd[i] = old->fd[i];
		if (files->fd[i])
			files->fd[i]->refcount++;
	}
	memcpy(files->close_on_exec, old->close_on_exec, old->max_fds / 8);
	return files;
}

/* A copy of the root, working directory and umask (fork without CLONE_FS). */
struct fs_struct *copy_fs(struct fs_struct *old)
{
	struct fs_struct *fs = alloc_fs();

	if (!fs)
		return NULL;
	fs->root = old->root;
	fs->pwd = old->pwd;
	fs->umask = old->umask;
	return fs;
}

/* execve: closes the descriptors marked close-on-exec. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < files->max_fds; fd++)
		if (files->close_on_exec[fd / 8] & (1 << (fd % 8)))
			close_fd(fd);
}

void put_fs(struct fs_struct *fs)
{
	if (!--fs->refcount)
		kfree(fs);
}

/*
 * The file behind fd with a reference taken, or NULL (-EBADF), O_PATH
 * descriptors included: for the calls that only need the name (fstat,
 * the dfd of *at() calls).
 */
struct file *fget_raw(int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd < 0 || (unsigned int)fd >= files->max_fds)
		return NULL;
	f = files->fd[fd];
	if (f)
		f->refcount++;
	return f;
}

/* The same for every other call: an O_PATH descriptor is -EBADF there,
 * as Linux's fdget() ignores FMODE_PATH files. */
struct file *fget(int fd)
{
	struct file *f = fget_raw(fd);

	if (f && (f->f_mode & FMODE_PATH)) {
		fput(f);
		return NULL;
	}
	return f;
}

void fput(struct file *f)
{
	if (!f || --f->refcount)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	if (f->inode)
		iput(f->inode);
	dput(f->dentry);
	kfree(f);
}

/*
 * The lowest free descriptor below RLIMIT_NOFILE gets f (whose reference
 * it takes over).  O_CLOEXEC in flags sets close-on-exec.  -EMFILE when
 * none is free.
 */
int fd_install(struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long limit = min((unsigned long)files->max_fds,
				  current->rlim[RLIMIT_NOFILE].rlim_cur);
	unsigned int fd;

	for (fd = 0; fd < limit; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = f;
			if (flags & O_CLOEXEC)
				files->close_on_exec[fd / 8] |= 1 << (fd % 8);
			else
				files->close_on_exec[fd / 8] &= ~(1 << (fd % 8));
			return fd;
		}
	}
	return -EMFILE;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd >= files->max_fds || !(f = files->fd[fd]))
		return -EBADF;
	files->fd[fd] = NULL;
	files->close_on_exec[fd / 8] &= ~(1 << (fd % 8));
	fput(f);
	return 0;
}

struct file *alloc_file(struct dentry *d, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;

	if (!f)
		return NULL;
	f->dentry = d;
	if (d) {
		dget(d);
		f->inode = d->inode;
		iget(f->inode);
	}
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	if (acc == O_RDONLY || acc == O_RDWR)
		f->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		f->f_mode |= FMODE_WRITE;
	f->refcount = 1;
	return f;
}

/* An open file for d with the operations its type calls for. */
struct file *open_dentry(struct dentry *d, unsigned int flags)
{
	struct inode *inode = d->inode;
	struct file *f = alloc_file(d, flags);

	if (!f)
		return ERR_PTR(-ENOMEM);
	if (S_ISCHR(inode->mode))
		f->f_op = chrdev_fops(inode->rdev);
	else
		f->f_op = inode->fops;
	if (S_ISREG(inode->mode) || S_ISDIR(inode->mode))
		f->f_mode |= FMODE_LSEEK;
	if (!f->f_op && S_ISCHR(inode->mode)) {
		fput(f);
		return ERR_PTR(-ENXIO);
	}
	return f;
}

struct file *filp_open(const char *path, unsigned int flags)
{
	struct dentry *d;
	int r = kern_path(path, LOOKUP_FOLLOW, &d);

	if (r)
		return ERR_PTR(r);
	return open_dentry(d, flags);
}

ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos)
{
	if (!S_ISREG(f->inode->mode))
		return -EINVAL;
	return ramfs_read(f->inode, buf, n, pos);
}
