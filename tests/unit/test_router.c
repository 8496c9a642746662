/* test_router.c — unit tests for src/http/router.c: pattern matching and lookups in the real route
 * table of src/http/routes.c. */
#include "unit.h"

#include "arena.h"
#include "http.h"
#include "router.h"

/* ---- router_match ---- */

static void test_match_literal(void **state)
{
	(void)state;
	long long id = -1;
	assert_true(router_match("/", "/", &id));
	assert_true(router_match("/meetings", "/meetings", &id));
	assert_false(router_match("/meetings", "/meetings/", &id));
	assert_false(router_match("/meetings", "/meeting", &id));
	assert_false(router_match("/meetings", "/meetingsx", &id));
	assert_false(router_match("/meetings", "/Meetings", &id));
	assert_false(router_match("/meetings", "", &id));
	assert_false(router_match("/", "", &id));
	assert_false(router_match("/", "//", &id));
	assert_int_equal(id, -1); /* untouched without a '#' */
}

static void test_match_id(void **state)
{
	(void)state;
	long long id = -1;
	assert_true(router_match("/meetings/#", "/meetings/1", &id));
	assert_int_equal(id, 1);
	assert_true(router_match("/meetings/#", "/meetings/14", &id));
	assert_int_equal(id, 14);
	assert_true(router_match("/meetings/#", "/meetings/1000000", &id));
	assert_int_equal(id, 1000000);
	assert_true(router_match("/meetings/#", "/meetings/102", &id)); /* zeros inside are fine */
	assert_int_equal(id, 102);
	assert_true(router_match("/meetings/#", "/meetings/999999999999999999", &id)); /* 18 digits */
	assert_int_equal(id, 999999999999999999LL);
}

