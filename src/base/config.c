/* config.c — INI configuration through libinih (see config.h). */
#include "config.h"

#include "appeal_rules.h"
#include "rules.h"

#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PORTAL_DEFAULT_CONF
#define PORTAL_DEFAULT_CONF "conf/portal.ini"
#endif
#ifndef PORTAL_SHARE_DIR
#define PORTAL_SHARE_DIR "."
#endif

const char *config_default_path(const char *explicit_path)
{
	if (explicit_path != NULL && explicit_path[0] != '\0')
		return explicit_path;
	const char *env = getenv("PORTAL_CONF");
	if (env != NULL && env[0] != '\0')
		return env;
	return PORTAL_DEFAULT_CONF;
}

struct load_state {
	struct config *cfg;
	int errors;
	unsigned char seen[128]; /* by row of settings[]: each may be given once */
};

static void set_string(char **slot, const char *value)
{
	free(*slot);
	*slot = strdup(value);
	if (*slot == NULL) {
		perror("config");
		exit(1);
	}
}

static int set_int(struct load_state *st, int *slot, const char *section, const char *name,
		   const char *value, long min, long max)
{
	char *end;
	long v = strtol(value, &end, 10);
	if (end == value || *end != '\0' || v < min || v > max) {
		fprintf(stderr, "%s: [%s] %s = %s: expected an integer from %ld to %ld\n",
			st->cfg->file, section, name, value, min, max);
		st->errors++;
		return 0;
	}
	*slot = (int)v;
	return 1;
}

/* One row per setting keeps the file's vocabulary in one place. */
enum setting_kind { SETTING_STRING, SETTING_INT, SETTING_LONG };
struct setting {
	const char *section;
	const char *name;
	enum setting_kind kind;
	size_t offset; /* of the field in struct config */
	long min, max; /* for numbers */
};

#define S(sec, key, field) {sec, key, SETTING_STRING, offsetof(struct config, field), 0, 0}
#define I(sec, key, field, lo, hi) {sec, key, SETTING_INT, offsetof(struct config, field), lo, hi}
#define L(sec, key, field, lo, hi) {sec, key, SETTING_LONG, offsetof(struct config, field), lo, hi}
static const struct setting settings[] = {
	S("municipality", "name", municipality_name),
	S("municipality", "administration", administration_name),
	S("municipality", "site_url", site_url),
	S("municipality", "timezone", timezone),
	S("municipality", "address", contact_address),
	S("municipality", "phone", contact_phone),
	S("municipality", "email", contact_email),
	S("municipality", "reception_hours", reception_hours),
	S("database", "path", database_path),
	I("database", "busy_timeout_ms", busy_timeout_ms, 0, 600000),
	S("server", "socket", socket_path),
	I("server", "workers", workers, 1, 64),
	I("server", "listen_backlog", listen_backlog, 16, 65535),
	S("server", "templates", templates_dir),
	S("server", "static", static_dir),
	S("server", "sql", sql_dir),
	S("server", "uploads", uploads_dir),
	L("limits", "max_body_bytes", max_body_bytes, 1024, 64L * 1024 * 1024),
	L("limits", "max_upload_bytes", max_upload_bytes, 1024, 1024L * 1024 * 1024),
	I("limits", "max_params", max_params, 8, 10000),
	I("limits", "page_size", page_size, 5, 200),
	I("security", "session_idle_minutes", session_idle_minutes, 5, 24 * 60),
	I("security", "session_max_hours", session_max_hours, 1, 24 * 7),
	I("security", "login_max_failures", login_max_failures, 3, 100),
	I("security", "login_lock_minutes", login_lock_minutes, 1, 24 * 60),
	I("rules", "police_notice_attendance", police_notice_attendance, 1, 1000000),
	S("mail", "smtp_url", smtp_url),
	S("mail", "username", smtp_username),
	S("mail", "password", smtp_password),
	S("mail", "from", mail_from),
	S("mail", "from_name", mail_from_name),
	I("mail", "require_tls", smtp_require_tls, 0, 1),
	I("mail", "timeout_seconds", smtp_timeout_seconds, 1, 600),
	S("notify", "police_email", police_email),
	S("notify", "lock", notify_lock),
	I("notify", "retry_seconds", retry_seconds, 1, 86400),
	I("notify", "max_attempts", max_attempts, 1, 100),
	I("notify", "batch", notify_batch, 1, 100000),
	I("notify", "webhook_timeout_seconds", webhook_timeout_seconds, 1, 600),
	S("appeals", "deadline_on_day_off", appeal_day_off_text),
	I("limits", "appeals_per_minute", appeals_per_minute, 0, 1000000),
	I("limits", "connections_per_address", connections_per_address, 1, 100000),
	I("limits", "client_timeout_seconds", client_timeout_seconds, 1, 3600),
	I("security", "logins_per_minute", logins_per_minute, 0, 100000),
	I("security", "password_checks", password_checks, 0, 64),
	S("appeals", "identification", appeal_identification_text),
	S("residents", "issuer", oidc_issuer),
	S("residents", "client_id", oidc_client_id),
	S("residents", "client_secret", oidc_client_secret),
	S("residents", "scopes", oidc_scopes),
	S("residents", "redirect_uri", oidc_redirect_uri),
	S("residents", "post_logout_redirect_uri", oidc_post_logout_uri),
	I("residents", "userinfo", oidc_userinfo, 0, 1),
	I("residents", "timeout_seconds", oidc_timeout_seconds, 1, 120),
	S("residents", "claim_surname", claim_surname),
	S("residents", "claim_name", claim_name),
	S("residents", "claim_patronymic", claim_patronymic),
	S("residents", "claim_email", claim_email),
	S("residents", "claim_phone", claim_phone),
	S("residents", "claim_address", claim_address),
	S("residents", "trusted_claim", trusted_claim),
	S("residents", "trusted_value", trusted_value),
	I("residents", "email_codes", email_codes, 0, 1),
	S("residents", "notify_program", notify_program),
	I("residents", "session_idle_minutes", resident_session_idle_minutes, 5, 24 * 60),
	I("residents", "session_max_hours", resident_session_max_hours, 1, 24 * 30),
	I("receptions", "offer_hold_minutes", offer_hold_minutes, 5, 7 * 24 * 60),
	S("receptions", "december_officials", december_officials),
	S("receptions", "december_venue", december_venue),
};
#undef S
#undef I
#undef L
_Static_assert(sizeof settings / sizeof settings[0] <= sizeof((struct load_state *)0)->seen,
	       "load_state.seen needs a slot per setting");

