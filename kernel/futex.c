// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes: futex(2) and the robust-list cleanup at thread exit.
 *
 * A futex is a 32-bit word in user memory; user space does the fast path
 * with atomic instructions and calls the kernel only to sleep until the
 * word changes (FUTEX_WAIT) or to wake the sleepers (FUTEX_WAKE).  The
 * kernel keeps just the sleepers: a struct futex_q on each sleeper's
 * kernel stack, in a hash bucket chosen by the futex's key.  The design,
 * the key rules and the lost-wakeup argument are in
 * Documentation/core-api/futex.rst; the order of checks and every errno
 * follow Linux's kernel/futex/.
 */
#include <lego/compat.h>
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/time.h>
#include <lego/futex.h>
#include <lego/mm_types.h>
#include <lego/capability.h>
#include <uapi/lego/futex.h>
#include <uapi/lego/time.h>
#include <asm/uaccess.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

/* futex(2)'s op bits, turned into the flags the operations take. */
#define FLAGS_SHARED		0x1	/* not FUTEX_PRIVATE_FLAG */
#define FLAGS_CLOCKRT		0x2	/* FUTEX_CLOCK_REALTIME */

/*
 * What identifies a futex.  A private futex (FUTEX_PRIVATE_FLAG) is its
 * address in this address space: base is the mm.  A shared one in
 * private memory is keyed the same way with bit 0 of base set (Linux's
 * FUT_OFF_MMSHARED: a private and a shared operation on one word do not
 * meet).  A shared one in a MAP_SHARED mapping is the physical address of
 * the word (base KEY_PHYS): every process mapping that page -- a
 * MAP_SHARED|MAP_ANONYMOUS region inherited across fork, or a file's page
 * cache page -- finds the same key, at whatever address it maps it.
 * Lego never swaps nor migrates pages, so the frame is the page for as
 * long as it stays mapped.
 */
struct futex_key {
	unsigned long base;
	unsigned long offset;
};

#define KEY_MM_SHARED		1UL
#define KEY_PHYS		2UL

struct futex_bucket {
	spinlock_t lock;
	struct list_head chain;		/* of struct futex_q */
};

/*
 * One sleeper.  bucket is the bucket it is queued on; a waker sets it to
 * NULL after taking q off the chain and waking the task, all under the
 * bucket's lock, and a requeue moves it to another bucket holding both
 * locks.  The sleeper therefore finds out whether it was woken by taking
 * the lock of the bucket it reads (futex_unqueue()).
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct futex_key key;
	u32 bitset;
	struct futex_bucket *bucket;
};

/* 256 buckets: a small kernel, few concurrent futexes. */
#define FUTEX_HASH_BITS		8
static struct futex_bucket futex_queues[1 << FUTEX_HASH_BITS];

void futex_init(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}

