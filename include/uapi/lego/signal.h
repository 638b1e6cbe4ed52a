/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UAPI_LEGO_SIGNAL_H
#define _UAPI_LEGO_SIGNAL_H

/*
 * The x86-64 signal ABI, laid out byte for byte as Linux's
 * (asm/signal.h, asm-generic/signal-defs.h, asm-generic/siginfo.h,
 * asm/sigcontext.h, asm/ucontext.h).  Sizes and offsets are asserted
 * below against the values of those headers.
 */
#include <lego/types.h>
#include <lego/compiler.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define SIGRTMAX	64
#define _NSIG		64

/* sa_flags. */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_UNSUPPORTED	0x00000400	/* never stored: lets programs probe */
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000
/* The flags rt_sigaction keeps; any other bit is silently dropped, as
 * Linux's UAPI_SA_FLAGS (so oldact shows what the kernel understood). */
#define SA_KNOWN_FLAGS	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | \
			 SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS | \
			 SA_RESTORER)

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

typedef void __signalfn_t(int);
typedef __signalfn_t __user *__sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t __user *__sigrestore_t;

#define SIG_DFL		((__sighandler_t)0)
#define SIG_IGN		((__sighandler_t)1)

/* The kernel's sigset: one 64-bit word on x86-64 (sigsetsize 8). */
typedef struct {
	unsigned long sig[1];
} sigset_t;

/* rt_sigaction's struct: handler, flags, restorer, mask (not libc's order). */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

/* sigaltstack. */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define SS_FLAG_BITS	SS_AUTODISARM
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

/* siginfo_t: 128 bytes; the union starts at 16 (8-byte aligned). */
#define SI_MAX_SIZE	128

typedef struct siginfo {
	union {
		struct {
			int si_signo;
			int si_errno;
			int si_code;
			union {
				struct {		/* kill, tkill */
					pid_t _pid;
					uid_t _uid;
				} _kill;
				struct {		/* POSIX timers */
					int _tid;
					int _overrun;
					sigval_t _sigval;
					int _sys_private;
				} _timer;
				struct {		/* sigqueue */
					pid_t _pid;
					uid_t _uid;
					sigval_t _sigval;
				} _rt;
				struct {		/* SIGCHLD */
					pid_t _pid;
					uid_t _uid;
					int _status;
					long _utime;
					long _stime;
				} _sigchld;
				struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
					void __user *_addr;
					union {
						short _addr_lsb;
						struct {
							char _dummy_bnd[8];
							void __user *_lower;
							void __user *_upper;
						} _addr_bnd;
						struct {
							char _dummy_pkey[8];
							u32 _pkey;
						} _addr_pkey;
					};
				} _sigfault;
				struct {		/* SIGPOLL */
					long _band;
					int _fd;
				} _sigpoll;
				struct {		/* SIGSYS */
					void __user *_call_addr;
					int _syscall;
					unsigned int _arch;
				} _sigsys;
			} _sifields;
		};
		int _si_pad[SI_MAX_SIZE / sizeof(int)];
	};
} siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_tid		_sifields._timer._tid
#define si_overrun	_sifields._timer._overrun
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_value	_sifields._rt._sigval
#define si_int		_sifields._rt._sigval.sival_int
#define si_ptr		_sifields._rt._sigval.sival_ptr
#define si_addr		_sifields._sigfault._addr
#define si_addr_lsb	_sifields._sigfault._addr_lsb
#define si_band		_sifields._sigpoll._band
#define si_fd		_sifields._sigpoll._fd

/* si_code values. */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TIMER	-2
#define SI_MESGQ	-3
#define SI_ASYNCIO	-4
#define SI_SIGIO	-5
#define SI_TKILL	-6
#define ILL_ILLOPC	1
#define ILL_ILLOPN	2
#define ILL_ILLADR	3
#define ILL_ILLTRP	4
#define ILL_PRVOPC	5
#define ILL_PRVREG	6
#define ILL_COPROC	7
#define ILL_BADSTK	8
#define FPE_INTDIV	1
#define FPE_INTOVF	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define BUS_OBJERR	3
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* The 64-bit FXSAVE image and the XSAVE extension of the signal frame. */
#define FP_XSTATE_MAGIC1	0x46505853U
#define FP_XSTATE_MAGIC2	0x46505845U
#define FP_XSTATE_MAGIC2_SIZE	4

