/* test_fts_russian.c — unit tests for src/db/fts_russian.c: an FTS5 table on the "russian" tokenizer
 * finds Russian word forms, ё as е, any case, English word forms, and highlights the words as they
 * were written; the tokenizer on its own reports folded tokens with the original offsets. */
#include "unit.h"

#include <sqlite3.h>

#include "fts_russian.h"

static const char *const rows[] = {
	"Яма на улице Ленина у дома 5а",             /* 1 */
	"Очистить улицы от снега",                    /* 2 */
	"Прошу отремонтировать улицу Мира",           /* 3 */
	"Новогодние ёлки на площади",                 /* 4 */
	"Продажа елки и ели",                         /* 5 */
	"Дом культуры закрыт",                        /* 6 */
	"Road repairs on Main Street",                /* 7 */
	"",                                           /* 8 */
	" \t\n  ",                                    /* 9 */
	"Wi-Fi в библиотеке не работает, ROADS closed", /* 10 */
	"ЁЖИК В ТУМАНЕ",                              /* 11 */
	"Водовозов Пётр Ильич",                       /* 12 */
	"Водовозова Анна",                            /* 13 */
	"Жалоба Ивановой на шум",                     /* 14 */
};

static int setup(void **state)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(fts_russian_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='russian')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_stmt *ins;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?, ?)", -1, &ins,
					    NULL),
			 SQLITE_OK);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_bind_int(ins, 1, (int)i + 1);
		sqlite3_bind_text(ins, 2, rows[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* The rowids a MATCH query finds, in order, as "1,3" ("" for none). */
static const char *found(sqlite3 *db, const char *query)
{
	static char out[256];
	out[0] = '\0';
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s%d", n ? "," : "", sqlite3_column_int(st, 0));
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	return out;
}

static void test_word_forms(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "улица"), "1,2,3");   /* улице, улицы, улицу */
	assert_string_equal(found(db, "улицами"), "1,2,3");
	assert_string_equal(found(db, "\"на улице Ленина\""), "1");
	assert_string_equal(found(db, "улица Мира"), "3");
	assert_string_equal(found(db, "отремонтировать"), "3");
	assert_string_equal(found(db, "Ленин"), "1");
}

/* A surname in -ов/-ев is found in every form, masculine or feminine (the feminine forms of
 * the registry's applicants were missed before). */
static void test_surnames(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "Водовозов"), "12,13");
	assert_string_equal(found(db, "водовозова"), "12,13");
	assert_string_equal(found(db, "Водовозовой"), "12,13");
	assert_string_equal(found(db, "Иванов"), "14");
	assert_string_equal(found(db, "Иванова"), "14");
	assert_string_equal(found(db, "Анна Водовозова"), "13");
	assert_string_equal(found(db, "Пётр Водовозов"), "12");
}

static void test_yo_is_ye(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "ёлка"), "4,5");
	assert_string_equal(found(db, "елка"), "4,5");
	assert_string_equal(found(db, "елки"), "4,5");
	assert_string_equal(found(db, "ежик"), "11");
	assert_string_equal(found(db, "Ёжики"), "11");
}

static void test_case_insensitive(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "Дом"), "1,6");    /* «дома» in row 1, «Дом» in row 6 */
	assert_string_equal(found(db, "дома"), "1,6");
	assert_string_equal(found(db, "ДОМ"), "1,6");
	assert_string_equal(found(db, "тумане"), "11");
	assert_string_equal(found(db, "КУЛЬТУРА"), "6");
}

static void test_english_and_mixed(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "roads"), "7,10");
	assert_string_equal(found(db, "road"), "7,10");
	assert_string_equal(found(db, "repair"), "7");
	assert_string_equal(found(db, "wi"), "10");
	assert_string_equal(found(db, "библиотека"), "10");
	assert_string_equal(found(db, "5а"), "1");         /* "5" then "а", a phrase */
	assert_string_equal(found(db, "5"), "1");
	assert_string_equal(found(db, "трамвай"), "");
}

static void test_prefix_query(void **state)
{
	sqlite3 *db = *state;
	assert_string_equal(found(db, "улиц*"), "1,2,3");
	assert_string_equal(found(db, "Лен*"), "1");
}

static void test_highlight_keeps_original_words(void **state)
{
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? "
					    "ORDER BY rowid",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, "елка улица ежик", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE); /* no row has all three */
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "елка", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "Новогодние [ёлки] на площади");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "Продажа [елки] и ели");
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "ЕЖИК тумане", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "[ЁЖИК] В [ТУМАНЕ]");
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "road", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "[Road] repairs on Main Street");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0),
			    "Wi-Fi в библиотеке не работает, [ROADS] closed");
	sqlite3_finalize(st);
}

static void test_snippet(void **state)
{
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT snippet(t, 0, '<', '>', '…', 3) FROM t "
					    "WHERE t MATCH 'ленин'",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "…улице <Ленина> у…");
	sqlite3_finalize(st);
}

/* ---- the tokenizer alone ---- */

struct collected {
	char text[1024];
	int count;
};

static int collect(void *ctx, const char *token, int len, int start, int end, int colocated)
{
	struct collected *c = ctx;
	size_t n = strlen(c->text);
	/* A colocated token (a synonym of the same word) is written "|token@start-end". */
	snprintf(c->text + n, sizeof c->text - n, "%s%.*s@%d-%d", c->count ? (colocated ? "|" : " ") : "",
		 len, token, start, end);
	c->count++;
	return 0;
}

