/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_KTEST_H
#define _LEGO_KTEST_H

/*
 * In-kernel unit tests (CONFIG_KTEST).  A test is a function returning 0
 * when it passes; KTEST_EXPECT() reports the first failed check and
 * fails the test.  Tests run at boot when the command line says
 * ktest=all or ktest=SUITE[,SUITE...]; each prints one line
 *	ktest: PASS suite/name
 *	ktest: FAIL suite/name: file:line: condition
 * then a summary "ktest: N passed, N failed", and the machine powers off
 * with the number of failures as its status.  Suites whose name starts
 * with "panic" only run when named: they end the boot on purpose.
 */
#include <lego/compiler.h>
#include <lego/printk.h>

struct ktest {
	const char *suite;
	const char *name;
	int (*fn)(void);
};

#define KTEST(suite, name)						\
	static int ktest_##suite##_##name(void);			\
	static const struct ktest __ktest_##suite##_##name		\
		__section(".ktest") __used __aligned(8) = {		\
		#suite, #name, ktest_##suite##_##name };		\
	static int ktest_##suite##_##name(void)

#define KTEST_EXPECT(cond) do {						\
	if (!(cond)) {							\
		printk(KERN_ERR "ktest:   %s:%d: expected %s\n",		\
		       __FILE__, __LINE__, #cond);			\
		return 1;						\
	}								\
} while (0)

void ktest_run(const char *cmdline);

#endif /* _LEGO_KTEST_H */
