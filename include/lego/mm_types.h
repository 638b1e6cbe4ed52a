/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_MM_TYPES_H
#define _LEGO_MM_TYPES_H

#include <lego/types.h>
#include <lego/list.h>
#include <lego/atomic.h>
#include <lego/cpumask.h>
#include <lego/mutex.h>
#include <asm/pgtable.h>

struct file;
struct page;

/* vm_flags */
#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_GROWSDOWN	0x0100
#define VM_STACK	VM_GROWSDOWN
#define VM_LOCKED	0x2000		/* mlock: resident (Lego never swaps) */
#define VM_DONTCOPY	0x20000		/* MADV_DONTFORK: not in a fork child */
#define VM_DONTDUMP	0x4000000	/* MADV_DONTDUMP */
#define VM_WIPEONFORK	0x2000000	/* MADV_WIPEONFORK: zero in a fork child */
/* The kernel's pages (struct vm_special_mapping), with Linux's flags. */
#define VM_PFNMAP	0x400		/* raw frames, no struct page use: [vvar] */
#define VM_IO		0x4000		/* not ordinary memory: [vvar] */
#define VM_DONTEXPAND	0x40000		/* never grows nor splits: every special one */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP)

/* Free space kept below a growing stack (Linux's stack_guard_gap). */
#define STACK_GUARD_GAP	(256UL << PAGE_SHIFT)

/*
 * Pages the kernel owns, shown to user space ([vdso], [vvar]): a VMA
 * with vm_special faults them in from here, never as its own, and never
 * frees them (their PTEs carry _PAGE_SPECIAL).  A private copy made by a
 * write, where max_flags allows writing, is the VMA's own as usual.
 */
struct vm_special_mapping {
	const char *name;		/* the VMA's vm_name */
	unsigned long pfn;		/* the first of nr_pages frames */
	unsigned long nr_pages;
	unsigned long max_flags;	/* VM_READ/WRITE/EXEC mprotect may set */
};

/* A range of a user address space with one set of properties. */
struct vm_area_struct {
	unsigned long vm_start, vm_end;	/* [start, end), page aligned */
	unsigned long vm_flags;
	struct file *vm_file;		/* NULL for anonymous memory */
	unsigned long vm_pgoff;		/* file offset of vm_start, in pages */
	const char *vm_name;		/* "[heap]", "[stack]", "[vdso]" or NULL */
	const struct vm_special_mapping *vm_special;	/* or NULL */
	struct list_head list;		/* mm->mmap, sorted by address */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	struct list_head vm_shared;	/* vm_file's inode->i_mmap */
};

/* Words of the auxiliary vector, as pairs: room for 23 entries and
 * AT_NULL (fs/exec.c uses 21). */
#define AT_VECTOR_SIZE	48

struct mm_struct {
	pteval_t *pgd;
	struct list_head mmap;		/* VMAs, sorted */
	atomic_t users;			/* tasks sharing it */
	/* Held across VMA and page-table changes and page faults. */
	struct mutex mmap_lock;
	cpumask_t cpu_mask;		/* CPUs whose CR3 holds it (tlb.c) */
	bool def_locked;		/* mlockall(MCL_FUTURE) */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;	/* top-down mmap search starts here */
	unsigned long vdso;		/* the vDSO's address (AT_SYSINFO_EHDR) or 0 */
	unsigned long total_vm;		/* pages mapped */
	int dumpable;			/* prctl(PR_GET_DUMPABLE): SUID_DUMP_* */
	bool ia32;			/* a 32-bit program's: ends at IA32_STACK_TOP */
	/* The auxiliary vector execve gave the program, in its word size
	 * (32-bit pairs for a 32-bit program), AT_NULL's pair included, for
	 * /proc/PID/auxv and the core's NT_AUXV (Linux's saved_auxv). */
	unsigned long saved_auxv[AT_VECTOR_SIZE];
	unsigned int saved_auxv_len;	/* bytes */
	struct rmem_cache *rmem;	/* remote memory's cache (mm/remote.c) */
};

/* mm/memory.c, mm/mmap.c */
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *old);
void put_page(struct page *pg);
void mmput(struct mm_struct *mm);
void switch_mm(struct mm_struct *mm);
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->users);
}
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code);
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, struct file *file,
		      unsigned long pgoff, const char *name);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
/* mm/mmap.c: the VMA list, shared by the mm syscall families. */
struct vm_area_struct *vma_after(struct mm_struct *mm, unsigned long addr);
bool range_is_free(struct mm_struct *mm, unsigned long start, unsigned long end);
void insert_vma(struct mm_struct *mm, struct vm_area_struct *nv);
int split_vma(struct vm_area_struct *v, unsigned long addr);
int split_vma_range(struct mm_struct *mm, unsigned long start, unsigned long end);
bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end);
void free_vma(struct vm_area_struct *v);
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len);
/* Where the address space of mm ends: a 32-bit program's below 4 GiB
 * (its mmap_base is below that too, so top-down searches stay there). */
static inline unsigned long mm_task_size(const struct mm_struct *mm)
{
	return mm->ia32 ? IA32_PAGE_OFFSET : TASK_SIZE_MAX;
}
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags);
int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len);
unsigned long mm_total_pages(struct mm_struct *mm);
bool may_expand_vm(struct mm_struct *mm, unsigned long npages);
int expand_stack(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr);
int install_special_mapping(struct mm_struct *mm, unsigned long addr,
			    unsigned long len, unsigned long vm_flags,
			    const struct vm_special_mapping *sm);
void zap_range(struct mm_struct *mm, struct vm_area_struct *v,
	       unsigned long start, unsigned long end);
int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end);
bool pte_may_write(const struct vm_area_struct *v, pteval_t pte);

/* handle_mm_fault(): a file mapping touched past the end of its file. */
#define VM_FAULT_SIGBUS		(-EIO)

/* File mappings (mm/memory.c). */
struct inode;
void vma_link_file(struct vm_area_struct *v);
void vma_unlink_file(struct vm_area_struct *v);
void unmap_mapping_range(struct inode *inode, unsigned long first);
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);
bool vma_written(struct mm_struct *mm, struct vm_area_struct *v);
const void *get_dump_page(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr);
int copy_to_fresh_vm(struct mm_struct *mm, unsigned long addr, const void *buf, int len);

#endif /* _LEGO_MM_TYPES_H */
