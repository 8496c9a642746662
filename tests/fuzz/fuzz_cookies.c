/* fuzz_cookies.c — libFuzzer driver for params_parse_cookies on a NUL-terminated copy of the
 * input, checked against a reference parser written from the contract in params.h. */
#include "fuzz_common.h"

#include "arena.h"
#include "params.h"
#include "utf8.h"

enum { MAX_COOKIES = 50 };

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The cookies a correct parser keeps, as (name, value) pairs. */
struct ref_cookies {
	size_t count;
	const char *name[MAX_COOKIES], *value[MAX_COOKIES];
	size_t name_len[MAX_COOKIES], value_len[MAX_COOKIES];
};

static void ref_parse(const char *header, size_t max, struct ref_cookies *r)
{
	r->count = 0;
	const char *p = header;
	while (r->count < max) {
		const char *end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		const char *s = p, *e = end;
		while (s < e && blank(*s))
			s++;
		while (e > s && blank(e[-1]))
			e--;
		const char *eq = s;
		while (eq < e && *eq != '=')
			eq++;
		if (eq < e) {
			const char *ne = eq, *vs = eq + 1, *ve = e;
			while (ne > s && blank(ne[-1]))
				ne--;
			while (vs < ve && blank(*vs))
				vs++;
			if (ve - vs >= 2 && vs[0] == '"' && ve[-1] == '"') {
				vs++;
				ve--;
			}
			if (ne > s && ref_utf8_valid(s, (size_t)(ne - s)) &&
			    ref_utf8_valid(vs, (size_t)(ve - vs))) {
				r->name[r->count] = s;
				r->name_len[r->count] = (size_t)(ne - s);
				r->value[r->count] = vs;
				r->value_len[r->count] = (size_t)(ve - vs);
				r->count++;
			}
		}
		if (*end == '\0')
			break;
		p = end + 1;
	}
}

static void check_parse(struct arena *a, const char *header, size_t max)
{
	struct param_list list;
	params_parse_cookies(a, header, max, &list);
	struct ref_cookies ref;
	ref_parse(header, max, &ref);
	FUZZ_CHECK(list.count <= max);
	FUZZ_CHECK(list.count == ref.count);
	for (size_t i = 0; i < list.count; i++) {
		const struct param *c = &list.items[i];
		size_t name_len = strlen(c->name);
		FUZZ_CHECK(name_len > 0);
		FUZZ_CHECK(utf8_valid(c->name, name_len));
		FUZZ_CHECK(utf8_valid(c->value, c->value_len));
		FUZZ_CHECK(strlen(c->value) == c->value_len); /* a header holds no NUL */
		FUZZ_CHECK(strchr(c->name, ';') == NULL && strchr(c->value, ';') == NULL);
		FUZZ_CHECK(strchr(c->name, '=') == NULL);
		FUZZ_CHECK(!blank(c->name[0]) && !blank(c->name[name_len - 1]));
		FUZZ_CHECK(name_len == ref.name_len[i]);
		FUZZ_CHECK(memcmp(c->name, ref.name[i], name_len) == 0);
		FUZZ_CHECK(c->value_len == ref.value_len[i]);
		FUZZ_CHECK(memcmp(c->value, ref.value[i], c->value_len) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = fuzz_cstring(data, size);
	struct arena a;
	arena_init(&a, 4096);
	check_parse(&a, header, MAX_COOKIES);
	check_parse(&a, header, size > 0 ? data[0] % 4 : 0); /* the cap, and a cap of zero */
	arena_free(&a);
	free(header);
	return 0;
}
