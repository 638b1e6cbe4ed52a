// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor tables and fs_structs.  A struct file is shared by every
 * descriptor that refers to it (dup, fork) and freed with the last
 * reference.  A table's file_lock (a spinlock) guards its slots, its
 * close-on-exec and open bitmaps and its size; files are released
 * outside it.  A task's files and fs pointers change under tasklist_lock
 * (exit, unshare), so /proc can take references to another task's.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/kmem.h>
#include "internal.h"

#define BITS_PER_LONG	64

static inline bool test_fd(const unsigned long *map, unsigned int fd)
{
	return map[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static inline void set_fd(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static inline void clear_fd(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

/* The open-descriptor bitmap follows the close-on-exec one. */
static unsigned long *open_map(struct files_struct *files)
{
	return files->close_on_exec + files->max_fds / BITS_PER_LONG;
}

/* Arrays for n descriptors (n a multiple of 64): slots and two bitmaps. */
static int alloc_fd_arrays(unsigned int n, struct file ***fd, unsigned long **maps)
{
	*fd = kzalloc(n * sizeof(struct file *), GFP_KERNEL);
	*maps = kzalloc(2 * n / 8, GFP_KERNEL);
	if (!*fd || !*maps) {
		kfree(*fd);
		kfree(*maps);
		return -ENOMEM;
	}
	return 0;
}

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->max_fds = NR_OPEN_DEFAULT;
	if (alloc_fd_arrays(files->max_fds, &files->fd, &files->close_on_exec)) {
		kfree(files);
		return NULL;
	}
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	return files;
}

/*
 * Grows the table so that fd fits (file_lock held; nothing here sleeps).
 * -EMFILE past NR_OPEN_MAX.
 */
static int expand_files(struct files_struct *files, unsigned int fd)
{
	unsigned int n = files->max_fds, words;
	struct file **nfd;
	unsigned long *nmaps;

	if (fd < n)
		return 0;
	if (fd >= NR_OPEN_MAX)
		return -EMFILE;
	while (n <= fd)
		n *= 2;
	if (alloc_fd_arrays(n, &nfd, &nmaps))
		return -ENOMEM;
	words = files->max_fds / BITS_PER_LONG;
	memcpy(nfd, files->fd, files->max_fds * sizeof(struct file *));
	memcpy(nmaps, files->close_on_exec, words * sizeof(long));
	memcpy(nmaps + n / BITS_PER_LONG, open_map(files), words * sizeof(long));
	kfree(files->fd);
	kfree(files->close_on_exec);
	files->fd = nfd;
	files->close_on_exec = nmaps;
	files->max_fds = n;
	return 0;
}

/* Linux's filp_close: the owner's POSIX locks on the file go, then the
 * reference. */
int filp_close(struct file *f, struct files_struct *owner)
{
	locks_remove_posix(f, owner);
	fput(f);
	return 0;
}

void put_files(struct files_struct *files)
{
	unsigned int i;

	if (!atomic_dec_and_test(&files->count))
		return;
	for (i = 0; i < files->max_fds; i++)
		if (files->fd[i])
			filp_close(files->fd[i], files);
	kfree(files->fd);
	kfree(files->close_on_exec);
	kfree(files);
}

/*
 * A copy of a descriptor table for fork (without CLONE_FILES) and for
 * unsharing: the same open files, each with one more reference, and the
 * same close-on-exec flags.  A descriptor another thread is still
 * opening is not copied.
 */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = alloc_files();
	struct file **nfd;
	unsigned long *nmaps;
	unsigned int i, n;

	if (!files)
		return NULL;
	for (;;) {
		spin_lock(&old->file_lock);
		n = old->max_fds;
		spin_unlock(&old->file_lock);
		if (n <= files->max_fds)
			break;
		if (alloc_fd_arrays(n, &nfd, &nmaps)) {
			put_files(files);
			return NULL;
		}
		kfree(files->fd);
		kfree(files->close_on_exec);
		files->fd = nfd;
		files->close_on_exec = nmaps;
		files->max_fds = n;
	}
	spin_lock(&old->file_lock);
	for (i = 0; i < old->max_fds; i++) {
		struct file *f = old->fd[i];

		if (!f)
			continue;
		get_file(f);
		files->fd[i] = f;
		set_fd(open_map(files), i);
		if (test_fd(old->close_on_exec, i))
			set_fd(files->close_on_exec, i);
	}
	spin_unlock(&old->file_lock);
	return files;
}

/*
 * Sets a task's files, fs or mm pointer under tasklist_lock (which /proc
 * holds while it takes a reference through one) and returns the old one.
 */
void *task_ptr_xchg(void **slot, void *new)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	void *old = *slot;

	*slot = new;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return old;
}

/* At exit: the table goes (its pointer cleared first, for /proc). */
void exit_files(struct task_struct *t)
{
	struct files_struct *files = task_ptr_xchg((void **)&t->files, NULL);

	if (files)
		put_files(files);
}

/* A new table for current (close_range CLOSE_RANGE_UNSHARE). */
static void replace_task_files(struct files_struct *files)
{
	put_files(task_ptr_xchg((void **)&current->files, files));
}

/* RLIMIT_NOFILE, capped at the largest table (Linux's fs.nr_open). */
unsigned long rlimit_nofile(void)
{
	return min(rlimit(RLIMIT_NOFILE), (unsigned long)NR_OPEN_MAX);
}

/* The file behind fd in files, referenced; raw: O_PATH files too. */
static struct file *__fget(struct files_struct *files, int fd, bool raw)
{
	struct file *f = NULL;

	if (!files || fd < 0)
		return NULL;
	spin_lock(&files->file_lock);
	if ((unsigned int)fd < files->max_fds)
		f = files->fd[fd];
	if (f && (raw || !(f->f_mode & FMODE_PATH)))
		get_file(f);
	else
		f = NULL;
	spin_unlock(&files->file_lock);
	return f;
}

/*
 * The file behind fd with a reference taken, or NULL (-EBADF).  An O_PATH
 * descriptor is EBADF for I/O, as Linux's fdget() ignores FMODE_PATH
 * files; fget_raw() also returns those, for the calls that only need the
 * name (fstat, the dfd of *at() calls, fchdir).
 */
struct file *fget(int fd)
{
	return __fget(current->files, fd, false);
}

struct file *fget_raw(int fd)
{
	return __fget(current->files, fd, true);
}

/* The last reference: the file's release method, its locks, its name. */
void fput(struct file *f)
{
	if (!f || __atomic_sub_fetch(&f->f_count.counter, 1, __ATOMIC_SEQ_CST))
		return;
	locks_remove_file(f);
	if (f->f_op && f->f_op->release && !(f->f_mode & FMODE_PATH))
		f->f_op->release(f);
	if (f->f_mode & FMODE_WRITER)
		atomic_dec(&f->inode->i_sb->s_writers);
	path_put(f->dentry);
	kmem_dec(KMEM_FILES);
	kfree(f);
}

/* Puts f in slot fd, close-on-exec as flags' O_CLOEXEC says (file_lock held). */
static void install_locked(struct files_struct *files, unsigned int fd, struct file *f,
			   unsigned int flags)
{
	files->fd[fd] = f;
	set_fd(open_map(files), fd);
	if (flags & O_CLOEXEC)
		set_fd(files->close_on_exec, fd);
	else
		clear_fd(files->close_on_exec, fd);
}

/* The lowest free descriptor from start below limit (file_lock held). */
static int find_free_fd(struct files_struct *files, unsigned int start,
			unsigned long limit)
{
	unsigned int fd;
	int r;

	for (fd = start; fd < limit; fd++) {
		if (fd >= files->max_fds) {
			r = expand_files(files, fd);
			if (r)
				return r;
		}
		if (!test_fd(open_map(files), fd))
			return fd;
	}
	return -EMFILE;
}

/*
 * Reserves the lowest free descriptor (EMFILE when none is below
 * RLIMIT_NOFILE), close-on-exec as flags' O_CLOEXEC says; fd_install_at
 * fills it, put_unused_fd gives it back.
 */
int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;
	int fd;

	spin_lock(&files->file_lock);
	fd = find_free_fd(files, files->next_fd, rlimit_nofile());
	if (fd >= 0) {
		install_locked(files, fd, NULL, flags);	/* reserved */
		files->next_fd = fd + 1;
	}
	spin_unlock(&files->file_lock);
	return fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	clear_fd(open_map(files), fd);
	if (fd < files->next_fd)
		files->next_fd = fd;
	spin_unlock(&files->file_lock);
}

