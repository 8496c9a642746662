/* staff_body.h — the body (municipality) a staff account's new record belongs to, and the check
 * of the reference groups a record's form names (issue 18 item 2). */
#ifndef PORTAL_STAFF_BODY_H
#define PORTAL_STAFF_BODY_H

#include "http.h"

/* The municipality a new record of the request's account is for: the municipality field when
 * it names one (an unknown one is rejected beside the field; another body's was refused by
 * scope_check_fields), else the account's body, else the own municipality. Sets *out (0 when
 * the field was rejected). 0, or -1 on a database error. */
int staff_new_record_body(struct request *req, long long *out);

/* Check each reference group of the form's reference_group field against the record's body:
 * the municipality of territory, else of meeting, else body, else the own one (0 for each
 * absent); a group of another body (not the record's and not its district's) is rejected
 * beside the field. 0, or -1 on a database error. */
int staff_reference_groups_check(struct request *req, long long territory, long long meeting,
				 long long body);

#endif
