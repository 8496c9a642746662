/* test_multipart.c — unit tests for src/http/multipart.c (the multipart/form-data parser) and for the
 * way request.c turns a multipart body into the same form fields an urlencoded one gives,
 * validated by the field table, plus req->files. */
#include "unit.h"

#include "arena.h"
#include "config.h"
#include "multipart.h"
#include "router.h"
#include "utf8.h"
#include "validate.h"
#include "worker.h"

#define CT "multipart/form-data; boundary=XyZ"
#define B "--XyZ\r\n"
#define END "--XyZ--\r\n"
#define DISP(name) "Content-Disposition: form-data; name=\"" name "\"\r\n"
#define FILEDISP(name, file) "Content-Disposition: form-data; name=\"" name "\"; filename=\"" file "\"\r\n"

static struct arena arena;

static int setup(void **state)
{
	(void)state;
	arena_init(&arena, 4096);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

static const struct multipart_limits default_limits = {
	.max_parts = 20,
	.max_text_bytes = 1000,
	.max_file_bytes = 100000,
	.max_header_bytes = 256,
	.max_headers = 4,
};

struct parsed {
	int rc;
	enum multipart_error error;
	struct multipart_part *parts;
	size_t count;
};

/* Parse len bytes copied to the heap (so AddressSanitizer sees a read past the end). */
static struct parsed parse_with(const char *content_type, const char *body, size_t len,
				const struct multipart_limits *limits)
{
	struct parsed r;
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, body, len);
	r.rc = multipart_parse(&arena, content_type, copy, len, limits, &r.parts, &r.count,
			       &r.error);
	if (r.rc == 0) {
		assert_int_equal(r.error, MULTIPART_OK);
		for (size_t i = 0; i < r.count; i++) {
			assert_true(r.parts[i].data >= copy);
			assert_true(r.parts[i].data + r.parts[i].size <= copy + len);
			/* the tests read the data after the body is freed: keep a copy */
			r.parts[i].data = arena_strndup(&arena, r.parts[i].data, r.parts[i].size);
		}
	} else {
		assert_int_equal(r.rc, -1);
		assert_null(r.parts);
		assert_int_equal(r.count, 0);
		assert_int_not_equal(r.error, MULTIPART_OK);
		assert_true(multipart_error_text(r.error)[0] != '\0');
	}
	free(copy);
	return r;
}
#define PARSE(ct, lit) parse_with((ct), (lit), LIT_LEN(lit), &default_limits)
#define PARSE_LIMITS(ct, lit, limits) parse_with((ct), (lit), LIT_LEN(lit), (limits))
#define ASSERT_ERROR(r, e)                                                                         \
	do {                                                                                       \
		struct parsed r_ = (r);                                                            \
		assert_int_equal(r_.rc, -1);                                                       \
		assert_int_equal(r_.error, (e));                                                   \
	} while (0)

/* ---- well-formed bodies ---- */

static void test_text_fields_and_a_file(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, B DISP("title") "\r\nВстреча\r\n"
				B FILEDISP("attachment", "скан.pdf") "Content-Type: application/pdf\r\n"
				"\r\n%PDF-1.4 data\r\n"
				B DISP("text") "\r\nдве\r\nстроки\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 3);
	assert_string_equal(r.parts[0].name, "title");
	assert_null(r.parts[0].filename);
	assert_string_equal(r.parts[0].content_type, "text/plain");
	assert_bytes_equal(r.parts[0].data, r.parts[0].size, "Встреча");
	assert_string_equal(r.parts[1].name, "attachment");
	assert_string_equal(r.parts[1].filename, "скан.pdf");
	assert_string_equal(r.parts[1].content_type, "application/pdf");
	assert_bytes_equal(r.parts[1].data, r.parts[1].size, "%PDF-1.4 data");
	assert_bytes_equal(r.parts[2].data, r.parts[2].size, "две\r\nстроки");
}

static void test_cyrillic_file_names_as_browsers_send_them(void **state)
{
	(void)state;
	/* Chrome and Firefox: UTF-8 as it is inside the quotes, '"' as %22. */
	struct parsed r = PARSE(CT, B FILEDISP("f", "Заявление «о ремонте» %22дороги%22 №5.docx")
				"\r\nx\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].filename, "Заявление «о ремонте» \"дороги\" №5.docx");
}

