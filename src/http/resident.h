/* resident.h — residents signed in (issue 16): their sessions, kept apart from staff sessions
 * (their own cookie with Path=/, their own table), the form token of every resident POST, and
 * the resident records that sign-in through the provider or an e-mail code creates. */
#ifndef PORTAL_RESIDENT_H
#define PORTAL_RESIDENT_H

#include <stdbool.h>

#include "http.h"

#define RESIDENT_COOKIE "portal_resident"
/* The pre-session form token of the sign-in forms, limited to /account. */
#define RESIDENT_FORM_COOKIE "portal_account_form"

/* The signed-in resident of a request. */
struct resident {
	long long id;
	long long session_id;
	const char *method;     /* "esia" or "email" */
	const char *surname, *name, *patronymic, *email, *phone, *address;
	bool confirmed;         /* the provider's trusted account */
	const char *csrf;       /* the token every resident form carries */
	const char *id_token;   /* for the provider's end-session endpoint; "" for e-mail */
};

/* What a sign-in found out about the resident; "" for anything unknown. */
struct resident_identity {
	const char *method;     /* "esia" or "email" */
	const char *subject;    /* the provider's sub, or the address */
	const char *surname, *name, *patronymic, *email, *phone, *address;
	bool confirmed;
};

/* Find the session named by the resident cookie and set req->resident (NULL when there is none,
 * it expired by [residents] session_idle_minutes or session_max_hours, or the account was
 * closed). A staff cookie is never read here. -1 on a database error. */
int resident_load_session(struct request *req);

/* In the caller's write transaction: create or update the resident of id, start a session
 * (id_token kept for signing out at the provider), set its cookie on the response. 0 or -1. */
int resident_sign_in(struct request *req, const struct resident_identity *id,
		     const char *id_token);

/* End the request's resident session and clear its cookie. 0 or -1. */
int resident_sign_out(struct request *req);

/* True when token is the resident session's form token (constant time). */
bool resident_csrf_valid(const struct request *req, const char *token);

/* The pre-session token of the sign-in forms (cookie RESIDENT_FORM_COOKIE, set when absent),
 * and whether token matches it. */
const char *resident_form_token(struct request *req);
bool resident_form_token_valid(struct request *req, const char *token);

/* A random URL-safe token of 32 bytes from the arena, and the BLAKE2b hash sessions, states and
 * drafts are stored under. */
const char *resident_random_token(struct arena *a);
void resident_token_hash(const char *token, unsigned char out[32]);

/* The cookie attributes for path: HttpOnly, SameSite=Lax, Secure behind TLS. */
const char *resident_cookie_attributes(struct request *req, const char *path);

#endif
