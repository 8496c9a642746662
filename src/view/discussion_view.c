/* discussion_view.c — loading a discussion of a draft and what its public and staff pages share
 * (see discussion_view.h). */
#include "discussion_view.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db_discussion.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

int discussion_load(struct request *req, long long id, struct discussion *d)
{
	struct discussion_record r;
	int rc = db_discussion_get(&req->worker->db, req->arena, id, &r);
	if (rc != 0)
		return rc;
	memset(d, 0, sizeof *d);
	d->id = id;
	d->title = r.title;
	d->unit = r.unit;
	d->body = r.body;
	d->form = r.form;
	d->meeting_id = r.meeting_id;
	d->territory = r.territory;
	civil_date_parse(r.opens_on, &d->opens_on);
	civil_date_parse(r.closes_on, &d->closes_on);
	d->conclusion = r.conclusion;
	d->concluded = r.concluded;
	d->concluded_at = r.concluded_at;
	d->meeting_title = r.meeting_title;
	d->meeting_starts_at = r.meeting_starts_at;
	struct civil_date today = tz_local_date(req->now);
	if (d->concluded || civil_date_compare(today, d->closes_on) > 0)
		d->state = DISCUSSION_CLOSED;
	else if (civil_date_compare(today, d->opens_on) < 0)
		d->state = DISCUSSION_UPCOMING;
	else
		d->state = DISCUSSION_OPEN;
	return 0;
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
	struct db *db = &req->worker->db;
	struct discussion_group *group_list;
	size_t group_count;
	if (db_discussion_groups(db, req->arena, d->id, &group_list, &group_count) < 0)
		return -1;
	struct buf groups;
	buf_init(&groups, req->arena);
	for (size_t i = 0; i < group_count; i++) {
		if (groups.len)
			buf_puts(&groups, ", ");
		buf_puts(&groups, ru_quoted(req->arena, group_list[i].name));
	}
	if (groups.len)
		tpl_set(tpl_section_add(t, "GROUPS"), "NAMES", groups.data);
	struct discussion_file *file_list;
	size_t file_count;
	if (db_discussion_files(db, req->arena, d->id, &file_list, &file_count) < 0)
		return -1;
	tpl_dict *files = file_count ? tpl_section_add(t, "FILES") : NULL;
	for (size_t i = 0; i < file_count; i++) {
		tpl_dict *f = tpl_section_add(files, "FILE");
		tpl_set_int(f, "ID", file_list[i].id);
		tpl_set(f, "NAME", file_list[i].name);
		const char *mime = file_list[i].mime;
		long long kb = (file_list[i].size + 1023) / 1024;
		tpl_set(f, "ABOUT", arena_printf(req->arena, "%s, %lld КБ",
						 strstr(mime, "pdf")	      ? "PDF"
						 : strstr(mime, "opendocument") ? "ODT"
										: "DOCX",
						 kb));
	}
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
	struct meeting_discussion *list;
	size_t count;
	if (db_meeting_discussions(&req->worker->db, req->arena, meeting_id, &list, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		tpl_dict *row = tpl_section_add(t, "DISCUSSION");
		tpl_set_int(row, "ID", list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		if (list[i].concluded)
			tpl_section_show(row, "CONCLUDED");
	}
	return 0;
}
