// CPU exceptions become signals with Linux's siginfo and sigcontext: #PF
// (SEGV_MAPERR, SEGV_ACCERR, si_addr, err, trapno, cr2), #GP (SI_KERNEL,
// si_addr 0), #UD (ILL_ILLOPN), #DE (FPE_INTDIV), #BP (SIGTRAP SI_KERNEL,
// RIP after the int3); a fault with its signal blocked or ignored, or
// with no stack for the frame, kills the process with the signal.
// lego-test: libc=musl
#define _GNU_SOURCE
#define LT_SUITE "signal_fault"
#include "lego_child.h"
#include "lego_sig.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <ucontext.h>
#include <sys/mman.h>

/* Each fault in an instruction of known address; the handler resumes
 * at the _r label. */
long f_call(long addr);
extern char f_call_r[];
long f_load(long addr), f_store(long addr), f_ud2(void), f_div(void), f_int3(void);
extern char f_load_i[], f_load_r[], f_store_i[], f_store_r[], f_ud2_i[], f_ud2_r[],
	f_div_i[], f_div_r[], f_int3_i[], f_int3_r[];
__asm__(".text\n"
	".globl f_load, f_load_i, f_load_r\n"
	"f_load:\n"
	"f_load_i: mov (%rdi), %rax\n"
	"f_load_r: ret\n"
	".globl f_store, f_store_i, f_store_r\n"
	"f_store:\n"
	"f_store_i: movq $1, (%rdi)\n"
	"f_store_r: ret\n"
	".globl f_ud2, f_ud2_i, f_ud2_r\n"
	"f_ud2:\n"
	"f_ud2_i: ud2\n"
	"f_ud2_r: ret\n"
	".globl f_div, f_div_i, f_div_r\n"
	"f_div: xor %edx, %edx\n mov $1, %eax\n xor %ecx, %ecx\n"
	"f_div_i: idiv %ecx\n"
	"f_div_r: ret\n"
	".globl f_call, f_call_r\n"
	"f_call: call *%rdi\n"
	"f_call_r: ret\n"
	".globl f_int3, f_int3_i, f_int3_r\n"
	"f_int3:\n"
	"f_int3_i: int3\n"
	"f_int3_r: ret\n");

static siginfo_t got;
static unsigned long g_rip, g_err, g_trapno, g_cr2;
static volatile int hits;
static void *resume;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	hits++;
	memcpy(&got, si, sizeof(got));
	g_rip = uc->uc_mcontext.gregs[REG_RIP];
	g_err = uc->uc_mcontext.gregs[REG_ERR];
	g_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	g_cr2 = uc->uc_mcontext.gregs[REG_CR2];
	if (resume)
		uc->uc_mcontext.gregs[REG_RIP] = (unsigned long)resume;
	/* Out of a call into nowhere: as if the callee had returned. */
	if (resume == f_call_r)
		uc->uc_mcontext.gregs[REG_RSP] += 8;
}

#define PF_PROT		1	/* the page was present */
#define PF_WRITE	2
#define PF_USER		4
#define PF_INSTR	0x10

