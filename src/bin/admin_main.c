/* admin_main.c — build/portal-admin: operations on the portal's database from the shell.
 *   init [--demo]        create or migrate the database and create the uploads directory;
 *                        --demo loads the demo municipality
 *                        and demo staff accounts into an empty one
 *   user add LOGIN ROLE [--email ADDRESS] [--person ID] [--municipality SLUG]
 *                        create a staff account (with the e-mail alerts go to, the person
 *                        of the directory it belongs to: the head or a group leader, who sign
 *                        the protocols of the meetings they chair, and the municipality it
 *                        works for: a district's account also works for its settlements;
 *                        without one, for the whole installation); the password is read from
 *                        standard input
 *   backup FILE          a tar archive: a consistent online copy of the database and the
 *                        files of the uploads directory
 *   restore FILE         put such a backup back, with the workers stopped
 *   reindex              rebuild the search index of appeals (appeal_fts) from the appeals:
 *                        after a restore, or after rows written without the portal's code
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "auth.h"
#include "backup.h"
#include "config.h"
#include "db.h"
#include "db_municipality.h"
#include "municipality.h"
#include "staff_account.h"
#include "validate.h"

static void usage(void)
{
	fputs("usage: portal-admin [-c FILE] COMMAND\n"
	      "  init [--demo]          create or migrate the database (--demo: demo data)\n"
	      "  user add LOGIN ROLE [--email ADDRESS] [--person ID] [--municipality SLUG]\n"
	      "                         add a staff account, password on standard input;\n"
	      "                         --person: the id of its person in the directory\n"
	      "                         --municipality: the slug (or id) of the municipality\n"
	      "                         it works for (a district: and its settlements)\n"
	      "                         roles: admin organizer secretary press executor controller\n"
	      "  backup FILE            write the database and the uploads to FILE (a tar)\n"
	      "  restore FILE           put a backup back (the workers must be stopped)\n"
	      "  reindex                rebuild the search index of appeals from the appeals\n",
	      stderr);
	exit(2);
}

/* True when email has the shape the web forms accept (validate.c). */
static bool valid_email(const char *email)
{
	struct arena a;
	arena_init(&a, 1024);
	struct field_value v;
	validate_value(&a, &field_specs[FIELD_EMAIL], email, strlen(email), &v);
	bool ok = v.state == FIELD_VALID;
	arena_free(&a);
	return ok;
}

/* Create an account through the one path the web form uses too; 0, or -1 with a message. */
static int user_insert(struct db *db, const char *login, const char *role, const char *full_name,
		       const char *password, const char *email, long long person,
		       long long municipality)
{
	struct staff_account_new account = {login, role, full_name, password, email, person,
					    municipality};
	long long id;
	switch (staff_account_create(db, &account, &id)) {
	case STAFF_ACCOUNT_CREATED:
		return 0;
	case STAFF_ACCOUNT_TAKEN:
		fprintf(stderr, "portal-admin: the login %s is taken, or another account belongs to "
				"person %lld\n", login, person);
		return -1;
	case STAFF_ACCOUNT_NO_PERSON:
		fprintf(stderr, "portal-admin: there is no person %lld in the directory\n", person);
		return -1;
	case STAFF_ACCOUNT_FAILED:
		break;
	}
	return -1;
}

/* A password that is easy to type from the terminal: no look-alike characters. */
static void random_password(char *out, size_t len)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
	for (size_t i = 0; i + 1 < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[len - 1] = '\0';
}

/* Demo staff accounts, one per role, with fresh random passwords written beside the database
 * (mode 0600) so `make run` can print them on every start, and an address at the demo
 * municipality's domain (organizer@zelenoborsk.example) for the notifier's alerts. */
