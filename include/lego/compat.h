/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_COMPAT_H
#define _LEGO_COMPAT_H

/*
 * The 32-bit (i386) user ABI, for CONFIG_IA32_EMULATION: its types, the
 * structures whose layout differs from the 64-bit ones (checked against
 * the sizes and offsets of Linux's i386 UAPI headers), and how a compat
 * handler is written.  Documentation/x86/compat.rst.
 */
#include <lego/types.h>
#include <lego/compiler.h>
#include <lego/syscalls.h>
#include <lego/sched.h>

typedef u32 compat_uptr_t;		/* a 32-bit user pointer */
typedef s32 compat_long_t;
typedef u32 compat_ulong_t;
typedef s32 compat_off_t;
typedef s32 old_time32_t;

/* A 32-bit user pointer, zero-extended (user space is the low 4 GiB). */
static inline void __user *compat_ptr(compat_uptr_t p)
{
	return (void __user *)(unsigned long)p;
}

/*
 * Is the running syscall a 32-bit one (int $0x80, SYSENTER or 32-bit
 * SYSCALL)?  Set by the entry code for the syscall's duration
 * (thread.status TS_COMPAT, arch/x86/entry/common.c), whatever mode the
 * caller's code runs in: a 64-bit program using int $0x80 gets the
 * 32-bit ABI, as on Linux.  Handlers shared by both tables use it where
 * one user structure differs (import_iovec, execve's pointer arrays,
 * struct rusage).
 */
#define TS_COMPAT	0x0002
static inline bool in_ia32_syscall(void)
{
	return IS_ENABLED(CONFIG_IA32_EMULATION) && (current->thread.status & TS_COMPAT);
}

/* i386 struct iovec (linux/uio.h with 32-bit pointers). */
struct compat_iovec {
	compat_uptr_t iov_base;
	compat_ulong_t iov_len;
};
_Static_assert(sizeof(struct compat_iovec) == 8, "compat_iovec");

/* i386 struct timeval and struct old_timespec32 (time_t is 32 bits). */
struct old_timeval32 {
	old_time32_t tv_sec;
	s32 tv_usec;
};
struct old_timespec32 {
	old_time32_t tv_sec;
	s32 tv_nsec;
};
_Static_assert(sizeof(struct old_timeval32) == 8, "old_timeval32");
_Static_assert(sizeof(struct old_timespec32) == 8, "old_timespec32");

/* i386 struct rlimit: RLIM_INFINITY is ~0UL of 32 bits (ugetrlimit,
 * setrlimit); the old getrlimit (76) reports 0x7fffffff instead. */
#define COMPAT_RLIM_INFINITY		0xffffffffU
#define COMPAT_RLIM_OLD_INFINITY	0x7fffffffU
struct compat_rlimit {
	compat_ulong_t rlim_cur;
	compat_ulong_t rlim_max;
};
_Static_assert(sizeof(struct compat_rlimit) == 8, "compat_rlimit");

/* i386 struct rusage: the 64-bit one with every long of 32 bits. */
struct compat_rusage {
	struct old_timeval32 ru_utime, ru_stime;
	compat_long_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	compat_long_t ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	compat_long_t ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct compat_rusage) == 72, "compat_rusage");

/* i386 struct sysinfo (linux/sysinfo.h with 32-bit longs): 64 bytes. */
struct compat_sysinfo {
	s32 uptime;
	u32 loads[3];
	u32 totalram, freeram, sharedram, bufferram;
	u32 totalswap, freeswap;
	u16 procs, pad;
	u32 totalhigh, freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(u32) - sizeof(int)];
};
_Static_assert(sizeof(struct compat_sysinfo) == 64, "compat_sysinfo");
_Static_assert(__builtin_offsetof(struct compat_sysinfo, procs) == 40, "compat_sysinfo.procs");
_Static_assert(__builtin_offsetof(struct compat_sysinfo, mem_unit) == 52, "compat_sysinfo.mem_unit");

