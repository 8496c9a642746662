/* reception_booking.c — reading receptions, their free slots, booking and cancelling, and the
 * mails about them (issue 17), shared by the residents' and the staff's pages. */
#include <stdlib.h>
#include <string.h>

#include "civil_time.h"
#include "db.h"
#include "outbox.h"
#include "reception.h"
#include "reception_booking.h"
#include "reception_waiting.h"
#include "resident.h"
#include "ru.h"
#include "worker.h"

int reception_load(struct request *req, long long meeting, struct reception_info *out)
{
	return db_reception_get(&req->worker->db, req->arena, meeting, out);
}

int reception_free_slots(struct request *req, const struct reception_info *r, long long resident,
			 time_t **out, size_t *count)
{
	size_t n = reception_slot_count(r->starts_at, r->ends_at, r->slot_minutes);
	time_t *slots = arena_calloc(req->arena, n ? n : 1, sizeof *slots);
	bool *taken = arena_calloc(req->arena, n ? n : 1, sizeof *taken);
	time_t *held;
	size_t held_count;
	if (db_reception_taken(&req->worker->db, req->arena, r->meeting_id, req->now, resident,
			       &held, &held_count) < 0)
		return -1;
	for (size_t i = 0; i < held_count; i++)
		if (reception_slot_valid(r->starts_at, r->ends_at, r->slot_minutes, held[i]))
			taken[(held[i] - r->starts_at) / ((time_t)r->slot_minutes * 60)] = true;
	*count = 0;
	for (size_t i = 0; i < n; i++) {
		time_t at = reception_slot_at(r->starts_at, r->slot_minutes, i);
		if (!taken[i] && at > req->now)
			slots[(*count)++] = at;
	}
	*out = slots;
	return 0;
}

int reception_slot_free(struct request *req, const struct reception_info *r, long long resident,
			time_t slot_at)
{
	int taken = db_reception_slot_unavailable(&req->worker->db, r->meeting_id, slot_at, req->now,
						  resident);
	return taken < 0 ? -1 : !taken;
}

const char *reception_when(struct request *req, time_t t)
{
	struct tm tm;
	char text[64];
	tz_utc_to_local(t, &tm);
	ru_format_datetime(text, sizeof text, &tm);
	return arena_strdup(req->arena, text);
}

const char *reception_place(struct request *req, const struct reception_info *r)
{
	if (r->venue_name[0] == '\0')
		return "место уточняется";
	return arena_printf(req->arena, "%s, %s", r->venue_name, r->venue_address);
}

const char *reception_official(struct request *req, const struct reception_info *r)
{
	if (r->host_name[0] == '\0')
		return "должностное лицо уточняется";
	return ru_person_line(req->arena, r->host_name, r->host_position, "");
}

/* The mail's signature: the administration's name, or the site's. */
static const char *signature(const struct config *cfg)
{
	return cfg->administration_name[0] ? cfg->administration_name : cfg->municipality_name;
}

