// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials: the real, effective, saved and file-system user and group
 * ids, the supplementary groups, and capget/capset over Lego's plain
 * capability model (Documentation/core-api/cred.rst).
 *
 * The rules are Linux's (kernel/sys.c, credentials(7)): -1 leaves an id
 * as it is, the checks come in Linux's order, a failing call changes
 * nothing, and every change of the effective id carries the file-system
 * id with it.  Each call changes the calling thread only, as Linux's raw
 * syscalls do; the C libraries broadcast set*id to every thread
 * themselves.  The uid and gid calls share one implementation: the four
 * ids of each kind are laid out alike in struct cred.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/cred.h>
#include <lego/capability.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/capability.h>
#include <uapi/lego/prctl.h>
#include <asm/uaccess.h>

/* (uid_t)-1: "unchanged" to the set*id calls, and no valid id. */
#define INVALID_ID	((u32)-1)

/* The four ids of one kind, in struct cred's order. */
enum { ID_REAL, ID_EFF, ID_SAVED, ID_FS, NR_IDS };

_Static_assert(offsetof(struct cred, fsuid) == offsetof(struct cred, uid) + 3 * sizeof(uid_t) &&
	       offsetof(struct cred, fsgid) == offsetof(struct cred, gid) + 3 * sizeof(gid_t),
	       "struct cred: four ids of each kind, in order");

static u32 *ids_of(struct cred *c, bool gid)
{
	return gid ? &c->gid : &c->uid;
}

/* Changing uids needs CAP_SETUID, gids CAP_SETGID (both: euid 0). */
static bool may_set_any(bool gid)
{
	return capable(gid ? CAP_SETGID : CAP_SETUID);
}

/*
 * Installs new as the caller's credentials.  As Linux's commit_creds: a
 * change of an effective or file-system id makes the process
 * undumpable (suid_dumpable's default, 0) and forgets the parent-death
 * signal, so that a program that dropped or gained privilege does not
 * leak it through a core dump or a signal its old parent chose.
 */
static void commit_ids(const struct cred *new)
{
	struct task_struct *me = current;
	struct cred *c = &me->cred;

	if (c->euid != new->euid || c->egid != new->egid ||
	    c->fsuid != new->fsuid || c->fsgid != new->fsgid) {
		if (me->mm)
			WRITE_ONCE(me->mm->dumpable, SUID_DUMP_DISABLE);
		me->pdeath_signal = 0;
	}
	*c = *new;			/* the group list is the same pointer */
}

/* ------------------------------------------------------------ reading */

SYSCALL_DEFINE0(getuid)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred.egid;
}

