/* plan_status.h — the plan of measures as staff pages and the compliance report read it: the
 * measures, and per measure and period whether it was fulfilled, with the evidence the portal
 * found by itself (held meetings of the measure's kind, concluded discussions) or staff entered
 * by hand (a record with its document). */
#ifndef PORTAL_PLAN_STATUS_H
#define PORTAL_PLAN_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"
#include "plan.h"

struct plan_measure {
	long long id;
	const char *item, *text, *units;
	enum plan_periodicity periodicity;
	struct civil_date due;     /* PLAN_ONCE only */
	const char *due_iso;       /* '' unless PLAN_ONCE */
	const char *evidence;      /* code: meeting, discussion, record */
	const char *evidence_name; /* «Проведённая встреча» */
	const char *meeting_kind;  /* code, '' unless evidence is meeting */
	const char *kind_name;     /* its name */
	const char *municipality;  /* the name of the body whose measure it is (migration 030) */
};

/* One piece of evidence: what it is («встреча», «обсуждение», «отметка»), its title, the staff
 * page it links to and its local date. */
struct plan_evidence {
	const char *what, *title, *href;
	struct civil_date date;
};

struct plan_period_status {
	struct plan_period period;
	const char *label;                 /* «I квартал 2026 г.» */
	enum plan_state state;
	const struct plan_evidence *first; /* the first evidence in the period, or NULL */
	size_t evidence_count;
};

/* The measures (every one when id is 0, else that one) of the bodies of the request's account
 * and, when body is not 0, of that municipality only (issue 18: each body has its plan), in the
 * plan's order, from the request's arena. -1 on a database error. */
int plan_measures_load(struct request *req, long long id, long long body,
		       struct plan_measure **out, size_t *count);

/* The periods of m overlapping local dates [from, to] that have begun (plan_periods) with their
 * state, and every piece of evidence of m (the evidence of its kind and the records entered by
 * hand) dated within those whole periods — a year is judged whole in a report of its first
 * half —, or within [from, to] for a permanent measure. -1 on a database error. */
int plan_measure_status(struct request *req, const struct plan_measure *m, struct civil_date from,
			struct civil_date to, struct plan_period_status **periods,
			size_t *period_count, struct plan_evidence **evidence,
			size_t *evidence_count);

/* «выполнено», «не выполнено», «период идёт». */
const char *plan_state_label(enum plan_state s);

/* «встреча «Тема», 11 марта 2026 г.». */
const char *plan_evidence_words(struct request *req, const struct plan_evidence *e);

#endif