static void test_boundary_quoted_or_not(void **state)
{
	(void)state;
	const char *types[] = {
		"multipart/form-data; boundary=XyZ",
		"multipart/form-data; boundary=\"XyZ\"",
		"Multipart/Form-Data ;charset=utf-8; BOUNDARY = XyZ ; x=y",
		"multipart/form-data; boundary=XyZ;",
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		struct parsed r = PARSE(types[i], B DISP("a") "\r\n1\r\n" END);
		assert_int_equal(r.rc, 0);
		assert_int_equal(r.count, 1);
		assert_bytes_equal(r.parts[0].data, r.parts[0].size, "1");
	}
	/* Every bchar, a space inside quotes, 70 characters. */
	struct parsed r = PARSE("multipart/form-data; boundary=\"a'()+_,-./:=? b\"",
				"--a'()+_,-./:=? b\r\n" DISP("a") "\r\n1\r\n--a'()+_,-./:=? b--");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 1);
	r = PARSE("multipart/form-data; boundary="
		  "1234567890123456789012345678901234567890123456789012345678901234567890",
		  "--1234567890123456789012345678901234567890123456789012345678901234567890\r\n"
		  DISP("a") "\r\n1\r\n"
		  "--1234567890123456789012345678901234567890123456789012345678901234567890--");
	assert_int_equal(r.rc, 0);
	/* The boundary Firefox uses: dashes and digits. */
	r = PARSE("multipart/form-data; boundary=---------------------------30231588812345",
		  "-----------------------------30231588812345\r\n" DISP("a") "\r\n1\r\n"
		  "-----------------------------30231588812345--\r\n");
	assert_int_equal(r.rc, 0);
	assert_bytes_equal(r.parts[0].data, r.parts[0].size, "1");
}

static void test_bad_content_types(void **state)
{
	(void)state;
	const char *types[] = {
		"multipart/form-data",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"XyZ",
		"multipart/form-data; boundary=XyZ; boundary=XyZ",
		"multipart/mixed; boundary=XyZ",
		"text/plain; boundary=XyZ",
		"multipart/form-data; boundary=\"ends with space \"",
		"multipart/form-data; boundary=bad<char>",
		"multipart/form-data; boundary=\"Ж\"",
		"multipart/form-data; boundary="
		"12345678901234567890123456789012345678901234567890123456789012345678901",
		"",
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		ASSERT_ERROR(PARSE(types[i], B DISP("a") "\r\n1\r\n" END),
			     MULTIPART_BAD_CONTENT_TYPE);
}

static void test_filename_star_is_preferred(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, B "Content-Disposition: form-data; name=\"f\"; "
				"filename=\"____.pdf\"; filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.pdf\r\n"
				"\r\nx\r\n" B "Content-Disposition: form-data; name=\"g\"; "
				"filename*=utf-8'ru'%D0%90%20%D0%91.txt\r\n\r\ny\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].filename, "скан.pdf");
	assert_string_equal(r.parts[1].filename, "А Б.txt");
	/* Another charset, a broken escape, and bytes that are not UTF-8 are refused. */
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; name=\"f\"; "
			   "filename*=windows-1251''%E0.txt\r\n\r\nx\r\n" END),
		     MULTIPART_BAD_FILENAME);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; name=\"f\"; "
			   "filename*=UTF-8''%D1%8.txt\r\n\r\nx\r\n" END),
		     MULTIPART_BAD_FILENAME);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; name=\"f\"; "
			   "filename*=UTF-8''%D1.txt\r\n\r\nx\r\n" END),
		     MULTIPART_BAD_FILENAME);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; name=\"f\"; "
			   "filename*=UTF-8-no-quotes\r\n\r\nx\r\n" END),
		     MULTIPART_BAD_FILENAME);
}

static void test_several_files_in_one_field(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, B FILEDISP("attachment", "1.png") "Content-Type: image/png\r\n"
				"\r\nPNG1\r\n" B FILEDISP("attachment", "2.png")
				"Content-Type: IMAGE/PNG; x=y\r\n\r\nPNG2\r\n" B
				FILEDISP("attachment", "3.bin") "\r\nBIN\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(r.parts[i].name, "attachment");
	assert_string_equal(r.parts[1].filename, "2.png");
	assert_string_equal(r.parts[1].content_type, "image/png");
	assert_bytes_equal(r.parts[1].data, r.parts[1].size, "PNG2");
	assert_string_equal(r.parts[2].content_type, "application/octet-stream");
}

