// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel strace: prints the syscalls of chosen tasks in strace's own
 * format, and counts calls, errors and TSC cycles per syscall.
 *
 * How an argument is printed follows from its declaration in the
 * handler's SYSCALL_DEFINEn (recorded in .syscall_meta): its C type and
 * its name pick a decoder (a descriptor, a path string, a data buffer
 * whose length is another argument or the result, a flag set, a mode, a
 * pointer), so a new syscall is decoded by describing its arguments, not
 * by writing a printer.  The few flag sets that depend on the syscall are
 * in flag_args[] below.
 *
 * Choosing what is traced, at run time:
 *   command line: strace=all | strace=read,write   strace.pid=N
 *                 strace.comm=NAME   strace.stats[=print]
 *   /proc/lego/strace: write "on", "off", "syscalls=LIST", "pid=N",
 *                 "comm=NAME", "stats=on|off|print|reset"; read: the state
 * Output: the console and /proc/lego/trace (a ring buffer).
 * Statistics: /proc/lego/syscalls, and at power-off with stats=print.
 * Tracing never changes what a syscall does or returns.
 *
 * 32-bit syscalls (int $0x80, SYSENTER, compat-mode SYSCALL) are traced
 * by their i386 numbers and names, from ebx, ecx, edx, esi, edi and ebp,
 * decoded by the description of the handler the i386 table names (a
 * 64-bit one or a COMPAT_SYSCALL_DEFINEn one); as strace, a line says when
 * a process starts making calls of the other ABI.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/strace.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/mm.h>
#include <lego/fs.h>
#include <lego/errno.h>
#include <lego/spinlock.h>
#include <uapi/lego/mman.h>
#include <uapi/lego/time.h>
#include <uapi/lego/termios.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <asm/msr.h>
#include <generated/errnames.h>
#ifdef CONFIG_IA32_EMULATION
#include <lego/compat.h>
#endif

bool strace_active;
static bool trace_on, stats_on, stats_print;
static bool trace_all = true;
static pid_t trace_pid;
static char trace_comm[TASK_COMM_LEN];

struct syscall_stat {
	u64 calls, errors, cycles;
};

/* A syscall table as the tracer sees it. */
struct strace_abi {
	unsigned int nr_syscalls;
	const sys_call_ptr_t *table;
	const char *(*name)(long nr);		/* the table's; "?" for none */
	const struct syscall_metadata **meta;	/* the handler's description */
	unsigned long *mask;			/* traced numbers, unless trace_all */
	struct syscall_stat *stats;		/* system-wide */
	int bits;				/* 64 or 32 */
};

#define BITMAP_LONGS(n)	(((n) + 63) / 64)
#ifdef CONFIG_IA32_EMULATION
#define MAX_NR_SYSCALLS	(NR_syscalls > IA32_NR_syscalls ? NR_syscalls : IA32_NR_syscalls)
#else
#define MAX_NR_SYSCALLS	NR_syscalls
#endif

static const struct syscall_metadata *meta64[NR_syscalls];
static unsigned long mask64[BITMAP_LONGS(NR_syscalls)];
static struct syscall_stat stats64[NR_syscalls];
static const struct strace_abi abi64 = {
	NR_syscalls, sys_call_table, syscall_name, meta64, mask64, stats64, 64,
};

#ifdef CONFIG_IA32_EMULATION
static const struct syscall_metadata *meta32[IA32_NR_syscalls];
static unsigned long mask32[BITMAP_LONGS(IA32_NR_syscalls)];
static struct syscall_stat stats32[IA32_NR_syscalls];
static const struct strace_abi abi32 = {
	IA32_NR_syscalls, ia32_sys_call_table, ia32_syscall_name, meta32, mask32,
	stats32, 32,
};
static const struct strace_abi *const abis[] = { &abi64, &abi32 };
#else
static const struct strace_abi *const abis[] = { &abi64 };
#endif

/* Per task: its statistics and the copies of path arguments taken at
 * entry (execve replaces the memory they were in); the ABI of its last
 * traced call (0 before the first), for the mode-change line. */
#define PATH_COPY	64
struct strace_task {
	struct syscall_stat stats[NR_syscalls];
#ifdef CONFIG_IA32_EMULATION
	struct syscall_stat stats32[IA32_NR_syscalls];
#endif
	char path[6][PATH_COPY];
	long path_len[6];
	int bits;
};

