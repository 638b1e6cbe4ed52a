// SPDX-License-Identifier: GPL-2.0
/*
 * netprog: the processor side of the network tests (test/net/run.sh),
 * run as init in a Lego VM with a virtio-net device.  It drives
 * rpc_call() through the CONFIG_KTEST syscall and speaks the storage and
 * memory protocols of include/uapi/lego/rpc_proto.h itself:
 *
 *   netprog storage NODE      every storage request against lego-storaged
 *   netprog mem NODE          the memory component's pages and ranges
 *   netprog count NODE N      N calls, each handler run exactly once
 *   netprog parallel NODE N   four processes making N calls each at once
 *   netprog latency NODE N SIZE   round trips of SIZE-byte pings
 *   netprog restart NODE      the storage daemon killed and restarted
 *   netprog storage-state NODE    what "storage" left on the server, seen
 *                             through the protocol (for a Lego storage VM,
 *                             whose directory the host cannot look at)
 *   netprog storage-escape NODE   a served /srv cannot be left: the server's
 *                             /secret.txt and /etc/passwd stay out of reach
 *   netprog storage-outside NODE  the same server with root "/": they are
 *                             there (so storage-escape's ENOENT means
 *                             something)
 *
 * Several commands may follow one another ("storage 3 mem 2 count 3 100").
 * Lines "PASS net/..." and "FAIL net/...: why" report each check; lines
 * "NET-..." are the cues run.sh waits for.
 */
#define LT_SUITE "net"
#include "lego_test.h"
#include "lego_rpc.h"
#include "storage_client.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define T_NS	(20000 * MS)	/* per call: generous, the links may be lossy */

static unsigned char buf[RPC_MAX_MSG], rbuf[RPC_MAX_MSG];
static int node;

/* ------------------------------------------------------------ storage */
static long call(int type, struct rpc_wbuf *w)
{
	if (w->err)
		return -999;
	return rpc_call(node, type, w->p, w->len, rbuf, sizeof(rbuf), T_NS);
}

static long st_open(const char *path, unsigned int flags, unsigned int mode,
		    unsigned long long *h, struct rpc_stat *st)
{
	struct rpc_stat dummy;
	struct rpc_wbuf w;
	rpc_u64 handle;
	long ret;

	rpc_winit(&w, buf, sizeof(buf));
	st_enc_open(&w, path, flags, mode);
	ret = call(RPC_ST_OPEN, &w);
	if (ret < 0)
		return ret;
	ret = st_dec_open(rbuf, ret, &handle, st ? st : &dummy);
	*h = handle;
	return ret;
}

static long st_handle_op(int type, unsigned long long h)
{
	struct rpc_wbuf w;

	rpc_winit(&w, buf, sizeof(buf));
	if (type == RPC_ST_FSYNC)
		st_enc_fsync(&w, h, 0);
	else
		st_enc_handle(&w, h);
	return call(type, &w);
}

/* off < 0: at the handle's position. */
static long st_write(unsigned long long h, long long off, const void *data, size_t n)
{
	rpc_u64 o = off;
	struct rpc_wbuf w;
	long ret;

	rpc_winit(&w, buf, sizeof(buf));
	st_enc_write(&w, h, off >= 0 ? &o : NULL, data, n);
	ret = call(st_io_type(1, off >= 0 ? &o : NULL), &w);
	return ret < 0 ? ret : st_dec_written(rbuf, ret);
}

/* Reads into rbuf. */
static long st_read(unsigned long long h, long long off, unsigned int count)
{
	rpc_u64 o = off;
	struct rpc_wbuf w;

	rpc_winit(&w, buf, sizeof(buf));
	st_enc_read(&w, h, off >= 0 ? &o : NULL, count);
	return call(st_io_type(0, off >= 0 ? &o : NULL), &w);
}

static long st_path_op(int type, unsigned int arg, const char *p, const char *p2)
{
	struct rpc_wbuf w;

	rpc_winit(&w, buf, sizeof(buf));
	if (type == RPC_ST_TRUNCATE)
		st_enc_truncate(&w, p, arg);
	else if (type == RPC_ST_MKDIR)
		st_enc_mkdir(&w, p, arg);
	else if (type == RPC_ST_RENAME)
		st_enc_rename(&w, p, p2);
	else
		st_enc_path(&w, p);
	return call(type, &w);
}

