/* fuzz_urlencoded.c — libFuzzer driver for params_parse_urlencoded (query strings and form
 * bodies), checked against a reference parser written from the contract in params.h; the raw
 * bytes also cross-check src/base/utf8.c against the Unicode table in fuzz_common.h. */
#include "fuzz_common.h"

#include "arena.h"
#include "params.h"
#include "utf8.h"

enum { MAX_PARAMS = 200 };

static int hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decode s[0..len) into out (room for len bytes); -1 on a bad escape. */
static long ref_decode(const uint8_t *s, size_t len, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			out[n++] = ' ';
		} else if (s[i] != '%') {
			out[n++] = (char)s[i];
		} else {
			if (i + 2 >= len)
				return -1;
			int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			out[n++] = (char)(hi << 4 | lo);
			i += 2;
		}
	}
	return (long)n;
}

/* Error kinds the input holds somewhere (bits of 1 << enum params_result), and the list a
 * correct parser returns when there are none. */
struct ref_result {
	unsigned errors;
	size_t count;
	char *names[MAX_PARAMS];
	char *values[MAX_PARAMS];
	size_t value_lens[MAX_PARAMS];
};

static void ref_parse(const uint8_t *data, size_t size, size_t max_params, struct ref_result *r)
{
	memset(r, 0, sizeof *r);
	char *scratch = malloc(size + 1);
	FUZZ_CHECK(scratch != NULL);
	size_t start = 0;
	while (start <= size) {
		size_t stop = start;
		while (stop < size && data[stop] != '&')
			stop++;
		if (stop > start) {
			if (r->count == max_params)
				r->errors |= 1u << PARAMS_TOO_MANY;
			size_t eq = start;
			while (eq < stop && data[eq] != '=')
				eq++;
			long name_len = ref_decode(data + start, eq - start, scratch);
			bool ok = true;
			if (name_len < 0 || memchr(scratch, '\0', (size_t)name_len) != NULL) {
				r->errors |= 1u << PARAMS_BAD_ESCAPE;
				ok = false;
			} else if (!ref_utf8_valid(scratch, (size_t)name_len)) {
				r->errors |= 1u << PARAMS_BAD_UTF8;
				ok = false;
			}
			char *name = ok ? strndup(scratch, (size_t)name_len) : NULL;
			long value_len = 0;
			if (eq < stop) {
				value_len = ref_decode(data + eq + 1, stop - eq - 1, scratch);
				if (value_len < 0) {
					r->errors |= 1u << PARAMS_BAD_ESCAPE;
					ok = false;
				} else if (!ref_utf8_valid(scratch, (size_t)value_len)) {
					r->errors |= 1u << PARAMS_BAD_UTF8;
					ok = false;
				}
			}
			if (ok && r->count < max_params) {
				r->names[r->count] = name;
				r->values[r->count] = malloc((size_t)value_len + 1);
				FUZZ_CHECK(r->values[r->count] != NULL);
				memcpy(r->values[r->count], scratch, (size_t)value_len);
				r->values[r->count][value_len] = '\0';
				r->value_lens[r->count] = (size_t)value_len;
				r->count++;
			} else {
				free(name);
			}
		}
		start = stop + 1;
	}
	free(scratch);
}

static void ref_free(struct ref_result *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->names[i]);
		free(r->values[i]);
	}
}

static void check_parse(struct arena *a, const uint8_t *data, size_t size, size_t max_params)
{
	struct param_list list;
	enum params_result rc =
		params_parse_urlencoded(a, (const char *)data, size, max_params, &list);
	struct ref_result *ref = malloc(sizeof *ref);
	FUZZ_CHECK(ref != NULL);
	ref_parse(data, size, max_params, ref);
	if (rc != PARAMS_OK) {
		/* Any error the input really holds may be reported; and the list is empty. */
		FUZZ_CHECK(ref->errors & (1u << rc));
		FUZZ_CHECK(list.count == 0 && list.items == NULL);
	} else {
		FUZZ_CHECK(ref->errors == 0);
		FUZZ_CHECK(list.count == ref->count);
		FUZZ_CHECK(list.count <= max_params);
		for (size_t i = 0; i < list.count; i++) {
			const struct param *p = &list.items[i];
			size_t name_len = strlen(p->name);
			FUZZ_CHECK(utf8_valid(p->name, name_len));
			FUZZ_CHECK(utf8_valid(p->value, p->value_len));
			FUZZ_CHECK(p->value[p->value_len] == '\0');
			FUZZ_CHECK(strcmp(p->name, ref->names[i]) == 0); /* and so no NUL inside */
			FUZZ_CHECK(p->value_len == ref->value_lens[i]);
			FUZZ_CHECK(memcmp(p->value, ref->values[i], p->value_len) == 0);
			FUZZ_CHECK(params_find(&list, p->name) != NULL);
			FUZZ_CHECK(params_count(&list, p->name) >= 1);
		}
	}
	ref_free(ref);
	free(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* src/base/utf8.c against the Unicode table, on raw bytes. */
	bool valid = utf8_valid((const char *)data, size);
	FUZZ_CHECK(valid == ref_utf8_valid(data, size));
	if (valid) {
		FUZZ_CHECK(utf8_length((const char *)data, size) == ref_utf8_length(data, size));
		for (int nl = 0; nl <= 1; nl++)
			FUZZ_CHECK(utf8_has_controls((const char *)data, size, nl) ==
				   ref_utf8_has_controls(data, size, nl));
	}

	struct arena a;
	arena_init(&a, 4096);
	check_parse(&a, data, size, MAX_PARAMS);
	/* A small limit too, so PARAMS_TOO_MANY is reached often. */
	check_parse(&a, data, size, size > 0 ? data[0] % 8 : 0);
	arena_free(&a);
	return 0;
}
