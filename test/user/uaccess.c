// Bad user pointers get -EFAULT, never a crash, in both directions: the
// kernel writing to user memory (read into the pointer, clock_gettime,
// uname, fstat, getcwd, pread64, ...) and reading from it (write from
// the pointer, paths, the nanosleep request, iovec arrays and the buffers
// they name).  Bad means NULL, a low unmapped page, kernel addresses,
// non-canonical addresses, the guard page at TASK_SIZE_MAX, and ranges
// straddling the top of user space.  A failing call changes nothing the
// caller can see: the file offset, the file size, the bytes it was given.
// lego-test: libc=musl
#define LT_SUITE "uaccess"
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include "lego_test.h"

/* x86-64 with 4-level paging: the first address past user space (Linux's
 * TASK_SIZE_MAX, one page below 2^47; that last page is never mapped). */
#define TASK_SIZE_MAX	0x7ffffffff000UL
#define TOP_PAGE	(TASK_SIZE_MAX - 4096)

static const struct {
	const char *name;
	unsigned long addr;
} bad[] = {
	{ "null",		0 },
	{ "low",		0x1000 },
	{ "kernel_text",	0xffffffff80000000UL },
	{ "direct_map",		0xffff888000000000UL },
	{ "noncanon_low",	0x0000800000000000UL },
	{ "noncanon_high",	0x8000000000000000UL },
	{ "noncanon_dead",	0xdead000000000000UL },
	{ "guard_page",		TASK_SIZE_MAX },
};
#define NBAD (sizeof(bad) / sizeof(bad[0]))

static int zero_fd, file_fd;
static const char file_path[] = "/uaccess.data";
static const char file_data[16] = "0123456789abcdef";

/*
 * /dev/zero: Lego makes its /dev nodes itself; Linux's initramfs has only
 * /dev/console, so the node is made as Linux's devtmpfs would name it.
 */
static int open_dev(const char *path, unsigned int major, unsigned int minor)
{
	long fd = lt_syscall3(SYS_open, path, O_RDWR, 0);

	if (fd == -ENOENT) {
		lt_syscall3(SYS_mknod, path, S_IFCHR | 0666, makedev(major, minor));
		fd = lt_syscall3(SYS_open, path, O_RDWR, 0);
	}
	return fd;
}

static long offset(int fd)
{
	return lt_syscall3(SYS_lseek, fd, 0, SEEK_CUR);
}

static long file_size(int fd)
{
	struct stat st;

	if (lt_syscall2(SYS_fstat, fd, &st))
		return -1;
	return st.st_size;
}

/* The kernel writes to the pointer. */
static void to_user(const char *ptr, unsigned long a)
{
	void *p = (void *)a;

	EXPECT_RET(lt_cat("read_zero", ptr), lt_syscall3(SYS_read, zero_fd, p, 8), -EFAULT);
	EXPECT_RET(lt_cat("read_file", ptr), lt_syscall3(SYS_read, file_fd, p, 8), -EFAULT);
	EXPECT_EQ(lt_cat("read_file/offset_kept", ptr), offset(file_fd), 4);
	EXPECT_RET(lt_cat("pread64", ptr), lt_syscall4(SYS_pread64, file_fd, p, 8, 0), -EFAULT);
	EXPECT_RET(lt_cat("clock_gettime", ptr),
		   lt_syscall2(SYS_clock_gettime, CLOCK_MONOTONIC, p), -EFAULT);
	/* NULL is these two's "no result wanted" (time_basic tests it). */
	if (a) {
		EXPECT_RET(lt_cat("gettimeofday", ptr), lt_syscall2(SYS_gettimeofday, p, 0),
			   -EFAULT);
		EXPECT_RET(lt_cat("time", ptr), lt_syscall1(SYS_time, p), -EFAULT);
	}
	EXPECT_RET(lt_cat("uname", ptr), lt_syscall1(SYS_uname, p), -EFAULT);
	EXPECT_RET(lt_cat("fstat", ptr), lt_syscall2(SYS_fstat, file_fd, p), -EFAULT);
	EXPECT_RET(lt_cat("getcwd", ptr), lt_syscall2(SYS_getcwd, p, 256), -EFAULT);
	EXPECT_RET(lt_cat("getrandom", ptr), lt_syscall3(SYS_getrandom, p, 8, 0), -EFAULT);
}

