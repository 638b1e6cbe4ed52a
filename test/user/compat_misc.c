// The i386 forms of miscellaneous calls whose structures hold longs or
// which take 32-bit bitmaps (-m32 -nostdlib, int $0x80): sysinfo (the
// 64-byte struct, mem_unit), times (16-byte struct tms, the 32-bit
// clock_t result), getitimer and setitimer (16-byte itimerval with
// signed 32-bit seconds), sched_getaffinity and sched_setaffinity
// (compat_ulong_t bitmaps: len a multiple of 4, whole words read), the
// old stat, lstat and fstat (64-byte struct stat, EOVERFLOW), olduname
// and oldolduname, ppoll and pselect6 with their time32 and time64
// forms (old_timespec32, the 8-byte i386 sigset argpack).  Each checks the bytes past the i386 structure
// are left alone and EFAULT/EINVAL as Linux.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
#define LT_SUITE "compat_misc"
#include "lego_test.h"
#include "lego_i386.h"

#define NR_open		5
#define NR_close		6
#define NR_unlink		10
#define NR_mkdir		39
#define NR_pipe			42
#define NR_times		43
#define NR_oldolduname		59
#define NR_symlink		83
#define NR_setitimer		104
#define NR_getitimer		105
#define NR_stat		106
#define NR_lstat		107
#define NR_fstat		108
#define NR_olduname		109
#define NR_sysinfo		116
#define NR_uname		122
#define NR_nanosleep		162
#define NR_munmap		91
#define NR_mmap2		192
#define NR_ftruncate64		194
#define NR_stat64		195
#define NR_lstat64		196
#define NR_fstat64		197
#define NR_sched_setaffinity	241
#define NR_sched_getaffinity	242
#define NR_exit_group		252
#define NR_pselect6		308
#define NR_ppoll		309
#define NR_pselect6_time64	413
#define NR_ppoll_time64		414

#define EFAULT		14
#define ENOENT		2
#define ESRCH		3
#define EBADF		9
#define EOVERFLOW	75
#define O_WRONLY	1
#define O_CREAT		0100
#define O_LARGEFILE	0100000
#define EINVAL		22
#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define BAD		((void *)16)

struct tv32 { int sec, usec; };
struct itv32 { struct tv32 interval, value; };
struct ts32 { int sec, nsec; };

static void fill(void *p, int n)
{
	unsigned char *c = p;

	while (n--)
		*c++ = 0xaa;
}

static int untouched(const void *p, int from, int to)
{
	const unsigned char *c = p;

	for (; from < to; from++)
		if (c[from] != 0xaa)
			return 0;
	return 1;
}

/* i386 struct sysinfo: 32-bit longs, 64 bytes, mem_unit at 52. */
struct sysinfo32 {
	int uptime;
	unsigned int loads[3];
	unsigned int totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned int totalhigh, freehigh, mem_unit;
	char f[8];
};
_Static_assert(sizeof(struct sysinfo32) == 64, "sysinfo32");

static void sysinfos(void)
{
	union { struct sysinfo32 s; unsigned char b[80]; } u;
	int i, zero = 1;

	fill(&u, sizeof(u));
	EXPECT_EQ("sysinfo", lt_syscall1(NR_sysinfo, &u), 0);
	EXPECT_TRUE("sysinfo/guard", untouched(&u, 64, 80));
	/* Under 4 GiB of RAM the sizes are in bytes (mem_unit 1). */
	EXPECT_EQ("sysinfo/mem_unit", u.s.mem_unit, 1);
	EXPECT_TRUE("sysinfo/totalram", u.s.totalram >= 16u << 20);
	EXPECT_TRUE("sysinfo/freeram", u.s.freeram > 0 && u.s.freeram <= u.s.totalram);
	EXPECT_TRUE("sysinfo/uptime", u.s.uptime >= 1 && u.s.uptime < 100000);
	EXPECT_TRUE("sysinfo/procs", u.s.procs >= 1 && u.s.procs < 1000);
	EXPECT_EQ("sysinfo/pad", u.s.pad, 0);
	for (i = 0; i < 8; i++)
		zero &= u.s.f[i] == 0;
	EXPECT_TRUE("sysinfo/f_zeroed", zero);
	EXPECT_EQ("sysinfo/efault", lt_syscall1(NR_sysinfo, BAD), -EFAULT);
}