/* [webhooks] name = URL: any number of named endpoints (up to CONFIG_MAX_WEBHOOKS). */
static void add_webhook(struct load_state *st, const char *name, const char *value)
{
	struct config *cfg = st->cfg;
	bool name_ok = name[0] != '\0' && strlen(name) <= 32;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			name_ok = false;
	bool url_ok = strncmp(value, "https://", 8) == 0 || strncmp(value, "http://", 7) == 0;
	if (!name_ok || !url_ok || config_webhook(cfg, name) != NULL ||
	    cfg->webhook_count == CONFIG_MAX_WEBHOOKS) {
		fprintf(stderr,
			"%s: [webhooks] %s = %s: expected a unique name of a-z, 0-9, _ and an http(s) URL"
			" (at most %d webhooks)\n",
			cfg->file, name, value, CONFIG_MAX_WEBHOOKS);
		st->errors++;
		return;
	}
	struct webhook *w = &cfg->webhooks[cfg->webhook_count++];
	set_string(&w->name, name);
	set_string(&w->url, value);
}

const struct webhook *config_webhook(const struct config *cfg, const char *name)
{
	for (int i = 0; i < cfg->webhook_count; i++)
		if (strcmp(cfg->webhooks[i].name, name) == 0)
			return &cfg->webhooks[i];
	return NULL;
}

/* [notice] kind = days: a kind code and a whole number of days (up to CONFIG_MAX_NOTICE kinds,
 * each once), at least the acts' RULE_ANNOUNCE_DAYS: a municipality's order may lengthen the
 * notice period of a kind, never shorten it. The period is handed to the rules
 * (rule_notice_set), which scheduling, the notifier and the wording follow. */
static void add_notice(struct load_state *st, const char *name, const char *value)
{
	struct config *cfg = st->cfg;
	bool name_ok = name[0] != '\0' && strlen(name) <= 32;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			name_ok = false;
	for (int i = 0; name_ok && i < cfg->notice_count; i++)
		if (strcmp(cfg->notice[i].kind, name) == 0)
			name_ok = false;
	char *end;
	errno = 0;
	long days = strtol(value, &end, 10);
	bool days_ok = errno == 0 && end != value && *end == '\0' && days >= 0 && days <= 1000;
	if (!name_ok || !days_ok || cfg->notice_count == CONFIG_MAX_NOTICE) {
		fprintf(stderr,
			"%s: [notice] %s = %s: expected a meeting kind's code (a-z, 0-9, _), given once, "
			"and a whole number of days (at most %d kinds)\n",
			cfg->file, name, value, CONFIG_MAX_NOTICE);
		st->errors++;
		return;
	}
	if (days < RULE_ANNOUNCE_DAYS || days > RULE_NOTICE_MAX_DAYS) {
		fprintf(stderr,
			"%s: [notice] %s = %s: the place and time of every meeting are published at "
			"least %d days ahead (order № 2 of the head §2.3, regulation № 44 §3.7); a "
			"municipality's order may set more for a kind, never less (%d to %d days)\n",
			cfg->file, name, value, RULE_ANNOUNCE_DAYS, RULE_ANNOUNCE_DAYS,
			RULE_NOTICE_MAX_DAYS);
		st->errors++;
		return;
	}
	struct notice_period *n = &cfg->notice[cfg->notice_count++];
	set_string(&n->kind, name);
	n->days = (int)days;
	rule_notice_set(name, n->days);
}

