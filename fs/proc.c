// SPDX-License-Identifier: GPL-2.0
/*
 * /proc: a file system whose files the kernel generates when they are
 * read (proc(5)).  Each read produces the whole text and returns the part
 * at the file position, so `cat`, repeated reads and lseek to 0 work as
 * on Linux.  The tree has two parts:
 *
 *  - registered entries (this file): /proc/meminfo, cpuinfo, uptime,
 *    loadavg, stat, filesystems, mounts, self, thread-self and the
 *    /proc/lego control files, which proc_create() adds;
 *  - one directory per process (fs/proc_pid.c), built on lookup.
 *
 * Dentries and inodes are made on lookup and let go with their last
 * reference, so the tree always shows the processes that exist now.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <lego/timer.h>
#include <lego/smp.h>
#include <lego/vsprintf.h>
#include <uapi/lego/statfs.h>
#include <uapi/lego/dirent.h>
#include <asm/uaccess.h>
#include <asm/processor.h>
#include "internal.h"
#include "proc_internal.h"

#define PROC_WRITE_MAX	4096

/* ------------------------------------------------------------ registry */

struct proc_dir_entry {
	const char *name;
	umode_t mode;
	unsigned long ino;			/* fixed: readdir and stat agree */
	const struct proc_ops *ops;		/* regular files */
	ssize_t (*show)(char *buf, size_t size);	/* built-in files */
	const char *(*link)(char *buf);		/* symlinks */
	struct proc_dir_entry *parent, *children, *next;
};

static DEFINE_SPINLOCK(proc_lock);		/* the registry's links */
static struct proc_dir_entry proc_root = { .name = "/", .mode = S_IFDIR | 0555, .ino = 1 };
static unsigned long next_pde_ino = 2;

static struct proc_dir_entry *pde_find(struct proc_dir_entry *dir, const char *name,
				       size_t len)
{
	struct proc_dir_entry *p;

	for (p = dir->children; p; p = p->next)
		if (strlen(p->name) == len && !memcmp(p->name, name, len))
			return p;
	return NULL;
}

/* Adds entry name under dir (in registration order, as Linux lists). */
static struct proc_dir_entry *pde_add(struct proc_dir_entry *dir, const char *name,
				      umode_t mode)
{
	struct proc_dir_entry *p = kzalloc(sizeof(*p), GFP_KERNEL), **pp;
	char *n = kmalloc(strlen(name) + 1, GFP_KERNEL);

	if (!p || !n) {
		kfree(p);
		kfree(n);
		return NULL;
	}
	strscpy(n, name, strlen(name) + 1);
	p->name = n;
	p->mode = mode;
	p->ino = next_pde_ino++;		/* proc_lock held */
	p->parent = dir;
	for (pp = &dir->children; *pp; pp = &(*pp)->next)
		;
	*pp = p;
	return p;
}

/* Creates /proc/<path> ("lego/strace") served by ops. */
int proc_create(const char *path, umode_t mode, const struct proc_ops *ops)
{
	struct proc_dir_entry *dir = &proc_root, *p;
	const char *s = path, *slash;
	int r = 0;

	spin_lock(&proc_lock);
	while ((slash = strchr(s, '/'))) {
		p = pde_find(dir, s, slash - s);
		if (!p) {
			char part[NAME_MAX + 1];
			size_t len = min((size_t)(slash - s), sizeof(part) - 1);

			memcpy(part, s, len);
			part[len] = 0;
			p = pde_add(dir, part, S_IFDIR | 0555);
		}
		if (!p || !S_ISDIR(p->mode)) {
			r = p ? -ENOTDIR : -ENOMEM;
			goto out;
		}
		dir = p;
		s = slash + 1;
	}
	if (pde_find(dir, s, strlen(s))) {
		r = -EEXIST;
		goto out;
	}
	p = pde_add(dir, s, S_IFREG | mode);
	if (!p)
		r = -ENOMEM;
	else
		p->ops = ops;
out:
	spin_unlock(&proc_lock);
	return r;
}

/* ------------------------------------------------------------ inodes */

static const struct super_operations proc_sops;
static const struct inode_operations proc_dir_iops, proc_link_iops, proc_file_iops;
static const struct file_operations proc_dir_fops, proc_file_fops;

