/* test_upload.c — unit tests for src/http/upload.c: the type of an attached file decided by its
 * content (libmagic), and its content-addressed, durable storage. Files go to a directory made
 * in /tmp and removed afterwards. */
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upload.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n"
			  "%%EOF\n";
static const unsigned char png[] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
	0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
	0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
};
static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0,
				     1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9};

/* A ZIP holding the given entries uncompressed, as far as libmagic reads one: local headers
 * with names and data (the checksums are not looked at). Returns the length written to out. */
static size_t zip_of(unsigned char *out, const char *const *names, const char *const *contents,
		     size_t count)
{
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		size_t name_len = strlen(names[i]), data_len = strlen(contents[i]);
		const unsigned char header[30] = {
			'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			(unsigned char)data_len, (unsigned char)(data_len >> 8), 0, 0,
			(unsigned char)data_len, (unsigned char)(data_len >> 8), 0, 0,
			(unsigned char)name_len, 0, 0, 0,
		};
		memcpy(out + n, header, sizeof header);
		n += sizeof header;
		memcpy(out + n, names[i], name_len);
		n += name_len;
		memcpy(out + n, contents[i], data_len);
		n += data_len;
	}
	return n;
}

/* The bytes of a file (the test's own executable), read whole. */
static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *data = malloc(64 * 1024 * 1024);
	assert_non_null(data);
	*len = fread(data, 1, 64 * 1024 * 1024, f);
	fclose(f);
	assert_true(*len > 0);
	return data;
}

static void assert_accepted(const void *data, size_t len, const char *expected_mime)
{
	const char *mime, *error;
	int rc = upload_check(data, len, &mime, &error);
	if (rc != 0)
		fail_msg("refused as %s: %s", mime, error);
	assert_string_equal(mime, expected_mime);
	assert_null(error);
}

/* Refused, with a Russian reason; returns it. */
static const char *assert_refused(const void *data, size_t len)
{
	const char *mime, *error;
	assert_int_equal(upload_check(data, len, &mime, &error), -1);
	assert_non_null(mime);
	assert_non_null(error);
	return error;
}

static void test_pdf_and_png_pass(void **state)
{
	(void)state;
	assert_accepted(pdf, LIT_LEN(pdf), "application/pdf");
	assert_accepted(png, sizeof png, "image/png");
	assert_accepted(jpeg, sizeof jpeg, "image/jpeg");
}

