/* db_reference.c — the statements of reference data (territories, meeting kinds, topics of
 * appeals, venues, people, information and reference groups) and their readers (see
 * db_reference.h). Each DB_STATEMENT row declares the result columns its reader below reads;
 * db_prepare_all prepares this table with the others once per process and refuses to start
 * when a count differs. */
#include "db_reference.h"

#include <string.h>

#include "db_statements.h"

/* The statements of the reference data, with the result columns their readers read. */
const struct db_statement db_reference_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_KIND_WORDS, 4,
		     "SELECT code, name, gender, title_stems FROM meeting_kind "
		     "ORDER BY sort_order"),
	DB_STATEMENT(STMT_VENUE_LIST, 3,
		     "SELECT id, name, address FROM venue WHERE "
		     STAFF_SCOPE_SQL("(SELECT municipality_id FROM territory "
				     "WHERE id = venue.territory_id)", "1") " ORDER BY name"),
	DB_STATEMENT(STMT_VENUE_TERRITORY, 1,
		     "SELECT territory_id FROM venue WHERE id = ?1"),
	DB_STATEMENT(STMT_REFCONSENT_BY_TOKEN, 2,
		     "SELECT email, withdrawn_at FROM reference_consent "
		     "WHERE token = ?1"),
	DB_STATEMENT(STMT_REFCONSENT_WITHDRAW, 0,
		     "UPDATE reference_consent SET withdrawn_at = ?2, "
		     "withdrawn_how = ?3 WHERE token = ?1 AND withdrawn_at IS NULL"),
	DB_STATEMENT(STMT_TERRITORY_ADMIN_TREE, 7,
		     "WITH RECURSIVE tree(id, name, depth, path, level, parent_id) AS ("
		     " SELECT id, name, 0, name, level, parent_id FROM territory WHERE parent_id IS NULL"
		     " UNION ALL"
		     " SELECT t.id, t.name, tree.depth + 1, tree.path || char(1) || t.name, t.level,"
		     " t.parent_id FROM territory t JOIN tree ON t.parent_id = tree.id)"
		     " SELECT id, name, depth, level, parent_id,"
		     " (SELECT count(*) FROM venue v WHERE v.territory_id = tree.id),"
		     " (SELECT count(*) FROM meeting m WHERE m.territory_id = tree.id)"
		     " FROM tree ORDER BY path"),
	DB_STATEMENT(STMT_TERRITORY_GET, 4,
		     "SELECT t.name, t.level, t.parent_id, coalesce(p.name, '') "
		     "FROM territory t LEFT JOIN territory p ON p.id = t.parent_id "
		     "WHERE t.id = ?1"),
	DB_STATEMENT(STMT_TERRITORY_NAME_TAKEN, 1,
		     "SELECT 1 FROM territory WHERE parent_id IS ?1 AND name = ?2 "
		     "AND id IS NOT ?3"),
	DB_STATEMENT(STMT_TERRITORY_INSERT, 0,
		     "INSERT INTO territory (parent_id, level, name, municipality_id) "
		     "VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_TERRITORY_RENAME, 0,
		     "UPDATE territory SET name = ?2 WHERE id = ?1"),
	DB_STATEMENT(STMT_TERRITORY_JSON, 1,
		     "SELECT json_object('name', name, 'level', level, "
		     "'parent_id', parent_id) FROM territory WHERE id = ?1"),
	DB_STATEMENT(STMT_TOPIC_TREE, 6,
		     "WITH RECURSIVE tree(code, parent_code, level, name, active, path) AS ("
		     " SELECT code, parent_code, level, name, active, printf('%04d%s', sort, code)"
		     " FROM appeal_topic WHERE parent_code IS NULL"
		     " UNION ALL"
		     " SELECT c.code, c.parent_code, c.level, c.name, c.active,"
		     " tree.path || '/' || printf('%04d%s', c.sort, c.code)"
		     " FROM appeal_topic c JOIN tree ON c.parent_code = tree.code)"
		     " SELECT code, coalesce(parent_code, ''), level, name, active, level - 1 FROM tree"
		     " ORDER BY path"),
	DB_STATEMENT(STMT_TOPIC_GET, 6,
		     "SELECT t.rowid, coalesce(t.parent_code, ''), t.level, t.name, t.active, "
		     "coalesce(p.name, '') FROM appeal_topic t "
		     "LEFT JOIN appeal_topic p ON p.code = t.parent_code WHERE t.code = ?1"),
	DB_STATEMENT(STMT_TOPIC_INSERT, 0,
		     "INSERT INTO appeal_topic (code, parent_code, level, name) "
		     "VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_TOPIC_RENAME, 0,
		     "UPDATE appeal_topic SET name = ?2 WHERE rowid = ?1"),
	DB_STATEMENT(STMT_TOPIC_SET_ACTIVE, 0,
		     "UPDATE appeal_topic SET active = ?2 WHERE rowid = ?1"),
	DB_STATEMENT(STMT_TOPIC_JSON, 1,
		     "SELECT json_object('code', code, 'parent_code', parent_code, "
		     "'level', level, 'name', name, 'active', active) "
		     "FROM appeal_topic WHERE rowid = ?1"),
	DB_STATEMENT(STMT_APPEAL_TOPIC_OPTIONS, 3,
		     "SELECT code, name, level FROM appeal_topic WHERE active = 1 AND level IN (2, 3) "
		     "ORDER BY code"),
	DB_STATEMENT(STMT_APPEAL_TOPIC_ACTIVE, 1,
		     "SELECT 1 FROM appeal_topic WHERE code = ?1 AND active = 1 AND level IN (2, 3)"),
	DB_STATEMENT(STMT_VENUE_ADMIN_LIST, 6,
		     "SELECT v.id, v.name, v.address, v.kind, v.capacity, t.name "
		     "FROM venue v JOIN territory t ON t.id = v.territory_id "
		     "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
		     "ORDER BY v.name, v.id"),
	DB_STATEMENT(STMT_VENUE_GET, 5,
		     "SELECT name, address, kind, capacity, territory_id FROM venue WHERE id = ?1"),
	DB_STATEMENT(STMT_VENUE_INSERT, 0,
		     "INSERT INTO venue (territory_id, name, address, kind, capacity) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_VENUE_UPDATE, 0,
		     "UPDATE venue SET territory_id = ?2, name = ?3, address = ?4, "
		     "kind = ?5, capacity = ?6 WHERE id = ?1"),
	DB_STATEMENT(STMT_VENUE_JSON, 1,
		     "SELECT json_object('name', name, 'address', address, 'kind', kind, "
		     "'capacity', capacity, 'territory_id', territory_id) FROM venue WHERE id = ?1"),
	DB_STATEMENT(STMT_PERSON_LIST, 3,
		     "SELECT id, full_name, position FROM person ORDER BY full_name"),
	DB_STATEMENT(STMT_PERSON_ADMIN_LIST, 7,
		     "SELECT id, full_name, position, organisation, category, email, "
		     "phone FROM person WHERE (?1 IS NULL OR category = ?1) "
		     "ORDER BY full_name, id"),
	DB_STATEMENT(STMT_PERSON_GET, 6,
		     "SELECT full_name, position, organisation, category, email, phone "
		     "FROM person WHERE id = ?1"),
	DB_STATEMENT(STMT_PERSON_INSERT, 0,
		     "INSERT INTO person (full_name, position, organisation, category, "
		     "email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
	DB_STATEMENT(STMT_PERSON_UPDATE, 0,
		     "UPDATE person SET full_name = ?2, position = ?3, organisation = ?4, "
		     "category = ?5, email = ?6, phone = ?7 WHERE id = ?1"),
	DB_STATEMENT(STMT_PERSON_JSON, 1,
		     "SELECT json_object('full_name', full_name, 'position', position, "
		     "'organisation', organisation, 'category', category, 'email', email, "
		     "'phone', phone) FROM person WHERE id = ?1"),
	DB_STATEMENT(STMT_GROUP_LIST, 6,
		     "SELECT g.id, g.name, t.name, coalesce(l.full_name, ''), "
		     "coalesce(s.full_name, ''), "
		     "(SELECT count(*) FROM info_group_member m WHERE m.group_id = g.id) "
		     "FROM info_group g JOIN territory t ON t.id = g.territory_id "
		     "LEFT JOIN person l ON l.id = g.leader_id "
		     "LEFT JOIN person s ON s.id = g.secretary_id "
		     "WHERE " STAFF_SCOPE_SQL("t.municipality_id", "1") " "
		     "ORDER BY g.name, g.id"),
	DB_STATEMENT(STMT_GROUP_GET, 5,
		     "SELECT name, territory_id, leader_id, secretary_id, created_at "
		     "FROM info_group WHERE id = ?1"),
	DB_STATEMENT(STMT_GROUP_INSERT, 0,
		     "INSERT INTO info_group (name, territory_id, leader_id, secretary_id, "
		     "created_at) VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_GROUP_UPDATE, 0,
		     "UPDATE info_group SET name = ?2, territory_id = ?3, leader_id = ?4, "
		     "secretary_id = ?5 WHERE id = ?1"),
	DB_STATEMENT(STMT_GROUP_JSON, 1,
		     "SELECT json_object('name', name, 'territory_id', territory_id, "
		     "'leader_id', leader_id, 'secretary_id', secretary_id, "
		     "'members', (SELECT json_group_array(person_id) FROM "
		     "  (SELECT person_id FROM info_group_member WHERE group_id = ?1 "
		     "   ORDER BY person_id))) FROM info_group WHERE id = ?1"),
	DB_STATEMENT(STMT_GROUP_MEMBER_CLEAR, 0,
		     "DELETE FROM info_group_member WHERE group_id = ?1"),
	DB_STATEMENT(STMT_GROUP_MEMBER_ADD, 0,
		     "INSERT OR IGNORE INTO info_group_member (group_id, person_id) "
		     "VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_GROUP_MEMBERS, 3,
		     "SELECT p.id, p.full_name, p.position FROM info_group_member m "
		     "JOIN person p ON p.id = m.person_id WHERE m.group_id = ?1 "
		     "ORDER BY p.full_name, p.id"),
	DB_STATEMENT(STMT_REFGROUP_LIST, 5,
		     "SELECT g.id, g.name, g.description, "
		     "(SELECT count(*) FROM reference_group_member m WHERE m.group_id = g.id), "
		     "coalesce(mu.name, '') FROM reference_group g "
		     "LEFT JOIN municipality mu ON mu.id = g.municipality_id "
		     "WHERE " STAFF_SCOPE_SQL("g.municipality_id", "1") " "
		     "ORDER BY g.name, g.id"),
	/* A group's name carries its body's when the portal serves more than one; with ?1 the
	 * groups of the account's bodies and of its district (a district's groups serve its
	 * settlements' meetings too). */
	DB_STATEMENT(STMT_REFGROUP_OPTIONS, 3,
		     "SELECT g.id, g.name || CASE WHEN (SELECT count(*) FROM municipality) > 1 "
		     "THEN ' — ' || mu.name ELSE '' END, "
		     "(SELECT count(*) FROM reference_group_member m WHERE m.group_id = g.id) "
		     "FROM reference_group g JOIN municipality mu ON mu.id = g.municipality_id "
		     "WHERE " STAFF_SCOPE_SQL("g.municipality_id", "1") " "
		     "OR g.municipality_id = (SELECT district_id FROM municipality WHERE id = ?1) "
		     "ORDER BY g.name, mu.name, g.id"),
	DB_STATEMENT(STMT_REFGROUP_FOR_BODY, 3,
		     "SELECT g.id, g.name, (SELECT count(*) FROM reference_group_member m "
		     "WHERE m.group_id = g.id) FROM reference_group g "
		     "JOIN (SELECT coalesce(?1, (SELECT id FROM municipality WHERE own = 1)) AS id) b "
		     "WHERE g.municipality_id = b.id OR g.municipality_id = "
		     "(SELECT district_id FROM municipality WHERE id = b.id) ORDER BY g.name, g.id"),
	DB_STATEMENT(STMT_REFGROUP_USABLE, 1,
		     "SELECT 1 FROM reference_group g, (SELECT coalesce("
		     "(SELECT municipality_id FROM territory WHERE id = ?2), "
		     "(SELECT municipality_id FROM meeting WHERE id = ?3), nullif(?4, 0), "
		     "(SELECT id FROM municipality WHERE own = 1)) AS body) b "
		     "WHERE g.id = ?1 AND (g.municipality_id = b.body OR g.municipality_id = "
		     "(SELECT district_id FROM municipality WHERE id = b.body))"),
	DB_STATEMENT(STMT_REFGROUP_GET, 4,
		     "SELECT g.name, g.description, g.municipality_id, coalesce(mu.name, '') "
		     "FROM reference_group g LEFT JOIN municipality mu ON mu.id = g.municipality_id "
		     "WHERE g.id = ?1"),
	DB_STATEMENT(STMT_REFGROUP_INSERT, 0,
		     "INSERT INTO reference_group (name, description, municipality_id) "
		     "VALUES (?1, ?2, ?3)"),
	DB_STATEMENT(STMT_REFGROUP_UPDATE, 0,
		     "UPDATE reference_group SET name = ?2, description = ?3 WHERE id = ?1"),
	DB_STATEMENT(STMT_REFGROUP_JSON, 1,
		     "SELECT json_object('name', name, 'description', description, "
		     "'municipality_id', municipality_id, "
		     "'members', (SELECT json_group_array(json_object('name', name, "
		     "  'organisation', organisation, 'email', email, 'consent_at', given_at, "
		     "  'consent', given_how, 'withdrawn_at', withdrawn_at)) FROM "
		     "  (SELECT r.name, r.organisation, r.email, c.given_at, c.given_how, "
		     "   c.withdrawn_at FROM reference_group_member r "
		     "   LEFT JOIN reference_consent c ON c.email = lower(r.email) "
		     "   WHERE r.group_id = ?1 ORDER BY r.id))) "
		     "FROM reference_group WHERE id = ?1"),
	DB_STATEMENT(STMT_REFGROUP_MEMBERS, 7,
		     "SELECT r.name, r.organisation, r.email, c.given_at, "
		     "coalesce(c.given_how, ''), c.withdrawn_at, "
		     "coalesce(c.withdrawn_how, '') FROM reference_group_member r "
		     "LEFT JOIN reference_consent c ON c.email = lower(r.email) "
		     "WHERE r.group_id = ?1 ORDER BY r.id"),
	DB_STATEMENT(STMT_REFGROUP_MEMBER_CLEAR, 0,
		     "DELETE FROM reference_group_member WHERE group_id = ?1"),
	DB_STATEMENT(STMT_REFGROUP_MEMBER_ADD, 0,
		     "INSERT INTO reference_group_member (group_id, name, "
		     "organisation, email) VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_REFCONSENT_GET, 4,
		     "SELECT given_at, given_how, withdrawn_at, withdrawn_how "
		     "FROM reference_consent WHERE email = lower(?1)"),
	DB_STATEMENT(STMT_REFCONSENT_GIVE, 0,
		     "INSERT INTO reference_consent (email, given_at, given_how, recorded_by, token) "
		     "VALUES (lower(?1), ?2, ?3, ?4, ?5) ON CONFLICT (email) DO UPDATE SET "
		     "given_at = excluded.given_at, given_how = excluded.given_how, "
		     "recorded_by = excluded.recorded_by, withdrawn_at = NULL, withdrawn_how = '' "
		     "WHERE reference_consent.given_how <> excluded.given_how"),
	DB_STATEMENT(STMT_REFERENCE_VERSION, 1,
		     "SELECT version FROM reference_version WHERE id = 1"),
	DB_STATEMENT(STMT_TERRITORY_TREE, 3,
		     "WITH RECURSIVE tree(id, name, depth, path) AS ("
		     " SELECT id, name, 0, name FROM territory WHERE parent_id IS NULL"
		     " UNION ALL"
		     " SELECT t.id, t.name, tree.depth + 1, tree.path || char(1) || t.name"
		     " FROM territory t JOIN tree ON t.parent_id = tree.id)"
		     " SELECT id, name, depth FROM tree ORDER BY path"),
	DB_STATEMENT(STMT_KIND_LIST, 2,
		     "SELECT code, name FROM meeting_kind ORDER BY sort_order"),

};

