/* reception_waiting.c — offering freed slots of a personal reception to the waiting list. */
#include "reception_waiting.h"

#include <string.h>

#include "civil_time.h"
#include "db_reception.h"
#include "outbox.h"
#include "ru.h"

/* «14 декабря 2026 г., 10:20» in the municipality's zone. */
static const char *when(struct arena *a, time_t t)
{
	struct tm tm;
	char text[64];
	tz_utc_to_local(t, &tm);
	ru_format_datetime(text, sizeof text, &tm);
	return arena_strdup(a, text);
}

int reception_offer_next(struct db *db, struct arena *a, const struct config *cfg,
			 long long meeting, time_t slot_at, time_t now)
{
	long long waiting;
	const char *email;
	int rc = db_waiting_next(db, a, meeting, &waiting, &email);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	time_t until = now + (time_t)cfg->offer_hold_minutes * 60;
	sqlite3_stmt *s = db_stmt(db, STMT_WAITING_OFFER);
	sqlite3_bind_int64(s, 1, waiting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)slot_at);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)until);
	if (db_run(s) != SQLITE_DONE)
		return -1;
	if (email[0] == '\0')
		return 1;
	struct reception_info r;
	if (db_reception_get(db, a, meeting, &r) != 0)
		return -1;
	const char *host = r.host_name, *position = r.host_position;
	const char *venue = r.venue_name, *address = r.venue_address;
	const char *official = host[0] ? ru_person_line(a, host, position, "")
				       : "должностное лицо уточняется";
	const char *place = venue[0] ? arena_printf(a, "%s, %s", venue, address) : "место уточняется";
	const char *slot = when(a, slot_at);
	struct outbox_message m = {
		.dedup_key = arena_printf(a, "waiting:%lld:%lld", waiting, (long long)slot_at),
		.channel = OUTBOX_MAIL,
		.recipient = email,
		.subject = arena_printf(a, "Освободилось время на личном приёме: %s", slot),
		.body = arena_printf(
			a,
			"Вы в листе ожидания на личный приём. Освободилось время: %s.\n"
			"Где: %s\n"
			"Кто принимает: %s\n\n"
			"Это время оставлено за вами до %s. Чтобы записаться, откройте страницу приёма "
			"и выберите его: %s/receptions/%lld\n\n--\n%s\n",
			slot, place, official, when(a, until), cfg->site_url, meeting,
			cfg->administration_name[0] ? cfg->administration_name
						    : cfg->municipality_name),
		.purpose = "notice",
		.meeting_id = meeting,
	};
	return outbox_add(db, &m, now) < 0 ? -1 : 1;
}

int reception_expire_offers(struct db *db, struct arena *a, const struct config *cfg, time_t now)
{
	struct waiting_offer *offers;
	size_t n;
	if (db_waiting_expired(db, a, now, &offers, &n) < 0)
		return -1;
	int passed = 0;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = db_stmt(db, STMT_WAITING_EXPIRE);
		sqlite3_bind_int64(s, 1, offers[i].id);
		if (db_run(s) != SQLITE_DONE)
			return -1;
		if (offers[i].slot <= now)
			continue;
		int booked = db_reception_slot_booked(db, offers[i].meeting, offers[i].slot);
		if (booked < 0)
			return -1;
		if (booked)
			continue;
		int offered = reception_offer_next(db, a, cfg, offers[i].meeting, offers[i].slot, now);
		if (offered < 0)
			return -1;
		passed += offered;
	}
	return passed;
}
