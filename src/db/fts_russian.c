/* fts_russian.c — the FTS5 tokenizer "russian" on libstemmer (see fts_russian.h): split UTF-8
 * text into words of one script, fold case and ё, stem, and hand FTS5 each token with the byte
 * offsets of the word it came from. */
#include "fts_russian.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fts_russian {
	struct sb_stemmer *russian;
	struct sb_stemmer *english;
};

/* What a code point is to the word splitter. */
enum cp_class {
	CP_SEPARATOR,
	CP_CYRILLIC,
	CP_LATIN,
	CP_DIGIT,
	CP_IGNORED, /* inside a word it is skipped: combining marks, soft hyphen, zero widths */
};

/* Decode one well-formed UTF-8 sequence at s[0..len): its length, or 0 for a byte that does not
 * start one (overlong forms, surrogates, truncated sequences and stray bytes included). */
static int decode(const unsigned char *s, int len, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

static enum cp_class classify(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return CP_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return CP_LATIN;
	if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
		return CP_LATIN; /* Latin-1 letters: é, ü, ß… */
	if ((cp >= 0x0400 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x052F))
		return CP_CYRILLIC;
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || cp == 0xAD ||
	    (cp >= 0x200B && cp <= 0x200D))
		return CP_IGNORED;
	return CP_SEPARATOR;
}

/* Lower case, and ё (and е with grave) as е. Only letters classify() accepts come here. */
static uint32_t fold(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
	if (cp < 0x100)
		return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;
	if (cp >= 0x0400 && cp <= 0x040F)
		cp += 0x50;
	else if (cp >= 0x0410 && cp <= 0x042F)
		cp += 0x20;
	else if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
		 (cp >= 0x04D0 && cp <= 0x052F))
		cp |= 1; /* the pairs start on an even code point: upper, then lower */
	else if (cp == 0x04C0)
		cp = 0x04CF;
	else if (cp >= 0x04C1 && cp <= 0x04CE && (cp & 1))
		cp += 1;
	if (cp == 0x0451 || cp == 0x0450)
		cp = 0x0435; /* ё, ѐ → е */
	return cp;
}

/* Every letter or digit the splitter keeps is below U+0800: at most two bytes. */
static int encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	out[0] = (char)(0xC0 | (cp >> 6));
	out[1] = (char)(0x80 | (cp & 0x3F));
	return 2;
}

/* True when the folded word WORD[0..size) ends in -ов or -ев (ё is folded to е). */
static bool surname_ending(const char *word, int size)
{
	return size >= 4 && (memcmp(word + size - 4, "\xd0\xbe\xd0\xb2", 4) == 0 ||  /* ов */
			     memcmp(word + size - 4, "\xd0\xb5\xd0\xb2", 4) == 0);   /* ев */
}

struct fts_russian *fts_russian_new(void)
{
	struct fts_russian *t = calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->russian = sb_stemmer_new("russian", "UTF_8");
	t->english = sb_stemmer_new("english", "UTF_8");
	if (t->russian == NULL || t->english == NULL) {
		fts_russian_free(t);
		return NULL;
	}
	return t;
}

void fts_russian_free(struct fts_russian *t)
{
	if (t == NULL)
		return;
	if (t->russian)
		sb_stemmer_delete(t->russian);
	if (t->english)
		sb_stemmer_delete(t->english);
	free(t);
}

