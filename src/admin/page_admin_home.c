/* page_admin_home.c — the staff home page (/admin): what needs action now (drafts near their
 * publication deadline, approved meetings not yet announced, police notices, held meetings
 * awaiting their protocol) and whether the required frequencies are kept: the head's meeting
 * with mass participation at least yearly (order № 2 of the Zelenoborsk head item 2), each
 * information group's field meeting at least quarterly (regulation № 44 on information groups
 * §3.1), the head's personal reception monthly (the Sosnovsky plan of measures № 803). */
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "page.h"
#include "protocol.h"
#include "scope.h"
#include "workdays.h"
#include "pages.h"
#include "place_agreement.h"
#include "ru.h"
#include "rules.h"
#include "worker.h"

#define DEADLINE_WARNING_DAYS 7 /* drafts whose deadline is this close are shown */
#define HELD_ROWS 50            /* held meetings awaiting their protocol shown, newest first */
/* How far back a held meeting without any protocol is listed: older ones are in the compliance
 * report (reading every held meeting of a district's ten years cost the page 350 ms). */
#define HELD_WITHOUT_PROTOCOL_DAYS 365

/* Days from a to b (b later is positive). */
static int days_between(struct civil_date a, struct civil_date b)
{
	int n = 0;
	while (civil_date_compare(a, b) < 0 && n < 10000) {
		a = civil_date_add_days(a, 1);
		n++;
	}
	while (civil_date_compare(a, b) > 0 && n > -10000) {
		a = civil_date_add_days(a, -1);
		n--;
	}
	return n;
}

/* One list of meetings: a row per meeting with its date. Returns the number of rows, or -1 on a
 * database error. */
static int meeting_rows(struct request *req, tpl_dict *d, const char *section, sqlite3_stmt *s)
{
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, section);
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		page_set_datetime(row, "STARTS", (time_t)sqlite3_column_int64(s, 2));
		rows++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? rows : -1;
}

/* Drafts whose announcement deadline is near or missed, as DRAFT rows. 0, or -1 on a database
 * error. */
static int drafts(struct request *req, tpl_dict *d)
{
	struct civil_date today = tz_local_date(req->now);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_DRAFTS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 2, scope_bind_value(req));
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t starts = (time_t)sqlite3_column_int64(s, 2);
		struct civil_date deadline = rule_announce_deadline(starts, db_text(req->arena, s, 3));
		int left = days_between(today, deadline);
		if (left > DEADLINE_WARNING_DAYS)
			continue;
		tpl_dict *row = tpl_section_add(d, "DRAFT");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		page_set_datetime(row, "STARTS", starts);
		tpl_set(row, "DEADLINE", page_date_words(req, deadline));
		if (left < 0)
			tpl_section_show(row, "MISSED");
		else
			tpl_set(tpl_section_add(row, "LEFT"), "TEXT",
				left == 0 ? "сегодня последний день"
					  : arena_printf(req->arena, "осталось %d %s", left,
							 ru_plural(left, "день", "дня", "дней")));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	tpl_section_show(d, rows ? "HAS_DRAFTS" : "NO_DRAFTS");
	return 0;
}

/* The UTC bounds of the local calendar period containing now: months months long, starting at
 * a month that is a multiple of months (1 = month, 3 = quarter, 12 = year). */
static void period(time_t now, int months, time_t *from, time_t *to, struct civil_date *first)
{
	struct civil_date today = tz_local_date(now);
	struct civil_date start = {today.year, (today.month - 1) / months * months + 1, 1};
	struct civil_date end = start;
	end.month += months;
	if (end.month > 12) {
		end.month -= 12;
		end.year++;
	}
	*from = tz_local_to_utc(start, 0, 0);
	*to = tz_local_to_utc(end, 0, 0);
	*first = start;
}

