/* publication.h — the proof of publication (issue 6, item 6): for a meeting, each announcement of
 * its place and time (the first one, changes, a cancellation) with the channels it went out on and
 * when each delivered, how many days ahead of the meeting, and whether the 5-day rule was kept.
 * Shown on the staff meeting page and, channel by channel, in the media plan. */
#ifndef PORTAL_PUBLICATION_H
#define PORTAL_PUBLICATION_H

#include <time.h>

#include "http.h"
#include "template.h"

/* The Russian name of an announcement kind: «Объявление», «Изменение», «Отмена». */
const char *publication_kind_label(const char *kind);

/* Whole local days from the day of published_at to the day of starts_at, in the municipality's
 * zone (published on the 22nd for the 27th: 5). */
int publication_days_ahead(time_t published_at, time_t starts_at);

/* Add one CHANNEL section to d per channel announcement_id went out on, site first: NAME, STATE
 * («доставлено 11 марта 2026 г., 18:05», «отправлено 2 из 3», «не доставлено: 1 в списке
 * ошибок»), and DELIVERED or PENDING. -1 on a database error. */
int publication_channels(struct request *req, tpl_dict *d, long long announcement_id,
			 time_t published_at);

/* Fill the {{>PUBLICATION}} include of d (admin_publication.tpl) with every announcement of
 * meeting_id, oldest first, or the note that it has not been published. -1 on a database
 * error. */
int publication_fill(struct request *req, tpl_dict *d, long long meeting_id);

#endif
