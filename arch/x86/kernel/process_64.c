// SPDX-License-Identifier: GPL-2.0
/*
 * Task state on x86-64: the initial kernel stack of a new task, the
 * context switch, the register state a new program starts with, and
 * arch_prctl.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/mm_types.h>
#include <asm/msr.h>
#include <asm/fpu.h>
#include <asm/uaccess.h>
#include <asm/processor.h>
#include <asm/cpu_entry_area.h>
#include <asm/pti.h>
#include <asm/tls.h>
#include <lego/compat.h>

/* The top of the running task's kernel stack: entry_SYSCALL_64 loads it. */
DEFINE_PER_CPU(unsigned long, cpu_current_top_of_stack);

struct task_struct *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
				    struct task_struct *prev);
extern char ret_from_fork[];

/* The frame __switch_to_asm pops: r15, r14, r13, r12, rbx, rbp, return. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp, ret_addr;
};

void copy_thread(struct task_struct *t, int (*fn)(void *), void *arg)
{
	struct pt_regs *regs = task_pt_regs(t);
	struct inactive_task_frame *frame = (struct inactive_task_frame *)regs - 1;

	memset(regs, 0, sizeof(*regs));
	memset(frame, 0, sizeof(*frame));
	frame->r12 = (unsigned long)fn;
	frame->r13 = (unsigned long)arg;
	frame->ret_addr = (unsigned long)ret_from_fork;
	t->thread.sp = (unsigned long)frame;
	t->thread.status = 0;	/* returns through ret_from_fork, not a syscall */
}

/*
 * Where the CPU switches to on an interrupt from user mode: the task's
 * kernel stack, or with page-table isolation the entry stack, which stays
 * (the entry code moves the frame to the task's stack once in the kernel's
 * page tables).
 */
static void set_tss_sp0(unsigned long sp0)
{
	if (!pti_enabled)
		this_cpu_write(cpu_entry_area.tss.sp0, sp0);
}

/*
 * Runs with interrupts disabled and the run-queue lock held.  The user
 * FS/GS bases and FPU registers belong to the task, so they are saved
 * and loaded here; the kernel never uses them itself.  Returns, once prev
 * runs again, the task that switched back to it.
 */
/*
 * DS and ES: ignored in 64-bit mode but used by a 32-bit program's code
 * (compat mode uses the descriptor's base and limit; SDM Vol. 3A 5.2.1),
 * and never changed by the kernel.  Each task keeps its own, as Linux's
 * __switch_to: a 32-bit program's __USER_DS, 0 for a 64-bit one (IRET to
 * ring 3 clears a selector the user may not hold anyway, SDM Vol. 2A
 * IRET).  Only reloaded when either task has one.
 */
static void switch_data_segments(struct task_struct *prev, struct task_struct *next)
{
	savesegment(ds, prev->thread.ds);
	savesegment(es, prev->thread.es);
	if (unlikely(prev->thread.ds | next->thread.ds))
		loadsegment(ds, next->thread.ds);
	if (unlikely(prev->thread.es | next->thread.es))
		loadsegment(es, next->thread.es);
}

/*
 * FS and GS: a 64-bit program's selectors are null and its bases in the
 * MSRs; a 32-bit one's may name a TLS entry of the GDT, whose base the
 * selector load brings along.  So the GDT gets next's TLS entries first,
 * then the selectors are reloaded if either task has one, and only a
 * null selector's base is written to its MSR (Linux's __switch_to and
 * load_seg_legacy).  glibc's i386 programs keep their thread pointer
 * this way in GS.
 */
static void switch_fs_gs(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm) {
		savesegment(fs, prev->thread.fsindex);
		savesegment(gs, prev->thread.gsindex);
	}
	if (!next->mm)
		return;
	load_TLS(&next->thread);
	if (unlikely(prev->thread.fsindex | next->thread.fsindex))
		loadsegment(fs, next->thread.fsindex);
	if (unlikely(prev->thread.gsindex | next->thread.gsindex))
		load_gs_index(next->thread.gsindex);
	/* 1-3 are null selectors too (RPL only). */
	if (next->thread.fsindex <= 3)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	if (next->thread.gsindex <= 3)
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
}

