/* routes.c — the site map: every path the worker serves, its methods, its handler and the fields
 * it accepts. Anything not here is 404; a listed path with another method is 405. */
#include "auth.h"
#include "pages.h"
#include "router.h"

/* Only the staff rows whose '#' names a record a municipality owns give the last column, owner;
 * every other row leaves it ROUTE_OWNER_NONE. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define MEETING_FIELDS                                                                            \
	{FIELD_REFERENCE_GROUP, FIELD_MULTI}, {FIELD_KIND, FIELD_REQUIRED}, {FIELD_TITLE, FIELD_REQUIRED},                               \
		{FIELD_TERRITORY, FIELD_REQUIRED}, {FIELD_VENUE, FIELD_OPTIONAL},                  \
		{FIELD_STARTS_AT, FIELD_REQUIRED}, {FIELD_ENDS_AT, FIELD_REQUIRED},                \
		{FIELD_HOST, FIELD_OPTIONAL}, {FIELD_GROUP, FIELD_OPTIONAL},                       \
		{FIELD_ORGANISING_UNIT, FIELD_OPTIONAL},                                           \
		{FIELD_EXPECTED_ATTENDANCE, FIELD_OPTIONAL}, {FIELD_DESCRIPTION, FIELD_OPTIONAL},  \
		{FIELD_THESES, FIELD_OPTIONAL}, {FIELD_ANALYTICAL_NOTE, FIELD_OPTIONAL},           \
		{FIELD_REFERENCE_MATERIALS, FIELD_OPTIONAL}, {FIELD_INVITEE, FIELD_MULTI}
#define MEETING_FORM FIELDS(MEETING_FIELDS)
#define VENUE_FORM                                                                                \
	FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_ADDRESS, FIELD_REQUIRED},                      \
	       {FIELD_VENUE_KIND, FIELD_REQUIRED}, {FIELD_CAPACITY, FIELD_OPTIONAL},               \
	       {FIELD_TERRITORY, FIELD_REQUIRED})
#define PERSON_FORM                                                                               \
	FIELDS({FIELD_FULL_NAME, FIELD_REQUIRED}, {FIELD_POSITION, FIELD_OPTIONAL},                \
	       {FIELD_ORGANISATION, FIELD_OPTIONAL}, {FIELD_CATEGORY, FIELD_REQUIRED},             \
	       {FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_PHONE, FIELD_OPTIONAL})
#define GROUP_FORM                                                                                \
	FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_REQUIRED},                    \
	       {FIELD_LEADER, FIELD_OPTIONAL}, {FIELD_SECRETARY, FIELD_OPTIONAL},                  \
	       {FIELD_MEMBER, FIELD_MULTI})
/* A municipality, new or edited (page_admin_municipalities.c, issue 18). */
#define MUNICIPALITY_FORM                                                                         \
	FIELDS({FIELD_MUNICIPALITY_KIND, FIELD_REQUIRED}, {FIELD_DISTRICT, FIELD_OPTIONAL},        \
	       {FIELD_NAME, FIELD_REQUIRED}, {FIELD_OFFICIAL_NAME, FIELD_OPTIONAL},                \
	       {FIELD_ADMINISTRATION, FIELD_OPTIONAL}, {FIELD_BODY_CODE, FIELD_OPTIONAL},          \
	       {FIELD_SLUG, FIELD_REQUIRED}, {FIELD_HEAD, FIELD_OPTIONAL},                         \
	       {FIELD_ADDRESS, FIELD_OPTIONAL}, {FIELD_PHONE, FIELD_OPTIONAL},                     \
	       {FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_RECEPTION_HOURS, FIELD_OPTIONAL},             \
	       {FIELD_SITE_URL, FIELD_OPTIONAL}, {FIELD_TIMEZONE, FIELD_OPTIONAL})
#define MEDIA_FORM                                                                                \
	FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_EMAIL, FIELD_REQUIRED},                        \
	       {FIELD_MUNICIPALITY, FIELD_OPTIONAL})
/* A reception schedule, new or edited (page_admin_receptions.c). */
#define RECEPTION_SCHEDULE_FORM                                                                   \
	FIELDS({FIELD_TITLE, FIELD_OPTIONAL}, {FIELD_HOST, FIELD_REQUIRED},                        \
	       {FIELD_VENUE, FIELD_REQUIRED}, {FIELD_RULE, FIELD_OPTIONAL},                        \
	       {FIELD_WEEKDAY, FIELD_REQUIRED}, {FIELD_ORDINAL, FIELD_OPTIONAL},                   \
	       {FIELD_PERIOD_FROM, FIELD_REQUIRED}, {FIELD_PERIOD_TO, FIELD_REQUIRED},             \
	       {FIELD_START_TIME, FIELD_REQUIRED}, {FIELD_END_TIME, FIELD_REQUIRED},               \
	       {FIELD_SLOT_MINUTES, FIELD_REQUIRED}, {FIELD_TOPICS, FIELD_OPTIONAL})
#define REFERENCE_GROUP_FIELDS                                                                    \
	{FIELD_NAME, FIELD_REQUIRED}, {FIELD_SUMMARY, FIELD_OPTIONAL},                             \
		{FIELD_MEMBER_NAME, FIELD_MULTI}, {FIELD_MEMBER_ORGANISATION, FIELD_MULTI},        \
		{FIELD_MEMBER_EMAIL, FIELD_MULTI}, {FIELD_MEMBER_CONSENT, FIELD_MULTI}
#define REFERENCE_GROUP_FORM FIELDS(REFERENCE_GROUP_FIELDS)
/* A new reference group names the body whose group it is (issue 18; empty: the account's). */
#define REFERENCE_GROUP_NEW_FORM                                                                  \
	FIELDS(REFERENCE_GROUP_FIELDS, {FIELD_MUNICIPALITY, FIELD_OPTIONAL})
/* A resident's answers to a survey: q1…q20 by the questions' positions (page_surveys.c). */
#define SURVEY_ANSWERS FIELDS({FIELD_RESIDENT_OF, FIELD_OPTIONAL}, SURVEY_ANSWER_FIELDS)
#define SURVEY_ANSWER_FIELDS                                                                      \
	{FIELD_ANSWER_1, FIELD_MULTI}, {FIELD_ANSWER_2, FIELD_MULTI}, {FIELD_ANSWER_3, FIELD_MULTI}, \
	{FIELD_ANSWER_4, FIELD_MULTI}, {FIELD_ANSWER_5, FIELD_MULTI}, {FIELD_ANSWER_6, FIELD_MULTI}, \
	{FIELD_ANSWER_7, FIELD_MULTI}, {FIELD_ANSWER_8, FIELD_MULTI}, {FIELD_ANSWER_9, FIELD_MULTI}, \
	{FIELD_ANSWER_10, FIELD_MULTI}, {FIELD_ANSWER_11, FIELD_MULTI}, {FIELD_ANSWER_12, FIELD_MULTI}, \
	{FIELD_ANSWER_13, FIELD_MULTI}, {FIELD_ANSWER_14, FIELD_MULTI}, {FIELD_ANSWER_15, FIELD_MULTI}, \
	{FIELD_ANSWER_16, FIELD_MULTI}, {FIELD_ANSWER_17, FIELD_MULTI}, {FIELD_ANSWER_18, FIELD_MULTI}, \
	{FIELD_ANSWER_19, FIELD_MULTI}, {FIELD_ANSWER_20, FIELD_MULTI}
