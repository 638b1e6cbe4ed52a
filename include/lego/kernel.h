/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_KERNEL_H
#define _LEGO_KERNEL_H

#include <lego/types.h>
#include <lego/compiler.h>
#include <lego/printk.h>

#define min(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
			   _a < _b ? _a : _b; })
#define max(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); \
			   _a > _b ? _a : _b; })
#define min_t(t, a, b)	min((t)(a), (t)(b))
#define max_t(t, a, b)	max((t)(a), (t)(b))

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define U64_MAX		(~0ULL)
#define ULONG_MAX	(~0UL)
#define LONG_MAX	((long)(~0UL >> 1))
#define INT_MAX		((int)(~0U >> 1))
#define UINT_MAX	(~0U)

__noreturn __printf(1, 2) void panic(const char *fmt, ...);

/*
 * BUG() is for states the kernel cannot be in; nothing a user program does
 * may reach one.  WARN() reports, with a backtrace, and carries on.
 */
void __warn(const char *file, int line, const char *fmt, ...) __printf(3, 4);
__noreturn void __bug(const char *file, int line);

#define BUG()		__bug(__FILE__, __LINE__)
#define BUG_ON(c)	do { if (unlikely(c)) BUG(); } while (0)

#define WARN(cond, fmt, ...) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		__warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__);		\
	unlikely(__c);							\
})
#define WARN_ON(cond)	WARN(cond, "%s", "WARN_ON(" #cond ")")
#define WARN_ONCE(cond, fmt, ...) ({					\
	static bool __warned;						\
	bool __c = !!(cond);						\
	if (unlikely(__c) && !__warned) {				\
		__warned = true;					\
		__warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__);		\
	}								\
	unlikely(__c);							\
})
#define WARN_ON_ONCE(cond)	WARN_ONCE(cond, "%s", "WARN_ON_ONCE(" #cond ")")

void dump_stack(void);
void show_backtrace(unsigned long bp);
extern int panic_in_progress;
void panic_parse_cmdline(const char *cmdline);

#endif /* _LEGO_KERNEL_H */
