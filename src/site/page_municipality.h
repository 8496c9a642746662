/* page_municipality.h — what the home page borrows from the municipality pages (issue 18). */
#ifndef PORTAL_PAGE_MUNICIPALITY_H
#define PORTAL_PAGE_MUNICIPALITY_H

#include "http.h"
#include "template.h"

/* When the portal serves more than one municipality: a SETTLEMENTS section in d with the
 * district's name and page (DISTRICT, DISTRICT_SLUG) and one SETTLEMENT card per settlement
 * (municipality_card.tpl's fields). Nothing for a single municipality. 0, or -1 on a database
 * error. */
int page_municipality_home_list(struct request *req, tpl_dict *d);

#endif
