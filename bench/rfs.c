// SPDX-License-Identifier: GPL-2.0
/*
 * The remote file system (fs/rfs.c): stat and 4 KiB reads and writes of
 * a file on /mnt/storage, beside the same calls on a local RAM file
 * (/tmp).  Documentation/lego/disaggregation.rst, "The remote file
 * system"; BENCHMARKS.md has the method.
 *
 * Where the storage component is (bench/run.sh):
 *   /bench/rfs     the processor itself (lego.node=1 lego.peers=storage:1
 *                  lego.storage_root=/srv): every storage call runs the
 *                  whole protocol on both sides, its frames delivered in
 *                  memory, and nothing waits, so -icount counts every
 *                  instruction; the local rows are measured in the same
 *                  boot.
 *   /bench/rfsvm   lego-storaged on the host over loopback UDP: the wire
 *                  and the daemon are in it, which is why it is measured
 *                  by the wall clock only (a guest waiting for a reply
 *                  under -icount sleep=off has its clock moved ahead).
 * The program's name picks its rows.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include "bench.h"

#define REMOTE	"/mnt/storage/bench-rfs"
#define LOCAL	"/tmp/bench-rfs"
#define IO	4096

static char buf[IO];

/* The file, IO bytes long, open read-write; an n/a reason otherwise. */
static long prepare(const char *path)
{
	long fd = sys4(SYS_openat, AT_FDCWD, path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (sys_err(fd))
		return fd;
	if (sys4(SYS_pwrite64, fd, buf, IO, 0) != IO) {
		sys1(SYS_close, fd);
		return -EIO;
	}
	return fd;
}

static s64 do_stat(long n, const char *path)
{
	static struct stat st;
	long fd = prepare(path), e;

	if (sys_err(fd))
		return bench_na("creating %s: %e (no storage at /mnt/storage?)", path, sys_err(fd));
	sys1(SYS_close, fd);
	e = sys_err(sys2(SYS_stat, path, &st));
	if (e || st.st_size != IO)
		return bench_na("stat %s: %e, size %ld", path, e, (long)st.st_size);
	return TIMED_LOOP(n, sys2(SYS_stat, path, &st));
}

/* pread or pwrite of IO bytes at offset 0, n times. */
static s64 do_io(long n, const char *path, int nr)
{
	long fd = prepare(path), r;
	s64 t;

	if (sys_err(fd))
		return bench_na("creating %s: %e (no storage at /mnt/storage?)", path, sys_err(fd));
	r = sys4(nr, fd, buf, IO, 0);
	if (r != IO) {
		sys1(SYS_close, fd);
		return bench_na("%s of %s: %ld", nr == SYS_pread64 ? "pread" : "pwrite", path, r);
	}
	t = TIMED_LOOP(n, sys4(nr, fd, buf, IO, 0));
	sys1(SYS_close, fd);
	return t;
}

s64 bench_local_stat(long n) { return do_stat(n, LOCAL); }
s64 bench_local_read_4k(long n) { return do_io(n, LOCAL, SYS_pread64); }
s64 bench_local_write_4k(long n) { return do_io(n, LOCAL, SYS_pwrite64); }
s64 bench_remote_stat(long n) { return do_stat(n, REMOTE); }
s64 bench_remote_read_4k(long n) { return do_io(n, REMOTE, SYS_pread64); }
s64 bench_remote_write_4k(long n) { return do_io(n, REMOTE, SYS_pwrite64); }
s64 bench_remote_stat_vm(long n) { return do_stat(n, REMOTE); }
s64 bench_remote_read_4k_vm(long n) { return do_io(n, REMOTE, SYS_pread64); }
s64 bench_remote_write_4k_vm(long n) { return do_io(n, REMOTE, SYS_pwrite64); }

int main(int argc, char **argv, char **envp)
{
	return bench_main(argv[0], argc, argv, envp);
}