static void test_match_id_rejects(void **state)
{
	(void)state;
	long long id = 0;
	static const char *const bad[] = {
		"/meetings/",     "/meetings",         "/meetings/0",       "/meetings/007",
		"/meetings/01",   "/meetings/-1",      "/meetings/+1",      "/meetings/ 1",
		"/meetings/1 ",   "/meetings/1/",      "/meetings/1x",      "/meetings/abc",
		"/meetings/1.ics", "/meetings/1?x=1",  "/meetings//1",      "/meetings/1e3",
		"/meetings/1000000000000000000",  /* 19 digits */
		"/meetings/99999999999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (router_match("/meetings/#", bad[i], &id))
			fail_msg("\"/meetings/#\" matched \"%s\"", bad[i]);
}

static void test_match_id_with_suffix(void **state)
{
	(void)state;
	long long id = -1;
	assert_true(router_match("/meetings/#.ics", "/meetings/7.ics", &id));
	assert_int_equal(id, 7);
	assert_true(router_match("/meetings/#.ics", "/meetings/120.ics", &id));
	assert_int_equal(id, 120);
	static const char *const bad[] = {
		"/meetings/7",      "/meetings/.ics",   "/meetings/07.ics", "/meetings/7.ics/",
		"/meetings/7.icsx", "/meetings/7.ic",   "/meetings/7.ICS",  "/meetings/7..ics",
		"/meetings/7x.ics", "/meetings/0.ics",
		"/meetings/1000000000000000000.ics",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (router_match("/meetings/#.ics", bad[i], &id))
			fail_msg("\"/meetings/#.ics\" matched \"%s\"", bad[i]);
}

/* ---- router_find over the real table ---- */

static void test_match_word(void **state)
{
	(void)state;
	long long id = 0;
	const char *pattern = "/api/open311/v2/requests/*.json";
	assert_true(router_match(pattern, "/api/open311/v2/requests/2026-00042.json", &id));
	assert_true(router_match(pattern, "/api/open311/v2/requests/x.json", &id));
	assert_false(router_match(pattern, "/api/open311/v2/requests/.json", &id));
	assert_false(router_match(pattern, "/api/open311/v2/requests/a/b.json", &id));
	assert_false(router_match(pattern, "/api/open311/v2/requests/a.b.json", &id));
	assert_false(router_match(pattern, "/api/open311/v2/requests/2026-00042.xml", &id));
	/* A body's number (issue 18): UTF-8 letters in the word, up to 48 bytes. */
	assert_true(router_match(pattern, "/api/open311/v2/requests/БРЗ-2026-00012.json", &id));
	assert_true(router_match(pattern, "/api/open311/v2/requests/"
					  "123456789012345678901234567890123456789012345678.json", &id));
	assert_false(router_match(pattern, "/api/open311/v2/requests/"
					   "1234567890123456789012345678901234567890123456789.json", &id));
}

static void test_find_home(void **state)
{
	(void)state;
	const struct route *r = NULL;
	long long id = -1;
	unsigned allowed = 0;
	assert_int_equal(router_find("/", METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/");
	assert_non_null(r->handler);
	r = NULL;
	assert_int_equal(router_find("/", METHOD_HEAD, &r, &id, &allowed), ROUTE_FOUND);
	assert_non_null(r);
	assert_string_equal(r->pattern, "/");
}

static void test_find_meeting_by_id(void **state)
{
	(void)state;
	const struct route *r = NULL;
	long long id = -1;
	unsigned allowed = 0;
	assert_int_equal(router_find("/meetings/14", METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
	assert_string_equal(r->pattern, "/meetings/#");
	assert_int_equal(id, 14);
	assert_int_equal(router_find("/meetings/14.ics", METHOD_GET, &r, &id, &allowed),
			 ROUTE_FOUND);
	assert_string_equal(r->pattern, "/meetings/#.ics");
	assert_int_equal(id, 14);
	assert_int_equal(router_find("/meetings.ics", METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
	assert_string_equal(r->pattern, "/meetings.ics");
	assert_int_equal(router_find("/meetings", METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
	assert_string_equal(r->pattern, "/meetings");
	assert_non_null(r->fields); /* the schedule declares its filters */
}

/* A municipality's part of the site (issue 18): its pages reach the site-wide handlers, one
 * segment of slug only. */
static void test_find_municipality_pages(void **state)
{
	(void)state;
	const struct route *r = NULL, *site = NULL;
	long long id = -1;
	unsigned allowed = 0;
	static const char *const pairs[][2] = {
		{"/m/berezovka/meetings", "/meetings"},
		{"/m/berezovka/calendar.ics", "/meetings.ics"},
		{"/m/berezovka/feed.atom", "/feed.atom"},
		{"/m/berezovka/press", "/press"},
		{"/m/berezovka/answers", "/answers"},
		{"/m/berezovka/calendar/subscribe", "/calendar/subscribe"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		assert_int_equal(router_find(pairs[i][0], METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
		assert_int_equal(router_find(pairs[i][1], METHOD_GET, &site, &id, &allowed),
				 ROUTE_FOUND);
		if (r->handler != site->handler)
			fail_msg("%s is not served as %s", pairs[i][0], pairs[i][1]);
		/* The same fields (each list its own array) and flags. */
		const struct route_field *a = r->fields, *b = site->fields;
		assert_true((a == NULL) == (b == NULL));
		for (; a != NULL && a->field != FIELD__MAX; a++, b++) {
			assert_int_equal(a->field, b->field);
			assert_int_equal(a->flags, b->flags);
		}
		if (b != NULL)
			assert_int_equal(b->field, FIELD__MAX);
		assert_int_equal(r->flags, site->flags);
	}
	assert_int_equal(router_find("/m/berezovka", METHOD_GET, &r, &id, &allowed), ROUTE_FOUND);
	assert_string_equal(r->pattern, "/m/*");
	assert_int_equal(router_find("/m/berezovka/appeal", METHOD_GET, &r, &id, &allowed),
			 ROUTE_FOUND);
	static const char *const unknown[] = {
		"/m/berezovka/", "/m//meetings", "/m/a/b/meetings", "/m/berezovka/meetings/1",
		"/m/berezovka/nothing", "/m/x.y/meetings",
	};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		if (router_find(unknown[i], METHOD_GET, &r, &id, &allowed) != ROUTE_NO_PATH)
			fail_msg("\"%s\" was routed", unknown[i]);
}

static void test_find_wrong_method(void **state)
{
	(void)state;
	const struct route *r = NULL;
	long long id = -1;
	unsigned allowed = 0;
	assert_int_equal(router_find("/meetings", METHOD_POST, &r, &id, &allowed), ROUTE_NO_METHOD);
	assert_true(allowed & METHOD_GET);
	assert_true(allowed & METHOD_HEAD);
	assert_false(allowed & METHOD_POST);
	assert_null(r);
	allowed = 0;
	assert_int_equal(router_find("/meetings/3", METHOD_OTHER, &r, &id, &allowed),
			 ROUTE_NO_METHOD);
	assert_int_equal(allowed, METHOD_GET | METHOD_HEAD);
}

static void test_find_unknown_path(void **state)
{
	(void)state;
	const struct route *r = NULL;
	long long id = -1;
	unsigned allowed = 0;
	static const char *const unknown[] = {
		"/nope", "", "/meetings/", "/meetings/0", "/meetings/007", "/MEETINGS", "/index.html",
		"/meetings/1/edit", "/healthz/", "/errors/", "/../etc/passwd",
	};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		if (router_find(unknown[i], METHOD_GET, &r, &id, &allowed) != ROUTE_NO_PATH)
			fail_msg("\"%s\" was routed", unknown[i]);
		assert_int_equal(allowed, 0);
	}
	assert_int_equal(router_find("/nope", METHOD_POST, &r, &id, &allowed), ROUTE_NO_PATH);
	assert_null(r);
}

static void test_head_wherever_get(void **state)
{
	(void)state;
	for (size_t i = 0; i < route_count; i++) {
		const struct route *r = &routes[i];
		assert_non_null(r->pattern);
		assert_non_null(r->handler);
		assert_true(r->pattern[0] == '/');
		if (!(r->methods & METHOD_GET))
			continue;
		/* Build a path the pattern matches by putting 5 where it wants a number or a word. */
		char path[128];
		size_t n = 0;
		for (const char *p = r->pattern; *p != '\0' && n + 2 < sizeof path; p++)
			path[n++] = *p == '#' || *p == '*' ? '5' : *p;
		path[n] = '\0';
		const struct route *found = NULL;
		long long id = 0;
		unsigned allowed = 0;
		assert_int_equal(router_find(path, METHOD_HEAD, &found, &id, &allowed), ROUTE_FOUND);
		assert_ptr_equal(found, r);
		if (strchr(r->pattern, '#') != NULL)
			assert_int_equal(id, 5);
	}
	assert_true(route_count >= 8);
}

static void test_every_route_field_list_ends(void **state)
{
	(void)state;
	for (size_t i = 0; i < route_count; i++) {
		const struct route_field *f = routes[i].fields;
		for (size_t k = 0; f != NULL && f[k].field != FIELD__MAX; k++) {
			assert_true(k < FIELD__MAX); /* no field twice, so at most FIELD__MAX rows */
			assert_in_range(f[k].field, 0, FIELD__MAX - 1);
		}
	}
}

static void test_allow_header(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	assert_string_equal(router_allow_header(&a, METHOD_GET | METHOD_HEAD), "GET, HEAD");
	assert_string_equal(router_allow_header(&a, METHOD_GET), "GET");
	assert_string_equal(router_allow_header(&a, METHOD_POST), "POST");
	assert_string_equal(router_allow_header(&a, METHOD_GET | METHOD_HEAD | METHOD_POST),
			    "GET, HEAD, POST");
	assert_string_equal(router_allow_header(&a, METHOD_HEAD | METHOD_POST), "HEAD, POST");
	assert_string_equal(router_allow_header(&a, 0), "");
	assert_string_equal(router_allow_header(&a, METHOD_OTHER), ""); /* not a method to offer */
	/* What a 405 for POST /meetings would say. */
	const struct route *r;
	long long id;
	unsigned allowed = 0;
	assert_int_equal(router_find("/meetings", METHOD_POST, &r, &id, &allowed), ROUTE_NO_METHOD);
	assert_string_equal(router_allow_header(&a, allowed), "GET, HEAD");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_literal),
		cmocka_unit_test(test_match_id),
		cmocka_unit_test(test_match_id_rejects),
		cmocka_unit_test(test_match_id_with_suffix),
		cmocka_unit_test(test_match_word),
		cmocka_unit_test(test_find_home),
		cmocka_unit_test(test_find_meeting_by_id),
		cmocka_unit_test(test_find_municipality_pages),
		cmocka_unit_test(test_find_wrong_method),
		cmocka_unit_test(test_find_unknown_path),
		cmocka_unit_test(test_head_wherever_get),
		cmocka_unit_test(test_every_route_field_list_ends),
		cmocka_unit_test(test_allow_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
