/* meeting_informed.c — invitees and group members told of a meeting, and the call list
 * (meeting_informed.h). */
#include "meeting_informed.h"

#include <string.h>

#include "db.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

/* One row of STMT_INFORMED_PEOPLE. */
struct informed_row {
	long long person;
	const char *line, *email, *phone, *marked_by, *mail; /* mail: sent, pending, dead or "" */
	bool member, marked;
	time_t marked_at, mail_sent_at;
};

static void read_row(struct request *req, sqlite3_stmt *s, struct informed_row *r)
{
	struct arena *a = req->arena;
	r->person = sqlite3_column_int64(s, 0);
	r->line = ru_person_line(a, db_text(a, s, 1), db_text(a, s, 2), db_text(a, s, 3));
	r->email = db_text(a, s, 4);
	r->phone = db_text(a, s, 5);
	r->member = sqlite3_column_int(s, 6) != 0;
	r->marked = sqlite3_column_type(s, 7) != SQLITE_NULL;
	r->marked_at = (time_t)sqlite3_column_int64(s, 7);
	r->marked_by = db_text(a, s, 8);
	r->mail = db_text(a, s, 9);
	r->mail_sent_at = (time_t)sqlite3_column_int64(s, 10);
}

/* «7 декабря 2026 г., 18:00» */
static const char *when(struct request *req, time_t t)
{
	struct tm tm;
	char text[64];
	tz_utc_to_local(t, &tm);
	ru_format_datetime(text, sizeof text, &tm);
	return arena_strdup(req->arena, text);
}

int meeting_informed_fill(struct request *req, tpl_dict *d, long long id, bool announced,
			  bool may_mark)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_INFORMED_PEOPLE);
	sqlite3_bind_int64(s, 1, id);
	tpl_dict *box = NULL;
	int rc, calls = 0, told = 0, people = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct informed_row r;
		read_row(req, s, &r);
		if (box == NULL) {
			box = tpl_include(d, "INFORMED", "admin_meeting_informed.tpl");
			tpl_section_show(box, "INFORMED");
			tpl_set_int(box, "ID", id);
		}
		people++;
		tpl_dict *row = tpl_section_add(box, "PERSON");
		tpl_set(row, "LINE", r.line);
		tpl_set(row, "ROLE", r.member ? "член информационной группы" : "приглашён(а)");
		const char *how;
		bool call = false;
		if (r.marked) {
			how = arena_printf(req->arena, "сообщено лично или по телефону %s (%s)",
					   when(req, r.marked_at),
					   r.marked_by[0] ? r.marked_by : "сотрудник");
		} else if (strcmp(r.mail, "sent") == 0) {
			how = arena_printf(req->arena, "письмо отправлено %s на %s",
					   when(req, r.mail_sent_at), r.email);
		} else if (strcmp(r.mail, "pending") == 0) {
			how = arena_printf(req->arena, "письмо на %s ждёт отправки", r.email);
		} else if (strcmp(r.mail, "dead") == 0) {
			how = arena_printf(req->arena, "письмо на %s не доставлено — нужен звонок",
					   r.email);
			call = true;
		} else if (r.email[0] == '\0') {
			how = "электронной почты в справочнике нет — нужен звонок";
			call = true;
		} else if (!announced) {
			how = arena_printf(req->arena, "письмо на %s уйдёт с анонсом встречи", r.email);
		} else {
			how = arena_printf(req->arena, "письма на %s не было — нужен звонок", r.email);
			call = true;
		}
		tpl_set(row, "HOW", how);
		if (r.marked || strcmp(r.mail, "sent") == 0)
			told++;
		if (!call)
			continue;
		calls++;
		tpl_dict *c = tpl_section_add(box, "CALL");
		tpl_set(c, "LINE", r.line);
		if (r.phone[0])
			tpl_set(tpl_section_add(c, "PHONE"), "NUMBER", r.phone);
		else
			tpl_section_show(c, "NO_PHONE");
		if (may_mark) {
			tpl_dict *m = tpl_section_add(c, "MARK");
			tpl_set_int(m, "PERSON_ID", r.person);
			tpl_set(m, "LINE", r.line);
		}
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(&req->worker->db, "informed people");
		return -1;
	}
	if (box == NULL)
		return 0;
	tpl_set(box, "SUMMARY",
		arena_printf(req->arena, "Сообщено: %d из %d %s.", told, people,
			     ru_plural(people, "человека", "человек", "человек")));
	tpl_section_show(box, calls ? "HAS_CALLS" : "NO_CALLS");
	return 0;
}

int meeting_informed_concerns(struct request *req, long long id, long long person)
{
	sqlite3_stmt *s = db_stmt(&req->worker->db, STMT_INFORMED_PEOPLE);
	sqlite3_bind_int64(s, 1, id);
	int rc, found = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (sqlite3_column_int64(s, 0) == person)
			found = 1;
	db_done(s);
	return rc == SQLITE_DONE ? found : -1;
}