static struct syscall_stat *task_stats(struct strace_task *st, const struct strace_abi *abi)
{
#ifdef CONFIG_IA32_EMULATION
	if (abi == &abi32)
		return st->stats32;
#endif
	return st->stats;
}

static bool test_nr(const unsigned long *mask, unsigned int nr)
{
	return mask[nr / 64] & (1UL << (nr % 64));
}

/* ------------------------------------------------------------------ */
/* Output: console and ring buffer. */

#define RING_SIZE	(64 * 1024)
static char ring[RING_SIZE];
static u64 ring_head;
static DEFINE_SPINLOCK(ring_lock);

static void emit_line(const char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);
	size_t i;

	for (i = 0; i < n; i++)
		ring[(ring_head + i) % RING_SIZE] = s[i];
	ring_head += n;
	spin_unlock_irqrestore(&ring_lock, flags);
	console_write(s, n);
}

struct line {
	char buf[512];
	size_t len;
};

static __printf(2, 3) void lprintf(struct line *l, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	l->len += vscnprintf(l->buf + l->len, sizeof(l->buf) - l->len, fmt, args);
	va_end(args);
}

/* ------------------------------------------------------------------ */
/* Decoders. */

struct flag_name {
	unsigned long value;
	const char *name;
};

#define F(x) { x, #x }
static const struct flag_name open_flags[] = {
	F(O_CREAT), F(O_EXCL), F(O_NOCTTY), F(O_TRUNC), F(O_APPEND),
	F(O_NONBLOCK), F(O_DSYNC), F(FASYNC), F(O_DIRECT), F(O_LARGEFILE),
	F(O_DIRECTORY), F(O_NOFOLLOW), F(O_NOATIME), F(O_CLOEXEC), F(__O_SYNC),
	F(O_PATH), F(__O_TMPFILE), { 0, NULL }
};
static const struct flag_name prot_flags[] = {
	F(PROT_READ), F(PROT_WRITE), F(PROT_EXEC), F(PROT_SEM),
	F(PROT_GROWSDOWN), F(PROT_GROWSUP), { 0, NULL }
};
static const struct flag_name mmap_flags[] = {
	F(MAP_FIXED), F(MAP_ANONYMOUS), F(MAP_32BIT), F(MAP_GROWSDOWN),
	F(MAP_DENYWRITE), F(MAP_EXECUTABLE), F(MAP_LOCKED), F(MAP_NORESERVE),
	F(MAP_POPULATE), F(MAP_NONBLOCK), F(MAP_STACK), F(MAP_HUGETLB),
	F(MAP_SYNC), F(MAP_FIXED_NOREPLACE), { 0, NULL }
};
static const struct flag_name at_flags[] = {
	F(AT_SYMLINK_NOFOLLOW), F(AT_REMOVEDIR), F(AT_SYMLINK_FOLLOW),
	F(AT_NO_AUTOMOUNT), F(AT_EMPTY_PATH), { 0, NULL }
};
static const struct flag_name clock_ids[] = {
	F(CLOCK_REALTIME), F(CLOCK_MONOTONIC), F(CLOCK_PROCESS_CPUTIME_ID),
	F(CLOCK_THREAD_CPUTIME_ID), F(CLOCK_MONOTONIC_RAW),
	F(CLOCK_REALTIME_COARSE), F(CLOCK_MONOTONIC_COARSE), F(CLOCK_BOOTTIME),
	F(CLOCK_REALTIME_ALARM), F(CLOCK_BOOTTIME_ALARM), F(CLOCK_TAI),
	{ 0, NULL }
};
static const struct flag_name whences[] = {
	F(SEEK_SET), F(SEEK_CUR), F(SEEK_END), F(SEEK_DATA), F(SEEK_HOLE),
	{ 0, NULL }
};
static const struct flag_name ioctl_cmds[] = {
	F(TCGETS), F(TCSETS), F(TCSETSW), F(TCSETSF), F(TIOCSCTTY),
	F(TIOCGPGRP), F(TIOCSPGRP), F(TIOCGWINSZ), F(TIOCSWINSZ), F(FIONREAD),
	F(FIONBIO), F(FIONCLEX), F(FIOCLEX), F(FIOASYNC), { 0, NULL }
};
#undef F

enum arg_kind {
	K_INT, K_UINT, K_HEX, K_FD, K_DIRFD, K_PATH, K_BUF_IN, K_BUF_OUT,
	K_STR_OUT, K_MODE, K_FLAGS, K_ENUM, K_PTR, K_STRUCT, K_LOFF_OUT,
};

