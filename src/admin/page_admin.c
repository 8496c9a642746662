/* page_admin.c — signing in and out, the staff home page and changing one's password. */
#include <sodium.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "page.h"
#include "pages.h"
#include "ru.h"
#include "staff_account.h"
#include "worker.h"


/* Where to go after signing in: the page that sent the user here, if it is a staff page. */
static const char *after_login(struct request *req)
{
	const struct field_value *back = &req->field[FIELD_RETURN];
	if (back->state == FIELD_VALID && strncmp(back->text, "/admin", 6) == 0 &&
	    strncmp(back->text, "/admin/login", 12) != 0)
		return back->text;
	return "/admin";
}

static enum http_status login_form(struct request *req, enum http_status status,
				   const char *error)
{
	tpl_dict *d = page_begin(req, "admin_login.tpl", "Вход для сотрудников", NAV_NONE);
	tpl_set(d, "LOGIN_CSRF", auth_login_csrf(req));
	page_form_fields(req, d);
	if (error)
		page_form_error(req, d, error);
	return page_end(req, status);
}

/* GET /admin/login?return= — the sign-in form (sets the pre-session form-token cookie).
 * 303 to /admin when already signed in; 200 otherwise. */
enum http_status page_admin_login_form(struct request *req)
{
	if (auth_load_session(req) < 0)
		return HTTP_INTERNAL_ERROR;
	if (req->staff != NULL)
		return response_redirect(req, "/admin");
	return login_form(req, HTTP_OK, NULL);
}

/* POST /admin/login (login, password, return, csrf) — sign in. 303 to return (a staff page) or
 * /admin on success with the session cookie; 422 with the form for empty fields or a wrong
 * login or password (one message for both, so nobody learns which logins exist); 429 while the
 * login at this address, or the address, is slowed down or locked after failures; 503 with
 * Retry-After when every password-check slot is taken; 403 without the form token. */
enum http_status page_admin_login(struct request *req)
{
	/* A return address that is not ours is dropped, not held against the user's login. */
	if (req->field[FIELD_RETURN].state == FIELD_INVALID) {
		req->field[FIELD_RETURN].state = FIELD_ABSENT;
		req->field[FIELD_RETURN].raw = NULL;
		req->invalid_fields--;
	}
	if (req->invalid_fields > 0)
		return login_form(req, HTTP_UNPROCESSABLE, NULL);
	const char *login = req->field[FIELD_LOGIN].text;
	long wait = 0;
	switch (auth_login(req, login, req->field[FIELD_PASSWORD].text, &wait)) {
	case LOGIN_OK: /* the session and its audit record are written together */
		return response_redirect(req, after_login(req));
	case LOGIN_WRONG:
		return login_form(req, HTTP_UNPROCESSABLE, "Неверный логин или пароль.");
	case LOGIN_WAIT:
		return login_form(req, HTTP_TOO_MANY_REQUESTS,
				  arena_printf(req->arena,
					       "Слишком много неудачных попыток подряд. Повторите через "
					       "%ld %s.",
					       wait, ru_plural(wait, "секунду", "секунды", "секунд")));
	case LOGIN_LOCKED: {
		long minutes = (wait + 59) / 60;
		return login_form(req, HTTP_TOO_MANY_REQUESTS,
				  arena_printf(req->arena,
					       "Вход временно заблокирован после нескольких неудачных "
					       "попыток. Попробуйте через %ld %s.",
					       minutes, ru_plural(minutes, "минуту", "минуты", "минут")));
	}
	case LOGIN_BUSY:
		response_header(req, "Retry-After", arena_printf(req->arena, "%ld", wait));
		return login_form(req, HTTP_SERVICE_UNAVAILABLE,
				  "Сейчас проверяется слишком много паролей сразу. Повторите вход "
				  "через несколько секунд.");
	case LOGIN_ERROR:
		break;
	}
	return HTTP_INTERNAL_ERROR;
}

/* POST /admin/logout (csrf) — end the session; 303 to the sign-in form. */
enum http_status page_admin_logout(struct request *req)
{
	if (auth_logout(req) < 0)
		return HTTP_INTERNAL_ERROR;
	return response_redirect(req, "/admin/login");
}

static enum http_status password_form(struct request *req, enum http_status status, bool done)
{
	tpl_dict *d = page_begin(req, "admin_password.tpl", "Смена пароля", NAV_STAFF_PASSWORD);
	if (done)
		tpl_section_show(d, "DONE");
	else
		page_form_fields(req, d);
	return page_end(req, status);
}

/* GET /admin/password — the form to change one's own password. */
enum http_status page_admin_password_form(struct request *req)
{
	return password_form(req, HTTP_OK, false);
}

/* POST /admin/password (password, new_password, new_password_again, csrf) — 200 with a
 * confirmation when the current password is right and the new one is long enough and typed
 * twice the same; every other session of the user ends. 422 with the errors beside the fields
 * otherwise. */
enum http_status page_admin_password(struct request *req)
{
	struct field_value *current = &req->field[FIELD_PASSWORD];
	struct field_value *fresh = &req->field[FIELD_NEW_PASSWORD];
	struct field_value *again = &req->field[FIELD_NEW_PASSWORD_AGAIN];
	if (current->state == FIELD_VALID) {
		long wait = 0;
		switch (auth_check_password(req, current->text, &wait)) {
		case LOGIN_OK:
			break;
		case LOGIN_WRONG:
			current->state = FIELD_INVALID;
			current->error = "неверный текущий пароль";
			req->invalid_fields++;
			break;
		case LOGIN_WAIT:
		case LOGIN_LOCKED:
			current->state = FIELD_INVALID;
			current->error = arena_printf(
				req->arena, "слишком много неверных попыток, повторите через %ld %s", wait,
				ru_plural(wait, "секунду", "секунды", "секунд"));
			req->invalid_fields++;
			return password_form(req, HTTP_TOO_MANY_REQUESTS, false);
		case LOGIN_BUSY:
			current->state = FIELD_INVALID;
			current->error = "сейчас проверяется слишком много паролей сразу, повторите "
					 "через несколько секунд";
			req->invalid_fields++;
			response_header(req, "Retry-After", arena_printf(req->arena, "%ld", wait));
			return password_form(req, HTTP_SERVICE_UNAVAILABLE, false);
		case LOGIN_ERROR:
			return HTTP_INTERNAL_ERROR;
		}
	}
	if (fresh->state == FIELD_VALID && !staff_password_long_enough(fresh->text)) {
		fresh->state = FIELD_INVALID;
		fresh->error = "не короче 10 символов";
		req->invalid_fields++;
	}
	if (fresh->state == FIELD_VALID && again->state == FIELD_VALID &&
	    strcmp(fresh->text, again->text) != 0) {
		again->state = FIELD_INVALID;
		again->error = "не совпадает с новым паролем";
		req->invalid_fields++;
	}
	if (req->invalid_fields > 0)
		return password_form(req, HTTP_UNPROCESSABLE, false);

	char hash[crypto_pwhash_STRBYTES];
	if (staff_password_hash(fresh->text, hash) < 0)
		return HTTP_INTERNAL_ERROR;
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_USER_SET_PASSWORD);
	sqlite3_bind_int64(s, 1, req->staff->user_id);
	sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	int rc = sqlite3_step(s);
	db_done(s);
	/* The audit says that the password changed, never what it is or was. */
	if (rc != SQLITE_DONE || auth_end_other_sessions(req) < 0 ||
	    audit_record(req, NULL, "password_change", "staff_user", req->staff->user_id, NULL,
			 NULL) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return password_form(req, HTTP_OK, true);
}
