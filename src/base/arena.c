/* arena.c — per-request bump allocator (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN _Alignof(max_align_t)

struct arena_block {
	struct arena_block *next; /* older block */
	size_t size;              /* usable bytes in data */
	size_t used;              /* bytes handed out */
	_Alignas(max_align_t) unsigned char data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *data;
};

static struct arena_block *block_new(size_t size)
{
	/* The header on top of a size near SIZE_MAX would wrap to a tiny malloc. */
	if (size > SIZE_MAX - sizeof(struct arena_block)) {
		fputs("arena: allocation too large\n", stderr);
		abort();
	}
	struct arena_block *b = malloc(sizeof *b + size);
	if (b == NULL) {
		fputs("arena: out of memory\n", stderr);
		abort();
	}
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void arena_init(struct arena *a, size_t block_size)
{
	a->block_size = block_size < 1024 ? 1024 : block_size;
	a->first = a->head = block_new(a->block_size);
	a->cleanups = NULL;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (rounded < size) { /* overflow */
		fputs("arena: allocation too large\n", stderr);
		abort();
	}
	struct arena_block *b = a->head;
	if (b->size - b->used < rounded) {
		/* Big requests get a block of their own size so a 1 MiB body does not waste a
		 * default block; small ones start a fresh default block. */
		size_t want = rounded > a->block_size ? rounded : a->block_size;
		b = block_new(want);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += rounded;
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		fputs("arena: allocation too large\n", stderr);
		abort();
	}
	void *p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

void *arena_grow(struct arena *a, void *items, size_t count, size_t *cap, size_t size)
{
	if (count < *cap)
		return items;
	size_t bigger = *cap ? 2 * *cap : 8;
	void *copy = arena_calloc(a, bigger, size);
	if (count)
		memcpy(copy, items, count * size);
	*cap = bigger;
	return copy;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_concat(struct arena *a, const char *first, const char *second)
{
	size_t n1 = strlen(first), n2 = strlen(second);
	char *p = arena_alloc(a, n1 + n2 + 1);
	memcpy(p, first, n1);
	memcpy(p + n1, second, n2 + 1);
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_on_reset(struct arena *a, void (*fn)(void *), void *data)
{
	struct arena_cleanup *c = arena_alloc(a, sizeof *c);
	c->fn = fn;
	c->data = data;
	c->next = a->cleanups;
	a->cleanups = c;
}

static void run_cleanups(struct arena *a)
{
	/* A cleanup may not allocate from this arena: the list is detached first. */
	struct arena_cleanup *c = a->cleanups;
	a->cleanups = NULL;
	for (; c != NULL; c = c->next)
		c->fn(c->data);
}

void arena_reset(struct arena *a)
{
	run_cleanups(a);
	struct arena_block *b = a->head;
	while (b != a->first) {
		struct arena_block *older = b->next;
		free(b);
		b = older;
	}
	a->head = a->first;
	a->first->used = 0;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	free(a->first);
	a->first = a->head = NULL;
}
