// The i386 file-system calls whose structures differ from the 64-bit
// ones (-m32 -nostdlib, int $0x80): statfs and fstatfs (64-byte struct
// statfs), statfs64 and fstatfs64 (84 bytes, the size argument checked),
// getdents (32-bit d_ino and d_off, d_type in the last byte) against
// getdents64, readdir (one old_linux_dirent a call), the preadv family
// (the offset in two registers, 8-byte iovecs) and the 32-bit-time_t
// utime, utimes, futimesat and utimensat.
// lego-test: libc=none
// lego-test: arch=i386
// lego-test: cflags=-lgcc
#define LT_SUITE "compat_fs"
#include "lego_test.h"
#include "lego_i386.h"

#define NR_exit_group	252
#define NR_open		5
#define NR_close	6
#define NR_unlink	10
#define NR_lseek	19
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_readdir	89
#define NR_statfs	99
#define NR_fstatfs	100
#define NR_getdents	141
#define NR_stat64	195
#define NR_getdents64	220
#define NR_statfs64	268
#define NR_fstatfs64	269
#define NR_read		3
#define NR_write	4
#define NR_utime	30
#define NR_utimes	271
#define NR_futimesat	299
#define NR_utimensat	320
#define NR_preadv	333
#define NR_pwritev	334
#define NR_preadv2	378
#define NR_pwritev2	379
#define EOPNOTSUPP	95
#define O_RDWR		2
#define O_TRUNC		01000
#define SEEK_CUR	1
#define AT_FDCWD	(-100)
#define UTIME_OMIT	((1l << 30) - 2l)

#define ENOENT		2
#define EBADF		9
#define EFAULT		14
#define ENOTDIR		20
#define EINVAL		22
#define O_RDONLY	0
#define O_CREAT		0100
#define O_WRONLY	1
#define O_DIRECTORY	0200000
#define DT_DIR		4
#define DT_REG		8
#define ST_VALID	0x20
#define BAD		((void *)16)

/* i386 struct statfs: 64 bytes of 32-bit words. */
struct statfs32 {
	int f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	int f_namelen, f_frsize, f_flags, f_spare[4];
};
_Static_assert(sizeof(struct statfs32) == 64, "statfs32");

/* i386 struct statfs64: 84 bytes, 4-byte aligned. */
struct statfs64_32 {
	unsigned int f_type, f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned int f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct statfs64_32) == 84, "statfs64_32");

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
	unsigned int times[6];
	unsigned long long st_ino;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct stat64) == 96, "stat64");

static void fill(void *p, int n, unsigned char v)
{
	unsigned char *b = p;

	while (n--)
		*b++ = v;
}

