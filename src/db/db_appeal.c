/* db_appeal.c — the statements of the staff's appeal registry and their readers (see
 * db_appeal.h). Each DB_STATEMENT row declares the result columns its reader below reads;
 * db_prepare_all prepares this table with the others once per process and refuses to start when
 * a count differs. */
#include "db_appeal.h"

#include <string.h>

#include "db_statements.h"

/* The registry of appeals: two plans of one query. */
#define APPEAL_LIST_SELECT                                                                          \
	"SELECT a.id, a.number, a.registered_at, a.status, a.surname, a.name, a.patronymic, "     \
	"a.answer_due, coalesce(nullif(u.full_name, ''), u.login, ''), a.source, a.unit, "         \
	"a.addressee, a.addressee_unit, a.auth_method, a.auth_confirmed "
#define APPEAL_LIST_WHERE                                                                           \
	"LEFT JOIN staff_user u ON u.id = a.executor_id "                                          \
	"WHERE (?1 IS NULL OR a.status = ?1) AND (?2 IS NULL OR a.source = ?2) "                   \
	"AND (?3 IS NULL OR a.territory_id IN (SELECT id FROM territory WHERE id = ?3 "            \
	"     OR parent_id = ?3 OR parent_id IN (SELECT id FROM territory WHERE parent_id = ?3))) " \
	"AND (?4 IS NULL OR a.executor_id = ?4) "                                                  \
	"AND (?5 IS NULL OR (a.answer_due <= ?5 AND a.status IN ('registered', 'in_work'))) "      \
	"AND (?6 IS NULL OR (a.answer_due < ?6 AND a.status IN ('registered', 'in_work'))) "       \
	"AND (?9 IS NULL OR a.topic_code = ?9 OR a.topic_code LIKE ?9 || '.%') "                \
	"AND " STAFF_SCOPE_SQL("a.municipality_id", "10") " "
#define APPEAL_LIST_ORDER "ORDER BY a.status IN ('registered', 'in_work') DESC, a.answer_due, a.id LIMIT ?7"
/* The territory ?1 and those below it, as the CTE sub. */
#define TERRITORY_SUBTREE \
	"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT t.id FROM territory t " \
	"JOIN sub ON t.parent_id = sub.id) "