/* The column of STMT_REFERENCE_VERSION. */
static void read_version(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

long long db_reference_version(struct db *db)
{
	long long v = -1;
	if (db_read_one(db, NULL, db_stmt(db, STMT_REFERENCE_VERSION), read_version, &v,
			"reference version") != 0)
		return -1;
	return v;
}

/* The columns of STMT_TERRITORY_TREE. */
static void read_territory_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->name = db_text(a, s, 1);
	r->depth = sqlite3_column_int(s, 2);
}

static int read_territory_tree(struct db *db, struct arena *a, struct territory_item **out,
			       size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_TERRITORY_TREE), sizeof **out,
			    read_territory_item, out, count, "territory tree");
}

/* The columns of STMT_KIND_LIST. */
static void read_kind_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct kind_item *r = row;
	r->code = db_text(a, s, 0);
	r->name = db_text(a, s, 1);
}

static int read_kind_list(struct db *db, struct arena *a, struct kind_item **out, size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_KIND_LIST), sizeof **out, read_kind_item, out,
			    count, "kind list");
}

int reference_copy_stale(struct db *db, struct reference_copy *copy, size_t arena_size)
{
	long long v = db_reference_version(db);
	if (v < 0)
		return -1;
	if (copy->conn == db->conn && copy->version == v)
		return 0;
	if (copy->arena_ready)
		arena_reset(&copy->arena);
	else
		arena_init(&copy->arena, arena_size);
	copy->arena_ready = true;
	copy->conn = NULL;
	copy->version = v;
	return 1;
}

