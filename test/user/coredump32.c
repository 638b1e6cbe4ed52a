// A 32-bit program's core dump (IA32 emulation): ELF32, EM_386, ET_CORE,
// as Linux's compat_binfmt_elf writes it.  The notes in Linux's order and
// with its names: NT_PRSTATUS (144 bytes: the signal, the ids, the i386
// registers at the fault), NT_PRPSINFO (124, 16-bit uids), the 128-byte
// i386 NT_SIGINFO, NT_AUXV in 32-bit words (the bytes /proc/self/auxv
// shows), NT_PRFPREG in the i387 FSAVE form (the full tag word
// rebuilt from FXSAVE's, the stack in ST order), NT_PRXFPREG ("LINUX",
// the FXSAVE image) and NT_386_TLS ("LINUX", glibc's TLS entry); 32-byte
// program headers, and the PT_LOADs holding written memory.
// lego-test: libc=glibc
// lego-test: arch=i386
// lego-test: args=crash-me
#define _GNU_SOURCE
#define LT_SUITE "coredump32"
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lego_test.h"

#define EBX_VALUE	0x11223344u
#define ESI_VALUE	0x55667788u
#define EDI_VALUE	0x99aabbccu

enum { R_EBX, R_ECX, R_EDX, R_ESI, R_EDI, R_EBP, R_EAX, R_DS, R_ES, R_FS, R_GS,
       R_ORIG_EAX, R_EIP, R_CS, R_EFLAGS, R_ESP, R_SS };

extern char crash_here[];
static unsigned int data_word = 0x5eed;	/* .data, written below */
static char *core;
static long core_len;

#define U16(p)	(*(const unsigned short *)(p))
#define U32(p)	(*(const unsigned int *)(p))

/* The child: x87 stack 0.0, 1.0, pi (TOP 5), known registers, then ud2. */
static void crash(void)
{
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };

	setrlimit(RLIMIT_CORE, &rl);
	data_word = 0xc0ffee;
	asm volatile("fninit\n\t"
		     "fldpi\n\t"
		     "fld1\n\t"
		     "fldz\n\t"
		     "movl %0, %%ebx\n\t"
		     "movl %1, %%esi\n\t"
		     "movl %2, %%edi\n\t"
		     ".globl crash_here\n"
		     "crash_here: ud2"
		     : : "i"(EBX_VALUE), "i"(ESI_VALUE), "i"(EDI_VALUE) : "ebx", "esi", "edi");
}

static const char *phdr(int i)
{
	return core + U32(core + 28) + i * U16(core + 42);
}

/* The note of type t named name, its size in *size; NULL if none.  *index
 * is its place among the notes. */
static const char *note(unsigned int t, const char *name, unsigned int *size, int *index)
{
	const char *ph = phdr(0), *p, *end;
	int i = 0;

	if (U32(ph) != 4)			/* PT_NOTE first */
		return 0;
	p = core + U32(ph + 4);
	end = p + U32(ph + 16);
	for (; p + 12 <= end; i++) {
		unsigned int namesz = U32(p), descsz = U32(p + 4), type = U32(p + 8);
		const char *desc = p + 12 + ((namesz + 3) & ~3);

		if (type == t && namesz == strlen(name) + 1 && !memcmp(p + 12, name, namesz)) {
			*size = descsz;
			*index = i;
			return desc;
		}
		p = desc + ((descsz + 3) & ~3);
	}
	return 0;
}