static long st_stat(const char *p, int nofollow, struct rpc_stat *st)
{
	struct rpc_wbuf w;
	long r;

	rpc_winit(&w, buf, sizeof(buf));
	st_enc_stat(&w, p, nofollow);
	r = call(RPC_ST_STAT, &w);
	return r < 0 ? r : st_dec_stat(rbuf, r, st);
}

/* Every name in a directory, through replies of at most max bytes. */
static int list_dir(unsigned long long h, unsigned int max, char *names, size_t cap)
{
	rpc_u64 cookie = 0, ino;
	int n = 0, calls = 0;

	names[0] = 0;
	for (;;) {
		struct rpc_wbuf w;
		struct rpc_rbuf r;
		char name[256];
		rpc_u8 type;
		long ret;
		int e;

		rpc_winit(&w, buf, sizeof(buf));
		st_enc_getdents(&w, h, cookie, max);
		ret = call(RPC_ST_GETDENTS, &w);
		if (ret < 0 || ++calls > 1000)
			return ret < 0 ? ret : -997;
		if (!ret)
			return n;
		rpc_rinit(&r, rbuf, ret);
		while ((e = st_dec_dirent(&r, &ino, &cookie, &type, name, sizeof(name))) > 0) {
			if (strlen(names) + strlen(name) + 2 < cap) {
				strcat(names, name);
				strcat(names, "/");
				n++;
			}
		}
		if (e < 0)
			return -996;
	}
}

