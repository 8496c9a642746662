/* multipart.c — multipart/form-data parser (see multipart.h). Everything is read through
 * (pointer, length) spans checked against the end of the body; parts point into the body, only
 * names and file names are copied into the arena. */
#include "multipart.h"

#include <string.h>
#include <strings.h>

#include "utf8.h"

#define BOUNDARY_MAX 70 /* RFC 2046 §5.1.1 */

struct span {
	const char *p;
	size_t len;
};

static bool span_equals_nocase(struct span s, const char *word)
{
	return s.len == strlen(word) && strncasecmp(s.p, word, s.len) == 0;
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_ows(const char *p, const char *end)
{
	while (p < end && is_ows(*p))
		p++;
	return p;
}

static struct span trim(const char *p, const char *end)
{
	p = skip_ows(p, end);
	while (end > p && is_ows(end[-1]))
		end--;
	return (struct span){p, (size_t)(end - p)};
}

/* RFC 9110 tchar: the characters of header names, parameter names and media types. */
static bool is_tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 2046 bchars: what a boundary may consist of (space only inside quotes, never last). */
static bool is_bchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

/* ---- header parameters: `; name=value` or `; name="value"` ---- */

struct header_param {
	struct span name;
	struct span value; /* without the quotes */
};

/* Read the parameter after *pos in [*pos, end): 1 when one was read (*pos moves past it), 0 at
 * the end, -1 when malformed. Empty parameters (";;", a trailing ';') are skipped. Inside quotes
 * everything up to the next '"' belongs to the value: browsers do not escape with backslashes
 * (they send Windows paths as they are) but write '"' as %22. */
static int next_param(const char **pos, const char *end, struct header_param *out)
{
	const char *p = skip_ows(*pos, end);
	for (;;) {
		if (p == end) {
			*pos = p;
			return 0;
		}
		if (*p != ';')
			return -1;
		p = skip_ows(p + 1, end);
		if (p < end && *p != ';')
			break;
	}
	const char *start = p;
	while (p < end && is_tchar(*p))
		p++;
	if (p == start)
		return -1;
	out->name = (struct span){start, (size_t)(p - start)};
	p = skip_ows(p, end);
	if (p == end || *p != '=')
		return -1;
	p = skip_ows(p + 1, end);
	if (p < end && *p == '"') {
		start = ++p;
		while (p < end && *p != '"')
			p++;
		if (p == end)
			return -1; /* no closing quote */
		out->value = (struct span){start, (size_t)(p - start)};
		p++;
	} else {
		start = p;
		while (p < end && *p != ';' && !is_ows(*p) && *p != '"')
			p++;
		if (p == start)
			return -1;
		out->value = (struct span){start, (size_t)(p - start)};
	}
	*pos = p;
	return 1;
}

/* The media type of a header value (before any ';'), or an empty span when it is not shaped
 * type/subtype of tchars. */
static struct span media_type(const char *p, const char *end)
{
	const char *semicolon = memchr(p, ';', (size_t)(end - p));
	struct span t = trim(p, semicolon ? semicolon : end);
	const char *slash = memchr(t.p, '/', t.len);
	if (slash == NULL || slash == t.p || slash == t.p + t.len - 1)
		return (struct span){t.p, 0};
	for (size_t i = 0; i < t.len; i++)
		if (t.p + i != slash && !is_tchar(t.p[i]))
			return (struct span){t.p, 0};
	return t;
}

bool multipart_media_type_is(const char *content_type, const char *type)
{
	if (content_type == NULL)
		return false;
	struct span t = media_type(content_type, content_type + strlen(content_type));
	return t.len > 0 && span_equals_nocase(t, type);
}

/* The boundary of a multipart/form-data Content-Type; false when there is none or it breaks
 * RFC 2046 (1-70 bchars, not ending in a space), or a parameter is malformed or repeated. */
static bool parse_boundary(const char *content_type, struct span *boundary)
{
	if (!multipart_media_type_is(content_type, "multipart/form-data"))
		return false;
	const char *end = content_type + strlen(content_type);
	const char *p = memchr(content_type, ';', (size_t)(end - content_type));
	boundary->len = 0;
	struct header_param param;
	int rc;
	while (p != NULL && (rc = next_param(&p, end, &param)) != 0) {
		if (rc < 0)
			return false;
		if (!span_equals_nocase(param.name, "boundary"))
			continue;
		if (boundary->len > 0)
			return false;
		*boundary = param.value;
		if (boundary->len == 0 || boundary->len > BOUNDARY_MAX ||
		    boundary->p[boundary->len - 1] == ' ')
			return false;
		for (size_t i = 0; i < boundary->len; i++)
			if (!is_bchar(boundary->p[i]))
				return false;
	}
	return boundary->len > 0;
}

/* ---- names and file names ---- */

/* A NUL-terminated copy of s with the HTML standard's escapes of form-data names undone:
 * %22 is '"', %0D CR and %0A LF (any other '%' stays as it is). */
static char *unescape_browser(struct arena *a, struct span s, size_t *out_len)
{
	char *out = arena_alloc(a, s.len + 1);
	size_t n = 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] == '%' && i + 2 < s.len) {
			char hi = s.p[i + 1], lo = (char)(s.p[i + 2] | 0x20);
			if (hi == '2' && lo == '2') {
				out[n++] = '"';
				i += 2;
				continue;
			}
			if (hi == '0' && (lo == 'd' || lo == 'a')) {
				out[n++] = lo == 'd' ? '\r' : '\n';
				i += 2;
				continue;
			}
		}
		out[n++] = s.p[i];
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* RFC 5987 ext-value: charset'language'percent-encoded. Only UTF-8 is accepted (browsers and
 * the RFC's own recommendation); NULL when the charset is another or an escape is malformed. */
static char *decode_ext_value(struct arena *a, struct span s, size_t *out_len)
{
	const char *first = memchr(s.p, '\'', s.len);
	if (first == NULL || !span_equals_nocase((struct span){s.p, (size_t)(first - s.p)}, "utf-8"))
		return NULL;
	const char *end = s.p + s.len;
	const char *second = memchr(first + 1, '\'', (size_t)(end - first - 1));
	if (second == NULL)
		return NULL;
	const char *p = second + 1;
	char *out = arena_alloc(a, (size_t)(end - p) + 1);
	size_t n = 0;
	while (p < end) {
		if (*p == '%') {
			if (end - p < 3)
				return NULL;
			int hi = hex_value(p[1]), lo = hex_value(p[2]);
			if (hi < 0 || lo < 0)
				return NULL;
			out[n++] = (char)(hi << 4 | lo);
			p += 3;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

/* The code point at s (valid UTF-8 with at least one byte) and its length in bytes. */
static size_t utf8_next(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xE0) {
		*cp = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] < 0xF0) {
		*cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	*cp = (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
	      (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return 4;
}

/* Characters a file name shown to staff must not carry: controls (C0, DEL, C1), and the
 * invisible marks and bidi overrides that make "счёт\u202Efdp.exe" look like "счётexe.pdf". */
static bool dropped_from_filename(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

const char *multipart_sanitize_filename(struct arena *a, const char *raw, size_t len)
{
	if (!utf8_valid(raw, len))
		return NULL;
	/* The last component of a path: "C:\Users\Иван\скан.pdf", "../../etc/passwd". */
	size_t start = 0;
	for (size_t i = 0; i < len; i++)
		if (raw[i] == '/' || raw[i] == '\\')
			start = i + 1;
	char *out = arena_alloc(a, len - start + 1);
	size_t n = 0;
	const unsigned char *s = (const unsigned char *)raw;
	for (size_t i = start; i < len;) {
		unsigned cp;
		size_t step = utf8_next(s + i, &cp);
		if (!dropped_from_filename(cp)) {
			memcpy(out + n, raw + i, step);
			n += step;
		}
		i += step;
	}
	/* Blanks around the name are mistakes, not part of it. */
	size_t lead = 0;
	while (lead < n && out[lead] == ' ')
		lead++;
	while (n > lead && out[n - 1] == ' ')
		n--;
	memmove(out, out + lead, n - lead);
	n -= lead;
	out[n] = '\0';
	if (strcmp(out, ".") == 0 || strcmp(out, "..") == 0) {
		n = 0;
		out[0] = '\0';
	}
	if (n == 0)
		return len > 0 ? MULTIPART_FILENAME_FALLBACK : "";
	size_t chars = utf8_length(out, n);
	if (chars <= MULTIPART_FILENAME_MAX)
		return out;

	/* Too long: keep the extension (up to 10 characters after the last dot) and as much of
	 * the rest as fits, cut on a character boundary. */
	const char *dot = strrchr(out, '.');
	size_t ext_len = 0, ext_chars = 0;
	if (dot != NULL && dot != out) {
		ext_len = n - (size_t)(dot - out);
		ext_chars = utf8_length(dot, ext_len);
		if (ext_chars > 11) {
			ext_len = 0;
			ext_chars = 0;
		}
	}
	size_t keep_chars = MULTIPART_FILENAME_MAX - ext_chars, keep = 0;
	for (size_t c = 0; c < keep_chars; c++) {
		unsigned cp;
		keep += utf8_next((const unsigned char *)out + keep, &cp);
	}
	char *shortened = arena_alloc(a, keep + ext_len + 1);
	memcpy(shortened, out, keep);
	if (ext_len > 0)
		memcpy(shortened + keep, out + n - ext_len, ext_len);
	shortened[keep + ext_len] = '\0';
	return shortened;
}

/* ---- the body ---- */

enum delimiter_kind { NOT_DELIMITER, DELIMITER_PART, DELIMITER_CLOSE };

/* What follows a boundary ending at body[at]: "--" closes the body, transport padding and CRLF
 * open a part at *next; anything else means the bytes only looked like a boundary. */
static enum delimiter_kind delimiter_after(const char *body, size_t len, size_t at, size_t *next)
{
	if (len - at >= 2 && body[at] == '-' && body[at + 1] == '-')
		return DELIMITER_CLOSE;
	while (at < len && is_ows(body[at]))
		at++;
	if (len - at >= 2 && body[at] == '\r' && body[at + 1] == '\n') {
		*next = at + 2;
		return DELIMITER_PART;
	}
	return NOT_DELIMITER;
}

/* The first real delimiter (CRLF "--" boundary, then a part or the close) at or after from:
 * its offset in *start, its kind returned (NOT_DELIMITER when there is none). */
static enum delimiter_kind find_delimiter(const char *body, size_t len, size_t from,
					  const char *delim, size_t delim_len, size_t *start,
					  size_t *next)
{
	while (from < len && len - from >= delim_len) {
		const char *hit = memmem(body + from, len - from, delim, delim_len);
		if (hit == NULL)
			return NOT_DELIMITER;
		size_t at = (size_t)(hit - body);
		enum delimiter_kind kind = delimiter_after(body, len, at + delim_len, next);
		if (kind != NOT_DELIMITER) {
			*start = at;
			return kind;
		}
		from = at + 1;
	}
	return NOT_DELIMITER;
}

/* The headers of one part that matter, as spans into the body. */
struct part_headers {
	struct span disposition; /* .p NULL when absent */
	struct span content_type;
};

/* One header line (CRLF excluded). Controls other than tab and folded lines are refused;
 * Content-Disposition and Content-Type may each come once; other headers are ignored. */
static enum multipart_error header_line(const char *line, size_t len, struct part_headers *h)
{
	if (is_ows(line[0]))
		return MULTIPART_BAD_HEADER; /* obsolete line folding */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		if ((c < 0x20 && c != '\t') || c == 0x7F)
			return MULTIPART_BAD_HEADER;
	}
	const char *colon = memchr(line, ':', len);
	if (colon == NULL || colon == line)
		return MULTIPART_BAD_HEADER;
	struct span name = {line, (size_t)(colon - line)};
	for (size_t i = 0; i < name.len; i++)
		if (!is_tchar(name.p[i]))
			return MULTIPART_BAD_HEADER;
	struct span value = trim(colon + 1, line + len);
	struct span *slot = NULL;
	if (span_equals_nocase(name, "content-disposition"))
		slot = &h->disposition;
	else if (span_equals_nocase(name, "content-type"))
		slot = &h->content_type;
	if (slot == NULL)
		return MULTIPART_OK;
	if (slot->p != NULL)
		return MULTIPART_BAD_HEADER;
	*slot = value;
	return MULTIPART_OK;
}

/* Fill a part from its headers: name, file name, declared type. */
static enum multipart_error part_from_headers(struct arena *a, const struct part_headers *h,
					      struct multipart_part *part)
{
	if (h->disposition.p == NULL)
		return MULTIPART_BAD_DISPOSITION;
	const char *p = h->disposition.p, *end = p + h->disposition.len;
	const char *semicolon = memchr(p, ';', h->disposition.len);
	if (!span_equals_nocase(trim(p, semicolon ? semicolon : end), "form-data"))
		return MULTIPART_BAD_DISPOSITION;
	struct span name = {NULL, 0}, filename = {NULL, 0}, filename_ext = {NULL, 0};
	struct header_param param;
	int rc;
	p = semicolon;
	while (p != NULL && (rc = next_param(&p, end, &param)) != 0) {
		if (rc < 0)
			return MULTIPART_BAD_HEADER;
		struct span *slot = span_equals_nocase(param.name, "name")        ? &name
				    : span_equals_nocase(param.name, "filename")  ? &filename
				    : span_equals_nocase(param.name, "filename*") ? &filename_ext
										  : NULL;
		if (slot == NULL)
			continue;
		if (slot->p != NULL)
			return MULTIPART_BAD_HEADER; /* two names: which one would a checker have seen? */
		*slot = param.value;
	}
	if (name.p == NULL)
		return MULTIPART_BAD_DISPOSITION;
	size_t len;
	part->name = unescape_browser(a, name, &len);
	if (!utf8_valid(part->name, len) || memchr(part->name, '\0', len) != NULL)
		return MULTIPART_BAD_NAME;

	part->filename = NULL;
	if (filename_ext.p != NULL || filename.p != NULL) {
		const char *raw = filename_ext.p != NULL ? decode_ext_value(a, filename_ext, &len)
							 : unescape_browser(a, filename, &len);
		if (raw == NULL)
			return MULTIPART_BAD_FILENAME;
		part->filename = multipart_sanitize_filename(a, raw, len);
		if (part->filename == NULL)
			return MULTIPART_BAD_FILENAME;
	}

	if (h->content_type.p != NULL) {
		struct span t = media_type(h->content_type.p, h->content_type.p + h->content_type.len);
		if (t.len == 0)
			return MULTIPART_BAD_HEADER;
		char *lower = arena_strndup(a, t.p, t.len);
		for (char *c = lower; *c != '\0'; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		part->content_type = lower;
	} else {
		/* RFC 7578 §4.4: text/plain by default; a file without a type is just bytes. */
		part->content_type = part->filename ? "application/octet-stream" : "text/plain";
	}
	return MULTIPART_OK;
}

/* Read the header lines of a part starting at *pos, leaving *pos at the blank line that ends
 * them (its CRLF not consumed). */
static enum multipart_error read_headers(const char *body, size_t len, size_t *pos,
					 const struct multipart_limits *limits,
					 struct part_headers *h)
{
	size_t p = *pos, lines = 0;
	memset(h, 0, sizeof *h);
	for (;;) {
		size_t window = len - p;
		bool cut = false;
		if (window > limits->max_header_bytes + 2) {
			window = limits->max_header_bytes + 2;
			cut = true;
		}
		const char *eol = memmem(body + p, window, "\r\n", 2);
		if (eol == NULL)
			return cut ? MULTIPART_HEADER_TOO_LONG : MULTIPART_TRUNCATED;
		size_t line_len = (size_t)(eol - (body + p));
		if (line_len == 0) {
			*pos = p;
			return MULTIPART_OK;
		}
		if (line_len > limits->max_header_bytes || ++lines > limits->max_headers)
			return MULTIPART_HEADER_TOO_LONG;
		enum multipart_error e = header_line(body + p, line_len, h);
		if (e != MULTIPART_OK)
			return e;
		p += line_len + 2;
	}
}

int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
		    const struct multipart_limits *limits, struct multipart_part **parts,
		    size_t *count, enum multipart_error *error)
{
	*parts = NULL;
	*count = 0;
	struct span boundary;
	if (!parse_boundary(content_type, &boundary)) {
		*error = MULTIPART_BAD_CONTENT_TYPE;
		return -1;
	}
	char delim[4 + BOUNDARY_MAX];
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary.p, boundary.len);
	size_t delim_len = 4 + boundary.len;

	/* The first boundary opens the body or follows the preamble on a line of its own. */
	size_t next = 0, start = 0;
	enum delimiter_kind kind = NOT_DELIMITER;
	if (len >= delim_len - 2 && memcmp(body, delim + 2, delim_len - 2) == 0)
		kind = delimiter_after(body, len, delim_len - 2, &next);
	if (kind == NOT_DELIMITER)
		kind = find_delimiter(body, len, 0, delim, delim_len, &start, &next);
	if (kind == NOT_DELIMITER) {
		*error = MULTIPART_NO_FIRST_BOUNDARY;
		return -1;
	}

	struct multipart_part *items = NULL;
	size_t n = 0, cap = 0;
	enum multipart_error e = MULTIPART_OK;
	while (kind == DELIMITER_PART) {
		if (n == limits->max_parts) {
			e = MULTIPART_TOO_MANY_PARTS;
			break;
		}
		size_t p = next;
		struct part_headers h;
		e = read_headers(body, len, &p, limits, &h);
		if (e != MULTIPART_OK)
			break;
		size_t data_start = p + 2; /* after the blank line */
		/* Search from the blank line: when the part is empty its CRLF may be the one that
		 * begins the delimiter. */
		kind = find_delimiter(body, len, p, delim, delim_len, &start, &next);
		if (kind == NOT_DELIMITER) {
			e = MULTIPART_TRUNCATED;
			break;
		}
		items = arena_grow(a, items, n, &cap, sizeof *items);
		struct multipart_part *part = &items[n];
		e = part_from_headers(a, &h, part);
		if (e != MULTIPART_OK)
			break;
		part->data = body + data_start;
		part->size = start > data_start ? start - data_start : 0;
		if (part->filename != NULL && part->filename[0] == '\0' && part->size > 0)
			part->filename = MULTIPART_FILENAME_FALLBACK;
		size_t limit = part->filename ? limits->max_file_bytes : limits->max_text_bytes;
		if (part->size > limit) {
			e = MULTIPART_PART_TOO_LARGE;
			break;
		}
		n++;
	}
	if (e != MULTIPART_OK) {
		*error = e;
		return -1;
	}
	/* DELIMITER_CLOSE: whatever follows is the epilogue. */
	*parts = items;
	*count = n;
	*error = MULTIPART_OK;
	return 0;
}

const char *multipart_error_text(enum multipart_error error)
{
	switch (error) {
	case MULTIPART_OK:
		break;
	case MULTIPART_BAD_CONTENT_TYPE:
		return "Данные формы с файлами отправлены без правильного разделителя частей.";
	case MULTIPART_NO_FIRST_BOUNDARY:
	case MULTIPART_TRUNCATED:
		return "Данные формы пришли не полностью. Отправьте форму ещё раз.";
	case MULTIPART_BAD_HEADER:
	case MULTIPART_BAD_DISPOSITION:
		return "Данные формы с файлами повреждены: у одной из частей неверные заголовки.";
	case MULTIPART_HEADER_TOO_LONG:
		return "Данные формы с файлами повреждены: заголовки одной из частей слишком длинные.";
	case MULTIPART_BAD_NAME:
		return "В запросе есть символы в неверной кодировке (ожидается UTF-8).";
	case MULTIPART_BAD_FILENAME:
		return "Имя одного из файлов в неверной кодировке (ожидается UTF-8). Переименуйте файл "
		       "и отправьте форму ещё раз.";
	case MULTIPART_TOO_MANY_PARTS:
		return "В запросе слишком много полей или файлов.";
	case MULTIPART_PART_TOO_LARGE:
		return "Одно из полей или один из файлов слишком большой.";
	}
	return "";
}
