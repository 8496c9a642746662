/* place_agreement.h — the agreed place of an information group's field meeting (regulation № 44 on
 * information groups §3.6.2), shown on the staff meeting page and the staff home page
 * (page_admin_place.c). */
#ifndef PORTAL_PLACE_AGREEMENT_H
#define PORTAL_PLACE_AGREEMENT_H

#include "http.h"
#include "template.h"

/* Days before a publication deadline from which an unagreed place is listed. */
#define PLACE_WARNING_DAYS 7

/* For a field meeting of an information group: the section PLACE_AGREEMENT (AGREED with AT,
 * BY, WITH, or NOT_AGREED) and, for a coming one and a role that may, PLACE_AGREEMENT_ACTION.
 * Nothing for another kind. 0, or -1 on a database error. */
int place_agreement_fill(struct request *req, tpl_dict *d, long long meeting_id);

/* Rows UNAGREED (ID, TITLE, STARTS, DEADLINE, MISSED) and HAS_UNAGREED: the coming field meetings
 * whose place is not agreed and whose publication deadline is at most warning_days away or
 * past. 0, or -1 on a database error. */
int place_unagreed_fill(struct request *req, tpl_dict *d, int warning_days);

#endif
