/* db_discussion.c — the statements of public discussions of draft acts and their readers (see
 * db_discussion.h). Each DB_STATEMENT row declares the result columns its reader below reads;
 * db_prepare_all prepares this table with the others once per process and refuses to start
 * when a count differs. */
#include "db_discussion.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_discussion_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_DISCUSSION_INSERT, 0,
		     "INSERT INTO discussion (title, unit, body, form, meeting_id, territory_id, opens_on, "
		     "closes_on, created_at, created_by, municipality_id) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
	DB_STATEMENT(STMT_DISCUSSION_LIST, 9,
		     "SELECT d.id, d.title, d.unit, d.opens_on, d.closes_on, t.name, "
		     "d.concluded_at IS NOT NULL, "
		     "(SELECT count(*) FROM discussion_proposal p WHERE p.discussion_id = d.id "
		     "AND p.status = 'published'), "
		     "(SELECT count(*) FROM discussion_proposal p WHERE p.discussion_id = d.id "
		     "AND p.status = 'pending') "
		     "FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		     "WHERE " STAFF_SCOPE_SQL("coalesce(d.municipality_id, t.municipality_id, (SELECT "
		     "municipality_id FROM meeting WHERE id = d.meeting_id), "
		     "(SELECT id FROM municipality WHERE own = 1))", "1") " "
		     "ORDER BY d.closes_on DESC, d.id DESC LIMIT 200"),
	DB_STATEMENT(STMT_DISCUSSION_GET, 12,
		     "SELECT d.title, d.unit, d.body, d.form, d.meeting_id, t.name, d.opens_on, d.closes_on, "
		     "d.conclusion, d.concluded_at, m.title, m.starts_at "
		     "FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
		     "LEFT JOIN meeting m ON m.id = d.meeting_id WHERE d.id = ?1"),
	DB_STATEMENT(STMT_DISCUSSION_JSON, 1,
		     "SELECT json_object('title', title, 'unit', unit, 'form', form, 'meeting_id', "
		     "meeting_id, 'territory_id', territory_id, 'opens_on', opens_on, 'closes_on', "
		     "closes_on, 'body_length', length(body), 'conclusion', conclusion, 'concluded_at', "
		     "concluded_at) FROM discussion WHERE id = ?1"),
	DB_STATEMENT(STMT_DISCUSSION_CONCLUDE, 0,
		     "UPDATE discussion SET conclusion = ?2, concluded_at = ?3, concluded_by = ?4 "
		     "WHERE id = ?1 AND concluded_at IS NULL"),
	DB_STATEMENT(STMT_DISCUSSION_OPEN_ITEMS, 2,
		     "SELECT coalesce(sum(status = 'pending'), 0), "
		     "coalesce(sum(status = 'published' AND outcome IS NULL), 0) "
		     "FROM discussion_proposal WHERE discussion_id = ?1"),
	DB_STATEMENT(STMT_HEARING_OPTIONS, 3,
		     "SELECT id, title, starts_at FROM meeting "
		     "WHERE kind = 'public_hearing' AND status <> 'cancelled' ORDER BY starts_at DESC "
		     "LIMIT 200"),
	DB_STATEMENT(STMT_PROPOSAL_INSERT, 0,
		     "INSERT INTO discussion_proposal (discussion_id, resident_id, point, text, author_name, "
		     "show_as, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	DB_STATEMENT(STMT_PROPOSAL_RECENT, 1,
		     "SELECT count(*) FROM discussion_proposal WHERE resident_id = ?1 AND created_at >= ?2"),
	DB_STATEMENT(STMT_PROPOSAL_LIST, 10,
		     "SELECT id, point, text, author_name, show_as, status, refusal_reason, outcome, "
		     "outcome_reason, created_at FROM discussion_proposal WHERE discussion_id = ?1 "
		     "ORDER BY id"),
	DB_STATEMENT(STMT_PROPOSAL_GET, 6,
		     "SELECT p.discussion_id, p.status, p.email, p.text, p.outcome, coalesce(l.token, '') "
		     "FROM discussion_proposal p LEFT JOIN participant_link l ON l.id = p.link_id "
		     "WHERE p.id = ?1"),
	DB_STATEMENT(STMT_PROPOSAL_MODERATE, 0,
		     "UPDATE discussion_proposal SET status = ?2, refusal_reason = ?3, moderated_at = ?4, "
		     "moderated_by = ?5 WHERE id = ?1 AND status = 'pending'"),
	DB_STATEMENT(STMT_PROPOSAL_OUTCOME, 0,
		     "UPDATE discussion_proposal SET outcome = ?2, outcome_reason = ?3 WHERE id = ?1 "
		     "AND status = 'published' AND (SELECT concluded_at FROM discussion d "
		     "WHERE d.id = discussion_id) IS NULL"),
	DB_STATEMENT(STMT_PROPOSAL_JSON, 1,
		     "SELECT json_object('discussion_id', discussion_id, 'point', point, 'text', text, "
		     "'status', status, 'refusal_reason', refusal_reason, 'outcome', outcome, "
		     "'outcome_reason', outcome_reason) FROM discussion_proposal WHERE id = ?1"),
	DB_STATEMENT(STMT_PROPOSAL_AUTHORS, 5,
		     "SELECT id, email, outcome, outcome_reason, text FROM discussion_proposal "
		     "WHERE discussion_id = ?1 AND status = 'published' AND email <> '' ORDER BY id"),
	DB_STATEMENT(STMT_DISCUSSION_GROUP_ADD, 0,
		     "INSERT OR IGNORE INTO discussion_reference_group (discussion_id, group_id) "
		     "VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_DISCUSSION_GROUPS, 2,
		     "SELECT g.id, g.name FROM discussion_reference_group dg "
		     "JOIN reference_group g ON g.id = dg.group_id WHERE dg.discussion_id = ?1 "
		     "ORDER BY g.name"),
	DB_STATEMENT(STMT_DISCUSSION_FILE_ADD, 0,
		     "INSERT INTO discussion_file (discussion_id, file_name, mime, size, sha256) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_DISCUSSION_FILES, 4,
		     "SELECT id, file_name, mime, size FROM discussion_file "
		     "WHERE discussion_id = ?1 ORDER BY id"),
	DB_STATEMENT(STMT_DISCUSSION_FILE_GET, 3,
		     "SELECT file_name, mime, sha256 FROM discussion_file "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MEETING_DISCUSSIONS, 3,
		     "SELECT id, title, concluded_at IS NOT NULL FROM discussion WHERE meeting_id = ?1 "
		     "ORDER BY id"),
	DB_STATEMENT(STMT_PROPOSAL_LINK_INSERT, 0,
		     "INSERT INTO discussion_proposal (discussion_id, link_id, point, text, author_name, "
		     "show_as, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	DB_STATEMENT(STMT_PROPOSAL_LINK_RECENT, 1,
		     "SELECT count(*) FROM discussion_proposal WHERE link_id = ?1 AND created_at >= ?2"),
	DB_STATEMENT(STMT_LINK_BY_TOKEN, 6,
		     "SELECT id, kind, target_id, name, email, organisation FROM participant_link "
		     "WHERE token = ?1"),

};