static void times32(void)
{
	struct ts32 req = { 0, 30000000 };
	int t[5];
	long r1, r2, r3;

	fill(t, sizeof(t));
	r1 = lt_syscall1(NR_times, t);
	EXPECT_TRUE("times/result", r1 >= 0);
	EXPECT_TRUE("times/guard", untouched(t, 16, 20));
	EXPECT_TRUE("times/utime", t[0] >= 0 && t[0] < 1000);
	EXPECT_TRUE("times/stime", t[1] >= 0 && t[1] < 1000);
	EXPECT_EQ("times/cutime", t[2], 0);
	EXPECT_EQ("times/cstime", t[3], 0);
	lt_syscall2(NR_nanosleep, &req, 0);
	/* NULL only asks for the ticks (USER_HZ 100: 30 ms is 3). */
	r2 = lt_syscall1(NR_times, 0);
	EXPECT_TRUE("times/null_ticks", r2 - r1 >= 2 && r2 - r1 < 100);
	r3 = lt_syscall1(NR_times, BAD);
	EXPECT_EQ("times/efault", r3, -EFAULT);
}

static void itimers(void)
{
	struct itv32 v = { { 0, 0 }, { 100, 0 } };
	union { struct itv32 v; unsigned char b[24]; } g, o;

	EXPECT_EQ("setitimer", lt_syscall3(NR_setitimer, ITIMER_REAL, &v, 0), 0);
	fill(&g, sizeof(g));
	EXPECT_EQ("getitimer", lt_syscall2(NR_getitimer, ITIMER_REAL, &g), 0);
	EXPECT_TRUE("getitimer/guard", untouched(&g, 16, 24));
	EXPECT_TRUE("getitimer/value", g.v.value.sec == 99 || (g.v.value.sec == 100 && !g.v.value.usec));
	EXPECT_TRUE("getitimer/usec", g.v.value.usec >= 0 && g.v.value.usec < 1000000);
	EXPECT_EQ("getitimer/interval", g.v.interval.sec | g.v.interval.usec, 0);

	v = (struct itv32){ { 1, 500000 }, { 50, 0 } };
	fill(&o, sizeof(o));
	EXPECT_EQ("setitimer/old", lt_syscall3(NR_setitimer, ITIMER_REAL, &v, &o), 0);
	EXPECT_TRUE("setitimer/old_guard", untouched(&o, 16, 24));
	EXPECT_TRUE("setitimer/old_value", o.v.value.sec == 99 || o.v.value.sec == 100);
	lt_syscall2(NR_getitimer, ITIMER_REAL, &g);
	EXPECT_EQ("getitimer/interval_sec", g.v.interval.sec, 1);
	EXPECT_EQ("getitimer/interval_usec", g.v.interval.usec, 500000);
	EXPECT_TRUE("getitimer/value50", g.v.value.sec == 49 || g.v.value.sec == 50);

	/* The seconds are signed: 0xffffffff is -1, EINVAL, nothing changed. */
	v = (struct itv32){ { 0, 0 }, { -1, 0 } };
	EXPECT_EQ("setitimer/negative", lt_syscall3(NR_setitimer, ITIMER_REAL, &v, &o), -EINVAL);
	v = (struct itv32){ { 0, 1000000 }, { 1, 0 } };
	EXPECT_EQ("setitimer/usec_einval", lt_syscall3(NR_setitimer, ITIMER_REAL, &v, 0), -EINVAL);
	EXPECT_EQ("setitimer/which", lt_syscall3(NR_setitimer, 3, &v, 0), -EINVAL);
	EXPECT_EQ("getitimer/which", lt_syscall2(NR_getitimer, 3, &g), -EINVAL);
	EXPECT_EQ("setitimer/efault", lt_syscall3(NR_setitimer, ITIMER_REAL, BAD, 0), -EFAULT);
	EXPECT_EQ("getitimer/efault", lt_syscall2(NR_getitimer, ITIMER_REAL, BAD), -EFAULT);
	lt_syscall2(NR_getitimer, ITIMER_REAL, &g);
	EXPECT_TRUE("setitimer/unchanged", g.v.interval.sec == 1 && g.v.value.sec >= 49);

	v = (struct itv32){ { 0, 0 }, { 10, 0 } };
	EXPECT_EQ("setitimer/virtual", lt_syscall3(NR_setitimer, ITIMER_VIRTUAL, &v, 0), 0);
	lt_syscall2(NR_getitimer, ITIMER_VIRTUAL, &g);
	/* Linux rounds a CPU-time timer up to its tick (10.004 s at HZ 250). */
	EXPECT_TRUE("getitimer/virtual", g.v.value.sec * 1000000LL + g.v.value.usec > 9000000 &&
		    g.v.value.sec * 1000000LL + g.v.value.usec <= 10010000);

	/* Disarming reports the old value with its interval. */
	v = (struct itv32){ { 0, 0 }, { 0, 0 } };
	EXPECT_EQ("setitimer/disarm", lt_syscall3(NR_setitimer, ITIMER_REAL, &v, &o), 0);
	EXPECT_EQ("setitimer/disarm_old_interval", o.v.interval.usec, 500000);
	lt_syscall2(NR_getitimer, ITIMER_REAL, &g);
	EXPECT_EQ("getitimer/disarmed", g.v.value.sec | g.v.value.usec, 0);
	lt_syscall3(NR_setitimer, ITIMER_VIRTUAL, &v, 0);
}

