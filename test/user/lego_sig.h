/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lego_sig.h: what the signal_*.c tests share: the kernel's own struct
 * sigaction (not libc's, which is laid out differently and hides
 * SA_RESTORER), raw wrappers for the rt_sig* calls, and a watchdog so that
 * a signal that never comes is a FAIL, not a hang of the whole run.
 * Needs a C library (for the restorer and _exit).
 */
#ifndef LEGO_SIG_H
#define LEGO_SIG_H

#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "lego_test.h"

#ifndef SA_RESTORER
#define SA_RESTORER	0x04000000	/* not in every libc's <signal.h> */
#endif

/* The kernel's struct sigaction on x86-64 (include/linux/signal_types.h's
 * UAPI side): handler, flags, restorer, then an 8-byte mask. */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};

#define SIGBIT(s)	(1UL << ((s) - 1))

static inline long ks_action(int sig, const struct ksigaction *act,
			     struct ksigaction *old)
{
	return lt_syscall4(SYS_rt_sigaction, sig, act, old, 8);
}

static inline long ks_mask(int how, const unsigned long *set, unsigned long *old)
{
	return lt_syscall4(SYS_rt_sigprocmask, how, set, old, 8);
}

/* The current blocked mask. */
static inline unsigned long ks_blocked(void)
{
	unsigned long m = ~0UL;

	ks_mask(SIG_BLOCK, NULL, &m);
	return m;
}

static inline unsigned long ks_pending(void)
{
	unsigned long m = ~0UL;

	lt_syscall2(SYS_rt_sigpending, &m, 8);
	return m;
}

/* Installs handler for sig through libc (so the restorer is libc's). */
static inline int ls_handle(int sig, void (*h)(int), int flags, unsigned long mask)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = h;
	sa.sa_flags = flags;
	for (int s = 1; s <= 64; s++)
		if (mask & SIGBIT(s))
			sigaddset(&sa.sa_mask, s);
	return sigaction(sig, &sa, NULL);
}

static inline int ls_handle_info(int sig, void (*h)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_sigaction = h;
	sa.sa_flags = flags | SA_SIGINFO;
	return sigaction(sig, &sa, NULL);
}

static const char *ls_watch_name = "?";

static void ls_watchdog_fired(int sig)
{
	lt_printf("FAIL " LT_SUITE "/watchdog: still running in %s after the time limit\n",
		  ls_watch_name);
	_exit(3);
}

/*
 * Arms a SIGALRM watchdog of secs seconds around a step called name: a
 * handler rather than the default action, since the test is PID 1, which
 * Linux does not let a default-action signal kill.
 */
static inline void ls_watchdog(const char *name, unsigned secs)
{
	ls_watch_name = name;
	ls_handle(SIGALRM, ls_watchdog_fired, 0, 0);
	alarm(secs);
}

#endif /* LEGO_SIG_H */
