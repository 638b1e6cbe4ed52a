// Credentials through the raw syscalls (the C libraries broadcast set*id
// to every thread; the kernel's calls are per thread): the set*id rules
// as root and, in forked children that dropped to ordinary ids, the
// EPERM cases, the saved-id rules of setuid and setreuid, -1 meaning
// "unchanged", fsuid following euid, setfsuid's answers, setgroups and
// getgroups, capget/capset on the root/non-root model, dumpability and
// the parent-death signal reset by an id change, that a raw call changes
// only the calling thread, and what the VFS makes of it all: a 0640 file
// readable through a supplementary group only, access(2) with the real
// ids against faccessat2(AT_EACCESS), and chown/chmod by a non-owner.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "cred_ids"
#include "lego_test.h"
#include "vfs_util.h"
#include <sys/prctl.h>
#include <pthread.h>
#include <sys/auxv.h>

#define TOP	"/tmp/cred_ids"
#define NONE	(-1)

#ifndef SYS_faccessat2
#define SYS_faccessat2	439
#endif
#ifndef AT_EACCESS
#define AT_EACCESS	0x200
#endif

#define CAP_V1	0x19980330
#define CAP_V3	0x20080522
/* Linux 6.1's 41 capabilities, and what leaves with fsuid 0. */
#define FULL_LO	0xffffffffu
#define FULL_HI	0x1ffu
#define FS_LO	0x0800021fu	/* CHOWN..FSETID, LINUX_IMMUTABLE, MKNOD */
#define FS_HI	0x1u		/* MAC_OVERRIDE */

struct cap_hdr { unsigned int version; int pid; };
struct cap_data { unsigned int eff, prm, inh; };

static void expect_ids(const char *name, int gid, unsigned r, unsigned e, unsigned s)
{
	unsigned a = 7, b = 7, c = 7;
	long ret = gid ? sys3(getresgid, &a, &b, &c) : sys3(getresuid, &a, &b, &c);

	lt_check(name, ret == 0 && a == r && b == e && c == s,
		 "ret %ld, ids %u %u %u, expected %u %u %u", ret, a, b, c, r, e, s);
}

/* setfsuid(-1) changes nothing and answers the current fsuid. */
static long fsuid(void)
{
	return sys1(setfsuid, -1);
}

static long fsgid(void)
{
	return sys1(setfsgid, -1);
}

static void expect_caps(const char *name, unsigned elo, unsigned ehi, unsigned plo, unsigned phi)
{
	struct cap_hdr h = { CAP_V3, 0 };
	struct cap_data d[2];
	long r;

	memset(d, 0xaa, sizeof(d));
	r = sys2(capget, &h, d);
	lt_check(name, r == 0 && d[0].eff == elo && d[1].eff == ehi && d[0].prm == plo &&
		 d[1].prm == phi && d[0].inh == 0 && d[1].inh == 0,
		 "ret %ld eff %x:%x prm %x:%x inh %x:%x", r, d[1].eff, d[0].eff, d[1].prm,
		 d[0].prm, d[1].inh, d[0].inh);
}

static int finish(void)
{
	return lt_failures ? 1 : 0;
}

