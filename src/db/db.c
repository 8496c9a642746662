/* db.c — SQLite connection, migrations and prepared statements (see db.h). */
#include "db.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_statements.h"
#include "fts_russian.h"

void db_log_error(struct db *db, const char *context)
{
	fprintf(stderr, "sqlite: %s: %s\n", context,
		db->conn ? sqlite3_errmsg(db->conn) : "no connection");
}

static int exec(struct db *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db->conn, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "sqlite: %s: %s\n", sql, err ? err : "?");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* BEGIN IMMEDIATE, COMMIT or ROLLBACK (sql, as the statement which says it): the prepared
 * statement once db_prepare_all has run, else parsed (migrations, start-up). 0, or -1 with a
 * message. */
static int control(struct db *db, enum stmt which, const char *sql)
{
	sqlite3_stmt *s = db->stmt[which];
	if (s == NULL)
		return exec(db, sql);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "sqlite: %s: %s\n", sql, sqlite3_errmsg(db->conn));
		return -1;
	}
	return 0;
}

int db_begin(struct db *db)
{
	if (db->nesting > 0 && !sqlite3_get_autocommit(db->conn)) {
		db->nesting++;
		return 0;
	}
	db->nesting = 0;
	if (group_commit_writer_lock(&db->group) < 0)
		return -1;
	if (control(db, STMT_BEGIN_WRITE, "BEGIN IMMEDIATE") == 0) {
		db->nesting = 1;
		return 0;
	}
	group_commit_writer_unlock(&db->group);
	return -1;
}

int db_commit(struct db *db)
{
	if (db->nesting > 1) {
		db->nesting--;
		return 0;
	}
	db->nesting = 0;
	if (control(db, STMT_END_READ, "COMMIT") == 0) {
		group_commit_writer_unlock(&db->group);
		return 0;
	}
	db_rollback(db);
	return -1;
}

void db_rollback(struct db *db)
{
	db->nesting = 0;
	if (!sqlite3_get_autocommit(db->conn))
		control(db, STMT_ROLLBACK, "ROLLBACK");
	group_commit_writer_unlock(&db->group);
}

bool db_read_begin(struct db *db)
{
	if (!sqlite3_get_autocommit(db->conn))
		return false;
	sqlite3_stmt *s = db_stmt(db, STMT_BEGIN_READ);
	bool started = sqlite3_step(s) == SQLITE_DONE;
	db_done(s);
	return started;
}

void db_read_end(struct db *db, bool started)
{
	if (!started || sqlite3_get_autocommit(db->conn))
		return;
	sqlite3_stmt *s = db_stmt(db, STMT_END_READ);
	sqlite3_step(s);
	db_done(s);
}

int db_use_group_commit(struct db *db, const char *path)
{
	if (group_commit_open(&db->group, path) < 0)
		return -1;
	if (exec(db, "PRAGMA synchronous=NORMAL") < 0 ||
	    exec(db, "PRAGMA wal_autocheckpoint=10000") < 0) {
		group_commit_close(&db->group);
		exec(db, "PRAGMA synchronous=FULL");
		return -1;
	}
	return 0;
}

int db_durable(struct db *db)
{
	return group_commit_sync(&db->group, db->conn);
}

int db_checkpoint(struct db *db)
{
	int rc = sqlite3_wal_checkpoint_v2(db->conn, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
		db_log_error(db, "checkpoint");
		return -1;
	}
	return 0;
}

/* Waiting for the write lock. SQLite's own busy timeout sleeps 1, 2, 5, 10 … 100 ms between
 * tries; with writers that each hold the lock for about a millisecond (an appeal), a waiter
 * would sleep far longer than the lock is held, and throughput would fall with every worker
 * added (measured with make bench: 710 appeals/s and a p99 of 600 ms before, 950 and 70 ms
 * after). This handler retries after 100 µs, doubling to at most 2 ms, until the configured
 * timeout has passed in total. */
static int busy_wait(void *user, int attempt)
{
	const struct db *db = user;
	static __thread long long waited_us;
	if (attempt == 0)
		waited_us = 0;
	if (waited_us >= (long long)db->busy_timeout_ms * 1000)
		return 0;
	long us = attempt < 5 ? 100L << attempt : 2000;
	struct timespec ts = {0, us * 1000};
	nanosleep(&ts, NULL);
	waited_us += us;
	return 1;
}

/* The database holds applicants' data and password hashes: a file an older version (or another
 * umask) left readable by others is made 0600, with its WAL and shared-memory companions (SQLite
 * gives new companions the database file's mode). Files of another user are left alone. */
static void make_private(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-commit"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char file[4096];
		struct stat st;
		if (snprintf(file, sizeof file, "%s%s", path, suffixes[i]) >= (int)sizeof file ||
		    stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
		    (st.st_mode & 077) == 0)
			continue;
		if (chmod(file, st.st_mode & 0700) != 0)
			fprintf(stderr, "sqlite: cannot make %s private: %s\n", file, strerror(errno));
	}
}

