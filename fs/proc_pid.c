// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process directories of /proc: /proc/PID/{cmdline, comm, cwd,
 * environ, exe, fd/, fdinfo/, maps, mounts, root, stat, statm, status,
 * task/}, in Linux's formats (proc(5), fs/proc/array.c's field order).
 *
 * A task's fields belong to the process code; they are read under
 * tasklist_lock into a snapshot (with references on its mm, files and fs
 * where needed), and the text is made from the snapshot after the lock
 * is dropped, since making it may sleep.  A process that is gone reads
 * as ESRCH.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/cred.h>
#include <lego/capability.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <lego/vsprintf.h>
#include <uapi/lego/dirent.h>
#include <uapi/lego/resource.h>
#include <asm/uaccess.h>
#include <asm/vsyscall.h>
#include "internal.h"
#include "proc_internal.h"

/* What the files of a process are made from. */
struct task_snap {
	pid_t pid, tgid, ppid, pgid, sid;
	char comm[TASK_COMM_LEN];
	long state;
	int exit_code, exit_signal, cpu;
	u64 utime, stime;
	unsigned long nvcsw, nivcsw, rsslim;
	struct cred cred;
	int threads;
	bool no_new_privs;
	umode_t umask;
	struct mm_struct *mm;		/* referenced, or NULL */
	struct files_struct *files;	/* referenced, or NULL */
	struct fs_struct *fs;		/* referenced, or NULL */
};

#define SNAP_MM		1
#define SNAP_FILES	2
#define SNAP_FS		4
#define SNAP_GROUPS	8	/* cred.group_info referenced */

/* Fills s for the task pid (what flags asks for referenced): -ESRCH when
 * it does not exist. */