/* One compliance row: held and planned meetings of kind in the period. */
static void compliance_kind(struct request *req, tpl_dict *d, const char *kind, const char *label,
			    int months, const char *period_words)
{
	time_t from, to;
	struct civil_date first;
	period(req->now, months, &from, &to, &first);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_KIND_COUNT);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 4, scope_bind_value(req));
	long long held = 0, planned = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		held = sqlite3_column_int64(s, 0);
		planned = sqlite3_column_int64(s, 1);
	}
	db_done(s);
	tpl_dict *row = tpl_section_add(d, "RULE");
	tpl_set(row, "LABEL", label);
	tpl_set(row, "PERIOD", period_words);
	tpl_set(row, "HELD", arena_printf(req->arena, "проведено: %lld", held));
	tpl_set(row, "PLANNED", arena_printf(req->arena, "назначено: %lld", planned));
	tpl_section_show(row, held > 0 ? "KEPT" : planned > 0 ? "PLANNED_ONLY" : "NOT_KEPT");
}

/* The frequencies the acts require, one RULE row each. 0, or -1 on a database error. */
static int compliance(struct request *req, tpl_dict *d)
{
	struct civil_date today = tz_local_date(req->now);
	compliance_kind(req, d, "head_mass",
			"Встреча главы с массовым участием жителей — не реже раза в год", 12,
			arena_printf(req->arena, "%d год", today.year));
	compliance_kind(req, d, "personal_reception", "Личный приём главы — ежемесячно", 1,
			arena_printf(req->arena, "%s %d г.", ru_month_nominative(today.month),
				     today.year));
	time_t from, to;
	struct civil_date first;
	period(req->now, 3, &from, &to, &first);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_GROUPS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)from);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)to);
	sqlite3_bind_int64(s, 3, scope_bind_value(req));
	const char *quarter = arena_printf(req->arena, "%d квартал %d г.", (first.month - 1) / 3 + 1,
					   first.year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long held = sqlite3_column_int64(s, 2), planned = sqlite3_column_int64(s, 3);
		tpl_dict *row = tpl_section_add(d, "RULE");
		tpl_set(row, "LABEL", arena_printf(req->arena, "%s: выездная встреча — не реже раза в квартал",
						   db_text(req->arena, s, 1)));
		tpl_set(row, "PERIOD", quarter);
		tpl_set(row, "HELD", arena_printf(req->arena, "проведено: %lld", held));
		tpl_set(row, "PLANNED", arena_printf(req->arena, "назначено: %lld", planned));
		tpl_section_show(row, held > 0 ? "KEPT" : planned > 0 ? "PLANNED_ONLY" : "NOT_KEPT");
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Held meetings whose protocol is not handed to the control sector yet (those without any
 * protocol: of the last HELD_WITHOUT_PROTOCOL_DAYS days), each with its due
 * date (5 working days after the meeting by the production calendar, src/domain/protocol.c) and
 * «просрочено» past it. 0, or -1 on a database error. */
static int held_awaiting_protocol(struct request *req, tpl_dict *d)
{
	struct workcal cal;
	if (workdays_current(&req->worker->db, &cal) < 0)
		return -1;
	struct civil_date today = tz_local_date(req->now);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DASH_HELD);
	sqlite3_bind_int(s, 1, HELD_ROWS + 1);
	sqlite3_bind_int64(s, 2, scope_bind_value(req));
	sqlite3_bind_int64(s, 3, (sqlite3_int64)(req->now - HELD_WITHOUT_PROTOCOL_DAYS * 86400));
	tpl_set(d, "HELD_WINDOW",
		arena_printf(req->arena, "%d %s", HELD_WITHOUT_PROTOCOL_DAYS,
			     ru_plural(HELD_WITHOUT_PROTOCOL_DAYS, "день", "дня", "дней")));
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (++rows > HELD_ROWS) {
			/* The rest are older: the compliance report lists them all. */
			tpl_set_int(tpl_section_add(d, "HELD_MORE"), "ROWS", HELD_ROWS);
			break;
		}
		tpl_dict *row = tpl_section_add(d, "HELD");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		time_t starts = (time_t)sqlite3_column_int64(s, 2);
		page_set_datetime(row, "STARTS", starts);
		tpl_set(row, "STATE", sqlite3_column_int(s, 3)   ? "подписан, не передан"
				      : sqlite3_column_int(s, 4) ? "не подписан"
								 : "не составлен");
		int days = sqlite3_column_int(s, 5);
		if (days > 0) {
			struct civil_date due =
				protocol_handover_due(&cal, tz_local_date(starts), days, NULL);
			tpl_dict *due_row = tpl_section_add(row, "DUE");
			tpl_set(due_row, "DATE", page_date_words(req, due));
			if (civil_date_compare(today, due) > 0)
				tpl_section_show(due_row, "LATE");
		}
		tpl_section_show(d, "HAS_HELD");
	}
	db_done(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* The present and the coming year (the local year + 1) without a production calendar, or with a
 * provisional one (derived from the Labour Code, the decree on transfers not entered):
 * working-day deadlines that reach into them are counted without the decree's transfers.
 * 0 shown or not needed, -1 on error. */
static int calendar_warning(struct request *req, tpl_dict *d)
{
	int year = tz_local_date(req->now).year;
	for (int y = year; y <= year + 1; y++) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_CALENDAR_YEAR_GET);
		sqlite3_bind_int(s, 1, y);
		int rc = sqlite3_step(s);
		bool provisional = rc == SQLITE_ROW && sqlite3_column_int(s, 2) != 0;
		db_done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
		if (rc == SQLITE_DONE)
			tpl_set_int(tpl_section_add(d, "NO_CALENDAR"), "YEAR", y);
		else if (provisional)
			tpl_set_int(tpl_section_add(d, "PROVISIONAL_CALENDAR"), "YEAR", y);
	}
	return 0;
}