static void test_empty_file_and_empty_file_input(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, B FILEDISP("a", "пустой.txt") "\r\n\r\n"
				B FILEDISP("b", "") "Content-Type: application/octet-stream\r\n\r\n\r\n"
				B DISP("c") "\r\n\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 3);
	assert_string_equal(r.parts[0].filename, "пустой.txt");
	assert_int_equal(r.parts[0].size, 0);
	assert_string_equal(r.parts[1].filename, ""); /* a file input left empty */
	assert_int_equal(r.parts[1].size, 0);
	assert_null(r.parts[2].filename);
	assert_int_equal(r.parts[2].size, 0);
	/* Content under an empty file name is still a file, with a name of our own. */
	r = PARSE(CT, B FILEDISP("a", "") "\r\ndata\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].filename, MULTIPART_FILENAME_FALLBACK);
	/* An empty part whose blank line's CRLF is also the delimiter's. */
	r = PARSE(CT, B DISP("a") "\r\n--XyZ--");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 1);
	assert_int_equal(r.parts[0].size, 0);
}

static void test_binary_data_with_nuls(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, B FILEDISP("f", "x.bin") "\r\n\0\0\xff\r\n\0--XyZ\0\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_bytes_equal(r.parts[0].data, r.parts[0].size, "\0\0\xff\r\n\0--XyZ\0");
}

static void test_bytes_that_look_like_a_boundary(void **state)
{
	(void)state;
	/* "--XyZ" not after CRLF, "--XyZ" followed by other characters, "--XyZ-" with one dash,
	 * CR-LF-dash-dash of another boundary: all content. */
	struct parsed r = PARSE(CT, B FILEDISP("f", "x") "\r\n"
				"a--XyZ\r\n"
				"\r\n--XyZa\r\n"
				"\r\n--XyZ x\r\n"
				"\r\n--XyZ-\r\n"
				"\r\n--XY\r\n"
				"\r\n--XyZ\r\n" DISP("g") "\r\nlast\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 2);
	assert_bytes_equal(r.parts[0].data, r.parts[0].size,
			   "a--XyZ\r\n\r\n--XyZa\r\n\r\n--XyZ x\r\n\r\n--XyZ-\r\n\r\n--XY\r\n");
	assert_bytes_equal(r.parts[1].data, r.parts[1].size, "last");
	/* Transport padding after a boundary is allowed (RFC 2046). */
	r = PARSE(CT, "--XyZ \t\r\n" DISP("a") "\r\n1\r\n--XyZ  \r\n" DISP("b") "\r\n2\r\n--XyZ--");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 2);
	assert_bytes_equal(r.parts[1].data, r.parts[1].size, "2");
}

static void test_preamble_and_epilogue_are_ignored(void **state)
{
	(void)state;
	struct parsed r = PARSE(CT, "This is the preamble.\r\n--XyZ is not here\r\n"
				"\r\n--XyZ\r\n" DISP("a") "\r\n1\r\n--XyZ--\r\nepilogue\r\n--XyZ\r\n"
				"garbage");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 1);
	assert_bytes_equal(r.parts[0].data, r.parts[0].size, "1");
	/* No part at all is a valid, empty body. */
	r = PARSE(CT, "--XyZ--\r\n");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.count, 0);
}

static void test_truncated_bodies(void **state)
{
	(void)state;
	ASSERT_ERROR(PARSE(CT, B DISP("a") "\r\n1\r\n"), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, B DISP("a") "\r\n1\r\n--XyZ"), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, B DISP("a") "\r\n1"), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, B DISP("a")), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-da"), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, B), MULTIPART_TRUNCATED);
	ASSERT_ERROR(PARSE(CT, ""), MULTIPART_NO_FIRST_BOUNDARY);
	ASSERT_ERROR(PARSE(CT, "--XyZ"), MULTIPART_NO_FIRST_BOUNDARY);
	ASSERT_ERROR(PARSE(CT, "no boundary at all"), MULTIPART_NO_FIRST_BOUNDARY);
	ASSERT_ERROR(PARSE(CT, "--XyZa\r\n" DISP("a") "\r\n1\r\n--XyZa--"),
		     MULTIPART_NO_FIRST_BOUNDARY);
}

