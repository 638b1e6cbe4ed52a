// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps: a signal whose default action is core (signal(7)) writes an
 * ELF core file named "core" in the working directory, as Linux with its
 * default core_pattern and core_uses_pid 0 does, and then the wait status
 * has WCOREDUMP (0x80).  No dump, and no bit, when RLIMIT_CORE is below a
 * page (it is 0 from boot), when the process is not dumpable
 * (PR_SET_DUMPABLE 0, a set-id exec) or when the file cannot be made.
 * The bit says a dump began, as Linux's has_dumped: one that RLIMIT_CORE
 * cuts short (what fits stays in the file) sets it too.
 *
 * The file (System V gABI ET_CORE; Linux's layout, which gdb reads): the
 * ELF header, a PT_NOTE and one PT_LOAD per VMA, the notes, then from the
 * next page boundary each VMA's contents.  The notes are the dumping
 * thread's NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO and its NT_FPREGSET.
 * What a VMA dumps follows Linux's default coredump_filter (0x33):
 * anonymous memory whole, private file mappings whole once written, the
 * first page of a file mapping that starts with an ELF header, nothing of
 * VM_DONTDUMP or VM_IO ones.  Anonymous pages never touched stay holes in
 * the file (they read as zeros), as Linux's FOLL_DUMP leaves them.
 *
 * The other threads are killed and waited for before the dump, so the
 * memory holds still; their registers are not in the core (Linux writes
 * an NT_PRSTATUS per thread), nor are NT_AUXV, NT_FILE and
 * NT_X86_XSTATE; a 32-bit program dumps no core yet (Linux writes it in
 * ELF32).  Documentation/core-api/signals.rst.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/kmem.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <uapi/lego/elf.h>
#include <uapi/lego/fcntl.h>
#include <uapi/lego/prctl.h>
#include <uapi/lego/resource.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/ptrace.h>

/* Linux's struct elf_prstatus and elf_prpsinfo for x86-64
 * (include/linux/elfcore.h, <sys/procfs.h>). */
struct core_timeval {
	long tv_sec, tv_usec;
};

struct elf_prstatus {
	struct {
		int si_signo, si_code, si_errno;
	} pr_info;
	short pr_cursig;
	unsigned long pr_sigpend, pr_sighold;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct core_timeval pr_utime, pr_stime, pr_cutime, pr_cstime;
	unsigned long pr_reg[27];	/* struct user_regs_struct */
	int pr_fpvalid;
};
_Static_assert(sizeof(struct elf_prstatus) == 336, "elf_prstatus");
_Static_assert(__builtin_offsetof(struct elf_prstatus, pr_reg) == 112, "pr_reg");

struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	unsigned long pr_flag;
	unsigned int pr_uid, pr_gid;
	pid_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[80];		/* ELF_PRARGSZ */
};
_Static_assert(sizeof(struct elf_prpsinfo) == 136, "elf_prpsinfo");

/* user_regs_struct after pt_regs's 21 words (same order): */
enum { REG_FS_BASE = 21, REG_GS_BASE, REG_DS, REG_ES, REG_FS, REG_GS };
#define FXSAVE_SIZE	512		/* struct user_i387_struct */

struct note {
	u32 type;
	const void *desc;
	u32 size;
};

struct coredump {
	struct file *file;
	loff_t pos;			/* where the next write goes */
	unsigned long limit;		/* RLIMIT_CORE */
};

static u32 note_size(const struct note *n)
{
	/* Elf64_Nhdr (namesz, descsz, type), "CORE\0" padded, desc padded. */
	return 12 + 8 + ALIGN(n->size, 4);
}

/* Writes n bytes at the dump's position; false past the limit or on an
 * error, as Linux's dump_emit(). */
static bool emit(struct coredump *cd, const void *buf, size_t n)
{
	if (cd->pos + n > cd->limit)
		return false;
	if (kernel_write(cd->file, buf, n, cd->pos) != (ssize_t)n)
		return false;
	cd->pos += n;
	return true;
}

