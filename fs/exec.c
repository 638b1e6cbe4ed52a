// SPDX-License-Identifier: GPL-2.0
/*
 * Executing a program: a new address space with the ELF image, the
 * initial stack exactly as Linux builds it, and the initial registers.
 *
 * The stack, from STACK_TOP down (fs/exec.c and fs/binfmt_elf.c in
 * Linux; x86-64 psABI 3.4.1):
 *	8 zero bytes
 *	the AT_EXECFN string (the file name as given)
 *	the environment strings, then the argument strings
 *	"x86_64" (AT_PLATFORM)
 *	16 random bytes (AT_RANDOM)
 *	padding to 16 bytes
 *	auxv pairs ending in AT_NULL, envp[] NULL-terminated,
 *	argv[] NULL-terminated, argc         <- rsp, 16-byte aligned
 */
#include <lego/kernel.h>
#include <lego/binfmts.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/string.h>
#include <lego/random.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <uapi/lego/elf.h>
#include <uapi/lego/mman.h>
#include <asm/uaccess.h>
#include <asm/processor.h>
#include <asm/vdso.h>

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * The stack VMA starts at 128 KiB below STACK_TOP (Linux's stack_expand)
 * and grows down on faults up to RLIMIT_STACK (expand_stack).  mmap's
 * top-down search starts below the largest stack RLIMIT_STACK allows plus
 * the guard gap, clamped to [128 MiB, 5/6 of user space] as Linux's
 * mmap_base does, so an unlimited stack still leaves room for mappings.
 */
#define STACK_EXPAND	(128UL << 10)
#define MIN_GAP		(128UL << 20)
#define MAX_GAP		(TASK_SIZE_MAX / 6 * 5)

static unsigned long mmap_base(unsigned long rlim_stack)
{
	unsigned long gap = rlim_stack + STACK_GUARD_GAP;

	if (gap < rlim_stack || gap > MAX_GAP)	/* overflow, or too large */
		gap = MAX_GAP;
	if (gap < MIN_GAP)
		gap = MIN_GAP;
	return PAGE_ALIGN(STACK_TOP - gap) - PAGE_SIZE;
}

static unsigned long strings_size(const char *const *v, int n)
{
	unsigned long s = 0;
	int i;

	for (i = 0; i < n; i++)
		s += strlen(v[i]) + 1;
	return s;
}

/* Pushes n bytes at *sp (moving it down); false on a fault. */
static bool push_bytes(unsigned long *sp, const void *src, size_t n)
{
	*sp -= n;
	return !copy_to_user((void __user *)*sp, src, n);
}

static bool put_word(unsigned long addr, unsigned long v)
{
	return !put_user(v, (unsigned long __user *)addr);
}

static int create_elf_tables(struct linux_binprm *bprm, unsigned long *sp_out)
{
	unsigned long p = STACK_TOP - sizeof(void *);
	unsigned long execfn, platform, random, *argp, *envp_a, sp, items;
	unsigned long auxv[2 * 24];
	u8 rnd[16];
	int i, n = 0;
	const struct cred *c = &current->cred;
	bool ok = true;

	argp = kmalloc((bprm->argc + bprm->envc + 2) * sizeof(long), GFP_KERNEL);
	if (!argp)
		return -ENOMEM;
	envp_a = argp + bprm->argc + 1;

	ok &= push_bytes(&p, bprm->filename, strlen(bprm->filename) + 1);
	execfn = p;
	for (i = bprm->envc - 1; i >= 0; i--) {
		ok &= push_bytes(&p, bprm->envp[i], strlen(bprm->envp[i]) + 1);
		envp_a[i] = p;
	}
	for (i = bprm->argc - 1; i >= 0; i--) {
		ok &= push_bytes(&p, bprm->argv[i], strlen(bprm->argv[i]) + 1);
		argp[i] = p;
	}
	ok &= push_bytes(&p, "x86_64", 7);
	platform = p;
	get_random_bytes(rnd, sizeof(rnd));
	ok &= push_bytes(&p, rnd, sizeof(rnd));
	random = p;

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	if (current->mm->vdso)		/* first, as Linux's ARCH_DLINFO */
		NEW_AUX_ENT(AT_SYSINFO_EHDR, current->mm->vdso);
	NEW_AUX_ENT(AT_HWCAP, boot_cpu_data.cpuid_1_edx);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);		/* USER_HZ */
	NEW_AUX_ENT(AT_PHDR, bprm->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->entry);
	NEW_AUX_ENT(AT_UID, c->uid);
	NEW_AUX_ENT(AT_EUID, c->euid);
	NEW_AUX_ENT(AT_GID, c->gid);
	NEW_AUX_ENT(AT_EGID, c->egid);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT

	/* Where the strings are, for /proc/PID/cmdline and environ. */
	current->mm->arg_start = bprm->argc ? argp[0] : (bprm->envc ? envp_a[0] : execfn);
	current->mm->arg_end = current->mm->env_start = bprm->envc ? envp_a[0] : execfn;
	current->mm->env_end = execfn;

	/* argc, argv + NULL, envp + NULL, then auxv; rsp 16-byte aligned. */
	items = 1 + bprm->argc + 1 + bprm->envc + 1 + n;
	sp = (p - items * sizeof(long)) & ~15UL;
	*sp_out = sp;
	ok &= put_word(sp, bprm->argc);
	sp += 8;
	for (i = 0; i < bprm->argc; i++, sp += 8)
		ok &= put_word(sp, argp[i]);
	ok &= put_word(sp, 0);
	sp += 8;
	for (i = 0; i < bprm->envc; i++, sp += 8)
		ok &= put_word(sp, envp_a[i]);
	ok &= put_word(sp, 0);
	sp += 8;
	ok &= !copy_to_user((void __user *)sp, auxv, n * sizeof(long));
	kfree(argp);
	return ok ? 0 : -EFAULT;
}

