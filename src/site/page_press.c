/* page_press.c — the press office's public pages (issue 6, item 5): /press, the announced
 * meetings with a ready-to-publish text each; /press/ID, one of them as a printable page; and
 * /feed.atom, an Atom feed (RFC 4287) of announcements, changes, cancellations and results.
 * Everything here is built from what the notifier published (the announcement table), never from
 * drafts, and names participants by name and position only: no contacts of anyone but the
 * organiser's office from the configuration. */
#include <stdio.h>
#include <string.h>

#include "civil_time.h"
#include "db.h"
#include "meeting_words.h"
#include "page.h"
#include "pages.h"
#include "publication.h"
#include "ru.h"
#include "site_scope.h"
#include "worker.h"

#define PRESS_LIST_LIMIT 50 /* announced meetings on /press */
#define FEED_LIMIT 50       /* entries of /feed.atom */

/* One announced meeting as /press shows it: a row of STMT_PRESS_UPCOMING or STMT_PRESS_PAST. */
struct press_item {
	long long id;
	const char *title, *kind_name, *status, *status_reason, *organising_unit, *description,
		*territory, *host_name, *host_position;
	const char *kind; /* of the latest announcement: announcement, change, cancellation */
	time_t published_at, starts_at, ends_at;
	const char *venue_name, *venue_address;
	bool has_previous; /* the announcement before the latest one, for what a change changed */
	time_t previous_starts_at, previous_ends_at;
	const char *previous_venue_name, *previous_venue_address;
	bool venue_changed;
};

static void read_item(struct request *req, sqlite3_stmt *s, struct press_item *it)
{
	struct arena *a = req->arena;
	it->id = sqlite3_column_int64(s, 0);
	it->title = db_text(a, s, 1);
	it->kind_name = db_text(a, s, 2);
	it->status = db_text(a, s, 3);
	it->status_reason = db_text(a, s, 4);
	it->organising_unit = db_text(a, s, 5);
	it->description = db_text(a, s, 6);
	it->territory = db_text(a, s, 7);
	it->host_name = db_text(a, s, 8);
	it->host_position = db_text(a, s, 9);
	it->kind = db_text(a, s, 11);
	it->published_at = (time_t)sqlite3_column_int64(s, 12);
	it->starts_at = (time_t)sqlite3_column_int64(s, 13);
	it->ends_at = (time_t)sqlite3_column_int64(s, 14);
	it->venue_name = db_text(a, s, 15);
	it->venue_address = db_text(a, s, 16);
	it->has_previous = sqlite3_column_type(s, 17) != SQLITE_NULL;
	it->previous_starts_at = (time_t)sqlite3_column_int64(s, 18);
	it->previous_ends_at = (time_t)sqlite3_column_int64(s, 19);
	it->previous_venue_name = db_text(a, s, 20);
	it->previous_venue_address = db_text(a, s, 21);
	it->venue_changed = sqlite3_column_int(s, 22) != 0;
}

/* Announced meetings (one when meeting_id > 0), upcoming first, of the whole site or of the
 * municipality of scope (NULL: the whole site): 0, or -1. */
