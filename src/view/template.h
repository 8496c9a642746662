/* template.h — the C face of Google ctemplate: dictionaries and expansion. The only C++ lives in
 * template.cc. Every template starts with {{%AUTOESCAPE context="HTML"}}: values are set here raw
 * and escaped by the library, never by C code. */
#ifndef PORTAL_TEMPLATE_H
#define PORTAL_TEMPLATE_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"

typedef struct tpl_dict tpl_dict;

/* Point the template cache at dir. -1 if dir is missing. */
int tpl_init(const char *dir);

/* Parse a template now, so a broken one stops start-up instead of failing requests. */
int tpl_preload(const char *file);

/* Values every page can use (the municipality's name…), process-wide. */
void tpl_set_global(const char *key, const char *value);

/* A new top-level dictionary owned by the arena: freed when the request ends. */
tpl_dict *tpl_dict_new(struct arena *a, const char *name);

void tpl_set(tpl_dict *d, const char *key, const char *value);
void tpl_set_int(tpl_dict *d, const char *key, long long value);

/* Set a value visible in d, its sections and every template included below it. */
void tpl_set_template_global(tpl_dict *d, const char *key, const char *value);

/* Add one more repetition of a section and return its dictionary. */
tpl_dict *tpl_section_add(tpl_dict *d, const char *section);

/* Show a section once, using the parent's values. */
void tpl_section_show(tpl_dict *d, const char *section);

/* Fill the {{>NAME}} include with file and return its dictionary. */
tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file);

/* Expand file with d into out (appending). false on error, with out unchanged. */
bool tpl_expand(const char *file, tpl_dict *d, struct buf *out);

#endif
