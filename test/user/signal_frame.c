// The frame a handler gets (glibc's build of it): ucontext, sigcontext and
// fpstate laid out as <asm/sigcontext.h> and <sys/ucontext.h> say; the
// saved registers are the interrupted code's, and what the handler
// changes in them (a register, RIP, an xmm register in the fpstate) is
// what the code resumes with; xmm state survives a handler that clobbers
// it; rsp + 8 is 16-byte aligned at entry and the 128-byte red zone is
// left alone; sigaltstack; a corrupted frame (bad rsp, bad cs, a frame at
// an unmapped address) kills with SIGSEGV.
// lego-test: libc=glibc
#define _GNU_SOURCE
#define LT_SUITE "signal_frame"
/* <asm/sigcontext.h> is the kernel's view, but glibc's <signal.h>
 * declares structs of the same names: the kernel's get other names here. */
#define sigcontext asm_sigcontext
#define _fpstate asm__fpstate
#define _fpreg asm__fpreg
#define _fpxreg asm__fpxreg
#define _xmmreg asm__xmmreg
#define _fpx_sw_bytes asm__fpx_sw_bytes
#define _ymmh_state asm__ymmh_state
#define _xstate asm__xstate
#define _header asm__header
#include <asm/sigcontext.h>
#undef sigcontext
#undef _fpstate
#undef _fpreg
#undef _fpxreg
#undef _xmmreg
#undef _fpx_sw_bytes
#undef _ymmh_state
#undef _xstate
#undef _header
#include "lego_child.h"
#include "lego_sig.h"
#include <errno.h>
#include <string.h>
#include <stdint.h>
#include <ucontext.h>
#include <sys/mman.h>

/* ------------------------------------------------------------ layout */
/* uc_flags bits, from <asm/ucontext.h> (which would redefine struct
 * ucontext next to glibc's). */
#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4
#define X86_EFLAGS_IF		0x200
#define X86_EFLAGS_IOPL		0x3000
#define X86_EFLAGS_AC		0x40000
#ifndef SS_AUTODISARM
#define SS_AUTODISARM		(1U << 31)	/* <linux/signal.h>, not in glibc's */
#endif

/* The kernel's struct ucontext (uc_sigmask is its 8-byte sigset). */
struct kucontext {
	unsigned long uc_flags;
	struct kucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	unsigned long uc_sigmask;
};

