// Directory operations: mkdir(at), rmdir, unlink(at), link(at),
// symlink(at), readlink(at), rename(at/at2) with RENAME_NOREPLACE and
// RENAME_EXCHANGE, getdents64 and getdents, each with its errors and
// link counts; a listing that goes on while its entries are removed.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vfs_dir"
#include "lego_test.h"
#include "vfs_util.h"
#include <dirent.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	1
#define RENAME_EXCHANGE		2
#define RENAME_WHITEOUT		4
#endif

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static long nlink(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -errno : (long)st.st_nlink;
}

static long ino(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -errno : (long)st.st_ino;
}

static void test_mkdir_rmdir(void)
{
	struct stat st;
	long parent = nlink(".");

	umask(022);
	EXPECT_EQ("mkdir", sys2(mkdir, "d", 0777), 0);
	EXPECT_EQ("mkdir/mode_umask", stat("d", &st) ? -1 : (long)(st.st_mode & 07777), 0755);
	EXPECT_TRUE("mkdir/is_dir", S_ISDIR(st.st_mode));
	EXPECT_EQ("mkdir/nlink_2", nlink("d"), 2);
	EXPECT_EQ("mkdir/parent_nlink", nlink("."), parent + 1);
	EXPECT_EQ("mkdir/exists", sys2(mkdir, "d", 0777), -EEXIST);
	EXPECT_EQ("mkdir/trailing_slash", sys2(mkdir, "e/", 0700), 0);
	EXPECT_EQ("mkdir/sticky_kept", stat("e", &st) ? -1 : (long)(st.st_mode & 07777), 0700);
	EXPECT_EQ("mkdir/missing_parent", sys2(mkdir, "nope/x", 0777), -ENOENT);
	EXPECT_EQ("mkdir/empty", sys2(mkdir, "", 0777), -ENOENT);
	EXPECT_EQ("mkdir/root", sys2(mkdir, "/", 0777), -EEXIST);
	EXPECT_EQ("mkdir/dot", sys2(mkdir, ".", 0777), -EEXIST);
	EXPECT_EQ("mkdir/dotdot", sys2(mkdir, "d/..", 0777), -EEXIST);
	EXPECT_EQ("mkdir/efault", sys2(mkdir, BADPTR, 0777), -EFAULT);
	put_file("f", "x");
	EXPECT_EQ("mkdir/parent_is_file", sys2(mkdir, "f/x", 0777), -ENOTDIR);
	EXPECT_EQ("mkdir/over_file", sys2(mkdir, "f", 0777), -EEXIST);
	EXPECT_EQ("mkdirat/dirfd", sys3(mkdirat, open("d", O_RDONLY | O_DIRECTORY), "sub", 0777), 0);
	EXPECT_EQ("mkdirat/made", stat("d/sub", &st), 0);
	EXPECT_EQ("mkdirat/bad_dirfd", sys3(mkdirat, 999, "x", 0777), -EBADF);
	EXPECT_EQ("mkdirat/file_dirfd", sys3(mkdirat, open("f", O_RDONLY), "x", 0777), -ENOTDIR);
	EXPECT_EQ("mkdirat/absolute_ignores_dirfd", sys3(mkdirat, 999, "/tmp/vfs_dir/abs", 0777), 0);

	EXPECT_EQ("rmdir/not_empty", sys1(rmdir, "d"), -ENOTEMPTY);
	EXPECT_EQ("rmdir/file", sys1(rmdir, "f"), -ENOTDIR);
	EXPECT_EQ("rmdir/missing", sys1(rmdir, "nope"), -ENOENT);
	EXPECT_EQ("rmdir/dot", sys1(rmdir, "d/."), -EINVAL);
	EXPECT_EQ("rmdir/dotdot", sys1(rmdir, "d/sub/.."), -ENOTEMPTY);
	EXPECT_EQ("rmdir/root", sys1(rmdir, "/"), -EBUSY);
	EXPECT_EQ("rmdir/sub", sys1(rmdir, "d/sub/"), 0);
	EXPECT_EQ("rmdir/gone", stat("d/sub", &st), -1);
	EXPECT_EQ("rmdir", sys1(rmdir, "d"), 0);
	EXPECT_EQ("rmdir/e", sys1(rmdir, "e"), 0);
	EXPECT_EQ("rmdir/abs", sys1(rmdir, "abs"), 0);
	EXPECT_EQ("rmdir/parent_nlink", nlink("."), parent);
	EXPECT_EQ("unlinkat/removedir", sys3(unlinkat, AT_FDCWD, "d", AT_REMOVEDIR), -ENOENT);
	EXPECT_EQ("unlinkat/bad_flag", sys3(unlinkat, AT_FDCWD, "f", 0x100), -EINVAL);
	EXPECT_EQ("unlinkat/removedir_file", sys3(unlinkat, AT_FDCWD, "f", AT_REMOVEDIR), -ENOTDIR);
	mkdir("d2", 0777);
	EXPECT_EQ("unlinkat/removedir_ok", sys3(unlinkat, AT_FDCWD, "d2", AT_REMOVEDIR), 0);
}

