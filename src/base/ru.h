/* ru.h — Russian for people: dates in words, plural forms of nouns after numbers, quotation
 * marks. */
#ifndef PORTAL_RU_H
#define PORTAL_RU_H

#include <stddef.h>
#include <time.h>

#include "arena.h"

/* The form of a noun after n by the Russian rule: one for 1, 21, 101…; few for 2–4, 22–24…;
 * many for 0, 5–20, 11–14, 25… — «1 день», «2 дня», «5 дней», «11 дней», «21 день». */
const char *ru_plural(long n, const char *one, const char *few, const char *many);

/* Month name in the genitive («марта») for 1..12, and the nominative («март»). */
const char *ru_month_genitive(int month);
const char *ru_month_nominative(int month);

/* Weekday name («среда») for tm_wday 0..6. */
const char *ru_weekday(int wday);

/* «11 марта 2020 г.» */
void ru_format_date(char *out, size_t size, const struct tm *tm);

/* «11 марта 2020 г., 18:00» */
void ru_format_datetime(char *out, size_t size, const struct tm *tm);

/* «18:00» */
void ru_format_time(char *out, size_t size, const struct tm *tm);

/* The same moment for machines, to the minute with the zone's offset, as HTML's <time datetime>
 * wants it: «2026-11-28T18:00+05:00». */
void ru_format_iso_minute(char *out, size_t size, const struct tm *tm);

/* text in «ёлочки», its own «…» turned into „лапки“ as Russian typography nests them:
 * «Встреча „Реальные дела“». Allocated from a. */
const char *ru_quoted(struct arena *a, const char *text);

/* One of four words by grammatical gender and number: 'm' masculine, 'f' feminine, 'n' neuter,
 * 'p' plural — «состоялся», «состоялась», «состоялось», «состоялись». Another code gives f. */
const char *ru_by_gender(char gender, const char *m, const char *f, const char *n, const char *p);

/* text with its Cyrillic and Latin capitals in lower case («Сход Граждан» → «сход граждан»).
 * Allocated from a. */
const char *ru_lower(struct arena *a, const char *text);

/* text with its first letter in lower case («Директор» → «директор»), unless the second letter
 * is a capital too (an abbreviation such as «ОМВД» stays). Allocated from a when changed. */
const char *ru_lower_first(struct arena *a, const char *text);

/* A person as a list line names them: «Захаров Павел Ильич, директор ООО «Зеленоборский ЛПК»»,
 * «Лебедева Татьяна Андреевна, начальник отдела ЖКХ, Администрация городского поселения». The
 * organisation follows the position after a space when it opens with an abbreviation (ООО, МБОУ),
 * after a comma otherwise, and is left out when the position already names it («Морозов Дмитрий
 * Алексеевич, депутат Совета депутатов городского поселения»). */
const char *ru_person_line(struct arena *a, const char *name, const char *position,
			   const char *organisation);

#endif
