// SPDX-License-Identifier: GPL-2.0
/*
 * ia32 signal frames (CONFIG_IA32_EMULATION): what a 32-bit program's
 * handler finds on its stack, and sigreturn (119) and rt_sigreturn (173),
 * laid out as Linux's (arch/x86/include/asm/sigframe.h, ia32 part; the
 * i386 uapi asm/sigcontext.h and asm/ucontext.h).
 *
 * From the interrupted esp down (no red zone on i386): the FPU image,
 * 64-byte aligned, under its 112-byte i387 header (struct _fpstate_32:
 * the FXSAVE/XSAVE image starts at _fxsr_env, magic 0 says so), then
 * the frame, esp + 4 16-byte aligned at the handler's first instruction.
 * The handler is called as handler(sig) or, with SA_SIGINFO, as
 * handler(sig, &info, &uc), arguments on the stack above the return
 * address pretcode: sa_restorer (libc's __restore or __restore_rt), or
 * without SA_RESTORER the 32-bit vDSO's __kernel_sigreturn or
 * __kernel_rt_sigreturn, or without a vDSO (vdso32=0) the frame's
 * retcode, which is Linux's "popl %eax; movl $__NR_sigreturn, %eax;
 * int $0x80" (or movl $__NR_rt_sigreturn; int $0x80) -- on a stack that
 * is not executable, that return faults, as on Linux without a vDSO.
 * The retcode is written either way: debuggers recognise a frame by it.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/errno.h>
#include <lego/string.h>
#include <lego/compat.h>
#include <asm/uaccess.h>
#include <asm/fpu.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <asm/sighandling.h>
#include <lego/mm_types.h>
#include <asm/vdso.h>
#include <asm/tls.h>
#include <asm/irqflags.h>

/* i386 struct sigcontext: 88 bytes. */
struct sigcontext_32 {
	u16 gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	u32 di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip;
	u16 cs, __csh;
	u32 flags, sp_at_signal;
	u16 ss, __ssh;
	u32 fpstate, oldmask, cr2;
};
_Static_assert(sizeof(struct sigcontext_32) == 88, "sigcontext_32");
_Static_assert(__builtin_offsetof(struct sigcontext_32, ip) == 56, "sigcontext_32.ip");
_Static_assert(__builtin_offsetof(struct sigcontext_32, fpstate) == 76, "sigcontext_32.fpstate");

struct compat_stack {
	compat_uptr_t ss_sp;
	s32 ss_flags;
	u32 ss_size;
};

struct ucontext_ia32 {
	u32 uc_flags;
	u32 uc_link;
	struct compat_stack uc_stack;
	struct sigcontext_32 uc_mcontext;
	u32 uc_sigmask[2];
};
_Static_assert(sizeof(struct ucontext_ia32) == 116, "ucontext_ia32");

struct sigframe_ia32 {
	u32 pretcode;
	s32 sig;
	struct sigcontext_32 sc;
	u8 fpstate_unused[112 + 512];	/* struct _fpstate_32: not used */
	u32 extramask[1];
	u8 retcode[8];
};

struct rt_sigframe_ia32 {
	u32 pretcode;
	s32 sig;
	u32 pinfo;
	u32 puc;
	struct compat_siginfo info;
	struct ucontext_ia32 uc;
	u8 retcode[8];
};
_Static_assert(__builtin_offsetof(struct rt_sigframe_ia32, info) == 16, "rt_sigframe_ia32.info");
_Static_assert(__builtin_offsetof(struct rt_sigframe_ia32, uc) == 144, "rt_sigframe_ia32.uc");

/* Linux's retcodes: popl %eax (sigreturn only); movl $nr, %eax;
 * int $0x80; a pad byte. */
static const u8 retcode_sig[8] = { 0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80 };
static const u8 retcode_rt[8] = { 0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0 };