static struct futex_bucket *futex_hash(const struct futex_key *key)
{
	u64 h = (key->base ^ (key->offset >> 2) ^ (key->offset >> 14)) *
		0x9e3779b97f4a7c15ULL;

	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

static bool futex_match(const struct futex_key *a, const struct futex_key *b)
{
	return a->base == b->base && a->offset == b->offset;
}

/*
 * The key of the futex at uaddr.  Linux's get_futex_key(): alignment
 * first (-EINVAL), then the range; a private key needs no mapping (a wake
 * on an unmapped private address wakes nobody), a shared one looks the
 * page up and faults it in (-EFAULT when nothing is mapped there).
 */
static int get_futex_key(u32 __user *uaddr, unsigned int flags, struct futex_key *key)
{
	unsigned long addr = (__force unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;
	pteval_t *pte;
	int r = -EFAULT;

	if (addr % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (!(flags & FLAGS_SHARED)) {
		key->base = (unsigned long)mm;
		key->offset = addr;
		return 0;
	}
	mutex_lock(&mm->mmap_lock);
	v = find_vma(mm, addr);
	if (!v)
		goto out;
	if (!(v->vm_flags & VM_SHARED)) {
		/* Private memory: only this mm can see the word.  Linux refuses
		 * a private anonymous page it cannot write (-EFAULT). */
		if (!(v->vm_flags & VM_WRITE) && !v->vm_file)
			goto out;
		key->base = (unsigned long)mm | KEY_MM_SHARED;
		key->offset = addr;
		r = 0;
		goto out;
	}
	pte = pte_lookup(mm->pgd, addr, false, 0);
	if (!pte || !(*pte & _PAGE_PRESENT)) {
		if (handle_mm_fault(mm, addr, X86_PF_USER))
			goto out;
		pte = pte_lookup(mm->pgd, addr, false, 0);
		if (!pte || !(*pte & _PAGE_PRESENT))
			goto out;
	}
	key->base = KEY_PHYS;
	key->offset = (*pte & PTE_PFN_MASK) | (addr & ~PAGE_MASK);
	r = 0;
out:
	mutex_unlock(&mm->mmap_lock);
	return r;
}

/*
 * Reads the futex word under a bucket lock.  A fault there cannot wait
 * for mmap_lock (do_page_fault() gives up at once when it is busy), so a
 * failure only means "retry without the lock": the caller drops its
 * locks, reads with get_user() (which may sleep to fault the page in, and
 * fails for good only if nothing is mapped) and starts again.
 */
static int futex_get_value_locked(u32 *val, u32 __user *uaddr)
{
	return get_user(*val, uaddr);
}

static int futex_cmpxchg_user(u32 *found, u32 __user *uaddr, u32 old, u32 new)
{
	extern int __futex_cmpxchg_user(u32 *found, u32 __user *uaddr, u32 old, u32 new);

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	return __futex_cmpxchg_user(found, uaddr, old, new);
}

/* Makes the word writable (a copy-on-write page copied): 0 or -EFAULT.
 * The compare-exchange of 0 with 0 writes back what is there. */
static int fault_in_user_writeable(u32 __user *uaddr)
{
	u32 found;

	return futex_cmpxchg_user(&found, uaddr, 0, 0);
}

/* Both buckets' locks, the lower address first (one lock if they are one). */
static void double_lock(struct futex_bucket *a, struct futex_bucket *b)
{
	if (a > b) {
		struct futex_bucket *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	if (a != b)
		spin_lock(&b->lock);
}

static void double_unlock(struct futex_bucket *a, struct futex_bucket *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

/*
 * Wakes q's task and takes q off its chain; the bucket lock is held.  The
 * wake comes before q->bucket is cleared: once the sleeper sees NULL it
 * may return and reuse its stack, and it can only see it after the waker
 * is done with both q and the task.
 */
static void futex_wake_q(struct futex_q *q)
{
	list_del_init(&q->list);
	wake_up_state(q->task, TASK_NORMAL);
	smp_store_release(&q->bucket, NULL);
}

/*
 * The sleeper leaves the queue: true if it was still queued (not woken),
 * false if a waker took it off.  A requeue may move q between the read of
 * q->bucket and the lock, hence the second look under the lock.
 */
static bool futex_unqueue(struct futex_q *q)
{
	struct futex_bucket *hb;

	for (;;) {
		hb = smp_load_acquire(&q->bucket);
		if (!hb)
			return false;
		spin_lock(&hb->lock);
		if (q->bucket == hb)
			break;
		spin_unlock(&hb->lock);
	}
	list_del_init(&q->list);
	q->bucket = NULL;
	spin_unlock(&hb->lock);
	return true;
}

/*
 * Queues current on uaddr's futex if the word still holds val.  The read
 * and the queueing are under the bucket lock, and so is every wake: a
 * waker that changed the word before our read made us see the change
 * (-EAGAIN); one that changes it after finds us queued, in
 * TASK_INTERRUPTIBLE, and wakes us.  No wakeup falls in between.
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags,
			    struct futex_q *q)
{
	struct futex_bucket *hb;
	u32 uval;
	int r;

	for (;;) {
		r = get_futex_key(uaddr, flags, &q->key);
		if (r)
			return r;
		hb = futex_hash(&q->key);
		spin_lock(&hb->lock);
		if (!futex_get_value_locked(&uval, uaddr))
			break;
		spin_unlock(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
	}
	if (uval != val) {
		spin_unlock(&hb->lock);
		return -EAGAIN;
	}
	q->task = current;
	q->bucket = hb;
	list_add_tail(&q->list, &hb->chain);
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock(&hb->lock);
	return 0;
}

static long futex_wait_restart(struct restart_block *rb);

/*
 * FUTEX_WAIT and FUTEX_WAIT_BITSET.  deadline is CLOCK_MONOTONIC ns, 0 for
 * none.  A signal ends the wait as Linux's futex_wait(): without a
 * timeout -ERESTARTSYS (the call restarts under SA_RESTART, else
 * -EINTR); with one, restart_syscall(2) waits on to the same deadline when
 * no handler runs, and a handler makes it -EINTR.
 */
static long futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
		       u64 deadline, u32 bitset)
{
	struct restart_block *rb;
	struct futex_q q;
	int r;

	if (!bitset)
		return -EINVAL;
	q.bitset = bitset;
	INIT_LIST_HEAD(&q.list);
	for (;;) {
		r = futex_wait_setup(uaddr, val, flags, &q);
		if (r)
			return r;
		/* A signal that came before we set our state woke nobody. */
		if (smp_load_acquire(&q.bucket) && !signal_pending(current)) {
			if (deadline)
				schedule_timeout_ns(deadline);
			else
				schedule();
		}
		__set_current_state(TASK_RUNNING);
		if (!futex_unqueue(&q))
			return 0;
		if (deadline && ktime_get_ns() >= deadline)
			return -ETIMEDOUT;
		if (signal_pending(current))
			break;
		/* Woken by something else: look at the word again. */
	}
	if (!deadline)
		return -ERESTARTSYS;
	rb = &current->restart_block;
	rb->futex.uaddr = uaddr;
	rb->futex.val = val;
	rb->futex.flags = flags;
	rb->futex.bitset = bitset;
	rb->futex.deadline_ns = deadline;
	return set_restart_fn(rb, futex_wait_restart);
}

static long futex_wait_restart(struct restart_block *rb)
{
	rb->fn = do_no_restart_syscall;
	return futex_wait(rb->futex.uaddr, rb->futex.flags, rb->futex.val,
			  rb->futex.deadline_ns, rb->futex.bitset);
}

/*
 * FUTEX_WAKE and FUTEX_WAKE_BITSET: wakes up to nr_wake sleepers whose
 * bitset shares a bit with bitset, oldest first; returns how many.  As on
 * Linux, nr_wake is counted after each wake, so 0 or a negative count
 * still wakes one.
 */
static long futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_q *q, *n;
	struct futex_bucket *hb;
	struct futex_key key;
	long woken = 0;
	int r;

	if (!bitset)
		return -EINVAL;
	r = get_futex_key(uaddr, flags, &key);
	if (r)
		return r;
	hb = futex_hash(&key);
	spin_lock(&hb->lock);
	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (!futex_match(&q->key, &key) || !(q->bitset & bitset))
			continue;
		futex_wake_q(q);
		if (++woken >= nr_wake)
			break;
	}
	spin_unlock(&hb->lock);
	return woken;
}

long futex_wake_shared(u32 __user *uaddr, int nr)
{
	return futex_wake(uaddr, FLAGS_SHARED, nr, FUTEX_BITSET_MATCH_ANY);
}

/*
 * The keys of uaddr1 and uaddr2 and both their buckets, locked (for
 * REQUEUE and WAKE_OP, which look at both under both locks); 0, or the
 * error of a key.
 */
static int lock_two_futexes(u32 __user *uaddr1, u32 __user *uaddr2, unsigned int flags,
			    struct futex_key *key1, struct futex_key *key2,
			    struct futex_bucket **hb1, struct futex_bucket **hb2)
{
	int r = get_futex_key(uaddr1, flags, key1);

	if (!r)
		r = get_futex_key(uaddr2, flags, key2);
	if (r)
		return r;
	*hb1 = futex_hash(key1);
	*hb2 = futex_hash(key2);
	double_lock(*hb1, *hb2);
	return 0;
}

/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (cmpval non-NULL): wakes nr_wake
 * sleepers of uaddr1 and moves up to nr_requeue more to uaddr2, after
 * checking, under both locks, that *uaddr1 is still *cmpval (-EAGAIN).
 * Returns the number woken plus the number moved.
 */
static long futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
			  int nr_wake, int nr_requeue, const u32 *cmpval)
{
	struct futex_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	struct futex_q *q, *n;
	long count = 0;
	u32 uval;
	int r;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	for (;;) {
		r = lock_two_futexes(uaddr1, uaddr2, flags, &key1, &key2, &hb1, &hb2);
		if (r)
			return r;
		if (!cmpval || !futex_get_value_locked(&uval, uaddr1))
			break;
		double_unlock(hb1, hb2);
		if (get_user(uval, uaddr1))
			return -EFAULT;
	}
	if (cmpval && uval != *cmpval) {
		double_unlock(hb1, hb2);
		return -EAGAIN;
	}
	list_for_each_entry_safe(q, n, &hb1->chain, list) {
		if (count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&q->key, &key1))
			continue;
		if (++count <= nr_wake) {
			futex_wake_q(q);
			continue;
		}
		/* Same bucket: the key changes, the chain stays. */
		if (hb1 != hb2) {
			list_del(&q->list);
			list_add_tail(&q->list, &hb2->chain);
			WRITE_ONCE(q->bucket, hb2);
		}
		q->key = key2;
	}
	double_unlock(hb1, hb2);
	return count;
}