enum booking_result booking_insert(struct request *req, const struct reception_info *r,
				   const struct booking_request *b, long long *id)
{
	struct db *db = &req->worker->db;
	const struct config *cfg = req->worker->cfg;
	const char *token = NULL;
	unsigned char hash[32];
	if (b->email && b->email[0]) {
		token = resident_random_token(req->arena);
		resident_token_hash(token, hash);
	}
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_INSERT);
	sqlite3_bind_int64(s, 1, r->meeting_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)b->slot_at);
	sqlite3_bind_int64(s, 3, r->host_id);
	if (b->resident_id)
		sqlite3_bind_int64(s, 4, b->resident_id);
	sqlite3_bind_text(s, 5, b->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, b->phone ? b->phone : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, b->email ? b->email : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, b->contact ? b->contact : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, b->question, -1, SQLITE_STATIC);
	if (token)
		sqlite3_bind_blob(s, 10, hash, sizeof hash, SQLITE_STATIC);
	if (b->staff_user_id)
		sqlite3_bind_int64(s, 11, b->staff_user_id);
	sqlite3_bind_int64(s, 12, (sqlite3_int64)req->now);
	int rc = db_run(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return BOOKING_TAKEN;
	if (rc != SQLITE_DONE) {
		db_log_error(db, "booking insert");
		return BOOKING_ERROR;
	}
	*id = sqlite3_last_insert_rowid(db->conn);
	if (b->resident_id) {
		s = db_stmt(db, STMT_WAITING_BOOKED);
		sqlite3_bind_int64(s, 1, r->meeting_id);
		sqlite3_bind_int64(s, 2, b->resident_id);
		if (db_run(s) != SQLITE_DONE)
			return BOOKING_ERROR;
	}
	if (token == NULL)
		return BOOKING_OK;
	const char *when = reception_when(req, b->slot_at);
	struct outbox_message m = {
		.dedup_key = arena_printf(req->arena, "booking:%lld", *id),
		.channel = OUTBOX_MAIL,
		.recipient = b->email,
		.subject = arena_printf(req->arena, "Запись на личный приём: %s", when),
		.body = arena_printf(
			req->arena,
			"Вы записаны на личный приём.\n\n"
			"Когда: %s (приходите к этому времени, приём одного посетителя — %d %s)\n"
			"Где: %s\n"
			"Кто принимает: %s\n"
			"Ваш вопрос: %s\n\n"
			"Возьмите с собой паспорт или другой документ, удостоверяющий личность.\n"
			"Запись в личном кабинете: %s/account/bookings/%lld\n"
			"Если вы не сможете прийти, отмените запись, чтобы время досталось другому: "
			"%s/receptions/cancel?token=%s\n\n--\n%s\n",
			when, r->slot_minutes,
			ru_plural(r->slot_minutes, "минута", "минуты", "минут"),
			reception_place(req, r), reception_official(req, r), b->question,
			cfg->site_url, *id, cfg->site_url, token, signature(cfg)),
		.purpose = "confirmation",
		.meeting_id = r->meeting_id,
	};
	return outbox_add(db, &m, req->now) < 0 ? BOOKING_ERROR : BOOKING_OK;
}

int booking_cancel(struct request *req, long long id, const char *by, const char *reason)
{
	struct db *db = &req->worker->db;
	const struct config *cfg = req->worker->cfg;
	struct booking booking;
	int found = db_booking_get(db, req->arena, id, &booking);
	if (found != 0)
		return found < 0 ? -1 : 0;
	long long meeting = booking.meeting;
	time_t slot_at = booking.slot_at;
	const char *email = booking.email;
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_CANCEL);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason ? reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(db->conn) == 0)
		return 0;
	struct reception_info r;
	if (reception_load(req, meeting, &r) != 0)
		return -1;
	if (strcmp(by, "staff") == 0 && email[0] != '\0') {
		const char *when = reception_when(req, slot_at);
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "booking-cancelled:%lld", id),
			.channel = OUTBOX_MAIL,
			.recipient = email,
			.subject = arena_printf(req->arena, "Запись на личный приём отменена: %s", when),
			.body = arena_printf(
				req->arena,
				"Ваша запись на личный приём %s отменена.\n"
				"Кто принимает: %s\n"
				"Причина: %s\n\n"
				"Записаться на другое время можно на сайте: %s/receptions/%lld\n\n--\n%s\n",
				when, reception_official(req, &r), reason, cfg->site_url, meeting,
				signature(cfg)),
			.purpose = "cancellation",
			.meeting_id = meeting,
		};
		if (outbox_add(db, &m, req->now) < 0)
			return -1;
	}
	if (slot_at > req->now && strcmp(r.status, "cancelled") != 0 &&
	    reception_offer_next(db, req->arena, cfg, meeting, slot_at, req->now) < 0)
		return -1;
	return 1;
}

/* «12 декабря 2026 г.»: the local date of t, from the arena. */
static const char *reception_day(struct request *req, time_t t)
{
	struct tm tm;
	char text[48];
	tz_utc_to_local(t, &tm);
	ru_format_date(text, sizeof text, &tm);
	return arena_strdup(req->arena, text);
}

