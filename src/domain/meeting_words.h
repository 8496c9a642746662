/* meeting_words.h — generated Russian sentences about a meeting that agree with its kind
 * (migration 014: the gender and number of each kind's name) and do not repeat the kind when the
 * title already names it: «Сход граждан деревни Кедровая состоялся», «Форум «Форум…»» no more. */
#ifndef PORTAL_MEETING_WORDS_H
#define PORTAL_MEETING_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_reference.h"

/* struct kind_words and kind_words_load, the kinds as sentences need them: db_reference.h. */

/* The kind whose code or name is key, or a feminine one named key when there is none (a
 * sentence still comes out). Never NULL. */
const struct kind_words *kind_words_find(struct arena *a, const struct kind_words *kinds,
					 size_t count, const char *key);

/* Whether title already names kind k (one of its stems occurs in it, in any case). */
bool meeting_title_names_kind(struct arena *a, const struct kind_words *k, const char *title);

/* The subject of a sentence about a meeting: the title alone when it names the kind («Сход
 * граждан деревни Кедровая»), else the kind's name and the title in quotes, nested as Russian
 * typography nests them («Форум «Итоги года „Реальные дела“»»). */
const char *meeting_subject(struct arena *a, const struct kind_words *k, const char *title);

/* The subject and a verb that agrees with it: meeting_sentence(a, k, title, "состоялся",
 * "состоялась", "состоялось", "состоялись") → «Публичные слушания по проекту бюджета
 * состоялись». */
const char *meeting_sentence(struct arena *a, const struct kind_words *k, const char *title,
			     const char *m, const char *f, const char *n, const char *p);

#endif
