// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect6.
 *
 * The first pass over the files asks each one's poll method for its
 * state and, through poll_wait(), puts the caller on every wait queue the
 * file named.  If nothing is ready, the caller sleeps until any of those
 * queues is woken, a signal comes or the timeout passes, and asks again.
 * The caller's sleep state is set before each pass, so a wakeup that
 * comes during a pass (from any CPU) makes the following sleep return at
 * once: none is lost.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/time.h>
#include <lego/poll.h>
#include <lego/syscalls.h>
#include <lego/compat.h>
#include <uapi/lego/time.h>
#include <asm/uaccess.h>
#include "internal.h"

/* ------------------------------------------------------------ wait table */

struct poll_entry {
	struct file *f;
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

#define INLINE_ENTRIES	16
#define PAGE_ENTRIES	((PAGE_SIZE - sizeof(void *) - sizeof(int)) / sizeof(struct poll_entry))

struct poll_page {
	struct poll_page *next;
	int n;
	struct poll_entry e[PAGE_ENTRIES];
};

struct poll_wqueues {
	poll_table pt;
	struct poll_page *pages;
	int error;
	int ninline;
	struct poll_entry inline_e[INLINE_ENTRIES];
};

static struct poll_entry *new_entry(struct poll_wqueues *p)
{
	struct poll_page *pg = p->pages;

	if (p->ninline < INLINE_ENTRIES)
		return &p->inline_e[p->ninline++];
	if (!pg || pg->n == (int)PAGE_ENTRIES) {
		/* Allocation does not sleep, so the sleep state survives it. */
		struct poll_page *n = (struct poll_page *)__get_free_page(GFP_KERNEL);

		if (!n)
			return NULL;
		n->n = 0;
		n->next = pg;
		p->pages = pg = n;
	}
	return &pg->e[pg->n++];
}

/* poll_wait()'s worker: one more queue the caller sleeps on. */
static void pollwait(struct file *f, struct wait_queue_head *wq, poll_table *pt)
{
	struct poll_wqueues *p = container_of(pt, struct poll_wqueues, pt);
	struct poll_entry *e = new_entry(p);

	if (!e) {
		p->error = -ENOMEM;
		return;
	}
	get_file(f);
	e->f = f;
	e->wq = wq;
	init_wait_entry(&e->wait);
	prepare_to_wait(wq, &e->wait, TASK_INTERRUPTIBLE);
}

static void poll_initwait(struct poll_wqueues *p)
{
	p->pt.qproc = pollwait;
	p->pt.key = ~0u;
	p->pages = NULL;
	p->error = 0;
	p->ninline = 0;
}

static void free_entry(struct poll_entry *e)
{
	finish_wait(e->wq, &e->wait);
	fput(e->f);
}

static void poll_freewait(struct poll_wqueues *p)
{
	struct poll_page *pg = p->pages, *next;
	int i;

	for (i = 0; i < p->ninline; i++)
		free_entry(&p->inline_e[i]);
	for (; pg; pg = next) {
		for (i = 0; i < pg->n; i++)
			free_entry(&pg->e[i]);
		next = pg->next;
		free_page((unsigned long)pg);
	}
	__set_current_state(TASK_RUNNING);
}

__poll_t vfs_poll(struct file *f, poll_table *pt)
{
	if (!f->f_op || !f->f_op->poll)
		return DEFAULT_POLLMASK;
	return f->f_op->poll(f, pt);
}

/*
 * Sleeps after a pass found nothing: until woken, a signal, or the
 * monotonic deadline (0: none).  Returns false when the deadline passed.
 */
static bool poll_sleep(u64 deadline)
{
	if (signal_pending(current))
		return true;
	if (!deadline) {
		schedule();
		return true;
	}
	return schedule_timeout_ns(deadline) != 0;
}

/* ------------------------------------------------------------ poll */

/* Linux's do_pollfd: negative fds are skipped, closed ones are POLLNVAL. */
static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	__poll_t filter, mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	f = fget(pfd->fd);
	if (!f)
		return POLLNVAL;
	filter = (unsigned short)pfd->events | POLLERR | POLLHUP;
	if (pt)
		pt->key = filter;
	mask = vfs_poll(f, pt) & filter;
	fput(f);
	return mask;
}

