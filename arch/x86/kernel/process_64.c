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
/* A segment register's selector. */
#define savesegment(seg, v)	asm volatile("movw %%" #seg ", %0" : "=m"(v))
#define loadsegment(seg, v)	asm volatile("movw %0, %%" #seg : : "rm"((u16)(v)))

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

/* The new task p's user segment state, the caller's (fork, clone). */
void copy_thread_segments(struct task_struct *p)
{
	savesegment(ds, p->thread.ds);
	savesegment(es, p->thread.es);
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
	if (next->mm) {
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
		fpu_restore(next->fpu_state);
	}
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
