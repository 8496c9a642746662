/* db_reference.h — reference data: the lists shown in forms and filters (territories, meeting
 * kinds, choice lists) and the storage of the staff reference pages (territories, topics of
 * appeals, venues, people, information groups, reference groups), their readers returning
 * structs. Text is copied into the arena given. */
#ifndef PORTAL_DB_REFERENCE_H
#define PORTAL_DB_REFERENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

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

/* A row of a choice list: id, name and a second part (position, address, territory…). */
struct staff_item {
	long long id;
	const char *name;
	const char *extra;
};

/* Every row of statement which, whose columns are id, name, extra (STMT_PERSON_LIST,
 * STMT_GROUP_MEMBERS, STMT_REFGROUP_OPTIONS, STMT_INSTRUCTION_EXECUTORS…); param, when
 * positive, is bound as ?1. 0, or -1 on a database error. */
int db_choice_items(struct db *db, struct arena *a, enum stmt which, long long param,
		    struct staff_item **out, size_t *count);

/* The text of the one column statement which (one parameter: id) returns — an entity as JSON
 * for the audit log. 0 with *out set, 1 when there is no row, -1 on a database error. */
int db_json_text(struct db *db, struct arena *a, enum stmt which, long long id, const char **out);

/* A territory of the staff tree (STMT_TERRITORY_ADMIN_TREE), in tree order. */
struct territory_row {
	long long id, parent_id; /* parent_id 0 at the top */
	const char *name, *level;
	int depth;
	long long venues, meetings; /* how many venues and meetings lie in it */
};

/* The whole tree, every municipality's. 0, or -1 on a database error. */
int db_territory_admin_tree(struct db *db, struct arena *a, struct territory_row **out,
			    size_t *count);

/* One territory (STMT_TERRITORY_GET). */
struct territory_detail {
	long long id, parent_id; /* parent_id 0 at the top */
	const char *name, *level, *parent_name;
};

/* 0 with *out filled, 1 when there is no such territory, -1 on a database error. */
int db_territory_get(struct db *db, struct arena *a, long long id, struct territory_detail *out);

/* Whether territory id exists (STMT_TERRITORY_GET): 1, 0, -1 on a database error. */
int db_territory_exists(struct db *db, long long id);

/* 1 when a territory under parent (0: the top) other than except_id (0: none) is called name,
 * 0 when none is, -1 on a database error. */
int db_territory_name_taken(struct db *db, long long parent, const char *name,
			    long long except_id);

/* An entry of the classifier of appeals (STMT_TOPIC_TREE), depth first. */
struct topic_row {
	const char *code, *parent_code, *name; /* parent_code "" for a section */
	int level, depth;
	bool active;
};

/* The whole classifier. 0, or -1 on a database error. */
int db_topic_tree(struct db *db, struct arena *a, struct topic_row **out, size_t *count);

/* One entry of the classifier (STMT_TOPIC_GET). */
struct topic_detail {
	long long rowid;
	const char *code, *parent_code, *name, *parent_name; /* "" at the top */
	int level;
	bool active;
};

/* 0 with *out filled (code copied), 1 when the classifier has no such code, -1 on a database
 * error. */
int db_topic_get(struct db *db, struct arena *a, const char *code, struct topic_detail *out);

/* An active subject or topic offered on the appeal forms (STMT_APPEAL_TOPIC_OPTIONS). */
struct topic_option {
	const char *code, *name;
	int level; /* 2 subject, 3 topic */
};

/* Every such choice in code order. 0, or -1 on a database error. */
int db_topic_options(struct db *db, struct arena *a, struct topic_option **out, size_t *count);

/* 1 when code is an active subject or topic, 0 when not, -1 on a database error. */
int db_topic_active(struct db *db, const char *code);

/* A venue (STMT_VENUE_ADMIN_LIST, STMT_VENUE_GET). */
struct venue_detail {
	long long id, territory_id; /* territory_id 0 in the list */
	const char *name, *address, *kind;
	long long capacity;    /* 0 when unknown (an open square) */
	const char *territory; /* its name; "" from STMT_VENUE_GET */
};

/* The venues of the territories of body scope (0: all), by name. 0, or -1. */
int db_venue_admin_list(struct db *db, struct arena *a, long long scope,
			struct venue_detail **out, size_t *count);