int fts_russian_tokenize(struct fts_russian *t, const char *text, int len, int prefix,
			 fts_russian_token_fn fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	char word[FTS_RUSSIAN_MAX_TOKEN * 2 + 2]; /* + 2: «а» appended to a surname */
	char first[FTS_RUSSIAN_MAX_TOKEN * 2];
	int pos = 0;
	while (pos < len) {
		uint32_t cp;
		int n = decode(s + pos, len - pos, &cp);
		if (n == 0) {
			pos++; /* not UTF-8: a separator */
			continue;
		}
		enum cp_class script = classify(cp);
		if (script == CP_SEPARATOR || script == CP_IGNORED) {
			pos += n;
			continue;
		}
		int start = pos, end = pos, size = 0, count = 0;
		int overlong = 0;
		while (pos < len) {
			n = decode(s + pos, len - pos, &cp);
			if (n == 0)
				break;
			enum cp_class c = classify(cp);
			if (c == CP_IGNORED) {
				pos += n;
				end = pos;
				continue;
			}
			if (c != script)
				break;
			if (count < FTS_RUSSIAN_MAX_TOKEN) {
				size += encode(fold(cp), word + size);
				count++;
			} else {
				overlong = 1;
			}
			pos += n;
			end = pos;
		}

		const char *token = word;
		int token_len = size;
		struct sb_stemmer *stemmer = script == CP_CYRILLIC ? t->russian
					     : script == CP_LATIN  ? t->english
								   : NULL;
		if (stemmer != NULL && !prefix && !overlong) {
			const sb_symbol *stem =
				sb_stemmer_stem(stemmer, (const sb_symbol *)word, size);
			if (stem == NULL)
				return SQLITE_NOMEM;
			int stem_len = sb_stemmer_length(stemmer);
			if (stem_len > 0) {
				token = (const char *)stem;
				token_len = stem_len;
			}
		}
		int rc = fn(ctx, token, token_len, start, end, 0);
		if (rc != 0)
			return rc;
		if (script == CP_CYRILLIC && !prefix && !overlong && count >= 4 &&
		    surname_ending(word, size)) {
			/* «Иванов» → also "иванов", the stem of «Иванова» (see fts_russian.h). The
			 * first token may be the stemmer's buffer, which the second stem reuses. */
			memcpy(first, token, (size_t)token_len);
			memcpy(word + size, "\xd0\xb0", 2); /* а */
			const sb_symbol *stem =
				sb_stemmer_stem(t->russian, (const sb_symbol *)word, size + 2);
			if (stem == NULL)
				return SQLITE_NOMEM;
			int stem_len = sb_stemmer_length(t->russian);
			if (stem_len > 0 && (stem_len != token_len ||
					     memcmp(stem, first, (size_t)stem_len) != 0)) {
				rc = fn(ctx, (const char *)stem, stem_len, start, end, 1);
				if (rc != 0)
					return rc;
			}
		}
	}
	return 0;
}

/* ---- the FTS5 side ---- */

struct fts5_call {
	void *ctx;
	int (*x_token)(void *ctx, int tflags, const char *token, int len, int start, int end);
};

static int fts5_token(void *ctx, const char *token, int len, int start, int end, int colocated)
{
	struct fts5_call *call = ctx;
	return call->x_token(call->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, token, len, start,
			     end);
}

static int x_create(void *user, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)user;
	(void)argv;
	if (argc > 0)
		return SQLITE_ERROR; /* the tokenizer takes no options */
	struct fts_russian *t = fts_russian_new();
	if (t == NULL)
		return SQLITE_NOMEM;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void x_delete(Fts5Tokenizer *tok)
{
	fts_russian_free((struct fts_russian *)tok);
}

static int x_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
		      int (*x_token)(void *, int, const char *, int, int, int))
{
	struct fts5_call call = {ctx, x_token};
	return fts_russian_tokenize((struct fts_russian *)tok, text, len,
				    (flags & FTS5_TOKENIZE_PREFIX) != 0, fts5_token, &call);
}

int fts_russian_register(sqlite3 *db)
{
	static fts5_tokenizer tokenizer = {x_create, x_delete, x_tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(stmt);
		rc = sqlite3_finalize(stmt);
	}
	if (rc != SQLITE_OK || api == NULL || api->iVersion < 2) {
		fprintf(stderr, "sqlite: FTS5 is not available: %s\n", sqlite3_errmsg(db));
		return rc != SQLITE_OK ? rc : SQLITE_ERROR;
	}
	rc = api->xCreateTokenizer(api, "russian", NULL, &tokenizer, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "sqlite: cannot register the russian tokenizer: %s\n",
			sqlite3_errstr(rc));
	return rc;
}
