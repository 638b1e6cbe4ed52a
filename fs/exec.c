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
 *
 * A 32-bit program's (IA32 emulation) is the same from IA32_STACK_TOP
 * down, with 4-byte words and "i686" (the i386 psABI; Linux's compat
 * create_elf_tables), esp 16-byte aligned too.
 */
#include <lego/kernel.h>
#include <lego/binfmts.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/sched.h>
#include <lego/cred.h>
#include <lego/signal.h>
#include <lego/string.h>
#include <lego/random.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/compat.h>
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

static unsigned long mmap_base(unsigned long rlim_stack, unsigned long stack_top)
{
	unsigned long gap = rlim_stack + STACK_GUARD_GAP;
	unsigned long max_gap = stack_top / 6 * 5;

	if (gap < rlim_stack || gap > max_gap)	/* overflow, or too large */
		gap = max_gap;
	if (gap < MIN_GAP)
		gap = MIN_GAP;
	return PAGE_ALIGN(stack_top - gap) - PAGE_SIZE;
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

/* One word of the initial stack: 8 bytes, or 4 for a 32-bit program. */
static bool put_word(const struct linux_binprm *bprm, unsigned long addr, unsigned long v)
{
	if (bprm->ia32)
		return !put_user((u32)v, (u32 __user *)addr);
	return !put_user(v, (unsigned long __user *)addr);
}

static int create_elf_tables(struct linux_binprm *bprm, unsigned long *sp_out)
{
	unsigned long wsz = bprm->ia32 ? 4 : 8;
	unsigned long p = (bprm->ia32 ? IA32_STACK_TOP : STACK_TOP) - wsz;
	unsigned long execfn, platform, random, *argp, *envp_a, sp, items;
	unsigned long *auxv = current->mm->saved_auxv;
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
	if (bprm->ia32)
		ok &= push_bytes(&p, "i686", 5);
	else
		ok &= push_bytes(&p, "x86_64", 7);
	platform = p;
	get_random_bytes(rnd, sizeof(rnd));
	ok &= push_bytes(&p, rnd, sizeof(rnd));
	random = p;

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	/* First, as Linux's ARCH_DLINFO; a 32-bit program's vDSO also
	 * names its entry, __kernel_vsyscall (ARCH_DLINFO_IA32). */
	if (IS_ENABLED(CONFIG_IA32_EMULATION) && bprm->ia32 && current->mm->vdso)
		NEW_AUX_ENT(AT_SYSINFO, current->mm->vdso + vdso32_syms.vsyscall);
	if (current->mm->vdso)
		NEW_AUX_ENT(AT_SYSINFO_EHDR, current->mm->vdso);
	NEW_AUX_ENT(AT_HWCAP, boot_cpu_data.cpuid_1_edx);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);		/* USER_HZ */
	NEW_AUX_ENT(AT_PHDR, bprm->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, bprm->ia32 ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->entry);
	NEW_AUX_ENT(AT_UID, c->uid);
	NEW_AUX_ENT(AT_EUID, c->euid);
	NEW_AUX_ENT(AT_GID, c->gid);
	NEW_AUX_ENT(AT_EGID, c->egid);
	NEW_AUX_ENT(AT_SECURE, bprm->secureexec);
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	BUG_ON(n > AT_VECTOR_SIZE);
	current->mm->saved_auxv_len = n * wsz;

	/* Where the strings are, for /proc/PID/cmdline and environ. */
	current->mm->arg_start = bprm->argc ? argp[0] : (bprm->envc ? envp_a[0] : execfn);
	current->mm->arg_end = current->mm->env_start = bprm->envc ? envp_a[0] : execfn;
	current->mm->env_end = execfn;

	/* argc, argv + NULL, envp + NULL, then auxv; rsp 16-byte aligned. */
	items = 1 + bprm->argc + 1 + bprm->envc + 1 + n;
	sp = (p - items * wsz) & ~15UL;
	*sp_out = sp;
	ok &= put_word(bprm, sp, bprm->argc);
	sp += wsz;
	for (i = 0; i < bprm->argc; i++, sp += wsz)
		ok &= put_word(bprm, sp, argp[i]);
	ok &= put_word(bprm, sp, 0);
	sp += wsz;
	for (i = 0; i < bprm->envc; i++, sp += wsz)
		ok &= put_word(bprm, sp, envp_a[i]);
	ok &= put_word(bprm, sp, 0);
	sp += wsz;
	for (i = 0; i < n; i++, sp += wsz)
		ok &= put_word(bprm, sp, auxv[i]);
	/* /proc/PID/auxv shows the vector in the program's word size (in
	 * place: the i-th u32 lies below the i-th long), zeros after it
	 * (the new mm's, and for the 32-bit form the upper half cleared). */
	if (bprm->ia32) {
		for (i = 0; i < n; i++)
			((u32 *)auxv)[i] = auxv[i];
		memset((u32 *)auxv + n, 0, n * 4);
	}
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

/* ---------------------------------------------------------- threads */

/*
 * Makes the caller the only thread of its process before the old program
 * goes: the others are killed and waited for; a caller that is not the
 * leader takes the leader's place and its pid (Linux's de_thread()).
 * Actions shared with another process (CLONE_SIGHAND) are copied.
 * -EAGAIN if the process is dying or another thread is exec'ing.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct sighand_struct *oldsh = tsk->sighand;
	unsigned long flags;

	if (thread_group_empty(tsk))
		goto unshare;
	flags = spin_lock_irqsave(&oldsh->siglock);
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task) {
		spin_unlock_irqrestore(&oldsh->siglock, flags);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	sig->notify_count = zap_other_threads(tsk);
	if (!thread_group_leader(tsk))
		sig->notify_count--;	/* the leader is waited for below */
	while (sig->notify_count) {
		__set_current_state(TASK_KILLABLE);
		spin_unlock_irqrestore(&oldsh->siglock, flags);
		schedule();
		if (fatal_signal_pending(tsk))
			goto killed;
		flags = spin_lock_irqsave(&oldsh->siglock);
	}
	spin_unlock_irqrestore(&oldsh->siglock, flags);
	if (!thread_group_leader(tsk)) {
		struct task_struct *leader = tsk->group_leader;
		pid_t tid = tsk->pid;

		for (;;) {
			flags = spin_lock_irqsave(&tasklist_lock);
			if (leader->exit_state)
				break;
			__set_current_state(TASK_KILLABLE);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			schedule();
			if (fatal_signal_pending(tsk))
				goto killed;
		}
		tsk->pid = leader->pid;
		leader->pid = tid;
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->parent = leader->parent;
		list_replace_init(&leader->sibling, &tsk->sibling);
		tsk->exit_signal = leader->exit_signal;
		leader->exit_signal = -1;
		leader->exit_state = EXIT_DEAD;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		release_task(leader);
	}
	flags = spin_lock_irqsave(&tasklist_lock);
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
unshare:
	if (atomic_read(&oldsh->count) > 1) {
		struct sighand_struct *sh = alloc_sighand();

		if (!sh)
			return -ENOMEM;
		flags = spin_lock_irqsave(&tasklist_lock);
		memcpy(sh->action, oldsh->action, sizeof(sh->action));
		tsk->sighand = sh;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		put_sighand(oldsh);
	}
	return 0;

killed:
	flags = spin_lock_irqsave(&tasklist_lock);
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return -EAGAIN;
}