const struct db_statement db_appeal_statements[STMT__MAX] = {
	/* Open appeals first by due date: the order of the index appeal_registry
	 * (sql/024_appeal_registry_order.sql), walked until the page is full. */
	DB_STATEMENT(STMT_APPEAL_LIST, 15,
		     APPEAL_LIST_SELECT "FROM appeal a " APPEAL_LIST_WHERE
		     "AND (?8 IS NULL OR a.id IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?8)) "
		     APPEAL_LIST_ORDER),
	/* The same driven by the search index (CROSS JOIN: appeal_fts first), its few matches
	 * sorted: a rare word would otherwise walk the whole registry for its page. */
	DB_STATEMENT(STMT_APPEAL_LIST_MATCHES, 15,
		     APPEAL_LIST_SELECT
		     "FROM appeal_fts CROSS JOIN appeal a ON a.id = appeal_fts.rowid " APPEAL_LIST_WHERE
		     "AND appeal_fts MATCH ?8 " APPEAL_LIST_ORDER),
	DB_STATEMENT(STMT_APPEAL_MATCHES, 1,
		     "SELECT count(*) FROM (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ?1 LIMIT ?2)"),
	DB_STATEMENT(STMT_APPEAL_GET, 40,
		     "SELECT a.id, a.number, a.source, a.addressee, a.addressee_unit, a.surname, a.name, "
		     "a.patronymic, a.email, a.address, a.phone, coalesce(t.name, ''), a.text, "
		     "a.received_at, a.registered_at, a.status, a.unit, a.executor_id, "
		     "coalesce(nullif(u.full_name, ''), u.login, ''), a.answer_due, a.forward_due, "
		     "a.extended_days, a.extension_reason, a.forwarded_to, a.forwarded_at, a.answer, "
		     "a.answered_at, a.outcome, a.closed_at, a.public_question, a.public_answer, "
		     "a.published_at, a.meeting_id, coalesce(m.title, ''), a.reception_by, a.oral, "
		     "a.oral_answer, a.oral_consent, a.consent_at, "
		     "coalesce(a.topic_code || ' ' || tp.name, '') "
		     "FROM appeal a LEFT JOIN territory t ON t.id = a.territory_id "
		     "LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		     "LEFT JOIN staff_user u ON u.id = a.executor_id LEFT JOIN meeting m ON m.id = a.meeting_id "
		     "WHERE a.id = ?1"),
	DB_STATEMENT(STMT_APPEAL_AUTHOR, 6,
		     "SELECT resident_id, auth_method, auth_confirmed, verdict, verdict_comment, verdict_at "
		     "FROM appeal WHERE id = ?1"),
	DB_STATEMENT(STMT_APPEAL_FILES, 5,
		     "SELECT id, file_name, mime, size, sha256 FROM appeal_file WHERE appeal_id = ?1 "
		     "ORDER BY id"),
	DB_STATEMENT(STMT_APPEAL_FILE_GET, 4,
		     "SELECT a.executor_id, f.file_name, f.mime, f.sha256 FROM appeal_file f "
		     "JOIN appeal a ON a.id = f.appeal_id WHERE f.id = ?1"),
	DB_STATEMENT(STMT_APPEAL_EVENTS, 4,
		     "SELECT e.at, coalesce(u.login, ''), e.action, e.note FROM appeal_event e "
		     "LEFT JOIN staff_user u ON u.id = e.user_id WHERE e.appeal_id = ?1 ORDER BY e.id"),
	DB_STATEMENT(STMT_APPEAL_ASSIGN, 0,
		     "UPDATE appeal SET unit = ?2, executor_id = ?3, status = 'in_work' "
		     "WHERE id = ?1 AND status IN ('registered', 'in_work')"),
	DB_STATEMENT(STMT_APPEAL_FORWARD, 0,
		     "UPDATE appeal SET forwarded_to = ?2, forwarded_at = ?3, status = 'forwarded', "
		     "outcome = 'forwarded', closed_at = ?3 WHERE id = ?1 AND status IN ('registered', "
		     "'in_work')"),
	DB_STATEMENT(STMT_APPEAL_EXTEND, 0,
		     "UPDATE appeal SET extended_days = ?2, extension_reason = ?3, answer_due = ?4 "
		     "WHERE id = ?1 AND extended_days IS NULL AND status IN ('registered', 'in_work')"),
	DB_STATEMENT(STMT_APPEAL_ANSWER, 0,
		     "UPDATE appeal SET answer = ?2, answered_at = ?3, status = 'answered', "
		     "outcome = 'answered', closed_at = ?3 WHERE id = ?1 AND status IN ('registered', "
		     "'in_work')"),
	DB_STATEMENT(STMT_APPEAL_CLOSE, 0,
		     "UPDATE appeal SET outcome = ?2, closed_at = ?3, status = 'closed', repeated_of = ?4 "
		     "WHERE id = ?1 AND status IN ('registered', 'in_work')"),
	DB_STATEMENT(STMT_APPEAL_PUBLISH, 0,
		     "UPDATE appeal SET public_question = ?2, public_answer = ?3, published_at = ?4 "
		     "WHERE id = ?1 AND status = 'answered'"),
	DB_STATEMENT(STMT_APPEAL_ID_BY_NUMBER, 1,
		     "SELECT id FROM appeal WHERE number = ?1"),
	DB_STATEMENT(STMT_APPEAL_MEETING, 2,
		     "SELECT starts_at, status FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_OPTIONS_RECENT, 3,
		     "SELECT m.id, m.title, m.starts_at FROM meeting m "
		     "WHERE m.status IN ('approved', 'postponed', 'held') "
		     "AND m.starts_at >= ?1 AND m.starts_at <= ?2 ORDER BY m.starts_at DESC LIMIT 100"),
	DB_STATEMENT(STMT_EXECUTOR_OPTIONS, 3,
		     "SELECT id, coalesce(nullif(full_name, ''), login), role FROM staff_user "
		     "WHERE disabled = 0 AND role IN ('executor', 'organizer', 'controller', 'admin') "
		     "AND " STAFF_COLLEAGUE_SQL("municipality_id", "1") " "
		     "ORDER BY role <> 'executor', 2"),
	DB_STATEMENT(STMT_TERRITORY_APPEAL_TOPICS, 3,
		     TERRITORY_SUBTREE "SELECT coalesce(tp.name, 'Тема не указана'), count(*), "
		     "count(*) FILTER (WHERE a.status IN ('registered', 'in_work')) FROM appeal a "
		     "LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		     "WHERE a.territory_id IN (SELECT id FROM sub) AND a.registered_at >= ?2 "
		     "GROUP BY a.topic_code ORDER BY 2 DESC, 1"),
	DB_STATEMENT(STMT_TERRITORY_APPEAL_STATUS, 2,
		     TERRITORY_SUBTREE "SELECT a.status, count(*) FROM appeal a "
		     "WHERE a.territory_id IN (SELECT id FROM sub) AND a.registered_at >= ?2 "
		     "GROUP BY a.status ORDER BY 2 DESC"),
	DB_STATEMENT(STMT_TERRITORY_APPEAL_OLDEST, 4,
		     TERRITORY_SUBTREE "SELECT a.number, a.registered_at, coalesce(tp.name, ''), a.answer_due "
		     "FROM appeal a LEFT JOIN appeal_topic tp ON tp.code = a.topic_code "
		     "WHERE a.territory_id IN (SELECT id FROM sub) AND a.status IN ('registered', 'in_work') "
		     "ORDER BY a.registered_at, a.id LIMIT ?2"),
	/* The yearly analysis in one pass: appeals of the two years counted by every breakdown at
	 * once (report_appeals.c sums them per table). The topic is the code cut to the topic
	 * level (SSSS.TTTT.NNNN; a subject's code as it is), so a question counts under its topic;
	 * timeliness: answered or forwarded by the local date due, left without an answer under
	 * art. 11, still open before or after the date due. */
	DB_STATEMENT(STMT_REPORT_APPEALS_CUBE, 11,
		     "WITH c AS (SELECT a.year AS y, substr(a.topic_code, 1, 14) AS topic, "
		     "a.territory_id AS territory, a.source AS source, coalesce(a.outcome, 'open') AS outcome, "
		     "CASE "
		     "WHEN a.outcome = 'answered' THEN CASE WHEN date(a.answered_at + ?3, 'unixepoch') <= "
		     "  a.answer_due THEN 'answered_on_time' ELSE 'answered_late' END "
		     "WHEN a.outcome = 'forwarded' THEN CASE WHEN date(a.forwarded_at + ?3, 'unixepoch') <= "
		     "  a.forward_due THEN 'forwarded_on_time' ELSE 'forwarded_late' END "
		     "WHEN a.outcome IS NOT NULL THEN 'closed' "
		     "WHEN a.answer_due < ?4 THEN 'open_overdue' ELSE 'open' END AS timely, count(*) AS n "
		     "FROM appeal a WHERE a.year IN (?1, ?2) AND (?5 IS NULL OR a.municipality_id = ?5) "
		     "GROUP BY 1, 2, 3, 4, 5, 6) "
		     "SELECT c.y, t.code, t.name, s.code, s.name, tr.id, tr.name, c.source, c.outcome, "
		     "c.timely, c.n FROM c LEFT JOIN appeal_topic t ON t.code = c.topic "
		     "LEFT JOIN appeal_topic s ON s.code = substr(c.topic, 1, 4) "
		     "LEFT JOIN territory tr ON tr.id = c.territory"),
	DB_STATEMENT(STMT_REPORT_APPEALS_RESIDENTS, 4,
		     "SELECT year, CASE WHEN auth_method = 'esia' AND auth_confirmed = 1 "
		     "THEN 'esia_confirmed' ELSE auth_method END, CASE WHEN answered_at IS NULL THEN NULL "
		     "ELSE coalesce(verdict, 'none') END, count(*) FROM appeal WHERE year IN (?1, ?2) "
		     "AND (?3 IS NULL OR municipality_id = ?3) GROUP BY 1, 2, 3"),
	DB_STATEMENT(STMT_APPEAL_COUNTER_NEXT, 1,
		     "INSERT INTO appeal_counter (year, last) VALUES (?1, 1) "
		     "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last"),
	DB_STATEMENT(STMT_APPEAL_BODY_COUNTER_NEXT, 1,
		     "INSERT INTO appeal_number_counter (municipality_id, year, last) VALUES (?2, ?1, 1) "
		     "ON CONFLICT (municipality_id, year) DO UPDATE SET last = last + 1 RETURNING last"),
	DB_STATEMENT(STMT_APPEAL_INSERT, 1,
		     "INSERT INTO appeal (year, seq, number, code_hash, source, addressee, addressee_unit, "
		     "surname, name, patronymic, email, address, phone, territory_id, topic_code, text, "
		     "consent_at, received_at, registered_at, registered_by, meeting_id, reception_by, oral, "
		     "oral_answer, oral_consent, answer_due, forward_due, municipality_id) VALUES (?1, ?2, "
		     "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
		     "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28) RETURNING id"),
	DB_STATEMENT(STMT_APPEAL_EVENT_ADD, 0,
		     "INSERT INTO appeal_event (appeal_id, at, user_id, action, note) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_TERRITORY_MUNICIPALITY, 1,
		     "SELECT municipality_id FROM territory WHERE id = ?1"),
	/* The search index after the appeals' own transactions (sql/023_reference_version.sql). */
	DB_STATEMENT(STMT_APPEAL_SEARCH_PENDING, 2,
		     "SELECT s.indexed_up_to, (SELECT max(id) FROM (SELECT id FROM appeal "
		     "WHERE id > s.indexed_up_to ORDER BY id LIMIT 2000)) FROM appeal_search_state s "
		     "WHERE s.id = 1"),
	DB_STATEMENT(STMT_APPEAL_SEARCH_INDEX, 0,
		     "INSERT INTO appeal_fts (rowid, number, surname, name, patronymic, text) "
		     "SELECT id, number, surname, name, patronymic, text FROM appeal "
		     "WHERE id > ?1 AND id <= ?2 ORDER BY id"),
	DB_STATEMENT(STMT_APPEAL_SEARCH_DONE, 0,
		     "UPDATE appeal_search_state SET indexed_up_to = ?1 WHERE id = 1"),
	/* The audit record's state of an appeal, without the applicant's data; note: that of the
	 * last step of its history. */
	DB_STATEMENT(STMT_APPEAL_JSON, 1,
		     "SELECT json_object('number', number, 'source', source, 'status', status, "
		     "'unit', unit, 'executor_id', executor_id, 'answer_due', answer_due, "
		     "'extended_days', extended_days, 'extension_reason', extension_reason, "
		     "'forwarded_to', forwarded_to, 'outcome', outcome, 'repeated_of', repeated_of, "
		     "'closed_at', closed_at, 'published_at', published_at, "
		     "'note', (SELECT e.note FROM appeal_event e WHERE e.appeal_id = appeal.id "
		     "ORDER BY e.id DESC LIMIT 1)) FROM appeal WHERE id = ?1"),
	DB_STATEMENT(STMT_APPEAL_MEETING_BODY, 1,
		     "SELECT municipality_id FROM meeting WHERE id = ?1"),
	DB_STATEMENT(STMT_APPEAL_MEDIA_ADDRESSES, 1,
		     "SELECT min(email) FROM media_contact WHERE active <> 0 AND municipality_id IN "
		     "(SELECT municipality_id FROM appeal WHERE id = ?1 UNION SELECT m.district_id "
		     " FROM appeal a JOIN municipality m ON m.id = a.municipality_id WHERE a.id = ?1) "
		     "GROUP BY lower(email) ORDER BY min(name), min(id)"),
};

