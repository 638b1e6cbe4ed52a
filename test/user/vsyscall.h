/*
 * The body of the vsyscall tests: the legacy page at 0xffffffffff600000
 * in each of Linux's vsyscall= modes.  The including file defines LT_SUITE
 * and VSYSCALL_MODE (MODE_EMULATE, MODE_XONLY or MODE_NONE).
 *
 * emulate  the page reads as the three "mov $nr, %rax; syscall; ret"
 *          entries and int3 between; a call to an entry is the syscall,
 *          returning to the caller with only rax changed;
 * xonly    calls as emulate, but a read is SIGSEGV;
 * none     a call or a read is SIGSEGV.
 * In every mode: a call elsewhere in the page, from a bad stack or with a
 * bad pointer, a write to the page, and a touch of the kernel's other
 * addresses around it, are SIGSEGV.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/wait.h>
#include "lego_test.h"
#include "lego_child.h"
#include "lego_maps.h"

#define MODE_EMULATE	0
#define MODE_XONLY	1
#define MODE_NONE	2

#define VSYSCALL	0xffffffffff600000UL
#define NR_gettimeofday	96
#define NR_time		201
#define NR_getcpu	309

struct vtv { long sec, usec; };
struct vtz { int minuteswest, dsttime; };

/*
 * Calls the entry at addr with arguments a and b as a C function would,
 * every other register holding a known value; true if all but rax came
 * back as they were, rsp included (the emulated "ret" popped the return
 * address).  *ret gets rax.  The red zone is stepped over first: the
 * compiler may keep this function's locals there.
 */
