/* auth.h — staff accounts at request time: roles, sessions (cookie → hashed token → user), the
 * anti-forgery token of staff forms, password checks and login throttling. */
#ifndef PORTAL_AUTH_H
#define PORTAL_AUTH_H

#include <stdbool.h>

#include "http.h"

/* Roles as bits, so a route can name several. */
enum role {
	ROLE_ADMIN = 1 << 0,
	ROLE_ORGANIZER = 1 << 1,
	ROLE_SECRETARY = 1 << 2,
	ROLE_PRESS = 1 << 3,
	ROLE_EXECUTOR = 1 << 4,
	ROLE_CONTROLLER = 1 << 5,
};
#define ROLES_STAFF                                                                               \
	(ROLE_ADMIN | ROLE_ORGANIZER | ROLE_SECRETARY | ROLE_PRESS | ROLE_EXECUTOR | ROLE_CONTROLLER)
/* Meetings (page_admin_meetings.c, page_admin_series.c): who reads the administration of
 * meetings and who schedules them; a controller (or an administrator) may also approve a meeting
 * less than 5 days ahead as a written exception. */
#define MEETING_READERS                                                                           \
	(ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY | ROLE_PRESS)
#define MEETING_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER)
#define MEETING_EXCEPTION_APPROVERS (ROLE_ADMIN | ROLE_CONTROLLER)
/* Reference data (territories, venues, people, information groups): whoever reads meetings reads
 * it; the sector and administrators change it. */
#define REFERENCE_READERS MEETING_READERS
#define REFERENCE_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER)
/* The thematic classifier of appeals: administrators keep it; those who register and route
 * appeals read it. */
#define TOPIC_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY)
#define TOPIC_WRITERS ROLE_ADMIN
/* The press office: the media plan for those who publish or answer for publishing; the media
 * list for the press office and administrators. */
#define MEDIA_PLAN_READERS (ROLE_ADMIN | ROLE_PRESS | ROLE_ORGANIZER | ROLE_CONTROLLER)
#define MEDIA_LIST_WRITERS (ROLE_ADMIN | ROLE_PRESS)
/* Who reads the production calendar (/admin/calendar): those who count working-day deadlines;
 * only administrators change it. */
/* Appeals (page_admin_appeals.c): applicants' personal data is for these roles only; an
 * executor among them sees and answers the appeals assigned to them. Writers register, assign,
 * forward, extend, close and publish. */
#define APPEAL_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_EXECUTOR)
/* Who sees how a meeting's invitees and group members were told, with their contacts, and marks
 * those told by phone (regulation № 44 on information groups §3.6.3): the sector and the group's
 * secretary. */
#define INFORMED_MARKERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY)
#define APPEAL_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER)
/* The outbox (page_admin_outbox.c): staff who prepare meetings read it; administrators, the
 * sector and the press office resend or discard what the notifier gave up on. */
#define OUTBOX_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_PRESS)
#define OUTBOX_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_PRESS)
/* Protocols of meetings (page_admin_protocols.c): the secretary, the sector and administrators
 * write the draft and keep the signed protocol (hand it over to the control sector, add
 * amendments). Signing is not a role: the protocol is signed by its chair — the group leader or
 * the head (regulation № 44 on information groups §3.5.7) — under the account that belongs to the
 * chair's person (staff_user.person_id); an administrator may record that the paper protocol was
 * signed, and the page says so; the chair reads the protocol's page whatever their role. The press
 * office also keeps the photo and video links and what of the questions the site shows. */
#define PROTOCOL_READERS                                                                          \
	(ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY | ROLE_PRESS)
#define PROTOCOL_EDITORS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_SECRETARY)
#define PROTOCOL_KEEPERS (PROTOCOL_EDITORS | ROLE_CONTROLLER)
#define PROTOCOL_PUBLISHERS (PROTOCOL_EDITORS | ROLE_PRESS)
/* Instructions (поручения): an executor sees and reports on their own only; the controller of
 * an instruction or an administrator accepts, returns or cancels it. */
#define INSTRUCTION_READERS                                                                       \
	(ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY | ROLE_EXECUTOR)
/* The reports (page_admin_reports.c): those who answer for the meetings and the deadlines. */
#define REPORT_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER)
/* The agreed place of a field meeting (page_admin_place.c): the group's secretary agrees it
 * (regulation № 44 on information groups §3.6.2); the sector and administrators may record it
 * too. */
#define PLACE_AGREEMENT_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER | ROLE_SECRETARY)
/* Public discussions of drafts (page_admin_discussions.c, issue 20): who puts a draft up for
 * discussion, moderates the proposals and writes the conclusion. */
#define DISCUSSION_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER)
/* Surveys (page_admin_surveys.c, issue 20): who creates a survey and sees its free-text answers. */
#define SURVEY_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER)
/* The plan of measures (page_admin_plan.c, issue 20): the sector and administrators keep it
 * (measures, imports, records entered by hand); the control sector reads it. */
