// [vvar] and [vdso] are VMAs like others, over pages the kernel owns, and
// behave as on Linux: [vvar] lies right below [vdso]; fork keeps both at
// the same address; [vvar] may not be made writable or executable, nor
// (Linux's VM_IO) dropped or dumped; [vdso] may be made writable, and a
// write then copies the page for this process only, exec bringing the
// original back; either may be unmapped (the C library's next clock call
// then faults), moved whole by mremap, but never grown; mincore calls
// them resident; /proc/self/maps names them.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "vdso_mm"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "lego_test.h"
#include "lego_child.h"
#include "lego_maps.h"

#define PAGE	4096UL

static unsigned long vdso, vdso_len, vvar, vvar_len;

static int mapped(unsigned long a)
{
	unsigned char v;

	return !mincore((void *)a, PAGE, &v);
}

/* errno of a failed call, 0 for success. */
#define ERR(call)	((call) == -1 ? errno : 0)

static int clock_call(void)
{
	struct timespec t;

	return clock_gettime(CLOCK_MONOTONIC, &t) ? 1 : 0;
}

static int unmap_vdso_then_call(void)
{
	if (munmap((void *)vdso, vdso_len))
		return 2;
	return clock_call();
}

static int unmap_vvar_then_call(void)
{
	if (munmap((void *)vvar, vvar_len))
		return 2;
	return clock_call();
}

static int vvar_none_then_read(void)
{
	if (mprotect((void *)vvar, vvar_len, PROT_NONE))
		return 2;
	return *(volatile unsigned char *)vvar;
}

static int vvar_none_and_back(void)
{
	if (mprotect((void *)vvar, vvar_len, PROT_NONE) ||
	    mprotect((void *)vvar, vvar_len, PROT_READ))
		return 2;
	return clock_call();
}

/* After fork: the same place, working. */
static int forked_child(void)
{
	return getauxval(AT_SYSINFO_EHDR) != vdso || !mapped(vvar) || clock_call();
}

/* e_ident[EI_PAD]: a byte of the ELF header nothing reads. */
#define SCRIBBLE	((volatile unsigned char *)(vdso + 15))

static int write_then_exec(void)
{
	static char *const argv[] = { "/vdso_mm", "exec", 0 };
	pid_t sibling;
	int st = -1;

	if (mprotect((void *)vdso, vdso_len, PROT_READ | PROT_WRITE | PROT_EXEC))
		return 2;
	sibling = fork();
	if (!sibling) {		/* forked before the write: keeps the original */
		usleep(200000);
		_exit(*SCRIBBLE != 0);
	}
	*SCRIBBLE = 0x5a;
	if (*SCRIBBLE != 0x5a || clock_call())
		return 3;
	waitpid(sibling, &st, 0);
	if (st)
		return 4;
	execv(argv[0], argv);
	return 5;
}

static int dontfork_then_fork(void)
{
	int st = -1;
	pid_t p;

	if (madvise((void *)vdso, vdso_len, MADV_DONTFORK))
		return 2;
	p = fork();
	if (!p)
		_exit(mapped(vdso) ? 1 : 0);
	waitpid(p, &st, 0);
	return st != 0;
}

static int dontneed_then_call(void)
{
	if (madvise((void *)vdso, vdso_len, MADV_DONTNEED))
		return 2;
	return clock_call() || memcmp((void *)vdso, "\177ELF", 4);
}

/* Both moved whole, side by side, to a place reserved for them. */
static int move_both(void)
{
	char *to = mmap(0, vvar_len + vdso_len + 2 * PAGE, PROT_NONE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) + PAGE;

	if (mremap((void *)vvar, vvar_len, vvar_len, MREMAP_MAYMOVE | MREMAP_FIXED,
		   to) != to)
		return 2;
	if (mremap((void *)vdso, vdso_len, vdso_len, MREMAP_MAYMOVE | MREMAP_FIXED,
		   to + vvar_len) != to + vvar_len)
		return 3;
	if (mapped(vdso) || mapped(vvar))
		return 4;
	return memcmp(to + vvar_len, "\177ELF", 4) ? 5 : 0;
}

static int map_over_vdso(void)
{
	void *p = mmap((void *)vdso, vdso_len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		       MAP_FIXED, -1, 0);

	return p != (void *)vdso || *(volatile unsigned char *)vdso != 0;
}

static void check_maps(void)
{
	char text[8192], want[64];

	if (!lt_read_maps(text, sizeof(text))) {
		lt_printf("# /proc/self/maps not available here: its lines not checked\n");
		return;
	}
	snprintf(want, sizeof(want), "%lx-%lx r-xp ", vdso, vdso + vdso_len);
	lt_check("maps/vdso", strstr(text, want) &&
		 strstr(strstr(text, want), "[vdso]\n"), "no line %s... [vdso]", want);
	snprintf(want, sizeof(want), "%lx-%lx r--p ", vvar, vdso);
	lt_check("maps/vvar", strstr(text, want) &&
		 strstr(strstr(text, want), "[vvar]\n"), "no line %s... [vvar]", want);
}