int db_open(struct db *db, const char *path, int busy_timeout_ms, bool create)
{
	memset(db, 0, sizeof *db);
	db->group.fd = -1;
	/* Every process of the portal is single-threaded: no connection mutex to take on every
	 * call (a worker makes hundreds of calls per page). */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &db->conn, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "sqlite: cannot open %s: %s\n", path,
			db->conn ? sqlite3_errmsg(db->conn) : "out of memory");
		sqlite3_close(db->conn);
		db->conn = NULL;
		return -1;
	}
	make_private(path);
	db->busy_timeout_ms = busy_timeout_ms;
	sqlite3_busy_handler(db->conn, busy_wait, db);
	sqlite3_extended_result_codes(db->conn, 1);
	if (exec(db, "PRAGMA journal_mode=WAL") < 0 || exec(db, "PRAGMA synchronous=FULL") < 0 ||
	    exec(db, "PRAGMA foreign_keys=ON") < 0 || exec(db, "PRAGMA trusted_schema=OFF") < 0 ||
	    fts_russian_register(db->conn) != SQLITE_OK) {
		db_close(db);
		return -1;
	}
	return 0;
}

/* The tables of the storage files (db_<entity>.c), each indexed by enum stmt and holding only
 * its own statements; NULL ends the list. */
static const struct db_statement *const storage_tables[] = {
	db_protocol_statements,
	db_instruction_statements,
	db_reception_statements,
	db_user_statements,
	db_survey_statements,
	db_scope_statements,
	db_reference_statements,
	db_meeting_statements,
	db_appeal_statements,
	db_account_statements,
	db_meeting_staff_statements,
	db_notify_statements,
	db_press_statements,
	db_discussion_statements,
	db_municipality_statements,
	NULL,
};

/* The name of the nearest declared statement before i, to say where an undeclared one is. */
static const char *name_before(const struct db_statement statements[STMT__MAX], int i)
{
	while (--i >= 0)
		if (statements[i].name != NULL)
			return statements[i].name;
	return "the start of enum stmt";
}

int db_statements_declared(struct db_statement out[STMT__MAX])
{
	for (int i = 0; i < STMT__MAX; i++) {
		out[i] = (struct db_statement){db_statement_columns[i].name,
					       db_statement_columns[i].columns, db_statement_sql[i]};
		for (size_t t = 0; storage_tables[t] != NULL; t++) {
			const struct db_statement *row = &storage_tables[t][i];
			if (row->name == NULL && row->sql == NULL)
				continue;
			if (out[i].name != NULL || out[i].sql != NULL) {
				fprintf(stderr,
					"sqlite: statement %s is declared twice (db_statements.c or "
					"two storage files)\n",
					row->name ? row->name : out[i].name);
				return -1;
			}
			out[i] = *row;
		}
	}
	return 0;
}

int db_prepare_statements(struct db *db, const struct db_statement statements[STMT__MAX])
{
	for (int i = 0; i < STMT__MAX; i++) {
		const struct db_statement *st = &statements[i];
		if (st->name == NULL) {
			fprintf(stderr,
				"sqlite: statement %d (the one after %s) declares no column count: "
				"add its COLUMNS row in db_statements.c or its DB_STATEMENT row\n",
				i, name_before(statements, i));
			return -1;
		}
		if (st->sql == NULL) {
			fprintf(stderr, "sqlite: statement %s has no SQL\n", st->name);
			return -1;
		}
		if (sqlite3_prepare_v3(db->conn, st->sql, -1, SQLITE_PREPARE_PERSISTENT,
				       &db->stmt[i], NULL) != SQLITE_OK) {
			fprintf(stderr, "sqlite: cannot prepare statement %s (%s): %s\n", st->name,
				st->sql, sqlite3_errmsg(db->conn));
			return -1;
		}
		int columns = sqlite3_column_count(db->stmt[i]);
		if (columns != st->columns) {
			fprintf(stderr,
				"sqlite: statement %s returns %d result columns, its reader reads %d\n",
				st->name, columns, st->columns);
			return -1;
		}
	}
	return 0;
}

int db_prepare_all(struct db *db)
{
	static struct db_statement statements[STMT__MAX];
	if (db_statements_declared(statements) < 0)
		return -1;
	return db_prepare_statements(db, statements);
}

sqlite3_stmt *db_stmt(struct db *db, enum stmt which)
{
	sqlite3_stmt *s = db->stmt[which];
	if (!db->is_used[which]) {
		db->is_used[which] = true;
		db->used[db->used_count++] = (unsigned short)which;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

void db_done(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
}

void db_reset_used(struct db *db)
{
	for (int i = 0; i < db->used_count; i++) {
		sqlite3_reset(db->stmt[db->used[i]]);
		db->is_used[db->used[i]] = false;
	}
	db->used_count = 0;
}

const char *db_text(struct arena *a, sqlite3_stmt *stmt, int col)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);
	return t ? arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(stmt, col)) : "";
}