static int create_demo_users(struct db *db, const struct config *cfg)
{
	static const char *const names[] = {"Администратор портала", "Сотрудник организационного сектора",
					    "Секретарь информационной группы", "Пресс-служба",
					    "Исполнитель", "Контролёр"};
	char path[4096];
	snprintf(path, sizeof path, "%s", cfg->database_path);
	char *slash = strrchr(path, '/');
	snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
		 "demo-logins.txt");
	mode_t old = umask(077);
	FILE *f = fopen(path, "w");
	umask(old);
	if (f == NULL) {
		perror(path);
		return -1;
	}
	fputs("Demo staff accounts (login / password / role):\n", f);
	for (size_t i = 0; auth_role_codes[i] != NULL; i++) {
		char password[13];
		random_password(password, sizeof password);
		char email[64];
		snprintf(email, sizeof email, "%s@zelenoborsk.example", auth_role_codes[i]);
		if (user_insert(db, auth_role_codes[i], auth_role_codes[i], names[i], password, email, 0,
				0) < 0) {
			fclose(f);
			return -1;
		}
		fprintf(f, "  %-11s %s  (%s)\n", auth_role_codes[i], password, auth_role_codes[i]);
	}
	/* The head of the demo settlement: she chairs the head's meetings and signs their
	 * protocols; the demo data links the account to her person (sql/demo). */
	char password[13];
	random_password(password, sizeof password);
	if (user_insert(db, "glava", "controller", "Соколова Анна Викторовна", password,
			"glava@zelenoborsk.example", 0, 0) < 0) {
		fclose(f);
		return -1;
	}
	fprintf(f, "  %-11s %s  (%s)\n", "glava", password, "controller");
	fputs("  (glava is the head, Соколова А. В.: she signs the protocols of the meetings she "
	      "chairs)\n",
	      f);
	fclose(f);
	printf("demo staff logins written to %s\n", path);
	return 0;
}

/* Make every regular file directly in dir mode 0600 (files an older version stored 0644).
 * Returns 0, or -1 with the reason on stderr. */
static int private_files_in(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "portal-admin: cannot read %s: %s\n", dir, strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
		    (st.st_mode & 077) == 0)
			continue;
		if (fchmodat(dirfd(d), e->d_name, 0600, 0) != 0) {
			fprintf(stderr, "portal-admin: cannot make %s/%s private: %s\n", dir, e->d_name,
				strerror(errno));
			rc = -1;
		}
	}
	closedir(d);
	return rc;
}

/* The directory of attached files (mode 0700: they hold personal data and only the portal's
 * user reads them). Its parent is $(DATA) or /var/lib/portal, which exists. */