/* proc inodes carry a struct proc_inode in i_private. */
static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

struct inode *proc_new_inode(struct super_block *sb, umode_t mode, uid_t uid, gid_t gid)
{
	struct inode *inode = new_inode(sb, mode);
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);

	if (!inode || !pi) {
		kfree(pi);
		if (inode)
			iput(inode);
		return NULL;
	}
	inode->i_private = pi;
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	return inode;
}

/* Linux's proc_setattr: modes and owners are fixed (EPERM); O_TRUNC and
 * times are accepted and change nothing that matters. */
int proc_setattr(struct dentry *d, const struct iattr *attr)
{
	if (attr->ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID))
		return -EPERM;
	return 0;
}

static struct inode *pde_inode(struct super_block *sb, struct proc_dir_entry *p)
{
	struct inode *inode = proc_new_inode(sb, p->mode, 0, 0);

	if (!inode)
		return NULL;
	inode->i_ino = p->ino;
	PROC_I(inode)->pde = p;
	if (S_ISDIR(p->mode)) {
		inode->i_op = &proc_dir_iops;
		inode->i_fop = &proc_dir_fops;
	} else if (S_ISLNK(p->mode)) {
		inode->i_op = &proc_link_iops;
	} else {
		inode->i_op = &proc_file_iops;
		inode->i_fop = &proc_file_fops;
	}
	return inode;
}

/* ------------------------------------------------------------ files */

/*
 * Shows a generated text at *pos: the part of text [0, len) from there.
 * The helper every /proc file reads through.
 */
ssize_t proc_read_text(const char *text, ssize_t len, struct iov_iter *to, loff_t *pos)
{
	size_t n, moved;

	if (len < 0)
		return len;
	if (*pos >= len || !to->count)
		return 0;
	n = min(to->count, (size_t)(len - *pos));
	moved = copy_to_iter(text + *pos, n, to);
	if (!moved)
		return -EFAULT;
	*pos += moved;
	return moved;
}

/*
 * A text buffer for a /proc file: generated, read, freed.  Contiguous
 * pages from the direct map when there are some: a vmalloc() area's
 * addresses are never reused, so every read would take 68 KiB more of
 * the area and, every 30 reads, a page-table page kept for good (found
 * by the fuzzer, Documentation/dev-tools/fuzzing.rst).  vmalloc() only
 * when memory is too fragmented.
 */
#define PROC_BUF_ORDER	4
_Static_assert(PAGE_SIZE << PROC_BUF_ORDER == PROC_BUF_SIZE, "PROC_BUF_ORDER");

char *proc_buf(void)
{
	char *buf = (char *)__get_free_pages(GFP_KERNEL, PROC_BUF_ORDER);

	return buf ? buf : vmalloc(PROC_BUF_SIZE);
}

void proc_buf_free(char *buf)
{
	if ((unsigned long)buf >= VMALLOC_START)
		vfree(buf, PROC_BUF_SIZE);
	else
		free_pages((unsigned long)buf, PROC_BUF_ORDER);
}

static ssize_t pde_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	struct proc_dir_entry *p = PROC_I(f->inode)->pde;
	ssize_t (*show)(char *, size_t) = p->ops ? p->ops->show : p->show;
	ssize_t r;
	char *text;

	if (!show)
		return -EINVAL;
	text = proc_buf();
	if (!text)
		return -ENOMEM;
	r = proc_read_text(text, show(text, PROC_BUF_SIZE), to, pos);
	proc_buf_free(text);
	return r;
}

static ssize_t pde_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct proc_dir_entry *p = PROC_I(f->inode)->pde;
	size_t n = from->count;
	char *kbuf;
	ssize_t r;

	if (!p->ops || !p->ops->write)
		return -EINVAL;
	if (n > PROC_WRITE_MAX)
		return -EINVAL;
	kbuf = kmalloc(n + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_iter(kbuf, n, from) != n) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[n] = 0;
	r = p->ops->write(kbuf, n);
	kfree(kbuf);
	return r;
}

/* Seeking in a generated file: from the start or the position only, as
 * Linux's seq_lseek (SEEK_END and the rest: EINVAL). */
loff_t proc_llseek(struct file *f, loff_t off, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR)
		return -EINVAL;
	return no_seek_end_llseek(f, off, whence, 0);
}