static int on_setting(void *user, const char *section, const char *name, const char *value)
{
	struct load_state *st = user;
	if (strcmp(section, "webhooks") == 0) {
		add_webhook(st, name, value);
		return 1;
	}
	if (strcmp(section, "notice") == 0) {
		add_notice(st, name, value);
		return 1;
	}
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		const struct setting *s = &settings[i];
		if (strcmp(s->section, section) != 0 || strcmp(s->name, name) != 0)
			continue;
		/* libinih reports an indented continuation line as the same setting again, which
		 * would silently replace the value with its last line: refuse any repeat. */
		if (st->seen[i]) {
			fprintf(stderr,
				"%s: [%s] %s is set twice (a value cannot continue on the next line)\n",
				st->cfg->file, section, name);
			st->errors++;
			return 1;
		}
		st->seen[i] = 1;
		char *field = (char *)st->cfg + s->offset;
		if (s->kind == SETTING_STRING) {
			set_string((char **)field, value);
		} else if (s->kind == SETTING_INT) {
			set_int(st, (int *)field, section, name, value, s->min, s->max);
		} else {
			int tmp = 0;
			if (set_int(st, &tmp, section, name, value, s->min, s->max))
				*(long *)field = tmp;
		}
		return 1;
	}
	fprintf(stderr, "%s: unknown setting [%s] %s\n", st->cfg->file, section, name);
	st->errors++;
	return 1;
}

/* Make path absolute relative to base_dir (the config file's directory). */
static void resolve(char **path, const char *base_dir)
{
	if (*path == NULL || (*path)[0] == '/')
		return;
	size_t n = strlen(base_dir) + strlen(*path) + 2;
	char *joined = malloc(n);
	if (joined == NULL) {
		perror("config");
		exit(1);
	}
	snprintf(joined, n, "%s/%s", base_dir, *path);
	free(*path);
	*path = joined;
}

/* The settings a file may leave out, and cfg->file = path. */
static void set_defaults(struct config *cfg, const char *path)
{
	memset(cfg, 0, sizeof *cfg);
	set_string(&cfg->file, path);
	cfg->busy_timeout_ms = 5000;
	cfg->workers = 4;
	cfg->listen_backlog = 1024;
	cfg->max_body_bytes = 1024 * 1024;
	cfg->max_upload_bytes = 0; /* unset: 10 MiB, or max_body_bytes if that is larger */
	cfg->max_params = 200;
	cfg->page_size = 20;
	cfg->session_idle_minutes = 60;
	cfg->session_max_hours = 12;
	cfg->login_max_failures = 5;
	cfg->login_lock_minutes = 15;
	cfg->connections_per_address = 64;
	cfg->client_timeout_seconds = 10;
	cfg->logins_per_minute = 10;
	cfg->password_checks = 0; /* unset: half the workers, at least one */
	cfg->police_notice_attendance = 100;
	cfg->smtp_timeout_seconds = 30;
	cfg->retry_seconds = 300;
	cfg->max_attempts = 8;
	cfg->notify_batch = 500;
	cfg->webhook_timeout_seconds = 15;
	cfg->oidc_userinfo = 1;
	cfg->oidc_timeout_seconds = 10;
	cfg->email_codes = 1;
	cfg->resident_session_idle_minutes = 30;
	cfg->resident_session_max_hours = 12;
	cfg->offer_hold_minutes = 120;
	set_string(&cfg->timezone, "UTC");
	set_string(&cfg->templates_dir, PORTAL_SHARE_DIR "/templates");
	set_string(&cfg->static_dir, PORTAL_SHARE_DIR "/static");
	set_string(&cfg->sql_dir, PORTAL_SHARE_DIR "/sql");
	set_string(&cfg->uploads_dir, "uploads");

}