static const char *at(unsigned int a, unsigned int n)
{
	int i;

	for (i = 1; i < U16(core + 44); i++) {
		const char *ph = phdr(i);
		unsigned int va = U32(ph + 8), off = U32(ph + 4), fsz = U32(ph + 16);

		if (U32(ph) == 1 && a >= va && a + n <= va + fsz && off + (a - va) + n <= core_len)
			return core + off + (a - va);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const unsigned char one[10] = { 0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f };
	struct { unsigned int entry, base, limit, flags; } tls = { 12 };
	const char *ps, *pi, *si, *fp, *xfp, *t;
	unsigned int size = 0, end = 0, cs, ds, gs;
	int status = 0, fd, i, idx = -1, prev;
	struct stat st;
	pid_t child;

	/* /proc as Lego has it at boot (a Linux init mounts it itself). */
	if (stat("/proc/self", &st)) {
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
	}
	asm("movl %%cs, %0; movl %%ds, %1; movl %%gs, %2" : "=r"(cs), "=r"(ds), "=r"(gs));
	syscall(244, &tls);			/* get_thread_area(12): glibc's */
	unlink("core");
	child = fork();
	if (child == 0) {
		crash();
		_exit(1);
	}
	EXPECT_EQ("wait", waitpid(child, &status, 0), child);
	EXPECT_EQ("status", status, SIGILL | 0x80);

	fd = open("core", O_RDONLY);
	EXPECT_TRUE("open", fd >= 0 && !fstat(fd, &st));
	if (fd < 0)
		return lt_done();
	core_len = st.st_size;
	core = mmap(0, core_len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	EXPECT_TRUE("mapped", core != MAP_FAILED && core_len > 52);
	if (core == MAP_FAILED || core_len <= 52)
		return lt_done();
	EXPECT_TRUE("elf32", !memcmp(core, "\177ELF", 4) && core[4] == 1 && core[5] == 1 &&
		    core[6] == 1);
	EXPECT_EQ("e_type", U16(core + 16), 4);		/* ET_CORE */
	EXPECT_EQ("e_machine", U16(core + 18), 3);	/* EM_386 */
	EXPECT_EQ("e_phoff", U32(core + 28), 52);
	EXPECT_EQ("e_ehsize", U16(core + 40), 52);
	EXPECT_EQ("e_phentsize", U16(core + 42), 32);
	EXPECT_EQ("mode", st.st_mode, S_IFREG | 0600);
	for (i = 1; i < U16(core + 44); i++)
		if (U32(phdr(i)) == 1 && U32(phdr(i) + 4) + U32(phdr(i) + 16) > end)
			end = U32(phdr(i) + 4) + U32(phdr(i) + 16);
	EXPECT_EQ("size_is_last_segment_end", core_len, end);
	t = at((unsigned int)&data_word, 4);
	EXPECT_TRUE("data_written", t && U32(t) == 0xc0ffee);

	ps = note(1, "CORE", &size, &idx);		/* NT_PRSTATUS */
	EXPECT_TRUE("prstatus", ps && size == 144 && idx == 0);
	if (ps) {
		const unsigned int *reg = (const unsigned int *)(ps + 72);

		EXPECT_EQ("pr_info_signo", U32(ps), SIGILL);
		EXPECT_EQ("pr_cursig", U16(ps + 12), SIGILL);
		EXPECT_EQ("pr_pid", U32(ps + 24), child);
		EXPECT_EQ("pr_ppid", U32(ps + 28), getpid());
		EXPECT_EQ("ebx", reg[R_EBX], EBX_VALUE);
		EXPECT_EQ("esi", reg[R_ESI], ESI_VALUE);
		EXPECT_EQ("edi", reg[R_EDI], EDI_VALUE);
		EXPECT_EQ("eip", reg[R_EIP], (unsigned int)crash_here);
		EXPECT_EQ("orig_eax", reg[R_ORIG_EAX], 0xffffffffu);
		EXPECT_EQ("cs", reg[R_CS], cs);
		EXPECT_EQ("ss", reg[R_SS], 0x2b);
		EXPECT_EQ("ds", reg[R_DS], ds);
		EXPECT_EQ("gs", reg[R_GS], gs);
		EXPECT_TRUE("eflags_if", reg[R_EFLAGS] & 0x200);
		EXPECT_TRUE("esp_dumped", at(reg[R_ESP], 4) != 0);
		EXPECT_EQ("pr_fpvalid", U32(ps + 140), 1);
	}
	pi = note(3, "CORE", &size, &idx);		/* NT_PRPSINFO */
	EXPECT_TRUE("prpsinfo", pi && size == 124 && idx == 1);
	if (pi) {
		EXPECT_EQ("psinfo_sname", pi[1], 'R');
		EXPECT_EQ("psinfo_uid", U16(pi + 8), getuid());
		EXPECT_EQ("psinfo_pid", U32(pi + 12), child);
		EXPECT_EQ("pr_fname", strncmp(pi + 28, "coredump32", 16), 0);
		EXPECT_EQ("pr_psargs", strncmp(pi + 44, argv[0], strlen(argv[0])), 0);
		EXPECT_TRUE("pr_psargs_args", argc > 1 && strstr(pi + 44, " crash-me") != 0);
	}
	si = note(0x53494749, "CORE", &size, &idx);	/* NT_SIGINFO */
	EXPECT_TRUE("siginfo", si && size == 128 && idx == 2);
	prev = idx;
	/* NT_AUXV: the vector in 32-bit words, the child's being the
	 * parent's (fork keeps it): the bytes of /proc/self/auxv. */
	{
		static char mine[512];
		const unsigned int *av = (const void *)note(6, "CORE", &size, &idx);
		unsigned int n = size / 4;
		long got = 0, r;

		fd = open("/proc/self/auxv", O_RDONLY);
		while (fd >= 0 && (r = read(fd, mine + got, sizeof(mine) - got)) > 0)
			got += r;
		close(fd);
		EXPECT_TRUE("auxv", av && size >= 8 * 10 && size % 8 == 0 && idx > 2);
		/* /proc reads the vector in longs (Linux's auxv_read): up to
		 * the first pair of longs whose first is zero. */
		EXPECT_EQ("proc_auxv_size", got, (size / 16 + 1) * 16);
		EXPECT_TRUE("proc_auxv_same", av && got >= size && !memcmp(mine, av, size));
		EXPECT_TRUE("proc_auxv_zero_tail", got >= size && !memcmp(mine + size,
			    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", got - size));
		if (av && n >= 2) {
			EXPECT_TRUE("auxv_null", av[n - 2] == 0 && av[n - 1] == 0);
			for (i = 0; i < (int)n - 2 && av[i] != AT_SYSINFO; i += 2)
				;
			EXPECT_TRUE("auxv_sysinfo", i < (int)n - 2 && av[i + 1] == getauxval(AT_SYSINFO) &&
				    av[i + 1] != 0);
			for (i = 0; i < (int)n - 2 && av[i] != AT_PAGESZ; i += 2)
				;
			EXPECT_TRUE("auxv_pagesz", i < (int)n - 2 && av[i + 1] == 4096);
		}
	}
	prev = idx;
	/* The register sets follow, in this order (Linux puts NT_FILE
	 * before them too, and NT_X86_XSTATE before NT_386_TLS). */
	if (si) {
		EXPECT_EQ("si_signo", U32(si), SIGILL);
		EXPECT_EQ("si_code", U32(si + 8), ILL_ILLOPN);
		EXPECT_EQ("si_addr", U32(si + 12), (unsigned int)crash_here);
	}
	fp = note(2, "CORE", &size, &idx);		/* NT_PRFPREG, i387 form */
	EXPECT_TRUE("prfpreg", fp && size == 108 && idx > prev);
	prev = idx;
	if (fp) {
		EXPECT_EQ("fp_cwd", U32(fp), 0xffff037f);
		EXPECT_EQ("fp_swd_top", (U32(fp + 4) >> 11) & 7, 5);
		EXPECT_EQ("fp_swd_high", U32(fp + 4) >> 16, 0xffff);
		/* physical 5 zero (01), 6 and 7 valid (00), the rest empty */
		EXPECT_EQ("fp_twd", U32(fp + 8), 0xffff07ff);
		EXPECT_EQ("fp_fcs", U32(fp + 16), cs);
		EXPECT_EQ("fp_fos", U32(fp + 24), 0xffff0000 | ds);
		EXPECT_TRUE("fp_st0_zero", !memcmp(fp + 28, "\0\0\0\0\0\0\0\0\0\0", 10));
		EXPECT_TRUE("fp_st1_one", !memcmp(fp + 38, one, 10));
		EXPECT_EQ("fp_st2_pi_exponent", U16(fp + 48 + 8), 0x4000);
	}
	xfp = note(0x46e62b7f, "LINUX", &size, &idx);	/* NT_PRXFPREG */
	EXPECT_TRUE("prxfpreg", xfp && size == 512 && idx > prev);
	prev = idx;
	if (xfp) {
		EXPECT_EQ("xfp_fcw", U16(xfp), 0x37f);
		EXPECT_EQ("xfp_ftw", (unsigned char)xfp[4], 0xe0);
		EXPECT_EQ("xfp_mxcsr", U32(xfp + 24), 0x1f80);
		EXPECT_TRUE("xfp_st1_one", !memcmp(xfp + 48, one, 10));
	}
	t = note(0x200, "LINUX", &size, &idx);		/* NT_386_TLS */
	EXPECT_TRUE("tls", t && size == 48 && idx > prev);
	if (t) {
		EXPECT_EQ("tls0_entry", U32(t), 12);
		EXPECT_EQ("tls0_base", U32(t + 4), tls.base);
		EXPECT_EQ("tls0_limit", U32(t + 8), tls.limit);
		EXPECT_EQ("tls0_flags", U32(t + 12), tls.flags);
		EXPECT_EQ("tls1_entry", U32(t + 16), 13);
		/* empty: read_exec_only and seg_not_present (bits 3 and 5) */
		EXPECT_EQ("tls1_flags", U32(t + 28), 0x28);
		EXPECT_EQ("tls2_entry", U32(t + 32), 14);
	}
	EXPECT_TRUE("gs_is_tls", (gs >> 3) == 12);
	return lt_done();
}