/* The kernel reads from the pointer. */
static void from_user(const char *ptr, unsigned long a)
{
	void *p = (void *)a;
	struct iovec iov = { p, 8 };
	struct stat st;

	EXPECT_RET(lt_cat("write_console", ptr), lt_syscall3(SYS_write, 1, p, 8), -EFAULT);
	EXPECT_RET(lt_cat("write_file", ptr), lt_syscall3(SYS_write, file_fd, p, 8), -EFAULT);
	EXPECT_EQ(lt_cat("write_file/offset_kept", ptr), offset(file_fd), 4);
	EXPECT_EQ(lt_cat("write_file/size_kept", ptr), file_size(file_fd), 16);
	EXPECT_RET(lt_cat("pwrite64", ptr), lt_syscall4(SYS_pwrite64, file_fd, p, 8, 0), -EFAULT);
	EXPECT_RET(lt_cat("open", ptr), lt_syscall3(SYS_open, p, O_RDONLY, 0), -EFAULT);
	EXPECT_RET(lt_cat("openat", ptr), lt_syscall4(SYS_openat, AT_FDCWD, p, O_RDONLY, 0),
		   -EFAULT);
	EXPECT_RET(lt_cat("open_creat", ptr),
		   lt_syscall3(SYS_open, p, O_RDWR | O_CREAT, 0600), -EFAULT);
	EXPECT_RET(lt_cat("newfstatat", ptr),
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, p, &st, 0), -EFAULT);
	EXPECT_RET(lt_cat("nanosleep", ptr), lt_syscall2(SYS_nanosleep, p, 0), -EFAULT);
	EXPECT_RET(lt_cat("writev_array", ptr), lt_syscall3(SYS_writev, 1, p, 1), -EFAULT);
	EXPECT_RET(lt_cat("writev_base", ptr), lt_syscall3(SYS_writev, 1, &iov, 1), -EFAULT);
	EXPECT_RET(lt_cat("writev_base_file", ptr), lt_syscall3(SYS_writev, file_fd, &iov, 1),
		   -EFAULT);
	EXPECT_EQ(lt_cat("writev_base_file/offset_kept", ptr), offset(file_fd), 4);
	EXPECT_RET(lt_cat("readv_array", ptr), lt_syscall3(SYS_readv, file_fd, p, 1), -EFAULT);
	EXPECT_RET(lt_cat("readv_base", ptr), lt_syscall3(SYS_readv, file_fd, &iov, 1), -EFAULT);
	EXPECT_EQ(lt_cat("readv_base/offset_kept", ptr), offset(file_fd), 4);
}

/*
 * Zero-length transfers: Linux checks the range even when it is empty,
 * so a kernel address fails while NULL (a user address) reads nothing.
 */
static void zero_length(void)
{
	EXPECT_RET("zero_len/read_null", lt_syscall3(SYS_read, zero_fd, 0, 0), 0);
	EXPECT_RET("zero_len/read_kernel",
		   lt_syscall3(SYS_read, zero_fd, 0xffffffff80000000UL, 0), -EFAULT);
	EXPECT_RET("zero_len/write_null", lt_syscall3(SYS_write, file_fd, 0, 0), 0);
	EXPECT_RET("zero_len/write_noncanon",
		   lt_syscall3(SYS_write, file_fd, 0x8000000000000000UL, 0), -EFAULT);
	EXPECT_EQ("zero_len/offset_kept", offset(file_fd), 4);
}

/* The descriptor is checked before the buffer. */
static void order(void)
{
	EXPECT_RET("order/read_ebadf", lt_syscall3(SYS_read, 999, 0, 8), -EBADF);
	EXPECT_RET("order/write_ebadf", lt_syscall3(SYS_write, 999, 0, 8), -EBADF);
	EXPECT_RET("order/fstat_ebadf", lt_syscall2(SYS_fstat, 999, 0), -EBADF);
}

/*
 * A buffer whose first half is mapped and second half is not (both
 * below TASK_SIZE_MAX): a transfer ends short at the fault, giving the
 * bytes done.
 */
