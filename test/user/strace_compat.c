// The kernel strace on 32-bit syscalls: an i386 -nostdlib program's
// int $0x80 calls are printed by their i386 numbers and names (getuid32,
// _llseek, stat64), decoded by the description of the handler the i386
// table names, a 64-bit one (write, open) or a compat one (lseek's signed
// 32-bit offset, _llseek, stat64's buffer); byte for byte against
// strace_compat.expected.  Then, with tracing off, the 32-bit statistics
// in /proc/lego/syscalls and the 32-bit names in /proc/lego/strace.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
// lego-test: linux=no
// lego-test: kernel=strace=all strace.stats
// lego-test: console-once=[ Process PID=1 runs in 32 bit mode. ]
#define LT_SUITE "strace_compat"
#include "lego_test.h"

#define NR_read		3
#define NR_write	4
#define NR_open		5
#define NR_close	6
#define NR_lseek	19
#define NR_llseek	140
#define NR_stat64	195
#define NR_getuid32	199
#define ENOENT		2
#define EINVAL		22
#define ENOSYS		38

static char buf[16384];

static int has(const char *hay, const char *needle)
{
	const char *h, *n;

	for (; *hay; hay++) {
		for (h = hay, n = needle; *n && *h == *n; h++, n++)
			;
		if (!*n)
			return 1;
	}
	return 0;
}

static long slurp(const char *path)
{
	long fd = lt_syscall2(NR_open, path, 0), n = 0, r;

	if (fd < 0)
		return fd;
	while ((r = lt_syscall3(NR_read, fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	lt_syscall1(NR_close, fd);
	buf[n] = 0;
	return n;
}

static long ctl(const char *word)
{
	long fd = lt_syscall2(NR_open, "/proc/lego/strace", 1), r;

	if (fd < 0)
		return fd;
	r = lt_syscall3(NR_write, fd, word, lt_strlen(word));
	lt_syscall1(NR_close, fd);
	return r;
}

int main(void)
{
	unsigned long long pos = 0;
	unsigned int st[24];
	long fd, r[12];
	int i;

	/* The traced part: results are checked after tracing is off, so
	 * that the transcript holds only these calls. */
	r[0] = lt_syscall3(NR_write, 1, "hello\n", 6);
	r[1] = lt_syscall2(NR_open, "/nope", 0);
	fd = lt_syscall2(NR_open, "/strace_compat", 0);
	r[2] = lt_syscall3(NR_lseek, fd, -1, 0);
	r[3] = lt_syscall5(NR_llseek, fd, 0, 4, &pos, 0);
	r[4] = lt_syscall3(NR_read, fd, buf, 4);
	r[5] = lt_syscall2(NR_stat64, "/dev/null", st);
	for (i = 0; i < 3; i++)
		r[6 + i] = lt_syscall0(NR_getuid32);
	r[9] = lt_syscall6(1000, 1, 2, 3, 4, 5, 6);
	r[10] = lt_syscall1(NR_close, fd);
	r[11] = ctl("off");

	EXPECT_EQ("write", r[0], 6);
	EXPECT_EQ("open-enoent", r[1], -ENOENT);
	EXPECT_EQ("open", fd, 3);
	EXPECT_EQ("lseek-einval", r[2], -EINVAL);
	EXPECT_EQ("llseek", r[3], 0);
	EXPECT_EQ("llseek-pos", pos, 4);
	EXPECT_EQ("read", r[4], 4);
	EXPECT_EQ("stat64", r[5], 0);
	EXPECT_EQ("stat64-mode", st[4], 020666);
	EXPECT_EQ("getuid32", r[6], 0);
	EXPECT_EQ("unknown-enosys", r[9], -ENOSYS);
	EXPECT_EQ("close", r[10], 0);
	EXPECT_EQ("ctl-off", r[11], 3);

	/* Statistics: a 32-bit section, by i386 name, system-wide and for
	 * this process; the 64-bit section stays (empty). */
	EXPECT_TRUE("stats-read", slurp("/proc/lego/syscalls") > 0);
	EXPECT_TRUE("stats-64", has(buf, "system-wide:\n"));
	EXPECT_TRUE("stats-32", has(buf, "system-wide, 32-bit:\n"));
	EXPECT_TRUE("stats-pid-32", has(buf, "pid 1 (strace_compat), 32-bit:\n"));
	EXPECT_TRUE("stats-getuid32", has(buf, "         3          0 "));
	EXPECT_TRUE("stats-getuid32-name", has(buf, "  getuid32\n"));
	EXPECT_TRUE("stats-llseek", has(buf, "  _llseek\n"));
	EXPECT_TRUE("stats-no-64bit-getuid", !has(buf, "  getuid\n"));

	/* Names of either table; each shown once; a name of neither (or
	 * what a hole prints as) is EINVAL and changes nothing. */
	EXPECT_EQ("ctl-names", ctl("syscalls=getuid32,arch_prctl,read"), 33);
	slurp("/proc/lego/strace");
	EXPECT_TRUE("ctl-show", has(buf, "syscalls: read,arch_prctl,getuid32\n"));
	EXPECT_EQ("ctl-bad", ctl("syscalls=getuid32,nonesuch"), -EINVAL);
	EXPECT_EQ("ctl-hole", ctl("syscalls=?"), -EINVAL);
	slurp("/proc/lego/strace");
	EXPECT_TRUE("ctl-unchanged", has(buf, "syscalls: read,arch_prctl,getuid32\n"));
	return lt_done();
}

void _start(void);
void start_c(void) __attribute__((noreturn, used));
void start_c(void)
{
	lt_syscall1(252, main());		/* exit_group */
	for (;;)
		;
}
asm(".text\n.globl _start\n_start:\n	andl $-16, %esp\n	call start_c\n	hlt\n");
