/* report_monthly.c — the monthly export of appeals by classifier code and outcome
 * (/admin/reports/monthly), the table municipalities send upward each month. */
#include <stdio.h>
#include <string.h>

#include "civil_time.h"
#include "db_meeting_staff.h"
#include "page.h"
#include "pages.h"
#include "report.h"
#include "report_page.h"
#include "ru.h"
#include "scope.h"
#include "worker.h"

/* GET /admin/reports/monthly?month=YYYY-MM — appeals received in a month by classifier code and
 * outcome as of the end of the month (today for the current month), one row per code with
 * totals, the table municipalities send upward each month (default: this month); a scoped
 * account's the appeals of its bodies (a district's: its own and its settlements'), named in the
 * period line. 400 for a
 * format other than csv; 400 with the form and the error beside the field for a month not
 * shaped YYYY-MM. ?format=csv downloads it. */
enum http_status page_admin_report_monthly(struct request *req)
{
	static const char title[] = "Обращения граждан по тематике и результатам за месяц";
	bool csv = report_want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	struct civil_date today = tz_local_date(req->now);
	struct civil_date month = {today.year, today.month, 1};
	const struct field_value *fm = &req->field[FIELD_MONTH];
	if (fm->state == FIELD_VALID) {
		char date[16];
		snprintf(date, sizeof date, "%s-01", fm->text);
		if (strlen(fm->text) != 7 || fm->text[4] != '-' || !civil_date_parse(date, &month))
			page_reject(req, FIELD_MONTH, "укажите месяц в виде ГГГГ-ММ, например 2026-03");
	}
	if (req->invalid_fields > 0)
		return report_form_errors_page(req, title, "FORM_MONTH");
	struct civil_date next = report_add_months(month, 1);
	time_t end = report_local_midnight(next);
	bool past = end <= req->now;
	const char *period = report_period_of_account(
		req, arena_printf(req->arena, "%s %d г.", ru_month_nominative(month.month),
				  month.year));
	if (period == NULL)
		return HTTP_INTERNAL_ERROR;
	struct report r;
	report_init(&r, req, title, period);
	struct report_table *t = report_table_add(
		&r, "by-code", "По кодам тематического классификатора", 2, "Код", "Тема",
		"Поступило", "Дан ответ по существу", "Направлено по компетенции",
		"Оставлено без ответа (ст. 11)", "На рассмотрении", NULL);
	t->note = past ? arena_printf(req->arena,
				      "Обращения, поступившие в месяце, и их состояние на конец "
				      "месяца (%s, 24:00) — по времени закрытия в истории обращения, "
				      "поэтому повторная выгрузка даёт те же числа.",
				      report_date_words(req, civil_date_add_days(next, -1)))
		       : "Обращения, поступившие в месяце, и их состояние на сегодня: месяц ещё "
			 "не закончился.";
	struct report_month_code *codes;
	size_t count;
	if (db_report_monthly(&req->worker->db, req->arena, report_local_midnight(month), end,
			      scope_bind_value(req), &codes, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	long long sum[5] = {0};
	for (size_t i = 0; i < count; i++) {
		const struct report_month_code *c = &codes[i];
		long long v[5] = {c->received, c->answered, c->forwarded, c->unanswered, c->open};
		for (int k = 0; k < 5; k++)
			sum[k] += v[k];
		REPORT_ROW(&r, t, report_text(c->has_code ? c->code : "—"),
			   report_text(c->has_code ? c->topic : "тема не указана"),
			   report_number(&r, v[0]), report_number(&r, v[1]),
			   report_number(&r, v[2]), report_number(&r, v[3]),
			   report_number(&r, v[4]));
	}
	REPORT_ROW(&r, t, report_text("Итого"), report_text(""), report_number(&r, sum[0]),
		   report_number(&r, sum[1]), report_number(&r, sum[2]),
		   report_number(&r, sum[3]), report_number(&r, sum[4]))
		->total = true;
	const char *ym = arena_printf(req->arena, "%04d-%02d", month.year, month.month);
	if (csv)
		return report_send_csv(&r, arena_printf(req->arena, "обращения-%s.csv", ym),
				       arena_printf(req->arena, "appeals-%s.csv", ym));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_set(tpl_section_add(d, "FORM_MONTH"), "month", ym);
	return report_show(req, &r, d);
}