static int put_sigcontext_32(struct sigcontext_32 __user *usc, void __user *fp_hdr,
			     const struct pt_regs *regs, u32 oldmask)
{
	const struct thread_struct *th = &current->thread;
	struct sigcontext_32 sc;

	memset(&sc, 0, sizeof(sc));
	savesegment(gs, sc.gs);
	savesegment(fs, sc.fs);
	savesegment(es, sc.es);
	savesegment(ds, sc.ds);
	sc.di = regs->di; sc.si = regs->si; sc.bp = regs->bp; sc.sp = regs->sp;
	sc.bx = regs->bx; sc.dx = regs->dx; sc.cx = regs->cx; sc.ax = regs->ax;
	sc.trapno = th->trap_nr;
	sc.err = th->error_code;
	sc.ip = regs->ip;
	sc.cs = regs->cs;
	sc.flags = regs->flags;
	sc.sp_at_signal = regs->sp;
	sc.ss = regs->ss;
	sc.fpstate = (unsigned long)fp_hdr;
	sc.oldmask = oldmask;
	sc.cr2 = th->cr2;
	return copy_to_user(usc, &sc, sizeof(sc)) ? -EFAULT : 0;
}

/* The frame's FPU image: the 112-byte header zeroed (magic 0: an FXSR
 * image follows), the image saved by get_sigframe after it. */
static void __user *fp_header(void __user *fpstate)
{
	return (u8 __user *)fpstate - FPSTATE32_HEADER;
}

/* Enters the handler: eax = sig, and for the rt frame edx/ecx the info
 * and context pointers too, as Linux's ia32 frames set them. */
static void enter_handler(struct ksignal *ksig, struct pt_regs *regs, void __user *frame)
{
	regs->ax = ksig->sig;
	regs->dx = 0;
	regs->cx = 0;
	regs->ip = (unsigned long)ksig->ka.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER32_CS;
	regs->ss = __USER_DS;
}

/* Where the handler returns to: Linux's choice, in its order. */
static u32 frame_restorer(const struct ksignal *ksig, const u8 __user *retcode,
			  unsigned long vdso_sym)
{
	if (ksig->ka.sa_flags & SA_RESTORER)
		return (unsigned long)ksig->ka.sa_restorer;
	if (current->mm->vdso)
		return current->mm->vdso + vdso_sym;
	return (unsigned long)retcode;
}

static int setup_frame_32(struct ksignal *ksig, struct pt_regs *regs)
{
	struct sigframe_ia32 __user *frame;
	void __user *fpstate;
	const sigset_t *mask = sigmask_to_save();
	u32 restorer;

	frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	if (!access_ok(frame, sizeof(*frame)))
		return -EFAULT;
	restorer = frame_restorer(ksig, frame->retcode, vdso32_syms.sigreturn);
	if (clear_user(fp_header(fpstate), FPSTATE32_HEADER) ||
	    put_user(ksig->sig, &frame->sig) ||
	    put_sigcontext_32(&frame->sc, fp_header(fpstate), regs, mask->sig[0]) ||
	    put_user((u32)(mask->sig[0] >> 32), &frame->extramask[0]) ||
	    copy_to_user(frame->retcode, retcode_sig, sizeof(retcode_sig)) ||
	    put_user(restorer, &frame->pretcode))
		return -EFAULT;
	enter_handler(ksig, regs, frame);
	return 0;
}

static int setup_rt_frame_32(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe_ia32 __user *frame;
	void __user *fpstate;
	const sigset_t *mask = sigmask_to_save();
	struct compat_stack st;
	u32 restorer, uc_flags = fpu_sigframe_xstate() ? UC_FP_XSTATE : 0;
	u32 set[2] = { mask->sig[0], mask->sig[0] >> 32 };

	frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	if (!access_ok(frame, sizeof(*frame)))
		return -EFAULT;
	restorer = frame_restorer(ksig, frame->retcode, vdso32_syms.rt_sigreturn);
	st.ss_sp = current->sas_ss_sp;
	st.ss_flags = sas_ss_flags(regs->sp);
	st.ss_size = current->sas_ss_size;
	if (clear_user(fp_header(fpstate), FPSTATE32_HEADER) ||
	    put_user(ksig->sig, &frame->sig) ||
	    put_user((u32)(unsigned long)&frame->info, &frame->pinfo) ||
	    put_user((u32)(unsigned long)&frame->uc, &frame->puc) ||
	    put_compat_siginfo(&frame->info, &ksig->info) ||
	    put_user(uc_flags, &frame->uc.uc_flags) ||
	    put_user(0, &frame->uc.uc_link) ||
	    copy_to_user(&frame->uc.uc_stack, &st, sizeof(st)) ||
	    put_sigcontext_32(&frame->uc.uc_mcontext, fp_header(fpstate), regs, mask->sig[0]) ||
	    copy_to_user(frame->uc.uc_sigmask, set, sizeof(set)) ||
	    copy_to_user(frame->retcode, retcode_rt, sizeof(retcode_rt)) ||
	    put_user(restorer, &frame->pretcode))
		return -EFAULT;
	enter_handler(ksig, regs, frame);
	regs->dx = (unsigned long)&frame->info;
	regs->cx = (unsigned long)&frame->uc;
	return 0;
}

