// What a new program finds at its first instruction, as Linux's execve
// leaves it (fs/binfmt_elf.c create_elf_tables, start_thread; x86-64
// psABI 3.4.1): every general register but rsp zero, rflags 0x202, the
// user segment selectors, FS/GS bases zero, the FPU in its initial state
// (FCW 0x37f, MXCSR 0x1f80, XMM zero), and at rsp argc, argv, envp and
// auxv laid out exactly as Linux builds them.  Started by the kernel as
// init, then again by its own execve (checks named execve/...), having
// dirtied every register, flag, FPU setting and segment base first: the
// new program gets a clean state all the same.
// lego-test: libc=none
// lego-test: args=one two-words 3
#define LT_SUITE "initial_state"
#include "lego_test.h"

#define NR_execve	59
#define NR_arch_prctl	158
#define NR_exit_group	231
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/* auxv types (include/uapi/linux/auxvec.h, asm/auxvec.h) */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31
#define AT_SYSINFO_EHDR	33
#define AT_MINSIGSTKSZ	51

enum { RAX, RBX, RCX, RDX, RSI, RDI, RBP, RSP, R8, R9, R10, R11, R12, R13,
       R14, R15, RFLAGS, NREGS };
static const char *const reg_names[NREGS] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9",
	"r10", "r11", "r12", "r13", "r14", "r15", "rflags",
};

/* Filled by _start before anything else runs. */
unsigned long start_regs[NREGS];
unsigned short start_segs[6];		/* cs ss ds es fs gs */
unsigned int start_mxcsr;
unsigned short start_fcw, start_fsw;
unsigned char start_xmm[16][16] __attribute__((aligned(16)));

void _start(void);
void start_c(unsigned long *sp) __attribute__((noreturn, used));

/*
 * The first instructions: store every register as the kernel left it,
 * with nothing run before (no C prologue may touch them), then go to C
 * on the same stack.
 */
asm(".text\n"
    ".globl _start\n"
    "_start:\n"
    "	mov %rax, start_regs+0*8(%rip)\n"
    "	mov %rbx, start_regs+1*8(%rip)\n"
    "	mov %rcx, start_regs+2*8(%rip)\n"
    "	mov %rdx, start_regs+3*8(%rip)\n"
    "	mov %rsi, start_regs+4*8(%rip)\n"
    "	mov %rdi, start_regs+5*8(%rip)\n"
    "	mov %rbp, start_regs+6*8(%rip)\n"
    "	mov %rsp, start_regs+7*8(%rip)\n"
    "	mov %r8, start_regs+8*8(%rip)\n"
    "	mov %r9, start_regs+9*8(%rip)\n"
    "	mov %r10, start_regs+10*8(%rip)\n"
    "	mov %r11, start_regs+11*8(%rip)\n"
    "	mov %r12, start_regs+12*8(%rip)\n"
    "	mov %r13, start_regs+13*8(%rip)\n"
    "	mov %r14, start_regs+14*8(%rip)\n"
    "	mov %r15, start_regs+15*8(%rip)\n"
    "	pushfq\n"
    "	popq start_regs+16*8(%rip)\n"
    "	mov %cs, start_segs+0(%rip)\n"
    "	mov %ss, start_segs+2(%rip)\n"
    "	mov %ds, start_segs+4(%rip)\n"
    "	mov %es, start_segs+6(%rip)\n"
    "	mov %fs, start_segs+8(%rip)\n"
    "	mov %gs, start_segs+10(%rip)\n"
    "	stmxcsr start_mxcsr(%rip)\n"
    "	fnstcw start_fcw(%rip)\n"
    "	fnstsw start_fsw(%rip)\n"
    "	movdqa %xmm0, start_xmm+0*16(%rip)\n"
    "	movdqa %xmm1, start_xmm+1*16(%rip)\n"
    "	movdqa %xmm2, start_xmm+2*16(%rip)\n"
    "	movdqa %xmm3, start_xmm+3*16(%rip)\n"
    "	movdqa %xmm4, start_xmm+4*16(%rip)\n"
    "	movdqa %xmm5, start_xmm+5*16(%rip)\n"
    "	movdqa %xmm6, start_xmm+6*16(%rip)\n"
    "	movdqa %xmm7, start_xmm+7*16(%rip)\n"
    "	movdqa %xmm8, start_xmm+8*16(%rip)\n"
    "	movdqa %xmm9, start_xmm+9*16(%rip)\n"
    "	movdqa %xmm10, start_xmm+10*16(%rip)\n"
    "	movdqa %xmm11, start_xmm+11*16(%rip)\n"
    "	movdqa %xmm12, start_xmm+12*16(%rip)\n"
    "	movdqa %xmm13, start_xmm+13*16(%rip)\n"
    "	movdqa %xmm14, start_xmm+14*16(%rip)\n"
    "	movdqa %xmm15, start_xmm+15*16(%rip)\n"
    "	mov %rsp, %rdi\n"
    "	and $-16, %rsp\n"
    "	call start_c\n"
    "	ud2\n");