static int snap_task(pid_t pid, struct task_snap *s, int flags)
{
	unsigned long irq = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *t = find_task_by_pid(pid), *o;

	if (!t) {
		spin_unlock_irqrestore(&tasklist_lock, irq);
		return -ESRCH;
	}
	memset(s, 0, sizeof(*s));
	s->pid = t->pid;
	s->tgid = t->tgid;
	s->ppid = t->parent ? t->parent->tgid : 0;
	s->pgid = t->signal->pgrp;
	s->sid = t->signal->session;
	memcpy(s->comm, t->comm, TASK_COMM_LEN);
	s->comm[TASK_COMM_LEN - 1] = 0;
	/* A zombie's or a dead task's exit state shows over its run state. */
	s->state = t->exit_state ?: READ_ONCE(t->state);
	s->exit_code = t->exit_code;
	s->exit_signal = t->exit_signal;
	s->cpu = READ_ONCE(t->cpu);
	s->utime = t->utime;
	s->stime = t->stime;
	s->nvcsw = t->nvcsw;
	s->nivcsw = t->nivcsw;
	s->rsslim = t->signal->rlim[RLIMIT_RSS].rlim_cur;
	s->cred = t->cred;
	s->cred.group_info = (flags & SNAP_GROUPS) ? get_group_info(t->cred.group_info) : NULL;
	s->no_new_privs = t->no_new_privs;
	list_for_each_entry(o, &task_list, tasks)
		if (o->tgid == t->tgid)
			s->threads++;
	if ((flags & SNAP_MM) && t->mm) {
		s->mm = t->mm;
		mmget(s->mm);
	}
	if ((flags & SNAP_FILES) && t->files) {
		s->files = t->files;
		atomic_inc(&s->files->count);
	}
	if (t->fs) {
		s->umask = t->fs->umask;
		if (flags & SNAP_FS) {
			s->fs = t->fs;
			atomic_inc(&s->fs->count);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, irq);
	return 0;
}

static void snap_put(struct task_snap *s)
{
	if (s->mm)
		mmput(s->mm);
	if (s->files)
		put_files(s->files);
	if (s->fs)
		put_fs(s->fs);
	put_group_info(s->cred.group_info);
}

/* Linux's state letters and names (fs/proc/array.c). */
static char state_char(long state)
{
	if (state == TASK_RUNNING)
		return 'R';
	if (state & EXIT_ZOMBIE)
		return 'Z';
	if (state & (EXIT_DEAD | TASK_DEAD))
		return 'X';
	if (state & TASK_STOPPED)
		return 'T';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'S';
}

static const char *state_name(char c)
{
	switch (c) {
	case 'R': return "R (running)";
	case 'Z': return "Z (zombie)";
	case 'X': return "X (dead)";
	case 'T': return "T (stopped)";
	case 'D': return "D (disk sleep)";
	default: return "S (sleeping)";
	}
}

void proc_task_totals(struct proc_totals *t)
{
	unsigned long irq = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *p;

	memset(t, 0, sizeof(*t));
	list_for_each_entry(p, &task_list, tasks) {
		long st = READ_ONCE(p->state);

		t->utime += p->utime;
		t->stime += p->stime;
		t->ctxt += p->nvcsw + p->nivcsw;
		t->tasks++;
		if (st == TASK_RUNNING)
			t->running++;
		else if (st & TASK_UNINTERRUPTIBLE)
			t->blocked++;
		if (p->pid > t->last_pid)
			t->last_pid = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, irq);
}

/* ------------------------------------------------------------ contents */

#define SHOW(buf, size, len, ...) \
	((len) += scnprintf((buf) + (len), (size) - (len), __VA_ARGS__))

/* Virtual size and the bounds stat reports, under mmap_lock. */
struct mm_info {
	unsigned long vsize, rss, text, data, stack;
	unsigned long start_code, end_code, start_data, end_data, start_brk;
	unsigned long start_stack, arg_start, arg_end, env_start, env_end;
};

static void mm_info(struct mm_struct *mm, struct mm_info *i)
{
	struct vm_area_struct *v;

	memset(i, 0, sizeof(*i));
	if (!mm)
		return;
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(v, &mm->mmap, list) {
		unsigned long pages = (v->vm_end - v->vm_start) >> PAGE_SHIFT;

		i->vsize += v->vm_end - v->vm_start;
		if (v->vm_flags & VM_GROWSDOWN)
			i->stack += pages;
		else if (!v->vm_file && (v->vm_flags & VM_WRITE))
			i->data += pages;
	}
	i->rss = mm->total_vm;
	i->start_code = mm->start_code;
	i->end_code = mm->end_code;
	i->text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	i->start_data = mm->start_data;
	i->end_data = mm->end_data;
	i->start_brk = mm->start_brk;
	i->start_stack = mm->start_stack;
	i->arg_start = mm->arg_start;
	i->arg_end = mm->arg_end;
	i->env_start = mm->env_start;
	i->env_end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
}

/* /proc/PID/stat: 52 fields in Linux's order; times in clock ticks. */
static ssize_t pid_stat(struct task_snap *s, char *buf, size_t size)
{
	struct mm_info m;
	char c = state_char(s->state);

	mm_info(s->mm, &m);
	return scnprintf(buf, size,
		"%d (%s) %c %d %d %d 0 -1 4194560 0 0 0 0 %llu %llu 0 0 20 0 %d 0 0 "
		"%lu %lu %lu %lu %lu %lu 0 0 0 0 0 0 0 0 0 %d %d 0 0 0 0 0 "
		"%lu %lu %lu %lu %lu %lu %lu %d\n",
		s->pid, s->comm, c, s->ppid, s->pgid, s->sid,
		ns_to_ticks(s->utime), ns_to_ticks(s->stime), s->threads,
		m.vsize, m.rss, s->rsslim,
		s->mm ? m.start_code : 0, s->mm ? m.end_code : 0, s->mm ? m.start_stack : 0,
		s->exit_signal, s->cpu,
		m.start_data, m.end_data, m.start_brk, m.arg_start, m.arg_end,
		m.env_start, m.env_end, c == 'Z' ? s->exit_code : 0);
}

/* /proc/PID/statm: sizes in pages. */
static ssize_t pid_statm(struct task_snap *s, char *buf, size_t size)
{
	struct mm_info m;

	mm_info(s->mm, &m);
	return scnprintf(buf, size, "%lu %lu 0 %lu 0 %lu 0\n",
			 m.vsize >> PAGE_SHIFT, m.rss, m.text, m.data + m.stack);
}

static void status_kb(char *buf, size_t size, size_t *len, const char *name,
		      unsigned long pages)
{
	SHOW(buf, size, *len, "%s\t%8lu kB\n", name, pages * (PAGE_SIZE / 1024));
}

/* /proc/PID/status: Linux's lines, in its order. */
static ssize_t pid_status(struct task_snap *s, char *buf, size_t size)
{
	struct mm_info m;
	size_t len = 0;
	const struct group_info *gi = s->cred.group_info;
	int g;

	mm_info(s->mm, &m);
	SHOW(buf, size, len, "Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\n"
	     "Pid:\t%d\nPPid:\t%d\nTracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\n"
	     "Gid:\t%u\t%u\t%u\t%u\nFDSize:\t%u\nGroups:\t",
	     s->comm, s->umask, state_name(state_char(s->state)), s->tgid, s->pid, s->ppid,
	     s->cred.uid, s->cred.euid, s->cred.suid, s->cred.fsuid,
	     s->cred.gid, s->cred.egid, s->cred.sgid, s->cred.fsgid,
	     s->files ? s->files->max_fds : 0);
	/* Linux's list, with its trailing space. */
	for (g = 0; gi && g < gi->ngroups; g++)
		SHOW(buf, size, len, g ? " %u" : "%u", gi->gid[g]);
	SHOW(buf, size, len, " \nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\nKthread:\t0\n",
	     s->tgid, s->pid, s->pgid, s->sid);
	if (s->mm) {
		status_kb(buf, size, &len, "VmPeak:", m.vsize >> PAGE_SHIFT);
		status_kb(buf, size, &len, "VmSize:", m.vsize >> PAGE_SHIFT);
		status_kb(buf, size, &len, "VmLck:", 0);
		status_kb(buf, size, &len, "VmPin:", 0);
		status_kb(buf, size, &len, "VmHWM:", m.rss);
		status_kb(buf, size, &len, "VmRSS:", m.rss);
		status_kb(buf, size, &len, "RssAnon:", m.rss);
		status_kb(buf, size, &len, "RssFile:", 0);
		status_kb(buf, size, &len, "RssShmem:", 0);
		status_kb(buf, size, &len, "VmData:", m.data);
		status_kb(buf, size, &len, "VmStk:", m.stack);
		status_kb(buf, size, &len, "VmExe:", m.text);
		status_kb(buf, size, &len, "VmLib:", 0);
		status_kb(buf, size, &len, "VmPTE:", 0);
		status_kb(buf, size, &len, "VmSwap:", 0);
	}
	SHOW(buf, size, len, "Threads:\t%d\nSigQ:\t0/0\nSigPnd:\t0000000000000000\n"
	     "ShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\n"
	     "SigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\n"
	     "CapInh:\t0000000000000000\nCapPrm:\t%016llx\nCapEff:\t%016llx\n"
	     "CapBnd:\t%016llx\nCapAmb:\t0000000000000000\nNoNewPrivs:\t%d\n"
	     "Seccomp:\t0\nSeccomp_filters:\t0\nCpus_allowed_list:\t0-%u\n"
	     "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
	     s->threads, cred_cap_permitted(&s->cred), cred_cap_effective(&s->cred),
	     CAP_FULL_SET, s->no_new_privs, nr_cpu_ids - 1, s->nvcsw, s->nivcsw);
	return len;
}

/* Bytes [start, end) of the process's memory: cmdline and environ. */
static ssize_t mm_area(struct mm_struct *mm, bool env, char *buf, size_t size)
{
	unsigned long start, end;
	int n;

	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	mutex_unlock(&mm->mmap_lock);
	if (end <= start)
		return 0;
	n = access_process_vm(mm, start, buf, min(end - start, (unsigned long)size));
	return n < 0 ? 0 : n;
}

static ssize_t pid_cmdline(struct task_snap *s, char *buf, size_t size)
{
	return mm_area(s->mm, false, buf, size);
}

static ssize_t pid_environ(struct task_snap *s, char *buf, size_t size)
{
	return mm_area(s->mm, true, buf, size);
}

/*
 * The auxiliary vector execve gave the program, as bytes in its word
 * size.  Its length is Linux's (auxv_read): pairs of unsigned longs up to
 * the first whose type word is zero, that pair included.  For a 64-bit
 * program that is the vector through AT_NULL; a 32-bit program's (pairs
 * of 32-bit words) is read the same way, so when its AT_NULL pair falls
 * in the upper half of a long the file ends with 16 zero bytes more than
 * the vector, as on Linux.
 */
static ssize_t pid_auxv(struct task_snap *s, char *buf, size_t size)
{
	const unsigned long *av;
	size_t words = 0;

	if (!s->mm)
		return 0;
	av = s->mm->saved_auxv;
	do
		words += 2;
	while (words < AT_VECTOR_SIZE && av[words - 2]);
	words = min_t(size_t, words * sizeof(long), size);
	memcpy(buf, av, words);
	return words;
}

static ssize_t pid_comm(struct task_snap *s, char *buf, size_t size)
{
	return scnprintf(buf, size, "%s\n", s->comm);
}

/*
 * One line of /proc/PID/maps in Linux's format (show_map_vma): range,
 * permissions, offset, device, inode, and the name padded to column 73.
 */
static size_t show_map_line(char *buf, size_t size, size_t len,
			    unsigned long start, unsigned long end, unsigned long flags,
			    unsigned long offset, dev_t dev, unsigned long ino,
			    const char *name)
{
	size_t first = len;

	SHOW(buf, size, len, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", start, end,
	     (flags & VM_READ) ? 'r' : '-', (flags & VM_WRITE) ? 'w' : '-',
	     (flags & VM_EXEC) ? 'x' : '-', (flags & VM_SHARED) ? 's' : 'p',
	     offset, MAJOR(dev), MINOR(dev), ino);
	if (name) {
		while (len - first < 73 && len + 1 < size)
			buf[len++] = ' ';
		SHOW(buf, size, len, "%s", name);
	}
	SHOW(buf, size, len, "\n");
	return len;
}

/*
 * /proc/PID/maps: the VMAs, then the vsyscall page as Linux's gate area
 * (get_gate_vma) when the vsyscall= mode maps it: r-x for emulate, --x
 * for xonly, nothing for none.
 */
static ssize_t pid_maps(struct task_snap *s, char *buf, size_t size)
{
	struct mm_struct *mm = s->mm;
	struct vm_area_struct *v;
	unsigned long gate = vsyscall_gate_flags();
	char *path;
	size_t len = 0;

	if (!mm)
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(v, &mm->mmap, list) {
		struct inode *inode = v->vm_file ? v->vm_file->inode : NULL;
		const char *name = v->vm_name;

		if (inode && d_path(v->vm_file->dentry, path, PATH_MAX) >= 0)
			name = path;
		/* Linux names by place: anything over the initial heap. */
		else if (!inode && v->vm_start <= mm->brk && v->vm_end >= mm->start_brk)
			name = "[heap]";
		len = show_map_line(buf, size, len, v->vm_start, v->vm_end, v->vm_flags,
				    inode ? v->vm_pgoff << PAGE_SHIFT : 0,
				    inode ? inode->i_sb->s_dev : 0, inode ? inode->i_ino : 0,
				    name);
	}
	mutex_unlock(&mm->mmap_lock);
	kfree(path);
	if (gate)
		len = show_map_line(buf, size, len, VSYSCALL_ADDR, VSYSCALL_ADDR + PAGE_SIZE,
				    gate, 0, 0, 0, "[vsyscall]");
	return len;
}

static ssize_t pid_mounts(struct task_snap *s, char *buf, size_t size)
{
	struct dentry *root;
	int r;

	if (!s->fs)
		return 0;
	root = fs_path_get(s->fs, true);
	r = show_mounts(root, buf, size);
	path_put(root);
	return r;
}

/* ------------------------------------------------------------ links */

static struct dentry *link_cwd(struct task_snap *s)
{
	return s->fs ? fs_path_get(s->fs, false) : ERR_PTR(-ENOENT);
}

static struct dentry *link_root(struct task_snap *s)
{
	return s->fs ? fs_path_get(s->fs, true) : ERR_PTR(-ENOENT);
}

/*
 * The executable: the file mapped at the start of the code (Lego's mm
 * keeps no exe_file; INTEGRATION POINT for execve to record one).
 */
static struct dentry *link_exe(struct task_snap *s)
{
	struct vm_area_struct *v;
	struct dentry *d = ERR_PTR(-ENOENT);

	if (!s->mm)
		return d;
	mutex_lock(&s->mm->mmap_lock);
	v = find_vma(s->mm, s->mm->start_code);
	if (v && v->vm_file)
		d = path_get(v->vm_file->dentry);
	mutex_unlock(&s->mm->mmap_lock);
	return d;
}

/* ------------------------------------------------------------ the table */

#define PE_FD		1	/* fd/ */
#define PE_FDINFO	2	/* fdinfo/ */
#define PE_TASK		3	/* task/ */

struct pid_entry {
	const char *name;
	umode_t mode;
	int snap;				/* SNAP_* the entry needs */
	ssize_t (*show)(struct task_snap *s, char *buf, size_t size);
	struct dentry *(*link)(struct task_snap *s);
	int dir;				/* PE_* */
};

static const struct pid_entry pid_entries[] = {
	{ "fd", S_IFDIR | 0500, SNAP_FILES, NULL, NULL, PE_FD },
	{ "fdinfo", S_IFDIR | 0500, SNAP_FILES, NULL, NULL, PE_FDINFO },
	{ "task", S_IFDIR | 0555, 0, NULL, NULL, PE_TASK },
	{ "environ", S_IFREG | 0400, SNAP_MM, pid_environ, NULL, 0 },
	{ "auxv", S_IFREG | 0400, SNAP_MM, pid_auxv, NULL, 0 },
	{ "status", S_IFREG | 0444, SNAP_MM | SNAP_FILES | SNAP_GROUPS, pid_status, NULL, 0 },
	{ "cmdline", S_IFREG | 0444, SNAP_MM, pid_cmdline, NULL, 0 },
	{ "stat", S_IFREG | 0444, SNAP_MM, pid_stat, NULL, 0 },
	{ "statm", S_IFREG | 0444, SNAP_MM, pid_statm, NULL, 0 },
	{ "maps", S_IFREG | 0444, SNAP_MM, pid_maps, NULL, 0 },
	{ "mounts", S_IFREG | 0444, SNAP_FS, pid_mounts, NULL, 0 },
	{ "comm", S_IFREG | 0644, 0, pid_comm, NULL, 0 },
	{ "cwd", S_IFLNK | 0777, SNAP_FS, NULL, link_cwd, 0 },
	{ "root", S_IFLNK | 0777, SNAP_FS, NULL, link_root, 0 },
	{ "exe", S_IFLNK | 0777, SNAP_MM, NULL, link_exe, 0 },
};

static const struct inode_operations pid_dir_iops, pid_link_iops, pid_file_iops,
	fd_dir_iops, fd_link_iops, task_dir_iops;
static const struct file_operations pid_dir_fops, pid_file_fops, fd_dir_fops,
	fdinfo_file_fops, task_dir_fops;

/* A new inode (number ino) for the task pid, owned by its effective ids. */
static struct inode *pid_inode(struct super_block *sb, pid_t pid, umode_t mode,
			       unsigned long ino)
{
	struct task_snap s;
	struct inode *inode;

	if (snap_task(pid, &s, 0))
		return NULL;
	inode = proc_new_inode(sb, mode, s.cred.euid, s.cred.egid);
	if (inode) {
		inode->i_ino = ino;
		PROC_I(inode)->pid = pid;
	}
	return inode;
}

static int instantiate_entry(struct inode *dir, struct dentry *d, const struct pid_entry *p)
{
	pid_t pid = PROC_I(dir)->pid;
	struct inode *inode = pid_inode(dir->i_sb, pid, p->mode,
					PID_INO(pid, 2 + (p - pid_entries)));

	if (!inode)
		return -ENOENT;
	PROC_I(inode)->pent = p;
	if (S_ISLNK(p->mode)) {
		inode->i_op = &pid_link_iops;
	} else if (S_ISDIR(p->mode)) {
		inode->i_op = p->dir == PE_TASK ? &task_dir_iops : &fd_dir_iops;
		inode->i_fop = p->dir == PE_TASK ? &task_dir_fops : &fd_dir_fops;
	} else {
		inode->i_op = &pid_file_iops;
		inode->i_fop = &pid_file_fops;
	}
	d_instantiate(d, inode);
	return 0;
}

static int pid_dir_lookup(struct inode *dir, struct dentry *d)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pid_entries); i++)
		if (strlen(pid_entries[i].name) == d->d_len &&
		    !memcmp(pid_entries[i].name, d->d_name, d->d_len))
			return instantiate_entry(dir, d, &pid_entries[i]);
	return -ENOENT;
}