static void test_header_limits(void **state)
{
	(void)state;
	char body[2048];
	char name[300];
	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	int n = snprintf(body, sizeof body,
			 "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n1\r\n--XyZ--",
			 name);
	struct parsed r = parse_with(CT, body, (size_t)n, &default_limits);
	ASSERT_ERROR(r, MULTIPART_HEADER_TOO_LONG);
	/* A line of exactly the limit passes. */
	n = snprintf(body, sizeof body, "--XyZ\r\nX-Pad: %.*s\r\n" DISP("a") "\r\n1\r\n--XyZ--",
		     (int)default_limits.max_header_bytes - 7, name);
	r = parse_with(CT, body, (size_t)n, &default_limits);
	assert_int_equal(r.rc, 0);
	/* A long line with no CRLF at all: refused once the limit is passed, not searched on. */
	n = snprintf(body, sizeof body, "--XyZ\r\nX-Pad: %s", name);
	r = parse_with(CT, body, (size_t)n, &default_limits);
	ASSERT_ERROR(r, MULTIPART_HEADER_TOO_LONG);
	/* Too many header lines. */
	ASSERT_ERROR(PARSE(CT, B "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n" DISP("a") "\r\n1\r\n" END),
		     MULTIPART_HEADER_TOO_LONG);
	r = PARSE(CT, B "A: 1\r\nB: 2\r\ncontent-disposition: form-data; name=a\r\n"
		  "CONTENT-TYPE: text/plain; charset=utf-8\r\n\r\n1\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].name, "a");
}

static void test_too_many_parts(void **state)
{
	(void)state;
	struct multipart_limits limits = default_limits;
	limits.max_parts = 2;
	struct parsed r = PARSE_LIMITS(CT, B DISP("a") "\r\n1\r\n" B DISP("b") "\r\n2\r\n" END,
				       &limits);
	assert_int_equal(r.rc, 0);
	ASSERT_ERROR(PARSE_LIMITS(CT, B DISP("a") "\r\n1\r\n" B DISP("b") "\r\n2\r\n" B DISP("c")
				  "\r\n3\r\n" END, &limits),
		     MULTIPART_TOO_MANY_PARTS);
}

static void test_part_too_large(void **state)
{
	(void)state;
	struct multipart_limits limits = default_limits;
	limits.max_text_bytes = 3;
	limits.max_file_bytes = 5;
	assert_int_equal(PARSE_LIMITS(CT, B DISP("a") "\r\n123\r\n" B FILEDISP("f", "x") "\r\n12345\r\n"
				      END, &limits).rc,
			 0);
	ASSERT_ERROR(PARSE_LIMITS(CT, B DISP("a") "\r\n1234\r\n" END, &limits),
		     MULTIPART_PART_TOO_LARGE);
	ASSERT_ERROR(PARSE_LIMITS(CT, B FILEDISP("f", "x") "\r\n123456\r\n" END, &limits),
		     MULTIPART_PART_TOO_LARGE);
}

static void test_bad_dispositions_and_headers(void **state)
{
	(void)state;
	/* No Content-Disposition, another disposition, no name. */
	ASSERT_ERROR(PARSE(CT, B "Content-Type: text/plain\r\n\r\n1\r\n" END),
		     MULTIPART_BAD_DISPOSITION);
	ASSERT_ERROR(PARSE(CT, B "\r\n1\r\n" END), MULTIPART_BAD_DISPOSITION);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n" END),
		     MULTIPART_BAD_DISPOSITION);
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; filename=\"a\"\r\n\r\n1\r\n" END),
		     MULTIPART_BAD_DISPOSITION);
	/* Two names (a checker and the handler might read different ones), two dispositions. */
	ASSERT_ERROR(PARSE(CT, B "Content-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n"
			   END),
		     MULTIPART_BAD_HEADER);
	ASSERT_ERROR(PARSE(CT, B DISP("a") DISP("b") "\r\n1\r\n" END), MULTIPART_BAD_HEADER);
	/* Malformed lines: no colon, folding, a control character, an unclosed quote, a space
	 * before the colon, a bare LF line end, a malformed media type. */
	const char *bad[] = {
		B "Content-Disposition form-data; name=\"a\"\r\n\r\n1\r\n" END,
		B DISP("a") " folded\r\n\r\n1\r\n" END,
		B "Content-Disposition: form-data; name=\"a\x01\"\r\n\r\n1\r\n" END,
		B "Content-Disposition: form-data; name=\"a\r\n\r\n1\r\n" END,
		B "Content-Disposition : form-data; name=\"a\"\r\n\r\n1\r\n" END,
		B "Content-Disposition: form-data; name=\"a\"\n\r\n1\r\n" END,
		B DISP("a") "Content-Type: text\r\n\r\n1\r\n" END,
		B DISP("a") "Content-Type: text/\r\n\r\n1\r\n" END,
		B "Content-Disposition: form-data; name\r\n\r\n1\r\n" END,
		B "Content-Disposition: form-data; name=\"a\" junk\r\n\r\n1\r\n" END,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct parsed r = parse_with(CT, bad[i], strlen(bad[i]), &default_limits);
		assert_int_equal(r.rc, -1);
		assert_true(r.error == MULTIPART_BAD_HEADER || r.error == MULTIPART_BAD_DISPOSITION);
	}
	/* Unquoted values and unknown parameters are fine. */
	struct parsed r = PARSE(CT, B "Content-Disposition: FORM-DATA; name=a; filename=b.txt; "
				"size=5\r\n\r\n1\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].name, "a");
	assert_string_equal(r.parts[0].filename, "b.txt");
}

