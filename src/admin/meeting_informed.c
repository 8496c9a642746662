/* meeting_informed.c — invitees and group members told of a meeting, and the call list
 * (meeting_informed.h). */
#include "meeting_informed.h"

#include <string.h>

#include "db_meeting_staff.h"
#include "page.h"
#include "ru.h"
#include "worker.h"

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
	struct informed_person *list;
	size_t count;
	if (db_informed_people(&req->worker->db, req->arena, id, &list, &count) < 0)
		return -1;
	tpl_dict *box = NULL;
	int calls = 0, told = 0, people = 0;
	for (size_t i = 0; i < count; i++) {
		const struct informed_person *r = &list[i];
		const char *line =
			ru_person_line(req->arena, r->full_name, r->position, r->organisation);
		if (box == NULL) {
			box = tpl_include(d, "INFORMED", "admin_meeting_informed.tpl");
			tpl_section_show(box, "INFORMED");
			tpl_set_int(box, "ID", id);
		}
		people++;
		tpl_dict *row = tpl_section_add(box, "PERSON");
		tpl_set(row, "LINE", line);
		tpl_set(row, "ROLE", r->member ? "член информационной группы" : "приглашён(а)");
		const char *how;
		bool call = false;
		if (r->marked) {
			how = arena_printf(req->arena, "сообщено лично или по телефону %s (%s)",
					   when(req, r->marked_at),
					   r->marked_by[0] ? r->marked_by : "сотрудник");
		} else if (strcmp(r->mail, "sent") == 0) {
			how = arena_printf(req->arena, "письмо отправлено %s на %s",
					   when(req, r->mail_sent_at), r->email);
		} else if (strcmp(r->mail, "pending") == 0) {
			how = arena_printf(req->arena, "письмо на %s ждёт отправки", r->email);
		} else if (strcmp(r->mail, "dead") == 0) {
			how = arena_printf(req->arena, "письмо на %s не доставлено — нужен звонок",
					   r->email);
			call = true;
		} else if (r->email[0] == '\0') {
			how = "электронной почты в справочнике нет — нужен звонок";
			call = true;
		} else if (!announced) {
			how = arena_printf(req->arena, "письмо на %s уйдёт с анонсом встречи", r->email);
		} else {
			how = arena_printf(req->arena, "письма на %s не было — нужен звонок", r->email);
			call = true;
		}
		tpl_set(row, "HOW", how);
		if (r->marked || strcmp(r->mail, "sent") == 0)
			told++;
		if (!call)
			continue;
		calls++;
		tpl_dict *c = tpl_section_add(box, "CALL");
		tpl_set(c, "LINE", line);
		if (r->phone[0])
			tpl_set(tpl_section_add(c, "PHONE"), "NUMBER", r->phone);
		else
			tpl_section_show(c, "NO_PHONE");
		if (may_mark) {
			tpl_dict *m = tpl_section_add(c, "MARK");
			tpl_set_int(m, "PERSON_ID", r->person);
			tpl_set(m, "LINE", line);
		}
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
	struct informed_person *list;
	size_t count;
	if (db_informed_people(&req->worker->db, req->arena, id, &list, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (list[i].person == person)
			return 1;
	return 0;
}
