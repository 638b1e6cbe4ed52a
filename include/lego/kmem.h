/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_KMEM_H
#define _LEGO_KMEM_H

/*
 * Kernel object accounting, shown in /proc/lego/kmem (mm/kmem.c): a count
 * of the live objects of each kind, raised where one is made and lowered
 * where it is freed, so that a test can see that everything a program
 * made is gone once it has exited (Documentation/mm/kmem.rst).
 */
#include <lego/types.h>
#include <lego/atomic.h>

enum kmem_item {
	KMEM_TASKS,		/* struct task_struct (kernel/fork.c) */
	KMEM_MMS,		/* struct mm_struct (mm/memory.c) */
	KMEM_FILES,		/* struct file (fs/open.c, fs/file.c) */
	KMEM_INODES,		/* struct inode (fs/inode.c) */
	KMEM_DENTRIES,		/* struct dentry (fs/dcache.c) */
	KMEM_WARNINGS,		/* WARN()s printed since boot (kernel/panic.c) */
	NR_KMEM_ITEMS
};

extern atomic_long_t kmem_count[NR_KMEM_ITEMS];

static inline void kmem_inc(enum kmem_item i)
{
	__atomic_add_fetch(&kmem_count[i].counter, 1, __ATOMIC_RELAXED);
}

static inline void kmem_dec(enum kmem_item i)
{
	__atomic_sub_fetch(&kmem_count[i].counter, 1, __ATOMIC_RELAXED);
}

/* The allocators' own counts, for the show function. */
struct kmalloc_cache_info {
	size_t size;			/* object size of the cache */
	unsigned long objects;		/* objects handed out, not freed */
	unsigned long slabs;		/* pages the cache holds (never given back) */
};
int kmalloc_cache_info(int i, struct kmalloc_cache_info *info);	/* -1 past the end */
unsigned long kmalloc_large_pages(void);
void kstack_counts(unsigned long *in_use, unsigned long *cached);
unsigned long vmalloc_pages(void);
unsigned long kernel_table_pages(void);

void kmem_init(void);

#endif /* _LEGO_KMEM_H */
