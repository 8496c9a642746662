/* router.c — matching paths against the route table (see router.h). */
#include "router.h"

#include "auth.h"

#include <string.h>

bool router_match(const char *pattern, const char *path, long long *id)
{
	const char *p = pattern, *s = path;
	while (*p != '\0') {
		if (*p == '#') {
			/* 1..18 digits without a leading zero: ids are positive and canonical, so
			 * /meetings/007 does not alias /meetings/7. */
			if (*s < '1' || *s > '9')
				return false;
			long long v = 0;
			int n = 0;
			while (*s >= '0' && *s <= '9') {
				if (++n > 18)
					return false;
				v = v * 10 + (*s - '0');
				s++;
			}
			*id = v;
			p++;
			continue;
		}
		if (*p == '*') {
			/* A word: 1..48 bytes of [0-9A-Za-z_-] and letters beyond ASCII (the path
			 * is checked to be UTF-8 before routing), never '.' or '/', so "*.json" ends
			 * at the extension and a word never spans segments. The handler reads it from
			 * the path (a registration number: 2026-00042, or a body's БРЗ-2026-00012). */
			int n = 0;
			while ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
			       (*s >= 'A' && *s <= 'Z') || *s == '-' || *s == '_' ||
			       (unsigned char)*s >= 0x80) {
				if (++n > 48)
					return false;
				s++;
			}
			if (n == 0)
				return false;
			p++;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *s == '\0';
}

enum route_match router_find(const char *path, enum http_method method, const struct route **out,
			     long long *id, unsigned *allowed)
{
	unsigned path_methods = 0;
	for (size_t i = 0; i < route_count; i++) {
		const struct route *r = &routes[i];
		long long matched = 0;
		if (!router_match(r->pattern, path, &matched))
			continue;
		unsigned methods = r->methods | ((r->methods & METHOD_GET) ? METHOD_HEAD : 0);
		if (methods & method) {
			*out = r;
			*id = matched;
			return ROUTE_FOUND;
		}
		path_methods |= methods;
	}
	*allowed = path_methods;
	return path_methods ? ROUTE_NO_METHOD : ROUTE_NO_PATH;
}

const char *router_allow_header(struct arena *a, unsigned methods)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {{METHOD_GET, "GET"}, {METHOD_HEAD, "HEAD"}, {METHOD_POST, "POST"}};
	char text[32] = "";
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(methods & names[i].bit))
			continue;
		if (text[0] != '\0')
			strcat(text, ", ");
		strcat(text, names[i].name);
	}
	return arena_strdup(a, text);
}

const char *const route_owner_names[ROUTE_OWNER__MAX] = {
	[ROUTE_OWNER_NONE] = "-",
	[ROUTE_OWNER_MEETING] = "meeting",
	[ROUTE_OWNER_APPEAL] = "appeal",
	[ROUTE_OWNER_APPEAL_FILE] = "appeal-file",
	[ROUTE_OWNER_INSTRUCTION] = "instruction",
	[ROUTE_OWNER_SERIES] = "series",
	[ROUTE_OWNER_RECEPTION_SCHEDULE] = "reception-schedule",
	[ROUTE_OWNER_BOOKING] = "booking",
	[ROUTE_OWNER_TERRITORY] = "territory",
	[ROUTE_OWNER_MUNICIPALITY] = "municipality",
	[ROUTE_OWNER_GROUP] = "group",
	[ROUTE_OWNER_VENUE] = "venue",
	[ROUTE_OWNER_DISCUSSION] = "discussion",
	[ROUTE_OWNER_PROPOSAL] = "proposal",
	[ROUTE_OWNER_SURVEY] = "survey",
	[ROUTE_OWNER_OUTBOX] = "outbox",
	[ROUTE_OWNER_REFERENCE_GROUP] = "reference-group",
	[ROUTE_OWNER_PLAN_MEASURE] = "plan-measure",
	[ROUTE_OWNER_PLAN_RECORD] = "plan-record",
	[ROUTE_OWNER_MEDIA_CONTACT] = "media-contact",
};

/* One line a route, tab-separated: methods, pattern, roles ("public" or role codes joined by
 * commas), flags, accepted fields (name, with "!" when required and "*" when it may repeat), what
 * the '#' of a staff route names ("-" for nothing a municipality owns). */
void router_print(FILE *out)
{
	static const struct {
		unsigned bit;
		const char *name;
	} flag_names[] = {
		{ROUTE_FORM_ERRORS_TO_HANDLER, "form-errors-to-handler"},
		{ROUTE_CACHEABLE, "cacheable"},
		{ROUTE_CSRF, "csrf"},
		{ROUTE_ANY_BODY, "any-body"},
		{ROUTE_MULTIPART, "multipart"},
		{ROUTE_INSTALLATION, "installation"},
	};
	for (size_t i = 0; i < route_count; i++) {
		const struct route *r = &routes[i];
		fprintf(out, "%s%s%s\t%s\t", r->methods & METHOD_GET ? "GET" : "",
			r->methods & METHOD_POST ? ((r->methods & METHOD_GET) ? ",POST" : "POST") : "",
			r->methods & METHOD_OTHER ? ",OTHER" : "", r->pattern);
		if (r->roles == 0)
			fputs("public", out);
		for (int k = 0, n = 0; auth_role_codes[k] != NULL; k++)
			if (r->roles & auth_role_bit(auth_role_codes[k]))
				fprintf(out, "%s%s", n++ ? "," : "", auth_role_codes[k]);
		fputc('\t', out);
		int n = 0;
		for (size_t k = 0; k < sizeof flag_names / sizeof flag_names[0]; k++)
			if (r->flags & flag_names[k].bit)
				fprintf(out, "%s%s", n++ ? "," : "", flag_names[k].name);
		if (n == 0)
			fputc('-', out);
		fputc('\t', out);
		n = 0;
		for (const struct route_field *f = r->fields; f != NULL && f->field != FIELD__MAX; f++)
			fprintf(out, "%s%s%s", n++ ? "," : "", field_specs[f->field].name,
				f->flags == FIELD_REQUIRED ? "!" : f->flags == FIELD_MULTI ? "*" : "");
		if (n == 0)
			fputc('-', out);
		fprintf(out, "\t%s\n", route_owner_names[r->owner]);
	}
}
