// SPDX-License-Identifier: GPL-2.0
/* Scheduler syscalls. */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/syscalls.h>

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}