static void page_faults(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long gone = (unsigned long)p + 4096 + 0x123;

	munmap(p + 4096, 4096);
	p[0] = 1;
	mprotect(p, 4096, PROT_READ);
	ls_handle_info(SIGSEGV, on_fault, 0);
	ls_handle_info(SIGILL, on_fault, 0);
	ls_handle_info(SIGFPE, on_fault, 0);
	ls_handle_info(SIGTRAP, on_fault, 0);

	hits = 0;
	resume = f_load_r;
	f_load(gone);
	EXPECT_EQ("read_unmapped_hit", hits, 1);
	EXPECT_EQ("read_unmapped_signo", got.si_signo, SIGSEGV);
	EXPECT_EQ("read_unmapped_code", got.si_code, SEGV_MAPERR);
	EXPECT_EQ("read_unmapped_addr", (long)got.si_addr, gone);
	EXPECT_EQ("read_unmapped_errno", got.si_errno, 0);
	EXPECT_EQ("read_unmapped_rip", g_rip, (unsigned long)f_load_i);
	EXPECT_EQ("read_unmapped_err", g_err, PF_USER);
	EXPECT_EQ("read_unmapped_trapno", g_trapno, 14);
	EXPECT_EQ("read_unmapped_cr2", g_cr2, gone);

	resume = f_store_r;
	f_store(gone);
	EXPECT_EQ("write_unmapped_code", got.si_code, SEGV_MAPERR);
	EXPECT_EQ("write_unmapped_addr", (long)got.si_addr, gone);
	EXPECT_EQ("write_unmapped_err", g_err, PF_USER | PF_WRITE);
	EXPECT_EQ("write_unmapped_cr2", g_cr2, gone);

	/* A NULL pointer: address 0 exactly. */
	resume = f_load_r;
	f_load(0);
	EXPECT_EQ("null_code", got.si_code, SEGV_MAPERR);
	EXPECT_EQ("null_addr", (long)got.si_addr, 0);

	resume = f_store_r;
	f_store((long)p + 8);
	EXPECT_EQ("write_ro_signo", got.si_signo, SIGSEGV);
	EXPECT_EQ("write_ro_code", got.si_code, SEGV_ACCERR);
	EXPECT_EQ("write_ro_addr", (long)got.si_addr, (long)p + 8);
	EXPECT_EQ("write_ro_err", g_err, PF_USER | PF_WRITE | PF_PROT);
	EXPECT_EQ("write_ro_trapno", g_trapno, 14);
	EXPECT_EQ("write_ro_cr2", g_cr2, (long)p + 8);
	EXPECT_EQ("write_ro_unchanged", p[8], 0);
	/* Reading it is fine. */
	hits = 0;
	EXPECT_EQ("read_ro_ok", f_load((long)p), 1);
	EXPECT_EQ("read_ro_no_fault", hits, 0);

	/* PROT_NONE: a read of a present-but-inaccessible page is ACCERR. */
	mprotect(p, 4096, PROT_NONE);
	resume = f_load_r;
	f_load((long)p + 16);
	EXPECT_EQ("read_none_code", got.si_code, SEGV_ACCERR);
	EXPECT_EQ("read_none_addr", (long)got.si_addr, (long)p + 16);

	/* A kernel address from user mode: the page is present (err has
	 * PF_PROT), but Linux reports it as SEGV_MAPERR: no user mapping. */
	f_load((long)0xffffffff81000000UL);
	EXPECT_EQ("kernel_addr_signo", got.si_signo, SIGSEGV);
	EXPECT_EQ("kernel_addr_code", got.si_code, SEGV_MAPERR);
	EXPECT_EQ("kernel_addr_addr", (long)got.si_addr, (long)0xffffffff81000000UL);
	EXPECT_EQ("kernel_addr_err", g_err, PF_USER | PF_PROT);
	munmap(p, 4096);

	/* Instruction fetches: err has PF_INSTR, si_addr and RIP are the
	 * target; unmapped is MAPERR, a present page without PROT_EXEC
	 * ACCERR (the CPU's NX bit). */
	{
		char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		/* Below the program (linked at 0x400000): never mapped. */
		unsigned long nowhere = 0x200040;

		q[0] = (char)0xc3;		/* ret, were it executable */
		resume = f_call_r;
		hits = 0;
		f_call(nowhere);
		EXPECT_EQ("exec_unmapped_hit", hits, 1);
		EXPECT_EQ("exec_unmapped_code", got.si_code, SEGV_MAPERR);
		EXPECT_EQ("exec_unmapped_addr", (long)got.si_addr, nowhere);
		EXPECT_EQ("exec_unmapped_rip", g_rip, nowhere);
		EXPECT_EQ("exec_unmapped_err", g_err, PF_USER | PF_INSTR);
		f_call((long)q);
		EXPECT_EQ("exec_nx_code", got.si_code, SEGV_ACCERR);
		EXPECT_EQ("exec_nx_addr", (long)got.si_addr, (long)q);
		EXPECT_EQ("exec_nx_err", g_err, PF_USER | PF_INSTR | PF_PROT);
		EXPECT_EQ("exec_nx_cr2", g_cr2, (long)q);
		/* Made executable, the same call returns. */
		mprotect(q, 4096, PROT_READ | PROT_EXEC);
		hits = 0;
		f_call((long)q);
		EXPECT_EQ("exec_ok_no_fault", hits, 0);
		munmap(q, 4096);
	}
}

/* A file mapping past the end of its file: SIGBUS BUS_ADRERR there,
 * the rest of the last page reads as zeros. */
