/* plan_status.c — measures of the plan and their fulfilment per period (see plan_status.h). */
#include "plan_status.h"

#include <string.h>

#include "db_meeting_staff.h"
#include "page.h"
#include "ru.h"
#include "scope.h"
#include "worker.h"

/* Where the evidence of each kind comes from: the statement (parameters and columns as
 * STMT_PLAN_EVIDENCE_* in db.h), what it is called and the page it links to. A survey becomes
 * one row here, with its statement and its row of plan_evidence_kind. */
static const struct evidence_source {
	const char *code;
	enum stmt stmt;
	const char *what;
	const char *href; /* the link, before the id */
} sources[] = {
	{"meeting", STMT_PLAN_EVIDENCE_MEETINGS, "встреча", "/admin/meetings/"},
	{"discussion", STMT_PLAN_EVIDENCE_DISCUSSIONS, "обсуждение с заключением",
	 "/admin/discussions/"},
	{"record", STMT_PLAN_EVIDENCE_RECORDS, "отметка с документом", "/admin/plan/records/"},
};

const char *plan_state_label(enum plan_state s)
{
	switch (s) {
	case PLAN_FULFILLED: return "выполнено";
	case PLAN_MISSING: return "не выполнено";
	default: return "период идёт";
	}
}

int plan_measures_load(struct request *req, long long id, long long body,
		       struct plan_measure **out, size_t *count)
{
	struct plan_measure_row *rows;
	size_t n;
	if (db_plan_measures(&req->worker->db, req->arena, id, scope_bind_value(req), body, &rows,
			     &n) < 0)
		return -1;
	struct plan_measure *list = arena_calloc(req->arena, n ? n : 1, sizeof *list);
	for (size_t i = 0; i < n; i++) {
		const struct plan_measure_row *r = &rows[i];
		struct plan_measure *m = &list[i];
		m->id = r->id;
		m->item = r->item;
		m->text = r->text;
		m->periodicity = plan_periodicity_parse(r->periodicity);
		m->due_iso = r->due_iso;
		civil_date_parse(m->due_iso, &m->due);
		m->units = r->units;
		m->evidence = r->evidence;
		m->meeting_kind = r->meeting_kind;
		m->kind_name = r->kind_name;
		m->evidence_name = r->evidence_name;
		m->municipality = r->municipality;
	}
	*out = list;
	*count = n;
	return 0;
}

/* Append to *list the evidence source src finds for m in [from, to]. -1 on a database error. */
static int load_evidence(struct request *req, const struct evidence_source *src,
			 const struct plan_measure *m, struct civil_date from, struct civil_date to,
			 struct plan_evidence **list, size_t *n, size_t *cap)
{
	struct plan_evidence_row *rows;
	size_t count;
	if (db_plan_evidence(&req->worker->db, req->arena, src->stmt, m->id, m->meeting_kind,
			     tz_local_to_utc(from, 0, 0),
			     tz_local_to_utc(civil_date_add_days(to, 1), 0, 0),
			     page_date_iso(req, from), page_date_iso(req, to), &rows, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		*list = arena_grow(req->arena, *list, *n, cap, sizeof **list);
		struct plan_evidence *e = &(*list)[(*n)++];
		e->what = src->what;
		e->title = rows[i].title;
		e->href = arena_printf(req->arena, "%s%lld", src->href, rows[i].id);
		if (rows[i].has_time)
			e->date = tz_local_date(rows[i].at);
		else
			civil_date_parse(rows[i].day, &e->date);
	}
	return 0;
}

int plan_measure_status(struct request *req, const struct plan_measure *m, struct civil_date from,
			struct civil_date to, struct plan_period_status **periods,
			size_t *period_count, struct plan_evidence **evidence,
			size_t *evidence_count)
{
	struct civil_date today = tz_local_date(req->now);
	/* At most 12 months in a year: a report of up to 10 years has at most 121 periods. */
	enum { MAX_PERIODS = 132 };
	struct plan_period buf[MAX_PERIODS];
	size_t pn = plan_periods(m->periodicity, m->due, from, to, today, buf, MAX_PERIODS);
	/* Whole periods are judged: the first may begin before from (a month, or the year before
	 * a due date) and the last end after to. */
	if (pn > 0 && civil_date_compare(buf[0].first, from) < 0)
		from = buf[0].first;
	if (pn > 0 && civil_date_compare(buf[pn - 1].last, to) > 0)
		to = buf[pn - 1].last;
	size_t n = 0, cap = 0;
	struct plan_evidence *list = NULL;
	/* The evidence of the measure's kind, and for every measure the records entered by hand
	 * (a meeting held elsewhere, say). */
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if ((strcmp(sources[i].code, m->evidence) == 0 ||
		     strcmp(sources[i].code, "record") == 0) &&
		    load_evidence(req, &sources[i], m, from, to, &list, &n, &cap) < 0)
			return -1;
	struct plan_period_status *st = arena_calloc(req->arena, pn ? pn : 1, sizeof *st);
	for (size_t k = 0; k < pn; k++) {
		st[k].period = buf[k];
		st[k].label = plan_period_label(req->arena, m->periodicity, buf[k]);
		for (size_t i = 0; i < n; i++)
			if (plan_period_contains(buf[k], list[i].date)) {
				if (st[k].first == NULL ||
				    civil_date_compare(list[i].date, st[k].first->date) < 0)
					st[k].first = &list[i];
				st[k].evidence_count++;
			}
		st[k].state = plan_period_state(buf[k], st[k].first != NULL, today);
	}
	*periods = st;
	*period_count = pn;
	*evidence = list;
	*evidence_count = n;
	return 0;
}

const char *plan_evidence_words(struct request *req, const struct plan_evidence *e)
{
	return arena_printf(req->arena, "%s %s, %s", e->what, ru_quoted(req->arena, e->title),
			    page_date_words(req, e->date));
}
