/* worker.c — one worker process: start-up after fork and the FastCGI accept loop. */
#include "worker.h"

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth.h"
#include "db_reference.h"
#include "template.h"

/* Parse every template of the directory at start-up, so that a syntax error stops the worker
 * before it accepts anything and no request pays for a first parse. 0, or -1 with a message. */
static int preload_templates(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "worker: cannot read the templates directory %s: %s\n", dir,
			strerror(errno));
		return -1;
	}
	int rc = 0, count = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".tpl") == 0) {
			rc = tpl_preload(e->d_name);
			count++;
		}
	}
	closedir(d);
	if (rc == 0 && count == 0) {
		fprintf(stderr, "worker: no templates in %s\n", dir);
		return -1;
	}
	return rc;
}

/* Every [notice] kind of cfg is a code of meeting_kind: a typing error in portal.ini would
 * otherwise leave that kind at 5 days without a word. 0, or -1 with the reason on stderr. */
static int check_notice_kinds(struct worker *w, const struct config *cfg)
{
	struct arena a;
	arena_init(&a, 4096);
	struct kind_item *kinds;
	size_t count;
	int rc = db_kind_list(&w->db, &a, &kinds, &count);
	for (int i = 0; rc == 0 && i < cfg->notice_count; i++)
		if (!db_kind_known(kinds, count, cfg->notice[i].kind)) {
			fprintf(stderr, "worker: %s: [notice] %s: no such kind of meeting (the codes are "
				"those of meeting_kind: head_mass, public_hearing, …)\n",
				cfg->file, cfg->notice[i].kind);
			rc = -1;
		}
	arena_free(&a);
	return rc;
}

int worker_init(struct worker *w, const struct config *cfg)
{
	memset(w, 0, sizeof *w);
	w->cfg = cfg;
	/* A worker's heap is the same size request after request: SQLite's temporary b-trees (a
	 * sorted list) and ctemplate take a few hundred kilobytes and give them back. With glibc's
	 * defaults each give-back shrank the heap (brk, a TLB flush on both cores) and the next
	 * request faulted the pages in again — a fifth of an uncached page's CPU (perf, make
	 * bench). Keep what was taken; large blocks too stay on the heap instead of mmap. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
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
	/* Appeals come in bursts after a public meeting: flush once for all the workers that
	 * committed meanwhile (group_commit.h). Without the commit file, FULL stays. */
	db_use_group_commit(&w->db, cfg->database_path);
	/* A notice period for a kind the database does not know is a typing error in portal.ini
	 * that would otherwise leave that kind at 5 days without a word. */
	if (cfg->notice_count > 0 && check_notice_kinds(w, cfg) < 0)
		return -1;
	/* Attached files are stored there (upload_store): a worker that could not keep them must
	 * not accept forms that carry them. */
	if (access(cfg->uploads_dir, W_OK | X_OK) != 0) {
		fprintf(stderr, "worker: the uploads directory %s is not usable (%s): run "
			"`portal-admin -c %s init`\n", cfg->uploads_dir, strerror(errno), cfg->file);
		return -1;
	}
	if (tpl_init(cfg->templates_dir) < 0 || preload_templates(cfg->templates_dir) < 0)
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

/* Read what is left of the request's FastCGI input up to the end of its stdin stream (a handler
 * that answered before reading the whole body leaves some); true when that end was reached.
 * nginx sends nothing after it, so the connection can then simply be closed. Otherwise libfcgi
 * half-closes and waits for nginx to close first, so that unread input cannot reset the
 * connection before nginx has read the answer — a sleep and a wake-up of the worker that cost
 * a cached page a third of its CPU time (make bench). */
static bool input_finished(FCGX_Request *fcgx)
{
	char rest[4096];
	while (FCGX_GetStr(rest, sizeof rest, fcgx->in) > 0)
		;
	return FCGX_HasSeenEOF(fcgx->in) == EOF && FCGX_GetError(fcgx->in) == 0;
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
		if (input_finished(&fcgx))
			FCGX_Detach(&fcgx); /* close at once, without waiting for nginx */
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
