/* db_protocol.c — the statements of protocols and their readers (see db_protocol.h). Each
 * DB_STATEMENT row declares the result columns its reader below reads; db_prepare_all prepares
 * this table with the others once per process and refuses to start when a count differs. */
#include "db_protocol.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_protocol_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_PROTOCOL_MEETING, 11,
		     "SELECT m.title, m.status, m.starts_at, "
		     "coalesce(v.name || ', ' || v.address, ''), m.attendance, m.host_id, m.kind, "
		     "coalesce((SELECT h.person_id FROM info_group_leader h WHERE h.group_id = m.group_id "
		     " AND h.since <= m.starts_at ORDER BY h.since DESC LIMIT 1), 0), "
		     "coalesce((SELECT k.protocol_handover_days FROM meeting_kind k WHERE k.code = m.kind), 0), "
		     "coalesce(v.name, ''), coalesce(v.address, '') "
		     "FROM meeting m LEFT JOIN venue v ON v.id = m.venue_id WHERE m.id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_GET, 21,
		     "SELECT p.id, p.number, p.held_on, p.place, p.chair_id, p.secretary_id, p.attendance, "
		     "p.decisions, p.photo_url, p.video_url, p.signed_at, "
		     "coalesce(nullif(us.full_name, ''), us.login, ''), p.handed_at, "
		     "coalesce(nullif(uh.full_name, ''), uh.login, ''), coalesce(c.full_name, ''), "
		     "coalesce(c.position, ''), coalesce(s.full_name, ''), coalesce(s.position, ''), "
		     "EXISTS (SELECT 1 FROM staff_user a "
		     "WHERE a.person_id = p.chair_id AND a.disabled = 0), p.revision, p.signed_on_paper "
		     "FROM protocol p LEFT JOIN staff_user us ON us.id = p.signed_by "
		     "LEFT JOIN staff_user uh ON uh.id = p.handed_by "
		     "LEFT JOIN person c ON c.id = p.chair_id LEFT JOIN person s ON s.id = p.secretary_id "
		     "WHERE p.meeting_id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_INSERT, 0,
		     "INSERT INTO protocol (meeting_id, number, held_on, place, chair_id, secretary_id, "
		     "attendance, decisions, photo_url, video_url, created_at, created_by, updated_at) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11)"),
	DB_STATEMENT(STMT_PROTOCOL_CHAIR_SETTER, 1,
		     "SELECT coalesce(chair_set_by, 0) FROM protocol WHERE id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_SET_CHAIR_SETTER, 0,
		     "UPDATE protocol SET chair_set_by = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_UPDATE, 0,
		     "UPDATE protocol SET number = ?2, held_on = ?3, place = ?4, chair_id = ?5, "
		     "secretary_id = ?6, attendance = ?7, decisions = ?8, photo_url = ?9, video_url = ?10, "
		     "updated_at = ?11, revision = revision + 1 WHERE id = ?1 AND signed_at IS NULL"),
	DB_STATEMENT(STMT_PROTOCOL_JSON, 1,
		     "SELECT json_object('meeting_id', meeting_id, 'number', number, 'held_on', held_on, "
		     "'place', place, 'chair_id', chair_id, 'secretary_id', secretary_id, "
		     "'attendance', attendance, 'decisions', decisions, 'photo_url', photo_url, "
		     "'video_url', video_url, 'signed_at', signed_at, 'signed_by', signed_by, "
		     "'handed_at', handed_at, 'handed_by', handed_by, "
		     "'officials', (SELECT json_group_array(person_id) FROM protocol_official "
		     "WHERE protocol_id = protocol.id), "
		     "'questions', (SELECT json_group_array(json_object('question', question, "
		     "'answer', answer, 'published', published)) FROM (SELECT question, answer, published "
		     "FROM protocol_question "
		     "WHERE protocol_id = protocol.id ORDER BY position))) FROM protocol WHERE id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_OFFICIAL_CLEAR, 0,
		     "DELETE FROM protocol_official WHERE protocol_id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_OFFICIAL_ADD, 0,
		     "INSERT OR IGNORE INTO protocol_official (protocol_id, person_id) VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_PROTOCOL_OFFICIALS, 3,
		     "SELECT p.id, p.full_name, p.position FROM protocol_official o "
		     "JOIN person p ON p.id = o.person_id WHERE o.protocol_id = ?1 ORDER BY p.full_name"),
	DB_STATEMENT(STMT_PROTOCOL_QUESTION_CLEAR, 0,
		     "DELETE FROM protocol_question WHERE protocol_id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_QUESTION_ADD, 0,
		     "INSERT INTO protocol_question (protocol_id, position, question, answer, published) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_PROTOCOL_QUESTIONS, 3,
		     "SELECT question, answer, published FROM protocol_question WHERE protocol_id = ?1 "
		     "ORDER BY position, id"),
	DB_STATEMENT(STMT_PROTOCOL_QUESTION_PUBLISH, 0,
		     "UPDATE protocol_question SET published = ?3 WHERE protocol_id = ?1 AND position = ?2"),
	DB_STATEMENT(STMT_PROTOCOL_SET_LINKS, 0,
		     "UPDATE protocol SET photo_url = ?2, video_url = ?3, updated_at = ?4 WHERE id = ?1"),
	DB_STATEMENT(STMT_PROTOCOL_NUMBER_TAKEN, 1,
		     "SELECT m.title FROM protocol p JOIN meeting m ON m.id = p.meeting_id "
		     "WHERE p.number = ?1 AND p.id <> ?2 AND substr(p.held_on, 1, 4) = ?3 LIMIT 1"),
	DB_STATEMENT(STMT_PROTOCOL_SYNC_ATTENDANCE, 0,
		     "UPDATE meeting SET attendance = (SELECT attendance FROM protocol WHERE id = ?1), "
		     "updated_at = ?2 WHERE id = (SELECT meeting_id FROM protocol WHERE id = ?1 "
		     "AND attendance IS NOT NULL) "
		     "AND attendance IS NOT (SELECT attendance FROM protocol WHERE id = ?1)"),
	DB_STATEMENT(STMT_PROTOCOL_IN_FORCE, 5,
		     "SELECT i.id, i.text, i.due_on, CASE e.disabled WHEN 0 THEN e.email ELSE '' END, "
		     "coalesce(nullif(c.full_name, ''), c.login) "
		     "FROM instruction i JOIN staff_user e ON e.id = i.executor_id "
		     "JOIN staff_user c ON c.id = i.controller_id "
		     "WHERE i.protocol_id = ?1 AND i.status <> 'cancelled' ORDER BY i.id"),
	DB_STATEMENT(STMT_PROTOCOL_SIGN, 0,
		     "UPDATE protocol SET signed_at = ?2, signed_by = ?3, signed_on_paper = ?5 WHERE id = ?1 "
		     "AND signed_at IS NULL AND revision = ?4"),
	DB_STATEMENT(STMT_PROTOCOL_TOUCH, 0,
		     "UPDATE protocol SET revision = revision + 1, updated_at = ?2 WHERE id = ?1 "
		     "AND signed_at IS NULL"),
	DB_STATEMENT(STMT_PROTOCOL_HAND_OVER, 0,
		     "UPDATE protocol SET handed_at = ?2, handed_by = ?3 WHERE id = ?1 "
		     "AND signed_at IS NOT NULL AND handed_at IS NULL"),
	DB_STATEMENT(STMT_PROTOCOL_AMENDMENT_ADD, 0,
		     "INSERT INTO protocol_amendment (protocol_id, at, user_id, text, reason, published) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
	DB_STATEMENT(STMT_PROTOCOL_AMENDMENTS, 5,
		     "SELECT a.at, coalesce(nullif(u.full_name, ''), u.login, ''), a.text, a.reason, "
		     "a.published FROM protocol_amendment a "
		     "LEFT JOIN staff_user u ON u.id = a.user_id WHERE a.protocol_id = ?1 ORDER BY a.id"),
	DB_STATEMENT(STMT_PROTOCOL_APPEALS, 4,
		     "SELECT a.id, a.number, coalesce(t.name, ''), a.status FROM appeal a "
		     "LEFT JOIN appeal_topic t ON t.code = a.topic_code WHERE a.meeting_id = ?1 "
		     "ORDER BY a.year, a.seq"),
	DB_STATEMENT(STMT_PROTOCOL_INSTRUCTIONS, 6,
		     "SELECT i.id, i.text, i.unit, i.due_on, i.status, "
		     "coalesce(nullif(u.full_name, ''), u.login) FROM instruction i "
		     "JOIN staff_user u ON u.id = i.executor_id WHERE i.protocol_id = ?1 ORDER BY i.id"),
};