void fd_install_at(unsigned int fd, struct file *f)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->fd[fd] = f;
	spin_unlock(&files->file_lock);
}

/* Reserves and fills a descriptor with f (whose reference it takes). */
int fd_install(struct file *f, unsigned int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd >= 0)
		fd_install_at(fd, f);
	return fd;
}

/* Empties slot fd (file_lock held): the file, for the caller to close. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	if (fd >= files->max_fds || !(f = files->fd[fd]))
		return NULL;
	files->fd[fd] = NULL;
	clear_fd(open_map(files), fd);
	clear_fd(files->close_on_exec, fd);
	if (fd < files->next_fd)
		files->next_fd = fd;
	return f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files)
		return -EBADF;
	spin_lock(&files->file_lock);
	f = pick_file(files, fd);
	spin_unlock(&files->file_lock);
	if (!f)
		return -EBADF;
	return filp_close(f, files);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool r;

	spin_lock(&files->file_lock);
	r = fd < files->max_fds && test_fd(files->close_on_exec, fd);
	spin_unlock(&files->file_lock);
	return r;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd]) {
		if (on)
			set_fd(files->close_on_exec, fd);
		else
			clear_fd(files->close_on_exec, fd);
	}
	spin_unlock(&files->file_lock);
}

/*
 * dup2/dup3: fd becomes f (the caller's reference is taken over), closing
 * what was there.  EBADF when fd is not below RLIMIT_NOFILE; EBUSY while
 * another thread is between reserving fd and filling it (Linux's
 * answer to that race).
 */
