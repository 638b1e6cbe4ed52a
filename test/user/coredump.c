// Core dumps: a core-action signal with RLIMIT_CORE raised writes an ELF
// core file "core" in the working directory and the wait status gets
// WCOREDUMP (0x80).  The file is ET_CORE for x86-64, mode 0600 less the
// umask, its size the end of its last segment; its NT_PRSTATUS holds the
// signal, the ids and the registers at the fault, NT_PRPSINFO the name and
// command line, NT_SIGINFO the siginfo, NT_FPREGSET the FXSAVE image; a
// PT_LOAD holds written memory, and untouched memory reads as zeros.
// No dump and no bit: RLIMIT_CORE below a page, PR_SET_DUMPABLE 0, a term
// signal; a limit too small for all of it leaves a partial file and the
// bit (Linux sets it once a dump has begun).  A "core"
// symlink is replaced, not followed.  In a thread group the dumping
// thread's registers are dumped, and every thread ends.
// lego-test: libc=musl
// lego-test: smp=2
#define _GNU_SOURCE
#define LT_SUITE "coredump"
#include "lego_child.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/auxv.h>

#define R12_VALUE	0x1122334455667788UL
#define R13_VALUE	0x99aabbccddeeff00UL
#define MXCSR_VALUE	0x9f80		/* default 0x1f80, FTZ set */
/* user_regs_struct word indexes */
enum { R_R13 = 2, R_R12 = 3, R_RIP = 16, R_CS = 17, R_RSP = 19, R_SS = 20 };

extern char crash_here[];
static unsigned long data_word = 0x5eed;	/* .data: a written file mapping */
static char *anon;				/* two pages: the first touched */
/* The core file, mapped by the parent for its checks only (so that no
 * child's core holds a copy of a previous one). */
static char *core;
static long core_len;

struct prstatus {		/* struct elf_prstatus, x86-64 */
	int si_signo, si_code, si_errno;
	short cursig;
	unsigned long sigpend, sighold;
	int pid, ppid, pgrp, sid;
	long times[8];
	unsigned long reg[27];
	int fpvalid;
};

struct prpsinfo {		/* struct elf_prpsinfo, x86-64 */
	char state, sname, zomb, nice;
	unsigned long flag;
	unsigned int uid, gid;
	int pid, ppid, pgrp, sid;
	char fname[16];
	char psargs[80];
};

static void set_limit(rlim_t cur)
{
	struct rlimit r = { cur, RLIM_INFINITY };

	setrlimit(RLIMIT_CORE, &r);
}

/* Sets r12, r13 and MXCSR, then executes ud2 at crash_here: SIGILL. */
static __attribute__((noinline)) void crash(void)
{
	unsigned int mxcsr = MXCSR_VALUE;

	asm volatile("ldmxcsr %0" : : "m"(mxcsr));
	asm volatile("mov %0, %%r12\n\tmov %1, %%r13\n\t"
		     ".globl crash_here\ncrash_here:\n\tud2"
		     : : "i"(R12_VALUE), "r"(R13_VALUE) : "r12", "r13");
}

static int dump_ill(void)
{
	set_limit(RLIM_INFINITY);
	data_word = 0xfeedface;
	memset(anon, 0xa5, 4096);
	crash();
	return 1;
}

static int dump_small_limit(void)
{
	set_limit(4095);
	crash();
	return 1;
}

static int dump_partial(void)
{
	set_limit(8192);
	crash();
	return 1;
}

static int dump_undumpable(void)
{
	set_limit(RLIM_INFINITY);
	prctl(PR_SET_DUMPABLE, 0);
	crash();
	return 1;
}

static int term_with_limit(void)
{
	set_limit(RLIM_INFINITY);
	raise(SIGTERM);
	return 1;
}

static int quit_by_raise(void)
{
	set_limit(RLIM_INFINITY);
	raise(SIGQUIT);
	return 1;
}

static void *spinner(void *arg)
{
	(void)arg;
	for (;;)
		;
	return 0;
}