/*
 * FUTEX_WAKE_OP's operation on *uaddr: the old value is compared with
 * cmparg after the new one is stored.  1 when the comparison holds, 0
 * when not, -EFAULT, or -ENOSYS for an unknown operation (nothing
 * stored) or comparison (stored all the same: Linux's
 * futex_atomic_op_inuser()).
 */
static int futex_atomic_op_inuser(u32 encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op & 0x70000000) >> 28;
	unsigned int cmp = (encoded_op & 0x0f000000) >> 24;
	/* Both arguments are 12-bit signed fields. */
	int oparg = (int)(encoded_op << 8) >> 20;
	int cmparg = (int)(encoded_op << 20) >> 20;
	u32 old, found, new;
	int r;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		/* Linux takes an out-of-range shift modulo 32 (and complains). */
		oparg = (int)(1U << (oparg & 31));
	}
	if (op > FUTEX_OP_XOR)
		return -ENOSYS;
	/* A guess at the old value; the compare-exchange tells the truth. */
	r = futex_get_value_locked(&old, uaddr);
	if (r)
		return r;
	for (;;) {
		switch (op) {
		case FUTEX_OP_SET:
			new = oparg;
			break;
		case FUTEX_OP_ADD:
			new = old + oparg;
			break;
		case FUTEX_OP_OR:
			new = old | oparg;
			break;
		case FUTEX_OP_ANDN:
			new = old & ~oparg;
			break;
		default:	/* FUTEX_OP_XOR */
			new = old ^ oparg;
			break;
		}
		r = futex_cmpxchg_user(&found, uaddr, old, new);
		if (r)
			return r;
		if (found == old)
			break;
		old = found;
	}
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return (int)old == cmparg;
	case FUTEX_OP_CMP_NE:
		return (int)old != cmparg;
	case FUTEX_OP_CMP_LT:
		return (int)old < cmparg;
	case FUTEX_OP_CMP_LE:
		return (int)old <= cmparg;
	case FUTEX_OP_CMP_GT:
		return (int)old > cmparg;
	case FUTEX_OP_CMP_GE:
		return (int)old >= cmparg;
	default:
		return -ENOSYS;
	}
}

