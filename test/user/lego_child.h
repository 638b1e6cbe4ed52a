/*
 * Checks that run a function in a child process: what a test cannot
 * survive itself (a fault, an unmapped vDSO).  Needs a C library.
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

#endif /* LEGO_CHILD_H */