static const struct file_operations proc_file_fops = {
	.read_iter = pde_read,
	.write_iter = pde_write,
	.llseek = proc_llseek,
};

static const struct inode_operations proc_file_iops = {
	.setattr = proc_setattr,
};

static const char *pde_get_link(struct dentry *d, char *buf)
{
	return PROC_I(d->d_inode)->pde->link(buf);
}

static const struct inode_operations proc_link_iops = {
	.get_link = pde_get_link,
	.setattr = proc_setattr,
};

/* ------------------------------------------------------------ directories */

/* Registered entries of dir, then (for the root) the processes. */
static int proc_dir_lookup(struct inode *dir, struct dentry *d)
{
	struct proc_dir_entry *p;
	struct inode *inode = NULL;

	spin_lock(&proc_lock);
	p = pde_find(PROC_I(dir)->pde, d->d_name, d->d_len);
	spin_unlock(&proc_lock);
	if (p) {
		inode = pde_inode(dir->i_sb, p);
		if (!inode)
			return -ENOMEM;
		d_instantiate(d, inode);
		return 0;
	}
	if (PROC_I(dir)->pde == &proc_root)
		return proc_pid_lookup(dir, d);
	return -ENOENT;
}

/*
 * Positions: 0 ".", 1 "..", 2 on the registered entries, then (in the
 * root) FIRST_PID_POS + pid for each process.
 */
static int proc_dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct proc_dir_entry *dir = PROC_I(f->inode)->pde, *p;
	loff_t i;

	if (!dir_emit_dots(f, ctx))
		return 0;
	spin_lock(&proc_lock);
	for (p = dir->children, i = 2; p; p = p->next, i++) {
		if (i < ctx->pos)
			continue;
		if (!dir_emit(ctx, p->name, strlen(p->name), p->ino, fs_umode_to_dtype(p->mode))) {
			spin_unlock(&proc_lock);
			return 0;
		}
		ctx->pos = i + 1;
	}
	spin_unlock(&proc_lock);
	if (dir == &proc_root)
		return proc_pid_readdir(f, ctx);
	return 0;
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_dir_lookup,
	.setattr = proc_setattr,
};

static const struct file_operations proc_dir_fops = {
	.read_iter = generic_read_dir,
	.iterate = proc_dir_iterate,
	.llseek = generic_file_llseek,
};

/* ------------------------------------------------------------ contents */

#define SHOW(buf, size, len, ...) \
	((len) += scnprintf((buf) + (len), (size) - (len), __VA_ARGS__))

static void meminfo_line(char *buf, size_t size, size_t *len, const char *name,
			 unsigned long pages)
{
	SHOW(buf, size, *len, "%-16s%8lu kB\n", name, pages * (PAGE_SIZE / 1024));
}

/* /proc/meminfo: Linux's fields; what Lego does not have reads 0. */
static ssize_t meminfo_show(char *buf, size_t size)
{
	static const char *const zeros[] = {
		"SwapCached:", "Active:", "Inactive:", "Active(anon):", "Inactive(anon):",
		"Active(file):", "Inactive(file):", "Unevictable:", "Mlocked:",
		"SwapTotal:", "SwapFree:", "Zswap:", "Zswapped:", "Dirty:", "Writeback:",
	};
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long cached = atomic_read(&ramfs_pages);
	size_t len = 0, i;

	meminfo_line(buf, size, &len, "MemTotal:", total);
	meminfo_line(buf, size, &len, "MemFree:", free);
	meminfo_line(buf, size, &len, "MemAvailable:", free);
	meminfo_line(buf, size, &len, "Buffers:", 0);
	meminfo_line(buf, size, &len, "Cached:", cached);
	for (i = 0; i < ARRAY_SIZE(zeros); i++)
		meminfo_line(buf, size, &len, zeros[i], 0);
	meminfo_line(buf, size, &len, "AnonPages:", 0);
	meminfo_line(buf, size, &len, "Mapped:", 0);
	meminfo_line(buf, size, &len, "Shmem:", cached);
	meminfo_line(buf, size, &len, "KReclaimable:", 0);
	meminfo_line(buf, size, &len, "Slab:", 0);
	meminfo_line(buf, size, &len, "SReclaimable:", 0);
	meminfo_line(buf, size, &len, "SUnreclaim:", 0);
	meminfo_line(buf, size, &len, "KernelStack:", 0);
	meminfo_line(buf, size, &len, "PageTables:", 0);
	meminfo_line(buf, size, &len, "CommitLimit:", total / 2);
	meminfo_line(buf, size, &len, "Committed_AS:", total - free);
	SHOW(buf, size, len, "HugePages_Total:       0\nHugePages_Free:        0\n"
	     "HugePages_Rsvd:        0\nHugePages_Surp:        0\n");
	meminfo_line(buf, size, &len, "Hugepagesize:", 2048 / (PAGE_SIZE / 1024));
	return len;
}

