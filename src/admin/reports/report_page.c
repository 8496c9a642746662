/* report_page.c — what the report pages share: local dates and instants of a report's period, the
 * CSV switch, the page with its CSV link and the form sent back with its errors (report_page.h). */
#include <string.h>

#include "page.h"
#include "report_page.h"
#include "ru.h"
#include "scope.h"
#include "worker.h"

/* The municipality's offset from UTC in seconds at t: SQLite's date() of (instant + offset) is
 * then the local date. Russian zones have kept a fixed offset since 2014. */
long long report_utc_offset(time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	return (long long)tm.tm_gmtoff;
}

/* A date in words, «11 марта 2020 г.», in the request's arena. */
const char *report_date_words(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

/* The local date of instant t as a date cell. */
struct report_cell report_instant_cell(struct report *r, time_t t)
{
	return report_date(r, tz_local_date(t));
}

/* «2026-03-11» as a date cell (as text when it does not parse). */
struct report_cell report_iso_cell(struct report *r, const char *iso)
{
	struct civil_date d;
	return civil_date_parse(iso, &d) ? report_date(r, d) : report_text(iso);
}

/* A date as YYYY-MM-DD, in the request's arena. */
const char *report_iso_date(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* The first day of the month months after (before, when negative) d's month. */
struct civil_date report_add_months(struct civil_date d, int months)
{
	int m = d.year * 12 + (d.month - 1) + months;
	return (struct civil_date){m / 12, m % 12 + 1, 1};
}

/* The instant of local midnight starting day d. */
time_t report_local_midnight(struct civil_date d)
{
	return tz_local_to_utc(d, 0, 0);
}

/* Whether the page asked for the CSV download. A format other than csv marks the field
 * invalid (the caller answers 400 with the error page that names it). */
bool report_want_csv(struct request *req)
{
	const struct field_value *f = &req->field[FIELD_FORMAT];
	if (f->state != FIELD_VALID)
		return false;
	if (strcmp(f->text, "csv") == 0)
		return true;
	page_reject(req, FIELD_FORMAT, "единственный формат выгрузки — csv");
	return false;
}

/* The page of a report: its tables and charts, the link to the same report as CSV. */
enum http_status report_show(struct request *req, struct report *r, tpl_dict *d)
{
	report_fill(r, d);
	struct buf link;
	buf_init(&link, req->arena);
	buf_puts(&link, req->path);
	buf_puts(&link, "?");
	for (size_t i = 0; i < req->query.count; i++) {
		const struct param *p = &req->query.items[i];
		if (strcmp(p->name, "format") == 0)
			continue;
		page_append_encoded(&link, p->name);
		buf_puts(&link, "=");
		page_append_encoded(&link, p->value);
		buf_puts(&link, "&");
	}
	buf_puts(&link, "format=csv");
	tpl_set(tpl_section_add(d, "CSV"), "LINK", link.data);
	return page_end(req, HTTP_OK);
}

const struct municipality_item *report_account_body(struct request *req,
						    const struct municipality_item *list,
						    size_t count)
{
	long long scope = scope_bind_value(req);
	return scope != 0 ? db_municipality_find(list, count, scope) : NULL;
}

/* Whether municipality m is one of the bodies of a scoped account (scope.h): the account's
 * own, or a settlement of the district it works for. True for every one with scope 0. */
static bool of_scope(const struct municipality_item *m, long long scope)
{
	return scope == 0 || m->id == scope || m->district_id == scope;
}

int report_body(struct request *req, const struct municipality_item **body)
{
	*body = NULL;
	const struct field_value *f = &req->field[FIELD_MUNICIPALITY];
	if (f->state == FIELD_INVALID)
		return 0; /* another body's (scope_check_fields) or not a number: the form says */
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	if (f->state != FIELD_VALID) {
		/* A scoped account's report is of its own body, never of every one. */
		*body = report_account_body(req, list, count);
		return 0;
	}
	*body = db_municipality_find(list, count, f->number);
	if (*body == NULL) {
		page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
	} else if (!of_scope(*body, scope_bind_value(req))) {
		*body = NULL; /* scope_check_fields refuses it first; kept here as the report's rule */
		page_reject(req, FIELD_MUNICIPALITY,
			    "выберите муниципальное образование, с которым вы работаете");
	}
	return 0;
}

int report_body_options(struct request *req, tpl_dict *f, const struct municipality_item *body,
			bool districts_only)
{
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return -1;
	if (count < 2)
		return 0;
	long long scope = scope_bind_value(req);
	tpl_dict *c = tpl_section_add(f, "MUNICIPALITY_CHOICE");
	if (!districts_only && scope == 0)
		tpl_section_show(c, "ALL");
	for (size_t i = 0; i < count; i++) {
		if (districts_only && strcmp(list[i].kind, "municipal_district") != 0)
			continue;
		if (!of_scope(&list[i], scope))
			continue;
		tpl_dict *o = tpl_section_add(c, "MUNICIPALITY_OPTION");
		tpl_set_int(o, "ID", list[i].id);
		/* Settlements indented under their district, as the list orders them. */
		tpl_set(o, "NAME", arena_printf(req->arena, "%s%s",
						list[i].district_id ? "\u00a0\u00a0" : "",
						list[i].official_name[0] ? list[i].official_name
									 : list[i].name));
		if (body != NULL && body->id == list[i].id)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

const char *report_period_of_account(struct request *req, const char *period)
{
	if (scope_is_installation(req))
		return period;
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return NULL;
	const struct municipality_item *body = report_account_body(req, list, count);
	if (body == NULL)
		return period;
	bool settlements = false;
	for (size_t i = 0; i < count && !settlements; i++)
		settlements = list[i].district_id == body->id;
	const char *name = body->official_name[0] ? body->official_name : body->name;
	return arena_printf(req->arena, "%s%s; %s", name, settlements ? " и его поселения" : "",
			    period);
}

const char *report_period_of(struct request *req, const char *period,
			     const struct municipality_item *body)
{
	if (body == NULL)
		return period;
	return arena_printf(req->arena, "%s; %s", body->official_name[0] ? body->official_name
									  : body->name,
			    period);
}

/* A report's form come back with its errors beside the fields and no tables: 400. form is the
 * template's FORM_… section of the report. */
enum http_status report_form_errors_page(struct request *req, const char *title,
					 const char *form)
{
	tpl_dict *d = page_begin(req, "admin_report.tpl", title, NAV_STAFF_REPORTS);
	tpl_set(d, "REPORT_TITLE", title);
	tpl_set(d, "PERIOD", "Исправьте параметры отчёта.");
	tpl_dict *f = tpl_section_add(d, form);
	page_form_fields(req, f);
	if (strcmp(form, "FORM_PERIOD") == 0 || strcmp(form, "FORM_YEAR") == 0 ||
	    strcmp(form, "FORM_DISTRICT") == 0)
		report_body_options(req, f, NULL, strcmp(form, "FORM_DISTRICT") == 0);
	if (strcmp(form, "FORM_HALF") == 0)
		tpl_section_show(f, "WHOLE");
	return page_end(req, HTTP_BAD_REQUEST);
}