static int all_bytes(const void *p, int n, unsigned char v)
{
	const unsigned char *b = p;

	while (n--)
		if (*b++ != v)
			return 0;
	return 1;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int slen(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

static void statfs_calls(void)
{
	unsigned char b32[72], b64[92];
	struct statfs32 *s = (struct statfs32 *)b32, f;
	struct statfs64_32 *s64 = (struct statfs64_32 *)b64;
	long fd = lt_syscall2(NR_open, "/", O_RDONLY | O_DIRECTORY);

	fill(b32, sizeof(b32), 0xa5);
	EXPECT_EQ("statfs", lt_syscall2(NR_statfs, "/", b32), 0);
	EXPECT_EQ("statfs/bsize", s->f_bsize, 4096);
	EXPECT_EQ("statfs/namelen", s->f_namelen, 255);
	EXPECT_EQ("statfs/frsize", s->f_frsize, 4096);
	EXPECT_TRUE("statfs/flags_valid", s->f_flags & ST_VALID);
	EXPECT_TRUE("statfs/spare_zero", all_bytes(s->f_spare, 16, 0));
	EXPECT_TRUE("statfs/64_bytes", all_bytes(b32 + 64, 8, 0xa5));
	fill(b64, sizeof(b64), 0xa5);
	EXPECT_EQ("statfs64", lt_syscall3(NR_statfs64, "/", 84, b64), 0);
	EXPECT_TRUE("statfs64/84_bytes", all_bytes(b64 + 84, 8, 0xa5));
	EXPECT_EQ("statfs64/type", s64->f_type, (unsigned int)s->f_type);
	EXPECT_EQ("statfs64/bsize", s64->f_bsize, 4096);
	EXPECT_EQ("statfs64/blocks", s64->f_blocks, (unsigned int)s->f_blocks);
	EXPECT_EQ("statfs64/files", s64->f_files, (unsigned int)s->f_files);
	EXPECT_EQ("statfs64/fsid", s64->f_fsid[0], s->f_fsid[0]);
	EXPECT_EQ("statfs64/fsid1", s64->f_fsid[1], s->f_fsid[1]);
	EXPECT_EQ("statfs64/namelen_at_56", s64->f_namelen, 255);
	EXPECT_EQ("statfs64/frsize", s64->f_frsize, 4096);
	EXPECT_EQ("statfs64/flags_at_64", s64->f_flags, (unsigned int)s->f_flags);
	EXPECT_TRUE("statfs64/spare_zero", all_bytes(s64->f_spare, 16, 0));
	EXPECT_TRUE("fstatfs/open", fd >= 0);
	EXPECT_EQ("fstatfs", lt_syscall2(NR_fstatfs, fd, &f), 0);
	EXPECT_TRUE("fstatfs/same", f.f_type == s->f_type && f.f_bsize == 4096 &&
		    f.f_fsid[0] == s->f_fsid[0] && f.f_namelen == 255 && f.f_flags == s->f_flags);
	fill(b64, sizeof(b64), 0);
	EXPECT_EQ("fstatfs64", lt_syscall3(NR_fstatfs64, fd, 84, b64), 0);
	EXPECT_TRUE("fstatfs64/same", s64->f_type == (unsigned int)s->f_type &&
		    s64->f_bsize == 4096 && s64->f_namelen == 255 &&
		    s64->f_flags == (unsigned int)s->f_flags);

	/* statfs64's size must be 84 on x86, checked before anything. */
	fill(b64, sizeof(b64), 0xa5);
	EXPECT_EQ("statfs64/size_88_einval", lt_syscall3(NR_statfs64, "/", 88, b64), -EINVAL);
	EXPECT_EQ("statfs64/size_83_einval", lt_syscall3(NR_statfs64, "/", 83, b64), -EINVAL);
	EXPECT_EQ("statfs64/size_0_einval", lt_syscall3(NR_statfs64, "/", 0, b64), -EINVAL);
	EXPECT_TRUE("statfs64/einval_untouched", all_bytes(b64, sizeof(b64), 0xa5));
	EXPECT_EQ("statfs64/size_before_path", lt_syscall3(NR_statfs64, BAD, 88, b64), -EINVAL);
	EXPECT_EQ("fstatfs64/size_before_fd", lt_syscall3(NR_fstatfs64, -1, 88, b64), -EINVAL);
	EXPECT_EQ("fstatfs64/ebadf", lt_syscall3(NR_fstatfs64, -1, 84, b64), -EBADF);
	EXPECT_EQ("statfs64/enoent", lt_syscall3(NR_statfs64, "/no/such", 84, b64), -ENOENT);
	EXPECT_EQ("statfs64/buf_efault", lt_syscall3(NR_statfs64, "/", 84, BAD), -EFAULT);
	EXPECT_EQ("statfs/path_efault", lt_syscall2(NR_statfs, BAD, b32), -EFAULT);
	EXPECT_EQ("statfs/buf_efault", lt_syscall2(NR_statfs, "/", BAD), -EFAULT);
	EXPECT_EQ("statfs/enoent", lt_syscall2(NR_statfs, "/no/such", b32), -ENOENT);
	EXPECT_EQ("fstatfs/ebadf", lt_syscall2(NR_fstatfs, 1000, b32), -EBADF);
	lt_syscall1(NR_close, fd);
}

/* i386 struct linux_dirent: d_ino, d_off (32 bits), d_reclen, name,
 * d_type in the last byte. */
struct dirent32 { unsigned int d_ino, d_off; unsigned short d_reclen; char d_name[]; };
struct dirent64 { unsigned long long d_ino; long long d_off; unsigned short d_reclen;
		  unsigned char d_type; char d_name[]; } __attribute__((packed));
struct old_dirent32 { unsigned int d_ino, d_offset; unsigned short d_namlen; char d_name[256]; };

static const char *const names[] = { ".", "..", "a", "bbbbbb", "c23456789" };
#define NNAMES 5

static int name_index(const char *n)
{
	int i;

	for (i = 0; i < NNAMES; i++)
		if (streq(n, names[i]))
			return i;
	return -1;
}

static void directories(void)
{
	static char buf[4096], buf64[4096];
	unsigned int ino[NNAMES], off[NNAMES], seen = 0, order[NNAMES];
	struct stat64 st;
	struct old_dirent32 od;
	int pos, n, n64, i, k, count = 0, ok = 1, reclen_ok = 1, type_ok = 1;
	long fd, file;
	char path[32];

	EXPECT_EQ("dir/mkdir", lt_syscall2(NR_mkdir, "/cfs", 0755), 0);
	for (i = 2; i < NNAMES; i++) {
		char *p = path;
		const char *q = "/cfs/";

		while (*q)
			*p++ = *q++;
		for (q = names[i]; *q;)
			*p++ = *q++;
		*p = 0;
		file = lt_syscall3(NR_open, path, O_CREAT | O_WRONLY, 0644);
		lt_syscall1(NR_close, file);
		lt_syscall2(NR_stat64, path, &st);
		ino[i] = st.st_ino;
	}
	lt_syscall2(NR_stat64, "/cfs", &st);
	ino[0] = st.st_ino;
	lt_syscall2(NR_stat64, "/", &st);
	ino[1] = st.st_ino;

	fd = lt_syscall2(NR_open, "/cfs", O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE("getdents/open", fd >= 0);
	n = lt_syscall3(NR_getdents, fd, buf, sizeof(buf));
	EXPECT_EQ("getdents/all_in_one", n, 16 + 16 + 16 + 20 + 24);
	for (pos = 0; pos < n && count < NNAMES; count++) {
		struct dirent32 *d = (struct dirent32 *)(buf + pos);
		int len = slen(d->d_name);

		k = name_index(d->d_name);
		if (k < 0 || (seen & (1u << k))) {
			ok = 0;
			break;
		}
		seen |= 1u << k;
		order[count] = k;
		off[count] = d->d_off;
		ok &= d->d_ino == ino[k];
		reclen_ok &= d->d_reclen == ((10 + len + 2 + 3) & ~3);
		type_ok &= buf[pos + d->d_reclen - 1] == (k < 2 ? DT_DIR : DT_REG);
		pos += d->d_reclen;
	}
	EXPECT_TRUE("getdents/names_and_inos", ok && seen == (1u << NNAMES) - 1);
	EXPECT_TRUE("getdents/reclen", reclen_ok);
	EXPECT_TRUE("getdents/d_type_last_byte", type_ok);
	EXPECT_EQ("getdents/end", lt_syscall3(NR_getdents, fd, buf, sizeof(buf)), 0);

	/* getdents64 lists the same, with the same offsets in 64 bits. */
	lt_syscall3(NR_lseek, fd, 0, 0);
	n64 = lt_syscall3(NR_getdents64, fd, buf64, sizeof(buf64));
	ok = n64 > 0;
	for (pos = 0, i = 0; ok && pos < n64 && i < NNAMES; i++) {
		struct dirent64 *d = (struct dirent64 *)(buf64 + pos);

		ok &= name_index(d->d_name) == (int)order[i] && d->d_ino == ino[order[i]] &&
		      (unsigned int)d->d_off == off[i];
		pos += d->d_reclen;
	}
	EXPECT_TRUE("getdents/agrees_with_getdents64", ok && i == NNAMES);

	/* d_off resumes after a record; a buffer too small for the first is
	 * EINVAL; a bad buffer EFAULT with the position kept. */
	lt_syscall3(NR_lseek, fd, off[0], 0);
	n = lt_syscall3(NR_getdents, fd, buf, sizeof(buf));
	EXPECT_EQ("getdents/resume_at_d_off", n > 0 ? name_index(((struct dirent32 *)buf)->d_name) : -1,
		  (int)order[1]);
	lt_syscall3(NR_lseek, fd, 0, 0);
	EXPECT_EQ("getdents/too_small_einval", lt_syscall3(NR_getdents, fd, buf, 15), -EINVAL);
	EXPECT_EQ("getdents/exactly_one", lt_syscall3(NR_getdents, fd, buf, 16), 16);
	lt_syscall3(NR_lseek, fd, 0, 0);
	EXPECT_EQ("getdents/efault", lt_syscall3(NR_getdents, fd, BAD, sizeof(buf)), -EFAULT);
	n = lt_syscall3(NR_getdents, fd, buf, sizeof(buf));
	EXPECT_EQ("getdents/efault_kept_position", n > 0 ? name_index(((struct dirent32 *)buf)->d_name)
		  : -1, (int)order[0]);
	EXPECT_EQ("getdents/ebadf", lt_syscall3(NR_getdents, 1000, buf, sizeof(buf)), -EBADF);

	/* readdir: one entry a call, d_offset its own position. */
	lt_syscall3(NR_lseek, fd, 0, 0);
	EXPECT_EQ("readdir/efault", lt_syscall3(NR_readdir, fd, BAD, 1), -EFAULT);
	ok = 1;
	for (i = 0; i < NNAMES; i++) {
		fill(&od, sizeof(od), 0xa5);
		if (lt_syscall3(NR_readdir, fd, &od, 0) != 1) {
			ok = 0;
			break;
		}
		k = order[i];
		ok &= od.d_namlen == slen(names[k]) && od.d_ino == ino[k] &&
		      od.d_offset == (i ? off[i - 1] : 0) &&
		      lt_memeq(od.d_name, names[k], od.d_namlen) && od.d_name[od.d_namlen] == 0 &&
		      (unsigned char)od.d_name[od.d_namlen + 1] == 0xa5;
	}
	EXPECT_TRUE("readdir/entries_in_order", ok);
	EXPECT_EQ("readdir/end", lt_syscall3(NR_readdir, fd, &od, 1), 0);
	file = lt_syscall2(NR_open, "/cfs/a", O_RDONLY);
	EXPECT_EQ("readdir/enotdir", lt_syscall3(NR_readdir, file, &od, 1), -ENOTDIR);
	EXPECT_EQ("getdents/enotdir", lt_syscall3(NR_getdents, file, buf, sizeof(buf)), -ENOTDIR);
	EXPECT_EQ("readdir/ebadf", lt_syscall3(NR_readdir, 1000, &od, 1), -EBADF);
	lt_syscall1(NR_close, file);
	lt_syscall1(NR_close, fd);
	for (i = 2; i < NNAMES; i++) {
		char *p = path;
		const char *q = "/cfs/";

		while (*q)
			*p++ = *q++;
		for (q = names[i]; *q;)
			*p++ = *q++;
		*p = 0;
		lt_syscall1(NR_unlink, path);
	}
	EXPECT_EQ("dir/rmdir", lt_syscall1(NR_rmdir, "/cfs"), 0);
}

struct iovec32 { void *base; unsigned int len; };

static void vector_io(void)
{
	struct iovec32 w[2] = { { (void *)"AB", 2 }, { (void *)"CD", 3 - 1 } }, r[2];
	char r1[3], r2[4], c[2];
	long fd = lt_syscall3(NR_open, "/cfs.data", O_RDWR | O_CREAT | O_TRUNC, 0644);

	EXPECT_EQ("pv/write", lt_syscall3(NR_write, fd, "0123456789", 10), 10);
	EXPECT_EQ("pv/lseek", lt_syscall3(NR_lseek, fd, 5, 0), 5);
	/* pwritev(fd, iov, 2, pos_low 2, pos_high 0) */
	EXPECT_EQ("pwritev", lt_syscall5(NR_pwritev, fd, w, 2, 2, 0), 4);
	EXPECT_EQ("pwritev/position_kept", lt_syscall3(NR_lseek, fd, 0, SEEK_CUR), 5);
	r[0].base = r1; r[0].len = 3;
	r[1].base = r2; r[1].len = 4;
	EXPECT_EQ("preadv", lt_syscall5(NR_preadv, fd, r, 2, 1, 0), 7);
	EXPECT_TRUE("preadv/data", lt_memeq(r1, "1AB", 3) && lt_memeq(r2, "CD67", 4));
	EXPECT_EQ("preadv/position_kept", lt_syscall3(NR_lseek, fd, 0, SEEK_CUR), 5);
	EXPECT_EQ("preadv/high_half_4g", lt_syscall5(NR_preadv, fd, r, 2, 0, 1), 0);
	EXPECT_EQ("preadv/negative_einval", lt_syscall5(NR_preadv, fd, r, 2, 0, 0x80000000), -EINVAL);
	EXPECT_EQ("preadv/minus_one_einval", lt_syscall5(NR_preadv, fd, r, 2, -1, -1), -EINVAL);
	EXPECT_EQ("pwritev/negative_einval", lt_syscall5(NR_pwritev, fd, w, 2, 0, 0xffffffff),
		  -EINVAL);
	EXPECT_EQ("preadv/iov_efault", lt_syscall5(NR_preadv, fd, BAD, 2, 0, 0), -EFAULT);
	/* preadv2/pwritev2: -1 is the file position, which then moves. */
	lt_syscall3(NR_lseek, fd, 8, 0);
	r[0].base = c; r[0].len = 2;
	EXPECT_EQ("preadv2/file_position", lt_syscall6(NR_preadv2, fd, r, 1, -1, -1, 0), 2);
	EXPECT_TRUE("preadv2/file_position_data", lt_memeq(c, "89", 2));
	EXPECT_EQ("preadv2/position_moved", lt_syscall3(NR_lseek, fd, 0, SEEK_CUR), 10);
	EXPECT_EQ("preadv2/at_offset", lt_syscall6(NR_preadv2, fd, r, 1, 4, 0, 0), 2);
	EXPECT_TRUE("preadv2/at_offset_data", lt_memeq(c, "CD", 2));
	EXPECT_EQ("pwritev2/file_position", lt_syscall6(NR_pwritev2, fd, w, 1, -1, -1, 0), 2);
	EXPECT_EQ("pwritev2/position_moved", lt_syscall3(NR_lseek, fd, 0, SEEK_CUR), 12);
	EXPECT_EQ("pwritev2/at_offset", lt_syscall6(NR_pwritev2, fd, w + 1, 1, 0, 0, 0), 2);
	EXPECT_EQ("preadv2/check", lt_syscall6(NR_preadv2, fd, r, 1, 0, 0, 0), 2);
	EXPECT_TRUE("pwritev2/at_offset_data", lt_memeq(c, "CD", 2));
	EXPECT_EQ("preadv2/bad_flags", lt_syscall6(NR_preadv2, fd, r, 1, 0, 0, 0x80000000),
		  -EOPNOTSUPP);
	EXPECT_EQ("preadv2/negative_einval", lt_syscall6(NR_preadv2, fd, r, 1, -2, -1, 0),
		  -EINVAL);
	lt_syscall1(NR_close, fd);
}

static void times(void)
{
	static const char p[] = "/cfs.data";
	struct stat64 st;
	int u[2] = { 1000, 2000 }, tv[4] = { 3000, 5, 4000, 999999 };
	int ts[4] = { 5000, 7, 6000, UTIME_OMIT };

	EXPECT_EQ("utime", lt_syscall2(NR_utime, p, u), 0);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_TRUE("utime/set", st.times[0] == 1000 && st.times[1] == 0 &&
		    st.times[2] == 2000 && st.times[3] == 0);
	EXPECT_EQ("utimes", lt_syscall2(NR_utimes, p, tv), 0);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_TRUE("utimes/set", st.times[0] == 3000 && st.times[1] == 5000 &&
		    st.times[2] == 4000 && st.times[3] == 999999000);
	tv[1] = 1000000;
	EXPECT_EQ("utimes/usec_einval", lt_syscall2(NR_utimes, p, tv), -EINVAL);
	tv[1] = -1;
	EXPECT_EQ("utimes/negative_usec_einval", lt_syscall2(NR_utimes, p, tv), -EINVAL);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_EQ("utimes/einval_unchanged", st.times[0], 3000);
	tv[0] = 7000;
	tv[1] = 1;
	EXPECT_EQ("futimesat", lt_syscall3(NR_futimesat, AT_FDCWD, p, tv), 0);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_TRUE("futimesat/set", st.times[0] == 7000 && st.times[1] == 1000);
	EXPECT_EQ("futimesat/efault", lt_syscall3(NR_futimesat, AT_FDCWD, p, BAD), -EFAULT);
	EXPECT_EQ("utimensat", lt_syscall4(NR_utimensat, AT_FDCWD, p, ts, 0), 0);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_TRUE("utimensat/set_and_omit", st.times[0] == 5000 && st.times[1] == 7 &&
		    st.times[2] == 4000 && st.times[3] == 999999000);
	ts[1] = 1000000000;
	EXPECT_EQ("utimensat/nsec_einval", lt_syscall4(NR_utimensat, AT_FDCWD, p, ts, 0), -EINVAL);
	ts[1] = 0;
	EXPECT_EQ("utimensat/flags_einval", lt_syscall4(NR_utimensat, AT_FDCWD, p, ts, 2), -EINVAL);
	EXPECT_EQ("utimensat/efault", lt_syscall4(NR_utimensat, AT_FDCWD, p, BAD, 0), -EFAULT);
	EXPECT_EQ("utime/efault", lt_syscall2(NR_utime, p, BAD), -EFAULT);
	EXPECT_EQ("utime/enoent", lt_syscall2(NR_utime, "/no/such", u), -ENOENT);
	EXPECT_EQ("utime/now", lt_syscall2(NR_utime, p, 0), 0);
	lt_syscall2(NR_stat64, p, &st);
	EXPECT_TRUE("utime/now_set", st.times[2] > 6000);
	lt_syscall1(NR_unlink, p);
}

void start_c(void)
{
	statfs_calls();
	directories();
	vector_io();
	times();
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