static int create_uploads_dir(const struct config *cfg)
{
	if (mkdir(cfg->uploads_dir, 0700) == 0) {
		printf("uploads directory %s created\n", cfg->uploads_dir);
		return 0;
	}
	struct stat st;
	if (errno == EEXIST && stat(cfg->uploads_dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* One made by an older version may be open to others: close it, and its files. */
		if ((st.st_mode & 077) != 0 && chmod(cfg->uploads_dir, 0700) != 0) {
			fprintf(stderr, "portal-admin: cannot make %s private: %s\n",
				cfg->uploads_dir, strerror(errno));
			return -1;
		}
		return private_files_in(cfg->uploads_dir);
	}
	fprintf(stderr, "portal-admin: cannot create the uploads directory %s: %s\n",
		cfg->uploads_dir, strerror(errno == EEXIST ? ENOTDIR : errno));
	return -1;
}

static int command_init(struct db *db, const struct config *cfg, bool demo)
{
	if (create_uploads_dir(cfg) < 0)
		return 1;
	int applied = db_migrate(db, cfg->sql_dir);
	if (applied < 0)
		return 1;
	/* Migration 025 moved everything into one municipality: give it portal.ini's name (a
	 * tree whose migrations end before 025 has no municipalities). */
	if (db_schema_version(db) >= MUNICIPALITY_MIGRATION &&
	    municipality_own_from_config(db, cfg) < 0)
		return 1;
	printf("schema at version %d (%d migration%s applied)\n", db_schema_version(db), applied,
	       applied == 1 ? "" : "s");
	if (!demo)
		return 0;
	if (db_count(db, "SELECT count(*) FROM territory") != 0) {
		printf("demo data not loaded: the database already has data\n");
		return 0;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/demo/zelenoborsk.sql", cfg->sql_dir);
	/* The accounts first: the demo protocol's instructions name their executor and
	 * controller. */
	if (db_prepare_all(db) < 0 || create_demo_users(db, cfg) < 0 || db_exec_file(db, path) < 0)
		return 1;
	printf("demo municipality loaded: %lld meetings\n",
	       db_count(db, "SELECT count(*) FROM meeting"));
	return 0;
}

/* Rebuild appeal_fts, the external-content search index of the registry, from the rows of
 * appeal in one transaction (FTS5 'rebuild': the old index is dropped, every appeal tokenized
 * again with the "russian" tokenizer this connection registered). The workers keep serving:
 * readers see the old index until the commit, writers wait for it. Prints how many appeals were
 * indexed and how long it took. 0, or 1 with a message. */
static int command_reindex(struct db *db)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (db_begin(db) < 0)
		return 1;
	char *err = NULL;
	/* Every appeal is in the index now: the batches of appeal_search_catch_up go on from
	 * the last one (in the same transaction, so none is indexed twice). */
	if (sqlite3_exec(db->conn,
			 "INSERT INTO appeal_fts (appeal_fts) VALUES ('rebuild'); "
			 "UPDATE appeal_search_state SET indexed_up_to = "
			 "(SELECT coalesce(max(id), 0) FROM appeal) WHERE id = 1",
			 NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "portal-admin: reindex: %s\n", err ? err : sqlite3_errmsg(db->conn));
		sqlite3_free(err);
		db_rollback(db);
		return 1;
	}
	long long n = db_count(db, "SELECT count(*) FROM appeal");
	if (db_commit(db) < 0)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("search index of appeals rebuilt: %lld appeals in %.1f s\n", n, secs);
	return 0;
}

/* Run as root, become the owner of the directory that holds the database (the portal user in
 * production): files SQLite creates beside the database (its -wal and -shm), the uploads and
 * restored files must belong to the user the workers run as, or the site stops working.
 * Nothing happens when that directory is root's or unreadable. 0, or -1 with a message. */
static int become_database_owner(const struct config *cfg)
{
	if (geteuid() != 0)
		return 0;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", cfg->database_path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return 0;
	*slash = '\0';
	struct stat st;
	if (stat(dir, &st) < 0 || st.st_uid == 0)
		return 0;
	if (setgroups(0, NULL) < 0 || setgid(st.st_gid) < 0 || setuid(st.st_uid) < 0) {
		fprintf(stderr, "portal-admin: cannot become the owner (uid %ld) of %s: %s\n",
			(long)st.st_uid, dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Whether argv[*i] is option name, as "--name VALUE" (then *i moves to the value) or
 * "--name=VALUE"; its value in *value. */
static bool option(int argc, char **argv, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return false;
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return true;
	}
	if (argv[*i][n] != '\0' || *i + 1 >= argc)
		return false;
	*value = argv[++*i];
	return true;
}

/* The id of the municipality named by its slug or id, 0 when there is none (with a message),
 * -1 on a database error. */
static long long municipality_named(struct db *db, const char *name)
{
	struct arena a;
	arena_init(&a, 4096);
	struct municipality_item *list;
	size_t count;
	long long id = -1;
	if (db_municipality_list(db, &a, &list, &count) == 0) {
		id = 0;
		for (size_t i = 0; i < count && id == 0; i++) {
			char digits[24];
			snprintf(digits, sizeof digits, "%lld", list[i].id);
			if (strcmp(list[i].slug, name) == 0 || strcmp(digits, name) == 0)
				id = list[i].id;
		}
		if (id == 0) {
			fprintf(stderr, "portal-admin: there is no municipality %s; the slugs are:",
				name);
			for (size_t i = 0; i < count; i++)
				fprintf(stderr, " %s", list[i].slug);
			fputc('\n', stderr);
		}
	}
	arena_free(&a);
	return id;
}

static int command_user_add(struct db *db, const char *login, const char *role, const char *email,
			    long long person, const char *municipality)
{
	if (!staff_login_valid(login)) {
		fputs("portal-admin: a login is 2-64 characters a-z and 0-9\n", stderr);
		return 2;
	}
	if (auth_role_bit(role) == 0) {
		fprintf(stderr, "portal-admin: unknown role %s\n", role);
		return 2;
	}
	if (email[0] != '\0' && !valid_email(email)) {
		fprintf(stderr, "portal-admin: %s is not an e-mail address (name@example.ru)\n", email);
		return 2;
	}
	long long body = 0;
	if (municipality != NULL) {
		body = municipality_named(db, municipality);
		if (body <= 0)
			return body < 0 ? 1 : 2;
	}
	char password[1024];
	if (fgets(password, sizeof password, stdin) == NULL) {
		fputs("portal-admin: no password on standard input\n", stderr);
		return 2;
	}
	password[strcspn(password, "\r\n")] = '\0';
	if (!staff_password_long_enough(password)) {
		fprintf(stderr, "portal-admin: the password must be at least %d characters\n",
			STAFF_PASSWORD_MIN_CHARS);
		return 2;
	}
	int rc = user_insert(db, login, role, "", password, email, person, body);
	sodium_memzero(password, sizeof password);
	if (rc < 0)
		return 1;
	if (email[0] != '\0')
		printf("user %s added with role %s and e-mail %s\n", login, role, email);
	else
		printf("user %s added with role %s\n", login, role);
	return 0;
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int opt;
	/* The database, its WAL, backups and uploads hold applicants' data and password hashes:
	 * whatever this program creates is its user's alone (0600 files, 0700 directories). */
	umask(077);
	while ((opt = getopt(argc, argv, "+c:h")) != -1) {
		if (opt == 'c')
			config_path = optarg;
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	/* The database, its copies and everything beside it hold personal data. */
	umask(077);
	if (sodium_init() < 0) {
		fputs("portal-admin: libsodium failed to initialise\n", stderr);
		return 1;
	}
	struct config cfg;
	if (config_load(&cfg, config_default_path(config_path)) < 0)
		return 1;
	if (become_database_owner(&cfg) < 0) {
		config_free(&cfg);
		return 1;
	}

	int rc;
	struct db db;
	bool init = strcmp(argv[0], "init") == 0;
	if (init && argc <= 2 && (argc == 1 || strcmp(argv[1], "--demo") == 0)) {
		if (db_open(&db, cfg.database_path, cfg.busy_timeout_ms, true) < 0) {
			config_free(&cfg);
			return 1;
		}
		rc = command_init(&db, &cfg, argc == 2);
	} else if (strcmp(argv[0], "user") == 0 && argc >= 4 && strcmp(argv[1], "add") == 0) {
		/* user add LOGIN ROLE [--email ADDRESS | --email=ADDRESS] [--person ID | --person=ID]
		 * [--municipality SLUG | --municipality=SLUG] */
		const char *email = "", *person = NULL, *municipality = NULL;
		for (int i = 4; i < argc; i++)
			if (!option(argc, argv, &i, "--email", &email) &&
			    !option(argc, argv, &i, "--person", &person) &&
			    !option(argc, argv, &i, "--municipality", &municipality))
				usage();
		long long person_id = 0;
		if (person != NULL) {
			char *end;
			errno = 0;
			person_id = strtoll(person, &end, 10);
			if (errno != 0 || end == person || *end != '\0' || person_id <= 0) {
				fprintf(stderr, "portal-admin: --person wants a person's id, not %s\n",
					person);
				config_free(&cfg);
				return 2;
			}
		}
		if (db_open(&db, cfg.database_path, cfg.busy_timeout_ms, false) < 0) {
			config_free(&cfg);
			return 1;
		}
		rc = db_prepare_all(&db) < 0 ? 1
					     : command_user_add(&db, argv[2], argv[3], email, person_id,
								municipality);
	} else if (strcmp(argv[0], "backup") == 0 && argc == 2) {
		if (db_open(&db, cfg.database_path, cfg.busy_timeout_ms, false) < 0) {
			config_free(&cfg);
			return 1;
		}
		rc = backup_write(&db, &cfg, argv[1]) < 0 ? 1 : 0;
	} else if (strcmp(argv[0], "reindex") == 0 && argc == 1) {
		if (db_open(&db, cfg.database_path, cfg.busy_timeout_ms, false) < 0) {
			config_free(&cfg);
			return 1;
		}
		rc = command_reindex(&db);
	} else if (strcmp(argv[0], "restore") == 0 && argc == 2) {
		/* No connection of its own: the database is replaced, not written to. */
		rc = backup_restore(&cfg, argv[1]) < 0 ? 1 : 0;
		config_free(&cfg);
		return rc;
	} else {
		usage();
	}
	db_close(&db);
	config_free(&cfg);
	return rc;
}
