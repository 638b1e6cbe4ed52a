// /proc/lego/syscall_homes and syscall_homes_32 against the syscall
// tables they were generated from: each table (in the initramfs) is parsed
// here, independently of the generator, and every common/64 line (i386
// for the 32-bit file) must appear in the file, in number order, as
// "<number> <name> <home>", and nothing else.  A few homes are checked by
// name as well, and the files take no writes.
// lego-test: libc=musl
// (Lego only: /proc/lego is Lego's.)
// lego-test: linux=no
// lego-test: file=arch/x86/entry/syscalls/syscall_64.tbl:/syscall_64.tbl
// lego-test: file=arch/x86/entry/syscalls/syscall_32.tbl:/syscall_32.tbl
#define _GNU_SOURCE
#define LT_SUITE "syscall_homes"
#include "lego_test.h"
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static char table[96 * 1024], homes[32 * 1024], want[32 * 1024];

static long slurp(const char *path, char *buf, size_t size)
{
	long n = 0, r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -errno;
	while ((r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	return r < 0 ? -errno : n;
}

/* The lines of the table whose ABI is abi1 or abi2, "<number> <name>
 * <home>\n" each; the table is in number order already (the host test
 * checks the generator sorts; here the order of the file is the order of
 * the table). */
static size_t expected(const char *abi1, const char *abi2)
{
	char *line = table, *next, *f[6];
	size_t len = 0;
	int n;

	for (; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (next > line)
			next[-1] = 0;
		for (n = 0; n < 6 && (f[n] = strtok(n ? NULL : line, " \t")); n++)
			;
		if (n < 4 || f[0][0] == '#' || (strcmp(f[1], abi1) && strcmp(f[1], abi2)))
			continue;
		len += snprintf(want + len, sizeof(want) - len, "%s %s %s\n", f[0], f[2], f[n - 1]);
	}
	return len;
}

static int has_line(const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = homes; (p = strstr(p, line)); p++)
		if ((p == homes || p[-1] == '\n') && p[n] == '\n')
			return 1;
	return 0;
}

/* The file against its table, and that it takes no writes. */
static void check_file(const char *name, const char *tbl, const char *proc,
		       const char *abi1, const char *abi2)
{
	char tag[64];
	long nt = slurp(tbl, table, sizeof(table));
	long nh = slurp(proc, homes, sizeof(homes));
	int fd;

#define T(what) (snprintf(tag, sizeof(tag), "%s-%s", name, what), tag)
	EXPECT_TRUE(T("read-table"), nt > 1000);
	EXPECT_TRUE(T("read-homes"), nh > 1000);
	if (nt > 1000) {
		size_t nw = expected(abi1, abi2);

		EXPECT_TRUE(T("table-parsed"), nw > 3000);
		EXPECT_EQ(T("same-length"), (size_t)nh, nw);
		EXPECT_TRUE(T("same-lines"), nh > 0 && (size_t)nh == nw && !memcmp(homes, want, nw));
	}

	/* Root may open it for writing (DAC override), but it takes no
	 * writes: EINVAL, as Linux's proc files without a write handler. */
	fd = open(proc, O_WRONLY);
	EXPECT_TRUE(T("open-wronly"), fd >= 0);
	if (fd >= 0) {
		EXPECT_EQ(T("write-einval"), write(fd, "0 read local\n", 13) < 0 ? errno : 0, EINVAL);
		close(fd);
	}
	EXPECT_EQ(T("unchanged"), slurp(proc, want, sizeof(want)), nh);
	EXPECT_TRUE(T("unchanged-bytes"), nh > 0 && !memcmp(want, homes, nh));
#undef T
}

int main(void)
{
	check_file("64", "/syscall_64.tbl", "/proc/lego/syscall_homes", "common", "64");
	slurp("/proc/lego/syscall_homes", homes, sizeof(homes));
	EXPECT_TRUE("read-storage", has_line("0 read storage"));
	EXPECT_TRUE("openat-storage", has_line("257 openat storage"));
	EXPECT_TRUE("uselib-no-handler", has_line("134 uselib storage"));
	EXPECT_TRUE("mmap-memory", has_line("9 mmap memory"));
	EXPECT_TRUE("brk-memory", has_line("12 brk memory"));
	EXPECT_TRUE("madvise-memory", has_line("28 madvise memory"));
	EXPECT_TRUE("getpid-local", has_line("39 getpid local"));
	EXPECT_TRUE("no-x32", !has_line("512 rt_sigaction local"));

	/* The i386 table: Linux's numbers and names, the homes of the 64-bit
	 * calls they share handlers with. */
	check_file("32", "/syscall_32.tbl", "/proc/lego/syscall_homes_32", "i386", "i386");
	slurp("/proc/lego/syscall_homes_32", homes, sizeof(homes));
	EXPECT_TRUE("32-read-storage", has_line("3 read storage"));
	EXPECT_TRUE("32-getpid-local", has_line("20 getpid local"));
	EXPECT_TRUE("32-mmap2-memory", has_line("192 mmap2 memory"));
	EXPECT_TRUE("32-getuid32-name", has_line("199 getuid32 local"));
	EXPECT_TRUE("32-llseek-name", has_line("140 _llseek storage"));
	EXPECT_TRUE("32-no-64bit-numbers", !has_line("0 read storage"));
	return lt_done();
}