void reference_copy_filled(struct db *db, struct reference_copy *copy)
{
	copy->conn = db->conn;
}

/* This process's copy of both lists: every public page shows the territory filter, and the tree
 * is a recursive query with a sort — a tenth of an uncached /meetings page (perf, make bench)
 * for a list that changes a few times a year. */
static struct {
	struct reference_copy copy;
	struct territory_item *territories;
	size_t territory_count;
	struct kind_item *kinds;
	size_t kind_count;
} kept;

static int keep_current(struct db *db)
{
	int stale = reference_copy_stale(db, &kept.copy, 8192);
	if (stale <= 0)
		return stale;
	if (read_territory_tree(db, &kept.copy.arena, &kept.territories, &kept.territory_count) < 0 ||
	    read_kind_list(db, &kept.copy.arena, &kept.kinds, &kept.kind_count) < 0)
		return -1;
	reference_copy_filled(db, &kept.copy);
	return 0;
}

int db_territory_tree(struct db *db, struct arena *a, struct territory_item **out, size_t *count)
{
	if (keep_current(db) < 0)
		return -1;
	/* Copies, names too: the kept list may be read again later in the same request (after a
	 * staff change), and what the caller holds must not change under it. */
	struct territory_item *rows = arena_alloc(a, (kept.territory_count + 1) * sizeof *rows);
	for (size_t i = 0; i < kept.territory_count; i++) {
		rows[i] = kept.territories[i];
		rows[i].name = arena_strdup(a, kept.territories[i].name);
	}
	*out = rows;
	*count = kept.territory_count;
	return 0;
}

