/* db_municipality.c — the statements of municipalities and their readers, the list kept per
 * process (see db_municipality.h). Each DB_STATEMENT row declares the result columns its reader
 * below reads; db_prepare_all prepares this table with the others once per process and refuses
 * to start when a count differs. */
#include "db_municipality.h"

#include <string.h>

#include "db_reference.h"
#include "db_statements.h"

const struct db_statement db_municipality_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_MUNICIPALITY_LIST, 18,
		     "SELECT m.id, m.kind, coalesce(m.district_id, 0), m.name, m.official_name, "
		     "m.administration, m.code, m.slug, coalesce(m.head_person_id, 0), "
		     "coalesce(p.full_name, ''), coalesce(p.position, ''), m.address, m.phone, m.email, "
		     "m.reception_hours, m.site_url, m.timezone, m.own FROM municipality m "
		     "LEFT JOIN municipality d ON d.id = m.district_id "
		     "LEFT JOIN person p ON p.id = m.head_person_id "
		     "ORDER BY coalesce(d.name, m.name), coalesce(d.id, m.id), m.district_id IS NOT NULL, "
		     "m.name, m.id"),
	DB_STATEMENT(STMT_MUNICIPALITY_TERRITORIES, 1,
		     CONCERNING_TERRITORIES("?1")),

	DB_STATEMENT(STMT_MUNICIPALITY_INSERT, 0,
		     "INSERT INTO municipality (kind, district_id, name, official_name, administration, "
		     "code, slug, head_person_id, address, phone, email, reception_hours, site_url, "
		     "timezone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
	DB_STATEMENT(STMT_MUNICIPALITY_UPDATE, 0,
		     "UPDATE municipality SET kind = ?2, district_id = ?3, name = ?4, official_name = ?5, "
		     "administration = ?6, code = ?7, slug = ?8, head_person_id = ?9, address = ?10, "
		     "phone = ?11, email = ?12, reception_hours = ?13, site_url = ?14, timezone = ?15 "
		     "WHERE id = ?1"),
	DB_STATEMENT(STMT_MUNICIPALITY_JSON, 1,
		     "SELECT json_object('kind', kind, 'district_id', district_id, 'name', name, "
		     "'official_name', official_name, 'administration', administration, 'code', code, "
		     "'slug', slug, 'head_person_id', head_person_id, 'address', address, 'phone', phone, "
		     "'email', email, 'reception_hours', reception_hours, 'site_url', site_url, "
		     "'timezone', timezone) FROM municipality WHERE id = ?1"),
	DB_STATEMENT(STMT_MUNICIPALITY_CODE_USED, 1,
		     "SELECT 1 FROM appeal WHERE municipality_id IS NOT ?2 AND CASE WHEN ?1 = '' "
		     "THEN number GLOB '[0-9]*' ELSE substr(number, 1, length(?1) + 1) = ?1 || '-' END "
		     "LIMIT 1"),

};

/* The columns of STMT_MUNICIPALITY_LIST. */
static void read_municipality(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct municipality_item *m = row;
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

static int read_list(struct db *db, struct arena *a, struct municipality_item **out,
		     size_t *count)
{
	return db_read_rows(db, a, db_stmt(db, STMT_MUNICIPALITY_LIST), sizeof **out,
			    read_municipality, out, count, "municipality list");
}

/* This process's copy: the appeal form, the meeting pages and the home page ask whether there is
 * more than one municipality. */
static struct {
	struct reference_copy copy;
	struct municipality_item *rows;
	size_t count;
} kept;

static int keep_current(struct db *db)
{
	int stale = reference_copy_stale(db, &kept.copy, 4096);
	if (stale <= 0)
		return stale;
	if (read_list(db, &kept.copy.arena, &kept.rows, &kept.count) < 0)
		return -1;
	reference_copy_filled(db, &kept.copy);
	return 0;
}

static const char *copy(struct arena *a, const char *s)
{
	return arena_strdup(a, s);
}

/* A copy of the kept k in a, strings too. */
static void copy_item(struct arena *a, const struct municipality_item *k, struct municipality_item *m)
{
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

int db_municipality_list(struct db *db, struct arena *a, struct municipality_item **out,
			 size_t *count)
{
	if (keep_current(db) < 0)
		return -1;
	/* Copies: the kept list may be read again in the same request after a change. */
	struct municipality_item *rows = arena_alloc(a, (kept.count + 1) * sizeof *rows);
	for (size_t i = 0; i < kept.count; i++)
		copy_item(a, &kept.rows[i], &rows[i]);
	*out = rows;
	*count = kept.count;
	return 0;
}

int db_municipality_one(struct db *db, struct arena *a, long long id,
			struct municipality_item **out)
{
	if (keep_current(db) < 0)
		return -1;
	const struct municipality_item *k = id ? db_municipality_find(kept.rows, kept.count, id)
					       : db_municipality_own(kept.rows, kept.count);
	*out = NULL;
	if (k != NULL) {
		*out = arena_alloc(a, sizeof **out);
		copy_item(a, k, *out);
	}
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

/* One id of STMT_MUNICIPALITY_TERRITORIES. */
static void read_territory_id(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

int db_municipality_territories(struct db *db, struct arena *a, long long id, long long **out,
				size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MUNICIPALITY_TERRITORIES);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_territory_id, out, count,
			    "municipality territories");
}

int db_municipality_code_used(struct db *db, const char *code, long long except)
{
	sqlite3_stmt *s = db_stmt(db, STMT_MUNICIPALITY_CODE_USED);
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	if (except)
		sqlite3_bind_int64(s, 2, except);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "municipality code");
	return rc < 0 ? -1 : rc == 0;
}
