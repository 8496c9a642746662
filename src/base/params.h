/* params.h — parsers for application/x-www-form-urlencoded text (query strings and form bodies)
 * and for the Cookie header. Pure functions over bytes, fuzzed by tests/fuzz. */
#ifndef PORTAL_PARAMS_H
#define PORTAL_PARAMS_H

#include <stddef.h>

#include "arena.h"

struct param {
	const char *name;  /* decoded, NUL-terminated, valid UTF-8, no NUL inside */
	const char *value; /* decoded, NUL-terminated, valid UTF-8, may hold NULs (see value_len) */
	size_t value_len;  /* bytes in value */
};

struct param_list {
	struct param *items; /* in the order they came */
	size_t count;
};

enum params_result {
	PARAMS_OK,
	PARAMS_TOO_MANY,   /* more than max_params pairs */
	PARAMS_BAD_ESCAPE, /* '%' not followed by two hex digits, or a NUL in a name */
	PARAMS_BAD_UTF8,   /* a decoded name or value is not UTF-8 */
};

/* Parse "a=1&b=x+y%21". Empty pairs are skipped; a name without '=' gets the empty value.
 * On error *out is left empty. */
enum params_result params_parse_urlencoded(struct arena *a, const char *data, size_t len,
					   size_t max_params, struct param_list *out);

/* Parse a Cookie header "a=1; b=2". Cookies are not ours alone (other software on the same host
 * may set them), so a malformed one is skipped rather than failing the request; values are not
 * percent-decoded; surrounding double quotes are removed. At most max_cookies are kept. */
void params_parse_cookies(struct arena *a, const char *header, size_t max_cookies,
			  struct param_list *out);

/* The first parameter called name, or NULL; and how many there are. */
const struct param *params_find(const struct param_list *list, const char *name);
size_t params_count(const struct param_list *list, const char *name);

#endif
