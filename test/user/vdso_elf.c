// A program with no C library finds the vDSO the way libc-free code does:
// AT_SYSINFO_EHDR from its own auxv, then, by itself, the ELF and program
// headers, the dynamic section, the dynamic symbol table (as long as the
// DT_HASH table's nchain says) and the version definitions.  Every
// function of Linux's x86-64 vDSO is there as __vdso_NAME (global) and as
// NAME (a weak alias at the same address), both of version LINUX_2.6; the
// "Linux" note names the kernel version uname gives; and each function,
// called through the pointer found, agrees with its syscall, on every CPU
// the test runs on.
// lego-test: libc=none
// lego-test: smp=1,2
#ifndef LT_SUITE
#define LT_SUITE "vdso_elf"
#endif
#include "lego_test.h"
#include <elf.h>

#define NR_sched_setaffinity	203
#define NR_clock_gettime	228
#define NR_clock_getres		229
#define NR_gettimeofday		96
#define NR_time			201
#define NR_getcpu		309
#define NR_uname		63
#define NR_exit_group		231

struct kts { long long sec, nsec; };
struct ktv { long sec, usec; };
struct ktz { int minuteswest, dsttime; };

typedef int (*clock_fn)(int, struct kts *);
typedef int (*tod_fn)(struct ktv *, struct ktz *);
typedef long (*time_fn)(long *);
typedef long (*getcpu_fn)(unsigned int *, unsigned int *, void *);

void _start(void);
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call start_c\n"
	"	hlt\n");

/* ---------------------------------------------------- the vDSO, by hand */
static const unsigned char *base;	/* where the kernel mapped it */
static const Elf64_Sym *dynsym;
static const char *dynstr;
static const Elf64_Half *versym;
static const unsigned char *verdef;
static unsigned long nsyms, verdefnum;
static const char *soname;

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The version definition numbered ndx: its name and flags. */
static const char *version_name(unsigned int ndx, unsigned int *flags)
{
	const unsigned char *p = verdef;
	unsigned long k;

	for (k = 0; p && k < verdefnum; k++) {
		const Elf64_Verdef *d = (const Elf64_Verdef *)p;

		if (d->vd_ndx == ndx) {
			*flags = d->vd_flags;
			return dynstr + ((const Elf64_Verdaux *)(p + d->vd_aux))->vda_name;
		}
		p = d->vd_next ? p + d->vd_next : 0;
	}
	return 0;
}

/* Reads the headers; 0 and a reason if something is not as it must be. */
static const char *parse(void)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	const Elf64_Dyn *dyn = 0, *d;
	long bias = -1;
	int i;

	if (eh->e_ident[0] != 0x7f || eh->e_ident[1] != 'E' || eh->e_ident[2] != 'L' ||
	    eh->e_ident[3] != 'F' || eh->e_ident[EI_CLASS] != ELFCLASS64)
		return "no ELF64 header";
	if (eh->e_type != ET_DYN || eh->e_machine != EM_X86_64)
		return "not an x86-64 shared object";
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && bias < 0)
			bias = (long)base - (long)ph[i].p_vaddr;
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)(ph[i].p_vaddr);
	}
	if (bias < 0 || !dyn)
		return "no PT_LOAD or no PT_DYNAMIC";
	dyn = (const Elf64_Dyn *)((const char *)dyn + bias);
	for (d = dyn; d->d_tag != DT_NULL; d++) {
		const unsigned char *p = (const unsigned char *)(d->d_un.d_ptr + bias);

		switch (d->d_tag) {
		case DT_SYMTAB: dynsym = (const Elf64_Sym *)p; break;
		case DT_STRTAB: dynstr = (const char *)p; break;
		case DT_HASH: nsyms = ((const Elf64_Word *)p)[1]; break;
		case DT_VERSYM: versym = (const Elf64_Half *)p; break;
		case DT_VERDEF: verdef = p; break;
		case DT_VERDEFNUM: verdefnum = d->d_un.d_val; break;
		}
	}
	if (!dynsym || !dynstr || !nsyms || !versym || !verdef)
		return "DT_SYMTAB, DT_STRTAB, DT_HASH, DT_VERSYM or DT_VERDEF missing";
	for (d = dyn; d->d_tag != DT_NULL; d++)
		if (d->d_tag == DT_SONAME)
			soname = dynstr + d->d_un.d_val;
	return 0;
}

/* The symbol called name, by a walk over the whole table. */
static const Elf64_Sym *find(const char *name, unsigned long *index)
{
	unsigned long i;

	for (i = 1; i < nsyms; i++) {
		if (streq(dynstr + dynsym[i].st_name, name)) {
			*index = i;
			return &dynsym[i];
		}
	}
	return 0;
}

