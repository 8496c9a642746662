/* notify_main.c — build/portal-notify, run by cron every few minutes (conf/portal.cron):
 *   portal-notify [-c FILE] [--dry-run] [--now TIME] [--wait]
 * applies the announcement rules (notify_rules.c) and delivers the outbox (notify_deliver.c).
 * One run at a time: a second one, started while the first still works, exits at once and
 * quietly. Prints one summary line per run. Exit status: 0 all is well; 1 something needs an
 * operator (messages given up and waiting on /admin/outbox, mail not configured while mail
 * waits, a database error); 2 bad usage or configuration.
 * TIME is a local time in the municipality's zone, "YYYY-MM-DDTHH:MM", or "@SECONDS" since the
 * epoch: the run behaves as if it were then (for tests and for replaying a missed day). */
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "civil_time.h"
#include "config.h"
#include "db.h"
#include "db_press.h"
#include "notify.h"

static int run_notifier(const struct config *cfg, const char *now_text, bool dry_run,
			bool wait_lock);

static void usage(void)
{
	fputs("usage: portal-notify [-c FILE] [--dry-run] [--now YYYY-MM-DDTHH:MM|@SECONDS] [--wait]\n"
	      "  applies the announcement rules and delivers the outbox; run it from cron\n",
	      stderr);
	exit(2);
}

/* --now: a local time in the configured zone, or @seconds. */
static bool parse_now(const char *s, time_t *out)
{
	if (s[0] == '@') {
		char *end;
		long long v = strtoll(s + 1, &end, 10);
		if (end == s + 1 || *end != '\0' || v < 0)
			return false;
		*out = (time_t)v;
		return true;
	}
	struct civil_date d;
	int hour, minute;
	if (!civil_datetime_parse(s, &d, &hour, &minute))
		return false;
	*out = tz_local_to_utc(d, hour, minute);
	return true;
}

/* Take the run's lock; 0 when another run holds it (after waiting up to a minute for it to end
 * with wait: a worker starts the notifier for a resident's one-time code, which must not stay
 * behind a run that has already read its batch). The descriptor stays open (and the lock held)
 * until the process ends. */
#define LOCK_WAIT_TRIES 600 /* 100 ms each */
static int take_lock(const char *path, bool wait)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		fprintf(stderr, "portal-notify: cannot open the lock %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; wait && i < LOCK_WAIT_TRIES && flock(fd, LOCK_EX | LOCK_NB) < 0 &&
			errno == EWOULDBLOCK;
	     i++)
		usleep(100 * 1000);
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		close(fd);
		return errno == EWOULDBLOCK ? 0 : -1;
	}
	return 1;
}

/* The outbox after the run, of every body, into run->counts: 0, or -1 on a database error. */
static int totals(struct notify_run *run)
{
	struct outbox_totals t;
	if (db_outbox_totals(run->db, 0, &t) < 0)
		return -1;
	run->counts.waiting = t.waiting;
	run->counts.dead_total = t.dead;
	return 0;
}

int main(int argc, char **argv)
{
	const char *conf = NULL, *now_text = NULL;
	bool dry_run = false, wait_lock = false;
	static const struct option options[] = {
		{"dry-run", no_argument, NULL, 'd'},
		{"wait", no_argument, NULL, 'w'},
		{"now", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	umask(077); /* the database's WAL and the lock file: the portal's user's alone */
	while ((opt = getopt_long(argc, argv, "c:", options, NULL)) != -1) {
		switch (opt) {
		case 'c': conf = optarg; break;
		case 'd': dry_run = true; break;
		case 'w': wait_lock = true; break;
		case 'n': now_text = optarg; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();

	struct config cfg;
	if (config_load(&cfg, config_default_path(conf)) < 0)
		return 2;
	int status = run_notifier(&cfg, now_text, dry_run, wait_lock);
	config_free(&cfg);
	return status;
}

/* Everything after the configuration: the exit status. */
static int run_notifier(const struct config *cfg_in, const char *now_text, bool dry_run,
			bool wait_lock)
{
	const struct config cfg = *cfg_in;
	if (tz_set(cfg.timezone) < 0) {
		fprintf(stderr, "portal-notify: unknown time zone %s\n", cfg.timezone);
		return 2;
	}
	time_t now = time(NULL);
	if (now_text != NULL && !parse_now(now_text, &now)) {
		fprintf(stderr, "portal-notify: --now %s: expected YYYY-MM-DDTHH:MM or @SECONDS\n",
			now_text);
		return 2;
	}
	int lock = take_lock(cfg.notify_lock, wait_lock);
	if (lock <= 0)
		return lock == 0 ? 0 : 1; /* another run is at work: leave quietly */

	struct db db;
	if (db_open(&db, cfg.database_path, cfg.busy_timeout_ms, false) < 0)
		return 1;
	int version = db_schema_version(&db), latest = db_latest_migration(cfg.sql_dir);
	if (latest < 0 || version != latest || db_prepare_all(&db) < 0) {
		if (latest < 0 || version != latest)
			fprintf(stderr,
				"portal-notify: database %s is at schema version %d, this build needs "
				"%d: run `portal-admin -c %s init`\n",
				cfg.database_path, version, latest, cfg.file);
		db_close(&db);
		return 1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);

	struct arena arena;
	arena_init(&arena, 64 * 1024);
	struct notify_run run = {
		.cfg = &cfg, .db = &db, .arena = &arena, .now = now, .dry_run = dry_run,
		.out = stdout,
	};
	int rc = notify_apply_rules(&run);
	if (rc == 0)
		rc = notify_deliver(&run);
	if (rc == 0)
		rc = totals(&run);

	const struct notify_counts *c = &run.counts;
	bool mail_waits = cfg.smtp_url[0] == '\0' && c->waiting > 0;
	char stamp[32];
	struct tm tm;
	tz_utc_to_local(now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M %z", &tm);
	printf("portal-notify %s%s: published %d (announcements %d, changes %d, cancellations %d), "
	       "violations %d, alerts %d, reminders %d, police %d; queued %d; delivered %d, "
	       "to retry %d, given up %d; waiting %lld, given up in all %lld%s%s\n",
	       stamp, dry_run ? " (dry run: nothing changed)" : "",
	       c->announced + c->changes + c->cancellations, c->announced, c->changes,
	       c->cancellations, c->violations, c->alerts, c->reminders, c->police, c->queued,
	       c->sent, c->retried, c->dead, c->waiting, c->dead_total,
	       mail_waits ? "; mail is not configured ([mail] smtp_url)" : "",
	       rc < 0 ? "; FAILED, see the messages above" : "");
	fflush(stdout);

	arena_free(&arena);
	curl_global_cleanup();
	db_close(&db);
	return rc < 0 || c->dead_total > 0 || mail_waits ? 1 : 0;
}
