/* page.c — the layout every HTML page shares and the error pages in Russian (see page.h). */
#include "page.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "civil_time.h"
#include "db_municipality.h"
#include "db_reference.h"
#include "router.h"
#include "ru.h"
#include "scope.h"
#include "upload.h"
#include "worker.h"

static const struct nav_entry {
	enum nav_item item;
	const char *href;
	const char *label;
	unsigned roles; /* for staff navigation: who sees it */
} public_nav[] = {
	{NAV_HOME, "/", "Главная", 0},
	{NAV_MEETINGS, "/meetings", "Расписание встреч", 0},
	{NAV_APPEALS, "/appeals", "Обращения", 0},
	{NAV_ANSWERS, "/answers", "Ответы", 0},
	{NAV_DISCUSSIONS, "/discussions", "Обсуждения", 0},
	{NAV_SURVEYS, "/surveys", "Опросы", 0},
	{NAV_PRESS, "/press", "Для прессы", 0},
	{NAV_ACCOUNT, "/account", "Личный кабинет", 0},
}, staff_nav[] = {
	{NAV_STAFF_HOME, "/admin", "Рабочий стол", ROLES_STAFF},
	{NAV_STAFF_MEETINGS, "/admin/meetings", "Встречи", MEETING_READERS},
	{NAV_STAFF_APPEALS, "/admin/appeals", "Обращения", APPEAL_READERS},
	{NAV_STAFF_INSTRUCTIONS, "/admin/instructions", "Поручения", INSTRUCTION_READERS},
	{NAV_STAFF_REFERENCE, "/admin/territories", "Справочники", REFERENCE_READERS},
	{NAV_STAFF_DISCUSSIONS, "/admin/discussions", "Обсуждения", DISCUSSION_WRITERS},
	{NAV_STAFF_SURVEYS, "/admin/surveys", "Опросы", SURVEY_WRITERS},
	{NAV_STAFF_PLAN, "/admin/plan", "План мероприятий", PLAN_READERS},
	{NAV_STAFF_OUTBOX, "/admin/outbox", "Рассылка", OUTBOX_READERS},
	{NAV_STAFF_MEDIA_PLAN, "/admin/media-plan", "Медиаплан", MEDIA_PLAN_READERS},
	{NAV_STAFF_MEDIA, "/admin/media", "СМИ", MEDIA_LIST_WRITERS},
	{NAV_STAFF_REPORTS, "/admin/reports", "Отчёты", REPORT_READERS},
	{NAV_STAFF_USERS, "/admin/users", "Пользователи", ROLE_ADMIN},
	{NAV_STAFF_AUDIT, "/admin/audit", "Журнал изменений", ROLE_ADMIN},
	{NAV_STAFF_PASSWORD, "/admin/password", "Сменить пароль", ROLES_STAFF},
	{NAV_HOME, "/", "Сайт", ROLES_STAFF},
};


tpl_dict *page_begin(struct request *req, const char *body_template, const char *title,
		     enum nav_item active)
{
	tpl_dict *layout = tpl_dict_new(req->arena, "layout");
	req->layout = layout;
	req->form_errors = NULL;
	tpl_set(layout, "PAGE_TITLE", title);
	tpl_set(layout, "ASSET_VERSION", req->worker->asset_version);
	/* The address as the browser sent it (still percent-encoded): where to come back to after
	 * switching the version for the visually impaired. */
	tpl_set(layout, "RETURN_TO", req->request_uri);
	struct tm now;
	tz_utc_to_local(req->now, &now);
	tpl_set_int(layout, "YEAR", now.tm_year + 1900);
	tpl_section_show(layout, req->vision ? "VISION_ON" : "VISION_OFF");
	const struct nav_entry *nav = req->staff ? staff_nav : public_nav;
	size_t count = req->staff ? sizeof staff_nav / sizeof staff_nav[0]
				  : sizeof public_nav / sizeof public_nav[0];
	for (size_t i = 0; i < count; i++) {
		if (req->staff && !(nav[i].roles & req->staff->role))
			continue;
		tpl_dict *item = tpl_section_add(layout, "NAV");
		tpl_set(item, "HREF", nav[i].href);
		tpl_set(item, "LABEL", nav[i].label);
		if (nav[i].item == active)
			tpl_section_show(item, "CURRENT");
	}
	if (req->staff) {
		/* On a phone the staff navigation folds into «Разделы: <this section>» (no script:
		 * <details>); on a wider screen style.css shows it open. */
		tpl_dict *menu = tpl_section_add(layout, "STAFF_MENU");
		for (size_t i = 0; i < count; i++)
			if (nav[i].item == active && (nav[i].roles & req->staff->role))
				tpl_set(tpl_section_add(menu, "CURRENT"), "LABEL", nav[i].label);
	}
	if (req->staff) {
		/* Every form of a staff page carries the session's token (checked in request.c). */
		tpl_set_template_global(layout, "CSRF", req->staff->csrf);
		tpl_dict *who = tpl_section_add(layout, "STAFF");
		tpl_set(who, "NAME", req->staff->full_name[0] ? req->staff->full_name : req->staff->login);
		tpl_set(who, "ROLE", auth_role_label(req->staff->role_code));
		/* The body the account works for (issue 18 item 3), when there is more than one. */
		if (req->staff->municipality_id != 0)
			tpl_set(tpl_section_add(who, "BODY"), "BODY_NAME", req->staff->municipality);
		else if (db_municipality_count(&req->worker->db) > 1)
			tpl_set(tpl_section_add(who, "BODY"), "BODY_NAME",
				"все муниципальные образования");
	}
	return tpl_include(layout, "BODY", body_template);
}