/* Bind text, or leave the parameter NULL when text is NULL. */
static void bind_text_or_null(sqlite3_stmt *s, int n, const char *text)
{
	if (text != NULL)
		sqlite3_bind_text(s, n, text, -1, SQLITE_STATIC);
}

/* Bind a positive id, or leave the parameter NULL. */
static void bind_id_or_null(sqlite3_stmt *s, int n, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(s, n, id);
}

/* Column col as text in the arena, NULL for NULL. */
static const char *text_or_null(struct arena *a, sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? NULL : db_text(a, s, col);
}

int db_appeal_matches(struct db *db, const char *query, int limit, long long *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_MATCHES);
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit);
	return db_read_int64_one(db, s, count, "appeal matches") < 0 ? -1 : 0;
}

/* The columns of STMT_APPEAL_LIST and STMT_APPEAL_LIST_MATCHES. */
static void read_list_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_list_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->number = db_text(a, s, 1);
	r->registered_at = (time_t)sqlite3_column_int64(s, 2);
	r->status = db_text(a, s, 3);
	r->surname = db_text(a, s, 4);
	r->name = db_text(a, s, 5);
	r->patronymic = db_text(a, s, 6);
	r->answer_due = db_text(a, s, 7);
	r->executor = db_text(a, s, 8);
	r->source = db_text(a, s, 9);
	r->unit = db_text(a, s, 10);
	r->addressee = db_text(a, s, 11);
	r->addressee_unit = db_text(a, s, 12);
	r->auth_method = db_text(a, s, 13);
	r->auth_confirmed = sqlite3_column_int(s, 14) != 0;
}

