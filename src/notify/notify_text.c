/* notify_text.c — the Russian texts of the notifier's mail and the JSON of its webhooks (see
 * notify.h). Plain text, read on a phone: short lines, the facts first, one link. */
#include "notify.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil_time.h"
#include "meeting_words.h"
#include "ru.h"
#include "rules.h"

const char *notify_when(struct arena *a, time_t starts_at, time_t ends_at)
{
	struct tm s, e;
	tz_utc_to_local(starts_at, &s);
	tz_utc_to_local(ends_at, &e);
	char date[64], from[16], to[16];
	ru_format_date(date, sizeof date, &s);
	ru_format_time(from, sizeof from, &s);
	ru_format_time(to, sizeof to, &e);
	bool same_day = s.tm_year == e.tm_year && s.tm_yday == e.tm_yday;
	if (same_day)
		return arena_printf(a, "%s, %s, %s–%s", ru_weekday(s.tm_wday), date, from, to);
	char end_date[64];
	ru_format_datetime(end_date, sizeof end_date, &e);
	return arena_printf(a, "%s, %s, %s — %s", ru_weekday(s.tm_wday), date, from, end_date);
}

const char *notify_place(struct arena *a, const struct meeting_summary *m)
{
	if (m->venue_name[0] == '\0')
		return "место уточняется";
	if (m->venue_address[0] == '\0')
		return m->venue_name;
	return arena_printf(a, "%s, %s", m->venue_name, m->venue_address);
}

const char *notify_url(const struct notify_run *run, const char *path)
{
	return arena_printf(run->arena, "%s%s", run->cfg->site_url, path);
}

const char *notify_signature(const struct notify_run *run)
{
	const struct config *c = run->cfg;
	struct buf b;
	buf_init(&b, run->arena);
	buf_printf(&b, "--\n%s\n", c->administration_name[0] ? c->administration_name
							 : c->municipality_name);
	if (c->contact_address[0])
		buf_printf(&b, "%s\n", c->contact_address);
	if (c->contact_phone[0])
		buf_printf(&b, "Телефон: %s\n", c->contact_phone);
	if (c->contact_email[0])
		buf_printf(&b, "Эл. почта: %s\n", c->contact_email);
	if (c->site_url[0])
		buf_printf(&b, "%s\n", c->site_url);
	return b.data;
}

const char *notify_datetime(struct arena *a, time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	char text[64];
	ru_format_datetime(text, sizeof text, &tm);
	return arena_strdup(a, text);
}

const char *notify_date(struct arena *a, struct civil_date d)
{
	struct tm tm = {.tm_year = d.year - 1900, .tm_mon = d.month - 1, .tm_mday = d.day};
	char text[64];
	ru_format_date(text, sizeof text, &tm);
	return arena_strdup(a, text);
}

static const char *preface(const struct notify_run *run, const struct meeting_detail *m,
			   const char *kind, enum notify_audience audience)
{
	struct arena *a = run->arena;
	bool cancelled = strcmp(kind, "cancellation") == 0;
	switch (audience) {
	case AUDIENCE_MEDIA:
		if (cancelled)
			return "Просим опубликовать сообщение об отмене встречи.";
		return arena_printf(
			a,
			"Просим опубликовать анонс не позднее %s: место и время встречи "
			"публикуются не позднее чем за %d %s до неё.",
			notify_date(a, rule_announce_deadline(m->summary.starts_at, m->summary.kind)),
			rule_notice_days(m->summary.kind),
			ru_plural(rule_notice_days(m->summary.kind), "день", "дня", "дней"));
	case AUDIENCE_INVITEE:
		return cancelled ? "Встреча, на которую вы были приглашены, отменена."
				 : "Приглашаем вас принять участие во встрече.";
	case AUDIENCE_REFERENCE:
		return "Сообщаем о встрече, которая касается вашей референтной группы.";
	case AUDIENCE_SUBSCRIBER:
		return "Сообщение по вашей подписке на анонсы встреч.";
	}
	return "";
}

struct notify_text notify_publication_mail(const struct notify_run *run,
					   const struct meeting_detail *m,
					   const struct meeting_invitee *invitees, size_t invitee_count,
					   const char *kind, const struct notify_previous *prev,
					   enum notify_audience audience, const char *unsubscribe_url)
{
	struct arena *a = run->arena;
	const struct meeting_summary *s = &m->summary;
	const char *when = notify_when(a, s->starts_at, s->ends_at);
	const char *place = notify_place(a, s);
	struct notify_text t;
	if (strcmp(kind, "cancellation") == 0)
		t.subject = arena_printf(a, "Отменена встреча: %s, %s", s->title,
					 notify_datetime(a, s->starts_at));
	else if (strcmp(kind, "change") == 0)
		t.subject = arena_printf(a, "Изменение: %s, %s", s->title,
					 notify_datetime(a, s->starts_at));
	else
		t.subject = arena_printf(a, "Анонс: %s, %s", s->title,
					 notify_datetime(a, s->starts_at));

