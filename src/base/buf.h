/* buf.h — length-carrying growable byte buffer allocated from an arena: pages are built here
 * and written to the client in one piece. */
#ifndef PORTAL_BUF_H
#define PORTAL_BUF_H

#include <stddef.h>

#include "arena.h"

struct buf {
	struct arena *arena; /* where the bytes live */
	char *data;          /* always NUL-terminated when len > 0 */
	size_t len;          /* bytes used, without the terminating NUL */
	size_t cap;          /* bytes available */
};

/* An empty buffer that allocates from a. */
void buf_init(struct buf *b, struct arena *a);

/* Append len bytes / a C string / formatted text. */
void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Forget the contents, keep the memory. */
void buf_clear(struct buf *b);

#endif
