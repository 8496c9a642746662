/* backup.c — portal-admin backup and restore: the database and the attached files in one tar
 * archive (written and read by libarchive), and that archive put back in place. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "backup.h"

/* Write all of p[0..len) to fd; 0 or -1 with errno. */
static int write_all(int fd, const char *p, size_t len)
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

/* The directory part of path in dir[size] ("." when it has none). */
static void directory_of(const char *path, char *dir, size_t size)
{
	snprintf(dir, size, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		snprintf(dir, size, ".");
}

/* fsync the directory that holds path, so that a rename into it survives a power loss. */
static int sync_directory_of(const char *path)
{
	char dir[4096];
	directory_of(path, dir, sizeof dir);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Copy the database of db into path, an empty file, with SQLite's online backup; the copy
 * leaves WAL mode so that it is one self-contained file. 0 or -1 with a message. */
static int copy_database(struct db *db, const char *path)
{
	sqlite3 *dest;
	if (sqlite3_open(path, &dest) != SQLITE_OK) {
		fprintf(stderr, "portal-admin: cannot create %s: %s\n", path, sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return -1;
	}
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", db->conn, "main");
	int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "portal-admin: backup failed: %s\n", sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return -1;
	}
	sqlite3_exec(dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_close(dest);
	return 0;
}

/* Add the regular file at path to the archive a as name (mode 0600); 0 or -1 with a message. */
static int add_file(struct archive *a, const char *path, const char *name)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "portal-admin: cannot read %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0600);
	archive_entry_set_size(e, st.st_size);
	archive_entry_set_mtime(e, st.st_mtime, 0);
	int rc = archive_write_header(a, e) == ARCHIVE_OK ? 0 : -1;
	archive_entry_free(e);
	char buf[65536];
	ssize_t n = 0;
	while (rc == 0 && (n = read(fd, buf, sizeof buf)) > 0)
		if (archive_write_data(a, buf, (size_t)n) < 0)
			rc = -1;
	if (n < 0)
		rc = -1;
	close(fd);
	if (rc < 0)
		fprintf(stderr, "portal-admin: cannot archive %s: %s\n", path,
			archive_errno(a) ? archive_error_string(a) : strerror(errno));
	return rc;
}

/* Whether name can be a stored file's name: what upload_store writes (hex digits) or a
 * similar plain name; never a path, a hidden or a temporary file. */
static bool upload_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > 128 || name[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* Add every stored file of the uploads directory dir as uploads/NAME (temporary files of a
 * write in progress are left out). The number of files, or -1 with a message. A directory
 * that does not exist yet holds nothing. */
static int add_uploads(struct archive *a, const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "portal-admin: cannot read the uploads directory %s: %s\n", dir,
			strerror(errno));
		return -1;
	}
	int count = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!upload_name_ok(e->d_name))
			continue;
		char path[4096], name[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		snprintf(name, sizeof name, "%s/%s", BACKUP_UPLOADS_ENTRY, e->d_name);
		struct stat st;
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (add_file(a, path, name) < 0) {
			count = -1;
			break;
		}
		count++;
	}
	closedir(d);
	return count;
}

int backup_write(struct db *db, const struct config *cfg, const char *file)
{
	mode_t old_umask = umask(077);
	int rc = -1;
	int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			fprintf(stderr, "portal-admin: %s exists; refusing to overwrite it\n", file);
		else
			fprintf(stderr, "portal-admin: cannot create %s: %s\n", file, strerror(errno));
		umask(old_umask);
		return -1;
	}
	/* The database copy is made beside the archive first: SQLite writes a file, and the
	 * archive needs its size before its content. */
	char temp[4096];
	if (snprintf(temp, sizeof temp, "%s.db-XXXXXX", file) >= (int)sizeof temp) {
		fprintf(stderr, "portal-admin: the name %s is too long\n", file);
		goto out_close_file;
	}
	int temp_fd = mkstemp(temp);
	if (temp_fd < 0) {
		fprintf(stderr, "portal-admin: cannot create %s: %s\n", temp, strerror(errno));
		goto out_close_file;
	}
	close(temp_fd);
	if (copy_database(db, temp) < 0)
		goto out_unlink_temp;

	struct archive *a = archive_write_new();
	int files = -1;
	if (a == NULL || archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK) {
		fprintf(stderr, "portal-admin: cannot write %s: %s\n", file,
			a ? archive_error_string(a) : "out of memory");
		goto out_free_archive;
	}
	if (add_file(a, temp, BACKUP_DATABASE_ENTRY) < 0)
		goto out_free_archive;
	files = add_uploads(a, cfg->uploads_dir);
	if (files < 0)
		goto out_free_archive;
	if (archive_write_close(a) != ARCHIVE_OK || fsync(fd) < 0) {
		fprintf(stderr, "portal-admin: cannot write %s: %s\n", file,
			archive_errno(a) ? archive_error_string(a) : strerror(errno));
		goto out_free_archive;
	}
	rc = 0;
	printf("backup written to %s: the database and %d attached file%s\n", file, files,
	       files == 1 ? "" : "s");
