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
 * thread's NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV (the vector
 * execve gave the program) and its NT_FPREGSET.
 * What a VMA dumps follows Linux's default coredump_filter (0x33):
 * anonymous memory whole, private file mappings whole once written, the
 * first page of a file mapping that starts with an ELF header, nothing of
 * VM_DONTDUMP or VM_IO ones.  Anonymous pages never touched stay holes in
 * the file (they read as zeros), as Linux's FOLL_DUMP leaves them.
 *
 * A 32-bit program's core is ELF32 for EM_386 (Linux's compat_binfmt_elf):
 * the same layout with the i386 forms of the notes, NT_PRSTATUS and
 * NT_PRPSINFO with 32-bit words and 16-bit uids, the i386 siginfo, the
 * auxiliary vector in 32-bit words, then
 * NT_PRFPREG in the i387 FSAVE form, NT_PRXFPREG with the FXSAVE image and,
 * when a TLS entry is in use, NT_386_TLS.
 *
 * The other threads are killed and waited for before the dump, so the
 * memory holds still; their registers are not in the core (Linux writes
 * an NT_PRSTATUS per thread), nor are NT_FILE and NT_X86_XSTATE.  Documentation/core-api/signals.rst.
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
#ifdef CONFIG_IA32_EMULATION
#include <lego/compat.h>
#include <asm/tls.h>
#endif

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

#define NT_PRSTATUS	1
#define NT_PRFPREG	2		/* x86-64: FXSAVE; i386: FSAVE form */
#define NT_PRPSINFO	3
#define NT_AUXV		6
#define NT_386_TLS	0x200
#define NT_SIGINFO	0x53494749
#define NT_PRXFPREG	0x46e62b7f

struct note {
	u32 type;
	const void *desc;
	u32 size;
	const char *name;		/* "CORE", or "LINUX" for Linux's own */
};

#ifdef CONFIG_IA32_EMULATION
/* The i386 forms (Linux's compat_elf_prstatus, compat_elf_prpsinfo and
 * user_i387_ia32_struct, <sys/procfs.h> and <sys/user.h> of i386). */
struct core_timeval32 {
	s32 tv_sec, tv_usec;
};

struct elf_prstatus32 {
	struct {
		s32 si_signo, si_code, si_errno;
	} pr_info;
	s16 pr_cursig;
	u32 pr_sigpend, pr_sighold;
	s32 pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct core_timeval32 pr_utime, pr_stime, pr_cutime, pr_cstime;
	u32 pr_reg[17];			/* i386 struct user_regs_struct */
	s32 pr_fpvalid;
};
_Static_assert(sizeof(struct elf_prstatus32) == 144, "elf_prstatus32");
_Static_assert(__builtin_offsetof(struct elf_prstatus32, pr_reg) == 72, "pr_reg32");

struct elf_prpsinfo32 {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	u32 pr_flag;
	u16 pr_uid, pr_gid;		/* __compat_uid_t */
	s32 pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[80];
};
_Static_assert(sizeof(struct elf_prpsinfo32) == 124, "elf_prpsinfo32");

struct user_i387_ia32 {
	u32 cwd, swd, twd, fip, fcs, foo, fos;
	u8 st_space[80];		/* ST(0)..ST(7), 10 bytes each */
};
_Static_assert(sizeof(struct user_i387_ia32) == 108, "user_i387_ia32");

/* The i386 notes' contents, converted from the x86-64 ones. */
struct notes32 {
	struct elf_prstatus32 prstatus;
	struct elf_prpsinfo32 psinfo;
	struct compat_siginfo siginfo;
	struct user_i387_ia32 fp;
	u8 tls[TLS_CORE_SIZE];
};
#endif

struct coredump {
	struct file *file;
	loff_t pos;			/* where the next write goes */
	unsigned long limit;		/* RLIMIT_CORE */
};