/* The x86 feature names of the CPUID bits Lego reads, Linux's spelling. */
static const struct {
	int word;	/* 0: 1.edx, 1: 1.ecx, 2: 7.ebx, 3: 7.ecx, 4: 80000001.edx, 5: .ecx */
	int bit;
	const char *name;
} cpu_flags[] = {
	{ 0, 0, "fpu" }, { 0, 1, "vme" }, { 0, 2, "de" }, { 0, 3, "pse" },
	{ 0, 4, "tsc" }, { 0, 5, "msr" }, { 0, 6, "pae" }, { 0, 7, "mce" },
	{ 0, 8, "cx8" }, { 0, 9, "apic" }, { 0, 11, "sep" }, { 0, 12, "mtrr" },
	{ 0, 13, "pge" }, { 0, 14, "mca" }, { 0, 15, "cmov" }, { 0, 16, "pat" },
	{ 0, 17, "pse36" }, { 0, 19, "clflush" }, { 0, 23, "mmx" }, { 0, 24, "fxsr" },
	{ 0, 25, "sse" }, { 0, 26, "sse2" }, { 0, 28, "ht" },
	{ 4, 11, "syscall" }, { 4, 20, "nx" }, { 4, 26, "pdpe1gb" }, { 4, 27, "rdtscp" },
	{ 4, 29, "lm" },
	{ 1, 0, "pni" }, { 1, 1, "pclmulqdq" }, { 1, 9, "ssse3" }, { 1, 12, "fma" },
	{ 1, 13, "cx16" }, { 1, 19, "sse4_1" }, { 1, 20, "sse4_2" }, { 1, 21, "x2apic" },
	{ 1, 22, "movbe" }, { 1, 23, "popcnt" }, { 1, 24, "tsc_deadline_timer" },
	{ 1, 25, "aes" }, { 1, 26, "xsave" }, { 1, 28, "avx" }, { 1, 29, "f16c" },
	{ 1, 30, "rdrand" }, { 1, 31, "hypervisor" },
	{ 5, 0, "lahf_lm" }, { 5, 5, "abm" }, { 5, 6, "sse4a" },
	{ 2, 0, "fsgsbase" }, { 2, 3, "bmi1" }, { 2, 5, "avx2" }, { 2, 7, "smep" },
	{ 2, 8, "bmi2" }, { 2, 9, "erms" }, { 2, 10, "invpcid" }, { 2, 18, "rdseed" },
	{ 2, 19, "adx" }, { 2, 20, "smap" }, { 2, 23, "clflushopt" }, { 2, 29, "sha_ni" },
	{ 3, 2, "umip" }, { 3, 22, "rdpid" },
};

/* /proc/cpuinfo: one block per online CPU, Linux's field names. */
static ssize_t cpuinfo_show(char *buf, size_t size)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 words[6] = { c->cpuid_1_edx, c->cpuid_1_ecx, c->cpuid_7_ebx, c->cpuid_7_ecx,
			 c->ext_1_edx, c->ext_1_ecx };
	unsigned int n = num_online_cpus();
	size_t len = 0, i;
	int cpu;

	for_each_online_cpu(cpu) {
		SHOW(buf, size, len, "processor\t: %d\nvendor_id\t: %s\ncpu family\t: %u\n"
		     "model\t\t: %u\nmodel name\t: %s\nstepping\t: %u\n"
		     "cpu MHz\t\t: %llu.%03llu\ncache size\t: 0 KB\nphysical id\t: 0\n"
		     "siblings\t: %u\ncore id\t\t: %d\ncpu cores\t: %u\napicid\t\t: %u\n"
		     "initial apicid\t: %u\nfpu\t\t: yes\nfpu_exception\t: yes\n"
		     "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:",
		     cpu, c->vendor, c->family, c->model, c->model_id, c->stepping,
		     tsc_khz / 1000, tsc_khz % 1000, n, cpu, n, cpu_apicid[cpu],
		     cpu_apicid[cpu], c->max_leaf);
		for (i = 0; i < ARRAY_SIZE(cpu_flags); i++)
			if (words[cpu_flags[i].word] & (1U << cpu_flags[i].bit))
				SHOW(buf, size, len, " %s", cpu_flags[i].name);
		SHOW(buf, size, len, "\nbugs\t\t:\nbogomips\t: %llu.%02llu\n"
		     "clflush size\t: 64\ncache_alignment\t: 64\n"
		     "address sizes\t: 40 bits physical, 48 bits virtual\n"
		     "power management:\n\n", tsc_khz / 500, (tsc_khz / 5) % 100);
	}
	return len;
}