/*
 * What the new program inherits of signals: the mask and pending signals
 * stay; caught signals are reset to SIG_DFL; the alternate stack goes
 * (execve(2)).  A vfork parent may run again, its memory ours no more.
 */
static void exec_signals(struct task_struct *tsk)
{
	unsigned long flags = spin_lock_irqsave(&tsk->sighand->siglock);

	flush_signal_handlers(tsk);
	tsk->sas_ss_sp = 0;
	tsk->sas_ss_size = 0;
	tsk->sas_ss_flags = SS_DISABLE;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	tsk->did_exec = true;
	/* Read under tasklist_lock: a parent killed in its vfork wait clears
	 * it there before it goes (do_clone()). */
	flags = spin_lock_irqsave(&tasklist_lock);
	if (tsk->vfork_parent) {
		struct task_struct *vp = tsk->vfork_parent;

		WRITE_ONCE(tsk->vfork_parent, NULL);
		wake_up_all(&vp->signal->wait_chldexit);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* ---------------------------------------------------------- scripts */

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * A "#!" line, as Linux's binfmt_script reads it from the first 256
 * bytes: the interpreter's path, then at most one argument (the rest of
 * the line, inner spaces kept, outer ones trimmed).  A line that does not
 * end within the buffer is ENOEXEC unless the path itself ends there.
 * On success *name and *arg (NULL: none) point into buf.
 */
static int parse_shebang(char *buf, size_t size, char **name, char **arg)
{
	char *end = memchr(buf, '\n', size), *p, *sep;

	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;
	if (!end) {
		for (p = buf + 2; p < buf + size - 1 && spacetab(*p); p++)
			;
		for (sep = p; sep < buf + size - 1 && !spacetab(*sep) && *sep; sep++)
			;
		if (sep == buf + size - 1)
			return -ENOEXEC;	/* the path may be cut off */
		end = buf + size - 1;
	}
	while (end > buf + 2 && spacetab(end[-1]))
		end--;
	*end = 0;
	for (p = buf + 2; p < end && spacetab(*p); p++)
		;
	if (p == end || !*p)
		return -ENOEXEC;
	*name = p;
	for (sep = p; sep < end && !spacetab(*sep) && *sep; sep++)
		;
	*arg = NULL;
	if (sep < end && *sep) {
		*sep++ = 0;
		while (sep < end && spacetab(*sep))
			sep++;
		if (sep < end && *sep)
			*arg = sep;
	}
	return 0;
}

/* Linux's BINPRM_MAX_RECURSION: an interpreter may itself be a script,
 * four deep. */
#define MAX_SCRIPT_DEPTH	4

/*
 * The interpreter of a script, with the new argument list in bprm:
 * interpreter, its argument if any, the script's path, then the old
 * argv[1..].  The strings live in *keep until the exec is over.
 */
static int load_script(struct linux_binprm *bprm, const char *path, char **keep,
		       const char **interp)
{
	char *name, *arg, *copy = kmalloc(sizeof(bprm->buf) + strlen(path) + 1, GFP_KERNEL);
	const char **argv;
	int r, i, n = 0;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, bprm->buf, sizeof(bprm->buf));
	r = parse_shebang(copy, sizeof(bprm->buf), &name, &arg);
	if (r) {
		kfree(copy);
		return r;
	}
	memcpy(copy + sizeof(bprm->buf), path, strlen(path) + 1);
	argv = kmalloc((bprm->argc + 3) * sizeof(*argv), GFP_KERNEL);
	if (!argv) {
		kfree(copy);
		return -ENOMEM;
	}
	argv[n++] = name;
	if (arg)
		argv[n++] = arg;
	argv[n++] = copy + sizeof(bprm->buf);
	for (i = 1; i < bprm->argc; i++)
		argv[n++] = bprm->argv[i];
	argv[n] = NULL;
	bprm->argv = argv;
	bprm->argc = n;
	keep[0] = copy;
	keep[1] = (char *)argv;
	*interp = name;
	return 0;
}

