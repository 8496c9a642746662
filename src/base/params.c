/* params.c — urlencoded and cookie parsers (see params.h). */
#include "params.h"

#include <string.h>

#include "utf8.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode one urlencoded component into the arena; -1 on a bad escape. */
static int decode_component(struct arena *a, const char *s, size_t len, char **out, size_t *out_len)
{
	char *d = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '+') {
			d[n++] = ' ';
		} else if (c == '%') {
			if (len - i < 3)
				return -1;
			int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			d[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			d[n++] = c;
		}
	}
	d[n] = '\0';
	*out = d;
	*out_len = n;
	return 0;
}

enum params_result params_parse_urlencoded(struct arena *a, const char *data, size_t len,
					   size_t max_params, struct param_list *out)
{
	out->items = NULL;
	out->count = 0;
	if (data == NULL || len == 0)
		return PARAMS_OK;

	/* Count pairs first so the array is allocated once. */
	size_t pairs = 1;
	for (size_t i = 0; i < len; i++)
		if (data[i] == '&')
			pairs++;
	struct param *items = arena_alloc(a, pairs * sizeof *items);
	size_t count = 0;

	size_t start = 0;
	while (start <= len) {
		const char *end = memchr(data + start, '&', len - start);
		size_t stop = end ? (size_t)(end - data) : len;
		if (stop > start) {
			if (count == max_params)
				return PARAMS_TOO_MANY;
			const char *pair = data + start;
			size_t pair_len = stop - start;
			const char *eq = memchr(pair, '=', pair_len);
			size_t name_len = eq ? (size_t)(eq - pair) : pair_len;
			char *name, *value;
			size_t name_out, value_out;
			if (decode_component(a, pair, name_len, &name, &name_out) < 0)
				return PARAMS_BAD_ESCAPE;
			if (memchr(name, '\0', name_out) != NULL)
				return PARAMS_BAD_ESCAPE;
			if (eq) {
				if (decode_component(a, eq + 1, pair_len - name_len - 1, &value, &value_out) < 0)
					return PARAMS_BAD_ESCAPE;
			} else {
				value = arena_strdup(a, "");
				value_out = 0;
			}
			if (!utf8_valid(name, name_out) || !utf8_valid(value, value_out))
				return PARAMS_BAD_UTF8;
			items[count].name = name;
			items[count].value = value;
			items[count].value_len = value_out;
			count++;
		}
		if (end == NULL)
			break;
		start = stop + 1;
	}
	out->items = items;
	out->count = count;
	return PARAMS_OK;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

void params_parse_cookies(struct arena *a, const char *header, size_t max_cookies,
			  struct param_list *out)
{
	out->items = NULL;
	out->count = 0;
	if (header == NULL || max_cookies == 0)
		return;
	size_t len = strlen(header);
	size_t slots = 1;
	for (size_t i = 0; i < len; i++)
		if (header[i] == ';')
			slots++;
	if (slots > max_cookies)
		slots = max_cookies;
	struct param *items = arena_alloc(a, slots * sizeof *items);
	size_t count = 0;

	const char *p = header, *limit = header + len;
	while (p < limit && count < slots) {
		const char *end = memchr(p, ';', (size_t)(limit - p));
		if (end == NULL)
			end = limit;
		const char *s = p, *e = end;
		while (s < e && is_space(*s))
			s++;
		while (e > s && is_space(e[-1]))
			e--;
		const char *eq = memchr(s, '=', (size_t)(e - s));
		if (eq != NULL && eq > s) {
			const char *ns = s, *ne = eq, *vs = eq + 1, *ve = e;
			while (ne > ns && is_space(ne[-1]))
				ne--;
			while (vs < ve && is_space(*vs))
				vs++;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"')
				vs++, ve--;
			size_t nl = (size_t)(ne - ns), vl = (size_t)(ve - vs);
			if (nl > 0 && utf8_valid(ns, nl) && utf8_valid(vs, vl)) {
				items[count].name = arena_strndup(a, ns, nl);
				items[count].value = arena_strndup(a, vs, vl);
				items[count].value_len = vl;
				count++;
			}
		}
		p = end + 1;
	}
	out->items = items;
	out->count = count;
}

const struct param *params_find(const struct param_list *list, const char *name)
{
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->items[i].name, name) == 0)
			return &list->items[i];
	return NULL;
}

size_t params_count(const struct param_list *list, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->items[i].name, name) == 0)
			n++;
	return n;
}