static void test_storage(void)
{
	static unsigned char pat[65536];
	unsigned long long h, h2, hd;
	struct rpc_stat st, st2;
	struct rpc_wbuf w;
	char names[4096];
	long r;

	/* A file the host put there. */
	EXPECT_EQ("storage/open-host-file", st_open("host.txt", O_RDONLY, 0, &h, &st), 0);
	EXPECT_TRUE("storage/open-stat", S_ISREG(st.mode) && st.size == 20);
	r = st_read(h, -1, 4096);
	lt_check("storage/read-host-file", r == 20 && !memcmp(rbuf, "hello from the host\n", 20),
		 "read returned %ld", r);
	EXPECT_EQ("storage/read-eof", st_read(h, -1, 4096), 0);
	EXPECT_EQ("storage/close", st_handle_op(RPC_ST_CLOSE, h), 0);
	EXPECT_EQ("storage/closed-handle", st_handle_op(RPC_ST_CLOSE, h), -EBADF);

	/* Files and directories made here appear on the host. */
	EXPECT_EQ("storage/mkdir", st_path_op(RPC_ST_MKDIR, 0755, "dir1", NULL), 0);
	EXPECT_EQ("storage/mkdir-exists", st_path_op(RPC_ST_MKDIR, 0755, "dir1", NULL), -EEXIST);
	EXPECT_EQ("storage/create", st_open("/dir1/new.txt", O_CREAT | O_EXCL | O_WRONLY, 0640,
					    &h, &st), 0);
	EXPECT_EQ("storage/create-mode", st.mode, S_IFREG | 0640);
	EXPECT_EQ("storage/create-excl", st_open("dir1/new.txt", O_CREAT | O_EXCL | O_WRONLY,
						 0640, &h2, NULL), -EEXIST);
	EXPECT_EQ("storage/write", st_write(h, -1, "written by lego\n", 16), 16);
	fill_pattern(pat, sizeof(pat), 77);
	/* 64 KiB: a request of 46 fragments. */
	EXPECT_EQ("storage/pwrite-64k", st_write(h, 4096, pat, sizeof(pat)), sizeof(pat));
	EXPECT_EQ("storage/fsync", st_handle_op(RPC_ST_FSYNC, h), 0);
	EXPECT_EQ("storage/read-wronly", st_read(h, 0, 10), -EBADF);
	EXPECT_EQ("storage/close-new", st_handle_op(RPC_ST_CLOSE, h), 0);
	EXPECT_EQ("storage/stat", st_stat("dir1/new.txt", 0, &st), 0);
	EXPECT_EQ("storage/stat-size", st.size, 4096 + sizeof(pat));
	EXPECT_EQ("storage/reopen", st_open("dir1/new.txt", O_RDONLY, 0, &h, NULL), 0);
	r = st_read(h, 4096, sizeof(pat));
	lt_check("storage/pread-64k", r == sizeof(pat) && !memcmp(rbuf, pat, sizeof(pat)),
		 "pread returned %ld", r);
	r = st_read(h, -1, 16);
	lt_check("storage/read-start", r == 16 && !memcmp(rbuf, "written by lego\n", 16),
		 "read returned %ld", r);
	rpc_winit(&w, buf, sizeof(buf));
	st_enc_lseek(&w, h, 0, 2 /* SEEK_END */);
	r = call(RPC_ST_LSEEK, &w);
	EXPECT_TRUE("storage/lseek-end", r == 8 && rpc_get64(rbuf) == 4096 + sizeof(pat));
	EXPECT_EQ("storage/fstat", st_handle_op(RPC_ST_FSTAT, h), RPC_STAT_LEN);
	EXPECT_EQ("storage/close-again", st_handle_op(RPC_ST_CLOSE, h), 0);

	EXPECT_EQ("storage/rename", st_path_op(RPC_ST_RENAME, 0, "dir1/new.txt",
					       "dir1/renamed.txt"), 0);
	EXPECT_EQ("storage/renamed-gone", st_stat("dir1/new.txt", 0, &st), -ENOENT);
	EXPECT_EQ("storage/truncate", st_path_op(RPC_ST_TRUNCATE, 10, "dir1/renamed.txt", NULL), 0);
	EXPECT_TRUE("storage/truncated", st_stat("dir1/renamed.txt", 0, &st) == 0 && st.size == 10);
	EXPECT_EQ("storage/open-rw", st_open("dir1/renamed.txt", O_RDWR, 0, &h, NULL), 0);
	rpc_winit(&w, buf, sizeof(buf));
	st_enc_ftruncate(&w, h, 5);
	EXPECT_EQ("storage/ftruncate", call(RPC_ST_FTRUNCATE, &w), 0);
	st_handle_op(RPC_ST_CLOSE, h);
	EXPECT_TRUE("storage/ftruncated", st_stat("dir1/renamed.txt", 0, &st) == 0 && st.size == 5);

	/* A file the host removes afterwards, one it made that we remove. */
	EXPECT_EQ("storage/create-2", st_open("from-lego.txt", O_CREAT | O_TRUNC | O_WRONLY,
					      0644, &h, NULL), 0);
	EXPECT_EQ("storage/write-2", st_write(h, -1, "written by lego\n", 16), 16);
	st_handle_op(RPC_ST_CLOSE, h);
	EXPECT_EQ("storage/unlink-host-file", st_path_op(RPC_ST_UNLINK, 0, "to-delete.txt", NULL), 0);

	/* Directories: every name, in small and large replies. */
	EXPECT_EQ("storage/mkdir-2", st_path_op(RPC_ST_MKDIR, 0700, "dir1/sub", NULL), 0);
	EXPECT_EQ("storage/opendir", st_open("dir1", O_RDONLY | O_DIRECTORY, 0, &hd, NULL), 0);
	r = list_dir(hd, 40, names, sizeof(names));
	lt_check("storage/getdents-small", r == 4 && strstr(names, "renamed.txt/") &&
		 strstr(names, "sub/") && strstr(names, "./") && strstr(names, "../"),
		 "%ld entries: %s", r, names);
	r = list_dir(hd, 65536, names, sizeof(names));
	EXPECT_EQ("storage/getdents-large", r, 4);
	EXPECT_EQ("storage/getdents-too-small", list_dir(hd, 10, names, sizeof(names)), -EINVAL);
	st_handle_op(RPC_ST_CLOSE, hd);
	EXPECT_EQ("storage/rmdir-not-empty", st_path_op(RPC_ST_RMDIR, 0, "dir1", NULL), -ENOTEMPTY);
	EXPECT_EQ("storage/rmdir", st_path_op(RPC_ST_RMDIR, 0, "dir1/sub", NULL), 0);
	EXPECT_EQ("storage/unlink-dir", st_path_op(RPC_ST_UNLINK, 0, "dir1", NULL), -EISDIR);

	/* Nothing outside the served directory. */
	EXPECT_TRUE("storage/dotdot-is-root", st_stat("../..", 0, &st) == 0 &&
		    st_stat("/", 0, &st2) == 0 && st.ino == st2.ino);
	EXPECT_EQ("storage/escape-dotdot", st_stat("../../../../etc/passwd", 0, &st), -ENOENT);
	EXPECT_EQ("storage/escape-absolute-link", st_stat("abs-link/passwd", 0, &st), -ENOENT);
	EXPECT_EQ("storage/escape-relative-link", st_stat("rel-link", 0, &st), -ENOENT);
	EXPECT_TRUE("storage/link-itself", st_stat("abs-link", 1, &st) == 0 && S_ISLNK(st.mode));
	EXPECT_TRUE("storage/inner-link", st_stat("inner-link", 0, &st) == 0 && st.size == 20);
	EXPECT_EQ("storage/open-nofollow", st_open("inner-link", O_RDONLY | O_NOFOLLOW, 0, &h,
						   NULL), -ELOOP);
	EXPECT_EQ("storage/fifo-refused", st_open("fifo", O_RDONLY, 0, &h, NULL), -EACCES);
	EXPECT_EQ("storage/notdir", st_stat("host.txt/", 0, &st), -ENOTDIR);

	/* Malformed requests and stale handles. */
	EXPECT_EQ("storage/missing", st_open("nonexistent", O_RDONLY, 0, &h, NULL), -ENOENT);
	rpc_winit(&w, buf, sizeof(buf));
	rpc_w32(&w, O_RDONLY);
	rpc_w32(&w, 0);
	rpc_wstr(&w, "host.txt");
	rpc_w8(&w, 0);
	EXPECT_EQ("storage/trailing-bytes", call(RPC_ST_OPEN, &w), -EINVAL);
	rpc_winit(&w, buf, sizeof(buf));
	rpc_w32(&w, 0);
	rpc_w32(&w, 0);
	rpc_w16(&w, 0);
	EXPECT_EQ("storage/empty-path", call(RPC_ST_OPEN, &w), -EINVAL);
	rpc_winit(&w, buf, sizeof(buf));
	rpc_w32(&w, 0);
	rpc_w32(&w, 0);
	rpc_w16(&w, 3);
	rpc_wbytes(&w, "a\0b", 3);
	EXPECT_EQ("storage/nul-in-path", call(RPC_ST_OPEN, &w), -EINVAL);
	EXPECT_EQ("storage/read-too-much", st_read(1, 0, RPC_ST_IO_MAX + 1), -EINVAL);
	EXPECT_EQ("storage/stale-handle", st_handle_op(RPC_ST_CLOSE, 0x1234567800010000ull),
		  -ESTALE);
	EXPECT_EQ("storage/unknown-flags", st_open("host.txt", 0x40000000, 0, &h, NULL), -EINVAL);
}

