/* pages.h — the handlers behind the route table (routes.c), one file per area of the site:
 * page_home.c, page_meetings.c, page_calendar.c, page_system.c, page_press.c (the press office's
 * public pages and the Atom feed), page_subscribe.c, page_appeals.c; staff pages in
 * page_admin*.c (reference data: page_admin_territories.c, _topics.c, _venues.c, _people.c,
 * _groups.c, _reference_groups.c, _calendar.c).
 * Each has a contract comment. */
#ifndef PORTAL_PAGES_H
#define PORTAL_PAGES_H

#include "http.h"

enum http_status page_home(struct request *req);
enum http_status page_municipality(struct request *req);
enum http_status page_municipality_appeal(struct request *req);
enum http_status page_meetings_list(struct request *req);
enum http_status page_meeting_show(struct request *req);
enum http_status page_calendar_all(struct request *req);
enum http_status page_calendar_one(struct request *req);
enum http_status page_healthz(struct request *req);
enum http_status page_vision(struct request *req);
enum http_status page_error_by_code(struct request *req);
enum http_status page_press(struct request *req);
enum http_status page_press_show(struct request *req);
enum http_status page_feed(struct request *req);

enum http_status page_appeal_new(struct request *req);
enum http_status page_appeals_index(struct request *req);
enum http_status page_calendar_subscribe(struct request *req);
enum http_status page_admin_meeting_informed(struct request *req);
enum http_status page_appeal_create(struct request *req);
enum http_status page_appeal_received(struct request *req);
enum http_status page_appeal_status_form(struct request *req);
enum http_status page_appeal_status(struct request *req);
/* The course of an appeal (db_appeal.h) as the EXTENDED, FORWARDED and ANSWER sections of d
 * (page_appeals.c; the applicant's pages and the staff page). */
struct tpl_dict;
struct appeal_course;
void appeal_course_fill(struct request *req, struct tpl_dict *d, const struct appeal_course *c);
enum http_status page_answers(struct request *req);
/* Residents (page_account.c). */
enum http_status page_account_login(struct request *req);
enum http_status page_account_login_esia(struct request *req);
enum http_status page_account_callback(struct request *req);
enum http_status page_account_login_email(struct request *req);
enum http_status page_account_login_code(struct request *req);
enum http_status page_account_logout(struct request *req);
enum http_status page_account(struct request *req);
enum http_status page_account_verdict(struct request *req);
/* page_discussions.c: public discussions of drafts (issue 20). */
enum http_status page_discussions(struct request *req);
enum http_status page_discussion(struct request *req);
enum http_status page_discussion_propose(struct request *req);
enum http_status page_discussion_sent(struct request *req);
enum http_status page_discussion_file(struct request *req);
enum http_status page_discussion_link(struct request *req);
enum http_status page_discussion_link_propose(struct request *req);

/* page_surveys.c: surveys of residents (issue 20). */
enum http_status page_surveys(struct request *req);
enum http_status page_survey(struct request *req);
enum http_status page_survey_csv(struct request *req);
enum http_status page_survey_respond(struct request *req);
enum http_status page_survey_sent(struct request *req);
enum http_status page_survey_link(struct request *req);
enum http_status page_survey_link_respond(struct request *req);
enum http_status page_account_subscribe(struct request *req);
enum http_status page_account_unsubscribe(struct request *req);
enum http_status page_account_data(struct request *req);
enum http_status page_account_file(struct request *req);
enum http_status page_account_close(struct request *req);
enum http_status page_account_closed(struct request *req);
enum http_status page_privacy(struct request *req);
/* The published answers (of one meeting, or all when meeting is 0) as section rows of d; their
 * number, or -1. Also for the meeting's page. */
struct tpl_dict;
int page_answers_fill(struct request *req, struct tpl_dict *d, const char *section,
		      long long meeting, int limit);
enum http_status page_subscribe_form(struct request *req);
enum http_status page_subscribe(struct request *req);
enum http_status page_subscribe_sent(struct request *req);
enum http_status page_subscribe_confirm_form(struct request *req);
enum http_status page_subscribe_confirm(struct request *req);
enum http_status page_unsubscribe_form(struct request *req);
enum http_status page_unsubscribe(struct request *req);
/* page_reference_unsubscribe.c: a reference-group participant withdraws consent to the mail. */
enum http_status page_reference_unsubscribe_form(struct request *req);
enum http_status page_reference_unsubscribe(struct request *req);