static int count_strings(const char *const *v)
{
	int n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* The point of no return: current gets bprm->mm. */
static void exec_mmap(struct mm_struct *mm)
{
	struct mm_struct *old = current->mm;

	preempt_disable();		/* the CR3 and the per-CPU loaded_mm agree */
	task_ptr_xchg((void **)&current->mm, mm);	/* /proc reads it under tasklist_lock */
	switch_mm(mm);
	preempt_enable();
	if (old)
		mmput(old);
}

static void set_comm(const char *filename)
{
	const char *base = strrchr(filename, '/');

	strscpy(current->comm, base ? base + 1 : filename, sizeof(current->comm));
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm bprm = { .filename = filename };
	struct mm_struct *mm;
	unsigned long sp, addr;
	int r;

	bprm.argv = argv;
	bprm.envp = envp;
	bprm.argc = count_strings(argv);
	bprm.envc = count_strings(envp);
	/* Linux's limit: a quarter of the stack limit for the strings. */
	if (strings_size(argv, bprm.argc) + strings_size(envp, bprm.envc) >
	    current->rlim[RLIMIT_STACK].rlim_cur / 4)
		return -E2BIG;

	/* A regular file we may execute, on a mount without noexec. */
	bprm.file = open_exec(filename);
	if (IS_ERR(bprm.file))
		return PTR_ERR(bprm.file);
	memset(bprm.buf, 0, sizeof(bprm.buf));
	r = kernel_read(bprm.file, bprm.buf, sizeof(bprm.buf), 0);
	if (r < 0)
		goto out_file;
	r = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_file;
	bprm.mm = mm;
	r = load_elf_binary(&bprm);
	if (r) {
		mmput(mm);
		goto out_file;
	}

	exec_mmap(mm);
	mm->start_brk = mm->brk = PAGE_ALIGN(bprm.end_data);
	mm->mmap_base = mmap_base(current->rlim[RLIMIT_STACK].rlim_cur);
	mm->start_stack = STACK_TOP;
	addr = do_mmap(mm, STACK_TOP - PAGE_ALIGN(min(current->rlim[RLIMIT_STACK].rlim_cur,
						      STACK_EXPAND)),
		       PAGE_ALIGN(min(current->rlim[RLIMIT_STACK].rlim_cur, STACK_EXPAND)),
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       NULL, 0, "[stack]");
	r = IS_ERR_VALUE(addr) ? (int)addr : arch_setup_additional_pages(mm);
	if (!r)
		r = create_elf_tables(&bprm, &sp);
	fput(bprm.file);
	if (r) {
		/* Past the point of no return: the old program is gone. */
		pr_err("%s: exec failed while building the stack (%d)\n", filename, r);
		do_exit(11);	/* SIGSEGV, as Linux's force_sigsegv */
	}
	set_comm(filename);
	if (current->files)
		do_close_on_exec(current->files);
	start_thread(current_pt_regs(), bprm.entry, sp);
	return 0;

out_file:
	fput(bprm.file);
	return r;
}

/* Linux's limits on execve's strings (include/uapi/linux/binfmts.h). */
#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)
#define MAX_ARG_STRINGS	0x7fffffff

static void free_strings(char **v)
{
	int i;

	for (i = 0; v && v[i]; i++)
		kfree(v[i]);
	kfree(v);
}

/*
 * Copies a NULL-terminated user array of strings.  A NULL array is empty
 * (Linux accepts argv == NULL).  Each string is at most MAX_ARG_STRLEN
 * (E2BIG), the total at most a quarter of RLIMIT_STACK (E2BIG).
 */
static int copy_strings(const char __user *const __user *uv, char ***out,
			size_t *total)
{
	size_t n = 0, cap = 16;
	char **v = kzalloc(cap * sizeof(char *), GFP_KERNEL);
	const char __user *up;
	int r = -ENOMEM;

	if (!v)
		return -ENOMEM;
	for (; uv; n++) {
		long len;

		if (get_user(up, uv + n)) {
			r = -EFAULT;
			goto fail;
		}
		if (!up)
			break;
		if (n + 2 > cap) {
			char **nv = kzalloc(2 * cap * sizeof(char *), GFP_KERNEL);

			if (!nv)
				goto fail;
			memcpy(nv, v, n * sizeof(char *));
			kfree(v);
			v = nv;
			cap *= 2;
		}
		v[n] = kmalloc(MAX_ARG_STRLEN, GFP_KERNEL);
		if (!v[n])
			goto fail;
		len = strncpy_from_user(v[n], up, MAX_ARG_STRLEN);
		if (len < 0) {
			r = len;
			goto fail;
		}
		r = -E2BIG;
		if (len == MAX_ARG_STRLEN)
			goto fail;
		*total += len + 1;
		if (*total > current->rlim[RLIMIT_STACK].rlim_cur / 4)
			goto fail;
	}
	v[n] = NULL;
	*out = v;
	return 0;
fail:
	free_strings(v);
	return r;
}

// syscall-status: execve: partial: static programs only (no PT_INTERP); no signal state yet
SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL), **kargv = NULL, **kenvp = NULL;
	size_t total = 0;
	long r;

	if (!path)
		return -ENOMEM;
	r = getname(filename, path, false);
	if (!r)
		r = copy_strings(argv, &kargv, &total);
	if (!r)
		r = copy_strings(envp, &kenvp, &total);
	if (!r)
		r = kernel_execve(path, (const char *const *)kargv,
				  (const char *const *)kenvp);
	free_strings(kargv);
	free_strings(kenvp);
	kfree(path);
	/* On success the new program starts from pt_regs; rax is 0. */
	return r ? r : 0;
}
