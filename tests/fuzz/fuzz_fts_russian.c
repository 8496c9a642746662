/* fuzz_fts_russian.c — libFuzzer driver for the FTS5 tokenizer "russian" (src/db/fts_russian.c):
 * whatever the bytes (broken UTF-8 included), tokenizing neither crashes nor reads outside the
 * text; every token is non-empty, at most FTS_RUSSIAN_MAX_TOKEN code points of two bytes, and its
 * offsets lie within the input, in order, without overlapping the previous word (a colocated
 * synonym has its word's offsets); a prefix query's tokens are exactly as many as the words. The same bytes then go through a real FTS5 table on the tokenizer
 * (insert, MATCH on the first token, highlight) so SQLite accepts whatever it reports. */
#include "fuzz_common.h"

#include <sqlite3.h>

#include "fts_russian.h"

struct seen {
	int size;
	int count;
	int last_end;
	char first[FTS_RUSSIAN_MAX_TOKEN * 2 + 1];
};

static int check_token(void *ctx, const char *token, int len, int start, int end, int colocated)
{
	struct seen *s = ctx;
	FUZZ_CHECK(token != NULL);
	FUZZ_CHECK(len > 0 && len <= FTS_RUSSIAN_MAX_TOKEN * 2);
	FUZZ_CHECK(0 <= start && start < end && end <= s->size);
	if (colocated) {
		/* a synonym of the word just reported: the same offsets, never first */
		FUZZ_CHECK(s->count > 0 && end == s->last_end);
		FUZZ_CHECK(memchr(token, '\0', (size_t)len) == NULL);
		FUZZ_CHECK(ref_utf8_valid(token, (size_t)len));
		return 0;
	}
	FUZZ_CHECK(start >= s->last_end);
	FUZZ_CHECK(memchr(token, '\0', (size_t)len) == NULL);
	FUZZ_CHECK(ref_utf8_valid(token, (size_t)len));
	if (s->count == 0)
		memcpy(s->first, token, (size_t)len), s->first[len] = '\0';
	s->last_end = end;
	s->count++;
	return 0;
}

static sqlite3 *db;
static sqlite3_stmt *insert, *match;

static void open_db(void)
{
	FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	FUZZ_CHECK(fts_russian_register(db) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='russian')",
				NULL, NULL, NULL) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (1, ?)", -1, &insert,
				      NULL) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_prepare_v2(db,
				      "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?",
				      -1, &match, NULL) == SQLITE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 16)
		return 0;
	const char *text = (const char *)data;
	struct fts_russian *t = fts_russian_new();
	FUZZ_CHECK(t != NULL);
	struct seen stemmed = {.size = (int)size}, prefix = {.size = (int)size};
	FUZZ_CHECK(fts_russian_tokenize(t, text, (int)size, 0, check_token, &stemmed) == 0);
	FUZZ_CHECK(fts_russian_tokenize(t, text, (int)size, 1, check_token, &prefix) == 0);
	FUZZ_CHECK(stemmed.count == prefix.count);
	FUZZ_CHECK(stemmed.last_end == prefix.last_end);
	fts_russian_free(t);

	if (db == NULL)
		open_db();
	sqlite3_bind_text(insert, 1, text, (int)size, SQLITE_STATIC);
	FUZZ_CHECK(sqlite3_step(insert) == SQLITE_DONE);
	sqlite3_reset(insert);
	if (stemmed.count > 0) {
		/* The first token, quoted as an FTS5 string (it holds no quote: letters and digits). */
		char query[sizeof stemmed.first + 2];
		snprintf(query, sizeof query, "\"%s\"", stemmed.first);
		sqlite3_bind_text(match, 1, query, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(match);
		/* A stem is not always its own stem, so the row need not match; if it does, the
		 * highlighted text is the input with brackets added (SQLite text ends at a NUL). */
		FUZZ_CHECK(rc == SQLITE_ROW || rc == SQLITE_DONE);
		if (rc == SQLITE_ROW && memchr(data, '\0', size) == NULL)
			FUZZ_CHECK((size_t)sqlite3_column_bytes(match, 0) >= size);
		sqlite3_reset(match);
	}
	FUZZ_CHECK(sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL) == SQLITE_OK);
	return 0;
}
