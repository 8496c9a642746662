/* upload.h — files residents attach to forms: which types are accepted (decided by content with
 * libmagic, never by the name or the declared type) and how a file is stored on disk so that it
 * is complete before any database row refers to it. */
#ifndef PORTAL_UPLOAD_H
#define PORTAL_UPLOAD_H

#include <stddef.h>

/* A stored file's name: the SHA-256 of its content in lowercase hex, and the NUL. */
#define UPLOAD_NAME_SIZE 65

/* The accepted types as a resident reads them, for hints beside a file field. */
extern const char upload_allowed_types_ru[];

/* Load libmagic's database for this process (once; later calls do nothing). Returns 0, or -1
 * with the reason on stderr: a worker calls it at start-up so a missing database stops it
 * loudly instead of refusing every file. upload_check calls it itself when needed. */
int upload_init(void);

/* Decide by content whether data[0..len) is of an accepted type: PDF, JPEG, PNG, plain text in
 * UTF-8, DOC, DOCX, ODT, RTF. Returns 0 with *mime the accepted media type (a constant); or -1
 * with *error_ru the reason in Russian (naming the accepted types, or saying the file is empty)
 * and *mime what libmagic saw (for the log; valid until the next call, "" if it could not
 * tell). */
int upload_check(const void *data, size_t len, const char **mime, const char **error_ru);

/* The file name extension (without the dot) of an accepted media type as upload_check names it:
 * "pdf", "jpg", "png", "txt", "doc", "docx", "odt", "rtf"; NULL for any other type. */
const char *upload_extension(const char *mime);

/* The name a file is recorded and served under: client_name (already sanitized by the multipart
 * parser) with its extension replaced by the one of mime, the type detected by content, so that
 * text sent as "invoice.bat" becomes "invoice.txt" and a PDF sent as "page.html" "page.pdf". An
 * extension that already fits the type is kept as written ("Скан.PDF", "фото.jpeg"); a name
 * with nothing before its extension becomes "файл". The result (at most out_size - 1 bytes,
 * cut on a UTF-8 character boundary before the extension) is written to out. Returns out. A
 * mime without an extension (not an accepted type) leaves the name without any extension. */
char *upload_safe_name(const char *client_name, const char *mime, char *out, size_t out_size);

/* Store data[0..len) in dir under its content's SHA-256 (name[] gets the 64 hex digits): written
 * to a temporary file in dir, fsync'ed, renamed into place and the directory fsync'ed, so that
 * when this returns 0 the file is on disk under its name even after a power loss. Call it
 * BEFORE the transaction that records the name commits: a crash in between leaves a file nobody
 * refers to, never a row pointing at a missing file. The same content stored twice is one file.
 * Returns -1 with errno set (nothing is left behind but, after a crash, a ".upload-*" temporary
 * file). */
int upload_store(const char *dir, const void *data, size_t len, char name[UPLOAD_NAME_SIZE]);

#endif