static void test_unlink_link(void)
{
	char buf[16];
	struct stat st;
	int fd;

	put_file("a", "data");
	EXPECT_EQ("link", sys2(link, "a", "b"), 0);
	EXPECT_EQ("link/nlink", nlink("a"), 2);
	EXPECT_EQ("link/same_inode", ino("a"), ino("b"));
	EXPECT_EQ("link/exists", sys2(link, "a", "b"), -EEXIST);
	EXPECT_EQ("link/missing", sys2(link, "nope", "c"), -ENOENT);
	mkdir("dd", 0777);
	EXPECT_EQ("link/dir", sys2(link, "dd", "dd2"), -EPERM);
	EXPECT_EQ("link/into_missing_dir", sys2(link, "a", "nope/c"), -ENOENT);
	EXPECT_EQ("link/new_trailing_slash", sys2(link, "a", "c/"), -ENOENT);
	EXPECT_EQ("link/cross_mount", sys2(link, "a", "/dev/x"), -EXDEV);
	EXPECT_EQ("link/into_proc", sys2(link, "a", "/proc/x"), -ENOENT);
	EXPECT_EQ("linkat/bad_flags", sys5(linkat, AT_FDCWD, "a", AT_FDCWD, "c", 1), -EINVAL);
	symlink("a", "sl");
	EXPECT_EQ("linkat/no_follow", sys5(linkat, AT_FDCWD, "sl", AT_FDCWD, "c", 0), 0);
	EXPECT_TRUE("linkat/links_symlink", lstat("c", &st) == 0 && S_ISLNK(st.st_mode));
	EXPECT_EQ("linkat/follow", sys5(linkat, AT_FDCWD, "sl", AT_FDCWD, "c2", AT_SYMLINK_FOLLOW), 0);
	EXPECT_EQ("linkat/follow_target", ino("c2"), ino("a"));
	fd = open("a", O_RDONLY);
	EXPECT_EQ("linkat/empty_path_root", sys5(linkat, fd, "", AT_FDCWD, "c3", AT_EMPTY_PATH), 0);
	EXPECT_EQ("linkat/empty_path_target", ino("c3"), ino("a"));
	EXPECT_EQ("linkat/empty_path_needs_flag", sys5(linkat, fd, "", AT_FDCWD, "c4", 0), -ENOENT);
	EXPECT_EQ("link/nlink_4", nlink("a"), 4);

	EXPECT_EQ("unlink", sys1(unlink, "b"), 0);
	EXPECT_EQ("unlink/nlink", nlink("a"), 3);
	EXPECT_EQ("unlink/missing", sys1(unlink, "b"), -ENOENT);
	EXPECT_EQ("unlink/dir", sys1(unlink, "dd"), -EISDIR);
	EXPECT_EQ("unlink/dir_slash", sys1(unlink, "dd/"), -EISDIR);
	EXPECT_EQ("unlink/file_slash", sys1(unlink, "a/"), -ENOTDIR);
	EXPECT_EQ("unlink/dot", sys1(unlink, "."), -EISDIR);
	EXPECT_EQ("unlink/empty", sys1(unlink, ""), -ENOENT);
	EXPECT_EQ("unlink/efault", sys1(unlink, BADPTR), -EFAULT);
	/* An open file outlives its last name. */
	unlink("c2");
	unlink("c3");
	EXPECT_EQ("unlink/last_name", sys1(unlink, "a"), 0);
	EXPECT_EQ("unlink/fstat_nlink_0", fstat(fd, &st) ? -1 : (long)st.st_nlink, 0);
	EXPECT_EQ("unlink/read_after", sys3(read, fd, buf, sizeof(buf)), 4);
	EXPECT_EQ("linkat/unlinked_enoent", sys5(linkat, fd, "", AT_FDCWD, "back", AT_EMPTY_PATH),
		  -ENOENT);
	close(fd);
	unlink("sl");
	unlink("c");
	rmdir("dd");
}