/* Wakes up to nr sleepers of key on hb (locked); how many. */
static long wake_key(struct futex_bucket *hb, const struct futex_key *key, int nr)
{
	struct futex_q *q, *n;
	long woken = 0;

	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (!futex_match(&q->key, key))
			continue;
		futex_wake_q(q);
		if (++woken >= nr)
			break;
	}
	return woken;
}

/*
 * FUTEX_WAKE_OP: atomically applies the operation to *uaddr2, wakes
 * nr_wake sleepers of uaddr1, and, if the old value of *uaddr2 passed the
 * comparison, nr_wake2 sleepers of uaddr2.  The operation runs under both
 * bucket locks; a fault there drops them, makes the word writable and
 * starts again.
 */
static long futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
			  int nr_wake, int nr_wake2, u32 op)
{
	struct futex_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	long woken;
	int r;

	for (;;) {
		r = lock_two_futexes(uaddr1, uaddr2, flags, &key1, &key2, &hb1, &hb2);
		if (r)
			return r;
		r = futex_atomic_op_inuser(op, uaddr2);
		if (r >= 0)
			break;
		double_unlock(hb1, hb2);
		if (r != -EFAULT)
			return r;
		r = fault_in_user_writeable(uaddr2);
		if (r)
			return r;
	}
	woken = wake_key(hb1, &key1, nr_wake);
	if (r > 0)
		woken += wake_key(hb2, &key2, nr_wake2);
	double_unlock(hb1, hb2);
	return woken;
}

