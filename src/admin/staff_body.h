/* staff_body.h — the body (municipality) a staff account's new record belongs to, and the check
 * of the reference groups a record's form names (issue 18 item 2). */
#ifndef PORTAL_STAFF_BODY_H
#define PORTAL_STAFF_BODY_H

#include <stdbool.h>

#include "http.h"
#include "template.h"

/* The municipality a new record of the request's account is for: the municipality field when
 * it names one (an unknown one is rejected beside the field; another body's was refused by
 * scope_check_fields), else the account's body, else the own municipality. Sets *out (0 when
 * the field was rejected). 0, or -1 on a database error. */
int staff_new_record_body(struct request *req, long long *out);

/* The choice of the body a new record is for (page_municipality_field: MUNICIPALITY_FIELD…)
 * in d, only when the account has more than one body to choose from (an account of the whole
 * installation serving several municipalities, or a district's with settlements) or the field
 * came back refused. -1 on a database error. */
int staff_body_field(struct request *req, tpl_dict *d);

/* Check each reference group of the form's reference_group field against the record's body:
 * the municipality of territory, else of meeting, else body, else the own one (0 for each
 * absent); a group of another body (not the record's and not its district's) is rejected
 * beside the field. 0, or -1 on a database error. */
int staff_reference_groups_check(struct request *req, long long territory, long long meeting,
				 long long body);

#endif
