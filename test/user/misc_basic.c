// uname, arch_prctl, rseq, prlimit64, getrandom, sched_yield and getcwd,
// with their errors.
// lego-test: libc=musl
#define LT_SUITE "misc_basic"
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "lego_test.h"

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004
#define ARCH_GET_CPUID	0x1011

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

#define TASK_SIZE_MAX	0x7ffffffff000UL

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int starts(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return 0;
	return 1;
}

static int terminated(const char *f)
{
	int i;

	for (i = 0; i < 65; i++)
		if (!f[i])
			return 1;
	return 0;
}

/* The kernel's struct new_utsname (uapi/linux/utsname.h). */
struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
	     domainname[65];
};
_Static_assert(sizeof(struct new_utsname) == 390, "new_utsname");

static void uname_call(void)
{
	union {
		struct new_utsname u;
		unsigned char b[400];
	} buf;
	struct new_utsname *u = &buf.u;
	int i, lego, kept = 1;

	for (i = 0; i < 400; i++)
		buf.b[i] = 0xee;
	EXPECT_RET("uname", lt_syscall1(SYS_uname, u), 0);
	/* struct new_utsname: six 65-byte fields, nothing written after. */
	for (i = 6 * 65; i < 400; i++)
		kept &= buf.b[i] == 0xee;
	EXPECT_TRUE("uname/size_390", kept);
	EXPECT_TRUE("uname/terminated", terminated(u->sysname) && terminated(u->nodename) &&
		    terminated(u->release) && terminated(u->version) &&
		    terminated(u->machine) && terminated(u->domainname));
	/* What glibc needs: "Linux" and a release it can parse. */
	EXPECT_TRUE("uname/sysname", streq(u->sysname, "Linux"));
	EXPECT_TRUE("uname/machine", streq(u->machine, "x86_64"));
	EXPECT_TRUE("uname/release_numeric", u->release[0] >= '1' && u->release[0] <= '9' &&
		    u->release[1] == '.');
	EXPECT_TRUE("uname/version", u->version[0] == '#');
	/* Nobody set a domain name. */
	EXPECT_TRUE("uname/domainname", streq(u->domainname, "(none)"));
	/* Lego's own fields, as kernel/syscall/uname.c documents them:
	 * the Linux ABI release with Lego's after it; Linux's default
	 * host name is "(none)", Lego's "lego". */
	lego = starts(u->version, "#1 Lego ");
	if (lego) {
		EXPECT_TRUE("uname/lego_release", starts(u->release, "6.1.0-lego-"));
		EXPECT_TRUE("uname/lego_nodename", streq(u->nodename, "lego"));
	} else {
		EXPECT_TRUE("uname/linux_nodename", streq(u->nodename, "(none)"));
	}
}

static unsigned long read_fs0(void)
{
	unsigned long v;

	asm volatile("mov %%fs:0, %0" : "=r"(v));
	return v;
}

static unsigned long read_gs0(void)
{
	unsigned long v;

	asm volatile("mov %%gs:0, %0" : "=r"(v));
	return v;
}

