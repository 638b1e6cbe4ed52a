/*
 * Lego's kernel object counts (/proc/lego/kmem, Documentation/mm/kmem.rst)
 * for tests that must show a program left nothing behind.  Needs a C
 * library.
 */
#ifndef LEGO_KMEM_H
#define LEGO_KMEM_H

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define KMEM_MAX	64

/* One reading of the file: name value pairs in its order. */
struct kmem_snap {
	int n;
	char name[KMEM_MAX][32];
	long value[KMEM_MAX];
};

/* Reads /proc/lego/kmem into s; 0, or -1 if it cannot be read. */
static int kmem_read(struct kmem_snap *s)
{
	char text[4096], *line, *save;
	size_t len = 0;
	ssize_t r;
	int fd = open("/proc/lego/kmem", O_RDONLY);

	if (fd < 0)
		return -1;
	while ((r = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += r;
	close(fd);
	text[len] = 0;
	s->n = 0;
	for (line = strtok_r(text, "\n", &save); line && s->n < KMEM_MAX;
	     line = strtok_r(NULL, "\n", &save))
		if (sscanf(line, "%31s %ld", s->name[s->n], &s->value[s->n]) == 2)
			s->n++;
	return s->n ? 0 : -1;
}

/* The value of name in s, or -1 when it has no such line. */
static long kmem_get(const struct kmem_snap *s, const char *name)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->name[i], name))
			return s->value[i];
	return -1;
}

/* One value read now (-1 if absent or unreadable). */
static long kmem_now(const char *name)
{
	struct kmem_snap s;

	return kmem_read(&s) ? -1 : kmem_get(&s, name);
}

/*
 * The pages that went back to the allocator or to what the kernel keeps
 * once taken (kmalloc slabs, freed kernel stacks, the vmalloc area's page
 * tables): what must come back to its start value once every object made
 * since is freed.
 */
static long kmem_pages_back(const struct kmem_snap *s)
{
	return kmem_get(s, "pages_free") + kmem_get(s, "pages_slab") +
	       kmem_get(s, "pages_kstack_cached") + kmem_get(s, "pages_kernel_tables");
}

/* Whether an object count is one that must come back (slab sizes only
 * grow, and warnings only count up). */
static int kmem_is_object_count(const char *name)
{
	size_t n = strlen(name);

	if (!strncmp(name, "pages_", 6) || !strcmp(name, "warnings"))
		return 0;
	return !(n > 6 && !strcmp(name + n - 6, "_slabs"));
}

/*
 * Waits (up to about two seconds) until every object count and the pages
 * are back where start had them: the last reference on an exited task
 * goes at its final context switch, a little after its parent's wait.
 * Returns 0 when they are; otherwise leaves the last reading in now.
 */
static int kmem_settle(const struct kmem_snap *start, struct kmem_snap *now)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int tries, i, same;

	for (tries = 0; tries < 100; tries++) {
		if (kmem_read(now))
			return -1;
		same = kmem_pages_back(now) == kmem_pages_back(start);
		for (i = 0; i < start->n && same; i++)
			if (kmem_is_object_count(start->name[i]) &&
			    kmem_get(now, start->name[i]) != start->value[i])
				same = 0;
		if (same)
			return 0;
		nanosleep(&ts, NULL);
	}
	return -1;
}

/* Prints the lines that differ between two readings, for a failure. */
static void kmem_print_diff(const struct kmem_snap *a, const struct kmem_snap *b)
{
	int i;

	for (i = 0; i < a->n; i++)
		if (kmem_get(b, a->name[i]) != a->value[i])
			printf("kmem: %s %ld -> %ld\n", a->name[i], a->value[i],
			       kmem_get(b, a->name[i]));
	fflush(stdout);
}

#endif /* LEGO_KMEM_H */