/* A page whose next page is unmapped, for reads that cross its end. */
static unsigned char *edge_page(void)
{
	long p = lt_syscall6(NR_mmap2, 0, 8192, 3, 0x22, -1, 0);

	lt_syscall2(NR_munmap, p + 4096, 4096);
	return (unsigned char *)p;
}

static void affinity(void)
{
	unsigned char m[16], *edge = edge_page();
	unsigned int one = 1, none = 0;

	fill(m, sizeof(m));
	/* A 4-byte mask is enough for an i386 caller (8 for a 64-bit one). */
	EXPECT_EQ("getaffinity/len4", lt_syscall3(NR_sched_getaffinity, 0, 4, m), 4);
	EXPECT_EQ("getaffinity/cpu0", m[0] & 1, 1);
	EXPECT_TRUE("getaffinity/guard", untouched(m, 4, 16));
	EXPECT_EQ("getaffinity/len8", lt_syscall3(NR_sched_getaffinity, 0, 8, m), 8);
	/* The result is the kernel's mask size when len is larger. */
	EXPECT_EQ("getaffinity/len12", lt_syscall3(NR_sched_getaffinity, 0, 12, m), 8);
	EXPECT_EQ("getaffinity/len6", lt_syscall3(NR_sched_getaffinity, 0, 6, m), -EINVAL);
	EXPECT_EQ("getaffinity/len2", lt_syscall3(NR_sched_getaffinity, 0, 2, m), -EINVAL);
	EXPECT_EQ("getaffinity/len0", lt_syscall3(NR_sched_getaffinity, 0, 0, m), -EINVAL);
	EXPECT_EQ("getaffinity/efault", lt_syscall3(NR_sched_getaffinity, 0, 4, BAD), -EFAULT);
	EXPECT_EQ("getaffinity/esrch", lt_syscall3(NR_sched_getaffinity, 99999, 4, m), -ESRCH);

	EXPECT_EQ("setaffinity/len4", lt_syscall3(NR_sched_setaffinity, 0, 4, &one), 0);
	fill(m, sizeof(m));
	lt_syscall3(NR_sched_getaffinity, 0, 8, m);
	EXPECT_TRUE("setaffinity/mask", m[0] == 1 && !m[1] && !m[2] && !m[3]);
	EXPECT_EQ("setaffinity/empty", lt_syscall3(NR_sched_setaffinity, 0, 4, &none), -EINVAL);
	EXPECT_EQ("setaffinity/efault", lt_syscall3(NR_sched_setaffinity, 0, 4, BAD), -EFAULT);
	/* Whole 32-bit words are read: 3 bytes before an unmapped page
	 * fault, 4 bytes there are one word too many too. */
	edge[4093] = 1;
	EXPECT_EQ("setaffinity/len3_word", lt_syscall3(NR_sched_setaffinity, 0, 3, edge + 4093), -EFAULT);
	edge[4092] = 1;
	EXPECT_EQ("setaffinity/len4_edge", lt_syscall3(NR_sched_setaffinity, 0, 4, edge + 4092), 0);
	m[0] = 0xff;
	EXPECT_EQ("setaffinity/len1", lt_syscall3(NR_sched_setaffinity, 0, 1, m), 0);
}