/* Flag and value sets that depend on the syscall, keyed by (syscall, arg). */
static const struct {
	const char *syscall, *arg;
	enum arg_kind kind;
	const struct flag_name *set;
} flag_args[] = {
	{ "open", "flags", K_FLAGS, open_flags },
	{ "openat", "flags", K_FLAGS, open_flags },
	{ "mmap", "prot", K_FLAGS, prot_flags },
	{ "mprotect", "prot", K_FLAGS, prot_flags },
	{ "mmap", "flags", K_FLAGS, mmap_flags },
	{ "newfstatat", "flag", K_FLAGS, at_flags },
	{ "clock_gettime", "which_clock", K_ENUM, clock_ids },
	{ "clock_getres", "which_clock", K_ENUM, clock_ids },
	{ "clock_nanosleep", "which_clock", K_ENUM, clock_ids },
	{ "lseek", "whence", K_ENUM, whences },
	{ "llseek", "whence", K_ENUM, whences },
	{ "ioctl", "cmd", K_ENUM, ioctl_cmds },
};

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

static bool type_has(const char *type, const char *s)
{
	size_t n = strlen(s);

	for (; *type; type++)
		if (!strncmp(type, s, n))
			return true;
	return false;
}

static enum arg_kind arg_kind(const struct syscall_metadata *m, int i,
			      const struct flag_name **set)
{
	static const char *const fds[] = { "fd", "oldfd", "newfd", "fd_in",
					   "fd_out", NULL };
	static const char *const dirfds[] = { "dfd", "olddfd", "newdfd",
					      "dirfd", NULL };
	static const char *const paths[] = { "filename", "pathname", "path",
					     "oldname", "newname", "specialfile",
					     NULL };
	const char *type = m->types[i], *name = m->args[i];
	/* Compat handlers take some user pointers as a u32: by name. */
	bool uptr = !strcmp(type, "compat_uptr_t") ||
		    (!strcmp(type, "u32") && (name_in(name, paths) || !strcmp(name, "buf")));
	bool ptr = uptr || type_has(type, "*");
	size_t k;

	for (k = 0; k < ARRAY_SIZE(flag_args); k++) {
		if (!strcmp(m->name, flag_args[k].syscall) &&
		    !strcmp(name, flag_args[k].arg)) {
			*set = flag_args[k].set;
			return flag_args[k].kind;
		}
	}
	if (name_in(name, fds))
		return K_FD;
	if (name_in(name, dirfds))
		return K_DIRFD;
	if (((type_has(type, "char") && ptr) || uptr) && name_in(name, paths))
		return K_PATH;
	if (!strcmp(name, "buf") && ptr) {
		if (type_has(type, "const"))
			return K_BUF_IN;
		return !strcmp(m->name, "readlink") || !strcmp(m->name, "readlinkat") ?
		       K_STR_OUT : K_BUF_OUT;
	}
	if (!strcmp(name, "mode") || type_has(type, "umode_t"))
		return K_MODE;
	if (type_has(type, "struct") && ptr)
		return K_STRUCT;
	if (type_has(type, "loff_t") && ptr)
		return K_LOFF_OUT;
	if (ptr)
		return K_PTR;
	if (type_has(type, "unsigned long") && (!strcmp(name, "addr") ||
	    !strcmp(name, "brk") || !strcmp(name, "start") || !strcmp(name, "arg2")))
		return K_HEX;
	if (type_has(type, "unsigned") || type_has(type, "size_t"))
		return K_UINT;
	return K_INT;
}

static void print_flags(struct line *l, unsigned long v, const struct flag_name *set,
			bool open)
{
	bool first = true;

	if (open) {
		static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "0x3" };

		lprintf(l, "%s", acc[v & O_ACCMODE]);
		v &= ~(unsigned long)O_ACCMODE;
		first = false;
	}
	for (; set->name; set++) {
		if ((v & set->value) == set->value && set->value) {
			lprintf(l, "%s%s", first ? "" : "|", set->name);
			v &= ~set->value;
			first = false;
		}
	}
	if (v || first)
		lprintf(l, "%s%#lx", first ? "" : "|", v);
}

/* A string or data buffer as strace shows it: at most 32 bytes, C escapes,
 * "..." when there was more. */