/* Idle time, as elapsed CPU time less what tasks were charged. */
static u64 idle_ns(u64 busy)
{
	u64 total = ktime_get_ns() * num_online_cpus();

	return total > busy ? total - busy : 0;
}

/* /proc/uptime: seconds since boot and seconds all CPUs spent idle. */
static ssize_t uptime_show(char *buf, size_t size)
{
	struct proc_totals t;
	u64 up = ktime_get_ns(), idle;

	proc_task_totals(&t);
	idle = idle_ns(t.utime + t.stime);
	return scnprintf(buf, size, "%llu.%02llu %llu.%02llu\n",
			 up / NSEC_PER_SEC, (up % NSEC_PER_SEC) / (NSEC_PER_SEC / 100),
			 idle / NSEC_PER_SEC, (idle % NSEC_PER_SEC) / (NSEC_PER_SEC / 100));
}

/*
 * Load averages, Linux's way: every 5 seconds the number of running
 * tasks moves each average by 1 - exp(-5s/1, 5, 15 minutes), in 11-bit
 * fixed point.
 */
#define FSHIFT		FSHIFT_LOADAVG
#define FIXED_1		(1 << FSHIFT)
#define LOAD_FREQ	(5 * NSEC_PER_SEC)
static const unsigned long load_exp[3] = { 1884, 2014, 2037 };
static unsigned long avenrun[3];
static struct timer_list load_timer;

static void calc_load(struct timer_list *t)
{
	struct proc_totals tot;
	unsigned long active;
	int i;

	proc_task_totals(&tot);
	active = (unsigned long)tot.running * FIXED_1;
	for (i = 0; i < 3; i++) {
		unsigned long a = READ_ONCE(avenrun[i]) * load_exp[i] +
				  active * (FIXED_1 - load_exp[i]);

		if (active >= READ_ONCE(avenrun[i]))
			a += FIXED_1 - 1;
		WRITE_ONCE(avenrun[i], a / FIXED_1);
	}
	mod_timer(t, ktime_get_ns() + LOAD_FREQ);
}

/* The three averages in FSHIFT fixed point, for sysinfo(2). */
void get_avenrun(unsigned long loads[3])
{
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = READ_ONCE(avenrun[i]);
}

/* Pages of tmpfs and ramfs files: Linux's NR_SHMEM (Shmem:, sharedram). */
unsigned long shmem_pages(void)
{
	return atomic_read(&ramfs_pages);
}

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

static ssize_t loadavg_show(char *buf, size_t size)
{
	struct proc_totals t;
	unsigned long a[3];
	int i;

	proc_task_totals(&t);
	for (i = 0; i < 3; i++)
		a[i] = READ_ONCE(avenrun[i]) + FIXED_1 / 200;
	return scnprintf(buf, size, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%u %d\n",
			 LOAD_INT(a[0]), LOAD_FRAC(a[0]), LOAD_INT(a[1]), LOAD_FRAC(a[1]),
			 LOAD_INT(a[2]), LOAD_FRAC(a[2]), t.running, t.tasks, t.last_pid);
}

/* Nanoseconds to USER_HZ (100) clock ticks. */
u64 ns_to_ticks(u64 ns)
{
	return ns / (NSEC_PER_SEC / 100);
}

