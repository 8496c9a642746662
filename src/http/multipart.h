/* multipart.h — a parser for multipart/form-data bodies (RFC 7578 on RFC 2046), the encoding of
 * forms with file fields. A pure function over bytes, like params.c, fuzzed by
 * tests/fuzz/fuzz_multipart.c. The request pipeline (request.c) turns its text parts into the
 * same form fields an urlencoded body gives and its file parts into req->files. */
#ifndef PORTAL_MULTIPART_H
#define PORTAL_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* The longest file name kept, in characters; a longer one is shortened before its extension. */
#define MULTIPART_FILENAME_MAX 150

/* The name a file gets when the one it was sent with has nothing left after sanitizing. */
#define MULTIPART_FILENAME_FALLBACK "файл"

struct multipart_part {
	const char *name;         /* the field name: NUL-terminated, valid UTF-8, no NUL inside */
	const char *filename;     /* NULL for a text field. For a file: the sanitized name —
	                             valid UTF-8, no path, no '/' or '\\', no control or bidi
	                             characters, at most MULTIPART_FILENAME_MAX characters; "" only
	                             when the browser sent filename="" (a file input left empty) */
	const char *content_type; /* the declared media type, lowercased, without parameters:
	                             what the client claims, never to be trusted (upload_check
	                             decides by content); "text/plain" or
	                             "application/octet-stream" when none was declared */
	const char *data;         /* the content: points into the body given to multipart_parse,
	                             not NUL-terminated, may hold any bytes */
	size_t size;              /* bytes in data */
};

struct multipart_limits {
	size_t max_parts;        /* parts in one body (text and files together) */
	size_t max_text_bytes;   /* bytes of one part without a file name */
	size_t max_file_bytes;   /* bytes of one file */
	size_t max_header_bytes; /* bytes of one header line of a part, CRLF excluded */
	size_t max_headers;      /* header lines of one part */
};

enum multipart_error {
	MULTIPART_OK,
	MULTIPART_BAD_CONTENT_TYPE, /* not multipart/form-data, or no valid boundary (1-70 chars) */
	MULTIPART_NO_FIRST_BOUNDARY, /* the body never starts a part */
	MULTIPART_TRUNCATED,        /* a part without its end, or no closing boundary */
	MULTIPART_BAD_HEADER,       /* a malformed header line, a folded one, a control character,
	                               a parameter given twice, a malformed media type */
	MULTIPART_HEADER_TOO_LONG,  /* a header line over max_header_bytes, or over max_headers */
	MULTIPART_BAD_DISPOSITION,  /* no Content-Disposition, not form-data, or no name */
	MULTIPART_BAD_NAME,         /* a field name that is not UTF-8 or holds a NUL */
	MULTIPART_BAD_FILENAME,     /* a file name that is not UTF-8, or a malformed filename*= */
	MULTIPART_TOO_MANY_PARTS,   /* more than max_parts */
	MULTIPART_PART_TOO_LARGE,   /* a part over max_text_bytes or max_file_bytes */
};

/* Parse body[0..len) sent with the Content-Type header content_type (NUL-terminated; the
 * boundary comes from it, quoted or not). On success returns 0 with *parts (in the arena, in the
 * order sent) and *count; on any error returns -1, sets *error, and leaves *parts NULL and
 * *count 0. Never reads outside body[0..len) or past content_type's NUL.
 *
 * Accepted: the preamble and epilogue (ignored), transport padding after a boundary, header
 * names in any case, Content-Disposition: form-data with name= and optional filename= (quoted
 * or a token) and filename*=UTF-8''… (RFC 5987, preferred over filename=), an optional
 * Content-Type per part; other headers are ignored. Lines end in CRLF. In quoted names a
 * backslash is an ordinary character, as browsers send it (Windows paths), and %22, %0D, %0A
 * stand for '"', CR and LF (the HTML standard's escaping). */
int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
		    const struct multipart_limits *limits, struct multipart_part **parts,
		    size_t *count, enum multipart_error *error);

/* The explanation of an error in Russian, for the 400 page. */
const char *multipart_error_text(enum multipart_error error);

/* The sanitized form of a file name raw[0..len) as a browser sent it (already unescaped): NULL
 * when it is not valid UTF-8; else the last path component with control and bidi characters
 * dropped, blanks trimmed, "." and ".." emptied, shortened to MULTIPART_FILENAME_MAX characters
 * keeping a short extension, and MULTIPART_FILENAME_FALLBACK when nothing is left of a non-empty
 * name. Exposed for unit tests. */
const char *multipart_sanitize_filename(struct arena *a, const char *raw, size_t len);

/* Whether a Content-Type header's media type is type (ASCII case ignored, parameters allowed). */
bool multipart_media_type_is(const char *content_type, const char *type);

#endif