static void print_quoted(struct line *l, const char *s, size_t n, bool more)
{
	size_t i;

	lprintf(l, "\"");
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\')
			lprintf(l, "\\%c", c);
		else if (c == '\n')
			lprintf(l, "\\n");
		else if (c == '\t')
			lprintf(l, "\\t");
		else if (c == '\r')
			lprintf(l, "\\r");
		else if (c < 32 || c >= 127)
			lprintf(l, "\\%o", c);
		else
			lprintf(l, "%c", c);
	}
	lprintf(l, "\"%s", more ? "..." : "");
}

#define STRSIZE	32

static void print_user_data(struct line *l, unsigned long addr, long len)
{
	char buf[STRSIZE];
	size_t n = len > STRSIZE ? STRSIZE : (size_t)len;

	if (len < 0 || copy_from_user(buf, (const void __user *)addr, n)) {
		lprintf(l, "%#lx", addr);
		return;
	}
	print_quoted(l, buf, n, (size_t)len > n);
}

static void print_stat(struct line *l, unsigned int mode, long long size)
{
	static const char *const types[16] = {
		[S_IFREG >> 12] = "S_IFREG", [S_IFDIR >> 12] = "S_IFDIR",
		[S_IFCHR >> 12] = "S_IFCHR", [S_IFLNK >> 12] = "S_IFLNK",
		[S_IFIFO >> 12] = "S_IFIFO", [S_IFBLK >> 12] = "S_IFBLK",
		[S_IFSOCK >> 12] = "S_IFSOCK",
	};
	const char *tn = types[(mode & S_IFMT) >> 12];

	lprintf(l, "{st_mode=%s|%#o, st_size=%lld, ...}", tn ? tn : "0", mode & 07777, size);
}

/* A struct argument, decoded for the stat buffers and the timespecs
 * ("struct stat " and "struct stat64 " with the space, so that statx's
 * buffer is not read as either). */
static void print_struct(struct line *l, const struct syscall_metadata *m, int i,
			 unsigned long v, long ret)
{
	const char *t = m->types[i];

	if (!v) {
		lprintf(l, "NULL");
		return;
	}
	if (type_has(t, "struct stat ") && ret == 0) {
		struct stat st;

		if (!copy_from_user(&st, (const void __user *)v, sizeof(st))) {
			print_stat(l, st.st_mode, st.st_size);
			return;
		}
	}
#ifdef CONFIG_IA32_EMULATION
	if (type_has(t, "struct stat64 ") && ret == 0) {
		struct stat64 st;

		if (!copy_from_user(&st, (const void __user *)v, sizeof(st))) {
			print_stat(l, st.st_mode, st.st_size);
			return;
		}
	}
	if (type_has(t, "timespec32")) {
		struct old_timespec32 ts;

		if (!copy_from_user(&ts, (const void __user *)v, sizeof(ts))) {
			lprintf(l, "{tv_sec=%d, tv_nsec=%d}", ts.tv_sec, ts.tv_nsec);
			return;
		}
		lprintf(l, "{...}");
		return;
	}
#endif
	if (type_has(t, "timespec")) {
		struct __kernel_timespec ts;

		if (!copy_from_user(&ts, (const void __user *)v, sizeof(ts))) {
			lprintf(l, "{tv_sec=%lld, tv_nsec=%lld}", ts.tv_sec, ts.tv_nsec);
			return;
		}
	}
	lprintf(l, "{...}");
}

static void print_arg(struct line *l, const struct syscall_metadata *m, int i,
		      const unsigned long *a, long ret, struct strace_task *st, int bits)
{
	const struct flag_name *set = NULL;
	unsigned long v = a[i];

	switch (arg_kind(m, i, &set)) {
	case K_FD:
		lprintf(l, "%d", (int)v);
		break;
	case K_DIRFD:
		if ((int)v == AT_FDCWD)
			lprintf(l, "AT_FDCWD");
		else
			lprintf(l, "%d", (int)v);
		break;
	case K_PATH:
		if (st->path_len[i] < 0)
			lprintf(l, "%#lx", v);
		else
			print_quoted(l, st->path[i], min(st->path_len[i], (long)STRSIZE),
				     st->path_len[i] > STRSIZE);
		break;
	case K_BUF_IN:
		print_user_data(l, v, i + 1 < m->nb_args ? (long)a[i + 1] : 0);
		break;
	case K_BUF_OUT:
	case K_STR_OUT:
		print_user_data(l, v, ret);
		break;
	case K_MODE:
		lprintf(l, "%#lo", v);
		break;
	case K_FLAGS:
		print_flags(l, v, set, set == open_flags);
		break;
	case K_ENUM:
		for (; set->name; set++)
			if (set->value == v) {
				lprintf(l, "%s", set->name);
				return;
			}
		lprintf(l, "%#lx", v);
		break;
	case K_STRUCT:
		print_struct(l, m, i, v, ret);
		break;
	case K_LOFF_OUT: {
		long long off;

		/* As strace: the value stored, in brackets. */
		if (ret == 0 && !copy_from_user(&off, (const void __user *)v, sizeof(off)))
			lprintf(l, "[%lld]", off);
		else
			lprintf(l, "%#lx", v);
		break;
	}
	case K_PTR:
		if (v)
			lprintf(l, "%#lx", v);
		else
			lprintf(l, "NULL");
		break;
	case K_HEX:
		lprintf(l, "%#lx", v);
		break;
	case K_UINT:
		lprintf(l, "%lu", v);
		break;
	default:
		/* A 32-bit caller's int arrives zero-extended. */
		lprintf(l, "%ld", bits == 32 ? (long)(int)v : (long)v);
	}
}

