/* meeting_informed.h — who of a meeting's invitees and the holding group's members was told of it
 * and how (regulation № 44 on information groups §3.6.3): the announcement mail, or a phone call
 * marked on the meeting's page; those still to be told make the call list. */
#ifndef PORTAL_MEETING_INFORMED_H
#define PORTAL_MEETING_INFORMED_H

#include <stdbool.h>

#include "http.h"
#include "template.h"

/* The section INFORMED of the staff meeting page d (admin_meeting_informed.tpl) for meeting id:
 * each person with how they were told, and the call list; may_mark adds the «Сообщено» buttons.
 * announced: the meeting's announcement has gone out (mail is due only after it). Nothing when
 * the meeting has neither invitees nor a group. 0, or -1 on a database error. */
int meeting_informed_fill(struct request *req, tpl_dict *d, long long id, bool announced,
			  bool may_mark);

/* Whether person is one of meeting id's invitees or holding group's members: 1 yes, 0 no, -1 on
 * a database error. */
int meeting_informed_concerns(struct request *req, long long id, long long person);

#endif