enum http_status page_end(struct request *req, enum http_status status)
{
	struct response *r = &req->response;
	buf_clear(&r->body);
	if (!tpl_expand("layout.tpl", req->layout, &r->body)) {
		fprintf(stderr, "rid=%s page rendering failed\n", req->id);
		r->body_ready = false;
		return HTTP_INTERNAL_ERROR;
	}
	r->content_type = "text/html; charset=utf-8";
	response_header(req, "Vary", "Cookie");
	r->body_ready = true;
	return status;
}

static const struct {
	enum http_status status;
	const char *title;
	const char *message;
} error_texts[] = {
	{HTTP_BAD_REQUEST, "Ошибка в запросе",
	 "Сайт не смог разобрать запрос: в адресе или в отправленных данных есть ошибка."},
	{HTTP_FORBIDDEN, "Доступ запрещён",
	 "У вас нет прав на это действие, или форма устарела. Обновите страницу и попробуйте ещё раз."},
	{HTTP_NOT_FOUND, "Страница не найдена",
	 "Такой страницы на сайте нет. Возможно, она была удалена или в адресе есть опечатка."},
	{HTTP_METHOD_NOT_ALLOWED, "Действие не поддерживается",
	 "Эта страница не принимает запросы такого вида. Откройте её по ссылке с сайта."},
	{HTTP_PAYLOAD_TOO_LARGE, "Слишком большой объём данных",
	 "Отправленные данные превышают допустимый размер. Сократите текст или уменьшите вложения."},
	{HTTP_URI_TOO_LONG, "Слишком длинный адрес",
	 "Адрес страницы слишком длинный. Откройте страницу по ссылке с сайта."},
	{HTTP_UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый формат данных",
	 "Сайт не принимает данные в таком формате. Отправьте форму со страницы сайта."},
	{HTTP_UNPROCESSABLE, "Действие невозможно",
	 "Запрос понятен, но выполнить его нельзя. Проверьте данные и попробуйте снова."},
	{HTTP_TOO_MANY_REQUESTS, "Слишком много запросов",
	 "Вы отправили слишком много запросов подряд. Подождите минуту и попробуйте снова."},
	{HTTP_INTERNAL_ERROR, "Внутренняя ошибка сайта",
	 "На сайте произошла ошибка. Она записана в журнал, и мы её исправим. Попробуйте позже."},
	{HTTP_SERVICE_UNAVAILABLE, "Сайт временно недоступен",
	 "Сайт перегружен или обновляется. Попробуйте через несколько минут."},
};

