/* scope.c — staff accounts scoped to bodies (issue 18 item 3): whether the account's
 * municipality, or the district it heads, owns what a staff request names (see scope.h). */
#include "scope.h"

#include "auth.h"
#include "db_scope.h"
#include "worker.h"

long long scope_bind_value(const struct request *req)
{
	return req->staff != NULL ? req->staff->municipality_id : 0;
}

bool scope_is_installation(const struct request *req)
{
	return scope_bind_value(req) == 0;
}

/* The statement of each kind of record: (record id, municipality) → a row when owned. */
static const enum stmt owner_statements[ROUTE_OWNER__MAX] = {
	[ROUTE_OWNER_MEETING] = STMT_SCOPE_MEETING,
	[ROUTE_OWNER_APPEAL] = STMT_SCOPE_APPEAL,
	[ROUTE_OWNER_APPEAL_FILE] = STMT_SCOPE_APPEAL_FILE,
	[ROUTE_OWNER_INSTRUCTION] = STMT_SCOPE_INSTRUCTION,
	[ROUTE_OWNER_SERIES] = STMT_SCOPE_SERIES,
	[ROUTE_OWNER_RECEPTION_SCHEDULE] = STMT_SCOPE_RECEPTION_SCHEDULE,
	[ROUTE_OWNER_BOOKING] = STMT_SCOPE_BOOKING,
	[ROUTE_OWNER_TERRITORY] = STMT_SCOPE_TERRITORY,
	[ROUTE_OWNER_MUNICIPALITY] = STMT_SCOPE_MUNICIPALITY,
	[ROUTE_OWNER_GROUP] = STMT_SCOPE_GROUP,
	[ROUTE_OWNER_VENUE] = STMT_SCOPE_VENUE,
	[ROUTE_OWNER_DISCUSSION] = STMT_SCOPE_DISCUSSION,
	[ROUTE_OWNER_PROPOSAL] = STMT_SCOPE_PROPOSAL,
	[ROUTE_OWNER_SURVEY] = STMT_SCOPE_SURVEY,
	[ROUTE_OWNER_OUTBOX] = STMT_SCOPE_OUTBOX,
	[ROUTE_OWNER_REFERENCE_GROUP] = STMT_SCOPE_REFERENCE_GROUP,
	[ROUTE_OWNER_PLAN_MEASURE] = STMT_SCOPE_PLAN_MEASURE,
	[ROUTE_OWNER_PLAN_RECORD] = STMT_SCOPE_PLAN_RECORD,
	[ROUTE_OWNER_MEDIA_CONTACT] = STMT_SCOPE_MEDIA_CONTACT,
};

int scope_owns(struct request *req, enum route_owner owner, long long id)
{
	long long body = scope_bind_value(req);
	if (body == 0 || owner == ROUTE_OWNER_NONE)
		return 1;
	sqlite3_stmt *s = db_stmt(&req->worker->db, owner_statements[owner]);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, body);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	db_log_error(&req->worker->db, "scope of a record");
	return -1;
}

/* The territories of the request's body, by id, read at the first call (arena). */
struct scope_territories {
	long long *ids;
	size_t count;
};

/* Binary search of a sorted list. */
static bool ids_contain(const long long *ids, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] == id)
			return true;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool scope_territory_visible(struct request *req, long long id)
{
	long long body = scope_bind_value(req);
	if (body == 0)
		return true;
	static struct scope_territories none;
	struct scope_territories *t = req->scope_territories;
	if (t == NULL) {
		t = arena_calloc(req->arena, 1, sizeof *t);
		if (db_scope_territories(&req->worker->db, req->arena, body, &t->ids, &t->count) < 0)
			t = &none; /* offers nothing; the field check still decides */
		req->scope_territories = t;
	}
	return ids_contain(t->ids, t->count, id);
}

/* The fields that name a record a municipality owns, with the reason shown beside a field whose
 * record is another body's. */
static const struct {
	enum field field;
	enum route_owner owner;
	const char *reason;
} owned_fields[] = {
	{FIELD_TERRITORY, ROUTE_OWNER_TERRITORY,
	 "выберите территорию муниципального образования, с которым вы работаете"},
	{FIELD_PARENT, ROUTE_OWNER_TERRITORY,
	 "выберите территорию муниципального образования, с которым вы работаете"},
	{FIELD_MEETING, ROUTE_OWNER_MEETING,
	 "выберите встречу муниципального образования, с которым вы работаете"},
	{FIELD_MUNICIPALITY, ROUTE_OWNER_MUNICIPALITY,
	 "выберите муниципальное образование, с которым вы работаете"},
	{FIELD_VENUE, ROUTE_OWNER_VENUE,
	 "выберите место муниципального образования, с которым вы работаете"},
	{FIELD_STOP_VENUE, ROUTE_OWNER_VENUE,
	 "выберите места муниципального образования, с которым вы работаете"},
	{FIELD_GROUP, ROUTE_OWNER_GROUP,
	 "выберите информационную группу муниципального образования, с которым вы "
	 "работаете"},
	{FIELD_BOOKING, ROUTE_OWNER_BOOKING,
	 "это запись на приём другого муниципального образования"},
};

/* Check one validated value; 1 owned, 0 not, -1 database error. */
static int field_owned(struct request *req, enum route_owner owner, const struct field_value *v)
{
	if (v->state != FIELD_VALID)
		return 1;
	if (v->ids != NULL) {
		for (size_t i = 0; i < v->id_count; i++) {
			int rc = scope_owns(req, owner, v->ids[i]);
			if (rc != 1)
				return rc;
		}
		return 1;
	}
	return scope_owns(req, owner, v->number);
}

enum http_status scope_check_route(struct request *req)
{
	const struct route *r = req->route;
	if (r->roles == 0 || req->staff == NULL || scope_is_installation(req))
		return HTTP_OK;
	if (r->owner != ROUTE_OWNER_NONE) {
		int rc = scope_owns(req, r->owner, req->path_id);
		if (rc < 0)
			return HTTP_INTERNAL_ERROR;
		if (rc == 0)
			return HTTP_NOT_FOUND; /* not 403: another body's record is not revealed */
	}
	if (r->flags & ROUTE_INSTALLATION) {
		req->error_detail = "Эта страница доступна только сотрудникам, работающим со всеми "
				    "муниципальными образованиями.";
		return HTTP_FORBIDDEN;
	}
	return HTTP_OK;
}

enum http_status scope_check_fields(struct request *req)
{
	const struct route *r = req->route;
	if (r->roles == 0 || req->staff == NULL || scope_is_installation(req))
		return HTTP_OK;
	for (size_t i = 0; i < sizeof owned_fields / sizeof owned_fields[0]; i++) {
		struct field_value *v = &req->field[owned_fields[i].field];
		int rc = field_owned(req, owned_fields[i].owner, v);
		if (rc < 0)
			return HTTP_INTERNAL_ERROR;
		if (rc == 1)
			continue;
		/* A form (a POST, or a GET form such as a report's) that shows its errors. */
		if (!(r->flags & ROUTE_FORM_ERRORS_TO_HANDLER))
			return HTTP_NOT_FOUND;
		v->state = FIELD_INVALID;
		v->error = owned_fields[i].reason;
		req->invalid_fields++;
	}
	return HTTP_OK;
}