int db_kind_list(struct db *db, struct arena *a, struct kind_item **out, size_t *count)
{
	if (keep_current(db) < 0)
		return -1;
	struct kind_item *rows = arena_alloc(a, (kept.kind_count + 1) * sizeof *rows);
	for (size_t i = 0; i < kept.kind_count; i++) {
		rows[i].code = arena_strdup(a, kept.kinds[i].code);
		rows[i].name = arena_strdup(a, kept.kinds[i].name);
	}
	*out = rows;
	*count = kept.kind_count;
	return 0;
}

bool db_kind_known(const struct kind_item *kinds, size_t count, const char *code)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(kinds[i].code, code) == 0)
			return true;
	return false;
}

bool db_territory_known(const struct territory_item *territories, size_t count, long long id)
{
	for (size_t i = 0; i < count; i++)
		if (territories[i].id == id)
			return true;
	return false;
}

/* The columns id, name, extra of a choice list. */
static void read_choice(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct staff_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->name = db_text(a, s, 1);
	r->extra = db_text(a, s, 2);
}

int db_choice_items(struct db *db, struct arena *a, enum stmt which, long long param,
		    struct staff_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, which);
	if (param > 0)
		sqlite3_bind_int64(s, 1, param);
	return db_read_rows(db, a, s, sizeof **out, read_choice, out, count, "choice list");
}

