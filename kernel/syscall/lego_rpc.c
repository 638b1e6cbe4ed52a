// SPDX-License-Identifier: GPL-2.0
/*
 * Lego-private test syscalls of the RPC layer (CONFIG_KTEST): user-space
 * tests drive rpc_call() with any request and read the counters.  The
 * structures are in include/uapi/lego/rpc_proto.h.
 */
#include <lego/kernel.h>
#include <lego/syscalls.h>
#include <lego/rpc.h>
#include <lego/mm.h>
#include <lego/errno.h>
#include <lego/sched.h>
#include <lego/timer.h>
#include <lego/time.h>
#include <asm/uaccess.h>

struct fake_signal {
	struct timer_list timer;
	struct task_struct *task;
};

/* As a signal's arrival: pending, and an interruptible sleep ends. */
static void fake_signal_fire(struct timer_list *t)
{
	struct fake_signal *f = container_of(t, struct fake_signal, timer);

	set_tsk_thread_flag(f->task, TIF_SIGPENDING);
	wake_up_state(f->task, TASK_INTERRUPTIBLE);
}

/* 1006: one rpc_call() with buffers copied from and to user memory. */
SYSCALL_DEFINE1(lego_ktest_rpc_call, const struct rpc_ktest_call __user *, uargs)
{
	struct rpc_ktest_call a;
	struct fake_signal sig = { .task = current };
	void *req = NULL, *resp = NULL;
	long r;

	if (copy_from_user(&a, uargs, sizeof(a)))
		return -EFAULT;
	if (a.req_len > RPC_MAX_MSG || a.node > 0xffff || a.type > 0xffff ||
	    a.signal_after_ms > 60000 || a.pad)
		return -EINVAL;
	if (a.resp_max > RPC_MAX_MSG)
		a.resp_max = RPC_MAX_MSG;
	req = kmalloc(a.req_len ? a.req_len : 1, GFP_KERNEL);
	resp = kmalloc(a.resp_max ? a.resp_max : 1, GFP_KERNEL);
	r = -ENOMEM;
	if (!req || !resp)
		goto out;
	r = -EFAULT;
	if (copy_from_user(req, (const void __user *)(uintptr_t)a.req, a.req_len))
		goto out;
	timer_setup(&sig.timer, fake_signal_fire);
	if (a.signal_after_ms)
		add_timer(&sig.timer, ktime_get_ns() + a.signal_after_ms * NSEC_PER_MSEC);
	r = rpc_call(a.node, a.type, req, a.req_len, resp, a.resp_max, a.timeout_ns);
	del_timer_sync(&sig.timer);
	if (r > 0 && copy_to_user((void __user *)(uintptr_t)a.resp, resp, r))
		r = -EFAULT;
out:
	kfree(req);
	kfree(resp);
	return r;
}

/* 1007: the counters, at most size bytes of them; returns the size copied. */
SYSCALL_DEFINE2(lego_ktest_rpc_stats, struct rpc_stats __user *, ust, size_t, size)
{
	struct rpc_stats st = { 0 };

	rpc_get_stats(&st);
	st.node = lego_node_id();
	st.role = lego_current_role();
	st.memory_node = lego_memory_node();
	st.storage_node = lego_storage_node();
	if (size > sizeof(st))
		size = sizeof(st);
	if (copy_to_user(ust, &st, size))
		return -EFAULT;
	return size;
}
