// mprotect giving write access back to private pages that a fork shares
// copy-on-write must not let one process write the other's memory: the
// write still copies the page (Linux's can_change_pte_writable); a page
// no one shares is written in place.
// lego-test: libc=musl
#define LT_SUITE "mm_cow_mprotect"
#include <sys/mman.h>
#include "lego_test.h"
#include "lego_child.h"

static volatile char *page;

static int reprotect_and_write(void)
{
	if (mprotect((void *)page, 4096, PROT_READ) ||
	    mprotect((void *)page, 4096, PROT_READ | PROT_WRITE))
		return 1;
	page[0] = 2;
	return page[0] != 2;
}

int main(void)
{
	page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!EXPECT_TRUE("mmap", page != MAP_FAILED))
		return lt_done();
	page[0] = 1;
	lt_expect_exit0("child/writes_its_copy", reprotect_and_write);
	EXPECT_EQ("parent/keeps_its_page", page[0], 1);
	/* Now the parent's alone: the same dance writes in place. */
	EXPECT_EQ("parent/reprotect_and_write", reprotect_and_write(), 0);
	EXPECT_EQ("parent/wrote", page[0], 2);
	return lt_done();
}
