// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 signal frames: what a handler finds on its stack and what
 * rt_sigreturn takes back, laid out as Linux's (struct rt_sigframe in
 * include/uapi/lego/signal.h), and the restart of interrupted syscalls.
 *
 * The frame, from the interrupted stack pointer down:
 *	128 bytes left alone: the red zone (x86-64 psABI 3.2.2)
 *	the FPU image, 64-byte aligned (XSAVE wants it)
 *	struct rt_sigframe: pretcode, ucontext, siginfo, placed so that
 *	rsp + 8 is 16-byte aligned at the handler's first instruction, as
 *	after a call (psABI 3.2.2)
 * On SA_ONSTACK the frame goes on the alternate stack instead, unless
 * the thread already runs on it.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/errno.h>
#include <lego/string.h>
#include <lego/syscalls.h>
#include <asm/uaccess.h>
#include <asm/fpu.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <lego/compat.h>
#include <asm/processor-flags.h>
#include <asm/unistd_64.h>
#include <asm/traps.h>
#include <asm/sighandling.h>
#include <lego/mm_types.h>

#define RED_ZONE	128

/*
 * Where a frame of frame_size bytes goes, and (*fpstate) the FPU image,
 * which is saved there.  A 32-bit program's (signal_32.c) has no red
 * zone, FPSTATE32_HEADER bytes of i387 header below the image, and esp
 * + 4 16-byte aligned at the handler (i386 psABI 2.2.2).
 */
