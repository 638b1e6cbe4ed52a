// Returns to user space at addresses SYSRET must not be given (the
// CVE-2012-0217 class: on Intel CPUs SYSRET with a non-canonical rcx
// raises #GP in ring 0 with the user's rsp already loaded).  Each return
// here must end in a SIGSEGV delivered to user space at the address the
// return went to, never a kernel fault:
//   - rt_sigreturn of a frame whose rip is non-canonical (low and high
//     side of the hole) or a kernel address: the kernel returns with IRET,
//     which refuses the frame (#GP) or whose first user fetch faults;
//   - a SYSCALL instruction in the last two bytes of user space, put
//     there by mremap of a code page: the syscall returns to
//     0x7ffffffff000, canonical, where nothing is mapped.
// What Linux reports for each (si_code, si_addr, trapno, err, rip) is
// asserted, and the program goes on after each one.  The CPU is an Intel
// one, but QEMU's TCG SYSRET faults in user mode on a non-canonical rcx
// whatever the vendor (as AMD CPUs do): with the kernel's canonical check
// removed this test still passes under TCG, so it shows what user space
// must see, while the check itself (entry_64.S, can_sysret()) is what
// keeps real Intel CPUs safe.
// lego-test: libc=musl
// lego-test: smp=1,2
// (The CVE is Intel behaviour: run as an Intel CPU.)
// lego-test: qemu=-cpu max,vendor=GenuineIntel
#define _GNU_SOURCE
#define LT_SUITE "entry_noncanonical"
#include "lego_test.h"
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <sys/wait.h>
#include <unistd.h>

#define USER_TOP	0x7ffffffff000UL	/* TASK_SIZE_MAX, 4-level paging */
#define PF_USER		4
#define PF_INSTR	0x10
#define PF_PROT		1

static sigjmp_buf back;
static volatile unsigned long new_rip;
static siginfo_t got;
static unsigned long g_rip, g_err, g_trapno, g_rax;
static volatile int segvs;

/*
 * SIGUSR1: return to new_rip instead of where the signal came, with rcx
 * equal to rip and r11 to rflags, so that nothing but the address itself
 * keeps the return from looking like one SYSRET could do.
 */
static void redirect(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)si;
	uc->uc_mcontext.gregs[REG_RIP] = new_rip;
	uc->uc_mcontext.gregs[REG_RCX] = new_rip;
	uc->uc_mcontext.gregs[REG_R11] = uc->uc_mcontext.gregs[REG_EFL];
}

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	segvs++;
	memcpy(&got, si, sizeof(got));
	g_rip = uc->uc_mcontext.gregs[REG_RIP];
	g_err = uc->uc_mcontext.gregs[REG_ERR];
	g_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	g_rax = uc->uc_mcontext.gregs[REG_RAX];
	siglongjmp(back, 1);
}

static void expect_segv(const char *what, unsigned long rip, int code, unsigned long addr,
			unsigned long trapno, unsigned long err)
{
	EXPECT_EQ(lt_cat(what, "one_sigsegv"), segvs, 1);
	EXPECT_EQ(lt_cat(what, "signo"), got.si_signo, SIGSEGV);
	EXPECT_EQ(lt_cat(what, "si_code"), got.si_code, code);
	EXPECT_EQ(lt_cat(what, "si_addr"), (unsigned long)got.si_addr, addr);
	EXPECT_EQ(lt_cat(what, "rip"), g_rip, rip);
	EXPECT_EQ(lt_cat(what, "trapno"), g_trapno, trapno);
	EXPECT_EQ(lt_cat(what, "err"), g_err, err);
}

/* A signal handler's frame edited to return to rip. */
static void sigreturn_to(const char *what, unsigned long rip, int code, unsigned long addr,
			 unsigned long trapno, unsigned long err)
{
	segvs = 0;
	new_rip = rip;
	if (!sigsetjmp(back, 1)) {
		raise(SIGUSR1);
		lt_check(lt_cat(what, "returned"), 0, "execution went on after the bad return");
		return;
	}
	expect_segv(what, rip, code, addr, trapno, err);
}

/*
 * A SYSCALL as the last instruction of user space: getpid, then the
 * return to USER_TOP, the first address past it.  The last page may hold
 * the main stack (it does when stacks are not randomised, as on Lego), so
 * this runs in a child, on the alternate stack of a signal handler, and
 * the child never returns to its main stack.
 */
static void syscall_at_top(int sig)
{
	static const unsigned char code[] = { 0x0f, 0x05 };	/* syscall */
	unsigned long last = USER_TOP - 4096;
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *moved;

	(void)sig;
	EXPECT_TRUE("top/mmap", p != MAP_FAILED);
	memset(p, 0xcc, 4096);
	memcpy(p + 4096 - sizeof(code), code, sizeof(code));
	EXPECT_EQ("top/mprotect", mprotect(p, 4096, PROT_READ | PROT_EXEC), 0);
	moved = mremap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)last);
	EXPECT_EQ("top/mremap", (unsigned long)moved, last);
	segvs = 0;
	if (!sigsetjmp(back, 1)) {
		register unsigned long rax __asm__("rax") = SYS_getpid;

		__asm__ volatile("call *%1" : "+r"(rax) : "r"(USER_TOP - sizeof(code))
				 : "rcx", "r11", "memory");
		lt_check("top/returned", 0, "execution went on past the end of user space");
		_exit(1);
	}
	expect_segv("top", USER_TOP, SEGV_MAPERR, USER_TOP, 14, PF_USER | PF_INSTR | PF_PROT);
	EXPECT_EQ("top/rax_is_getpid", g_rax, getpid());
	EXPECT_EQ("top/munmap", munmap((void *)last, 4096), 0);
	_exit(lt_done());
}

static void top_in_child(void)
{
	struct sigaction sa;
	int st = -1;
	pid_t p = fork();

	if (p == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = syscall_at_top;
		sa.sa_flags = SA_ONSTACK;
		sigaction(SIGUSR2, &sa, NULL);
		raise(SIGUSR2);
		_exit(2);
	}
	EXPECT_EQ("top/child", waitpid(p, &st, 0), p);
	EXPECT_EQ("top/child_status", st, 0);
}

int main(void)
{
	struct sigaction sa;
	stack_t ss = { .ss_sp = mmap(NULL, 65536, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		       .ss_size = 65536 };

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = redirect;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	EXPECT_EQ("sigaltstack", sigaltstack(&ss, NULL), 0);

	/* IRET refuses a non-canonical rip: #GP(0), reported as from user
	 * mode at that rip, SI_KERNEL with no address. */
	sigreturn_to("noncanon_low", 0x0000800000000000UL, SI_KERNEL, 0, 13, 0);
	sigreturn_to("noncanon_high", 0xffff7fffffffffffUL, SI_KERNEL, 0, 13, 0);
	sigreturn_to("noncanon_max", 0x8000000000000000UL, SI_KERNEL, 0, 13, 0);
	/* A canonical kernel address: IRET goes, the user fetch faults. */
	sigreturn_to("kernel_half", 0xffff800000000000UL, SEGV_MAPERR, 0xffff800000000000UL,
		     14, PF_USER | PF_INSTR | PF_PROT);
	/* The first address past user space: canonical, never mapped. */
	sigreturn_to("user_top", USER_TOP, SEGV_MAPERR, USER_TOP, 14, PF_USER | PF_INSTR | PF_PROT);
	top_in_child();
	/* And the ordinary path still works after all that. */
	EXPECT_EQ("getpid_after", syscall(SYS_getpid), getpid());
	return lt_done();
}
