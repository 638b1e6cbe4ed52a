// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 loader for static executables: ET_EXEC at their link address,
 * static-pie ET_DYN at ELF_ET_DYN_BASE.  Each PT_LOAD becomes a private
 * file mapping of the pages holding p_filesz bytes, plus anonymous zero
 * pages up to p_memsz (the bss).  Everything is checked before the address
 * space is built: a malformed file gets -ENOEXEC (or -EINVAL for a
 * misaligned segment, as Linux) and leaves the caller untouched.
 */
#include <lego/kernel.h>
#include <lego/binfmts.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/mm_types.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <uapi/lego/elf.h>
#include <uapi/lego/mman.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

#define MAX_PHNUM	64

static int check_ehdr(const Elf64_Ehdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, 4))
		return -ENOEXEC;
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || !eh->e_phnum ||
	    eh->e_phnum > MAX_PHNUM)
		return -ENOEXEC;
	return 0;
}

static int check_phdrs(const Elf64_Phdr *ph, int n, bool *has_interp)
{
	bool load = false;
	int i;

	*has_interp = false;
	for (i = 0; i < n; i++) {
		if (ph[i].p_type == PT_INTERP)
			*has_interp = true;
		if (ph[i].p_type != PT_LOAD)
			continue;
		load = true;
		if (ph[i].p_filesz > ph[i].p_memsz)
			return -ENOEXEC;
		/* File offset and address must agree modulo the page. */
		if ((ph[i].p_vaddr - ph[i].p_offset) & (PAGE_SIZE - 1))
			return -EINVAL;
		if (ph[i].p_memsz > TASK_SIZE_MAX ||
		    ph[i].p_vaddr > TASK_SIZE_MAX - ph[i].p_memsz)
			return -EINVAL;
	}
	return load ? 0 : -ENOEXEC;
}

/* Zeroes [addr, end) in mm through the direct map (page may be read-only). */
static int zero_user_tail(struct mm_struct *mm, unsigned long addr,
			  unsigned long end)
{
	pteval_t *pte;
	int r;

	if (addr >= end)
		return 0;
	r = handle_mm_fault(mm, addr, X86_PF_USER);
	if (r)
		return r;
	pte = pte_lookup(mm->pgd, addr, false, 0);
	if (!pte || !(*pte & _PAGE_PRESENT))
		return -EFAULT;
	memset((char *)__va(*pte & PTE_PFN_MASK) + (addr & (PAGE_SIZE - 1)), 0,
	       end - addr);
	return 0;
}

/* ---- files without a page cache (fs/rfs.c): segments copied in ---- */
/*
 * [page, PAGE_ALIGN(file_end)) becomes anonymous memory holding the
 * file's bytes from offset off (what a private file mapping would show),
 * read now, chunk by chunk: the program then needs its file no more (a
 * storage server gone later cannot fault it), and the rest of the last
 * page is zero already.
 */
