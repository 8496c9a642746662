/* page_account.c — residents (issue 16): signing in through the ЕСИА gateway (OpenID Connect,
 * oidc.c) or with a one-time code by e-mail, signing out (also at the provider), the personal
 * account /account with the resident's appeals, answers and verdicts, «Мои данные» as JSON and
 * CSV (152-ФЗ art. 14), closing the account, and the personal-data policy /privacy. */
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "appeal.h"
#include "auth.h"
#include "csv.h"
#include "db_account.h"
#include "db_reference.h"
#include "discussion_view.h"
#include "oidc.h"
#include "outbox.h"
#include "page.h"
#include "pages.h"
#include "resident.h"
#include "ru.h"
#include "subscription.h"
#include "worker.h"

#define CODE_SECONDS 600        /* a one-time code lasts 10 minutes */
#define CODE_TRIES 5            /* and allows 5 tries */
#define CODE_EVERY_SECONDS 60   /* one code per address per minute */

/* Where to go after signing in: a local path from the form or query, /account otherwise. The
 * field type (FIELD_TYPE_LOCAL_PATH) already refused anything that leaves the site. */
static const char *return_path(struct request *req)
{
	const char *r = page_field_text(req, FIELD_RETURN);
	return r[0] == '/' ? r : "/account";
}

/* Whether sign-in through the ЕСИА gateway is configured. */
static bool esia_on(const struct config *cfg)
{
	return cfg->oidc_issuer[0] != '\0';
}

/* The sign-in page: the two ways, or the code form (stage "code") for address. */
static enum http_status login_page(struct request *req, enum http_status status,
				   const char *address, const char *error)
{
	const struct config *cfg = req->worker->cfg;
	tpl_dict *d = page_begin(req, "account_login.tpl", "Вход в личный кабинет", NAV_ACCOUNT);
	page_form_fields(req, d);
	tpl_set(d, "RETURN", return_path(req));
	tpl_set(d, "FORM_TOKEN", resident_form_token(req));
	if (esia_on(cfg))
		tpl_section_show(d, "ESIA");
	if (cfg->email_codes && cfg->appeal_identification != APPEAL_IDENTIFICATION_ESIA)
		tpl_section_show(d, address ? "CODE_FORM" : "EMAIL_FORM");
	else if (cfg->email_codes)
		tpl_section_show(d, address ? "CODE_FORM" : "EMAIL_FORM_ACCOUNT_ONLY");
	if (address != NULL)
		tpl_set(d, "ADDRESS", address);
	if (error != NULL)
		page_form_error(req, d, error);
	if (!esia_on(cfg) && !cfg->email_codes)
		tpl_section_show(d, "NO_WAY");
	return page_end(req, status);
}

/* GET /account/login (return) — the choice: Госуслуги (ЕСИА) or a code by e-mail. */
enum http_status page_account_login(struct request *req)
{
	if (req->invalid_fields > 0)
		req->field[FIELD_RETURN].state = FIELD_ABSENT;
	return login_page(req, HTTP_OK, NULL, NULL);
}

/* A refusal of a sign-in: the reason in Russian (what the resident typed is kept on the
 * server: the draft of an appeal waits for the next sign-in), the technical reason logged. */
static enum http_status refuse(struct request *req, enum http_status status, const char *text,
			       const char *why)
{
	fprintf(stderr, "account: request %s: sign-in refused: %s\n", req->id ? req->id : "-",
		why ? why : "");
	tpl_dict *d = page_begin(req, "account_failed.tpl", "Вход не выполнен", NAV_ACCOUNT);
	tpl_set(d, "TEXT", text);
	return page_end(req, status);
}

/* GET /account/login/esia (return) — 303 to the provider's authorization endpoint with a new
 * state, nonce and PKCE challenge; 503 with a Russian page when the provider is down or answers
 * garbage; 404 when no provider is configured. */
enum http_status page_account_login_esia(struct request *req)
{
	if (!esia_on(req->worker->cfg))
		return HTTP_NOT_FOUND;
	if (req->invalid_fields > 0)
		return refuse(req, HTTP_BAD_REQUEST,
			      "Адрес возврата должен вести на страницу этого сайта.",
			      "return outside the site");
	const char *location, *why;
	if (oidc_begin(req, return_path(req), &location, &why) < 0)
		return refuse(req, HTTP_SERVICE_UNAVAILABLE,
			      "Сервис входа через Госуслуги сейчас не отвечает. Попробуйте позже "
			      "или войдите с кодом, отправленным на электронную почту.",
			      why);
	response_header(req, "Location", location);
	req->response.body_ready = true;
	return HTTP_SEE_OTHER;
}

/* GET /account/callback (code, state, error) — the provider sends the resident back: the
 * sign-in is finished (oidc_finish) and a resident session started, 303 to where the resident
 * was going. A forged, replayed or expired state, a token that fails a check, a provider that
 * is down: 400 or 503 with a Russian page, logged, nothing the resident typed lost. */
enum http_status page_account_callback(struct request *req)
{
	if (req->field[FIELD_OIDC_ERROR].state != FIELD_ABSENT)
		return refuse(req, HTTP_BAD_REQUEST,
			      "Вход через Госуслуги отменён или не разрешён. Попробуйте ещё раз.",
			      arena_printf(req->arena, "provider error %s",
					   page_field_text(req, FIELD_OIDC_ERROR)));
	if (req->field[FIELD_OIDC_CODE].state != FIELD_VALID ||
	    req->field[FIELD_OIDC_STATE].state != FIELD_VALID)
		return refuse(req, HTTP_BAD_REQUEST,
			      "Ответ сервиса входа неполон. Начните вход заново.",
			      "callback without a valid code or state");
	struct resident_identity id;
	const char *id_token, *return_to, *why;
	if (oidc_finish(req, page_field_text(req, FIELD_OIDC_CODE),
			page_field_text(req, FIELD_OIDC_STATE), &id, &id_token, &return_to,
			&why) < 0) {
		bool down = strstr(why, "answered") || strstr(why, "http") ||
			    strstr(why, "JSON") || strstr(why, "discovery");
		return refuse(req, down ? HTTP_SERVICE_UNAVAILABLE : HTTP_BAD_REQUEST,
			      down ? "Сервис входа через Госуслуги не ответил как положено. "
				     "Попробуйте войти позже."
				   : "Ответ сервиса входа не прошёл проверку, поэтому вход не "
				     "выполнен. Начните вход заново со страницы входа.",
			      why);
	}
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	if (resident_sign_in(req, &id, id_token) < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, return_to[0] == '/' && return_to[1] != '/' ? return_to
										 : "/account");
}