/* The columns of STMT_PROTOCOL_MEETING. */
static void read_meeting(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_meeting *m = row;
	m->title = db_text(a, s, 0);
	m->status = db_text(a, s, 1);
	m->starts_at = (time_t)sqlite3_column_int64(s, 2);
	m->place = db_text(a, s, 3);
	m->has_attendance = sqlite3_column_type(s, 4) != SQLITE_NULL;
	m->attendance = sqlite3_column_int64(s, 4);
	m->host_id = sqlite3_column_int64(s, 5);
	m->kind = db_text(a, s, 6);
	m->leader_id = sqlite3_column_int64(s, 7);
	m->handover_days = sqlite3_column_int(s, 8);
	m->venue_name = db_text(a, s, 9);
	m->venue_address = db_text(a, s, 10);
}

int db_protocol_meeting(struct db *db, struct arena *a, long long id,
			struct protocol_meeting *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_MEETING);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_meeting, out, "protocol meeting");
	if (rc == 0)
		out->id = id;
	return rc;
}

/* The columns of STMT_PROTOCOL_GET. */
static void read_protocol(struct arena *a, sqlite3_stmt *s, struct protocol_detail *p)
{
	p->exists = true;
	p->id = sqlite3_column_int64(s, 0);
	p->number = db_text(a, s, 1);
	p->held_on = db_text(a, s, 2);
	p->place = db_text(a, s, 3);
	p->chair_id = sqlite3_column_int64(s, 4);
	p->secretary_id = sqlite3_column_int64(s, 5);
	p->has_attendance = sqlite3_column_type(s, 6) != SQLITE_NULL;
	p->attendance = sqlite3_column_int64(s, 6);
	p->decisions = db_text(a, s, 7);
	p->photo_url = db_text(a, s, 8);
	p->video_url = db_text(a, s, 9);
	p->signed_ = sqlite3_column_type(s, 10) != SQLITE_NULL;
	p->signed_at = (time_t)sqlite3_column_int64(s, 10);
	p->signed_by = db_text(a, s, 11);
	p->handed = sqlite3_column_type(s, 12) != SQLITE_NULL;
	p->handed_at = (time_t)sqlite3_column_int64(s, 12);
	p->handed_by = db_text(a, s, 13);
	p->chair = db_text(a, s, 14);
	p->chair_position = db_text(a, s, 15);
	p->secretary = db_text(a, s, 16);
	p->secretary_position = db_text(a, s, 17);
	p->chair_has_account = sqlite3_column_int(s, 18) != 0;
	p->revision = sqlite3_column_int64(s, 19);
	p->signed_on_paper = sqlite3_column_int(s, 20) != 0;
}