/* text as the end of a sentence: a full stop added unless it ends with . ! ? or …. */
static const char *sentence(struct request *req, const char *text)
{
	size_t n = strlen(text);
	bool ended = n > 0 && strchr(".!?", text[n - 1]) != NULL;
	ended = ended || (n >= 3 && strcmp(text + n - 3, "…") == 0);
	return ended ? text : arena_printf(req->arena, "%s.", text);
}

/* The active bookings of meeting into *out (from the arena), in slot order. -1 on error. */
static int active_bookings(struct request *req, long long meeting, struct active_booking **out,
			   size_t *count)
{
	return db_booking_active_of_meeting(&req->worker->db, req->arena, meeting, out, count);
}

/* Cancel active booking id by staff with reason, without the single booking's mail. -1 on
 * error. */
static int cancel_quietly(struct request *req, long long id, const char *reason)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_CANCEL);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, "staff", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)req->now);
	return db_run(s) == SQLITE_DONE ? 0 : -1;
}

/* Put a mail about booking id (key: its dedup key) into the outbox. -1 on error. */
static int mail_booking(struct request *req, long long meeting, const char *key,
			const char *email, const char *purpose, const char *subject,
			const char *body)
{
	struct outbox_message m = {
		.dedup_key = key,
		.channel = OUTBOX_MAIL,
		.recipient = email,
		.subject = subject,
		.body = arena_printf(req->arena, "%s\n--\n%s\n", body, signature(req->worker->cfg)),
		.purpose = purpose,
		.meeting_id = meeting,
	};
	return outbox_add(&req->worker->db, &m, req->now) < 0 ? -1 : 0;
}

int reception_meeting_cancelled(struct request *req, long long meeting, const char *reason)
{
	struct reception_info r;
	int rc = reception_load(req, meeting, &r);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	struct active_booking *list;
	size_t n;
	if (active_bookings(req, meeting, &list, &n) < 0)
		return -1;
	const char *day = reception_day(req, r.starts_at);
	const char *why = sentence(req, reason);
	const char *stored = arena_printf(req->arena, "приём отменён — %s", reason);
	const struct config *cfg = req->worker->cfg;
	for (size_t i = 0; i < n; i++) {
		if (cancel_quietly(req, list[i].id, stored) < 0)
			return -1;
		if (list[i].email[0] == '\0')
			continue;
		const char *body = arena_printf(
			req->arena,
			"Приём %s отменён: %s\n\n"
			"Ваша запись на %s отменена.\n"
			"Кто принимает: %s\n"
			"Где: %s\n\n"
			"Записаться на другой приём можно на сайте: %s/meetings?kind=personal_reception\n"
			"Ваши записи: %s/account/bookings/%lld\n",
			day, why, reception_when(req, list[i].slot_at), reception_official(req, &r),
			reception_place(req, &r), cfg->site_url, cfg->site_url, list[i].id);
		if (mail_booking(req, meeting,
				 arena_printf(req->arena, "reception-cancelled:%lld", list[i].id),
				 list[i].email, "cancellation",
				 arena_printf(req->arena, "Приём %s отменён", day), body) < 0)
			return -1;
	}
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_WAITING_END);
	sqlite3_bind_int64(s, 1, meeting);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	return (int)n;
}

/* Move the active bookings of meeting by shift seconds; the slots are parked as negative
 * numbers first so that no step meets the unique index of (reception, slot). -1 on error. */
static int shift_bookings(struct request *req, long long meeting, time_t shift)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_PARK);
	sqlite3_bind_int64(s, 1, meeting);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	s = db_stmt(db, STMT_BOOKING_UNPARK);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)shift);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	s = db_stmt(db, STMT_WAITING_SHIFT);
	sqlite3_bind_int64(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)shift);
	return db_run(s) == SQLITE_DONE ? 0 : -1;
}

/* A fresh link to cancel booking id (the old one stops working). NULL on error. */
static const char *fresh_cancel_link(struct request *req, long long id)
{
	const char *token = resident_random_token(req->arena);
	unsigned char hash[32];
	resident_token_hash(token, hash);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_BOOKING_SET_TOKEN);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_blob(s, 2, hash, sizeof hash, SQLITE_STATIC);
	if (db_run(s) != SQLITE_DONE)
		return NULL;
	return arena_printf(req->arena, "%s/receptions/cancel?token=%s", req->worker->cfg->site_url,
			    token);
}