static void print_return(struct line *l, const char *name, long ret)
{
	if (ret < 0 && ret >= -4095) {
		long e = -ret;

		if (e < (long)ARRAY_SIZE(errno_names) && errno_names[e])
			lprintf(l, " = -1 %s (%s)\n", errno_names[e], errno_messages[e]);
		else
			lprintf(l, " = -1 errno %ld\n", e);
	} else if (!strcmp(name, "mmap") || !strcmp(name, "mmap2") || !strcmp(name, "brk")) {
		lprintf(l, " = %#lx\n", ret);
	} else {
		lprintf(l, " = %ld\n", ret);
	}
}

static void print_call(const struct strace_abi *abi, struct task_struct *t,
		       unsigned int nr, const unsigned long *a, long ret, bool noreturn)
{
	const struct syscall_metadata *m = nr < abi->nr_syscalls ? abi->meta[nr] : NULL;
	const char *name = abi->name(nr);
	struct strace_task *st = t->strace;
	struct line l = { .len = 0 };
	int i;

	lprintf(&l, "[pid %d] ", t->pid);
	if (!strcmp(name, "?"))
		lprintf(&l, "syscall_%#x(", nr);
	else
		lprintf(&l, "%s(", name);
	if (!m) {
		/* No handler: strace's form, six raw arguments. */
		for (i = 0; i < 6; i++)
			lprintf(&l, "%s%#lx", i ? ", " : "", a[i]);
	} else {
		int n = m->nb_args;

		/* As strace: open's mode only matters with O_CREAT/O_TMPFILE. */
		if ((!strcmp(m->name, "open") || !strcmp(m->name, "openat")) &&
		    !(a[n - 2] & (O_CREAT | __O_TMPFILE)))
			n--;
		for (i = 0; i < n; i++) {
			if (i)
				lprintf(&l, ", ");
			print_arg(&l, m, i, a, ret, st, abi->bits);
		}
	}
	lprintf(&l, ")");
	if (noreturn)
		lprintf(&l, " = ?\n");
	else
		print_return(&l, m ? m->name : "", ret);
	emit_line(l.buf, l.len);
}

/* ------------------------------------------------------------------ */
/* The hook. */

static bool traced(const struct strace_abi *abi, struct task_struct *t, unsigned int nr)
{
	if (!trace_on)
		return false;
	if (!trace_all && (nr >= abi->nr_syscalls || !test_nr(abi->mask, nr)))
		return false;
	if (trace_pid && t->tgid != trace_pid)
		return false;
	if (trace_comm[0] && strcmp(trace_comm, t->comm))
		return false;
	return true;
}

static struct strace_task *task_state(struct task_struct *t)
{
	if (!t->strace) {
		t->strace = vmalloc(sizeof(struct strace_task));
		if (t->strace) {
			memset(t->strace, 0, sizeof(struct strace_task));
			((struct strace_task *)t->strace)->bits = 64;
		}
	}
	return t->strace;
}

static void copy_paths(struct strace_task *st, const struct syscall_metadata *m,
		       const unsigned long *a)
{
	const struct flag_name *set;
	int i;

	for (i = 0; m && i < m->nb_args; i++) {
		st->path_len[i] = -1;
		if (arg_kind(m, i, &set) != K_PATH)
			continue;
		st->path_len[i] = strncpy_from_user(st->path[i],
				(const char __user *)a[i], PATH_COPY);
	}
}