int main(int argc, char **argv)
{
	unsigned char vec[16];
	unsigned long i, all = 1;

	vdso = getauxval(AT_SYSINFO_EHDR);
	if (argc > 1) {		/* the program again, after exec */
		lt_check("exec/fresh_image", vdso && *(volatile unsigned char *)(vdso + 15) == 0,
			 "vdso %lx", vdso);
		return lt_done();
	}
	if (!lt_check("auxv/sysinfo_ehdr", vdso && !(vdso & (PAGE - 1)), "%lx", vdso))
		return lt_done();
	for (vdso_len = 0; mapped(vdso + vdso_len); vdso_len += PAGE)
		;
	for (vvar = vdso; mapped(vvar - PAGE); vvar -= PAGE)
		;
	vvar_len = vdso - vvar;
	EXPECT_TRUE("layout/vdso", vdso_len >= PAGE);
	EXPECT_TRUE("layout/vvar_below", vvar_len >= PAGE && vvar_len <= 16 * PAGE);
	EXPECT_EQ("layout/vvar_readable", *(volatile unsigned char *)vvar,
		  *(volatile unsigned char *)vvar);
	EXPECT_EQ("mincore/ret", mincore((void *)vvar, vvar_len + vdso_len, vec), 0);
	for (i = 0; i < (vvar_len + vdso_len) / PAGE && i < sizeof(vec); i++)
		all &= vec[i] & 1;
	EXPECT_TRUE("mincore/resident", all);
	check_maps();

	lt_expect_exit0("fork/same_place", forked_child);

	EXPECT_EQ("mprotect/vvar_write", ERR(mprotect((void *)vvar, vvar_len,
						      PROT_READ | PROT_WRITE)), EACCES);
	EXPECT_EQ("mprotect/vvar_exec", ERR(mprotect((void *)vvar, vvar_len,
						     PROT_READ | PROT_EXEC)), EACCES);
	lt_expect_signal("mprotect/vvar_none", vvar_none_then_read, SIGSEGV);
	lt_expect_exit0("mprotect/vvar_none_and_back", vvar_none_and_back);
	EXPECT_EQ("mprotect/vdso_read", ERR(mprotect((void *)vdso, vdso_len,
						     PROT_READ | PROT_EXEC)), 0);
	EXPECT_EQ("mprotect/vdso_write_copies", lt_child(write_then_exec), 0);
	EXPECT_EQ("mprotect/original_untouched", *(volatile unsigned char *)(vdso + 15), 0);

	lt_expect_signal("munmap/vdso_then_call", unmap_vdso_then_call, SIGSEGV);
	lt_expect_signal("munmap/vvar_then_call", unmap_vvar_then_call, SIGSEGV);
	lt_expect_exit0("mmap_fixed/over_vdso", map_over_vdso);

	EXPECT_EQ("mremap/grow_vdso", ERR((long)mremap((void *)vdso, vdso_len,
						       vdso_len + PAGE, MREMAP_MAYMOVE)), EFAULT);
	EXPECT_EQ("mremap/grow_vvar", ERR((long)mremap((void *)vvar, vvar_len,
						       vvar_len + PAGE, MREMAP_MAYMOVE)), EFAULT);
	EXPECT_EQ("mremap/dontunmap", ERR((long)mremap((void *)vdso, vdso_len, vdso_len,
						       MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0)),
		  EINVAL);
	EXPECT_EQ("mremap/same_size", (long)mremap((void *)vdso, vdso_len, vdso_len, 0),
		  (long)vdso);
	lt_expect_exit0("mremap/move_both", move_both);

	EXPECT_EQ("madvise/vvar_dontneed", ERR(madvise((void *)vvar, vvar_len,
						       MADV_DONTNEED)), EINVAL);
	EXPECT_EQ("madvise/vvar_dofork", ERR(madvise((void *)vvar, vvar_len,
						     MADV_DOFORK)), EINVAL);
	EXPECT_EQ("madvise/vdso_dodump", ERR(madvise((void *)vdso, vdso_len,
						     MADV_DODUMP)), EINVAL);
	EXPECT_EQ("madvise/vdso_free", ERR(madvise((void *)vdso, vdso_len, MADV_FREE)),
		  EINVAL);
	lt_expect_exit0("madvise/vdso_dontneed", dontneed_then_call);
	lt_expect_exit0("madvise/vdso_dontfork", dontfork_then_fork);
	EXPECT_EQ("mlock/vdso", ERR(mlock((void *)vdso, vdso_len)), 0);
	EXPECT_EQ("mlock/still_works", clock_call(), 0);
	return lt_done();
}
