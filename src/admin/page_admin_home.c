/* page_admin_home.c — the staff home page (/admin): what needs action now (drafts near their
 * publication deadline, approved meetings not yet announced, police notices, held meetings
 * awaiting their protocol) and whether the required frequencies are kept: the head's meeting
 * with mass participation at least yearly (order № 2 of the Zelenoborsk head item 2), each
 * information group's field meeting at least quarterly (regulation № 44 on information groups
 * §3.1), the head's personal reception monthly (the Sosnovsky plan of measures № 803). */
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "db_meeting_staff.h"
#include "db_press.h"
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

/* Rows of section, one per meeting of list with its date. */
static void meeting_rows(tpl_dict *d, const char *section, const struct meeting_item *list,
			 size_t count)
{
	for (size_t i = 0; i < count; i++) {
		tpl_dict *row = tpl_section_add(d, section);
		tpl_set_int(row, "ID", list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		page_set_datetime(row, "STARTS", list[i].starts_at);
	}
}

/* Drafts whose announcement deadline is near or missed, as DRAFT rows. 0, or -1 on a database
 * error. */
static int drafts(struct request *req, tpl_dict *d)
{
	struct civil_date today = tz_local_date(req->now);
	struct meeting_item *list;
	size_t count;
	if (db_dash_drafts(&req->worker->db, req->arena, req->now, scope_bind_value(req), &list,
			   &count) < 0)
		return -1;
	int rows = 0;
	for (size_t i = 0; i < count; i++) {
		struct civil_date deadline = rule_announce_deadline(list[i].starts_at, list[i].kind);
		int left = days_between(today, deadline);
		if (left > DEADLINE_WARNING_DAYS)
			continue;
		tpl_dict *row = tpl_section_add(d, "DRAFT");
		tpl_set_int(row, "ID", list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		page_set_datetime(row, "STARTS", list[i].starts_at);
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

/* One compliance row: held and planned meetings of kind in the period. 0, or -1 on a database
 * error. */
static int compliance_kind(struct request *req, tpl_dict *d, const char *kind, const char *label,
			    int months, const char *period_words)
{
	time_t from, to;
	struct civil_date first;
	period(req->now, months, &from, &to, &first);
	long long held, planned;
	if (db_dash_kind_count(&req->worker->db, kind, from, to, scope_bind_value(req), &held,
			       &planned) < 0)
		return -1;
	tpl_dict *row = tpl_section_add(d, "RULE");
	tpl_set(row, "LABEL", label);
	tpl_set(row, "PERIOD", period_words);
	tpl_set(row, "HELD", arena_printf(req->arena, "проведено: %lld", held));
	tpl_set(row, "PLANNED", arena_printf(req->arena, "назначено: %lld", planned));
	tpl_section_show(row, held > 0 ? "KEPT" : planned > 0 ? "PLANNED_ONLY" : "NOT_KEPT");
	return 0;
}

/* The frequencies the acts require, one RULE row each. 0, or -1 on a database error. */
static int compliance(struct request *req, tpl_dict *d)
{
	struct civil_date today = tz_local_date(req->now);
	if (compliance_kind(req, d, "head_mass",
			    "Встреча главы с массовым участием жителей — не реже раза в год", 12,
			    arena_printf(req->arena, "%d год", today.year)) < 0 ||
	    compliance_kind(req, d, "personal_reception", "Личный приём главы — ежемесячно", 1,
			    arena_printf(req->arena, "%s %d г.", ru_month_nominative(today.month),
					 today.year)) < 0)
		return -1;
	time_t from, to;
	struct civil_date first;
	period(req->now, 3, &from, &to, &first);
	struct dash_group *groups;
	size_t count;
	if (db_dash_groups(&req->worker->db, req->arena, from, to, scope_bind_value(req), &groups,
			   &count) < 0)
		return -1;
	const char *quarter = arena_printf(req->arena, "%d квартал %d г.", (first.month - 1) / 3 + 1,
					   first.year);
	for (size_t i = 0; i < count; i++) {
		const struct dash_group *g = &groups[i];
		tpl_dict *row = tpl_section_add(d, "RULE");
		tpl_set(row, "LABEL", arena_printf(req->arena, "%s: выездная встреча — не реже раза в квартал",
						   g->name));
		tpl_set(row, "PERIOD", quarter);
		tpl_set(row, "HELD", arena_printf(req->arena, "проведено: %lld", g->held));
		tpl_set(row, "PLANNED", arena_printf(req->arena, "назначено: %lld", g->planned));
		tpl_section_show(row, g->held > 0 ? "KEPT" : g->planned > 0 ? "PLANNED_ONLY" : "NOT_KEPT");
	}
	return 0;
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
	struct dash_held *held;
	size_t count;
	if (db_dash_held(&req->worker->db, req->arena, HELD_ROWS + 1, scope_bind_value(req),
			 req->now - HELD_WITHOUT_PROTOCOL_DAYS * 86400, &held, &count) < 0)
		return -1;
	tpl_set(d, "HELD_WINDOW",
		arena_printf(req->arena, "%d %s", HELD_WITHOUT_PROTOCOL_DAYS,
			     ru_plural(HELD_WITHOUT_PROTOCOL_DAYS, "день", "дня", "дней")));
	for (size_t i = 0; i < count; i++) {
		if (i == HELD_ROWS) {
			/* The rest are older: the compliance report lists them all. */
			tpl_set_int(tpl_section_add(d, "HELD_MORE"), "ROWS", HELD_ROWS);
			break;
		}
		const struct dash_held *h = &held[i];
		tpl_dict *row = tpl_section_add(d, "HELD");
		tpl_set_int(row, "ID", h->id);
		tpl_set(row, "TITLE", h->title);
		page_set_datetime(row, "STARTS", h->starts_at);
		tpl_set(row, "STATE", h->signed_	       ? "подписан, не передан"
				      : h->has_protocol ? "не подписан"
							: "не составлен");
		if (h->handover_days > 0) {
			struct civil_date due = protocol_handover_due(
				&cal, tz_local_date(h->starts_at), h->handover_days, NULL);
			tpl_dict *due_row = tpl_section_add(row, "DUE");
			tpl_set(due_row, "DATE", page_date_words(req, due));
			if (civil_date_compare(today, due) > 0)
				tpl_section_show(due_row, "LATE");
		}
		tpl_section_show(d, "HAS_HELD");
	}
	return 0;
}

/* The present and the coming year (the local year + 1) without a production calendar, or with a
 * provisional one (derived from the Labour Code, the decree on transfers not entered):
 * working-day deadlines that reach into them are counted without the decree's transfers.
 * 0 shown or not needed, -1 on error. */
static int calendar_warning(struct request *req, tpl_dict *d)
{
	int year = tz_local_date(req->now).year;
	for (int y = year; y <= year + 1; y++) {
		struct calendar_year cy;
		int rc = db_calendar_year_get(&req->worker->db, req->arena, y, &cy);
		if (rc < 0)
			return -1;
		if (rc > 0)
			tpl_set_int(tpl_section_add(d, "NO_CALENDAR"), "YEAR", y);
		else if (cy.provisional)
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
	long long scope = scope_bind_value(req);
	struct meeting_item *list;
	size_t count;
	if (db_dash_unannounced(db, req->arena, req->now, scope, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	meeting_rows(d, "UNANNOUNCED", list, count);
	tpl_section_show(d, count ? "HAS_UNANNOUNCED" : "NO_UNANNOUNCED");
	if (db_dash_police(db, req->arena, req->now, req->worker->cfg->police_notice_attendance,
			   scope, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	meeting_rows(d, "POLICE", list, count);
	if (count)
		tpl_section_show(d, "HAS_POLICE");
	if (held_awaiting_protocol(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	/* regulation № 44 on information groups §3.6.2 */
	if (place_unagreed_fill(req, d, PLACE_WARNING_DAYS) < 0)
		return HTTP_INTERNAL_ERROR;
	if (db_dash_violations(db, req->arena, req->now, scope, &list, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	meeting_rows(d, "VIOLATION", list, count);
	if (count)
		tpl_section_show(d, "HAS_VIOLATIONS");
	struct outbox_totals outbox;
	if (db_outbox_totals(db, scope, &outbox) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->worker->cfg->smtp_url[0] == '\0')
		page_no_mail_server(req, d, outbox.mail_unsent);
	if (outbox.dead > 0)
		tpl_set(tpl_section_add(d, "DEAD_LETTERS"), "TEXT",
			arena_printf(req->arena, "%lld %s", outbox.dead,
				     ru_plural(outbox.dead, "сообщение не доставлено", "сообщения не доставлены",
					       "сообщений не доставлено")));
	if (compliance(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}