#define SAME(a, b) _Static_assert(offsetof(struct sigcontext_64, a) == \
	offsetof(mcontext_t, gregs[REG_##b]), #a " vs REG_" #b)
SAME(r8, R8); SAME(r9, R9); SAME(r10, R10); SAME(r11, R11);
SAME(r12, R12); SAME(r13, R13); SAME(r14, R14); SAME(r15, R15);
SAME(di, RDI); SAME(si, RSI); SAME(bp, RBP); SAME(bx, RBX);
SAME(dx, RDX); SAME(ax, RAX); SAME(cx, RCX); SAME(sp, RSP);
SAME(ip, RIP); SAME(flags, EFL); SAME(cs, CSGSFS); SAME(err, ERR);
SAME(trapno, TRAPNO); SAME(oldmask, OLDMASK); SAME(cr2, CR2);
_Static_assert(offsetof(struct sigcontext_64, fpstate) == offsetof(mcontext_t, fpregs), "fpstate");
_Static_assert(sizeof(struct sigcontext_64) == 256, "sigcontext size");
_Static_assert(offsetof(ucontext_t, uc_flags) == offsetof(struct kucontext, uc_flags), "uc_flags");
_Static_assert(offsetof(ucontext_t, uc_link) == offsetof(struct kucontext, uc_link), "uc_link");
_Static_assert(offsetof(ucontext_t, uc_stack) == offsetof(struct kucontext, uc_stack), "uc_stack");
_Static_assert(offsetof(ucontext_t, uc_mcontext) == offsetof(struct kucontext, uc_mcontext), "uc_mcontext");
_Static_assert(offsetof(ucontext_t, uc_sigmask) == offsetof(struct kucontext, uc_sigmask), "uc_sigmask");
_Static_assert(offsetof(ucontext_t, uc_mcontext) == 40 && sizeof(stack_t) == 24, "x86-64 ABI");
_Static_assert(sizeof(struct _fpstate_64) == 512, "fxsave image");
_Static_assert(offsetof(struct _fpstate_64, mxcsr) == 24 &&
	       offsetof(struct _fpstate_64, xmm_space) == 160 &&
	       offsetof(struct _fpstate_64, sw_reserved) == 464, "fxsave layout");
_Static_assert(sizeof(struct _libc_fpstate) == sizeof(struct _fpstate_64) &&
	       offsetof(struct _libc_fpstate, _xmm) == offsetof(struct _fpstate_64, xmm_space),
	       "glibc's fpstate");

/* -------------------------------------------------------------- probe */
/*
 * probe(pid, sig): loads known values into every register it can, fills
 * the red zone below rsp, sends itself sig with a raw kill, and then
 * stores what the registers, xmm0/1 and the red zone hold after the
 * handler returned.  probe_after is the instruction after the SYSCALL;
 * a handler moving RIP to probe_skip makes it skip the marker store.
 */
unsigned long probe_post[13], probe_pre_rsp, probe_marker;
unsigned char probe_redzone[128];
unsigned char xmm_in[32] __attribute__((aligned(16))), xmm_out[32] __attribute__((aligned(16)));
unsigned long entry_rsp;
void probe(long pid, long sig);
extern char probe_after[], probe_skip[];
__asm__(".text\n"
	".globl probe\n"
	"probe:\n"
	"	push %rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
	"	movdqu xmm_in(%rip), %xmm0\n"
	"	movdqu xmm_in+16(%rip), %xmm1\n"
	"	movabs $0x1111111111111111, %rbx\n"
	"	movabs $0x2222222222222222, %rbp\n"
	"	movabs $0x3333333333333333, %r12\n"
	"	movabs $0x4444444444444444, %r13\n"
	"	movabs $0x5555555555555555, %r14\n"
	"	movabs $0x6666666666666666, %r15\n"
	"	movabs $0x7777777777777777, %rdx\n"
	"	movabs $0x8888888888888888, %r8\n"
	"	movabs $0x9999999999999999, %r9\n"
	"	movabs $0xaaaaaaaaaaaaaaaa, %r10\n"
	"	movabs $0x5a5a5a5a5a5a5a5a, %rax\n"
	"	.irp off, 8,16,24,32,40,48,56,64,72,80,88,96,104,112,120,128\n"
	"	mov %rax, -\\off(%rsp)\n"
	"	.endr\n"
	"	mov %rsp, probe_pre_rsp(%rip)\n"
	"	mov $62, %eax\n"			/* kill(rdi, rsi) */
	"	syscall\n"
	".globl probe_after\n"
	"probe_after:\n"
	"	movq $1, probe_marker(%rip)\n"
	".globl probe_skip\n"
	"probe_skip:\n"
	"	mov %rbx, probe_post+0(%rip)\n"
	"	mov %rbp, probe_post+8(%rip)\n"
	"	mov %r12, probe_post+16(%rip)\n"
	"	mov %r13, probe_post+24(%rip)\n"
	"	mov %r14, probe_post+32(%rip)\n"
	"	mov %r15, probe_post+40(%rip)\n"
	"	mov %rdx, probe_post+48(%rip)\n"
	"	mov %r8, probe_post+56(%rip)\n"
	"	mov %r9, probe_post+64(%rip)\n"
	"	mov %r10, probe_post+72(%rip)\n"
	"	mov %rax, probe_post+80(%rip)\n"
	"	mov %rsp, probe_post+88(%rip)\n"
	"	movdqu %xmm0, xmm_out(%rip)\n"
	"	movdqu %xmm1, xmm_out+16(%rip)\n"
	"	lea -128(%rsp), %rsi\n"
	"	lea probe_redzone(%rip), %rdi\n"
	"	mov $128, %ecx\n"
	"	rep movsb\n"
	"	pushfq\n"
	"	popq probe_post+96(%rip)\n"
	/* AC off again at once (with CR0.AM, unaligned C code would fault). */
	"	pushfq\n"
	"	andq $~0x40000, (%rsp)\n"
	"	popfq\n"
	"	pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n"
	"	ret\n"
	/* The handler's first instruction: notes rsp, then the C handler. */
	".globl entry_stub\n"
	"entry_stub:\n"
	"	mov %rsp, entry_rsp(%rip)\n"
	"	jmp frame_handler\n");
void entry_stub(int, siginfo_t *, void *);

static const unsigned long want_regs[] = {
	0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
	0x4444444444444444, 0x5555555555555555, 0x6666666666666666,
	0x7777777777777777, 0x8888888888888888, 0x9999999999999999,
	0xaaaaaaaaaaaaaaaa,
};

enum { M_RECORD, M_MODIFY, M_SKIP, M_BAD_RSP, M_BAD_CS, M_EFLAGS };
static int mode;
static struct kucontext seen;
static struct _fpstate_64 seen_fp;
static unsigned long seen_ret, seen_fp_addr, seen_frame_uc, seen_magic2;
static stack_t seen_ss;
static int seen_ss_ret, seen_eperm;
static const unsigned char xmm_new[16] = "handler-xmm1-new";

void frame_handler(int sig, siginfo_t *si, void *ucv)
{
	struct kucontext *uc = ucv;
	struct _fpstate_64 *fp = (void *)uc->uc_mcontext.fpstate;
	stack_t ss;

	memcpy(&seen, uc, sizeof(seen));
	seen_frame_uc = (unsigned long)uc;
	seen_ret = *(unsigned long *)entry_rsp;
	seen_fp_addr = (unsigned long)fp;
	if (fp) {
		memcpy(&seen_fp, fp, sizeof(seen_fp));
		if (fp->sw_reserved.magic1 == FP_XSTATE_MAGIC1)
			seen_magic2 = *(uint32_t *)((char *)fp + fp->sw_reserved.extended_size -
						    FP_XSTATE_MAGIC2_SIZE);
	}
	seen_ss_ret = sigaltstack(NULL, &seen_ss);
	/* On the alternate stack it cannot be changed: EPERM. */
	memset(&ss, 0, sizeof(ss));
	ss.ss_flags = SS_DISABLE;
	seen_eperm = lt_syscall2(SYS_sigaltstack, &ss, NULL);
	/* Clobber xmm0/xmm1: the frame's copy is what comes back. */
	__asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n pxor %%xmm1, %%xmm1" ::: "xmm0", "xmm1");
	switch (mode) {
	case M_MODIFY:
		uc->uc_mcontext.r12 = 0xfeedfacecafe;
		uc->uc_mcontext.bx = 0x0b0b;
		uc->uc_mcontext.ax = 0x1234;
		memcpy(&fp->xmm_space[4], xmm_new, 16);
		break;
	case M_SKIP:
		uc->uc_mcontext.ip = (unsigned long)probe_skip;
		break;
	case M_EFLAGS:
		/* AC may be changed (Linux's FIX_EFLAGS); IF and IOPL not. */
		uc->uc_mcontext.flags = (uc->uc_mcontext.flags | X86_EFLAGS_AC | X86_EFLAGS_IOPL) &
					~X86_EFLAGS_IF;
		break;
	case M_BAD_RSP:
		uc->uc_mcontext.sp = 0x10;
		break;
	case M_BAD_CS:
		uc->uc_mcontext.cs = 0;
		break;
	}
}

static void install(int onstack)
{
	struct sigaction sa = { 0 };

	sa.sa_sigaction = entry_stub;
	sa.sa_flags = SA_SIGINFO | (onstack ? SA_ONSTACK : 0);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
}

static void frame_registers(void)
{
	struct ksigaction ka;
	unsigned long block = SIGBIT(SIGHUP);

	for (int i = 0; i < 32; i++)
		xmm_in[i] = 0x30 + i;
	install(0);
	ks_action(SIGUSR1, NULL, &ka);
	/* glibc's sigaction, as the kernel sees it: SA_RESTORER added, its
	 * __restore_rt as the restorer, sa_mask as given. */
	EXPECT_EQ("glibc_flags", ka.flags, SA_SIGINFO | SA_RESTORER);
	EXPECT_TRUE("glibc_restorer", ka.restorer != NULL);
	EXPECT_EQ("glibc_mask", ka.mask, SIGBIT(SIGUSR2));
	EXPECT_EQ("glibc_handler", (long)ka.handler, (long)entry_stub);
	ks_mask(SIG_SETMASK, &block, NULL);
	mode = M_RECORD;
	probe_marker = 0;
	probe(getpid(), SIGUSR1);

	/* The registers the interrupted code had. */
	EXPECT_EQ("rbx", seen.uc_mcontext.bx, want_regs[0]);
	EXPECT_EQ("rbp", seen.uc_mcontext.bp, want_regs[1]);
	EXPECT_EQ("r12", seen.uc_mcontext.r12, want_regs[2]);
	EXPECT_EQ("r13", seen.uc_mcontext.r13, want_regs[3]);
	EXPECT_EQ("r14", seen.uc_mcontext.r14, want_regs[4]);
	EXPECT_EQ("r15", seen.uc_mcontext.r15, want_regs[5]);
	EXPECT_EQ("rdx", seen.uc_mcontext.dx, want_regs[6]);
	EXPECT_EQ("r8", seen.uc_mcontext.r8, want_regs[7]);
	EXPECT_EQ("r9", seen.uc_mcontext.r9, want_regs[8]);
	EXPECT_EQ("r10", seen.uc_mcontext.r10, want_regs[9]);
	EXPECT_EQ("rdi", seen.uc_mcontext.di, getpid());
	EXPECT_EQ("rsi", seen.uc_mcontext.si, SIGUSR1);
	/* kill's result is in rax; SYSCALL left rcx = rip, r11 = rflags. */
	EXPECT_EQ("rax_result", seen.uc_mcontext.ax, 0);
	EXPECT_EQ("rip", seen.uc_mcontext.ip, (unsigned long)probe_after);
	EXPECT_EQ("rcx_is_rip", seen.uc_mcontext.cx, (unsigned long)probe_after);
	EXPECT_EQ("r11_is_rflags", seen.uc_mcontext.r11, seen.uc_mcontext.flags);
	EXPECT_EQ("rflags_if", seen.uc_mcontext.flags & 0x200, 0x200);
	EXPECT_EQ("rsp", seen.uc_mcontext.sp, probe_pre_rsp);
	EXPECT_EQ("cs", seen.uc_mcontext.cs, 0x33);
	EXPECT_EQ("ss", seen.uc_mcontext.ss, 0x2b);
	EXPECT_EQ("oldmask", seen.uc_mcontext.oldmask, SIGBIT(SIGHUP));
	EXPECT_EQ("uc_sigmask", seen.uc_sigmask, SIGBIT(SIGHUP));
	EXPECT_EQ("uc_link", (long)seen.uc_link, 0);
	/* Linux: UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS, UC_FP_XSTATE with
	 * XSAVE. */
	EXPECT_EQ("uc_flags_ss", seen.uc_flags & (UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS),
		  UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS);
	EXPECT_EQ("uc_stack_disabled", seen.uc_stack.ss_flags, SS_DISABLE);
	/* The frame: entry rsp + 8 16-byte aligned, the return address the
	 * restorer, everything below the red zone. */
	EXPECT_EQ("entry_align", (entry_rsp + 8) % 16, 0);
	EXPECT_EQ("return_is_restorer", seen_ret, (unsigned long)ka.restorer);
	EXPECT_TRUE("frame_below_red_zone", entry_rsp < probe_pre_rsp - 128 &&
		    seen_frame_uc < probe_pre_rsp - 128);
	EXPECT_TRUE("fpstate_below_red_zone", seen_fp_addr + 512 <= probe_pre_rsp - 128 &&
		    seen_fp_addr > seen_frame_uc);
	EXPECT_EQ("fpstate_align64", seen_fp_addr % 64, 0);
	/* The FPU image: xmm0/1 as loaded, an MXCSR of the default 0x1f80. */
	EXPECT_TRUE("fpstate_xmm0", lt_memeq(&seen_fp.xmm_space[0], xmm_in, 16));
	EXPECT_TRUE("fpstate_xmm1", lt_memeq(&seen_fp.xmm_space[4], xmm_in + 16, 16));
	EXPECT_EQ("fpstate_mxcsr", seen_fp.mxcsr, 0x1f80);
	EXPECT_EQ("fpstate_cwd", seen_fp.cwd, 0x37f);
	if (seen.uc_flags & UC_FP_XSTATE) {
		EXPECT_EQ("xstate_magic1", seen_fp.sw_reserved.magic1, FP_XSTATE_MAGIC1);
		EXPECT_EQ("xstate_magic2", seen_magic2, FP_XSTATE_MAGIC2);
		EXPECT_TRUE("xstate_size", seen_fp.sw_reserved.extended_size >
			    seen_fp.sw_reserved.xstate_size);
	} else {
		EXPECT_TRUE("fxsave_no_magic", seen_fp.sw_reserved.magic1 != FP_XSTATE_MAGIC1);
	}
	/* After the handler: everything as it was. */
	for (int i = 0; i < 10; i++)
		EXPECT_EQ(i < 5 ? "after_regs_a" : "after_regs_b", probe_post[i], want_regs[i]);
	EXPECT_EQ("after_rax", probe_post[10], 0);
	EXPECT_EQ("after_rsp", probe_post[11], probe_pre_rsp);
	EXPECT_EQ("after_marker", probe_marker, 1);
	EXPECT_TRUE("after_xmm_restored", lt_memeq(xmm_out, xmm_in, 32));
	{
		unsigned char rz[128];

		memset(rz, 0x5a, sizeof(rz));
		EXPECT_TRUE("red_zone_untouched", lt_memeq(probe_redzone, rz, 128));
	}
	EXPECT_EQ("mask_restored", ks_blocked(), SIGBIT(SIGHUP));
	/* Not on an alternate stack: sigaltstack reads it disabled, and the
	 * EPERM case does not apply (disabling is allowed). */
	EXPECT_EQ("handler_ss_flags", seen_ss.ss_flags, SS_DISABLE);
	EXPECT_EQ("handler_ss_disable_ok", seen_eperm, 0);

	/* A handler that changes registers: the code resumes with them. */
	mode = M_MODIFY;
	probe(getpid(), SIGUSR1);
	EXPECT_EQ("modify_r12", probe_post[2], 0xfeedfacecafe);
	EXPECT_EQ("modify_rbx", probe_post[0], 0x0b0b);
	EXPECT_EQ("modify_rax", probe_post[10], 0x1234);
	EXPECT_EQ("modify_r13_kept", probe_post[3], want_regs[3]);
	EXPECT_TRUE("modify_xmm0_kept", lt_memeq(xmm_out, xmm_in, 16));
	EXPECT_TRUE("modify_xmm1_new", lt_memeq(xmm_out + 16, xmm_new, 16));
	/* RFLAGS: AC comes back set, IF stays set, IOPL stays 0. */
	mode = M_EFLAGS;
	probe(getpid(), SIGUSR1);
	EXPECT_EQ("eflags_ac_set", probe_post[12] & X86_EFLAGS_AC, X86_EFLAGS_AC);
	EXPECT_EQ("eflags_if_kept", probe_post[12] & X86_EFLAGS_IF, X86_EFLAGS_IF);
	EXPECT_EQ("eflags_iopl_0", probe_post[12] & X86_EFLAGS_IOPL, 0);
	/* And RIP: the marker store is skipped. */
	mode = M_SKIP;
	probe_marker = 0;
	probe(getpid(), SIGUSR1);
	EXPECT_EQ("skip_marker", probe_marker, 0);
	EXPECT_EQ("skip_regs", probe_post[4], want_regs[4]);
	block = 0;
	ks_mask(SIG_SETMASK, &block, NULL);
}

static void altstack(void)
{
	static char stk[65536] __attribute__((aligned(16)));
	stack_t ss, old;
	unsigned long lo = (unsigned long)stk, hi = lo + sizeof(stk);

	/* Bad input, none of which changes the (disabled) alternate stack. */
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = stk;
	/* The kernel's MINSIGSTKSZ of <asm/signal.h>: glibc's macro is
	 * sysconf(_SC_MINSIGSTKSZ) here, which depends on the CPU. */
	ss.ss_size = 2048 - 1;
	EXPECT_RET("enomem", lt_syscall2(SYS_sigaltstack, &ss, NULL), -ENOMEM);
	ss.ss_size = 2048;
	ss.ss_flags = 0x10;
	EXPECT_RET("einval_before_enomem_ok", lt_syscall2(SYS_sigaltstack, &ss, NULL), -EINVAL);
	ss.ss_size = sizeof(stk);
	ss.ss_flags = 0x10;
	EXPECT_RET("einval_flags", lt_syscall2(SYS_sigaltstack, &ss, NULL), -EINVAL);
	ss.ss_flags = SS_ONSTACK;	/* accepted as 0 (old programs pass it) */
	EXPECT_RET("efault_ss", lt_syscall2(SYS_sigaltstack, (void *)1, NULL), -EFAULT);
	memset(&old, 0xff, sizeof(old));
	EXPECT_RET("read_disabled", lt_syscall2(SYS_sigaltstack, NULL, &old), 0);
	EXPECT_EQ("read_disabled_flags", old.ss_flags, SS_DISABLE);
	EXPECT_EQ("read_disabled_sp", (long)old.ss_sp, 0);
	EXPECT_EQ("read_disabled_size", old.ss_size, 0);
	EXPECT_RET("efault_oss", lt_syscall2(SYS_sigaltstack, NULL, (void *)1), -EFAULT);
	/* SS_ONSTACK as ss_flags sets it like 0. */
	EXPECT_RET("set_onstack_flag", lt_syscall2(SYS_sigaltstack, &ss, NULL), 0);
	EXPECT_RET("read_set", lt_syscall2(SYS_sigaltstack, NULL, &old), 0);
	EXPECT_EQ("read_set_flags", old.ss_flags, 0);
	EXPECT_EQ("read_set_sp", (long)old.ss_sp, (long)stk);
	EXPECT_EQ("read_set_size", old.ss_size, sizeof(stk));

	/* A handler with SA_ONSTACK runs on it: SS_ONSTACK inside, its rsp
	 * within, uc_stack the stack, EPERM for a change. */
	install(1);
	mode = M_RECORD;
	probe(getpid(), SIGUSR1);
	EXPECT_TRUE("handler_rsp_on_altstack", entry_rsp >= lo && entry_rsp < hi);
	EXPECT_EQ("handler_ss_onstack", seen_ss.ss_flags, SS_ONSTACK);
	EXPECT_EQ("handler_ss_ret", seen_ss_ret, 0);
	EXPECT_RET("handler_change_eperm", seen_eperm, -EPERM);
	EXPECT_EQ("uc_stack_sp", (long)seen.uc_stack.ss_sp, (long)stk);
	EXPECT_EQ("uc_stack_size", seen.uc_stack.ss_size, sizeof(stk));
	/* uc_stack.ss_flags: what sigaltstack was given (SS_ONSTACK here),
	 * as Linux stores it -- not what sigaltstack reads back. */
	EXPECT_EQ("uc_stack_flags_as_given", seen.uc_stack.ss_flags, SS_ONSTACK);
	EXPECT_EQ("altstack_interrupted_rsp", seen.uc_mcontext.sp, probe_pre_rsp);
	EXPECT_EQ("altstack_regs_after", probe_post[2], want_regs[2]);
	EXPECT_EQ("altstack_entry_align", (entry_rsp + 8) % 16, 0);
	/* Without SA_ONSTACK the normal stack. */
	install(0);
	probe(getpid(), SIGUSR1);
	EXPECT_TRUE("no_onstack_normal_stack", entry_rsp < probe_pre_rsp && !(entry_rsp >= lo && entry_rsp < hi));
	EXPECT_EQ("no_onstack_ss_flags", seen_ss.ss_flags, 0);
	/* SS_DISABLE: the handler is back on the normal stack. */
	ss.ss_flags = SS_DISABLE;
	EXPECT_RET("disable", lt_syscall2(SYS_sigaltstack, &ss, &old), 0);
	EXPECT_EQ("disable_old_sp", (long)old.ss_sp, (long)stk);
	lt_syscall2(SYS_sigaltstack, NULL, &old);
	EXPECT_EQ("disabled_flags", old.ss_flags, SS_DISABLE);
	install(1);
	probe(getpid(), SIGUSR1);
	EXPECT_TRUE("disabled_normal_stack", !(entry_rsp >= lo && entry_rsp < hi));
	EXPECT_EQ("disabled_handler_flags", seen_ss.ss_flags, SS_DISABLE);
	EXPECT_EQ("disabled_uc_stack_flags", seen.uc_stack.ss_flags, SS_DISABLE);
	/* Set with flags 0: uc_stack reads 0. */
	ss.ss_flags = 0;
	ss.ss_sp = stk;
	ss.ss_size = sizeof(stk);
	lt_syscall2(SYS_sigaltstack, &ss, NULL);
	probe(getpid(), SIGUSR1);
	EXPECT_TRUE("flags0_on_altstack", entry_rsp >= lo && entry_rsp < hi);
	EXPECT_EQ("flags0_uc_stack_flags", seen.uc_stack.ss_flags, 0);
	ss.ss_flags = SS_DISABLE;
	lt_syscall2(SYS_sigaltstack, &ss, NULL);
	/* SS_AUTODISARM: released while the handler runs (sigaltstack reads
	 * it disabled in there, and a change is allowed), given back by
	 * rt_sigreturn from the frame's uc_stack. */
	ss.ss_flags = SS_AUTODISARM;
	ss.ss_sp = stk;
	ss.ss_size = sizeof(stk);
	EXPECT_RET("autodisarm_set", lt_syscall2(SYS_sigaltstack, &ss, NULL), 0);
	lt_syscall2(SYS_sigaltstack, NULL, &old);
	EXPECT_EQ("autodisarm_read", (unsigned int)old.ss_flags, SS_AUTODISARM);
	install(1);
	probe(getpid(), SIGUSR1);
	EXPECT_TRUE("autodisarm_on_altstack", entry_rsp >= lo && entry_rsp < hi);
	EXPECT_EQ("autodisarm_handler_disabled", seen_ss.ss_flags, SS_DISABLE);
	EXPECT_EQ("autodisarm_handler_change_ok", seen_eperm, 0);
	EXPECT_EQ("autodisarm_uc_stack_flags", (unsigned int)seen.uc_stack.ss_flags, SS_AUTODISARM);
	EXPECT_EQ("autodisarm_uc_stack_sp", (long)seen.uc_stack.ss_sp, (long)stk);
	memset(&old, 0, sizeof(old));
	lt_syscall2(SYS_sigaltstack, NULL, &old);
	EXPECT_EQ("autodisarm_restored_flags", (unsigned int)old.ss_flags, SS_AUTODISARM);
	EXPECT_EQ("autodisarm_restored_sp", (long)old.ss_sp, (long)stk);
	EXPECT_EQ("autodisarm_restored_size", old.ss_size, sizeof(stk));
	ss.ss_flags = SS_DISABLE;
	lt_syscall2(SYS_sigaltstack, &ss, NULL);
	install(0);
}

/* Corrupted frames, in children. */
static int bad_rsp(void)
{
	install(0);
	mode = M_BAD_RSP;
	probe(getpid(), SIGUSR1);
	return 0;
}

static int bad_cs(void)
{
	install(0);
	mode = M_BAD_CS;
	probe(getpid(), SIGUSR1);
	return 0;
}

/* rt_sigreturn with rsp at an unmapped page: no frame to read. */
static int bad_frame(void)
{
	__asm__ volatile("mov $0x1000, %%rsp\n mov $15, %%eax\n syscall" ::: "memory");
	return 0;
}

/* rt_sigreturn on a stack of garbage: whatever the bytes, a SIGSEGV or a
 * jump somewhere that faults, never the kernel hurt. */
static int garbage_frame(void)
{
	char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset(p, 0xa5, 65536);
	__asm__ volatile("mov %0, %%rsp\n mov $15, %%eax\n syscall" :: "r"(p + 32768) : "memory");
	return 0;
}

static void corrupt(void)
{
	lt_expect_signal("bad_rsp_segv", bad_rsp, SIGSEGV);
	lt_expect_signal("bad_cs_segv", bad_cs, SIGSEGV);
	lt_expect_signal("bad_frame_segv", bad_frame, SIGSEGV);
	lt_expect_signal("garbage_frame_segv", garbage_frame, SIGSEGV);
}

int main(void)
{
	ls_watchdog("signal_frame", 30);
	frame_registers();
	altstack();
	corrupt();
	return lt_done();
}