/* ---- one-time codes by e-mail ---- */

/* The stored form of a one-time code: BLAKE2b of the address and the code, so equal codes of
 * two addresses differ. */
static void code_hash(const char *email, const char *code, unsigned char out[32])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, (const unsigned char *)email, strlen(email) + 1);
	crypto_generichash_update(&st, (const unsigned char *)code, strlen(code));
	crypto_generichash_final(&st, out, 32);
}

/* Start the notifier once in the background so that a code leaves at once instead of with the
 * next cron run (a resident waits for it). Double fork: the worker waits only for the middle
 * process, the notifier is nobody's child here; its own lock keeps one run at a time, and with
 * --wait it runs after a run in progress (which may have read its batch before the code was
 * written) instead of leaving the code to the next cron run. */
static void deliver_soon(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	if (cfg->smtp_url[0] == '\0')
		return;
	char program[4096];
	if (cfg->notify_program != NULL) {
		if (cfg->notify_program[0] == '\0')
			return;
		snprintf(program, sizeof program, "%s", cfg->notify_program);
	} else {
		char self[4000];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
		if (n <= 0)
			return;
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash == NULL)
			return;
		*slash = '\0';
		snprintf(program, sizeof program, "%s/portal-notify", self);
	}
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "account: cannot start %s: %m\n", program);
		return;
	}
	if (pid == 0) {
		if (fork() != 0)
			_exit(0);
		setsid();
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
		}
		closefrom(3);
		execl(program, program, "-c", cfg->file, "--wait", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
}

/* POST /account/login/email (email, return, csrf) — send a 6-digit code to the address and show
 * the form to type it. The answer is the same for any address, known or not; a new code goes
 * out at most once a minute per address, and an address of the Internet asking for many codes
 * is slowed down and then refused for a while (429). */
