// sethostname and setdomainname: the names uname reports, Linux's
// checks in Linux's order, and a failing call changes nothing.  (The
// example of Documentation/syscall/adding-a-syscall.rst.)
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "uts"
#include "lego_test.h"
#include <string.h>
#include <sys/utsname.h>

#define NR_uname		63
#define NR_sethostname		170
#define NR_setdomainname	171

static struct utsname u;

static const char *nodename(void)
{
	memset(&u, 0, sizeof(u));
	lt_syscall1(NR_uname, &u);
	return u.nodename;
}

static const char *domainname(void)
{
	memset(&u, 0, sizeof(u));
	lt_syscall1(NR_uname, &u);
	return u.domainname;
}

int main(void)
{
	char max[64];

	EXPECT_EQ("sethostname", lt_syscall2(NR_sethostname, "lego-test", 9), 0);
	EXPECT_EQ("uname/nodename", strcmp(nodename(), "lego-test"), 0);
	/* len counts bytes: no NUL needed, the rest of the field is zeroed. */
	EXPECT_EQ("sethostname/shorter", lt_syscall2(NR_sethostname, "abcdef", 3), 0);
	EXPECT_EQ("uname/nodename_shorter", strcmp(nodename(), "abc"), 0);
	memset(max, 'x', sizeof(max));
	EXPECT_EQ("sethostname/64_bytes", lt_syscall2(NR_sethostname, max, 64), 0);
	EXPECT_TRUE("uname/nodename_64", strlen(nodename()) == 64 && !memcmp(u.nodename, max, 64));
	EXPECT_EQ("sethostname/empty", lt_syscall2(NR_sethostname, "", 0), 0);
	EXPECT_EQ("uname/nodename_empty", strcmp(nodename(), ""), 0);

	EXPECT_EQ("sethostname", lt_syscall2(NR_sethostname, "keep", 4), 0);
	EXPECT_EQ("sethostname/65_bytes", lt_syscall2(NR_sethostname, max, 65), -22);
	EXPECT_EQ("sethostname/negative_len", lt_syscall2(NR_sethostname, max, -1), -22);
	EXPECT_EQ("sethostname/null", lt_syscall2(NR_sethostname, 0, 4), -14);
	EXPECT_EQ("sethostname/kernel_pointer",
		  lt_syscall2(NR_sethostname, 0xffffffff80000000UL, 4), -14);
	/* The int length ignores the register's upper half. */
	EXPECT_EQ("sethostname/len_upper_bits",
		  lt_syscall2(NR_sethostname, "keep", 0xffffffff00000004UL), 0);
	EXPECT_EQ("uname/unchanged_after_errors", strcmp(nodename(), "keep"), 0);

	EXPECT_EQ("setdomainname", lt_syscall2(NR_setdomainname, "example.org", 11), 0);
	EXPECT_EQ("uname/domainname", strcmp(domainname(), "example.org"), 0);
	EXPECT_EQ("setdomainname/65_bytes", lt_syscall2(NR_setdomainname, max, 65), -22);
	EXPECT_EQ("setdomainname/bad_pointer", lt_syscall2(NR_setdomainname, 8, 1), -14);
	EXPECT_EQ("uname/domainname_unchanged", strcmp(domainname(), "example.org"), 0);
	EXPECT_EQ("uname/bad_pointer", lt_syscall1(NR_uname, 8), -14);
	return lt_done();
}