int db_appeal_list(struct db *db, struct arena *a, const struct appeal_list_filter *f,
		   bool by_matches, struct appeal_list_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, by_matches ? STMT_APPEAL_LIST_MATCHES : STMT_APPEAL_LIST);
	bind_text_or_null(s, 1, f->status);
	bind_text_or_null(s, 2, f->source);
	bind_id_or_null(s, 3, f->territory_id);
	bind_id_or_null(s, 4, f->executor_id);
	bind_text_or_null(s, 5, f->due_by);
	bind_text_or_null(s, 6, f->overdue_at);
	sqlite3_bind_int(s, 7, f->limit);
	bind_text_or_null(s, 8, f->query);
	bind_text_or_null(s, 9, f->topic_code);
	sqlite3_bind_int64(s, 10, f->scope);
	return db_read_rows(db, a, s, sizeof **out, read_list_item, out, count, "appeal list");
}

/* The columns of STMT_APPEAL_GET. */
static void read_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_detail *d = row;
	d->id = sqlite3_column_int64(s, 0);
	d->number = db_text(a, s, 1);
	d->source = db_text(a, s, 2);
	d->addressee = db_text(a, s, 3);
	d->addressee_unit = db_text(a, s, 4);
	d->surname = db_text(a, s, 5);
	d->name = db_text(a, s, 6);
	d->patronymic = db_text(a, s, 7);
	d->email = db_text(a, s, 8);
	d->address = db_text(a, s, 9);
	d->phone = db_text(a, s, 10);
	d->territory = db_text(a, s, 11);
	d->text = db_text(a, s, 12);
	d->received_at = (time_t)sqlite3_column_int64(s, 13);
	d->registered_at = (time_t)sqlite3_column_int64(s, 14);
	d->status = db_text(a, s, 15);
	d->unit = db_text(a, s, 16);
	d->executor_id = sqlite3_column_int64(s, 17);
	d->executor = db_text(a, s, 18);
	d->answer_due = db_text(a, s, 19);
	d->forward_due = db_text(a, s, 20);
	db_appeal_course_read(a, s, 21, &d->course);
	d->outcome = db_text(a, s, 27);
	d->closed_at = (time_t)sqlite3_column_int64(s, 28);
	d->public_question = db_text(a, s, 29);
	d->public_answer = db_text(a, s, 30);
	d->published = sqlite3_column_type(s, 31) != SQLITE_NULL;
	d->published_at = (time_t)sqlite3_column_int64(s, 31);
	d->meeting_id = sqlite3_column_int64(s, 32);
	d->meeting_title = db_text(a, s, 33);
	d->reception_by = db_text(a, s, 34);
	d->oral = sqlite3_column_int(s, 35) != 0;
	d->oral_answer = db_text(a, s, 36);
	d->oral_consent = sqlite3_column_int(s, 37) != 0;
	d->consent_at = (time_t)sqlite3_column_int64(s, 38);
	d->topic = db_text(a, s, 39);
}