int db_protocol_get(struct db *db, struct arena *a, long long meeting,
		    struct protocol_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_GET);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_protocol(a, s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		db_log_error(db, "protocol");
		return -1;
	}
	s = db_stmt(db, STMT_PROTOCOL_CHAIR_SETTER);
	sqlite3_bind_int64(s, 1, out->id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		out->chair_set_by = sqlite3_column_int64(s, 0);
	db_done(s);
	if (rc != SQLITE_ROW) {
		db_log_error(db, "protocol chair setter");
		return -1;
	}
	return 0;
}

/* The columns of STMT_PROTOCOL_OFFICIALS. */
static void read_official(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_official *o = row;
	o->person_id = sqlite3_column_int64(s, 0);
	o->full_name = db_text(a, s, 1);
	o->position = db_text(a, s, 2);
}

int db_protocol_officials(struct db *db, struct arena *a, long long protocol,
			  struct protocol_official **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_OFFICIALS);
	sqlite3_bind_int64(s, 1, protocol);
	return db_read_rows(db, a, s, sizeof **out, read_official, out, count,
			    "protocol officials");
}

/* The columns of STMT_PROTOCOL_QUESTIONS. */
static void read_question(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_question *q = row;
	q->question = db_text(a, s, 0);
	q->answer = db_text(a, s, 1);
	q->published = sqlite3_column_int(s, 2) != 0;
}