void page_error(struct request *req, enum http_status status)
{
	const char *title = "Ошибка", *message = "";
	for (size_t i = 0; i < sizeof error_texts / sizeof error_texts[0]; i++) {
		if (error_texts[i].status == status) {
			title = error_texts[i].title;
			message = error_texts[i].message;
		}
	}
	tpl_dict *d = page_begin(req, "error.tpl", title, NAV_NONE);
	tpl_set(d, "TITLE", title);
	tpl_set(d, "MESSAGE", message);
	tpl_set_int(d, "STATUS", status);
	tpl_set(d, "REQUEST_ID", req->id);
	if (req->error_detail != NULL)
		tpl_set(tpl_section_add(d, "DETAIL"), "TEXT", req->error_detail);
	if (status == HTTP_BAD_REQUEST && req->invalid_fields > 0) {
		tpl_section_show(d, "FIELD_ERRORS");
		for (int f = 0; f < FIELD__MAX; f++) {
			const struct field_value *v = &req->field[f];
			if (v->state != FIELD_INVALID)
				continue;
			tpl_dict *row = tpl_section_add(d, "FIELD_ERROR");
			tpl_set(row, "LABEL", field_specs[f].label);
			tpl_set(row, "NAME", field_specs[f].name);
			/* A password is never shown back, not even on an error page. */
			tpl_set(row, "VALUE", v->raw && field_specs[f].type != FIELD_TYPE_SECRET ? v->raw : "");
			tpl_set(row, "ERROR", v->error);
		}
	}
	if (page_end(req, status) == HTTP_INTERNAL_ERROR) {
		/* The error page itself failed: say it in plain text rather than nothing. */
		req->response.content_type = "text/plain; charset=utf-8";
		buf_clear(&req->response.body);
		buf_printf(&req->response.body, "%d %s\n", (int)status, title);
	}
	req->response.body_ready = true;
}

/* The dictionary of the {{>FORM_ERRORS}} summary of d, created on the first error. */
static tpl_dict *form_errors(struct request *req, tpl_dict *d)
{
	if (req->form_errors == NULL) {
		req->form_errors = tpl_include(d, "FORM_ERRORS", "form_errors.tpl");
		tpl_section_show(req->form_errors, "FORM_ERRORS");
	}
	return req->form_errors;
}

void page_form_fields(struct request *req, tpl_dict *d)
{
	for (const struct route_field *rf = req->route->fields; rf && rf->field != FIELD__MAX; rf++) {
		const struct field_spec *spec = &field_specs[rf->field];
		const struct field_value *v = &req->field[rf->field];
		if (v->raw != NULL && spec->type != FIELD_TYPE_SECRET)
			tpl_set(d, spec->name, v->raw);
		if (v->state != FIELD_INVALID)
			continue;
		size_t len = strlen(v->error);
		bool has_stop = len > 0 && v->error[len - 1] == '.'; /* "… 27 ноября 2026 г." */
		const char *message = arena_printf(req->arena, "%s: %s%s", spec->label, v->error,
						   has_stop ? "" : ".");
		tpl_set(tpl_section_add(d, arena_printf(req->arena, "%s_error", spec->name)),
			"MESSAGE", message);
		tpl_dict *row = tpl_section_add(form_errors(req, d), "FORM_ERROR");
		tpl_set(row, "MESSAGE", message);
		tpl_set(tpl_section_add(row, "LINK"), "HREF",
			arena_printf(req->arena, "#f-%s", spec->name));
	}
}

