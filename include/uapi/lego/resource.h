/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_RESOURCE_H
#define _UAPI_LEGO_RESOURCE_H

/* Resource limits, numbered as in Linux's asm-generic/resource.h. */
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

/* getrusage's who. */
#define RUSAGE_SELF		0
#define RUSAGE_CHILDREN		(-1)
#define RUSAGE_BOTH		(-2)	/* the kernel's: self and children */
#define RUSAGE_THREAD		1

/* struct rusage (linux/resource.h): times as timevals, then counters. */
struct rusage {
	long ru_utime[2], ru_stime[2];	/* tv_sec, tv_usec */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	long ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct rusage) == 144, "struct rusage");

/* times(2): clock ticks of USER_HZ, 100 (linux/times.h). */
struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

/* sysinfo(2) (linux/sysinfo.h): 112 bytes on x86-64. */
#define SI_LOAD_SHIFT		16
struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(unsigned int)];
};
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo");

#endif /* _UAPI_LEGO_RESOURCE_H */
