/* db_reference.c — territories and meeting kinds (see db_reference.h). */
#include "db_reference.h"

#include <string.h>

#include "db_statements.h"

/* The statements of the reference pages, with the result columns their readers read (empty
 * while they are still in db_statements.c). */
const struct db_statement db_reference_statements[STMT__MAX] = {
	[0] = {0},
};

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