static int pid_dir_iterate(struct file *f, struct dir_context *ctx)
{
	pid_t pid = PROC_I(f->inode)->pid;
	size_t i;

	if (!dir_emit_dots(f, ctx))
		return 0;
	for (i = ctx->pos - 2; i < ARRAY_SIZE(pid_entries); i++) {
		if (!dir_emit(ctx, pid_entries[i].name, strlen(pid_entries[i].name),
			      PID_INO(pid, 2 + i), fs_umode_to_dtype(pid_entries[i].mode)))
			return 0;
		ctx->pos = i + 3;
	}
	return 0;
}

/* A process's directory: /proc/<pid>, or task/<tid> of its group. */
static int instantiate_pid_dir(struct inode *dir, struct dentry *d, pid_t pid)
{
	struct inode *inode = pid_inode(dir->i_sb, pid, S_IFDIR | 0555, PID_INO(pid, 1));

	if (!inode)
		return -ENOENT;
	inode->i_op = &pid_dir_iops;
	inode->i_fop = &pid_dir_fops;
	d_instantiate(d, inode);
	return 0;
}

/* A name that is a decimal pid without leading zeros, or -1. */
static pid_t name_to_pid(const char *name, size_t len)
{
	unsigned long v = 0;
	size_t i;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + name[i] - '0';
	}
	return v;
}

