/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SYSCALLS_H
#define _LEGO_SYSCALLS_H

#include <lego/types.h>
#include <lego/compiler.h>

/*
 * How a syscall handler is written:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * defines the table entry `long sys_read(long, long, long)`: every argument
 * arrives as a full 64-bit register value (di, si, dx, r10, r8, r9, in that
 * order: see do_syscall_64) and is converted to its declared type before
 * the typed body __do_sys_read() runs.  Narrowing happens there, as on
 * Linux: an `int` argument ignores the upper 32 bits of its register.
 *
 * asmlinkage marks functions called from the entry code or through the
 * syscall table; on x86-64 it changes no calling convention.
 */
#define asmlinkage

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)	t a
#define __SC_LONG(t, a)	long a
#define __SC_CAST(t, a)	(__force t)a

/*
 * With CONFIG_STRACE every handler also leaves a description of itself in
 * .syscall_meta: its name and each argument's declared type and name.
 * That is all the kernel strace needs to decode a call (kernel/strace.c),
 * so a new syscall is decoded without writing a printer.
 */
struct syscall_metadata {
	const char *name;
	const void *entry;		/* sys_<name> */
	int nb_args;
	const char *types[6];
	const char *args[6];
};

#define __SC_STR_TDECL(t, a)	#t
#define __SC_STR_ADECL(t, a)	#a

#ifdef CONFIG_STRACE
/* The description of handler <prefix><sname> (sname has its leading
 * underscore), for the kernel strace. */
#define __SYSCALL_METADATA(prefix, sname, nb, ...)			\
	static const struct syscall_metadata __used			\
		__section(".syscall_meta") __aligned(8)			\
		__##prefix##meta_##sname = {				\
		.name = #sname + 1,					\
		.entry = prefix##sys##sname,				\
		.nb_args = nb,						\
		.types = { __MAP(nb, __SC_STR_TDECL, __VA_ARGS__) },	\
		.args = { __MAP(nb, __SC_STR_ADECL, __VA_ARGS__) },	\
	}
#else
#define __SYSCALL_METADATA(prefix, sname, nb, ...)
#endif
#define SYSCALL_METADATA(sname, nb, ...) __SYSCALL_METADATA(, sname, nb, ##__VA_ARGS__)

#define SYSCALL_DEFINE0(name)						\
	asmlinkage long sys_##name(void);				\
	SYSCALL_METADATA(_##name, 0);					\
	asmlinkage long sys_##name(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, name, ...)					\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	asmlinkage long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));	\
	SYSCALL_METADATA(name, x, __VA_ARGS__);				\
	asmlinkage long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))	\
	{								\
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}								\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

/* The type of a table entry: six register-sized arguments. */
typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

#endif /* _LEGO_SYSCALLS_H */