	struct buf b;
	buf_init(&b, a);
	buf_printf(&b, "%s\n\n", preface(run, m, kind, audience));
	if (strcmp(kind, "cancellation") == 0) {
		buf_printf(&b, "ВСТРЕЧА ОТМЕНЕНА\n");
		if (m->status_reason[0])
			buf_printf(&b, "Причина: %s\n", m->status_reason);
		buf_puts(&b, "\n");
	} else if (strcmp(kind, "change") == 0 && prev->known) {
		bool moved = prev->starts_at != s->starts_at;
		bool replaced = strcmp(prev->place, place) != 0;
		buf_printf(&b, "ИЗМЕНЕНИЕ: %s\n",
			   moved && replaced ? "новые время и место"
			   : moved	     ? "новое время"
					     : "новое место");
		buf_printf(&b, "Ранее объявлено: %s, %s\n\n", notify_datetime(a, prev->starts_at),
			   prev->place[0] ? prev->place : "место уточнялось");
	}
	/* The kind on its own line, unless the title already names it (issue 21). */
	struct kind_words *kinds;
	size_t kind_count;
	const struct kind_words *k =
		kind_words_load(run->db, a, &kinds, &kind_count) == 0
			? kind_words_find(a, kinds, kind_count, s->kind)
			: kind_words_find(a, NULL, 0, s->kind_name);
	if (meeting_title_names_kind(a, k, s->title))
		buf_printf(&b, "%s\n\n", s->title);
	else
		buf_printf(&b, "%s\n%s\n\n", s->title, s->kind_name);
	buf_printf(&b, "Когда: %s (время местное)\n", when);
	buf_printf(&b, "Где: %s\n", place);
	buf_printf(&b, "Территория: %s\n", s->territory_name);
	if (m->host_name[0]) {
		if (m->host_position[0])
			buf_printf(&b, "Ведёт: %s, %s\n", m->host_name, m->host_position);
		else
			buf_printf(&b, "Ведёт: %s\n", m->host_name);
	}
	if (m->group_name[0])
		buf_printf(&b, "Проводит: %s\n", m->group_name);
	if (invitee_count > 0) {
		buf_puts(&b, "Участвуют:\n");
		for (size_t i = 0; i < invitee_count; i++) {
			const struct meeting_invitee *p = &invitees[i];
			buf_printf(&b, "  — %s\n",
				   ru_person_line(a, p->full_name, p->position, p->organisation));
		}
	}
	if (m->description[0])
		buf_printf(&b, "\n%s\n", m->description);
	buf_printf(&b, "\nПодробнее: %s\n\n%s",
		   notify_url(run, arena_printf(a, "/meetings/%lld", s->id)), notify_signature(run));
	if (audience == AUDIENCE_SUBSCRIBER && unsubscribe_url != NULL)
		buf_printf(&b,
			   "\nВы получили это письмо, потому что подписались на анонсы встреч на "
			   "сайте.\nОтписаться: %s\n",
			   unsubscribe_url);
	else if (audience == AUDIENCE_REFERENCE && unsubscribe_url != NULL)
		buf_printf(&b,
			   "\nВы получили это письмо как участник референтной группы, согласившийся "
			   "получать анонсы встреч.\nОтказаться от писем (отозвать согласие): %s\n",
			   unsubscribe_url);
	t.body = b.data;
	return t;
}

/* ISO 8601 with the municipality's offset: 2026-03-11T18:00:00+05:00. */
static const char *iso8601(struct arena *a, time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign,
			    off / 60, off % 60);
}

char *notify_publication_json(const struct notify_run *run, const struct meeting_detail *m,
			      const char *kind, const struct notify_previous *prev)
{
	struct arena *a = run->arena;
	const struct meeting_summary *s = &m->summary;
	const char *url = notify_url(run, arena_printf(a, "/meetings/%lld", s->id));
	const char *when = notify_when(a, s->starts_at, s->ends_at);
	const char *place = notify_place(a, s);
	const char *text;
	if (strcmp(kind, "cancellation") == 0)
		text = arena_printf(a, "Встреча отменена: %s, %s.%s%s\n%s", s->title, when,
				    m->status_reason[0] ? " Причина: " : "", m->status_reason, url);
	else if (strcmp(kind, "change") == 0)
		text = arena_printf(a, "Изменение: %s — теперь %s, %s.\n%s", s->title, when, place,
				    url);
	else
		text = arena_printf(a, "%s — %s, %s.\n%s", s->title, when, place, url);

	json_t *doc = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "event", kind,
				"meeting_id", (json_int_t)s->id, "title", s->title, "kind",
				s->kind_name, "starts_at", iso8601(a, s->starts_at), "ends_at",
				iso8601(a, s->ends_at), "place", place, "territory",
				s->territory_name, "url", url, "text", text);
	if (doc == NULL)
		return NULL;
	if (strcmp(kind, "change") == 0 && prev->known)
		json_object_set_new(doc, "previous_starts_at",
				    json_string(iso8601(a, prev->starts_at)));
	if (strcmp(kind, "cancellation") == 0)
		json_object_set_new(doc, "reason", json_string(m->status_reason));
	char *dumped = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (dumped == NULL)
		return NULL;
	char *copy = arena_strdup(a, dumped);
	free(dumped);
	return copy;
}
