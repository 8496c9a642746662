/* page_admin_reports.c — the reports the municipal acts require, made in one click instead of by
 * hand in spreadsheets (/admin/reports…): compliance with the required frequencies and deadlines
 * for any period, the yearly consolidated analysis of appeals against the previous year (regulation
 * № 44 on information groups §3.8.6), the half-year or yearly summary of the information groups'
 * work (regulation № 44 on information groups §3.9) and the monthly export of appeals by classifier
 * code. Each is a page of tables with inline SVG bar charts (report.c, admin_report.tpl), printable
 * on A4, or CSV with ?format=csv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "page.h"
#include "pages.h"
#include "protocol.h"
#include "plan.h"
#include "report.h"
#include "report_plan.h"
#include "ru.h"
#include "worker.h"

#define COMPLIANCE_MAX_DAYS (10 * 366) /* a longer period would list hundreds of months */

/* ---- small helpers ---------------------------------------------------------------------- */

/* The municipality's offset from UTC in seconds at t: SQLite's date() of (instant + offset) is
 * then the local date. Russian zones have kept a fixed offset since 2014. */
static long long utc_offset(time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	return (long long)tm.tm_gmtoff;
}

static const char *date_words(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

/* The local date of instant t as a date cell. */
static struct report_cell instant_cell(struct report *r, time_t t)
{
	return report_date(r, tz_local_date(t));
}

/* «2026-03-11» as a date cell (as text when it does not parse). */
static struct report_cell iso_cell(struct report *r, const char *iso)
{
	struct civil_date d;
	return civil_date_parse(iso, &d) ? report_date(r, d) : report_text(iso);
}

static const char *iso_date(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static struct civil_date add_months(struct civil_date d, int months)
{
	int m = d.year * 12 + (d.month - 1) + months;
	return (struct civil_date){m / 12, m % 12 + 1, 1};
}

static time_t local_midnight(struct civil_date d)
{
	return tz_local_to_utc(d, 0, 0);
}

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* Whether the page asked for the CSV download. A format other than csv marks the field
 * invalid (the caller answers 400 with the error page that names it). */
static bool want_csv(struct request *req)
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
static enum http_status show(struct request *req, struct report *r, tpl_dict *d)
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

/* A report's form come back with its errors beside the fields and no tables: 400. form is the
 * template's FORM_… section of the report. */
static enum http_status form_errors_page(struct request *req, const char *title,
					 const char *form)
{
	tpl_dict *d = page_begin(req, "admin_report.tpl", title, NAV_STAFF_REPORTS);
	tpl_set(d, "REPORT_TITLE", title);
	tpl_set(d, "PERIOD", "Исправьте параметры отчёта.");
	tpl_dict *f = tpl_section_add(d, form);
	page_form_fields(req, f);
	if (strcmp(form, "FORM_HALF") == 0)
		tpl_section_show(f, "WHOLE");
	return page_end(req, HTTP_BAD_REQUEST);
}

static const char *const meeting_statuses[][2] = {
	{"draft", "черновик"},     {"approved", "утверждена"}, {"postponed", "перенесена"},
	{"cancelled", "отменена"}, {"held", "проведена"},
};
static const char *const sources[][2] = {
	{"online", "через сайт"},
	{"meeting", "на встречах с жителями"},
	{"reception", "на личном приёме"},
	{"mail", "по почте и лично в администрации"},
};
static const char *const outcomes[][2] = {
	{"answered", "дан ответ по существу"},
	{"forwarded", "направлено по компетенции"},
	{"no_address", "без ответа: не указаны фамилия или адрес"},
	{"abusive", "без ответа: оскорбительные выражения"},
	{"unreadable", "без ответа: текст не поддаётся прочтению"},
	{"repeated", "без ответа: повторное без новых доводов"},
	{"open", "на рассмотрении"},
};
static const char *const timeliness[][2] = {
	{"answered_on_time", "ответ дан в срок"},
	{"answered_late", "ответ дан с нарушением срока"},
	{"forwarded_on_time", "направлено по компетенции в срок"},
	{"forwarded_late", "направлено по компетенции с нарушением срока"},
	{"closed", "оставлено без ответа по существу (ст. 11 59-ФЗ)"},
	{"open", "на рассмотрении, срок не истёк"},
	{"open_overdue", "на рассмотрении, срок истёк"},
};

/* Residents (issue 16): how the author was authenticated (547-ФЗ), and their verdict on the
 * answer. */
static const char *const authentications[][2] = {
	{"esia_confirmed", "через Госуслуги, подтверждённая учётная запись"},
	{"esia", "через Госуслуги, учётная запись не подтверждена"},
	{"email", "код на электронную почту"},
	{"none", "не проверялась (бумажные и поступившие до входа на сайт)"},
};
static const char *const verdicts[][2] = {
	{"resolved", "заявитель: вопрос решён"},
	{"unresolved", "заявитель: вопрос не решён"},
	{"none", "оценки нет"},
};

static const char *label_of(const char *const table[][2], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i][1];
	return code;
}
#define LABEL(table, code) label_of(table, sizeof table / sizeof table[0], code)

/* ---- compliance ------------------------------------------------------------------------- */

#define COMPLIANCE_LIST_ROWS 100 /* rows of a list shown on the page; the CSV has them all */

/* Held and planned meetings of kind in [from, to): the staff home page's statement. */
static void kind_count(struct request *req, const char *kind, time_t from, time_t to,
		       long long *held, long long *planned)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_KIND_COUNT);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)to);
	*held = *planned = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*held = sqlite3_column_int64(s, 0);
		*planned = sqlite3_column_int64(s, 1);
	}
	db_done(s);
}

