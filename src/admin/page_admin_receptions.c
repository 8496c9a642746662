/* page_admin_receptions.c — personal receptions for staff (issue 17; regulation № 44 on information groups §3.5.6,
 * §3.8.3–3.8.4, the Sosnovsky plan of measures № 803): reception schedules (who receives, where, weekday and hours, slot
 * length, topics) that generate draft reception meetings through the series code, the preset of
 * the all-Russian day of personal reception on 12 December, the day's queue of a reception
 * (printable) with the marks «пришёл» / «не пришёл», booking on a caller's behalf, and
 * cancelling a booking with a reason the resident is told by mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "civil_time.h"
#include "page.h"
#include "pages.h"
#include "reception.h"
#include "reception_booking.h"
#include "router.h"
#include "ru.h"
#include "series.h"
#include "series_drafts.h"
#include "staff_change.h"
#include "worker.h"

#define RECEPTION_MAX_MEETINGS 60 /* as a series: a year of weekly receptions */
#define RECEPTION_TITLE "Личный приём граждан"
#define DECEMBER_TITLE "Общероссийский день приёма граждан"
#define DECEMBER_SLOT_MINUTES 20

static const char *const weekday_names[8] = {"",        "понедельник", "вторник",
					     "среда",   "четверг",     "пятница",
					     "суббота", "воскресенье"};

/* A reception meeting's status for staff. */
static const char *status_words(const char *status)
{
	static const char *const words[][2] = {{"draft", "черновик, не утверждён"},
					       {"approved", "утверждён"},
					       {"postponed", "перенесён"},
					       {"cancelled", "отменён"},
					       {"held", "проведён"}};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(status, words[i][0]) == 0)
			return words[i][1];
	return status;
}

/* The territory of a venue, 0 when there is no such venue. */
static long long venue_territory(struct request *req, long long venue)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_VENUE_TERRITORY);
	sqlite3_bind_int64(s, 1, venue);
	long long territory = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return territory;
}

/* In the caller's transaction: the reception rows of the drafts in created. 0 or -1. */
static int insert_receptions(struct request *req, json_t *created, long long schedule,
			     int slot_minutes, const char *topics)
{
	size_t i;
	json_t *id;
	json_array_foreach(created, i, id) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RECEPTION_INSERT);
		sqlite3_bind_int64(s, 1, json_integer_value(id));
		if (schedule)
			sqlite3_bind_int64(s, 2, schedule);
		sqlite3_bind_int(s, 3, slot_minutes);
		sqlite3_bind_text(s, 4, topics, -1, SQLITE_STATIC);
		if (db_run(s) != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* The person ids of [receptions] december_officials that are in the directory. */
static size_t december_officials(struct request *req, long long *out, size_t max)
{
	const char *list = req->worker->cfg->december_officials;
	struct staff_item *people;
	size_t np, n = 0;
	if (list == NULL || staff_load_items(req, STMT_PERSON_LIST, 0, &people, &np) < 0)
		return 0;
	for (const char *p = list; *p && n < max;) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		if (staff_has_item(people, np, id))
			out[n++] = id;
		p = end;
	}
	return n;
}

/* The next 12 December (local) on which the 5-day rule still allows the reception. */
static struct civil_date next_december_12(struct request *req)
{
	struct civil_date today = tz_local_date(req->now);
	struct civil_date d = {today.year, 12, 12};
	if (civil_date_diff(d, today) < 5)
		d.year++;
	return d;
}

/* GET /admin/receptions — the schedules, the coming receptions with how many are booked, and
 * the 12 December preset when [receptions] names its officials. */