static void test_names_and_file_names_must_be_utf8(void **state)
{
	(void)state;
	ASSERT_ERROR(PARSE(CT, B FILEDISP("f", "\xcf\xf0\xe8.txt") "\r\nx\r\n" END),
		     MULTIPART_BAD_FILENAME);
	ASSERT_ERROR(PARSE(CT, B DISP("\xff") "\r\nx\r\n" END), MULTIPART_BAD_NAME);
	/* A text part's value is not the parser's business: request.c checks it like a form. */
	struct parsed r = PARSE(CT, B DISP("a") "\r\n\xff\r\n" END);
	assert_int_equal(r.rc, 0);
	/* %22 in a name is a quote, as in a file name. */
	r = PARSE(CT, B DISP("a%22b") "\r\n1\r\n" END);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].name, "a\"b");
}

/* ---- file names ---- */

static const char *sanitize(const char *raw)
{
	return multipart_sanitize_filename(&arena, raw, strlen(raw));
}

static void test_file_names_are_sanitized(void **state)
{
	(void)state;
	assert_string_equal(sanitize("C:\\Users\\Иван\\Документы\\скан.pdf"), "скан.pdf");
	assert_string_equal(sanitize("../../etc/passwd"), "passwd");
	assert_string_equal(sanitize("/home/ivan/фото.jpg"), "фото.jpg");
	assert_string_equal(sanitize("a\tb\x7f" "c\xc2\x85" "d.txt"), "abcd.txt"); /* tab, DEL, C1 */
	/* A right-to-left override would show "счётexe.pdf" for "счёт\u202Efdp.exe". */
	assert_string_equal(sanitize("счёт\xe2\x80\xae" "fdp.exe"), "счётfdp.exe");
	assert_string_equal(sanitize("  пробелы.txt  "), "пробелы.txt");
	assert_string_equal(sanitize("имя.с.точками.tar.gz"), "имя.с.точками.tar.gz");
	/* Nothing left of a name that was sent. */
	assert_string_equal(sanitize(".."), MULTIPART_FILENAME_FALLBACK);
	assert_string_equal(sanitize("C:\\dir\\"), MULTIPART_FILENAME_FALLBACK);
	assert_string_equal(sanitize("\x01\x02"), MULTIPART_FILENAME_FALLBACK);
	assert_string_equal(sanitize(""), "");
	assert_null(sanitize("\xd0"));
	assert_null(sanitize("\xc0\xaf.txt")); /* an overlong '/' */
	/* Too long: shortened on a character boundary, the extension kept. */
	char longname[1024] = "";
	for (int i = 0; i < 200; i++)
		strcat(longname, "ж");
	strcat(longname, ".docx");
	const char *s = sanitize(longname);
	assert_int_equal(utf8_length(s, strlen(s)), MULTIPART_FILENAME_MAX);
	assert_true(utf8_valid(s, strlen(s)));
	assert_string_equal(s + strlen(s) - 5, ".docx");
	assert_memory_equal(s, "жжж", 6);
	/* A long "extension" is not one: plain cut. */
	char dotted[1024] = "a.";
	for (int i = 0; i < 200; i++)
		strcat(dotted, "я");
	s = sanitize(dotted);
	assert_int_equal(utf8_length(s, strlen(s)), MULTIPART_FILENAME_MAX);
	assert_memory_equal(s, "a.", 2);
}