int db_appeal_get(struct db *db, struct arena *a, long long id, struct appeal_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_detail, out, "appeal");
}

/* The columns of STMT_APPEAL_AUTHOR. */
static void read_author(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_author *r = row;
	r->has_account = sqlite3_column_type(s, 0) != SQLITE_NULL;
	r->auth_method = db_text(a, s, 1);
	r->auth_confirmed = sqlite3_column_int(s, 2) != 0;
	r->verdict = db_text(a, s, 3);
	r->verdict_comment = db_text(a, s, 4);
	r->verdict_at = (time_t)sqlite3_column_int64(s, 5);
}

int db_appeal_author(struct db *db, struct arena *a, long long id, struct appeal_author *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_AUTHOR);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_author, out, "appeal author");
}

/* The columns of STMT_APPEAL_FILES. */
static void read_file(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_file *f = row;
	f->id = sqlite3_column_int64(s, 0);
	f->name = db_text(a, s, 1);
	f->mime = db_text(a, s, 2);
	f->size = sqlite3_column_int64(s, 3);
	f->sha256 = db_text(a, s, 4);
}

int db_appeal_files(struct db *db, struct arena *a, long long id, struct appeal_file **out,
		    size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_FILES);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_file, out, count, "appeal files");
}

/* The columns of STMT_APPEAL_EVENTS. */
static void read_history_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_history_item *e = row;
	e->at = (time_t)sqlite3_column_int64(s, 0);
	e->login = db_text(a, s, 1);
	e->action = db_text(a, s, 2);
	e->note = db_text(a, s, 3);
}