/* Opens path for exec and reads its first bytes into bprm->buf. */
static int open_and_read(struct linux_binprm *bprm, const char *path)
{
	int r;

	bprm->file = open_exec(path);
	if (IS_ERR(bprm->file)) {
		r = PTR_ERR(bprm->file);
		bprm->file = NULL;
		return r;
	}
	memset(bprm->buf, 0, sizeof(bprm->buf));
	r = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), 0);
	if (r < 0) {
		fput(bprm->file);
		bprm->file = NULL;
		return r;
	}
	return 0;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm bprm = { .filename = filename };
	char *keep[2 * MAX_SCRIPT_DEPTH] = { NULL };
	const char *path = filename;
	struct mm_struct *mm;
	unsigned long sp = 0, addr, stack_top;
	int r, depth;

	bprm.argv = argv;
	bprm.envp = envp;
	bprm.argc = count_strings(argv);
	bprm.envc = count_strings(envp);
	/* Linux's limit: a quarter of the stack limit for the strings. */
	if (strings_size(argv, bprm.argc) + strings_size(envp, bprm.envc) > rlimit(RLIMIT_STACK) / 4)
		return -E2BIG;

	/* A regular file we may execute, on a mount without noexec; a
	 * script names the program that runs it. */
	for (depth = 0;; depth++) {
		r = open_and_read(&bprm, path);
		if (r)
			goto out;
		if (bprm.buf[0] != '#' || bprm.buf[1] != '!')
			break;
		r = depth < MAX_SCRIPT_DEPTH ? load_script(&bprm, path, keep + 2 * depth, &path) :
					      -ELOOP;
		fput(bprm.file);
		bprm.file = NULL;
		if (r)
			goto out;
	}
	r = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_file;
	bprm.mm = mm;
	r = load_elf_binary(&bprm);
	if (!r)
		r = de_thread(current);
	if (r) {
		mmput(mm);
		goto out_file;
	}

	exit_mm_release(current);
	exec_mmap(mm);
	bprm.secureexec = exec_creds();
	mm->start_brk = mm->brk = PAGE_ALIGN(bprm.end_data);
	mm->ia32 = bprm.ia32;
	stack_top = bprm.ia32 ? IA32_STACK_TOP : STACK_TOP;
	mm->mmap_base = mmap_base(rlimit(RLIMIT_STACK), stack_top);
	mm->start_stack = stack_top;
	addr = do_mmap(mm, stack_top - PAGE_ALIGN(min(rlimit(RLIMIT_STACK), STACK_EXPAND)),
		       PAGE_ALIGN(min(rlimit(RLIMIT_STACK), STACK_EXPAND)),
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       NULL, 0, "[stack]");
	/* The vDSO of the program's class (mm->ia32 says which). */
	r = IS_ERR_VALUE(addr) ? (int)addr : arch_setup_additional_pages(mm);
	if (!r)
		r = create_elf_tables(&bprm, &sp);
	fput(bprm.file);
	bprm.file = NULL;
	exec_signals(current);
	if (r) {
		/* Past the point of no return: the old program is gone. */
		pr_err("%s: exec failed while building the stack (%d)\n", filename, r);
		force_sigsegv(SIGSEGV);
		r = 0;
		goto out;
	}
	set_comm(filename);
	if (current->files)
		do_close_on_exec(current->files);
	if (IS_ENABLED(CONFIG_IA32_EMULATION) && bprm.ia32)
		start_thread_ia32(current_pt_regs(), bprm.entry, sp);
	else
		start_thread(current_pt_regs(), bprm.entry, sp);
	r = 0;