/* The one text column of a JSON statement. */
static void read_json(struct arena *a, sqlite3_stmt *s, void *row)
{
	*(const char **)row = db_text(a, s, 0);
}

int db_json_text(struct db *db, struct arena *a, enum stmt which, long long id, const char **out)
{
	sqlite3_stmt *s = db_stmt(db, which);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_json, out, "entity as JSON");
}

/* The columns of STMT_TERRITORY_ADMIN_TREE. */
static void read_territory_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->name = db_text(a, s, 1);
	r->depth = sqlite3_column_int(s, 2);
	r->level = db_text(a, s, 3);
	r->parent_id = sqlite3_column_int64(s, 4);
	r->venues = sqlite3_column_int64(s, 5);
	r->meetings = sqlite3_column_int64(s, 6);
}

int db_territory_admin_tree(struct db *db, struct arena *a, struct territory_row **out,
			    size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_TERRITORY_ADMIN_TREE), sizeof **out,
			    read_territory_row, out, count, "territory tree");
}

/* The columns of STMT_TERRITORY_GET. */
static void read_territory_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct territory_detail *t = row;
	t->name = db_text(a, s, 0);
	t->level = db_text(a, s, 1);
	t->parent_id = sqlite3_column_int64(s, 2);
	t->parent_name = db_text(a, s, 3);
}

