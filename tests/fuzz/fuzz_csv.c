/* fuzz_csv.c — libFuzzer driver for the CSV writer (src/base/csv.c): the input, split at NUL bytes
 * into fields, is written as one record of text cells; an RFC 4180 reader written here
 * independently must read back exactly the same fields (after the apostrophe that neutralises a
 * formula-like one), so no text can break a record or shift a column, and no field read back
 * starts as a formula would. The portal's own reader (csv_read_record, the plan's import) must
 * read the record back the same way, and read any input, the raw bytes too, without running past
 * its end or standing still. */
#include "fuzz_common.h"

#include "arena.h"
#include "buf.h"
#include "csv.h"

#define MAX_FIELDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	FUZZ_CHECK(text != NULL);
	if (size > 0)
		memcpy(text, data, size);
	text[size] = '\0';
	const char *fields[MAX_FIELDS];
	size_t n = 0;
	for (size_t start = 0; start <= size && n < MAX_FIELDS;) {
		fields[n++] = text + start;
		start += strlen(text + start) + 1;
	}
	struct arena a;
	arena_init(&a, 1024);
	struct buf out;
	buf_init(&out, &a);
	csv_record(&out, fields, n);

	/* Read it back. */
	const char *p = out.data, *end = out.data + out.len;
	char *got = malloc(out.len + 1);
	FUZZ_CHECK(got != NULL);
	for (size_t i = 0; i < n; i++) {
		size_t len = 0;
		if (p < end && *p == '"') {
			p++;
			for (;;) {
				FUZZ_CHECK(p < end);
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						got[len++] = '"';
						p += 2;
						continue;
					}
					p++;
					break;
				}
				got[len++] = *p++;
			}
		} else {
			while (p < end && *p != ';' && *p != '\r') {
				/* LibreOffice splits at commas and tabs by default. */
				FUZZ_CHECK(*p != '"' && *p != '\n' && *p != ',' && *p != '\t');
				got[len++] = *p++;
			}
		}
		/* A formula-like field comes back behind one apostrophe, and nothing read back is
		 * formula-like (an apostrophe is not a trigger). */
		size_t want = strlen(fields[i]);
		size_t skip = csv_formula_like(fields[i], want) ? 1 : 0;
		FUZZ_CHECK(skip == 0 || (len > 0 && got[0] == '\''));
		FUZZ_CHECK(!csv_formula_like(got, len));
		FUZZ_CHECK(len == want + skip && memcmp(got + skip, fields[i], want) == 0);
		if (i + 1 < n) {
			FUZZ_CHECK(p < end && *p == ';');
			p++;
		}
	}
	FUZZ_CHECK(end - p == 2 && p[0] == '\r' && p[1] == '\n');

	/* The import's reader gives the same fields (the apostrophe kept: the import drops it),
	 * from a file as the export writes it: the byte order mark, then the record. */
	struct buf file;
	buf_init(&file, &a);
	csv_begin(&file);
	buf_append(&file, out.data, out.len);
	const char *back[MAX_FIELDS];
	size_t pos = 0, count;
	int line = 1;
	FUZZ_CHECK(csv_read_record(&a, file.data, file.len, &pos, ';', back, MAX_FIELDS, &count,
				   &line) == 1);
	FUZZ_CHECK(count == n && pos == file.len);
	for (size_t i = 0; i < n; i++) {
		size_t want = strlen(fields[i]);
		size_t skip = csv_formula_like(fields[i], want) ? 1 : 0;
		FUZZ_CHECK(strlen(back[i]) == want + skip && strcmp(back[i] + skip, fields[i]) == 0);
	}
	/* Any bytes: every call moves on (or ends), and the count stays within the buffer. */
	char sep = csv_guess_separator((const char *)data, size);
	FUZZ_CHECK(sep == ';' || sep == ',');
	pos = 0;
	for (int records = 0;; records++) {
		size_t before = pos;
		int rc = csv_read_record(&a, (const char *)data, size, &pos, sep, back, 8, &count,
					 &line);
		if (rc == 0)
			break;
		FUZZ_CHECK(pos > before && pos <= size && count <= 8);
		FUZZ_CHECK(records <= (int)size);
	}
	free(got);
	arena_free(&a);
	free(text);
	return 0;
}
