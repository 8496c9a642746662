/* worker.c — one worker process: start-up after fork and the FastCGI accept loop. */
#include "worker.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth.h"
#include "template.h"

/* Templates parsed at start-up: a syntax error stops the worker before it accepts anything. */
static const char *const page_templates[] = {
	"layout.tpl",      "home.tpl",        "meetings.tpl",       "meeting.tpl",
	"meeting_card.tpl", "error.tpl",      "form_errors.tpl",    "admin_login.tpl",
	"admin_home.tpl",  "admin_password.tpl", "admin_users.tpl", "admin_audit.tpl", "admin_outbox.tpl", "appeal_new.tpl", "appeal_received.tpl",
	"appeal_status.tpl", "admin_appeals.tpl", "admin_appeal.tpl",
	"admin_appeal_new.tpl", "answers.tpl", "admin_appeal_summary.tpl",
	"admin_protocol.tpl", "admin_instructions.tpl", "admin_instruction.tpl", "protocol.tpl",
	"admin_meetings.tpl", "admin_meeting.tpl", "admin_meeting_new.tpl", "admin_meeting_form.tpl",
	"admin_series.tpl", "admin_series_new.tpl", "admin_series_show.tpl",
	"admin_reference_nav.tpl", "admin_territories.tpl", "admin_territory.tpl",
	"admin_venues.tpl", "admin_venue.tpl", "admin_venue_form.tpl", "admin_people.tpl",
	"admin_person.tpl", "admin_person_form.tpl", "admin_groups.tpl", "admin_group.tpl",
	"admin_group_form.tpl", "press.tpl", "press_show.tpl", "press_release.tpl", "feed_atom.tpl",
	"admin_media_plan.tpl", "admin_media.tpl", "admin_media_contact.tpl", "admin_media_form.tpl",
	"admin_publication.tpl", "admin_user.tpl", "admin_reference_groups.tpl",
	"admin_reference_group.tpl", "admin_reference_group_form.tpl", "subscribe.tpl",
	"subscribe_sent.tpl", "subscribe_confirm.tpl", "unsubscribe.tpl", "admin_calendar.tpl", "admin_calendar_year.tpl",
	"admin_calendar_year_form.tpl", "admin_calendar_day_form.tpl", "admin_topics.tpl", "admin_topic.tpl",
	"admin_report.tpl", "admin_reports.tpl",
	"account_login.tpl", "account_failed.tpl", "account.tpl", "account_closed.tpl", "privacy.tpl", "account_signed_out.tpl",
};

int worker_init(struct worker *w, const struct config *cfg)
{
	memset(w, 0, sizeof *w);
	w->cfg = cfg;
	if (db_open(&w->db, cfg->database_path, cfg->busy_timeout_ms, false) < 0)
		return -1;
	int version = db_schema_version(&w->db);
	int latest = db_latest_migration(cfg->sql_dir);
	if (latest < 0 || version != latest) {
		fprintf(stderr,
			"worker: database %s is at schema version %d, this build needs %d: run "
			"`portal-admin -c %s init`\n",
			cfg->database_path, version, latest, cfg->file);
		return -1;
	}
	if (db_prepare_all(&w->db) < 0)
		return -1;
	/* Attached files are stored there (upload_store): a worker that could not keep them must
	 * not accept forms that carry them. */
	if (access(cfg->uploads_dir, W_OK | X_OK) != 0) {
		fprintf(stderr, "worker: the uploads directory %s is not usable (%s): run "
			"`portal-admin -c %s init`\n", cfg->uploads_dir, strerror(errno), cfg->file);
		return -1;
	}
	if (tpl_init(cfg->templates_dir) < 0)
		return -1;
	for (size_t i = 0; i < sizeof page_templates / sizeof page_templates[0]; i++)
		if (tpl_preload(page_templates[i]) < 0)
			return -1;

	/* The stylesheet's modification time versions static URLs: nginx lets browsers keep
	 * /static/ for a week, and a new stylesheet gets a new URL. */
	char css[4096];
	struct stat st;
	snprintf(css, sizeof css, "%s/style.css", cfg->static_dir);
	snprintf(w->asset_version, sizeof w->asset_version, "%ld",
		 stat(css, &st) == 0 ? (long)st.st_mtime : 0L);
	arena_init(&w->arena, 64 * 1024);
	auth_init();
	return 0;
}

void worker_serve(struct worker *w, int listen_fd)
{
	FCGX_Request fcgx;
	if (FCGX_InitRequest(&fcgx, listen_fd, 0) != 0) {
		fputs("worker: FCGX_InitRequest failed\n", stderr);
		return;
	}
	while (FCGX_Accept_r(&fcgx) >= 0) {
		request_handle(w, &fcgx);
		FCGX_Finish_r(&fcgx);
		arena_reset(&w->arena);
	}
	FCGX_Free(&fcgx, 1);
}

void worker_close(struct worker *w)
{
	page_cache_clear(&w->cache);
	db_close(&w->db);
	if (w->arena.first != NULL)
		arena_free(&w->arena);
}
