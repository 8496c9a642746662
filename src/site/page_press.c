/* page_press.c — the press office's public pages (issue 6, item 5): /press, the announced
 * meetings with a ready-to-publish text each; /press/ID, one of them as a printable page; and
 * /feed.atom, an Atom feed (RFC 4287) of announcements, changes, cancellations and results.
 * Everything here is built from what the notifier published (the announcement table), never from
 * drafts, and names participants by name and position only: no contacts of anyone but the
 * organiser's office from the configuration. */
#include <stdio.h>
#include <string.h>

#include "civil_time.h"
#include "db_meeting.h"
#include "db_press.h"
#include "meeting_words.h"
#include "page.h"
#include "pages.h"
#include "publication.h"
#include "ru.h"
#include "site_scope.h"
#include "worker.h"

#define PRESS_LIST_LIMIT 50 /* announced meetings on /press */
#define FEED_LIMIT 50       /* entries of /feed.atom */

/* Announced meetings (one when meeting_id > 0), upcoming first, of the whole site or of the
 * municipality of scope (NULL: the whole site): 0, or -1. */
static int load_items(struct request *req, long long meeting_id, const struct site_scope *scope,
		      struct press_item **out, size_t *count)
{
	struct press_filter f = {
		.now = req->now,
		.limit = PRESS_LIST_LIMIT,
		.meeting = meeting_id,
		.municipality = scope != NULL ? scope->id : 0,
		.district = scope != NULL ? scope->district_id : 0,
	};
	/* Those not yet ended, then the ended ones up to the list's length. */
	struct press_item *upcoming, *past = NULL;
	size_t n = 0, more = 0;
	if (db_press_items(&req->worker->db, req->arena, false, &f, &upcoming, &n) < 0)
		return -1;
	f.limit = PRESS_LIST_LIMIT - (long long)n;
	if (f.limit > 0 &&
	    db_press_items(&req->worker->db, req->arena, true, &f, &past, &more) < 0)
		return -1;
	struct press_item *items = arena_alloc(req->arena, (n + more + 1) * sizeof *items);
	memcpy(items, upcoming, n * sizeof *items);
	if (more > 0)
		memcpy(items + n, past, more * sizeof *items);
	*out = items;
	*count = n + more;
	return 0;
}

/* «11 марта 2026 г., 18:00–20:00», or both ends in full when it ends on another day. */
static const char *time_span(struct request *req, time_t starts_at, time_t ends_at)
{
	struct tm start, end;
	char from[64], to[64];
	tz_utc_to_local(starts_at, &start);
	tz_utc_to_local(ends_at, &end);
	ru_format_datetime(from, sizeof from, &start);
	if (start.tm_year == end.tm_year && start.tm_yday == end.tm_yday) {
		ru_format_time(to, sizeof to, &end);
		return arena_printf(req->arena, "%s–%s", from, to);
	}
	ru_format_datetime(to, sizeof to, &end);
	return arena_printf(req->arena, "%s – %s", from, to);
}

static const char *place(struct request *req, const char *name, const char *address)
{
	if (name[0] == '\0')
		return "место уточняется";
	return address[0] ? arena_printf(req->arena, "%s, %s", name, address) : name;
}

/* Fill press_release.tpl for one item: what (the kind named once, in agreement), when, where,
 * who, contacts, and the note for a change or a cancellation. */