/* i386 struct tms: four 32-bit clock_t. */
typedef s32 compat_clock_t;
struct compat_tms {
	compat_clock_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};
_Static_assert(sizeof(struct compat_tms) == 16, "compat_tms");

/* i386 struct itimerval (old_itimerval32): two old_timeval32. */
struct old_itimerval32 {
	struct old_timeval32 it_interval;
	struct old_timeval32 it_value;
};
_Static_assert(sizeof(struct old_itimerval32) == 16, "old_itimerval32");

/* i386 struct robust_list_head (linux/futex.h with 32-bit pointers and
 * long): 12 bytes, set_robust_list's size argument. */
struct compat_robust_list_head {
	compat_uptr_t next;
	compat_long_t futex_offset;
	compat_uptr_t list_op_pending;
};
_Static_assert(sizeof(struct compat_robust_list_head) == 12, "compat_robust_list_head");

/*
 * i386 struct stat64 (asm/stat.h): 96 bytes, packed to 4-byte alignment
 * (the i386 psABI aligns long long to 4), the inode number twice.
 */
struct stat64 {
	u64 st_dev;
	u8 __pad0[4];
	u32 __st_ino;
	u32 st_mode;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u64 st_rdev;
	u8 __pad3[4];
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime;
	u32 st_atime_nsec;
	u32 st_mtime;
	u32 st_mtime_nsec;
	u32 st_ctime;
	u32 st_ctime_nsec;
	u64 st_ino;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct stat64) == 96, "stat64 size");
_Static_assert(__builtin_offsetof(struct stat64, __st_ino) == 12, "stat64.__st_ino");
_Static_assert(__builtin_offsetof(struct stat64, st_rdev) == 32, "stat64.st_rdev");
_Static_assert(__builtin_offsetof(struct stat64, st_size) == 44, "stat64.st_size");
_Static_assert(__builtin_offsetof(struct stat64, st_blocks) == 56, "stat64.st_blocks");
_Static_assert(__builtin_offsetof(struct stat64, st_atime) == 64, "stat64.st_atime");
_Static_assert(__builtin_offsetof(struct stat64, st_ino) == 88, "stat64.st_ino");

/*
 * i386 struct stat (asm/stat.h, the old stat, lstat and fstat 106-108):
 * 64 bytes, 32-bit words but for the 16-bit mode, nlink, uid and gid.
 */
struct compat_stat {
	u32 st_dev;
	u32 st_ino;
	u16 st_mode;
	u16 st_nlink;
	u16 st_uid;
	u16 st_gid;
	u32 st_rdev;
	u32 st_size;
	u32 st_blksize;
	u32 st_blocks;
	u32 st_atime;
	u32 st_atime_nsec;
	u32 st_mtime;
	u32 st_mtime_nsec;
	u32 st_ctime;
	u32 st_ctime_nsec;
	u32 __unused4;
	u32 __unused5;
};
_Static_assert(sizeof(struct compat_stat) == 64, "compat_stat size");
_Static_assert(__builtin_offsetof(struct compat_stat, st_mode) == 8, "compat_stat.st_mode");
_Static_assert(__builtin_offsetof(struct compat_stat, st_rdev) == 16, "compat_stat.st_rdev");
_Static_assert(__builtin_offsetof(struct compat_stat, st_size) == 20, "compat_stat.st_size");
_Static_assert(__builtin_offsetof(struct compat_stat, st_atime) == 32, "compat_stat.st_atime");
_Static_assert(__builtin_offsetof(struct compat_stat, st_ctime_nsec) == 52, "compat_stat.st_ctime_nsec");

/* i386 siginfo (asm-generic/siginfo.h with 32-bit int, long and
 * pointers): 128 bytes, the union at 12. */