void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t frame_size,
			  void __user **fpstate)
{
	bool ia32 = IS_ENABLED(CONFIG_IA32_EMULATION) && current->mm->ia32;
	unsigned long sp = regs->sp - (ia32 ? 0 : RED_ZONE);
	bool nested = on_sig_stack(regs->sp), entering = false;
	struct task_struct *t = current;

	if ((ksig->ka.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = t->sas_ss_sp + t->sas_ss_size;
		entering = true;
	}
	sp = ALIGN_DOWN(sp - fpu_sigframe_size(), 64);
	*fpstate = (void __user *)sp;
	if (ia32)
		sp -= FPSTATE32_HEADER;
	sp = ALIGN_DOWN(sp - frame_size, 16) - (ia32 ? 4 : 8);
	/* Off the end of the alternate stack: an address that cannot be
	 * written, so the thread dies of SIGSEGV (Linux). */
	if ((nested || entering) &&
	    !(sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size)) {
		pr_info("%s[%d] overflowed sigaltstack\n", t->comm, t->pid);
		return (void __user *)-1L;
	}
	if (fpu_save_sigframe(*fpstate))
		return (void __user *)-1L;
	return (void __user *)sp;
}

static int put_sigcontext(struct sigcontext __user *usc, void __user *fpstate,
			  const struct pt_regs *regs, const sigset_t *mask)
{
	const struct thread_struct *th = &current->thread;
	struct sigcontext sc = {
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.r12 = regs->r12, .r13 = regs->r13, .r14 = regs->r14, .r15 = regs->r15,
		.rdi = regs->di, .rsi = regs->si, .rbp = regs->bp, .rbx = regs->bx,
		.rdx = regs->dx, .rax = regs->ax, .rcx = regs->cx, .rsp = regs->sp,
		.rip = regs->ip, .eflags = regs->flags,
		.cs = regs->cs, .ss = regs->ss,
		.err = th->error_code, .trapno = th->trap_nr, .cr2 = th->cr2,
		.oldmask = mask->sig[0],
		.fpstate = fpstate,
	};

	return copy_to_user(usc, &sc, sizeof(sc)) ? -EFAULT : 0;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame;
	void __user *fpstate;
	unsigned long uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	struct ucontext uc_head = { 0 };

	frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	if (!access_ok(frame, sizeof(*frame)))
		return -EFAULT;
	/* x86-64 has no return trampoline of the kernel's: the handler
	 * returns to sa_restorer (libc's __restore_rt), which calls
	 * rt_sigreturn.  Without SA_RESTORER the frame cannot be built. */
	if (!(ksig->ka.sa_flags & SA_RESTORER))
		return -EFAULT;
	if (fpu_sigframe_xstate())
		uc_flags |= UC_FP_XSTATE;
	uc_head.uc_flags = uc_flags;
	if (copy_to_user(&frame->uc, &uc_head, __builtin_offsetof(struct ucontext, uc_stack)) ||
	    save_altstack(&frame->uc.uc_stack, regs->sp) ||
	    put_user((char __user *)ksig->ka.sa_restorer, &frame->pretcode) ||
	    put_sigcontext(&frame->uc.uc_mcontext, fpstate, regs, sigmask_to_save()) ||
	    copy_to_user(&frame->uc.uc_sigmask, sigmask_to_save(), sizeof(sigset_t)))
		return -EFAULT;
	if ((ksig->ka.sa_flags & SA_SIGINFO) &&
	    copy_to_user(&frame->info, &ksig->info, sizeof(frame->info)))
		return -EFAULT;
	/* handler(sig, &info, &uc); ax 0 for handlers declared without a
	 * prototype taking varargs (Linux). */
	regs->di = ksig->sig;
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ax = 0;
	regs->ip = (unsigned long)ksig->ka.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return 0;
}

/*
 * How an interrupted syscall ends when a handler runs: -EINTR, unless it
 * asked to be restarted (ERESTARTNOINTR always; ERESTARTSYS with
 * SA_RESTART), which re-executes the 2-byte SYSCALL (or int $0x80)
 * instruction once the handler returns.
 */
/* restart_syscall(2)'s number in the table the interrupted call used. */
static unsigned long restart_syscall_nr(void)
{
#ifdef CONFIG_IA32_EMULATION
	if (in_ia32_syscall())
		return __NR_ia32_restart_syscall;
#endif
	return __NR_restart_syscall;
}

static bool from_syscall(const struct pt_regs *regs)
{
	return (long)regs->orig_ax >= 0;
}

static void restart_for_handler(struct pt_regs *regs, unsigned long sa_flags)
{
	switch ((long)regs->ax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->ax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(sa_flags & SA_RESTART)) {
			regs->ax = -EINTR;
			break;
		}
		fallthrough;
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if (from_syscall(regs))
		restart_for_handler(regs, ksig->ka.sa_flags);
#ifdef CONFIG_IA32_EMULATION
	if (current->mm->ia32)
		failed = ia32_setup_frame(ksig, regs);
	else
#endif
		failed = setup_rt_frame(ksig, regs);
	if (!failed) {
		/* The handler starts with DF clear (the ABI's), not
		 * single-stepped, and with a fresh FPU. */
		regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
		fpu_reset_user();
	}
	signal_setup_done(failed, ksig);
}

/*
 * The return-to-user work for TIF_SIGPENDING: run a handler, or restart
 * the interrupted syscall when no handler ran (restart_syscall(2) for
 * -ERESTART_RESTARTBLOCK), and put back a temporary mask.
 */
void do_signal(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if (from_syscall(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = restart_syscall_nr();
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext __user *usc,
			      unsigned long uc_flags)
{
	struct sigcontext sc;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	regs->r8 = sc.r8; regs->r9 = sc.r9; regs->r10 = sc.r10; regs->r11 = sc.r11;
	regs->r12 = sc.r12; regs->r13 = sc.r13; regs->r14 = sc.r14; regs->r15 = sc.r15;
	regs->di = sc.rdi; regs->si = sc.rsi; regs->bp = sc.rbp; regs->bx = sc.rbx;
	regs->dx = sc.rdx; regs->ax = sc.rax; regs->cx = sc.rcx; regs->sp = sc.rsp;
	regs->ip = sc.rip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.eflags & FIX_EFLAGS);
	regs->orig_ax = -1;		/* no syscall to restart */
	/* RPL 3 whatever the frame says; an unusable selector or a
	 * non-canonical rip makes the IRET fault, which becomes the user's
	 * SIGSEGV (entry_64.S, .Lbad_iret).  Frames from before
	 * UC_STRICT_RESTORE_SS get the user data segment. */
	regs->cs = sc.cs | 3;
	regs->ss = (uc_flags & UC_STRICT_RESTORE_SS) ? (sc.ss | 3) : __USER_DS;
	return fpu_restore_sigframe(sc.fpstate);
}

/* The frame could not be read back: SIGSEGV, reported as Linux does. */
void signal_fault(struct pt_regs *regs, void __user *frame, const char *where)
{
	if (unhandled_signal(current, SIGSEGV)) {
		printk(KERN_INFO "%s[%d] bad frame in %s frame:%px ip:%lx sp:%lx orax:%lx",
		       current->comm, current->pid, where, frame, regs->ip, regs->sp,
		       regs->orig_ax);
		print_vma_addr(regs->ip);
		pr_cont("\n");
	}
	force_sig(SIGSEGV);
}

/*
 * The handler returned into sa_restorer, which called us: the frame is at
 * rsp - 8 (the return popped pretcode).  Every register, the mask, the
 * alternate stack and the FPU come back from it; the return value is the
 * restored rax, so the interrupted code sees exactly its own registers.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - sizeof(long));
	unsigned long uc_flags;
	sigset_t set;

	if (copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)) ||
	    get_user(uc_flags, &frame->uc.uc_flags))
		goto badframe;
	set_current_blocked(&set);
	if (restore_sigcontext(regs, &frame->uc.uc_mcontext, uc_flags) ||
	    restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->ax;

badframe:
	signal_fault(regs, frame, "rt_sigreturn");
	return 0;
}