/* Linux writes real, effective, saved in turn and stops at a fault. */
static long do_getresid(bool gid, u32 __user *rp, u32 __user *ep, u32 __user *sp)
{
	u32 *id = ids_of(&current->cred, gid);

	if (put_user(id[ID_REAL], rp) || put_user(id[ID_EFF], ep) ||
	    put_user(id[ID_SAVED], sp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	return do_getresid(false, ruidp, euidp, suidp);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	return do_getresid(true, rgidp, egidp, sgidp);
}

/* ------------------------------------------------------------ setting */

/*
 * setuid(2): with privilege all of real, effective and saved; without,
 * only the effective id, and only to the real or the saved one.  -1 is
 * no id at all here: EINVAL.
 */
static long do_setid(bool gid, u32 v)
{
	struct cred new = current->cred;
	u32 *id = ids_of(&new, gid);

	if (v == INVALID_ID)
		return -EINVAL;
	if (may_set_any(gid))
		id[ID_REAL] = id[ID_SAVED] = v;
	else if (v != id[ID_REAL] && v != id[ID_SAVED])
		return -EPERM;
	id[ID_EFF] = id[ID_FS] = v;
	commit_ids(&new);
	return 0;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return do_setid(false, uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return do_setid(true, gid);
}

/*
 * setreuid(2): an unprivileged caller may set the real id to the real or
 * effective one, the effective id to any of the three.  The saved id
 * becomes the new effective one when the real id is set, or the
 * effective one is set to something other than the old real id.
 */
static long do_setreid(bool gid, u32 r, u32 e)
{
	struct cred new = current->cred;
	u32 *id = ids_of(&new, gid), old[NR_IDS];
	bool priv = may_set_any(gid);

	memcpy(old, id, sizeof(old));
	if (r != INVALID_ID) {
		if (r != old[ID_REAL] && r != old[ID_EFF] && !priv)
			return -EPERM;
		id[ID_REAL] = r;
	}
	if (e != INVALID_ID) {
		if (e != old[ID_REAL] && e != old[ID_EFF] && e != old[ID_SAVED] && !priv)
			return -EPERM;
		id[ID_EFF] = e;
	}
	if (r != INVALID_ID || (e != INVALID_ID && e != old[ID_REAL]))
		id[ID_SAVED] = id[ID_EFF];
	id[ID_FS] = id[ID_EFF];
	commit_ids(&new);
	return 0;
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return do_setreid(false, ruid, euid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return do_setreid(true, rgid, egid);
}

/* Whether v is an id to set that is none of the caller's three. */
static bool is_new_id(u32 v, const u32 *old)
{
	return v != INVALID_ID && v != old[ID_REAL] && v != old[ID_EFF] && v != old[ID_SAVED];
}

/*
 * setresuid(2): without privilege each id may only be set to one of the
 * current real, effective and saved ids.  A call that changes nothing
 * returns at once, leaving an fsuid set apart by setfsuid where it is
 * (Linux's no-op check; setreuid has none).
 */
static long do_setresid(bool gid, u32 r, u32 e, u32 s)
{
	struct cred new = current->cred;
	u32 *id = ids_of(&new, gid);

	if ((r == INVALID_ID || r == id[ID_REAL]) &&
	    (e == INVALID_ID || (e == id[ID_EFF] && e == id[ID_FS])) &&
	    (s == INVALID_ID || s == id[ID_SAVED]))
		return 0;
	if ((is_new_id(r, id) || is_new_id(e, id) || is_new_id(s, id)) && !may_set_any(gid))
		return -EPERM;
	if (r != INVALID_ID)
		id[ID_REAL] = r;
	if (e != INVALID_ID)
		id[ID_EFF] = e;
	if (s != INVALID_ID)
		id[ID_SAVED] = s;
	id[ID_FS] = id[ID_EFF];
	commit_ids(&new);
	return 0;
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return do_setresid(false, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return do_setresid(true, rgid, egid, sgid);
}

/*
 * setfsuid(2) returns the old file-system id whatever happens, so a
 * caller can only tell a refusal by calling again.  Allowed: one of the
 * real, effective, saved or current fs ids, or anything with privilege.
 */
static long do_setfsid(bool gid, u32 v)
{
	struct cred new = current->cred;
	u32 *id = ids_of(&new, gid), old = id[ID_FS];

	if (v == INVALID_ID)
		return old;
	if (v == id[ID_REAL] || v == id[ID_EFF] || v == id[ID_SAVED] || v == old ||
	    may_set_any(gid)) {
		id[ID_FS] = v;
		commit_ids(&new);
	}
	return old;
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return do_setfsid(false, uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return do_setfsid(true, gid);
}

/* ------------------------------------------------------------ groups */

void put_group_info(struct group_info *gi)
{
	if (gi && atomic_dec_and_test(&gi->usage))
		kfree(gi);
}

bool groups_search(const struct group_info *gi, gid_t gid)
{
	int lo = 0, hi = gi ? gi->ngroups : 0;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (gi->gid[mid] == gid)
			return true;
		if (gi->gid[mid] < gid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* The file-system gid or a supplementary group: the VFS's membership. */
bool in_group_p(gid_t gid)
{
	const struct cred *c = &current->cred;

	return c->fsgid == gid || groups_search(c->group_info, gid);
}

/* The same with the effective gid (Linux's in_egroup_p). */
bool in_egroup_p(gid_t gid)
{
	const struct cred *c = &current->cred;

	return c->egid == gid || groups_search(c->group_info, gid);
}

/* Shell sort: up to 65536 entries, no recursion, no extra memory. */
static void sort_gids(gid_t *g, int n)
{
	int gap, i, j;

	for (gap = n / 2; gap > 0; gap /= 2) {
		for (i = gap; i < n; i++) {
			gid_t v = g[i];

			for (j = i; j >= gap && g[j - gap] > v; j -= gap)
				g[j] = g[j - gap];
			g[j] = v;
		}
	}
}

/*
 * getgroups(2): a size of 0 asks for the count; a buffer too small for
 * the list is EINVAL.  The list comes back sorted, as Linux keeps it.
 */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current->cred.group_info;
	int n = gi ? gi->ngroups : 0;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize) {
		if (n > gidsetsize)
			return -EINVAL;
		if (n && copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
			return -EFAULT;
	}
	return n;
}

/*
 * setgroups(2), Linux's order: privilege (EPERM), the size (EINVAL above
 * NGROUPS_MAX, a negative size included), then the copy (EFAULT).  The
 * new list replaces the old under tasklist_lock, where /proc takes its
 * reference to another task's.
 */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct task_struct *me = current;
	struct group_info *gi = NULL, *old;
	unsigned long flags;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	if (gidsetsize) {
		gi = kmalloc(sizeof(*gi) + gidsetsize * sizeof(gid_t), GFP_KERNEL);
		if (!gi)
			return -ENOMEM;
		atomic_set(&gi->usage, 1);
		gi->ngroups = gidsetsize;
		if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
			kfree(gi);
			return -EFAULT;
		}
		sort_gids(gi->gid, gidsetsize);
	}
	flags = spin_lock_irqsave(&tasklist_lock);
	old = me->cred.group_info;
	me->cred.group_info = gi;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_group_info(old);
	return 0;
}

/* ------------------------------------------------------------ fork, exec */

void copy_creds(struct task_struct *p, const struct task_struct *parent)
{
	p->cred = parent->cred;
	get_group_info(p->cred.group_info);
	p->no_new_privs = parent->no_new_privs;
}

/*
 * The credentials of a new program (set-user-ID bits are ignored:
 * Documentation/process/decisions.rst): the saved and file-system ids
 * become the effective ones.  As Linux, the program is dumpable unless
 * its effective ids differ from its real ones, which also makes the
 * exec "secure" (AT_SECURE) and forgets the parent-death signal.  Runs
 * with the new mm installed.
 */
bool exec_creds(void)
{
	struct task_struct *me = current;
	struct cred new = me->cred;
	bool secure = new.euid != new.uid || new.egid != new.gid;

	new.suid = new.fsuid = new.euid;
	new.sgid = new.fsgid = new.egid;
	if (me->mm)
		WRITE_ONCE(me->mm->dumpable, secure ? SUID_DUMP_DISABLE : SUID_DUMP_USER);
	commit_ids(&new);
	if (secure)
		me->pdeath_signal = 0;
	return secure;
}

/* ------------------------------------------------------------ capabilities */

/*
 * The sets the model gives (lego/capability.h): everything is permitted
 * while any of the real, effective or saved uids is 0; the effective set
 * is everything with euid 0, less the file-system capabilities while
 * fsuid is not 0, plus the permitted file-system ones while it is.  These
 * are exactly the sets Linux's uid-change rules (capabilities(7),
 * "Effect of user ID changes on capabilities") leave a process that
 * never called capset or PR_SET_KEEPCAPS.
 */
u64 cred_cap_permitted(const struct cred *c)
{
	return (c->uid == 0 || c->euid == 0 || c->suid == 0) ? CAP_FULL_SET : 0;
}

u64 cred_cap_effective(const struct cred *c)
{
	u64 e = c->euid == 0 ? CAP_FULL_SET : 0;

	if (c->fsuid)
		return e & ~CAP_FS_MASK;
	return e | (cred_cap_permitted(c) & CAP_FS_MASK);
}

/*
 * The header's version: v1 moves one 32-bit word of each set, v2 and v3
 * two.  Any other version is answered with the preferred one (v3)
 * written back, and EINVAL: that is how libcap asks.
 */
static int cap_validate_magic(struct __user_cap_header_struct __user *h, unsigned int *words)
{
	u32 version;

	if (get_user(version, &h->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*words = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3:
		*words = _LINUX_CAPABILITY_U32S_3;
		return 0;
	}
	if (put_user((u32)_LINUX_CAPABILITY_VERSION_3, &h->version))
		return -EFAULT;
	return -EINVAL;
}

/*
 * capget(2).  A NULL data pointer with a bad version is the probe for
 * the preferred version: 0, the version written back.  pid 0 or the
 * caller's tid is the caller; another thread of any process may be
 * asked about (ESRCH when there is none); a negative pid is EINVAL.
 */
SYSCALL_DEFINE2(capget, struct __user_cap_header_struct __user *, header,
		struct __user_cap_data_struct __user *, dataptr)
{
	struct __user_cap_data_struct k[_LINUX_CAPABILITY_U32S_3];
	unsigned int words, i;
	u64 eff, prm;
	pid_t pid;
	int r;

	r = cap_validate_magic(header, &words);
	if (!dataptr || r)
		return (!dataptr && r == -EINVAL) ? 0 : r;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	if (pid && pid != current->pid) {
		unsigned long flags = spin_lock_irqsave(&tasklist_lock);
		struct task_struct *t = find_task_by_pid(pid);
		struct cred c;

		if (t)
			c = t->cred;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!t)
			return -ESRCH;
		eff = cred_cap_effective(&c);
		prm = cred_cap_permitted(&c);
	} else {
		eff = cred_cap_effective(&current->cred);
		prm = cred_cap_permitted(&current->cred);
	}
	for (i = 0; i < words; i++) {
		k[i].effective = eff >> (32 * i);
		k[i].permitted = prm >> (32 * i);
		k[i].inheritable = 0;
	}
	if (copy_to_user(dataptr, k, words * sizeof(k[0])))
		return -EFAULT;
	return 0;
}

/*
 * capset(2) applies Linux's checks (cap_capset) to the model's sets:
 * only the caller (EPERM for another pid), no inheritable capability
 * outside the permitted set without CAP_SETPCAP, no permitted one not
 * held, no effective one not permitted: EPERM.  A request that passes
 * them but asks for sets the model cannot represent (dropping some
 * capabilities while keeping the uid) is EPERM too; a request for the
 * sets as they are succeeds (Documentation/core-api/cred.rst).
 */
// syscall-status: capset: partial: only the sets as they are (capabilities follow the uids)
SYSCALL_DEFINE2(capset, struct __user_cap_header_struct __user *, header,
		const struct __user_cap_data_struct __user *, data)
{
	struct __user_cap_data_struct k[_LINUX_CAPABILITY_U32S_3];
	const struct cred *c = &current->cred;
	u64 eff = 0, prm = 0, inh = 0, old_prm;
	unsigned int words, i;
	pid_t pid;
	int r;

	r = cap_validate_magic(header, &words);
	if (r)
		return r;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid && pid != current->pid)
		return -EPERM;
	if (copy_from_user(k, data, words * sizeof(k[0])))
		return -EFAULT;
	for (i = 0; i < words; i++) {
		eff |= (u64)k[i].effective << (32 * i);
		prm |= (u64)k[i].permitted << (32 * i);
		inh |= (u64)k[i].inheritable << (32 * i);
	}
	eff &= CAP_FULL_SET;
	prm &= CAP_FULL_SET;
	inh &= CAP_FULL_SET;
	old_prm = cred_cap_permitted(c);
	/* The old inheritable set is empty, the bounding set full. */
	if ((inh & ~old_prm) && !capable(CAP_SETPCAP))
		return -EPERM;
	if ((prm & ~old_prm) || (eff & ~prm))
		return -EPERM;
	if (inh || prm != old_prm || eff != cred_cap_effective(c))
		return -EPERM;
	return 0;
}