/* strace's line when a traced process changes between 64- and 32-bit
 * calls (a 64-bit program has 64 from the start). */
static void note_mode(const struct strace_abi *abi, struct task_struct *t,
		      struct strace_task *st)
{
	struct line l = { .len = 0 };

	if (st->bits == abi->bits)
		return;
	st->bits = abi->bits;
	lprintf(&l, "[ Process PID=%d runs in %d bit mode. ]\n", t->pid, abi->bits);
	emit_line(l.buf, l.len);
}

static long strace_call(const struct strace_abi *abi, unsigned int nr, const unsigned long *a)
{
	struct task_struct *t = current;
	bool trace = traced(abi, t, nr);
	struct strace_task *st = (trace || stats_on) ? task_state(t) : NULL;
	const struct syscall_metadata *m = nr < abi->nr_syscalls ? abi->meta[nr] : NULL;
	u64 t0;
	long ret;

	if (trace && st) {
		note_mode(abi, t, st);
		copy_paths(st, m, a);
		if (m && (!strcmp(m->name, "exit") || !strcmp(m->name, "exit_group")))
			print_call(abi, t, nr, a, 0, true);
	}
	t0 = rdtsc();
	if (nr < abi->nr_syscalls)
		ret = abi->table[nr](a[0], a[1], a[2], a[3], a[4], a[5]);
	else
		ret = -ENOSYS;
	if (stats_on && st && nr < abi->nr_syscalls) {
		struct syscall_stat *ts = &task_stats(st, abi)[nr];
		u64 dt = rdtsc() - t0;
		bool err = ret < 0 && ret >= -4095;

		/* Shared by every CPU: atomic adds (only while stats are on). */
		__atomic_add_fetch(&abi->stats[nr].calls, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&abi->stats[nr].errors, err, __ATOMIC_RELAXED);
		__atomic_add_fetch(&abi->stats[nr].cycles, dt, __ATOMIC_RELAXED);
		ts->calls++;
		ts->errors += err;
		ts->cycles += dt;
	}
	if (trace && st)
		print_call(abi, t, nr, a, ret, false);
	return ret;
}

