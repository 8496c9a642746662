/* fts_russian.h — the FTS5 tokenizer "russian": full-text search that finds Russian word forms
 * («улица» finds «на улице»), treats ё as е and ignores case, by stemming words with the Snowball
 * stemmers of libstemmer (Russian for Cyrillic words, English for Latin ones).
 *
 *   CREATE VIRTUAL TABLE t USING fts5(body, tokenize='russian');
 *
 * Words are runs of letters or digits of one script: Cyrillic, Latin (ASCII and Latin-1) or
 * decimal digits; anything else separates words (so «Wi-Fi» is "wi" and "fi", «5а» is "5" and
 * "а"). A combining acute accent (ударение) or a soft hyphen inside a word is skipped. Bytes that
 * are not well-formed UTF-8 separate words too. Each token is reported with the byte offsets of
 * the word in the original text, so highlight() and snippet() show the words as they were
 * written. Tokens of a prefix query ("улиц*") are folded but not stemmed.
 *
 * Surnames in -ов/-ев: the Snowball stemmer takes «Иванов» to "иван" (as if -ов were a
 * genitive plural ending) but «Иванова», «Ивановой», «Ивановым» to "иванов", so a search for
 * «Водовозова» missed «Водовозов». A Cyrillic word of four letters or more ending in -ов or -ев
 * also gets, colocated, the stem it would have with -а added ("иванов"), in the index and in
 * queries alike: every form of such a surname, masculine or feminine, shares that token. */
#ifndef PORTAL_FTS_RUSSIAN_H
#define PORTAL_FTS_RUSSIAN_H

#include <sqlite3.h>

/* The longest token in code points: a longer "word" (a pasted hash, a run of letters) is indexed
 * by its first FTS_RUSSIAN_MAX_TOKEN code points, unstemmed, with the offsets of the whole word. */
#define FTS_RUSSIAN_MAX_TOKEN 64

/* Register the tokenizer on a connection (db_open does it for every connection). SQLITE_OK, or
 * an SQLite error code with a message on stderr. */
int fts_russian_register(sqlite3 *db);

/* The tokenizer without SQLite, for tests and the fuzzer: one instance holds the two stemmers
 * (not thread-safe, like an FTS5 tokenizer instance). */
struct fts_russian;
struct fts_russian *fts_russian_new(void);
void fts_russian_free(struct fts_russian *t);

/* Called for each token: the folded (and stemmed) token, never empty, and the byte range
 * [start, end) of the word in the text; colocated is set for a second token of the same word
 * (FTS5_TOKEN_COLOCATED: a synonym at the same position). A non-zero return stops tokenizing
 * and is returned. */
typedef int (*fts_russian_token_fn)(void *ctx, const char *token, int len, int start, int end,
				    int colocated);

/* Tokenize text[0..len); stem unless prefix is set. 0 when done, the callback's non-zero result,
 * or SQLITE_NOMEM. */
int fts_russian_tokenize(struct fts_russian *t, const char *text, int len, int prefix,
			 fts_russian_token_fn fn, void *ctx);

#endif