/* After the file is read: the optional settings "" rather than NULL, and the defaults that
 * follow from other settings (the sender's name, the standard OpenID Connect claims, the
 * addresses the provider sends the resident back to). */
static void complete(struct config *cfg)
{
	char **optional_slots[] = {&cfg->administration_name, &cfg->site_url, &cfg->contact_address,
				   &cfg->contact_phone, &cfg->contact_email, &cfg->reception_hours,
				   &cfg->smtp_url, &cfg->smtp_username, &cfg->smtp_password,
				   &cfg->mail_from, &cfg->police_email, &cfg->oidc_issuer,
				   &cfg->oidc_client_id, &cfg->oidc_client_secret,
				   &cfg->trusted_claim, &cfg->december_officials,
				   &cfg->december_venue};
	for (size_t i = 0; i < sizeof optional_slots / sizeof optional_slots[0]; i++)
		if (*optional_slots[i] == NULL)
			set_string(optional_slots[i], "");
	if (cfg->mail_from_name == NULL)
		set_string(&cfg->mail_from_name,
			   cfg->administration_name[0] ? cfg->administration_name
			   : cfg->municipality_name    ? cfg->municipality_name
						       : "");
	/* Defaults of [residents]: the scopes and the claim names of a standard OpenID Connect
	 * provider; a gateway that names them otherwise is configured. */
	struct {
		char **slot;
		const char *value;
	} resident_defaults[] = {
		{&cfg->oidc_scopes, "openid profile email phone address"},
		{&cfg->claim_surname, "family_name"},
		{&cfg->claim_name, "given_name"},
		{&cfg->claim_patronymic, "middle_name"},
		{&cfg->claim_email, "email"},
		{&cfg->claim_phone, "phone_number"},
		{&cfg->claim_address, "address"},
		{&cfg->trusted_value, "true"},
	};
	for (size_t i = 0; i < sizeof resident_defaults / sizeof resident_defaults[0]; i++)
		if (*resident_defaults[i].slot == NULL)
			set_string(resident_defaults[i].slot, resident_defaults[i].value);
	if (cfg->oidc_redirect_uri == NULL) {
		char buf[2048];
		snprintf(buf, sizeof buf, "%s/account/callback", cfg->site_url);
		set_string(&cfg->oidc_redirect_uri, buf);
	}
	if (cfg->oidc_post_logout_uri == NULL) {
		char buf[2048];
		snprintf(buf, sizeof buf, "%s/", cfg->site_url);
		set_string(&cfg->oidc_post_logout_uri, buf);
	}
}

/* After complete(): the required settings present, the enumerated values parsed and the
 * combinations that cannot work refused, each with a message naming the file. The number of
 * errors. */
static int check(struct config *cfg, const char *path)
{
	int errors = 0;
	const char *required[][2] = {
		{"municipality", "name"}, {"municipality", "timezone"}, {"database", "path"},
		{"server", "socket"},
	};
	char *const values[] = {cfg->municipality_name, cfg->timezone, cfg->database_path,
				cfg->socket_path};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		if (values[i] == NULL || values[i][0] == '\0') {
			fprintf(stderr, "%s: [%s] %s is required\n", path, required[i][0], required[i][1]);
			errors++;
		}
	}
	if (cfg->appeal_day_off_text != NULL) {
		cfg->appeal_day_off = appeal_day_off_parse(cfg->appeal_day_off_text);
		if (cfg->appeal_day_off < 0) {
			fprintf(stderr, "%s: [appeals] deadline_on_day_off = %s: expected previous, next "
				"or keep\n", path, cfg->appeal_day_off_text);
			errors++;
		}
	}
	cfg->appeal_identification = APPEAL_IDENTIFICATION_ANY;
	if (cfg->appeal_identification_text != NULL) {
		const char *t = cfg->appeal_identification_text;
		cfg->appeal_identification = strcmp(t, "esia") == 0   ? APPEAL_IDENTIFICATION_ESIA
					     : strcmp(t, "any") == 0  ? APPEAL_IDENTIFICATION_ANY
					     : strcmp(t, "none") == 0 ? APPEAL_IDENTIFICATION_NONE
								      : -1;
		if (cfg->appeal_identification < 0) {
			fprintf(stderr, "%s: [appeals] identification = %s: expected esia, any or "
				"none\n", path, t);
			errors++;
		}
	}
	if (cfg->oidc_issuer[0] != '\0' &&
	    (cfg->oidc_client_id[0] == '\0' || strncmp(cfg->oidc_issuer, "http", 4) != 0)) {
		fprintf(stderr, "%s: [residents] issuer needs an http(s) URL and a client_id\n", path);
		errors++;
	}
	if (cfg->smtp_url[0] != '\0' && cfg->mail_from[0] == '\0') {
		fprintf(stderr, "%s: [mail] from is required when smtp_url is set\n", path);
		errors++;
	}
	if (cfg->max_upload_bytes == 0)
		cfg->max_upload_bytes = cfg->max_body_bytes > 10L * 1024 * 1024 ? cfg->max_body_bytes
										 : 10L * 1024 * 1024;
	if (cfg->max_upload_bytes < cfg->max_body_bytes) {
		fprintf(stderr, "%s: [limits] max_upload_bytes must not be below max_body_bytes\n", path);
		errors++;
	}
	if (cfg->password_checks == 0)
		cfg->password_checks = cfg->workers / 2 > 0 ? cfg->workers / 2 : 1;
	if (cfg->password_checks > cfg->workers)
		cfg->password_checks = cfg->workers;
	if (cfg->uploads_dir[0] == '\0') {
		fprintf(stderr, "%s: [server] uploads must name a directory\n", path);
		errors++;
	}
	return errors;
}

