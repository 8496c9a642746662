/* db_reference.c — territories and meeting kinds (see db_reference.h). */
#include "db_reference.h"

#include <string.h>

int db_territory_tree(struct db *db, struct arena *a, struct territory_item **out, size_t *count)
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

int db_kind_list(struct db *db, struct arena *a, struct kind_item **out, size_t *count)
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