enum http_status page_admin_receptions(struct request *req)
{
	tpl_dict *d = page_begin(req, "admin_receptions.tpl", "Личный приём", NAV_STAFF_MEETINGS);
	bool writer = req->staff->role & MEETING_WRITERS;
	if (writer)
		tpl_section_show(d, "CAN_CREATE");
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RECEPTION_SCHEDULE_LIST);
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "SCHEDULE");
		tpl_set_int(row, "SERIES", sqlite3_column_int64(s, 1));
		tpl_set(row, "PERSON", db_text(req->arena, s, 2));
		tpl_set(row, "VENUE", db_text(req->arena, s, 3));
		int wd = sqlite3_column_int(s, 4), from = sqlite3_column_int(s, 5),
		    to = sqlite3_column_int(s, 6), slot = sqlite3_column_int(s, 7);
		long long n = sqlite3_column_int64(s, 8);
		tpl_set(row, "RULE",
			arena_printf(req->arena, "%s, %02d:%02d–%02d:%02d, по %d %s",
				     weekday_names[wd >= 1 && wd <= 7 ? wd : 0], from / 60, from % 60,
				     to / 60, to % 60, slot, ru_plural(slot, "минуте", "минуты", "минут")));
		tpl_set(row, "COUNT", arena_printf(req->arena, "%lld %s", n,
						   ru_plural(n, "приём", "приёма", "приёмов")));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_SCHEDULES" : "NO_SCHEDULES");
	s = db_stmt(&req->worker->db, STMT_RECEPTION_UPCOMING);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now - 86400);
	rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "RECEPTION");
		time_t starts = (time_t)sqlite3_column_int64(s, 1), ends = (time_t)sqlite3_column_int64(s, 2);
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		page_set_datetime(row, "STARTS", starts);
		tpl_set(row, "STATUS", status_words(db_text(req->arena, s, 3)));
		tpl_set(row, "PERSON", db_text(req->arena, s, 4));
		tpl_set(row, "VENUE", db_text(req->arena, s, 5));
		size_t total = reception_slot_count(starts, ends, sqlite3_column_int(s, 6));
		tpl_set(row, "BOOKED", arena_printf(req->arena, "%lld из %zu",
						    (long long)sqlite3_column_int64(s, 7), total));
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_RECEPTIONS" : "NO_RECEPTIONS");
	long long officials[16];
	if (writer && december_officials(req, officials, 16) > 0 &&
	    atoll(req->worker->cfg->december_venue) > 0) {
		tpl_dict *p = tpl_section_add(d, "DECEMBER");
		tpl_set(p, "DAY", page_date_words(req, next_december_12(req)));
	}
	return page_end(req, HTTP_OK);
}

