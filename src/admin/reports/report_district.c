/* report_district.c — the district's summary over its settlements for a year
 * (/admin/reports/district, issue 18 item 5): for each settlement, the yearly report of its head to
 * the residents and the head's monthly personal receptions (the district's plan of measures,
 * seed act of Сосновский район: «проведение ежегодных отчётов глав поселений», «личные приёмы —
 * 1 раз в месяц по графику»), and the quarterly field meetings of its information groups
 * (regulation № 44 on information groups §3.1: each group at least once a quarter); then the
 * district's own plan of measures for the year, when it has one (report_plan.c). */
#include <string.h>

#include "civil_time.h"
#include "db_meeting_staff.h"
#include "db_municipality.h"
#include "page.h"
#include "pages.h"
#include "report.h"
#include "report_page.h"
#include "report_plan.h"
#include "ru.h"
#include "scope.h"
#include "worker.h"

/* Held meetings of kind in [begin, end) of municipality body, hosted by host (0: anyone). 0,
 * or -1 on a database error. */
static int held_count(struct request *req, const char *kind, long long body, long long host,
		      time_t begin, time_t end, long long *held)
{
	long long planned;
	return db_report_kind_count(&req->worker->db, kind, begin, end, body, host, held, &planned);
}

/* The information groups of municipality body created before the instant before. 0, or -1 on
 * a database error. */
static int groups_count(struct request *req, long long body, time_t before, long long *count)
{
	return db_report_body_groups(&req->worker->db, body, before, count);
}

/* Whether a period ending at end kept its requirement: held of required. */
static const char *verdict(struct request *req, time_t end, long long held, long long required)
{
	if (required == 0)
		return "не требуется";
	if (held >= required)
		return "выполнено";
	return end > req->now ? "период не закончился" : "не выполнено";
}

/* Per-settlement totals for the summary table. */
struct settlement_totals {
	long long reports, reception_months, months_due, quarters_kept, quarters_due;
};

/* One row of a settlement's table: the requirement, its period, held, required, the verdict. */
static void period_row(struct report *r, struct report_table *t, const char *what,
		       const char *period, time_t end, long long held, long long required)
{
	REPORT_ROW(r, t, report_text(what), report_text(period), report_number(r, held),
		   report_number(r, required), report_text(verdict(r->req, end, held, required)));
}

/* The table of settlement m for year: its head's yearly report, the head's receptions month by
 * month, its groups' field meetings quarter by quarter; totals into *tot. -1 on a database
 * error. */
static int settlement_table(struct report *r, const struct municipality_item *m, int year,
			    struct settlement_totals *tot)
{
	struct request *req = r->req;
	const char *name = m->official_name[0] ? m->official_name : m->name;
	struct report_table *t = report_table_add(
		r, arena_printf(req->arena, "settlement-%s", m->slug), name, -1, "Требование",
		"Период", "Проведено", "Требуется", "Итог", NULL);
	t->note = m->head_name[0]
			  ? arena_printf(req->arena, "Глава: %s. Личные приёмы — те, которые ведёт "
						     "глава.",
					 m->head_name)
			  : "Глава в справочнике не указан: считаются все личные приёмы поселения.";
	memset(tot, 0, sizeof *tot);
	struct civil_date jan = {year, 1, 1}, next_year = {year + 1, 1, 1};
	time_t year_end = report_local_midnight(next_year);
	long long held;
	if (held_count(req, "head_report", m->id, 0, report_local_midnight(jan), year_end, &held) <
	    0)
		return -1;
	period_row(r, t, "Ежегодный отчёт главы перед населением",
		   arena_printf(req->arena, "%d год", year), year_end, held, 1);
	tot->reports = held;
	for (int month = 1; month <= 12; month++) {
		struct civil_date p = {year, month, 1};
		time_t begin = report_local_midnight(p),
		       end = report_local_midnight(report_add_months(p, 1));
		if (held_count(req, "personal_reception", m->id, m->head_person_id, begin, end,
			       &held) < 0)
			return -1;
		period_row(r, t, "Личный приём главы — ежемесячно",
			   arena_printf(req->arena, "%s %d г.", ru_month_nominative(month), year),
			   end, held, 1);
		if (end <= req->now)
			tot->months_due++;
		if (held > 0)
			tot->reception_months++;
	}
	static const char *const roman[] = {"I", "II", "III", "IV"};
	for (int quarter = 0; quarter < 4; quarter++) {
		struct civil_date p = {year, quarter * 3 + 1, 1};
		time_t begin = report_local_midnight(p),
		       end = report_local_midnight(report_add_months(p, 3));
		long long groups;
		if (held_count(req, "group_field", m->id, 0, begin, end, &held) < 0 ||
		    groups_count(req, m->id, begin, &groups) < 0)
			return -1;
		period_row(r, t, "Выездные встречи информационных групп — ежеквартально",
			   arena_printf(req->arena, "%s кв. %d г.", roman[quarter], year), end, held,
			   groups);
		if (end <= req->now && groups > 0)
			tot->quarters_due++;
		if (groups > 0 && held >= groups)
			tot->quarters_kept++;
	}
	return 0;
}

/* The district a request asks for, or by default the account's district (scope.h), else the own
 * municipality's district (the own one when it is a district, else the first district): NULL
 * when the installation has none. An id that is not a district marks the municipality field
 * invalid (another body's is refused before, by scope_check_fields). -1 on a database error. */