static long do_futex(u32 __user *uaddr, int op, u32 val, u64 deadline,
		     u32 __user *uaddr2, u32 val2, u32 val3)
{
	unsigned int flags = 0;
	int cmd = op & FUTEX_CMD_MASK;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	/* Linux 6.1: a realtime timeout only where the timeout is absolute. */
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, deadline, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, val, val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	}
	/* The priority-inheritance operations are not implemented. */
	return -ENOSYS;
}

/* The operations that take a timeout in the fourth argument. */
static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

/*
 * The timeout as a CLOCK_MONOTONIC deadline (never 0, which means none):
 * FUTEX_WAIT's is relative, the others' absolute, on CLOCK_MONOTONIC or,
 * with FUTEX_CLOCK_REALTIME, on CLOCK_REALTIME -- taken at the call, so a
 * later change of the wall clock does not move it.
 */
static int futex_deadline(struct __kernel_timespec ts, int cmd, int op, u64 *deadline)
{
	u64 ns, now = ktime_get_ns(), real;

	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec >= U64_MAX / NSEC_PER_SEC / 4)
		ns = U64_MAX / 4;		/* forever, without overflow */
	else
		ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (cmd == FUTEX_WAIT) {
		ns += now;
	} else if (op & FUTEX_CLOCK_REALTIME) {
		real = ktime_get_real_ns();
		ns = ns > real ? now + (ns - real) : now;
	}
	*deadline = ns ? ns : 1;
	return 0;
}

// syscall-status: futex: partial: no priority-inheritance operations (ENOSYS)
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = 0;
	int r;

	if (utime && futex_cmd_has_timeout(cmd)) {
		struct __kernel_timespec ts;

		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		r = futex_deadline(ts, cmd, op, &deadline);
		if (r)
			return r;
	}
	/* For the requeue and wake-op operations the fourth argument is a
	 * count, val2, as on Linux. */
	return do_futex(uaddr, op, val, deadline, uaddr2,
			(u32)(__force unsigned long)utime, val3);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 futex (240): the timeout an old_timespec32 (futex_time64,
 * 422, is the handler above). */