/* Leaves a hole of n bytes (zeros when read). */
static bool skip(struct coredump *cd, size_t n)
{
	if (cd->pos + n > cd->limit)
		return false;
	cd->pos += n;
	return true;
}

static bool emit_note(struct coredump *cd, const struct note *n)
{
	static const char zeros[4];
	u32 hdr[5] = { 5, n->size, n->type, 0, 0 };

	memcpy(&hdr[3], "CORE", 5);
	return emit(cd, hdr, sizeof(hdr)) && emit(cd, n->desc, n->size) &&
	       emit(cd, zeros, ALIGN(n->size, 4) - n->size);
}

static bool is_elf_file_start(struct vm_area_struct *v)
{
	char magic[4];

	return !v->vm_pgoff && (v->vm_flags & VM_READ) &&
	       kernel_read(v->vm_file, magic, 4, 0) == 4 && !memcmp(magic, ELFMAG, 4);
}

/* How much of v the core holds (Linux's vma_dump_size(), filter 0x33). */
static unsigned long vma_dump_size(struct mm_struct *mm, struct vm_area_struct *v)
{
	unsigned long size = v->vm_end - v->vm_start;

	if (v->vm_flags & (VM_DONTDUMP | VM_IO))
		return 0;
	if (v->vm_special || !v->vm_file)
		return size;		/* [vdso], [heap], [stack], anonymous */
	if (!(v->vm_flags & VM_SHARED) && vma_written(mm, v))
		return size;
	return is_elf_file_start(v) ? PAGE_SIZE : 0;
}

static u32 vma_phdr_flags(const struct vm_area_struct *v)
{
	return (v->vm_flags & VM_READ ? PF_R : 0) | (v->vm_flags & VM_WRITE ? PF_W : 0) |
	       (v->vm_flags & VM_EXEC ? PF_X : 0);
}

static void fill_prstatus(struct elf_prstatus *s, const siginfo_t *info)
{
	struct task_struct *t = current;
	struct pt_regs *regs = current_pt_regs();
	struct rusage ru;

	memset(s, 0, sizeof(*s));
	s->pr_info.si_signo = s->pr_cursig = info->si_signo;
	s->pr_sigpend = t->pending.signal.sig[0];
	s->pr_sighold = t->blocked.sig[0];
	s->pr_pid = t->pid;
	s->pr_ppid = t->parent ? t->parent->tgid : 0;
	s->pr_pgrp = t->signal->pgrp;
	s->pr_sid = t->signal->session;
	task_rusage(t, RUSAGE_THREAD, &ru);
	memcpy(&s->pr_utime, ru.ru_utime, sizeof(s->pr_utime));
	memcpy(&s->pr_stime, ru.ru_stime, sizeof(s->pr_stime));
	task_rusage(t, RUSAGE_CHILDREN, &ru);
	memcpy(&s->pr_cutime, ru.ru_utime, sizeof(s->pr_cutime));
	memcpy(&s->pr_cstime, ru.ru_stime, sizeof(s->pr_cstime));
	memcpy(s->pr_reg, regs, sizeof(*regs));
	/* In the kernel after SWAPGS the user's GS base is in
	 * MSR_KERNEL_GS_BASE (Intel SDM Vol. 2B, SWAPGS). */
	s->pr_reg[REG_FS_BASE] = rdmsr(MSR_FS_BASE);
	s->pr_reg[REG_GS_BASE] = rdmsr(MSR_KERNEL_GS_BASE);
	asm("mov %%ds, %0" : "=r"(s->pr_reg[REG_DS]));
	asm("mov %%es, %0" : "=r"(s->pr_reg[REG_ES]));
	asm("mov %%fs, %0" : "=r"(s->pr_reg[REG_FS]));
	asm("mov %%gs, %0" : "=r"(s->pr_reg[REG_GS]));
	s->pr_fpvalid = 1;
}

