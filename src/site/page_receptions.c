/* page_receptions.c — booking a personal reception online (issue 17; 59-ФЗ art. 13): the public
 * page of a reception (date, place, official, how many slots are free, never names), booking a
 * slot signed in as a resident, the waiting list, the resident's bookings with their .ics and
 * cancellation, and cancelling from the link in the mail. */
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "db_reception.h"
#include "page.h"
#include "pages.h"
#include "reception.h"
#include "reception_booking.h"
#include "resident.h"
#include "ru.h"
#include "worker.h"

/* A reception residents may see: not a draft. */
static bool reception_public(const struct reception_info *r)
{
	return strcmp(r->status, "draft") != 0;
}

/* The common facts of a reception in d: title, when, where, who, topics. */
static void reception_facts(struct request *req, tpl_dict *d, const struct reception_info *r)
{
	struct tm from, to;
	char day[64], end[16];
	tz_utc_to_local(r->starts_at, &from);
	tz_utc_to_local(r->ends_at, &to);
	ru_format_datetime(day, sizeof day, &from);
	ru_format_time(end, sizeof end, &to);
	tpl_set(d, "ID", arena_printf(req->arena, "%lld", r->meeting_id));
	tpl_set(d, "TITLE", r->title);
	tpl_set(d, "WHEN", arena_printf(req->arena, "%s–%s", day, end));
	page_set_datetime(d, "STARTS", r->starts_at);
	tpl_set(d, "PLACE", reception_place(req, r));
	tpl_set(d, "OFFICIAL", reception_official(req, r));
	if (r->topics[0])
		tpl_set(tpl_section_add(d, "TOPICS"), "TEXT", r->topics);
	tpl_set(d, "SLOT_LENGTH", arena_printf(req->arena, "%d %s", r->slot_minutes,
						ru_plural(r->slot_minutes, "минута", "минуты",
							  "минут")));
}

/* The resident's active future booking with the reception's official, 0 when none (a database
 * error is logged and counts as none). */
static long long active_booking(struct request *req, const struct reception_info *r)
{
	long long id;
	db_booking_active_for_official(&req->worker->db, req->resident->id, r->host_id, req->now,
				       &id);
	return id;
}

/* The page of reception r with the booking form (or why there is none) at status. */
static enum http_status reception_page(struct request *req, const struct reception_info *r,
				       enum http_status status, const char *refusal)
{
	time_t *free_slots;
	size_t free_count;
	long long viewer = req->resident ? req->resident->id : 0;
	if (reception_free_slots(req, r, viewer, &free_slots, &free_count) < 0)
		return HTTP_INTERNAL_ERROR;
	size_t total = reception_slot_count(r->starts_at, r->ends_at, r->slot_minutes);
	tpl_dict *d = page_begin(req, "reception.tpl",
				 arena_printf(req->arena, "Личный приём: %s",
					      reception_when(req, r->starts_at)),
				 NAV_MEETINGS);
	reception_facts(req, d, r);
	page_form_fields(req, d);
	if (refusal)
		page_form_error(req, d, refusal);
	bool cancelled = strcmp(r->status, "cancelled") == 0;
	bool closed = cancelled || r->starts_at <= req->now || strcmp(r->status, "held") == 0;
	tpl_set(d, "FREE", arena_printf(req->arena, "%zu %s из %zu",
					free_count, ru_plural((long)free_count, "место", "места",
							      "мест"), total));
	if (cancelled)
		tpl_section_show(d, "CANCELLED");
	else if (closed)
		tpl_section_show(d, "CLOSED");
	else if (req->resident == NULL) {
		struct buf login;
		buf_init(&login, req->arena);
		buf_puts(&login, "/account/login?return=");
		page_append_encoded(&login, arena_printf(req->arena, "/receptions/%lld",
							 r->meeting_id));
		tpl_set(tpl_section_add(d, "SIGN_IN"), "HREF", login.data);
	} else {
		long long mine = active_booking(req, r);
		if (mine) {
			tpl_set_int(tpl_section_add(d, "ALREADY"), "BOOKING", mine);
		} else if (free_count == 0) {
			tpl_dict *w = tpl_section_add(d, "WAITING");
			tpl_set(w, "CSRF", req->resident->csrf);
			tpl_set_int(w, "ID", r->meeting_id);
		} else {
			tpl_dict *f = tpl_section_add(d, "BOOK");
			tpl_set(f, "CSRF", req->resident->csrf);
			tpl_set_int(f, "ID", r->meeting_id);
			const struct field_value *slot = &req->field[FIELD_SLOT];
			for (size_t i = 0; i < free_count; i++) {
				tpl_dict *o = tpl_section_add(f, "SLOT");
				struct tm tm;
				char hm[16];
				tz_utc_to_local(free_slots[i], &tm);
				ru_format_time(hm, sizeof hm, &tm);
				tpl_set_int(o, "AT", (long long)free_slots[i]);
				tpl_set(o, "TIME", hm);
				if (slot->state == FIELD_VALID && slot->number == (long long)free_slots[i])
					tpl_section_show(o, "CHECKED");
			}
			const char *contact = req->field[FIELD_CONTACT].raw;
			if (contact == NULL)
				contact = req->resident->phone[0] ? req->resident->phone
								  : req->resident->email;
			tpl_set(f, "CONTACT", contact);
			tpl_set(f, "QUESTION", req->field[FIELD_BOOKING_QUESTION].raw
						       ? req->field[FIELD_BOOKING_QUESTION].raw : "");
		}
	}
	return page_end(req, status);
}