int db_territory_get(struct db *db, struct arena *a, long long id, struct territory_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_territory_detail, out, "territory");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* 1 for a row, 0 for none, -1 for an error: what db_read_one said of an existence check. */
static int exists(int read_one)
{
	return read_one < 0 ? -1 : read_one == 0;
}

int db_territory_exists(struct db *db, long long id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_GET);
	sqlite3_bind_int64(s, 1, id);
	return exists(db_read_one(db, NULL, s, NULL, NULL, "territory"));
}

int db_territory_name_taken(struct db *db, long long parent, const char *name,
			    long long except_id)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_NAME_TAKEN);
	if (parent)
		sqlite3_bind_int64(s, 1, parent);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (except_id)
		sqlite3_bind_int64(s, 3, except_id);
	return exists(db_read_one(db, NULL, s, NULL, NULL, "territory name"));
}

/* The columns of STMT_TOPIC_TREE. */
static void read_topic_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct topic_row *r = row;
	r->code = db_text(a, s, 0);
	r->parent_code = db_text(a, s, 1);
	r->level = sqlite3_column_int(s, 2);
	r->name = db_text(a, s, 3);
	r->active = sqlite3_column_int(s, 4) != 0;
	r->depth = sqlite3_column_int(s, 5);
}

int db_topic_tree(struct db *db, struct arena *a, struct topic_row **out, size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_TOPIC_TREE), sizeof **out, read_topic_row, out,
			    count, "topic tree");
}

/* The columns of STMT_TOPIC_GET. */
static void read_topic_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct topic_detail *t = row;
	t->rowid = sqlite3_column_int64(s, 0);
	t->parent_code = db_text(a, s, 1);
	t->level = sqlite3_column_int(s, 2);
	t->name = db_text(a, s, 3);
	t->active = sqlite3_column_int(s, 4) != 0;
	t->parent_name = db_text(a, s, 5);
}

int db_topic_get(struct db *db, struct arena *a, const char *code, struct topic_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_TOPIC_GET);
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	int rc = db_read_one(db, a, s, read_topic_detail, out, "topic");
	if (rc == 0)
		out->code = arena_strdup(a, code);
	return rc;
}