int proc_pid_lookup(struct inode *dir, struct dentry *d)
{
	pid_t pid = name_to_pid(d->d_name, d->d_len);

	if (pid <= 0)
		return -ENOENT;
	return instantiate_pid_dir(dir, d, pid);
}

/* The smallest tgid (leaders only with leaders) at or above from, or -1. */
static pid_t next_pid(pid_t from, pid_t tgid)
{
	unsigned long irq = spin_lock_irqsave(&tasklist_lock);
	struct task_struct *t;
	pid_t best = -1;

	list_for_each_entry(t, &task_list, tasks) {
		pid_t p = tgid ? t->pid : t->tgid;

		if (tgid && t->tgid != tgid)
			continue;
		if (!tgid && t->pid != t->tgid)
			continue;
		if (p >= from && p > 0 && (best < 0 || p < best))
			best = p;
	}
	spin_unlock_irqrestore(&tasklist_lock, irq);
	return best;
}

static int emit_pids(struct dir_context *ctx, pid_t tgid, loff_t base)
{
	char name[16];
	pid_t pid;

	while ((pid = next_pid(ctx->pos - base, tgid)) > 0) {
		int n = scnprintf(name, sizeof(name), "%d", pid);

		ctx->pos = base + pid;
		if (!dir_emit(ctx, name, n, PID_INO(pid, 1), DT_DIR))
			return 0;
		ctx->pos = base + pid + 1;
	}
	return 0;
}

