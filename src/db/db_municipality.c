/* db_municipality.c — municipalities kept per process (see db_municipality.h). */
#include "db_municipality.h"

#include <string.h>

#include "db_reference.h"

static int read_list(struct db *db, struct arena *a, struct municipality_item **out,
		     size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MUNICIPALITY_LIST);
	size_t cap = 4, n = 0;
	struct municipality_item *rows = arena_alloc(a, cap * sizeof *rows);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		struct municipality_item *m = &rows[n++];
		m->id = sqlite3_column_int64(s, 0);
		m->kind = db_text(a, s, 1);
		m->district_id = sqlite3_column_int64(s, 2);
		m->name = db_text(a, s, 3);
		m->official_name = db_text(a, s, 4);
		m->administration = db_text(a, s, 5);
		m->code = db_text(a, s, 6);
		m->slug = db_text(a, s, 7);
		m->head_person_id = sqlite3_column_int64(s, 8);
		m->head_name = db_text(a, s, 9);
		m->head_position = db_text(a, s, 10);
		m->address = db_text(a, s, 11);
		m->phone = db_text(a, s, 12);
		m->email = db_text(a, s, 13);
		m->reception_hours = db_text(a, s, 14);
		m->site_url = db_text(a, s, 15);
		m->timezone = db_text(a, s, 16);
		m->own = sqlite3_column_int(s, 17) != 0;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "municipality list");
		return -1;
	}
	*out = rows;
	*count = n;
	return 0;
}

/* This process's copy, with the connection and reference version it was read at: the appeal
 * form, the meeting pages and the home page ask whether there is more than one municipality. */
static struct {
	sqlite3 *conn;
	long long version;
	struct arena arena;
	bool arena_ready;
	struct municipality_item *rows;
	size_t count;
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
		arena_init(&kept.arena, 4096);
	kept.arena_ready = true;
	kept.conn = NULL;
	if (read_list(db, &kept.arena, &kept.rows, &kept.count) < 0)
		return -1;
	kept.conn = db->conn;
	kept.version = v;
	return 0;
}

static const char *copy(struct arena *a, const char *s)
{
	return arena_strdup(a, s);
}

int db_municipality_list(struct db *db, struct arena *a, struct municipality_item **out,
			 size_t *count)
{
	if (keep_current(db) < 0)
		return -1;
	/* Copies: the kept list may be read again in the same request after a change. */
	struct municipality_item *rows = arena_alloc(a, (kept.count + 1) * sizeof *rows);
	for (size_t i = 0; i < kept.count; i++) {
		const struct municipality_item *k = &kept.rows[i];
		struct municipality_item *m = &rows[i];
		*m = *k;
		m->kind = copy(a, k->kind);
		m->name = copy(a, k->name);
		m->official_name = copy(a, k->official_name);
		m->administration = copy(a, k->administration);
		m->code = copy(a, k->code);
		m->slug = copy(a, k->slug);
		m->head_name = copy(a, k->head_name);
		m->head_position = copy(a, k->head_position);
		m->address = copy(a, k->address);
		m->phone = copy(a, k->phone);
		m->email = copy(a, k->email);
		m->reception_hours = copy(a, k->reception_hours);
		m->site_url = copy(a, k->site_url);
		m->timezone = copy(a, k->timezone);
	}
	*out = rows;
	*count = kept.count;
	return 0;
}

const struct municipality_item *db_municipality_find(const struct municipality_item *list,
						     size_t count, long long id)
{
	for (size_t i = 0; i < count; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

const struct municipality_item *db_municipality_by_slug(const struct municipality_item *list,
							size_t count, const char *slug)
{
	for (size_t i = 0; slug != NULL && i < count; i++)
		if (strcmp(list[i].slug, slug) == 0)
			return &list[i];
	return NULL;
}

const struct municipality_item *db_municipality_own(const struct municipality_item *list,
						    size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (list[i].own)
			return &list[i];
	return NULL;
}

long long db_municipality_count(struct db *db)
{
	if (keep_current(db) < 0)
		return -1;
	return (long long)kept.count;
}