/*
 * The new task p's user segment state and bases: the caller's (fork,
 * clone), but with CLONE_SETTLS the FS base tls -- or, from a 32-bit
 * clone, the TLS entry the struct user_desc at tls describes (Linux's
 * copy_thread: set_thread_area for the child).
 */
int copy_thread_tls(struct task_struct *p, bool settls, unsigned long tls)
{
	p->thread.fsbase = rdmsr(MSR_FS_BASE);
	p->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	savesegment(ds, p->thread.ds);
	savesegment(es, p->thread.es);
	savesegment(fs, p->thread.fsindex);
	savesegment(gs, p->thread.gsindex);
	memcpy(p->thread.tls_array, current->thread.tls_array, sizeof(p->thread.tls_array));
	p->thread.tls_live = current->thread.tls_live;
	if (!settls)
		return 0;
	if (in_ia32_syscall()) {
		int r = do_set_thread_area(&p->thread, (struct user_desc __user *)tls);

		return r < 0 ? r : 0;
	}
	p->thread.fsbase = tls;
	return 0;
}

struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next)
{
	switch_data_segments(prev, next);
	if (prev->mm) {
		prev->thread.fsbase = rdmsr(MSR_FS_BASE);
		prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
		fpu_save(prev->fpu_state);
	}
	switch_mm(next->mm);
	this_cpu_write(cpu_current_top_of_stack, next->thread.sp0);
	set_tss_sp0(next->thread.sp0);
	this_cpu_write(current_task, next);
	switch_fs_gs(prev, next);
	if (next->mm)
		fpu_restore(next->fpu_state);
	return __switch_to_asm(&prev->thread.sp, next->thread.sp, prev);
}

/*
 * The registers a new program starts with, as Linux's ELF_PLAT_INIT and
 * start_thread give them: every general register zero, rip at the entry
 * point, rsp at argc, RFLAGS 0x202 (IF and the reserved bit 1), the user
 * code and stack selectors, FS/GS bases zero, FPU in its initial state.
 */
static void start_thread_common(struct pt_regs *regs, unsigned long ip,
				unsigned long sp, u16 cs, u16 ds)
{
	unsigned long flags;

	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = cs;
	regs->ss = __USER_DS;
	current->thread.ds = current->thread.es = ds;
	loadsegment(ds, ds);
	loadsegment(es, ds);
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = -1;
	/* No TLS entries and null FS/GS selectors, then zero bases. */
	memset(current->thread.tls_array, 0, sizeof(current->thread.tls_array));
	current->thread.tls_live = false;
	load_TLS(&current->thread);
	current->thread.fsindex = current->thread.gsindex = 0;
	loadsegment(fs, 0);
	flags = local_irq_save();
	load_gs_index(0);
	local_irq_restore(flags);
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu_init_state(current->fpu_state);
	fpu_restore(current->fpu_state);
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	start_thread_common(regs, ip, sp, __USER_CS, 0);
}

#ifdef CONFIG_IA32_EMULATION
/*
 * A 32-bit program: the same, in compat mode (__USER32_CS, a code segment
 * with L clear and D set; SDM Vol. 3A 5.2.1) with DS and ES __USER_DS and
 * FS and GS null, as Linux's compat_start_thread.
 */
void start_thread_ia32(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	start_thread_common(regs, ip, sp, __USER32_CS, __USER_DS);
}
#endif

/* arch_prctl codes (asm/prctl.h). */
#define ARCH_SET_GS		0x1001
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003
#define ARCH_GET_GS		0x1004
#define ARCH_GET_CPUID		0x1011
#define ARCH_SET_CPUID		0x1012

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	unsigned long __user *uaddr = (unsigned long __user *)arg2;

	switch (option) {
	case ARCH_SET_FS:
		/* A non-canonical base would #GP on the WRMSR. */
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.gsbase = arg2;
		/* The user's GS base waits in KERNEL_GS_BASE until SWAPGS. */
		wrmsr(MSR_KERNEL_GS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(rdmsr(MSR_FS_BASE), uaddr);
	case ARCH_GET_GS:
		return put_user(rdmsr(MSR_KERNEL_GS_BASE), uaddr);
	case ARCH_GET_CPUID:
		return 1;		/* CPUID is not faulting */
	case ARCH_SET_CPUID:
		return -ENODEV;		/* no CPUID faulting support */
	default:
		return -EINVAL;
	}
}