/* Whether a calendar period [start, end) kept a frequency rule. */
static const char *verdict(struct request *req, time_t end, long long held, long long planned)
{
	if (held > 0)
		return "выполнено";
	if (end > req->now)
		return planned > 0 ? "встреча назначена, период не закончился"
				   : "период не закончился";
	return "не выполнено";
}

static const char *const calendar_note =
	"Требование — к календарному периоду, поэтому строки — календарные периоды, которые "
	"пересекаются с периодом отчёта, и встречи считаются за весь такой период; «из них в "
	"периоде отчёта» — только встречи между датами отчёта, их итог — в сводке.";

/* One frequency rule of one kind over the calendar periods (months long) that overlap the
 * report's period [start, end): a row per period with the meetings of the whole calendar period
 * (the rule is about calendar periods) and of its part inside the report's period, then the
 * totals. Returns the meetings held in [start, end), the summary's number. */
static long long frequency_table(struct report *r, const char *id, const char *caption,
				 const char *kind, int months, struct civil_date from,
				 struct civil_date to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(r, id, caption, 1, "Период",
						  "Проведено за период", "Из них в периоде отчёта",
						  "Назначено", "Требование", NULL);
	t->note = calendar_note;
	time_t start = local_midnight(from), stop = local_midnight(civil_date_add_days(to, 1));
	struct civil_date p = {from.year, (from.month - 1) / months * months + 1, 1};
	long long held_total = 0, part_total = 0, planned_total = 0;
	while (civil_date_compare(p, to) <= 0) {
		struct civil_date next = add_months(p, months);
		long long held, planned, part, unused;
		time_t begin = local_midnight(p), end = local_midnight(next);
		kind_count(req, kind, begin, end, &held, &planned);
		kind_count(req, kind, MAX(begin, start), MIN(end, stop), &part, &unused);
		const char *label = months == 12
					    ? arena_printf(req->arena, "%d год", p.year)
					    : arena_printf(req->arena, "%s %d г.",
							   ru_month_nominative(p.month), p.year);
		REPORT_ROW(r, t, report_text(label), report_number(r, held), report_number(r, part),
			   report_number(r, planned),
			   report_text(verdict(req, end, held, planned)));
		held_total += held;
		part_total += part;
		planned_total += planned;
		p = next;
	}
	REPORT_ROW(r, t, report_text("Итого"), report_number(r, held_total),
		   report_number(r, part_total), report_number(r, planned_total), report_text(""))
		->total = true;
	return part_total;
}

static const char *quarter_name(struct request *req, struct civil_date q)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	return arena_printf(req->arena, "%s кв. %d", roman[(q.month - 1) / 3], q.year);
}

/* Each information group's field meetings, quarter by quarter, over the quarters that overlap
 * the report's period [from, to] and in which the group existed: from the quarter after the one
 * it was created in — that one counts only if the group already met in it (a part of a quarter
 * is not a quarter to meet in), and a quarter before its creation only if it met then anyway
 * (imported history). -1 on a database error, else 0 with the meetings held inside the report's
 * dates in *held_in_period. */