int replace_fd(unsigned int fd, struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;
	int r;

	if (fd >= rlimit_nofile()) {
		fput(f);
		return -EBADF;
	}
	spin_lock(&files->file_lock);
	r = expand_files(files, fd);
	if (r)
		goto fail;
	r = -EBUSY;
	old = files->fd[fd];
	if (!old && test_fd(open_map(files), fd))
		goto fail;
	install_locked(files, fd, f, flags);
	spin_unlock(&files->file_lock);
	if (old)
		filp_close(old, files);
	return fd;
fail:
	spin_unlock(&files->file_lock);
	fput(f);
	return r;
}

/* F_DUPFD: the lowest free descriptor not below from (EINVAL when from
 * is not below RLIMIT_NOFILE, EMFILE when none is free). */
int f_dupfd(unsigned int from, struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long limit = rlimit_nofile();
	int fd;

	if (from >= limit) {
		fput(f);
		return -EINVAL;
	}
	spin_lock(&files->file_lock);
	fd = find_free_fd(files, from, limit);
	if (fd >= 0)
		install_locked(files, fd, f, flags);
	spin_unlock(&files->file_lock);
	if (fd < 0)
		fput(f);
	return fd;
}

/* execve: closes the descriptors marked close-on-exec. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0;; fd++) {
		struct file *f = NULL;

		spin_lock(&files->file_lock);
		if (fd >= files->max_fds) {
			spin_unlock(&files->file_lock);
			break;
		}
		if (test_fd(files->close_on_exec, fd))
			f = pick_file(files, fd);
		spin_unlock(&files->file_lock);
		if (f)
			filp_close(f, files);
	}
}

/* ------------------------------------------------------------ syscalls */

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int r = close_fd(fd);

	/* A signal cannot restart close: the descriptor is gone. */
	if (r == -ERESTARTSYS || r == -ERESTARTNOINTR || r == -ERESTARTNOHAND ||
	    r == -ERESTART_RESTARTBLOCK)
		r = -EINTR;
	return r;
}