static void test_symlink(void)
{
	char buf[64];
	struct stat st;
	int i;

	EXPECT_EQ("symlink", sys2(symlink, "target/x", "s"), 0);
	EXPECT_EQ("symlink/exists", sys2(symlink, "y", "s"), -EEXIST);
	EXPECT_EQ("symlink/empty_target", sys2(symlink, "", "s2"), -ENOENT);
	EXPECT_EQ("symlink/missing_dir", sys2(symlink, "y", "nope/s"), -ENOENT);
	EXPECT_EQ("readlink", sys3(readlink, "s", buf, sizeof(buf)), 8);
	EXPECT_EQ("readlink/content", memcmp(buf, "target/x", 8), 0);
	EXPECT_EQ("readlink/truncated", sys3(readlink, "s", buf, 3), 3);
	EXPECT_EQ("readlink/zero_size", sys3(readlink, "s", buf, 0), -EINVAL);
	EXPECT_EQ("readlink/negative_size", sys3(readlink, "s", buf, -1), -EINVAL);
	put_file("plain", "");
	EXPECT_EQ("readlink/not_link", sys3(readlink, "plain", buf, sizeof(buf)), -EINVAL);
	EXPECT_EQ("readlink/missing", sys3(readlink, "nope", buf, sizeof(buf)), -ENOENT);
	EXPECT_EQ("readlink/efault", sys3(readlink, "s", BADPTR, 8), -EFAULT);
	EXPECT_EQ("readlinkat/dirfd", sys4(readlinkat, open(".", O_RDONLY), "s", buf, 64), 8);
	EXPECT_EQ("stat/dangling", stat("s", &st), -1);
	EXPECT_EQ("stat/dangling_errno", errno, ENOENT);
	EXPECT_TRUE("lstat/dangling", lstat("s", &st) == 0 && S_ISLNK(st.st_mode) &&
		    st.st_size == 8 && (st.st_mode & 0777) == 0777);
	/* A loop, and a chain of 40 links (allowed) and 41 (ELOOP). */
	symlink("loop2", "loop1");
	symlink("loop1", "loop2");
	EXPECT_EQ("eloop/open", sys3(open, "loop1", O_RDONLY, 0), -ELOOP);
	EXPECT_EQ("eloop/stat", stat("loop1/x", &st) ? errno : 0, ELOOP);
	put_file("l0", "end");
	for (i = 1; i <= 41; i++) {
		char from[8], to[8];

		snprintf(from, sizeof(from), "l%d", i - 1);
		snprintf(to, sizeof(to), "l%d", i);
		symlink(from, to);
	}
	EXPECT_EQ("chain/40_ok", stat("l40", &st), 0);
	EXPECT_EQ("chain/41_eloop", stat("l41", &st) ? errno : 0, ELOOP);
	EXPECT_EQ("chain/lstat_41", lstat("l41", &st), 0);
	for (i = 0; i <= 41; i++) {
		char n[8];

		snprintf(n, sizeof(n), "l%d", i);
		unlink(n);
	}
	unlink("loop1");
	unlink("loop2");
	unlink("s");
	unlink("plain");
	EXPECT_EQ("symlinkat/bad_dirfd", sys3(symlinkat, "x", 999, "y"), -EBADF);
}

