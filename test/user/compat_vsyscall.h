/*
 * The body of compat_sysenter.c and compat_syscall32.c: a 32-bit
 * (-m32 -nostdlib) program that enters the kernel through the 32-bit
 * vDSO's __kernel_vsyscall, which the kernel patches to SYSENTER on an
 * Intel CPU and to SYSCALL on an AMD one, as Linux (the other vendor's
 * hardware raises #UD; QEMU's TCG would run either, so the vendor string
 * alone picks the path under test).  The including file defines
 * VSYS_SYSENTER to 1 or 0, VSYS_NAME and LT_SUITE.
 *
 * Checked, as Linux behaves:
 *  - AT_SYSINFO is __kernel_vsyscall of the ELF32 image AT_SYSINFO_EHDR
 *    points at, whose entry is the vendor's fast instruction;
 *  - a round trip keeps ebx ecx edx esi edi ebp esp, the flags (CF PF AF
 *    ZF SF DF OF NT AC ID, set and clear) and the segment registers, and
 *    gives the result in eax;
 *  - every argument arrives: mmap2 with all six (the 2nd travels in ebp
 *    for SYSCALL, the 6th on the stack for both);
 *  - an unreadable stack top (where the 6th argument is fetched) gives
 *    -EFAULT in eax at the landing pad, where the vDSO's pop then faults;
 *  - a signal interrupting a blocking vsyscall: restarted with
 *    SA_RESTART, -EINTR without; handlers without SA_RESTORER return
 *    through __kernel_sigreturn / __kernel_rt_sigreturn;
 *  - TF set just before the fast instruction: one SIGTRAP (TRAP_TRACE)
 *    after the first instruction of the landing pad, the syscall done.
 */
#include <elf.h>
#include "lego_test.h"

#define NR_exit		1
#define NR_read		3
#define NR_write	4
#define NR_open		5
#define NR_close	6
#define NR_getpid	20
#define NR_alarm	27
#define NR_pause	29
#define NR_pipe		42
#define NR_munmap	91
#define NR_rt_sigaction	174
#define NR_sigaltstack	186
#define NR_mmap2	192
#define EFAULT		14
#define EINTR		4
#define SIGTRAP		5
#define SIGSEGV		11
#define SIGALRM		14
#define SA_SIGINFO	4
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define TRAP_TRACE	2

/* ucontext_ia32: uc_flags, uc_link, uc_stack (12 bytes), then
 * sigcontext_32 (i386 asm/sigcontext.h). */
#define UC_REG(uc, off)	(*(unsigned int *)((char *)(uc) + 20 + (off)))
#define SC_ESP		28
#define SC_EAX		44
#define SC_EIP		56
#define SC_EFLAGS	64

struct ksigaction32 { void *handler; unsigned int flags; void *restorer; unsigned int mask[2]; };
struct siginfo32 { int signo, errno_, code; unsigned int addr; };
struct stack32 { void *sp; int flags; unsigned int size; };

static long sys(long nr, long a, long b, long c)
{
	return lt_syscall3(nr, a, b, c);
}

void _start(void);
void start_c(long *sp) __attribute__((noreturn, used));
asm(".text\n"
    ".globl _start\n"
    "_start:\n"
    "	movl %esp, %eax\n"
    "	andl $-16, %esp\n"
    "	subl $12, %esp\n"
    "	pushl %eax\n"
    "	call start_c\n"
    "	hlt\n");

unsigned int vsys, fast_entry;		/* __kernel_vsyscall, its patched site */
static unsigned long vdso_base, vdso_sigreturn, vdso_rt_sigreturn, landing;

/* A dynamic symbol of the vDSO, found through DT_HASH and DT_SYMTAB, as a
 * C library would (the image is linked at 0: values are offsets). */
