// A glibc program built with gcc -m32 -static: its startup's
// set_thread_area and %gs thread pointer, stdio on the console and on a
// file, fork/waitpid, a second thread (clone with CLONE_SETTLS and a
// struct user_desc) with its own __thread variables, across context
// switches on one and two CPUs; signal handlers (ia32 rt frames through
// glibc's sigaction and restorer): raise() with its siginfo, and a
// SIGSEGV left by siglongjmp with the faulting address.
// lego-test: libc=glibc
// lego-test: arch=i386
// lego-test: cflags=-pthread
// lego-test: smp=1,2
#ifndef LT_SUITE
#define LT_SUITE "compat_glibc"
#endif
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
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

static volatile int usr1_pid, usr1_code, usr1_signo;
static volatile void *segv_addr;
static sigjmp_buf segv_back;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	usr1_signo = si->si_signo;
	usr1_code = si->si_code;
	usr1_pid = si->si_pid;
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	segv_addr = si->si_addr;
	siglongjmp(segv_back, 1);
}

static void signals(void)
{
	struct sigaction sa;
	double x = 1.5;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	EXPECT_EQ("sigaction", sigaction(SIGUSR1, &sa, NULL), 0);
	EXPECT_EQ("raise", raise(SIGUSR1), 0);
	EXPECT_EQ("usr1_signo", usr1_signo, SIGUSR1);
	EXPECT_EQ("usr1_code_tkill", usr1_code, SI_TKILL);
	EXPECT_EQ("usr1_pid", usr1_pid, getpid());
	EXPECT_TRUE("fpu_kept", x * 2 == 3.0);

	sa.sa_sigaction = on_segv;
	EXPECT_EQ("sigaction_segv", sigaction(SIGSEGV, &sa, NULL), 0);
	if (!sigsetjmp(segv_back, 1)) {
		*(volatile int *)16 = 1;
		lt_check("segv", 0, "the write to 16 did not fault");
	} else {
		EXPECT_EQ("segv_addr", (unsigned long)segv_addr, 16);
	}
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
	{
		/* glibc makes its syscalls by calling %gs:0x10 (the TCB's
		 * sysinfo), which its startup set from AT_SYSINFO: the
		 * vDSO's __kernel_vsyscall. */
		unsigned long gs10;

		asm volatile("movl %%gs:0x10, %0" : "=r"(gs10));
		EXPECT_TRUE("auxv_sysinfo", getauxval(AT_SYSINFO) != 0);
		EXPECT_EQ("gs_0x10_is_sysinfo", gs10, getauxval(AT_SYSINFO));
	}
	signals();
	return lt_done();
}
