/* db_instruction.c — the statements of instructions and their readers (see db_instruction.h).
 * Each DB_STATEMENT row declares the result columns its reader below reads (STMT_INSTRUCTION_
 * EXECUTORS and _CONTROLLERS: id, name, login for staff_load_items); db_prepare_all prepares
 * this table with the others once per process and refuses to start when a count differs. */
#include "db_instruction.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_instruction_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_INSTRUCTION_INSERT, 0,
		     "INSERT INTO instruction (id, protocol_id, appeal_id, text, executor_id, unit, "
		     "controller_id, due_on, created_at, created_by, updated_at) "
		     "VALUES (max(coalesce((SELECT max(id) FROM instruction), 0), "
		     "coalesce((SELECT max(entity_id) FROM audit_log WHERE entity = 'instruction'), 0)) + 1, "
		     "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)"),
	DB_STATEMENT(STMT_INSTRUCTION_EVENT_ADD, 0,
		     "INSERT INTO instruction_event (instruction_id, at, user_id, status, note) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_INSTRUCTION_LIST, 9,
		     "SELECT i.id, i.text, i.unit, i.due_on, i.status, "
		     "coalesce(nullif(u.full_name, ''), u.login), coalesce(p.meeting_id, 0), "
		     "coalesce(m.title, ''), coalesce(a.number, '') FROM instruction i "
		     "JOIN staff_user u ON u.id = i.executor_id "
		     "LEFT JOIN protocol p ON p.id = i.protocol_id LEFT JOIN meeting m ON m.id = p.meeting_id "
		     "LEFT JOIN appeal a ON a.id = i.appeal_id "
		     "WHERE (i.protocol_id IS NULL OR p.signed_at IS NOT NULL) "
		     "AND (?1 IS NULL OR i.executor_id = ?1) "
		     "AND (?5 IS NULL OR i.executor_id = ?5 OR i.controller_id = ?5) "
		     "AND (?2 IS NULL OR (i.status IN ('assigned', 'in_progress', 'returned') "
		     "     AND i.due_on <= ?2 AND (?6 IS NULL OR i.due_on >= ?6))) "
		     "AND (?3 IS NULL OR p.meeting_id = ?3) "
		     "AND " STAFF_SCOPE_SQL(INSTRUCTION_MUNICIPALITY, "8") " "
		     "ORDER BY i.status IN ('accepted', 'cancelled'), i.due_on, i.id LIMIT ?4 OFFSET ?7"),
	DB_STATEMENT(STMT_INSTRUCTION_GET, 19,
		     "SELECT i.text, i.unit, i.due_on, i.status, i.report, i.reason, i.executor_id, "
		     "coalesce(nullif(e.full_name, ''), e.login), i.controller_id, "
		     "coalesce(nullif(c.full_name, ''), c.login), p.meeting_id, coalesce(m.title, ''), "
		     "i.appeal_id, coalesce(a.number, ''), i.created_at, "
		     "(i.protocol_id IS NULL OR p.signed_at IS NOT NULL), e.email, c.email, "
		     "coalesce(i.protocol_id, 0) FROM instruction i "
		     "JOIN staff_user e ON e.id = i.executor_id JOIN staff_user c ON c.id = i.controller_id "
		     "LEFT JOIN protocol p ON p.id = i.protocol_id LEFT JOIN meeting m ON m.id = p.meeting_id "
		     "LEFT JOIN appeal a ON a.id = i.appeal_id WHERE i.id = ?1"),
	DB_STATEMENT(STMT_INSTRUCTION_DELETE_EVENTS, 0,
		     "DELETE FROM instruction_event WHERE instruction_id = ?1"),
	DB_STATEMENT(STMT_INSTRUCTION_DELETE, 0,
		     "DELETE FROM instruction WHERE id = ?1 "
		     "AND protocol_id IN (SELECT id FROM protocol WHERE signed_at IS NULL)"),
	DB_STATEMENT(STMT_INSTRUCTION_MOVE, 0,
		     "UPDATE instruction SET status = ?2, report = coalesce(?5, report), "
		     "reason = coalesce(?6, reason), updated_at = ?7 WHERE id = ?1 AND status IN (?3, ?4)"),
	DB_STATEMENT(STMT_INSTRUCTION_EVENTS, 4,
		     "SELECT e.at, coalesce(nullif(u.full_name, ''), u.login, ''), e.status, e.note "
		     "FROM instruction_event e "
		     "LEFT JOIN staff_user u ON u.id = e.user_id WHERE e.instruction_id = ?1 ORDER BY e.id"),
	DB_STATEMENT(STMT_INSTRUCTION_JSON, 1,
		     "SELECT json_object('protocol_id', protocol_id, 'appeal_id', appeal_id, 'text', text, "
		     "'executor_id', executor_id, 'unit', unit, 'controller_id', controller_id, "
		     "'due_on', due_on, 'status', status, 'report', report, 'reason', reason) "
		     "FROM instruction WHERE id = ?1"),
	DB_STATEMENT(STMT_INSTRUCTION_EXECUTORS, 3,
		     "SELECT id, coalesce(nullif(full_name, ''), login), login FROM staff_user "
		     "WHERE disabled = 0 AND email <> '' "
		     "AND role IN ('executor', 'organizer', 'controller', 'admin') "
		     "AND " STAFF_COLLEAGUE_SQL("municipality_id", "1") " "
		     "ORDER BY role <> 'executor', 2"),
	DB_STATEMENT(STMT_INSTRUCTION_CONTROLLERS, 3,
		     "SELECT id, coalesce(nullif(full_name, ''), login), login FROM staff_user "
		     "WHERE disabled = 0 AND role IN ('controller', 'admin') "
		     "AND " STAFF_COLLEAGUE_SQL("municipality_id", "1") " "
		     "ORDER BY role <> 'controller', 2"),
	DB_STATEMENT(STMT_INSTRUCTION_MEETINGS, 3,
		     "SELECT m.id, m.title, m.starts_at FROM meeting m JOIN protocol p ON p.meeting_id = m.id "
		     "WHERE p.signed_at IS NOT NULL AND " STAFF_SCOPE_SQL("m.municipality_id", "1") " "
		     "ORDER BY m.starts_at DESC LIMIT 200"),
	DB_STATEMENT(STMT_INSTRUCTION_PUBLIC, 4,
		     "SELECT i.text, i.unit, i.due_on, i.status FROM instruction i "
		     "JOIN protocol p ON p.id = i.protocol_id WHERE p.meeting_id = ?1 "
		     "AND p.signed_at IS NOT NULL ORDER BY i.id"),
};