/* Reads all of a file (at most 4096 bytes) into rbuf: its length or -errno. */
static long st_slurp(const char *path)
{
	unsigned long long h;
	long r;

	r = st_open(path, O_RDONLY, 0, &h, NULL);
	if (r < 0)
		return r;
	r = st_read(h, 0, 4096);
	st_handle_op(RPC_ST_CLOSE, h);
	return r;
}

/* The check name: the file at path holds exactly want. */
static void expect_file(const char *name, const char *path, const char *want)
{
	long r = st_slurp(path), n = strlen(want);

	lt_check(name, r == n && !memcmp(rbuf, want, n), "%s: read returned %ld", path, r);
}

/* run.sh's host_checks, through the protocol. */
static void test_storage_state(void)
{
	struct rpc_stat st;

	expect_file("storage-state/created-file", "from-lego.txt", "written by lego\n");
	expect_file("storage-state/renamed-truncated", "dir1/renamed.txt", "writt");
	EXPECT_TRUE("storage-state/renamed-mode", st_stat("dir1/renamed.txt", 0, &st) == 0 &&
		    st.mode == (S_IFREG | 0640));
	EXPECT_TRUE("storage-state/removals", st_stat("to-delete.txt", 1, &st) == -ENOENT &&
		    st_stat("dir1/new.txt", 1, &st) == -ENOENT &&
		    st_stat("dir1/sub", 1, &st) == -ENOENT);
	expect_file("storage-state/host-file-intact", "host.txt", "hello from the host\n");
}