/* The reception of the request's path for a resident, or the status to answer. */
static enum http_status load_public(struct request *req, struct reception_info *r)
{
	int rc = reception_load(req, req->path_id, r);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0 || !reception_public(r))
		return HTTP_NOT_FOUND;
	return HTTP_OK;
}

/* GET /receptions/ID — a reception: date, place, official, free slots (never names); signed in,
 * the booking form, or the waiting list when every slot is taken. 404 for a draft or an id that
 * is not a reception. */
enum http_status page_reception_show(struct request *req)
{
	struct reception_info r;
	enum http_status st = load_public(req, &r);
	return st != HTTP_OK ? st : reception_page(req, &r, HTTP_OK, NULL);
}

/* The resident's name as a booking records it: surname, name, patronymic, or the address. */
static const char *resident_name(struct request *req)
{
	const struct resident *p = req->resident;
	const char *full = arena_printf(req->arena, "%s %s %s", p->surname, p->name, p->patronymic);
	while (*full == ' ')
		full++;
	size_t n = strlen(full);
	char *copy = arena_strdup(req->arena, full);
	while (n > 0 && copy[n - 1] == ' ')
		copy[--n] = '\0';
	for (char *c = copy; (c = strstr(c, "  ")) != NULL;)
		memmove(c, c + 1, strlen(c));
	return copy[0] ? copy : p->email[0] ? p->email : "житель";
}

/* The page that says the slot was taken, with the other free slots or the waiting list: 409. */
static enum http_status slot_taken(struct request *req, const struct reception_info *r)
{
	return reception_page(req, r, HTTP_CONFLICT,
			      "Это время уже заняли, пока вы заполняли форму. Выберите другое время "
			      "или встаньте в лист ожидания.");
}

/* POST /receptions/ID/book (slot, question, contact, csrf) — a signed-in resident books a slot.
 * 303 to the booking's page; 422 with errors beside the fields (no slot chosen, a slot that is
 * not this reception's or has passed, no question or contact), a cancelled or closed reception,
 * or an active booking with the same official already; 409 when someone else took the slot
 * first (the page offers the other slots or the waiting list). */