int db_appeal_history(struct db *db, struct arena *a, long long id,
		      struct appeal_history_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_EVENTS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_history_item, out, count,
			    "appeal history");
}

/* The columns of STMT_APPEAL_FILE_GET. */
static void read_file_download(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_file_download *f = row;
	f->executor_id = sqlite3_column_int64(s, 0);
	f->name = db_text(a, s, 1);
	f->mime = db_text(a, s, 2);
	f->sha256 = db_text(a, s, 3);
}

int db_appeal_file_get(struct db *db, struct arena *a, long long id,
		       struct appeal_file_download *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_FILE_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_file_download, out, "appeal file");
}

int db_appeal_id_by_number(struct db *db, const char *number, long long *id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_ID_BY_NUMBER);
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	return db_read_int64_one(db, s, id, "appeal by number");
}

/* A meeting's start and state (STMT_APPEAL_MEETING). */
struct meeting_state {
	time_t starts_at;
	const char *status;
};

/* The columns of STMT_APPEAL_MEETING. */
static void read_meeting_state(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct meeting_state *m = row;
	m->starts_at = (time_t)sqlite3_column_int64(s, 0);
	m->status = db_text(a, s, 1);
}

int db_appeal_meeting(struct db *db, struct arena *a, long long meeting, time_t *starts_at,
		      const char **status)
{
	struct meeting_state m = {0, ""};
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_MEETING);
	sqlite3_bind_int64(s, 1, meeting);
	int rc = db_read_one(db, a, s, read_meeting_state, &m, "appeal meeting");
	*starts_at = m.starts_at;
	*status = m.status;
	return rc;
}

/* The columns of STMT_MEETING_OPTIONS_RECENT. */
static void read_meeting_option(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_meeting_option *m = row;
	m->id = sqlite3_column_int64(s, 0);
	m->title = db_text(a, s, 1);
	m->starts_at = (time_t)sqlite3_column_int64(s, 2);
}

int db_appeal_meeting_options(struct db *db, struct arena *a, time_t since, time_t until,
			      struct appeal_meeting_option **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_OPTIONS_RECENT);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)since);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)until);
	return db_read_rows(db, a, s, sizeof **out, read_meeting_option, out, count,
			    "recent meetings");
}

/* The column of STMT_APPEAL_MEDIA_ADDRESSES: one address. */
static void read_address(struct arena *a, sqlite3_stmt *s, void *row)
{
	*(const char **)row = db_text(a, s, 0);
}

int db_appeal_media_addresses(struct db *db, struct arena *a, long long appeal, const char ***out,
			      size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_MEDIA_ADDRESSES);
	sqlite3_bind_int64(s, 1, appeal);
	return db_read_rows(db, a, s, sizeof **out, read_address, out, count, "media addresses");
}

/* The columns of STMT_TERRITORY_APPEAL_TOPICS. */
static void read_territory_topic(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_appeal_topic *t = row;
	t->name = db_text(a, s, 0);
	t->appeals = sqlite3_column_int64(s, 1);
	t->open = sqlite3_column_int64(s, 2);
}

int db_territory_appeal_topics(struct db *db, struct arena *a, long long territory, time_t since,
			       struct territory_appeal_topic **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_APPEAL_TOPICS);
	sqlite3_bind_int64(s, 1, territory);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	return db_read_rows(db, a, s, sizeof **out, read_territory_topic, out, count,
			    "territory appeal topics");
}

/* The columns of STMT_TERRITORY_APPEAL_STATUS. */
static void read_territory_state(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_appeal_state *t = row;
	t->status = db_text(a, s, 0);
	t->appeals = sqlite3_column_int64(s, 1);
}

int db_territory_appeal_states(struct db *db, struct arena *a, long long territory, time_t since,
			       struct territory_appeal_state **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_APPEAL_STATUS);
	sqlite3_bind_int64(s, 1, territory);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	return db_read_rows(db, a, s, sizeof **out, read_territory_state, out, count,
			    "territory appeal states");
}

