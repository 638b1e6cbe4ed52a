/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_COMPILER_H
#define _LEGO_COMPILER_H

/*
 * Address-space annotations checked by sparse (make C=1).  A __user pointer
 * may only be handed to the user-copy helpers; dereferencing it is a sparse
 * error.  For gcc they vanish.
 */
#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __kernel	__attribute__((address_space(0)))
# define __percpu	__attribute__((noderef, address_space(__percpu)))
# define __force	__attribute__((force))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
#else
# define __user
# define __kernel
# define __percpu
# define __force
# define __iomem
#endif

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define __always_inline	inline __attribute__((always_inline))
#define noinline	__attribute__((noinline))
#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __used		__attribute__((used))
#define __unused	__attribute__((unused))
#define __weak		__attribute__((weak))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __maybe_unused	__attribute__((unused))
/* Called from assembly only: keep it even if nothing in C calls it. */
#define __visible	__attribute__((externally_visible))

/* Code and data only needed while booting. */
/* A case that goes on into the next, on purpose (-Wimplicit-fallthrough). */
#define fallthrough	__attribute__((__fallthrough__))
#define __init		__section(".init.text")
#define __initdata	__section(".init.data")

#define barrier()	__asm__ __volatile__("" ::: "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#endif /* _LEGO_COMPILER_H */