/* i386 struct stat (asm/stat.h) and struct stat64. */
struct stat32 {
	unsigned int dev, ino;
	unsigned short mode, nlink, uid, gid;
	unsigned int rdev, size, blksize, blocks;
	unsigned int atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
	unsigned int unused4, unused5;
};
_Static_assert(sizeof(struct stat32) == 64, "stat32");
struct stat64_32 {
	unsigned long long dev;
	unsigned char pad0[4];
	unsigned int ino32, mode, nlink, uid, gid;
	unsigned long long rdev;
	unsigned char pad3[4];
	long long size;
	unsigned int blksize;
	unsigned long long blocks;
	unsigned int atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
	unsigned long long ino;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct stat64_32) == 96, "stat64_32");

/* Every field of the old stat against stat64's, and the guard after it. */
static void same_stat(const char *name, const unsigned char *b, const struct stat64_32 *l)
{
	const struct stat32 *s = (const void *)b;

	EXPECT_TRUE(lt_cat(name, "guard"), untouched(b, 64, 80));
	EXPECT_TRUE(lt_cat(name, "ids"), s->dev == l->dev && s->ino == l->ino && s->mode == l->mode &&
		    s->nlink == l->nlink && s->uid == l->uid && s->gid == l->gid && s->rdev == l->rdev);
	EXPECT_TRUE(lt_cat(name, "sizes"), s->size == l->size && s->blksize == l->blksize &&
		    s->blocks == l->blocks);
	EXPECT_TRUE(lt_cat(name, "times"), s->atime == l->atime && s->atime_nsec == l->atime_nsec &&
		    s->mtime == l->mtime && s->mtime_nsec == l->mtime_nsec &&
		    s->ctime == l->ctime && s->ctime_nsec == l->ctime_nsec);
	EXPECT_EQ(lt_cat(name, "unused"), s->unused4 | s->unused5, 0);
}

static void stats(void)
{
	unsigned char b[80];
	struct stat64_32 l;
	long fd;

	lt_syscall2(NR_mkdir, "/cm", 0755);
	/* O_LARGEFILE: Linux's i386 ftruncate64 refuses 2 GiB without it. */
	fd = lt_syscall3(NR_open, "/cm/f", O_CREAT | O_WRONLY | O_LARGEFILE, 0640);
	EXPECT_TRUE("stat/open", fd >= 0);
	lt_syscall3(4, fd, "hello", 5);
	lt_syscall2(NR_symlink, "f", "/cm/l");

	fill(b, sizeof(b));
	EXPECT_EQ("stat", lt_syscall2(NR_stat, "/cm/l", b), 0);
	lt_syscall2(NR_stat64, "/cm/l", &l);
	same_stat("stat", b, &l);
	EXPECT_EQ("stat/size", ((struct stat32 *)b)->size, 5);
	EXPECT_EQ("stat/mode", ((struct stat32 *)b)->mode, 0100640);

	fill(b, sizeof(b));
	EXPECT_EQ("lstat", lt_syscall2(NR_lstat, "/cm/l", b), 0);
	lt_syscall2(NR_lstat64, "/cm/l", &l);
	same_stat("lstat", b, &l);
	EXPECT_EQ("lstat/mode", ((struct stat32 *)b)->mode & 0170000, 0120000);

	fill(b, sizeof(b));
	EXPECT_EQ("fstat", lt_syscall2(NR_fstat, fd, b), 0);
	lt_syscall2(NR_fstat64, fd, &l);
	same_stat("fstat", b, &l);

	fill(b, sizeof(b));
	EXPECT_EQ("fstat/dir", lt_syscall2(NR_stat, "/cm", b), 0);
	lt_syscall2(NR_stat64, "/cm", &l);
	same_stat("fstat/dir", b, &l);

	EXPECT_EQ("stat/enoent", lt_syscall2(NR_stat, "/cm/none", b), -ENOENT);
	EXPECT_EQ("stat/efault", lt_syscall2(NR_stat, "/cm/f", BAD), -EFAULT);
	EXPECT_EQ("stat/name_efault", lt_syscall2(NR_stat, BAD, b), -EFAULT);
	EXPECT_EQ("lstat/efault", lt_syscall2(NR_lstat, "/cm/l", BAD), -EFAULT);
	EXPECT_EQ("fstat/efault", lt_syscall2(NR_fstat, fd, BAD), -EFAULT);
	EXPECT_EQ("fstat/ebadf", lt_syscall2(NR_fstat, 999, b), -EBADF);

	/* A size past 2^31 - 1 does not fit: EOVERFLOW, nothing written. */
	EXPECT_EQ("stat/truncate_2g", lt_syscall3(NR_ftruncate64, fd, 0x80000000u, 0), 0);
	fill(b, sizeof(b));
	EXPECT_EQ("stat/eoverflow", lt_syscall2(NR_stat, "/cm/f", b), -EOVERFLOW);
	EXPECT_EQ("fstat/eoverflow", lt_syscall2(NR_fstat, fd, b), -EOVERFLOW);
	EXPECT_TRUE("stat/eoverflow_untouched", untouched(b, 0, 80));
	lt_syscall3(NR_ftruncate64, fd, 0x7fffffff, 0);
	EXPECT_EQ("stat/max_size", lt_syscall2(NR_fstat, fd, b), 0);
	EXPECT_EQ("stat/max_size_value", ((struct stat32 *)b)->size, 0x7fffffff);
	lt_syscall1(NR_close, fd);
	lt_syscall1(NR_unlink, "/cm/l");
	lt_syscall1(NR_unlink, "/cm/f");
}

