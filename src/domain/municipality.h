/* municipality.h — the rules about municipalities (issue 18) that need no page: their kinds and
 * Russian names, the checks of a code and a slug, the registration number of an appeal per
 * body, and filling the installation's own municipality from portal.ini after migration 025. */
#ifndef PORTAL_MUNICIPALITY_H
#define PORTAL_MUNICIPALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "db.h"

/* The migration that made municipalities (sql/025_municipalities.sql). */
#define MUNICIPALITY_MIGRATION 25

/* The kinds of municipality of 131-ФЗ art. 2 the schema allows, with their Russian names, in
 * display order; the table ends with {NULL, NULL}. */
struct municipality_kind {
	const char *code;  /* municipal_district, urban_settlement, … */
	const char *label; /* «муниципальный район», «городское поселение», … */
};
extern const struct municipality_kind municipality_kinds[];

/* The Russian name of a kind, NULL for a code not in the table. */
const char *municipality_kind_label(const char *code);

/* True for a settlement kind (urban or rural): one that may belong to a municipal district. */
bool municipality_kind_is_settlement(const char *code);

/* True when code is 1..8 Cyrillic capital letters (А–Я, Ё) in UTF-8: what starts the numbers of
 * a body's appeals («БРЗ-2026-00012»). */
bool municipality_code_valid(const char *code);

/* True when slug is 1..32 of [a-z0-9-], neither starting nor ending with '-': a path segment
 * /m/<slug> the router's word pattern matches. */
bool municipality_slug_valid(const char *slug);

/* A slug made from a Russian name by transliteration (lower-case Latin letters, digits, single
 * hyphens for anything else; «Берёзовка» → "berezovka"), at most size - 1 and 32 characters;
 * "" when nothing Latin is left. */
void municipality_slug_from_name(const char *name, char *out, size_t size);

/* The kind a municipality's administration name suggests («… сельского поселения» → rural
 * settlement, «… района» → municipal district, «… городского округа» → city okrug, «…
 * муниципального округа» → municipal okrug), urban settlement otherwise. */
const char *municipality_kind_guess(const char *administration);

/* The registration number of an appeal: «КОД-2026-00012» for a body with a code, «2026-00012»
 * (the format before issue 18) without one. Writes at most size bytes; the number of bytes the
 * full number needs, as snprintf. */
int appeal_number_format(char *out, size_t size, const char *code, int year, long long seq);

/* After the migrations: when the own municipality has not been filled yet (migration 025 leaves
 * its name empty), fill it from portal.ini's [municipality] section — name, official name (the
 * name), administration, contacts, reception hours, site, time zone, the kind guessed from the
 * administration's name and a slug from the name. Later runs leave it alone: from then on staff
 * keep it on /admin/municipalities. 0, or -1 with a message on stderr. */
int municipality_own_from_config(struct db *db, const struct config *cfg);

#endif
