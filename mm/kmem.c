// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/lego/kmem: what the kernel holds, one "name value" line each, so
 * that a test can take a snapshot before a program runs and compare after
 * it exited (test/user/fuzz.c, Documentation/mm/kmem.rst).  The counts are
 * read one after another, not under one lock: on a quiet system (nothing
 * else running) they are exact.
 */
#include <lego/kernel.h>
#include <lego/mm.h>
#include <lego/fs.h>
#include <lego/kmem.h>
#include <lego/vsprintf.h>
#include <asm/page_types.h>

atomic_long_t kmem_count[NR_KMEM_ITEMS];

/* Defined by the page cache of ramfs (fs/ramfs.c). */
extern atomic_t ramfs_pages;

static const char *const kmem_names[NR_KMEM_ITEMS] = {
	[KMEM_TASKS] = "tasks",
	[KMEM_MMS] = "mm_structs",
	[KMEM_FILES] = "files",
	[KMEM_INODES] = "inodes",
	[KMEM_DENTRIES] = "dentries",
	[KMEM_WARNINGS] = "warnings",
};

#define SHOW(...) (len += scnprintf(buf + len, size - len, __VA_ARGS__))

static ssize_t kmem_show(char *buf, size_t size)
{
	struct kmalloc_cache_info ci;
	unsigned long stacks, stacks_cached, slab_pages = 0;
	size_t len = 0;
	int i;

	kstack_counts(&stacks, &stacks_cached);
	for (i = 0; !kmalloc_cache_info(i, &ci); i++)
		slab_pages += ci.slabs;
	SHOW("pages_total %lu\n", totalram_pages());
	SHOW("pages_free %lu\n", nr_free_pages());
	SHOW("pages_slab %lu\n", slab_pages);
	SHOW("pages_kmalloc_large %lu\n", kmalloc_large_pages());
	SHOW("pages_vmalloc %lu\n", vmalloc_pages());
	SHOW("pages_kernel_tables %lu\n", kernel_table_pages());
	SHOW("pages_kstack %lu\n", stacks << THREAD_SIZE_ORDER);
	SHOW("pages_kstack_cached %lu\n", stacks_cached << THREAD_SIZE_ORDER);
	SHOW("pages_pagecache %d\n", atomic_read(&ramfs_pages));
	for (i = 0; !kmalloc_cache_info(i, &ci); i++) {
		SHOW("kmalloc-%zu %lu\n", ci.size, ci.objects);
		SHOW("kmalloc-%zu_slabs %lu\n", ci.size, ci.slabs);
	}
	SHOW("kstacks %lu\n", stacks);
	for (i = 0; i < NR_KMEM_ITEMS; i++)
		SHOW("%s %ld\n", kmem_names[i], READ_ONCE(kmem_count[i].counter));
	return len;
}

static const struct proc_ops kmem_ops = { .show = kmem_show };

void kmem_init(void)
{
	proc_create("lego/kmem", 0444, &kmem_ops);
}