static void arch_prctl_calls(void)
{
	static unsigned long fs_area[2] = { 0x1111222233334444UL };
	static unsigned long gs_area[2] = { 0x5555666677778888UL };
	unsigned long old_fs = 0, v = 1;

	EXPECT_RET("get_fs", lt_syscall2(SYS_arch_prctl, ARCH_GET_FS, &old_fs), 0);
	/* musl keeps its thread pointer at fs:0, pointing to itself. */
	EXPECT_EQ("get_fs/thread_pointer", read_fs0(), old_fs);

	EXPECT_RET("set_fs", lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, fs_area), 0);
	EXPECT_EQ("set_fs/used", read_fs0(), fs_area[0]);
	EXPECT_RET("set_fs/get", lt_syscall2(SYS_arch_prctl, ARCH_GET_FS, &v), 0);
	EXPECT_EQ("set_fs/get/value", v, (unsigned long)fs_area);
	/* Kept across a trip through the scheduler. */
	lt_syscall0(SYS_sched_yield);
	EXPECT_EQ("set_fs/after_yield", read_fs0(), fs_area[0]);
	/* A base that is not user space is refused and changes nothing. */
	EXPECT_RET("set_fs/noncanonical",
		   lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, 0x0000800000000000UL), -EPERM);
	EXPECT_RET("set_fs/kernel",
		   lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, 0xffff888000000000UL), -EPERM);
	EXPECT_RET("set_fs/task_size_max",
		   lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, TASK_SIZE_MAX), -EPERM);
	EXPECT_EQ("set_fs/eperm/kept", read_fs0(), fs_area[0]);
	EXPECT_RET("set_fs/last_user",
		   lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, TASK_SIZE_MAX - 1), 0);
	lt_syscall2(SYS_arch_prctl, ARCH_GET_FS, &v);
	EXPECT_EQ("set_fs/last_user/get", v, TASK_SIZE_MAX - 1);
	/* Back to musl's, before anything needs it. */
	EXPECT_RET("set_fs/restore", lt_syscall2(SYS_arch_prctl, ARCH_SET_FS, old_fs), 0);
	EXPECT_EQ("set_fs/restored", read_fs0(), old_fs);

	EXPECT_RET("get_gs", lt_syscall2(SYS_arch_prctl, ARCH_GET_GS, &v), 0);
	EXPECT_EQ("get_gs/zero", v, 0);
	EXPECT_RET("set_gs", lt_syscall2(SYS_arch_prctl, ARCH_SET_GS, gs_area), 0);
	EXPECT_EQ("set_gs/used", read_gs0(), gs_area[0]);
	lt_syscall0(SYS_sched_yield);
	EXPECT_EQ("set_gs/after_yield", read_gs0(), gs_area[0]);
	EXPECT_RET("set_gs/get", lt_syscall2(SYS_arch_prctl, ARCH_GET_GS, &v), 0);
	EXPECT_EQ("set_gs/get/value", v, (unsigned long)gs_area);
	EXPECT_RET("set_gs/noncanonical",
		   lt_syscall2(SYS_arch_prctl, ARCH_SET_GS, 0x8000000000000000UL), -EPERM);
	EXPECT_EQ("set_gs/eperm/kept", read_gs0(), gs_area[0]);
	EXPECT_RET("set_gs/zero", lt_syscall2(SYS_arch_prctl, ARCH_SET_GS, 0), 0);

	EXPECT_RET("get_fs/efault_null", lt_syscall2(SYS_arch_prctl, ARCH_GET_FS, 0), -EFAULT);
	EXPECT_RET("get_gs/efault_kernel",
		   lt_syscall2(SYS_arch_prctl, ARCH_GET_GS, 0xffffffff80000000UL), -EFAULT);
	/* CPUID does not fault for this process. */
	EXPECT_RET("get_cpuid", lt_syscall2(SYS_arch_prctl, ARCH_GET_CPUID, 0), 1);
	EXPECT_RET("unknown_0x1005", lt_syscall2(SYS_arch_prctl, 0x1005, &v), -EINVAL);
	EXPECT_RET("unknown_0", lt_syscall2(SYS_arch_prctl, 0, &v), -EINVAL);
	EXPECT_RET("unknown_0x9999", lt_syscall2(SYS_arch_prctl, 0x9999, &v), -EINVAL);
}

/* struct rseq (uapi/linux/rseq.h): 32 bytes, 32-byte aligned. */
struct rseq_area {
	unsigned int cpu_id_start;
	int cpu_id;
	unsigned long long rseq_cs;
	unsigned int flags;
	unsigned int pad[3];
} __attribute__((aligned(32)));

#define RSEQ_SIG		0x53053053
#define RSEQ_FLAG_UNREGISTER	1