/* The processes in /proc, by pid, after the registered entries. */
int proc_pid_readdir(struct file *f, struct dir_context *ctx)
{
	if (ctx->pos < FIRST_PID_POS)
		ctx->pos = FIRST_PID_POS;
	return emit_pids(ctx, 0, FIRST_PID_POS);
}

/* ------------------------------------------------------------ task/ */

static int task_dir_lookup(struct inode *dir, struct dentry *d)
{
	pid_t tid = name_to_pid(d->d_name, d->d_len);
	struct task_snap s;

	if (tid <= 0 || snap_task(tid, &s, 0) || s.tgid != PROC_I(dir)->pid)
		return -ENOENT;
	return instantiate_pid_dir(dir, d, tid);
}

static int task_dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct task_snap s;

	if (snap_task(PROC_I(f->inode)->pid, &s, 0))
		return -ENOENT;
	if (!dir_emit_dots(f, ctx))
		return 0;
	return emit_pids(ctx, s.tgid, 2);
}

/* ------------------------------------------------------------ files */

static ssize_t pid_file_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	const struct pid_entry *p = PROC_I(f->inode)->pent;
	struct task_snap s;
	ssize_t r;
	char *text;

	r = snap_task(PROC_I(f->inode)->pid, &s, p->snap);
	if (r)
		return r;
	text = proc_buf();
	if (text) {
		r = proc_read_text(text, p->show(&s, text, PROC_BUF_SIZE), to, pos);
		proc_buf_free(text);
	} else {
		r = -ENOMEM;
	}
	snap_put(&s);
	return r;
}