static void partial(void)
{
	char *m = (char *)lt_syscall6(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i, ok = 1;

	if (!EXPECT_TRUE("partial/mmap", (unsigned long)m < TASK_SIZE_MAX))
		return;
	EXPECT_RET("partial/munmap_second", lt_syscall2(SYS_munmap, m + 4096, 4096), 0);
	for (i = 0; i < 8; i++)
		m[4088 + i] = 0x55;
	/* /dev/zero clears what it can: 8 bytes before the hole. */
	EXPECT_RET("partial/read_zero", lt_syscall3(SYS_read, zero_fd, m + 4088, 16), 8);
	for (i = 0; i < 8; i++)
		ok &= m[4088 + i] == 0;
	EXPECT_TRUE("partial/read_zero/bytes", ok);
	/* A regular file: the bytes that fit, the offset advanced by them. */
	EXPECT_RET("partial/read_file", lt_syscall3(SYS_read, file_fd, m + 4092, 8), 4);
	EXPECT_TRUE("partial/read_file/bytes", m[4092] == '4' && m[4095] == '7');
	EXPECT_EQ("partial/read_file/offset", offset(file_fd), 8);
	lt_syscall3(SYS_lseek, file_fd, 4, SEEK_SET);
	/*
	 * The console copies a write in chunks of 2048 bytes, each whole
	 * before any of it goes out: a fault ends the write with the chunks
	 * before it, or -EFAULT in the first.  (The bytes are blank lines.)
	 */
	for (i = 0; i < 4096; i++)
		m[i] = (i & 63) == 63 ? '\n' : ' ';
	EXPECT_RET("partial/write_console_first_chunk",
		   lt_syscall3(SYS_write, 1, m + 4096 - 64, 128), -EFAULT);
	EXPECT_RET("partial/write_console_second_chunk",
		   lt_syscall3(SYS_write, 1, m + 4096 - 2048 - 64, 4096), 2048);
	lt_syscall2(SYS_munmap, m, 4096);
}

/*
 * A transfer straddling TASK_SIZE_MAX is refused whole, before anything
 * moves: -EFAULT, the bytes below TASK_SIZE_MAX untouched.  (Linux with
 * 5-level paging has user space beyond it; the Linux runs boot with
 * no5lvl, the machine Lego models.)
 */
static void fill(char *p, char c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = c;
}

static void file_at(char *got, long pos)
{
	lt_syscall4(SYS_pread64, file_fd, got, 4, pos);
}

/* The last user page, mapped: [TOP_PAGE, TASK_SIZE_MAX). */
static void straddle(void)
{
	char *end = (char *)TASK_SIZE_MAX, *p = end - 4, got[4];
	struct iovec *viov = (struct iovec *)(end - 8), iov = { p, 8 };
	struct stat st;

	if (!EXPECT_EQ("straddle/mmap_top_page",
		       lt_syscall6(SYS_mmap, TOP_PAGE, 4096, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		       TOP_PAGE))
		return;

	/* Kernel to user. */
	fill(p, (char)0xaa, 4);
	EXPECT_RET("straddle/read_zero", lt_syscall3(SYS_read, zero_fd, p, 8), -EFAULT);
	EXPECT_RET("straddle/read_file", lt_syscall3(SYS_read, file_fd, p, 8), -EFAULT);
	EXPECT_EQ("straddle/read_file/offset_kept", offset(file_fd), 4);
	EXPECT_RET("straddle/pread64", lt_syscall4(SYS_pread64, file_fd, p, 8, 0), -EFAULT);
	EXPECT_RET("straddle/readv_base", lt_syscall3(SYS_readv, file_fd, &iov, 1), -EFAULT);
	EXPECT_EQ("straddle/readv_base/offset_kept", offset(file_fd), 4);
	EXPECT_RET("straddle/getrandom", lt_syscall3(SYS_getrandom, p, 8, 0), -EFAULT);
	EXPECT_TRUE("straddle/to_user/untouched", lt_memeq(p, "\xaa\xaa\xaa\xaa", 4));
	/* Structures are copied whole or the call fails. */
	EXPECT_RET("straddle/clock_gettime",
		   lt_syscall2(SYS_clock_gettime, CLOCK_MONOTONIC, end - 8), -EFAULT);
	EXPECT_RET("straddle/uname", lt_syscall1(SYS_uname, end - 100), -EFAULT);
	EXPECT_RET("straddle/fstat", lt_syscall2(SYS_fstat, file_fd, end - 64), -EFAULT);
	/* getcwd copies strlen("/") + 1 bytes: one past the end faults. */
	EXPECT_RET("straddle/getcwd", lt_syscall2(SYS_getcwd, end - 1, 8), -EFAULT);

	/* The same calls with a range that just fits work. */
	fill(p, (char)0xaa, 4);
	EXPECT_RET("straddle/read_zero_fits", lt_syscall3(SYS_read, zero_fd, p, 4), 4);
	EXPECT_TRUE("straddle/read_zero_fits/bytes", lt_memeq(p, "\0\0\0\0", 4));
	EXPECT_RET("straddle/clock_gettime_fits",
		   lt_syscall2(SYS_clock_gettime, CLOCK_MONOTONIC, end - 16), 0);
	EXPECT_RET("straddle/getcwd_fits", lt_syscall2(SYS_getcwd, end - 2, 8), 2);
	EXPECT_TRUE("straddle/getcwd_fits/bytes", end[-2] == '/' && end[-1] == 0);

	/* User to kernel. */
	fill(p, 'x', 4);
	/* The console tty copies each chunk whole before writing any of it. */
	EXPECT_RET("straddle/write_console", lt_syscall3(SYS_write, 1, p, 8), -EFAULT);
	EXPECT_RET("straddle/write_file", lt_syscall3(SYS_write, file_fd, p, 8), -EFAULT);
	EXPECT_EQ("straddle/write_file/offset_kept", offset(file_fd), 4);
	EXPECT_EQ("straddle/write_file/size_kept", file_size(file_fd), 16);
	EXPECT_RET("straddle/pwrite64", lt_syscall4(SYS_pwrite64, file_fd, p, 8, 0), -EFAULT);
	EXPECT_RET("straddle/writev_base", lt_syscall3(SYS_writev, file_fd, &iov, 1), -EFAULT);
	EXPECT_EQ("straddle/writev_base/offset_kept", offset(file_fd), 4);
	file_at(got, 0);
	EXPECT_TRUE("straddle/from_user/file_kept", lt_memeq(got, "0123", 4));
	file_at(got, 4);
	EXPECT_TRUE("straddle/from_user/file_kept_at_offset", lt_memeq(got, "4567", 4));
	/* An iovec array running past the end is not read at all. */
	viov->iov_base = (void *)file_data;
	EXPECT_RET("straddle/writev_array", lt_syscall3(SYS_writev, file_fd, viov, 1), -EFAULT);
	EXPECT_EQ("straddle/writev_array/offset_kept", offset(file_fd), 4);
	/* A path with no NUL before the end of user space. */
	fill(p, 'x', 4);
	EXPECT_RET("straddle/open", lt_syscall3(SYS_open, p, O_RDONLY, 0), -EFAULT);
	EXPECT_RET("straddle/openat", lt_syscall4(SYS_openat, AT_FDCWD, p, O_RDONLY, 0),
		   -EFAULT);
	/* One whose NUL is the very last user byte is a path like any other. */
	p[0] = '/';
	p[1] = 'n';
	p[2] = 'x';
	p[3] = 0;
	EXPECT_RET("straddle/open_fits", lt_syscall3(SYS_open, p, O_RDONLY, 0), -ENOENT);
	EXPECT_RET("straddle/newfstatat_fits",
		   lt_syscall4(SYS_newfstatat, AT_FDCWD, p, &st, 0), -ENOENT);
	EXPECT_RET("straddle/nanosleep", lt_syscall2(SYS_nanosleep, end - 8, 0), -EFAULT);

	EXPECT_RET("straddle/munmap", lt_syscall2(SYS_munmap, TOP_PAGE, 4096), 0);
}

/*
 * The straddle checks map over the last user page.  Without stack
 * randomization (Lego; Linux booted with norandmaps) that page is the
 * top of the initial stack, so they run last, on a stack of their own,
 * and the program ends from there.
 */
static char own_stack[64 * 1024] __attribute__((aligned(16)));

static void __attribute__((noreturn)) last_checks(void)
{
	straddle();
	lt_syscall1(SYS_exit_group, lt_done());
	for (;;)
		;
}

int main(void)
{
	size_t i;

	zero_fd = open_dev("/dev/zero", 1, 5);
	file_fd = lt_syscall3(SYS_open, file_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (!EXPECT_TRUE("setup/dev_zero", zero_fd >= 0) ||
	    !EXPECT_TRUE("setup/file", file_fd >= 0) ||
	    !EXPECT_RET("setup/write", lt_syscall3(SYS_write, file_fd, file_data, 16), 16) ||
	    !EXPECT_RET("setup/lseek", lt_syscall3(SYS_lseek, file_fd, 4, SEEK_SET), 4))
		return lt_done();

	for (i = 0; i < NBAD; i++) {
		to_user(bad[i].name, bad[i].addr);
		from_user(bad[i].name, bad[i].addr);
	}
	zero_length();
	order();
	partial();

	asm volatile("mov %0, %%rsp\n\t"
		     "call *%1\n\t"
		     "ud2"
		     : : "r"(own_stack + sizeof(own_stack)), "r"(last_checks) : "memory");
	__builtin_unreachable();
}
