/*
 * pthread_common.h: the body of pthread_musl.c and pthread_glibc.c, the
 * same program against each C library's threads: both build mutexes,
 * condition variables, join and robust mutexes on futex(2), each in its
 * own way (musl waits on its own words; glibc's condition variables use
 * FUTEX_WAIT_BITSET with absolute timeouts, its robust mutexes the
 * kernel's robust-list walk).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lego_test.h"

#define NTHREADS	4
#define NINCR		10000
#define ROUNDS		1000

/* ------------------------------------------------- mutex and join */

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *incr(void *arg)
{
	int i;

	for (i = 0; i < NINCR; i++) {
		pthread_mutex_lock(&count_lock);
		counter++;
		pthread_mutex_unlock(&count_lock);
	}
	return (void *)((intptr_t)arg * 10 + 1);
}

static void test_mutex_join(void)
{
	pthread_t t[NTHREADS];
	int i, created = 0, joined = 0, values = 0;

	for (i = 0; i < NTHREADS; i++)
		created += !pthread_create(&t[i], NULL, incr, (void *)(intptr_t)i);
	EXPECT_EQ("create", created, NTHREADS);
	for (i = 0; i < created; i++) {
		void *ret = NULL;

		joined += !pthread_join(t[i], &ret);
		values += (intptr_t)ret == i * 10 + 1;
	}
	EXPECT_EQ("join", joined, NTHREADS);
	EXPECT_EQ("join/return_values", values, NTHREADS);
	EXPECT_EQ("mutex/counter", counter, (long)NTHREADS * NINCR);
}

/* ------------------------------------------- condition variables */

static pthread_mutex_t cv_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int turn, rounds_seen;

/* Each side waits for its turn and hands it over, ROUNDS times. */
static void *cv_side(void *arg)
{
	int me = (int)(intptr_t)arg, i;

	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&cv_lock);
		while (turn != me)
			pthread_cond_wait(&cv, &cv_lock);
		turn = !me;
		rounds_seen++;
		pthread_cond_broadcast(&cv);
		pthread_mutex_unlock(&cv_lock);
	}
	return NULL;
}

static void test_condvar(void)
{
	pthread_t t;
	struct timespec abs;
	int r;

	EXPECT_EQ("cond/create", pthread_create(&t, NULL, cv_side, (void *)1), 0);
	cv_side((void *)0);
	EXPECT_EQ("cond/join", pthread_join(t, NULL), 0);
	EXPECT_EQ("cond/handshakes", rounds_seen, 2 * ROUNDS);
	/* A timed wait nobody signals times out. */
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 20000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&cv_lock);
	r = pthread_cond_timedwait(&cv, &cv_lock, &abs);
	pthread_mutex_unlock(&cv_lock);
	EXPECT_EQ("cond/timedwait_timeout", r, ETIMEDOUT);
}

/* -------------------------------------------------- robust mutexes */

static pthread_mutex_t robust;
static volatile int robust_held;

static void *die_holding(void *arg)
{
	pthread_mutex_lock(&robust);
	robust_held = 1;
	/* Long enough for the main thread to block on the mutex. */
	if (arg)
		usleep(100000);
	return NULL;		/* exits holding it */
}

static void test_robust(void)
{
	pthread_mutexattr_t a;
	pthread_t t;

	pthread_mutexattr_init(&a);
	/* musl asks get_robust_list(2) whether the kernel has robust futexes. */
	EXPECT_EQ("robust/setrobust", pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST), 0);
	EXPECT_EQ("robust/init", pthread_mutex_init(&robust, &a), 0);
	pthread_mutexattr_destroy(&a);

	/* The owner is gone before we try: EOWNERDEAD at once. */
	EXPECT_EQ("robust/create", pthread_create(&t, NULL, die_holding, NULL), 0);
	EXPECT_EQ("robust/join", pthread_join(t, NULL), 0);
	EXPECT_EQ("robust/owner_dead", pthread_mutex_lock(&robust), EOWNERDEAD);
	EXPECT_EQ("robust/consistent", pthread_mutex_consistent(&robust), 0);
	EXPECT_EQ("robust/unlock", pthread_mutex_unlock(&robust), 0);
	EXPECT_EQ("robust/relock", pthread_mutex_lock(&robust), 0);
	EXPECT_EQ("robust/relock_unlock", pthread_mutex_unlock(&robust), 0);

	/* We sleep on it while the owner dies: the kernel's walk of the
	 * owner's robust list wakes us with EOWNERDEAD. */
	robust_held = 0;
	EXPECT_EQ("robust/create_blocking", pthread_create(&t, NULL, die_holding, (void *)1), 0);
	while (!robust_held)
		sched_yield();
	EXPECT_EQ("robust/woken_owner_dead", pthread_mutex_lock(&robust), EOWNERDEAD);
	EXPECT_EQ("robust/consistent2", pthread_mutex_consistent(&robust), 0);
	EXPECT_EQ("robust/unlock2", pthread_mutex_unlock(&robust), 0);
	EXPECT_EQ("robust/join2", pthread_join(t, NULL), 0);
}

/* ------------------------------------------------------ cancellation */

static void *wait_forever(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

static void test_cancel(void)
{
	pthread_t t;
	void *ret = NULL;

	EXPECT_EQ("cancel/create", pthread_create(&t, NULL, wait_forever, NULL), 0);
	usleep(20000);
	EXPECT_EQ("cancel/cancel", pthread_cancel(t), 0);
	EXPECT_EQ("cancel/join", pthread_join(t, &ret), 0);
	EXPECT_TRUE("cancel/canceled", ret == PTHREAD_CANCELED);
}

/* --------------------------------------------------------- health */

static void test_healthy(void)
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(42);
	EXPECT_EQ("kernel_healthy/fork_wait", waitpid(pid, &st, 0), pid);
	EXPECT_EQ("kernel_healthy/status", st, 42 << 8);
}

int main(void)
{
	test_mutex_join();
	test_condvar();
	test_robust();
	test_cancel();
	test_healthy();
	return lt_done();
}