static void rseq_calls(void)
{
	static struct rseq_area rs[2];
	long r;

	rs[0].cpu_id = -1;	/* RSEQ_CPU_ID_UNINITIALIZED */
	r = lt_syscall4(SYS_rseq, &rs[0], 32, 0, RSEQ_SIG);
	/*
	 * Lego has no rseq yet: -ENOSYS, and then every call is -ENOSYS.
	 * Linux registers the area, and checks as below.
	 */
	if (r == -ENOSYS) {
		EXPECT_RET("enosys/bad_len",
			   lt_syscall4(SYS_rseq, &rs[0], 31, 0, RSEQ_SIG), -ENOSYS);
		EXPECT_RET("enosys/unregister",
			   lt_syscall4(SYS_rseq, &rs[0], 32, RSEQ_FLAG_UNREGISTER, RSEQ_SIG),
			   -ENOSYS);
		EXPECT_EQ("enosys/area_untouched", rs[0].cpu_id, -1);
		return;
	}
	if (!EXPECT_RET("register", r, 0))
		return;
	/* One CPU: the kernel says we are on CPU 0. */
	EXPECT_EQ("register/cpu_id", rs[0].cpu_id, 0);
	EXPECT_EQ("register/cpu_id_start", rs[0].cpu_id_start, 0);
	EXPECT_RET("again", lt_syscall4(SYS_rseq, &rs[0], 32, 0, RSEQ_SIG), -EBUSY);
	EXPECT_RET("again_other_sig", lt_syscall4(SYS_rseq, &rs[0], 32, 0, RSEQ_SIG + 1), -EPERM);
	EXPECT_RET("again_other_area", lt_syscall4(SYS_rseq, &rs[1], 32, 0, RSEQ_SIG), -EINVAL);
	EXPECT_RET("unregister_other_sig", lt_syscall4(SYS_rseq, &rs[0], 32,
						       RSEQ_FLAG_UNREGISTER, RSEQ_SIG + 1), -EPERM);
	EXPECT_RET("unregister_other_area", lt_syscall4(SYS_rseq, &rs[1], 32,
							RSEQ_FLAG_UNREGISTER, RSEQ_SIG), -EINVAL);
	EXPECT_RET("unregister_bad_flags",
		   lt_syscall4(SYS_rseq, &rs[0], 32, RSEQ_FLAG_UNREGISTER | 2, RSEQ_SIG), -EINVAL);
	EXPECT_RET("unregister", lt_syscall4(SYS_rseq, &rs[0], 32, RSEQ_FLAG_UNREGISTER,
					     RSEQ_SIG), 0);
	EXPECT_EQ("unregister/cpu_id_reset", rs[0].cpu_id, -1);
	EXPECT_RET("unregister_again", lt_syscall4(SYS_rseq, &rs[0], 32, RSEQ_FLAG_UNREGISTER,
						   RSEQ_SIG), -EINVAL);
	EXPECT_RET("bad_len", lt_syscall4(SYS_rseq, &rs[0], 31, 0, RSEQ_SIG), -EINVAL);
	EXPECT_RET("misaligned", lt_syscall4(SYS_rseq, (char *)&rs[0] + 8, 32, 0, RSEQ_SIG),
		   -EINVAL);
	EXPECT_RET("bad_flags", lt_syscall4(SYS_rseq, &rs[0], 32, 2, RSEQ_SIG), -EINVAL);
	EXPECT_RET("kernel_area", lt_syscall4(SYS_rseq, 0xffff888000000000UL, 32, 0, RSEQ_SIG),
		   -EFAULT);
}

/* A limit as Linux gives init (INIT_RLIMITS). */
static void limit_is(const char *name, int res, unsigned long cur, unsigned long max)
{
	struct rlimit r = { 1, 1 };

	EXPECT_RET(lt_cat("default", name), lt_syscall4(SYS_prlimit64, 0, res, 0, &r), 0);
	lt_check(lt_cat("default/value", name), r.rlim_cur == cur && r.rlim_max == max,
		 "expected {%lx, %lx}, got {%lx, %lx}", cur, max, r.rlim_cur, r.rlim_max);
}

