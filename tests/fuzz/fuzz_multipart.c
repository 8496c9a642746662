/* fuzz_multipart.c — libFuzzer driver for multipart_parse. The input's first line is the
 * Content-Type header, the rest the body (a heap block of exactly its size, so a read past its
 * end is caught). Checks: no crash or over-read; on success every part's data lies inside the
 * body and is framed by the blank line before it and a real delimiter after it; names and file
 * names are valid UTF-8 without NUL; file names hold no '/', '\\' or control character and keep
 * to their length; limits hold. On failure nothing is returned. */
#include "fuzz_common.h"

#include "arena.h"
#include "multipart.h"

/* The boundary as multipart.c must have read it, found independently: the text after the
 * first "boundary=" (quotes removed). Only used to check framing, so a rough reading does: when
 * it cannot tell, the framing check is skipped. */
static bool rough_boundary(const char *ct, const char **b, size_t *len)
{
	const char *p = strcasestr(ct, "boundary=");
	if (p == NULL || strcasestr(p + 1, "boundary=") != NULL)
		return false;
	p += strlen("boundary=");
	if (*p == '"') {
		const char *q = strchr(p + 1, '"');
		if (q == NULL)
			return false;
		*b = p + 1;
		*len = (size_t)(q - p - 1);
	} else {
		*b = p;
		*len = strcspn(p, "; \t\"");
	}
	return *len > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *newline = memchr(data, '\n', size);
	size_t ct_len = newline ? (size_t)(newline - data) : 0;
	if (newline == NULL || memchr(data, '\0', ct_len) != NULL)
		return 0;
	char *content_type = fuzz_cstring(data, ct_len);
	size_t len = size - ct_len - 1;
	char *body = malloc(len ? len : 1);
	FUZZ_CHECK(body != NULL);
	memcpy(body, newline + 1, len);

	/* Small limits, so the limit paths are reached too. */
	struct multipart_limits limits = {
		.max_parts = 8,
		.max_text_bytes = 64,
		.max_file_bytes = 256,
		.max_header_bytes = 128,
		.max_headers = 4,
	};
	struct arena a;
	arena_init(&a, 4096);
	struct multipart_part *parts = (struct multipart_part *)1;
	size_t count = 99;
	enum multipart_error error = MULTIPART_OK;
	int rc = multipart_parse(&a, content_type, body, len, &limits, &parts, &count, &error);
	if (rc != 0) {
		FUZZ_CHECK(rc == -1);
		FUZZ_CHECK(parts == NULL && count == 0);
		FUZZ_CHECK(error != MULTIPART_OK);
		FUZZ_CHECK(multipart_error_text(error)[0] != '\0');
	} else {
		FUZZ_CHECK(error == MULTIPART_OK);
		FUZZ_CHECK(count <= limits.max_parts);
		FUZZ_CHECK(multipart_media_type_is(content_type, "multipart/form-data"));
		const char *boundary = NULL;
		size_t boundary_len = 0;
		bool framed = rough_boundary(content_type, &boundary, &boundary_len);
		for (size_t i = 0; i < count; i++) {
			const struct multipart_part *p = &parts[i];
			FUZZ_CHECK(p->data >= body && p->data <= body + len);
			FUZZ_CHECK(p->size <= (size_t)(body + len - p->data));
			FUZZ_CHECK(p->size <= (p->filename ? limits.max_file_bytes
							   : limits.max_text_bytes));
			size_t name_len = strlen(p->name);
			FUZZ_CHECK(ref_utf8_valid(p->name, name_len));
			FUZZ_CHECK(p->content_type != NULL && p->content_type[0] != '\0');
			/* Data follows the blank line that ends the headers. */
			FUZZ_CHECK(p->data - body >= 4 && memcmp(p->data - 4, "\r\n\r\n", 4) == 0);
			if (framed && p->size > 0) {
				/* ... and is followed by CRLF "--" boundary. */
				const char *after = p->data + p->size;
				FUZZ_CHECK((size_t)(body + len - after) >= 4 + boundary_len);
				FUZZ_CHECK(memcmp(after, "\r\n--", 4) == 0);
				FUZZ_CHECK(memcmp(after + 4, boundary, boundary_len) == 0);
			}
			if (p->filename == NULL)
				continue;
			size_t fn_len = strlen(p->filename);
			FUZZ_CHECK(ref_utf8_valid(p->filename, fn_len));
			FUZZ_CHECK(!ref_utf8_has_controls(p->filename, fn_len, false));
			FUZZ_CHECK(strpbrk(p->filename, "/\\") == NULL);
			FUZZ_CHECK(ref_utf8_length(p->filename, fn_len) <= MULTIPART_FILENAME_MAX);
			FUZZ_CHECK(strcmp(p->filename, ".") != 0 && strcmp(p->filename, "..") != 0);
			FUZZ_CHECK(p->filename[0] != '\0' || p->size == 0);
		}
	}
	/* The file name sanitizer alone, on the raw body as a name. */
	const char *name = multipart_sanitize_filename(&a, body, len);
	FUZZ_CHECK((name != NULL) == ref_utf8_valid(body, len));
	if (name != NULL) {
		size_t n = strlen(name);
		FUZZ_CHECK(ref_utf8_valid(name, n));
		FUZZ_CHECK(!ref_utf8_has_controls(name, n, false));
		FUZZ_CHECK(strpbrk(name, "/\\") == NULL);
		FUZZ_CHECK(ref_utf8_length(name, n) <= MULTIPART_FILENAME_MAX);
		FUZZ_CHECK((n == 0) == (len == 0));
	}
	arena_free(&a);
	free(body);
	free(content_type);
	return 0;
}