static void test_rename(void)
{
	char buf[16];
	long i1;

	put_file("r1", "one");
	put_file("r2", "two");
	i1 = ino("r1");
	EXPECT_EQ("rename", sys2(rename, "r1", "r3"), 0);
	EXPECT_EQ("rename/same_inode", ino("r3"), i1);
	EXPECT_EQ("rename/old_gone", ino("r1"), -ENOENT);
	EXPECT_EQ("rename/over_file", sys2(rename, "r3", "r2"), 0);
	EXPECT_TRUE("rename/over_content", get_file("r2", buf, sizeof(buf)) == 3 &&
		    !strcmp(buf, "one"));
	EXPECT_EQ("rename/missing", sys2(rename, "r1", "r9"), -ENOENT);
	mkdir("rd", 0777);
	mkdir("rd2", 0777);
	put_file("rd2/inner", "");
	EXPECT_EQ("rename/file_over_dir", sys2(rename, "r2", "rd"), -EISDIR);
	EXPECT_EQ("rename/dir_over_file", sys2(rename, "rd", "r2"), -ENOTDIR);
	EXPECT_EQ("rename/dir_over_nonempty", sys2(rename, "rd", "rd2"), -ENOTEMPTY);
	EXPECT_EQ("rename/dir_into_itself", sys2(rename, "rd", "rd/sub"), -EINVAL);
	EXPECT_EQ("rename/dot", sys2(rename, ".", "x"), -EBUSY);
	EXPECT_EQ("rename/to_dot", sys2(rename, "r2", "rd/."), -EBUSY);
	EXPECT_EQ("rename/file_trailing_slash", sys2(rename, "r2", "r5/"), -ENOTDIR);
	EXPECT_EQ("rename/file_trailing_slash_old", sys2(rename, "r2/", "r5"), -ENOTDIR);
	EXPECT_EQ("rename/cross_mount", sys2(rename, "r2", "/dev/r2"), -EXDEV);
	EXPECT_EQ("rename/dir_over_empty_dir", sys2(rename, "rd2/", "rd"), 0);
	EXPECT_EQ("rename/dir_moved_content", ino("rd/inner") > 0, 1);
	link("r2", "r2link");
	EXPECT_EQ("rename/hard_links_noop", sys2(rename, "r2", "r2link"), 0);
	EXPECT_TRUE("rename/hard_links_both", ino("r2") > 0 && ino("r2link") == ino("r2"));
	unlink("r2link");

	put_file("x1", "x1");
	put_file("x2", "x2");
	EXPECT_EQ("renameat2/noreplace", sys5(renameat2, AT_FDCWD, "x1", AT_FDCWD, "x2",
					      RENAME_NOREPLACE), -EEXIST);
	EXPECT_EQ("renameat2/noreplace_free", sys5(renameat2, AT_FDCWD, "x1", AT_FDCWD, "x3",
						   RENAME_NOREPLACE), 0);
	EXPECT_EQ("renameat2/exchange", sys5(renameat2, AT_FDCWD, "x3", AT_FDCWD, "x2",
					     RENAME_EXCHANGE), 0);
	EXPECT_TRUE("renameat2/exchanged", get_file("x2", buf, sizeof(buf)) == 2 &&
		    !strcmp(buf, "x1") && get_file("x3", buf, sizeof(buf)) == 2 &&
		    !strcmp(buf, "x2"));
	EXPECT_EQ("renameat2/exchange_missing", sys5(renameat2, AT_FDCWD, "x3", AT_FDCWD,
						     "x9", RENAME_EXCHANGE), -ENOENT);
	EXPECT_EQ("renameat2/exchange_dir_file", sys5(renameat2, AT_FDCWD, "x3", AT_FDCWD,
						      "rd", RENAME_EXCHANGE), 0);
	EXPECT_TRUE("renameat2/exchanged_types", ino("rd/inner") > 0 || ino("x3/inner") > 0);
	EXPECT_EQ("renameat2/both_flags", sys5(renameat2, AT_FDCWD, "x2", AT_FDCWD, "x3",
					       RENAME_NOREPLACE | RENAME_EXCHANGE), -EINVAL);
	EXPECT_EQ("renameat2/bad_flag", sys5(renameat2, AT_FDCWD, "x2", AT_FDCWD, "x3", 8),
		  -EINVAL);
	EXPECT_EQ("renameat/bad_dirfd", sys4(renameat, 999, "x2", AT_FDCWD, "x5"), -EBADF);
	unlink("x2");
	unlink("rd");
	unlink("x3/inner");
	rmdir("x3");
	unlink("rd/inner");
	rmdir("rd");
	unlink("r2");
	unlink("f");
}

/* Lists "." with getdents64 in count-byte calls: names joined by '/'. */
static long list64(int fd, unsigned int count, char *out, size_t size, int *bad_type)
{
	char buf[4096];
	long total = 0, n, prev_off = -1;

	out[0] = 0;
	lseek(fd, 0, SEEK_SET);
	while ((n = sys3(getdents64, fd, buf, count)) > 0) {
		long pos;

		for (pos = 0; pos < n; ) {
			struct linux_dirent64 *d = (void *)(buf + pos);
			struct stat st;

			if (strlen(out) + strlen(d->d_name) + 2 < size) {
				strcat(out, d->d_name);
				strcat(out, "/");
			}
			if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
			    (lstat(d->d_name, &st) || (st.st_mode & S_IFMT) >> 12 != d->d_type ||
			     st.st_ino != d->d_ino))
				(*bad_type)++;
			if (d->d_off <= prev_off || d->d_reclen % 8)
				(*bad_type)++;
			prev_off = d->d_off;
			pos += d->d_reclen;
			total++;
		}
	}
	return n < 0 ? n : total;
}

