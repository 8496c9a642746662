/* db_reference.h — reference lists shown in forms and filters: territories and meeting kinds. */
#ifndef PORTAL_DB_REFERENCE_H
#define PORTAL_DB_REFERENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct territory_item {
	long long id;
	const char *name;
	int depth; /* 0 district, 1 settlement, 2 microdistrict */
};

struct kind_item {
	const char *code;
	const char *name;
};

/* The counter of the reference data (sql/023_reference_version.sql): it moves with every change
 * of territories, meeting kinds, the production calendar and appeal topics. -1 on an error. */
long long db_reference_version(struct db *db);

/* A process's copy of reference data (territories, kinds, municipalities, the production
 * calendar), kept in its own arena until db_reference_version moves or the connection changes:
 *
 *     static struct reference_copy copy;
 *     int stale = reference_copy_stale(db, &copy, 4096);
 *     if (stale > 0 && (read into copy.arena) == 0)
 *             reference_copy_filled(db, &copy);
 *
 * A copy whose reading failed stays stale and is read again next time. */
struct reference_copy {
	sqlite3 *conn;   /* the connection it was read on; NULL while not filled */
	long long version;
	struct arena arena;
	bool arena_ready;
};

/* 0 when copy is current; 1 when it must be read again (its arena emptied for it); -1 on a
 * database error. */
int reference_copy_stale(struct db *db, struct reference_copy *copy, size_t arena_size);

/* Mark copy read at the version reference_copy_stale saw. */
void reference_copy_filled(struct db *db, struct reference_copy *copy);

/* All territories in tree order (parents before children, siblings by name). The list is read
 * once per process and again only when db_reference_version moves; *out is a copy in a. */
int db_territory_tree(struct db *db, struct arena *a, struct territory_item **out, size_t *count);

/* All meeting kinds in their display order (kept like the territory tree). */
int db_kind_list(struct db *db, struct arena *a, struct kind_item **out, size_t *count);

/* True when code is one of the kinds / id one of the territories read above. */
bool db_kind_known(const struct kind_item *kinds, size_t count, const char *code);
bool db_territory_known(const struct territory_item *territories, size_t count, long long id);

#endif
