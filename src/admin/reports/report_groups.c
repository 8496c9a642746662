/* report_groups.c — the half-year or yearly summary of the information groups' work
 * (/admin/reports/groups; regulation № 44 on information groups §3.9). */
#include <string.h>

#include "civil_time.h"
#include "db_meeting_staff.h"
#include "page.h"
#include "pages.h"
#include "report.h"
#include "report_page.h"
#include "scope.h"
#include "worker.h"

struct territory_sum {
	long long id;
	const char *name;
	long long groups, held, attendance, appeals, given, executed;
};

/* The groups' tables of r for [from, to): by group with a total, then by territory; only the
 * groups of the account's bodies for a scoped account. 0, or -1 on a database error. */
static int groups_tables(struct report *r, time_t from, time_t to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(
		r, "by-group", "По информационным группам", 2, "Информационная группа",
		"Территория", "Встреч проведено", "Участников", "Обращений принято",
		"Поручений дано", "Поручений исполнено", NULL);
	t->note = "Поручения — из протоколов встреч периода, кроме отменённых; исполненные — "
		  "принятые контролёром.";
	struct report_group *groups;
	size_t count;
	if (db_report_groups(&req->worker->db, req->arena, from, to, scope_bind_value(req), &groups,
			     &count) < 0)
		return -1;
	size_t n = 0, cap = 16;
	struct territory_sum *sums = arena_alloc(req->arena, cap * sizeof *sums);
	struct territory_sum total = {.name = "Всего"};
	for (size_t g = 0; g < count; g++) {
		const struct report_group *row = &groups[g];
		REPORT_ROW(r, t, report_text(row->name), report_text(row->territory),
			   report_number(r, row->held), report_number(r, row->attendance),
			   report_number(r, row->appeals), report_number(r, row->given),
			   report_number(r, row->executed));
		size_t i = 0;
		while (i < n && sums[i].id != row->territory_id)
			i++; /* by id: two territories may share a name («Центральный») */
		if (i == n) {
			sums = arena_grow(req->arena, sums, n, &cap, sizeof *sums);
			sums[n++] = (struct territory_sum){.id = row->territory_id,
							   .name = row->territory};
		}
		struct territory_sum *x[] = {&sums[i], &total};
		for (size_t k = 0; k < 2; k++) {
			x[k]->groups++;
			x[k]->held += row->held;
			x[k]->attendance += row->attendance;
			x[k]->appeals += row->appeals;
			x[k]->given += row->given;
			x[k]->executed += row->executed;
		}
	}
	REPORT_ROW(r, t, report_text(total.name), report_text(""), report_number(r, total.held),
		   report_number(r, total.attendance), report_number(r, total.appeals),
		   report_number(r, total.given), report_number(r, total.executed))
		->total = true;
	t = report_table_add(r, "by-territory", "По территориям", 2, "Территория", "Групп",
			     "Встреч проведено", "Участников", "Обращений принято",
			     "Поручений дано", "Поручений исполнено", NULL);
	for (size_t i = 0; i <= n; i++) {
		const struct territory_sum *x = i < n ? &sums[i] : &total;
		REPORT_ROW(r, t, report_text(x->name), report_number(r, x->groups),
			   report_number(r, x->held), report_number(r, x->attendance),
			   report_number(r, x->appeals), report_number(r, x->given),
			   report_number(r, x->executed))
			->total = i == n;
	}
	return 0;
}

/* GET /admin/reports/groups?year=&half= — the summary of the information groups' work for a
 * year or its first or second half (regulation № 44 on information groups §3.9): meetings held,
 * attendance, appeals handed in at them and the instructions of their protocols given and executed,
 * by group and by territory (default: this year); a scoped account's the groups of its bodies
 * (a district's: its own and its settlements'), named in the period line. 400 for a format other than csv; 400 with the
 * form and the error beside the field for a year or half out of range. ?format=csv downloads it. */
enum http_status page_admin_report_groups(struct request *req)
{
	static const char title[] = "Итоги работы информационных групп";
	bool csv = report_want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	if (req->invalid_fields > 0)
		return report_form_errors_page(req, title, "FORM_HALF");
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	int half = req->field[FIELD_HALF].state == FIELD_VALID ? (int)req->field[FIELD_HALF].number
							       : 0;
	struct civil_date first = {year, half == 2 ? 7 : 1, 1};
	struct civil_date after = report_add_months(first, half ? 6 : 12);
	const char *period = half ? arena_printf(req->arena, "%s полугодие %d г.",
						 half == 1 ? "первое" : "второе", year)
				  : arena_printf(req->arena, "%d год", year);
	period = report_period_of_account(req, period);
	if (period == NULL)
		return HTTP_INTERNAL_ERROR;
	struct report r;
	report_init(&r, req, title, period);
	if (groups_tables(&r, report_local_midnight(first), report_local_midnight(after)) < 0) {
		db_log_error(&req->worker->db, "groups report");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv) {
		const char *suffix = half ? arena_printf(req->arena, "%d-%d", year, half)
					  : arena_printf(req->arena, "%d", year);
		return report_send_csv(
			&r, arena_printf(req->arena, "информационные-группы-%s.csv", suffix),
			arena_printf(req->arena, "groups-%s.csv", suffix));
	}
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_HALF");
	tpl_set_int(f, "year", year);
	tpl_section_show(f, half == 1 ? "FIRST" : half == 2 ? "SECOND" : "WHOLE");
	return report_show(req, &r, d);
}
