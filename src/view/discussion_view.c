/* discussion_view.c — loading a discussion of a draft and what its public and staff pages share
 * (see discussion_view.h). */
#include "discussion_view.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

int discussion_load(struct request *req, long long id, struct discussion *d)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_DISCUSSION_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		memset(d, 0, sizeof *d);
		d->id = id;
		d->title = db_text(req->arena, s, 0);
		d->unit = db_text(req->arena, s, 1);
		d->body = db_text(req->arena, s, 2);
		d->form = db_text(req->arena, s, 3);
		d->meeting_id = sqlite3_column_int64(s, 4);
		d->territory = db_text(req->arena, s, 5);
		civil_date_parse(db_text(req->arena, s, 6), &d->opens_on);
		civil_date_parse(db_text(req->arena, s, 7), &d->closes_on);
		d->conclusion = db_text(req->arena, s, 8);
		d->concluded = sqlite3_column_type(s, 9) != SQLITE_NULL;
		d->concluded_at = (time_t)sqlite3_column_int64(s, 9);
		d->meeting_title = db_text(req->arena, s, 10);
		d->meeting_starts_at = (time_t)sqlite3_column_int64(s, 11);
		struct civil_date today = tz_local_date(req->now);
		if (d->concluded || civil_date_compare(today, d->closes_on) > 0)
			d->state = DISCUSSION_CLOSED;
		else if (civil_date_compare(today, d->opens_on) < 0)
			d->state = DISCUSSION_UPCOMING;
		else
			d->state = DISCUSSION_OPEN;
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int discussion_set(struct request *req, tpl_dict *t, const struct discussion *d)
{
	tpl_set_int(t, "ID", d->id);
	tpl_set(t, "TITLE", d->title);
	tpl_set(t, "UNIT", d->unit);
	tpl_set(t, "TERRITORY", d->territory[0] ? d->territory : "всё муниципальное образование");
	tpl_set(t, "PERIOD", arena_printf(req->arena, "с %s по %s",
					  page_date_words(req, d->opens_on),
					  page_date_words(req, d->closes_on)));
	tpl_set(t, "CLOSES_ON", page_date_words(req, d->closes_on));
	tpl_set(t, "OPENS_ON", page_date_words(req, d->opens_on));
	tpl_section_show(t, d->state == DISCUSSION_OPEN       ? "OPEN"
			    : d->state == DISCUSSION_UPCOMING ? "UPCOMING"
							      : "CLOSED");
	if (strcmp(d->form, "hearing") == 0) {
		tpl_dict *h = tpl_section_add(t, "HEARING");
		tpl_set_int(h, "MEETING_ID", d->meeting_id);
		tpl_set(h, "MEETING_TITLE", d->meeting_title);
		page_set_datetime(h, "MEETING_WHEN", d->meeting_starts_at);
	} else {
		tpl_section_show(t, "ONLINE");
	}
	sqlite3_stmt *g = db_stmt(&req->worker->db, STMT_DISCUSSION_GROUPS);
	sqlite3_bind_int64(g, 1, d->id);
	struct buf groups;
	buf_init(&groups, req->arena);
	int rc;
	while ((rc = sqlite3_step(g)) == SQLITE_ROW) {
		if (groups.len)
			buf_puts(&groups, ", ");
		buf_puts(&groups, ru_quoted(req->arena, db_text(req->arena, g, 1)));
	}
	db_done(g);
	if (rc != SQLITE_DONE)
		return -1;
	if (groups.len)
		tpl_set(tpl_section_add(t, "GROUPS"), "NAMES", groups.data);
	sqlite3_stmt *fs = db_stmt(&req->worker->db, STMT_DISCUSSION_FILES);
	sqlite3_bind_int64(fs, 1, d->id);
	tpl_dict *files = NULL;
	while ((rc = sqlite3_step(fs)) == SQLITE_ROW) {
		if (files == NULL)
			files = tpl_section_add(t, "FILES");
		tpl_dict *f = tpl_section_add(files, "FILE");
		tpl_set_int(f, "ID", sqlite3_column_int64(fs, 0));
		tpl_set(f, "NAME", db_text(req->arena, fs, 1));
		const char *mime = db_text(req->arena, fs, 2);
		long long kb = (sqlite3_column_int64(fs, 3) + 1023) / 1024;
		tpl_set(f, "ABOUT", arena_printf(req->arena, "%s, %lld КБ",
						 strstr(mime, "pdf")	      ? "PDF"
						 : strstr(mime, "opendocument") ? "ODT"
										: "DOCX",
						 kb));
	}
	db_done(fs);
	if (rc != SQLITE_DONE)
		return -1;
	const char *p = d->body;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n > 0)
			tpl_set(tpl_section_add(t, "PARAGRAPH"), "LINE",
				arena_printf(req->arena, "%.*s", (int)n, p));
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

const char *discussion_author(struct request *req, const char *name, const char *show_as)
{
	if (strcmp(show_as, "initials") != 0)
		return name;
	struct buf b;
	buf_init(&b, req->arena);
	const char *p = name;
	bool first = true;
	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		if (first) {
			buf_append(&b, w, (size_t)(p - w));
			first = false;
		} else {
			/* The first UTF-8 character of the word. */
			size_t len = 1;
			while (w + len < p && (w[len] & 0xC0) == 0x80)
				len++;
			buf_puts(&b, " ");
			buf_append(&b, w, len);
			buf_puts(&b, ".");
		}
	}
	return b.data ? b.data : "";
}

const char *discussion_outcome_label(const char *outcome)
{
	if (outcome == NULL)
		return "";
	if (strcmp(outcome, "accepted") == 0)
		return "учтено";
	if (strcmp(outcome, "partial") == 0)
		return "учтено частично";
	if (strcmp(outcome, "rejected") == 0)
		return "отклонено";
	return "";
}

int discussion_links(struct request *req, tpl_dict *t, long long meeting_id)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_MEETING_DISCUSSIONS);
	sqlite3_bind_int64(s, 1, meeting_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tpl_dict *row = tpl_section_add(t, "DISCUSSION");
		tpl_set_int(row, "ID", sqlite3_column_int64(s, 0));
		tpl_set(row, "TITLE", db_text(req->arena, s, 1));
		if (sqlite3_column_int(s, 2))
			tpl_section_show(row, "CONCLUDED");
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}