/* The process's, from its leader (Linux's fill_psinfo()). */
static void fill_psinfo(struct elf_prpsinfo *p)
{
	struct task_struct *t = current->group_leader;
	struct mm_struct *mm = current->mm;
	unsigned long n = min(mm->arg_end - mm->arg_start, sizeof(p->pr_psargs) - 1);
	unsigned long i;

	memset(p, 0, sizeof(*p));
	/* The leader is running (it is dumping) or, on Linux, waits for the
	 * dump uninterruptibly: state 2, "D". */
	p->pr_state = t == current ? 0 : 2;
	p->pr_sname = t == current ? 'R' : 'D';
	p->pr_nice = t->nice;
	p->pr_flag = t->flags;
	p->pr_uid = t->cred.uid;
	p->pr_gid = t->cred.gid;
	p->pr_pid = t->tgid;
	p->pr_ppid = t->parent ? t->parent->tgid : 0;
	p->pr_pgrp = t->signal->pgrp;
	p->pr_sid = t->signal->session;
	strscpy(p->pr_fname, t->comm, sizeof(p->pr_fname));
	/* The command line with its NULs as spaces, as Linux's fill_psinfo(). */
	n = access_process_vm(mm, mm->arg_start, p->pr_psargs, n);
	for (i = 0; i < n; i++)
		if (!p->pr_psargs[i])
			p->pr_psargs[i] = ' ';
	while (n && p->pr_psargs[n - 1] == ' ')
		p->pr_psargs[--n] = 0;
}

/* The VMAs' contents, page by page (mmap_lock held). */
static bool dump_vma(struct coredump *cd, struct mm_struct *mm, struct vm_area_struct *v,
		     unsigned long size)
{
	unsigned long a;

	for (a = v->vm_start; a < v->vm_start + size; a += PAGE_SIZE) {
		const void *page = get_dump_page(mm, v, a);

		if (page ? !emit(cd, page, PAGE_SIZE) : !skip(cd, PAGE_SIZE))
			return false;
	}
	return true;
}

/* Writes the core; false if it could not begin. */
static bool write_core(struct coredump *cd, const siginfo_t *info)
{
	struct mm_struct *mm = current->mm;
	struct elf_prstatus prstatus;
	struct elf_prpsinfo psinfo;
	struct vm_area_struct *v;
	struct note notes[4];
	Elf64_Ehdr eh = { 0 };
	Elf64_Phdr ph = { 0 };
	unsigned int i, nvma = 0;
	unsigned long data, *sizes;	/* each VMA's, decided once */
	void *fpu = fpu_alloc_state();

	if (!fpu)
		return false;
	fill_prstatus(&prstatus, info);
	fill_psinfo(&psinfo);
	fpu_save(fpu);			/* the user's live registers */
	notes[0] = (struct note){ 1, &prstatus, sizeof(prstatus) };	/* NT_PRSTATUS */
	notes[1] = (struct note){ 3, &psinfo, sizeof(psinfo) };		/* NT_PRPSINFO */
	notes[2] = (struct note){ 0x53494749, info, sizeof(*info) };	/* NT_SIGINFO */
	notes[3] = (struct note){ 2, fpu, FXSAVE_SIZE };		/* NT_FPREGSET */

	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(v, &mm->mmap, list)
		nvma++;
	sizes = kmalloc((nvma + 1) * sizeof(*sizes), GFP_KERNEL);
	if (!sizes) {
		mutex_unlock(&mm->mmap_lock);
		fpu_free_state(fpu);
		return false;
	}
	i = 0;
	list_for_each_entry(v, &mm->mmap, list)
		sizes[i++] = vma_dump_size(mm, v);
	memcpy(eh.e_ident, ELFMAG, 4);
	eh.e_ident[4] = ELFCLASS64;
	eh.e_ident[5] = ELFDATA2LSB;
	eh.e_ident[6] = EV_CURRENT;
	eh.e_type = ET_CORE;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(ph);
	eh.e_phnum = 1 + nvma;
	if (!emit(cd, &eh, sizeof(eh)))
		goto out;
	ph.p_type = PT_NOTE;
	ph.p_offset = sizeof(eh) + (1 + nvma) * sizeof(ph);
	for (i = 0; i < ARRAY_SIZE(notes); i++)
		ph.p_filesz += note_size(&notes[i]);
	data = PAGE_ALIGN(ph.p_offset + ph.p_filesz);
	if (!emit(cd, &ph, sizeof(ph)))
		goto out;
	i = 0;
	list_for_each_entry(v, &mm->mmap, list) {
		ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = vma_phdr_flags(v),
				   .p_offset = data, .p_vaddr = v->vm_start,
				   .p_filesz = sizes[i++],
				   .p_memsz = v->vm_end - v->vm_start, .p_align = PAGE_SIZE };
		data += ph.p_filesz;
		if (!emit(cd, &ph, sizeof(ph)))
			goto out;
	}
	for (i = 0; i < ARRAY_SIZE(notes); i++)
		if (!emit_note(cd, &notes[i]))
			goto out;
	if (!skip(cd, PAGE_ALIGN(cd->pos) - cd->pos))
		goto out;
	i = 0;
	list_for_each_entry(v, &mm->mmap, list)
		if (!dump_vma(cd, mm, v, sizes[i++]))
			goto out;
	/* A hole at the end still counts in the file's size. */
	ftruncate_file(cd->file, cd->pos);
