/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hello.h: the body of hello_musl.c and hello_glibc.c, the same program
 * built against each C library.  Define LT_SUITE and LIBC first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include "lego_test.h"

#define BIG	(8 << 20)	/* far above both libcs' mmap threshold */

int main(int argc, char **argv)
{
	struct utsname u;
	char line[64], *big, *heap_end;
	unsigned char magic[4];
	FILE *f;
	long i;
	int ok;

	/* stdio: buffered, flushed before the checks' raw writes. */
	printf("hello from %s: %d %s\n", LIBC, 42, "ok");
	EXPECT_EQ("fflush", fflush(stdout), 0);

	EXPECT_EQ("getpid", getpid(), 1);
	EXPECT_EQ("getppid", getppid(), 0);
	EXPECT_EQ("uname", uname(&u), 0);
	EXPECT_TRUE("uname/sysname", !strcmp(u.sysname, "Linux"));
	EXPECT_TRUE("uname/machine", !strcmp(u.machine, "x86_64"));

	/* A large block comes from mmap, away from the brk heap, and is
	 * writable throughout. */
	heap_end = sbrk(0);
	big = malloc(BIG);
	if (EXPECT_TRUE("malloc_big", big != NULL)) {
		EXPECT_TRUE("malloc_big/not_heap", big > heap_end);
		for (i = 0; i < BIG; i += 4096)
			big[i] = (char)i;
		ok = 1;
		for (i = 0; i < BIG; i += 4096)
			ok &= big[i] == (char)i;
		EXPECT_TRUE("malloc_big/contents", ok);
		free(big);
	}
	big = calloc(BIG / 4096, 4096);
	if (EXPECT_TRUE("calloc_big", big != NULL)) {
		ok = 1;
		for (i = 0; i < BIG; i++)
			ok &= big[i] == 0;
		EXPECT_TRUE("calloc_big/zero", ok);
		free(big);
	}
	/* Small blocks come from the heap. */
	big = malloc(100);
	EXPECT_TRUE("malloc_small", big != NULL);
	free(big);

	/* The program's own file: an ELF image. */
	f = fopen(argv[0], "r");
	if (EXPECT_TRUE("fopen_self", f != NULL)) {
		EXPECT_EQ("fread_self", fread(magic, 1, 4, f), 4);
		EXPECT_TRUE("fread_self/elf", !memcmp(magic, "\177ELF", 4));
		EXPECT_EQ("fclose_self", fclose(f), 0);
	}
	/* A file written and read back through stdio. */
	f = fopen("/hello.txt", "w");
	if (EXPECT_TRUE("fopen_write", f != NULL)) {
		EXPECT_TRUE("fprintf", fprintf(f, "line %d\nsecond\n", 1) == 14);
		EXPECT_EQ("fclose_write", fclose(f), 0);
	}
	f = fopen("/hello.txt", "r");
	if (EXPECT_TRUE("fopen_read", f != NULL)) {
		EXPECT_TRUE("fgets_1", fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n"));
		EXPECT_TRUE("fgets_2", fgets(line, sizeof(line), f) && !strcmp(line, "second\n"));
		EXPECT_TRUE("fgets_eof", !fgets(line, sizeof(line), f) && feof(f));
		EXPECT_EQ("fclose_read", fclose(f), 0);
	}
	errno = 0;
	f = fopen("/no/such/file", "r");
	EXPECT_TRUE("fopen_missing", f == NULL);
	EXPECT_EQ("fopen_missing/errno", errno, ENOENT);
	EXPECT_EQ("argc", argc, 1);
	return lt_done();
}
