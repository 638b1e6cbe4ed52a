// SPDX-License-Identifier: GPL-2.0
/*
 * clock_gettime, gettimeofday, time and clock_getres without entering the
 * kernel.  The clocks the data page serves are read by the same functions
 * the kernel's syscalls use (asm/vvar.h); any other clock id is the real
 * syscall, so its result and errors are exactly the syscall's.  A bad
 * pointer to a served clock faults in user space (SIGSEGV), as with
 * Linux's vDSO, where the syscall would return EFAULT.
 */
#include "vdso.h"

int __vdso_clock_gettime(clockid_t clk, struct __kernel_timespec *ts);
int __vdso_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz);
long __vdso_time(long *t);
int __vdso_clock_getres(clockid_t clk, struct __kernel_timespec *res);

int __vdso_clock_gettime(clockid_t clk, struct __kernel_timespec *ts)
{
	u64 ns;

	if (!vvar_clock_read(&vvar_data, clk, &ns))
		return vdso_syscall2(__NR_clock_gettime, clk, (long)ts);
	vvar_ns_to_timespec(ns, ts);
	return 0;
}
int clock_gettime(clockid_t clk, struct __kernel_timespec *ts)
	VDSO_ALIAS(clock_gettime);

int __vdso_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	u64 ns;

	if (tv) {
		vvar_clock_read(&vvar_data, CLOCK_REALTIME, &ns);
		vvar_ns_to_timeval(ns, tv);
	}
	if (tz)
		vvar_timezone(&vvar_data, tz);
	return 0;
}
int gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz)
	VDSO_ALIAS(gettimeofday);

long __vdso_time(long *t)
{
	long secs = vvar_time(&vvar_data);

	if (t)
		*t = secs;
	return secs;
}
long time(long *t) VDSO_ALIAS(time);

int __vdso_clock_getres(clockid_t clk, struct __kernel_timespec *res)
{
	u32 ns;

	if (!vvar_clock_res(&vvar_data, clk, &ns))
		return vdso_syscall2(__NR_clock_getres, clk, (long)res);
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = ns;
	}
	return 0;
}
int clock_getres(clockid_t clk, struct __kernel_timespec *res)
	VDSO_ALIAS(clock_getres);