/* A 32-bit program's frame: rt with SA_SIGINFO, else the old one
 * (Linux's choice in setup_rt_frame for ia32). */
int ia32_setup_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	if (ksig->ka.sa_flags & SA_SIGINFO)
		return setup_rt_frame_32(ksig, regs);
	return setup_frame_32(ksig, regs);
}

/*
 * Every register back from sc: the selectors with RPL 3 (a bad one makes
 * the load or the IRET fault: the user's SIGSEGV), the flags through
 * FIX_EFLAGS, no syscall to restart, the FPU from the image after the
 * i387 header.
 */
static int restore_sigcontext_32(struct pt_regs *regs, const struct sigcontext_32 __user *usc)
{
	struct sigcontext_32 sc;
	struct thread_struct *th = &current->thread;
	unsigned long flags;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	regs->di = sc.di; regs->si = sc.si; regs->bp = sc.bp; regs->sp = sc.sp;
	regs->bx = sc.bx; regs->dx = sc.dx; regs->cx = sc.cx; regs->ax = sc.ax;
	regs->ip = sc.ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1;
	regs->cs = sc.cs | 3;
	regs->ss = sc.ss | 3;
	flags = local_irq_save();
	th->ds = sc.ds | 3;
	th->es = sc.es | 3;
	loadsegment(ds, th->ds);
	loadsegment(es, th->es);
	savesegment(ds, th->ds);
	savesegment(es, th->es);
	loadsegment(fs, sc.fs | 3);
	load_gs_index(sc.gs | 3);
	local_irq_restore(flags);
	return sc.fpstate ? fpu_restore_sigframe((u8 __user *)compat_ptr(sc.fpstate) +
						 FPSTATE32_HEADER) : 0;
}

/* sigreturn (119): the old frame's pretcode and sig have been popped
 * (libc's __restore pops sig; the retcode's popl too). */
COMPAT_SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct sigframe_ia32 __user *frame = (struct sigframe_ia32 __user *)(regs->sp - 8);
	sigset_t set;
	u32 lo, hi;

	if (get_user(lo, &frame->sc.oldmask) || get_user(hi, &frame->extramask[0]))
		goto badframe;
	set.sig[0] = lo | ((u64)hi << 32);
	set_current_blocked(&set);
	if (restore_sigcontext_32(regs, &frame->sc))
		goto badframe;
	return regs->ax;
badframe:
	signal_fault(regs, frame, "32bit sigreturn");
	return 0;
}

/* rt_sigreturn (173): the handler returned, popping pretcode. */
COMPAT_SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe_ia32 __user *frame = (struct rt_sigframe_ia32 __user *)(regs->sp - 4);
	sigset_t set;
	u32 m[2];

	if (copy_from_user(m, frame->uc.uc_sigmask, sizeof(m)))
		goto badframe;
	set.sig[0] = m[0] | ((u64)m[1] << 32);
	set_current_blocked(&set);
	if (restore_sigcontext_32(regs, &frame->uc.uc_mcontext))
		goto badframe;
	return regs->ax;
badframe:
	signal_fault(regs, frame, "32bit rt sigreturn");
	return 0;
}
