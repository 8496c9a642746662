/* plan.c — the periods of a measure of the plan of measures (see plan.h). */
#include "plan.h"

#include <string.h>

#include "ru.h"

static const char *const codes[PLAN__MAX] = {"monthly", "quarterly", "half_yearly",
					     "yearly",  "once",      "permanent"};
static const char *const labels[PLAN__MAX] = {"ежемесячно", "ежеквартально", "раз в полугодие",
					      "ежегодно",   "однократно, к сроку", "постоянно"};

const char *plan_periodicity_code(enum plan_periodicity p)
{
	return p < PLAN__MAX ? codes[p] : "";
}

const char *plan_periodicity_label(enum plan_periodicity p)
{
	return p < PLAN__MAX ? labels[p] : "";
}

enum plan_periodicity plan_periodicity_parse(const char *s)
{
	for (int p = 0; p < PLAN__MAX; p++) {
		if (strcmp(s, codes[p]) == 0 || strcmp(s, labels[p]) == 0)
			return (enum plan_periodicity)p;
		/* «Ежемесячно» as a spreadsheet capitalises it: compare past the first letter
		 * (every label starts with a two-byte Cyrillic letter). */
		if (strlen(s) > 2 && strlen(s) == strlen(labels[p]) &&
		    strcmp(s + 2, labels[p] + 2) == 0)
			return (enum plan_periodicity)p;
	}
	return PLAN__MAX;
}

/* The number of months in one period of p (monthly … yearly). */
static int period_months(enum plan_periodicity p)
{
	switch (p) {
	case PLAN_MONTHLY: return 1;
	case PLAN_QUARTERLY: return 3;
	case PLAN_HALF_YEARLY: return 6;
	default: return 12;
	}
}

/* The period of p (monthly … yearly) that contains d. */
static struct plan_period period_of(enum plan_periodicity p, struct civil_date d)
{
	int months = period_months(p);
	int first_month = (d.month - 1) / months * months + 1;
	int last_month = first_month + months - 1;
	return (struct plan_period){
		{d.year, first_month, 1},
		{d.year, last_month, civil_days_in_month(d.year, last_month)},
	};
}

size_t plan_periods(enum plan_periodicity p, struct civil_date due, struct civil_date from,
		    struct civil_date to, struct civil_date today, struct plan_period *out,
		    size_t max)
{
	size_t n = 0;
	if (civil_date_compare(to, today) > 0)
		to = today;
	if (p == PLAN_PERMANENT || p >= PLAN__MAX || civil_date_compare(from, to) > 0)
		return 0;
	if (p == PLAN_ONCE) {
		/* The year that ends on the due date: from the day after the same date a year
		 * earlier (1 March after a 29 February). */
		int day = due.day;
		if (day > civil_days_in_month(due.year - 1, due.month))
			day = civil_days_in_month(due.year - 1, due.month);
		struct plan_period once = {
			civil_date_add_days((struct civil_date){due.year - 1, due.month, day}, 1), due};
		if (max > 0 && civil_date_compare(once.first, to) <= 0 &&
		    civil_date_compare(once.last, from) >= 0)
			out[n++] = once;
		return n;
	}
	struct plan_period cur = period_of(p, from);
	while (n < max && civil_date_compare(cur.first, to) <= 0) {
		out[n++] = cur;
		cur = period_of(p, civil_date_add_days(cur.last, 1));
	}
	return n;
}

const char *plan_period_label(struct arena *a, enum plan_periodicity p, struct plan_period period)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	int y = period.first.year;
	switch (p) {
	case PLAN_MONTHLY:
		return arena_printf(a, "%s %d г.", ru_month_nominative(period.first.month), y);
	case PLAN_QUARTERLY:
		return arena_printf(a, "%s квартал %d г.", roman[(period.first.month - 1) / 3], y);
	case PLAN_HALF_YEARLY:
		return arena_printf(a, "%d-е полугодие %d г.", period.first.month == 1 ? 1 : 2, y);
	case PLAN_YEARLY:
		return arena_printf(a, "%d год", y);
	case PLAN_ONCE:
		return arena_printf(a, "до %d %s %d г.", period.last.day,
				    ru_month_genitive(period.last.month), period.last.year);
	default:
		return "";
	}
}

bool plan_period_contains(struct plan_period period, struct civil_date d)
{
	return civil_date_compare(d, period.first) >= 0 && civil_date_compare(d, period.last) <= 0;
}

enum plan_state plan_period_state(struct plan_period period, bool has_evidence,
				  struct civil_date today)
{
	if (has_evidence)
		return PLAN_FULFILLED;
	return civil_date_compare(period.last, today) < 0 ? PLAN_MISSING : PLAN_PENDING;
}