/* The columns of STMT_TERRITORY_APPEAL_OLDEST. */
static void read_territory_open(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_appeal_open *t = row;
	t->number = db_text(a, s, 0);
	t->registered_at = (time_t)sqlite3_column_int64(s, 1);
	t->topic = db_text(a, s, 2);
	t->answer_due = db_text(a, s, 3);
}

int db_territory_appeal_oldest(struct db *db, struct arena *a, long long territory, int limit,
			       struct territory_appeal_open **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_APPEAL_OLDEST);
	sqlite3_bind_int64(s, 1, territory);
	sqlite3_bind_int(s, 2, limit);
	return db_read_rows(db, a, s, sizeof **out, read_territory_open, out, count,
			    "territory oldest appeals");
}

/* The columns of STMT_REPORT_APPEALS_CUBE. */
static void read_cube_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_cube_row *r = row;
	r->year = sqlite3_column_int(s, 0);
	r->topic_code = text_or_null(a, s, 1);
	r->topic_name = text_or_null(a, s, 2);
	r->section_code = text_or_null(a, s, 3);
	r->section_name = text_or_null(a, s, 4);
	r->territory_id = text_or_null(a, s, 5);
	r->territory_name = text_or_null(a, s, 6);
	r->source = text_or_null(a, s, 7);
	r->outcome = text_or_null(a, s, 8);
	r->timeliness = text_or_null(a, s, 9);
	r->appeals = sqlite3_column_int64(s, 10);
}

int db_appeal_cube(struct db *db, struct arena *a, int year, long long offset, const char *today,
		   long long body, struct appeal_cube_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_APPEALS_CUBE);
	sqlite3_bind_int(s, 1, year - 1);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_int64(s, 3, offset);
	sqlite3_bind_text(s, 4, today, -1, SQLITE_TRANSIENT);
	bind_id_or_null(s, 5, body);
	return db_read_rows(db, a, s, sizeof **out, read_cube_row, out, count, "appeals report");
}

/* The columns of STMT_REPORT_APPEALS_RESIDENTS. */
static void read_resident_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct appeal_resident_row *r = row;
	r->year = sqlite3_column_int(s, 0);
	r->auth = db_text(a, s, 1);
	r->verdict = text_or_null(a, s, 2);
	r->appeals = sqlite3_column_int64(s, 3);
}

int db_appeal_residents(struct db *db, struct arena *a, int year, long long body,
			struct appeal_resident_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REPORT_APPEALS_RESIDENTS);
	sqlite3_bind_int(s, 1, year - 1);
	sqlite3_bind_int(s, 2, year);
	bind_id_or_null(s, 3, body);
	return db_read_rows(db, a, s, sizeof **out, read_resident_row, out, count,
			    "appeals report residents");
}

/* A counter statement stepped: its one row is the next value. 0 or -1 (no row is an error). */
static int counter_next(struct db *db, sqlite3_stmt *s, long long *next, const char *what)
{
	int rc = db_read_int64_one(db, s, next, what);
	if (rc > 0)
		db_log_error(db, what);
	return rc == 0 ? 0 : -1;
}

int db_appeal_seq_next(struct db *db, int year, long long *next)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_COUNTER_NEXT);
	sqlite3_bind_int(s, 1, year);
	return counter_next(db, s, next, "appeal seq");
}

int db_appeal_body_number_next(struct db *db, int year, long long body, long long *next)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_BODY_COUNTER_NEXT);
	sqlite3_bind_int(s, 1, year);
	sqlite3_bind_int64(s, 2, body);
	return counter_next(db, s, next, "appeal number");
}

