// A glibc program built with gcc -m32 -static: its startup's
// set_thread_area and %gs thread pointer, stdio on the console and on a
// file, fork/waitpid, a second thread (clone with CLONE_SETTLS and a
// struct user_desc) with its own __thread variables, across context
// switches on one and two CPUs.
// lego-test: libc=glibc
// lego-test: arch=i386
// lego-test: cflags=-pthread
// lego-test: smp=1,2
#define LT_SUITE "compat_glibc"
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lego_test.h"

static __thread int tls_var = 5;

static void *thread_fn(void *arg)
{
	int i, ok = tls_var == 5;

	tls_var = 77;
	for (i = 0; i < 20; i++) {
		sched_yield();
		ok &= tls_var == 77;
	}
	return (void *)(long)ok;
}

int main(void)
{
	char line[64] = "";
	struct stat st;
	pthread_t t;
	void *ret = 0;
	int status = -1, i, ok = 1;
	FILE *f;
	pid_t pid;

	EXPECT_TRUE("printf", printf("hello from glibc -m32\n") == 22);
	fflush(stdout);
	f = fopen("/compat_glibc.txt", "w+");
	EXPECT_TRUE("fopen", f != NULL);
	if (f) {
		EXPECT_TRUE("fprintf", fprintf(f, "line %d\n", 42) == 8);
		rewind(f);
		EXPECT_TRUE("fgets", fgets(line, sizeof(line), f) && !strcmp(line, "line 42\n"));
		fclose(f);
	}
	EXPECT_EQ("stat", stat("/compat_glibc.txt", &st), 0);
	EXPECT_EQ("stat_size", st.st_size, 8);
	EXPECT_EQ("unlink", unlink("/compat_glibc.txt"), 0);

	pid = fork();
	if (pid == 0)
		_exit(tls_var == 5 ? 9 : 1);
	EXPECT_EQ("waitpid", waitpid(pid, &status, 0), pid);
	EXPECT_TRUE("child_exit", WIFEXITED(status) && WEXITSTATUS(status) == 9);

	EXPECT_EQ("pthread_create", pthread_create(&t, NULL, thread_fn, NULL), 0);
	for (i = 0; i < 20; i++) {
		sched_yield();
		ok &= tls_var == 5;
	}
	EXPECT_EQ("pthread_join", pthread_join(t, &ret), 0);
	EXPECT_TRUE("thread_tls_own", ret == (void *)1L);
	EXPECT_TRUE("main_tls_kept", ok && tls_var == 5);
	EXPECT_EQ("getpid", getpid(), lt_syscall0(20));
	return lt_done();
}
