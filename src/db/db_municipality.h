/* db_municipality.h — reading municipalities (issue 18): the district and its settlements, each
 * with its card, kept per process like the territory tree. */
#ifndef PORTAL_DB_MUNICIPALITY_H
#define PORTAL_DB_MUNICIPALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* One municipality as every page needs it (sql/025_municipalities.sql). */
struct municipality_item {
	long long id;
	const char *kind;          /* municipal_district, urban_settlement, … */
	long long district_id;     /* 0 at the top */
	const char *name;          /* «Берёзовка» */
	const char *official_name; /* «Берёзовское сельское поселение», may be "" */
	const char *administration;
	const char *code;          /* «БРЗ», "" for none */
	const char *slug;          /* /m/<slug> */
	long long head_person_id;  /* 0 when none */
	const char *head_name, *head_position; /* "" when none */
	const char *address, *phone, *email, *reception_hours, *site_url, *timezone;
	bool own;                  /* the municipality portal.ini describes */
};

/* Every municipality, districts first and each followed by its settlements by name. The list is
 * read once per process and again when db_reference_version moves (a change of a municipality
 * moves it); *out is a copy in a. The head's name is read with the list: a person renamed later
 * shows with the next change of reference data. 0, or -1 on a database error. */
int db_municipality_list(struct db *db, struct arena *a, struct municipality_item **out,
			 size_t *count);

/* A copy in a of municipality id (0: the own one) from the list db_municipality_list keeps, or
 * *out NULL when there is none: one body without copying all fifty of a district (an appeal
 * names its registry this way). 0, or -1 on a database error. */
int db_municipality_one(struct db *db, struct arena *a, long long id,
			struct municipality_item **out);

/* The municipality with id in list, or NULL. */
const struct municipality_item *db_municipality_find(const struct municipality_item *list,
						     size_t count, long long id);

/* The municipality whose slug is slug in list, or NULL. */
const struct municipality_item *db_municipality_by_slug(const struct municipality_item *list,
							size_t count, const char *slug);

/* The own municipality (own = 1) in list, or NULL when there is none. */
const struct municipality_item *db_municipality_own(const struct municipality_item *list,
						    size_t count);

/* The ids of the territories that concern the residents of municipality id: its own, those
 * inside them and those above them (the territories a municipality's schedule may filter by,
 * issue 18 item 4), in the arena. 0, or -1 on a database error. */
int db_municipality_territories(struct db *db, struct arena *a, long long id, long long **out,
				size_t *count);

/* How many municipalities the installation has: 1 for a single municipality, whose pages then
 * say nothing about municipalities. -1 on a database error. */
long long db_municipality_count(struct db *db);

/* 1 when an appeal of a municipality other than except (0: none) has a number with code ("":
 * a number without one), 0 when none has, -1 on a database error. */
int db_municipality_code_used(struct db *db, const char *code, long long except);

#endif
