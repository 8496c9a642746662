/* arena.h — per-request bump allocator: a request allocates freely and all of it is released
 * at once. */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;
struct arena_cleanup;

struct arena {
	struct arena_block *head;      /* newest block; allocations come from here */
	struct arena_block *first;     /* kept across resets so a quiet worker never mallocs */
	struct arena_cleanup *cleanups; /* run in reverse order of registration on reset */
	size_t block_size;             /* default size of a new block */
};

/* Prepare an empty arena whose blocks are at least block_size bytes. */
void arena_init(struct arena *a, size_t block_size);

/* Return size bytes aligned for any type. Never returns NULL: out of memory aborts the worker,
 * which the supervisor replaces (a request cannot continue without memory anyway). */
void *arena_alloc(struct arena *a, size_t size);

/* Like arena_alloc, zero-filled. */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* Room for one more element in an arena array of count elements of size bytes with *cap slots:
 * returns items itself while there is room, else a copy twice as large (*cap updated). For lists
 * read row by row from SQLite. */
void *arena_grow(struct arena *a, void *items, size_t count, size_t *cap, size_t size);

/* Copies of strings; arena_strndup always NUL-terminates and may copy embedded NULs. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t len);
/* first followed by second: arena_printf("%s%s") without the formatting (a tenth of it). */
char *arena_concat(struct arena *a, const char *first, const char *second);

/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* Run fn(data) when the arena is reset or freed: for objects owned by libraries (template
 * dictionaries) whose lifetime is the request's. */
void arena_on_reset(struct arena *a, void (*fn)(void *), void *data);

/* Run cleanups, release every block but the first and make the arena empty again. */
void arena_reset(struct arena *a);

/* Run cleanups and release everything. */
void arena_free(struct arena *a);

#endif