int db_appeal_insert(struct db *db, const struct appeal_record *r, long long *id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_INSERT);
	sqlite3_bind_int(s, 1, r->year);
	sqlite3_bind_int64(s, 2, r->seq);
	sqlite3_bind_text(s, 3, r->number, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 4, r->code_hash, r->code_hash_len, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, r->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, r->addressee, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, r->addressee_unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, r->surname, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, r->patronymic, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, r->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, r->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, r->phone, -1, SQLITE_STATIC);
	bind_id_or_null(s, 14, r->territory_id);
	if (r->topic_code && r->topic_code[0])
		sqlite3_bind_text(s, 15, r->topic_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 16, r->text, -1, SQLITE_STATIC);
	if (r->consent_at)
		sqlite3_bind_int64(s, 17, (sqlite3_int64)r->consent_at);
	sqlite3_bind_int64(s, 18, (sqlite3_int64)r->received_at);
	sqlite3_bind_int64(s, 19, (sqlite3_int64)r->registered_at);
	bind_id_or_null(s, 20, r->registered_by);
	bind_id_or_null(s, 21, r->meeting_id);
	sqlite3_bind_text(s, 22, r->reception_by ? r->reception_by : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 23, r->oral);
	sqlite3_bind_text(s, 24, r->oral_answer ? r->oral_answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 25, r->oral_consent);
	sqlite3_bind_text(s, 26, r->answer_due, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 27, r->forward_due, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 28, r->municipality_id);
	return counter_next(db, s, id, "appeal insert");
}

int db_appeal_territory_body(struct db *db, long long territory, long long *body)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_MUNICIPALITY);
	sqlite3_bind_int64(s, 1, territory);
	return db_read_int64_one(db, s, body, "appeal territory");
}

int db_appeal_meeting_body(struct db *db, long long meeting, long long *body)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_MEETING_BODY);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_int64_one(db, s, body, "appeal meeting");
}

/* The columns of STMT_APPEAL_SEARCH_PENDING: two integers. */
static void read_pending(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	long long *v = row;
	v[0] = sqlite3_column_int64(s, 0);
	v[1] = sqlite3_column_int64(s, 1);
}

int db_appeal_search_pending(struct db *db, long long *indexed, long long *last)
{
	long long v[2] = {0, 0};
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_SEARCH_PENDING);
	int rc = db_read_one(db, NULL, s, read_pending, v, "appeal search state");
	if (rc > 0)
		db_log_error(db, "appeal search state");
	*indexed = v[0];
	*last = v[1];
	return rc == 0 ? 0 : -1;
}

/* Run the bound change s of a step of an appeal, which touches it only in a state that allows
 * the step: 0 when it changed the appeal, 1 when it did not, -1 on a database error (logged
 * under what). */
static int run_step(struct db *db, sqlite3_stmt *s, const char *what)
{
	if (db_run(s) != SQLITE_DONE) {
		db_log_error(db, what);
		return -1;
	}
	return sqlite3_changes(db->conn) > 0 ? 0 : 1;
}

int db_appeal_assign(struct db *db, long long id, const char *unit, long long executor)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_ASSIGN);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, executor);
	return run_step(db, s, "appeal assign");
}

int db_appeal_forward(struct db *db, long long id, const char *to, time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_FORWARD);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	return run_step(db, s, "appeal forward");
}

int db_appeal_extend(struct db *db, long long id, int days, const char *reason,
		     const char *answer_due)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_EXTEND);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, days);
	sqlite3_bind_text(s, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, answer_due, -1, SQLITE_STATIC);
	return run_step(db, s, "appeal extend");
}

int db_appeal_answer(struct db *db, long long id, const char *answer, time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_ANSWER);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, answer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	return run_step(db, s, "appeal answer");
}

int db_appeal_close(struct db *db, long long id, const char *outcome, time_t now,
		    long long repeated_of)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_CLOSE);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	bind_id_or_null(s, 4, repeated_of);
	return run_step(db, s, "appeal close");
}

int db_appeal_publish(struct db *db, long long id, const char *question, const char *answer,
		      time_t now)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_PUBLISH);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, question, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, answer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now);
	return run_step(db, s, "appeal publish");
}

void db_appeal_course_read(struct arena *a, sqlite3_stmt *s, int first, struct appeal_course *out)
{
	out->extended = sqlite3_column_type(s, first) != SQLITE_NULL;
	out->extended_days = (long)sqlite3_column_int64(s, first);
	out->extension_reason = db_text(a, s, first + 1);
	out->forwarded_to = db_text(a, s, first + 2);
	out->forwarded = sqlite3_column_type(s, first + 3) != SQLITE_NULL;
	out->forwarded_at = (time_t)sqlite3_column_int64(s, first + 3);
	out->answer = db_text(a, s, first + 4);
	out->answered = sqlite3_column_type(s, first + 5) != SQLITE_NULL;
	out->answered_at = (time_t)sqlite3_column_int64(s, first + 5);
}