/*
 * close_range(2): closes (or with CLOSE_RANGE_CLOEXEC marks) every open
 * descriptor in [fd, max_fd]; CLOSE_RANGE_UNSHARE first gives the caller
 * its own table when it shares one.
 */
SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd,
		unsigned int, flags)
{
	struct files_struct *files;
	unsigned int i;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && atomic_read(&current->files->count) > 1) {
		files = dup_files(current->files);
		if (!files)
			return -ENOMEM;
		replace_task_files(files);
	}
	files = current->files;
	for (i = fd; i <= max_fd; i++) {
		struct file *f = NULL;

		spin_lock(&files->file_lock);
		if (i >= files->max_fds) {
			spin_unlock(&files->file_lock);
			break;
		}
		if (flags & CLOSE_RANGE_CLOEXEC) {
			if (files->fd[i])
				set_fd(files->close_on_exec, i);
		} else {
			f = pick_file(files, i);
		}
		spin_unlock(&files->file_lock);
		if (f)
			filp_close(f, files);
		if (i == UINT_MAX)
			break;
	}
	return 0;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *f = fget_raw(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install(f, 0);
	if (fd < 0)
		fput(f);
	return fd;
}

/*
 * dup3(2): EINVAL for flags other than O_CLOEXEC and for oldfd == newfd;
 * EBADF for a closed oldfd or a newfd past RLIMIT_NOFILE.
 */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= rlimit_nofile())
		return -EBADF;
	f = fget_raw(oldfd);
	if (!f)
		return -EBADF;
	return replace_fd(newfd, f, flags);
}

/* dup2(2): with oldfd == newfd, just whether oldfd is open. */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget_raw(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return __do_sys_dup3(oldfd, newfd, 0);
}

/* ------------------------------------------------------------ fs_struct */

struct fs_struct *alloc_fs(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	atomic_set(&fs->count, 1);
	spin_lock_init(&fs->lock);
	fs->root = path_get(root_dentry);
	fs->pwd = path_get(root_dentry);
	fs->umask = 0022;
	return fs;
}

/* A copy of the root, working directory and umask (fork without CLONE_FS). */
struct fs_struct *copy_fs(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	atomic_set(&fs->count, 1);
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->root = path_get(old->root);
	fs->pwd = path_get(old->pwd);
	fs->umask = old->umask;
	spin_unlock(&old->lock);
	return fs;
}

void put_fs(struct fs_struct *fs)
{
	if (!atomic_dec_and_test(&fs->count))
		return;
	path_put(fs->root);
	path_put(fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *t)
{
	struct fs_struct *fs = task_ptr_xchg((void **)&t->fs, NULL);

	if (fs)
		put_fs(fs);
}

/* A new working directory or root for fs: d, a path reference it takes. */
static void set_fs_path(struct fs_struct *fs, struct dentry **slot, struct dentry *d)
{
	struct dentry *old;

	spin_lock(&fs->lock);
	old = *slot;
	*slot = d;
	spin_unlock(&fs->lock);
	path_put(old);
}

void set_fs_pwd(struct fs_struct *fs, struct dentry *d)
{
	set_fs_path(fs, &fs->pwd, d);
}

void set_fs_root(struct fs_struct *fs, struct dentry *d)
{
	set_fs_path(fs, &fs->root, d);
}
