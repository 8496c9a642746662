/* config.h — the portal's settings, read from an INI file (conf/portal.ini, -c FILE or
 * $PORTAL_CONF) by every program: the worker, portal-admin and portal-notify. */
#ifndef PORTAL_CONFIG_H
#define PORTAL_CONFIG_H

#include <stddef.h>

#define CONFIG_MAX_WEBHOOKS 16
#define CONFIG_MAX_NOTICE 32

/* [appeals] identification: who may send an appeal through the site (547-ФЗ). */
enum appeal_identification {
	APPEAL_IDENTIFICATION_ESIA, /* signed in through the ЕСИА gateway only */
	APPEAL_IDENTIFICATION_ANY,  /* ЕСИА or a one-time code by e-mail (default) */
	APPEAL_IDENTIFICATION_NONE, /* anyone, as before 547-ФЗ */
};

struct config {
	char *file; /* the INI file that was read */

	/* [municipality] */
	char *municipality_name;   /* «Зеленоборск»: the site's title */
	char *administration_name; /* «Администрация города Зеленоборска» */
	char *site_url;            /* official site, no trailing slash */
	char *timezone;            /* IANA zone, e.g. Asia/Yekaterinburg */
	char *contact_address;     /* postal address for written appeals */
	char *contact_phone;
	char *contact_email;
	char *reception_hours; /* when the public reception is open, free text */

	/* [database] */
	char *database_path;   /* absolute after loading */
	int busy_timeout_ms;

	/* [server] */
	char *socket_path; /* absolute after loading */
	int workers;       /* prefork processes, 1..64 */
	int listen_backlog;
	char *templates_dir; /* absolute after loading */
	char *static_dir;
	char *sql_dir;
	char *uploads_dir;   /* attached files, by content hash (upload.h); absolute after loading */

	/* [limits] */
	long max_body_bytes; /* form bodies above this get 413 */
	int appeals_per_minute; /* nginx's flood limit on POST /appeals per address (rendered) */
	int connections_per_address; /* nginx's limit_conn per client address (rendered) */
	int client_timeout_seconds;  /* nginx's header, body and send timeouts (rendered) */
	long max_upload_bytes; /* the same for multipart bodies on routes that take files
	                          (ROUTE_MULTIPART); never below max_body_bytes */
	int max_params;      /* query or form pairs above this get 400 */
	int page_size;       /* meetings per schedule page */

	/* [security] */
	int session_idle_minutes;  /* a session unused this long ends */
	int session_max_hours;     /* and any session ends this long after login */
	int login_max_failures;    /* failed logins in a row, per login and per address, that lock */
	int login_lock_minutes;    /* how long the lock lasts */
	int logins_per_minute;     /* nginx's limit on POST /admin/login per address (rendered) */
	int password_checks;       /* password hashes computed at once by all workers; after
	                              loading 1..workers (0 in the file: half the workers) */

	/* [rules] */
	int police_notice_attendance; /* expected attendance from which the police must be told */

	/* [mail]: how build/portal-notify sends mail */
	char *smtp_url;       /* smtp://host:25, smtp://host:587 (STARTTLS when offered), smtps://…;
	                         "" = mail is not configured: mail waits in the outbox */
	char *smtp_username;  /* "" = no authentication */
	char *smtp_password;
	char *mail_from;      /* the sender's address, e.g. noreply@zelenoborsk.example */
	char *mail_from_name; /* the sender's display name; default the administration's name */
	int smtp_require_tls; /* 1: refuse to send over an unencrypted connection */
	int smtp_timeout_seconds;

	/* [notify] */
	char *police_email;      /* where police notices for large meetings go; "" = by hand */
	char *notify_lock;       /* the lock that keeps one notifier at a time; absolute */
	int retry_seconds;       /* the first retry's delay; it doubles with every failure */
	int max_attempts;        /* failures after which a message waits for a person */
	int notify_batch;        /* messages delivered per run at most */
	int webhook_timeout_seconds;

	/* [appeals] */
	char *appeal_day_off_text; /* previous, next or keep (appeal_rules.h) */
	int appeal_day_off;        /* its enum appeal_day_off; previous when not set */
	char *appeal_identification_text; /* esia, any or none (default any) */
	int appeal_identification; /* its enum appeal_identification */

	/* [residents]: residents' sign-in (issue 16). The provider is the municipality's ЕСИА
	 * gateway speaking OpenID Connect; "" issuer = sign-in through it is off. */
	char *oidc_issuer;        /* https://esia-gw.example; discovery at
	                             <issuer>/.well-known/openid-configuration */
	char *oidc_client_id;
	char *oidc_client_secret;
	char *oidc_scopes;        /* "openid profile email phone address" */
	char *oidc_redirect_uri;  /* default <site_url>/account/callback */
	char *oidc_post_logout_uri; /* default <site_url>/ */
	int oidc_userinfo;        /* 1: read the userinfo endpoint as well (default) */
	int oidc_timeout_seconds; /* each HTTP exchange with the provider */
	char *claim_surname, *claim_name, *claim_patronymic, *claim_email, *claim_phone,
		*claim_address;
	char *trusted_claim;      /* the claim that says the identity is confirmed */
	char *trusted_value;      /* and the value that means it ("true") */
	int email_codes;          /* 1: sign-in with a one-time code by e-mail (default) */
	char *notify_program;     /* portal-notify, started to deliver a one-time code at once;
	                             default: next to the running program; "" = leave it to cron */
	int resident_session_idle_minutes;
	int resident_session_max_hours;
	/* [receptions] (issue 17) */
	int offer_hold_minutes;   /* how long a freed slot is held for the next on the waiting list */
	char *december_officials; /* person ids who receive on 12 December, "3, 5" ("" = none) */
	char *december_venue;     /* venue id of that day's reception ("" = none) */

	/* [webhooks]: name = URL; every announcement is posted to each as JSON */
	struct webhook {
		char *name;
		char *url;
	} webhooks[CONFIG_MAX_WEBHOOKS];
	int webhook_count;

	/* [notice]: kind = days, the notice period of a kind of meeting, at least the acts' 5 days;
	 * config_load also hands each to rule_notice_set (src/domain/rules.c) */
	struct notice_period {
		char *kind;
		int days;
	} notice[CONFIG_MAX_NOTICE];
	int notice_count;
};

/* The webhook of name in cfg, or NULL. */
const struct webhook *config_webhook(const struct config *cfg, const char *name);

/* The path to read: the explicit one, else $PORTAL_CONF, else conf/portal.ini. */
const char *config_default_path(const char *explicit_path);

/* Read path into cfg. Relative paths inside the file are taken relative to the file's own
 * directory, so a copy in $(DATA)/ points at $(DATA)/portal.db; the share directories
 * (templates, static, sql) default to where the sources were built. Prints what is wrong to
 * stderr and returns -1 on any error: programs refuse to start on a bad configuration. */
int config_load(struct config *cfg, const char *path);

void config_free(struct config *cfg);

#endif
