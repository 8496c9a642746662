/* csv.h — CSV for spreadsheets as Russian offices open them: UTF-8 with a byte order mark (so
 * Excel does not read it as CP1251), ';' between fields (the list separator of a Russian locale),
 * CRLF after each record, a field quoted (RFC 4180, '"' doubled) only when it must be. */
#ifndef PORTAL_CSV_H
#define PORTAL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define CSV_SEPARATOR ';'

/* The byte order mark that starts a file. */
void csv_begin(struct buf *b);

/* Whether field s (len bytes) must be quoted: it holds the separator, a quote, CR or LF, or
 * starts or ends with a space or tab (which spreadsheets would trim). */
bool csv_needs_quotes(const char *s, size_t len);

/* Append one field, quoted when needed; first says whether a separator goes before it. */
void csv_field(struct buf *b, const char *s, bool first);

/* Append a whole record of n fields (NULL is an empty field) and its CRLF. */
void csv_record(struct buf *b, const char *const *fields, size_t n);

/* End the current record with CRLF. */
void csv_end_record(struct buf *b);

#endif