static enum http_status schedule_form(struct request *req, enum http_status status)
{
	tpl_dict *d = page_begin(req, "admin_reception_new.tpl", "Новый график личного приёма",
				 NAV_STAFF_MEETINGS);
	const struct field_value *v = req->field;
	page_form_fields(req, d);
	/* A time, date or number input cannot show what failed to be one: the error beside it
	 * says what was wrong. */
	static const enum field typed[] = {FIELD_START_TIME, FIELD_END_TIME, FIELD_SLOT_MINUTES,
					   FIELD_PERIOD_FROM, FIELD_PERIOD_TO};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		if (v[typed[i]].state == FIELD_INVALID)
			tpl_set(d, field_specs[typed[i]].name, "");
	if (v[FIELD_TITLE].raw == NULL)
		tpl_set(d, "title", RECEPTION_TITLE);
	if (v[FIELD_SLOT_MINUTES].raw == NULL)
		tpl_set(d, "slot_minutes", "15");
	struct staff_item *items;
	size_t n;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &items, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	staff_item_options(req, d, "HOST_OPTION", items, n,
			   v[FIELD_HOST].state == FIELD_VALID ? v[FIELD_HOST].number : 0);
	if (staff_load_items(req, STMT_VENUE_LIST, 0, &items, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	staff_item_options(req, d, "VENUE_OPTION", items, n,
			   v[FIELD_VENUE].state == FIELD_VALID ? v[FIELD_VENUE].number : 0);
	for (int w = 1; w <= 7; w++) {
		tpl_dict *o = tpl_section_add(d, "WEEKDAY_OPTION");
		tpl_set_int(o, "N", w);
		tpl_set(o, "NAME", weekday_names[w]);
		if (v[FIELD_WEEKDAY].state == FIELD_VALID && v[FIELD_WEEKDAY].number == w)
			tpl_section_show(o, "SELECTED");
	}
	return page_end(req, status);
}

/* GET /admin/receptions/new — the form of a reception schedule. */
enum http_status page_admin_reception_new(struct request *req)
{
	return schedule_form(req, HTTP_OK);
}

/* POST /admin/receptions (title, host, venue, weekday, period_from, period_to, start_time,
 * end_time, slot_minutes, topics, csrf) — a schedule and one draft reception meeting (kind
 * personal_reception) per weekday of the period, each approved later under the 5-day rule.
 * 303 to the list; 422 with errors beside the fields (unknown person or venue, the end before
 * the start, a slot longer than the reception, no such weekday in the period or more than
 * RECEPTION_MAX_MEETINGS). */
enum http_status page_admin_reception_create(struct request *req)
{
	const struct field_value *v = req->field;
	struct staff_item *people;
	size_t np;
	if (staff_load_items(req, STMT_PERSON_LIST, 0, &people, &np) < 0)
		return HTTP_INTERNAL_ERROR;
	if (v[FIELD_HOST].state == FIELD_VALID && !staff_has_item(people, np, v[FIELD_HOST].number))
		page_reject(req, FIELD_HOST, "выберите из списка");
	long long territory = 0;
	if (v[FIELD_VENUE].state == FIELD_VALID &&
	    (territory = venue_territory(req, v[FIELD_VENUE].number)) == 0)
		page_reject(req, FIELD_VENUE, "выберите место из списка");
	int start = v[FIELD_START_TIME].hour * 60 + v[FIELD_START_TIME].minute;
	int end = v[FIELD_END_TIME].hour * 60 + v[FIELD_END_TIME].minute;
	if (v[FIELD_START_TIME].state == FIELD_VALID && v[FIELD_END_TIME].state == FIELD_VALID) {
		if (end <= start)
			page_reject(req, FIELD_END_TIME, "окончание должно быть позже начала");
		else if (v[FIELD_SLOT_MINUTES].state == FIELD_VALID &&
			 end - start < v[FIELD_SLOT_MINUTES].number)
			page_reject(req, FIELD_SLOT_MINUTES, "приём короче одного посетителя");
	}
	struct civil_date dates[RECEPTION_MAX_MEETINGS];
	size_t n = 0;
	if (v[FIELD_PERIOD_FROM].state == FIELD_VALID && v[FIELD_PERIOD_TO].state == FIELD_VALID &&
	    v[FIELD_WEEKDAY].state == FIELD_VALID) {
		if (civil_date_compare(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date) > 0)
			page_reject(req, FIELD_PERIOD_TO, "конец периода раньше его начала");
		else {
			n = series_weekly(v[FIELD_PERIOD_FROM].date, v[FIELD_PERIOD_TO].date,
					  (int)v[FIELD_WEEKDAY].number, dates,
					  RECEPTION_MAX_MEETINGS);
			if (n == 0)
				page_reject(req, FIELD_PERIOD_TO, "в этом периоде нет ни одного такого дня");
			else if (n > RECEPTION_MAX_MEETINGS)
				page_reject(req, FIELD_PERIOD_TO,
					    arena_printf(req->arena,
							 "получается %zu %s, а график может создать не "
							 "больше %d: сократите период",
							 n, ru_plural((long)n, "приём", "приёма", "приёмов"),
							 RECEPTION_MAX_MEETINGS));
		}
	}
	if (req->invalid_fields > 0)
		return schedule_form(req, HTTP_UNPROCESSABLE);

	struct occurrence occ[RECEPTION_MAX_MEETINGS];
	for (size_t i = 0; i < n; i++) {
		occ[i].date = dates[i];
		occ[i].venue_id = v[FIELD_VENUE].number;
		occ[i].territory_id = territory;
	}
	const char *title = v[FIELD_TITLE].state == FIELD_VALID ? v[FIELD_TITLE].text : RECEPTION_TITLE;
	const char *topics = v[FIELD_TOPICS].text ? v[FIELD_TOPICS].text : "";
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long series = 0;
	json_t *created = json_array();
	struct series_times t = {v[FIELD_START_TIME].hour, v[FIELD_START_TIME].minute,
				 v[FIELD_END_TIME].hour, v[FIELD_END_TIME].minute};
	bool ok = series_insert_drafts(req, title, "personal_reception", "weekly", topics,
				       v[FIELD_HOST].number, &t, occ, n, &series, created) == 0;
	long long schedule = 0;
	if (ok) {
		sqlite3_stmt *s = db_stmt(db, STMT_RECEPTION_SCHEDULE_INSERT);
		sqlite3_bind_int64(s, 1, series);
		sqlite3_bind_int64(s, 2, v[FIELD_HOST].number);
		sqlite3_bind_int64(s, 3, v[FIELD_VENUE].number);
		sqlite3_bind_int64(s, 4, v[FIELD_WEEKDAY].number);
		sqlite3_bind_int(s, 5, start);
		sqlite3_bind_int(s, 6, end);
		sqlite3_bind_int64(s, 7, v[FIELD_SLOT_MINUTES].number);
		sqlite3_bind_text(s, 8, topics, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 9, (sqlite3_int64)req->now);
		ok = db_run(s) == SQLITE_DONE;
		schedule = sqlite3_last_insert_rowid(db->conn);
	}
	ok = ok && insert_receptions(req, created, schedule, (int)v[FIELD_SLOT_MINUTES].number,
				     topics) == 0;
	json_decref(created);
	return staff_commit(req, ok, "create", "reception_schedule", schedule, NULL,
			    STMT_RECEPTION_SCHEDULE_JSON, "/admin/receptions");
}

/* POST /admin/receptions/december (csrf) — the preset of the all-Russian day of personal
 * reception: a draft reception 12:00–20:00 local time on the next 12 December the 5-day rule
 * allows, for every official of [receptions] december_officials, at december_venue, in slots of
 * DECEMBER_SLOT_MINUTES. 303 to the list; 422 when the configuration names nobody. */
enum http_status page_admin_reception_december(struct request *req)
{
	long long officials[16];
	size_t n = december_officials(req, officials, 16);
	long long venue = atoll(req->worker->cfg->december_venue);
	long long territory = venue > 0 ? venue_territory(req, venue) : 0;
	if (n == 0 || territory == 0) {
		req->error_detail = "В настройках ([receptions] december_officials и december_venue) "
				    "не названы должностные лица или место приёма 12 декабря.";
		return HTTP_UNPROCESSABLE;
	}
	struct occurrence day = {next_december_12(req), venue, territory};
	struct series_times t = {12, 0, 20, 0};
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *all = json_array();
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		long long series;
		json_t *created = json_array();
		ok = series_insert_drafts(req, DECEMBER_TITLE, "personal_reception", "tour", "",
					  officials[i], &t, &day, 1, &series, created) == 0 &&
		     insert_receptions(req, created, 0, DECEMBER_SLOT_MINUTES, "") == 0;
		json_array_extend(all, created);
		json_decref(created);
	}
	if (!ok) {
		json_decref(all);
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	json_t *after = json_pack("{s:s, s:o}", "title", DECEMBER_TITLE, "meetings", all);
	if (audit_record(req, NULL, "create", "reception_december", 0, NULL, after) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, "/admin/receptions");
}

static const char *visit_words(const char *status)
{
	if (strcmp(status, "came") == 0)
		return "пришёл";
	if (strcmp(status, "absent") == 0)
		return "не пришёл";
	return "записан";
}

/* The queue page of reception r at status. */
static enum http_status queue_page(struct request *req, const struct reception_info *r,
				   enum http_status status)
{
	tpl_dict *d = page_begin(req, "admin_reception_queue.tpl",
				 arena_printf(req->arena, "Очередь на приём: %s",
					      reception_when(req, r->starts_at)),
				 NAV_STAFF_MEETINGS);
	page_form_fields(req, d);
	tpl_set_int(d, "ID", r->meeting_id);
	tpl_set(d, "WHEN", reception_when(req, r->starts_at));
	tpl_set(d, "PLACE", reception_place(req, r));
	tpl_set(d, "OFFICIAL", reception_official(req, r));
	tpl_set(d, "STATUS", status_words(r->status));
	bool writer = req->staff->role & MEETING_WRITERS;
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_QUEUE);
	sqlite3_bind_int64(s, 1, r->meeting_id);
	int rc, rows = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(d, "BOOKING");
		long long id = sqlite3_column_int64(s, 0);
		struct tm tm;
		char hm[16];
		tz_utc_to_local((time_t)sqlite3_column_int64(s, 1), &tm);
		ru_format_time(hm, sizeof hm, &tm);
		tpl_set_int(row, "ID", id);
		tpl_set(row, "TIME", hm);
		tpl_set(row, "NAME", db_text(req->arena, s, 2));
		const char *phone = db_text(req->arena, s, 3), *contact = db_text(req->arena, s, 4);
		tpl_set(row, "CONTACT", phone[0] && contact[0] && strcmp(phone, contact) != 0
					       ? arena_printf(req->arena, "%s; %s", phone, contact)
					       : phone[0] ? phone : contact);
		tpl_set(row, "QUESTION", db_text(req->arena, s, 5));
		const char *st = db_text(req->arena, s, 6);
		tpl_set(row, "MARK", visit_words(st));
		tpl_set(row, "HOW", sqlite3_column_int64(s, 7) ? "на сайте" : "по телефону");
		if (writer) {
			tpl_dict *a = tpl_section_add(row, "ACTIONS");
			tpl_set_int(a, "ID", id);
			tpl_set_int(a, "MEETING", r->meeting_id);
			if (strcmp(st, "active") == 0)
				tpl_set_int(tpl_section_add(a, "CAN_CANCEL"), "ID", id);
			long long appeal = sqlite3_column_int64(s, 9);
			if (appeal)
				tpl_set_int(tpl_section_add(a, "APPEAL"), "ID", appeal);
			else
				tpl_set_int(tpl_section_add(a, "CARD"), "ID", id);
		}
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	tpl_section_show(d, rows ? "HAS_BOOKINGS" : "NO_BOOKINGS");
	time_t *free_slots;
	size_t free_count;
	if (reception_free_slots(req, r, 0, &free_slots, &free_count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "FREE", arena_printf(req->arena, "%zu", free_count));
	if (writer && free_count > 0 && strcmp(r->status, "cancelled") != 0) {
		tpl_dict *f = tpl_section_add(d, "BOOK");
		tpl_set_int(f, "ID", r->meeting_id);
		for (size_t i = 0; i < free_count; i++) {
			tpl_dict *o = tpl_section_add(f, "SLOT_OPTION");
			struct tm tm;
			char hm[16];
			tz_utc_to_local(free_slots[i], &tm);
			ru_format_time(hm, sizeof hm, &tm);
			tpl_set_int(o, "AT", (long long)free_slots[i]);
			tpl_set(o, "TIME", hm);
			if (req->field[FIELD_SLOT].state == FIELD_VALID &&
			    req->field[FIELD_SLOT].number == (long long)free_slots[i])
				tpl_section_show(o, "SELECTED");
		}
	}
	return page_end(req, status);
}

/* GET /admin/receptions/ID — the day's queue of a reception (printable): each booked slot with
 * the visitor, how to reach them, the question and the mark; the staff's booking form. 404 when
 * ID is not a reception. */
enum http_status page_admin_reception_queue(struct request *req)
{
	struct reception_info r;
	int rc = reception_load(req, req->path_id, &r);
	if (rc != 0)
		return rc < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	return queue_page(req, &r, HTTP_OK);
}

/* POST /admin/receptions/ID/book (slot, full_name, phone, question, csrf) — staff book a slot
 * for a caller without a resident account. 303 to the queue; 422 with errors beside the fields
 * (a slot that is not free or has passed, a cancelled reception); 409 when the slot was taken
 * meanwhile. Audited. */
enum http_status page_admin_reception_book(struct request *req)
{
	struct reception_info r;
	int rc = reception_load(req, req->path_id, &r);
	if (rc != 0)
		return rc < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	const struct field_value *v = req->field;
	if (strcmp(r.status, "cancelled") == 0)
		page_reject(req, FIELD_SLOT, "приём отменён");
	else if (v[FIELD_SLOT].state == FIELD_VALID &&
		 (!reception_slot_valid(r.starts_at, r.ends_at, r.slot_minutes,
					(time_t)v[FIELD_SLOT].number) ||
		  (time_t)v[FIELD_SLOT].number <= req->now))
		page_reject(req, FIELD_SLOT, "выберите свободное время из списка");
	if (req->invalid_fields > 0)
		return queue_page(req, &r, HTTP_UNPROCESSABLE);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct booking_request b = {
		.slot_at = (time_t)v[FIELD_SLOT].number,
		.name = v[FIELD_FULL_NAME].text,
		.phone = v[FIELD_PHONE].text,
		.contact = "",
		.question = v[FIELD_BOOKING_QUESTION].text,
		.staff_user_id = req->staff->user_id,
	};
	long long id = 0;
	enum booking_result res = booking_insert(req, &r, &b, &id);
	if (res == BOOKING_TAKEN) {
		db_rollback(db);
		page_reject(req, FIELD_SLOT, "это время уже заняли, выберите другое");
		return queue_page(req, &r, HTTP_CONFLICT);
	}
	return staff_commit(req, res == BOOKING_OK, "create", "reception_booking", id, NULL,
			    STMT_BOOKING_JSON,
			    arena_printf(req->arena, "/admin/receptions/%lld", r.meeting_id));
}

/* The meeting of booking id, 0 when there is no such booking. */
static long long booking_meeting(struct request *req, long long id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_GET);
	sqlite3_bind_int64(s, 1, id);
	long long meeting = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return meeting;
}

/* POST /admin/bookings/ID/visit (visit = came | absent, csrf) — the mark «пришёл» or «не
 * пришёл». 303 to the queue; 400 for another value; 404 for an unknown booking. Audited. */
enum http_status page_admin_booking_visit(struct request *req)
{
	long long meeting = booking_meeting(req, req->path_id);
	if (meeting == 0)
		return HTTP_NOT_FOUND;
	const char *visit = req->field[FIELD_VISIT].text;
	if (strcmp(visit, "came") != 0 && strcmp(visit, "absent") != 0)
		return HTTP_BAD_REQUEST;
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *before = staff_json(req, STMT_BOOKING_JSON, req->path_id);
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_SET_VISIT);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_text(s, 2, visit, -1, SQLITE_STATIC);
	bool ok = before != NULL && db_run(s) == SQLITE_DONE;
	return staff_commit(req, ok, "visit", "reception_booking", req->path_id, before,
			    STMT_BOOKING_JSON,
			    arena_printf(req->arena, "/admin/receptions/%lld", meeting));
}

