// Regression: running out of memory in a page fault.  An anonymous fault
// that found no free page took the allocator's NULL for a page and
// installed a PTE for the frame page_to_pfn(NULL), far past the end of
// memory; the next munmap, fork or exit of that mapping read a struct
// page there and the kernel oopsed (fuzz seed 206: mlock of a large
// mapping).  Now a fault without memory kills the process that needs the
// page (SIGKILL, as Linux's OOM killer does when that process is the
// biggest), mlock's populate reports EAGAIN as Linux's does (or the
// caller is killed, as Linux's OOM killer may do first) and mlockall
// succeeds as Linux's (which ignores populating errors), and everything
// comes back: a program touching memory afterwards runs, and on Lego the
// kernel's page and object counts return to where they started.
// lego-test: libc=musl
// lego-test: timeout=240
#define _GNU_SOURCE
#define LT_SUITE "regress_fault_oom"
#include "lego_test.h"
#include "lego_kmem.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define HUGE_LEN	(1UL << 30)	/* four times the test machine's memory */
#define AFTER_LEN	(32UL << 20)

static int on_lego(void)
{
	struct utsname u;

	return !uname(&u) && strstr(u.release, "lego");
}

/* Touches every page of a mapping larger than memory: never returns. */
static void toucher(void)
{
	unsigned long *p = mmap(NULL, HUGE_LEN, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED)
		_exit(2);
	for (i = 0; i < HUGE_LEN / sizeof(*p); i += 4096 / sizeof(*p))
		p[i] = i;
	_exit(3);
}

/* mlocks a mapping larger than memory; exits with mlock's errno. */
static void locker(void)
{
	void *p = mmap(NULL, HUGE_LEN, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		_exit(100);
	if (!mlock(p, HUGE_LEN))
		_exit(101);
	_exit(errno);
}

/* mlockall over a mapping larger than memory: exits 0 if it returned 0. */
static void locker_all(void)
{
	void *p = mmap(NULL, HUGE_LEN, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		_exit(100);
	_exit(mlockall(MCL_CURRENT) ? errno : 0);
}

/* After the storm: memory can be had and holds what is written. */
static void after(void)
{
	unsigned char *p = mmap(NULL, AFTER_LEN, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED)
		_exit(2);
	for (i = 0; i < AFTER_LEN; i += 512)
		p[i] = (unsigned char)(i >> 9);
	for (i = 0; i < AFTER_LEN; i += 512)
		if (p[i] != (unsigned char)(i >> 9))
			_exit(3);
	if (munmap(p, AFTER_LEN))
		_exit(4);
	_exit(0);
}

static int run(void (*fn)(void))
{
	int st = -1;
	pid_t p = fork();

	if (p == 0)
		fn();
	if (p < 0 || waitpid(p, &st, 0) != p)
		return -1;
	return st;
}

int main(void)
{
	struct kmem_snap start, now;
	int lego = on_lego(), st, i;

	/* A first child, and a first kmem_settle(), take what the kernel
	 * keeps once made (a kernel stack cache, slab pages) and the pages
	 * this program's own paths touch: not leaks. */
	st = run(after);
	lt_check("before", st == 0, "expected status 0, got 0x%x", st);
	if (lego) {
		kmem_read(&start);
		kmem_settle(&start, &now);
		lt_check("kmem/start", !kmem_read(&start), "/proc/lego/kmem unreadable");
	}
	for (i = 0; i < 2; i++) {
		st = run(toucher);
		lt_check(i ? "touch/again" : "touch", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
			 "expected SIGKILL, got status 0x%x", st);
	}
	st = run(locker);
	lt_check("mlock", (WIFEXITED(st) && WEXITSTATUS(st) == EAGAIN) ||
			  (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL),
		 "expected exit EAGAIN or SIGKILL, got status 0x%x", st);
	if (lego)
		lt_check("mlock/eagain", WIFEXITED(st) && WEXITSTATUS(st) == EAGAIN,
			 "expected exit %d, got status 0x%x", EAGAIN, st);
	/* Linux's mm_populate ignores errors: mlockall succeeds (if the OOM
	 * killer does not take the caller first). */
	st = run(locker_all);
	lt_check("mlockall", st == 0 || (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL),
		 "expected status 0 or SIGKILL, got status 0x%x", st);
	if (lego)
		lt_check("mlockall/zero", st == 0, "expected status 0, got 0x%x", st);
	st = run(after);
	lt_check("after", st == 0, "expected status 0, got 0x%x", st);
	if (lego) {
		int ok = !kmem_settle(&start, &now);

		if (!ok)
			kmem_print_diff(&start, &now);
		lt_check("kmem/back", ok, "pages and objects not back at their start values");
	}
	return lt_done();
}