enum http_status page_account_login_email(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	if (!cfg->email_codes)
		return HTTP_NOT_FOUND;
	const struct param *token = params_find(&req->form, "csrf");
	if (!resident_form_token_valid(req, token ? token->value : NULL)) {
		req->error_detail = "Форма устарела. Откройте страницу входа заново.";
		return HTTP_FORBIDDEN;
	}
	if (req->field[FIELD_EMAIL].state != FIELD_VALID) {
		if (req->field[FIELD_EMAIL].state == FIELD_ABSENT)
			page_reject(req, FIELD_EMAIL, "укажите адрес");
		return login_page(req, HTTP_UNPROCESSABLE, NULL, NULL);
	}
	const char *addr_key = arena_printf(req->arena, "code:addr:%s", req->remote_addr);
	bool locked;
	long wait = auth_throttle_wait(req, addr_key, &locked);
	if (wait > 0) {
		response_header(req, "Retry-After", arena_printf(req->arena, "%ld", wait));
		req->error_detail = arena_printf(
			req->arena, "С вашего адреса запрошено слишком много кодов. Повторите через "
				    "%ld %s.", wait, ru_plural(wait, "секунду", "секунды", "секунд"));
		fprintf(stderr, "account: request %s: codes from %s slowed down\n", req->id,
			req->remote_addr);
		return HTTP_TOO_MANY_REQUESTS;
	}
	/* Addresses are kept with ASCII letters in lower case, as subscriptions keep them. */
	char *email = arena_strdup(req->arena, page_field_text(req, FIELD_EMAIL));
	for (char *c = email; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct email_code last;
	int found = db_email_code(db, req->arena, email, &last);
	if (found < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	bool recent = found == 0 && req->now - last.sent_at < CODE_EVERY_SECONDS;
	bool sent = false;
	if (!recent) {
		char code[7];
		snprintf(code, sizeof code, "%06u", (unsigned)randombytes_uniform(1000000));
		unsigned char hash[32];
		code_hash(email, code, hash);
		sqlite3_stmt *s = db_stmt(db, STMT_EMAIL_CODE_PUT);
		sqlite3_bind_text(s, 1, email, -1, SQLITE_STATIC);
		sqlite3_bind_blob(s, 2, hash, sizeof hash, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)(req->now + CODE_SECONDS));
		sqlite3_bind_text(s, 5, return_path(req), -1, SQLITE_STATIC);
		int rc = db_run(s);
		const char *site = cfg->municipality_name;
		struct outbox_message m = {
			.dedup_key = arena_printf(req->arena, "code:%s:%lld", email,
						  (long long)req->now),
			.channel = OUTBOX_MAIL,
			.recipient = email,
			.subject = arena_printf(req->arena, "Код для входа на сайт: %s", code),
			.body = arena_printf(
				req->arena,
				"Код для входа в личный кабинет на сайте «%s»: %s\n\n"
				"Код действует 10 минут. Если вы не запрашивали код, ничего делать не "
				"нужно: без кода в ваш кабинет никто не войдёт.\n\n--\n%s\n",
				site, code,
				cfg->administration_name[0] ? cfg->administration_name : site),
			.purpose = "confirmation",
		};
		if (rc != SQLITE_DONE || outbox_add(db, &m, req->now) < 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
		auth_throttle_fail(req, addr_key); /* each code counts against the address */
		sent = true;
	}
	if (db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (sent)
		deliver_soon(req);
	return login_page(req, HTTP_OK, email, NULL);
}

/* POST /account/login/code (email, code, return, csrf) — the code from the mail: right, a
 * session and 303 to where the resident was going; wrong, 422 with the error beside the field
 * (5 tries per code, 10 minutes). */
enum http_status page_account_login_code(struct request *req)
{
	const struct config *cfg = req->worker->cfg;
	if (!cfg->email_codes)
		return HTTP_NOT_FOUND;
	const struct param *token = params_find(&req->form, "csrf");
	if (!resident_form_token_valid(req, token ? token->value : NULL)) {
		req->error_detail = "Форма устарела. Откройте страницу входа заново.";
		return HTTP_FORBIDDEN;
	}
	if (req->field[FIELD_EMAIL].state != FIELD_VALID)
		return login_page(req, HTTP_UNPROCESSABLE, NULL, NULL);
	char *email = arena_strdup(req->arena, page_field_text(req, FIELD_EMAIL));
	for (char *c = email; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	char code[8] = "";
	size_t n = 0;
	for (const char *c = page_field_text(req, FIELD_OTP); *c && n < 7; c++)
		if (*c >= '0' && *c <= '9')
			code[n++] = *c;
		else if (*c != ' ')
			n = 7; /* not digits */
	code[n < 7 ? n : 0] = '\0';
	if (strlen(code) != 6) {
		page_reject(req, FIELD_OTP, "введите 6 цифр из письма");
		return login_page(req, HTTP_UNPROCESSABLE, email, NULL);
	}
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct email_code sent;
	int found = db_email_code(db, req->arena, email, &sent);
	if (found < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	const char *problem = NULL;
	const char *go_to = "/account";
	if (found > 0) {
		problem = "код не подходит или устарел: запросите новый";
	} else {
		unsigned char hash[32];
		code_hash(email, code, hash);
		bool match = sent.hash_ok && sodium_memcmp(sent.hash, hash, sizeof hash) == 0;
		go_to = sent.return_to;
		if (sent.expires_at < req->now)
			problem = "срок действия кода (10 минут) истёк: запросите новый";
		else if (sent.tries >= CODE_TRIES)
			problem = "код введён неверно 5 раз и больше не действует: запросите новый";
		else if (!match)
			problem = sent.tries + 1 >= CODE_TRIES
					  ? "неверный код; попытки исчерпаны: запросите новый"
					  : "неверный код";
	}
	sqlite3_stmt *s;
	if (problem != NULL) {
		s = db_stmt(db, STMT_EMAIL_CODE_TRY);
		sqlite3_bind_text(s, 1, email, -1, SQLITE_STATIC);
		db_run(s);
		if (db_commit(db) < 0)
			db_rollback(db);
		fprintf(stderr, "account: request %s: a wrong one-time code from %s\n", req->id,
			req->remote_addr);
		page_reject(req, FIELD_OTP, problem);
		return login_page(req, HTTP_UNPROCESSABLE, email, NULL);
	}
	s = db_stmt(db, STMT_EMAIL_CODE_DELETE);
	sqlite3_bind_text(s, 1, email, -1, SQLITE_STATIC);
	db_run(s);
	struct resident_identity id = {
		.method = "email", .subject = email, .surname = "", .name = "", .patronymic = "",
		.email = email, .phone = "", .address = "", .confirmed = false,
	};
	if (resident_sign_in(req, &id, "") < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, go_to[0] == '/' && go_to[1] != '/' ? go_to : "/account");
}

/* POST /account/logout (csrf) — end the session; 303 to the home page, or, when the resident
 * came through the provider and it offers an end-session endpoint, a page that sends the
 * browser there at once (a Refresh header, with a link as well): the site's CSP form-action
 * 'self' forbids a form's redirect to another origin, a Refresh is a navigation of its own. */
enum http_status page_account_logout(struct request *req)
{
	const char *provider_url = oidc_logout_url(req, req->resident->id_token);
	if (resident_sign_out(req) < 0)
		return HTTP_INTERNAL_ERROR;
	if (provider_url == NULL)
		return response_redirect(req, "/");
	response_header(req, "Refresh", arena_printf(req->arena, "0; url=%s", provider_url));
	tpl_dict *d = page_begin(req, "account_signed_out.tpl", "Вы вышли из личного кабинета",
				 NAV_ACCOUNT);
	tpl_set(d, "PROVIDER_URL", provider_url);
	return page_end(req, HTTP_OK);
}

/* ---- the account ---- */

/* The state of an appeal in words for its applicant. */
static const char *status_words(const char *status)
{
	static const char *const labels[][2] = {
		{"registered", "зарегистрировано, назначается исполнитель"},
		{"in_work", "рассматривается"},
		{"forwarded", "направлено по компетенции в другой орган"},
		{"answered", "дан ответ"},
		{"closed", "рассмотрение завершено"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], status) == 0)
			return labels[i][1];
	return status;
}

/* A step of an appeal's history in words for its applicant. */
static const char *step_words(const char *action)
{
	static const char *const labels[][2] = {
		{"registered", "зарегистрировано"}, {"assigned", "передано исполнителю"},
		{"forwarded", "направлено по компетенции"}, {"extended", "срок рассмотрения продлён"},
		{"answered", "дан ответ"}, {"closed", "рассмотрение завершено"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], action) == 0)
			return labels[i][1];
	return action;
}

/* «11 марта 2026 г.» from 'YYYY-MM-DD'. */
static const char *iso_words(struct request *req, const char *iso)
{
	struct civil_date date;
	return civil_date_parse(iso, &date) ? page_date_words(req, date) : iso;
}

/* The resident's subscriptions (by their address) as SUBSCRIPTION rows, and the form to add one
 * with the territories; -1 on a database error. */
static int subscriptions_fill(struct request *req, tpl_dict *d)
{
	const struct resident *r = req->resident;
	if (r->email[0] == '\0') {
		tpl_section_show(d, "NO_EMAIL");
		return 0;
	}
	tpl_dict *box = tpl_section_add(d, "SUBSCRIPTIONS");
	tpl_set(box, "EMAIL", r->email);
	tpl_set(box, "CSRF", r->csrf);
	struct account_subscription *subs;
	size_t n;
	if (db_account_subscriptions(&req->worker->db, req->arena, r->email, &subs, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = tpl_section_add(box, "SUBSCRIPTION");
		tpl_set_int(row, "ID", subs[i].id);
		tpl_set(row, "CSRF", r->csrf);
		tpl_set(row, "WHERE", subs[i].territory ? subs[i].territory : "всё поселение");
		if (strcmp(subs[i].status, "pending") == 0)
			tpl_section_show(row, "PENDING");
	}
	tpl_section_show(box, n ? "HAS_SUBSCRIPTIONS" : "NO_SUBSCRIPTIONS");
	long long chosen = req->field[FIELD_TERRITORY].state == FIELD_VALID
				   ? req->field[FIELD_TERRITORY].number
				   : 0;
	return page_territory_options(req, box, "TERRITORY_OPTION", chosen, NULL, NULL);
}

/* The resident's proposals to draft acts (issue 20) as PROPOSAL rows: the draft, the point, when
 * it was sent, whether it waits for moderation, was published or refused (with the reason the
 * author was told), and, once the conclusion is published, how it was taken into account; the
 * text under a disclosure. HAS_PROPOSALS when there is one. -1 on a database error. */
static int proposals_fill(struct request *req, tpl_dict *d)
{
	struct account_proposal *list;
	size_t count;
	if (db_account_proposals(&req->worker->db, req->arena, req->resident->id, &list, &count) < 0)
		return -1;
	tpl_dict *box = count ? tpl_section_add(d, "HAS_PROPOSALS") : NULL;
	for (size_t i = 0; i < count; i++) {
		const struct account_proposal *r = &list[i];
		tpl_dict *p = tpl_section_add(box, "PROPOSAL");
		tpl_set_int(p, "ID", r->id);
		tpl_set_int(p, "DISCUSSION", r->discussion_id);
		tpl_set(p, "TITLE", r->title);
		if (r->point[0])
			tpl_set(tpl_section_add(p, "POINT"), "POINT", r->point);
		tpl_set(p, "TEXT", r->text);
		page_set_datetime(p, "SENT", r->created_at);
		if (strcmp(r->status, "refused") == 0)
			tpl_set(tpl_section_add(p, "REFUSED"), "REASON", r->refusal_reason);
		else
			tpl_set(p, "STATE", strcmp(r->status, "published") == 0
						    ? "Опубликовано на странице обсуждения."
						    : "Ждёт проверки перед публикацией.");
		const char *outcome = discussion_outcome_label(r->outcome);
		if (r->concluded && outcome[0]) {
			tpl_dict *o = tpl_section_add(p, "OUTCOME");
			tpl_set(o, "OUTCOME", outcome);
			tpl_set(o, "REASON", r->outcome_reason);
		}
	}
	return 0;
}

static enum http_status account_page(struct request *req, enum http_status status,
				     const char *error, long long page);

/* Appeals on one page of the account: each shows its text, steps, answer and verdict form, and
 * a resident on an old phone should not wait for all of them at once. */
#define ACCOUNT_APPEALS_PER_PAGE 10

/* The page of the account that shows the resident's appeal (1 when it is not theirs). */
static long long appeal_page(struct request *req, long long appeal)
{
	long long before;
	db_account_appeal_position(&req->worker->db, req->resident->id, appeal, &before);
	return before / ACCOUNT_APPEALS_PER_PAGE + 1;
}

/* GET /account?page=N — «Личный кабинет»: who is signed in and how, the resident's appeals
 * (ACCOUNT_APPEALS_PER_PAGE a page, newest first) with their steps, answers and the verdict
 * form, the subscriptions, «Мои данные», closing the account, signing out. 404 for a page past
 * the last. */
enum http_status page_account(struct request *req)
{
	const struct field_value *p = &req->field[FIELD_PAGE];
	/* A resident with fifty appeals: a few queries over one snapshot (db_read_begin). */
	bool snapshot = db_read_begin(&req->worker->db);
	enum http_status status =
		account_page(req, HTTP_OK, NULL, p->state == FIELD_VALID ? p->number : 1);
	db_read_end(&req->worker->db, snapshot);
	return status;
}

/* How many appeals there are (when more than one), and the appeals' pages: «Страница 2 из 5»
 * with the links to the newer and the older ones. */
static void appeal_pages_fill(struct request *req, tpl_dict *d, long long page, long long pages,
			      long long total)
{
	if (total > 1)
		tpl_set(tpl_section_add(d, "APPEAL_TOTAL"), "COUNT",
			arena_printf(req->arena, "%lld %s", total,
				     ru_plural(total, "обращение", "обращения", "обращений")));
	if (pages <= 1)
		return;
	tpl_dict *p = tpl_section_add(d, "APPEAL_PAGES");
	tpl_set_int(p, "PAGE", page);
	tpl_set_int(p, "PAGES", pages);
	if (page > 1)
		tpl_set(tpl_section_add(p, "NEWER"), "HREF",
			page == 2 ? "/account#my-appeals"
				  : arena_printf(req->arena, "/account?page=%lld#my-appeals", page - 1));
	if (page < pages)
		tpl_set(tpl_section_add(p, "OLDER"), "HREF",
			arena_printf(req->arena, "/account?page=%lld#my-appeals", page + 1));
}

/* One APPEAL row of the account: number, state, dates, text, its course, and the verdict form
 * once it is answered (with the verdict given, if any). The row, for its steps and files. */
static tpl_dict *appeal_fill(struct request *req, tpl_dict *d, const struct account_appeal *a)
{
	const struct resident *r = req->resident;
	tpl_dict *row = tpl_section_add(d, "APPEAL");
	tpl_set_int(row, "ID", a->id);
	tpl_set(row, "NUMBER", a->number);
	tpl_set(row, "STATUS", status_words(a->status));
	page_set_datetime(row, "REGISTERED", a->registered_at);
	tpl_set(row, "DUE", iso_words(req, a->answer_due));
	tpl_set(row, "TEXT", a->text);
	appeal_course_fill(req, row, &a->course);
	if (!a->course.answered)
		return row;
	tpl_dict *v = tpl_section_add(row, "VERDICT_FORM");
	tpl_set_int(v, "ID", a->id);
	tpl_set(v, "CSRF", r->csrf);
	if (a->verdict[0] == '\0')
		return row; /* nothing chosen for the resident before they choose */
	tpl_dict *given = tpl_section_add(row, "VERDICT");
	tpl_set(given, "TEXT", strcmp(a->verdict, "resolved") == 0 ? "вопрос решён"
								 : "вопрос не решён");
	tpl_set(given, "COMMENT", a->verdict_comment);
	page_set_datetime(given, "AT", a->verdict_at);
	tpl_section_show(v, strcmp(a->verdict, "unresolved") == 0 ? "UNRESOLVED_CHECKED"
								  : "RESOLVED_CHECKED");
	return row;
}

/* The APPEAL row of appeal among the count appeals of the page (rows[i] is appeals[i]'s), NULL
 * when it is not on the page. */
static tpl_dict *appeal_row(const struct account_appeal *appeals, tpl_dict *const *rows,
			    size_t count, long long appeal)
{
	for (size_t i = 0; i < count; i++)
		if (appeals[i].id == appeal)
			return rows[i];
	return NULL;
}

static enum http_status account_page(struct request *req, enum http_status status,
				     const char *error, long long page)
{
	const struct resident *r = req->resident;
	struct db *db = &req->worker->db;
	long long total;
	if (db_account_appeal_count(db, r->id, &total) < 0)
		return HTTP_INTERNAL_ERROR;
	long long pages = total == 0 ? 1 : (total + ACCOUNT_APPEALS_PER_PAGE - 1) /
						   ACCOUNT_APPEALS_PER_PAGE;
	if (page > pages)
		return HTTP_NOT_FOUND;
	long long offset = (page - 1) * ACCOUNT_APPEALS_PER_PAGE;
	tpl_dict *d = page_begin(req, "account.tpl", "Личный кабинет", NAV_ACCOUNT);
	appeal_pages_fill(req, d, page, pages, total);
	if (error != NULL)
		page_form_error(req, d, error);
	if (subscriptions_fill(req, d) < 0 || proposals_fill(req, d) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "CSRF", r->csrf);
	const char *full = arena_printf(req->arena, "%s %s %s", r->surname, r->name, r->patronymic);
	bool named = r->surname[0] || r->name[0];
	tpl_set(d, "WHO", named ? full : r->email);
	tpl_set(d, "HOW", strcmp(r->method, "esia") == 0
				  ? (r->confirmed ? "через Госуслуги (подтверждённая учётная запись)"
						  : "через Госуслуги (учётная запись не подтверждена)")
				  : "с кодом, отправленным на электронную почту");
	struct account_appeal *appeals;
	size_t count;
	if (db_account_appeals(db, req->arena, r->id, ACCOUNT_APPEALS_PER_PAGE, offset, &appeals,
			       &count) < 0)
		return HTTP_INTERNAL_ERROR;
	tpl_dict *rows[ACCOUNT_APPEALS_PER_PAGE];
	for (size_t i = 0; i < count; i++)
		rows[i] = appeal_fill(req, d, &appeals[i]);
	/* The steps and files of the page's appeals in one statement each (two queries, not
	 * twenty — make bench). */
	struct account_appeal_file *files;
	size_t file_count;
	if (db_account_page_files(db, req->arena, r->id, ACCOUNT_APPEALS_PER_PAGE, offset, &files,
				  &file_count) < 0)
		return HTTP_INTERNAL_ERROR;
	long long last = 0;
	tpl_dict *list = NULL;
	for (size_t i = 0; i < file_count; i++) {
		if (files[i].appeal_id != last) {
			last = files[i].appeal_id;
			tpl_dict *row = appeal_row(appeals, rows, count, last);
			list = row ? tpl_section_add(row, "FILES") : NULL;
		}
		if (list == NULL)
			continue;
		tpl_dict *f = tpl_section_add(list, "FILE");
		tpl_set_int(f, "ID", files[i].file_id);
		tpl_set(f, "NAME", files[i].file_name);
	}
	struct account_appeal_step *steps;
	size_t step_count;
	if (db_account_page_steps(db, req->arena, r->id, ACCOUNT_APPEALS_PER_PAGE, offset, &steps,
				  &step_count) < 0)
		return HTTP_INTERNAL_ERROR;
	for (size_t i = 0; i < step_count; i++) {
		tpl_dict *row = appeal_row(appeals, rows, count, steps[i].appeal_id);
		if (row == NULL)
			continue;
		tpl_dict *e = tpl_section_add(row, "STEP");
		page_set_datetime(e, "AT", steps[i].at);
		tpl_set(e, "WHAT", step_words(steps[i].action));
	}
	tpl_section_show(d, count ? "HAS_APPEALS" : "NO_APPEALS");
	return page_end(req, status);
}

/* POST /account/subscriptions (territory, consent, csrf) — subscribe the resident's address to
 * the announcements of a territory (none: the whole municipality), with consent (152-ФЗ). An
 * address the sign-in proved (a one-time code, a confirmed ЕСИА account) is active at once; any
 * other gets the confirmation mail of the public form. 422 on the account page without consent
 * or with an unknown territory; 303 back otherwise. */
enum http_status page_account_subscribe(struct request *req)
{
	const struct resident *r = req->resident;
	if (r->email[0] == '\0')
		return account_page(req, HTTP_UNPROCESSABLE,
				    "В учётной записи нет адреса электронной почты для рассылки.", 1);
	if (req->field[FIELD_CONSENT].state != FIELD_VALID ||
	    strcmp(req->field[FIELD_CONSENT].text, "yes") != 0)
		return account_page(req, HTTP_UNPROCESSABLE,
				    "Подписка: без согласия на обработку адреса рассылку оформить "
				    "нельзя.", 1);
	long long territory = 0;
	if (req->field[FIELD_TERRITORY].state == FIELD_VALID) {
		territory = req->field[FIELD_TERRITORY].number;
		int known = db_territory_exists(&req->worker->db, territory);
		if (known < 0)
			return HTTP_INTERNAL_ERROR;
		if (!known)
			return account_page(req, HTTP_UNPROCESSABLE,
					    "Подписка: выберите территорию из списка.", 1);
	} else if (req->field[FIELD_TERRITORY].state == FIELD_INVALID) {
		return account_page(req, HTTP_UNPROCESSABLE,
				    "Подписка: выберите территорию из списка.", 1);
	}
	bool proven = strcmp(r->method, "email") == 0 || r->confirmed;
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct subscription_row found;
	int rc = db_subscription_find(db, req->arena, r->email, territory, 0, &found);
	if (rc < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	long long id = rc == 0 ? found.id : 0;
	const char *token = rc == 0 ? found.token : NULL;
	const char *state = rc == 0 ? found.status : "";
	bool ok = true;
	if (id == 0) {
		token = subscription_new_token(req->arena);
		ok = db_subscription_insert(db, r->email, territory, 0, token, req->now, &id) == 0;
		state = "pending";
	} else if (strcmp(state, "unsubscribed") == 0) {
		token = subscription_new_token(req->arena);
		ok = db_subscription_renew(db, id, token, req->now) == 0;
		state = "pending";
	}
	if (ok && strcmp(state, "pending") == 0) {
		if (proven) {
			ok = db_subscription_confirm(db, id, req->now) == 0;
		} else {
			struct subscription_request sr = {id, r->email, token, NULL, NULL};
			ok = subscription_queue_confirmation(db, req->arena, req->worker->cfg, &sr,
							     req->now) >= 0;
		}
	}
	if (!ok || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, "/account#subscriptions");
}

/* POST /account/subscriptions/ID/remove (csrf) — end one of the resident's own subscriptions;
 * 404 for another address's. */
enum http_status page_account_unsubscribe(struct request *req)
{
	struct db *db = &req->worker->db;
	sqlite3_stmt *s = db_stmt(db, STMT_ACCOUNT_SUBSCRIPTION_REMOVE);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_text(s, 2, req->resident->email, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE)
		return HTTP_INTERNAL_ERROR;
	if (sqlite3_changes(db->conn) == 0)
		return HTTP_NOT_FOUND;
	return response_redirect(req, "/account#subscriptions");
}

/* POST /account/appeals/ID/verdict (verdict, comment, csrf) — the resident's verdict on the
 * answer to their own appeal («вопрос решён» / «не решён»); 404 for an appeal that is not
 * theirs or has no answer yet, 422 with the account and the error without a verdict, 303 back
 * to the account. */
enum http_status page_account_verdict(struct request *req)
{
	const char *verdict = page_field_text(req, FIELD_VERDICT);
	if (req->invalid_fields > 0 ||
	    (strcmp(verdict, "resolved") != 0 && strcmp(verdict, "unresolved") != 0))
		return account_page(req, HTTP_UNPROCESSABLE,
				    "Оценка ответа: выберите, решён ли вопрос (комментарий — до 2000 "
				    "знаков).",
				    appeal_page(req, req->path_id));
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_APPEAL_VERDICT);
	sqlite3_bind_int64(s, 1, req->path_id);
	sqlite3_bind_int64(s, 2, req->resident->id);
	sqlite3_bind_text(s, 3, verdict, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, page_field_text(req, FIELD_VERDICT_COMMENT), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE;
	bool changed = ok && sqlite3_changes(db->conn) > 0;
	if (changed)
		ok = appeal_event(db, req->path_id, req->now, 0, "verdict",
				  strcmp(verdict, "resolved") == 0 ? "заявитель: вопрос решён"
								   : "заявитель: вопрос не решён") == 0;
	if (!ok || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	if (!changed)
		return HTTP_NOT_FOUND;
	long long page = appeal_page(req, req->path_id);
	return response_redirect(
		req, page > 1 ? arena_printf(req->arena, "/account?page=%lld#appeal-%lld", page,
					     req->path_id)
			      : arena_printf(req->arena, "/account#appeal-%lld", req->path_id));
}

/* GET /account/files/ID — a file the resident attached to one of their own appeals, as an
 * attachment with its name; 404 for anyone else's (no trace of whose it is). */
enum http_status page_account_file(struct request *req)
{
	struct account_file f;
	int rc = db_account_file(&req->worker->db, req->arena, req->path_id, req->resident->id,
				 &f);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	const char *name = f.file_name, *mime = f.mime, *sha = f.sha256;
	return page_send_stored_file(req, name, mime, sha);
}

/* Put key: the text value, or the number value, into the object o. */
static void put_text(json_t *o, const char *key, const char *value)
{
	json_object_set_new(o, key, json_string(value));
}

static void put_number(json_t *o, const char *key, long long value)
{
	json_object_set_new(o, key, json_integer(value));
}

/* The account's own record as "account" of root (empty when there is none). -1 on a database
 * error. */
static int export_record(struct request *req, json_t *root)
{
	json_t *account = json_object();
	json_object_set_new(root, "account", account);
	struct account_record r;
	int rc = db_account_record(&req->worker->db, req->arena, req->resident->id, &r);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	const char *const keys[] = {"method", "subject", "surname", "name",
				    "patronymic", "email", "phone", "address"};
	const char *const values[] = {r.method, r.subject, r.surname, r.name,
				      r.patronymic, r.email, r.phone, r.address};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		put_text(account, keys[i], values[i]);
	json_object_set_new(account, "confirmed", json_boolean(r.confirmed));
	put_number(account, "created_at", (long long)r.created_at);
	put_number(account, "last_login_at", (long long)r.last_login_at);
	return 0;
}

/* The resident's appeals with the applicant's data as "appeals" of root, and the steps of them
 * the applicant sees (as on the account page) by the appeal's number as "appeal_steps". -1 on a
 * database error. */
static int export_appeals(struct request *req, json_t *root)
{
	struct db *db = &req->worker->db;
	json_t *list = json_array(), *steps_list = json_array();
	json_object_set_new(root, "appeals", list);
	json_object_set_new(root, "appeal_steps", steps_list);
	struct account_appeal *appeals;
	size_t count;
	if (db_account_export_appeals(db, req->arena, req->resident->id, &appeals, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct account_appeal *a = &appeals[i];
		json_t *o = json_object();
		put_number(o, "id", a->id);
		const char *const fields[][2] = {
			{"number", a->number},
			{"status", a->status},
			{"answer_due", a->answer_due},
			{"text", a->text},
			{"answer", a->course.answer},
			{"verdict", a->verdict},
			{"verdict_comment", a->verdict_comment},
			{"authenticated_by", a->auth_method},
			{"addressee", a->addressee},
			{"surname", a->surname},
			{"name", a->name},
			{"patronymic", a->patronymic},
			{"email", a->email},
			{"address", a->address},
			{"phone", a->phone},
		};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			put_text(o, fields[k][0], fields[k][1]);
		put_number(o, "registered_at", (long long)a->registered_at);
		json_array_append_new(list, o);
	}
	struct account_appeal_step *steps;
	size_t step_count;
	if (db_account_export_steps(db, req->arena, req->resident->id, &steps, &step_count) < 0)
		return -1;
	for (size_t i = 0; i < step_count; i++) {
		const char *number = "";
		for (size_t k = 0; k < count; k++)
			if (appeals[k].id == steps[i].appeal_id)
				number = appeals[k].number;
		json_t *e = json_object();
		put_text(e, "appeal", number);
		put_number(e, "at", (long long)steps[i].at);
		put_text(e, "step", step_words(steps[i].action));
		json_array_append_new(steps_list, e);
	}
	return 0;
}

/* The subscriptions of the account's address as "subscriptions" of root. -1 on a database
 * error. */
static int export_subscriptions(struct request *req, json_t *root)
{
	json_t *list = json_array();
	json_object_set_new(root, "subscriptions", list);
	const struct resident *r = req->resident;
	if (r->email[0] == '\0')
		return 0;
	struct account_subscription *subs;
	size_t count;
	if (db_account_subscriptions(&req->worker->db, req->arena, r->email, &subs, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		json_t *o = json_object();
		put_number(o, "id", subs[i].id);
		put_text(o, "territory", subs[i].territory ? subs[i].territory : "");
		put_text(o, "status", subs[i].status);
		json_array_append_new(list, o);
	}
	return 0;
}

/* The bookings of personal reception as "bookings" of root. -1 on a database error. */
static int export_bookings(struct request *req, json_t *root)
{
	json_t *list = json_array();
	json_object_set_new(root, "bookings", list);
	struct account_booking *rows;
	size_t count;
	if (db_account_bookings(&req->worker->db, req->arena, req->resident->id, &rows, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct account_booking *b = &rows[i];
		json_t *o = json_object();
		put_number(o, "reception_at", (long long)b->slot_at);
		const char *const fields[][2] = {
			{"official", b->official},   {"position", b->position},
			{"place", b->place},         {"question", b->question},
			{"status", b->status},       {"cancel_reason", b->cancel_reason},
			{"phone", b->phone},         {"email", b->email},
			{"contact", b->contact},
		};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			put_text(o, fields[k][0], fields[k][1]);
		put_number(o, "created_at", (long long)b->created_at);
		json_array_append_new(list, o);
	}
	return 0;
}

/* The proposals to draft acts as "proposals" of root. -1 on a database error. */
static int export_proposals(struct request *req, json_t *root)
{
	json_t *list = json_array();
	json_object_set_new(root, "proposals", list);
	struct account_proposal *rows;
	size_t count;
	if (db_account_proposals(&req->worker->db, req->arena, req->resident->id, &rows, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		const struct account_proposal *p = &rows[i];
		json_t *o = json_object();
		put_number(o, "id", p->id);
		put_number(o, "discussion_id", p->discussion_id);
		const char *const fields[][2] = {
			{"discussion", p->title},
			{"point", p->point},
			{"text", p->text},
			{"status", p->status},
			{"refusal_reason", p->refusal_reason},
			{"outcome", p->outcome ? p->outcome : ""},
			{"outcome_reason", p->outcome_reason},
		};
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			put_text(o, fields[k][0], fields[k][1]);
		put_number(o, "created_at", (long long)p->created_at);
		put_number(o, "concluded", p->concluded ? 1 : 0);
		json_array_append_new(list, o);
	}
	return 0;
}

/* The answers to surveys as "survey_answers" of root. -1 on a database error. */
static int export_survey_answers(struct request *req, json_t *root)
{
	json_t *list = json_array();
	json_object_set_new(root, "survey_answers", list);
	struct account_survey_answer *rows;
	size_t count;
	if (db_account_survey_answers(&req->worker->db, req->arena, req->resident->id, &rows,
				      &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		json_t *o = json_object();
		put_text(o, "survey", rows[i].survey);
		put_text(o, "question", rows[i].question);
		put_text(o, "answer", rows[i].answer);
		put_number(o, "updated_at", (long long)rows[i].updated_at);
		json_array_append_new(list, o);
	}
	return 0;
}

/* Everything held about the resident as JSON (the export's content): "account", "appeals",
 * "appeal_steps", "subscriptions", "bookings", "proposals", "survey_answers". NULL on a database
 * error. */
static json_t *export_json(struct request *req)
{
	json_t *root = json_object();
	if (export_record(req, root) < 0 || export_appeals(req, root) < 0 ||
	    export_subscriptions(req, root) < 0 || export_bookings(req, root) < 0 ||
	    export_proposals(req, root) < 0 || export_survey_answers(req, root) < 0) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/* The CSV rows of one section of the export: each object of ARRAY under LABEL and its number
 * (an appeal under its registration number; none when NUMBERED is false), one row per field. */
static void export_csv_section(struct request *req, struct buf *b, const char *label,
			       json_t *array, bool numbered)
{
	size_t i;
	json_t *o;
	json_array_foreach(array, i, o) {
		const char *number = json_string_value(json_object_get(o, "number"));
		const char *section =
			!numbered ? label
			: number  ? arena_printf(req->arena, "%s %s", label, number)
				  : arena_printf(req->arena, "%s %zu", label, i + 1);
		const char *key;
		json_t *value;
		json_object_foreach(o, key, value) {
			const char *row[] = {
				section, key,
				json_is_string(value)    ? json_string_value(value)
				: json_is_integer(value) ? arena_printf(req->arena, "%lld",
								       (long long)json_integer_value(value))
				: json_is_true(value)    ? "да"
							 : "нет"};
			csv_record(b, row, 3);
		}
	}
}

/* GET /account/data (format=json|csv) — «Мои данные» (152-ФЗ art. 14): everything held about
 * the resident — the account; every appeal with its applicant's data, text, answer and steps;
 * the subscriptions of the account's address; bookings of personal reception; proposals to draft
 * acts; survey answers — as a download. */
enum http_status page_account_data(struct request *req)
{
	const char *format = page_field_text(req, FIELD_FORMAT);
	bool csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "json") != 0)
		return HTTP_NOT_FOUND;
	json_t *root = export_json(req);
	if (root == NULL)
		return HTTP_INTERNAL_ERROR;
	if (!csv) {
		char *text = json_dumps(root, JSON_INDENT(2));
		json_decref(root);
		if (text == NULL)
			return HTTP_INTERNAL_ERROR;
		req->response.content_type = "application/json; charset=utf-8";
		buf_puts(&req->response.body, text);
		free(text);
		response_header(req, "Content-Disposition", "attachment; filename=\"my-data.json\"");
		req->response.body_ready = true;
		return HTTP_OK;
	}
	/* CSV: one row per value, «раздел; поле; значение», so everything fits one table a
	 * spreadsheet opens (csv.c neutralises formulas). */
	struct buf *b = &req->response.body;
	csv_begin(b);
	const char *head[] = {"раздел", "поле", "значение"};
	csv_record(b, head, 3);
	json_t *account = json_array();
	json_array_append(account, json_object_get(root, "account"));
	export_csv_section(req, b, "учётная запись", account, false);
	json_decref(account);
	static const char *const sections[][2] = {
		{"appeals", "обращение"},        {"appeal_steps", "ход рассмотрения"},
		{"subscriptions", "подписка"},   {"bookings", "запись на приём"},
		{"proposals", "предложение"},    {"survey_answers", "ответ на вопрос опроса"},
	};
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
		export_csv_section(req, b, sections[i][1], json_object_get(root, sections[i][0]),
				   true);
	json_decref(root);
	response_header(req, "Content-Disposition",
			"attachment; filename=\"my-data.csv\"; filename*=UTF-8''"
			"%D0%BC%D0%BE%D0%B8-%D0%B4%D0%B0%D0%BD%D0%BD%D1%8B%D0%B5.csv");
	req->response.content_type = "text/csv; charset=utf-8";
	req->response.body_ready = true;
	return HTTP_OK;
}

/* POST /account/close (csrf) — close the account: its own personal data wiped, every session
 * ended; the appeals stay in the registry as the law requires (the page said so). 303 to the
 * home page. */
enum http_status page_account_close(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	sqlite3_stmt *s = db_stmt(db, STMT_RESIDENT_CLOSE);
	sqlite3_bind_int64(s, 1, req->resident->id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	bool ok = db_run(s) == SQLITE_DONE;
	s = db_stmt(db, STMT_RESIDENT_SESSION_DELETE_ALL);
	sqlite3_bind_int64(s, 1, req->resident->id);
	ok = ok && db_run(s) == SQLITE_DONE;
	if (!ok || db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	req->resident = NULL;
	resident_sign_out(req);
	return response_redirect(req, "/account/closed");
}

/* GET /account/closed — what closing the account did. */
enum http_status page_account_closed(struct request *req)
{
	page_begin(req, "account_closed.tpl", "Личный кабинет закрыт", NAV_ACCOUNT);
	return page_end(req, HTTP_OK);
}

/* GET /privacy — the operator's policy on personal data (152-ФЗ art. 18.1 part 2), from the
 * template privacy.tpl the municipality edits. */
enum http_status page_privacy(struct request *req)
{
	page_begin(req, "privacy.tpl", "Политика обработки персональных данных", NAV_NONE);
	return page_end(req, HTTP_OK);
}
