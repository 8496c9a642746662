/* test_page_cache.c — rendered public pages are served again only while the database version and
 * the key match and the entry is young (src/http/page_cache.c). */
#include "unit.h"

#include <sodium.h>

#include "http.h"
#include "page_cache.h"

struct fixture {
	struct arena arena;
	struct page_cache cache;
	struct request req;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (f == NULL || sodium_init() < 0)
		return -1;
	arena_init(&f->arena, 4096);
	f->req.arena = &f->arena;
	f->req.id = "test";
	buf_init(&f->req.response.body, &f->arena);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	page_cache_clear(&f->cache);
	arena_free(&f->arena);
	free(f);
	return 0;
}

/* A fresh response with body and one header, as a handler leaves it. */
static struct response *response(struct fixture *f, const char *body, const char *header,
				 const char *value)
{
	memset(&f->req.response, 0, sizeof f->req.response);
	buf_init(&f->req.response.body, &f->arena);
	buf_puts(&f->req.response.body, body);
	f->req.response.content_type = "text/html; charset=utf-8";
	if (header)
		response_header(&f->req, header, value);
	return &f->req.response;
}

static void test_hit_restores_body_type_and_headers(void **state)
{
	struct fixture *f = *state;
	page_cache_put(&f->cache, "0|/meetings?", response(f, "<p>расписание</p>", "Vary", "Cookie"),
		       7, 1000);
	const struct page_cache_entry *e = page_cache_get(&f->cache, "0|/meetings?", 7, 1010);
	assert_non_null(e);
	memset(&f->req.response, 0, sizeof f->req.response);
	buf_init(&f->req.response.body, &f->arena);
	page_cache_serve(&f->req, e);
	assert_string_equal(f->req.response.body.data, "<p>расписание</p>");
	assert_string_equal(f->req.response.content_type, "text/html; charset=utf-8");
	assert_int_equal(f->req.response.header_count, 1);
	assert_string_equal(f->req.response.headers[0].name, "Vary");
	assert_string_equal(f->req.response.headers[0].value, "Cookie");
	assert_true(f->req.response.body_ready);
	assert_int_equal(f->cache.hits, 1);
}

static void test_database_change_misses(void **state)
{
	struct fixture *f = *state;
	page_cache_put(&f->cache, "0|/", response(f, "old", NULL, NULL), 7, 1000);
	assert_null(page_cache_get(&f->cache, "0|/", 8, 1001));
	assert_null(page_cache_get(&f->cache, "0|/", -1, 1001)); /* version unknown: never hit */
}

static void test_old_entries_miss(void **state)
{
	struct fixture *f = *state;
	page_cache_put(&f->cache, "0|/", response(f, "page", NULL, NULL), 7, 1000);
	assert_non_null(page_cache_get(&f->cache, "0|/", 7, 1000 + PAGE_CACHE_SECONDS - 1));
	assert_null(page_cache_get(&f->cache, "0|/", 7, 1000 + PAGE_CACHE_SECONDS));
	assert_null(page_cache_get(&f->cache, "0|/", 7, 999)); /* the clock went back */
}

static void test_keys_are_exact(void **state)
{
	struct fixture *f = *state;
	page_cache_put(&f->cache, "0|/meetings?page=2", response(f, "two", NULL, NULL), 7, 1000);
	assert_null(page_cache_get(&f->cache, "1|/meetings?page=2", 7, 1000)); /* vision version */
	assert_null(page_cache_get(&f->cache, "0|/meetings?page=3", 7, 1000));
	assert_non_null(page_cache_get(&f->cache, "0|/meetings?page=2", 7, 1000));
}

static void test_responses_with_cookies_are_not_kept(void **state)
{
	struct fixture *f = *state;
	page_cache_put(&f->cache, "0|/vision?", response(f, "x", "Set-Cookie", "vision=on"), 7, 1000);
	assert_null(page_cache_get(&f->cache, "0|/vision?", 7, 1000));
}

static void test_large_bodies_are_not_kept(void **state)
{
	struct fixture *f = *state;
	struct response *r = response(f, "", NULL, NULL);
	char *big = malloc(PAGE_CACHE_MAX_BODY + 2);
	memset(big, 'a', PAGE_CACHE_MAX_BODY + 1);
	big[PAGE_CACHE_MAX_BODY + 1] = '\0';
	buf_puts(&r->body, big);
	free(big);
	page_cache_put(&f->cache, "0|/big", r, 7, 1000);
	assert_null(page_cache_get(&f->cache, "0|/big", 7, 1000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hit_restores_body_type_and_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_database_change_misses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_old_entries_miss, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keys_are_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_responses_with_cookies_are_not_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_bodies_are_not_kept, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