static int load_items(struct request *req, long long meeting_id, const struct site_scope *scope,
		      struct press_item **out, size_t *count)
{
	size_t cap = 16, n = 0;
	struct press_item *items = arena_alloc(req->arena, cap * sizeof *items);
	/* Those not yet ended, then the ended ones up to the list's length. */
	const enum stmt parts[] = {STMT_PRESS_UPCOMING, STMT_PRESS_PAST};
	for (size_t i = 0; i < 2 && n < PRESS_LIST_LIMIT; i++) {
		sqlite3_stmt *s = db_stmt(&req->worker->db, parts[i]);
		sqlite3_bind_int64(s, 1, (sqlite3_int64)req->now);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)(PRESS_LIST_LIMIT - n));
		if (meeting_id > 0)
			sqlite3_bind_int64(s, 3, meeting_id);
		if (scope != NULL && scope->id > 0)
			sqlite3_bind_int64(s, 4, scope->id);
		if (scope != NULL && scope->district_id > 0)
			sqlite3_bind_int64(s, 5, scope->district_id);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			items = arena_grow(req->arena, items, n, &cap, sizeof *items);
			read_item(req, s, &items[n++]);
		}
		db_done(s);
		if (rc != SQLITE_DONE) {
			db_log_error(&req->worker->db, "press list");
			return -1;
		}
	}
	*out = items;
	*count = n;
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
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEETING_INVITEES);
	sqlite3_bind_int64(s, 1, it->id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* Named with their organisation (issue 21): «…, директор ООО «…»». */
		tpl_dict *p = tpl_section_add(d, "PARTICIPANT");
		tpl_set(p, "NAME", ru_person_line(req->arena, db_text(req->arena, s, 0),
						  db_text(req->arena, s, 1),
						  db_text(req->arena, s, 2)));
		people++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "press invitees");
		return -1;
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
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_PRESS_DISCUSSIONS);
	if (scope.id > 0)
		sqlite3_bind_int64(s, 1, scope.id);
	struct civil_date today = tz_local_date(req->now);
	int rc, discussions = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		discussions++;
		tpl_dict *row = tpl_section_add(d, "DISCUSSION");
		struct civil_date from, to;
		civil_date_parse(db_text(req->arena, s, 3), &from);
		civil_date_parse(db_text(req->arena, s, 4), &to);
		const char *territory = db_text(req->arena, s, 5);
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		tpl_set(row, "TEXT",
			arena_printf(req->arena,
				     "Проект %s (разработчик: %s) вынесен на общественное обсуждение "
				     "с %s по %s. Участвуют жители: %s. Текст проекта и приём "
				     "предложений — на странице обсуждения.%s",
				     ru_quoted(req->arena, db_text(req->arena, s, 1)),
				     db_text(req->arena, s, 2), page_date_words(req, from),
				     page_date_words(req, to),
				     territory[0] ? territory : "всё муниципальное образование",
				     sqlite3_column_int(s, 6) ? " Заключение о результатах опубликовано."
				     : civil_date_compare(today, to) > 0 ? " Приём предложений завершён."
									 : ""));
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	if (discussions == 0)
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

/* What a change entry of STMT_FEED_ENTRIES changed, against the announcement before it
 * (columns 13–18): «Внимание: изменено время проведения (ранее: …). » */
static const char *change_note(struct request *req, sqlite3_stmt *s, time_t starts, time_t ends)
{
	if (sqlite3_column_type(s, 13) == SQLITE_NULL)
		return "Внимание: изменены сведения о встрече. ";
	time_t old_starts = (time_t)sqlite3_column_int64(s, 14);
	time_t old_ends = (time_t)sqlite3_column_int64(s, 15);
	const char *note = "";
	if (old_starts != starts || old_ends != ends)
		note = arena_printf(req->arena, "Внимание: изменено время проведения (ранее: %s). ",
				    time_span(req, old_starts, old_ends));
	if (sqlite3_column_int(s, 18))
		note = arena_printf(req->arena, "%sВнимание: изменено место проведения (ранее: %s). ",
				    note, place(req, db_text(req->arena, s, 16),
						db_text(req->arena, s, 17)));
	return note[0] ? note : "Внимание: изменены сведения о встрече. ";
}

/* One feed entry for the published answer at the row of STMT_FEED_ANSWERS (order № 2 of the
 * Zelenoborsk head §3.3: the answers to socially significant questions reach the media as the
 * announcements do). */
static void answer_entry(struct request *req, tpl_dict *d, sqlite3_stmt *a, const char *host)
{
	const struct config *cfg = req->worker->cfg;
	const char *number = db_text(req->arena, a, 1);
	time_t at = (time_t)sqlite3_column_int64(a, 4);
	const char *what = db_text(req->arena, a, 7);
	if (strcmp(what, "answer") != 0) {
		/* A discussion of a draft opened or concluded (issue 20). */
		bool opening = strcmp(what, "discussion") == 0;
		long long id = sqlite3_column_int64(a, 0);
		struct civil_date closes;
		civil_date_parse(db_text(req->arena, a, 8), &closes);
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
					       ru_quoted(req->arena, number), db_text(req->arena, a, 2),
					       page_date_words(req, closes))
				: arena_printf(req->arena,
					       "Заключение о результатах обсуждения проекта %s: %s",
					       ru_quoted(req->arena, number), db_text(req->arena, a, 3)));
		return;
	}
	long long meeting = sqlite3_column_int64(a, 5);
	tpl_dict *e = tpl_section_add(d, "ENTRY");
	tpl_set(e, "UPDATED", rfc3339(req, at));
	tpl_set(e, "ID", arena_printf(req->arena, "tag:%s,%s:answer/%lld", host, tag_date(req, at),
				      (long long)sqlite3_column_int64(a, 0)));
	tpl_set(e, "LINK", arena_printf(req->arena, "%s/answers", cfg->site_url));
	tpl_set(e, "TITLE", arena_printf(req->arena, "Ответ на вопрос жителей: обращение № %s",
					 number));
	tpl_set(e, "CATEGORY", "answer");
	const char *content = arena_printf(req->arena, "Вопрос: %s\nОтвет: %s",
					   db_text(req->arena, a, 2), db_text(req->arena, a, 3));
	if (meeting > 0)
		content = arena_printf(req->arena, "%s\nВопрос задан на встрече %s.", content,
				       ru_quoted(req->arena, db_text(req->arena, a, 6)));
	tpl_set(e, "CONTENT", content);
}

