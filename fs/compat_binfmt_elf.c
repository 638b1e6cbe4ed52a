// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF32 loader for static i386 executables (CONFIG_IA32_EMULATION):
 * ET_EXEC at their link address, static-pie ET_DYN at
 * IA32_ELF_ET_DYN_BASE.  The headers are checked as the ELF64 ones are,
 * the program headers widened to Elf64_Phdr, and binfmt_elf.c maps them:
 * one segment-mapping code for both classes.  Every segment must end
 * below IA32_STACK_TOP, where a 32-bit address space ends (-EINVAL, as
 * Linux's mapping past TASK_SIZE).
 */
#include <lego/kernel.h>
#include <lego/binfmts.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <uapi/lego/elf.h>

#define MAX_PHNUM	64

static int check_ehdr32(const Elf32_Ehdr *eh)
{
	if (eh->e_ident[5] != ELFDATA2LSB)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != EM_386)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || !eh->e_phnum ||
	    eh->e_phnum > MAX_PHNUM)
		return -ENOEXEC;
	return 0;
}

static void widen_phdr(Elf64_Phdr *d, const Elf32_Phdr *s)
{
	d->p_type = s->p_type;
	d->p_flags = s->p_flags;
	d->p_offset = s->p_offset;
	d->p_vaddr = s->p_vaddr;
	d->p_paddr = s->p_paddr;
	d->p_filesz = s->p_filesz;
	d->p_memsz = s->p_memsz;
	d->p_align = s->p_align;
}

int load_elf32_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->buf;
	Elf32_Phdr *ph32;
	Elf64_Phdr *ph;
	size_t size;
	int i, r;

	r = check_ehdr32(eh);
	if (r)
		return r;
	size = eh->e_phnum * sizeof(Elf32_Phdr);
	ph32 = kmalloc(size, GFP_KERNEL);
	ph = kmalloc(eh->e_phnum * sizeof(Elf64_Phdr), GFP_KERNEL);
	r = -ENOMEM;
	if (!ph32 || !ph)
		goto out;
	r = -ENOEXEC;
	if (kernel_read(bprm->file, ph32, size, eh->e_phoff) != (ssize_t)size)
		goto out;
	for (i = 0; i < eh->e_phnum; i++)
		widen_phdr(&ph[i], &ph32[i]);
	r = elf_check_phdrs(bprm, ph, eh->e_phnum);
	if (r)
		goto out;
	bprm->ia32 = true;
	bprm->load_bias = eh->e_type == ET_DYN ? IA32_ELF_ET_DYN_BASE : 0;
	r = -EINVAL;
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD &&
		    bprm->load_bias + ph[i].p_vaddr + ph[i].p_memsz > IA32_STACK_TOP)
			goto out;
	r = elf_map_phdrs(bprm, ph, eh->e_phnum, eh->e_phoff, eh->e_entry);
out:
	kfree(ph);
	kfree(ph32);
	return r;
}