static volatile int *crasher_tid;	/* MAP_SHARED: seen by the parent */
static const char *argv0;

static void *crasher(void *arg)
{
	(void)arg;
	*crasher_tid = syscall(SYS_gettid);
	crash();
	return 0;
}

static int threads_main_dumps(void)
{
	pthread_t t;

	set_limit(RLIM_INFINITY);
	pthread_create(&t, 0, spinner, 0);
	pthread_create(&t, 0, spinner, 0);
	crash();
	return 1;
}

static int threads_other_dumps(void)
{
	pthread_t t;

	set_limit(RLIM_INFINITY);
	pthread_create(&t, 0, spinner, 0);
	pthread_create(&t, 0, crasher, 0);
	for (;;)
		pause();
	return 1;
}

/* Maps ./core at core; its length, or -1. */
static long read_core(void)
{
	int fd = open("core", O_RDONLY);
	struct stat st;

	core_len = -1;
	if (fd < 0 || fstat(fd, &st))
		return -1;
	core = mmap(0, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (core == MAP_FAILED)
		return -1;
	core_len = st.st_size;
	return core_len;
}

static const unsigned char *ehdr(void)
{
	return (const unsigned char *)core;
}

#define U16(p)	(*(const unsigned short *)(p))
#define U32(p)	(*(const unsigned int *)(p))
#define U64(p)	(*(const unsigned long *)(p))

static const char *phdr(int i)
{
	return core + U64(core + 32) + i * U16(core + 54);
}

/* The desc of the first note of type t, its size in *size; NULL if none. */
static const void *note(unsigned int t, unsigned int *size)
{
	const char *ph = phdr(0), *p, *end;

	if (U32(ph) != 4)			/* PT_NOTE first */
		return 0;
	p = core + U64(ph + 8);
	end = p + U64(ph + 32);
	while (p + 12 <= end) {
		unsigned int namesz = U32(p), descsz = U32(p + 4), type = U32(p + 8);
		const char *desc = p + 12 + ((namesz + 3) & ~3);

		if (type == t && namesz == 5 && !memcmp(p + 12, "CORE", 5)) {
			*size = descsz;
			return desc;
		}
		p = desc + ((descsz + 3) & ~3);
	}
	return 0;
}

/* The core's bytes for address a (n of them inside one PT_LOAD), or NULL
 * when a is in no PT_LOAD or past its p_filesz. */
static const char *at(unsigned long a, unsigned long n)
{
	int i;

	for (i = 1; i < U16(core + 56); i++) {
		const char *ph = phdr(i);
		unsigned long va = U64(ph + 16), off = U64(ph + 8), fsz = U64(ph + 32);

		if (U32(ph) == 1 && a >= va && a + n <= va + fsz && off + (a - va) + n <= (unsigned long)core_len)
			return core + off + (a - va);
	}
	return 0;
}

static int all_bytes(const char *p, int c, unsigned long n)
{
	while (n--)
		if (*p++ != (char)c)
			return 0;
	return 1;
}

static void check_core(const char *what, pid_t child, pid_t dumper, int sig)
{
	const struct prstatus *ps;
	const struct prpsinfo *pi;
	const siginfo_t *si;
	const unsigned char *fx;
	unsigned long end = 0;
	unsigned int size = 0;
	struct stat st;
	int i;

	EXPECT_TRUE(lt_cat(what, "read"), read_core() > 64);
	if (core_len <= 64)
		return;
	EXPECT_TRUE(lt_cat(what, "small"), core_len < (4 << 20));
	EXPECT_TRUE(lt_cat(what, "elf"), !memcmp(core, "\177ELF", 4) && ehdr()[4] == 2 &&
		    ehdr()[5] == 1 && ehdr()[6] == 1);
	EXPECT_EQ(lt_cat(what, "e_type"), U16(core + 16), 4);	/* ET_CORE */
	EXPECT_EQ(lt_cat(what, "e_machine"), U16(core + 18), 62);
	EXPECT_EQ(lt_cat(what, "e_phentsize"), U16(core + 54), 56);
	for (i = 0; i < U16(core + 56); i++)
		if (U64(phdr(i) + 8) + U64(phdr(i) + 32) > end)
			end = U64(phdr(i) + 8) + U64(phdr(i) + 32);
	EXPECT_EQ(lt_cat(what, "size_is_last_segment_end"), core_len, end);
	stat("core", &st);
	EXPECT_EQ(lt_cat(what, "mode"), st.st_mode, S_IFREG | 0600);

	ps = note(1, &size);
	EXPECT_TRUE(lt_cat(what, "prstatus"), ps && size == 336);
	if (ps) {
		EXPECT_EQ(lt_cat(what, "pr_cursig"), ps->cursig, sig);
		EXPECT_EQ(lt_cat(what, "pr_info_signo"), ps->si_signo, sig);
		EXPECT_EQ(lt_cat(what, "pr_pid"), ps->pid, dumper);
		EXPECT_EQ(lt_cat(what, "pr_ppid"), ps->ppid, getpid());
		EXPECT_EQ(lt_cat(what, "pr_fpvalid"), ps->fpvalid, 1);
		EXPECT_EQ(lt_cat(what, "cs"), ps->reg[R_CS], 0x33);
		EXPECT_EQ(lt_cat(what, "ss"), ps->reg[R_SS], 0x2b);
		if (sig == SIGILL) {
			EXPECT_EQ(lt_cat(what, "rip"), ps->reg[R_RIP], (unsigned long)crash_here);
			EXPECT_EQ(lt_cat(what, "r12"), ps->reg[R_R12], R12_VALUE);
			EXPECT_EQ(lt_cat(what, "r13"), ps->reg[R_R13], R13_VALUE);
		}
		/* The stack the registers name is in the core. */
		EXPECT_TRUE(lt_cat(what, "rsp_dumped"), at(ps->reg[R_RSP], 8) != 0);
	}
	pi = note(3, &size);
	EXPECT_TRUE(lt_cat(what, "prpsinfo"), pi && size == 136);
	if (pi) {
		const char *base = strrchr(argv0, '/') ? strrchr(argv0, '/') + 1 : argv0;

		EXPECT_EQ(lt_cat(what, "pr_fname"), strncmp(pi->fname, base, 15), 0);
		EXPECT_EQ(lt_cat(what, "pr_psargs"), strncmp(pi->psargs, argv0, strlen(argv0)), 0);
		EXPECT_EQ(lt_cat(what, "psinfo_pid"), pi->pid, child);
		/* The leader's state: running if it dumps, else (Linux) waiting. */
		EXPECT_EQ(lt_cat(what, "psinfo_sname"), pi->sname, dumper == child ? 'R' : 'D');
	}
	/* NT_AUXV: execve's vector, through AT_NULL's pair. */
	{
		const unsigned long *av = note(6, &size);
		int n = size / 8;

		EXPECT_TRUE(lt_cat(what, "auxv"), av && size >= 16 * 10 && size % 16 == 0);
		if (av && n >= 2) {
			EXPECT_TRUE(lt_cat(what, "auxv_null"), av[n - 2] == 0 && av[n - 1] == 0);
			for (i = 0; i < n - 2 && av[i] != AT_PAGESZ; i += 2)
				;
			EXPECT_TRUE(lt_cat(what, "auxv_pagesz"), i < n - 2 && av[i + 1] == 4096);
			for (i = 0; i < n - 2 && av[i] != AT_ENTRY; i += 2)
				;
			EXPECT_TRUE(lt_cat(what, "auxv_entry"), i < n - 2 &&
				    av[i + 1] == getauxval(AT_ENTRY));
		}
	}
	si = note(0x53494749, &size);
	EXPECT_TRUE(lt_cat(what, "siginfo"), si && size == 128);
	if (si) {
		EXPECT_EQ(lt_cat(what, "si_signo"), si->si_signo, sig);
		if (sig == SIGILL) {
			EXPECT_EQ(lt_cat(what, "si_code"), si->si_code, ILL_ILLOPN);
			EXPECT_EQ(lt_cat(what, "si_addr"), (unsigned long)si->si_addr,
				  (unsigned long)crash_here);
		}
	}
	fx = note(2, &size);
	EXPECT_TRUE(lt_cat(what, "fpregset"), fx && size == 512);
	if (fx && sig == SIGILL)
		EXPECT_EQ(lt_cat(what, "mxcsr"), U32(fx + 24), MXCSR_VALUE);
}

static void unmap_core(void)
{
	if (core_len > 0)
		munmap(core, core_len);
	core_len = -1;
}

static pid_t run(int (*fn)(void), int *status)
{
	pid_t p;

	unlink("core");
	p = fork();
	if (!p)
		_exit(fn());
	waitpid(p, status, 0);
	return p;
}

int main(int argc, char **argv)
{
	struct stat st;
	pid_t c;
	int s;

	argv0 = argc > 0 ? argv[0] : "";
	crasher_tid = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	mkdir("/coretest", 0755);
	chdir("/coretest");
	umask(022);
	anon = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	c = run(dump_ill, &s);
	EXPECT_EQ("ill/status", s, SIGILL | 0x80);
	check_core("ill", c, c, SIGILL);
	EXPECT_TRUE("ill/anon_written", at((unsigned long)anon, 4096) &&
		    all_bytes(at((unsigned long)anon, 4096), 0xa5, 4096));
	EXPECT_TRUE("ill/anon_untouched_zeros", at((unsigned long)anon + 4096, 4096) &&
		    all_bytes(at((unsigned long)anon + 4096, 4096), 0, 4096));
	EXPECT_TRUE("ill/data_written", at((unsigned long)&data_word, 8) &&
		    U64(at((unsigned long)&data_word, 8)) == 0xfeedface);
	unmap_core();

	c = run(quit_by_raise, &s);
	EXPECT_EQ("quit/status", s, SIGQUIT | 0x80);
	check_core("quit", c, c, SIGQUIT);
	unmap_core();

	/* A symlink named core is removed, not followed. */
	unlink("/coretest/victim");
	symlink("/coretest/victim", "core");
	c = fork();
	if (!c)
		_exit(dump_ill());
	waitpid(c, &s, 0);
	EXPECT_EQ("symlink/status", s, SIGILL | 0x80);
	EXPECT_RET("symlink/not_followed", stat("/coretest/victim", &st) == 0 ? 0 : -errno, -ENOENT);
	EXPECT_TRUE("symlink/replaced", lstat("core", &st) == 0 && S_ISREG(st.st_mode));

	c = run(dump_small_limit, &s);
	EXPECT_EQ("limit_4095/status", s, SIGILL);
	EXPECT_RET("limit_4095/no_file", stat("core", &st) == 0 ? 0 : -errno, -ENOENT);

	c = run(dump_partial, &s);
	EXPECT_EQ("limit_8192/status", s, SIGILL | 0x80);
	EXPECT_TRUE("limit_8192/partial_file",
		    stat("core", &st) == 0 && st.st_size > 0 && st.st_size <= 8192);

	c = run(dump_undumpable, &s);
	EXPECT_EQ("undumpable/status", s, SIGILL);
	EXPECT_RET("undumpable/no_file", stat("core", &st) == 0 ? 0 : -errno, -ENOENT);

	c = run(term_with_limit, &s);
	EXPECT_EQ("term/status", s, SIGTERM);
	EXPECT_RET("term/no_file", stat("core", &st) == 0 ? 0 : -errno, -ENOENT);

	c = run(threads_main_dumps, &s);
	EXPECT_EQ("threads_main/status", s, SIGILL | 0x80);
	check_core("threads_main", c, c, SIGILL);
	unmap_core();

	*crasher_tid = 0;
	c = run(threads_other_dumps, &s);
	EXPECT_EQ("threads_other/status", s, SIGILL | 0x80);
	EXPECT_TRUE("threads_other/tid_seen", *crasher_tid > c);
	check_core("threads_other", c, *crasher_tid, SIGILL);
	unmap_core();
	unlink("core");
	return lt_done();
}
