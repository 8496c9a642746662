/* meeting_words.c — sentences about a meeting that agree with its kind (meeting_words.h). */
#include "meeting_words.h"

#include <string.h>

#include "ru.h"

const struct kind_words *kind_words_find(struct arena *a, const struct kind_words *kinds,
					 size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(kinds[i].code, key) == 0 || strcmp(kinds[i].name, key) == 0)
			return &kinds[i];
	struct kind_words *k = arena_alloc(a, sizeof *k);
	*k = (struct kind_words){.code = "", .name = key, .gender = 'f', .stems = ""};
	return k;
}

bool meeting_title_names_kind(struct arena *a, const struct kind_words *k, const char *title)
{
	const char *lower = ru_lower(a, title);
	for (const char *p = k->stems; *p;) {
		size_t n = strcspn(p, "|");
		if (n > 0) {
			const char *stem = arena_printf(a, "%.*s", (int)n, p);
			if (strstr(lower, stem) != NULL)
				return true;
		}
		p += n;
		if (*p == '|')
			p++;
	}
	return false;
}

const char *meeting_subject(struct arena *a, const struct kind_words *k, const char *title)
{
	if (meeting_title_names_kind(a, k, title))
		return title;
	return arena_printf(a, "%s %s", k->name, ru_quoted(a, title));
}

const char *meeting_sentence(struct arena *a, const struct kind_words *k, const char *title,
			     const char *m, const char *f, const char *n, const char *p)
{
	return arena_printf(a, "%s %s", meeting_subject(a, k, title),
			    ru_by_gender(k->gender, m, f, n, p));
}