/* The columns of STMT_APPEAL_TOPIC_OPTIONS. */
static void read_topic_option(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct topic_option *r = row;
	r->code = db_text(a, s, 0);
	r->name = db_text(a, s, 1);
	r->level = sqlite3_column_int(s, 2);
}

int db_topic_options(struct db *db, struct arena *a, struct topic_option **out, size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_APPEAL_TOPIC_OPTIONS), sizeof **out,
			    read_topic_option, out, count, "topic choices");
}

int db_topic_active(struct db *db, const char *code)
{
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_TOPIC_ACTIVE);
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	return exists(db_read_one(db, NULL, s, NULL, NULL, "active topic"));
}

/* Columns first… of a venue: name, address, kind, capacity (NULL: unknown). */
static void read_venue_fields(struct arena *a, sqlite3_stmt *s, int first, struct venue_detail *v)
{
	v->name = db_text(a, s, first);
	v->address = db_text(a, s, first + 1);
	v->kind = db_text(a, s, first + 2);
	v->capacity = sqlite3_column_int64(s, first + 3); /* 0 for NULL */
}

/* The columns of STMT_VENUE_ADMIN_LIST: id, the venue, its territory's name. */
static void read_venue_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct venue_detail *v = row;
	v->id = sqlite3_column_int64(s, 0);
	read_venue_fields(a, s, 1, v);
	v->territory = db_text(a, s, 5);
}

int db_venue_admin_list(struct db *db, struct arena *a, long long scope,
			struct venue_detail **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_VENUE_ADMIN_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_venue_row, out, count, "venue list");
}

/* The columns of STMT_VENUE_GET: the venue, its territory id. */
static void read_venue_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct venue_detail *v = row;
	read_venue_fields(a, s, 0, v);
	v->territory_id = sqlite3_column_int64(s, 4);
	v->territory = "";
}

int db_venue_get(struct db *db, struct arena *a, long long id, struct venue_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_VENUE_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_venue_detail, out, "venue");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* Columns first… of a person: full name, position, organisation, category, email, phone. */
static void read_person_fields(struct arena *a, sqlite3_stmt *s, int first,
			       struct person_detail *p)
{
	p->full_name = db_text(a, s, first);
	p->position = db_text(a, s, first + 1);
	p->organisation = db_text(a, s, first + 2);
	p->category = db_text(a, s, first + 3);
	p->email = db_text(a, s, first + 4);
	p->phone = db_text(a, s, first + 5);
}

/* The columns of STMT_PERSON_ADMIN_LIST: id, then the person. */
static void read_person_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct person_detail *p = row;
	p->id = sqlite3_column_int64(s, 0);
	read_person_fields(a, s, 1, p);
}

int db_person_admin_list(struct db *db, struct arena *a, const char *category,
			 struct person_detail **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_PERSON_ADMIN_LIST);
	if (category)
		sqlite3_bind_text(s, 1, category, -1, SQLITE_STATIC);
	return db_read_rows(db, a, s, sizeof **out, read_person_row, out, count, "people");
}

/* The columns of STMT_PERSON_GET: the person. */
static void read_person_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	read_person_fields(a, s, 0, row);
}

int db_person_get(struct db *db, struct arena *a, long long id, struct person_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_PERSON_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_person_detail, out, "person");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* The columns of STMT_GROUP_LIST. */
static void read_group_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct group_row *g = row;
	g->id = sqlite3_column_int64(s, 0);
	g->name = db_text(a, s, 1);
	g->territory = db_text(a, s, 2);
	g->leader = db_text(a, s, 3);
	g->secretary = db_text(a, s, 4);
	g->members = sqlite3_column_int64(s, 5);
}

int db_group_list(struct db *db, struct arena *a, long long scope, struct group_row **out,
		  size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_GROUP_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_group_row, out, count, "group list");
}

/* The columns of STMT_GROUP_GET. */
static void read_group_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct group_detail *g = row;
	g->name = db_text(a, s, 0);
	g->territory_id = sqlite3_column_int64(s, 1);
	g->leader_id = sqlite3_column_int64(s, 2);
	g->secretary_id = sqlite3_column_int64(s, 3);
	g->created_at = (time_t)sqlite3_column_int64(s, 4);
}

