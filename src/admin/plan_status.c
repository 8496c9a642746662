/* plan_status.c — measures of the plan and their fulfilment per period (see plan_status.h). */
#include "plan_status.h"

#include <string.h>

#include "db.h"
#include "page.h"
#include "ru.h"
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

int plan_measures_load(struct request *req, long long id, struct plan_measure **out,
		       size_t *count)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PLAN_MEASURE_LIST);
	sqlite3_bind_int64(s, 1, id);
	size_t n = 0, cap = 0;
	struct plan_measure *list = NULL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		list = arena_grow(req->arena, list, n, &cap, sizeof *list);
		struct plan_measure *m = &list[n++];
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(s, 0);
		m->item = db_text(req->arena, s, 1);
		m->text = db_text(req->arena, s, 2);
		m->periodicity = plan_periodicity_parse(db_text(req->arena, s, 3));
		m->due_iso = db_text(req->arena, s, 4);
		civil_date_parse(m->due_iso, &m->due);
		m->units = db_text(req->arena, s, 5);
		m->evidence = db_text(req->arena, s, 6);
		m->meeting_kind = db_text(req->arena, s, 7);
		m->kind_name = db_text(req->arena, s, 8);
		m->evidence_name = db_text(req->arena, s, 9);
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	*out = list;
	*count = n;
	return 0;
}

/* Append to *list the evidence source src finds for m in [from, to]. -1 on a database error. */
static int load_evidence(struct request *req, const struct evidence_source *src,
			 const struct plan_measure *m, struct civil_date from, struct civil_date to,
			 struct plan_evidence **list, size_t *n, size_t *cap)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, src->stmt);
	/* A statement that uses fewer parameters refuses the binds past its last (SQLITE_RANGE):
	 * harmless, every statement is bound the same way. */
	sqlite3_bind_int64(s, 1, m->id);
	sqlite3_bind_text(s, 2, m->meeting_kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)tz_local_to_utc(from, 0, 0));
	sqlite3_bind_int64(s, 4, (sqlite3_int64)tz_local_to_utc(civil_date_add_days(to, 1), 0, 0));
	sqlite3_bind_text(s, 5, page_date_iso(req, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, page_date_iso(req, to), -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*list = arena_grow(req->arena, *list, *n, cap, sizeof **list);
		struct plan_evidence *e = &(*list)[(*n)++];
		long long id = sqlite3_column_int64(s, 0);
		e->what = src->what;
		e->title = db_text(req->arena, s, 1);
		e->href = arena_printf(req->arena, "%s%lld", src->href, id);
		if (sqlite3_column_type(s, 2) == SQLITE_INTEGER)
			e->date = tz_local_date((time_t)sqlite3_column_int64(s, 2));
		else
			civil_date_parse(db_text(req->arena, s, 3), &e->date);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
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
