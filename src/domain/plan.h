/* plan.h — the periods of a measure of the plan of measures (seed 002, order № 803 of 20.08.2020):
 * which periods a periodicity divides time into, how each is named in Russian and whether a
 * period is fulfilled, missing or still pending. No database: the evidence is the caller's. */
#ifndef PORTAL_PLAN_H
#define PORTAL_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "civil_time.h"

enum plan_periodicity {
	PLAN_MONTHLY,
	PLAN_QUARTERLY,
	PLAN_HALF_YEARLY,
	PLAN_YEARLY,
	PLAN_ONCE,      /* once, by a date */
	PLAN_PERMANENT, /* always: no period to check */
	PLAN__MAX
};

/* A period of a measure: local dates, both inclusive. */
struct plan_period {
	struct civil_date first, last;
};

enum plan_state {
	PLAN_FULFILLED, /* evidence dated within the period */
	PLAN_MISSING,   /* the period ended before today without evidence */
	PLAN_PENDING,   /* the period has not ended yet, no evidence so far */
};

/* The code stored in plan_measure.periodicity («monthly») and the Russian label
 * («ежемесячно»). */
const char *plan_periodicity_code(enum plan_periodicity p);
const char *plan_periodicity_label(enum plan_periodicity p);

/* The periodicity whose code or label (any case of the first letter) is s; PLAN__MAX when none. */
enum plan_periodicity plan_periodicity_parse(const char *s);

/* The periods of p that overlap local dates [from, to] and have begun by today, in order, at
 * most max into out; due is the last day of a PLAN_ONCE measure (its one period is the year
 * that ends on it). PLAN_PERMANENT has none. Returns the number written. */
size_t plan_periods(enum plan_periodicity p, struct civil_date due, struct civil_date from,
		    struct civil_date to, struct civil_date today, struct plan_period *out,
		    size_t max);

/* The period's name: «март 2026 г.», «I квартал 2026 г.», «1-е полугодие 2026 г.», «2026 год»,
 * «до 15 марта 2026 г.». From arena a. */
const char *plan_period_label(struct arena *a, enum plan_periodicity p, struct plan_period period);

/* The state of a period with or without evidence, on local date today. */
enum plan_state plan_period_state(struct plan_period period, bool has_evidence,
				  struct civil_date today);

/* Whether local date d lies in the period. */
bool plan_period_contains(struct plan_period period, struct civil_date d);

#endif
