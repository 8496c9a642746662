/* publication.c — the proof that a meeting's place and time were published, channel by channel
 * (see publication.h). */
#include "publication.h"

#include <string.h>

#include "civil_time.h"
#include "db.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

const char *publication_kind_label(const char *kind)
{
	if (strcmp(kind, "announcement") == 0)
		return "Объявление";
	if (strcmp(kind, "change") == 0)
		return "Изменение места или времени";
	if (strcmp(kind, "cancellation") == 0)
		return "Отмена";
	return kind;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long days_from_civil(struct civil_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int publication_days_ahead(time_t published_at, time_t starts_at)
{
	return (int)(days_from_civil(tz_local_date(starts_at)) -
		     days_from_civil(tz_local_date(published_at)));
}

static const char *datetime_words(struct request *req, time_t t)
{
	struct tm tm;
	char text[64];
	tz_utc_to_local(t, &tm);
	ru_format_datetime(text, sizeof text, &tm);
	return arena_strdup(req->arena, text);
}

int publication_channels(struct request *req, tpl_dict *d, long long announcement_id,
			 time_t published_at)
{
	tpl_dict *site = tpl_section_add(d, "CHANNEL");
	tpl_set(site, "NAME", "Сайт (страница встречи и раздел «Для прессы»)");
	tpl_set(site, "STATE", arena_printf(req->arena, "опубликовано %s",
					     datetime_words(req, published_at)));
	tpl_section_show(site, "DELIVERED");

	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PUBLICATION_CHANNELS);
	sqlite3_bind_int64(s, 1, announcement_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *group = db_text(req->arena, s, 0);
		const char *name = db_text(req->arena, s, 1);
		long long total = sqlite3_column_int64(s, 2), sent = sqlite3_column_int64(s, 3),
			  dead = sqlite3_column_int64(s, 4);
		tpl_dict *c = tpl_section_add(d, "CHANNEL");
		if (strcmp(group, "media") == 0)
			tpl_set(c, "NAME", "Рассылка в СМИ");
		else if (strcmp(group, "invitees") == 0)
			tpl_set(c, "NAME", "Электронная почта: приглашённые и члены группы");
		else if (strcmp(group, "reference") == 0)
			tpl_set(c, "NAME", "Электронная почта: референтные группы");
		else if (strcmp(group, "subscribers") == 0)
			tpl_set(c, "NAME", "Электронная почта: подписчики");
		else
			tpl_set(c, "NAME", arena_printf(req->arena, "Соцсеть: %s", name));
		const char *state;
		if (sent == total)
			state = arena_printf(req->arena, "доставлено %s",
					     datetime_words(req, (time_t)sqlite3_column_int64(s, 5)));
		else
			state = arena_printf(req->arena, "доставлено %lld из %lld", sent, total);
		if (dead > 0)
			state = arena_printf(req->arena, "%s; не доставлено: %lld %s в списке ошибок",
					     state, dead,
					     ru_plural(dead, "сообщение", "сообщения", "сообщений"));
		else if (sent < total)
			state = arena_printf(req->arena, "%s; остальные в очереди", state);
		tpl_set(c, "STATE", state);
		tpl_section_show(c, sent == total ? "DELIVERED" : "PENDING");
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "publication channels");
		return -1;
	}
	return 0;
}

int publication_fill(struct request *req, tpl_dict *d, long long meeting_id)
{
	tpl_dict *p = tpl_include(d, "PUBLICATION", "admin_publication.tpl");
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PUBLICATION_LIST);
	sqlite3_bind_int64(s, 1, meeting_id);
	struct row {
		long long id;
		const char *kind, *venue;
		time_t published_at, starts_at;
		bool kept;
	} *rows = arena_alloc(req->arena, 8 * sizeof *rows);
	size_t n = 0, cap = 8;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(req->arena, rows, n, &cap, sizeof *rows);
		rows[n].id = sqlite3_column_int64(s, 0);
		rows[n].kind = db_text(req->arena, s, 1);
		rows[n].published_at = (time_t)sqlite3_column_int64(s, 2);
		rows[n].starts_at = (time_t)sqlite3_column_int64(s, 3);
		rows[n].kept = sqlite3_column_int(s, 4) != 0;
		rows[n].venue = db_text(req->arena, s, 5);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "publication list");
		return -1;
	}
	if (n == 0) {
		tpl_section_show(p, "NOT_PUBLISHED");
		return 0;
	}
	/* Channels are read after the list: one statement is stepped at a time. */
	for (size_t i = 0; i < n; i++) {
		tpl_dict *a = tpl_section_add(p, "ANNOUNCEMENT");
		tpl_set(a, "KIND", publication_kind_label(rows[i].kind));
		if (i == 0)
			tpl_section_show(a, "FIRST");
		page_set_datetime(a, "PUBLISHED", rows[i].published_at);
		page_set_datetime(a, "STARTS", rows[i].starts_at);
		tpl_set(a, "VENUE", rows[i].venue[0] ? rows[i].venue : "место уточняется");
		if (strcmp(rows[i].kind, "cancellation") != 0) {
			int days = publication_days_ahead(rows[i].published_at, rows[i].starts_at);
			tpl_dict *ahead = tpl_section_add(a, "AHEAD");
			tpl_set(ahead, "DAYS", arena_printf(req->arena, "%d %s", days,
							    ru_plural(days, "день", "дня", "дней")));
			tpl_section_show(ahead, rows[i].kept ? "KEPT" : "BROKEN");
		}
		if (publication_channels(req, a, rows[i].id, rows[i].published_at) < 0)
			return -1;
	}
	tpl_section_show(p, "HAS_ANNOUNCEMENTS");
	return 0;
}