/*
 * /proc/PID/comm of one's own process may be written: its first 15
 * bytes become the name (Linux's comm_write); anyone else's is EINVAL.
 */
static ssize_t pid_file_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	const struct pid_entry *p = PROC_I(f->inode)->pent;
	char name[TASK_COMM_LEN];
	size_t n = from->count;
	struct task_snap s;
	int r;

	if (strcmp(p->name, "comm"))
		return -EINVAL;
	r = snap_task(PROC_I(f->inode)->pid, &s, 0);
	if (r)
		return r;
	if (s.tgid != current->tgid)
		return -EINVAL;
	memset(name, 0, sizeof(name));
	if (copy_from_iter(name, min(n, sizeof(name) - 1), from) != min(n, sizeof(name) - 1))
		return -EFAULT;
	iov_iter_advance(from, from->count);
	memcpy(current->comm, name, sizeof(name));
	return n;
}

static const struct file_operations pid_file_fops = {
	.read_iter = pid_file_read,
	.write_iter = pid_file_write,
	.llseek = proc_llseek,
};

static const char *pid_get_link_text(struct dentry *d, char *buf);
static struct dentry *pid_get_magic(struct dentry *d);

static const struct inode_operations pid_file_iops = { .setattr = proc_setattr };
static const struct inode_operations pid_dir_iops = {
	.lookup = pid_dir_lookup,
	.setattr = proc_setattr,
};
static const struct file_operations pid_dir_fops = {
	.read_iter = generic_read_dir,
	.iterate = pid_dir_iterate,
	.llseek = generic_file_llseek,
};
static const struct inode_operations task_dir_iops = {
	.lookup = task_dir_lookup,
	.setattr = proc_setattr,
};
static const struct file_operations task_dir_fops = {
	.read_iter = generic_read_dir,
	.iterate = task_dir_iterate,
	.llseek = generic_file_llseek,
};
static const struct inode_operations pid_link_iops = {
	.get_link = pid_get_link_text,
	.get_magic = pid_get_magic,
	.setattr = proc_setattr,
};

