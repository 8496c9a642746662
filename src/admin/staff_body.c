/* staff_body.c — the body a staff account's new record belongs to and the reference groups a
 * record may name (issue 18 item 2; see staff_body.h). */
#include "staff_body.h"

#include "db_municipality.h"
#include "db_reference.h"
#include "page.h"
#include "scope.h"
#include "worker.h"

int staff_new_record_body(struct request *req, long long *out)
{
	struct municipality_item *bodies;
	size_t count;
	if (db_municipality_list(&req->worker->db, req->arena, &bodies, &count) < 0)
		return -1;
	*out = 0;
	const struct field_value *v = &req->field[FIELD_MUNICIPALITY];
	if (v->state == FIELD_VALID) {
		if (db_municipality_find(bodies, count, v->number) == NULL)
			page_reject(req, FIELD_MUNICIPALITY, "выберите из списка");
		else
			*out = v->number;
		return 0;
	}
	if (v->state == FIELD_INVALID)
		return 0;
	if (!scope_is_installation(req)) {
		*out = scope_bind_value(req);
		return 0;
	}
	const struct municipality_item *own = db_municipality_own(bodies, count);
	*out = own != NULL ? own->id : (count > 0 ? bodies[0].id : 1);
	return 0;
}

int staff_body_field(struct request *req, tpl_dict *d)
{
	if (!scope_is_installation(req) && req->field[FIELD_MUNICIPALITY].state != FIELD_INVALID) {
		struct municipality_item *bodies;
		size_t count;
		if (db_municipality_list(&req->worker->db, req->arena, &bodies, &count) < 0)
			return -1;
		long long scope = scope_bind_value(req);
		bool settlements = false;
		for (size_t i = 0; i < count; i++)
			settlements = settlements || bodies[i].district_id == scope;
		if (!settlements)
			return 0;
	}
	return page_municipality_field(req, d, false);
}

int staff_reference_groups_check(struct request *req, long long territory, long long meeting,
				 long long body)
{
	const struct field_value *chosen = &req->field[FIELD_REFERENCE_GROUP];
	for (size_t k = 0; k < chosen->id_count; k++) {
		int rc = db_refgroup_usable(&req->worker->db, chosen->ids[k], territory, meeting,
					    body);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			page_reject(req, FIELD_REFERENCE_GROUP,
				    "выберите референтные группы муниципального образования, "
				    "которому принадлежит запись, или его района");
			return 0;
		}
	}
	return 0;
}