enum http_status page_reception_book(struct request *req)
{
	struct reception_info r;
	enum http_status st = load_public(req, &r);
	if (st != HTTP_OK)
		return st;
	const struct field_value *v = req->field;
	if (strcmp(r.status, "cancelled") == 0)
		return reception_page(req, &r, HTTP_UNPROCESSABLE,
				      "Этот приём отменён, записаться на него нельзя.");
	if (r.starts_at <= req->now || strcmp(r.status, "held") == 0)
		return reception_page(req, &r, HTTP_UNPROCESSABLE,
				      "Запись на этот приём закрыта: он уже начался или прошёл.");
	if (v[FIELD_SLOT].state == FIELD_ABSENT)
		page_reject(req, FIELD_SLOT, "выберите время");
	else if (v[FIELD_SLOT].state == FIELD_VALID &&
		 !reception_slot_valid(r.starts_at, r.ends_at, r.slot_minutes,
				       (time_t)v[FIELD_SLOT].number))
		page_reject(req, FIELD_SLOT, "такого времени у этого приёма нет");
	else if (v[FIELD_SLOT].state == FIELD_VALID && (time_t)v[FIELD_SLOT].number <= req->now)
		page_reject(req, FIELD_SLOT, "это время уже прошло");
	if (v[FIELD_BOOKING_QUESTION].state == FIELD_ABSENT)
		page_reject(req, FIELD_BOOKING_QUESTION, "напишите коротко, с каким вопросом вы придёте");
	if (v[FIELD_CONTACT].state == FIELD_ABSENT)
		page_reject(req, FIELD_CONTACT, "укажите телефон или адрес почты");
	if (req->invalid_fields > 0)
		return reception_page(req, &r, HTTP_UNPROCESSABLE, NULL);

	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long mine = active_booking(req, &r);
	if (mine) {
		db_rollback(db);
		return reception_page(req, &r, HTTP_UNPROCESSABLE,
				      arena_printf(req->arena,
						   "Вы уже записаны к этому должностному лицу. Новая "
						   "запись возможна после приёма или после отмены "
						   "прежней записи."));
	}
	/* The slot is one of the reception's and ahead (checked above): one look-up says whether
	 * it is free, not the list of all the reception's slots. */
	time_t slot_at = (time_t)v[FIELD_SLOT].number;
	int is_free = reception_slot_free(req, &r, req->resident->id, slot_at);
	if (is_free <= 0) {
		db_rollback(db);
		return is_free < 0 ? HTTP_INTERNAL_ERROR : slot_taken(req, &r);
	}
	struct booking_request b = {
		.slot_at = slot_at,
		.resident_id = req->resident->id,
		.name = resident_name(req),
		.phone = req->resident->phone,
		.email = req->resident->email,
		.contact = v[FIELD_CONTACT].text,
		.question = v[FIELD_BOOKING_QUESTION].text,
	};
	long long id;
	enum booking_result res = booking_insert(req, &r, &b, &id);
	if (res != BOOKING_OK) {
		db_rollback(db);
		return res == BOOKING_TAKEN ? slot_taken(req, &r) : HTTP_INTERNAL_ERROR;
	}
	if (db_commit(db) < 0)
		return HTTP_INTERNAL_ERROR;
	return response_redirect(req, arena_printf(req->arena, "/account/bookings/%lld", id));
}

/* POST /receptions/ID/wait (csrf) — the signed-in resident joins the waiting list of a reception
 * whose slots are all taken; a freed slot is offered by mail. 303 back to the reception. */
enum http_status page_reception_wait(struct request *req)
{
	struct reception_info r;
	enum http_status st = load_public(req, &r);
	if (st != HTTP_OK)
		return st;
	if (strcmp(r.status, "cancelled") == 0 || r.starts_at <= req->now)
		return reception_page(req, &r, HTTP_UNPROCESSABLE,
				      "На этот приём лист ожидания закрыт.");
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_WAITING_INSERT);
	sqlite3_bind_int64(s, 1, r.meeting_id);
	sqlite3_bind_int64(s, 2, req->resident->id);
	sqlite3_bind_text(s, 3, req->resident->email, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	return response_redirect(req, arena_printf(req->arena, "/account/bookings?waiting=%lld",
						   r.meeting_id));
}

static const char *booking_status_words(const char *status, bool past)
{
	if (strcmp(status, "cancelled") == 0)
		return "отменена";
	if (strcmp(status, "came") == 0)
		return "приём состоялся";
	if (strcmp(status, "absent") == 0)
		return "вы не пришли";
	return past ? "время приёма прошло" : "вы записаны";
}