/* Checks one exported name; its address, or 0. */
static unsigned long check_symbol(const char *name, int bind)
{
	unsigned long i = 0;
	const Elf64_Sym *s = find(name, &i);
	unsigned int flags = 0, v;
	const char *ver;

	if (!lt_check(lt_cat(name, "found"), s != 0, "not in .dynsym"))
		return 0;
	EXPECT_EQ(lt_cat(name, "type"), ELF64_ST_TYPE(s->st_info), STT_FUNC);
	EXPECT_EQ(lt_cat(name, "binding"), ELF64_ST_BIND(s->st_info), bind);
	EXPECT_TRUE(lt_cat(name, "defined"), s->st_shndx != SHN_UNDEF && s->st_value);
	v = versym[i];
	ver = (v & 0x8000) ? 0 : version_name(v & 0x7fff, &flags);
	lt_check(lt_cat(name, "version"), ver && streq(ver, "LINUX_2.6"),
		 "version index %u is %s", v, ver ? ver : "(hidden or none)");
	return (unsigned long)base + s->st_value;	/* linked at 0 */
}

/* The "Linux" note's version code against uname's release "A.B.C...". */
static void check_note(void)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	char uts[6][65];
	unsigned long code = ~0UL, major = 0, minor = 0;
	const char *r;
	int i;

	for (i = 0; i < eh->e_phnum; i++) {
		const unsigned char *p = base + ph[i].p_vaddr, *end = p + ph[i].p_filesz;

		while (ph[i].p_type == PT_NOTE && p + 12 <= end) {
			const Elf64_Nhdr *n = (const Elf64_Nhdr *)p;
			const char *nm = (const char *)(n + 1);
			unsigned long desc = 12 + ((n->n_namesz + 3) & ~3U);

			if (n->n_namesz == 6 && streq(nm, "Linux") && !n->n_type &&
			    n->n_descsz == 4)
				code = *(const unsigned int *)(p + desc);
			p += desc + ((n->n_descsz + 3) & ~3U);
		}
	}
	EXPECT_RET("uname", lt_syscall1(NR_uname, uts), 0);
	for (r = uts[2]; *r >= '0' && *r <= '9'; r++)
		major = major * 10 + *r - '0';
	for (r += *r == '.'; *r >= '0' && *r <= '9'; r++)
		minor = minor * 10 + *r - '0';
	lt_check("note/linux_version", code != ~0UL && code >> 16 == major &&
		 ((code >> 8) & 0xff) == minor, "note %lx, uname release %s", code, uts[2]);
}

/* ------------------------------------------------------ calling it */
static long long ns(const struct kts *t)
{
	return t->sec * 1000000000LL + t->nsec;
}

/* a <= b <= c, the middle one from the syscall: the same clock. */
static void bracket(const char *name, long long a, long long b, long long c)
{
	lt_check(name, a <= b && b <= c, "vdso %lld, syscall %lld, vdso %lld", a, b, c);
}

