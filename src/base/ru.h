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

/* text in «ёлочки», its own «…» turned into „лапки“ as Russian typography nests them:
 * «Встреча „Реальные дела“». Allocated from a. */
const char *ru_quoted(struct arena *a, const char *text);

#endif