enum http_status page_admin_login_form(struct request *req);
enum http_status page_admin_login(struct request *req);
enum http_status page_admin_logout(struct request *req);
enum http_status page_admin_home(struct request *req);
enum http_status page_admin_password_form(struct request *req);
enum http_status page_admin_password(struct request *req);
enum http_status page_admin_users(struct request *req);
enum http_status page_admin_user_create(struct request *req);
enum http_status page_admin_user(struct request *req);
enum http_status page_admin_user_update(struct request *req);
enum http_status page_admin_user_disable(struct request *req);
enum http_status page_admin_user_enable(struct request *req);
enum http_status page_admin_audit(struct request *req);
enum http_status page_admin_meetings(struct request *req);
enum http_status page_admin_meeting_new(struct request *req);
enum http_status page_admin_meeting_create(struct request *req);
enum http_status page_admin_meeting(struct request *req);
enum http_status page_admin_meeting_update(struct request *req);
enum http_status page_admin_meeting_approve(struct request *req);
enum http_status page_admin_meeting_cancel(struct request *req);
enum http_status page_admin_meeting_postpone(struct request *req);
enum http_status page_admin_meeting_held(struct request *req);
enum http_status page_admin_meeting_police(struct request *req);
/* The meeting page of the path again with the request's errors beside the fields (status),
 * for the actions of other files (page_admin_place.c); 404 for an unknown meeting. */
enum http_status page_admin_meeting_refused(struct request *req, enum http_status status);
enum http_status page_admin_meeting_place(struct request *req);
enum http_status page_admin_series_list(struct request *req);
enum http_status page_admin_series_new(struct request *req);
enum http_status page_admin_series_create(struct request *req);
enum http_status page_admin_series_show(struct request *req);

/* Personal receptions (issue 17): page_admin_receptions.c for staff, page_receptions.c for
 * residents. */
enum http_status page_admin_receptions(struct request *req);
enum http_status page_admin_reception_new(struct request *req);
enum http_status page_admin_reception_create(struct request *req);
enum http_status page_admin_reception_schedule(struct request *req);
enum http_status page_admin_reception_schedule_update(struct request *req);
enum http_status page_admin_reception_december(struct request *req);
enum http_status page_admin_reception_queue(struct request *req);
enum http_status page_admin_reception_book(struct request *req);
enum http_status page_admin_booking_visit(struct request *req);
enum http_status page_admin_booking_cancel(struct request *req);
enum http_status page_reception_show(struct request *req);
enum http_status page_reception_book(struct request *req);
enum http_status page_reception_wait(struct request *req);
enum http_status page_reception_cancel_form(struct request *req);
enum http_status page_reception_cancel(struct request *req);
enum http_status page_account_bookings(struct request *req);
enum http_status page_account_booking(struct request *req);
enum http_status page_account_booking_ics(struct request *req);
enum http_status page_account_booking_cancel(struct request *req);
enum http_status page_admin_municipalities(struct request *req);
enum http_status page_admin_municipality_create(struct request *req);
enum http_status page_admin_municipality(struct request *req);
enum http_status page_admin_municipality_update(struct request *req);
enum http_status page_admin_territories(struct request *req);
enum http_status page_admin_territory_create(struct request *req);
enum http_status page_admin_territory(struct request *req);
enum http_status page_admin_territory_rename(struct request *req);
enum http_status page_admin_topics(struct request *req);
enum http_status page_admin_topic_create(struct request *req);
enum http_status page_admin_topic(struct request *req);
enum http_status page_admin_topic_rename(struct request *req);
enum http_status page_admin_topic_active(struct request *req);
enum http_status page_admin_venues(struct request *req);
enum http_status page_admin_venue_create(struct request *req);
enum http_status page_admin_venue(struct request *req);
enum http_status page_admin_venue_update(struct request *req);
enum http_status page_admin_people(struct request *req);
enum http_status page_admin_person_create(struct request *req);
enum http_status page_admin_person(struct request *req);
enum http_status page_admin_person_update(struct request *req);
enum http_status page_admin_groups(struct request *req);
enum http_status page_admin_group_create(struct request *req);
enum http_status page_admin_group(struct request *req);
enum http_status page_admin_group_update(struct request *req);
enum http_status page_admin_media_plan(struct request *req);
enum http_status page_admin_media(struct request *req);
enum http_status page_admin_media_create(struct request *req);
/* page_admin_plan.c: the plan of measures (issue 20 item 4). */
enum http_status page_admin_plan(struct request *req);
enum http_status page_admin_plan_create(struct request *req);
enum http_status page_admin_plan_import(struct request *req);
enum http_status page_admin_plan_measure(struct request *req);
enum http_status page_admin_plan_record_create(struct request *req);
enum http_status page_admin_plan_record_file(struct request *req);
/* page_admin_discussions.c: the staff side of discussions. */
enum http_status page_admin_discussions(struct request *req);
enum http_status page_admin_discussion_create(struct request *req);
enum http_status page_admin_discussion(struct request *req);
enum http_status page_admin_proposal_publish(struct request *req);
enum http_status page_admin_proposal_refuse(struct request *req);
enum http_status page_admin_proposal_outcome(struct request *req);
enum http_status page_admin_discussion_conclude(struct request *req);

