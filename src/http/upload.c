/* upload.c — type checks of attached files with libmagic and their durable, content-addressed
 * storage (see upload.h). */
#include "upload.h"

#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"

const char upload_allowed_types_ru[] =
	"PDF, JPEG, PNG, текст в кодировке UTF-8 (TXT), DOC, DOCX, ODT, RTF";

/* The accepted media types as libmagic names them (MAGIC_MIME_TYPE). What is left out, and
 * why: HTML and SVG (script a browser would run), archives and executables, macro-enabled
 * Office files (.docm is its own type), and text in other encodings (a resident can save it as
 * UTF-8; staff could not read it reliably). An old .doc is accepted: many residents still write
 * in it. A .docx or .odt is recognised by its first entries, which Word, LibreOffice and
 * OnlyOffice all write the expected way; one a tool packed otherwise is refused as unknown. */
static const char *const allowed[] = {
	"application/pdf",
	"image/jpeg",
	"image/png",
	"text/plain",
	"application/msword",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.oasis.opendocument.text",
	"text/rtf",
};

/* The extensions of the accepted types, in the order of allowed[]; the first one is written,
 * the others are kept when a resident used them. */
static const char *const extensions[][3] = {
	{"pdf", NULL, NULL}, {"jpg", "jpeg", "jpe"}, {"png", NULL, NULL}, {"txt", NULL, NULL},
	{"doc", NULL, NULL}, {"docx", NULL, NULL}, {"odt", NULL, NULL},  {"rtf", NULL, NULL},
};

static magic_t cookie; /* per process: loaded once, used for every check */

int upload_init(void)
{
	if (cookie != NULL)
		return 0;
	/* MAGIC_NO_CHECK_COMPRESS: the type of the file itself, not of what a .gz would hold. */
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
	if (m == NULL) {
		perror("upload: magic_open");
		return -1;
	}
	if (magic_load(m, NULL) != 0) {
		fprintf(stderr, "upload: cannot load the libmagic database: %s\n", magic_error(m));
		magic_close(m);
		return -1;
	}
	cookie = m;
	return 0;
}

int upload_check(const void *data, size_t len, const char **mime, const char **error_ru)
{
	static char seen[128]; /* what libmagic said about the last refused file */
	*mime = "";
	*error_ru = NULL;
	if (len == 0) {
		*error_ru = "Файл пуст.";
		return -1;
	}
	if (upload_init() < 0) {
		*error_ru = "Не удалось проверить тип файла. Попробуйте позже.";
		return -1;
	}
	const char *type = magic_buffer(cookie, data, len);
	if (type != NULL) {
		for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
			if (strcmp(type, allowed[i]) != 0)
				continue;
			/* libmagic calls text in any 8-bit encoding text/plain. */
			if (strcmp(type, "text/plain") == 0 &&
			    (!utf8_valid(data, len) || memchr(data, '\0', len) != NULL)) {
				*mime = allowed[i];
				*error_ru = "Текстовый файл должен быть в кодировке UTF-8. Сохраните его "
					    "в этой кодировке или в формате PDF, DOCX, ODT.";
				return -1;
			}
			*mime = allowed[i];
			return 0;
		}
		snprintf(seen, sizeof seen, "%s", type);
		*mime = seen;
	}
	*error_ru = "Файлы такого типа не принимаются. Допустимые типы: PDF, JPEG, PNG, текст в "
		    "кодировке UTF-8 (TXT), DOC, DOCX, ODT, RTF.";
	return -1;
}

/* The row of extensions[] for mime, or -1. */
static int type_index(const char *mime)
{
	for (size_t i = 0; mime != NULL && i < sizeof allowed / sizeof allowed[0]; i++)
		if (strcmp(mime, allowed[i]) == 0)
			return (int)i;
	return -1;
}

const char *upload_extension(const char *mime)
{
	int i = type_index(mime);
	return i < 0 ? NULL : extensions[i][0];
}

char *upload_safe_name(const char *client_name, const char *mime, char *out, size_t out_size)
{
	if (out_size == 0)
		return out;
	const char *name = client_name != NULL ? client_name : "";
	const char *dot = strrchr(name, '.');
	size_t base_len = dot != NULL ? (size_t)(dot - name) : strlen(name);
	int type = type_index(mime);
	const char *ext = type < 0 ? NULL : extensions[type][0];
	if (dot != NULL && type >= 0)
		for (size_t k = 0; k < 3 && extensions[type][k] != NULL; k++)
			if (strcasecmp(dot + 1, extensions[type][k]) == 0)
				ext = dot + 1; /* fits the type: keep it as the resident wrote it */
	const char *base = name;
	if (base_len == 0) {
		base = "файл";
		base_len = strlen(base);
	}
	size_t ext_len = ext != NULL ? strlen(ext) + 1 : 0;
	size_t room = out_size - 1 > ext_len ? out_size - 1 - ext_len : 0;
	if (base_len > room) {
		base_len = room;
		while (base_len > 0 && ((unsigned char)base[base_len] & 0xC0) == 0x80)
			base_len--; /* never cut a character in two */
	}
	memcpy(out, base, base_len);
	out[base_len] = '\0';
	if (ext != NULL && base_len + ext_len < out_size)
		snprintf(out + base_len, out_size - base_len, ".%s", ext);
	return out;
}

/* fsync a directory, so that a rename into it survives a power loss. */
static int sync_directory(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

static int write_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int upload_store(const char *dir, const void *data, size_t len, char name[UPLOAD_NAME_SIZE])
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(hash, data, len);
	sodium_bin2hex(name, UPLOAD_NAME_SIZE, hash, sizeof hash);

	char final_path[4096], temp_path[4096];
	if (snprintf(final_path, sizeof final_path, "%s/%s", dir, name) >= (int)sizeof final_path ||
	    snprintf(temp_path, sizeof temp_path, "%s/.upload-XXXXXX", dir) >= (int)sizeof temp_path) {
		errno = ENAMETOOLONG;
		return -1;
	}

	/* Already there: the same name is the same content (files appear only by rename, after
	 * fsync, so one of this size is complete). The directory is synced again in case the
	 * process that stored it died between its rename and its directory fsync. */
	struct stat st;
	if (stat(final_path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len)
		return sync_directory(dir);

	int fd = mkostemp(temp_path, O_CLOEXEC); /* mode 0600: personal data, the portal's only */
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0)
		goto out_remove;
	if (close(fd) < 0) {
		fd = -1;
		goto out_remove;
	}
	fd = -1;
	/* rename is atomic: readers see no file or the whole one; two workers storing the same
	 * content at once each rename a complete copy over the other. */
	if (rename(temp_path, final_path) < 0)
		goto out_remove;
	return sync_directory(dir);

out_remove: {
	int saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(temp_path);
	errno = saved;
	return -1;
}
}