static int copy_segment(struct linux_binprm *bprm, unsigned long page,
			unsigned long file_end, unsigned long prot, loff_t off)
{
	size_t len = file_end - page, done = 0, chunk = 64 * 1024;
	unsigned long r = do_mmap(bprm->mm, page, PAGE_ALIGN(file_end) - page, prot,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0, NULL);
	char *buf;

	if (IS_ERR_VALUE(r))
		return r;
	buf = kmalloc(chunk, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (done < len) {
		size_t n = min(chunk, len - done);
		ssize_t got = kernel_read(bprm->file, buf, n, off + done);

		if (got != (ssize_t)n ||
		    copy_to_fresh_vm(bprm->mm, page + done, buf, n) != (int)n) {
			kfree(buf);
			return got < 0 ? got : -EIO;
		}
		done += n;
	}
	kfree(buf);
	return 0;
}
/* ---- end of files without a page cache ---- */

static int map_segment(struct linux_binprm *bprm, const Elf64_Phdr *ph)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long start = bprm->load_bias + ph->p_vaddr;
	unsigned long page = start & PAGE_MASK;
	unsigned long file_end = start + ph->p_filesz;
	unsigned long mem_end = start + ph->p_memsz;
	unsigned long prot = ((ph->p_flags & PF_R) ? PROT_READ : 0) |
			     ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
			     ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
	unsigned long r;

	if (ph->p_filesz && inode_no_pagecache(bprm->file->inode)) {
		r = copy_segment(bprm, page, file_end, prot, ph->p_offset & PAGE_MASK);
		if (r)
			return r;
	} else if (ph->p_filesz) {
		r = do_mmap(mm, page, PAGE_ALIGN(file_end) - page, prot,
			    MAP_PRIVATE | MAP_FIXED, bprm->file,
			    (ph->p_offset & PAGE_MASK) >> PAGE_SHIFT, NULL);
		if (IS_ERR_VALUE(r))
			return r;
		/* The rest of the last file page belongs to the bss. */
		if (ph->p_memsz > ph->p_filesz && (file_end & (PAGE_SIZE - 1))) {
			int e = zero_user_tail(mm, file_end,
					       min(PAGE_ALIGN(file_end), mem_end));
			if (e)
				return e;
		}
	}
	if (PAGE_ALIGN(mem_end) > PAGE_ALIGN(file_end)) {
		unsigned long a = ph->p_filesz ? PAGE_ALIGN(file_end) : page;

		r = do_mmap(mm, a, PAGE_ALIGN(mem_end) - a, prot,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0, NULL);
		if (IS_ERR_VALUE(r))
			return r;
	}
	if (mem_end > bprm->end_data)
		bprm->end_data = mem_end;
	/* The bounds /proc/PID/stat shows and /proc/PID/exe finds the file
	 * by, as Linux's load_elf_binary records them. */
	if ((ph->p_flags & PF_X) && (!mm->start_code || start < mm->start_code))
		mm->start_code = start;
	if ((ph->p_flags & PF_X) && file_end > mm->end_code)
		mm->end_code = file_end;
	if (start > mm->start_data)
		mm->start_data = start;
	if (file_end > mm->end_data)
		mm->end_data = file_end;
	return 0;
}

/*
 * Maps the PT_LOAD segments of phdrs (checked by check_phdrs) and sets
 * the entry point and AT_PHDR: the half of loading an executable that is
 * the same for ELF64 and, converted to Elf64_Phdr, ELF32
 * (compat_binfmt_elf.c).  load_bias must be set.
 */
int elf_map_phdrs(struct linux_binprm *bprm, const Elf64_Phdr *ph, int phnum,
		  u64 phoff, u64 entry)
{
	size_t size = phnum * (bprm->ia32 ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr));
	int i, r;

	bprm->phnum = phnum;
	bprm->phdr_addr = 0;
	for (i = 0; i < phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		r = map_segment(bprm, &ph[i]);
		if (r)
			return r;
		/* AT_PHDR: where the program headers are in memory. */
		if (!bprm->phdr_addr && phoff >= ph[i].p_offset &&
		    phoff + size <= ph[i].p_offset + ph[i].p_filesz)
			bprm->phdr_addr = bprm->load_bias + ph[i].p_vaddr +
					  (phoff - ph[i].p_offset);
	}
	for (i = 0; i < phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			bprm->phdr_addr = bprm->load_bias + ph[i].p_vaddr;
	bprm->entry = bprm->load_bias + entry;
	return 0;
}

/* Dynamically linked: Lego has no ELF interpreter loading yet. */
int elf_check_phdrs(struct linux_binprm *bprm, const Elf64_Phdr *ph, int phnum)
{
	bool has_interp;
	int r = check_phdrs(ph, phnum, &has_interp);

	if (!r && has_interp) {
		pr_info("%s: dynamically linked programs are not supported yet\n",
			bprm->filename);
		r = -ENOEXEC;
	}
	return r;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)bprm->buf;
	Elf64_Phdr *ph;
	size_t size;
	int r;

#ifdef CONFIG_IA32_EMULATION
	if (!memcmp(eh->e_ident, ELFMAG, 4) && eh->e_ident[4] == ELFCLASS32)
		return load_elf32_binary(bprm);
#endif
	r = check_ehdr(eh);
	if (r)
		return r;
	size = eh->e_phnum * sizeof(Elf64_Phdr);
	ph = kmalloc(size, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	r = -ENOEXEC;
	if (kernel_read(bprm->file, ph, size, eh->e_phoff) != (ssize_t)size)
		goto out;
	r = elf_check_phdrs(bprm, ph, eh->e_phnum);
	if (r)
		goto out;
	bprm->load_bias = eh->e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	r = elf_map_phdrs(bprm, ph, eh->e_phnum, eh->e_phoff, eh->e_entry);
out:
	kfree(ph);
	return r;
}