static int groups_quarterly(struct report *r, struct civil_date from, struct civil_date to,
			    long long *held_in_period)
{
	struct request *req = r->req;
	struct group_quarters {
		long long id;
		const char *name;
		long long quarters, kept, held, part, planned;
		struct buf missed;
	} *groups = NULL;
	size_t count = 0, cap = 0;
	time_t start = local_midnight(from), stop = local_midnight(civil_date_add_days(to, 1));
	struct civil_date q = {from.year, (from.month - 1) / 3 * 3 + 1, 1};
	*held_in_period = 0;
	while (civil_date_compare(q, to) <= 0) {
		struct civil_date next = add_months(q, 3);
		time_t begin = local_midnight(q), end = local_midnight(next);
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_GROUP_QUARTER);
		sqlite3_bind_int64(s, 1, (sqlite3_int64)begin);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)MAX(begin, start));
		sqlite3_bind_int64(s, 4, (sqlite3_int64)MIN(end, stop));
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			time_t created = (time_t)sqlite3_column_int64(s, 2);
			long long held = sqlite3_column_int64(s, 3), part = sqlite3_column_int64(s, 4),
				  planned = sqlite3_column_int64(s, 5);
			if (created >= end && held == 0)
				continue; /* the group did not exist yet */
			long long id = sqlite3_column_int64(s, 0);
			size_t i = 0;
			while (i < count && groups[i].id != id)
				i++;
			if (i == count) {
				if (groups == NULL) {
					cap = 16;
					groups = arena_alloc(req->arena, cap * sizeof *groups);
				}
				groups = arena_grow(req->arena, groups, count, &cap, sizeof *groups);
				memset(&groups[i], 0, sizeof groups[i]);
				groups[i].id = id;
				groups[i].name = db_text(req->arena, s, 1);
				buf_init(&groups[i].missed, req->arena);
				count++;
			}
			groups[i].planned += planned;
			groups[i].held += held;
			groups[i].part += part;
			*held_in_period += part;
			if (held > 0) {
				groups[i].quarters++;
				groups[i].kept++;
			} else if (created < begin) {
				groups[i].quarters++; /* a whole quarter of the group's life */
				if (end <= req->now) {
					if (groups[i].missed.len > 0)
						buf_puts(&groups[i].missed, ", ");
					buf_puts(&groups[i].missed, quarter_name(req, q));
				}
			}
		}
		db_done(s);
		if (rc != SQLITE_DONE)
			return -1;
		q = next;
	}
	struct report_table *t = report_table_add(
		r, "groups", "Выездные встречи информационных групп — не реже раза в квартал", 3,
		"Информационная группа", "Кварталов учтено", "Кварталов со встречей",
		"Проведено за эти кварталы", "Из них в периоде отчёта", "Назначено",
		"Прошедшие кварталы без встречи", NULL);
	t->note = "Считаются календарные кварталы, которые пересекаются с периодом отчёта, начиная "
		  "с квартала, следующего за созданием группы; квартал создания учитывается, только "
		  "если группа успела в нём провести встречу. «Из них в периоде отчёта» — встречи "
		  "между датами отчёта, их итог — в сводке.";
	struct group_quarters total = {.name = "Итого"};
	for (size_t i = 0; i <= count; i++) {
		struct group_quarters *g = i < count ? &groups[i] : &total;
		REPORT_ROW(r, t, report_text(g->name), report_number(r, g->quarters),
			   report_number(r, g->kept), report_number(r, g->held),
			   report_number(r, g->part), report_number(r, g->planned),
			   report_text(i == count ? "" : g->missed.len ? g->missed.data : "—"))
			->total = i == count;
		if (i == count)
			break;
		total.quarters += g->quarters;
		total.kept += g->kept;
		total.held += g->held;
		total.part += g->part;
		total.planned += g->planned;
	}
	return 0;
}

/* Rows of a list statement already bound; fill(row) makes each row. -1 on a database error,
 * else the number of rows. */
static long long list_rows(struct report *r, sqlite3_stmt *s,
			   void (*fill)(struct report *, struct report_table *, sqlite3_stmt *),
			   struct report_table *t)
{
	long long n = 0;
	int rc;
	t->page_limit = COMPLIANCE_LIST_ROWS;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill(r, t, s);
		n++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? n : -1;
}

static void violation_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	REPORT_ROW(r, t, report_text(db_text(req->arena, s, 1)),
		   instant_cell(r, (time_t)sqlite3_column_int64(s, 2)),
		   instant_cell(r, (time_t)sqlite3_column_int64(s, 4) - 1),
		   report_text(LABEL(meeting_statuses, db_text(req->arena, s, 3))));
}

static void exception_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	REPORT_ROW(r, t, report_text(db_text(req->arena, s, 1)),
		   instant_cell(r, (time_t)sqlite3_column_int64(s, 2)),
		   report_text(db_text(req->arena, s, 3)));
}

static void late_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	bool forwarded = strcmp(db_text(req->arena, s, 2), "forwarded") == 0;
	REPORT_ROW(r, t, report_text(db_text(req->arena, s, 0)),
		   report_text(db_text(req->arena, s, 1)),
		   report_text(forwarded ? "направлено по компетенции" : "дан ответ"),
		   iso_cell(r, db_text(req->arena, s, 3)), iso_cell(r, db_text(req->arena, s, 4)),
		   report_number(r, sqlite3_column_int64(s, 5)));
}

static void overdue_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	REPORT_ROW(r, t, report_text(db_text(req->arena, s, 0)),
		   report_text(db_text(req->arena, s, 1)), iso_cell(r, db_text(req->arena, s, 2)),
		   report_number(r, sqlite3_column_int64(s, 3)));
}

/* The protocols of the meetings held in [start, end) handed to the control sector after their
 * due date (the kind's working days after the meeting, where its act sets them: regulation № 44 on
 * information groups §3.6.9), and those not handed although the date has passed (a meeting without
 * any protocol among them, but for a personal reception), into t: -1 on a database error, else 0
 * with the counts in *late and *missing. */
