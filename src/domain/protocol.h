/* protocol.h — what the protocols of meetings and the control of instructions share between the
 * staff pages, the public pages and the notifier: the handover due date of a protocol (working
 * days after the meeting, for the kinds whose act sets it: regulation № 44 on information groups
 * §3.6.9), the Russian names of instruction statuses and the check of the photo and video links. */
#ifndef PORTAL_PROTOCOL_H
#define PORTAL_PROTOCOL_H

#include <stdbool.h>

#include "civil_time.h"
#include "workdays.h"

/* Instructions due within this many days are "due soon". */
#define INSTRUCTION_SOON_DAYS 3

/* The last day the protocol of a meeting held on local day held may be handed over, workdays
 * working days later (meeting_kind.protocol_handover_days: 5 for a field meeting of an
 * information group, regulation № 44 on information groups §3.6.9). Only for a kind whose act sets
 * a deadline (workdays > 0). */
struct civil_date protocol_handover_due(const struct workcal *cal, struct civil_date held,
					int workdays, int *uncovered);

/* «назначено», «в работе»…; NULL for an unknown status code. */
const char *instruction_status_label(const char *status);

/* True for a status still awaiting the executor's work (assigned, in_progress, returned). */
bool instruction_status_open(const char *status);

/* True when url is an absolute http or https URL with a host (libcurl's URL parser). */
bool protocol_url_valid(const char *url);

#endif