/* The entry of STMT_FEED_ENTRIES' current row S (its columns as there) into feed D: the results
 * of a held meeting, or an announcement, a change of place or time or a cancellation, each with
 * its sentence agreeing with the meeting's kind (KINDS). */
static void meeting_entry(struct request *req, tpl_dict *d, sqlite3_stmt *s,
			  const struct kind_words *kinds, size_t kind_count, const char *host)
{
	const char *site = req->worker->cfg->site_url;
	const char *what = db_text(req->arena, s, 0);
	long long id = sqlite3_column_int64(s, 1);
	const char *kind = db_text(req->arena, s, 2);
	time_t at = (time_t)sqlite3_column_int64(s, 3);
	long long meeting = sqlite3_column_int64(s, 4);
	const char *title = db_text(req->arena, s, 5);
	const struct kind_words *k =
		kind_words_find(req->arena, kinds, kind_count, db_text(req->arena, s, 6));
	time_t starts = (time_t)sqlite3_column_int64(s, 7), ends = (time_t)sqlite3_column_int64(s, 8);
	const char *where = place(req, db_text(req->arena, s, 9), db_text(req->arena, s, 10));
	const char *reason = db_text(req->arena, s, 11);
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
		if (sqlite3_column_type(s, 12) != SQLITE_NULL)
			content = arena_printf(req->arena, "%s Участников: %lld.", content,
					       (long long)sqlite3_column_int64(s, 12));
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
						       change_note(req, s, starts, ends), content);
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
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_FEED_ENTRIES);
	sqlite3_bind_int(s, 1, FEED_LIMIT);
	/* The answers are merged in by time as the meetings' entries are read. */
	sqlite3_stmt *answers = db_stmt(&req->worker->db, STMT_FEED_ANSWERS);
	sqlite3_bind_int(answers, 1, FEED_LIMIT);
	if (scope.id > 0) {
		sqlite3_bind_int64(s, 2, scope.id);
		sqlite3_bind_int64(answers, 2, scope.id);
	}
	if (scope.district_id > 0)
		sqlite3_bind_int64(s, 3, scope.district_id);
	int arc = sqlite3_step(answers);
	int rc = SQLITE_DONE, n = 0;
	while (n < FEED_LIMIT && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		time_t at = (time_t)sqlite3_column_int64(s, 3);
		while (n < FEED_LIMIT && arc == SQLITE_ROW &&
		       (time_t)sqlite3_column_int64(answers, 4) > at) {
			if (n == 0)
				tpl_set(d, "UPDATED",
					rfc3339(req, (time_t)sqlite3_column_int64(answers, 4)));
			answer_entry(req, d, answers, host);
			n++;
			arc = sqlite3_step(answers);
		}
		if (n >= FEED_LIMIT)
			break;
		if (n == 0)
			tpl_set(d, "UPDATED", rfc3339(req, at));
		meeting_entry(req, d, s, kinds, kind_count, host);
		n++;
	}
	while (n < FEED_LIMIT && arc == SQLITE_ROW) {
		if (n == 0)
			tpl_set(d, "UPDATED", rfc3339(req, (time_t)sqlite3_column_int64(answers, 4)));
		answer_entry(req, d, answers, host);
		n++;
		arc = sqlite3_step(answers);
	}
	db_done(answers);
	db_done(s);
	if ((rc != SQLITE_DONE && rc != SQLITE_ROW) || (arc != SQLITE_DONE && arc != SQLITE_ROW)) {
		db_log_error(&req->worker->db, "feed");
		return HTTP_INTERNAL_ERROR;
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