static int fill_release(struct request *req, tpl_dict *d, const struct press_item *it)
{
	struct kind_words *kinds;
	size_t kind_count;
	if (kind_words_load(&req->worker->db, req->arena, &kinds, &kind_count) < 0)
		return -1;
	const struct kind_words *k = kind_words_find(req->arena, kinds, kind_count, it->kind_name);
	tpl_set_int(d, "ID", it->id);
	tpl_set(d, "TITLE", it->title);
	tpl_set(d, "KIND_NAME", it->kind_name);
	tpl_set(d, "HEADING", meeting_title_names_kind(req->arena, k, it->title)
				      ? it->title
				      : arena_printf(req->arena, "%s: %s", it->kind_name, it->title));
	tpl_set(d, "SUBJECT", meeting_subject(req->arena, k, it->title));
	tpl_set(d, "WHEN", time_span(req, it->starts_at, it->ends_at));
	page_set_datetime(d, "STARTS", it->starts_at);
	tpl_set(d, "WHERE", place(req, it->venue_name, it->venue_address));
	tpl_set(d, "TERRITORY", it->territory);
	page_set_datetime(d, "PUBLISHED", it->published_at);
	tpl_set(d, "ORGANISER", it->organising_unit);
	if (it->organising_unit[0])
		tpl_section_show(d, "HAS_ORGANISER");
	if (it->description[0])
		tpl_set(tpl_section_add(d, "DESCRIPTION"), "TEXT", it->description);

	if (strcmp(it->kind, "cancellation") == 0) {
		tpl_dict *c = tpl_section_add(d, "CANCELLED");
		if (it->status_reason[0] && strcmp(it->status, "cancelled") == 0)
			tpl_set(tpl_section_add(c, "REASON"), "TEXT", it->status_reason);
	} else if (strcmp(it->kind, "change") == 0) {
		bool time_changed = it->has_previous && (it->previous_starts_at != it->starts_at ||
							 it->previous_ends_at != it->ends_at);
		bool place_changed = it->has_previous && it->venue_changed;
		if (time_changed)
			tpl_set(tpl_section_add(d, "TIME_CHANGED"), "OLD",
				time_span(req, it->previous_starts_at, it->previous_ends_at));
		if (place_changed)
			tpl_set(tpl_section_add(d, "PLACE_CHANGED"), "OLD",
				place(req, it->previous_venue_name, it->previous_venue_address));
		if (!time_changed && !place_changed)
			tpl_section_show(d, "CHANGED");
	}

	/* Participants: the host and the invitees, by name and position only. */
	size_t people = 0;
	if (it->host_name[0]) {
		tpl_dict *p = tpl_section_add(d, "PARTICIPANT");
		tpl_set(p, "NAME", it->host_name);
		if (it->host_position[0])
			tpl_set(tpl_section_add(p, "POSITION"), "TEXT", it->host_position);
		tpl_set(tpl_section_add(p, "ROLE"), "TEXT", "проводит встречу");
		people++;
	}
	struct meeting_invitee *invitees;
	size_t invitee_count;
	if (db_meeting_invitees(&req->worker->db, req->arena, it->id, &invitees, &invitee_count) <
	    0)
		return -1;
	for (size_t i = 0; i < invitee_count; i++) {
		/* Named with their organisation (issue 21): «…, директор ООО «…»». */
		tpl_dict *p = tpl_section_add(d, "PARTICIPANT");
		tpl_set(p, "NAME", ru_person_line(req->arena, invitees[i].full_name,
						  invitees[i].position, invitees[i].organisation));
		people++;
	}
	if (people > 0)
		tpl_section_show(d, "PARTICIPANTS");
	return 0;
}

/* GET /press — announced meetings for the press office, upcoming first in time order, then past
 * ones newest first (PRESS_LIST_LIMIT in all), each with its ready-to-publish text. Only meetings
 * the notifier has announced; never drafts. Then the discussions of drafts the notifier has
 * announced, newest first, each with its text. 200 (an empty list says so).
 * GET /m/<slug>/press — the same for one municipality: its meetings and its district's that
 * concern it, the discussions of its territories and of those above them; 404 for an unknown
 * slug. */