/* old_utsname: new_utsname's first five 65-byte names; oldold_utsname
 * five 9-byte ones, each 8 bytes and a NUL. */
static void unames(void)
{
	unsigned char n[390], o[340], oo[60];
	int i, ok = 1;

	EXPECT_EQ("uname", lt_syscall1(NR_uname, n), 0);
	fill(o, sizeof(o));
	EXPECT_EQ("olduname", lt_syscall1(NR_olduname, o), 0);
	EXPECT_TRUE("olduname/names", lt_memeq(o, n, 325));
	EXPECT_TRUE("olduname/guard", untouched(o, 325, 340));
	EXPECT_EQ("olduname/null", lt_syscall1(NR_olduname, 0), -EFAULT);
	EXPECT_EQ("olduname/efault", lt_syscall1(NR_olduname, BAD), -EFAULT);

	fill(oo, sizeof(oo));
	EXPECT_EQ("oldolduname", lt_syscall1(NR_oldolduname, oo), 0);
	for (i = 0; i < 5; i++)
		ok &= lt_memeq(oo + 9 * i, n + 65 * i, 8) && oo[9 * i + 8] == 0;
	EXPECT_TRUE("oldolduname/names", ok);
	EXPECT_TRUE("oldolduname/sysname", lt_memeq(oo, "Linux\0\0\0\0", 9));
	EXPECT_TRUE("oldolduname/guard", untouched(oo, 45, 60));
	EXPECT_EQ("oldolduname/null", lt_syscall1(NR_oldolduname, 0), -EFAULT);
	EXPECT_EQ("oldolduname/efault", lt_syscall1(NR_oldolduname, BAD), -EFAULT);
}

struct pollfd32 { int fd; short events, revents; };
struct ts64 { long long sec, nsec; };
#define POLLIN 1