/* Whether this is the program the first one started with execve. */
static int second;

/* Check names of the second run start with "execve/". */
static const char *nm(const char *name)
{
	return second ? lt_cat("execve", name) : name;
}

/* The ELF header the linker maps at the start of the image. */
extern const unsigned char __ehdr_start[];

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static unsigned long ld(const void *p, int size)
{
	const unsigned char *b = p;
	unsigned long v = 0;
	int i;

	for (i = size - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

static void registers(void)
{
	int i;

	for (i = 0; i < NREGS; i++) {
		if (i == RSP || i == RFLAGS)
			continue;
		EXPECT_EQ(nm(lt_cat("reg", reg_names[i])), start_regs[i], 0);
	}
	/* IF and the always-one bit 1; nothing else (no TF, DF, AC...). */
	EXPECT_EQ(nm("reg/rflags"), start_regs[RFLAGS], 0x202);
	EXPECT_EQ(nm("reg/rsp_aligned"), start_regs[RSP] & 15, 0);

	/* __USER_CS and __USER_DS; data segments null, as Linux's
	 * start_thread loads them (64-bit mode ignores their bases). */
	EXPECT_EQ(nm("seg/cs"), start_segs[0], 0x33);
	EXPECT_EQ(nm("seg/ss"), start_segs[1], 0x2b);
	EXPECT_EQ(nm("seg/ds"), start_segs[2], 0);
	EXPECT_EQ(nm("seg/es"), start_segs[3], 0);
	EXPECT_EQ(nm("seg/fs"), start_segs[4], 0);
	EXPECT_EQ(nm("seg/gs"), start_segs[5], 0);
}

static void fpu(void)
{
	unsigned long base = 0x1234;
	int i, j, zero;

	/* FNINIT's control word and the MXCSR reset value (SDM Vol. 1
	 * 8.1.5, 10.2.3.1): all exceptions masked, round to nearest. */
	EXPECT_EQ(nm("fpu/fcw"), start_fcw, 0x37f);
	EXPECT_EQ(nm("fpu/fsw"), start_fsw, 0);
	EXPECT_EQ(nm("fpu/mxcsr"), start_mxcsr, 0x1f80);
	zero = 1;
	for (i = 0; i < 16; i++)
		for (j = 0; j < 16; j++)
			zero &= start_xmm[i][j] == 0;
	EXPECT_TRUE(nm("fpu/xmm_zero"), zero);

	EXPECT_RET(nm("fsbase/get"), lt_syscall2(NR_arch_prctl, ARCH_GET_FS, &base), 0);
	EXPECT_EQ(nm("fsbase/zero"), base, 0);
	base = 0x1234;
	EXPECT_RET(nm("gsbase/get"), lt_syscall2(NR_arch_prctl, ARCH_GET_GS, &base), 0);
	EXPECT_EQ(nm("gsbase/zero"), base, 0);
}

/* Linux's order of the entries that Lego must give too. */
static const unsigned long aux_order[] = {
	AT_HWCAP, AT_PAGESZ, AT_CLKTCK, AT_PHDR, AT_PHENT, AT_PHNUM, AT_BASE,
	AT_FLAGS, AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE,
	AT_RANDOM, AT_EXECFN, AT_PLATFORM,
};

static void stack(unsigned long *sp)
{
	static const char *const argv_init[] = { "/initial_state", "one", "two-words", "3" };
	static const char *const envp_init[] = { "HOME=/", "TERM=linux" };
	static const char *const argv_exec[] = { "renamed", "exec", "" };
	static const char *const envp_exec[] = { "LEGO=1", "" };
	const char *const *want_argv = second ? argv_exec : argv_init;
	const char *const *want_envp = second ? envp_exec : envp_init;
	const char *execfn = second ? "./initial_state" : "/initial_state";
	unsigned long argc = sp[0], envc, nauxv, i, at[64];
	char **argv = (char **)(sp + 1), **envp, *s, *end;
	unsigned long *auxv, next = 0, seen[64], nseen = 0;
	unsigned int eax = 1, ebx, ecx, edx;
	int ok, dup = 0, have[64] = { 0 };

	EXPECT_EQ(nm("sp_is_rsp"), (unsigned long)sp, start_regs[RSP]);
	if (!EXPECT_EQ(nm("argc"), argc, second ? 3 : 4))
		return;
	for (i = 0; i < argc; i++)
		EXPECT_TRUE(nm(lt_cat("argv", want_argv[i])),
			    argv[i] && streq(argv[i], want_argv[i]));
	EXPECT_EQ(nm("argv/null"), (unsigned long)argv[argc], 0);
	envp = argv + argc + 1;
	for (envc = 0; envp[envc]; envc++)
		;
	if (!EXPECT_EQ(nm("envc"), envc, 2))
		return;
	for (i = 0; i < envc; i++)
		EXPECT_TRUE(nm(lt_cat("envp", want_envp[i])), streq(envp[i], want_envp[i]));
	auxv = (unsigned long *)(envp + envc + 1);

	for (i = 0; i < 64; i++)
		at[i] = 0;
	for (nauxv = 0; nauxv < 64 && auxv[2 * nauxv] != AT_NULL; nauxv++) {
		unsigned long t = auxv[2 * nauxv];

		if (t < 64) {
			dup |= have[t];
			have[t] = 1;
			at[t] = auxv[2 * nauxv + 1];
		}
		seen[nseen++] = t;
	}
	if (!EXPECT_TRUE(nm("auxv/at_null"), nauxv < 64))
		return;
	EXPECT_EQ(nm("auxv/at_null_value"), auxv[2 * nauxv + 1], 0);
	EXPECT_TRUE(nm("auxv/each_type_once"), !dup);

	/* The entries Lego must give, in Linux's order; Linux may add
	 * others among them (vDSO, AT_MINSIGSTKSZ, AT_HWCAP2). */
	ok = 1;
	for (i = 0; i < nseen; i++) {
		if (next < sizeof(aux_order) / sizeof(aux_order[0]) &&
		    seen[i] == aux_order[next])
			next++;
	}
	EXPECT_EQ(nm("auxv/order"), next, sizeof(aux_order) / sizeof(aux_order[0]));
	for (i = 0; i < nseen; i++) {
		unsigned long t = seen[i];
		int known = 0, j;

		for (j = 0; j < (int)(sizeof(aux_order) / sizeof(aux_order[0])); j++)
			known |= t == aux_order[j];
		known |= t == AT_SYSINFO_EHDR || t == AT_MINSIGSTKSZ || t == AT_HWCAP2;
		ok &= known;
	}
	EXPECT_TRUE(nm("auxv/no_other_types"), ok);

	EXPECT_EQ(nm("auxv/phdr"), at[AT_PHDR],
		  (unsigned long)__ehdr_start + ld(__ehdr_start + 32, 8));	/* e_phoff */
	EXPECT_EQ(nm("auxv/phent"), at[AT_PHENT], 56);
	EXPECT_EQ(nm("auxv/phnum"), at[AT_PHNUM], ld(__ehdr_start + 56, 2));
	EXPECT_EQ(nm("auxv/pagesz"), at[AT_PAGESZ], 4096);
	EXPECT_EQ(nm("auxv/base"), at[AT_BASE], 0);		/* no interpreter */
	EXPECT_EQ(nm("auxv/flags"), at[AT_FLAGS], 0);
	EXPECT_EQ(nm("auxv/entry"), at[AT_ENTRY], (unsigned long)_start);
	EXPECT_EQ(nm("auxv/uid"), at[AT_UID], 0);
	EXPECT_EQ(nm("auxv/euid"), at[AT_EUID], 0);
	EXPECT_EQ(nm("auxv/gid"), at[AT_GID], 0);
	EXPECT_EQ(nm("auxv/egid"), at[AT_EGID], 0);
	EXPECT_EQ(nm("auxv/secure"), at[AT_SECURE], 0);
	EXPECT_EQ(nm("auxv/clktck"), at[AT_CLKTCK], 100);	/* USER_HZ */
	/* ELF_HWCAP: CPUID leaf 1 EDX. */
	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	EXPECT_EQ(nm("auxv/hwcap"), at[AT_HWCAP], edx);
	EXPECT_TRUE(nm("auxv/platform"),
		    at[AT_PLATFORM] && streq((char *)at[AT_PLATFORM], "x86_64"));
	EXPECT_TRUE(nm("auxv/execfn"), at[AT_EXECFN] && streq((char *)at[AT_EXECFN], execfn));
	if (EXPECT_TRUE(nm("auxv/random"), at[AT_RANDOM])) {
		const unsigned char *r = (const unsigned char *)at[AT_RANDOM];

		ok = 0;
		for (i = 0; i < 16; i++)
			ok |= r[i];
		EXPECT_TRUE(nm("auxv/random_bytes"), ok);
	}

	/*
	 * The strings, from the top of the stack down: 8 zero bytes below
	 * the page-aligned top, the file name (AT_EXECFN), the environment,
	 * the arguments, each right after the other; below them (after a
	 * random gap on Linux) "x86_64" and the 16 random bytes; then,
	 * aligned down to 16, argc, argv, envp and auxv, ending just below.
	 */
	s = argv[0];
	for (i = 0; i < argc + envc; i++) {
		char *str = i < argc ? argv[i] : envp[i - argc];

		if (str != s)
			break;
		s = str + lt_strlen(str) + 1;
	}
	lt_check(nm("strings/argv_envp_adjacent"), i == argc + envc,
		 "string %lu of argv+envp is not right after the one before", i);
	EXPECT_EQ(nm("strings/execfn_after_envp"), (unsigned long)at[AT_EXECFN], (unsigned long)s);
	end = (char *)at[AT_EXECFN] + lt_strlen((char *)at[AT_EXECFN]) + 1;
	EXPECT_EQ(nm("strings/top_zero_word"), ld(end, 8), 0);
	EXPECT_EQ(nm("strings/top_page_aligned"), ((unsigned long)end + 8) & 4095, 0);
	EXPECT_TRUE(nm("strings/platform_below_argv"), at[AT_PLATFORM] < (unsigned long)argv[0]);
	EXPECT_EQ(nm("strings/random_below_platform"), at[AT_RANDOM], at[AT_PLATFORM] - 16);
	EXPECT_EQ(nm("rsp_below_random"), start_regs[RSP],
		  (at[AT_RANDOM] - 8 * (1 + argc + 1 + envc + 1 + 2 * (nauxv + 1))) & ~15UL);
}

/*
 * Leaves every piece of state the new program must not inherit changed,
 * then execs it: FS/GS bases, MXCSR, the x87 control word, the XMM
 * registers, DF, and the callee-saved registers.
 */
static void exec_dirty(void)
{
	static char *const argv[] = { "renamed", "exec", "", 0 };
	static char *const envp[] = { "LEGO=1", "", 0 };
	static const unsigned int mxcsr = 0x7f80;	/* round toward zero */
	static const unsigned short fcw = 0x27f;	/* 53-bit precision */
	long r;

	lt_syscall2(NR_arch_prctl, ARCH_SET_FS, 0x12345000UL);
	lt_syscall2(NR_arch_prctl, ARCH_SET_GS, 0x23456000UL);
	asm volatile("ldmxcsr %0\n\t"
		     "fldcw %1\n\t"
		     "pcmpeqd %%xmm0, %%xmm0\n\t"
		     "pcmpeqd %%xmm7, %%xmm7\n\t"
		     "pcmpeqd %%xmm8, %%xmm8\n\t"
		     "pcmpeqd %%xmm15, %%xmm15"
		     : : "m"(mxcsr), "m"(fcw) : "xmm0", "xmm7", "xmm8", "xmm15");
	asm volatile("push %%rbx\n\t"
		     "push %%rbp\n\t"
		     "mov $0x1111, %%ebx\n\t"
		     "mov $0x2222, %%ebp\n\t"
		     "mov $0x3333, %%r12d\n\t"
		     "mov $0x4444, %%r13d\n\t"
		     "mov $0x5555, %%r14d\n\t"
		     "mov $0x6666, %%r15d\n\t"
		     "mov $0x7777, %%r8d\n\t"
		     "mov $0x8888, %%r9d\n\t"
		     "mov $0x9999, %%r10d\n\t"
		     "std\n\t"
		     "syscall\n\t"
		     "cld\n\t"
		     "pop %%rbp\n\t"
		     "pop %%rbx"
		     : "=a"(r)
		     : "a"((long)NR_execve), "D"("./initial_state"), "S"(argv), "d"(envp)
		     : "rcx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "memory");
	EXPECT_RET("execve", r, 0);	/* only reached if it failed */
}

void start_c(unsigned long *sp)
{
	second = sp[0] >= 2 && streq(((char **)sp)[2], "exec");
	registers();
	fpu();
	stack(sp);
	if (!second && !lt_failures)
		exec_dirty();
	lt_syscall1(NR_exit_group, lt_done());
	for (;;)
		;
}