#define PLAN_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_CONTROLLER)
#define PLAN_WRITERS (ROLE_ADMIN | ROLE_ORGANIZER)
#define ROLES_CALENDAR_READERS (ROLE_ADMIN | ROLE_ORGANIZER | ROLE_SECRETARY | ROLE_CONTROLLER)

/* The signed-in staff member of a request. */
struct staff {
	long long user_id;
	const char *login;
	const char *full_name;
	const char *role_code; /* "organizer" */
	unsigned role;         /* its bit */
	long long person_id;   /* the person of the directory this account belongs to, or 0 */
	long long session_id;
	const char *csrf;      /* the token every form of this session carries */
	/* The body the account works for (migration 028, issue 18): a municipality, or a district
	 * with its settlements; 0 for the whole installation. Lists bind it as ?N in
	 * STAFF_SCOPE_SQL; a record outside it answers 404 (scope.h). */
	long long municipality_id;
	const char *municipality; /* its name, "" for the whole installation */
};

#define SESSION_COOKIE "portal_session"
#define LOGIN_CSRF_COOKIE "portal_login"
/* The pre-session token of the public forms that change something without a session
 * (/subscribe), limited to their path as the login one is to /admin. */
#define PUBLIC_CSRF_COOKIE "portal_form"
#define PUBLIC_CSRF_PATH "/subscribe"

/* Prepare what the first login would otherwise pay for (the decoy hash). Once per worker. */
void auth_init(void);

/* The bit of a role code, 0 for an unknown one; the Russian name of a role. */
unsigned auth_role_bit(const char *code);
const char *auth_role_label(const char *code);

/* Every role code in display order, NULL-terminated. */
extern const char *const auth_role_codes[];

/* Find the session named by the request's cookie and set req->staff (NULL when there is none,
 * it expired, or the user is disabled). Touches it at most once a minute. -1 on a database
 * error. */
int auth_load_session(struct request *req);

/* True when token equals the session's (or, without a session, the pre-session cookie's: the
 * login form's under /admin, the public forms' elsewhere) anti-forgery token, compared in
 * constant time. */
bool auth_csrf_valid(struct request *req, const char *token);

/* The token the login form must carry: the pre-session cookie's, set fresh when absent. */
const char *auth_login_csrf(struct request *req);

/* The same for the public forms under PUBLIC_CSRF_PATH (the subscription form), on a
 * municipality's pages under prefix + PUBLIC_CSRF_PATH (prefix "/m/<slug>", a slug of the
 * database; NULL or "" for none). */
const char *auth_public_csrf(struct request *req, const char *prefix);

struct config;

enum login_result {
	LOGIN_OK,
	LOGIN_WRONG,  /* wrong login or password: the same answer either way */
	LOGIN_WAIT,   /* too soon after the last failure: *wait_seconds */
	LOGIN_LOCKED, /* locked: *wait_seconds until it opens */
	LOGIN_ERROR,  /* database */
	LOGIN_BUSY,   /* every password-check slot is taken: try again in *wait_seconds */
};

/* Seconds a sign-in refused with LOGIN_BUSY is told to wait (Retry-After). */
#define AUTH_BUSY_RETRY_SECONDS 2

/* Take one of cfg->password_checks slots shared by all workers (byte-range locks on the file
 * <database>.password-slots) before an argon2id check, so that password checks never occupy
 * more than that many workers and their CPU. Never waits. Returns the slot (INT_MAX when the
 * file cannot be opened: not capped), or -1 when every slot is taken. */
int auth_password_slot_take(const struct config *cfg);

/* Give back a slot from auth_password_slot_take (-1 and INT_MAX are ignored). */
void auth_password_slot_give(int slot);

/* Check login and password, counting failures per (login, address) and per address: the first
 * are slowed down and then locked for that address only, so the right password from another
 * address still signs in; an address is locked after four times as many failures on any logins.
 * On LOGIN_OK a session is created, its cookie set on the response and the sign-in audited, in
 * one transaction. LOGIN_BUSY when every password-check slot is taken (nothing counted). */
enum login_result auth_login(struct request *req, const char *login, const char *password,
			     long *wait_seconds);

/* End the request's session and clear the cookie. */
int auth_logout(struct request *req);

/* Check the signed-in user's current password (before changing it), counted against the same
 * throttle as signing in: a stolen session cannot be used to guess the password quickly. */
enum login_result auth_check_password(struct request *req, const char *password,
				      long *wait_seconds);

/* True when password is the user's current one. */
bool auth_password_matches(struct request *req, long long user_id, const char *password);


/* End every other session of the user (after a password change). */
int auth_end_other_sessions(struct request *req);

/* Failed attempts counted per key ("login:ivanova", "addr:203.0.113.5", "status:addr:…"), in
 * login_throttle: the seconds until key may try again (0: now; *locked: a lock rather than the
 * growing delay), a failure, and a success that forgets them. Also for the public status page
 * of appeals. */
long auth_throttle_wait(struct request *req, const char *key, bool *locked);
void auth_throttle_fail(struct request *req, const char *key);
/* The same, locking after max_failures in a row instead of [security] login_max_failures. */
void auth_throttle_fail_after(struct request *req, const char *key, int max_failures);
void auth_throttle_clear(struct request *req, const char *key);

#endif