static void test_getdents(void)
{
	char names[512], buf[512];
	int fd, bad = 0, i;
	long n, removed = 0, seen = 0;

	mkdir("g", 0777);
	chdir("g");
	put_file("file", "");
	mkdir("sub", 0777);
	symlink("file", "link");
	mknod("fifo", S_IFIFO | 0600, 0);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	EXPECT_EQ("getdents64/count", list64(fd, sizeof(buf), names, sizeof(names), &bad), 6);
	EXPECT_EQ("getdents64/types_inodes_offsets", bad, 0);
	EXPECT_TRUE("getdents64/names", strstr(names, "./") == names &&
		    strstr(names, "../") && strstr(names, "file/") && strstr(names, "sub/") &&
		    strstr(names, "link/") && strstr(names, "fifo/"));
	EXPECT_EQ("getdents64/small_calls", list64(fd, 32, names, sizeof(names), &bad), 6);
	EXPECT_EQ("getdents64/too_small", (lseek(fd, 0, SEEK_SET),
					   sys3(getdents64, fd, buf, 10)), -EINVAL);
	EXPECT_EQ("getdents64/at_end", (lseek(fd, 0, SEEK_END) < 0 ? 0 : 0,
				       list64(fd, sizeof(buf), names, sizeof(names), &bad),
				       sys3(getdents64, fd, buf, sizeof(buf))), 0);
	EXPECT_EQ("getdents64/efault", (lseek(fd, 0, SEEK_SET), sys3(getdents64, fd, BADPTR, 512)),
		  -EFAULT);
	EXPECT_EQ("getdents64/not_dir", sys3(getdents64, open("file", O_RDONLY), buf, 512),
		  -ENOTDIR);
	EXPECT_EQ("getdents64/ebadf", sys3(getdents64, 999, buf, 512), -EBADF);
	lseek(fd, 0, SEEK_SET);
	n = sys3(getdents, fd, buf, sizeof(buf));
	EXPECT_TRUE("getdents/old", n > 0);
	{
		/* struct linux_dirent: d_type is the last byte of each record. */
		long pos = 0, cnt = 0, ok = 1;

		while (pos < n) {
			unsigned short reclen = *(unsigned short *)(buf + pos + 16);
			char *name = buf + pos + 18;
			unsigned char type = buf[pos + reclen - 1];

			if (!strcmp(name, "sub") && type != DT_DIR)
				ok = 0;
			if (!strcmp(name, "link") && type != DT_LNK)
				ok = 0;
			if (!strcmp(name, "fifo") && type != DT_FIFO)
				ok = 0;
			pos += reclen;
			cnt++;
		}
		EXPECT_EQ("getdents/old_count", cnt, 6);
		EXPECT_EQ("getdents/old_types", ok, 1);
	}
	close(fd);
	unlink("file");
	unlink("link");
	unlink("fifo");
	rmdir("sub");

	/* rm -r's pattern: list a little, remove what was listed, go on. */
	for (i = 0; i < 200; i++) {
		char n2[16];

		snprintf(n2, sizeof(n2), "f%03d", i);
		put_file(n2, "");
	}
	fd = open(".", O_RDONLY | O_DIRECTORY);
	while ((n = sys3(getdents64, fd, buf, 200)) > 0) {
		long pos;

		for (pos = 0; pos < n; pos += ((struct linux_dirent64 *)(buf + pos))->d_reclen) {
			struct linux_dirent64 *d = (void *)(buf + pos);

			if (d->d_name[0] != 'f')
				continue;
			seen++;
			if (!unlink(d->d_name))
				removed++;
		}
	}
	EXPECT_EQ("remove_while_listing/seen", seen, 200);
	EXPECT_EQ("remove_while_listing/removed", removed, 200);
	lseek(fd, 0, SEEK_SET);
	EXPECT_EQ("remove_while_listing/empty", list64(fd, sizeof(buf), names, sizeof(names), &bad), 2);
	close(fd);
	chdir("..");
	/* A removed directory lists nothing (ENOENT), as on Linux. */
	fd = open("g", O_RDONLY | O_DIRECTORY);
	rmdir("g");
	EXPECT_EQ("getdents64/removed_dir", sys3(getdents64, fd, buf, sizeof(buf)), -ENOENT);
	close(fd);
}

int main(void)
{
	vfs_setup("/tmp/vfs_dir");
	test_mkdir_rmdir();
	test_unlink_link();
	test_symlink();
	test_rename();
	test_getdents();
	return lt_done();
}