int db_protocol_questions(struct db *db, struct arena *a, long long protocol,
			  struct protocol_question **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_QUESTIONS);
	sqlite3_bind_int64(s, 1, protocol);
	return db_read_rows(db, a, s, sizeof **out, read_question, out, count,
			    "protocol questions");
}

/* The columns of STMT_PROTOCOL_AMENDMENTS. */
static void read_amendment(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_amendment *m = row;
	m->at = (time_t)sqlite3_column_int64(s, 0);
	m->author = db_text(a, s, 1);
	m->text = db_text(a, s, 2);
	m->reason = db_text(a, s, 3);
	m->published = sqlite3_column_int(s, 4) != 0;
}

int db_protocol_amendments(struct db *db, struct arena *a, long long protocol,
			   struct protocol_amendment **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_AMENDMENTS);
	sqlite3_bind_int64(s, 1, protocol);
	return db_read_rows(db, a, s, sizeof **out, read_amendment, out, count,
			    "protocol amendments");
}

/* The columns of STMT_PROTOCOL_APPEALS. */
static void read_appeal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_appeal *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->number = db_text(a, s, 1);
	r->topic = db_text(a, s, 2);
	r->status = db_text(a, s, 3);
}

int db_protocol_appeals(struct db *db, struct arena *a, long long meeting,
			struct protocol_appeal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_APPEALS);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_appeal, out, count, "protocol appeals");
}

/* The columns of STMT_PROTOCOL_INSTRUCTIONS. */
static void read_instruction(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_instruction *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->text = db_text(a, s, 1);
	r->unit = db_text(a, s, 2);
	r->due_on = db_text(a, s, 3);
	r->status = db_text(a, s, 4);
	r->executor = db_text(a, s, 5);
}

int db_protocol_instructions(struct db *db, struct arena *a, long long protocol,
			     struct protocol_instruction **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_INSTRUCTIONS);
	sqlite3_bind_int64(s, 1, protocol);
	return db_read_rows(db, a, s, sizeof **out, read_instruction, out, count,
			    "protocol instructions");
}

/* The columns of STMT_PROTOCOL_IN_FORCE. */
static void read_proposal(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct protocol_proposal *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->text = db_text(a, s, 1);
	r->due_on = db_text(a, s, 2);
	r->executor_email = db_text(a, s, 3);
	r->controller = db_text(a, s, 4);
}

int db_protocol_proposals(struct db *db, struct arena *a, long long protocol,
			  struct protocol_proposal **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_IN_FORCE);
	sqlite3_bind_int64(s, 1, protocol);
	return db_read_rows(db, a, s, sizeof **out, read_proposal, out, count,
			    "protocol instructions in force");
}

int db_protocol_number_taken(struct db *db, struct arena *a, const char *number,
			     long long protocol, const char *year, const char **meeting_title)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROTOCOL_NUMBER_TAKEN);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, protocol);
	sqlite3_bind_text(s, 3, year, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*meeting_title = db_text(a, s, 0);
	db_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_log_error(db, "protocol number");
		return -1;
	}
	return rc == SQLITE_ROW;
}
