/* page_subscribe.c — residents' e-mail subscriptions to announcements (issue 6, item 4): the
 * form, the double opt-in (a confirmation mail through the outbox, then a button on the site)
 * and the one-click unsubscribe, RFC 8058 included. Public, no JavaScript, no session: the
 * subscription form carries the pre-session form token (auth_public_csrf); confirming and
 * unsubscribing are authorised by the 256-bit token from the mail itself, and both are POSTs,
 * because mail scanners follow the GET links in a mail. No page shows a subscriber's address,
 * and the answer to the form is the same whether the address was subscribed before or not. */
#include <string.h>

#include "auth.h"
#include "db_account.h"
#include "db_reference.h"
#include "db_scope.h"
#include "page.h"
#include "pages.h"
#include "site_scope.h"
#include "subscription.h"
#include "worker.h"

/* What the scope of a subscription is called on the pages and in the mail: municipality is the
 * name of the subscription's municipality, NULL for the own one (portal.ini's name). */
static const char *scope_text(struct request *req, const char *territory,
			      const char *municipality)
{
	if (territory != NULL && territory[0] != '\0')
		return arena_printf(req->arena, "встречи на территории «%s»", territory);
	return arena_printf(req->arena, "все встречи, %s целиком",
			    municipality ? municipality : req->worker->cfg->municipality_name);
}

/* The territories the form of the request's path offers, in tree order, into *out: on
 * /m/<slug>/subscribe those of that municipality (a district's with its settlements'), on
 * /subscribe every one. HTTP_OK, 404 for an unknown slug, 500 on a database error. */
static enum http_status form_territories(struct request *req, const struct site_scope *scope,
					 struct territory_item **out, size_t *count)
{
	struct territory_item *all;
	size_t n;
	if (db_territory_tree(&req->worker->db, req->arena, &all, &n) < 0)
		return HTTP_INTERNAL_ERROR;
	*out = all;
	*count = n;
	if (scope->municipality == NULL)
		return HTTP_OK;
	long long *ids;
	size_t id_count;
	if (db_scope_territories(&req->worker->db, req->arena, scope->id, &ids, &id_count) < 0)
		return HTTP_INTERNAL_ERROR;
	struct territory_item *mine = arena_calloc(req->arena, n ? n : 1, sizeof *mine);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < id_count; j++)
			if (ids[j] == all[i].id) {
				mine[kept++] = all[i];
				break;
			}
	*out = mine;
	*count = kept;
	return HTTP_OK;
}

/* The municipality of the request's path into *scope and the territories its form offers:
 * HTTP_OK, 404 for an unknown slug, 500. */
static enum http_status read_scope(struct request *req, struct site_scope *scope,
				   struct territory_item **territories, size_t *count)
{
	int rc = site_scope_read(req, scope);
	if (rc != 0)
		return rc > 0 ? HTTP_NOT_FOUND : HTTP_INTERNAL_ERROR;
	return form_territories(req, scope, territories, count);
}

/* The form, empty (a territory preselected by ?territory=) or after a refused submit with the
 * errors beside the fields and everything typed kept. */
static enum http_status subscribe_form(struct request *req, enum http_status status,
				       bool from_request)
{
	struct site_scope scope;
	struct territory_item *territories;
	size_t count;
	enum http_status st = read_scope(req, &scope, &territories, &count);
	if (st != HTTP_OK)
		return st;
	tpl_dict *d = page_begin(req, "subscribe.tpl",
				 site_scope_title(req, &scope, "Подписка на анонсы встреч"), NAV_NONE);
	site_scope_fill(&scope, d);
	tpl_set(d, "FORM_CSRF", auth_public_csrf(req, scope.prefix));
	tpl_set(d, "MUNICIPALITY",
		scope.municipality && !scope.municipality->own ? scope.municipality->name
							       : req->worker->cfg->municipality_name);
	const struct field_value *t = &req->field[FIELD_TERRITORY];
	page_territory_list_options(req, d, "TERRITORY_OPTION", territories, count,
				    t->state == FIELD_VALID ? t->number : 0);
	if (from_request) {
		page_form_fields(req, d);
		const struct field_value *consent = &req->field[FIELD_CONSENT];
		if (consent->raw != NULL && strcmp(consent->raw, "yes") == 0)
			tpl_section_show(d, "CONSENT_CHECKED");
	}
	return page_end(req, status);
}

/* GET /subscribe?territory= and /m/<slug>/subscribe?territory= — the subscription form: the
 * address, the whole municipality (the path's, else the own one) or one of its territories
 * (preselected by ?territory=), the consent to the processing of the address. Sets the
 * form-token cookie. 400 for a malformed territory, 404 for an unknown slug. */
enum http_status page_subscribe_form(struct request *req)
{
	return subscribe_form(req, HTTP_OK, false);
}

/* An address as stored: ASCII letters in lower case, so Ivan@Mail.ru and ivan@mail.ru are one
 * subscriber (local parts that differ only in case are one mailbox in practice). */