int page_municipality_field(struct request *req, tpl_dict *d, bool official)
{
	struct municipality_item *bodies;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &bodies, &count) < 0)
		return -1;
	if (count < 2)
		return 0;
	tpl_dict *f = tpl_section_add(d, "MUNICIPALITY_FIELD");
	/* A staff account scoped to a body is offered that body and its settlements, and its
	 * body is what an appeal without a territory goes to (issue 18 item 3). */
	long long scope = req->staff != NULL ? req->staff->municipality_id : 0;
	const struct municipality_item *own = scope ? db_municipality_find(bodies, count, scope)
						    : db_municipality_own(bodies, count);
	tpl_set(f, "OWN", own ? own->name : bodies[0].name);
	const struct field_value *v = &req->field[FIELD_MUNICIPALITY];
	long long chosen = v->raw != NULL && v->number > 0 ? v->number : 0;
	for (size_t i = 0; i < count; i++) {
		if (scope != 0 && bodies[i].id != scope && bodies[i].district_id != scope)
			continue;
		tpl_dict *o = tpl_section_add(f, "MUNICIPALITY_OPTION");
		tpl_set_int(o, "ID", bodies[i].id);
		tpl_set(o, "NAME", official && bodies[i].official_name[0] ? bodies[i].official_name
									  : bodies[i].name);
		if (bodies[i].id == chosen)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

int page_territory_options(struct request *req, tpl_dict *d, const char *section,
			   long long chosen, struct territory_item **out, size_t *count)
{
	struct territory_item *territories;
	size_t n;
	if (db_territory_tree(&req->worker->db, req->arena, &territories, &n) < 0)
		return -1;
	if (d != NULL)
		page_territory_list_options(req, d, section, territories, n, chosen);
	if (out != NULL) {
		*out = territories;
		*count = n;
	}
	return 0;
}

void page_territory_list_options(struct request *req, tpl_dict *d, const char *section,
				 const struct territory_item *items, size_t count, long long chosen)
{
	static const char *const indents[] = {"", "\u00a0\u00a0", "\u00a0\u00a0\u00a0\u00a0"};
	for (size_t i = 0; i < count; i++) {
		if (!scope_territory_visible(req, items[i].id))
			continue; /* another body's (issue 18): a staff account is offered its own */
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set_int(o, "ID", items[i].id);
		int depth = items[i].depth < 0 ? 0 : items[i].depth > 2 ? 2 : items[i].depth;
		tpl_set(o, "NAME", arena_concat(req->arena, indents[depth], items[i].name));
		if (chosen != 0 && items[i].id == chosen)
			tpl_section_show(o, "SELECTED");
	}
}

tpl_dict *page_tree_row(tpl_dict *d, const char *section, struct page_tree *tree, int depth)
{
	tpl_dict *row = tpl_section_add(d, section);
	if (depth > tree->depth && tree->depth >= 0)
		tpl_section_show(row, "OPEN_LIST");
	else if (tree->depth >= 0)
		tpl_section_show(row, "CLOSE_ITEM");
	for (int k = depth; k < tree->depth; k++)
		tpl_section_add(row, "CLOSE_LIST");
	tree->depth = depth;
	return row;
}

void page_tree_end(tpl_dict *d, const struct page_tree *tree)
{
	if (tree->depth < 0)
		return;
	tpl_dict *tail = tpl_section_add(d, "TREE_END");
	for (int k = 0; k < tree->depth; k++)
		tpl_section_add(tail, "CLOSE_LIST");
}

int page_topic_options(struct request *req, tpl_dict *d, const char *section, const char *chosen)
{
	struct topic_option *topics;
	size_t count;
	if (db_topic_options(&req->worker->db, req->arena, &topics, &count) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		tpl_dict *o = tpl_section_add(d, section);
		tpl_set(o, "CODE", topics[i].code);
		tpl_set(o, "NAME", arena_printf(req->arena, "%s%s — %s",
						topics[i].level > 2 ? "\u00a0\u00a0" : "",
						topics[i].code, topics[i].name));
		if (chosen && strcmp(chosen, topics[i].code) == 0)
			tpl_section_show(o, "SELECTED");
	}
	return 0;
}

bool page_topic_known(struct request *req, const char *code)
{
	return db_topic_active(&req->worker->db, code) == 1;
}

void page_bind_period(struct request *req, sqlite3_stmt *s, int from_param, int to_param)
{
	const struct field_value *from = &req->field[FIELD_FROM], *to = &req->field[FIELD_TO];
	if (from->state == FIELD_VALID)
		sqlite3_bind_int64(s, from_param, (sqlite3_int64)tz_local_to_utc(from->date, 0, 0));
	if (to->state == FIELD_VALID)
		sqlite3_bind_int64(s, to_param, (sqlite3_int64)tz_local_to_utc(
						       civil_date_add_days(to->date, 1), 0, 0));
}

void page_reject(struct request *req, enum field f, const char *reason)
{
	if (req->field[f].state == FIELD_INVALID)
		return;
	req->field[f].state = FIELD_INVALID;
	req->field[f].error = reason;
	req->invalid_fields++;
}

void page_set_calendar_links(struct request *req, tpl_dict *d, const char *prefix)
{
	const char *url = req->worker->cfg->site_url;
	const char *rest = strstr(url, "://");
	tpl_set(d, "WEBCAL_URL",
		arena_printf(req->arena, "webcal://%s%s%s", rest ? rest + 3 : url, prefix,
			     prefix[0] ? "/calendar.ics" : "/meetings.ics"));
}

void page_form_error(struct request *req, tpl_dict *d, const char *message)
{
	tpl_set(tpl_section_add(form_errors(req, d), "FORM_ERROR"), "MESSAGE", message);
}

void page_set_datetime(tpl_dict *d, const char *key, time_t t)
{
	/* The last moment written is kept formatted: a page often shows one twice in a row (an
	 * appeal's registration and its first step: 50 of the account page's 150 dates). A worker
	 * is one thread in one zone. */
	static time_t last = (time_t)-1;
	static char text[64], iso[40];
	if (t != last) {
		struct tm tm;
		tz_utc_to_local(t, &tm);
		ru_format_datetime(text, sizeof text, &tm);
		ru_format_iso_minute(iso, sizeof iso, &tm);
		last = t;
	}
	char iso_key[64];
	size_t key_len = strlen(key);
	if (key_len + sizeof "_ISO" > sizeof iso_key)
		key_len = sizeof iso_key - sizeof "_ISO";
	memcpy(iso_key, key, key_len);
	memcpy(iso_key + key_len, "_ISO", sizeof "_ISO");
	tpl_set(d, key, text);
	tpl_set(d, iso_key, iso);
}

void page_set_date(tpl_dict *d, const char *key, time_t t)
{
	struct tm tm;
	tz_utc_to_local(t, &tm);
	char text[48];
	ru_format_date(text, sizeof text, &tm);
	tpl_set(d, key, text);
}

const char *page_date_words(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%d %s %d г.", d.day, ru_month_genitive(d.month), d.year);
}

const char *page_date_iso(struct request *req, struct civil_date d)
{
	return arena_printf(req->arena, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void page_no_mail_server(struct request *req, tpl_dict *d, long long unsent)
{
	tpl_dict *notice = tpl_section_add(d, "NO_MAIL_SERVER");
	tpl_set(notice, "UNSENT",
		unsent == 0 ? "Писем в очереди сейчас нет."
			    : arena_printf(req->arena, "%lld %s", unsent,
					   ru_plural(unsent,
						     "письмо ждёт отправки и уйдёт, когда сервер "
						     "будет указан.",
						     "письма ждут отправки и уйдут, когда сервер "
						     "будет указан.",
						     "писем ждут отправки и уйдут, когда сервер "
						     "будет указан.")));
}

const char *page_field_text(const struct request *req, enum field f)
{
	const struct field_value *v = &req->field[f];
	return v->state == FIELD_VALID && v->text != NULL ? v->text : "";
}

void page_append_encoded(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			buf_append(b, p, 1);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			buf_append(b, e, 3);
		}
	}
}

const char *page_query_with_page(struct request *req, long long page)
{
	struct buf b;
	buf_init(&b, req->arena);
	buf_puts(&b, "?");
	for (size_t i = 0; i < req->query.count; i++) {
		const struct param *p = &req->query.items[i];
		if (strcmp(p->name, "page") == 0 || p->value_len == 0)
			continue;
		page_append_encoded(&b, p->name);
		buf_puts(&b, "=");
		page_append_encoded(&b, p->value);
		buf_puts(&b, "&");
	}
	buf_printf(&b, "page=%lld", page);
	return b.data;
}

enum http_status page_send_stored_file(struct request *req, const char *name, const char *mime,
				       const char *sha256)
{
	FILE *f = fopen(arena_printf(req->arena, "%s/%s", req->worker->cfg->uploads_dir, sha256), "rb");
	if (f == NULL)
		return HTTP_NOT_FOUND;
	char chunk[16384];
	size_t n;
	buf_clear(&req->response.body);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&req->response.body, chunk, n);
	fclose(f);
	/* Rows stored before names took the detected type's extension are served the same way. */
	size_t name_size = strlen(name) + 16;
	char *safe = arena_alloc(req->arena, name_size);
	upload_safe_name(name, mime, safe, name_size);
	struct buf disposition;
	buf_init(&disposition, req->arena);
	buf_puts(&disposition, "attachment; filename*=UTF-8''");
	page_append_encoded(&disposition, safe);
	response_header(req, "Content-Disposition", disposition.data);
	response_header(req, "X-Content-Type-Options", "nosniff");
	response_header(req, "Cache-Control", "private, no-store");
	req->response.content_type = mime;
	req->response.body_ready = true;
	return HTTP_OK;
}