#define MEETING_FORM_WITH_EXCEPTION FIELDS(MEETING_FIELDS, {FIELD_EXCEPTION_REASON, FIELD_OPTIONAL})

#define FIELDS(...) ((const struct route_field[]){__VA_ARGS__, {FIELD__MAX, 0}})
/* A new instruction (page_admin_protocols.c), with any further fields. */
#define INSTRUCTION_FIELDS                                                                        \
	{FIELD_INSTRUCTION_TEXT, FIELD_REQUIRED}, {FIELD_EXECUTOR, FIELD_REQUIRED},                \
		{FIELD_UNIT, FIELD_OPTIONAL}, {FIELD_DUE_ON, FIELD_REQUIRED},                      \
		{FIELD_CONTROLLER, FIELD_REQUIRED}

/* The schedule's filters (/meetings and a municipality's /m/<slug>/meetings) and the calendar's. */
#define SCHEDULE_FIELDS                                                                           \
	FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL},                    \
	       {FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL}, {FIELD_PAGE, FIELD_OPTIONAL})
#define CALENDAR_FIELDS FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL})

/* Columns: pattern, methods, handler, accepted fields, flags, roles (0 = public), and for a
 * staff route whose '#' names a record a municipality owns, what it names (route_owner: another
 * body's record answers 404 to a scoped account, scope.c). */