/*
 * The waiting loop of poll and select: pass() looks at every file once
 * (registering on their queues while it is given a table) and returns
 * how many are ready or an error; the loop sleeps between passes.  The
 * result: pass()'s, a table error, or -ERESTARTNOHAND on a signal.
 */
static int poll_loop(u64 deadline, bool timed_out,
		     int (*pass)(void *arg, poll_table *pt), void *arg)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	int count;

	poll_initwait(&table);
	if (timed_out)
		pt = NULL;		/* a zero timeout: one look, no waiting */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		count = pass(arg, pt);
		pt = NULL;		/* registered once is enough */
		if (count || timed_out)
			break;
		if (table.error) {
			count = table.error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (!poll_sleep(deadline))
			timed_out = true;
	}
	poll_freewait(&table);
	return count;
}

struct poll_args {
	struct pollfd *fds;
	unsigned int nfds;
};

/* One pass of poll: the number of entries with events. */
static int poll_pass(void *arg, poll_table *pt)
{
	struct poll_args *a = arg;
	unsigned int i;
	int count = 0;

	for (i = 0; i < a->nfds; i++) {
		a->fds[i].revents = do_pollfd(&a->fds[i], pt);
		if (a->fds[i].revents) {
			count++;
			pt = NULL;	/* no need to wait any more */
		}
	}
	return count;
}

/*
 * The common part of poll and ppoll: nfds above RLIMIT_NOFILE is
 * EINVAL; the array is read (EFAULT) and every revents written back.
 */
static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, u64 deadline,
		       bool timed_out)
{
	struct pollfd *fds;
	size_t size = (size_t)nfds * sizeof(*fds);
	unsigned int i;
	int r;

	if (nfds > rlimit_nofile())
		return -EINVAL;
	fds = size > PAGE_SIZE * 8 ? vmalloc(size) : kmalloc(size + 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	r = -EFAULT;
	if (copy_from_user(fds, ufds, size))
		goto out;
	{
		struct poll_args a = { fds, nfds };

		r = poll_loop(deadline, timed_out, poll_pass, &a);
	}
	for (i = 0; i < nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			r = -EFAULT;
			break;
		}
	}
out:
	if (size > PAGE_SIZE * 8)
		vfree(fds, size);
	else
		kfree(fds);
	return r;
}

/* A deadline ns from now on CLOCK_MONOTONIC (0 when none). */
static u64 deadline_after(u64 ns)
{
	u64 now = ktime_get_ns();

	return ns > U64_MAX - now ? U64_MAX : now + ns;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	u64 deadline = 0;

	if (timeout_msecs > 0)
		deadline = deadline_after((u64)timeout_msecs * NSEC_PER_MSEC);
	return do_sys_poll(ufds, nfds, deadline, timeout_msecs == 0);
}

/* A user timespec as a relative timeout: EFAULT, or EINVAL when out of
 * range.  time32: the i386 old_timespec32 (signed 32-bit seconds). */