static void prlimit_calls(void)
{
	const unsigned long inf = RLIM_INFINITY;
	struct rlimit r, old = { 7, 7 }, set;

	limit_is("cpu", RLIMIT_CPU, inf, inf);
	limit_is("fsize", RLIMIT_FSIZE, inf, inf);
	limit_is("data", RLIMIT_DATA, inf, inf);
	limit_is("stack", RLIMIT_STACK, 8 << 20, inf);
	limit_is("core", RLIMIT_CORE, 0, inf);
	limit_is("rss", RLIMIT_RSS, inf, inf);
	limit_is("nofile", RLIMIT_NOFILE, 1024, 4096);
	limit_is("memlock", RLIMIT_MEMLOCK, 8 << 20, 8 << 20);
	limit_is("as", RLIMIT_AS, inf, inf);
	limit_is("locks", RLIMIT_LOCKS, inf, inf);
	limit_is("msgqueue", RLIMIT_MSGQUEUE, 819200, 819200);
	limit_is("nice", RLIMIT_NICE, 0, 0);
	limit_is("rtprio", RLIMIT_RTPRIO, 0, 0);
	limit_is("rttime", RLIMIT_RTTIME, inf, inf);
	/* These two scale with memory: only their shape is fixed. */
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_NPROC, 0, &r);
	EXPECT_TRUE("default/nproc", r.rlim_cur == r.rlim_max && r.rlim_cur > 0 &&
		    r.rlim_cur != inf);
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_SIGPENDING, 0, &r);
	EXPECT_TRUE("default/sigpending", r.rlim_cur == r.rlim_max && r.rlim_cur > 0 &&
		    r.rlim_cur != inf);

	/* Set, getting the old value back in the same call. */
	set = (struct rlimit){ 512, 4096 };
	EXPECT_RET("set", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, &old), 0);
	EXPECT_TRUE("set/old", old.rlim_cur == 1024 && old.rlim_max == 4096);
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, &r);
	EXPECT_TRUE("set/new", r.rlim_cur == 512 && r.rlim_max == 4096);
	EXPECT_RET("getrlimit_agrees", lt_syscall2(SYS_getrlimit, RLIMIT_NOFILE, &r), 0);
	EXPECT_TRUE("getrlimit_agrees/value", r.rlim_cur == 512 && r.rlim_max == 4096);
	/* By pid: our own, or one that does not exist. */
	EXPECT_RET("own_pid", lt_syscall4(SYS_prlimit64, 1, RLIMIT_NOFILE, 0, &r), 0);
	EXPECT_RET("no_such_pid", lt_syscall4(SYS_prlimit64, 99999, RLIMIT_NOFILE, 0, &r), -ESRCH);
	/* Errors leave the limit alone. */
	set = (struct rlimit){ 4097, 4096 };
	EXPECT_RET("soft_above_hard", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, 0),
		   -EINVAL);
	set = (struct rlimit){ 1024, (1 << 20) + 1 };
	EXPECT_RET("nofile_above_nr_open", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, 0),
		   -EPERM);
	EXPECT_RET("bad_resource_16", lt_syscall4(SYS_prlimit64, 0, 16, 0, &r), -EINVAL);
	EXPECT_RET("bad_resource_1000", lt_syscall4(SYS_prlimit64, 0, 1000, &set, 0), -EINVAL);
	EXPECT_RET("bad_resource_minus_1", lt_syscall4(SYS_prlimit64, 0, -1, 0, &r), -EINVAL);
	EXPECT_RET("efault_new", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE,
					     0xffff888000000000UL, 0), -EFAULT);
	EXPECT_RET("efault_old", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0,
					     0xffff888000000000UL), -EFAULT);
	lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, &r);
	EXPECT_TRUE("errors/kept", r.rlim_cur == 512 && r.rlim_max == 4096);
	/* Root may raise the hard limit, up to nr_open. */
	set = (struct rlimit){ 1024, 1 << 20 };
	EXPECT_RET("raise_hard_as_root", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, 0), 0);
	set = (struct rlimit){ 1024, 4096 };
	EXPECT_RET("restore", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, 0), 0);
	/* Neither pointer: nothing to do, still checked. */
	EXPECT_RET("no_pointers", lt_syscall4(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, 0), 0);
}

