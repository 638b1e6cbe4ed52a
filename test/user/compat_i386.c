// A 32-bit (i386) static program, -nostdlib, under IA32 emulation: the
// initial state execve gives it (compat-mode CS, DS/ES/SS __USER_DS, FS
// and GS null, the i386 psABI stack with 4-byte words, "i686"), a hello
// world, file I/O through the calls whose structures or arguments differ
// from the 64-bit ones (lseek's signed offset, _llseek, pread64's split
// offset, writev/readv's 8-byte iovecs, stat64/fstat64/lstat64), fork,
// waitpid and wait4 with the 72-byte rusage, execve with 4-byte pointer
// arrays, rlimits, the 32-bit time calls, mmap2, and the registers int
// $0x80 keeps.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: args=first second
// lego-test: smp=1,2
#define LT_SUITE "compat_i386"
#include "lego_test.h"

#define NR_exit		1
#define NR_fork		2
#define NR_read		3
#define NR_write	4
#define NR_open		5
#define NR_close	6
#define NR_waitpid	7
#define NR_execve	11
#define NR_unlink	10
#define NR_time		13
#define NR_lseek	19
#define NR_getpid	20
#define NR_getrlimit	76
#define NR_gettimeofday	78
#define NR_munmap	91
#define NR_wait4	114
#define NR_llseek	140
#define NR_readv	145
#define NR_writev	146
#define NR_pread64	180
#define NR_ugetrlimit	191
#define NR_mmap2	192
#define NR_stat64	195
#define NR_lstat64	196
#define NR_fstat64	197
#define NR_exit_group	252
#define NR_clock_gettime 265
#define NR_prlimit64	340
#define NR_clock_gettime64 403

#define O_RDWR		2
#define O_CREAT		0100
#define O_TRUNC		01000
#define SEEK_SET	0
#define SEEK_END	2
#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20
#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define ENOSYS		38
#define EFAULT		14
#define EINVAL		22

#define AT_NULL		0
#define AT_PHENT	4
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_PLATFORM	15
#define AT_EXECFN	31

/* i386 struct stat64 (asm/stat.h): 96 bytes, 4-byte aligned. */
struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned int __st_ino;
	unsigned int st_mode, st_nlink, st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned int st_blksize;
	unsigned long long st_blocks;
	unsigned int st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned int st_ctime, st_ctime_nsec;
	unsigned long long st_ino;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct stat64) == 96, "stat64");

struct iovec32 { void *base; unsigned int len; };
struct rlimit32 { unsigned int cur, max; };
struct rlimit64 { unsigned long long cur, max; };

unsigned short start_segs[6];		/* cs ss ds es fs gs */
void _start(void);
void start_c(long *sp) __attribute__((noreturn, used));
asm(".text\n"
    ".globl _start\n"
    "_start:\n"
    "	movw %cs, start_segs\n"
    "	movw %ss, start_segs+2\n"
    "	movw %ds, start_segs+4\n"
    "	movw %es, start_segs+6\n"
    "	movw %fs, start_segs+8\n"
    "	movw %gs, start_segs+10\n"
    "	movl %esp, %eax\n"
    "	andl $-16, %esp\n"
    "	subl $12, %esp\n"
    "	pushl %eax\n"
    "	call start_c\n"
    "	hlt\n");

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static const char path[] = "/compat_i386.data";
static char buf[64];