struct _fpx_sw_bytes {
	u32 magic1;		/* FP_XSTATE_MAGIC1 when an XSAVE image follows */
	u32 extended_size;	/* the whole area, MAGIC2 included */
	u64 xfeatures;		/* the state components in the image */
	u32 xstate_size;	/* the XSAVE image's size */
	u32 padding[7];
};

struct _fpstate_64 {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 st_space[32];
	u32 xmm_space[64];
	u32 reserved2[12];
	union {
		u32 reserved3[12];
		struct _fpx_sw_bytes sw_reserved;	/* bytes 464..511 */
	};
};

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	u64 eflags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	struct _fpstate_64 __user *fpstate;	/* NULL: no FPU state */
	u64 reserved1[8];
};

/* uc_flags. */
#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

/* What the kernel pushes for a handler (arch/x86/include/asm/sigframe.h);
 * the FPU image lies above it, 64-byte aligned. */
struct rt_sigframe {
	char __user *pretcode;		/* sa_restorer: the handler returns there */
	struct ucontext uc;
	struct siginfo info;
};

#define __sig_off(t, m)	__builtin_offsetof(t, m)
_Static_assert(sizeof(struct sigaction) == 32, "struct sigaction");
_Static_assert(sizeof(stack_t) == 24 && __sig_off(stack_t, ss_size) == 16, "stack_t");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");
_Static_assert(__sig_off(siginfo_t, si_code) == 8 && __sig_off(siginfo_t, si_pid) == 16 &&
	       __sig_off(siginfo_t, si_uid) == 20 && __sig_off(siginfo_t, si_status) == 24 &&
	       __sig_off(siginfo_t, si_utime) == 32 && __sig_off(siginfo_t, si_stime) == 40 &&
	       __sig_off(siginfo_t, si_value) == 24 && __sig_off(siginfo_t, si_addr) == 16 &&
	       __sig_off(siginfo_t, si_addr_lsb) == 24 && __sig_off(siginfo_t, si_fd) == 24 &&
	       __sig_off(siginfo_t, _sifields._sigfault._addr_bnd._lower) == 32 &&
	       __sig_off(siginfo_t, _sifields._sigsys._arch) == 28 &&
	       __sig_off(siginfo_t, si_overrun) == 20, "siginfo_t fields");
_Static_assert(sizeof(struct _fpstate_64) == 512 &&
	       __sig_off(struct _fpstate_64, sw_reserved) == 464 &&
	       __sig_off(struct _fpstate_64, mxcsr) == 24 &&
	       __sig_off(struct _fpstate_64, xmm_space) == 160, "struct _fpstate_64");
_Static_assert(sizeof(struct _fpx_sw_bytes) == 48, "struct _fpx_sw_bytes");
_Static_assert(sizeof(struct sigcontext) == 256 && __sig_off(struct sigcontext, eflags) == 136 &&
	       __sig_off(struct sigcontext, cs) == 144 && __sig_off(struct sigcontext, ss) == 150 &&
	       __sig_off(struct sigcontext, err) == 152 && __sig_off(struct sigcontext, cr2) == 176 &&
	       __sig_off(struct sigcontext, fpstate) == 184, "struct sigcontext");
_Static_assert(sizeof(struct ucontext) == 304 && __sig_off(struct ucontext, uc_stack) == 16 &&
	       __sig_off(struct ucontext, uc_mcontext) == 40 &&
	       __sig_off(struct ucontext, uc_sigmask) == 296, "struct ucontext");
_Static_assert(sizeof(struct rt_sigframe) == 440 && __sig_off(struct rt_sigframe, info) == 312,
	       "struct rt_sigframe");
#undef __sig_off

#endif /* _UAPI_LEGO_SIGNAL_H */
