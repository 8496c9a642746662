/* main.c — build/portal: start-up and the prefork supervisor. The supervisor opens the FastCGI
 * socket, forks the configured number of workers (each with its own SQLite connection, opened
 * after fork), replaces any that die, and on SIGTERM/SIGINT stops them gracefully and removes the
 * socket. Requests are served in worker.c and request.c. */
#include <errno.h>
#include <fcgiapp.h>
#include <getopt.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "appeal.h"
#include "civil_time.h"
#include "config.h"
#include "router.h"
#include "template.h"
#include "upload.h"
#include "worker.h"

#define MAX_WORKERS 64
#define STOP_GRACE_SECONDS 10

struct slot {
	pid_t pid;         /* 0 when the slot is empty */
	time_t started;    /* when the current worker was forked */
	time_t respawn_at; /* for an empty slot: not before this time */
};

static void usage(void)
{
	fputs("usage: portal [-c FILE] [--routes]\n"
	      "  Prefork FastCGI worker of the citizen-engagement portal.\n"
	      "  -c FILE   configuration (default: $PORTAL_CONF or conf/portal.ini)\n"
	      "  --routes  print the route table (methods, pattern, roles, flags, fields) and exit\n",
	      stderr);
	exit(2);
}

/* ---- worker side ---------------------------------------------------------------------- */

static void worker_on_signal(int sig)
{
	(void)sig;
	/* Async-signal-safe: sets a flag; a blocked accept() returns EINTR (no SA_RESTART) and
	 * libfcgi then sees the flag, so FCGX_Accept_r fails and the loop ends after the current
	 * request. A signal landing between libfcgi's check and its accept() leaves the worker
	 * waiting; the supervisor kills it after STOP_GRACE_SECONDS (it is idle then). */
	FCGX_ShutdownPending();
}

static void worker_main(const struct config *cfg, int listen_fd, const sigset_t *old_mask)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = worker_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sigprocmask(SIG_SETMASK, old_mask, NULL);

	struct worker w;
	if (worker_init(&w, cfg) < 0)
		_exit(3);
	worker_serve(&w, listen_fd);
	worker_close(&w);
	exit(0);
}

/* ---- supervisor side ------------------------------------------------------------------ */

static pid_t spawn(const struct config *cfg, int listen_fd, const sigset_t *old_mask)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("portal: fork");
		return 0;
	}
	if (pid == 0)
		worker_main(cfg, listen_fd, old_mask);
	return pid;
}

/* Remove a socket left by a crashed run; refuse if another portal still answers on it. */
static int clear_stale_socket(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return 0;
	if (!S_ISSOCK(st.st_mode)) {
		fprintf(stderr, "portal: %s exists and is not a socket\n", path);
		return -1;
	}
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
	int alive = fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
	if (fd >= 0)
		close(fd);
	if (alive) {
		fprintf(stderr, "portal: another instance is listening on %s\n", path);
		return -1;
	}
	return unlink(path);
}

static void on_sigchld(int sig)
{
	(void)sig; /* only needs to be caught so sigtimedwait sees it */
}

/* Reap exited workers, note when each slot may be refilled. Returns how many exited. */
static int reap(struct slot *slots, int count, time_t now)
{
	int exited = 0, status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int i = 0; i < count; i++) {
			if (slots[i].pid != pid)
				continue;
			if (WIFSIGNALED(status))
				fprintf(stderr, "portal: worker %ld killed by signal %d\n", (long)pid,
					WTERMSIG(status));
			else
				fprintf(stderr, "portal: worker %ld exited with status %d\n", (long)pid,
					WEXITSTATUS(status));
			/* A worker that dies at once (database missing, template broken) is not
			 * restarted in a tight loop. */
			slots[i].respawn_at = now - slots[i].started < 2 ? now + 1 : now;
			slots[i].pid = 0;
			exited++;
		}
	}
	return exited;
}

static int live_workers(const struct slot *slots, int count)
{
	int n = 0;
	for (int i = 0; i < count; i++)
		n += slots[i].pid != 0;
	return n;
}

static void stop_workers(struct slot *slots, int count, const sigset_t *wait_set)
{
	for (int i = 0; i < count; i++)
		if (slots[i].pid)
			kill(slots[i].pid, SIGTERM);
	time_t deadline = time(NULL) + STOP_GRACE_SECONDS;
	while (live_workers(slots, count) > 0 && time(NULL) < deadline) {
		struct timespec tick = {0, 200 * 1000 * 1000};
		sigtimedwait(wait_set, NULL, &tick);
		reap(slots, count, time(NULL));
	}
	for (int i = 0; i < count; i++) {
		if (slots[i].pid) {
			fprintf(stderr, "portal: worker %ld did not stop, killing it\n",
				(long)slots[i].pid);
			kill(slots[i].pid, SIGKILL);
			waitpid(slots[i].pid, NULL, 0);
			slots[i].pid = 0;
		}
	}
}

/* Load the configuration at PATH and everything the workers share (the zone, libsodium,
 * libmagic's database, the templates' global values), then start one worker and stop it: a worker
 * that could not start fails the start-up here, once, loudly. 0, or -1 with a message. */