static const char *normalised_email(struct request *req, const char *email)
{
	char *copy = arena_strdup(req->arena, email);
	for (char *p = copy; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return copy;
}

/* Find or make the subscription of (email, territory) of municipality scope (the own one on
 * /subscribe) inside the open transaction and queue its confirmation mail unless it is active
 * already or one went out within the hour. 0, or -1 on a database error. */
static int request_subscription(struct request *req, const char *email, long long territory_id,
				const char *territory_name, const struct site_scope *scope)
{
	struct db *db = &req->worker->db;
	struct subscription_row found;
	int rc = db_subscription_find(db, req->arena, email, territory_id, scope->id, &found);
	if (rc < 0)
		return -1;
	struct subscription_request r = {
		.email = email,
		.territory = territory_name,
		.municipality = scope->municipality && !scope->municipality->own
					? scope->municipality->name
					: NULL,
	};
	const char *status = NULL;
	if (rc == 0) {
		r.id = found.id;
		r.token = found.token;
		status = found.status;
	}
	if (status != NULL && strcmp(status, "active") == 0)
		return 0; /* subscribed already: no mail, and the page says the same as always */
	if (status == NULL) {
		r.token = subscription_new_token(req->arena);
		if (db_subscription_insert(db, email, territory_id, scope->id, r.token, req->now,
					   &r.id) < 0)
			return -1;
	} else if (strcmp(status, "unsubscribed") == 0) {
		/* Subscribing again after leaving: a new token, so links from the old mails (which
		 * may have been forwarded) do not act on the new subscription. */
		r.token = subscription_new_token(req->arena);
		if (db_subscription_renew(db, r.id, r.token, req->now) < 0)
			return -1;
	}
	return subscription_queue_confirmation(db, req->arena, req->worker->cfg, &r, req->now) < 0
		       ? -1
		       : 0;
}

/* POST /subscribe and /m/<slug>/subscribe (email, territory, consent, website, csrf) — ask for a
 * subscription to the announcements of the path's municipality (on /subscribe the own one), or
 * of one of its territories (then the territory's municipality). 303 to
 * /subscribe/sent whenever the form is in order — for a new address, one pending or subscribed
 * already, or a robot that filled in the hidden field (which gets nothing written) — so the
 * answer tells nobody who subscribes. A pending subscription gets a confirmation mail in the
 * outbox, at most one per address and territory an hour. 422 with the errors beside the fields
 * and the input kept for a malformed address, a territory not in the list (another
 * municipality's included) or no consent — nothing written; 403 without the form token; 404 for
 * an unknown slug; 429 from nginx when one address sends too many. */
enum http_status page_subscribe(struct request *req)
{
	struct field_value *v = req->field;
	struct site_scope scope;
	struct territory_item *territories;
	size_t count;
	enum http_status st = read_scope(req, &scope, &territories, &count);
	if (st != HTTP_OK)
		return st;
	if (v[FIELD_HONEYPOT].state != FIELD_ABSENT)
		return response_redirect(req, "/subscribe/sent");
	const char *territory_name = NULL;
	if (v[FIELD_TERRITORY].state == FIELD_VALID) {
		for (size_t i = 0; i < count; i++)
			if (territories[i].id == v[FIELD_TERRITORY].number)
				territory_name = territories[i].name;
		if (territory_name == NULL)
			page_reject(req, FIELD_TERRITORY, "выберите территорию из списка");
	}
	/* Declared optional, so that a missing tick gets this message and not the generic one. */
	struct field_value *consent = &v[FIELD_CONSENT];
	if (consent->state != FIELD_VALID || strcmp(consent->text, "yes") != 0) {
		if (consent->state == FIELD_INVALID) {
			consent->state = FIELD_ABSENT;
			req->invalid_fields--;
		}
		page_reject(req, FIELD_CONSENT,
			    "отметьте его — без согласия мы не можем присылать письма");
	}
	if (req->invalid_fields > 0)
		return subscribe_form(req, HTTP_UNPROCESSABLE, true);

	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	long long territory_id = territory_name ? v[FIELD_TERRITORY].number : 0;
	if (request_subscription(req, normalised_email(req, v[FIELD_EMAIL].text), territory_id,
				 territory_name, &scope) < 0 ||
	    db_commit(db) < 0) {
		db_log_error(db, "subscribe");
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return response_redirect(req, "/subscribe/sent");
}

/* GET /subscribe/sent — «check your mail»: what happens next, without the address. */
enum http_status page_subscribe_sent(struct request *req)
{
	page_begin(req, "subscribe_sent.tpl", "Проверьте почту", NAV_NONE);
	return page_end(req, HTTP_OK);
}

/* The subscription of a link's token. */
struct token_subscription {
	long long id;
	const char *token;
	const char *territory; /* NULL for the whole municipality */
	const char *status;    /* pending, active, unsubscribed */
	const char *municipality; /* its name, NULL for the own one */
};


/* Load the subscription of the request's token. HTTP_OK, 404 (with a Russian explanation) for a
 * missing, malformed or unknown token, 500 on a database error. */
static enum http_status load_by_token(struct request *req, struct token_subscription *out)
{
	memset(out, 0, sizeof *out);
	const char *token = request_link_token(req);
	if (token != NULL) {
		struct subscription_row row;
		int rc = db_subscription_by_token(&req->worker->db, req->arena, token, &row);
		if (rc < 0)
			return HTTP_INTERNAL_ERROR;
		if (rc == 0) {
			out->id = row.id;
			out->token = token;
			out->territory = row.territory;
			out->status = row.status;
			out->municipality = row.municipality;
			return HTTP_OK;
		}
	}
	req->error_detail = "Подписка по этой ссылке не найдена. Проверьте, что ссылка из письма "
			    "скопирована целиком, или подпишитесь заново.";
	return HTTP_NOT_FOUND;
}

/* One of the pages about a subscription found by its token: template with the state shown. */
static enum http_status token_page(struct request *req, const char *template, const char *title,
				   const struct token_subscription *sub, const char *state)
{
	tpl_dict *d = page_begin(req, template, title, NAV_NONE);
	tpl_set(d, "TOKEN", sub->token);
	tpl_set(d, "SCOPE", scope_text(req, sub->territory, sub->municipality));
	tpl_section_show(d, state);
	/* The page carries the token: keep it out of shared caches. */
	response_header(req, "Cache-Control", "no-store");
	return page_end(req, HTTP_OK);
}

/* GET /subscribe/confirm?token= — the confirmation link of the mail: a button that confirms
 * (a mail scanner following the link confirms nothing), or what the state is when it is active
 * or was cancelled. 404 for an unknown token. */
enum http_status page_subscribe_confirm_form(struct request *req)
{
	struct token_subscription sub;
	enum http_status status = load_by_token(req, &sub);
	if (status != HTTP_OK)
		return status;
	const char *state = strcmp(sub.status, "pending") == 0  ? "PENDING"
			    : strcmp(sub.status, "active") == 0 ? "CONFIRMED"
								: "UNSUBSCRIBED";
	return token_page(req, "subscribe_confirm.tpl", "Подтверждение подписки", &sub, state);
}

/* POST /subscribe/confirm (token) — confirm a pending subscription: 200 «Подписка
 * подтверждена» (also when it was confirmed before); a cancelled one stays cancelled and the page
 * says how to subscribe again. 404 for an unknown token. */
enum http_status page_subscribe_confirm(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct token_subscription sub;
	enum http_status status = load_by_token(req, &sub);
	if (status != HTTP_OK) {
		db_rollback(db);
		return status;
	}
	const char *state = "UNSUBSCRIBED";
	if (strcmp(sub.status, "unsubscribed") != 0) {
		if (db_subscription_confirm(db, sub.id, req->now) < 0) {
			db_rollback(db);
			return HTTP_INTERNAL_ERROR;
		}
		state = "CONFIRMED";
	}
	if (db_commit(db) < 0) {
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return token_page(req, "subscribe_confirm.tpl",
			  strcmp(state, "CONFIRMED") == 0 ? "Подписка подтверждена"
							  : "Подтверждение подписки",
			  &sub, state);
}

/* GET /unsubscribe?token= — the unsubscribe link of every mail: a button that unsubscribes, or
 * «already unsubscribed». 404 for an unknown token. */
enum http_status page_unsubscribe_form(struct request *req)
{
	struct token_subscription sub;
	enum http_status status = load_by_token(req, &sub);
	if (status != HTTP_OK)
		return status;
	return token_page(req, "unsubscribe.tpl", "Отписка от анонсов", &sub,
			  strcmp(sub.status, "unsubscribed") == 0 ? "DONE" : "ASK");
}

/* POST /unsubscribe?token= — unsubscribe, from the button (the form posts to the link itself) or
 * from a mail client's one-click (RFC 8058: the body List-Unsubscribe=One-Click, of any media
 * type, no form token; the token in the URL is the authority). 200 «Вы отписались» without a
 * redirect, also when it was done before; 404 for an unknown token. */
enum http_status page_unsubscribe(struct request *req)
{
	struct db *db = &req->worker->db;
	if (db_begin(db) < 0)
		return HTTP_INTERNAL_ERROR;
	struct token_subscription sub;
	enum http_status status = load_by_token(req, &sub);
	if (status != HTTP_OK) {
		db_rollback(db);
		return status;
	}
	sqlite3_stmt *s = db_stmt(db, STMT_SUBSCRIPTION_UNSUBSCRIBE);
	sqlite3_bind_int64(s, 1, sub.id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)req->now);
	if (db_run(s) != SQLITE_DONE || db_commit(db) < 0) {
		db_log_error(db, "unsubscribe");
		db_rollback(db);
		return HTTP_INTERNAL_ERROR;
	}
	return token_page(req, "unsubscribe.tpl", "Вы отписались от анонсов", &sub, "DONE");
}