static void initial_state(long *sp, int argc, char **argv, char **envp)
{
	unsigned long *aux;
	unsigned long at[64] = { 0 };

	EXPECT_EQ("start/cs", start_segs[0], 0x23);
	EXPECT_EQ("start/ss", start_segs[1], 0x2b);
	EXPECT_EQ("start/ds", start_segs[2], 0x2b);
	EXPECT_EQ("start/es", start_segs[3], 0x2b);
	EXPECT_EQ("start/fs", start_segs[4], 0);
	EXPECT_EQ("start/gs", start_segs[5], 0);
	EXPECT_EQ("start/esp_aligned", (unsigned long)sp & 15, 0);
	EXPECT_EQ("start/argc", argc, 3);
	EXPECT_TRUE("start/argv0", streq(argv[0], "/compat_i386"));
	EXPECT_TRUE("start/argv1", streq(argv[1], "first"));
	EXPECT_TRUE("start/argv2", streq(argv[2], "second"));
	EXPECT_EQ("start/argv_null", (long)argv[3], 0);
	while (*envp)
		envp++;
	for (aux = (unsigned long *)envp + 1; aux[0] != AT_NULL; aux += 2)
		if (aux[0] < 64)
			at[aux[0]] = aux[1];
	EXPECT_EQ("auxv/phent", at[AT_PHENT], 32);
	EXPECT_EQ("auxv/pagesz", at[AT_PAGESZ], 4096);
	EXPECT_EQ("auxv/entry", at[AT_ENTRY], (unsigned long)_start);
	EXPECT_TRUE("auxv/platform", at[AT_PLATFORM] && streq((char *)at[AT_PLATFORM], "i686"));
	EXPECT_TRUE("auxv/execfn", at[AT_EXECFN] && streq((char *)at[AT_EXECFN], "/compat_i386"));
}

#define NR_fcntl	55
#define NR_fcntl64	221
#define F_GETFL		3
#define F_GETLK		5
#define F_SETLK		6
#define F_GETLK64	12
#define F_SETLK64	13
#define F_RDLCK		0
#define F_WRLCK		1
#define F_UNLCK		2

struct flock32 { short type, whence; int start, len, pid; };
struct flock64_32 { short type, whence; long long start, len; int pid; }
	__attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct flock32) == 16, "flock32");
_Static_assert(sizeof(struct flock64_32) == 24, "flock64_32");

/* fcntl64's lock commands with the i386 structures: a lock set here is
 * seen from a child, through both layouts. */
static void file_locks(long fd)
{
	struct flock64_32 w = { F_WRLCK, SEEK_SET, 2, 3, 0 }, q64;
	struct flock32 q;
	int status = -1;
	long pid, me = lt_syscall0(NR_getpid);

	EXPECT_EQ("lock/fcntl64_getfl", lt_syscall3(NR_fcntl64, fd, F_GETFL, 0) & 3, O_RDWR);
	EXPECT_EQ("lock/setlk64", lt_syscall3(NR_fcntl64, fd, F_SETLK64, &w), 0);
	pid = lt_syscall0(NR_fork);
	if (pid == 0) {
		int ok;

		q64 = (struct flock64_32){ F_RDLCK, SEEK_SET, 0, 0, 0 };
		q = (struct flock32){ F_RDLCK, SEEK_SET, 4, 10, 0 };
		ok = lt_syscall3(NR_fcntl64, fd, F_GETLK64, &q64) == 0 &&
		     q64.type == F_WRLCK && q64.start == 2 && q64.len == 3 && q64.pid == me;
		ok &= lt_syscall3(NR_fcntl, fd, F_GETLK, &q) == 0 &&
		      q.type == F_WRLCK && q.start == 2 && q.len == 3 && q.pid == me;
		lt_syscall1(NR_exit, ok ? 0 : 1);
	}
	lt_syscall3(NR_waitpid, pid, &status, 0);
	EXPECT_EQ("lock/child_sees_lock", status, 0);
	w.type = F_UNLCK;
	EXPECT_EQ("lock/unlock", lt_syscall3(NR_fcntl64, fd, F_SETLK64, &w), 0);
}