/*
 * The server serves /srv; its /secret.txt and /etc/passwd are outside.
 * Every way out ends at /srv: "..", absolute and relative links (up ->
 * "..", root-link -> "/"), and the names that change things land inside
 * or find nothing.
 */
static void test_storage_escape(void)
{
	static const char *const outside[] = {
		"../secret.txt", "/../secret.txt", "../../etc/passwd", "up/secret.txt",
		"up/up/etc/passwd", "root-link/secret.txt", "abs-link/passwd", "rel-link",
		"dir-link/../../secret.txt",
	};
	unsigned long long h;
	struct rpc_stat st, root;
	char name[64];
	size_t i;

	EXPECT_EQ("storage-escape/root", st_stat("/", 0, &root), 0);
	for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		snprintf(name, sizeof(name), "storage-escape/stat-%zu", i);
		EXPECT_EQ(name, st_stat(outside[i], 0, &st), -ENOENT);
		snprintf(name, sizeof(name), "storage-escape/open-%zu", i);
		EXPECT_EQ(name, st_open(outside[i], O_RDONLY, 0, &h, NULL), -ENOENT);
	}
	EXPECT_TRUE("storage-escape/up-is-root", st_stat("up", 0, &st) == 0 && st.ino == root.ino);
	EXPECT_TRUE("storage-escape/root-link-is-root",
		    st_stat("root-link/", 0, &st) == 0 && st.ino == root.ino);
	EXPECT_EQ("storage-escape/unlink-outside", st_path_op(RPC_ST_UNLINK, 0, "../secret.txt",
							    NULL), -ENOENT);
	EXPECT_EQ("storage-escape/truncate-outside",
		  st_path_op(RPC_ST_TRUNCATE, 0, "up/secret.txt", NULL), -ENOENT);
	/* Names made "outside" are made inside. */
	EXPECT_EQ("storage-escape/create-outside",
		  st_open("../made.txt", O_CREAT | O_EXCL | O_WRONLY, 0600, &h, NULL), 0);
	st_handle_op(RPC_ST_CLOSE, h);
	EXPECT_EQ("storage-escape/made-inside", st_stat("made.txt", 0, &st), 0);
	EXPECT_EQ("storage-escape/create-through-link",
		  st_open("root-link/made2.txt", O_CREAT | O_EXCL | O_WRONLY, 0600, &h, NULL), 0);
	st_handle_op(RPC_ST_CLOSE, h);
	EXPECT_EQ("storage-escape/made2-inside", st_stat("made2.txt", 0, &st), 0);
	EXPECT_EQ("storage-escape/mkdir-outside", st_path_op(RPC_ST_MKDIR, 0700, "up/../madedir",
							   NULL), 0);
	EXPECT_TRUE("storage-escape/madedir-inside",
		    st_stat("madedir", 0, &st) == 0 && S_ISDIR(st.mode));
	EXPECT_EQ("storage-escape/rename-outside", st_path_op(RPC_ST_RENAME, 0, "made.txt",
							    "../../moved.txt"), 0);
	EXPECT_EQ("storage-escape/moved-inside", st_stat("moved.txt", 0, &st), 0);
	EXPECT_EQ("storage-escape/rename-from-outside",
		  st_path_op(RPC_ST_RENAME, 0, "../secret.txt", "stolen.txt"), -ENOENT);
}

/* The server of storage-escape with root "/": what was out of reach is there. */
static void test_storage_outside(void)
{
	struct rpc_stat st;

	expect_file("storage-outside/secret", "secret.txt", "secret\n");
	EXPECT_EQ("storage-outside/passwd", st_stat("/etc/passwd", 0, &st), 0);
	EXPECT_TRUE("storage-outside/srv", st_stat("srv/host.txt", 0, &st) == 0 && st.size == 20);
	/* up -> ".." from /srv is "/" now: the way out that /srv refused. */
	EXPECT_EQ("storage-outside/up", st_stat("srv/up/secret.txt", 0, &st), 0);
}

/* ------------------------------------------------------------ memory */
static long mem(int type, unsigned int pid, unsigned long long a, unsigned long long b,
		const void *page)
{
	struct rpc_wbuf w;

	rpc_winit(&w, buf, sizeof(buf));
	/* A short page is what mem_enc() never makes: by hand. */
	if (type == RPC_MEM_WRITE && b != RPC_MEM_PAGE_SIZE) {
		rpc_w32(&w, pid);
		rpc_w64(&w, a);
		rpc_wbytes(&w, page, b);
	} else {
		mem_enc(&w, type, pid, a, b, page);
	}
	return call(type, &w);
}