/* The paths of the configuration made absolute against the directory of the file (the
 * notifier's lock beside the database unless given). 0, or -1 with a message. */
static int resolve_paths(struct config *cfg, const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	char absolute[PATH_MAX];
	if (realpath(dir, absolute) == NULL) {
		fprintf(stderr, "%s: cannot resolve the directory of the configuration file\n", path);
		return -1;
	}
	resolve(&cfg->database_path, absolute);
	resolve(&cfg->socket_path, absolute);
	resolve(&cfg->templates_dir, absolute);
	resolve(&cfg->static_dir, absolute);
	resolve(&cfg->sql_dir, absolute);
	resolve(&cfg->uploads_dir, absolute);
	if (cfg->notify_lock == NULL) {
		size_t n = strlen(cfg->database_path) + sizeof ".notify.lock";
		cfg->notify_lock = malloc(n);
		if (cfg->notify_lock == NULL) {
			perror("config");
			exit(1);
		}
		snprintf(cfg->notify_lock, n, "%s.notify.lock", cfg->database_path);
	}
	resolve(&cfg->notify_lock, absolute);
	return 0;
}

int config_load(struct config *cfg, const char *path)
{
	set_defaults(cfg, path);
	struct load_state st = {cfg, 0, {0}};
	int rc = ini_parse(path, on_setting, &st);
	if (rc < 0) {
		fprintf(stderr, "%s: cannot read the configuration file\n", path);
		return -1;
	}
	if (rc > 0) {
		fprintf(stderr, "%s:%d: syntax error\n", path, rc);
		return -1;
	}
	complete(cfg);
	st.errors += check(cfg, path);
	if (st.errors)
		return -1;
	return resolve_paths(cfg, path);
}

void config_free(struct config *cfg)
{
	char **strings[] = {&cfg->file, &cfg->municipality_name, &cfg->administration_name,
			    &cfg->site_url, &cfg->timezone, &cfg->contact_address,
			    &cfg->contact_phone, &cfg->contact_email, &cfg->reception_hours,
			    &cfg->database_path, &cfg->socket_path, &cfg->templates_dir,
			    &cfg->static_dir, &cfg->sql_dir, &cfg->uploads_dir, &cfg->smtp_url,
			    &cfg->smtp_username, &cfg->smtp_password, &cfg->mail_from,
			    &cfg->mail_from_name, &cfg->police_email, &cfg->notify_lock,
			    &cfg->appeal_day_off_text, &cfg->appeal_identification_text,
			    &cfg->oidc_issuer, &cfg->oidc_client_id, &cfg->oidc_client_secret,
			    &cfg->oidc_scopes, &cfg->oidc_redirect_uri, &cfg->oidc_post_logout_uri,
			    &cfg->claim_surname, &cfg->claim_name, &cfg->claim_patronymic,
			    &cfg->claim_email, &cfg->claim_phone, &cfg->claim_address,
			    &cfg->trusted_claim, &cfg->trusted_value, &cfg->notify_program,
			    &cfg->december_officials, &cfg->december_venue};
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		free(*strings[i]);
		*strings[i] = NULL;
	}
	for (int i = 0; i < cfg->webhook_count; i++) {
		free(cfg->webhooks[i].name);
		free(cfg->webhooks[i].url);
	}
	cfg->webhook_count = 0;
	for (int i = 0; i < cfg->notice_count; i++)
		free(cfg->notice[i].kind);
	cfg->notice_count = 0;
}