/* 0 with *out filled, 1 when there is no such venue, -1 on a database error. */
int db_venue_get(struct db *db, struct arena *a, long long id, struct venue_detail *out);

/* A person of the directory with contacts (STMT_PERSON_ADMIN_LIST, STMT_PERSON_GET). */
struct person_detail {
	long long id;
	const char *full_name, *position, *organisation, *category, *email, *phone;
};

/* The directory, or one category of it (category NULL: all), by name. 0, or -1. */
int db_person_admin_list(struct db *db, struct arena *a, const char *category,
			 struct person_detail **out, size_t *count);

/* 0 with *out filled, 1 when there is no such person, -1 on a database error. */
int db_person_get(struct db *db, struct arena *a, long long id, struct person_detail *out);

/* An information group in the list (STMT_GROUP_LIST). */
struct group_row {
	long long id;
	const char *name, *territory, *leader, *secretary; /* names; "" for none */
	long long members;
};

/* The groups of the territories of body scope (0: all), by name. 0, or -1. */
int db_group_list(struct db *db, struct arena *a, long long scope, struct group_row **out,
		  size_t *count);

/* One information group (STMT_GROUP_GET). */
struct group_detail {
	long long id, territory_id, leader_id, secretary_id; /* 0 when none */
	const char *name;
	time_t created_at;
};

/* 0 with *out filled, 1 when there is no such group, -1 on a database error. */
int db_group_get(struct db *db, struct arena *a, long long id, struct group_detail *out);

/* A reference group in the list (STMT_REFGROUP_LIST). */
struct refgroup_row {
	long long id;
	const char *name, *summary;
	long long members;
	const char *municipality; /* the body whose group it is */
};

/* The reference groups of the bodies of scope (scope_bind_value: 0 for every body), by name.
 * 0, or -1 on a database error. */
int db_refgroup_list(struct db *db, struct arena *a, long long scope, struct refgroup_row **out,
		     size_t *count);

/* Whether reference group may be chosen for a record of the municipality of territory, else
 * of meeting, else body, else the own municipality (0 for each absent one): the group is that
 * municipality's or its district's (STMT_REFGROUP_USABLE). 1, 0, -1 on a database error. */
int db_refgroup_usable(struct db *db, long long group, long long territory, long long meeting,
		       long long body);

/* One reference group (STMT_REFGROUP_GET). */
struct refgroup_detail {
	long long id;
	const char *name, *summary;
	long long municipality_id;   /* the body whose group it is */
	const char *municipality;    /* its name */
};

/* 0 with *out filled, 1 when there is no such group, -1 on a database error. */
int db_refgroup_get(struct db *db, struct arena *a, long long id, struct refgroup_detail *out);

/* A participant of a reference group with the consent of its address (STMT_REFGROUP_MEMBERS). */
struct refgroup_member {
	const char *name, *organisation, *email;
	time_t consent_at, withdrawn_at; /* 0 when not given / not withdrawn */
	const char *consent_how, *withdrawn_how; /* "" when none */
};

/* The participants of group, in the order entered. 0, or -1 on a database error. */
int db_refgroup_members(struct db *db, struct arena *a, long long group,
			struct refgroup_member **out, size_t *count);

/* 1 when the address has a consent record (given, kept from before, or withdrawn), 0 when it
 * has none, -1 on a database error (STMT_REFCONSENT_GET). */
int db_refconsent_known(struct db *db, const char *email);

/* The consent of the personal link token (STMT_REFCONSENT_BY_TOKEN): 0 with *withdrawn (true
 * once the participant refused the mail), 1 when no consent has that token, -1 on a database
 * error. */
int db_refconsent_by_token(struct db *db, const char *token, bool *withdrawn);

/* One meeting kind as sentences need it. */
struct kind_words {
	const char *code;  /* head_mass, gathering… */
	const char *name;  /* «Сход граждан» */
	char gender;       /* 'm', 'f', 'n' or 'p' (plural) */
	const char *stems; /* lower-case stems "a|b" that mark a title naming the kind */
};

/* Every kind (STMT_KIND_WORDS) into *out, *count: 0, or -1 on a database error. */
int kind_words_load(struct db *db, struct arena *a, struct kind_words **out, size_t *count);

#endif