static void test_media_type_is(void **state)
{
	(void)state;
	assert_true(multipart_media_type_is("application/x-www-form-urlencoded",
					    "application/x-www-form-urlencoded"));
	assert_true(multipart_media_type_is("Application/X-WWW-Form-Urlencoded; charset=UTF-8",
					    "application/x-www-form-urlencoded"));
	assert_true(multipart_media_type_is(" multipart/form-data ;boundary=a",
					    "multipart/form-data"));
	assert_false(multipart_media_type_is("multipart/form-dataX", "multipart/form-data"));
	assert_false(multipart_media_type_is("application/x-www-form-urlencodedx",
					     "application/x-www-form-urlencoded"));
	assert_false(multipart_media_type_is(NULL, "multipart/form-data"));
	assert_false(multipart_media_type_is("", "multipart/form-data"));
}

/* ---- the request pipeline: request_parse_body, then the field table ---- */

static const struct route_field form_fields[] = {
	{FIELD_TITLE, FIELD_REQUIRED},  /* LINE, up to 300 characters */
	{FIELD_DESCRIPTION, FIELD_OPTIONAL}, /* TEXT */
	{FIELD_TERRITORY, FIELD_OPTIONAL},   /* ID */
	{FIELD__MAX, 0},
};
static const struct route upload_route = {"/test", METHOD_POST, NULL, form_fields,
					  ROUTE_MULTIPART | ROUTE_FORM_ERRORS_TO_HANDLER, 0,
					  ROUTE_OWNER_NONE};
static const struct route plain_route = {"/test", METHOD_POST, NULL, form_fields,
					 ROUTE_FORM_ERRORS_TO_HANDLER, 0, ROUTE_OWNER_NONE};

struct pipeline {
	struct config cfg;
	struct worker worker;
	struct request req;
};

static struct request *new_request(struct pipeline *p, const struct route *route)
{
	memset(p, 0, sizeof *p);
	p->cfg.max_body_bytes = 1000;
	p->cfg.max_upload_bytes = 5000;
	p->cfg.max_params = 10;
	p->worker.cfg = &p->cfg;
	p->req.arena = &arena;
	p->req.worker = &p->worker;
	p->req.route = route;
	p->req.method = METHOD_POST;
	return &p->req;
}

/* What prepare() does with a body that was read: parse it, then validate the route's fields. */
static enum http_status submit(struct request *req, const char *content_type, const char *body,
			       size_t len)
{
	enum http_status s = request_parse_body(req, content_type, body, len);
	if (s == HTTP_OK)
		req->invalid_fields =
			validate_fields(req->arena, &req->form, req->route->fields, req->field);
	return s;
}
#define SUBMIT(req, ct, lit) submit((req), (ct), (lit), LIT_LEN(lit))

