/* csv.h — CSV for spreadsheets as Russian offices open them: UTF-8 with a byte order mark (so
 * Excel does not read it as CP1251), ';' between fields (the list separator of a Russian locale),
 * CRLF after each record, a field quoted (RFC 4180, '"' doubled) only when it must be. Text and
 * numbers are written by different functions: a text cell that a spreadsheet would take for a
 * formula (=, +, -, @ first) gets a leading apostrophe (OWASP's CSV injection advice), so staff
 * free text never runs as a formula; a number is written as a plain integer and stays a number. */
#ifndef PORTAL_CSV_H
#define PORTAL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define CSV_SEPARATOR ';'

/* The byte order mark that starts a file. */
void csv_begin(struct buf *b);

/* Whether field s (len bytes) must be quoted: it holds the separator, a comma or a tab (which
 * LibreOffice's import dialog also takes for separators by default), a quote, CR or LF, or
 * starts or ends with a space (which spreadsheets would trim). */
bool csv_needs_quotes(const char *s, size_t len);

/* Whether text s (len bytes) would be read as a formula by Excel or LibreOffice: its first
 * character after any spaces, tabs, CRs and LFs is =, +, -, @ (or their full-width forms), or it
 * starts with a tab or CR. */
bool csv_formula_like(const char *s, size_t len);

/* Append one text cell (NULL is an empty one): an apostrophe first when csv_formula_like, then
 * quoted when needed; first says whether a separator goes before it. */
void csv_text(struct buf *b, const char *s, bool first);

/* Append one number cell: the integer as digits with a leading '-' when negative. */
void csv_number(struct buf *b, long long n, bool first);

/* Append a whole record of n text cells (NULL is an empty cell) and its CRLF. */
void csv_record(struct buf *b, const char *const *fields, size_t n);

/* End the current record with CRLF. */
void csv_end_record(struct buf *b);

/* Reading: the files staff import (the plan of measures), as a spreadsheet saves them. */
struct arena;

/* The separator of a file whose first line is line (len bytes): ';' when it holds one outside
 * quotes, else ',' (a spreadsheet in an English locale). */
char csv_guess_separator(const char *line, size_t len);

/* Read the record that starts at text[*pos] (len bytes in all; a byte order mark at 0 is
 * skipped): fields separated by sep, a quoted field may hold sep, CR, LF and doubled quotes;
 * the record ends at LF, CRLF or the end. At most max fields go to out, each a NUL-terminated
 * copy in arena a; *count gets their number and *line (1-based, counted from 1 at *pos == 0
 * when the caller keeps it) is advanced past the record's line breaks. Returns 1 for a record,
 * 0 at the end of text, -1 for a malformed one: a quote left open, text after a closing quote,
 * or more than max fields (*pos is then past the record, or at the end). */
int csv_read_record(struct arena *a, const char *text, size_t len, size_t *pos, char sep,
		    const char **out, size_t max, size_t *count, int *line);

#endif
