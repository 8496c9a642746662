/* report_plan.h — the plan of measures in the compliance report: its fulfilment per measure and
 * period, and what is missing. */
#ifndef PORTAL_REPORT_PLAN_H
#define PORTAL_REPORT_PLAN_H

#include "report.h"

/* Add to r the tables «План мероприятий: исполнение по периодам» (every period of every measure
 * in local dates [from, to] that has begun, with its state and evidence) and «План мероприятий:
 * не выполнено» (the periods that ended without evidence, with the responsible units). counts
 * gets the periods fulfilled, missing and pending (enum plan_state order). The plan is the
 * report's municipality's (r->body), or the own municipality's for the whole installation; a
 * body without measures adds no table. 1 when tables were added, 0 when the body has no
 * measures, -1 on a database error. */
int report_plan_tables(struct report *r, struct civil_date from, struct civil_date to,
		       long long counts[3]);

#endif