static const char *tokens(const char *text, int len, int prefix)
{
	static struct collected c;
	memset(&c, 0, sizeof c);
	struct fts_russian *t = fts_russian_new();
	assert_non_null(t);
	assert_int_equal(fts_russian_tokenize(t, text, len, prefix, collect, &c), 0);
	fts_russian_free(t);
	return c.text;
}

#define TOKENS(s) tokens((s), (int)LIT_LEN(s), 0)

static void test_tokens_and_offsets(void **state)
{
	(void)state;
	assert_string_equal(TOKENS(""), "");
	assert_string_equal(TOKENS("  \t\r\n — «» , . "), "");
	/* «На» is two bytes a letter: offsets are in bytes of the original text. */
	assert_string_equal(TOKENS("На улице"), "на@0-4 улиц@5-15");
	assert_string_equal(TOKENS("Ёлки"), "елк@0-8");
	assert_string_equal(TOKENS("ROADS, 2024"), "road@0-5 2024@7-11");
	assert_string_equal(TOKENS("Wi-Fi"), "wi@0-2 fi@3-5");
	assert_string_equal(TOKENS("дом5а"), "дом@0-6 5@6-7 а@7-9");
	assert_string_equal(tokens("улице", (int)strlen("улице"), 1), "улице@0-10"); /* prefix */
}

/* Surnames in -ов/-ев: «Водовозов» stems to "водовоз" but «Водовозова» to "водовозов"; the
 * masculine form also gets "водовозов" colocated, so each finds the other (and «Ивановой»,
 * «Королёвым»). Words that are not such get no second token. */
static void test_surnames_in_ov_ev(void **state)
{
	(void)state;
	assert_string_equal(TOKENS("Водовозов"), "водовоз@0-18|водовозов@0-18");
	assert_string_equal(TOKENS("Водовозова"), "водовозов@0-20");
	assert_string_equal(TOKENS("Ивановой"), "иванов@0-16");
	assert_string_equal(TOKENS("Королёв"), "корол@0-14|королев@0-14");
	assert_string_equal(TOKENS("Королёва Королёвым"), "королев@0-16 королев@17-35");
	assert_string_equal(TOKENS("Лебедев"), "лебед@0-14|лебедев@0-14");
	/* short words and other endings: one token each */
	assert_string_equal(TOKENS("ров лев"), "ров@0-6 лев@7-13");
	assert_string_equal(TOKENS("Пушкин Пушкина"), "пушкин@0-12 пушкин@13-27");
	/* a prefix query is not stemmed, nor given a synonym */
	assert_string_equal(tokens("Иванов", (int)strlen("Иванов"), 1), "иванов@0-12");
}

static void test_accent_and_decomposed_yo(void **state)
{
	(void)state;
	/* до́ма with a combining acute, е + combining diaeresis: the marks are skipped. */
	assert_string_equal(TOKENS("до\xcc\x81ма"), "дом@0-10");
	assert_string_equal(TOKENS("е\xcc\x88лка"), "елк@0-10");
	assert_string_equal(TOKENS("\xcc\x81"), "");
}

static void test_invalid_utf8_skipped(void **state)
{
	(void)state;
	assert_string_equal(TOKENS("\xff\xfe"), "");
	assert_string_equal(TOKENS("дом\xffулица"), "дом@0-6 улиц@7-17");
	assert_string_equal(TOKENS("ab\xc0\xaf" "cd"), "ab@0-2 cd@4-6"); /* overlong '/' */
	assert_string_equal(TOKENS("\xd0"), "");                       /* truncated */
	assert_string_equal(TOKENS("x\xed\xa0\x80y"), "x@0-1 y@4-5");   /* surrogate */
	assert_string_equal(TOKENS("a\0b"), "a@0-1 b@2-3");
}

static void test_long_word_capped(void **state)
{
	(void)state;
	char text[400];
	memset(text, 'a', 300);
	memcpy(text + 300, " дом", sizeof " дом"); /* with its NUL */
	const char *out = tokens(text, (int)strlen(text), 0);
	char expected[128];
	memset(expected, 'a', FTS_RUSSIAN_MAX_TOKEN);
	snprintf(expected + FTS_RUSSIAN_MAX_TOKEN, sizeof expected - FTS_RUSSIAN_MAX_TOKEN,
		 "@0-300 дом@301-307");
	assert_string_equal(out, expected);
}

static int stop_after_one(void *ctx, const char *token, int len, int start, int end,
			  int colocated)
{
	(void)token, (void)len, (void)start, (void)end, (void)colocated;
	++*(int *)ctx;
	return SQLITE_ABORT;
}

static void test_callback_stops(void **state)
{
	(void)state;
	struct fts_russian *t = fts_russian_new();
	int calls = 0;
	assert_int_equal(fts_russian_tokenize(t, "раз два три", (int)strlen("раз два три"), 0,
					      stop_after_one, &calls),
			 SQLITE_ABORT);
	assert_int_equal(calls, 1);
	fts_russian_free(t);
}

static void test_options_rejected(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(fts_russian_register(db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db,
					  "CREATE VIRTUAL TABLE x USING fts5(b, tokenize='russian foo')",
					  NULL, NULL, NULL),
			     SQLITE_OK);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_word_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yo_is_ye, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_insensitive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_english_and_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prefix_query, setup, teardown),
		cmocka_unit_test_setup_teardown(test_highlight_keeps_original_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snippet, setup, teardown),
		cmocka_unit_test(test_tokens_and_offsets),
		cmocka_unit_test_setup_teardown(test_surnames, setup, teardown),
		cmocka_unit_test(test_surnames_in_ov_ev),
		cmocka_unit_test(test_accent_and_decomposed_yo),
		cmocka_unit_test(test_invalid_utf8_skipped),
		cmocka_unit_test(test_long_word_capped),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_options_rejected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
