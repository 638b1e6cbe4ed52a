// musl's pthreads on futex(2): four threads sharing a mutex-protected
// counter, a condition-variable handshake, join with return values, a
// robust mutex whose owner thread exits (EOWNERDEAD, also for a thread
// already asleep on it), cancellation.  The body is pthread_common.h.
// lego-test: libc=musl
// lego-test: cflags=-pthread
// lego-test: smp=1,2,4
// lego-test: timeout=240
#define _GNU_SOURCE
#define LT_SUITE "pthread_musl"
#include <sched.h>
#include "pthread_common.h"