static void test_multipart_fields_validate_like_urlencoded(void **state)
{
	(void)state;
	struct pipeline p;
	struct request *req = new_request(&p, &upload_route);
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\nРемонт дороги\r\n"
				B DISP("description") "\r\nЯмы\r\nна улице\r\n"
				B DISP("territory") "\r\n7\r\n"
				B FILEDISP("attachment", "фото 1.jpg") "Content-Type: image/jpeg\r\n"
				"\r\n\xff\xd8\xff\0jpeg\r\n"
				B FILEDISP("attachment", "") "Content-Type: application/octet-stream\r\n"
				"\r\n\r\n"
				B DISP("undeclared") "\r\nignored\r\n" END),
			 HTTP_OK);
	assert_int_equal(req->invalid_fields, 0);
	assert_int_equal(req->field[FIELD_TITLE].state, FIELD_VALID);
	assert_string_equal(req->field[FIELD_TITLE].text, "Ремонт дороги");
	assert_string_equal(req->field[FIELD_DESCRIPTION].text, "Ямы\r\nна улице");
	assert_int_equal(req->field[FIELD_TERRITORY].number, 7);
	/* The empty file input is no file. */
	assert_int_equal(req->file_count, 1);
	assert_string_equal(req->files[0].name, "attachment");
	assert_string_equal(req->files[0].filename, "фото 1.jpg");
	assert_string_equal(req->files[0].content_type, "image/jpeg");
	assert_bytes_equal(req->files[0].data, req->files[0].size, "\xff\xd8\xff\0jpeg");
	/* The same form urlencoded gives the same fields. */
	struct pipeline q;
	struct request *plain = new_request(&q, &upload_route);
	assert_int_equal(SUBMIT(plain, "application/x-www-form-urlencoded",
				"title=%D0%A0%D0%B5%D0%BC%D0%BE%D0%BD%D1%82+%D0%B4%D0%BE%D1%80%D0%BE"
				"%D0%B3%D0%B8&description=%D0%AF%D0%BC%D1%8B%0D%0A%D0%BD%D0%B0+%D1%83"
				"%D0%BB%D0%B8%D1%86%D0%B5&territory=7"),
			 HTTP_OK);
	assert_int_equal(plain->invalid_fields, 0);
	assert_string_equal(plain->field[FIELD_TITLE].text, req->field[FIELD_TITLE].text);
	assert_string_equal(plain->field[FIELD_DESCRIPTION].text, req->field[FIELD_DESCRIPTION].text);
	assert_int_equal(plain->file_count, 0);
}

static void test_multipart_fields_fail_validation_like_urlencoded(void **state)
{
	(void)state;
	struct pipeline p;
	struct request *req = new_request(&p, &upload_route);
	/* A control character in a line, a letter in an id, the required title missing. */
	assert_int_equal(SUBMIT(req, CT, B DISP("description") "\r\nтекст\x01\r\n"
				B DISP("territory") "\r\nсемь\r\n" END),
			 HTTP_OK);
	assert_int_equal(req->invalid_fields, 3);
	assert_int_equal(req->field[FIELD_TITLE].state, FIELD_INVALID);
	assert_int_equal(req->field[FIELD_DESCRIPTION].state, FIELD_INVALID);
	assert_int_equal(req->field[FIELD_TERRITORY].state, FIELD_INVALID);
	/* Over the field's length. */
	char body[2048];
	char title[700] = "";
	for (int i = 0; i < 301; i++)
		strcat(title, "д");
	int n = snprintf(body, sizeof body, B DISP("title") "\r\n%s\r\n" END, title);
	req = new_request(&p, &upload_route);
	assert_int_equal(submit(req, CT, body, (size_t)n), HTTP_OK);
	assert_int_equal(req->field[FIELD_TITLE].state, FIELD_INVALID);
	assert_non_null(strstr(req->field[FIELD_TITLE].error, "не длиннее"));
	/* Sent twice is invalid, as in a urlencoded form. */
	req = new_request(&p, &upload_route);
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\nа\r\n" B DISP("title") "\r\nб\r\n" END),
			 HTTP_OK);
	assert_int_equal(req->field[FIELD_TITLE].state, FIELD_INVALID);
}

static void test_invalid_utf8_in_a_text_part_is_refused(void **state)
{
	(void)state;
	struct pipeline p;
	struct request *req = new_request(&p, &upload_route);
	/* Windows-1251 «Привет» where UTF-8 was expected: 400 with the urlencoded parser's words,
	 * before any field is validated or any handler runs. */
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\n\xcf\xf0\xe8\xe2\xe5\xf2\r\n" END),
			 HTTP_BAD_REQUEST);
	assert_string_equal(req->error_detail,
			    "В запросе есть символы в неверной кодировке (ожидается UTF-8).");
	assert_int_equal(req->form.count, 0);
	req = new_request(&p, &upload_route);
	assert_int_equal(SUBMIT(req, "application/x-www-form-urlencoded", "title=%CF%F0%E8"),
			 HTTP_BAD_REQUEST);
	assert_string_equal(req->error_detail,
			    "В запросе есть символы в неверной кодировке (ожидается UTF-8).");
	/* And were a value to get that far, the field table refuses it too. */
	struct field_value v;
	validate_value(&arena, &field_specs[FIELD_TITLE], "\xcf\xf0", 2, &v);
	assert_int_equal(v.state, FIELD_INVALID);
}