/* The columns of STMT_DISCUSSION_LIST. */
static void read_discussion_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct discussion_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->title = db_text(a, s, 1);
	r->unit = db_text(a, s, 2);
	r->opens_on = db_text(a, s, 3);
	r->closes_on = db_text(a, s, 4);
	r->territory = db_text(a, s, 5);
	r->concluded = sqlite3_column_int(s, 6) != 0;
	r->published = sqlite3_column_int64(s, 7);
	r->pending = sqlite3_column_int64(s, 8);
}

int db_discussion_list(struct db *db, struct arena *a, long long scope,
		       struct discussion_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_discussion_row, out, count,
			    "discussion list");
}

/* The columns of STMT_DISCUSSION_GET. */
static void read_discussion(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct discussion_record *d = row;
	d->title = db_text(a, s, 0);
	d->unit = db_text(a, s, 1);
	d->body = db_text(a, s, 2);
	d->form = db_text(a, s, 3);
	d->meeting_id = sqlite3_column_int64(s, 4);
	d->territory = db_text(a, s, 5);
	d->opens_on = db_text(a, s, 6);
	d->closes_on = db_text(a, s, 7);
	d->conclusion = db_text(a, s, 8);
	d->concluded = sqlite3_column_type(s, 9) != SQLITE_NULL;
	d->concluded_at = (time_t)sqlite3_column_int64(s, 9);
	d->meeting_title = db_text(a, s, 10);
	d->meeting_starts_at = (time_t)sqlite3_column_int64(s, 11);
}