static void test_documents_pass(void **state)
{
	(void)state;
	assert_accepted("{\\rtf1\\ansi Заявление}", strlen("{\\rtf1\\ansi Заявление}"), "text/rtf");
	const char *text = "Прошу отремонтировать дорогу на улице Ленина.\nИванов И. И.\n";
	assert_accepted(text, strlen(text), "text/plain");

	unsigned char zip[4096];
	const char *docx_names[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml"};
	const char *docx_data[] = {"<?xml version=\"1.0\"?><Types/>", "<Relationships/>",
				   "<w:document/>"};
	assert_accepted(zip, zip_of(zip, docx_names, docx_data, 3),
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	const char *odt_names[] = {"mimetype", "content.xml"};
	const char *odt_data[] = {"application/vnd.oasis.opendocument.text",
				  "<office:document-content/>"};
	assert_accepted(zip, zip_of(zip, odt_names, odt_data, 2),
			"application/vnd.oasis.opendocument.text");
	/* A plain archive is not a document. */
	const char *zip_names[] = {"readme.txt"};
	const char *zip_data[] = {"hello"};
	assert_refused(zip, zip_of(zip, zip_names, zip_data, 1));
}

static void test_executables_and_scripts_are_refused(void **state)
{
	(void)state;
	/* This very test program, as if it had been named заявление.pdf. */
	size_t len;
	unsigned char *self = read_file("/proc/self/exe", &len);
	const char *error = assert_refused(self, len);
	assert_non_null(strstr(error, "Допустимые типы: PDF, JPEG, PNG"));
	free(self);
	const char *mime, *why;
	assert_int_equal(upload_check("MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff\0\0", 16, &mime, &why), -1);
	const char *script = "#!/bin/sh\nrm -rf /\n";
	assert_refused(script, strlen(script));
	const char *html = "<!DOCTYPE html><html><script>alert(1)</script></html>";
	assert_refused(html, strlen(html));
	const char *svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
	assert_refused(svg, strlen(svg));
}

static void test_text_must_be_utf8_and_files_not_empty(void **state)
{
	(void)state;
	/* «Прошу отремонтировать дорогу» in Windows-1251: libmagic says text/plain. */
	const char cp1251[] = "\xcf\xf0\xee\xf8\xf3 \xee\xf2\xf0\xe5\xec\xee\xed\xf2\xe8\xf0\xee"
			      "\xe2\xe0\xf2\xfc \xe4\xee\xf0\xee\xe3\xf3\n";
	const char *error = assert_refused(cp1251, LIT_LEN(cp1251));
	assert_non_null(strstr(error, "UTF-8"));
	error = assert_refused("", 0);
	assert_string_equal(error, "Файл пуст.");
}

/* ---- storage ---- */

static char dir[] = "/tmp/portal-test-upload-XXXXXX";

static int setup_dir(void **state)
{
	(void)state;
	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int teardown_dir(void **state)
{
	(void)state;
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
	return 0;
}

static size_t files_in_dir(void)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void assert_file_holds(const char *name, const void *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t got;
	unsigned char *content = read_file(path, &got);
	assert_int_equal(got, len);
	assert_memory_equal(content, data, len);
	free(content);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
}

static void test_store_names_the_file_by_its_hash(void **state)
{
	(void)state;
	char name[UPLOAD_NAME_SIZE];
	assert_int_equal(upload_store(dir, pdf, LIT_LEN(pdf), name), 0);
	/* sha256sum of the same bytes, computed independently of upload.c */
	unsigned char hash[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(hash, (const unsigned char *)pdf, LIT_LEN(pdf));
	char hex[UPLOAD_NAME_SIZE];
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	assert_string_equal(name, hex);
	assert_int_equal(strlen(name), 64);
	assert_file_holds(name, pdf, LIT_LEN(pdf));
	assert_int_equal(files_in_dir(), 1); /* no temporary file left */
}

static void test_storing_twice_gives_one_file(void **state)
{
	(void)state;
	char first[UPLOAD_NAME_SIZE], second[UPLOAD_NAME_SIZE], other[UPLOAD_NAME_SIZE];
	size_t before = files_in_dir();
	assert_int_equal(upload_store(dir, png, sizeof png, first), 0);
	assert_int_equal(upload_store(dir, png, sizeof png, second), 0);
	assert_string_equal(first, second);
	assert_int_equal(files_in_dir(), before + 1);
	assert_file_holds(first, png, sizeof png);
	assert_int_equal(upload_store(dir, jpeg, sizeof jpeg, other), 0);
	assert_string_not_equal(first, other);
	assert_int_equal(files_in_dir(), before + 2);
	/* An empty file is stored like any other (whether to accept it is upload_check's). */
	assert_int_equal(upload_store(dir, "", 0, other), 0);
	assert_string_equal(other,
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_store_into_a_missing_directory_fails(void **state)
{
	(void)state;
	char name[UPLOAD_NAME_SIZE];
	char missing[4096];
	snprintf(missing, sizeof missing, "%s/no/such/dir", dir);
	assert_int_equal(upload_store(missing, pdf, LIT_LEN(pdf), name), -1);
	assert_int_equal(errno, ENOENT);
}

/* The name recorded and served takes its extension from the detected type (issue 21, item 20). */
static void test_safe_name_takes_the_extension_of_the_content(void **state)
{
	(void)state;
	char out[256];
	const char *text, *pdf_type, *why;
	assert_int_equal(upload_check("Счёт за май\n", strlen("Счёт за май\n"), &text, &why), 0);
	assert_int_equal(upload_check(pdf, LIT_LEN(pdf), &pdf_type, &why), 0);
	assert_string_equal(upload_safe_name("invoice.bat", text, out, sizeof out), "invoice.txt");
	assert_string_equal(upload_safe_name("x.exe", text, out, sizeof out), "x.txt");
	assert_string_equal(upload_safe_name("scan.js", text, out, sizeof out), "scan.txt");
	assert_string_equal(upload_safe_name("page.html", pdf_type, out, sizeof out), "page.pdf");
	assert_string_equal(upload_safe_name("scan.svg", pdf_type, out, sizeof out), "scan.pdf");
	assert_string_equal(upload_safe_name("смета.pdf.exe", pdf_type, out, sizeof out),
			    "смета.pdf.pdf");
	/* Names without an extension get one; one that fits the type is kept as written. */
	assert_string_equal(upload_safe_name("README", text, out, sizeof out), "README.txt");
	assert_string_equal(upload_safe_name("Скан.PDF", pdf_type, out, sizeof out), "Скан.PDF");
	assert_string_equal(upload_safe_name("фото.jpeg", "image/jpeg", out, sizeof out),
			    "фото.jpeg");
	assert_string_equal(upload_safe_name("фото.png", "image/jpeg", out, sizeof out),
			    "фото.jpg");
	assert_string_equal(upload_safe_name(".htaccess", text, out, sizeof out), "файл.txt");
	assert_string_equal(upload_safe_name("", pdf_type, out, sizeof out), "файл.pdf");
	/* Every accepted type has its extension; anything else none. */
	assert_string_equal(upload_extension("application/msword"), "doc");
	assert_string_equal(upload_extension("application/vnd.openxmlformats-officedocument."
					     "wordprocessingml.document"), "docx");
	assert_string_equal(upload_extension("application/vnd.oasis.opendocument.text"), "odt");
	assert_string_equal(upload_extension("text/rtf"), "rtf");
	assert_string_equal(upload_extension("image/png"), "png");
	assert_null(upload_extension("text/html"));
	assert_string_equal(upload_safe_name("a.html", "text/html", out, sizeof out), "a");
	/* A long name is cut before the extension, never inside a character. */
	char small[12];
	assert_string_equal(upload_safe_name("ёёёёё.bat", text, small, sizeof small), "ёёё.txt");
}

/* Stored files are readable by the portal's user only (issue 21, item 23). */
static void test_stored_file_is_private(void **state)
{
	(void)state;
	char name[UPLOAD_NAME_SIZE], path[4096];
	static const char secret[] = "Заявитель: Иванов И. И., ул. Ленина, 1\n";
	assert_int_equal(upload_store(dir, secret, LIT_LEN(secret), name), 0);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_and_png_pass),
		cmocka_unit_test(test_documents_pass),
		cmocka_unit_test(test_executables_and_scripts_are_refused),
		cmocka_unit_test(test_text_must_be_utf8_and_files_not_empty),
		cmocka_unit_test(test_store_names_the_file_by_its_hash),
		cmocka_unit_test(test_storing_twice_gives_one_file),
		cmocka_unit_test(test_store_into_a_missing_directory_fails),
		cmocka_unit_test(test_safe_name_takes_the_extension_of_the_content),
		cmocka_unit_test(test_stored_file_is_private),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