static void test_multipart_only_where_the_route_allows_it(void **state)
{
	(void)state;
	struct pipeline p;
	struct request *req = new_request(&p, &plain_route);
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\nа\r\n" END),
			 HTTP_UNSUPPORTED_MEDIA_TYPE);
	assert_int_equal(request_body_limit(req, CT), 1000);
	assert_int_equal(SUBMIT(req, "application/x-www-form-urlencoded", "title=a"), HTTP_OK);
	assert_int_equal(SUBMIT(req, "text/plain", "title=a"), HTTP_UNSUPPORTED_MEDIA_TYPE);
	assert_int_equal(SUBMIT(req, NULL, "title=a"), HTTP_UNSUPPORTED_MEDIA_TYPE);

	req = new_request(&p, &upload_route);
	assert_int_equal(request_body_limit(req, CT), 5000);
	assert_int_equal(request_body_limit(req, "application/x-www-form-urlencoded"), 1000);
	assert_int_equal(request_body_limit(req, "text/plain"), 1000);
	assert_int_equal(SUBMIT(req, "text/plain", "title=a"), HTTP_UNSUPPORTED_MEDIA_TYPE);
}

static void test_malformed_multipart_is_400_and_large_parts_413(void **state)
{
	(void)state;
	struct pipeline p;
	struct request *req = new_request(&p, &upload_route);
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\nа\r\n"), HTTP_BAD_REQUEST);
	assert_string_equal(req->error_detail, multipart_error_text(MULTIPART_TRUNCATED));
	req = new_request(&p, &upload_route);
	assert_int_equal(SUBMIT(req, "multipart/form-data", B END), HTTP_BAD_REQUEST);
	assert_non_null(req->error_detail);
	/* Parts count against max_params, as urlencoded pairs do. */
	req = new_request(&p, &upload_route);
	p.cfg.max_params = 1;
	assert_int_equal(SUBMIT(req, CT, B DISP("a") "\r\n1\r\n" B DISP("b") "\r\n2\r\n" END),
			 HTTP_BAD_REQUEST);
	/* A text part is no larger than a whole urlencoded form may be. */
	req = new_request(&p, &upload_route);
	p.cfg.max_body_bytes = 4;
	assert_int_equal(SUBMIT(req, CT, B DISP("title") "\r\n12345\r\n" END),
			 HTTP_PAYLOAD_TOO_LARGE);
	req = new_request(&p, &upload_route);
	p.cfg.max_body_bytes = 4;
	assert_int_equal(SUBMIT(req, CT, B FILEDISP("f", "a.txt") "\r\n12345\r\n" END), HTTP_OK);
	assert_int_equal(req->file_count, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_fields_and_a_file),
		cmocka_unit_test(test_cyrillic_file_names_as_browsers_send_them),
		cmocka_unit_test(test_boundary_quoted_or_not),
		cmocka_unit_test(test_bad_content_types),
		cmocka_unit_test(test_filename_star_is_preferred),
		cmocka_unit_test(test_several_files_in_one_field),
		cmocka_unit_test(test_empty_file_and_empty_file_input),
		cmocka_unit_test(test_binary_data_with_nuls),
		cmocka_unit_test(test_bytes_that_look_like_a_boundary),
		cmocka_unit_test(test_preamble_and_epilogue_are_ignored),
		cmocka_unit_test(test_truncated_bodies),
		cmocka_unit_test(test_header_limits),
		cmocka_unit_test(test_too_many_parts),
		cmocka_unit_test(test_part_too_large),
		cmocka_unit_test(test_bad_dispositions_and_headers),
		cmocka_unit_test(test_names_and_file_names_must_be_utf8),
		cmocka_unit_test(test_file_names_are_sanitized),
		cmocka_unit_test(test_media_type_is),
		cmocka_unit_test(test_multipart_fields_validate_like_urlencoded),
		cmocka_unit_test(test_multipart_fields_fail_validation_like_urlencoded),
		cmocka_unit_test(test_invalid_utf8_in_a_text_part_is_refused),
		cmocka_unit_test(test_multipart_only_where_the_route_allows_it),
		cmocka_unit_test(test_malformed_multipart_is_400_and_large_parts_413),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