int db_discussion_get(struct db *db, struct arena *a, long long id,
		      struct discussion_record *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_discussion, out, "discussion");
}

/* The two counts of STMT_DISCUSSION_OPEN_ITEMS. */
static void read_open_items(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	long long *counts = row;
	counts[0] = sqlite3_column_int64(s, 0);
	counts[1] = sqlite3_column_int64(s, 1);
}

int db_discussion_open_items(struct db *db, long long id, long long *pending,
			     long long *undecided)
{
	long long counts[2] = {0, 0};
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_OPEN_ITEMS);
	sqlite3_bind_int64(s, 1, id);
	if (db_read_one(db, NULL, s, read_open_items, counts, "open proposals") < 0)
		return -1;
	*pending = counts[0];
	*undecided = counts[1];
	return 0;
}

/* The columns of STMT_HEARING_OPTIONS. */
static void read_hearing(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct hearing_option *h = row;
	h->id = sqlite3_column_int64(s, 0);
	h->title = db_text(a, s, 1);
	h->starts_at = (time_t)sqlite3_column_int64(s, 2);
}

int db_hearing_options(struct db *db, struct arena *a, struct hearing_option **out,
		       size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_HEARING_OPTIONS), sizeof **out, read_hearing,
			    out, count, "public hearings");
}

/* The one count of STMT_PROPOSAL_RECENT and STMT_PROPOSAL_LINK_RECENT. */
static void read_count(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

int db_proposal_recent(struct db *db, bool through_link, long long who, time_t since,
		       long long *count)
{
	sqlite3_stmt *s = db_stmt(db, through_link ? STMT_PROPOSAL_LINK_RECENT : STMT_PROPOSAL_RECENT);
	sqlite3_bind_int64(s, 1, who);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	*count = 0;
	return db_read_one(db, NULL, s, read_count, count, "recent proposals") < 0 ? -1 : 0;
}

/* The columns of STMT_PROPOSAL_LIST. */
static void read_proposal_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct proposal_row *p = row;
	p->id = sqlite3_column_int64(s, 0);
	p->point = db_text(a, s, 1);
	p->text = db_text(a, s, 2);
	p->author = db_text(a, s, 3);
	p->show_as = db_text(a, s, 4);
	p->status = db_text(a, s, 5);
	p->refusal_reason = db_text(a, s, 6);
	p->outcome = db_text(a, s, 7);
	p->outcome_reason = db_text(a, s, 8);
	p->created_at = (time_t)sqlite3_column_int64(s, 9);
}

int db_proposal_list(struct db *db, struct arena *a, long long discussion,
		     struct proposal_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_LIST);
	sqlite3_bind_int64(s, 1, discussion);
	return db_read_rows(db, a, s, sizeof **out, read_proposal_row, out, count, "proposals");
}