int db_group_get(struct db *db, struct arena *a, long long id, struct group_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_GROUP_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_group_detail, out, "group");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* The columns of STMT_REFGROUP_LIST. */
static void read_refgroup_row(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct refgroup_row *g = row;
	g->id = sqlite3_column_int64(s, 0);
	g->name = db_text(a, s, 1);
	g->summary = db_text(a, s, 2);
	g->members = sqlite3_column_int64(s, 3);
	g->municipality = db_text(a, s, 4);
}

int db_refgroup_list(struct db *db, struct arena *a, long long scope, struct refgroup_row **out,
		     size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REFGROUP_LIST);
	if (scope > 0)
		sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_refgroup_row, out, count,
			    "reference groups");
}

int db_refgroup_usable(struct db *db, long long group, long long territory, long long meeting,
		       long long body)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REFGROUP_USABLE);
	sqlite3_bind_int64(s, 1, group);
	if (territory > 0)
		sqlite3_bind_int64(s, 2, territory);
	if (meeting > 0)
		sqlite3_bind_int64(s, 3, meeting);
	sqlite3_bind_int64(s, 4, body);
	return exists(db_read_one(db, NULL, s, NULL, NULL, "reference group of a body"));
}

/* The columns of STMT_REFGROUP_GET. */
static void read_refgroup_detail(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct refgroup_detail *g = row;
	g->name = db_text(a, s, 0);
	g->summary = db_text(a, s, 1);
	g->municipality_id = sqlite3_column_int64(s, 2);
	g->municipality = db_text(a, s, 3);
}

int db_refgroup_get(struct db *db, struct arena *a, long long id, struct refgroup_detail *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_REFGROUP_GET);
	sqlite3_bind_int64(s, 1, id);
	int rc = db_read_one(db, a, s, read_refgroup_detail, out, "reference group");
	out->id = rc == 0 ? id : 0;
	return rc;
}

/* The columns of STMT_REFGROUP_MEMBERS. */
static void read_refgroup_member(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct refgroup_member *m = row;
	m->name = db_text(a, s, 0);
	m->organisation = db_text(a, s, 1);
	m->email = db_text(a, s, 2);
	m->consent_at = (time_t)sqlite3_column_int64(s, 3);
	m->consent_how = db_text(a, s, 4);
	m->withdrawn_at = (time_t)sqlite3_column_int64(s, 5);
	m->withdrawn_how = db_text(a, s, 6);
}

int db_refgroup_members(struct db *db, struct arena *a, long long group,
			struct refgroup_member **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REFGROUP_MEMBERS);
	sqlite3_bind_int64(s, 1, group);
	return db_read_rows(db, a, s, sizeof **out, read_refgroup_member, out, count,
			    "reference group members");
}

int db_refconsent_known(struct db *db, const char *email)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REFCONSENT_GET);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_STATIC);
	return exists(db_read_one(db, NULL, s, NULL, NULL, "reference consent"));
}

/* The columns of STMT_KIND_WORDS. */
static void read_kind_words(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct kind_words *k = row;
	k->code = db_text(a, s, 0);
	k->name = db_text(a, s, 1);
	k->gender = db_text(a, s, 2)[0];
	k->stems = db_text(a, s, 3);
}

int kind_words_load(struct db *db, struct arena *a, struct kind_words **out, size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_KIND_WORDS), sizeof **out, read_kind_words, out,
			    count, "kind words");
}

/* The withdrawal of STMT_REFCONSENT_BY_TOKEN's row: row is a bool. */
static void read_withdrawn(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(bool *)row = sqlite3_column_type(s, 1) != SQLITE_NULL;
}

int db_refconsent_by_token(struct db *db, const char *token, bool *withdrawn)
{
	*withdrawn = false;
	sqlite3_stmt *s = db_stmt(db, STMT_REFCONSENT_BY_TOKEN);
	sqlite3_bind_text(s, 1, token, -1, SQLITE_STATIC);
	return db_read_one(db, NULL, s, read_withdrawn, withdrawn, "consent by token");
}
