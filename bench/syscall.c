// SPDX-License-Identifier: GPL-2.0
/*
 * The cost of entering the kernel: the null syscall, an invalid number,
 * syscalls that copy to user memory, 1-byte I/O on the memory devices,
 * int $0x80 from 64-bit code and clock_gettime through the vDSO.
 */
#include <elf.h>
#include <fcntl.h>
#include "bench.h"

#define CLOCK_MONOTONIC_ID	1
#define INVALID_NR		100000	/* past every table, x32 bit clear */

struct ts {
	long sec, nsec;
};

/*
 * The null syscall, timed in an asm loop so that what is counted is
 * exactly "mov $nr, %eax; syscall" and the kernel; the reference is the
 * same dec/jnz loop without them.
 */
s64 bench_null_syscall(long n)
{
	long c = n, r = sys0(SYS_getpid);
	u64 t0;

	if (r <= 0)
		return bench_na("getpid returned %ld", r);
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl %[nr], %%eax\n\t"
		     "syscall\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : [nr] "i"(SYS_getpid) : "rax", "rcx", "r11", "memory");
	return (s64)(tsc_stop() - t0);
}

s64 bench_invalid_syscall(long n)
{
	long c = n, r = sys0(INVALID_NR);
	u64 t0;

	if (r != -ENOSYS)
		return bench_na("syscall %d returned %ld, not -ENOSYS", INVALID_NR, r);
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl %[nr], %%eax\n\t"
		     "syscall\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : [nr] "i"(INVALID_NR) : "rax", "rcx", "r11", "memory");
	return (s64)(tsc_stop() - t0);
}

s64 bench_clock_gettime_syscall(long n)
{
	struct ts t;
	long r = sys2(SYS_clock_gettime, CLOCK_MONOTONIC_ID, &t);

	s64 ticks;

	if (r)
		return bench_na("clock_gettime: %e", sys_err(r));
	ticks = TIMED_LOOP(n, r |= sys2(SYS_clock_gettime, CLOCK_MONOTONIC_ID, &t));
	if (r)
		return bench_na("clock_gettime failed in the loop: %e", sys_err(r));
	return ticks;
}

/* struct utsname: six 65-byte fields. */
s64 bench_uname(long n)
{
	char u[6 * 65];
	long r = sys1(SYS_uname, u);

	s64 t;

	if (r)
		return bench_na("uname: %e", sys_err(r));
	t = TIMED_LOOP(n, r |= sys1(SYS_uname, u));
	if (r)
		return bench_na("uname failed in the loop: %e", sys_err(r));
	return t;
}

static s64 devio(long n, const char *path, int nr, int flags)
{
	long fd = sys3(SYS_open, path, flags, 0), r;
	char c = 0;
	s64 t;

	if (fd < 0)
		return bench_na("open %s: %e", path, sys_err(fd));
	r = sys3(nr, fd, &c, 1);
	if (r != 1) {
		sys1(SYS_close, fd);
		return bench_na("%s of 1 byte on %s returned %ld", nr == SYS_read ? "read" : "write",
				path, r);
	}
	r = 0;
	t = TIMED_LOOP(n, r |= sys3(nr, fd, &c, 1) ^ 1);
	sys1(SYS_close, fd);
	if (r)
		return bench_na("a %s of 1 byte on %s failed", nr == SYS_read ? "read" : "write", path);
	return t;
}

s64 bench_write_devnull(long n)
{
	return devio(n, "/dev/null", SYS_write, O_WRONLY);
}

s64 bench_read_devzero(long n)
{
	return devio(n, "/dev/zero", SYS_read, O_RDONLY);
}

/*
 * int $0x80 in a 64-bit program enters the 32-bit syscall table (Linux
 * with IA32 emulation).  A kernel without it raises #GP, which kills the
 * process: try it once in a child first.  The 32-bit ABI does not keep
 * r8-r11, so they are clobbered.
 */
static long int80_getpid(void)
{
	long r;

	asm volatile("int $0x80" : "=a"(r) : "a"(20L) : "r8", "r9", "r10", "r11", "memory");
	return r;
}

s64 bench_int80_getpid(long n)
{
	long pid = sys0(SYS_fork), c = n, st;
	u64 t0;

	if (pid == 0)
		sys_exit(int80_getpid() == sys0(SYS_getpid) ? 0 : 1);
	if (pid < 0)
		return bench_na("fork for the probe: %e", sys_err(pid));
	st = bench_wait(pid);
	if (st < 0)
		return bench_na("wait4: %e", sys_err(st));
	if (W_SIG(st))
		return bench_na("int $0x80 killed the probe with signal %d", W_SIG(st));
	if (W_CODE(st))
		return bench_na("int $0x80 with eax=20 did not return the pid");
	t0 = tsc_start();
	asm volatile("1:\n\t"
		     "movl $20, %%eax\n\t"
		     "int $0x80\n\t"
		     "dec %[c]\n\t"
		     "jnz 1b"
		     : [c] "+r"(c) : : "rax", "r8", "r9", "r10", "r11", "memory");
	return (s64)(tsc_stop() - t0);
}

/*
 * The vDSO is an ELF shared object the kernel maps into every process and
 * names in the auxiliary vector (AT_SYSINFO_EHDR).  Its dynamic symbol
 * table, found through the section headers, gives __vdso_clock_gettime.
 */
static void *vdso_sym(const char *want)
{
	const unsigned char *base = (const void *)bench_getauxval(AT_SYSINFO_EHDR);
	const Elf64_Ehdr *eh = (const void *)base;
	const Elf64_Phdr *ph;
	const Elf64_Shdr *sh;
	unsigned long load = 0;
	int i, found = 0;

	if (!base)
		return NULL;
	ph = (const void *)(base + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD) {
			load = (unsigned long)base + ph[i].p_offset - ph[i].p_vaddr;
			found = 1;
			break;
		}
	}
	if (!found || !eh->e_shoff)
		return NULL;
	sh = (const void *)(base + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++) {
		const Elf64_Sym *sym;
		const char *str;
		unsigned long k, count;

		if (sh[i].sh_type != SHT_DYNSYM)
			continue;
		sym = (const void *)(base + sh[i].sh_offset);
		str = (const char *)(base + sh[sh[i].sh_link].sh_offset);
		count = sh[i].sh_size / sizeof(*sym);
		for (k = 0; k < count; k++)
			if (sym[k].st_shndx != SHN_UNDEF && bench_streq(str + sym[k].st_name, want))
				return (void *)(load + sym[k].st_value);
	}
	return NULL;
}

s64 bench_vdso_clock_gettime(long n)
{
	int (*gettime)(int, struct ts *);
	struct ts t;
	int r;

	if (!bench_getauxval(AT_SYSINFO_EHDR))
		return bench_na("no vDSO: AT_SYSINFO_EHDR is not in the auxiliary vector");
	gettime = (int (*)(int, struct ts *))vdso_sym("__vdso_clock_gettime");
	if (!gettime)
		return bench_na("the vDSO has no __vdso_clock_gettime");
	r = gettime(CLOCK_MONOTONIC_ID, &t);
	if (r)
		return bench_na("__vdso_clock_gettime returned %d", r);
	return TIMED_LOOP(n, gettime(CLOCK_MONOTONIC_ID, &t));
}

int main(int argc, char **argv, char **envp)
{
	return bench_main("syscall", argc, argv, envp);
}