/* GET /account/bookings — the resident's bookings, newest first, and the waiting lists. */
enum http_status page_account_bookings(struct request *req)
{
	tpl_dict *d = page_begin(req, "account_bookings.tpl", "Мои записи на приём", NAV_ACCOUNT);
	struct resident_booking *list;
	size_t rows;
	if (db_booking_of_resident(&req->worker->db, req->arena, req->resident->id, &list, &rows) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < rows; i++) {
		tpl_dict *row = tpl_section_add(d, "BOOKING");
		tpl_set_int(row, "ID", list[i].id);
		page_set_datetime(row, "WHEN", list[i].slot_at);
		tpl_set(row, "STATUS", booking_status_words(list[i].status, list[i].slot_at <= req->now));
		tpl_set(row, "OFFICIAL", list[i].official);
	}
	tpl_section_show(d, rows ? "HAS_BOOKINGS" : "NO_BOOKINGS");
	if (req->field[FIELD_WAITING].state == FIELD_VALID)
		tpl_section_show(d, "WAITING_ADDED");
	return page_end(req, HTTP_OK);
}

/* The resident's own booking of the path: its reception and fields. 0, or the status. */
struct booking_view {
	long long meeting;
	time_t slot_at;
	const char *status, *question, *contact, *cancel_reason;
};

static enum http_status load_own_booking(struct request *req, struct booking_view *b,
					 struct reception_info *r)
{
	struct booking row;
	int rc = db_booking_get(&req->worker->db, req->arena, req->path_id, &row);
	if (rc < 0)
		return HTTP_INTERNAL_ERROR;
	if (rc > 0 || row.resident_id != req->resident->id)
		return HTTP_NOT_FOUND;
	b->meeting = row.meeting;
	b->slot_at = row.slot_at;
	b->contact = row.contact;
	b->question = row.question;
	b->status = row.status;
	b->cancel_reason = row.cancel_reason;
	return reception_load(req, b->meeting, r) == 0 ? HTTP_OK : HTTP_INTERNAL_ERROR;
}

/* GET /account/bookings/ID — the confirmation: time and place, the official, the question, the
 * .ics, and the button to cancel while the booking is active and ahead. 404 for anyone else's. */
enum http_status page_account_booking(struct request *req)
{
	struct booking_view b;
	struct reception_info r;
	enum http_status st = load_own_booking(req, &b, &r);
	if (st != HTTP_OK)
		return st;
	tpl_dict *d = page_begin(req, "account_booking.tpl", "Запись на личный приём", NAV_ACCOUNT);
	reception_facts(req, d, &r);
	tpl_set_int(d, "BOOKING", req->path_id);
	page_set_datetime(d, "SLOT", b.slot_at);
	tpl_set(d, "QUESTION", b.question);
	tpl_set(d, "CONTACT", b.contact);
	bool past = b.slot_at <= req->now;
	tpl_set(d, "STATUS", booking_status_words(b.status, past));
	if (b.cancel_reason[0])
		tpl_set(tpl_section_add(d, "REASON"), "TEXT", b.cancel_reason);
	if (strcmp(b.status, "active") == 0 && !past) {
		tpl_dict *c = tpl_section_add(d, "CAN_CANCEL");
		tpl_set(c, "CSRF", req->resident->csrf);
		tpl_set_int(c, "BOOKING", req->path_id);
		tpl_set_int(tpl_section_add(d, "ICS"), "BOOKING", req->path_id);
	}
	return page_end(req, HTTP_OK);
}

/* GET /account/bookings/ID.ics — the booked slot as an iCalendar event (libical). 404 for
 * anyone else's booking. */