out_file:
	if (bprm.file)
		fput(bprm.file);
out:
	for (depth = 0; depth < 2 * MAX_SCRIPT_DEPTH; depth++)
		kfree(keep[depth]);
	return r;
}

/* Linux's limits on execve's strings (include/uapi/linux/binfmts.h). */
#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)
#define MAX_ARG_STRINGS	0x7fffffff

/* The n-th pointer of a user array: 4-byte pointers in a 32-bit
 * syscall (Linux's get_user_arg_ptr). */
static int get_arg_ptr(const char __user *const __user *uv, size_t n,
		       const char __user **up)
{
	if (in_ia32_syscall()) {
		compat_uptr_t p;

		if (get_user(p, (const compat_uptr_t __user *)uv + n))
			return -EFAULT;
		*up = compat_ptr(p);
		return 0;
	}
	return get_user(*up, uv + n) ? -EFAULT : 0;
}

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

		r = get_arg_ptr(uv, n, &up);
		if (r)
			goto fail;
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
		if (*total > rlimit(RLIMIT_STACK) / 4)
			goto fail;
	}
	v[n] = NULL;
	*out = v;
	return 0;
fail:
	free_strings(v);
	return r;
}

// syscall-status: execve: partial: static programs only (no PT_INTERP); set-user-ID bits ignored
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
