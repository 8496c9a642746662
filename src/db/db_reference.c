/* db_reference.c — territories and meeting kinds (see db_reference.h). */
#include "db_reference.h"

#include <string.h>

long long db_reference_version(struct db *db)
{
	sqlite3_stmt *s = db_stmt(db, STMT_REFERENCE_VERSION);
	long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	db_done(s);
	if (v < 0)
		db_log_error(db, "reference version");
	return v;
}

static int read_territory_tree(struct db *db, struct arena *a, struct territory_item **out,
			       size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_TERRITORY_TREE);
	size_t cap = 16, n = 0;
	struct territory_item *rows = arena_alloc(a, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		rows[n].id = sqlite3_column_int64(s, 0);
		rows[n].name = arena_strdup(a, (const char *)sqlite3_column_text(s, 1));
		rows[n].depth = sqlite3_column_int(s, 2);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "territory tree");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

static int read_kind_list(struct db *db, struct arena *a, struct kind_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_KIND_LIST);
	size_t cap = 16, n = 0;
	struct kind_item *rows = arena_alloc(a, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		rows[n].code = arena_strdup(a, (const char *)sqlite3_column_text(s, 0));
		rows[n].name = arena_strdup(a, (const char *)sqlite3_column_text(s, 1));
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "kind list");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

/* This process's copy of both lists, with the connection and the reference version it was read
 * at: every public page shows the territory filter, and the tree is a recursive query with a
 * sort — a tenth of an uncached /meetings page (perf, make bench) for a list that changes a few
 * times a year. */
static struct {
	sqlite3 *conn;
	long long version;
	struct arena arena;
	bool arena_ready;
	struct territory_item *territories;
	size_t territory_count;
	struct kind_item *kinds;
	size_t kind_count;
} kept;

static int keep_current(struct db *db)
{
	long long v = db_reference_version(db);
	if (v < 0)
		return -1;
	if (kept.conn == db->conn && kept.version == v)
		return 0;
	if (kept.arena_ready)
		arena_reset(&kept.arena);
	else
		arena_init(&kept.arena, 8192);
	kept.arena_ready = true;
	kept.conn = NULL;
	if (read_territory_tree(db, &kept.arena, &kept.territories, &kept.territory_count) < 0 ||
	    read_kind_list(db, &kept.arena, &kept.kinds, &kept.kind_count) < 0)
		return -1;
	kept.conn = db->conn;
	kept.version = v;
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
