/* meeting_view.h — how a meeting is shown to residents: status in words, date and place, the
 * card used on the home page and in the schedule. Shared by the HTML pages and iCalendar. */
#ifndef PORTAL_MEETING_VIEW_H
#define PORTAL_MEETING_VIEW_H

#include <time.h>

#include "db_meeting.h"
#include "template.h"

/* The status as a resident reads it («Объявлена», «Перенесена», «Отменена», «Состоялась»…) and
 * a stable class name for styling (status-held…). now decides whether it is over. */
const char *meeting_status_label(const struct meeting_summary *m, time_t now);
const char *meeting_status_class(const struct meeting_summary *m, time_t now);

/* «Дом культуры «Современник», ул. Политехническая, 15» or «Место уточняется». */
const char *meeting_place(struct arena *a, const struct meeting_summary *m);

/* Fill a dictionary of meeting_card.tpl (or the top of meeting.tpl) from a summary. */
void meeting_fill_summary(tpl_dict *d, const struct meeting_summary *m,
			  time_t now);

#endif