enum http_status page_account_booking_ics(struct request *req)
{
	struct booking_view b;
	struct reception_info r;
	enum http_status st = load_own_booking(req, &b, &r);
	if (st != HTTP_OK)
		return st;
	const struct config *cfg = req->worker->cfg;
	const char *host = strstr(cfg->site_url, "://") ? strstr(cfg->site_url, "://") + 3 : "portal";
	icaltimezone *utc = icaltimezone_get_utc_timezone();
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//municipal-portal//receptions//RU"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(
		arena_printf(req->arena, "booking-%lld@%s", req->path_id, host)));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
		icaltime_from_timet_with_zone(req->now, 0, utc)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(
		icaltime_from_timet_with_zone(b.slot_at, 0, utc)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(icaltime_from_timet_with_zone(
		b.slot_at + (time_t)r.slot_minutes * 60, 0, utc)));
	icalcomponent_add_property(ev, icalproperty_new_summary(
		arena_printf(req->arena, "Личный приём: %s", reception_official(req, &r))));
	icalcomponent_add_property(ev, icalproperty_new_location(reception_place(req, &r)));
	icalcomponent_add_property(ev, icalproperty_new_description(
		arena_printf(req->arena, "Ваш вопрос: %s", b.question)));
	icalcomponent_add_property(ev, icalproperty_new_url(
		arena_printf(req->arena, "%s/account/bookings/%lld", cfg->site_url, req->path_id)));
	icalcomponent_add_property(ev, icalproperty_new_status(
		strcmp(b.status, "cancelled") == 0 ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_component(cal, ev);
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (text == NULL)
		return HTTP_INTERNAL_ERROR;
	buf_puts(&req->response.body, text);
	free(text);
	req->response.content_type = "text/calendar; charset=utf-8";
	response_header(req, "Content-Disposition",
			arena_printf(req->arena, "attachment; filename=\"booking-%lld.ics\"",
				     req->path_id));
	req->response.body_ready = true;
	return HTTP_OK;
}

/* Cancel booking id by the resident in one transaction; 303 to location, or the status. */
static enum http_status cancel_and_go(struct request *req, long long id, const char *location)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	if (booking_cancel(req, id, "resident", "") < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, location);
}

/* POST /account/bookings/ID/cancel (csrf) — the resident cancels their booking; the slot goes
 * to the waiting list. 303 to the booking's page; 404 for anyone else's. */
enum http_status page_account_booking_cancel(struct request *req)
{
	struct booking_view b;
	struct reception_info r;
	enum http_status st = load_own_booking(req, &b, &r);
	if (st != HTTP_OK)
		return st;
	return cancel_and_go(req, req->path_id,
			     arena_printf(req->arena, "/account/bookings/%lld", req->path_id));
}

/* The booking named by the token of the request, 0 when none (a database error is logged and
 * answered as an unknown token). */
static long long booking_by_token(struct request *req)
{
	const struct field_value *t = &req->field[FIELD_TOKEN];
	if (t->state != FIELD_VALID)
		return 0;
	unsigned char hash[32];
	resident_token_hash(t->text, hash);
	long long id;
	db_booking_by_token(&req->worker->db, hash, &id);
	return id;
}

/* The page of the mail's cancellation link: the booking and a button (mail scanners follow
 * links, so only the POST cancels), or that it is cancelled already. */
static enum http_status cancel_page(struct request *req, long long id, bool done)
{
	tpl_dict *d = page_begin(req, "reception_cancel.tpl", "Отмена записи на приём", NAV_MEETINGS);
	if (id == 0) {
		tpl_section_show(d, "UNKNOWN");
		return page_end(req, HTTP_NOT_FOUND);
	}
	struct booking b;
	if (db_booking_get(&req->worker->db, req->arena, id, &b) != 0)
		return HTTP_INTERNAL_ERROR;
	time_t at = b.slot_at;
	bool active = strcmp(b.status, "active") == 0;
	const char *official = b.official;
	page_set_datetime(d, "SLOT", at);
	tpl_set(d, "OFFICIAL", official);
	if (done)
		tpl_section_show(d, "DONE");
	else if (!active || at <= req->now)
		tpl_section_show(d, "NOT_ACTIVE");
	else
		tpl_set(tpl_section_add(d, "CONFIRM"), "TOKEN", req->field[FIELD_TOKEN].text);
	return page_end(req, HTTP_OK);
}

/* GET /receptions/cancel?token= — the booking of the mail's link and the button to cancel it.
 * 404 page for an unknown token. */
enum http_status page_reception_cancel_form(struct request *req)
{
	return cancel_page(req, booking_by_token(req), false);
}

/* POST /receptions/cancel (token) — cancel the booking of the mail's link (the token is the
 * authority, as with unsubscribing). 200 with «Запись отменена»; 404 page for an unknown token. */
enum http_status page_reception_cancel(struct request *req)
{
	long long id = booking_by_token(req);
	if (id == 0)
		return cancel_page(req, 0, false);
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	int rc = booking_cancel(req, id, "resident", "");
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return cancel_page(req, id, rc > 0);
}