static void bus_error(void)
{
	int fd = open("/signal_fault.bus", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *m;

	EXPECT_TRUE("bus_file", fd >= 0 && write(fd, "0123456789", 10) == 10);
	m = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT_TRUE("bus_mmap", m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	ls_handle_info(SIGBUS, on_fault, 0);
	hits = 0;
	EXPECT_EQ("bus_in_file", f_load((long)m) & 0xff, '0');
	EXPECT_EQ("bus_tail_zero", f_load((long)m + 4088), 0);
	EXPECT_EQ("bus_none_yet", hits, 0);
	resume = f_load_r;
	f_load((long)m + 4096 + 8);
	EXPECT_EQ("bus_hit", hits, 1);
	EXPECT_EQ("bus_signo", got.si_signo, SIGBUS);
	EXPECT_EQ("bus_code", got.si_code, BUS_ADRERR);
	EXPECT_EQ("bus_addr", (long)got.si_addr, (long)m + 4096 + 8);
	EXPECT_EQ("bus_trapno", g_trapno, 14);
	munmap(m, 8192);
	close(fd);
	unlink("/signal_fault.bus");
	signal(SIGBUS, SIG_DFL);
}

static void other_faults(void)
{
	/* #GP from a non-canonical address: no address to report. */
	resume = f_load_r;
	hits = 0;
	f_load((long)0x8000000000000000UL);
	EXPECT_EQ("gp_hit", hits, 1);
	EXPECT_EQ("gp_signo", got.si_signo, SIGSEGV);
	EXPECT_EQ("gp_code", got.si_code, SI_KERNEL);
	EXPECT_EQ("gp_addr", (long)got.si_addr, 0);
	EXPECT_EQ("gp_trapno", g_trapno, 13);
	EXPECT_EQ("gp_err", g_err, 0);
	EXPECT_EQ("gp_rip", g_rip, (unsigned long)f_load_i);

	resume = f_ud2_r;
	f_ud2();
	EXPECT_EQ("ud2_signo", got.si_signo, SIGILL);
	EXPECT_EQ("ud2_code", got.si_code, ILL_ILLOPN);
	EXPECT_EQ("ud2_addr", (long)got.si_addr, (long)f_ud2_i);
	EXPECT_EQ("ud2_rip", g_rip, (unsigned long)f_ud2_i);
	EXPECT_EQ("ud2_trapno", g_trapno, 6);

	resume = f_div_r;
	f_div();
	EXPECT_EQ("div_signo", got.si_signo, SIGFPE);
	EXPECT_EQ("div_code", got.si_code, FPE_INTDIV);
	EXPECT_EQ("div_addr", (long)got.si_addr, (long)f_div_i);
	EXPECT_EQ("div_rip", g_rip, (unsigned long)f_div_i);
	EXPECT_EQ("div_trapno", g_trapno, 0);

	/* int3 is a trap: RIP is already past it. */
	resume = NULL;
	hits = 0;
	f_int3();
	EXPECT_EQ("int3_hit", hits, 1);
	EXPECT_EQ("int3_signo", got.si_signo, SIGTRAP);
	EXPECT_EQ("int3_code", got.si_code, SI_KERNEL);
	EXPECT_EQ("int3_rip_after", g_rip, (unsigned long)f_int3_r);
	EXPECT_EQ("int3_trapno", g_trapno, 3);
	EXPECT_EQ("int3_addr", (long)got.si_addr, 0);
	EXPECT_EQ("handlers_mask_after", ks_blocked(), 0);
}

/* Children that must die: fault with the signal blocked, ignored, inside
 * its own handler, or with no stack for the frame. */
static int segv_blocked(void)
{
	unsigned long m = SIGBIT(SIGSEGV);

	ls_handle_info(SIGSEGV, on_fault, 0);
	resume = f_load_r;
	ks_mask(SIG_BLOCK, &m, NULL);
	f_load(0);
	return 1;
}

static int segv_ignored(void)
{
	signal(SIGSEGV, SIG_IGN);
	f_load(0);
	return 1;
}

static int ill_blocked(void)
{
	unsigned long m = SIGBIT(SIGILL);

	ls_handle_info(SIGILL, on_fault, 0);
	resume = f_ud2_r;
	ks_mask(SIG_BLOCK, &m, NULL);
	f_ud2();
	return 1;
}

static int fpe_ignored(void)
{
	signal(SIGFPE, SIG_IGN);
	f_div();
	return 1;
}

static int trap_blocked(void)
{
	unsigned long m = SIGBIT(SIGTRAP);

	ks_mask(SIG_BLOCK, &m, NULL);
	f_int3();
	return 1;
}

static void fault_again(int sig)
{
	f_load(0);
}

static int segv_in_handler(void)
{
	ls_handle(SIGSEGV, fault_again, 0, 0);
	f_load(0);
	return 1;
}

static void unused(int sig)
{
}

/* No stack for the frame: SIGSEGV instead of the SIGILL. */
static int ill_no_stack(void)
{
	ls_handle(SIGILL, unused, 0, 0);
	__asm__ volatile("mov $0x10, %%rsp\n ud2" ::: "memory");
	return 1;
}

static int segv_default(void)
{
	signal(SIGSEGV, SIG_DFL);
	f_load(0);
	return 1;
}

static int quit_default(void)
{
	raise(SIGQUIT);
	return 1;
}

static void fatal(const char *name, int (*fn)(void), int sig)
{
	int st = lt_child(fn);

	/* RLIMIT_CORE is 0 from boot (Linux's INIT_RLIMITS), so no core is
	 * written and WCOREDUMP is clear, on Lego as on Linux. */
	lt_check(name, WIFSIGNALED(st) && WTERMSIG(st) == sig && !WCOREDUMP(st),
		 "wait status %x, expected death by signal %d without core", st, sig);
}

int main(void)
{
	ls_watchdog("signal_fault", 30);
	page_faults();
	other_faults();
	bus_error();
	fatal("segv_blocked_kills", segv_blocked, SIGSEGV);
	fatal("segv_ignored_kills", segv_ignored, SIGSEGV);
	fatal("ill_blocked_kills", ill_blocked, SIGILL);
	fatal("fpe_ignored_kills", fpe_ignored, SIGFPE);
	fatal("trap_blocked_kills", trap_blocked, SIGTRAP);
	fatal("segv_in_handler_kills", segv_in_handler, SIGSEGV);
	fatal("no_stack_segv", ill_no_stack, SIGSEGV);
	fatal("segv_default", segv_default, SIGSEGV);
	fatal("quit_default", quit_default, SIGQUIT);
	return lt_done();
}