COMPAT_SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		       const struct old_timespec32 __user *, utime,
		       u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = 0;
	int r;

	if (utime && futex_cmd_has_timeout(cmd)) {
		struct old_timespec32 t;
		struct __kernel_timespec ts;

		if (copy_from_user(&t, utime, sizeof(t)))
			return -EFAULT;
		ts.tv_sec = t.tv_sec;
		ts.tv_nsec = t.tv_nsec;
		r = futex_deadline(ts, cmd, op, &deadline);
		if (r)
			return r;
	}
	return do_futex(uaddr, op, val, deadline, uaddr2,
			(u32)(__force unsigned long)utime, val3);
}
#endif

/* --------------------------------------------------------- robust list */

/*
 * One robust mutex of a dying thread (Linux's handle_futex_death()): if
 * the thread owns it, FUTEX_OWNER_DIED is set (keeping FUTEX_WAITERS) and,
 * if there are waiters, one is woken to take it over and repair the state
 * (pthread_mutex_lock returns EOWNERDEAD).  A pending unlock of a free
 * word (the thread died between releasing it and leaving the list) wakes
 * one waiter too.  -1 stops the walk: bad memory.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *tsk,
			      bool pi, bool pending)
{
	u32 uval, nval, mval;

	if ((__force unsigned long)uaddr % sizeof(u32))
		return -1;
	for (;;) {
		if (get_user(uval, uaddr))
			return -1;
		if (pending && !pi && !(uval & FUTEX_TID_MASK)) {
			futex_wake_shared(uaddr, 1);
			return 0;
		}
		if ((uval & FUTEX_TID_MASK) != (u32)tsk->pid)
			return 0;
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		if (futex_cmpxchg_user(&nval, uaddr, uval, mval))
			return -1;
		if (nval == uval)
			break;
	}
	/* A PI futex's waiter would be woken by its PI state: Lego has none. */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake_shared(uaddr, 1);
	return 0;
}

/*
 * A robust list is walked in the width of the ABI that registered it:
 * 8-byte words for set_robust_list(2) of the 64-bit table, 4-byte ones
 * (struct compat_robust_list_head, 32-bit pointers and futex_offset) for
 * the i386 one.  A thread may have one of each, as on Linux.
 */
static int get_robust_word(unsigned long *v, unsigned long uptr, bool compat)
{
	u32 w;

	if (!compat)
		return get_user(*v, (unsigned long __user *)uptr) ? -EFAULT : 0;
	if (get_user(w, (u32 __user *)uptr))
		return -EFAULT;
	*v = w;
	return 0;
}

/* An entry pointer of the list; bit 0 marks a PI futex. */
static int fetch_robust_entry(unsigned long *entry, unsigned long uptr, bool *pi,
			      bool compat)
{
	unsigned long v;

	if (get_robust_word(&v, uptr, compat))
		return -EFAULT;
	*entry = v & ~1UL;
	*pi = v & 1;
	return 0;
}

/* The lock word of an entry: a 32-bit list computes it in 32 bits (the
 * offset is a signed compat_long_t, the sum wraps as an i386 pointer). */
static u32 __user *robust_lock_word(unsigned long entry, long futex_offset, bool compat)
{
	unsigned long a = entry + futex_offset;

	return (u32 __user *)(compat ? (unsigned long)(u32)a : a);
}

/*
 * Walks a robust list at head (Linux's exit_robust_list() and
 * compat_exit_robust_list()): head, then the entries, each with the lock
 * word futex_offset bytes on; the entry being locked or unlocked
 * (list_op_pending) last, once.  A bad pointer ends the walk, and at most
 * ROBUST_LIST_LIMIT entries are visited, so a corrupt or circular list
 * cannot keep the thread from exiting.
 */
