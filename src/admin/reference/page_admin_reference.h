/* page_admin_reference.h — what the reference data pages for staff share (territories, topics of
 * appeals, venues, people, information groups, municipalities: page_admin_territories.c,
 * _topics.c, _venues.c, _municipalities.c,
 * _people.c, _groups.c): the
 * «Справочники» frame with its tabs, the Russian names of the codes the schema allows, choice
 * lists, rejecting a field beside the form, and saving a change with its audit record. */
#ifndef PORTAL_PAGE_ADMIN_REFERENCE_H
#define PORTAL_PAGE_ADMIN_REFERENCE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "http.h"
#include "staff_change.h"
#include "template.h"

/* The tabs of the reference pages, in display order. */
enum reference_tab {
	REFERENCE_MUNICIPALITIES, /* the district and its settlements (issue 18) */
	REFERENCE_TERRITORIES,
	REFERENCE_TOPICS,
	REFERENCE_VENUES,
	REFERENCE_PEOPLE,
	REFERENCE_GROUPS,
	REFERENCE_REFERENCE_GROUPS, /* decree № 1617-па on reference groups: stakeholders mailed
	                               about chosen meetings */
	REFERENCE_CALENDAR, /* shown only to ROLES_CALENDAR_READERS */
	REFERENCE__MAX
};

/* Start a reference page: the layout with «Справочники» current in the staff menu and the tabs
 * the signed-in role may open ({{>REFERENCE_NAV}}, admin_reference_nav.tpl) with tab marked. on_list: the page is the tab's
 * own list (aria-current="page"), not one entry below it. Returns the body's dictionary. */
tpl_dict *reference_begin(struct request *req, const char *body_template, const char *title,
			  enum reference_tab tab, bool on_list);

/* True when the signed-in role may change reference data (routes.c, REFERENCE_WRITERS): the
 * pages show their forms only then. */
bool reference_may_change(const struct request *req);

/* A code the schema allows and its Russian name; tables end with {NULL, NULL}. */
struct code_label {
	const char *code;
	const char *label;
};
extern const struct code_label territory_levels[]; /* district, settlement, microdistrict */
extern const struct code_label venue_kinds[];      /* culture, education, sport, … */
extern const struct code_label person_categories[]; /* official, deputy, police, … */

/* The Russian name of code in table, NULL when the code is not in it. */
const char *code_label(const struct code_label *table, const char *code);

/* One "section" row per entry of table (CODE, LABEL, and SELECTED for selected, may be NULL). */
void reference_code_options(tpl_dict *d, const char *section, const struct code_label *table,
			    const char *selected);

/* The id chosen in field f of a refused form, so the select shows it again: also when it passed
 * the field table but a later check rejected it; 0 when none was chosen or it was no id. */
long long reference_chosen(const struct request *req, enum field f);

/* The optional text field f, "" when absent. */
const char *reference_field_text(const struct request *req, enum field f);

/* Run the bound INSERT s of a new entity: its id, or 0 when it failed; *rc (when not NULL)
 * gets the result code (SQLITE_CONSTRAINT_UNIQUE for a name taken…). */
long long reference_insert(struct request *req, sqlite3_stmt *s, int *rc);

/* Finish an action of kind that created the entity id (0: its INSERT or what followed failed):
 * the audit record "create" with the entity as it is now, commit, and 303 to path, or with
 * to_new to path/ID, the new entity's page. As staff_action_finish, 500 when anything fails. */
enum http_status reference_finish_create(struct request *req, const struct staff_action *kind,
					 long long id, const char *path, bool to_new);

#endif