static int choose_district(struct request *req, struct municipality_item *list, size_t count,
			   const struct municipality_item **out)
{
	*out = NULL;
	const struct field_value *f = &req->field[FIELD_MUNICIPALITY];
	const struct municipality_item *account = report_account_body(req, list, count);
	if (f->state == FIELD_VALID && account != NULL && f->number != account->id) {
		/* A settlement of the account's district: not a district. */
		page_reject(req, FIELD_MUNICIPALITY, "выберите муниципальный район из списка");
		return 0;
	}
	if (account != NULL && f->state != FIELD_VALID) {
		*out = account;
		return 0;
	}
	if (f->state == FIELD_VALID) {
		const struct municipality_item *m = db_municipality_find(list, count, f->number);
		if (m == NULL || strcmp(m->kind, "municipal_district") != 0)
			page_reject(req, FIELD_MUNICIPALITY, "выберите муниципальный район из списка");
		else
			*out = m;
		return 0;
	}
	const struct municipality_item *own = db_municipality_own(list, count);
	if (own != NULL) {
		const struct municipality_item *d =
			own->district_id ? db_municipality_find(list, count, own->district_id) : own;
		if (d != NULL && strcmp(d->kind, "municipal_district") == 0) {
			*out = d;
			return 0;
		}
	}
	for (size_t i = 0; i < count; i++)
		if (strcmp(list[i].kind, "municipal_district") == 0) {
			*out = &list[i];
			break;
		}
	return 0;
}

/* GET /admin/reports/district?year=&municipality= — the district's summary over its settlements
 * for a year (default: this year; the district: the own municipality's): a summary row per
 * settlement, then a table per settlement with each period's held and required meetings and its
 * verdict. Only the district summary mixes bodies, and only settlements of the one district.
 * A district's account sees its own district only; a settlement's account gets 403 (the reports
 * page does not offer it the summary). 404 when the installation has no municipal district; 400 for a format other than csv; 400 with
 * the form and the error beside the field for a year out of range or a municipality that is not
 * a district. ?format=csv downloads it. */
enum http_status page_admin_report_district(struct request *req)
{
	static const char title[] = "Сводка района по поселениям";
	bool csv = report_want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	struct municipality_item *list;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	const struct municipality_item *account = report_account_body(req, list, count);
	if (!scope_is_installation(req) &&
	    (account == NULL || strcmp(account->kind, "municipal_district") != 0)) {
		req->error_detail = "Сводка района по поселениям доступна сотрудникам района и "
				    "сотрудникам, работающим со всеми муниципальными образованиями.";
		return HTTP_FORBIDDEN;
	}
	const struct municipality_item *district;
	if (choose_district(req, list, count, &district) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->invalid_fields > 0)
		return report_form_errors_page(req, title, "FORM_DISTRICT");
	if (district == NULL)
		return HTTP_NOT_FOUND;
	int year = req->field[FIELD_YEAR].state == FIELD_VALID ? (int)req->field[FIELD_YEAR].number
							       : tz_local_date(req->now).year;
	struct report r;
	report_init(&r, req, title,
		    report_period_of(req, arena_printf(req->arena, "%d год", year), district));
	r.body = district->id;
	size_t summary = r.table_count;
	struct report_table *t = report_table_add(
		&r, "summary", "Поселения района", -1, "Поселение",
		"Отчёт главы за год проведён", "Месяцев с приёмом главы", "Месяцев прошло",
		"Кварталов с выездными встречами всех групп", "Кварталов прошло", NULL);
	t->note = "Требования: ежегодный отчёт главы поселения перед населением и личный приём "
		  "главы раз в месяц (план мероприятий района), выездная встреча каждой "
		  "информационной группы раз в квартал (Положение об информационных группах, "
		  "п. 3.1). Прошедшими считаются месяцы и кварталы, закончившиеся к сегодняшнему "
		  "дню; кварталы — те, в начале которых у поселения были информационные группы.";
	size_t settlements = 0;
	for (size_t i = 0; i < count; i++) {
		if (list[i].district_id != district->id)
			continue;
		struct settlement_totals tot;
		if (settlement_table(&r, &list[i], year, &tot) < 0) {
			db_log_error(&req->worker->db, "district report");
			return HTTP_INTERNAL_ERROR;
		}
		REPORT_ROW(&r, &r.tables[summary],
			   report_text(list[i].official_name[0] ? list[i].official_name
								: list[i].name),
			   report_number(&r, tot.reports), report_number(&r, tot.reception_months),
			   report_number(&r, tot.months_due), report_number(&r, tot.quarters_kept),
			   report_number(&r, tot.quarters_due));
		settlements++;
	}
	if (settlements == 0)
		r.tables[summary].note = "В районе нет поселений.";
	/* The district's own plan of measures for the year, when it has one (migration 030): its
	 * measures are proved by the district's and its settlements' meetings. */
	long long plan_counts[3];
	if (report_plan_tables(&r, (struct civil_date){year, 1, 1},
			       (struct civil_date){year, 12, 31}, plan_counts) < 0) {
		db_log_error(&req->worker->db, "district report plan");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv)
		return report_send_csv(&r,
				       arena_printf(req->arena, "сводка-района-%d.csv", year),
				       arena_printf(req->arena, "district-%s-%d.csv", district->slug,
						    year));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_DISTRICT");
	tpl_set_int(f, "year", year);
	if (report_body_options(req, f, district, true) < 0)
		return HTTP_INTERNAL_ERROR;
	return report_show(req, &r, d);
}
