/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_ATOMIC_H
#define _LEGO_ATOMIC_H

/*
 * Atomic counters.  On x86 every LOCK-prefixed read-modify-write is a
 * full barrier (Intel SDM Vol. 3A 9.2.2: "locked instructions have a
 * total order"), so the sequentially consistent builtins cost nothing
 * more than the plain LOCK instruction.
 */
#include <lego/compiler.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)	{ (i) }

#define atomic_read(v)		READ_ONCE((v)->counter)
#define atomic_set(v, i)	WRITE_ONCE((v)->counter, (i))
#define atomic_add_return(i, v)	__atomic_add_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST)
#define atomic_sub_return(i, v)	__atomic_sub_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST)
#define atomic_inc(v)		((void)atomic_add_return(1, v))
#define atomic_dec(v)		((void)atomic_sub_return(1, v))
#define atomic_add(i, v)	((void)atomic_add_return(i, v))
#define atomic_sub(i, v)	((void)atomic_sub_return(i, v))
#define atomic_inc_return(v)	atomic_add_return(1, v)
#define atomic_dec_return(v)	atomic_sub_return(1, v)
/* True when the count dropped to zero: the caller held the last reference. */
#define atomic_dec_and_test(v)	(atomic_sub_return(1, v) == 0)
#define atomic_xchg(v, n)	__atomic_exchange_n(&(v)->counter, (n), __ATOMIC_SEQ_CST)
#define atomic_cmpxchg(v, o, n) ({					\
	__typeof__((v)->counter) __old = (o);				\
	__atomic_compare_exchange_n(&(v)->counter, &__old, (n), false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);	\
	__old;								\
})

/* Full, read and write barriers (x86-TSO: only stores may pass loads). */
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()
#define smp_load_acquire(p)	__atomic_load_n(p, __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)	__atomic_store_n(p, v, __ATOMIC_RELEASE)

#endif /* _LEGO_ATOMIC_H */