static void polls(void)
{
	unsigned char *edge = edge_page();
	union { struct ts32 t; unsigned char b[16]; } t;
	union { struct ts64 t; unsigned char b[24]; } t64;
	unsigned int set[2], mask[2] = { 0, 0 }, pack[2] = { (unsigned int)mask, 8 };
	int p[2];
	struct pollfd32 pfd;

	lt_syscall1(NR_pipe, p);
	pfd = (struct pollfd32){ p[0], POLLIN, 0 };
	/* Nothing to read: the 20 ms run out, and the time left is 0. */
	fill(&t, sizeof(t));
	t.t = (struct ts32){ 0, 20000000 };
	EXPECT_EQ("ppoll/timeout", lt_syscall5(NR_ppoll, &pfd, 1, &t, mask, 8), 0);
	EXPECT_TRUE("ppoll/timeout_left", t.t.sec == 0 && t.t.nsec == 0 && untouched(&t, 8, 16));
	lt_syscall3(4, p[1], "x", 1);
	t.t = (struct ts32){ 5, 0 };
	EXPECT_EQ("ppoll/ready", lt_syscall5(NR_ppoll, &pfd, 1, &t, 0, 0), 1);
	EXPECT_EQ("ppoll/revents", pfd.revents, POLLIN);
	EXPECT_TRUE("ppoll/left", (t.t.sec == 4 || t.t.sec == 5) && t.t.nsec >= 0 &&
		    t.t.nsec < 1000000000 && untouched(&t, 8, 16));
	t.t = (struct ts32){ -1, 0 };
	EXPECT_EQ("ppoll/negative", lt_syscall5(NR_ppoll, &pfd, 1, &t, 0, 0), -EINVAL);
	t.t = (struct ts32){ 0, 1000000000 };
	EXPECT_EQ("ppoll/nsec", lt_syscall5(NR_ppoll, &pfd, 1, &t, 0, 0), -EINVAL);
	EXPECT_EQ("ppoll/ts_efault", lt_syscall5(NR_ppoll, &pfd, 1, BAD, 0, 0), -EFAULT);
	t.t = (struct ts32){ 1, 0 };
	EXPECT_EQ("ppoll/sigsetsize", lt_syscall5(NR_ppoll, &pfd, 1, &t, mask, 4), -EINVAL);
	/* An 8-byte old_timespec32 at a page's end is enough. */
	*(struct ts32 *)(edge + 4088) = (struct ts32){ 1, 0 };
	EXPECT_EQ("ppoll/ts_edge", lt_syscall5(NR_ppoll, &pfd, 1, edge + 4088, 0, 0), 1);
	fill(&t64, sizeof(t64));
	t64.t = (struct ts64){ 3, 0 };
	EXPECT_EQ("ppoll_time64", lt_syscall5(NR_ppoll_time64, &pfd, 1, &t64, mask, 8), 1);
	EXPECT_TRUE("ppoll_time64/left", (t64.t.sec == 2 || t64.t.sec == 3) && untouched(&t64, 16, 24));

	/* pselect6: a 4-byte fd_set, a guard word after it. */
	set[0] = 1u << p[0];
	set[1] = 0xaaaaaaaa;
	fill(&t, sizeof(t));
	t.t = (struct ts32){ 5, 0 };
	EXPECT_EQ("pselect6/ready", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, pack), 1);
	EXPECT_TRUE("pselect6/set", set[0] == 1u << p[0] && set[1] == 0xaaaaaaaa);
	EXPECT_TRUE("pselect6/left", (t.t.sec == 4 || t.t.sec == 5) && untouched(&t, 8, 16));
	/* The argpack is two 32-bit words: 8 bytes at a page's end do. */
	((unsigned int *)(edge + 4088))[0] = (unsigned int)mask;
	((unsigned int *)(edge + 4088))[1] = 8;
	t.t = (struct ts32){ 1, 0 };
	EXPECT_EQ("pselect6/pack_edge", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, edge + 4088), 1);
	pack[1] = 4;
	EXPECT_EQ("pselect6/sigsetsize", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, pack), -EINVAL);
	pack[1] = 8;
	EXPECT_EQ("pselect6/pack_efault", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, BAD), -EFAULT);
	t.t = (struct ts32){ -1, 0 };
	EXPECT_EQ("pselect6/negative", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, pack), -EINVAL);
	/* The argpack is read before the timeout. */
	EXPECT_EQ("pselect6/pack_first", lt_syscall6(NR_pselect6, p[0] + 1, set, 0, 0, &t, BAD), -EFAULT);
	set[0] = 1u << p[1];
	t.t = (struct ts32){ 0, 10000000 };
	EXPECT_EQ("pselect6/timeout", lt_syscall6(NR_pselect6, p[1] + 1, set, 0, 0, &t, 0), 0);
	EXPECT_TRUE("pselect6/timeout_set", set[0] == 0 && set[1] == 0xaaaaaaaa && !t.t.sec && !t.t.nsec);

	set[0] = 1u << p[0];
	fill(&t64, sizeof(t64));
	t64.t = (struct ts64){ 3, 0 };
	EXPECT_EQ("pselect6_time64", lt_syscall6(NR_pselect6_time64, p[0] + 1, set, 0, 0, &t64, edge + 4088), 1);
	EXPECT_TRUE("pselect6_time64/left", (t64.t.sec == 2 || t64.t.sec == 3) && untouched(&t64, 16, 24));
	t64.t = (struct ts64){ 0, 1000000000 };
	EXPECT_EQ("pselect6_time64/nsec", lt_syscall6(NR_pselect6_time64, p[0] + 1, set, 0, 0, &t64, 0), -EINVAL);
	lt_syscall1(NR_close, p[0]);
	lt_syscall1(NR_close, p[1]);
}

void start_c(void)
{
	sysinfos();
	times32();
	itimers();
	affinity();
	stats();
	unames();
	polls();
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