/* The file a magic link names (cwd, root, exe, fd/N): a path reference. */
static struct dentry *pid_get_magic(struct dentry *d)
{
	struct proc_inode *pi = PROC_I(d->d_inode);
	struct task_snap s;
	struct dentry *t;
	int r;

	if (pi->pent) {
		r = snap_task(pi->pid, &s, pi->pent->snap);
		if (r)
			return ERR_PTR(-ENOENT);
		t = pi->pent->link(&s);
	} else {
		struct file *f;

		r = snap_task(pi->pid, &s, SNAP_FILES);
		if (r)
			return ERR_PTR(-ENOENT);
		f = NULL;
		if (s.files) {
			spin_lock(&s.files->file_lock);
			if ((unsigned int)pi->fd < s.files->max_fds)
				f = s.files->fd[pi->fd];
			if (f)
				get_file(f);
			spin_unlock(&s.files->file_lock);
		}
		t = f ? path_get(f->dentry) : ERR_PTR(-ENOENT);
		fput(f);
	}
	snap_put(&s);
	return t;
}

/* readlink of a magic link: the path of what it names, " (deleted)"
 * when that has no name any more. */
static const char *pid_get_link_text(struct dentry *d, char *buf)
{
	struct dentry *t = pid_get_magic(d);
	int r;

	if (IS_ERR(t))
		return (const char *)t;
	r = d_path(t, buf, PATH_MAX);
	path_put(t);
	return r < 0 ? ERR_PTR(r) : buf;
}

/* ------------------------------------------------------------ fd/ */

/* The open file fd of task pid, referenced, or NULL. */
static struct file *task_fd(pid_t pid, int fd)
{
	struct task_snap s;
	struct file *f = NULL;

	if (snap_task(pid, &s, SNAP_FILES))
		return NULL;
	if (s.files) {
		spin_lock(&s.files->file_lock);
		if ((unsigned int)fd < s.files->max_fds)
			f = s.files->fd[fd];
		if (f)
			get_file(f);
		spin_unlock(&s.files->file_lock);
	}
	snap_put(&s);
	return f;
}