/* GET /admin — the staff home page: links for every role; for those who work with meetings, what
 * needs action and the frequencies the acts require; for those who count working days, a warning
 * when the coming year has no production calendar. */
enum http_status page_admin_home(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_home.tpl", "Рабочий стол", NAV_STAFF_HOME);
	unsigned readers = MEETING_READERS;
	if (req->staff->role & ROLE_ADMIN)
		tpl_section_show(d, "ADMIN");
	if (req->staff->role & REPORT_READERS)
		tpl_section_show(d, "REPORTS");
	if (req->staff->role & ROLES_CALENDAR_READERS) {
		tpl_section_show(d, "CALENDAR");
		if (calendar_warning(req, d) < 0)
			return HTTP_INTERNAL_ERROR;
	}
	if (!(req->staff->role & readers))
		return page_end(req, HTTP_OK);
	tpl_section_show(d, "REFERENCE");
	tpl_section_show(d, "MEETINGS");
	struct db *db = &req->worker->db;
	if (drafts(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_DASH_UNANNOUNCED);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 2, scope_bind_value(req));
	int rows = meeting_rows(req, d, "UNANNOUNCED", s);
	if (rows < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_UNANNOUNCED" : "NO_UNANNOUNCED");
	s = db_stmt(db, STMT_DASH_POLICE);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	sqlite3_bind_int(s, 2, req->worker->cfg->police_notice_attendance);
	sqlite3_bind_int64(s, 3, scope_bind_value(req));
	rows = meeting_rows(req, d, "POLICE", s);
	if (rows < 0)
		return HTTP_INTERNAL_ERROR;
	if (rows)
		tpl_section_show(d, "HAS_POLICE");
	if (held_awaiting_protocol(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	/* regulation № 44 on information groups §3.6.2 */
	if (place_unagreed_fill(req, d, PLACE_WARNING_DAYS) < 0)
		return HTTP_INTERNAL_ERROR;
	s = db_stmt(db, STMT_DASH_VIOLATIONS);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 2, scope_bind_value(req));
	rows = meeting_rows(req, d, "VIOLATION", s);
	if (rows < 0)
		return HTTP_INTERNAL_ERROR;
	if (rows)
		tpl_section_show(d, "HAS_VIOLATIONS");
	s = db_stmt(db, STMT_OUTBOX_TOTALS);
	sqlite3_bind_int64(s, 1, scope_bind_value(req));
	long long dead = 0, unsent_mail = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		dead = sqlite3_column_int64(s, 1);
		unsent_mail = sqlite3_column_int64(s, 2);
	}
	db_done(s);
	if (req->worker->cfg->smtp_url[0] == '\0')
		page_no_mail_server(req, d, unsent_mail);
	if (dead > 0)
		tpl_set(tpl_section_add(d, "DEAD_LETTERS"), "TEXT",
			arena_printf(req->arena, "%lld %s", dead,
				     ru_plural(dead, "сообщение не доставлено", "сообщения не доставлены",
					       "сообщений не доставлено")));
	if (compliance(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}