long strace_syscall(struct pt_regs *regs, unsigned int nr)
{
	unsigned long a[6] = { regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9 };

	return strace_call(&abi64, nr, a);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 registers, their low halves (do_int80_syscall_32). */
long strace_syscall_ia32(struct pt_regs *regs, unsigned int nr)
{
	unsigned long a[6] = { (u32)regs->bx, (u32)regs->cx, (u32)regs->dx,
			       (u32)regs->si, (u32)regs->di, (u32)regs->bp };

	return strace_call(&abi32, nr, a);
}
#endif

void strace_task_free(struct task_struct *t)
{
	if (t->strace)
		vfree(t->strace, sizeof(struct strace_task));
	t->strace = NULL;
}

/* ------------------------------------------------------------------ */
/* Control. */

/*
 * Links each table entry to its handler's description: every description
 * against every entry of both tables, about 300,000 compares, so it is
 * done when tracing or statistics are first turned on, not at boot.
 * Calls reach strace_call() only once strace_active is set, after this.
 */
static void build_meta_index(void)
{
	static bool built;
	extern const struct syscall_metadata __start_syscall_meta[],
		__stop_syscall_meta[];
	const struct syscall_metadata *m;
	unsigned int nr;
	size_t i;

	if (READ_ONCE(built))
		return;
	for (m = __start_syscall_meta; m < __stop_syscall_meta; m++)
		for (i = 0; i < ARRAY_SIZE(abis); i++)
			for (nr = 0; nr < abis[i]->nr_syscalls; nr++)
				if ((const void *)abis[i]->table[nr] == m->entry)
					abis[i]->meta[nr] = m;
	/* Two first writers may both build it: the same pointers. */
	WRITE_ONCE(built, true);
}

static void update_active(void)
{
	if (trace_on || stats_on)
		build_meta_index();
	WRITE_ONCE(strace_active, trace_on || stats_on);
}

static size_t word_len(const char *p)
{
	size_t n = 0;

	while (p[n] && p[n] != ',')
		n++;
	return n;
}

/* Sets the numbers called name in abi's mask; false if there are none. */
static bool mask_name(const struct strace_abi *abi, unsigned long *mask, const char *name)
{
	bool found = false;
	unsigned int nr;

	for (nr = 0; nr < abi->nr_syscalls; nr++) {
		if (!strcmp(abi->name(nr), name)) {
			mask[nr / 64] |= 1UL << (nr % 64);
			found = true;
		}
	}
	return found;
}

/* "all", or names of either table (a name may be in one only: getuid32,
 * or arch_prctl); a name in neither makes the whole list EINVAL. */
static int set_syscalls(const char *list)
{
	unsigned long masks[ARRAY_SIZE(abis)][BITMAP_LONGS(MAX_NR_SYSCALLS)];
	char name[32];
	const char *p = list;
	size_t i;

	if (!strcmp(list, "all")) {
		trace_all = true;
		return 0;
	}
	memset(masks, 0, sizeof(masks));
	while (*p) {
		size_t n = word_len(p);
		bool found = false;

		if (!n || n >= sizeof(name))
			return -EINVAL;
		memcpy(name, p, n);
		name[n] = 0;
		if (!strcmp(name, "?"))		/* what a hole is called */
			return -EINVAL;
		for (i = 0; i < ARRAY_SIZE(abis); i++)
			found |= mask_name(abis[i], masks[i], name);
		if (!found)
			return -EINVAL;
		p += n;
		if (*p == ',')
			p++;
	}
	for (i = 0; i < ARRAY_SIZE(abis); i++)
		memcpy(abis[i]->mask, masks[i],
		       BITMAP_LONGS(abis[i]->nr_syscalls) * sizeof(long));
	trace_all = false;
	return 0;
}

static int set_stats(const char *v)
{
	if (!strcmp(v, "on") || !strcmp(v, "1") || !*v) {
		stats_on = true;
	} else if (!strcmp(v, "print")) {
		stats_on = stats_print = true;
	} else if (!strcmp(v, "off") || !strcmp(v, "0")) {
		stats_on = stats_print = false;
	} else if (!strcmp(v, "reset")) {
		struct task_struct *t;
		unsigned long flags;

		size_t i;

		flags = spin_lock_irqsave(&tasklist_lock);
		for (i = 0; i < ARRAY_SIZE(abis); i++) {
			size_t bytes = abis[i]->nr_syscalls * sizeof(struct syscall_stat);

			memset(abis[i]->stats, 0, bytes);
			list_for_each_entry(t, &task_list, tasks)
				if (t->strace)
					memset(task_stats(t->strace, abis[i]), 0, bytes);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	} else {
		return -EINVAL;
	}
	return 0;
}

/* One control word: "on", "off", "syscalls=...", "pid=N", "comm=X",
 * "stats=...". */
static int control(const char *word)
{
	const char *eq = strchr(word, '=');
	const char *v = eq ? eq + 1 : "";
	size_t klen = eq ? (size_t)(eq - word) : strlen(word);
	unsigned long pid;

	if (!eq && !strcmp(word, "on"))
		trace_on = true;
	else if (!eq && !strcmp(word, "off"))
		trace_on = false;
	else if (klen == 8 && !strncmp(word, "syscalls", 8))
		return set_syscalls(v);
	else if (klen == 3 && !strncmp(word, "pid", 3)) {
		if (kstrtoul(v, 10, &pid))
			return -EINVAL;
		trace_pid = pid;
	} else if (klen == 4 && !strncmp(word, "comm", 4))
		strscpy(trace_comm, v, sizeof(trace_comm));
	else if (klen == 5 && !strncmp(word, "stats", 5))
		return set_stats(v);
	else
		return -EINVAL;
	return 0;
}

static ssize_t strace_ctl_write(const char *buf, size_t len)
{
	char copy[256], *argv[16];
	int n, i, r;

	strscpy(copy, buf, sizeof(copy));
	n = split_args(copy, argv, ARRAY_SIZE(argv));
	for (i = 0; i < n; i++) {
		r = control(argv[i]);
		if (r)
			return r;
	}
	update_active();
	return len;
}

/* Whether a 64-bit syscall called name is in the mask. */
static bool traced64_by_name(const char *name)
{
	unsigned int nr;

	for (nr = 0; nr < NR_syscalls; nr++)
		if (test_nr(mask64, nr) && !strcmp(syscall_name(nr), name))
			return true;
	return false;
}

static ssize_t strace_ctl_show(char *buf, size_t size)
{
	size_t len = 0, i;
	unsigned int nr;
	bool first = true;

	len += scnprintf(buf + len, size - len, "trace: %s\nsyscalls: ",
			 trace_on ? "on" : "off");
	if (trace_all)
		len += scnprintf(buf + len, size - len, "all");
	/* Each name once: a 32-bit name the 64-bit table has too was listed. */
	for (i = 0; !trace_all && i < ARRAY_SIZE(abis); i++) {
		const struct strace_abi *abi = abis[i];

		for (nr = 0; nr < abi->nr_syscalls; nr++) {
			if (!test_nr(abi->mask, nr) ||
			    (abi != &abi64 && traced64_by_name(abi->name(nr))))
				continue;
			len += scnprintf(buf + len, size - len, "%s%s",
					 first ? "" : ",", abi->name(nr));
			first = false;
		}
	}
	len += scnprintf(buf + len, size - len, "\npid: %d\ncomm: %s\nstats: %s\n",
			 trace_pid, trace_comm,
			 stats_print ? "print" : stats_on ? "on" : "off");
	return len;
}

static ssize_t trace_show(char *buf, size_t size)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);
	u64 start = ring_head > RING_SIZE ? ring_head - RING_SIZE : 0, i;
	size_t len = 0;

	for (i = start; i < ring_head && len < size; i++)
		buf[len++] = ring[i % RING_SIZE];
	spin_unlock_irqrestore(&ring_lock, flags);
	return len;
}