static int get_timeout(const void __user *u, bool time32, u64 *ns)
{
	struct __kernel_timespec ts;
	struct old_timespec32 t32;

	if (time32) {
		if (copy_from_user(&t32, u, sizeof(t32)))
			return -EFAULT;
		ts.tv_sec = t32.tv_sec;
		ts.tv_nsec = t32.tv_nsec;
	} else if (copy_from_user(&ts, u, sizeof(ts))) {
		return -EFAULT;
	}
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)ts.tv_sec > (U64_MAX - ts.tv_nsec) / NSEC_PER_SEC ? U64_MAX :
	      (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/* A timespec argument (NULL: none) as ns and a monotonic deadline (0 for
 * none or a zero timeout). */
static int get_deadline(const void __user *tsp, bool time32, u64 *ns, u64 *deadline)
{
	int r;

	if (!tsp)
		return 0;
	r = get_timeout(tsp, time32, ns);
	if (!r)
		*deadline = *ns ? deadline_after(*ns) : 0;
	return r;
}

/* What is left of the timeout, for ppoll/pselect6/select to write back. */
static u64 time_left(u64 deadline)
{
	u64 now = ktime_get_ns();

	return deadline > now ? deadline - now : 0;
}

/*
 * Writes the time left before deadline back to tsp (ppoll, pselect6).
 * A failure is ignored, as Linux does, but then the call cannot be
 * restarted with its time left, so an interrupted one is EINTR.
 */
static int put_time_left(void __user *tsp, bool time32, u64 deadline, int r)
{
	struct __kernel_timespec left;
	struct old_timespec32 l32;
	u64 ns = time_left(deadline);
	bool fault;

	left.tv_sec = ns / NSEC_PER_SEC;
	left.tv_nsec = ns % NSEC_PER_SEC;
	l32.tv_sec = left.tv_sec;
	l32.tv_nsec = left.tv_nsec;
	fault = time32 ? copy_to_user(tsp, &l32, sizeof(l32)) : copy_to_user(tsp, &left, sizeof(left));
	if (fault && r == -ERESTARTNOHAND)
		r = -EINTR;
	return r;
}

/*
 * ppoll(2): a timespec timeout (the time left is written back, unless
 * that fails, which Linux ignores) and a signal mask installed for the
 * call.  An interrupted call is restarted or EINTR.
 */
// syscall-status: ppoll: partial: the signal mask is checked but installed only once signal masks exist
static long do_ppoll(struct pollfd __user *ufds, unsigned int nfds, void __user *tsp,
		     bool time32, const void __user *sigmask, size_t sigsetsize)
{
	u64 ns = 0, deadline = 0;
	int r = get_deadline(tsp, time32, &ns, &deadline);

	if (r)
		return r;
	r = set_user_sigmask(sigmask, sigsetsize);
	if (r)
		return r;
	r = do_sys_poll(ufds, nfds, deadline, tsp && !ns);
	restore_saved_sigmask_unless(r == -ERESTARTNOHAND);
	return tsp && ns ? put_time_left(tsp, time32, deadline, r) : r;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const void __user *, sigmask,
		size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, false, sigmask, sigsetsize);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 ppoll (309): an old_timespec32, written back as one; the
 * sigset is the same 8-byte bitmap (ppoll_time64 is sys_ppoll). */
COMPAT_SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		       struct old_timespec32 __user *, tsp, const void __user *, sigmask,
		       u32, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, true, sigmask, sigsetsize);
}
#endif

/* ------------------------------------------------------------ select */

#define BITS_PER_LONG	64
#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

struct fd_sets {
	unsigned long *in, *out, *ex, *res_in, *res_out, *res_ex;
};