int reception_meeting_moved(struct request *req, long long meeting, time_t old_starts,
			    const char *reason)
{
	struct reception_info r;
	int rc = reception_load(req, meeting, &r);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	time_t shift = r.starts_at - old_starts; /* 0: only the end moved */
	struct active_booking *list;
	size_t n;
	if (active_bookings(req, meeting, &list, &n) < 0)
		return -1;
	const struct config *cfg = req->worker->cfg;
	const char *old_day = reception_day(req, old_starts);
	struct tm to;
	char end[16];
	tz_utc_to_local(r.ends_at, &to);
	ru_format_time(end, sizeof end, &to);
	const char *hours = arena_printf(req->arena, "%s–%s", reception_when(req, r.starts_at), end);
	const char *why = reason && reason[0]
				  ? arena_printf(req->arena, "Причина: %s\n", sentence(req, reason))
				  : "";
	/* Those that no longer fit are cancelled at their old time before the others move. */
	const char *unfit = arena_printf(req->arena,
					 shift ? "приём перенесён на %s, и ваше время в новые часы "
						 "приёма не вошло"
					       : "приём сокращён (теперь %s), и ваше время в него не "
						 "вошло",
					 hours);
	for (size_t i = 0; i < n; i++)
		if (!reception_slot_valid(r.starts_at, r.ends_at, r.slot_minutes,
					  list[i].slot_at + shift) &&
		    cancel_quietly(req, list[i].id, unfit) < 0)
			return -1;
	if (shift != 0 && shift_bookings(req, meeting, shift) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (list[i].email[0] == '\0')
			continue;
		time_t slot = list[i].slot_at + shift;
		bool fits = reception_slot_valid(r.starts_at, r.ends_at, r.slot_minutes, slot);
		const char *subject, *body;
		if (fits && shift == 0)
			continue; /* nothing changed for this booking */
		if (!fits) {
			subject = arena_printf(req->arena,
					       shift ? "Приём %s перенесён, запись отменена"
						     : "Приём %s сокращён, запись отменена",
					       old_day);
			body = arena_printf(
				req->arena,
				"Приём %s %s %s.\n%s\n"
				"Приём в новое время короче, и ваше время (%s) в него не вошло, "
				"поэтому запись отменена. Записаться на свободное время можно на "
				"сайте: %s/receptions/%lld\n",
				old_day, shift ? "перенесён на" : "теперь проходит", hours, why,
				reception_when(req, list[i].slot_at), cfg->site_url, meeting);
		} else {
			const char *link = fresh_cancel_link(req, list[i].id);
			if (link == NULL)
				return -1;
			const char *when = reception_when(req, slot);
			subject = arena_printf(req->arena, "Приём %s перенесён на %s", old_day, when);
			body = arena_printf(
				req->arena,
				"Приём %s перенесён на %s.\n%s\n"
				"Ваше новое время: %s (приём одного посетителя — %d %s)\n"
				"Где: %s\n"
				"Кто принимает: %s\n\n"
				"Новый файл для календаря (.ics): %s/account/bookings/%lld.ics\n"
				"Запись в личном кабинете: %s/account/bookings/%lld\n"
				"Если новое время вам не подходит, отмените запись, чтобы оно досталось "
				"другому: %s\n",
				old_day, hours, why, when, r.slot_minutes,
				ru_plural(r.slot_minutes, "минута", "минуты", "минут"),
				reception_place(req, &r), reception_official(req, &r), cfg->site_url,
				list[i].id, cfg->site_url, list[i].id, link);
		}
		if (mail_booking(req, meeting,
				 arena_printf(req->arena, "reception-moved:%lld:%lld", list[i].id,
					      (long long)r.starts_at),
				 list[i].email, "change", subject, body) < 0)
			return -1;
	}
	return (int)n;
}