const struct route routes[] = {
	/* Appeals of residents (page_appeals.c): anonymous forms without ambient authority, so no
	 * form token; floods are nginx's limit_req. */
	{"/appeals", METHOD_GET, page_appeals_index, NULL, ROUTE_CACHEABLE, 0},
	{"/appeals/new", METHOD_GET, page_appeal_new,
	 FIELDS({FIELD_MEETING, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_RESIDENT_OPTIONAL, 0},
	{"/appeals", METHOD_POST, page_appeal_create,
	 FIELDS({FIELD_ADDRESSEE, FIELD_REQUIRED}, {FIELD_ADDRESSEE_UNIT, FIELD_OPTIONAL},
		{FIELD_SURNAME, FIELD_REQUIRED}, {FIELD_GIVEN_NAME, FIELD_REQUIRED},
		{FIELD_PATRONYMIC, FIELD_OPTIONAL}, {FIELD_EMAIL, FIELD_OPTIONAL},
		{FIELD_POSTAL_ADDRESS, FIELD_OPTIONAL}, {FIELD_PHONE, FIELD_OPTIONAL},
		{FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_APPEAL_TOPIC, FIELD_OPTIONAL},
		{FIELD_MUNICIPALITY, FIELD_OPTIONAL},
		{FIELD_APPEAL_TEXT, FIELD_REQUIRED}, {FIELD_CONSENT, FIELD_OPTIONAL},
		{FIELD_HONEYPOT, FIELD_OPTIONAL},
		{FIELD_ATTACHMENT, FIELD_OPTIONAL}, {FIELD_CSRF, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_MULTIPART | ROUTE_RESIDENT_OPTIONAL |
		 ROUTE_ONE_TRANSACTION, 0},
	{"/appeals/received", METHOD_GET, page_appeal_received, NULL, ROUTE_RESIDENT_OPTIONAL, 0},
	/* Residents (page_account.c): signing in, the account, the policy on personal data. The
	 * sign-in forms carry a pre-session token of their own (checked by the handlers); the
	 * account's forms the resident session's (ROUTE_RESIDENT). */
	{"/account/login", METHOD_GET, page_account_login, FIELDS({FIELD_RETURN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/login/esia", METHOD_GET, page_account_login_esia,
	 FIELDS({FIELD_RETURN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/callback", METHOD_GET, page_account_callback,
	 FIELDS({FIELD_OIDC_CODE, FIELD_OPTIONAL}, {FIELD_OIDC_STATE, FIELD_OPTIONAL},
		{FIELD_OIDC_ERROR, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/login/email", METHOD_POST, page_account_login_email,
	 FIELDS({FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_RETURN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/login/code", METHOD_POST, page_account_login_code,
	 FIELDS({FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_OTP, FIELD_OPTIONAL},
		{FIELD_RETURN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/logout", METHOD_POST, page_account_logout, NULL, ROUTE_RESIDENT, 0},
	{"/account", METHOD_GET, page_account, FIELDS({FIELD_PAGE, FIELD_OPTIONAL}),
	 ROUTE_RESIDENT, 0},
	{"/account/appeals/#/verdict", METHOD_POST, page_account_verdict,
	 FIELDS({FIELD_VERDICT, FIELD_REQUIRED}, {FIELD_VERDICT_COMMENT, FIELD_OPTIONAL}),
	 ROUTE_RESIDENT | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/subscriptions", METHOD_POST, page_account_subscribe,
	 FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_CONSENT, FIELD_OPTIONAL}),
	 ROUTE_RESIDENT | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/subscriptions/#/remove", METHOD_POST, page_account_unsubscribe, NULL,
	 ROUTE_RESIDENT, 0},
	{"/account/files/#", METHOD_GET, page_account_file, NULL, ROUTE_RESIDENT, 0},
	{"/account/data", METHOD_GET, page_account_data, FIELDS({FIELD_FORMAT, FIELD_REQUIRED}),
	 ROUTE_RESIDENT, 0},
	{"/account/close", METHOD_POST, page_account_close, NULL, ROUTE_RESIDENT, 0},
	/* Personal receptions (page_receptions.c): the public page reads the resident session when
	 * there is one; booking and the waiting list need it; the mail's link cancels by its token,
	 * as unsubscribing does. */
	{"/receptions/#", METHOD_GET, page_reception_show, NULL, ROUTE_RESIDENT_OPTIONAL, 0},
	{"/receptions/#/book", METHOD_POST, page_reception_book,
	 FIELDS({FIELD_SLOT, FIELD_OPTIONAL}, {FIELD_BOOKING_QUESTION, FIELD_OPTIONAL},
		{FIELD_CONTACT, FIELD_OPTIONAL}),
	 ROUTE_RESIDENT | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/receptions/#/wait", METHOD_POST, page_reception_wait, NULL, ROUTE_RESIDENT, 0},
	{"/receptions/cancel", METHOD_GET, page_reception_cancel_form,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/receptions/cancel", METHOD_POST, page_reception_cancel,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/account/bookings", METHOD_GET, page_account_bookings,
	 FIELDS({FIELD_WAITING, FIELD_OPTIONAL}), ROUTE_RESIDENT, 0},
	{"/account/bookings/#", METHOD_GET, page_account_booking, NULL, ROUTE_RESIDENT, 0},
	{"/account/bookings/#.ics", METHOD_GET, page_account_booking_ics, NULL, ROUTE_RESIDENT, 0},
	{"/account/bookings/#/cancel", METHOD_POST, page_account_booking_cancel, NULL,
	 ROUTE_RESIDENT, 0},
	{"/account/closed", METHOD_GET, page_account_closed, NULL, 0, 0},
	{"/privacy", METHOD_GET, page_privacy, NULL, ROUTE_CACHEABLE, 0},
	/* Public discussions of drafts (page_discussions.c, issue 20): proposals from signed-in
	 * residents only, with their session's form token. */
	{"/discussions", METHOD_GET, page_discussions, NULL, ROUTE_CACHEABLE, 0},
	{"/discussions/#", METHOD_GET, page_discussion, NULL, ROUTE_RESIDENT_OPTIONAL, 0},
	{"/discussions/#/proposals", METHOD_POST, page_discussion_propose,
	 FIELDS({FIELD_POINT, FIELD_OPTIONAL}, {FIELD_PROPOSAL_TEXT, FIELD_REQUIRED},
		{FIELD_AUTHOR_NAME, FIELD_REQUIRED}, {FIELD_SHOW_AS, FIELD_REQUIRED}),
	 ROUTE_RESIDENT | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/discussions/#/sent", METHOD_GET, page_discussion_sent, NULL, 0, 0},
	{"/discussions/files/#", METHOD_GET, page_discussion_file, NULL, 0, 0},
	/* A reference-group participant's personal link (issue 20 item 2): the token is the
	 * authority. */
	{"/discussions/link", METHOD_GET, page_discussion_link, NULL, 0, 0},
	{"/discussions/link", METHOD_POST, page_discussion_link_propose,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}, {FIELD_POINT, FIELD_OPTIONAL},
		{FIELD_PROPOSAL_TEXT, FIELD_REQUIRED}, {FIELD_SHOW_AS, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	/* Surveys (page_surveys.c, issue 20): one response per signed-in resident, with their
	 * session's form token; the answers are q1…q20 by the questions' positions. */
	{"/surveys", METHOD_GET, page_surveys, NULL, ROUTE_CACHEABLE, 0},
	{"/surveys/#", METHOD_GET, page_survey, NULL, ROUTE_RESIDENT_OPTIONAL, 0},
	{"/surveys/#.csv", METHOD_GET, page_survey_csv, NULL, 0, 0},
	{"/surveys/#/response", METHOD_POST, page_survey_respond, SURVEY_ANSWERS,
	 ROUTE_RESIDENT | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/surveys/#/sent", METHOD_GET, page_survey_sent, NULL, ROUTE_RESIDENT_OPTIONAL, 0},
	/* A reference-group participant's personal link (issue 20 item 2): the token from the
	 * mail is the authority, as for the reference groups' unsubscribe link. */
	{"/surveys/link", METHOD_GET, page_survey_link, NULL, 0, 0},
	{"/surveys/link", METHOD_POST, page_survey_link_respond,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}, SURVEY_ANSWER_FIELDS), ROUTE_FORM_ERRORS_TO_HANDLER,
	 0},
	{"/answers", METHOD_GET, page_answers, NULL, ROUTE_CACHEABLE, 0},
	{"/appeals/status", METHOD_GET, page_appeal_status_form, NULL, 0, 0},
	{"/appeals/status", METHOD_POST, page_appeal_status,
	 FIELDS({FIELD_APPEAL_NUMBER, FIELD_REQUIRED}, {FIELD_APPEAL_CODE, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/", METHOD_GET, page_home, NULL, ROUTE_CACHEABLE, 0},
	/* A municipality's page by its slug (page_municipality.c, issue 18). */
	{"/m/*", METHOD_GET, page_municipality, NULL, ROUTE_CACHEABLE, 0},
	/* Its part of the public site (issue 18 item 4): the site-wide handlers, which read the
	 * municipality from the path (site_scope.c); an unknown slug is 404. */
	{"/m/*/meetings", METHOD_GET, page_meetings_list, SCHEDULE_FIELDS, ROUTE_CACHEABLE, 0},
	{"/m/*/calendar.ics", METHOD_GET, page_calendar_all, CALENDAR_FIELDS, ROUTE_CACHEABLE, 0},
	{"/m/*/calendar/subscribe", METHOD_GET, page_calendar_subscribe, NULL, 0, 0},
	{"/m/*/press", METHOD_GET, page_press, NULL, ROUTE_CACHEABLE, 0},
	{"/m/*/feed.atom", METHOD_GET, page_feed, NULL, ROUTE_CACHEABLE, 0},
	{"/m/*/answers", METHOD_GET, page_answers, NULL, ROUTE_CACHEABLE, 0},
	{"/m/*/appeal", METHOD_GET, page_municipality_appeal, NULL, 0, 0},
	/* Open311 GeoReport v2 (open311.c): published answers as open data. Invalid parameters
	 * go to the handler, which answers with the specification's JSON errors. '*' is a
	 * registration number. */
	{"/api/open311/v2/discovery.json", METHOD_GET, open311_discovery, NULL, ROUTE_CACHEABLE, 0},
	{"/api/open311/v2/services.json", METHOD_GET, open311_services, NULL, ROUTE_CACHEABLE, 0},
	{"/api/open311/v2/requests.json", METHOD_GET, open311_requests,
	 FIELDS({FIELD_START_DATE, FIELD_OPTIONAL}, {FIELD_END_DATE, FIELD_OPTIONAL},
		{FIELD_REQUEST_STATUS, FIELD_OPTIONAL}, {FIELD_SERVICE_CODE, FIELD_OPTIONAL},
		{FIELD_SERVICE_REQUEST_ID, FIELD_OPTIONAL}),
	 ROUTE_CACHEABLE | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/api/open311/v2/requests/*.json", METHOD_GET, open311_request, NULL, ROUTE_CACHEABLE, 0},
	/* Anything else under the API (after the rows above, which win for GET): the spec's JSON
	 * errors rather than HTML pages — 404, 405 for other methods, 400 without .json. */
	{"/api/open311/v2", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/*", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/*.json", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/*.xml", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/requests/*", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/api/open311/v2/requests/*.json", METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},  /* GET: open311_request */
	{"/api/open311/v2/requests/*.xml", METHOD_GET | METHOD_POST | METHOD_OTHER, open311_fallback, NULL,
	 ROUTE_ANY_BODY, 0},
	{"/meetings", METHOD_GET, page_meetings_list, SCHEDULE_FIELDS, ROUTE_CACHEABLE, 0},
	{"/meetings.ics", METHOD_GET, page_calendar_all, CALENDAR_FIELDS, ROUTE_CACHEABLE, 0},
	{"/calendar/subscribe", METHOD_GET, page_calendar_subscribe, NULL, 0, 0},
	{"/meetings/#", METHOD_GET, page_meeting_show, NULL, ROUTE_CACHEABLE, 0},
	{"/meetings/#.ics", METHOD_GET, page_calendar_one, NULL, ROUTE_CACHEABLE, 0},
	{"/meetings/#/protocol", METHOD_GET, page_meeting_protocol, NULL, ROUTE_CACHEABLE, 0},
	{"/vision", METHOD_GET, page_vision,
	 FIELDS({FIELD_MODE, FIELD_REQUIRED}, {FIELD_RETURN, FIELD_OPTIONAL}), 0, 0},
	{"/press", METHOD_GET, page_press, NULL, ROUTE_CACHEABLE, 0},
	{"/press/#", METHOD_GET, page_press_show, NULL, ROUTE_CACHEABLE, 0},
	{"/feed.atom", METHOD_GET, page_feed, NULL, ROUTE_CACHEABLE, 0},
	{"/healthz", METHOD_GET, page_healthz, NULL, 0, 0},
	{"/errors/#", METHOD_GET, page_error_by_code, NULL, 0, 0},

	/* Subscriptions to announcements (page_subscribe.c): the form carries the pre-session form
	 * token; confirming and unsubscribing are authorised by the token from the mail. */
	{"/subscribe", METHOD_GET, page_subscribe_form, FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}), 0,
	 0},
	{"/subscribe", METHOD_POST, page_subscribe,
	 FIELDS({FIELD_EMAIL, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_CONSENT, FIELD_OPTIONAL}, {FIELD_HONEYPOT, FIELD_OPTIONAL}),
	 ROUTE_CSRF | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/m/*/subscribe", METHOD_GET, page_subscribe_form, FIELDS({FIELD_TERRITORY, FIELD_OPTIONAL}), 0,
	 0},
	{"/m/*/subscribe", METHOD_POST, page_subscribe,
	 FIELDS({FIELD_EMAIL, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_CONSENT, FIELD_OPTIONAL}, {FIELD_HONEYPOT, FIELD_OPTIONAL}),
	 ROUTE_CSRF | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/subscribe/sent", METHOD_GET, page_subscribe_sent, NULL, ROUTE_CACHEABLE, 0},
	{"/subscribe/confirm", METHOD_GET, page_subscribe_confirm_form,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/subscribe/confirm", METHOD_POST, page_subscribe_confirm,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/unsubscribe", METHOD_GET, page_unsubscribe_form, FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	/* RFC 8058: a mail client posts List-Unsubscribe=One-Click to the link, token in the URL. */
	{"/unsubscribe", METHOD_POST, page_unsubscribe,
	 FIELDS({FIELD_LIST_UNSUBSCRIBE, FIELD_OPTIONAL}, {FIELD_TOKEN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_ANY_BODY, 0},

	/* Reference-group participants withdraw their consent to the mail
	 * (page_reference_unsubscribe.c), as subscribers unsubscribe. */
	{"/reference/unsubscribe", METHOD_GET, page_reference_unsubscribe_form,
	 FIELDS({FIELD_TOKEN, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/reference/unsubscribe", METHOD_POST, page_reference_unsubscribe,
	 FIELDS({FIELD_LIST_UNSUBSCRIBE, FIELD_OPTIONAL}, {FIELD_TOKEN, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_ANY_BODY, 0},

	/* Staff. */
	{"/admin/login", METHOD_GET, page_admin_login_form, FIELDS({FIELD_RETURN, FIELD_OPTIONAL}), 0,
	 0},
	{"/admin/login", METHOD_POST, page_admin_login,
	 FIELDS({FIELD_LOGIN, FIELD_REQUIRED}, {FIELD_PASSWORD, FIELD_REQUIRED},
		{FIELD_RETURN, FIELD_OPTIONAL}),
	 ROUTE_CSRF | ROUTE_FORM_ERRORS_TO_HANDLER, 0},
	{"/admin/logout", METHOD_POST, page_admin_logout, NULL, 0, ROLES_STAFF},
	{"/admin", METHOD_GET, page_admin_home, NULL, 0, ROLES_STAFF},
	{"/admin/password", METHOD_GET, page_admin_password_form, NULL, 0, ROLES_STAFF},
	{"/admin/password", METHOD_POST, page_admin_password,
	 FIELDS({FIELD_PASSWORD, FIELD_REQUIRED}, {FIELD_NEW_PASSWORD, FIELD_REQUIRED},
		{FIELD_NEW_PASSWORD_AGAIN, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLES_STAFF},
	{"/admin/users", METHOD_GET, page_admin_users, NULL, ROUTE_INSTALLATION, ROLE_ADMIN},
	{"/admin/users", METHOD_POST, page_admin_user_create,
	 FIELDS({FIELD_LOGIN, FIELD_REQUIRED}, {FIELD_FULL_NAME, FIELD_OPTIONAL},
		{FIELD_ROLE, FIELD_REQUIRED}, {FIELD_NEW_PASSWORD, FIELD_REQUIRED},
		{FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_INSTALLATION, ROLE_ADMIN},
	{"/admin/users/#", METHOD_GET, page_admin_user, NULL, ROUTE_INSTALLATION, ROLE_ADMIN},
	{"/admin/users/#", METHOD_POST, page_admin_user_update,
	 FIELDS({FIELD_FULL_NAME, FIELD_OPTIONAL}, {FIELD_EMAIL, FIELD_OPTIONAL},
		{FIELD_PERSON, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_INSTALLATION, ROLE_ADMIN},
	{"/admin/users/#/disable", METHOD_POST, page_admin_user_disable, NULL, ROUTE_INSTALLATION,
	 ROLE_ADMIN},
	{"/admin/users/#/enable", METHOD_POST, page_admin_user_enable, NULL, ROUTE_INSTALLATION,
	 ROLE_ADMIN},
	{"/admin/audit", METHOD_GET, page_admin_audit,
	 FIELDS({FIELD_USER, FIELD_OPTIONAL}, {FIELD_ENTITY, FIELD_OPTIONAL},
		{FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL}),
	 ROUTE_INSTALLATION, ROLE_ADMIN},

	/* The registry of appeals (page_admin_appeals.c). */
	{"/admin/appeals", METHOD_GET, page_admin_appeals,
	 FIELDS({FIELD_STATUS, FIELD_OPTIONAL}, {FIELD_APPEAL_SOURCE, FIELD_OPTIONAL},
		{FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_EXECUTOR, FIELD_OPTIONAL},
		{FIELD_DUE, FIELD_OPTIONAL}, {FIELD_QUERY, FIELD_OPTIONAL},
		{FIELD_APPEAL_TOPIC, FIELD_OPTIONAL}),
	 0, APPEAL_READERS},
	{"/admin/appeals/new", METHOD_GET, page_admin_appeal_new,
	 FIELDS({FIELD_BOOKING, FIELD_OPTIONAL}), 0, APPEAL_WRITERS},
	{"/admin/appeals", METHOD_POST, page_admin_appeal_register,
	 FIELDS({FIELD_APPEAL_SOURCE, FIELD_REQUIRED}, {FIELD_RECEIVED_ON, FIELD_REQUIRED},
		{FIELD_MEETING, FIELD_OPTIONAL}, {FIELD_RECEPTION_BY, FIELD_OPTIONAL},
		{FIELD_ORAL, FIELD_OPTIONAL}, {FIELD_ORAL_ANSWER, FIELD_OPTIONAL},
		{FIELD_ORAL_CONSENT, FIELD_OPTIONAL}, {FIELD_SURNAME, FIELD_OPTIONAL},
		{FIELD_GIVEN_NAME, FIELD_OPTIONAL}, {FIELD_PATRONYMIC, FIELD_OPTIONAL},
		{FIELD_EMAIL, FIELD_OPTIONAL}, {FIELD_POSTAL_ADDRESS, FIELD_OPTIONAL},
		{FIELD_PHONE, FIELD_OPTIONAL}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_MUNICIPALITY, FIELD_OPTIONAL},
		{FIELD_APPEAL_TOPIC, FIELD_OPTIONAL}, {FIELD_APPEAL_TEXT, FIELD_REQUIRED},
		{FIELD_BOOKING, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS},
	{"/admin/appeals/#", METHOD_GET, page_admin_appeal, NULL, 0, APPEAL_READERS,
	 ROUTE_OWNER_APPEAL},
	{"/admin/appeal-files/#", METHOD_GET, page_admin_appeal_file, NULL, 0, APPEAL_READERS,
	 ROUTE_OWNER_APPEAL_FILE},
	{"/admin/appeals/#/assign", METHOD_POST, page_admin_appeal_assign,
	 FIELDS({FIELD_UNIT, FIELD_REQUIRED}, {FIELD_EXECUTOR, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS, ROUTE_OWNER_APPEAL},
	{"/admin/appeals/#/forward", METHOD_POST, page_admin_appeal_forward,
	 FIELDS({FIELD_FORWARD_TO, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS,
	 ROUTE_OWNER_APPEAL},
	{"/admin/appeals/#/extend", METHOD_POST, page_admin_appeal_extend,
	 FIELDS({FIELD_EXTENSION_DAYS, FIELD_REQUIRED}, {FIELD_REASON, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS, ROUTE_OWNER_APPEAL},
	{"/admin/appeals/#/answer", METHOD_POST, page_admin_appeal_answer,
	 FIELDS({FIELD_ANSWER, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_READERS,
	 ROUTE_OWNER_APPEAL},
	{"/admin/appeals/#/close", METHOD_POST, page_admin_appeal_close,
	 FIELDS({FIELD_OUTCOME, FIELD_REQUIRED}, {FIELD_REASON, FIELD_OPTIONAL},
		{FIELD_REPEATED_OF, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS, ROUTE_OWNER_APPEAL},
	{"/admin/appeals/#/publish", METHOD_POST, page_admin_appeal_publish,
	 FIELDS({FIELD_PUBLIC_QUESTION, FIELD_REQUIRED}, {FIELD_PUBLIC_ANSWER, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, APPEAL_WRITERS, ROUTE_OWNER_APPEAL},

	/* What the notifier sends, and what it gave up on (page_admin_outbox.c). */
	{"/admin/outbox", METHOD_GET, page_admin_outbox, NULL, 0, OUTBOX_READERS},
	{"/admin/outbox/#/retry", METHOD_POST, page_admin_outbox_retry, NULL, 0, OUTBOX_WRITERS,
	 ROUTE_OWNER_OUTBOX},
	{"/admin/outbox/#/discard", METHOD_POST, page_admin_outbox_discard, NULL, 0, OUTBOX_WRITERS,
	 ROUTE_OWNER_OUTBOX},

	/* Scheduling meetings: everyone who prepares or reports on them reads; the sector, the
	 * controller (exceptions to the 5-day rule) and administrators change them. */
	{"/admin/meetings", METHOD_GET, page_admin_meetings,
	 FIELDS({FIELD_STATUS, FIELD_OPTIONAL}, {FIELD_KIND, FIELD_OPTIONAL},
		{FIELD_TERRITORY, FIELD_OPTIONAL}, {FIELD_FROM, FIELD_OPTIONAL},
		{FIELD_TO, FIELD_OPTIONAL}),
	 0, MEETING_READERS},
	{"/admin/meetings/new", METHOD_GET, page_admin_meeting_new, NULL, 0, MEETING_WRITERS},
	{"/admin/meetings", METHOD_POST, page_admin_meeting_create, MEETING_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/meetings/#", METHOD_GET, page_admin_meeting, NULL, 0, MEETING_READERS,
	 ROUTE_OWNER_MEETING},
	{"/admin/meetings/#", METHOD_POST, page_admin_meeting_update, MEETING_FORM_WITH_EXCEPTION,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/approve", METHOD_POST, page_admin_meeting_approve,
	 FIELDS({FIELD_EXCEPTION_REASON, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 MEETING_WRITERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/cancel", METHOD_POST, page_admin_meeting_cancel,
	 FIELDS({FIELD_CANCEL_REASON, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 MEETING_WRITERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/postpone", METHOD_POST, page_admin_meeting_postpone,
	 FIELDS({FIELD_NEW_STARTS_AT, FIELD_REQUIRED}, {FIELD_NEW_ENDS_AT, FIELD_REQUIRED},
		{FIELD_POSTPONE_REASON, FIELD_REQUIRED}, {FIELD_EXCEPTION_REASON, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/held", METHOD_POST, page_admin_meeting_held,
	 FIELDS({FIELD_ATTENDANCE, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS,
	 ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/police", METHOD_POST, page_admin_meeting_police, NULL, 0,
	 MEETING_WRITERS, ROUTE_OWNER_MEETING},
	/* Told by phone: the sector, and the secretary who informs the group (regulation № 44 on
	 * information groups §3.6.3). */
	{"/admin/meetings/#/informed", METHOD_POST, page_admin_meeting_informed,
	 FIELDS({FIELD_PERSON, FIELD_REQUIRED}), 0, INFORMED_MARKERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/place", METHOD_POST, page_admin_meeting_place,
	 FIELDS({FIELD_PLACE_AGREED_WITH, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 PLACE_AGREEMENT_WRITERS, ROUTE_OWNER_MEETING},

	/* The protocol of a held meeting and its instructions (page_admin_protocols.c). */
	/* PROTOCOL_READERS and the chair (the handler checks the account's person, auth.h). */
	{"/admin/meetings/#/protocol", METHOD_GET, page_admin_protocol, NULL, 0, ROLES_STAFF,
	 ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/protocol", METHOD_POST, page_admin_protocol_save,
	 FIELDS({FIELD_PROTOCOL_NUMBER, FIELD_OPTIONAL}, {FIELD_HELD_ON, FIELD_REQUIRED},
		{FIELD_PLACE, FIELD_OPTIONAL}, {FIELD_CHAIR, FIELD_OPTIONAL},
		{FIELD_SECRETARY, FIELD_OPTIONAL}, {FIELD_ATTENDANCE, FIELD_OPTIONAL},
		{FIELD_OFFICIAL, FIELD_MULTI}, {FIELD_QUESTION, FIELD_MULTI},
		{FIELD_QUESTION_ANSWER, FIELD_MULTI}, {FIELD_QUESTION_PUBLIC, FIELD_MULTI},
		{FIELD_DECISIONS, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, PROTOCOL_EDITORS, ROUTE_OWNER_MEETING},
	/* The chair signs (the handler checks the account's person, auth.h). */
	{"/admin/meetings/#/protocol/sign", METHOD_POST, page_admin_protocol_sign,
	 FIELDS({FIELD_REVISION, FIELD_REQUIRED}), 0, ROLES_STAFF, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/protocol/publication", METHOD_POST, page_admin_protocol_publication,
	 FIELDS({FIELD_PHOTO_URL, FIELD_OPTIONAL}, {FIELD_VIDEO_URL, FIELD_OPTIONAL},
		{FIELD_QUESTION_PUBLIC, FIELD_MULTI}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, PROTOCOL_PUBLISHERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/protocol/handover", METHOD_POST, page_admin_protocol_hand_over, NULL, 0,
	 PROTOCOL_KEEPERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/protocol/amend", METHOD_POST, page_admin_protocol_amend,
	 FIELDS({FIELD_AMENDMENT, FIELD_REQUIRED}, {FIELD_REASON, FIELD_REQUIRED},
		{FIELD_AMENDMENT_PUBLIC, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, PROTOCOL_KEEPERS, ROUTE_OWNER_MEETING},
	{"/admin/meetings/#/protocol/instructions", METHOD_POST, page_admin_protocol_instruction,
	 FIELDS(INSTRUCTION_FIELDS), ROUTE_FORM_ERRORS_TO_HANDLER, PROTOCOL_EDITORS,
	 ROUTE_OWNER_MEETING},
	{"/admin/instructions", METHOD_GET, page_admin_instructions,
	 FIELDS({FIELD_MINE, FIELD_OPTIONAL}, {FIELD_DUE, FIELD_OPTIONAL},
		{FIELD_EXECUTOR, FIELD_OPTIONAL}, {FIELD_MEETING, FIELD_OPTIONAL},
		{FIELD_PAGE, FIELD_OPTIONAL}),
	 0, INSTRUCTION_READERS},
	{"/admin/instructions", METHOD_POST, page_admin_instruction_create,
	 FIELDS({FIELD_APPEAL_NUMBER, FIELD_REQUIRED}, INSTRUCTION_FIELDS), ROUTE_FORM_ERRORS_TO_HANDLER,
	 APPEAL_WRITERS},
	{"/admin/instructions/#", METHOD_GET, page_admin_instruction, NULL, 0, INSTRUCTION_READERS,
	 ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/start", METHOD_POST, page_admin_instruction_start, NULL, 0,
	 INSTRUCTION_READERS, ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/report", METHOD_POST, page_admin_instruction_report,
	 FIELDS({FIELD_REPORT, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, INSTRUCTION_READERS,
	 ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/accept", METHOD_POST, page_admin_instruction_accept, NULL, 0,
	 INSTRUCTION_READERS, ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/return", METHOD_POST, page_admin_instruction_return,
	 FIELDS({FIELD_REASON, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, INSTRUCTION_READERS,
	 ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/cancel", METHOD_POST, page_admin_instruction_cancel,
	 FIELDS({FIELD_CANCEL_REASON, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 INSTRUCTION_READERS, ROUTE_OWNER_INSTRUCTION},
	{"/admin/instructions/#/delete", METHOD_POST, page_admin_instruction_delete, NULL, 0,
	 PROTOCOL_EDITORS, ROUTE_OWNER_INSTRUCTION},

	/* Recurring series produce ordinary drafts. */
	{"/admin/series", METHOD_GET, page_admin_series_list, NULL, 0, MEETING_READERS},
	{"/admin/series/new", METHOD_GET, page_admin_series_new, NULL, 0, MEETING_WRITERS},
	{"/admin/series", METHOD_POST, page_admin_series_create,
	 FIELDS({FIELD_KIND, FIELD_REQUIRED}, {FIELD_TITLE, FIELD_REQUIRED},
		{FIELD_RULE, FIELD_REQUIRED}, {FIELD_START_TIME, FIELD_REQUIRED},
		{FIELD_END_TIME, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_VENUE, FIELD_OPTIONAL}, {FIELD_HOST, FIELD_OPTIONAL},
		{FIELD_WEEKDAY, FIELD_OPTIONAL}, {FIELD_ORDINAL, FIELD_OPTIONAL},
		{FIELD_PERIOD_FROM, FIELD_OPTIONAL}, {FIELD_PERIOD_TO, FIELD_OPTIONAL},
		{FIELD_STOP_DATE, FIELD_MULTI}, {FIELD_STOP_VENUE, FIELD_MULTI},
		{FIELD_DESCRIPTION, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/series/#", METHOD_GET, page_admin_series_show, NULL, 0, MEETING_READERS,
	 ROUTE_OWNER_SERIES},
	/* Personal receptions (page_admin_receptions.c). */
	{"/admin/receptions", METHOD_GET, page_admin_receptions, NULL, 0, MEETING_READERS},
	{"/admin/receptions/new", METHOD_GET, page_admin_reception_new, NULL, 0, MEETING_WRITERS},
	{"/admin/receptions", METHOD_POST, page_admin_reception_create, RECEPTION_SCHEDULE_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS},
	{"/admin/receptions/schedules/#", METHOD_GET, page_admin_reception_schedule, NULL, 0,
	 MEETING_READERS, ROUTE_OWNER_RECEPTION_SCHEDULE},
	{"/admin/receptions/schedules/#", METHOD_POST, page_admin_reception_schedule_update,
	 RECEPTION_SCHEDULE_FORM, ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS,
	 ROUTE_OWNER_RECEPTION_SCHEDULE},
	{"/admin/receptions/december", METHOD_POST, page_admin_reception_december, NULL, 0,
	 MEETING_WRITERS},
	{"/admin/receptions/#", METHOD_GET, page_admin_reception_queue, NULL, 0, MEETING_READERS,
	 ROUTE_OWNER_MEETING},
	{"/admin/receptions/#/book", METHOD_POST, page_admin_reception_book,
	 FIELDS({FIELD_SLOT, FIELD_REQUIRED}, {FIELD_FULL_NAME, FIELD_REQUIRED},
		{FIELD_PHONE, FIELD_REQUIRED}, {FIELD_BOOKING_QUESTION, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEETING_WRITERS, ROUTE_OWNER_MEETING},
	{"/admin/bookings/#/visit", METHOD_POST, page_admin_booking_visit,
	 FIELDS({FIELD_VISIT, FIELD_REQUIRED}), 0, MEETING_WRITERS, ROUTE_OWNER_BOOKING},
	{"/admin/bookings/#/cancel", METHOD_POST, page_admin_booking_cancel,
	 FIELDS({FIELD_CANCEL_REASON, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 MEETING_WRITERS, ROUTE_OWNER_BOOKING},

	/* Reference data (page_admin_municipalities.c, _territories.c, _topics.c, _venues.c,
	 * _people.c, _groups.c). */
	{"/admin/municipalities", METHOD_GET, page_admin_municipalities, NULL, 0,
	 REFERENCE_READERS},
	{"/admin/municipalities", METHOD_POST, page_admin_municipality_create, MUNICIPALITY_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_INSTALLATION, REFERENCE_WRITERS},
	{"/admin/municipalities/#", METHOD_GET, page_admin_municipality, NULL, 0, REFERENCE_READERS,
	 ROUTE_OWNER_MUNICIPALITY},
	{"/admin/municipalities/#", METHOD_POST, page_admin_municipality_update, MUNICIPALITY_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_INSTALLATION, REFERENCE_WRITERS,
	 ROUTE_OWNER_MUNICIPALITY},
	{"/admin/territories", METHOD_GET, page_admin_territories, NULL, 0, REFERENCE_READERS},
	{"/admin/territories", METHOD_POST, page_admin_territory_create,
	 FIELDS({FIELD_NAME, FIELD_REQUIRED}, {FIELD_LEVEL, FIELD_REQUIRED},
		{FIELD_PARENT, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/territories/#", METHOD_GET, page_admin_territory, NULL, 0, REFERENCE_READERS,
	 ROUTE_OWNER_TERRITORY},
	{"/admin/territories/#", METHOD_POST, page_admin_territory_rename,
	 FIELDS({FIELD_NAME, FIELD_REQUIRED}), ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS,
	 ROUTE_OWNER_TERRITORY},
	{"/admin/topics", METHOD_GET, page_admin_topics, NULL, 0, TOPIC_READERS},
	{"/admin/topics", METHOD_POST, page_admin_topic_create,
	 FIELDS({FIELD_PARENT_TOPIC, FIELD_REQUIRED}, {FIELD_TOPIC, FIELD_REQUIRED},
		{FIELD_NAME, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, TOPIC_WRITERS},
	{"/admin/topics/item", METHOD_GET, page_admin_topic, FIELDS({FIELD_TOPIC, FIELD_REQUIRED}), 0,
	 TOPIC_READERS},
	{"/admin/topics/item", METHOD_POST, page_admin_topic_rename,
	 FIELDS({FIELD_TOPIC, FIELD_REQUIRED}, {FIELD_NAME, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, TOPIC_WRITERS},
	{"/admin/topics/active", METHOD_POST, page_admin_topic_active,
	 FIELDS({FIELD_TOPIC, FIELD_REQUIRED}, {FIELD_ACTIVE, FIELD_REQUIRED}), 0, TOPIC_WRITERS},
	{"/admin/venues", METHOD_GET, page_admin_venues, NULL, 0, REFERENCE_READERS},
	{"/admin/venues", METHOD_POST, page_admin_venue_create, VENUE_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/venues/#", METHOD_GET, page_admin_venue, NULL, 0, REFERENCE_READERS,
	 ROUTE_OWNER_VENUE},
	{"/admin/venues/#", METHOD_POST, page_admin_venue_update, VENUE_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS, ROUTE_OWNER_VENUE},
	{"/admin/people", METHOD_GET, page_admin_people, FIELDS({FIELD_CATEGORY, FIELD_OPTIONAL}), 0,
	 REFERENCE_READERS},
	{"/admin/people", METHOD_POST, page_admin_person_create, PERSON_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/people/#", METHOD_GET, page_admin_person, NULL, 0, REFERENCE_READERS},
	{"/admin/people/#", METHOD_POST, page_admin_person_update, PERSON_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/groups", METHOD_GET, page_admin_groups, NULL, 0, REFERENCE_READERS},
	{"/admin/groups", METHOD_POST, page_admin_group_create, GROUP_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/groups/#", METHOD_GET, page_admin_group, NULL, 0, REFERENCE_READERS,
	 ROUTE_OWNER_GROUP},
	{"/admin/groups/#", METHOD_POST, page_admin_group_update, GROUP_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS, ROUTE_OWNER_GROUP},

	/* Reports (page_admin_reports.c): pages, or CSV with ?format=csv. */
	{"/admin/reports", METHOD_GET, page_admin_reports, NULL, 0, REPORT_READERS},
	{"/admin/reports/compliance", METHOD_GET, page_admin_report_compliance,
	 FIELDS({FIELD_FROM, FIELD_OPTIONAL}, {FIELD_TO, FIELD_OPTIONAL},
		{FIELD_MUNICIPALITY, FIELD_OPTIONAL}, {FIELD_FORMAT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REPORT_READERS},
	{"/admin/reports/appeals", METHOD_GET, page_admin_report_appeals,
	 FIELDS({FIELD_YEAR, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL},
		{FIELD_FORMAT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REPORT_READERS},
	/* The district's summary over its settlements (report_district.c, issue 18 item 5). */
	{"/admin/reports/district", METHOD_GET, page_admin_report_district,
	 FIELDS({FIELD_YEAR, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL},
		{FIELD_FORMAT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REPORT_READERS},
	{"/admin/reports/groups", METHOD_GET, page_admin_report_groups,
	 FIELDS({FIELD_YEAR, FIELD_OPTIONAL}, {FIELD_HALF, FIELD_OPTIONAL},
		{FIELD_FORMAT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REPORT_READERS},
	{"/admin/reports/monthly", METHOD_GET, page_admin_report_monthly,
	 FIELDS({FIELD_MONTH, FIELD_OPTIONAL}, {FIELD_FORMAT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, REPORT_READERS},

	/* Public discussions of drafts (page_admin_discussions.c, issue 20). */
	{"/admin/discussions", METHOD_GET, page_admin_discussions, NULL, 0, DISCUSSION_WRITERS},
	{"/admin/discussions", METHOD_POST, page_admin_discussion_create,
	 FIELDS({FIELD_DRAFT_TITLE, FIELD_REQUIRED}, {FIELD_UNIT, FIELD_REQUIRED},
		{FIELD_DRAFT_BODY, FIELD_REQUIRED}, {FIELD_DISCUSSION_FORM, FIELD_REQUIRED},
		{FIELD_MEETING, FIELD_OPTIONAL}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_REFERENCE_GROUP, FIELD_MULTI},
		{FIELD_OPENS_ON, FIELD_REQUIRED}, {FIELD_CLOSES_ON, FIELD_REQUIRED},
		{FIELD_ATTACHMENT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_MULTIPART, DISCUSSION_WRITERS},
	{"/admin/discussions/#", METHOD_GET, page_admin_discussion, NULL, 0, DISCUSSION_WRITERS,
	 ROUTE_OWNER_DISCUSSION},
	{"/admin/discussions/proposals/#/publish", METHOD_POST, page_admin_proposal_publish, NULL, 0,
	 DISCUSSION_WRITERS, ROUTE_OWNER_PROPOSAL},
	{"/admin/discussions/proposals/#/refuse", METHOD_POST, page_admin_proposal_refuse,
	 FIELDS({FIELD_REASON, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER, DISCUSSION_WRITERS,
	 ROUTE_OWNER_PROPOSAL},
	{"/admin/discussions/proposals/#/outcome", METHOD_POST, page_admin_proposal_outcome,
	 FIELDS({FIELD_OUTCOME, FIELD_OPTIONAL}, {FIELD_REASON, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, DISCUSSION_WRITERS, ROUTE_OWNER_PROPOSAL},
	{"/admin/discussions/#/conclude", METHOD_POST, page_admin_discussion_conclude,
	 FIELDS({FIELD_CONCLUSION, FIELD_OPTIONAL}), ROUTE_FORM_ERRORS_TO_HANDLER,
	 DISCUSSION_WRITERS, ROUTE_OWNER_DISCUSSION},

	/* Surveys (page_admin_surveys.c, issue 20). */
	{"/admin/surveys", METHOD_GET, page_admin_surveys, NULL, 0, SURVEY_WRITERS},
	{"/admin/surveys", METHOD_POST, page_admin_survey_create,
	 FIELDS({FIELD_SURVEY_TITLE, FIELD_REQUIRED}, {FIELD_SURVEY_INTRO, FIELD_OPTIONAL},
		{FIELD_AUDIENCE, FIELD_REQUIRED}, {FIELD_TERRITORY, FIELD_OPTIONAL},
		{FIELD_REFERENCE_GROUP, FIELD_MULTI}, {FIELD_SURVEY_OPENS_ON, FIELD_REQUIRED},
		{FIELD_SURVEY_CLOSES_ON, FIELD_REQUIRED}, {FIELD_RESULTS, FIELD_REQUIRED},
		{FIELD_SURVEY_QUESTION, FIELD_MULTI}, {FIELD_QUESTION_KIND, FIELD_MULTI},
		{FIELD_QUESTION_REQUIRED, FIELD_MULTI}, {FIELD_QUESTION_OPTIONS, FIELD_MULTI}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, SURVEY_WRITERS},
	{"/admin/surveys/preset", METHOD_POST, page_admin_survey_preset,
	 FIELDS({FIELD_SURVEY_OPENS_ON, FIELD_REQUIRED}, {FIELD_SURVEY_CLOSES_ON, FIELD_REQUIRED}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, SURVEY_WRITERS},
	{"/admin/surveys/#", METHOD_GET, page_admin_survey, NULL, 0, SURVEY_WRITERS,
	 ROUTE_OWNER_SURVEY},
	{"/admin/surveys/#.csv", METHOD_GET, page_admin_survey_csv, NULL, 0, SURVEY_WRITERS,
	 ROUTE_OWNER_SURVEY},
	/* The plan of measures (page_admin_plan.c, issue 20 item 4): ?format=csv exports it. */
	{"/admin/plan", METHOD_GET, page_admin_plan,
	 FIELDS({FIELD_YEAR, FIELD_OPTIONAL}, {FIELD_FORMAT, FIELD_OPTIONAL}), 0, PLAN_READERS},
	{"/admin/plan", METHOD_POST, page_admin_plan_create,
	 FIELDS({FIELD_PLAN_ITEM, FIELD_REQUIRED}, {FIELD_PLAN_TEXT, FIELD_REQUIRED},
		{FIELD_PERIODICITY, FIELD_REQUIRED}, {FIELD_DUE_ON, FIELD_OPTIONAL},
		{FIELD_UNITS, FIELD_OPTIONAL}, {FIELD_EVIDENCE, FIELD_REQUIRED},
		{FIELD_KIND, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, PLAN_WRITERS},
	{"/admin/plan/import", METHOD_POST, page_admin_plan_import,
	 FIELDS({FIELD_ATTACHMENT, FIELD_OPTIONAL}, {FIELD_MUNICIPALITY, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_MULTIPART, PLAN_WRITERS},
	{"/admin/plan/#", METHOD_GET, page_admin_plan_measure, FIELDS({FIELD_YEAR, FIELD_OPTIONAL}),
	 0, PLAN_READERS, ROUTE_OWNER_PLAN_MEASURE},
	{"/admin/plan/#/records", METHOD_POST, page_admin_plan_record_create,
	 FIELDS({FIELD_DONE_ON, FIELD_REQUIRED}, {FIELD_RECORD_NOTE, FIELD_REQUIRED},
		{FIELD_ATTACHMENT, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER | ROUTE_MULTIPART, PLAN_WRITERS, ROUTE_OWNER_PLAN_MEASURE},
	{"/admin/plan/records/#", METHOD_GET, page_admin_plan_record_file, NULL, 0, PLAN_READERS,
	 ROUTE_OWNER_PLAN_RECORD},

	/* The press office (page_admin_press.c). */
	{"/admin/media-plan", METHOD_GET, page_admin_media_plan, FIELDS({FIELD_MONTH, FIELD_OPTIONAL}),
	 0, MEDIA_PLAN_READERS},
	{"/admin/media", METHOD_GET, page_admin_media, NULL, 0, MEDIA_LIST_WRITERS},
	{"/admin/media", METHOD_POST, page_admin_media_create, MEDIA_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEDIA_LIST_WRITERS},
	{"/admin/media/#", METHOD_GET, page_admin_media_contact, NULL, 0, MEDIA_LIST_WRITERS,
	 ROUTE_OWNER_MEDIA_CONTACT},
	{"/admin/media/#", METHOD_POST, page_admin_media_update, MEDIA_FORM,
	 ROUTE_FORM_ERRORS_TO_HANDLER, MEDIA_LIST_WRITERS, ROUTE_OWNER_MEDIA_CONTACT},
	{"/admin/media/#/deactivate", METHOD_POST, page_admin_media_deactivate, NULL, 0,
	 MEDIA_LIST_WRITERS, ROUTE_OWNER_MEDIA_CONTACT},
	{"/admin/media/#/activate", METHOD_POST, page_admin_media_activate, NULL, 0,
	 MEDIA_LIST_WRITERS, ROUTE_OWNER_MEDIA_CONTACT},
	{"/admin/reference-groups", METHOD_GET, page_admin_reference_groups, NULL, 0,
	 REFERENCE_READERS},
	{"/admin/reference-groups", METHOD_POST, page_admin_reference_group_create,
	 REFERENCE_GROUP_NEW_FORM, ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS},
	{"/admin/reference-groups/#", METHOD_GET, page_admin_reference_group, NULL, 0,
	 REFERENCE_READERS, ROUTE_OWNER_REFERENCE_GROUP},
	{"/admin/reference-groups/#", METHOD_POST, page_admin_reference_group_update,
	 REFERENCE_GROUP_FORM, ROUTE_FORM_ERRORS_TO_HANDLER, REFERENCE_WRITERS,
	 ROUTE_OWNER_REFERENCE_GROUP},
	/* The production calendar (page_admin_calendar.c): read by those who count working-day
	 * deadlines, changed by administrators when a decree on transfers of days off appears. */
	{"/admin/calendar", METHOD_GET, page_admin_calendar, NULL, 0, ROLES_CALENDAR_READERS},
	{"/admin/calendar", METHOD_POST, page_admin_calendar_year_create,
	 FIELDS({FIELD_YEAR, FIELD_REQUIRED}, {FIELD_SOURCE, FIELD_REQUIRED},
		{FIELD_PROVISIONAL, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLE_ADMIN},
	{"/admin/calendar/#", METHOD_GET, page_admin_calendar_year,
	 FIELDS({FIELD_DAY, FIELD_OPTIONAL}), 0, ROLES_CALENDAR_READERS},
	{"/admin/calendar/#", METHOD_POST, page_admin_calendar_year_update,
	 FIELDS({FIELD_SOURCE, FIELD_REQUIRED}, {FIELD_PROVISIONAL, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLE_ADMIN},
	{"/admin/calendar/#/days", METHOD_POST, page_admin_calendar_day_set,
	 FIELDS({FIELD_DAY, FIELD_REQUIRED}, {FIELD_DAY_KIND, FIELD_REQUIRED},
		{FIELD_NOTE, FIELD_OPTIONAL}),
	 ROUTE_FORM_ERRORS_TO_HANDLER, ROLE_ADMIN},
	{"/admin/calendar/#/remove", METHOD_POST, page_admin_calendar_day_remove,
	 FIELDS({FIELD_DAY, FIELD_REQUIRED}), 0, ROLE_ADMIN},
};

const size_t route_count = sizeof routes / sizeof routes[0];