struct compat_siginfo {
	s32 si_signo, si_errno, si_code;
	union {
		s32 w[29];
		struct { s32 pid; u32 uid; s32 value; } rt;		/* kill, sigqueue */
		struct { s32 tid, overrun, value; } timer;
		struct { s32 pid; u32 uid; s32 status, utime, stime; } chld;
		struct { u32 addr; s16 addr_lsb; } fault;
		struct { s32 band, fd; } poll;
		struct { u32 call_addr; s32 syscall; u32 arch; } sys;
	} f;
};
_Static_assert(sizeof(struct compat_siginfo) == 128, "compat_siginfo");

_Static_assert(__builtin_offsetof(struct compat_siginfo, f.chld.status) == 20, "compat_siginfo");

/* A siginfo to and from the i386 layout (kernel/signal.c). */
struct siginfo;
int put_compat_siginfo(struct compat_siginfo __user *u, const struct siginfo *k);
void siginfo_to_compat(struct compat_siginfo *c, const struct siginfo *k);
int get_compat_siginfo(struct siginfo *k, const struct compat_siginfo __user *u, int sig);

/*
 * How a handler of the 32-bit table is written:
 *
 *	COMPAT_SYSCALL_DEFINE3(lseek, unsigned int, fd, compat_off_t, offset,
 *			       unsigned int, whence)
 *
 * defines compat_sys_lseek, the entry point syscall_32.tbl names.  The
 * entry code passes ebx, ecx, edx, esi, edi and ebp zero-extended; each
 * is narrowed to its declared type first (a compat_off_t, an s32, is then
 * sign-extended by the body's arithmetic), as Linux's
 * COMPAT_SYSCALL_DEFINEx.  Like SYSCALL_DEFINEn it records the arguments'
 * types and names for the kernel strace (kernel/strace.c).
 */
#define COMPAT_SYSCALL_DEFINE0(name)					\
	asmlinkage long compat_sys_##name(void);			\
	__SYSCALL_METADATA(compat_, _##name, 0);			\
	asmlinkage long compat_sys_##name(void)
#define COMPAT_SYSCALL_DEFINE1(name, ...) COMPAT_SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE2(name, ...) COMPAT_SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE3(name, ...) COMPAT_SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE4(name, ...) COMPAT_SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE5(name, ...) COMPAT_SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define COMPAT_SYSCALL_DEFINE6(name, ...) COMPAT_SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define COMPAT_SYSCALL_DEFINEx(x, name, ...)				\
	static inline long __do_compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	asmlinkage long compat_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__)); \
	__SYSCALL_METADATA(compat_, name, x, __VA_ARGS__);		\
	asmlinkage long compat_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__)) \
	{								\
		return __do_compat_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}								\
	static inline long __do_compat_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

/* Prototypes of the 64-bit handlers compat handlers forward to. */
asmlinkage long sys_wait4(long upid, long stat_addr, long options, long ru);
asmlinkage long sys_clone(long flags, long newsp, long ptid, long ctid, long tls);
asmlinkage long sys_lseek(long fd, long offset, long whence);
asmlinkage long sys_pread64(long fd, long buf, long count, long pos);
asmlinkage long sys_pwrite64(long fd, long buf, long count, long pos);
asmlinkage long sys_preadv(long fd, long vec, long vlen, long pos_l, long pos_h);
asmlinkage long sys_pwritev(long fd, long vec, long vlen, long pos_l, long pos_h);
asmlinkage long sys_preadv2(long fd, long vec, long vlen, long pos_l, long pos_h, long flags);
asmlinkage long sys_pwritev2(long fd, long vec, long vlen, long pos_l, long pos_h, long flags);
asmlinkage long sys_truncate(long path, long length);
asmlinkage long sys_ftruncate(long fd, long length);
asmlinkage long sys_mmap(long addr, long len, long prot, long flags, long fd, long off);
asmlinkage long sys_fcntl(long fd, long cmd, long arg);

#endif /* _LEGO_COMPAT_H */