int db_read_rows(struct db *db, struct arena *a, sqlite3_stmt *s, size_t size,
		 db_row_reader *read, void *rows_out, size_t *count, const char *what)
{
	size_t cap = 8, n = 0;
	char *rows = arena_alloc(a, cap * size);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = arena_grow(a, rows, n, &cap, size);
		memset(rows + n * size, 0, size);
		read(a, s, rows + n * size);
		n++;
	}
	db_done(s);
	if (rc != SQLITE_DONE) {
		db_log_error(db, what);
		return -1;
	}
	memcpy(rows_out, &rows, sizeof rows);
	*count = n;
	return 0;
}

int db_read_one(struct db *db, struct arena *a, sqlite3_stmt *s, db_row_reader *read, void *row,
		const char *what)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && read != NULL)
		read(a, s, row);
	db_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_log_error(db, what);
		return -1;
	}
	return rc == SQLITE_ROW ? 0 : 1;
}

long long db_count(struct db *db, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

long long db_data_version(struct db *db)
{
	sqlite3_stmt *s = db_stmt(db, STMT_DATA_VERSION);
	long long version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	db_done(s);
	return version;
}

void db_read_int64(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

int db_read_int64_one(struct db *db, sqlite3_stmt *s, long long *out, const char *what)
{
	*out = 0;
	return db_read_one(db, NULL, s, db_read_int64, out, what);
}

int db_run(sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);
	db_done(stmt);
	return rc;
}

void db_close(struct db *db)
{
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(db->stmt[i]);
		db->stmt[i] = NULL;
	}
	sqlite3_close(db->conn);
	db->conn = NULL;
	group_commit_close(&db->group);
}

int db_schema_version(struct db *db)
{
	sqlite3_stmt *s;
	int version = -1;
	if (sqlite3_prepare_v2(db->conn, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return version;
}

/* The number of a migration file "NNN_name.sql", or -1 for any other name. */
static int migration_number(const char *name)
{
	size_t len = strlen(name);
	if (len < 9 || strcmp(name + len - 4, ".sql") != 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (name[i] < '0' || name[i] > '9')
			return -1;
	if (name[3] != '_')
		return -1;
	return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

/* Find the file of migration number in dir; 0 and the path on success. */
static int migration_path(const char *dir, int number, char *path, size_t size)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	int found = -1;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (migration_number(e->d_name) == number) {
			if (found == 0) {
				fprintf(stderr, "migrations: two files numbered %03d in %s\n", number, dir);
				found = -1;
				break;
			}
			snprintf(path, size, "%s/%s", dir, e->d_name);
			found = 0;
		}
	}
	closedir(d);
	return found;
}

int db_latest_migration(const char *sql_dir)
{
	DIR *d = opendir(sql_dir);
	if (d == NULL) {
		fprintf(stderr, "migrations: cannot open %s\n", sql_dir);
		return -1;
	}
	int latest = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		int n = migration_number(e->d_name);
		if (n > latest)
			latest = n;
	}
	closedir(d);
	return latest;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		return NULL;
	}
	char *text = NULL;
	size_t len = 0, cap = 0;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *grown = realloc(text, cap);
			if (grown == NULL) {
				free(text);
				fclose(f);
				return NULL;
			}
			text = grown;
		}
		memcpy(text + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (text == NULL)
		text = calloc(1, 1);
	else
		text[len] = '\0';
	return text;
}

/* Run sql and, when version >= 0, set user_version, all in one IMMEDIATE transaction. */
static int exec_in_transaction(struct db *db, const char *sql, const char *what, int version)
{
	if (exec(db, "BEGIN IMMEDIATE") < 0)
		return -1;
	char *err = NULL;
	if (sqlite3_exec(db->conn, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", what, err ? err : "?");
		sqlite3_free(err);
		exec(db, "ROLLBACK");
		return -1;
	}
	if (version >= 0) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", version);
		if (exec(db, pragma) < 0) {
			exec(db, "ROLLBACK");
			return -1;
		}
	}
	return exec(db, "COMMIT");
}

int db_migrate(struct db *db, const char *sql_dir)
{
	int current = db_schema_version(db);
	int latest = db_latest_migration(sql_dir);
	if (current < 0 || latest < 0)
		return -1;
	if (current > latest) {
		fprintf(stderr, "migrations: the database is at version %d, newer than this build (%d)\n",
			current, latest);
		return -1;
	}
	int applied = 0;
	for (int n = current + 1; n <= latest; n++) {
		char path[4096];
		if (migration_path(sql_dir, n, path, sizeof path) < 0) {
			fprintf(stderr, "migrations: %03d is missing in %s\n", n, sql_dir);
			return -1;
		}
		char *sql = read_file(path);
		if (sql == NULL)
			return -1;
		int rc = exec_in_transaction(db, sql, path, n);
		free(sql);
		if (rc < 0)
			return -1;
		applied++;
	}
	return applied;
}

int db_exec_file(struct db *db, const char *path)
{
	char *sql = read_file(path);
	if (sql == NULL)
		return -1;
	int rc = exec_in_transaction(db, sql, path, -1);
	free(sql);
	return rc;
}