/* One ABI's table under heading what; a 32-bit table only when it has
 * calls (a kernel that ran no 32-bit program shows what it always did). */
static size_t show_table(char *buf, size_t size, const char *what,
			 const struct strace_abi *abi, const struct syscall_stat *s)
{
	size_t len = 0;
	unsigned int nr;

	if (abi != &abi64) {
		for (nr = 0; nr < abi->nr_syscalls && !s[nr].calls; nr++)
			;
		if (nr == abi->nr_syscalls)
			return 0;
	}
	len += scnprintf(buf + len, size - len, "%s%s:\n", what,
			 abi == &abi64 ? "" : ", 32-bit");
	len += scnprintf(buf + len, size - len, "%10s %10s %16s  %s\n",
			 "calls", "errors", "cycles", "syscall");
	for (nr = 0; nr < abi->nr_syscalls; nr++)
		if (s[nr].calls)
			len += scnprintf(buf + len, size - len, "%10llu %10llu %16llu  %s\n",
					 s[nr].calls, s[nr].errors, s[nr].cycles,
					 abi->name(nr));
	return len;
}

static ssize_t stats_show(char *buf, size_t size)
{
	struct task_struct *t;
	unsigned long flags;
	size_t len = 0, i;
	char what[48];

	for (i = 0; i < ARRAY_SIZE(abis); i++)
		len += show_table(buf + len, size - len, "system-wide", abis[i],
				  abis[i]->stats);
	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(t, &task_list, tasks) {
		if (!t->strace || t->exit_state)
			continue;
		snprintf(what, sizeof(what), "pid %d (%s)", t->tgid, t->comm);
		for (i = 0; i < ARRAY_SIZE(abis); i++)
			len += show_table(buf + len, size - len, what, abis[i],
					  task_stats(t->strace, abis[i]));
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return len;
}

void strace_poweroff(void)
{
	char *buf;
	size_t len;

	if (!stats_print)
		return;
	buf = vmalloc(64 * 1024);
	if (!buf)
		return;
	len = stats_show(buf, 64 * 1024);
	console_write(buf, len);
	vfree(buf, 64 * 1024);
}

static const struct proc_ops strace_ctl_ops = {
	.show = strace_ctl_show, .write = strace_ctl_write,
};
static const struct proc_ops trace_ops = { .show = trace_show };
static const struct proc_ops stats_ops = { .show = stats_show };

void strace_init(const char *cmdline)
{
	char v[256];

	if (cmdline_get(cmdline, "strace", v, sizeof(v))) {
		if (set_syscalls(v[0] ? v : "all"))
			pr_warn("strace: unknown syscall in strace=%s\n", v);
		else
			trace_on = true;
	}
	if (cmdline_get(cmdline, "strace.pid", v, sizeof(v)))
		trace_pid = simple_strtoul(v, NULL, 10);
	if (cmdline_get(cmdline, "strace.comm", v, sizeof(v)))
		strscpy(trace_comm, v, sizeof(trace_comm));
	if (cmdline_get(cmdline, "strace.stats", v, sizeof(v)))
		set_stats(v);
	update_active();
	proc_create("lego/strace", 0644, &strace_ctl_ops);
	proc_create("lego/trace", 0444, &trace_ops);
	proc_create("lego/syscalls", 0444, &stats_ops);
}
