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
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RECEPTION_GET);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		struct arena *a = req->arena;
		out->meeting_id = meeting;
		out->starts_at = (time_t)sqlite3_column_int64(s, 0);
		out->ends_at = (time_t)sqlite3_column_int64(s, 1);
		out->status = db_text(a, s, 2);
		out->title = db_text(a, s, 3);
		out->host_id = sqlite3_column_int64(s, 4);
		out->host_name = db_text(a, s, 5);
		out->host_position = db_text(a, s, 6);
		out->venue_name = db_text(a, s, 7);
		out->venue_address = db_text(a, s, 8);
		out->slot_minutes = sqlite3_column_int(s, 9);
		out->topics = db_text(a, s, 10);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int reception_free_slots(struct request *req, const struct reception_info *r, long long resident,
			 time_t **out, size_t *count)
{
	size_t n = reception_slot_count(r->starts_at, r->ends_at, r->slot_minutes);
	time_t *slots = arena_calloc(req->arena, n ? n : 1, sizeof *slots);
	bool *taken = arena_calloc(req->arena, n ? n : 1, sizeof *taken);
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_RECEPTION_TAKEN);
	sqlite3_bind_int64(s, 1, r->meeting_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	sqlite3_bind_int64(s, 3, resident);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t at = (time_t)sqlite3_column_int64(s, 0);
		if (reception_slot_valid(r->starts_at, r->ends_at, r->slot_minutes, at))
			taken[(at - r->starts_at) / ((time_t)r->slot_minutes * 60)] = true;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return -1;
	*count = 0;
	for (size_t i = 0; i < n; i++) {
		time_t at = reception_slot_at(r->starts_at, r->slot_minutes, i);
		if (!taken[i] && at > req->now)
			slots[(*count)++] = at;
	}
	*out = slots;
	return 0;
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
	sqlite3_stmt *s = db_stmt(db, STMT_BOOKING_GET);
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		db_done(s);
		return 0;
	}
	long long meeting = sqlite3_column_int64(s, 0);
	time_t slot_at = (time_t)sqlite3_column_int64(s, 1);
	const char *email = db_text(req->arena, s, 5);
	db_done(s);
	s = db_stmt(db, STMT_BOOKING_CANCEL);
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