static u32 note_size(const struct note *n)
{
	/* Elf64_Nhdr and Elf32_Nhdr (namesz, descsz, type), the name
	 * ("CORE\0" or "LINUX\0") padded to 8, desc padded to 4. */
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
	u32 hdr[5] = { strlen(n->name) + 1, n->size, n->type, 0, 0 };

	/* Both names fit the 8 bytes note_size() counts, NUL included. */
	memcpy(&hdr[3], n->name, hdr[0]);
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

#ifdef CONFIG_IA32_EMULATION
/* x86-64 user_regs_struct words, in i386 user_regs_struct order (ebx,
 * ecx, edx, esi, edi, ebp, eax, ds, es, fs, gs, orig_eax, eip, cs,
 * eflags, esp, ss). */
static const u8 regs_i386[17] = {
	5, 11, 12, 13, 14, 4, 10, REG_DS, REG_ES, REG_FS, REG_GS, 15, 16, 17, 18, 19, 20,
};

/* A uid in 16 bits: one that does not fit is the overflow uid (Linux's
 * high2lowuid). */
static u16 low_uid(unsigned int uid)
{
	return uid > 0xffff ? 65534 : uid;
}

static void prstatus_to_i386(struct elf_prstatus32 *d, const struct elf_prstatus *s)
{
	const struct core_timeval *from = &s->pr_utime;
	struct core_timeval32 *to = &d->pr_utime;
	unsigned int i;

	memset(d, 0, sizeof(*d));
	d->pr_info.si_signo = s->pr_info.si_signo;
	d->pr_info.si_code = s->pr_info.si_code;
	d->pr_info.si_errno = s->pr_info.si_errno;
	d->pr_cursig = s->pr_cursig;
	d->pr_sigpend = s->pr_sigpend;
	d->pr_sighold = s->pr_sighold;
	d->pr_pid = s->pr_pid;
	d->pr_ppid = s->pr_ppid;
	d->pr_pgrp = s->pr_pgrp;
	d->pr_sid = s->pr_sid;
	for (i = 0; i < 4; i++) {	/* utime, stime, cutime, cstime */
		to[i].tv_sec = from[i].tv_sec;
		to[i].tv_usec = from[i].tv_usec;
	}
	for (i = 0; i < ARRAY_SIZE(regs_i386); i++)
		d->pr_reg[i] = s->pr_reg[regs_i386[i]];
	d->pr_fpvalid = s->pr_fpvalid;
}

static void psinfo_to_i386(struct elf_prpsinfo32 *d, const struct elf_prpsinfo *s)
{
	memset(d, 0, sizeof(*d));
	d->pr_state = s->pr_state;
	d->pr_sname = s->pr_sname;
	d->pr_zomb = s->pr_zomb;
	d->pr_nice = s->pr_nice;
	d->pr_flag = s->pr_flag;
	d->pr_uid = low_uid(s->pr_uid);
	d->pr_gid = low_uid(s->pr_gid);
	d->pr_pid = s->pr_pid;
	d->pr_ppid = s->pr_ppid;
	d->pr_pgrp = s->pr_pgrp;
	d->pr_sid = s->pr_sid;
	memcpy(d->pr_fname, s->pr_fname, sizeof(d->pr_fname));
	memcpy(d->pr_psargs, s->pr_psargs, sizeof(d->pr_psargs));
}

/*
 * The x87 state in the i387 FSAVE form from the FXSAVE64 image (Intel
 * SDM Vol. 1, 10.5.1, Table 10-2): FXSAVE keeps one tag bit per physical
 * register, set when it is not empty; FSAVE's two-bit tag classifies a
 * non-empty one by its contents, special (10) for an exponent of all ones
 * or a denormal or unnormal, zero (01), else valid (00); empty is 11.  The
 * image holds the registers in stack order, so physical register i is
 * ST((i - TOP) mod 8).  FXSAVE64 keeps 64-bit instruction and operand
 * pointers and no selectors: the selectors are the user's CS and DS now,
 * as Linux's convert_from_fxsr has it in 64-bit mode.
 */
static void fsave_from_fxsave(struct user_i387_ia32 *env, const u8 *fx,
			      const struct pt_regs *regs)
{
	u16 fcw, fsw, ds;
	u64 fip, fdp;
	unsigned int top, i;

	memcpy(&fcw, fx, 2);
	memcpy(&fsw, fx + 2, 2);
	memcpy(&fip, fx + 8, 8);
	memcpy(&fdp, fx + 16, 8);
	top = (fsw >> 11) & 7;
	env->cwd = fcw | 0xffff0000u;
	env->swd = fsw | 0xffff0000u;
	env->twd = 0xffff0000u;
	for (i = 0; i < 8; i++) {
		const u8 *st = fx + 32 + 16 * ((i - top) & 7);
		u64 significand;
		u16 exponent;
		u32 tag;

		memcpy(&significand, st, 8);
		memcpy(&exponent, st + 8, 2);
		exponent &= 0x7fff;
		if (!(fx[4] & (1 << i)))
			tag = 3;
		else if (exponent == 0x7fff)
			tag = 2;
		else if (!exponent)
			tag = significand ? 2 : 1;
		else
			tag = significand >> 63 ? 0 : 2;
		env->twd |= tag << (2 * i);
	}
	env->fip = fip;
	env->foo = fdp;
	env->fcs = regs->cs;
	savesegment(ds, ds);
	env->fos = ds | 0xffff0000u;
	for (i = 0; i < 8; i++)
		memcpy(env->st_space + 10 * i, fx + 32 + 16 * i, 10);
}

/* The i386 notes, from the x86-64 ones; returns how many. */
static unsigned int notes_to_i386(struct notes32 *n, struct note *notes,
				  const struct elf_prstatus *prstatus,
				  const struct elf_prpsinfo *psinfo,
				  const siginfo_t *info, const void *fpu)
{
	unsigned int k = 0;

	prstatus_to_i386(&n->prstatus, prstatus);
	psinfo_to_i386(&n->psinfo, psinfo);
	siginfo_to_compat(&n->siginfo, info);
	fsave_from_fxsave(&n->fp, fpu, current_pt_regs());
	notes[k++] = (struct note){ NT_PRSTATUS, &n->prstatus, sizeof(n->prstatus), "CORE" };
	notes[k++] = (struct note){ NT_PRPSINFO, &n->psinfo, sizeof(n->psinfo), "CORE" };
	notes[k++] = (struct note){ NT_SIGINFO, &n->siginfo, sizeof(n->siginfo), "CORE" };
	notes[k++] = notes[3];		/* NT_AUXV, in 32-bit words already */
	notes[k++] = (struct note){ NT_PRFPREG, &n->fp, sizeof(n->fp), "CORE" };
	notes[k++] = (struct note){ NT_PRXFPREG, fpu, FXSAVE_SIZE, "LINUX" };
	if (tls_core_entries(&current->thread, n->tls))
		notes[k++] = (struct note){ NT_386_TLS, n->tls, TLS_CORE_SIZE, "LINUX" };
	return k;
}
#endif

/* The ELF header in the core's class. */
static bool emit_ehdr(struct coredump *cd, bool ia32, unsigned int phnum)
{
	Elf64_Ehdr eh = { 0 };
	Elf32_Ehdr eh32 = { 0 };

	memcpy(eh.e_ident, ELFMAG, 4);
	eh.e_ident[4] = ia32 ? ELFCLASS32 : ELFCLASS64;
	eh.e_ident[5] = ELFDATA2LSB;
	eh.e_ident[6] = EV_CURRENT;
	eh.e_type = ET_CORE;
	eh.e_version = EV_CURRENT;
	if (!ia32) {
		eh.e_machine = EM_X86_64;
		eh.e_phoff = eh.e_ehsize = sizeof(eh);
		eh.e_phentsize = sizeof(Elf64_Phdr);
		eh.e_phnum = phnum;
		return emit(cd, &eh, sizeof(eh));
	}
	memcpy(eh32.e_ident, eh.e_ident, sizeof(eh32.e_ident));
	eh32.e_type = ET_CORE;
	eh32.e_machine = EM_386;
	eh32.e_version = EV_CURRENT;
	eh32.e_phoff = eh32.e_ehsize = sizeof(eh32);
	eh32.e_phentsize = sizeof(Elf32_Phdr);
	eh32.e_phnum = phnum;
	return emit(cd, &eh32, sizeof(eh32));
}

/* A program header in the core's class. */
static bool emit_phdr(struct coredump *cd, bool ia32, const Elf64_Phdr *ph)
{
	Elf32_Phdr p = {
		.p_type = ph->p_type, .p_offset = ph->p_offset, .p_vaddr = ph->p_vaddr,
		.p_filesz = ph->p_filesz, .p_memsz = ph->p_memsz, .p_flags = ph->p_flags,
		.p_align = ph->p_align,
	};

	return ia32 ? emit(cd, &p, sizeof(p)) : emit(cd, ph, sizeof(*ph));
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
	bool ia32 = IS_ENABLED(CONFIG_IA32_EMULATION) && mm->ia32;
	size_t ehsize = ia32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
	size_t phsize = ia32 ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr);
	struct elf_prstatus prstatus;
	struct elf_prpsinfo psinfo;
	struct vm_area_struct *v;
	struct note notes[7];
	Elf64_Phdr ph = { 0 };
	unsigned int i, nvma = 0, nnotes = 5;
	unsigned long data, *sizes;	/* each VMA's, decided once */
	void *fpu = fpu_alloc_state();
	bool ok = false;
#ifdef CONFIG_IA32_EMULATION
	struct notes32 *n32 = NULL;
#endif

	if (!fpu)
		return false;
	fill_prstatus(&prstatus, info);
	fill_psinfo(&psinfo);
	fpu_save(fpu);			/* the user's live registers */
	notes[0] = (struct note){ NT_PRSTATUS, &prstatus, sizeof(prstatus), "CORE" };
	notes[1] = (struct note){ NT_PRPSINFO, &psinfo, sizeof(psinfo), "CORE" };
	notes[2] = (struct note){ NT_SIGINFO, info, sizeof(*info), "CORE" };
	notes[3] = (struct note){ NT_AUXV, mm->saved_auxv, mm->saved_auxv_len, "CORE" };
	notes[4] = (struct note){ NT_PRFPREG, fpu, FXSAVE_SIZE, "CORE" };
#ifdef CONFIG_IA32_EMULATION
	if (ia32) {
		n32 = kmalloc(sizeof(*n32), GFP_KERNEL);
		if (!n32)
			goto out_fpu;
		nnotes = notes_to_i386(n32, notes, &prstatus, &psinfo, info, fpu);
	}
#endif

	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(v, &mm->mmap, list)
		nvma++;
	sizes = kmalloc((nvma + 1) * sizeof(*sizes), GFP_KERNEL);
	if (!sizes)
		goto out_unlock;
	ok = true;
	i = 0;
	list_for_each_entry(v, &mm->mmap, list)
		sizes[i++] = vma_dump_size(mm, v);
	if (!emit_ehdr(cd, ia32, 1 + nvma))
		goto out;
	ph.p_type = PT_NOTE;
	ph.p_offset = ehsize + (1 + nvma) * phsize;
	for (i = 0; i < nnotes; i++)
		ph.p_filesz += note_size(&notes[i]);
	data = PAGE_ALIGN(ph.p_offset + ph.p_filesz);
	if (!emit_phdr(cd, ia32, &ph))
		goto out;
	i = 0;
	list_for_each_entry(v, &mm->mmap, list) {
		ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = vma_phdr_flags(v),
				   .p_offset = data, .p_vaddr = v->vm_start,
				   .p_filesz = sizes[i++],
				   .p_memsz = v->vm_end - v->vm_start, .p_align = PAGE_SIZE };
		data += ph.p_filesz;
		if (!emit_phdr(cd, ia32, &ph))
			goto out;
	}
	for (i = 0; i < nnotes; i++)
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
	kfree(sizes);
out_unlock:
	mutex_unlock(&mm->mmap_lock);
#ifdef CONFIG_IA32_EMULATION
	kfree(n32);
out_fpu:
#endif
	fpu_free_state(fpu);
	return ok;
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