static void test_mem(void)
{
	static unsigned char p1[4096], p2[4096], p3[4096], zero[4096];
	unsigned long long a, base_pages;
	int i, bad;
	long r;

	EXPECT_EQ("mem/stat", mem(RPC_MEM_STAT, 0, 0, 0, NULL), 16);
	base_pages = rpc_get64(rbuf);
	EXPECT_EQ("mem/alloc", mem(RPC_MEM_ALLOC, 100, 0, 3 * 4096, NULL), 8);
	a = rpc_get64(rbuf);
	EXPECT_TRUE("mem/alloc-aligned", a && !(a & 4095) && a < 0x800000000000ull);
	EXPECT_EQ("mem/alloc-2", mem(RPC_MEM_ALLOC, 100, 0, 1, NULL), 8);
	EXPECT_TRUE("mem/alloc-disjoint", rpc_get64(rbuf) + 4096 <= a);
	fill_pattern(p1, 4096, 1);
	fill_pattern(p2, 4096, 2);
	fill_pattern(p3, 4096, 3);
	EXPECT_EQ("mem/write", mem(RPC_MEM_WRITE, 100, a, 4096, p1), 0);
	EXPECT_EQ("mem/write-2", mem(RPC_MEM_WRITE, 100, a + 4096, 4096, p2), 0);
	EXPECT_EQ("mem/write-other-pid", mem(RPC_MEM_WRITE, 101, a, 4096, p3), 0);
	r = mem(RPC_MEM_READ, 100, a, 0, NULL);
	lt_check("mem/read-back", r == 4096 && !memcmp(rbuf, p1, 4096), "read returned %ld", r);
	r = mem(RPC_MEM_READ, 100, a + 4096, 0, NULL);
	lt_check("mem/read-back-2", r == 4096 && !memcmp(rbuf, p2, 4096), "read returned %ld", r);
	r = mem(RPC_MEM_READ, 101, a, 0, NULL);
	lt_check("mem/other-pid", r == 4096 && !memcmp(rbuf, p3, 4096), "read returned %ld", r);
	r = mem(RPC_MEM_READ, 100, a + 8192, 0, NULL);
	lt_check("mem/unwritten-zero", r == 4096 && !memcmp(rbuf, zero, 4096), "read %ld", r);
	EXPECT_TRUE("mem/stat-pages", mem(RPC_MEM_STAT, 0, 0, 0, NULL) == 16 &&
		    rpc_get64(rbuf) == base_pages + 3);
	EXPECT_EQ("mem/free", mem(RPC_MEM_FREE, 100, a, 4096, NULL), 0);
	r = mem(RPC_MEM_READ, 100, a, 0, NULL);
	lt_check("mem/freed-zero", r == 4096 && !memcmp(rbuf, zero, 4096), "read %ld", r);
	r = mem(RPC_MEM_READ, 100, a + 4096, 0, NULL);
	lt_check("mem/free-range-only", r == 4096 && !memcmp(rbuf, p2, 4096), "read %ld", r);
	EXPECT_EQ("mem/exit", mem(RPC_MEM_EXIT, 100, 0, 0, NULL), 0);
	r = mem(RPC_MEM_READ, 100, a + 4096, 0, NULL);
	lt_check("mem/exit-drops", r == 4096 && !memcmp(rbuf, zero, 4096), "read %ld", r);
	EXPECT_EQ("mem/exit-other-pid", mem(RPC_MEM_EXIT, 101, 0, 0, NULL), 0);
	EXPECT_TRUE("mem/stat-empty", mem(RPC_MEM_STAT, 0, 0, 0, NULL) == 16 &&
		    rpc_get64(rbuf) == base_pages);
	EXPECT_EQ("mem/unaligned", mem(RPC_MEM_WRITE, 100, a + 1, 4096, p1), -EINVAL);
	EXPECT_EQ("mem/short-page", mem(RPC_MEM_WRITE, 100, a, 4095, p1), -EINVAL);
	EXPECT_EQ("mem/kernel-address", mem(RPC_MEM_READ, 100, 0xffff800000000000ull, 0, NULL),
		  -EINVAL);
	/* A megabyte of pages, out and back. */
	bad = 0;
	for (i = 0; i < 256; i++) {
		fill_pattern(p1, 4096, 1000 + i);
		if (mem(RPC_MEM_WRITE, 102, 0x10000000 + i * 4096ull, 4096, p1))
			bad++;
	}
	for (i = 0; i < 256; i++) {
		fill_pattern(p1, 4096, 1000 + i);
		if (mem(RPC_MEM_READ, 102, 0x10000000 + i * 4096ull, 0, NULL) != 4096 ||
		    memcmp(rbuf, p1, 4096))
			bad++;
	}
	EXPECT_EQ("mem/256-pages", bad, 0);
	mem(RPC_MEM_EXIT, 102, 0, 0, NULL);
}