/* The columns of STMT_PROPOSAL_GET. */
static void read_proposal_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct proposal_detail *p = row;
	p->discussion_id = sqlite3_column_int64(s, 0);
	p->status = db_text(a, s, 1);
	p->email = db_text(a, s, 2);
	p->text = db_text(a, s, 3);
	p->outcome = db_text(a, s, 4);
	p->link_token = db_text(a, s, 5);
}

int db_proposal_get(struct db *db, struct arena *a, long long id, struct proposal_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_proposal_detail, out, "proposal");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* The columns of STMT_PROPOSAL_AUTHORS. */
static void read_author(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct proposal_author *p = row;
	p->id = sqlite3_column_int64(s, 0);
	p->email = db_text(a, s, 1);
	p->outcome = db_text(a, s, 2);
	p->outcome_reason = db_text(a, s, 3);
	p->text = db_text(a, s, 4);
}

int db_proposal_authors(struct db *db, struct arena *a, long long discussion,
			struct proposal_author **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PROPOSAL_AUTHORS);
	sqlite3_bind_int64(s, 1, discussion);
	return db_read_rows(db, a, s, sizeof **out, read_author, out, count, "proposal authors");
}

/* The columns of STMT_DISCUSSION_GROUPS. */
static void read_group(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct discussion_group *g = row;
	g->id = sqlite3_column_int64(s, 0);
	g->name = db_text(a, s, 1);
}

int db_discussion_groups(struct db *db, struct arena *a, long long discussion,
			 struct discussion_group **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_GROUPS);
	sqlite3_bind_int64(s, 1, discussion);
	return db_read_rows(db, a, s, sizeof **out, read_group, out, count,
			    "discussion groups");
}

/* The columns of STMT_DISCUSSION_FILES. */
static void read_file(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct discussion_file *f = row;
	f->id = sqlite3_column_int64(s, 0);
	f->name = db_text(a, s, 1);
	f->mime = db_text(a, s, 2);
	f->size = sqlite3_column_int64(s, 3);
}

int db_discussion_files(struct db *db, struct arena *a, long long discussion,
			struct discussion_file **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_FILES);
	sqlite3_bind_int64(s, 1, discussion);
	return db_read_rows(db, a, s, sizeof **out, read_file, out, count, "discussion files");
}

/* The columns of STMT_DISCUSSION_FILE_GET. */
static void read_blob(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct discussion_file_blob *f = row;
	f->name = db_text(a, s, 0);
	f->mime = db_text(a, s, 1);
	f->sha256 = db_text(a, s, 2);
}

int db_discussion_file_get(struct db *db, struct arena *a, long long id,
			   struct discussion_file_blob *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_DISCUSSION_FILE_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_blob, out, "discussion file");
}

/* The columns of STMT_MEETING_DISCUSSIONS. */
static void read_meeting_discussion(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct meeting_discussion *d = row;
	d->id = sqlite3_column_int64(s, 0);
	d->title = db_text(a, s, 1);
	d->concluded = sqlite3_column_int(s, 2) != 0;
}

int db_meeting_discussions(struct db *db, struct arena *a, long long meeting,
			   struct meeting_discussion **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MEETING_DISCUSSIONS);
	sqlite3_bind_int64(s, 1, meeting);
	return db_read_rows(db, a, s, sizeof **out, read_meeting_discussion, out, count,
			    "discussions of a hearing");
}

/* The columns of STMT_LINK_BY_TOKEN. */
static void read_link(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct participant_link *l = row;
	l->id = sqlite3_column_int64(s, 0);
	l->kind = db_text(a, s, 1);
	l->target = sqlite3_column_int64(s, 2);
	l->name = db_text(a, s, 3);
	l->email = db_text(a, s, 4);
	l->organisation = db_text(a, s, 5);
}

int db_link_by_token(struct db *db, struct arena *a, const char *token,
		     struct participant_link *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_LINK_BY_TOKEN);
	sqlite3_bind_text(s, 1, token, -1, SQLITE_STATIC);
	return db_read_one(db, a, s, read_link, out, "participant link");
}