static bool bit(const unsigned long *set, unsigned int fd)
{
	return set[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static void set_bit_fd(unsigned long *set, unsigned int fd)
{
	set[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

/* Every fd in the sets must be open (EBADF), as Linux's max_select_fd. */
static int check_fds(struct fd_sets *s, unsigned int n)
{
	unsigned int fd;

	for (fd = 0; fd < n; fd++) {
		struct file *f;

		if (!bit(s->in, fd) && !bit(s->out, fd) && !bit(s->ex, fd))
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return 0;
}

struct select_args {
	unsigned int n;
	struct fd_sets *s;
};

/* One pass of select: the number of bits set in the result sets. */
static int select_pass(void *arg, poll_table *pt)
{
	struct select_args *a = arg;
	struct fd_sets *s = a->s;
	size_t words = DIV_ROUND_UP(a->n, BITS_PER_LONG);
	unsigned int fd;
	int count = 0;

	memset(s->res_in, 0, words * sizeof(long));
	memset(s->res_out, 0, words * sizeof(long));
	memset(s->res_ex, 0, words * sizeof(long));
	for (fd = 0; fd < a->n; fd++) {
		bool in = bit(s->in, fd), out = bit(s->out, fd), ex = bit(s->ex, fd);
		struct file *f;
		__poll_t mask;

		if (!in && !out && !ex)
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;	/* closed since check_fds */
		if (pt)
			pt->key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) |
				  (ex ? POLLEX_SET : 0);
		mask = vfs_poll(f, pt);
		fput(f);
		if (in && (mask & POLLIN_SET)) {
			set_bit_fd(s->res_in, fd);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			set_bit_fd(s->res_out, fd);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			set_bit_fd(s->res_ex, fd);
			count++;
		}
		if (count)
			pt = NULL;
	}
	return count;
}

static int do_select(unsigned int n, struct fd_sets *s, u64 deadline, bool timed_out)
{
	struct select_args a = { n, s };
	int r = check_fds(s, n);

	return r ? r : poll_loop(deadline, timed_out, select_pass, &a);
}

/*
 * The common part of select and pselect6: n beyond the descriptor
 * table is cut to its size (Linux does the same); the sets are read
 * (EFAULT) and written back.
 */
static int core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			   unsigned long __user *exp, u64 deadline, bool timed_out)
{
	struct fd_sets s;
	unsigned long *bits;
	size_t words, size;
	unsigned int max;
	int r;

	if (n < 0)
		return -EINVAL;
	spin_lock(&current->files->file_lock);
	max = current->files->max_fds;
	spin_unlock(&current->files->file_lock);
	if ((unsigned int)n > max)
		n = max;
	words = DIV_ROUND_UP(n, BITS_PER_LONG);
	size = words * sizeof(long);
	bits = kzalloc(6 * size + 1, GFP_KERNEL);
	/* An i386 fd_set is an array of 32-bit words: only those covering n
	 * are read and written (the same bytes of the little-endian bitmap,
	 * Linux's compat_core_sys_select). */
	if (in_ia32_syscall())
		size = DIV_ROUND_UP(n, 32) * sizeof(u32);
	if (!bits)
		return -ENOMEM;
	s.in = bits;
	s.out = bits + words;
	s.ex = bits + 2 * words;
	s.res_in = bits + 3 * words;
	s.res_out = bits + 4 * words;
	s.res_ex = bits + 5 * words;
	r = -EFAULT;
	if ((inp && copy_from_user(s.in, inp, size)) ||
	    (outp && copy_from_user(s.out, outp, size)) ||
	    (exp && copy_from_user(s.ex, exp, size)))
		goto out;
	r = do_select(n, &s, deadline, timed_out);
	if (r < 0)
		goto out;
	if ((inp && copy_to_user(inp, s.res_in, size)) ||
	    (outp && copy_to_user(outp, s.res_out, size)) ||
	    (exp && copy_to_user(exp, s.res_ex, size)))
		r = -EFAULT;
out:
	kfree(bits);
	return r;
}

/*
 * select(2): the timeval is rewritten with the time left; a tv_sec that
 * overflows the sum is clamped (Linux saturates too).  tv32: the i386
 * struct timeval (old_timeval32).
 */
static int select_timeval(int n, unsigned long __user *inp, unsigned long __user *outp,
			  unsigned long __user *exp, void __user *tvp, bool tv32)
{
	struct __kernel_old_timeval tv;
	struct old_timeval32 t32;
	u64 ns = 0, deadline = 0;
	int r, w;

	if (tvp && tv32) {
		if (copy_from_user(&t32, tvp, sizeof(t32)))
			return -EFAULT;
		tv.tv_sec = t32.tv_sec;
		tv.tv_usec = t32.tv_usec;
	} else if (tvp && copy_from_user(&tv, tvp, sizeof(tv))) {
		return -EFAULT;
	}
	if (tvp) {
		/* Linux folds whole seconds of tv_usec into tv_sec; only
		 * negative values are EINVAL. */
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		tv.tv_sec += tv.tv_usec / 1000000;
		tv.tv_usec %= 1000000;
		ns = (u64)tv.tv_sec > U64_MAX / NSEC_PER_SEC / 2 ? U64_MAX / 2 :
		     (u64)tv.tv_sec * NSEC_PER_SEC + (u64)tv.tv_usec * NSEC_PER_USEC;
		deadline = ns ? deadline_after(ns) : 0;
	}
	r = core_sys_select(n, inp, outp, exp, deadline, tvp && !ns);
	if (tvp && ns) {
		ns = time_left(deadline);
		tv.tv_sec = ns / NSEC_PER_SEC;
		tv.tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
		t32.tv_sec = tv.tv_sec;
		t32.tv_usec = tv.tv_usec;
		w = tv32 ? copy_to_user(tvp, &t32, sizeof(t32)) : copy_to_user(tvp, &tv, sizeof(tv));
		if (w && r == -ERESTARTNOHAND)
			r = -EINTR;
	}
	return r;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	return select_timeval(n, inp, outp, exp, tvp, false);
}

#ifdef CONFIG_IA32_EMULATION
/* _newselect (142): select with i386 fd_sets and timeval. */
COMPAT_SYSCALL_DEFINE5(newselect, int, n, unsigned long __user *, inp,
		       unsigned long __user *, outp, unsigned long __user *, exp,
		       struct old_timeval32 __user *, tvp)
{
	return select_timeval(n, inp, outp, exp, tvp, true);
}

/* The old select (82): its five arguments in a user structure. */
struct compat_sel_arg_struct {
	u32 n, inp, outp, exp, tvp;
};

COMPAT_SYSCALL_DEFINE1(select, struct compat_sel_arg_struct __user *, arg)
{
	struct compat_sel_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	return select_timeval(a.n, compat_ptr(a.inp), compat_ptr(a.outp), compat_ptr(a.exp),
			      compat_ptr(a.tvp), true);
}
#endif

/* pselect6's sixth argument: the sigset's pointer and size; for an i386
 * caller two 32-bit words (Linux's compat_sigset_argpack). */
struct sigset_argpack {
	const void __user *p;
	size_t size;
};
struct compat_sigset_argpack {
	compat_uptr_t p;
	u32 size;
};

static long do_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
			unsigned long __user *exp, void __user *tsp, bool time32,
			void __user *sig, bool compat_pack)
{
	struct sigset_argpack pack = { NULL, 0 };
	struct compat_sigset_argpack cpack;
	u64 ns = 0, deadline = 0;
	int r;

	/* The argpack is read first, then the timeout, as Linux's pselect6. */
	if (sig && compat_pack) {
		if (copy_from_user(&cpack, sig, sizeof(cpack)))
			return -EFAULT;
		pack.p = compat_ptr(cpack.p);
		pack.size = cpack.size;
	} else if (sig && copy_from_user(&pack, sig, sizeof(pack))) {
		return -EFAULT;
	}
	r = get_deadline(tsp, time32, &ns, &deadline);
	if (r)
		return r;
	r = set_user_sigmask(pack.p, pack.size);
	if (r)
		return r;
	r = core_sys_select(n, inp, outp, exp, deadline, tsp && !ns);
	restore_saved_sigmask_unless(r == -ERESTARTNOHAND);
	return tsp && ns ? put_time_left(tsp, time32, deadline, r) : r;
}

// syscall-status: pselect6: partial: the signal mask is checked but installed only once signal masks exist
SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	return do_pselect6(n, inp, outp, exp, tsp, false, sig, false);
}

#ifdef CONFIG_IA32_EMULATION
/* The i386 pselect6 (308): an old_timespec32 and the 8-byte argpack;
 * pselect6_time64 (413): a __kernel_timespec and the same argpack.  The
 * fd_sets are read as 32-bit words by core_sys_select. */
COMPAT_SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp,
		       unsigned long __user *, outp, unsigned long __user *, exp,
		       struct old_timespec32 __user *, tsp, void __user *, sig)
{
	return do_pselect6(n, inp, outp, exp, tsp, true, sig, true);
}

COMPAT_SYSCALL_DEFINE6(pselect6_time64, int, n, unsigned long __user *, inp,
		       unsigned long __user *, outp, unsigned long __user *, exp,
		       struct __kernel_timespec __user *, tsp, void __user *, sig)
{
	return do_pselect6(n, inp, outp, exp, tsp, false, sig, true);
}
#endif