enum http_status page_press(struct request *req)
{
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	struct press_item *items;
	size_t count;
	if (load_items(req, 0, &scope, &items, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *d = page_begin(req, "press.tpl",
				 site_scope_title(req, &scope, "Для прессы: анонсы встреч"), NAV_PRESS);
	site_scope_fill(&scope, d);
	size_t upcoming = 0, past = 0;
	for (size_t i = 0; i < count; i++) {
		bool ahead = items[i].ends_at >= req->now;
		tpl_dict *row = tpl_section_add(d, ahead ? "UPCOMING" : "PAST");
		tpl_dict *r = tpl_include(row, "RELEASE", "press_release.tpl");
		tpl_section_show(r, "IN_LIST");
		if (fill_release(req, r, &items[i]) < 0)
			return HTTP_INTERNAL_ERROR;
		if (ahead)
			upcoming++;
		else
			past++;
	}
	tpl_section_show(d, upcoming ? "HAS_UPCOMING" : "NO_UPCOMING");
	if (past)
		tpl_section_show(d, "HAS_PAST");
	/* Discussions of drafts the notifier has announced (issue 20). */
	struct press_discussion *discussions;
	size_t discussion_count;
	if (db_press_discussions(&req->worker->db, req->arena, scope.id, &discussions,
				 &discussion_count) < 0)
		return HTTP_INTERNAL_ERROR;
	struct civil_date today = tz_local_date(req->now);
	for (size_t i = 0; i < discussion_count; i++) {
		const struct press_discussion *p = &discussions[i];
		tpl_dict *row = tpl_section_add(d, "DISCUSSION");
		struct civil_date from, to;
		civil_date_parse(p->opens_on, &from);
		civil_date_parse(p->closes_on, &to);
		tpl_set_int(row, "ID", p->id);
		tpl_set(row, "TITLE", p->title);
		tpl_set(row, "TEXT",
			arena_printf(req->arena,
				     "Проект %s (разработчик: %s) вынесен на общественное обсуждение "
				     "с %s по %s. Участвуют жители: %s. Текст проекта и приём "
				     "предложений — на странице обсуждения.%s",
				     ru_quoted(req->arena, p->title), p->unit,
				     page_date_words(req, from), page_date_words(req, to),
				     p->territory[0] ? p->territory : "всё муниципальное образование",
				     p->concluded ? " Заключение о результатах опубликовано."
				     : civil_date_compare(today, to) > 0 ? " Приём предложений завершён."
									 : ""));
	}
	if (discussion_count == 0)
		tpl_section_show(d, "NO_DISCUSSIONS");
	return page_end(req, HTTP_OK);
}

/* GET /press/ID — one announced meeting's text as a page to print. 404 for an unknown id, a
 * draft, or a meeting not announced yet. */
enum http_status page_press_show(struct request *req)
{
	struct press_item *items;
	size_t count;
	if (load_items(req, req->path_id, NULL, &items, &count) < 0)
		return HTTP_INTERNAL_ERROR;
	if (count == 0)
		return HTTP_NOT_FOUND;
	tpl_dict *d = page_begin(req, "press_show.tpl", items[0].title, NAV_PRESS);
	tpl_set_int(d, "ID", items[0].id);
	tpl_dict *r = tpl_include(d, "RELEASE", "press_release.tpl");
	tpl_section_show(r, "ALONE");
	if (fill_release(req, r, &items[0]) < 0)
		return HTTP_INTERNAL_ERROR;
	return page_end(req, HTTP_OK);
}

/* ---- the Atom feed ------------------------------------------------------------------------ */

/* RFC 3339 in the municipality's zone: 2026-03-11T18:00:00+05:00. */
static const char *rfc3339(struct request *req, time_t t)
{
	struct tm tm;
	char text[40];
	tz_utc_to_local(t, &tm);
	strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &tm);
	size_t n = strlen(text); /* "+0500" → "+05:00" */
	return arena_printf(req->arena, "%.*s:%s", (int)(n - 2), text, text + n - 2);
}

/* "2026-03-11": the local date of t, for tag: URIs (RFC 4151). */
static const char *tag_date(struct request *req, time_t t)
{
	struct civil_date d = tz_local_date(t);
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* The host of the site's URL, the authority of the entries' tag: URIs. */
static const char *site_host(struct request *req)
{
	const char *url = req->worker->cfg->site_url;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/:?#");
	return n ? arena_printf(req->arena, "%.*s", (int)n, p) : "portal.invalid";
}

/* What change entry e changed, against the announcement before it: «Внимание: изменено время
 * проведения (ранее: …). » */
static const char *change_note(struct request *req, const struct feed_entry *e)
{
	if (!e->has_previous)
		return "Внимание: изменены сведения о встрече. ";
	const char *note = "";
	if (e->previous_starts_at != e->starts_at || e->previous_ends_at != e->ends_at)
		note = arena_printf(req->arena, "Внимание: изменено время проведения (ранее: %s). ",
				    time_span(req, e->previous_starts_at, e->previous_ends_at));
	if (e->venue_changed)
		note = arena_printf(req->arena, "%sВнимание: изменено место проведения (ранее: %s). ",
				    note, place(req, e->previous_venue_name,
						e->previous_venue_address));
	return note[0] ? note : "Внимание: изменены сведения о встрече. ";
}

/* One feed entry for the published answer a (order № 2 of the Zelenoborsk head §3.3: the
 * answers to socially significant questions reach the media as the announcements do), or for
 * a discussion of a draft opened or concluded. */
static void answer_entry(struct request *req, tpl_dict *d, const struct feed_answer *a,
			 const char *host)
{
	const struct config *cfg = req->worker->cfg;
	const char *number = a->number;
	time_t at = a->at;
	const char *what = a->what;
	if (strcmp(what, "answer") != 0) {
		/* A discussion of a draft opened or concluded (issue 20). */
		bool opening = strcmp(what, "discussion") == 0;
		long long id = a->id;
		struct civil_date closes;
		civil_date_parse(a->closes_on, &closes);
		tpl_dict *e = tpl_section_add(d, "ENTRY");
		tpl_set(e, "UPDATED", rfc3339(req, at));
		tpl_set(e, "ID", arena_printf(req->arena, "tag:%s,%s:%s/%lld", host,
					      tag_date(req, at), what, id));
		tpl_set(e, "LINK", arena_printf(req->arena, "%s/discussions/%lld", cfg->site_url, id));
		tpl_set(e, "TITLE", arena_printf(req->arena, "%s: %s",
						 opening ? "Общественное обсуждение"
							 : "Итоги обсуждения",
						 number));
		tpl_set(e, "CATEGORY", what);
		tpl_set(e, "CONTENT",
			opening ? arena_printf(req->arena,
					       "Проект %s (разработчик: %s) вынесен на общественное "
					       "обсуждение. Предложения принимаются на сайте до %s "
					       "включительно.",
					       ru_quoted(req->arena, number), a->question,
					       page_date_words(req, closes))
				: arena_printf(req->arena,
					       "Заключение о результатах обсуждения проекта %s: %s",
					       ru_quoted(req->arena, number), a->answer));
		return;
	}
	long long meeting = a->meeting_id;
	tpl_dict *e = tpl_section_add(d, "ENTRY");
	tpl_set(e, "UPDATED", rfc3339(req, at));
	tpl_set(e, "ID", arena_printf(req->arena, "tag:%s,%s:answer/%lld", host, tag_date(req, at),
				      a->id));
	tpl_set(e, "LINK", arena_printf(req->arena, "%s/answers", cfg->site_url));
	tpl_set(e, "TITLE", arena_printf(req->arena, "Ответ на вопрос жителей: обращение № %s",
					 number));
	tpl_set(e, "CATEGORY", "answer");
	const char *content = arena_printf(req->arena, "Вопрос: %s\nОтвет: %s",
					   a->question, a->answer);
	if (meeting > 0)
		content = arena_printf(req->arena, "%s\nВопрос задан на встрече %s.", content,
				       ru_quoted(req->arena, a->meeting_title));
	tpl_set(e, "CONTENT", content);
}

/* Entry s into feed D: the results of a held meeting, or an announcement, a change of place or
 * time or a cancellation, each with its sentence agreeing with the meeting's kind (KINDS). */
static void meeting_entry(struct request *req, tpl_dict *d, const struct feed_entry *s,
			  const struct kind_words *kinds, size_t kind_count, const char *host)
{
	const char *site = req->worker->cfg->site_url;
	const char *what = s->what;
	long long id = s->id;
	const char *kind = s->kind;
	time_t at = s->at;
	long long meeting = s->meeting_id;
	const char *title = s->title;
	const struct kind_words *k = kind_words_find(req->arena, kinds, kind_count, s->kind_name);
	time_t starts = s->starts_at, ends = s->ends_at;
	const char *where = place(req, s->venue_name, s->venue_address);
	const char *reason = s->reason;
	tpl_dict *e = tpl_section_add(d, "ENTRY");
	tpl_set(e, "UPDATED", rfc3339(req, at));
	const char *when = time_span(req, starts, ends), *prefix, *content, *category;
	if (strcmp(what, "result") == 0) {
		prefix = "Итоги";
		category = "result";
		content = arena_printf(req->arena, "%s %s. Место: %s.",
				       meeting_sentence(req->arena, k, title, "состоялся", "состоялась",
							"состоялось", "состоялись"),
				       when, where);
		if (s->has_attendance)
			content = arena_printf(req->arena, "%s Участников: %lld.", content,
					       s->attendance);
		tpl_set(e, "ID", arena_printf(req->arena, "tag:%s,%s:result/%lld", host,
					      tag_date(req, ends), meeting));
		tpl_set(e, "LINK", arena_printf(req->arena, "%s/meetings/%lld", site, meeting));
	} else {
		category = kind;
		if (strcmp(kind, "cancellation") == 0) {
			prefix = "Отмена";
			content = arena_printf(req->arena,
					       "Внимание: встреча отменена. %s, %s, место: %s.",
					       meeting_subject(req->arena, k, title), when, where);
			if (reason[0])
				content = arena_printf(req->arena, "%s Причина: %s", content, reason);
		} else {
			bool change = strcmp(kind, "change") == 0;
			prefix = change ? "Изменение" : "Анонс";
			content = arena_printf(req->arena, "%s. Когда: %s (время местное). Где: %s.",
					       meeting_subject(req->arena, k, title), when, where);
			if (change)
				content = arena_printf(req->arena, "%s%s",
						       change_note(req, s), content);
		}
		tpl_set(e, "ID", arena_printf(req->arena, "tag:%s,%s:announcement/%lld", host,
					      tag_date(req, at), id));
		tpl_set(e, "LINK", arena_printf(req->arena, "%s/press/%lld", site, meeting));
	}
	tpl_set(e, "TITLE", arena_printf(req->arena, "%s: %s", prefix, title));
	tpl_set(e, "CATEGORY", category);
	tpl_set(e, "CONTENT", content);
}

/* GET /feed.atom — an Atom 1.0 feed (RFC 4287) of the FEED_LIMIT newest announcements, changes of
 * place or time, cancellations, results of meetings with a signed protocol and published
 * answers to socially significant questions, newest first. 200, application/atom+xml.
 * GET /m/<slug>/feed.atom — the same for one municipality: its meetings and its district's that
 * concern it (site_scope.h), the answers of its registry, the discussions of its territories and
 * of those above them; 404 for an unknown slug. */
enum http_status page_feed(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	struct site_scope scope;
	int in_scope = site_scope_read(req, &scope);
	if (in_scope != 0)
		return in_scope < 0 ? HTTP_INTERNAL_ERROR : HTTP_NOT_FOUND;
	const char *host = site_host(req);
	tpl_dict *d = tpl_dict_new(req->arena, "feed");
	tpl_set(d, "FEED_ID", arena_printf(req->arena, "%s%s/feed.atom", cfg->site_url,
					   scope.prefix));
	tpl_set(d, "PREFIX", scope.prefix);
	tpl_set(d, "FEED_NAME", scope.name[0] ? scope.name : cfg->municipality_name);
	/* A municipality's feed is written by its administration (the site's otherwise). */
	if (scope.municipality && scope.municipality->administration[0])
		tpl_set(d, "ADMINISTRATION", scope.municipality->administration);
	if (scope.municipality && scope.municipality->email[0])
		tpl_set(d, "CONTACT_EMAIL", scope.municipality->email);
	struct kind_words *kinds;
	size_t kind_count;
	if (kind_words_load(&req->worker->db, req->arena, &kinds, &kind_count) < 0)
		return HTTP_INTERNAL_ERROR;
	struct feed_entry *entries;
	struct feed_answer *answers;
	size_t entry_count, answer_count;
	if (db_feed_entries(&req->worker->db, req->arena, FEED_LIMIT, scope.id, scope.district_id,
			    &entries, &entry_count) < 0 ||
	    db_feed_answers(&req->worker->db, req->arena, FEED_LIMIT, scope.id, &answers,
			    &answer_count) < 0)
		return HTTP_INTERNAL_ERROR;
	/* The answers and discussions are merged into the meetings' entries by time, newest
	 * first; at the same instant the meeting's entry comes first. */
	size_t e = 0, k = 0;
	int n = 0;
	for (; n < FEED_LIMIT && (e < entry_count || k < answer_count); n++) {
		bool answer = k < answer_count &&
			      (e == entry_count || answers[k].at > entries[e].at);
		time_t at = answer ? answers[k].at : entries[e].at;
		if (n == 0)
			tpl_set(d, "UPDATED", rfc3339(req, at));
		if (answer)
			answer_entry(req, d, &answers[k++], host);
		else
			meeting_entry(req, d, &entries[e++], kinds, kind_count, host);
	}
	if (n == 0)
		tpl_set(d, "UPDATED", rfc3339(req, req->now));
	struct response *r = &req->response;
	buf_clear(&r->body);
	if (!tpl_expand("feed_atom.tpl", d, &r->body)) {
		fprintf(stderr, "rid=%s feed rendering failed\n", req->id);
		return HTTP_INTERNAL_ERROR;
	}
	r->content_type = "application/atom+xml; charset=utf-8";
	r->body_ready = true;
	return HTTP_OK;
}