/*
 * fd/N: a magic link whose mode shows the descriptor's access
 * (lr-x------ read, l-wx------ write, lrwx------ both); fdinfo/N: its
 * position, flags and mount.
 */
static int fd_dir_lookup(struct inode *dir, struct dentry *d)
{
	const struct pid_entry *dp = PROC_I(dir)->pent;
	pid_t pid = PROC_I(dir)->pid;
	int fd = name_to_pid(d->d_name, d->d_len);
	struct file *f = fd >= 0 ? task_fd(pid, fd) : NULL;
	struct inode *inode;
	umode_t mode;

	if (!f)
		return -ENOENT;
	if (dp->dir == PE_FD) {
		mode = S_IFLNK;
		if (f->f_mode & FMODE_READ)
			mode |= S_IRUSR | S_IXUSR;
		if (f->f_mode & FMODE_WRITE)
			mode |= S_IWUSR | S_IXUSR;
	} else {
		mode = S_IFREG | 0400;
	}
	fput(f);
	inode = pid_inode(dir->i_sb, pid, mode, FD_INO(pid, fd, dp->dir != PE_FD));
	if (!inode)
		return -ENOENT;
	PROC_I(inode)->fd = fd;
	if (dp->dir == PE_FD) {
		inode->i_op = &fd_link_iops;
	} else {
		inode->i_op = &pid_file_iops;
		inode->i_fop = &fdinfo_file_fops;
	}
	d_instantiate(d, inode);
	return 0;
}

static int fd_dir_iterate(struct file *f, struct dir_context *ctx)
{
	pid_t pid = PROC_I(f->inode)->pid;
	struct task_snap s;
	int r = snap_task(pid, &s, SNAP_FILES);
	unsigned int fd;

	if (r)
		return -ENOENT;
	if (!dir_emit_dots(f, ctx))
		goto out;
	for (fd = ctx->pos - 2; s.files; fd++) {
		bool open, more;
		char name[16];
		int n;

		spin_lock(&s.files->file_lock);
		more = fd < s.files->max_fds;
		open = more && s.files->fd[fd];
		spin_unlock(&s.files->file_lock);
		if (!more)
			break;
		if (!open)
			continue;
		n = scnprintf(name, sizeof(name), "%u", fd);
		ctx->pos = fd + 2;
		if (!dir_emit(ctx, name, n, FD_INO(pid, fd, PROC_I(f->inode)->pent->dir != PE_FD),
			      PROC_I(f->inode)->pent->dir == PE_FD ? DT_LNK : DT_REG))
			goto out;
		ctx->pos = fd + 3;
	}
out:
	snap_put(&s);
	return 0;
}

static ssize_t fdinfo_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_inode *pi = PROC_I(file->inode);
	struct file *f = task_fd(pi->pid, pi->fd);
	char text[192];
	struct task_snap s;
	bool cloexec = false;
	int len;

	if (!f)
		return -ENOENT;
	if (!snap_task(pi->pid, &s, SNAP_FILES) && s.files) {
		spin_lock(&s.files->file_lock);
		cloexec = (unsigned int)pi->fd < s.files->max_fds &&
			  (s.files->close_on_exec[pi->fd / 64] & (1UL << (pi->fd % 64)));
		spin_unlock(&s.files->file_lock);
		snap_put(&s);
	}
	len = scnprintf(text, sizeof(text), "pos:\t%lld\nflags:\t0%o\nmnt_id:\t%d\nino:\t%lu\n",
			f->f_pos, f->f_flags | (cloexec ? O_CLOEXEC : 0),
			real_mount(f->dentry) ? real_mount(f->dentry)->mnt_id : 0,
			f->inode ? f->inode->i_ino : 0);
	fput(f);
	return proc_read_text(text, len, to, pos);
}

static const struct inode_operations fd_dir_iops = {
	.lookup = fd_dir_lookup,
	.setattr = proc_setattr,
};
static const struct file_operations fd_dir_fops = {
	.read_iter = generic_read_dir,
	.iterate = fd_dir_iterate,
	.llseek = generic_file_llseek,
};
static const struct inode_operations fd_link_iops = {
	.get_link = pid_get_link_text,
	.get_magic = pid_get_magic,
	.setattr = proc_setattr,
};
static const struct file_operations fdinfo_file_fops = {
	.read_iter = fdinfo_read,
	.llseek = proc_llseek,
};