/* /proc/stat: CPU times in ticks (all charged to "cpu" and cpu0...). */
static ssize_t stat_show(char *buf, size_t size)
{
	struct proc_totals t;
	unsigned int n = num_online_cpus();
	u64 idle, now_real = ktime_get_real_ns(), up = ktime_get_ns();
	size_t len = 0;
	int cpu;

	proc_task_totals(&t);
	idle = idle_ns(t.utime + t.stime);
	SHOW(buf, size, len, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n",
	     ns_to_ticks(t.utime), ns_to_ticks(t.stime), ns_to_ticks(idle));
	for_each_online_cpu(cpu)
		SHOW(buf, size, len, "cpu%d %llu 0 %llu %llu 0 0 0 0 0 0\n", cpu,
		     ns_to_ticks(t.utime) / n, ns_to_ticks(t.stime) / n,
		     ns_to_ticks(idle) / n);
	SHOW(buf, size, len, "intr 0\nctxt %llu\nbtime %llu\nprocesses %d\n"
	     "procs_running %u\nprocs_blocked %u\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
	     t.ctxt, (now_real - up) / NSEC_PER_SEC, t.last_pid, t.running, t.blocked);
	return len;
}

static ssize_t filesystems_show(char *buf, size_t size)
{
	return show_filesystems(buf, size);
}

static const char *self_link(char *buf)
{
	snprintf(buf, PATH_MAX, "%d", current->tgid);
	return buf;
}

static const char *thread_self_link(char *buf)
{
	snprintf(buf, PATH_MAX, "%d/task/%d", current->tgid, current->pid);
	return buf;
}

static const char *mounts_link(char *buf)
{
	return "self/mounts";
}

static const struct {
	const char *name;
	umode_t mode;
	ssize_t (*show)(char *buf, size_t size);
	const char *(*link)(char *buf);
} builtins[] = {
	{ "self", S_IFLNK | 0777, NULL, self_link },
	{ "thread-self", S_IFLNK | 0777, NULL, thread_self_link },
	{ "meminfo", S_IFREG | 0444, meminfo_show, NULL },
	{ "cpuinfo", S_IFREG | 0444, cpuinfo_show, NULL },
	{ "uptime", S_IFREG | 0444, uptime_show, NULL },
	{ "loadavg", S_IFREG | 0444, loadavg_show, NULL },
	{ "stat", S_IFREG | 0444, stat_show, NULL },
	{ "filesystems", S_IFREG | 0444, filesystems_show, NULL },
	{ "mounts", S_IFLNK | 0777, NULL, mounts_link },
};

/* ------------------------------------------------------------ the fs */

static void proc_statfs(struct super_block *sb, struct kstatfs *st)
{
	simple_statfs(sb, st);
}

static const struct super_operations proc_sops = {
	.statfs = proc_statfs,
	.evict_inode = proc_evict_inode,
};

static struct super_block *proc_mount(struct file_system_type *t, int flags,
				      const char *dev, char *data)
{
	struct super_block *sb = sget(t, PROC_SUPER_MAGIC, &proc_sops, flags);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	root = pde_inode(sb, &proc_root);
	if (root)
		sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		if (root)
			iput(root);
		kfree(sb);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

static struct file_system_type proc_type = { .name = "proc", .mount = proc_mount };

/* The built-in entries, the file system, and /proc mounted at boot. */
void proc_init(void)
{
	struct dentry *d;
	size_t i;

	spin_lock(&proc_lock);
	for (i = 0; i < ARRAY_SIZE(builtins); i++) {
		struct proc_dir_entry *p = pde_add(&proc_root, builtins[i].name,
						   builtins[i].mode);

		if (!p)
			panic("cannot create /proc/%s", builtins[i].name);
		p->show = builtins[i].show;
		p->link = builtins[i].link;
	}
	spin_unlock(&proc_lock);
	register_filesystem(&proc_type);
	if (kern_path("/proc", LOOKUP_FOLLOW, &d)) {
		if (kern_mkdir("/proc", 0555))
			panic("cannot create /proc");
	} else {
		path_put(d);
	}
	if (do_mount_at("proc", "/proc", "proc", 0, NULL))
		panic("cannot mount /proc");
	timer_setup(&load_timer, calc_load);
	add_timer(&load_timer, ktime_get_ns() + LOAD_FREQ);
}