static int vcall(unsigned long addr, unsigned long a, unsigned long b, long *ret)
{
	unsigned long in[9] = { 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666,
				0x7777, 0x8888, 0x9999 }, out[11];
	long rax;
	int i;

	asm volatile("sub $128, %%rsp\n\t"
		     "push %%rbx\n\t"
		     "push %%rbp\n\t"
		     "push %%r12\n\t"
		     "push %%r13\n\t"
		     "push %%r14\n\t"
		     "push %%r15\n\t"
		     "push %[outp]\n\t"
		     "mov %[inp], %%r10\n\t"
		     "mov 0(%%r10), %%rbx\n\t"
		     "mov 8(%%r10), %%rbp\n\t"
		     "mov 16(%%r10), %%r12\n\t"
		     "mov 24(%%r10), %%r13\n\t"
		     "mov 32(%%r10), %%r14\n\t"
		     "mov 40(%%r10), %%r15\n\t"
		     "mov 48(%%r10), %%rcx\n\t"
		     "mov 56(%%r10), %%r11\n\t"
		     "mov 64(%%r10), %%rdx\n\t"
		     "mov %%rsp, %%r8\n\t"
		     "call *%%rax\n\t"
		     "mov (%%rsp), %%r10\n\t"
		     "mov %%rbx, 0(%%r10)\n\t"
		     "mov %%rbp, 8(%%r10)\n\t"
		     "mov %%r12, 16(%%r10)\n\t"
		     "mov %%r13, 24(%%r10)\n\t"
		     "mov %%r14, 32(%%r10)\n\t"
		     "mov %%r15, 40(%%r10)\n\t"
		     "mov %%rcx, 48(%%r10)\n\t"
		     "mov %%r11, 56(%%r10)\n\t"
		     "mov %%rdx, 64(%%r10)\n\t"
		     "mov %%r8, 72(%%r10)\n\t"
		     "mov %%rsp, 80(%%r10)\n\t"
		     "add $8, %%rsp\n\t"
		     "pop %%r15\n\t"
		     "pop %%r14\n\t"
		     "pop %%r13\n\t"
		     "pop %%r12\n\t"
		     "pop %%rbp\n\t"
		     "pop %%rbx\n\t"
		     "add $128, %%rsp"
		     : "=a"(rax), "+D"(a), "+S"(b)
		     : "a"(addr), [inp] "r"(in), [outp] "r"(out)
		     : "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
	*ret = rax;
	for (i = 0; i < 9; i++)
		if (out[i] != in[i])
			return 0;
	return out[9] == out[10];
}

static volatile unsigned long target;

/* Reads a byte of the kernel's half: never returns, when all is well. */
static int peek(unsigned long addr)
{
	return *(volatile unsigned char *)addr;
}

static int read_page(void) { return peek(VSYSCALL); }
static int read_next_page(void) { return peek(VSYSCALL + 4096); }
static int read_page_below(void) { return peek(VSYSCALL - 4096); }
static int read_kernel_text(void) { return peek(0xffffffff81000000UL); }

static int write_page(void)
{
	*(volatile unsigned char *)(VSYSCALL + 0x10) = 0;
	return 0;
}

/* Calls entry with a and b (one of them a pointer it may not write
 * through: never returns, when all is well). */
static int call_with(unsigned long entry, unsigned long a, unsigned long b)
{
	long r;

	vcall(entry, a, b, &r);
	return 0;
}

static int call_bad_tv(void) { return call_with(VSYSCALL, 8, 0); }
static int call_kernel_tz(void) { return call_with(VSYSCALL, 0, 0xffff888000000000UL); }
static int call_bad_time(void) { return call_with(VSYSCALL + 0x400, VSYSCALL, 0); }
static int call_bad_cpu(void) { return call_with(VSYSCALL + 0x800, 16, 0); }
static int call_target(void) { return call_with(target, 0, 0); }

/* The entry, from a stack the kernel cannot read the return address on. */
static int call_bad_stack(void)
{
	asm volatile("mov $0x1000, %%rsp\n\t"
		     "xor %%edi, %%edi\n\t"
		     "xor %%esi, %%esi\n\t"
		     "jmp *%0" : : "r"(VSYSCALL) : "memory");
	return 0;
}

static void check_contents(void)
{
	static const unsigned char entry[3][10] = {
		{ 0x48, 0xc7, 0xc0, 0x60, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xc3 },
		{ 0x48, 0xc7, 0xc0, 0xc9, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xc3 },
		{ 0x48, 0xc7, 0xc0, 0x35, 0x01, 0x00, 0x00, 0x0f, 0x05, 0xc3 },
	};
	const unsigned char *page = (const unsigned char *)VSYSCALL;
	int i;

	for (i = 0; i < 3; i++)
		lt_check(lt_cat("contents", i == 0 ? "gettimeofday" : i == 1 ? "time" : "getcpu"),
			 !memcmp(page + i * 0x400, entry[i], 10) && page[i * 0x400 + 10] == 0xcc,
			 "the entry at +%x is not mov $nr, %%rax; syscall; ret", i * 0x400);
	lt_check("contents/int3_fill", page[0x3ff] == 0xcc && page[0xbff] == 0xcc &&
		 page[0xfff] == 0xcc, "not int3 between the entries");
}

static void check_calls(void)
{
	struct vtv a, b = { 0, 0 }, c;
	struct vtz za = { -1, -1 }, zb = { -2, -2 };
	long r, t1, t2, t3, stored = -1;
	unsigned int cpu = ~0U, node = ~0U, scpu = ~1U, snode = ~1U;
	cpu_set_t set;

	EXPECT_TRUE("gettimeofday/registers", vcall(VSYSCALL, (unsigned long)&a,
						    (unsigned long)&za, &r));
	EXPECT_RET("gettimeofday/ret", r, 0);
	lt_syscall2(NR_gettimeofday, &b, &zb);
	vcall(VSYSCALL, (unsigned long)&c, 0, &r);
	lt_check("gettimeofday/agrees",
		 a.sec * 1000000LL + a.usec <= b.sec * 1000000LL + b.usec &&
		 b.sec * 1000000LL + b.usec <= c.sec * 1000000LL + c.usec,
		 "%ld s %ld us, syscall %ld s %ld us", a.sec, a.usec, b.sec, b.usec);
	EXPECT_TRUE("gettimeofday/timezone", za.minuteswest == zb.minuteswest &&
		    za.dsttime == zb.dsttime);
	vcall(VSYSCALL, 0, 0, &r);
	EXPECT_RET("gettimeofday/nulls", r, 0);

	EXPECT_TRUE("time/registers", vcall(VSYSCALL + 0x400, (unsigned long)&stored, 0, &t1));
	EXPECT_EQ("time/stored", stored, t1);
	t2 = lt_syscall1(NR_time, 0);
	vcall(VSYSCALL + 0x400, 0, 0, &t3);
	lt_check("time/agrees", t1 <= t2 && t2 <= t3, "%ld, syscall %ld, %ld", t1, t2, t3);

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	sched_setaffinity(0, sizeof(set), &set);
	EXPECT_TRUE("getcpu/registers", vcall(VSYSCALL + 0x800, (unsigned long)&cpu,
					      (unsigned long)&node, &r));
	EXPECT_RET("getcpu/ret", r, 0);
	lt_syscall3(NR_getcpu, &scpu, &snode, 0);
	EXPECT_EQ("getcpu/cpu", cpu, scpu);
	EXPECT_EQ("getcpu/node", node, snode);
	vcall(VSYSCALL + 0x800, 0, 0, &r);
	EXPECT_RET("getcpu/nulls", r, 0);
}

/* /proc/self/maps: Linux's gate VMA line, r-xp, --xp, or none at all. */
static void check_maps(void)
{
	static const char *const perms[] = { "r-xp", "--xp", 0 };
	const char *want = perms[VSYSCALL_MODE], *line;
	char text[8192];

	if (!lt_read_maps(text, sizeof(text))) {
		lt_printf("# /proc/self/maps not available here: its lines not checked\n");
		return;
	}
	line = strstr(text, "ffffffffff600000-ffffffffff601000 ");
	if (!want)
		lt_check("maps/no_gate_line", !line, "a [vsyscall] line in none mode");
	else
		lt_check("maps/gate_line", line && !strncmp(line + 34, want, 4) &&
			 strstr(line, "[vsyscall]\n"), "no line ffffffffff600000-"
			 "ffffffffff601000 %s ... [vsyscall]", want);
}

/* Jumps to each of these is SIGSEGV in every mode. */
static const unsigned long misaligned[] = {
	0x1, 0x3ff, 0x401, 0x7fe, 0x810, 0xc00, 0xfff,
};

static int run_vsyscall_checks(void)
{
	unsigned int i;

	check_maps();
	if (VSYSCALL_MODE == MODE_EMULATE)
		check_contents();
	else
		lt_expect_signal("read/segv", read_page, SIGSEGV);
	if (VSYSCALL_MODE != MODE_NONE) {
		check_calls();
	} else {
		for (i = 0; i < 3; i++) {
			target = VSYSCALL + i * 0x400;
			lt_expect_signal("call/segv", call_target, SIGSEGV);
		}
	}
	for (i = 0; i < sizeof(misaligned) / sizeof(misaligned[0]); i++) {
		target = VSYSCALL + misaligned[i];
		lt_expect_signal("misaligned/segv", call_target, SIGSEGV);
	}
	lt_expect_signal("bad_stack/segv", call_bad_stack, SIGSEGV);
	lt_expect_signal("bad_pointer/gettimeofday_tv", call_bad_tv, SIGSEGV);
	lt_expect_signal("bad_pointer/gettimeofday_kernel_tz", call_kernel_tz, SIGSEGV);
	lt_expect_signal("bad_pointer/time", call_bad_time, SIGSEGV);
	lt_expect_signal("bad_pointer/getcpu", call_bad_cpu, SIGSEGV);
	lt_expect_signal("write/segv", write_page, SIGSEGV);
	lt_expect_signal("next_page/segv", read_next_page, SIGSEGV);
	lt_expect_signal("page_below/segv", read_page_below, SIGSEGV);
	lt_expect_signal("kernel_text/segv", read_kernel_text, SIGSEGV);
	return lt_done();
}