static void exit_robust_list(struct task_struct *tsk, unsigned long head, bool compat)
{
	unsigned long entry, next = 0, pending, off;
	unsigned int limit = ROBUST_LIST_LIMIT;
	unsigned int word = compat ? 4 : 8;	/* next, futex_offset, pending */

	_Static_assert(offsetof(struct robust_list_head, futex_offset) == 8 &&
		       offsetof(struct robust_list_head, list_op_pending) == 16, "robust head");
	_Static_assert(offsetof(struct compat_robust_list_head, futex_offset) == 4 &&
		       offsetof(struct compat_robust_list_head, list_op_pending) == 8,
		       "compat robust head");
	bool pi, next_pi = false, pending_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, head, &pi, compat))
		return;
	if (get_robust_word(&off, head + word, compat))
		return;
	futex_offset = compat ? (long)(s32)off : (long)off;
	if (fetch_robust_entry(&pending, head + 2 * word, &pending_pi, compat))
		return;
	while (entry != head) {
		rc = fetch_robust_entry(&next, entry, &next_pi, compat);
		if (entry != pending &&
		    handle_futex_death(robust_lock_word(entry, futex_offset, compat),
				       tsk, pi, false))
			return;
		if (rc)
			return;
		entry = next;
		pi = next_pi;
		if (!--limit)
			break;
	}
	if (pending)
		handle_futex_death(robust_lock_word(pending, futex_offset, compat), tsk,
				   pending_pi, true);
}

void futex_exit_release(struct task_struct *tsk)
{
	if (tsk->robust_list && tsk->mm)
		exit_robust_list(tsk, (__force unsigned long)tsk->robust_list, false);
	tsk->robust_list = NULL;
	if (tsk->compat_robust_list && tsk->mm)
		exit_robust_list(tsk, (__force unsigned long)tsk->compat_robust_list, true);
	tsk->compat_robust_list = NULL;
}

/*
 * Whether current may read t's robust-list pointer: Linux's
 * ptrace_may_access(PTRACE_MODE_READ_REALCREDS) -- its own thread group,
 * a target whose ids all equal the caller's real ones, or CAP_SYS_PTRACE.
 */
static bool may_read_robust_list(struct task_struct *t)
{
	const struct cred *c = &current->cred, *tc = &t->cred;

	if (t->tgid == current->tgid || capable(CAP_SYS_PTRACE))
		return true;
	return c->uid == tc->uid && c->uid == tc->euid && c->uid == tc->suid &&
	       c->gid == tc->gid && c->gid == tc->egid && c->gid == tc->sgid;
}

/*
 * The head pid's thread (0: ours) registered through the 64-bit
 * set_robust_list (compat false) or the i386 one.
 */
static long robust_list_of(int pid, bool compat, void __user **head)
{
	struct task_struct *t = current;
	unsigned long flags;
	long r = 0;

	flags = spin_lock_irqsave(&tasklist_lock);
	if (pid)
		t = find_task_by_pid(pid);
	if (!t)
		r = -ESRCH;
	else if (!may_read_robust_list(t))
		r = -EPERM;
	else
		*head = compat ? t->compat_robust_list : t->robust_list;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return r;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	void __user *head = NULL;
	long r = robust_list_of(pid, false, &head);

	if (r)
		return r;
	if (put_user(sizeof(struct robust_list_head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 get_robust_list: a 32-bit head pointer and a 4-byte size. */
COMPAT_SYSCALL_DEFINE3(get_robust_list, int, pid, compat_uptr_t __user *, head_ptr,
		       u32 __user *, len_ptr)
{
	void __user *head = NULL;
	long r = robust_list_of(pid, true, &head);

	if (r)
		return r;
	if (put_user((u32)sizeof(struct compat_robust_list_head), len_ptr))
		return -EFAULT;
	return put_user((compat_uptr_t)(__force unsigned long)head, head_ptr);
}
#endif