static unsigned long vdso_sym(const char *name)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)vdso_base;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(vdso_base + eh->e_phoff);
	const Elf32_Dyn *dyn = 0;
	const Elf32_Word *hash = 0;
	const Elf32_Sym *sym = 0;
	const char *str = 0;
	unsigned int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf32_Dyn *)(vdso_base + ph[i].p_offset);
	for (; dyn && dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_HASH)
			hash = (const Elf32_Word *)(vdso_base + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_SYMTAB)
			sym = (const Elf32_Sym *)(vdso_base + dyn->d_un.d_ptr);
		else if (dyn->d_tag == DT_STRTAB)
			str = (const char *)(vdso_base + dyn->d_un.d_ptr);
	}
	if (!hash || !sym || !str)
		return 0;
	for (i = 0; i < hash[1]; i++) {
		const char *a = str + sym[i].st_name, *b = name;

		while (*a && *a == *b)
			a++, b++;
		if (*a == *b && sym[i].st_shndx != SHN_UNDEF)
			return vdso_base + sym[i].st_value;
	}
	return 0;
}

static void auxv(char **envp)
{
	static const unsigned char sysenter_seq[4] = { 0x89, 0xe5, 0x0f, 0x34 };
	static const unsigned char syscall_seq[4] = { 0x89, 0xcd, 0x0f, 0x05 };
	const unsigned long *aux;
	const Elf32_Ehdr *eh;
	const Elf32_Phdr *ph;
	unsigned long load_end = 0;
	unsigned int i;

	while (*envp)
		envp++;
	for (aux = (const unsigned long *)envp + 1; aux[0] != AT_NULL; aux += 2) {
		if (aux[0] == AT_SYSINFO)
			vsys = aux[1];
		else if (aux[0] == AT_SYSINFO_EHDR)
			vdso_base = aux[1];
	}
	EXPECT_TRUE("auxv/sysinfo", vsys != 0);
	EXPECT_TRUE("auxv/sysinfo_ehdr", vdso_base != 0 && (vdso_base & 4095) == 0);
	if (!vsys || !vdso_base)
		return;
	eh = (const Elf32_Ehdr *)vdso_base;
	EXPECT_TRUE("vdso/elf32_i386_dyn", lt_memeq(eh->e_ident, ELFMAG, SELFMAG) &&
		    eh->e_ident[EI_CLASS] == ELFCLASS32 && eh->e_machine == EM_386 &&
		    eh->e_type == ET_DYN);
	ph = (const Elf32_Phdr *)(vdso_base + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			load_end = vdso_base + ph[i].p_vaddr + ph[i].p_memsz;
	EXPECT_TRUE("auxv/sysinfo_in_vdso", vsys > vdso_base && vsys < load_end);
	EXPECT_EQ("auxv/sysinfo_is_kernel_vsyscall", vsys, vdso_sym("__kernel_vsyscall"));
	vdso_sigreturn = vdso_sym("__kernel_sigreturn");
	vdso_rt_sigreturn = vdso_sym("__kernel_rt_sigreturn");
	EXPECT_TRUE("vdso/sigreturns", vdso_sigreturn > vdso_base && vdso_rt_sigreturn > vdso_base);
	/* pushl %ecx; pushl %edx; pushl %ebp; then the fast entry, int $0x80
	 * and the landing pad (Linux's layout). */
	fast_entry = vsys + 3;
	landing = fast_entry + 4 + 2;
	EXPECT_TRUE("vdso/entry_is_" VSYS_NAME,
		    lt_memeq((void *)fast_entry, VSYS_SYSENTER ? sysenter_seq : syscall_seq, 4));
	EXPECT_TRUE("vdso/int80_fallback", ((unsigned char *)fast_entry)[4] == 0xcd &&
		    ((unsigned char *)fast_entry)[5] == 0x80);
}

/* ------------------------------------------------------------ registers */
/* In: ebx ecx edx esi edi ebp eflags.  Out: the same seven, eax, esp
 * before and after, then cs ss ds es fs gs before and after. */
unsigned int rt_in[7], rt_out[10];
unsigned short seg_out[12];
asm(".text\n"
    "vsys_round_trip:\n"
    "	pushal\n"
    "	movw %cs, seg_out\n	movw %ss, seg_out+2\n	movw %ds, seg_out+4\n"
    "	movw %es, seg_out+6\n	movw %fs, seg_out+8\n	movw %gs, seg_out+10\n"
    "	movl %esp, rt_out+28\n"
    "	pushl rt_in+24\n"
    "	popfl\n"
    "	movl rt_in, %ebx\n	movl rt_in+4, %ecx\n	movl rt_in+8, %edx\n"
    "	movl rt_in+12, %esi\n	movl rt_in+16, %edi\n	movl rt_in+20, %ebp\n"
    "	movl $20, %eax\n"			/* getpid */
    "	call *vsys\n"
    "	pushfl\n"
    "	popl rt_out+24\n"
    "	pushl $0x202\n"				/* DF, AC, NT off again */
    "	popfl\n"
    "	movl %esp, rt_out+32\n"
    "	movl %ebx, rt_out\n	movl %ecx, rt_out+4\n	movl %edx, rt_out+8\n"
    "	movl %esi, rt_out+12\n	movl %edi, rt_out+16\n	movl %ebp, rt_out+20\n"
    "	movl %eax, rt_out+36\n"
    "	movw %cs, seg_out+12\n	movw %ss, seg_out+14\n	movw %ds, seg_out+16\n"
    "	movw %es, seg_out+18\n	movw %fs, seg_out+20\n	movw %gs, seg_out+22\n"
    "	popal\n"
    "	ret\n");
void vsys_round_trip(void);

static void round_trip(const char *name, unsigned int flags)
{
	static const unsigned int in[6] = { 0x11111111, 0x22222222, 0x33333333,
					    0x44444444, 0x55555555, 0x66666666 };
	long pid = lt_syscall0(NR_getpid);
	int i, regs_ok = 1, segs_ok = 1;

	for (i = 0; i < 6; i++)
		rt_in[i] = in[i];
	rt_in[6] = flags;
	vsys_round_trip();
	for (i = 0; i < 6; i++)
		regs_ok &= rt_out[i] == in[i];
	for (i = 0; i < 6; i++)
		segs_ok &= seg_out[i] == seg_out[6 + i];
	EXPECT_EQ(lt_cat(name, "eax"), rt_out[9], pid);
	EXPECT_TRUE(lt_cat(name, "ebx_ecx_edx_esi_edi_ebp"), regs_ok);
	EXPECT_EQ(lt_cat(name, "esp"), rt_out[8], rt_out[7]);
	EXPECT_EQ(lt_cat(name, "eflags"), rt_out[6], flags);
	EXPECT_TRUE(lt_cat(name, "segments"), segs_ok && seg_out[0] == 0x23 &&
		    seg_out[1] == 0x2b);
}

/* ------------------------------------------------------------ arguments */
/* The 6th argument goes through a global: an esp-relative operand would
 * be off by the push of ebp. */
long vsys_a6;
static long vsys6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;

	vsys_a6 = a6;
	asm volatile("pushl %%ebp\n\t"
		     "movl vsys_a6, %%ebp\n\t"
		     "call *vsys\n\t"
		     "popl %%ebp"
		     : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory", "cc");
	return ret;
}

static void arguments(void)
{
	static char page[4096];
	static const char path[] = "/vsys.data";
	const unsigned long at = 0x50000000;
	long fd, r;
	int i;

	fd = vsys6(NR_open, (long)path, 0102 /* O_RDWR | O_CREAT */, 0600, 0, 0, 0);
	EXPECT_TRUE("args/open", fd >= 0);
	for (i = 0; i < 2; i++) {
		unsigned int j;

		for (j = 0; j < sizeof(page); j++)
			page[j] = 'a' + i;
		EXPECT_EQ("args/write", vsys6(NR_write, fd, (long)page, sizeof(page), 0, 0, 0),
			  sizeof(page));
	}
	/* mmap2(addr, len, prot, flags, fd, pgoff): a fixed address, the
	 * second page of the file, read-only, private. */
	r = vsys6(NR_mmap2, at, 4096, 1 /* PROT_READ */, 0x12 /* MAP_PRIVATE | MAP_FIXED */,
		  fd, 1);
	EXPECT_EQ("args/mmap2_six_args_addr", r, at);
	EXPECT_TRUE("args/mmap2_six_args_pgoff", r == (long)at && *(volatile char *)at == 'b' &&
		    ((volatile char *)at)[4095] == 'b');
	EXPECT_EQ("args/munmap", vsys6(NR_munmap, at, 4096, 0, 0, 0, 0), 0);
	/* The 6th argument alone changes: pgoff 0 is the first page. */
	r = vsys6(NR_mmap2, at, 4096, 1, 0x12, fd, 0);
	EXPECT_TRUE("args/mmap2_pgoff0", r == (long)at && *(volatile char *)at == 'a');
	vsys6(NR_munmap, at, 4096, 0, 0, 0, 0);
	EXPECT_EQ("args/bad_fd", vsys6(NR_mmap2, 0, 4096, 1, 2, 1000, 0), -9 /* EBADF */);
	EXPECT_EQ("args/close", vsys6(NR_close, fd, 0, 0, 0, 0, 0), 0);
}

/* ------------------------------------------------------------ -EFAULT */
static char altstack[16384] __attribute__((aligned(16)));
static volatile unsigned int segv_eax, segv_eip, segv_esp, segv_addr, segv_ret, segv_n;
unsigned int saved_esp;
extern char efault_resume[];

static void segv_handler(int sig, struct siginfo32 *info, void *uc)
{
	segv_n++;
	segv_eax = UC_REG(uc, SC_EAX);
	segv_eip = UC_REG(uc, SC_EIP);
	segv_esp = UC_REG(uc, SC_ESP);
	segv_addr = info->addr;
	segv_ret = (unsigned long)__builtin_return_address(0);
	UC_REG(uc, SC_EIP) = (unsigned long)efault_resume;
	UC_REG(uc, SC_ESP) = saved_esp;
}

/* The fast entry with the stack top (and so the 6th argument) at an
 * unmapped page; SYSENTER takes esp from ebp, which the entry sets. */
asm(".text\n"
    "vsys_bad_stack:\n"
    "	pushal\n"
    "	movl %esp, saved_esp\n"
    "	movl $20, %eax\n"
    "	movl $0x100, %esp\n"
    "	jmp *fast_entry\n"
    "efault_resume:\n"
    "	popal\n"
    "	ret\n");
void vsys_bad_stack(void);

static void efault(void)
{
	struct stack32 ss = { altstack, 0, sizeof(altstack) };
	struct ksigaction32 sa = { (void *)segv_handler, SA_SIGINFO | SA_ONSTACK, 0, { 0, 0 } };

	EXPECT_EQ("efault/sigaltstack", lt_syscall2(NR_sigaltstack, &ss, 0), 0);
	EXPECT_EQ("efault/sigaction", lt_syscall4(NR_rt_sigaction, SIGSEGV, &sa, 0, 8), 0);
	vsys_bad_stack();
	EXPECT_EQ("efault/one_sigsegv", segv_n, 1);
	EXPECT_EQ("efault/eax", (int)segv_eax, -EFAULT);
	EXPECT_EQ("efault/eip_landing_pad", segv_eip, landing);
	EXPECT_EQ("efault/esp_kept", segv_esp, 0x100);
	EXPECT_EQ("efault/fault_addr", segv_addr, 0x100);
	EXPECT_EQ("efault/rt_restorer_is_vdso", segv_ret, vdso_rt_sigreturn);
}

/* ------------------------------------------------------------ signals */
static int pipefd[2];
static volatile unsigned int alrm_n, alrm_ret;

static void alrm_write_handler(int sig)
{
	alrm_n++;
	alrm_ret = (unsigned long)__builtin_return_address(0);
	lt_syscall3(NR_write, pipefd[1], (long)"x", 1);
}

unsigned int sig_out[4];	/* eax esi edi ebp */
asm(".text\n"
    "vsys_read_regs:\n"			/* read(pipefd[0], sig_out + 16, 1) */
    "	pushal\n"
    "	movl pipefd, %ebx\n"
    "	leal sig_out+16, %ecx\n"
    "	movl $1, %edx\n"
    "	movl $0x5a5a5a5a, %esi\n"
    "	movl $0xa5a5a5a5, %edi\n"
    "	movl $0x3c3c3c3c, %ebp\n"
    "	movl $3, %eax\n"
    "	call *vsys\n"
    "	movl %eax, sig_out\n	movl %esi, sig_out+4\n"
    "	movl %edi, sig_out+8\n	movl %ebp, sig_out+12\n"
    "	popal\n"
    "	ret\n");
void vsys_read_regs(void);
unsigned int sig_byte;

static void signals(void)
{
	struct ksigaction32 sa = { (void *)alrm_write_handler, SA_RESTART, 0, { 0, 0 } };

	EXPECT_EQ("signal/pipe", lt_syscall1(NR_pipe, pipefd), 0);
	EXPECT_EQ("signal/sigaction_restart", lt_syscall4(NR_rt_sigaction, SIGALRM, &sa, 0, 8), 0);
	lt_syscall1(NR_alarm, 1);
	vsys_read_regs();		/* blocks until the handler writes */
	EXPECT_EQ("signal/restart_handler_ran", alrm_n, 1);
	EXPECT_EQ("signal/restart_read_result", sig_out[0], 1);
	EXPECT_EQ("signal/restart_read_byte", *(unsigned char *)&sig_out[4], 'x');
	EXPECT_TRUE("signal/restart_regs_kept", sig_out[1] == 0x5a5a5a5a &&
		    sig_out[2] == 0xa5a5a5a5 && sig_out[3] == 0x3c3c3c3c);
	EXPECT_EQ("signal/old_restorer_is_vdso", alrm_ret, vdso_sigreturn);

	/* Without SA_RESTART the read ends with -EINTR; the handler's byte
	 * stays in the pipe. */
	sa.flags = 0;
	lt_syscall4(NR_rt_sigaction, SIGALRM, &sa, 0, 8);
	lt_syscall1(NR_alarm, 1);
	EXPECT_EQ("signal/pause_eintr", vsys6(NR_pause, 0, 0, 0, 0, 0, 0), -EINTR);
	EXPECT_EQ("signal/eintr_handler_ran", alrm_n, 2);
	sa.handler = 0;			/* SIG_DFL */
	lt_syscall4(NR_rt_sigaction, SIGALRM, &sa, 0, 8);
}

/* ------------------------------------------------------------ TF */
static volatile unsigned int trap_n, trap_eip, trap_code;
unsigned int tf_eax;

static void trap_handler(int sig, struct siginfo32 *info, void *uc)
{
	trap_n++;
	trap_eip = UC_REG(uc, SC_EIP);
	trap_code = info->code;
	UC_REG(uc, SC_EFLAGS) &= ~0x100u;		/* stop stepping */
}

/* __kernel_vsyscall's first instructions by hand, TF set by the popfl
 * right before the fast instruction (so its step trap is the first). */
asm(".text\n"
    "vsys_tf:\n"
    "	pushal\n"
    "	movl $20, %eax\n"
    "	call 1f\n"
    "	movl %eax, tf_eax\n"
    "	popal\n"
    "	ret\n"
    "1:	pushl %ecx\n"
    "	pushl %edx\n"
    "	pushl %ebp\n"
#if VSYS_SYSENTER
    "	movl %esp, %ebp\n"
#else
    "	movl %ecx, %ebp\n"
#endif
    "	pushfl\n"
    "	orl $0x100, (%esp)\n"
    "	popfl\n"
#if VSYS_SYSENTER
    "	sysenter\n"
#else
    "	syscall\n"
#endif
    "	ud2\n");
void vsys_tf(void);

static void single_step(void)
{
	struct ksigaction32 sa = { (void *)trap_handler, SA_SIGINFO, 0, { 0, 0 } };

	EXPECT_EQ("tf/sigaction", lt_syscall4(NR_rt_sigaction, SIGTRAP, &sa, 0, 8), 0);
	vsys_tf();
	EXPECT_EQ("tf/one_sigtrap", trap_n, 1);
	EXPECT_EQ("tf/si_code_trace", trap_code, TRAP_TRACE);
	EXPECT_EQ("tf/after_first_landing_insn", trap_eip, landing + 1);
	EXPECT_EQ("tf/syscall_done", tf_eax, lt_syscall0(NR_getpid));
}

void start_c(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	auxv(argv + argc + 1);
	if (vsys && vdso_base) {
		round_trip("regs_flags_clear", 0x202);
		/* CF PF AF ZF SF DF OF NT AC ID: every flag ring 3 may set
		 * but TF and IF (IOPL 0). */
		round_trip("regs_flags_set", 0x202 | 0x1 | 0x4 | 0x10 | 0x40 | 0x80 | 0x400 |
			   0x800 | 0x4000 | 0x40000 | 0x200000);
		arguments();
		efault();
		signals();
		single_step();
	}
	lt_syscall1(NR_exit, lt_done());
	for (;;)
		;
}