static int protocols_late(struct report *r, struct report_table *t, time_t start, time_t end,
			  long long *late, long long *missing)
{
	struct request *req = r->req;
	struct workcal cal;
	if (workdays_current(&req->worker->db, &cal) < 0)
		return -1;
	struct civil_date today = tz_local_date(req->now);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_PROTOCOLS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	*late = *missing = 0;
	t->page_limit = COMPLIANCE_LIST_ROWS;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t starts = (time_t)sqlite3_column_int64(s, 2);
		int workdays = sqlite3_column_int(s, 6);
		if (workdays <= 0)
			continue; /* the kind's act sets no handover deadline */
		struct civil_date due =
			protocol_handover_due(&cal, tz_local_date(starts), workdays, NULL);
		bool handed = sqlite3_column_type(s, 5) != SQLITE_NULL;
		struct civil_date until =
			handed ? tz_local_date((time_t)sqlite3_column_int64(s, 5)) : today;
		long days = civil_date_diff(until, due);
		if (days <= 0)
			continue;
		const char *state = handed ? arena_printf(req->arena, "передан %s",
							  date_words(req, until))
				    : !sqlite3_column_int(s, 3) ? "протокол не составлен"
				    : !sqlite3_column_int(s, 4) ? "не подписан, не передан"
								: "подписан, не передан";
		REPORT_ROW(r, t, report_text(db_text(req->arena, s, 1)), instant_cell(r, starts),
			   report_date(r, due), report_text(state), report_number(r, days));
		if (handed)
			(*late)++;
		else
			(*missing)++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void instruction_late_row(struct report *r, struct report_table *t, sqlite3_stmt *s)
{
	struct request *req = r->req;
	const char *status = db_text(req->arena, s, 4);
	const char *label = instruction_status_label(status);
	const char *state = label ? label : status;
	if (sqlite3_column_type(s, 5) != SQLITE_NULL) {
		struct civil_date d;
		const char *iso = db_text(req->arena, s, 5);
		const char *reported = civil_date_parse(iso, &d) ? date_words(req, d) : iso;
		state = strcmp(status, "accepted") == 0
				? arena_printf(req->arena, "исполнено, доложено %s", reported)
				: arena_printf(req->arena, "доложено %s, ждёт приёмки контролёром",
					       reported);
	}
	const char *meeting = db_text(req->arena, s, 7), *appeal = db_text(req->arena, s, 8);
	const char *source = *meeting ? arena_printf(req->arena, "протокол встречи «%s»", meeting)
			     : *appeal ? arena_printf(req->arena, "обращение № %s", appeal)
				       : "—";
	const char *unit = db_text(req->arena, s, 2);
	REPORT_ROW(r, t, report_text(db_text(req->arena, s, 1)), report_text(source),
		   report_text(*unit ? unit : "—"), iso_cell(r, db_text(req->arena, s, 3)),
		   report_text(state), report_number(r, sqlite3_column_int64(s, 6)));
}

/* The compliance report over local dates [from, to]: -1 on a database error. */
static int compliance(struct report *r, struct civil_date from, struct civil_date to)
{
	struct request *req = r->req;
	struct db *db = &req->worker->db;
	time_t start = local_midnight(from), end = local_midnight(civil_date_add_days(to, 1));
	/* Filled last, shown first; kept by index, as later tables may move the array. */
	size_t summary = r->table_count;
	struct report_table *t =
		report_table_add(r, "summary", "Сводка за период", 1, "Показатель", "Количество", NULL);
	t->note = "Встречи — проведённые между датами отчёта (итоги столбцов «из них в периоде "
		  "отчёта» в таблицах ниже).";
	long long head_held = frequency_table(
		r, "head-mass", "Встречи главы с массовым участием жителей — не реже раза в год",
		"head_mass", 12, from, to);
	long long reception_held = frequency_table(r, "reception", "Личный приём главы — ежемесячно",
						   "personal_reception", 1, from, to);
	long long group_held;
	if (groups_quarterly(r, from, to, &group_held) < 0)
		return -1;

	t = report_table_add(r, "violations",
			     "Нарушения правила 5 дней: место и время не опубликованы вовремя", -1,
			     "Встреча", "Дата встречи", "Последний день публикации", "Состояние",
			     NULL);
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_VIOLATIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	long long violations = list_rows(r, s, violation_row, t);
	t = report_table_add(r, "exceptions",
			     "Утверждены менее чем за 5 дней в порядке исключения", -1, "Встреча",
			     "Дата встречи", "Обоснование исключения", NULL);
	s = db_stmt(db, STMT_REPORT_EXCEPTIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	long long exceptions = list_rows(r, s, exception_row, t);
	t = report_table_add(r, "protocols-late",
			     "Протоколы, переданные в сектор контроля позже срока или не переданные",
			     -1, "Встреча", "Дата встречи", "Срок передачи", "Состояние",
			     "Дней просрочки", NULL);
	t->note = "Срок — 5 рабочих дней после встречи по производственному календарю, для "
		  "выездных встреч информационных групп (Положение об информационных группах, "
		  "п. 3.6.9); для других видов встреч акты срок передачи не устанавливают. "
		  "Непереданные протоколы — на сегодня.";
	long long protocols_handed_late, protocols_missing;
	if (protocols_late(r, t, start, end, &protocols_handed_late, &protocols_missing) < 0)
		return -1;
	t = report_table_add(r, "answered-late",
			     "Обращения, ответ на которые дан или которые направлены по компетенции "
			     "позже срока",
			     -1, "Номер", "Тема", "Что сделано", "Срок", "Дата", "Дней просрочки",
			     NULL);
	t->note = "Срок ответа — 30 дней (с продлением — до 60), срок направления по компетенции — "
		  "7 дней с регистрации (ст. 8 и 12 59-ФЗ); так же их считает таблица сроков в "
		  "анализе обращений за год.";
	s = db_stmt(db, STMT_REPORT_ANSWERED_LATE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	sqlite3_bind_int64(s, 3, utc_offset(start));
	long long answered_late = list_rows(r, s, late_row, t);
	const char *today = iso_date(req, tz_local_date(req->now));
	t = report_table_add(r, "overdue",
			     arena_printf(req->arena, "Обращения без ответа, срок которых истёк, на %s",
					  date_words(req, tz_local_date(req->now))),
			     -1, "Номер", "Тема", "Срок ответа", "Дней просрочки", NULL);
	s = db_stmt(db, STMT_REPORT_OPEN_OVERDUE);
	sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
	long long overdue = list_rows(r, s, overdue_row, t);
	t = report_table_add(r, "instructions-late", "Поручения, не исполненные в срок", -1,
			     "Поручение", "Основание", "Подразделение", "Срок исполнения",
			     "Состояние", "Дней просрочки", NULL);
	t->note = "Поручения со сроком в периоде отчёта; исполненным в срок считается поручение, "
		  "по которому исполнитель доложил не позже срока. Отменённые не учитываются.";
	s = db_stmt(db, STMT_REPORT_INSTRUCTIONS_LATE);
	sqlite3_bind_text(s, 1, iso_date(req, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, iso_date(req, to), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, utc_offset(start));
	long long instructions_late = list_rows(r, s, instruction_late_row, t);
	long long plan[3];
	if (violations < 0 || exceptions < 0 || answered_late < 0 || overdue < 0 ||
	    instructions_late < 0 || report_plan_tables(r, from, to, plan) < 0)
		return -1;
	static const char *const names[] = {
		"Встречи главы с массовым участием жителей: проведено",
		"Личные приёмы главы: проведено",
		"Выездные встречи информационных групп: проведено",
		"Нарушения правила 5 дней",
		"Встречи, утверждённые в порядке исключения",
		"Протоколы, переданные в сектор контроля позже срока",
		"Протоколы не переданы, срок истёк (на сегодня)",
		"Ответы на обращения и направления по компетенции позже срока",
		"Обращения без ответа, срок истёк (на сегодня)",
		"Поручения, не исполненные в срок",
		"План мероприятий: периодов выполнено",
		"План мероприятий: периодов не выполнено",
		"План мероприятий: периодов идёт",
	};
	long long values[] = {head_held,	     reception_held,	group_held,
			      violations,	     exceptions,	protocols_handed_late,
			      protocols_missing,    answered_late,	overdue,
			      instructions_late, plan[PLAN_FULFILLED], plan[PLAN_MISSING],
			      plan[PLAN_PENDING]};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		REPORT_ROW(r, &r->tables[summary], report_text(names[i]),
			   report_number(r, values[i]));
	return 0;
}

/* GET /admin/reports/compliance?from=&to= — the compliance report for local dates from..to.
 * Without from, 1 January of to's year; without to, today (31 December of from's year when from
 * is later). 400 for a format other than csv; 400 with the form and the error beside the field
 * for a date that does not parse, dates out of order or more than 10 years apart. ?format=csv
 * downloads it. */
enum http_status page_admin_report_compliance(struct request *req)
{
	static const char title[] = "Соблюдение требований муниципальных актов";
	bool csv = want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	const struct field_value *ff = &req->field[FIELD_FROM], *ft = &req->field[FIELD_TO];
	struct civil_date today = tz_local_date(req->now);
	struct civil_date to = ft->state == FIELD_VALID ? ft->date : today;
	struct civil_date from = ff->state == FIELD_VALID ? ff->date
							  : (struct civil_date){to.year, 1, 1};
	if (ff->state == FIELD_VALID && ft->state != FIELD_VALID &&
	    civil_date_compare(from, today) > 0)
		to = (struct civil_date){from.year, 12, 31};
	if (ff->state == FIELD_VALID && ft->state == FIELD_VALID &&
	    civil_date_compare(from, to) > 0)
		page_reject(req, FIELD_TO, "раньше даты «с»");
	else if (civil_date_diff(to, from) > COMPLIANCE_MAX_DAYS)
		page_reject(req, FIELD_TO, "период отчёта — не больше 10 лет");
	if (req->invalid_fields > 0)
		return form_errors_page(req, title, "FORM_PERIOD");
	struct report r;
	report_init(&r, req, title,
		    arena_printf(req->arena, "с %s по %s", date_words(req, from),
				 date_words(req, to)));
	if (compliance(&r, from, to) < 0) {
		db_log_error(&req->worker->db, "compliance report");
		return HTTP_INTERNAL_ERROR;
	}
	if (csv)
		return report_send_csv(&r,
				       arena_printf(req->arena, "соблюдение-требований-%s-%s.csv",
						    iso_date(req, from), iso_date(req, to)),
				       arena_printf(req->arena, "compliance-%s-%s.csv",
						    iso_date(req, from), iso_date(req, to)));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_dict *f = tpl_section_add(d, "FORM_PERIOD");
	tpl_set(f, "from", iso_date(req, from));
	tpl_set(f, "to", iso_date(req, to));
	return show(req, &r, d);
}

/* ---- the yearly analysis of appeals ----------------------------------------------------- */

struct year_pair {
	const char *key, *label; /* key NULL: not in the classifier or no territory */
	long long before, now;
};

struct year_pairs {
	struct year_pair *items;
	size_t count, cap;
};

/* The breakdowns of the yearly analysis, filled from one pass over the appeals. */
enum appeals_breakdown {
	BY_SECTION, BY_TOPIC, BY_TERRITORY, BY_SOURCE, BY_OUTCOME, BY_TIMELINESS, BY__MAX
};

/* Add n appeals of the year (now) or the previous one to the pair of key in list. */
static void pair_add(struct arena *a, struct year_pairs *list, const char *key,
		     const char *label, bool now, long long n)
{
	size_t i = 0;
	while (i < list->count && !(key == NULL ? list->items[i].key == NULL
				   : list->items[i].key && strcmp(list->items[i].key, key) == 0))
		i++;
	if (i == list->count) {
		if (list->items == NULL) {
			list->cap = 16;
			list->items = arena_alloc(a, list->cap * sizeof *list->items);
		}
		list->items = arena_grow(a, list->items, list->count, &list->cap,
					 sizeof *list->items);
		list->items[list->count++] = (struct year_pair){.key = key, .label = label};
	}
	if (now)
		list->items[i].now += n;
	else
		list->items[i].before += n;
}

/* Codes in order, the missing one (NULL) last. */
static int by_key(const void *a, const void *b)
{
	const struct year_pair *x = a, *y = b;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

/* Names in order (byte order, as SQLite's BINARY), the missing one last. */
static int by_label(const void *a, const void *b)
{
	const struct year_pair *x = a, *y = b;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->label, y->label);
}

/* The appeals registered in year and the year before, in one pass (STMT_REPORT_APPEALS_CUBE:
 * 100,000 appeals are read once, not once per table), into one list of pairs per breakdown,
 * sorted as the tables show them. -1 on a database error. */
static int appeals_breakdowns(struct request *req, int year, struct year_pairs lists[BY__MAX])
{
	struct arena *a = req->arena;
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_APPEALS_CUBE);
	sqlite3_bind_int(s, 1, year - 1);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_int64(s, 3, utc_offset(local_midnight((struct civil_date){year, 1, 1})));
	sqlite3_bind_text(s, 4, iso_date(req, tz_local_date(req->now)), -1, SQLITE_TRANSIENT);
	memset(lists, 0, BY__MAX * sizeof *lists);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool now = sqlite3_column_int(s, 0) == year;
		long long n = sqlite3_column_int64(s, 10);
		const char *text[10];
		for (int c = 1; c < 10; c++)
			text[c] = sqlite3_column_type(s, c) == SQLITE_NULL ? NULL : db_text(a, s, c);
		pair_add(a, &lists[BY_TOPIC], text[1], text[2], now, n);
		pair_add(a, &lists[BY_SECTION], text[3], text[4], now, n);
		pair_add(a, &lists[BY_TERRITORY], text[6] ? text[5] : NULL, text[6], now, n);
		pair_add(a, &lists[BY_SOURCE], text[7], NULL, now, n);
		pair_add(a, &lists[BY_OUTCOME], text[8], NULL, now, n);
		pair_add(a, &lists[BY_TIMELINESS], text[9], NULL, now, n);
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	for (int b = BY_SECTION; b <= BY_TOPIC; b++)
		if (lists[b].count > 1)
			qsort(lists[b].items, lists[b].count, sizeof *lists[b].items, by_key);
	if (lists[BY_TERRITORY].count > 1)
		qsort(lists[BY_TERRITORY].items, lists[BY_TERRITORY].count,
		      sizeof *lists[BY_TERRITORY].items, by_label);
	return 0;
}

/* A table of the year beside the previous one: both drawn, the previous year's bar outlined. */
static struct report_table *year_table(struct report *r, const char *id, const char *caption,
				       const char *heading, int year)
{
	struct arena *a = r->req->arena;
	struct report_table *t = report_table_add(r, id, caption, 2, heading,
						  arena_printf(a, "%d", year - 1),
						  arena_printf(a, "%d", year), "Изменение", NULL);
	t->compare_column = 1;
	return t;
}

static void year_row(struct report *r, struct report_table *t, const char *label,
		     long long before, long long now)
{
	REPORT_ROW(r, t, report_text(label), report_number(r, before), report_number(r, now),
		   report_change(r, before, now));
}

static void year_total(struct report *r, struct report_table *t, long long before, long long now)
{
	REPORT_ROW(r, t, report_text("Всего"), report_number(r, before), report_number(r, now),
		   report_change(r, before, now))
		->total = true;
}

/* A table of the pairs in their order: with_code, the label is «code name»; the missing key
 * gets empty_label. */
static void year_rows_table(struct report *r, const struct year_pairs *p, int year,
			    const char *id, const char *caption, const char *heading,
			    bool with_code, const char *empty_label)
{
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (size_t i = 0; i < p->count; i++) {
		const struct year_pair *x = &p->items[i];
		const char *label = x->key == NULL ? empty_label
				    : with_code    ? arena_printf(r->req->arena, "%s %s", x->key,
								  x->label)
						   : x->label;
		year_row(r, t, label, x->before, x->now);
		before += x->before;
		now += x->now;
	}
	year_total(r, t, before, now);
}

/* A table of fixed categories (every one shown, zeros included) in the table's order. */
static void year_fixed_table(struct report *r, const struct year_pairs *p, int year,
			     const char *id, const char *caption, const char *heading,
			     const char *const categories[][2], size_t count)
{
	struct report_table *t = year_table(r, id, caption, heading, year);
	long long before = 0, now = 0;
	for (size_t c = 0; c < count; c++) {
		long long b = 0, w = 0;
		for (size_t i = 0; i < p->count; i++)
			if (p->items[i].key && strcmp(p->items[i].key, categories[c][0]) == 0) {
				b = p->items[i].before;
				w = p->items[i].now;
			}
		year_row(r, t, categories[c][1], b, w);
		before += b;
		now += w;
	}
	year_total(r, t, before, now);
}
#define FIXED_TABLE(r, pairs, year, id, caption, heading, table)                                   \
	year_fixed_table(r, pairs, year, id, caption, heading, table,                              \
			 sizeof table / sizeof table[0])

/* GET /admin/reports/appeals?year= — the yearly consolidated analysis of appeals (regulation № 44
 * on information groups §3.8.6), by section and by topic of the classifier, territory, source,
 * outcome and timeliness, each beside the previous year with the change (default: this year). 400
 * for a format other than csv; 400 with the form and the error beside the field for a year out of
 * range. ?format=csv downloads it. */
enum http_status page_admin_report_appeals(struct request *req)
{
	static const char title[] = "Анализ обращений граждан за год";
	bool csv = want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	if (req->invalid_fields > 0)
		return form_errors_page(req, title, "FORM_YEAR");
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	struct report r;
	report_init(&r, req, title,
		    arena_printf(req->arena, "%d год в сравнении с %d годом", year, year - 1));
	struct year_pairs p[BY__MAX];
	if (appeals_breakdowns(req, year, p) < 0) {
		db_log_error(&req->worker->db, "appeals report");
		return HTTP_INTERNAL_ERROR;
	}
	year_rows_table(&r, &p[BY_SECTION], year, "sections",
			"По разделам тематического классификатора", "Раздел", true,
			"Тема не указана");
	year_rows_table(&r, &p[BY_TOPIC], year, "topics", "По тематикам и темам классификатора",
			"Тематика или тема", true, "Тема не указана");
	year_rows_table(&r, &p[BY_TERRITORY], year, "territories", "По территориям", "Территория",
			false, "Территория не указана");
	FIXED_TABLE(&r, &p[BY_SOURCE], year, "sources", "По способу поступления", "Как поступило",
		    sources);
	FIXED_TABLE(&r, &p[BY_OUTCOME], year, "outcomes", "По результатам", "Результат", outcomes);
	FIXED_TABLE(&r, &p[BY_TIMELINESS], year, "timeliness", "Соблюдение сроков (ст. 8 и 12 59-ФЗ)",
		    "Срок", timeliness);
	{
		/* How the authors were authenticated and their verdicts on the answers. */
		struct year_pairs auth = {0}, verdict = {0};
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_APPEALS_RESIDENTS);
		sqlite3_bind_int(s, 1, year - 1);
		sqlite3_bind_int(s, 2, year);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			bool now = sqlite3_column_int(s, 0) == year;
			long long n = sqlite3_column_int64(s, 3);
			pair_add(req->arena, &auth, db_text(req->arena, s, 1), NULL, now, n);
			if (sqlite3_column_type(s, 2) != SQLITE_NULL)
				pair_add(req->arena, &verdict, db_text(req->arena, s, 2), NULL, now, n);
		}
		db_done(s);
		if (rc != SQLITE_DONE)
			return HTTP_INTERNAL_ERROR;
		FIXED_TABLE(&r, &auth, year, "authentication",
			    "Как заявитель подтвердил личность (547-ФЗ)", "Способ", authentications);
		FIXED_TABLE(&r, &verdict, year, "verdicts",
			    "Оценка ответов заявителями (обращения с ответом)", "Оценка", verdicts);
	}
	r.tables[0].note = "Обращения считаются по году регистрации.";
	r.tables[1].note = "Вопрос классификатора считается в своей теме; обращение с кодом "
			   "тематики — в тематике.";
	if (csv)
		return report_send_csv(&r, arena_printf(req->arena, "анализ-обращений-%d.csv", year),
				       arena_printf(req->arena, "appeals-%d.csv", year));
	tpl_dict *d = page_begin(req, "admin_report.tpl", r.title, NAV_STAFF_REPORTS);
	tpl_set_int(tpl_section_add(d, "FORM_YEAR"), "year", year);
	return show(req, &r, d);
}

/* ---- the information groups' summary ---------------------------------------------------- */

struct territory_sum {
	long long id;
	const char *name;
	long long groups, held, attendance, appeals, given, executed;
};

static int groups_tables(struct report *r, time_t from, time_t to)
{
	struct request *req = r->req;
	struct report_table *t = report_table_add(
		r, "by-group", "По информационным группам", 2, "Информационная группа",
		"Территория", "Встреч проведено", "Участников", "Обращений принято",
		"Поручений дано", "Поручений исполнено", NULL);
	t->note = "Поручения — из протоколов встреч периода, кроме отменённых; исполненные — "
		  "принятые контролёром.";
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	size_t n = 0, cap = 16;
	struct territory_sum *sums = arena_alloc(req->arena, cap * sizeof *sums);
	struct territory_sum total = {.name = "Всего"};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *territory = db_text(req->arena, s, 1);
		long long territory_id = sqlite3_column_int64(s, 7);
		long long held = sqlite3_column_int64(s, 2), people = sqlite3_column_int64(s, 3),
			  appeals = sqlite3_column_int64(s, 4), given = sqlite3_column_int64(s, 5),
			  executed = sqlite3_column_int64(s, 6);
		REPORT_ROW(r, t, report_text(db_text(req->arena, s, 0)), report_text(territory),
			   report_number(r, held), report_number(r, people),
			   report_number(r, appeals), report_number(r, given),
			   report_number(r, executed));
		size_t i = 0;
		while (i < n && sums[i].id != territory_id)
			i++; /* by id: two territories may share a name («Центральный») */
		if (i == n) {
			sums = arena_grow(req->arena, sums, n, &cap, sizeof *sums);
			sums[n++] = (struct territory_sum){.id = territory_id, .name = territory};
		}
		struct territory_sum *x[] = {&sums[i], &total};
		for (size_t k = 0; k < 2; k++) {
			x[k]->groups++;
			x[k]->held += held;
			x[k]->attendance += people;
			x[k]->appeals += appeals;
			x[k]->given += given;
			x[k]->executed += executed;
		}
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
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
 * by group and by territory (default: this year). 400 for a format other than csv; 400 with the
 * form and the error beside the field for a year or half out of range. ?format=csv downloads it. */
enum http_status page_admin_report_groups(struct request *req)
{
	static const char title[] = "Итоги работы информационных групп";
	bool csv = want_csv(req);
	if (req->field[FIELD_FORMAT].state == FIELD_INVALID)
		return HTTP_BAD_REQUEST;
	if (req->invalid_fields > 0)
		return form_errors_page(req, title, "FORM_HALF");
	int year = req->field[FIELD_YEAR].state == FIELD_VALID
			   ? (int)req->field[FIELD_YEAR].number
			   : tz_local_date(req->now).year;
	int half = req->field[FIELD_HALF].state == FIELD_VALID ? (int)req->field[FIELD_HALF].number
							       : 0;
	struct civil_date first = {year, half == 2 ? 7 : 1, 1};
	struct civil_date after = add_months(first, half ? 6 : 12);
	const char *period = half ? arena_printf(req->arena, "%s полугодие %d г.",
						 half == 1 ? "первое" : "второе", year)
				  : arena_printf(req->arena, "%d год", year);
	struct report r;
	report_init(&r, req, title, period);
	if (groups_tables(&r, local_midnight(first), local_midnight(after)) < 0) {
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
	return show(req, &r, d);
}

/* ---- the monthly export ----------------------------------------------------------------- */

/* GET /admin/reports/monthly?month=YYYY-MM — appeals received in a month by classifier code and
 * outcome as of the end of the month (today for the current month), one row per code with
 * totals, the table municipalities send upward each month (default: this month). 400 for a
 * format other than csv; 400 with the form and the error beside the field for a month not
 * shaped YYYY-MM. ?format=csv downloads it. */
enum http_status page_admin_report_monthly(struct request *req)
{
	static const char title[] = "Обращения граждан по тематике и результатам за месяц";
	bool csv = want_csv(req);
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
		return form_errors_page(req, title, "FORM_MONTH");
	struct civil_date next = add_months(month, 1);
	time_t end = local_midnight(next);
	bool past = end <= req->now;
	struct report r;
	report_init(&r, req, title,
		    arena_printf(req->arena, "%s %d г.", ru_month_nominative(month.month),
				 month.year));
	struct report_table *t = report_table_add(
		&r, "by-code", "По кодам тематического классификатора", 2, "Код", "Тема",
		"Поступило", "Дан ответ по существу", "Направлено по компетенции",
		"Оставлено без ответа (ст. 11)", "На рассмотрении", NULL);
	t->note = past ? arena_printf(req->arena,
				      "Обращения, поступившие в месяце, и их состояние на конец "
				      "месяца (%s, 24:00) — по времени закрытия в истории обращения, "
				      "поэтому повторная выгрузка даёт те же числа.",
				      date_words(req, civil_date_add_days(next, -1)))
		       : "Обращения, поступившие в месяце, и их состояние на сегодня: месяц ещё "
			 "не закончился.";
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_REPORT_MONTHLY);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)local_midnight(month));
	sqlite3_bind_int64(s, 2, (sqlite3_int64)end);
	long long sum[5] = {0};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long v[5];
		for (int i = 0; i < 5; i++) {
			v[i] = sqlite3_column_int64(s, 2 + i);
			sum[i] += v[i];
		}
		bool no_code = sqlite3_column_type(s, 0) == SQLITE_NULL;
		REPORT_ROW(&r, t, report_text(no_code ? "—" : db_text(req->arena, s, 0)),
			   report_text(no_code ? "тема не указана" : db_text(req->arena, s, 1)),
			   report_number(&r, v[0]), report_number(&r, v[1]),
			   report_number(&r, v[2]), report_number(&r, v[3]),
			   report_number(&r, v[4]));
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "monthly report");
		return HTTP_INTERNAL_ERROR;
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
	return show(req, &r, d);
}

/* GET /admin/reports — the list of reports with the current periods filled in. */
enum http_status page_admin_reports(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_reports.tpl", "Отчёты", NAV_STAFF_REPORTS);
	struct civil_date today = tz_local_date(req->now);
	tpl_set_int(d, "YEAR", today.year);
	tpl_set_int(d, "PREVIOUS_YEAR", today.year - 1);
	tpl_set(d, "FROM", iso_date(req, (struct civil_date){today.year, 1, 1}));
	tpl_set(d, "TO", iso_date(req, today));
	tpl_set(d, "MONTH", arena_printf(req->arena, "%04d-%02d", today.year, today.month));
	return page_end(req, HTTP_OK);
}