/* ------------------------------------------------------------ others */
static void test_count(int n)
{
	long r, prev = -1, bad = 0;
	int i;

	for (i = 0; i < n; i++) {
		r = rpc_call(node, RPC_TEST_COUNT, NULL, 0, rbuf, 8, T_NS);
		if (r != 8 || (prev >= 0 && (long)rpc_get64(rbuf) != prev + 1))
			bad++;
		prev = rpc_get64(rbuf);
	}
	lt_check(lt_cat("count", "exactly-once"), bad == 0, "%ld of %d calls wrong", bad, n);
	bad = 0;
	for (i = 0; i < 20; i++) {
		size_t len = (i * 4099) % RPC_MAX_MSG;

		fill_pattern(buf, len, i);
		r = rpc_call(node, RPC_PING, buf, len, rbuf, sizeof(rbuf), T_NS);
		if (r != (long)len || memcmp(buf, rbuf, len))
			bad++;
	}
	lt_check(lt_cat("count", "pings"), bad == 0, "%ld of 20 pings wrong", bad);
}

/* Four processes with calls in flight at once, each checking its replies. */
static void test_parallel(int n)
{
	int k, i, status, bad = 0;
	pid_t kids[4];

	for (k = 0; k < 4; k++) {
		kids[k] = fork();
		if (kids[k] != 0)
			continue;
		for (i = 0; i < n; i++) {
			size_t len = (k * 7919 + i * 1237) % 20000;

			fill_pattern(buf, len, k * 100000 + i);
			if (rpc_call(node, RPC_PING, buf, len, rbuf, sizeof(rbuf), T_NS) !=
			    (long)len || memcmp(buf, rbuf, len))
				bad++;
		}
		_exit(bad != 0);
	}
	for (k = 0; k < 4; k++)
		if (waitpid(kids[k], &status, 0) != kids[k] || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			bad++;
	lt_check(lt_cat("parallel", "pings"), bad == 0, "%d processes saw wrong replies", bad);
}

static void test_latency(int n, size_t size)
{
	unsigned long long t0, dt;
	int i, bad = 0;

	fill_pattern(buf, size, 9);
	rpc_call(node, RPC_PING, buf, size, rbuf, sizeof(rbuf), T_NS);	/* warm */
	t0 = now_ns();
	for (i = 0; i < n; i++)
		if (rpc_call(node, RPC_PING, buf, size, rbuf, sizeof(rbuf), T_NS) != (long)size)
			bad++;
	dt = now_ns() - t0;
	lt_printf("NET-LATENCY node %d: %d pings of %lu bytes: %llu ns per round trip\n",
		  node, n, (unsigned long)size, dt / n);
	lt_check(lt_cat("latency", "pings"), bad == 0, "%d failed", bad);
}

/*
 * run.sh kills the daemon while a call is pending (after NET-PENDING),
 * and restarts it once new calls have failed too (NET-DOWN).
 */
static void test_restart(void)
{
	static unsigned char chunk[4096];
	unsigned long long h, t0, dt;
	unsigned char b4[4];
	long r;
	int i, bad = 0;

	EXPECT_EQ("restart/create", st_open("durable.txt", O_CREAT | O_TRUNC | O_WRONLY, 0644,
					    &h, NULL), 0);
	for (i = 0; i < 10; i++) {
		fill_pattern(chunk, sizeof(chunk), 500 + i);
		if (st_write(h, -1, chunk, sizeof(chunk)) != sizeof(chunk))
			bad++;
	}
	EXPECT_EQ("restart/acknowledged-writes", bad, 0);

	/* A call the daemon is still working on when it dies. */
	rpc_put32(b4, 30000);
	lt_printf("NET-PENDING\n");
	t0 = now_ns();
	r = rpc_call(node, RPC_TEST_SLEEP, b4, 4, rbuf, 8, 60000 * MS);
	dt = now_ns() - t0;
	EXPECT_EQ("restart/pending-call-fails", r, -ETIMEDOUT);
	lt_check("restart/pending-call-bounded", dt < 25000 * MS, "took %llu ms", dt / MS);
	/* A new call to the dead daemon. */
	t0 = now_ns();
	r = st_write(h, -1, chunk, 10);
	dt = now_ns() - t0;
	EXPECT_EQ("restart/new-call-fails", r, -ETIMEDOUT);
	lt_check("restart/new-call-bounded", dt < 25000 * MS, "took %llu ms", dt / MS);
	lt_printf("NET-DOWN\n");

	for (i = 0; i < 60; i++) {
		r = rpc_call(node, RPC_PING, "x", 1, rbuf, 8, 2000 * MS);
		if (r == 1)
			break;
	}
	EXPECT_EQ("restart/back", r, 1);
	EXPECT_EQ("restart/old-handle-stale", st_write(h, -1, chunk, 10), -ESTALE);
	EXPECT_EQ("restart/reopen", st_open("durable.txt", O_RDONLY, 0, &h, NULL), 0);
	bad = 0;
	for (i = 0; i < 10; i++) {
		fill_pattern(chunk, sizeof(chunk), 500 + i);
		if (st_read(h, i * 4096ll, 4096) != 4096 || memcmp(rbuf, chunk, 4096))
			bad++;
	}
	EXPECT_EQ("restart/no-acknowledged-write-lost", bad, 0);
	EXPECT_EQ("restart/eof", st_read(h, 40960, 4096), 0);
	st_handle_op(RPC_ST_CLOSE, h);
	EXPECT_EQ("restart/new-file", st_open("after.txt", O_CREAT | O_WRONLY, 0644, &h, NULL), 0);
	EXPECT_EQ("restart/new-write", st_write(h, -1, "after\n", 6), 6);
	st_handle_op(RPC_ST_CLOSE, h);
}

static void print_stats(void)
{
	struct rpc_stats st;

	if (rpc_stats(&st) != sizeof(st))
		return;
	lt_printf("NET-STATS calls %llu errors %llu timeouts %llu retransmits %llu "
		  "frames-tx %llu frames-rx %llu bad-crc %llu bad-length %llu stray %llu "
		  "dup-requests %llu served %llu\n",
		  st.calls, st.call_errors, st.timeouts, st.retransmits, st.frames_tx,
		  st.frames_rx, st.bad_frames[RPC_BAD_CRC], st.bad_frames[RPC_BAD_LENGTH],
		  st.stray_replies, st.dup_requests, st.served);
}

int main(int argc, char **argv)
{
	int i = 1;

	while (i + 1 < argc) {
		const char *cmd = argv[i];

		node = atoi(argv[i + 1]);
		i += 2;
		if (!strcmp(cmd, "storage")) {
			test_storage();
		} else if (!strcmp(cmd, "mem")) {
			test_mem();
		} else if (!strcmp(cmd, "count") && i < argc) {
			test_count(atoi(argv[i++]));
		} else if (!strcmp(cmd, "latency") && i + 1 < argc) {
			test_latency(atoi(argv[i]), atoi(argv[i + 1]));
			i += 2;
		} else if (!strcmp(cmd, "parallel") && i < argc) {
			test_parallel(atoi(argv[i++]));
		} else if (!strcmp(cmd, "restart")) {
			test_restart();
		} else if (!strcmp(cmd, "storage-state")) {
			test_storage_state();
		} else if (!strcmp(cmd, "storage-escape")) {
			test_storage_escape();
		} else if (!strcmp(cmd, "storage-outside")) {
			test_storage_outside();
		} else {
			lt_check("usage", 0, "unknown command %s", cmd);
			break;
		}
	}
	print_stats();
	return lt_done();
}