/* fn in a child, which counts only its own failures. */
static void run(const char *name, int (*fn)(void *))
{
	int st = -1;
	pid_t pid = fork();

	if (!pid) {
		lt_failures = 0;
		_exit(fn(NULL));
	}
	waitpid(pid, &st, 0);

	lt_check(name, WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %x", st);
}

/* ------------------------------------------------------------ uids */

static int root_setuid(void *arg)
{
	EXPECT_RET("setuid/minus1", sys1(setuid, -1), -EINVAL);
	EXPECT_RET("setgid/minus1", sys1(setgid, -1), -EINVAL);
	expect_ids("setuid/unchanged_after_einval", 0, 0, 0, 0);
	/* Privileged: all three, and fsuid. */
	EXPECT_RET("setuid/root", sys1(setuid, 1000), 0);
	expect_ids("setuid/root_sets_all", 0, 1000, 1000, 1000);
	EXPECT_RET("setuid/root_fsuid", fsuid(), 1000);
	EXPECT_RET("setuid/no_way_back", sys1(setuid, 0), -EPERM);
	EXPECT_RET("setuid/same", sys1(setuid, 1000), 0);
	EXPECT_RET("setresuid/no_way_back", sys3(setresuid, 0, -1, -1), -EPERM);
	expect_ids("setuid/after_eperm", 0, 1000, 1000, 1000);
	return finish();
}

static int euid_root_setuid(void *arg)
{
	/* euid 0 with other real and saved ids: still privileged. */
	EXPECT_RET("setresuid/root_any", sys3(setresuid, 1000, 0, 2000), 0);
	expect_ids("setresuid/root_any_ids", 0, 1000, 0, 2000);
	EXPECT_RET("setuid/euid0", sys1(setuid, 3000), 0);
	expect_ids("setuid/euid0_sets_all", 0, 3000, 3000, 3000);
	return finish();
}

static int unpriv_setuid(void *arg)
{
	EXPECT_RET("setresuid/drop", sys3(setresuid, 1000, 1001, 2000), 0);
	/* Unprivileged: only the effective id, to the real or saved one. */
	EXPECT_RET("setuid/to_saved", sys1(setuid, 2000), 0);
	expect_ids("setuid/to_saved_ids", 0, 1000, 2000, 2000);
	EXPECT_RET("setuid/to_saved_fsuid", fsuid(), 2000);
	EXPECT_RET("setuid/to_real", sys1(setuid, 1000), 0);
	expect_ids("setuid/to_real_ids", 0, 1000, 1000, 2000);
	EXPECT_RET("setuid/old_euid", sys1(setuid, 1001), -EPERM);
	EXPECT_RET("setuid/other", sys1(setuid, 5), -EPERM);
	EXPECT_RET("setuid/root", sys1(setuid, 0), -EPERM);
	expect_ids("setuid/unchanged_after_eperm", 0, 1000, 1000, 2000);
	return finish();
}

/* A process whose real and saved uid stay 0 may come back to euid 0. */
static int temp_drop(void *arg)
{
	EXPECT_RET("seteuid/drop", sys3(setresuid, -1, 1000, -1), 0);
	expect_ids("seteuid/drop_ids", 0, 0, 1000, 0);
	EXPECT_RET("seteuid/drop_fsuid", fsuid(), 1000);
	expect_caps("caps/euid_nonroot", 0, 0, FULL_LO, FULL_HI);
	EXPECT_RET("seteuid/cannot_setgroups", sys2(setgroups, 0, NULL), -EPERM);
	EXPECT_RET("setuid/back_to_real_0", sys1(setuid, 0), 0);
	expect_ids("setuid/back_ids", 0, 0, 0, 0);
	expect_caps("caps/euid_back", FULL_LO, FULL_HI, FULL_LO, FULL_HI);
	EXPECT_RET("setuid/back_fsuid", fsuid(), 0);
	return finish();
}

static int setreuid_rules(void *arg)
{
	EXPECT_RET("setresuid/root", sys3(setresuid, 1000, 2000, 3000), 0);
	EXPECT_RET("setreuid/noop", sys2(setreuid, NONE, NONE), 0);
	expect_ids("setreuid/noop_ids", 0, 1000, 2000, 3000);
	/* e to the saved id, not the real one: saved follows the new euid. */
	EXPECT_RET("setreuid/e_saved", sys2(setreuid, NONE, 3000), 0);
	expect_ids("setreuid/e_saved_ids", 0, 1000, 3000, 3000);
	/* e to the real id alone: the saved id stays. */
	EXPECT_RET("setreuid/e_real", sys2(setreuid, NONE, 1000), 0);
	expect_ids("setreuid/e_real_ids", 0, 1000, 1000, 3000);
	EXPECT_RET("setreuid/e_real_fsuid", fsuid(), 1000);
	/* r may only become the real or effective id. */
	EXPECT_RET("setreuid/r_saved", sys2(setreuid, 3000, NONE), -EPERM);
	EXPECT_RET("setreuid/e_other", sys2(setreuid, NONE, 77), -EPERM);
	EXPECT_RET("setreuid/r_ok_e_bad", sys2(setreuid, 1000, 77), -EPERM);
	expect_ids("setreuid/after_eperm", 0, 1000, 1000, 3000);
	EXPECT_RET("setreuid/e_saved2", sys2(setreuid, NONE, 3000), 0);
	/* Setting r always moves saved to the new euid. */
	EXPECT_RET("setreuid/r_euid", sys2(setreuid, 3000, NONE), 0);
	expect_ids("setreuid/r_euid_ids", 0, 3000, 3000, 3000);
	EXPECT_RET("setreuid/r_gone", sys2(setreuid, 1000, NONE), -EPERM);
	return finish();
}

static int setreuid_swap(void *arg)
{
	/* The classic swap of real and effective ids, and back. */
	EXPECT_RET("setresuid/root", sys3(setresuid, 1000, 2000, 2000), 0);
	EXPECT_RET("setreuid/swap", sys2(setreuid, 2000, 1000), 0);
	expect_ids("setreuid/swap_ids", 0, 2000, 1000, 1000);
	EXPECT_RET("setreuid/swap_back", sys2(setreuid, 1000, 2000), 0);
	expect_ids("setreuid/swap_back_ids", 0, 1000, 2000, 2000);
	return finish();
}

static int setresuid_rules(void *arg)
{
	EXPECT_RET("setresuid/root", sys3(setresuid, 1000, 2000, 3000), 0);
	EXPECT_RET("setresuid/noop", sys3(setresuid, NONE, NONE, NONE), 0);
	expect_ids("setresuid/noop_ids", 0, 1000, 2000, 3000);
	EXPECT_RET("setresuid/permute", sys3(setresuid, 3000, 1000, 2000), 0);
	expect_ids("setresuid/permute_ids", 0, 3000, 1000, 2000);
	EXPECT_RET("setresuid/permute_fsuid", fsuid(), 1000);
	EXPECT_RET("setresuid/new_r", sys3(setresuid, 4000, NONE, NONE), -EPERM);
	EXPECT_RET("setresuid/new_s", sys3(setresuid, NONE, NONE, 4000), -EPERM);
	EXPECT_RET("setresuid/new_e_with_ok", sys3(setresuid, 1000, 4000, NONE), -EPERM);
	expect_ids("setresuid/after_eperm", 0, 3000, 1000, 2000);
	EXPECT_RET("setresuid/e_only", sys3(setresuid, NONE, 3000, NONE), 0);
	expect_ids("setresuid/e_only_ids", 0, 3000, 3000, 2000);
	EXPECT_RET("setresuid/e_only_fsuid", fsuid(), 3000);
	expect_caps("caps/nonroot", 0, 0, 0, 0);
	return finish();
}

static int setfsuid_rules(void *arg)
{
	EXPECT_RET("setfsuid/root_any", sys1(setfsuid, 1234), 0);
	EXPECT_RET("setfsuid/query", fsuid(), 1234);
	expect_ids("setfsuid/ids_unchanged", 0, 0, 0, 0);
	expect_caps("caps/fsuid_nonroot", FULL_LO & ~FS_LO, FULL_HI & ~FS_HI, FULL_LO, FULL_HI);
	/* A setresuid that changes nothing leaves fsuid where it is; a
	 * setreuid moves it to euid even then. */
	EXPECT_RET("setresuid/noop_keeps_fsuid", sys3(setresuid, NONE, NONE, NONE), 0);
	EXPECT_RET("setresuid/noop_fsuid", fsuid(), 1234);
	EXPECT_RET("setresuid/same_ids_keep_fsuid", sys3(setresuid, 0, NONE, 0), 0);
	EXPECT_RET("setresuid/same_ids_fsuid", fsuid(), 1234);
	EXPECT_RET("setresgid/noop", sys3(setresgid, NONE, NONE, NONE), 0);
	EXPECT_RET("setreuid/noop_moves_fsuid", sys2(setreuid, NONE, NONE), 0);
	EXPECT_RET("setreuid/noop_fsuid", fsuid(), 0);
	EXPECT_RET("setfsuid/again_1234", sys1(setfsuid, 1234), 0);
	EXPECT_RET("setfsuid/root_back", sys1(setfsuid, 0), 1234);
	expect_caps("caps/fsuid_back", FULL_LO, FULL_HI, FULL_LO, FULL_HI);
	/* Any change of euid carries fsuid. */
	EXPECT_RET("setfsuid/again", sys1(setfsuid, 99), 0);
	EXPECT_RET("setresuid/e", sys3(setresuid, NONE, 500, NONE), 0);
	EXPECT_RET("setfsuid/follows_euid", fsuid(), 500);
	/* Unprivileged (euid 500, real and saved 0): only one of the ids. */
	EXPECT_RET("setfsuid/unpriv_other", sys1(setfsuid, 777), 500);
	EXPECT_RET("setfsuid/unpriv_refused", fsuid(), 500);
	EXPECT_RET("setfsuid/unpriv_real", sys1(setfsuid, 0), 500);
	EXPECT_RET("setfsuid/unpriv_real_done", fsuid(), 0);
	/* fsuid 0 brings back the file capabilities alone. */
	expect_caps("caps/fsuid0_euid500", FS_LO, FS_HI, FULL_LO, FULL_HI);
	return finish();
}

/* ------------------------------------------------------------ gids */

static int gid_rules(void *arg)
{
	EXPECT_RET("setresgid/root", sys3(setresgid, 100, 200, 300), 0);
	expect_ids("setresgid/root_ids", 1, 100, 200, 300);
	EXPECT_RET("setresgid/root_fsgid", fsgid(), 200);
	/* Privilege for gids is CAP_SETGID, which follows euid, not egid. */
	EXPECT_RET("setgid/root", sys1(setgid, 50), 0);
	expect_ids("setgid/root_ids", 1, 50, 50, 50);
	EXPECT_RET("setresgid/root2", sys3(setresgid, 100, 200, 300), 0);
	EXPECT_RET("setresuid/drop", sys3(setresuid, 1000, 1000, 1000), 0);
	EXPECT_RET("setgid/to_saved", sys1(setgid, 300), 0);
	expect_ids("setgid/to_saved_ids", 1, 100, 300, 300);
	EXPECT_RET("setgid/old_egid", sys1(setgid, 200), -EPERM);
	EXPECT_RET("setgid/to_real", sys1(setgid, 100), 0);
	expect_ids("setgid/to_real_ids", 1, 100, 100, 300);
	EXPECT_RET("setgid/minus1", sys1(setgid, -1), -EINVAL);
	EXPECT_RET("setregid/e_saved", sys2(setregid, NONE, 300), 0);
	expect_ids("setregid/e_saved_ids", 1, 100, 300, 300);
	EXPECT_RET("setregid/r_bad", sys2(setregid, 7, NONE), -EPERM);
	EXPECT_RET("setregid/r_egid", sys2(setregid, 300, NONE), 0);
	expect_ids("setregid/r_egid_ids", 1, 300, 300, 300);
	EXPECT_RET("setresgid/new", sys3(setresgid, 100, NONE, NONE), -EPERM);
	EXPECT_RET("setresgid/noop", sys3(setresgid, NONE, NONE, NONE), 0);
	EXPECT_RET("setfsgid/unpriv_other", sys1(setfsgid, 555), 300);
	EXPECT_RET("setfsgid/unpriv_refused", fsgid(), 300);
	EXPECT_RET("setfsgid/minus1", sys1(setfsgid, -1), 300);
	expect_ids("gids/final", 1, 300, 300, 300);
	expect_ids("uids/final", 0, 1000, 1000, 1000);
	return finish();
}

/* ------------------------------------------------------------ groups */

static gid_t big[65537];

static int groups_rules(void *arg)
{
	gid_t set[3] = { 30, 10, 20 }, got[4] = { 9, 9, 9, 9 };
	int i;

	EXPECT_RET("getgroups/none", sys2(getgroups, 0, NULL), 0);
	EXPECT_RET("getgroups/none_bad_ptr_unused", sys2(getgroups, 4, (void *)1), 0);
	EXPECT_RET("setgroups/three", sys2(setgroups, 3, set), 0);
	EXPECT_RET("getgroups/count", sys2(getgroups, 0, NULL), 3);
	EXPECT_RET("getgroups/too_small", sys2(getgroups, 2, got), -EINVAL);
	EXPECT_RET("getgroups/negative", sys2(getgroups, -1, got), -EINVAL);
	EXPECT_RET("getgroups/efault", sys2(getgroups, 3, (void *)1), -EFAULT);
	EXPECT_RET("getgroups/list", sys2(getgroups, 4, got), 3);
	EXPECT_TRUE("getgroups/sorted", got[0] == 10 && got[1] == 20 && got[2] == 30 && got[3] == 9);
	EXPECT_RET("setgroups/too_many", sys2(setgroups, 65537, big), -EINVAL);
	EXPECT_RET("setgroups/negative", sys2(setgroups, -1, big), -EINVAL);
	EXPECT_RET("setgroups/efault", sys2(setgroups, 2, (void *)1), -EFAULT);
	EXPECT_RET("setgroups/unchanged_after_errors", sys2(getgroups, 0, NULL), 3);
	for (i = 0; i < 65536; i++)
		big[i] = 65536 - i;
	EXPECT_RET("setgroups/max", sys2(setgroups, 65536, big), 0);
	EXPECT_RET("getgroups/max", sys2(getgroups, 0, NULL), 65536);
	EXPECT_RET("getgroups/max_list", sys2(getgroups, 65537, big), 65536);
	EXPECT_TRUE("getgroups/max_sorted", big[0] == 1 && big[65535] == 65536);
	EXPECT_RET("setgroups/empty", sys2(setgroups, 0, NULL), 0);
	EXPECT_RET("getgroups/empty", sys2(getgroups, 0, NULL), 0);
	EXPECT_RET("setgroups/again", sys2(setgroups, 3, set), 0);
	EXPECT_RET("setresuid/drop", sys3(setresuid, 1000, 1000, 1000), 0);
	/* Privilege first, then the size. */
	EXPECT_RET("setgroups/unpriv", sys2(setgroups, 1, set), -EPERM);
	EXPECT_RET("setgroups/unpriv_too_many", sys2(setgroups, 65537, set), -EPERM);
	EXPECT_RET("getgroups/unpriv_kept", sys2(getgroups, 0, NULL), 3);
	return finish();
}

/* ------------------------------------------------------------ capabilities */

static int cap_rules(void *arg)
{
	struct cap_hdr h = { CAP_V3, 0 };
	struct cap_data d[2];
	long r;

	expect_caps("capget/root", FULL_LO, FULL_HI, FULL_LO, FULL_HI);
	/* Version 1 moves one word of each set. */
	h.version = CAP_V1;
	memset(d, 0xaa, sizeof(d));
	r = sys2(capget, &h, d);
	EXPECT_TRUE("capget/v1", r == 0 && d[0].eff == FULL_LO && d[1].eff == 0xaaaaaaaau);
	/* A bad version is answered with the preferred one. */
	h.version = 0x12345;
	EXPECT_RET("capget/bad_version", sys2(capget, &h, d), -EINVAL);
	EXPECT_EQ("capget/bad_version_written", h.version, CAP_V3);
	h.version = 0x12345;
	EXPECT_RET("capget/probe_null_data", sys2(capget, &h, NULL), 0);
	EXPECT_EQ("capget/probe_written", h.version, CAP_V3);
	EXPECT_RET("capget/null_data", sys2(capget, &h, NULL), 0);
	EXPECT_RET("capget/null_header", sys2(capget, NULL, d), -EFAULT);
	h.pid = -1;
	EXPECT_RET("capget/negative_pid", sys2(capget, &h, d), -EINVAL);
	h.pid = 99999;
	EXPECT_RET("capget/no_pid", sys2(capget, &h, d), -ESRCH);
	h.pid = 1;
	r = sys2(capget, &h, d);
	EXPECT_TRUE("capget/init", r == 0 && d[0].prm == FULL_LO && d[1].prm == FULL_HI);
	h.pid = 0;
	EXPECT_RET("capget/efault", sys2(capget, &h, (void *)1), -EFAULT);
	/* capset: the sets as they are; no more; effective within permitted. */
	sys2(capget, &h, d);
	EXPECT_RET("capset/same", sys2(capset, &h, d), 0);
	h.pid = 1;
	EXPECT_RET("capset/other_pid", sys2(capset, &h, d), -EPERM);
	h.pid = 0;
	d[0].prm = 0;
	d[1].prm = 0;
	EXPECT_RET("capset/eff_not_permitted", sys2(capset, &h, d), -EPERM);
	EXPECT_RET("capset/efault", sys2(capset, &h, (void *)1), -EFAULT);
	h.version = 0x12345;
	EXPECT_RET("capset/bad_version", sys2(capset, &h, d), -EINVAL);
	EXPECT_EQ("capset/bad_version_written", h.version, CAP_V3);
	expect_caps("capset/unchanged", FULL_LO, FULL_HI, FULL_LO, FULL_HI);
	EXPECT_RET("setresuid/drop", sys3(setresuid, 1000, 1000, 1000), 0);
	expect_caps("capget/dropped", 0, 0, 0, 0);
	memset(d, 0, sizeof(d));
	h.version = CAP_V3;
	EXPECT_RET("capset/none_same", sys2(capset, &h, d), 0);
	d[0].eff = d[0].prm = 1u << 7;		/* CAP_SETUID */
	EXPECT_RET("capset/raise", sys2(capset, &h, d), -EPERM);
	d[0].eff = d[0].prm = 0;
	d[0].inh = 1u << 7;
	EXPECT_RET("capset/raise_inheritable", sys2(capset, &h, d), -EPERM);
	return finish();
}

/* Another process's sets: a child that dropped everything. */
static int cap_of_other(void *arg)
{
	int p[2], q[2];
	pid_t pid;
	char c = 0;

	if (pipe(p) || pipe(q))
		return 1;
	pid = fork();
	if (!pid) {
		sys3(setresuid, 1000, 1000, 1000);
		write(p[1], "x", 1);
		read(q[0], &c, 1);
		_exit(0);
	}
	read(p[0], &c, 1);
	{
		struct cap_hdr h = { CAP_V3, pid };
		struct cap_data d[2];
		long r;

		memset(d, 0xaa, sizeof(d));
		r = sys2(capget, &h, d);
		EXPECT_TRUE("capget/other_process", r == 0 && d[0].eff == 0 && d[0].prm == 0 &&
			    d[1].eff == 0 && d[1].prm == 0 && d[0].inh == 0);
	}
	write(q[1], "x", 1);
	waitpid(pid, NULL, 0);
	return finish();
}

/* ------------------------------------------------------------ side effects */

static int id_change_effects(void *arg)
{
	int sig = -1;

	EXPECT_RET("dumpable/initially", prctl(PR_GET_DUMPABLE), 1);
	EXPECT_RET("pdeathsig/set", prctl(PR_SET_PDEATHSIG, SIGUSR1), 0);
	/* No id changes: nothing is reset. */
	EXPECT_RET("setresuid/noop", sys3(setresuid, NONE, NONE, NONE), 0);
	EXPECT_RET("setresuid/real_only", sys3(setresuid, 0, NONE, 77), 0);
	prctl(PR_GET_PDEATHSIG, &sig);
	EXPECT_EQ("pdeathsig/kept", sig, SIGUSR1);
	EXPECT_RET("dumpable/kept", prctl(PR_GET_DUMPABLE), 1);
	/* A new euid (and fsuid): undumpable, and no parent-death signal. */
	EXPECT_RET("setresuid/e", sys3(setresuid, NONE, 1000, NONE), 0);
	prctl(PR_GET_PDEATHSIG, &sig);
	EXPECT_EQ("pdeathsig/reset", sig, 0);
	EXPECT_RET("dumpable/reset", prctl(PR_GET_DUMPABLE), 0);
	EXPECT_RET("dumpable/set_again", prctl(PR_SET_DUMPABLE, 1), 0);
	EXPECT_RET("setresuid/e_back", sys3(setresuid, NONE, 0, NONE), 0);
	EXPECT_RET("dumpable/reset_by_euid_0", prctl(PR_GET_DUMPABLE), 0);
	EXPECT_RET("dumpable/set_once_more", prctl(PR_SET_DUMPABLE, 1), 0);
	EXPECT_RET("setfsgid/same", sys1(setfsgid, 0), 0);
	EXPECT_RET("dumpable/kept_by_same_fsgid", prctl(PR_GET_DUMPABLE), 1);
	EXPECT_RET("setfsgid/change", sys1(setfsgid, 55), 0);
	EXPECT_RET("dumpable/reset_by_fsgid", prctl(PR_GET_DUMPABLE), 0);
	return finish();
}

/* ------------------------------------------------------------ threads */

static int thr_go;
static long thr_ids[4];

static void *thr_fn(void *arg)
{
	while (!__atomic_load_n(&thr_go, __ATOMIC_ACQUIRE))
		sys0(sched_yield);
	thr_ids[0] = sys0(getuid);
	thr_ids[1] = sys0(geteuid);
	thr_ids[2] = fsuid();
	thr_ids[3] = sys2(getgroups, 0, NULL);
	return NULL;
}

/* The raw calls change the calling thread only. */
static int per_thread(void *arg)
{
	gid_t g = 77;
	pthread_t t;

	if (pthread_create(&t, NULL, thr_fn, NULL))
		return 99;
	EXPECT_RET("thread/setgroups", sys2(setgroups, 1, &g), 0);
	EXPECT_RET("thread/setresuid", sys3(setresuid, 1000, 1000, 1000), 0);
	expect_ids("thread/caller_changed", 0, 1000, 1000, 1000);
	__atomic_store_n(&thr_go, 1, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	EXPECT_TRUE("thread/other_unchanged", thr_ids[0] == 0 && thr_ids[1] == 0 &&
		    thr_ids[2] == 0 && thr_ids[3] == 0);
	return finish();
}

/* ------------------------------------------------------------ exec */

/*
 * After execve: saved and file-system ids are the effective ones; with
 * real and effective ids apart the exec is secure (AT_SECURE), the
 * program undumpable and the parent-death signal gone; otherwise it is
 * dumpable again and keeps the signal.
 */
static int exec_probe(const char *kind)
{
	int secure = !strcmp(kind, "secure"), sig = -1;

	lt_failures = 0;
	prctl(PR_GET_PDEATHSIG, &sig);
	if (secure) {
		expect_ids("exec/secure_ids", 0, 0, 1000, 1000);
		expect_ids("exec/secure_gids", 1, 0, 0, 0);
		EXPECT_RET("exec/secure_fsuid", fsuid(), 1000);
		EXPECT_EQ("exec/at_secure", getauxval(AT_SECURE), 1);
		EXPECT_RET("exec/secure_undumpable", prctl(PR_GET_DUMPABLE), 0);
		EXPECT_EQ("exec/secure_pdeathsig", sig, 0);
	} else {
		expect_ids("exec/plain_ids", 0, 1000, 1000, 1000);
		EXPECT_RET("exec/plain_fsuid", fsuid(), 1000);
		EXPECT_EQ("exec/plain_at_secure", getauxval(AT_SECURE), 0);
		EXPECT_RET("exec/plain_dumpable", prctl(PR_GET_DUMPABLE), 1);
		EXPECT_EQ("exec/plain_pdeathsig", sig, SIGUSR1);
	}
	return finish();
}

static void exec_self(const char *kind)
{
	char *argv[] = { "cred_ids", "exec-probe", (char *)kind, NULL }, *envp[] = { NULL };

	prctl(PR_SET_PDEATHSIG, SIGUSR1);
	execve("/proc/self/exe", argv, envp);
	_exit(98);
}

static int exec_secure(void *arg)
{
	/* euid 1000 apart from real 0, saved 0, fsuid 0. */
	if (sys3(setresuid, 0, 1000, 0) || sys1(setfsuid, 0) != 1000)
		return 99;
	exec_self("secure");
	return 98;
}

static int exec_plain(void *arg)
{
	if (sys3(setresuid, 1000, 1000, 1000))
		return 99;
	prctl(PR_SET_DUMPABLE, 0);
	exec_self("plain");
	return 98;
}

/* ------------------------------------------------------------ the VFS */

static int read_via_group(void *arg)
{
	gid_t g = 4242;

	sys2(setgroups, 1, &g);
	if (sys3(setresgid, 100, 100, 100) || sys3(setresuid, 1000, 1000, 1000))
		return 99;
	EXPECT_TRUE("vfs/group_read", sys3(open, TOP "/grp", O_RDONLY, 0) >= 0);
	EXPECT_RET("vfs/group_no_write", sys3(open, TOP "/grp", O_WRONLY, 0), -EACCES);
	EXPECT_RET("vfs/group_access", sys2(access, TOP "/grp", R_OK), 0);
	/* chown to a supplementary group of one's own file; not to another. */
	EXPECT_RET("vfs/chown_to_supp", sys3(chown, TOP "/mine", -1, 4242), 0);
	EXPECT_RET("vfs/chown_not_member", sys3(chown, TOP "/mine", -1, 4343), -EPERM);
	EXPECT_RET("vfs/chown_owner", sys3(chown, TOP "/mine", 2000, -1), -EPERM);
	EXPECT_RET("vfs/chmod_not_owner", sys2(chmod, TOP "/grp", 0666), -EPERM);
	EXPECT_RET("vfs/chown_not_owner", sys3(chown, TOP "/grp", -1, 4242), -EPERM);
	return finish();
}

static int read_without_group(void *arg)
{
	sys2(setgroups, 0, NULL);
	if (sys3(setresgid, 100, 100, 100) || sys3(setresuid, 1000, 1000, 1000))
		return 99;
	EXPECT_RET("vfs/no_group_read", sys3(open, TOP "/grp", O_RDONLY, 0), -EACCES);
	EXPECT_RET("vfs/no_group_access", sys2(access, TOP "/grp", R_OK), -EACCES);
	return finish();
}

/* access(2) checks with the real ids, AT_EACCESS with the effective. */
static int access_real_vs_effective(void *arg)
{
	if (sys3(setresuid, 2000, 1000, 2000))
		return 99;
	EXPECT_RET("access/real_not_owner", sys2(access, TOP "/own1000", R_OK), -EACCES);
	EXPECT_RET("faccessat/real", sys3(faccessat, AT_FDCWD, TOP "/own1000", R_OK), -EACCES);
	EXPECT_RET("faccessat2/real", sys4(faccessat2, AT_FDCWD, TOP "/own1000", R_OK, 0), -EACCES);
	EXPECT_RET("faccessat2/eaccess", sys4(faccessat2, AT_FDCWD, TOP "/own1000", R_OK, AT_EACCESS), 0);
	EXPECT_TRUE("open/effective", sys3(open, TOP "/own1000", O_RDONLY, 0) >= 0);
	EXPECT_RET("setreuid/swap", sys2(setreuid, 1000, 2000), 0);
	EXPECT_RET("access/real_owner", sys2(access, TOP "/own1000", R_OK), 0);
	EXPECT_RET("faccessat2/eaccess_not_owner",
		   sys4(faccessat2, AT_FDCWD, TOP "/own1000", R_OK, AT_EACCESS), -EACCES);
	EXPECT_RET("open/effective_not_owner", sys3(open, TOP "/own1000", O_RDONLY, 0), -EACCES);
	return finish();
}

/* A real uid of 0 keeps root's overrides for access(2) only. */
static int access_real_root(void *arg)
{
	if (sys3(setresuid, 0, 1000, 0))
		return 99;
	EXPECT_RET("access/real_root", sys2(access, TOP "/nobody", R_OK), 0);
	EXPECT_RET("faccessat2/eaccess_user",
		   sys4(faccessat2, AT_FDCWD, TOP "/nobody", R_OK, AT_EACCESS), -EACCES);
	EXPECT_RET("open/user", sys3(open, TOP "/nobody", O_RDONLY, 0), -EACCES);
	/* fsuid 0 with euid 1000: the file-system override is back. */
	EXPECT_RET("setfsuid/zero", sys1(setfsuid, 0), 1000);
	EXPECT_TRUE("open/fsuid0", sys3(open, TOP "/nobody", O_RDONLY, 0) >= 0);
	return finish();
}

/* New files belong to fsuid and fsgid. */
static int create_as_fsids(void *arg)
{
	struct stat st;

	EXPECT_RET("setfsuid/1234", sys1(setfsuid, 1234), 0);
	EXPECT_RET("setfsgid/5678", sys1(setfsgid, 5678), 0);
	EXPECT_RET("vfs/no_override", sys3(open, TOP "/nobody", O_RDONLY, 0), -EACCES);
	EXPECT_TRUE("vfs/create", sys3(open, TOP "/open/made", O_CREAT | O_WRONLY, 0600) >= 0);
	EXPECT_TRUE("vfs/owner", !stat(TOP "/open/made", &st) && st.st_uid == 1234 &&
		    st.st_gid == 5678);
	return finish();
}

static void vfs_checks(void)
{
	put_file("grp", "g");
	chown("grp", 2000, 4242);
	chmod("grp", 0640);
	put_file("mine", "m");
	chown("mine", 1000, 100);
	put_file("own1000", "o");
	chown("own1000", 1000, 0);
	chmod("own1000", 0400);
	put_file("nobody", "n");
	chown("nobody", 5, 5);
	chmod("nobody", 0);
	mkdir("open", 0777);
	chmod("open", 0777);
	chmod(TOP, 0755);
	run("vfs/read_via_group", read_via_group);
	run("vfs/read_without_group", read_without_group);
	run("vfs/access_real_vs_effective", access_real_vs_effective);
	run("vfs/access_real_root", access_real_root);
	run("vfs/create_as_fsids", create_as_fsids);
}

int main(int argc, char **argv)
{
	if (argc > 2 && !strcmp(argv[1], "exec-probe"))
		return exec_probe(argv[2]);
	vfs_setup(TOP);
	expect_ids("init/uids", 0, 0, 0, 0);
	expect_ids("init/gids", 1, 0, 0, 0);
	EXPECT_RET("init/fsuid", fsuid(), 0);
	EXPECT_RET("init/fsgid", fsgid(), 0);
	EXPECT_RET("getresuid/efault_first", sys3(getresuid, (void *)1, NULL, NULL), -EFAULT);
	{
		unsigned a = 7, b = 7;

		EXPECT_RET("getresuid/efault_third", sys3(getresuid, &a, &b, (void *)1), -EFAULT);
		EXPECT_TRUE("getresuid/partial", a == 0 && b == 0);
	}
	EXPECT_RET("getresgid/efault", sys3(getresgid, NULL, NULL, NULL), -EFAULT);
	run("root_setuid", root_setuid);
	run("euid_root_setuid", euid_root_setuid);
	run("unpriv_setuid", unpriv_setuid);
	run("temp_drop", temp_drop);
	run("setreuid_rules", setreuid_rules);
	run("setreuid_swap", setreuid_swap);
	run("setresuid_rules", setresuid_rules);
	run("setfsuid_rules", setfsuid_rules);
	run("gid_rules", gid_rules);
	run("groups_rules", groups_rules);
	run("cap_rules", cap_rules);
	run("cap_of_other", cap_of_other);
	run("id_change_effects", id_change_effects);
	run("per_thread", per_thread);
	run("exec_secure", exec_secure);
	run("exec_plain", exec_plain);
	vfs_checks();
	expect_ids("init/uids_at_end", 0, 0, 0, 0);
	return lt_done();
}
