/* publication.c — the proof that a meeting's place and time were published, channel by channel
 * (see publication.h). */
#include "publication.h"

#include <string.h>

#include "civil_time.h"
#include "db_press.h"
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

/* «11 марта 2026 г., 18:05»: t in the municipality's zone, in the request's arena. */
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

	struct publication_channel *channels;
	size_t n;
	if (db_publication_channels(&req->worker->db, req->arena, announcement_id, &channels, &n) <
	    0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct publication_channel *ch = &channels[i];
		tpl_dict *c = tpl_section_add(d, "CHANNEL");
		if (strcmp(ch->group, "media") == 0)
			tpl_set(c, "NAME", "Рассылка в СМИ");
		else if (strcmp(ch->group, "invitees") == 0)
			tpl_set(c, "NAME", "Электронная почта: приглашённые и члены группы");
		else if (strcmp(ch->group, "reference") == 0)
			tpl_set(c, "NAME", "Электронная почта: референтные группы");
		else if (strcmp(ch->group, "subscribers") == 0)
			tpl_set(c, "NAME", "Электронная почта: подписчики");
		else
			tpl_set(c, "NAME", arena_printf(req->arena, "Соцсеть: %s", ch->name));
		const char *state;
		if (ch->sent == ch->total)
			state = arena_printf(req->arena, "доставлено %s",
					     datetime_words(req, ch->last_sent));
		else
			state = arena_printf(req->arena, "доставлено %lld из %lld", ch->sent,
					     ch->total);
		if (ch->dead > 0)
			state = arena_printf(req->arena, "%s; не доставлено: %lld %s в списке ошибок",
					     state, ch->dead,
					     ru_plural(ch->dead, "сообщение", "сообщения", "сообщений"));
		else if (ch->sent < ch->total)
			state = arena_printf(req->arena, "%s; остальные в очереди", state);
		tpl_set(c, "STATE", state);
		tpl_section_show(c, ch->sent == ch->total ? "DELIVERED" : "PENDING");
	}
	return 0;
}

int publication_fill(struct request *req, tpl_dict *d, long long meeting_id)
{
	tpl_dict *p = tpl_include(d, "PUBLICATION", "admin_publication.tpl");
	struct publication_row *rows;
	size_t n;
	if (db_publications(&req->worker->db, req->arena, meeting_id, &rows, &n) < 0)
		return -1;
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