out:
	mutex_unlock(&mm->mmap_lock);
	kfree(sizes);
	fpu_free_state(fpu);
	return true;
}

/*
 * Makes the process's other threads exit and waits until they have
 * (Linux's coredump_wait()); the group exit is ours, with status sig.
 * false when another thread's fatal signal or exec came first.
 */
static bool coredump_wait(int sig)
{
	struct task_struct *tsk = current;
	struct signal_struct *s = tsk->signal;
	unsigned long flags = spin_lock_irqsave(&tsk->sighand->siglock);

	if ((s->flags & SIGNAL_GROUP_EXIT) || s->group_exec_task) {
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		return false;
	}
	s->flags = SIGNAL_GROUP_EXIT;
	s->group_exit_code = sig;
	s->group_exec_task = tsk;
	s->notify_count = zap_other_threads(tsk);
	if (!thread_group_leader(tsk))
		s->notify_count--;	/* a leader stays, a zombie */
	while (s->notify_count > 0) {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		schedule();
		flags = spin_lock_irqsave(&tsk->sighand->siglock);
	}
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	/* The leader, if not us, wakes us as it becomes a zombie. */
	for (;;) {
		flags = spin_lock_irqsave(&tasklist_lock);
		if (thread_group_leader(tsk) || tsk->group_leader->exit_state)
			break;
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
	}
	s->group_exec_task = NULL;
	s->notify_count = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return true;
}

/*
 * The core action of signal info->si_signo, from get_signal(): dumps
 * core if it may, and leaves the group exit status (with WCOREDUMP if a
 * core was written) for do_group_exit().
 */
void do_coredump(const siginfo_t *info)
{
	struct coredump cd = { .limit = rlimit(RLIMIT_CORE) };
	struct mm_struct *mm = current->mm;
	bool dumped = false;
	int sig = info->si_signo;

	if (!coredump_wait(sig))
		return;
	if (!mm || READ_ONCE(mm->dumpable) != SUID_DUMP_USER || cd.limit < PAGE_SIZE)
		return;
	/* A 32-bit program's core would be ELF32 with i386 notes (Linux's
	 * compat_binfmt_elf); until Lego writes that form it writes none. */
	if (IS_ENABLED(CONFIG_IA32_EMULATION) && mm->ia32)
		return;
	/* A file of that name goes first; then ours is new, regular, ours
	 * alone (Linux's do_coredump()). */
	kern_unlink("core", false);
	cd.file = file_open_mode("core", O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_LARGEFILE,
				 0600);
	if (IS_ERR(cd.file))
		return;
	if (S_ISREG(cd.file->inode->i_mode) && cd.file->inode->i_nlink == 1)
		dumped = write_core(&cd, info);
	fput(cd.file);
	if (dumped) {
		unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

		current->signal->group_exit_code |= 0x80;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
}