/* POST /admin/bookings/ID/cancel (cancel_reason, csrf) — staff cancel a booking; the resident is
 * told the reason by mail and the slot goes to the waiting list. 303 to the queue; 422 without a
 * reason; 404 for an unknown booking. Audited. */
enum http_status page_admin_booking_cancel(struct request *req)
{
	long long meeting = booking_meeting(req, req->path_id);
	if (meeting == 0)
		return HTTP_NOT_FOUND;
	struct reception_info r;
	if (reception_load(req, meeting, &r) != 0)
		return HTTP_INTERNAL_ERROR;
	if (req->field[FIELD_CANCEL_REASON].state != FIELD_VALID) {
		if (req->field[FIELD_CANCEL_REASON].state == FIELD_ABSENT)
			page_reject(req, FIELD_CANCEL_REASON, "напишите причину: её получит посетитель");
		return queue_page(req, &r, HTTP_UNPROCESSABLE);
	}
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	json_t *before = staff_json(req, STMT_BOOKING_JSON, req->path_id);
	bool ok = before != NULL &&
		  booking_cancel(req, req->path_id, "staff", req->field[FIELD_CANCEL_REASON].text) >= 0;
	return staff_commit(req, ok, "cancel", "reception_booking", req->path_id, before,
			    STMT_BOOKING_JSON,
			    arena_printf(req->arena, "/admin/receptions/%lld", meeting));
}
