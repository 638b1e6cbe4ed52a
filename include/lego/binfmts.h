/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_BINFMTS_H
#define _LEGO_BINFMTS_H

#include <lego/types.h>
#include <uapi/lego/elf.h>

struct file;
struct mm_struct;

/* What exec needs to know of the program it loads. */
struct linux_binprm {
	const char *filename;		/* as given: AT_EXECFN */
	struct file *file;
	char buf[256];			/* the first bytes of the file */
	int argc, envc;
	const char *const *argv;	/* kernel copies of the strings */
	const char *const *envp;
	struct mm_struct *mm;		/* the address space being built */
	unsigned long entry;		/* where the program starts */
	unsigned long phdr_addr;	/* AT_PHDR */
	unsigned long phnum;
	unsigned long load_bias;
	unsigned long end_data;		/* highest address of the image */
	bool secureexec;		/* AT_SECURE: euid != uid or egid != gid */
	bool ia32;			/* an ELF32 i386 program (IA32 emulation) */
};

/* Lowest page a PIE (ET_DYN) is loaded at, as Linux without ASLR. */
#define ELF_ET_DYN_BASE		0x555555554000UL
#define STACK_TOP		TASK_SIZE_MAX

/*
 * A 32-bit program's stack starts where its address space ends,
 * IA32_PAGE_OFFSET (TASK_SIZE of a compat task on Linux).  A static-pie
 * i386 program is loaded at the address Linux gives one without
 * address-space randomisation.
 */
#define IA32_STACK_TOP		IA32_PAGE_OFFSET
#define IA32_ELF_ET_DYN_BASE	0x56555000UL

int load_elf_binary(struct linux_binprm *bprm);
int load_elf32_binary(struct linux_binprm *bprm);
/* fs/binfmt_elf.c, for both ELF classes. */
int elf_check_phdrs(struct linux_binprm *bprm, const Elf64_Phdr *ph, int phnum);
int elf_map_phdrs(struct linux_binprm *bprm, const Elf64_Phdr *ph, int phnum,
		  u64 phoff, u64 entry);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* _LEGO_BINFMTS_H */
