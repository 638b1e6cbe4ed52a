/*
 * Checks that run a function in a child process: what a test cannot
 * survive itself (a fault, an unmapped vDSO), or another program whose
 * output is wanted.  Needs a C library.
 */
#ifndef LEGO_CHILD_H
#define LEGO_CHILD_H

#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lego_test.h"

/* The wait status of a child running fn; fn's return is its exit status. */
static int lt_child(int (*fn)(void))
{
	int st = -1;
	pid_t p = fork();

	if (!p)
		_exit(fn());
	waitpid(p, &st, 0);
	return st;
}

/* A check that fn, run in a child, is killed by signal sig. */
static void lt_expect_signal(const char *name, int (*fn)(void), int sig)
{
	int st = lt_child(fn);

	lt_check(name, WIFSIGNALED(st) && WTERMSIG(st) == sig,
		 "wait status %x, expected death by signal %d", st, sig);
}

/* A check that fn, run in a child, returns 0. */
static void lt_expect_exit0(const char *name, int (*fn)(void))
{
	int st = lt_child(fn);

	lt_check(name, st == 0, "wait status %x, expected exit 0", st);
}

/*
 * Runs path with argv and envp in a child whose stdout and stderr go to
 * a pipe; what it writes (at most size - 1 bytes, NUL-terminated) lands
 * in out.  Returns the child's wait status, -1 if it could not start.
 */
static int lt_run_output(const char *path, char *const argv[], char *const envp[],
			 char *out, long size)
{
	int p[2], st = -1;
	long n = 0, r;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execve(path, argv, envp);
		_exit(127);
	}
	close(p[1]);
	while (n < size - 1 && (r = read(p[0], out + n, size - 1 - n)) > 0)
		n += r;
	out[n] = 0;
	close(p[0]);
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

#endif /* LEGO_CHILD_H */