static void getrandom_calls(void)
{
	static unsigned char a[64], b[64], big[1 << 16];
	int differ = 0, nonzero = 0;
	unsigned int i;

	EXPECT_RET("getrandom", lt_syscall3(SYS_getrandom, a, 64, 0), 64);
	EXPECT_RET("getrandom/again", lt_syscall3(SYS_getrandom, b, 64, 0), 64);
	for (i = 0; i < 64; i++) {
		differ |= a[i] != b[i];
		nonzero |= a[i];
	}
	EXPECT_TRUE("getrandom/differ", differ);
	EXPECT_TRUE("getrandom/nonzero", nonzero);
	EXPECT_RET("nonblock", lt_syscall3(SYS_getrandom, a, 64, GRND_NONBLOCK), 64);
	EXPECT_RET("random", lt_syscall3(SYS_getrandom, a, 64, GRND_RANDOM), 64);
	EXPECT_RET("random_nonblock",
		   lt_syscall3(SYS_getrandom, a, 64, GRND_RANDOM | GRND_NONBLOCK), 64);
	EXPECT_RET("insecure", lt_syscall3(SYS_getrandom, a, 64, GRND_INSECURE), 64);
	EXPECT_RET("big", lt_syscall3(SYS_getrandom, big, sizeof(big), 0), sizeof(big));
	EXPECT_RET("zero", lt_syscall3(SYS_getrandom, a, 0, 0), 0);
	EXPECT_RET("zero_null", lt_syscall3(SYS_getrandom, 0, 0, 0), 0);
	EXPECT_RET("einval/insecure_random",
		   lt_syscall3(SYS_getrandom, a, 64, GRND_INSECURE | GRND_RANDOM), -EINVAL);
	EXPECT_RET("einval/flag_8", lt_syscall3(SYS_getrandom, a, 64, 8), -EINVAL);
	EXPECT_RET("einval/flag_high", lt_syscall3(SYS_getrandom, a, 64, 0x80000000U), -EINVAL);
	EXPECT_RET("einval/before_efault", lt_syscall3(SYS_getrandom, 0, 64, 8), -EINVAL);
	EXPECT_RET("efault", lt_syscall3(SYS_getrandom, 0, 64, 0), -EFAULT);
}

static void getcwd_calls(void)
{
	char b[16];
	int i;

	for (i = 0; i < 16; i++)
		b[i] = '#';
	/* The length with the NUL is returned: "/" is 2. */
	EXPECT_RET("getcwd", lt_syscall2(SYS_getcwd, b, sizeof(b)), 2);
	EXPECT_TRUE("getcwd/bytes", b[0] == '/' && b[1] == 0 && b[2] == '#');
	EXPECT_RET("getcwd/exact", lt_syscall2(SYS_getcwd, b, 2), 2);
	EXPECT_RET("getcwd/erange_1", lt_syscall2(SYS_getcwd, b, 1), -ERANGE);
	EXPECT_RET("getcwd/erange_0", lt_syscall2(SYS_getcwd, b, 0), -ERANGE);
	EXPECT_RET("getcwd/erange_null", lt_syscall2(SYS_getcwd, 0, 0), -ERANGE);
	EXPECT_RET("getcwd/efault", lt_syscall2(SYS_getcwd, 0, 16), -EFAULT);
}

int main(void)
{
	int i;

	uname_call();
	arch_prctl_calls();
	rseq_calls();
	prlimit_calls();
	getrandom_calls();
	for (i = 0; i < 10; i++)
		if (lt_syscall0(SYS_sched_yield))
			break;
	EXPECT_EQ("sched_yield", i, 10);
	getcwd_calls();
	return lt_done();
}