/* The columns of STMT_INSTRUCTION_LIST. */
static void read_summary(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct instruction_summary *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->text = db_text(a, s, 1);
	r->unit = db_text(a, s, 2);
	r->due_on = db_text(a, s, 3);
	r->status = db_text(a, s, 4);
	r->executor = db_text(a, s, 5);
	r->meeting_id = sqlite3_column_int64(s, 6);
	r->meeting_title = db_text(a, s, 7);
	r->appeal_number = db_text(a, s, 8);
}

int db_instruction_list(struct db *db, struct arena *a, const struct instruction_filter *f,
			struct instruction_summary **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_LIST);
	if (f->executor)
		sqlite3_bind_int64(s, 1, f->executor);
	if (f->due_by)
		sqlite3_bind_text(s, 2, f->due_by, -1, SQLITE_STATIC);
	if (f->meeting)
		sqlite3_bind_int64(s, 3, f->meeting);
	sqlite3_bind_int64(s, 4, f->limit);
	if (f->involved)
		sqlite3_bind_int64(s, 5, f->involved);
	if (f->due_from)
		sqlite3_bind_text(s, 6, f->due_from, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, f->offset);
	sqlite3_bind_int64(s, 8, f->scope);
	return db_read_rows(db, a, s, sizeof **out, read_summary, out, count, "instruction list");
}

/* The columns of STMT_INSTRUCTION_GET. */
static void read_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct instruction_detail *r = row;
	r->text = db_text(a, s, 0);
	r->unit = db_text(a, s, 1);
	r->due_on = db_text(a, s, 2);
	r->status = db_text(a, s, 3);
	r->report = db_text(a, s, 4);
	r->reason = db_text(a, s, 5);
	r->executor_id = sqlite3_column_int64(s, 6);
	r->executor = db_text(a, s, 7);
	r->controller_id = sqlite3_column_int64(s, 8);
	r->controller = db_text(a, s, 9);
	r->from_meeting = sqlite3_column_type(s, 10) != SQLITE_NULL;
	r->meeting_id = sqlite3_column_int64(s, 10);
	r->meeting_title = db_text(a, s, 11);
	r->appeal_id = sqlite3_column_int64(s, 12);
	r->appeal_number = db_text(a, s, 13);
	r->created_at = (time_t)sqlite3_column_int64(s, 14);
	r->in_force = sqlite3_column_int(s, 15) != 0;
	r->executor_email = db_text(a, s, 16);
	r->controller_email = db_text(a, s, 17);
	r->protocol_id = sqlite3_column_int64(s, 18);
}

int db_instruction_get(struct db *db, struct arena *a, long long id,
		       struct instruction_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_detail, out, "instruction");
	if (rc == 0)
		out->id = id;
	return rc;
}

/* The columns of STMT_INSTRUCTION_EVENTS. */
static void read_event(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct instruction_event *e = row;
	e->at = (time_t)sqlite3_column_int64(s, 0);
	e->by = db_text(a, s, 1);
	e->status = db_text(a, s, 2);
	e->note = db_text(a, s, 3);
}

int db_instruction_events(struct db *db, struct arena *a, long long id,
			  struct instruction_event **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_EVENTS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_event, out, count, "instruction history");
}

/* The columns of STMT_INSTRUCTION_PUBLIC. */
static void read_public(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct instruction_public *r = row;
	r->text = db_text(a, s, 0);
	r->unit = db_text(a, s, 1);
	r->due_on = db_text(a, s, 2);
	r->status = db_text(a, s, 3);
}

int db_instruction_public(struct db *db, struct arena *a, long long meeting,
			  struct instruction_public **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_PUBLIC);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_public, out, count,
			    "public instructions");
}

/* The columns of STMT_INSTRUCTION_MEETINGS. */
static void read_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct instruction_meeting *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->title = db_text(a, s, 1);
	m->starts_at = (time_t)sqlite3_column_int64(s, 2);
}

int db_instruction_meetings(struct db *db, struct arena *a, long long scope,
			    struct instruction_meeting **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_INSTRUCTION_MEETINGS);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_meeting, out, count,
			    "instruction meetings");
}
