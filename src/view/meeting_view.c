/* meeting_view.c — residents' view of a meeting (see meeting_view.h). */
#include "meeting_view.h"

#include <string.h>

#include "civil_time.h"
#include "page.h"
#include "ru.h"

static bool is_over(const struct meeting_summary *m, time_t now)
{
	return m->ends_at < now;
}

const char *meeting_status_label(const struct meeting_summary *m, time_t now)
{
	if (strcmp(m->status, "held") == 0)
		return "Состоялась";
	if (strcmp(m->status, "cancelled") == 0)
		return "Отменена";
	if (is_over(m, now))
		return "Завершена";
	if (strcmp(m->status, "postponed") == 0)
		return "Перенесена";
	return m->announced ? "Объявлена" : "Назначена";
}

const char *meeting_status_class(const struct meeting_summary *m, time_t now)
{
	if (strcmp(m->status, "held") == 0)
		return "status-held";
	if (strcmp(m->status, "cancelled") == 0)
		return "status-cancelled";
	if (is_over(m, now))
		return "status-over";
	if (strcmp(m->status, "postponed") == 0)
		return "status-postponed";
	return "status-planned";
}

const char *meeting_place(struct arena *a, const struct meeting_summary *m)
{
	if (m->venue_name[0] == '\0')
		return "Место уточняется";
	return arena_printf(a, "%s, %s", m->venue_name, m->venue_address);
}

void meeting_fill_summary(tpl_dict *d, const struct meeting_summary *m,
			  time_t now)
{
	tpl_set_int(d, "ID", m->id);
	tpl_set(d, "TITLE", m->title);
	tpl_set(d, "KIND_NAME", m->kind_name);
	tpl_set(d, "STATUS_LABEL", meeting_status_label(m, now));
	tpl_set(d, "STATUS_CLASS", meeting_status_class(m, now));
	tpl_set(d, "TERRITORY", m->territory_name);
	tpl_set(d, "VENUE_NAME", m->venue_name[0] ? m->venue_name : "Место уточняется");
	tpl_set(d, "VENUE_ADDRESS", m->venue_address);
	page_set_datetime(d, "STARTS", m->starts_at);

	struct tm start, end;
	tz_utc_to_local(m->starts_at, &start);
	tz_utc_to_local(m->ends_at, &end);
	char time_text[16];
	ru_format_time(time_text, sizeof time_text, &end);
	tpl_set(d, "ENDS_TIME", time_text);
	tpl_set(d, "WEEKDAY", ru_weekday(start.tm_wday));
	if (m->was_postponed && strcmp(m->status, "postponed") == 0) {
		tpl_dict *p = tpl_section_add(d, "POSTPONED");
		page_set_datetime(p, "FROM", m->postponed_from);
	}
	if (strcmp(m->status, "cancelled") == 0)
		tpl_section_show(d, "CANCELLED");
}