/* page_admin_surveys.c: the staff side of surveys. */
enum http_status page_admin_surveys(struct request *req);
enum http_status page_admin_survey_create(struct request *req);
enum http_status page_admin_survey_preset(struct request *req);
enum http_status page_admin_survey(struct request *req);
enum http_status page_admin_survey_csv(struct request *req);
enum http_status page_admin_media_contact(struct request *req);
enum http_status page_admin_media_update(struct request *req);
enum http_status page_admin_media_deactivate(struct request *req);
enum http_status page_admin_media_activate(struct request *req);

enum http_status page_admin_outbox(struct request *req);
enum http_status page_admin_outbox_retry(struct request *req);
enum http_status page_admin_outbox_discard(struct request *req);
enum http_status page_admin_reference_groups(struct request *req);
enum http_status page_admin_reference_group_create(struct request *req);
enum http_status page_admin_reference_group(struct request *req);
enum http_status page_admin_reference_group_update(struct request *req);
enum http_status page_admin_calendar(struct request *req);
enum http_status page_admin_calendar_year_create(struct request *req);
enum http_status page_admin_calendar_year(struct request *req);
enum http_status page_admin_calendar_year_update(struct request *req);
enum http_status page_admin_calendar_day_set(struct request *req);
enum http_status page_admin_calendar_day_remove(struct request *req);

enum http_status page_admin_appeals(struct request *req);
enum http_status page_admin_appeal_new(struct request *req);
enum http_status page_admin_appeal_register(struct request *req);
enum http_status page_admin_appeal(struct request *req);
enum http_status page_admin_appeal_assign(struct request *req);
enum http_status page_admin_appeal_forward(struct request *req);
enum http_status page_admin_appeal_extend(struct request *req);
enum http_status page_admin_appeal_answer(struct request *req);
enum http_status page_admin_appeal_close(struct request *req);
enum http_status page_admin_appeal_publish(struct request *req);
enum http_status page_admin_appeal_file(struct request *req);
/* Reports (src/admin/reports: page_admin_reports.c, report_*.c) and the Open311 GeoReport v2
 * API (open311.c). */
enum http_status page_admin_reports(struct request *req);
enum http_status page_admin_report_compliance(struct request *req);
enum http_status page_admin_report_appeals(struct request *req);
enum http_status page_admin_report_district(struct request *req);
enum http_status page_admin_report_groups(struct request *req);
enum http_status page_admin_report_monthly(struct request *req);
enum http_status open311_discovery(struct request *req);
enum http_status open311_services(struct request *req);
enum http_status open311_requests(struct request *req);
enum http_status open311_request(struct request *req);
enum http_status open311_fallback(struct request *req);
/* The appeals from a territory for the preparation of a meeting there (page_admin_appeals.c). */
int appeal_summary_fill(struct request *req, struct tpl_dict *d, long long territory_id);

/* Protocols of meetings and instructions (page_admin_protocols.c, page_protocol.c). */
enum http_status page_admin_protocol(struct request *req);
enum http_status page_admin_protocol_save(struct request *req);
enum http_status page_admin_protocol_sign(struct request *req);
enum http_status page_admin_protocol_publication(struct request *req);
enum http_status page_admin_protocol_hand_over(struct request *req);
enum http_status page_admin_protocol_amend(struct request *req);
enum http_status page_admin_protocol_instruction(struct request *req);
enum http_status page_admin_instructions(struct request *req);
enum http_status page_admin_instruction_create(struct request *req);
enum http_status page_admin_instruction(struct request *req);
enum http_status page_admin_instruction_start(struct request *req);
enum http_status page_admin_instruction_report(struct request *req);
enum http_status page_admin_instruction_accept(struct request *req);
enum http_status page_admin_instruction_return(struct request *req);
enum http_status page_admin_instruction_cancel(struct request *req);
enum http_status page_admin_instruction_delete(struct request *req);
enum http_status page_meeting_protocol(struct request *req);
/* The results of a meeting with a signed protocol on its public page: the marked questions,
 * decisions, instructions with state and due date (units, never people), photo and video links,
 * the marked amendments, as the RESULTS section of d. 0 (nothing when unsigned or for a
 * personal reception), -1 on error. */
struct meeting_summary;
int protocol_results_fill(struct request *req, struct tpl_dict *d, const struct meeting_summary *m);

#endif