out_free_archive:
	archive_write_free(a);
out_unlink_temp:
	unlink(temp);
out_close_file:
	close(fd);
	if (rc < 0)
		unlink(file);
	umask(old_umask);
	return rc;
}

bool backup_workers_running(const struct config *cfg)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(cfg->socket_path) >= sizeof addr.sun_path)
		return false;
	memcpy(addr.sun_path, cfg->socket_path, strlen(cfg->socket_path) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	int rc = connect(fd, (struct sockaddr *)&addr, sizeof addr);
	int saved = errno;
	close(fd);
	/* Refused or absent: nobody listens. Any other failure (no permission to reach it) cannot
	 * tell, and counts as running. */
	return rc == 0 || (saved != ECONNREFUSED && saved != ENOENT);
}

/* Copy the data of the current entry of a into fd, then fsync it; 0 or -1 with a message. */
static int extract_to(struct archive *a, int fd, const char *path)
{
	char buf[65536];
	la_ssize_t n;
	while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
		if (write_all(fd, buf, (size_t)n) < 0) {
			fprintf(stderr, "portal-admin: cannot write %s: %s\n", path, strerror(errno));
			return -1;
		}
	if (n < 0) {
		fprintf(stderr, "portal-admin: cannot read the backup: %s\n", archive_error_string(a));
		return -1;
	}
	if (fsync(fd) < 0) {
		fprintf(stderr, "portal-admin: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Create an empty temporary file from template (…XXXXXX); its descriptor or -1. */
static int create_temp(char *template)
{
	int fd = mkstemp(template);
	if (fd < 0)
		fprintf(stderr, "portal-admin: cannot create %s: %s\n", template, strerror(errno));
	return fd;
}

/* Store the current entry of a, a file of the uploads, as dir/name: kept when a file of that
 * name is there (the same name is the same content), else written to a temporary file and
 * renamed. 1 when written, 0 when kept, -1 with a message. */
static int restore_upload(struct archive *a, const char *dir, const char *name)
{
	char final_path[4096], temp[4096];
	snprintf(final_path, sizeof final_path, "%s/%s", dir, name);
	if (access(final_path, F_OK) == 0)
		return 0;
	snprintf(temp, sizeof temp, "%s/.upload-XXXXXX", dir);
	int fd = create_temp(temp);
	if (fd < 0)
		return -1;
	int rc = extract_to(a, fd, temp);
	close(fd);
	if (rc == 0 && rename(temp, final_path) < 0) {
		fprintf(stderr, "portal-admin: cannot store %s: %s\n", final_path, strerror(errno));
		rc = -1;
	}
	if (rc < 0) {
		unlink(temp);
		return -1;
	}
	return 1;
}

/* Check the database copy at path: it opens, passes SQLite's integrity check and is at a schema
 * version this build knows. Its version, or -1 with a message. */
static int check_database(const struct config *cfg, const char *path)
{
	struct db db;
	if (db_open(&db, path, cfg->busy_timeout_ms, false) < 0)
		return -1;
	int version = -1;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db.conn, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW &&
		    strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
			version = db_schema_version(&db);
		else
			fprintf(stderr, "portal-admin: the database in the backup is damaged\n");
		sqlite3_finalize(s);
	} else {
		fprintf(stderr, "portal-admin: the backup holds no readable database: %s\n",
			sqlite3_errmsg(db.conn));
	}
	int latest = db_latest_migration(cfg->sql_dir);
	if (version >= 0 && latest >= 0 && version > latest) {
		fprintf(stderr, "portal-admin: the database in the backup is at schema version %d, "
				"newer than this build (%d)\n", version, latest);
		version = -1;
	}
	db_close(&db);
	return version;
}

/* Put the checked database copy at temp in place of cfg's database, which is kept as
 * DATABASE.before-restore after its write-ahead log has been folded into it. 0 or -1. */
static int replace_database(const struct config *cfg, const char *temp)
{
	const char *path = cfg->database_path;
	char kept[4096], side[4096];
	snprintf(kept, sizeof kept, "%s.before-restore", path);
	if (access(path, F_OK) == 0) {
		sqlite3 *conn;
		if (sqlite3_open_v2(path, &conn, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
			sqlite3_exec(conn, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
		sqlite3_close(conn);
		if (rename(path, kept) < 0) {
			fprintf(stderr, "portal-admin: cannot move %s aside: %s\n", path,
				strerror(errno));
			return -1;
		}
	}
	/* What is left of the old database's log and index must not be read as the new one's. */
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	if (rename(temp, path) < 0) {
		fprintf(stderr, "portal-admin: cannot put the database in place: %s\n",
			strerror(errno));
		return -1;
	}
	sync_directory_of(path);
	return 0;
}

int backup_restore(const struct config *cfg, const char *file)
{
	if (backup_workers_running(cfg)) {
		fprintf(stderr, "portal-admin: the portal's workers are running (%s answers); stop "
				"them first (systemctl stop portal), then restore\n", cfg->socket_path);
		return -1;
	}
	mode_t old_umask = umask(077);
	int rc = -1, written = 0, kept = 0;
	bool have_database = false;
	char temp[4096];
	snprintf(temp, sizeof temp, "%s.restore-XXXXXX", cfg->database_path);
	/* On a new server the uploads directory may not be there yet (portal-admin init makes it). */
	if (mkdir(cfg->uploads_dir, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "portal-admin: cannot create the uploads directory %s: %s\n",
			cfg->uploads_dir, strerror(errno));
		umask(old_umask);
		return -1;
	}

	struct archive *a = archive_read_new();
	if (a == NULL || archive_read_support_format_tar(a) != ARCHIVE_OK ||
	    archive_read_support_filter_all(a) != ARCHIVE_OK ||
	    archive_read_open_filename(a, file, 65536) != ARCHIVE_OK) {
		fprintf(stderr, "portal-admin: cannot read %s: %s\n", file,
			a ? archive_error_string(a) : "out of memory");
		goto out_free_archive;
	}
	struct archive_entry *e;
	int r;
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		size_t prefix = strlen(BACKUP_UPLOADS_ENTRY);
		bool regular = archive_entry_filetype(e) == AE_IFREG;
		if (regular && strcmp(name, BACKUP_DATABASE_ENTRY) == 0 && !have_database) {
			int fd = create_temp(temp);
			if (fd < 0)
				goto out_free_archive;
			have_database = true;
			int x = extract_to(a, fd, temp);
			close(fd);
			if (x < 0)
				goto out_unlink_temp;
		} else if (regular && strncmp(name, BACKUP_UPLOADS_ENTRY "/", prefix + 1) == 0 &&
			   upload_name_ok(name + prefix + 1)) {
			int x = restore_upload(a, cfg->uploads_dir, name + prefix + 1);
			if (x < 0)
				goto out_unlink_temp;
			if (x == 1)
				written++;
			else
				kept++;
		} else {
			fprintf(stderr, "portal-admin: %s is not a backup of the portal (it holds %s)\n",
				file, name);
			goto out_unlink_temp;
		}
	}
	if (r != ARCHIVE_EOF) {
		fprintf(stderr, "portal-admin: cannot read %s: %s\n", file, archive_error_string(a));
		goto out_unlink_temp;
	}
	if (!have_database) {
		fprintf(stderr, "portal-admin: %s holds no database\n", file);
		goto out_free_archive;
	}
	int version = check_database(cfg, temp);
	if (version < 0 || replace_database(cfg, temp) < 0)
		goto out_unlink_temp;
	rc = 0;
	printf("restored %s (schema version %d) from %s, and %d attached file%s (%d already "
	       "there); the database it replaced is kept as %s.before-restore\n",
	       cfg->database_path, version, file, written, written == 1 ? "" : "s", kept,
	       cfg->database_path);
	goto out_free_archive;
out_unlink_temp:
	if (have_database)
		unlink(temp);
out_free_archive:
	archive_read_free(a);
	umask(old_umask);
	return rc;
}