static void check_clocks(clock_fn gettime, clock_fn getres)
{
	static const char *const names[] = {
		"realtime", "monotonic", "process_cputime", "thread_cputime",
		"monotonic_raw", "realtime_coarse", "monotonic_coarse", "boottime",
		"realtime_alarm", "boottime_alarm", "10", "tai",
	};
	static const int bad[] = { -1, 12, 15, 16, 100, 0x7fffffff };
	struct kts a, b, c, ra, rb;
	unsigned int i;

	for (i = 0; i < 12; i++) {
		const char *n = names[i];
		long r1 = gettime(i, &a), r2 = lt_syscall2(NR_clock_gettime, i, &b);
		long r3 = gettime(i, &c);

		EXPECT_EQ(lt_cat("gettime_ret", n), r1, r2);
		EXPECT_EQ(lt_cat("gettime_ret2", n), r3, r2);
		if (!r2 && (i < 2 || i > 3))	/* CPU time is per task */
			bracket(lt_cat("gettime_agrees", n), ns(&a), ns(&b), ns(&c));
		ra.sec = rb.sec = -7;
		EXPECT_EQ(lt_cat("getres_ret", n), getres(i, &ra),
			  lt_syscall2(NR_clock_getres, i, &rb));
		lt_check(lt_cat("getres", n), ra.sec == rb.sec && ra.nsec == rb.nsec,
			 "vdso %lld.%09lld, syscall %lld.%09lld", ra.sec, ra.nsec,
			 rb.sec, rb.nsec);
		EXPECT_EQ(lt_cat("getres_null", n), getres(i, 0),
			  lt_syscall2(NR_clock_getres, i, 0));
	}
	/* Unknown ids are the syscall's business: -EINVAL, raw. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ("gettime_bad_id", gettime(bad[i], &a),
			  lt_syscall2(NR_clock_gettime, bad[i], &b));
		EXPECT_EQ("getres_bad_id", getres(bad[i], &a),
			  lt_syscall2(NR_clock_getres, bad[i], &b));
	}
}

static void check_tod(tod_fn tod, time_fn tm)
{
	struct ktv a, b, c;
	struct ktz za = { -1, -1 }, zb = { -2, -2 };
	long t1, t2, t3, out = -1;

	EXPECT_RET("gettimeofday/ret", tod(&a, &za), 0);
	EXPECT_RET("gettimeofday/syscall", lt_syscall2(NR_gettimeofday, &b, &zb), 0);
	EXPECT_RET("gettimeofday/ret2", tod(&c, 0), 0);
	bracket("gettimeofday/agrees", a.sec * 1000000LL + a.usec,
		b.sec * 1000000LL + b.usec, c.sec * 1000000LL + c.usec);
	EXPECT_TRUE("gettimeofday/usec_range", a.usec >= 0 && a.usec < 1000000);
	EXPECT_TRUE("gettimeofday/timezone",
		    za.minuteswest == zb.minuteswest && za.dsttime == zb.dsttime);
	EXPECT_RET("gettimeofday/null", tod(0, 0), 0);
	t1 = tm(&out);
	EXPECT_EQ("time/stored", out, t1);
	t2 = lt_syscall1(NR_time, 0);
	t3 = tm(0);
	bracket("time/agrees", t1, t2, t3);
	EXPECT_TRUE("time/close_to_gettimeofday", t1 <= b.sec + 1 && b.sec <= t3 + 1);
}

static void check_getcpu(getcpu_fn getcpu, int ncpus)
{
	int cpu;

	for (cpu = 0; cpu < ncpus; cpu++) {
		unsigned long mask = 1UL << cpu;
		unsigned int c = ~0U, n = ~0U, sc = ~1U, sn = ~1U;
		char name[16] = "cpu";

		name[3] = '0' + cpu;
		if (lt_syscall3(NR_sched_setaffinity, 0, sizeof(mask), &mask))
			break;		/* no such CPU: this run has fewer */
		EXPECT_RET(lt_cat("getcpu_ret", name), getcpu(&c, &n, 0), 0);
		EXPECT_RET(lt_cat("getcpu_syscall", name),
			   lt_syscall3(NR_getcpu, &sc, &sn, 0), 0);
		EXPECT_EQ(lt_cat("getcpu", name), c, cpu);
		EXPECT_EQ(lt_cat("getcpu_agrees", name), c, sc);
		EXPECT_EQ(lt_cat("getnode_agrees", name), n, sn);
		EXPECT_RET(lt_cat("getcpu_nulls", name), getcpu(0, 0, 0), 0);
	}
}

static void run(unsigned long *sp)
{
	unsigned long argc = sp[0], *p = sp + argc + 2, ehdr = 0;
	static const char *const fns[] = {
		"clock_gettime", "gettimeofday", "time", "getcpu", "clock_getres",
	};
	unsigned long addr[5] = { 0 }, i;
	unsigned int flags = 0;
	const char *why, *v1;

	while (*p)		/* past envp */
		p++;
	for (p++; p[0] != AT_NULL; p += 2)
		if (p[0] == AT_SYSINFO_EHDR)
			ehdr = p[1];
	if (!lt_check("auxv/sysinfo_ehdr", ehdr && !(ehdr & 4095), "AT_SYSINFO_EHDR %lx", ehdr))
		return;
	base = (const unsigned char *)ehdr;
	why = parse();
	if (!lt_check("headers", !why, "%s", why))
		return;
	lt_check("soname", soname && streq(soname, "linux-vdso.so.1"), "soname %s",
		 soname ? soname : "(none)");
	v1 = version_name(1, &flags);
	lt_check("verdef/base", v1 && soname && streq(v1, soname) && (flags & VER_FLG_BASE),
		 "version 1 is %s, flags %x", v1 ? v1 : "(none)", flags);
	check_note();
	for (i = 0; i < 5; i++) {
		char prefixed[32] = "__vdso_";
		unsigned long k, alias;

		for (k = 0; fns[i][k]; k++)
			prefixed[7 + k] = fns[i][k];
		prefixed[7 + k] = 0;
		addr[i] = check_symbol(prefixed, STB_GLOBAL);
		alias = check_symbol(fns[i], STB_WEAK);
		EXPECT_EQ(lt_cat(fns[i], "alias_address"), alias, addr[i]);
	}
	for (i = 0; i < 5; i++)
		if (!addr[i])
			return;
	check_clocks((clock_fn)addr[0], (clock_fn)addr[4]);
	check_tod((tod_fn)addr[1], (time_fn)addr[2]);
	check_getcpu((getcpu_fn)addr[3], 64);
}

__attribute__((used)) void start_c(unsigned long *sp)
{
	run(sp);
	lt_syscall1(NR_exit_group, lt_done());
}
