/* page_cache.c — rendered public pages per worker (see page_cache.h). */
#include "page_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static uint64_t key_hash(const char *key)
{
	uint64_t h = XXH3_64bits(key, strlen(key));
	return h ? h : 1; /* 0 marks an empty slot */
}

int64_t page_cache_db_version(struct db *db)
{
	int64_t version = db_data_version(db);
	if (version < 0)
		return -1;
	/* data_version ignores this connection's own commits; total_changes counts them. */
	return (version << 32) ^ (int64_t)sqlite3_total_changes64(db->conn);
}

const struct page_cache_entry *page_cache_get(struct page_cache *c, const char *key,
					      int64_t db_version, time_t now)
{
	uint64_t h = key_hash(key);
	const struct page_cache_entry *e = &c->slot[h % PAGE_CACHE_ENTRIES];
	if (db_version >= 0 && e->hash == h && e->db_version == db_version &&
	    now - e->stored_at < PAGE_CACHE_SECONDS && now >= e->stored_at &&
	    strcmp(e->key, key) == 0) {
		c->hits++;
		return e;
	}
	c->misses++;
	return NULL;
}

static void entry_clear(struct page_cache_entry *e)
{
	free(e->key);
	free(e->body);
	free(e->headers);
	memset(e, 0, sizeof *e);
}

void page_cache_put(struct page_cache *c, const char *key, const struct response *r,
		    int64_t db_version, time_t now)
{
	if (db_version < 0 || r->body.len > PAGE_CACHE_MAX_BODY)
		return;
	size_t headers_len = 0;
	for (size_t i = 0; i < r->header_count; i++) {
		if (strcmp(r->headers[i].name, "Set-Cookie") == 0)
			return;
		headers_len += strlen(r->headers[i].name) + strlen(r->headers[i].value) + 2;
	}
	uint64_t h = key_hash(key);
	struct page_cache_entry *e = &c->slot[h % PAGE_CACHE_ENTRIES];
	entry_clear(e);
	e->key = strdup(key);
	e->body = malloc(r->body.len ? r->body.len : 1);
	e->headers = malloc(headers_len ? headers_len : 1);
	if (e->key == NULL || e->body == NULL || e->headers == NULL) {
		entry_clear(e); /* no memory for a cache entry is not an error */
		return;
	}
	if (r->body.len)
		memcpy(e->body, r->body.data, r->body.len);
	snprintf(e->etag, sizeof e->etag, "%s",
		 r->etag ? r->etag
			 : response_etag(r->body.arena, r->body.data ? r->body.data : "",
					 r->body.len));
	char *p = e->headers;
	for (size_t i = 0; i < r->header_count; i++) {
		p = stpcpy(p, r->headers[i].name) + 1;
		p = stpcpy(p, r->headers[i].value) + 1;
	}
	e->header_count = r->header_count;
	e->hash = h;
	e->body_len = r->body.len;
	e->content_type = r->content_type;
	e->db_version = db_version;
	e->stored_at = now;
}

void page_cache_clear(struct page_cache *c)
{
	for (size_t i = 0; i < PAGE_CACHE_ENTRIES; i++)
		entry_clear(&c->slot[i]);
}

void page_cache_serve(struct request *req, const struct page_cache_entry *e)
{
	struct response *r = &req->response;
	buf_clear(&r->body);
	buf_append(&r->body, e->body, e->body_len);
	r->content_type = e->content_type;
	r->etag = e->etag;
	const char *p = e->headers;
	for (size_t i = 0; i < e->header_count; i++) {
		const char *name = p, *value = p + strlen(p) + 1;
		response_header(req, name, value);
		p = value + strlen(value) + 1;
	}
	r->body_ready = true;
}
