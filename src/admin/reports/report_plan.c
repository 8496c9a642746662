/* report_plan.c — the plan of measures in the compliance report (see report_plan.h). */
#include "report_plan.h"

#include "db_municipality.h"
#include "plan_status.h"
#include "worker.h"

int report_plan_tables(struct report *r, struct civil_date from, struct civil_date to,
		       long long counts[3])
{
	struct request *req = r->req;
	counts[0] = counts[1] = counts[2] = 0;
	/* The plan of the report's municipality; a report of the whole installation shows the
	 * own municipality's (plans are never summed over bodies). */
	long long body = r->body;
	if (body == 0) {
		struct municipality_item *bodies;
		size_t body_count;
		if (db_municipality_list(&req->worker->db, req->arena, &bodies, &body_count) < 0)
			return -1;
		const struct municipality_item *own = db_municipality_own(bodies, body_count);
		body = own != NULL ? own->id : -1;
	}
	struct plan_measure *m;
	size_t n;
	if (plan_measures_load(req, 0, body, &m, &n) < 0)
		return -1;
	if (n == 0)
		return 0;
	size_t all_index = r->table_count;
	struct report_table *t =
		report_table_add(r, "plan", "План мероприятий: исполнение по периодам", -1, "Пункт",
				 "Мероприятие", "Период", "Состояние", "Подтверждение", NULL);
	t->note = "Подтверждения портал находит сам (проведённая встреча нужного вида, завершённое "
		  "обсуждение с заключением) или их вносят отметкой с документом. Постоянные "
		  "мероприятия по периодам не проверяются; периоды, которые ещё не начались, не "
		  "показаны.";
	t->page_limit = 500;
	size_t missing_index = r->table_count;
	t = report_table_add(r, "plan-missing", "План мероприятий: не выполнено", -1, "Пункт",
			     "Мероприятие", "Период", "Ответственные", NULL);
	t->note = "Периоды, которые закончились без подтверждения.";
	t->page_limit = 500;
	for (size_t i = 0; i < n; i++) {
		struct plan_period_status *p;
		struct plan_evidence *e;
		size_t pn, en;
		if (plan_measure_status(req, &m[i], from, to, &p, &pn, &e, &en) < 0)
			return -1;
		for (size_t k = 0; k < pn; k++) {
			counts[p[k].state]++;
			REPORT_ROW(r, &r->tables[all_index], report_text(m[i].item),
				   report_text(m[i].text), report_text(p[k].label),
				   report_text(plan_state_label(p[k].state)),
				   report_text(p[k].first ? plan_evidence_words(req, p[k].first)
							  : ""));
			if (p[k].state == PLAN_MISSING)
				REPORT_ROW(r, &r->tables[missing_index], report_text(m[i].item),
					   report_text(m[i].text), report_text(p[k].label),
					   report_text(m[i].units));
		}
	}
	return 1;
}
