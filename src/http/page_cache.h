/* page_cache.h — a worker's memory of recently rendered public pages. A page is served again only
 * while the database is unchanged (PRAGMA data_version for other connections' commits, the
 * connection's total_changes for its own) and for at most PAGE_CACHE_SECONDS, because "upcoming"
 * and "past" move with the clock. Handlers never see it: request.c consults it for routes marked
 * ROUTE_CACHEABLE. */
#ifndef PORTAL_PAGE_CACHE_H
#define PORTAL_PAGE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db.h"
#include "http.h"

#define PAGE_CACHE_ENTRIES 64
#define PAGE_CACHE_SECONDS 30
#define PAGE_CACHE_MAX_BODY (256 * 1024)

struct page_cache_entry {
	uint64_t hash;            /* of key, 0 for an empty slot */
	char *key;                /* "vision|path?query", malloc'd */
	char *body;               /* malloc'd */
	char etag[24];            /* the body's validator, computed once when stored */
	size_t body_len;
	const char *content_type; /* a string literal of the handler */
	char *headers;            /* "name\0value\0…" of the response's extra headers, malloc'd */
	size_t header_count;
	int64_t db_version;       /* page_cache_db_version when stored */
	time_t stored_at;
};

struct page_cache {
	struct page_cache_entry slot[PAGE_CACHE_ENTRIES];
	unsigned long hits, misses;
};

/* The database's version as this connection sees it: changes when anything commits. */
int64_t page_cache_db_version(struct db *db);

/* The entry for key if it is still valid at now for db_version, else NULL. */
const struct page_cache_entry *page_cache_get(struct page_cache *c, const char *key,
					      int64_t db_version, time_t now);

/* Remember a page (bodies above PAGE_CACHE_MAX_BODY are not kept). Replaces the slot the key's
 * hash selects: a collision only costs a render. Responses that set cookies are never kept. */
void page_cache_put(struct page_cache *c, const char *key, const struct response *r,
		    int64_t db_version, time_t now);

/* Fill a response from an entry (body copied into the request's arena). */
void page_cache_serve(struct request *req, const struct page_cache_entry *e);

/* Release everything. */
void page_cache_clear(struct page_cache *c);

#endif