static int start_up(struct config *cfg, const char *path)
{
	if (config_load(cfg, path) < 0)
		return -1;
	if (tz_set(cfg->timezone) < 0) {
		fprintf(stderr, "portal: unknown time zone %s in %s\n", cfg->timezone, cfg->file);
		return -1;
	}
	if (sodium_init() < 0) {
		fputs("portal: libsodium failed to initialise\n", stderr);
		return -1;
	}
	/* libmagic's database, loaded before fork: the workers share its pages. */
	if (upload_init() < 0)
		return -1;
	tpl_set_global("SITE_NAME", cfg->municipality_name);
	tpl_set_global("ADMINISTRATION", cfg->administration_name);
	tpl_set_global("SITE_URL", cfg->site_url);
	tpl_set_global("CONTACT_ADDRESS", cfg->contact_address);
	tpl_set_global("CONTACT_PHONE", cfg->contact_phone);
	tpl_set_global("CONTACT_EMAIL", cfg->contact_email);
	tpl_set_global("RECEPTION_HOURS", cfg->reception_hours);

	/* Fail before forking if a worker could not start: the same checks, once, loudly. */
	struct worker probe;
	if (worker_init(&probe, cfg) < 0)
		return -1;
	worker_close(&probe);
	return 0;
}

/* The FastCGI socket of cfg->socket_path, a stale one from a crashed run removed, for the
 * portal's user and group only. The descriptor, or -1 with a message. */
static int open_listener(const struct config *cfg)
{
	if (FCGX_Init() != 0) {
		fputs("portal: FCGX_Init failed\n", stderr);
		return -1;
	}
	if (clear_stale_socket(cfg->socket_path) < 0)
		return -1;
	int fd = FCGX_OpenSocket(cfg->socket_path, cfg->listen_backlog);
	if (fd < 0) {
		fprintf(stderr, "portal: cannot listen on %s: %s\n", cfg->socket_path, strerror(errno));
		return -1;
	}
	/* Only the portal's user and its group may connect: in production nginx is in that group
	 * (portal.service: Group=www-data); under `make run` nginx's workers run as the same user.
	 * Anyone else who could connect could send FastCGI parameters nginx never would. */
	if (chmod(cfg->socket_path, 0660) != 0) {
		perror("portal: chmod socket");
		return -1;
	}
	return fd;
}

/* Fork the workers and keep them: a dead one is replaced (not in a tight loop), the WAL is
 * checkpointed and new appeals put into the search index every second, until SIGTERM or SIGINT;
 * then the workers are stopped. */
static void supervise(const struct config *cfg, int listen_fd)
{
	sigset_t wait_set, old_mask;
	sigemptyset(&wait_set);
	sigaddset(&wait_set, SIGCHLD);
	sigaddset(&wait_set, SIGTERM);
	sigaddset(&wait_set, SIGINT);
	sigaddset(&wait_set, SIGHUP);
	sigprocmask(SIG_BLOCK, &wait_set, &old_mask);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigchld;
	sigaction(SIGCHLD, &sa, NULL);

	int count = cfg->workers;
	struct slot slots[MAX_WORKERS];
	memset(slots, 0, sizeof slots);
	time_t now = time(NULL);
	for (int i = 0; i < count; i++) {
		slots[i].pid = spawn(cfg, listen_fd, &old_mask);
		slots[i].started = now;
	}
	fprintf(stderr, "portal: listening on %s with %d workers (pid %ld)\n", cfg->socket_path,
		count, (long)getpid());

	/* The supervisor checkpoints the WAL every second (the workers leave it to it, see
	 * db_use_group_commit) and puts new appeals into the search index: work kept off the
	 * requests' path.
	 * Opened after the workers were forked; a new worker forked later does not use it. */
	struct db checkpointer;
	bool checkpointing = db_open(&checkpointer, cfg->database_path, cfg->busy_timeout_ms,
				     false) == 0;
	if (checkpointing && db_prepare_all(&checkpointer) < 0) {
		db_close(&checkpointer);
		checkpointing = false;
	}
	for (;;) {
		struct timespec tick = {1, 0};
		int sig = sigtimedwait(&wait_set, NULL, &tick);
		if (sig == SIGTERM || sig == SIGINT)
			break;
		if (checkpointing) {
			appeal_search_catch_up(&checkpointer, false);
			db_checkpoint(&checkpointer);
		}
		now = time(NULL);
		reap(slots, count, now);
		for (int i = 0; i < count; i++) {
			if (slots[i].pid == 0 && now >= slots[i].respawn_at) {
				slots[i].pid = spawn(cfg, listen_fd, &old_mask);
				slots[i].started = now;
				if (slots[i].pid)
					fprintf(stderr, "portal: started worker %ld\n",
						(long)slots[i].pid);
			}
		}
	}

	fputs("portal: stopping\n", stderr);
	if (checkpointing)
		db_close(&checkpointer);
	stop_workers(slots, count, &wait_set);
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	static const struct option options[] = {{"routes", no_argument, NULL, 'r'}, {0}};
	int opt;
	/* Everything the portal creates (database, WAL, uploads, socket) is its user's alone. */
	umask(077);
	while ((opt = getopt_long(argc, argv, "c:h", options, NULL)) != -1) {
		if (opt == 'c') {
			config_path = optarg;
		} else if (opt == 'r') {
			router_print(stdout);
			return ferror(stdout) || fflush(stdout) != 0 ? 1 : 0;
		} else {
			usage();
		}
	}
	if (optind != argc)
		usage();

	static struct config cfg;
	if (start_up(&cfg, config_default_path(config_path)) < 0)
		return 1;
	int listen_fd = open_listener(&cfg);
	if (listen_fd < 0)
		return 1;
	supervise(&cfg, listen_fd);
	close(listen_fd);
	unlink(cfg.socket_path);
	config_free(&cfg);
	fputs("portal: stopped\n", stderr);
	return 0;
}