static void file_io(void)
{
	static const char data[] = "0123456789";
	struct iovec32 iov[2] = { { (void *)"ab", 2 }, { (void *)"cde", 3 } };
	struct iovec32 riov[2];
	char r1[3], r2[4];
	struct stat64 st, st2;
	long long pos = -1;
	long fd;

	fd = lt_syscall3(NR_open, path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE("file/open", fd >= 0);
	EXPECT_EQ("file/write", lt_syscall3(NR_write, fd, data, 10), 10);
	/* lseek's off_t is a signed 32-bit value: -4 from the end. */
	EXPECT_EQ("file/lseek_negative", lt_syscall3(NR_lseek, fd, -4, SEEK_END), 6);
	EXPECT_EQ("file/read", lt_syscall3(NR_read, fd, buf, 8), 4);
	EXPECT_TRUE("file/read_data", lt_memeq(buf, "6789", 4));
	EXPECT_EQ("file/llseek", lt_syscall5(NR_llseek, fd, 0, 2, &pos, SEEK_SET), 0);
	EXPECT_EQ("file/llseek_result", pos, 2);
	EXPECT_EQ("file/llseek_high_half", lt_syscall5(NR_llseek, fd, 1, 0, &pos, SEEK_SET), 0);
	EXPECT_EQ("file/llseek_high_result", pos, 1LL << 32);
	EXPECT_EQ("file/lseek_end", lt_syscall3(NR_lseek, fd, 0, SEEK_END), 10);
	EXPECT_EQ("file/writev", lt_syscall3(NR_writev, fd, iov, 2), 5);
	EXPECT_EQ("file/lseek_set", lt_syscall3(NR_lseek, fd, 8, SEEK_SET), 8);
	riov[0].base = r1; riov[0].len = 3;
	riov[1].base = r2; riov[1].len = 4;
	EXPECT_EQ("file/readv", lt_syscall3(NR_readv, fd, riov, 2), 7);
	EXPECT_TRUE("file/readv_data", lt_memeq(r1, "89a", 3) && lt_memeq(r2, "bcde", 4));
	/* pread64(fd, buf, count, offset low, offset high) */
	EXPECT_EQ("file/pread64", lt_syscall5(NR_pread64, fd, buf, 3, 1, 0), 3);
	EXPECT_TRUE("file/pread64_data", lt_memeq(buf, "123", 3));
	EXPECT_EQ("file/pread64_4g", lt_syscall5(NR_pread64, fd, buf, 3, 0, 1), 0);
	EXPECT_EQ("file/fstat64", lt_syscall2(NR_fstat64, fd, &st), 0);
	EXPECT_EQ("file/fstat64_size", st.st_size, 15);
	EXPECT_EQ("file/fstat64_mode", st.st_mode, 0100644);
	EXPECT_EQ("file/fstat64_ino", st.__st_ino, (unsigned int)st.st_ino);
	EXPECT_EQ("file/stat64", lt_syscall2(NR_stat64, path, &st2), 0);
	EXPECT_EQ("file/stat64_same_ino", st2.st_ino, st.st_ino);
	EXPECT_EQ("file/lstat64", lt_syscall2(NR_lstat64, path, &st2), 0);
	EXPECT_EQ("file/lstat64_size", st2.st_size, 15);
	EXPECT_EQ("file/fstat64_efault", lt_syscall2(NR_fstat64, fd, 0), -EFAULT);
	file_locks(fd);
	EXPECT_EQ("file/close", lt_syscall1(NR_close, fd), 0);
	EXPECT_EQ("file/unlink", lt_syscall1(NR_unlink, path), 0);
}

static void processes(void)
{
	static char a0[] = "/compat_i386", a1[] = "exec", a2[] = "x y";
	static char *argv[] = { a0, a1, a2, 0 };
	static char e0[] = "K=V";
	static char *envp[] = { e0, 0 };
	unsigned char ru[80];
	int status = -1, i, untouched = 1;
	long pid;

	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		lt_syscall1(NR_exit, 42);
	EXPECT_TRUE("fork", pid > 0);
	EXPECT_EQ("waitpid", lt_syscall3(NR_waitpid, pid, &status, 0), pid);
	EXPECT_EQ("waitpid_status", status, 42 << 8);

	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		lt_syscall1(NR_exit, 3);
	for (i = 0; i < 80; i++)
		ru[i] = 0xa5;
	EXPECT_EQ("wait4", lt_syscall4(NR_wait4, pid, &status, 0, ru), pid);
	EXPECT_EQ("wait4_status", status, 3 << 8);
	/* struct rusage is 72 bytes on i386: nothing written past them. */
	for (i = 72; i < 80; i++)
		untouched &= ru[i] == 0xa5;
	EXPECT_TRUE("wait4_rusage_72_bytes", untouched);
	EXPECT_TRUE("wait4_rusage_usec", *(unsigned int *)(ru + 4) < 1000000);

	/* execve with 4-byte argv and envp pointers. */
	pid = lt_syscall0(NR_fork);
	if (pid == 0)
		lt_syscall1(NR_exit, 100 + lt_syscall3(NR_execve, a0, argv, envp));
	EXPECT_EQ("execve_wait", lt_syscall3(NR_waitpid, pid, &status, 0), pid);
	EXPECT_EQ("execve_status", status, 7 << 8);
}

/* The program again, exec'ed by processes(): exit 7 if it got its
 * arguments and environment. */
static void exec_child(int argc, char **argv, char **envp)
{
	int ok = argc == 3 && streq(argv[1], "exec") && streq(argv[2], "x y") &&
		 envp[0] && streq(envp[0], "K=V") && !envp[1];

	lt_syscall1(NR_exit_group, ok ? 7 : 1);
}

static void limits_and_time(void)
{
	struct rlimit32 r32;
	struct rlimit64 r64;
	unsigned int tv[2], ts[2], t;
	long long ts64[2];

	EXPECT_EQ("ugetrlimit", lt_syscall2(NR_ugetrlimit, RLIMIT_NOFILE, &r32), 0);
	EXPECT_EQ("prlimit64", lt_syscall4(NR_prlimit64, 0, RLIMIT_NOFILE, 0, &r64), 0);
	EXPECT_EQ("ugetrlimit_cur", r32.cur, r64.cur);
	EXPECT_EQ("ugetrlimit_max", r32.max, r64.max);
	/* RLIMIT_STACK's hard limit is infinity: ~0 in 32 bits, 0x7fffffff
	 * for the old getrlimit. */
	EXPECT_EQ("ugetrlimit_infinity", lt_syscall2(NR_ugetrlimit, RLIMIT_STACK, &r32), 0);
	EXPECT_EQ("ugetrlimit_infinity_max", r32.max, 0xffffffffU);
	EXPECT_EQ("getrlimit_old_infinity", lt_syscall2(NR_getrlimit, RLIMIT_STACK, &r32), 0);
	EXPECT_EQ("getrlimit_old_infinity_max", r32.max, 0x7fffffffU);

	t = lt_syscall1(NR_time, 0);
	EXPECT_EQ("gettimeofday", lt_syscall2(NR_gettimeofday, tv, 0), 0);
	EXPECT_TRUE("gettimeofday_usec", tv[1] < 1000000);
	EXPECT_TRUE("time_vs_gettimeofday", tv[0] - t <= 2);
	EXPECT_EQ("clock_gettime32", lt_syscall2(NR_clock_gettime, 0, ts), 0);
	EXPECT_EQ("clock_gettime64", lt_syscall2(NR_clock_gettime64, 0, ts64), 0);
	EXPECT_TRUE("clock_gettime32_nsec", ts[1] < 1000000000);
	EXPECT_TRUE("clock_gettime_agree", ts64[0] - ts[0] <= 2);
}

static void memory(void)
{
	/* An address, not -errno (a 32-bit one may look negative). */
	unsigned long a = lt_syscall6(NR_mmap2, 0, 8192, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ok = a && a < -4095UL && !(a & 4095) && a + 8192 <= 0xffffe000UL;

	EXPECT_TRUE("mmap2", ok);
	if (ok) {
		((volatile char *)a)[8191] = 1;
		EXPECT_EQ("munmap", lt_syscall2(NR_munmap, a, 8192), 0);
	}
}

/* struct user_desc (asm/ldt.h) */
struct user_desc {
	unsigned int entry_number, base_addr, limit;
	unsigned int seg_32bit:1, contents:2, read_exec_only:1, limit_in_pages:1,
		     seg_not_present:1, useable:1, lm:1;
};
#define NR_sched_yield		158
#define NR_set_thread_area	243
#define NR_get_thread_area	244
#define ESRCH			3

static unsigned int tls_block[4] = { 0xcafe0001, 0xcafe0002, 0xcafe0003, 0xcafe0004 };

static unsigned int gs_word(unsigned int off)
{
	unsigned int v;

	asm volatile("movl %%gs:(%1), %0" : "=r"(v) : "r"(off));
	return v;
}

/*
 * set_thread_area/get_thread_area: entry -1 takes the first free TLS
 * entry (12, selector 0x63) and says so; GS loaded with it reads the
 * block, across fork and context switches; bad entries and descriptors
 * are EINVAL and change nothing.
 */
static void tls(void)
{
	struct user_desc u = { .entry_number = -1, .base_addr = (unsigned int)tls_block,
			       .limit = 0xfffff, .seg_32bit = 1, .limit_in_pages = 1,
			       .useable = 1 };
	struct user_desc g = { 0 }, bad;
	unsigned short gs;
	int status = -1, i, ok = 1;
	long pid;

	EXPECT_EQ("tls/set", lt_syscall1(NR_set_thread_area, &u), 0);
	EXPECT_EQ("tls/set_entry_12", u.entry_number, 12);
	g.entry_number = 12;
	EXPECT_EQ("tls/get", lt_syscall1(NR_get_thread_area, &g), 0);
	EXPECT_TRUE("tls/get_same", g.base_addr == u.base_addr && g.limit == 0xfffff &&
		    g.seg_32bit && g.limit_in_pages && g.useable && !g.read_exec_only &&
		    !g.seg_not_present && g.contents == 0);
	asm volatile("movw %w0, %%gs" : : "r"(0x63));
	asm volatile("movw %%gs, %w0" : "=r"(gs));
	EXPECT_EQ("tls/gs_selector", gs, 0x63);
	EXPECT_EQ("tls/gs_reads_block", gs_word(4), 0xcafe0002);

	/* Entry 13 is next; entries outside 12-14 and 16-bit or code
	 * segments are refused. */
	u.entry_number = -1;
	EXPECT_EQ("tls/second_free", lt_syscall1(NR_set_thread_area, &u), 0);
	EXPECT_EQ("tls/second_entry_13", u.entry_number, 13);
	bad = u;
	bad.entry_number = 11;
	EXPECT_EQ("tls/entry_11_einval", lt_syscall1(NR_set_thread_area, &bad), -EINVAL);
	bad.entry_number = 15;
	EXPECT_EQ("tls/entry_15_einval", lt_syscall1(NR_set_thread_area, &bad), -EINVAL);
	bad.entry_number = 14;
	bad.seg_32bit = 0;
	EXPECT_EQ("tls/16bit_einval", lt_syscall1(NR_set_thread_area, &bad), -EINVAL);
	bad.seg_32bit = 1;
	bad.contents = 2;
	EXPECT_EQ("tls/code_einval", lt_syscall1(NR_set_thread_area, &bad), -EINVAL);
	g.entry_number = 14;
	EXPECT_EQ("tls/get_14", lt_syscall1(NR_get_thread_area, &g), 0);
	EXPECT_TRUE("tls/14_still_empty", g.base_addr == 0 && g.seg_not_present &&
		    g.read_exec_only);
	g.entry_number = 11;
	EXPECT_EQ("tls/get_11_einval", lt_syscall1(NR_get_thread_area, &g), -EINVAL);
	EXPECT_EQ("tls/set_efault", lt_syscall1(NR_set_thread_area, 0), -EFAULT);

	/* The child has the same GS and entry; switches keep them. */
	pid = lt_syscall0(NR_fork);
	if (pid == 0) {
		for (i = 0; i < 50; i++) {
			lt_syscall0(NR_sched_yield);
			if (gs_word(0) != 0xcafe0001)
				lt_syscall1(NR_exit, 1);
		}
		lt_syscall1(NR_exit, 0);
	}
	for (i = 0; i < 50; i++) {
		lt_syscall0(NR_sched_yield);
		ok &= gs_word(8) == 0xcafe0003;
	}
	EXPECT_TRUE("tls/kept_across_switches", ok);
	lt_syscall3(NR_waitpid, pid, &status, 0);
	EXPECT_EQ("tls/child_kept_gs", status, 0);
	asm volatile("movw %w0, %%gs" : : "r"(0));
}

/* ------------------------------------------------------------ signals */
#define NR_kill		37
#define NR_rt_sigaction	174
#define SIGUSR1		10
#define SIGUSR2		12
#define SA_SIGINFO	4
#define SA_RESTORER	0x04000000

struct ksigaction32 { void *handler; unsigned int flags; void *restorer; unsigned int mask[2]; };
struct siginfo32 { int signo, errno_, code, pid; unsigned int uid; };

void restore_rt(void), restore_old(void);
asm(".text\n"
    "restore_rt:\n	movl $173, %eax\n	int $0x80\n"
    "restore_old:\n	popl %eax\n	movl $119, %eax\n	int $0x80\n");

static volatile int h_sig, h_signo, h_code, h_pid, h_old_sig;
static volatile unsigned int h_edx, h_eax, h_eip;
unsigned int sig_regs[7];		/* ebx ecx edx esi edi ebp eax after */
extern char kill_ret[];

static void rt_handler(int sig, struct siginfo32 *info, unsigned char *uc)
{
	h_sig = sig;
	h_signo = info->signo;
	h_code = info->code;
	h_pid = info->pid;
	h_edx = *(unsigned int *)(uc + 20 + 36);
	h_eax = *(unsigned int *)(uc + 20 + 44);
	h_eip = *(unsigned int *)(uc + 20 + 56);
	*(unsigned int *)(uc + 20 + 16) = 0x01020304;	/* edi, after sigreturn */
}

static void old_handler(int sig)
{
	h_old_sig = sig;
}

/* kill(getpid(), sig) with every other register chosen; the registers
 * after the return land in sig_regs. */
static void kill_with_regs(int pid, int sig)
{
	sig_regs[0] = pid;
	sig_regs[1] = sig;
	asm volatile("pushal\n\t"
		     "movl sig_regs, %%ebx\n\t"
		     "movl sig_regs+4, %%ecx\n\t"
		     "movl $0x12345678, %%edx\n\t"
		     "movl $0x5555aaaa, %%esi\n\t"
		     "movl $0x6666bbbb, %%edi\n\t"
		     "movl $0x7777cccc, %%ebp\n\t"
		     "movl $37, %%eax\n\t"
		     "int $0x80\n"
		     ".globl kill_ret\n"
		     "kill_ret:\n\t"
		     "movl %%ebx, sig_regs\n\t"
		     "movl %%ecx, sig_regs+4\n\t"
		     "movl %%edx, sig_regs+8\n\t"
		     "movl %%esi, sig_regs+12\n\t"
		     "movl %%edi, sig_regs+16\n\t"
		     "movl %%ebp, sig_regs+20\n\t"
		     "movl %%eax, sig_regs+24\n\t"
		     "popal" : : : "memory", "cc");
}

#define NR_sigaltstack	186
#define SA_ONSTACK	0x08000000
struct stack32 { void *sp; int flags; unsigned int size; };
static char altstack[16384] __attribute__((aligned(16)));
static volatile unsigned long h_alt_sp;

static void alt_handler(int sig)
{
	volatile int here;

	h_alt_sp = (unsigned long)&here;
}

static void signals(void)
{
	struct ksigaction32 sa = { (void *)rt_handler, SA_SIGINFO | SA_RESTORER,
				   (void *)restore_rt, { 0, 0 } }, old;
	long pid = lt_syscall0(NR_getpid);

	EXPECT_EQ("signal/rt_sigaction", lt_syscall4(NR_rt_sigaction, SIGUSR1, &sa, 0, 8), 0);
	EXPECT_EQ("signal/rt_sigaction_old", lt_syscall4(NR_rt_sigaction, SIGUSR1, 0, &old, 8), 0);
	EXPECT_TRUE("signal/rt_sigaction_old_same", old.handler == (void *)rt_handler &&
		    old.flags == (SA_SIGINFO | SA_RESTORER) && old.restorer == (void *)restore_rt);
	EXPECT_EQ("signal/rt_sigaction_bad_size", lt_syscall4(NR_rt_sigaction, SIGUSR1, &sa, 0, 4),
		  -EINVAL);
	kill_with_regs(pid, SIGUSR1);
	EXPECT_EQ("signal/rt_sig", h_sig, SIGUSR1);
	EXPECT_EQ("signal/rt_si_signo", h_signo, SIGUSR1);
	EXPECT_EQ("signal/rt_si_code_user", h_code, 0);
	EXPECT_EQ("signal/rt_si_pid", h_pid, pid);
	EXPECT_EQ("signal/rt_uc_edx", h_edx, 0x12345678);
	EXPECT_EQ("signal/rt_uc_eax_result", h_eax, 0);
	EXPECT_EQ("signal/rt_uc_eip", h_eip, (unsigned long)kill_ret);
	EXPECT_EQ("signal/rt_eax_after", sig_regs[6], 0);
	EXPECT_TRUE("signal/rt_regs_restored", sig_regs[0] == pid && sig_regs[1] == SIGUSR1 &&
		    sig_regs[2] == 0x12345678 && sig_regs[3] == 0x5555aaaa &&
		    sig_regs[5] == 0x7777cccc);
	EXPECT_EQ("signal/rt_uc_change_seen", sig_regs[4], 0x01020304);

	sa.handler = (void *)old_handler;
	sa.flags = SA_RESTORER;
	sa.restorer = (void *)restore_old;
	EXPECT_EQ("signal/sigaction_old_frame", lt_syscall4(NR_rt_sigaction, SIGUSR2, &sa, 0, 8), 0);
	kill_with_regs(pid, SIGUSR2);
	EXPECT_EQ("signal/old_sig", h_old_sig, SIGUSR2);
	{
		struct stack32 ss = { altstack, 0, sizeof(altstack) }, oss = { 0, 0, 0 };

		EXPECT_EQ("signal/sigaltstack", lt_syscall2(NR_sigaltstack, &ss, 0), 0);
		EXPECT_EQ("signal/sigaltstack_get", lt_syscall2(NR_sigaltstack, 0, &oss), 0);
		EXPECT_TRUE("signal/sigaltstack_same", oss.sp == altstack &&
			    oss.size == sizeof(altstack) && oss.flags == 0);
		sa.handler = (void *)alt_handler;
		sa.flags = SA_RESTORER | SA_ONSTACK;
		lt_syscall4(NR_rt_sigaction, SIGUSR2, &sa, 0, 8);
		lt_syscall2(NR_kill, pid, SIGUSR2);
		EXPECT_TRUE("signal/ran_on_altstack", h_alt_sp > (unsigned long)altstack &&
			    h_alt_sp < (unsigned long)altstack + sizeof(altstack));
		ss.flags = 2;	/* SS_DISABLE */
		EXPECT_EQ("signal/sigaltstack_disable", lt_syscall2(NR_sigaltstack, &ss, 0), 0);
	}
	EXPECT_TRUE("signal/old_regs_restored", sig_regs[0] == pid && sig_regs[1] == SIGUSR2 &&
		    sig_regs[2] == 0x12345678 && sig_regs[3] == 0x5555aaaa &&
		    sig_regs[4] == 0x6666bbbb && sig_regs[5] == 0x7777cccc && sig_regs[6] == 0);
}

/* int $0x80 keeps every register but eax. */
unsigned int in_regs[6] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444,
			    0x55555555, 0x66666666 };
unsigned int regs_out[7];

static void registers(void)
{
	int i, ok = 1;

	asm volatile("pushal\n\t"
		     "movl $20, %%eax\n\t"		/* getpid */
		     "movl in_regs+0, %%ebx\n\t"
		     "movl in_regs+4, %%ecx\n\t"
		     "movl in_regs+8, %%edx\n\t"
		     "movl in_regs+12, %%esi\n\t"
		     "movl in_regs+16, %%edi\n\t"
		     "movl in_regs+20, %%ebp\n\t"
		     "int $0x80\n\t"
		     "movl %%ebx, regs_out+0\n\t"
		     "movl %%ecx, regs_out+4\n\t"
		     "movl %%edx, regs_out+8\n\t"
		     "movl %%esi, regs_out+12\n\t"
		     "movl %%edi, regs_out+16\n\t"
		     "movl %%ebp, regs_out+20\n\t"
		     "movl %%eax, regs_out+24\n\t"
		     "popal"
		     : : : "memory", "cc");
	EXPECT_EQ("regs/eax_is_result", regs_out[6], lt_syscall0(NR_getpid));
	for (i = 0; i < 6; i++)
		ok &= regs_out[i] == in_regs[i];
	EXPECT_TRUE("regs/others_kept", ok);
}

void start_c(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	static const char hello[] = "hello from a 32-bit program\n";

	if (argc > 1 && streq(argv[1], "exec"))
		exec_child(argc, argv, envp);
	initial_state(sp, argc, argv, envp);
	EXPECT_EQ("hello", lt_syscall3(NR_write, 1, hello, sizeof(hello) - 1),
		  sizeof(hello) - 1);
	file_io();
	processes();
	limits_and_time();
	memory();
	registers();
	tls();
	signals();
	EXPECT_EQ("enosys_past_table", lt_syscall0(1000), -ENOSYS);
	EXPECT_EQ("enosys_unused_222", lt_syscall0(222), -ENOSYS);
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
