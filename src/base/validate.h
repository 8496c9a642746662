/* validate.h — every input field the site accepts, declared once with its type and limits, and
 * the validator that turns raw parameters into typed values before any handler runs (kcgi's
 * idea: handlers only ever see values that passed). */
#ifndef PORTAL_VALIDATE_H
#define PORTAL_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "civil_time.h"
#include "params.h"

/* Field names as the forms and links send them; the table in validate.c has one row each. */
enum field {
	FIELD_TERRITORY, /* territory id (schedule filter) */
	FIELD_KIND,      /* meeting kind code */
	FIELD_FROM,      /* first local date, YYYY-MM-DD */
	FIELD_TO,        /* last local date, YYYY-MM-DD, inclusive */
	FIELD_PAGE,      /* page number, 1-based */
	FIELD_MODE,      /* "on" or "off" for the visually impaired version */
	FIELD_RETURN,    /* a local path to go back to */
	FIELD_CSRF,      /* the anti-forgery token of every staff form */
	FIELD_LOGIN,     /* staff login */
	FIELD_PASSWORD,  /* password at login, or the current one when changing it */
	FIELD_NEW_PASSWORD,
	FIELD_NEW_PASSWORD_AGAIN,
	FIELD_FULL_NAME, /* a staff member's name */
	FIELD_ROLE,      /* staff role code */
	FIELD_USER,      /* staff user id (audit filter) */
	FIELD_ENTITY,    /* audited entity name (audit filter) */
	FIELD_STATUS,    /* meeting status (staff filter) */
	FIELD_TITLE,     /* meeting topic */
	FIELD_VENUE,     /* venue id */
	FIELD_HOST,      /* person id of the host */
	FIELD_STARTS_AT, /* local YYYY-MM-DDTHH:MM */
	FIELD_ENDS_AT,
	FIELD_EXPECTED_ATTENDANCE,
	FIELD_ORGANISING_UNIT,
	FIELD_DESCRIPTION,
	FIELD_THESES,
	FIELD_ANALYTICAL_NOTE,
	FIELD_REFERENCE_MATERIALS,
	FIELD_INVITEE,   /* person ids, several allowed */
	FIELD_EXCEPTION_REASON, /* why a meeting is approved less than 5 days ahead */
	FIELD_CANCEL_REASON,
	FIELD_POSTPONE_REASON,
	FIELD_NEW_STARTS_AT, /* the new time of a postponed meeting */
	FIELD_NEW_ENDS_AT,
	FIELD_ATTENDANCE, /* how many came */
	FIELD_GROUP,      /* information group id of a meeting */
	FIELD_NAME,       /* name of a territory, venue or information group */
	FIELD_LEVEL,      /* territory level: district, settlement, microdistrict */
	FIELD_PARENT,     /* territory id the new territory belongs to */
	FIELD_ADDRESS,    /* venue address */
	FIELD_VENUE_KIND, /* venue kind code: culture, education, … */
	FIELD_CAPACITY,   /* seats of a venue */
	FIELD_POSITION,   /* a person's position */
	FIELD_ORGANISATION, /* a person's organisation */
	FIELD_CATEGORY,   /* person category code: official, deputy, … */
	FIELD_EMAIL,      /* a person's e-mail (staff only, never public) */
	FIELD_PHONE,      /* a person's phone (staff only, never public) */
	FIELD_LEADER,     /* person id leading an information group */
	FIELD_SECRETARY,  /* person id of its secretary */
	FIELD_MEMBER,     /* person ids of its members, several allowed */
	FIELD_RULE,       /* how a series repeats: weekly, monthly, tour */
	FIELD_WEEKDAY,    /* 1 Monday … 7 Sunday */
	FIELD_ORDINAL,    /* 1..4, 5 = the last weekday of the month */
	FIELD_PERIOD_FROM, /* first date of a series */
	FIELD_PERIOD_TO,
	FIELD_START_TIME, /* HH:MM of each meeting of a series */
	FIELD_END_TIME,
	FIELD_STOP_DATE,  /* the date of each stop of a tour, several */
	FIELD_STOP_VENUE, /* the venue of each stop, several, in the same order */
	FIELD_MONTH,      /* YYYY-MM, as <input type="month"> sends it (media plan filter) */
	FIELD_TOKEN,      /* a subscription's random token (confirmation and unsubscribe links) */
	FIELD_CONSENT,    /* "yes": consent to the processing of the e-mail address (152-ФЗ) */
	FIELD_HONEYPOT,   /* a field people never see and robots fill in: must stay empty */
	FIELD_LIST_UNSUBSCRIBE, /* "One-Click": the body of an RFC 8058 one-click unsubscribe */
	FIELD_SUMMARY,    /* what a reference group is about */
	FIELD_MEMBER_NAME, /* reference group members, one form row each, several */
	FIELD_MEMBER_ORGANISATION,
	FIELD_MEMBER_EMAIL,
	FIELD_REFERENCE_GROUP, /* reference group ids a meeting is mailed to, several */
	FIELD_YEAR,       /* a year of the production calendar */
	FIELD_SOURCE,     /* the decree a calendar year comes from */
	FIELD_DAY,        /* a day of the production calendar, YYYY-MM-DD */
	FIELD_DAY_KIND,   /* holiday, day_off, working, short */
	FIELD_NOTE,       /* a note on a calendar day */
	FIELD_PROVISIONAL, /* 1: a calendar year derived from the Labour Code, no decree yet */
	/* Appeals (page_appeals.c, page_admin_appeals.c). Several share a parameter name with a
	 * field above ("name", "address") but are labelled for the applicant. */
	FIELD_ADDRESSEE,  /* head, administration, unit */
	FIELD_ADDRESSEE_UNIT,
	FIELD_SURNAME,
	FIELD_GIVEN_NAME, /* "name": the applicant's first name */
	FIELD_PATRONYMIC,
	FIELD_POSTAL_ADDRESS, /* "address": where a paper answer goes */
	FIELD_APPEAL_TOPIC, /* "topic" of an appeal: a classifier code, 0005.0005.0056 */
	FIELD_APPEAL_TEXT, /* "text" */
	FIELD_APPEAL_NUMBER, /* "number": 2026-00042 */
	FIELD_APPEAL_CODE, /* "code": the private code given with the number */
	FIELD_APPEAL_SOURCE, /* "source": meeting, reception, mail (staff registration) */
	FIELD_RECEIVED_ON, /* the local date a paper appeal was received */
	FIELD_MEETING,    /* the meeting an appeal was handed in at */
	FIELD_RECEPTION_BY, /* who held the personal reception */
	FIELD_ORAL,       /* "yes": an oral appeal at a personal reception */
	FIELD_ORAL_ANSWER, /* the oral answer given at the reception */
	FIELD_ORAL_CONSENT, /* "yes": the applicant agreed to an oral answer (59-ФЗ art. 13) */
	FIELD_UNIT,       /* the unit an appeal is assigned to */
	FIELD_EXECUTOR,   /* staff user id of the executor */
	FIELD_FORWARD_TO, /* the body an appeal is forwarded to */
	FIELD_EXTENSION_DAYS,
	FIELD_REASON,     /* why: an extension, a closing without an answer */
	FIELD_ANSWER,     /* the answer to the applicant */
	FIELD_OUTCOME,    /* how an appeal ends without an answer (59-ФЗ art. 11) */
	FIELD_REPEATED_OF, /* the registration number of the earlier appeal */
	FIELD_PUBLIC_QUESTION, /* the published version, without personal data */
	FIELD_PUBLIC_ANSWER,
	FIELD_QUERY,      /* "q": words to find in appeals */
	FIELD_DUE,        /* "soon" or "overdue" (registry filter) */
	FIELD_ATTACHMENT, /* "attachment": file parts (req->files); declared for its errors */
	FIELD_TOPIC,      /* code in the classifier of appeals, 0005.0005.0056 (shape checked by
	                     page_admin_topics.c, so that a wrong one is explained) */
	FIELD_PARENT_TOPIC, /* the code a new entry of the classifier goes under */
	FIELD_ACTIVE,     /* 1: an entry of the classifier is used, 0: switched off */
	/* Protocols and instructions (page_admin_protocols.c). */
	FIELD_PROTOCOL_NUMBER, /* the number of a protocol */
	FIELD_HELD_ON,    /* the date of the meeting as the protocol states it */
	FIELD_PLACE,      /* where it was held, as the protocol states it */
	FIELD_CHAIR,      /* person id of the chair */
	FIELD_OFFICIAL,   /* person ids of the officials present, several */
	FIELD_QUESTION,   /* the questions raised, one form row each, several */
	FIELD_QUESTION_ANSWER, /* the answer given to each, in the same order */
	FIELD_DECISIONS,
	FIELD_PHOTO_URL,  /* http(s) links to the photo and video report */
	FIELD_VIDEO_URL,
	FIELD_AMENDMENT,  /* the text of a correction of a signed protocol */
	FIELD_INSTRUCTION_TEXT, /* "instruction": what is to be done */
	FIELD_DUE_ON,     /* the due date of an instruction */
	FIELD_CONTROLLER, /* staff user id controlling an instruction */
	FIELD_REPORT,     /* the executor's report */
	FIELD_MINE,       /* 1: only the instructions the signed-in staff member executes or
	                     controls */
	FIELD_QUESTION_PUBLIC, /* the rows (1-based) of the questions the site may show, several */
	FIELD_AMENDMENT_PUBLIC, /* 1: an amendment is free of personal data, the site may show it */
	FIELD_REVISION,   /* the revision of a draft protocol the signing form showed */
	FIELD_PERSON,     /* person id a staff account belongs to */
	/* Reports (page_admin_reports.c) and the Open311 API (open311.c). */
	FIELD_HALF,       /* 1 or 2: the half of a year */
	FIELD_FORMAT,     /* "csv": the download instead of the page */
	FIELD_START_DATE, /* Open311: ISO 8601 datetime, the earliest requested_datetime */
	FIELD_END_DATE,   /* Open311: the latest */
	FIELD_SERVICE_CODE, /* Open311: classifier codes, comma-separated */
	FIELD_REQUEST_STATUS, /* Open311 "status": open, closed or both, comma-separated */
	FIELD_SERVICE_REQUEST_ID, /* Open311: registration numbers, comma-separated */
	FIELD_PLACE_AGREED_WITH, /* with whom the place of a field meeting was agreed
	                            (regulation № 44 on information groups §3.6.2) */
	FIELD_MEMBER_CONSENT, /* per participant row: how and when consent to the mail was given */
	/* Residents (page_account.c): the provider's answer at the callback, the one-time code,
	 * the verdict on an answer. */
	FIELD_OIDC_CODE,  /* "code": the authorization code the provider sends back */
	FIELD_OIDC_STATE, /* "state": the random value the sign-in began with */
	FIELD_OIDC_ERROR, /* "error": the provider's refusal (access_denied, …) */
	FIELD_OTP,        /* "code": the 6 digits of a one-time code by e-mail */
	FIELD_VERDICT,    /* resolved or unresolved: the resident's verdict on an answer */
	FIELD_VERDICT_COMMENT, /* "comment" on the verdict */
	/* Public discussions of drafts (issue 20): the staff form of a draft (with FIELD_UNIT,
	 * FIELD_TERRITORY, FIELD_MEETING), a resident's proposal, moderation and the conclusion
	 * (with FIELD_REASON, FIELD_OUTCOME). */
	FIELD_DRAFT_TITLE, /* "title" of the draft act */
	FIELD_DRAFT_BODY, /* "body": the draft's text */
	FIELD_DISCUSSION_FORM, /* "form": online or hearing */
	FIELD_OPENS_ON,   /* first local date of a discussion */
	FIELD_CLOSES_ON,  /* last local date of a discussion, inclusive */
	FIELD_POINT,      /* the point of the draft a proposal is about; empty: the whole draft */
	FIELD_PROPOSAL_TEXT, /* "text" of a proposal */
	FIELD_AUTHOR_NAME, /* "author": how the resident signs a proposal */
	FIELD_SHOW_AS,    /* full or initials: how the author is shown */
	FIELD_CONCLUSION, /* the conclusion on the results of a discussion */
	/* Personal receptions (page_receptions.c, page_admin_receptions.c). */
	FIELD_SLOT_MINUTES, /* the length of one visitor's slot */
	FIELD_TOPICS,     /* the topics a reception takes */
	FIELD_SLOT,       /* the start of a slot, seconds since the epoch */
	FIELD_BOOKING_QUESTION, /* "question" of a booking, in short */
	FIELD_CONTACT,    /* how to reach the visitor */
	FIELD_VISIT,      /* came or absent: the staff's mark */
	FIELD_WAITING,    /* the reception whose waiting list the resident just joined */
	FIELD_BOOKING,    /* the booking a reception card is filled from */
	/* Surveys (page_surveys.c, page_admin_surveys.c; issue 20): the staff form (with
	 * FIELD_TERRITORY, FIELD_REFERENCE_GROUP), its question rows (repeated, paired by
	 * position), and a resident's answers, one field per question by its position. */
	FIELD_SURVEY_TITLE, /* "title" of a survey */
	FIELD_SURVEY_INTRO, /* "intro": what the survey is for, shown above the questions */
	FIELD_AUDIENCE,   /* all, territory or groups */
	FIELD_RESULTS,    /* live or closed: when the results are shown to everyone */
	FIELD_SURVEY_OPENS_ON, /* "opens_on": first local date of a survey */
	FIELD_SURVEY_CLOSES_ON, /* "closes_on": last local date of a survey, inclusive */
	FIELD_SURVEY_QUESTION,   /* the text of a question row */
	FIELD_QUESTION_KIND, /* single, multiple, scale or text */
	FIELD_QUESTION_REQUIRED, /* yes or no */
	FIELD_QUESTION_OPTIONS, /* the options of a choice question, one a line */
	FIELD_RESIDENT_OF, /* "yes": the resident lives in the survey's territory */
	FIELD_ANSWER_1,   /* "q1" … "q20": the answer to the question in that position (repeated
	                     for a multiple choice) */
	FIELD_ANSWER_2, FIELD_ANSWER_3, FIELD_ANSWER_4, FIELD_ANSWER_5, FIELD_ANSWER_6,
	FIELD_ANSWER_7, FIELD_ANSWER_8, FIELD_ANSWER_9, FIELD_ANSWER_10, FIELD_ANSWER_11,
	FIELD_ANSWER_12, FIELD_ANSWER_13, FIELD_ANSWER_14, FIELD_ANSWER_15, FIELD_ANSWER_16,
	FIELD_ANSWER_17, FIELD_ANSWER_18, FIELD_ANSWER_19, FIELD_ANSWER_20,
	/* The plan of measures (page_admin_plan.c, issue 20 item 4), with FIELD_DUE_ON (the date of
	 * a measure done once), FIELD_KIND (the meeting kind that proves it), FIELD_YEAR,
	 * FIELD_FORMAT and FIELD_ATTACHMENT (the CSV file to import, a record's document). */
	FIELD_PLAN_ITEM,  /* "item": the measure's number in the plan */
	FIELD_PLAN_TEXT,  /* "text": the measure */
	FIELD_PERIODICITY, /* monthly, quarterly, half_yearly, yearly, once, permanent */
	FIELD_UNITS,      /* the units that answer for a measure */
	FIELD_EVIDENCE,   /* meeting, discussion, record: what proves a measure happened */
	FIELD_DONE_ON,    /* the local date a measure happened, in a record entered by hand */
	FIELD_RECORD_NOTE, /* "note": what was done, in that record */
	/* Municipalities (issue 18: page_admin_municipalities.c, the appeal form, territories),
	 * with FIELD_NAME, FIELD_ADDRESS, FIELD_PHONE, FIELD_EMAIL. */
	FIELD_MUNICIPALITY, /* municipality id: the body an appeal goes to, a territory's owner */
	FIELD_MUNICIPALITY_KIND, /* municipal_district, urban_settlement, … */
	FIELD_DISTRICT,   /* municipality id of the district a settlement belongs to */
	FIELD_OFFICIAL_NAME, /* «Берёзовское сельское поселение» */
	FIELD_ADMINISTRATION, /* «Администрация Берёзовского сельского поселения» */
	FIELD_BODY_CODE,  /* "number_code": Cyrillic capitals starting its appeals' numbers */
	FIELD_SLUG,       /* Latin path segment of /m/<slug> */
	FIELD_HEAD,       /* person id of the head */
	FIELD_RECEPTION_HOURS,
	FIELD_SITE_URL,   /* the municipality's official site, http(s) */
	FIELD_TIMEZONE,   /* IANA zone name */
	FIELD__MAX
};

enum field_type {
	FIELD_TYPE_ID,         /* positive integer id */
	FIELD_TYPE_INT,        /* integer in [min, max] */
	FIELD_TYPE_DATE,       /* YYYY-MM-DD, a real date */
	FIELD_TYPE_CODE,       /* [a-z0-9_], 1..max characters */
	FIELD_TYPE_LINE,       /* one line of text, max characters, no controls */
	FIELD_TYPE_TEXT,       /* text with line breaks, max characters, no other controls */
	FIELD_TYPE_LOCAL_PATH, /* "/…" on this site only: never "//host" */
	FIELD_TYPE_TOKEN,      /* [A-Za-z0-9_-], 1..max characters (random tokens) */
	FIELD_TYPE_SECRET,     /* like LINE, but never shown back in a form */
	FIELD_TYPE_DATETIME,   /* YYYY-MM-DDTHH:MM, local time, as <input type="datetime-local"> */
	FIELD_TYPE_TIME,       /* HH:MM, as <input type="time"> */
	FIELD_TYPE_EMAIL,      /* like LINE, shaped local@domain.tld (see validate.c) */
	FIELD_TYPE_PHONE,      /* digits, spaces, + ( ) - only, '+' first if at all, 5+ digits */
};

struct field_spec {
	const char *name;     /* parameter name */
	enum field_type type;
	long long min, max;   /* range for INT; max length in characters for text types */
	const char *label;    /* how the field is called in Russian error messages */
};

extern const struct field_spec field_specs[FIELD__MAX];

enum field_state { FIELD_ABSENT, FIELD_VALID, FIELD_INVALID };

struct field_value {
	enum field_state state;
	const char *raw;         /* what was sent, for re-filling forms; NULL when absent */
	long long number;        /* ID and INT */
	struct civil_date date;  /* DATE and DATETIME */
	int hour, minute;        /* DATETIME */
	const long long *ids;    /* ID with FIELD_MULTI: every non-empty value, in order */
	size_t id_count;
	const struct field_value *values; /* FIELD_MULTI: every value sent, empty ones ABSENT, so
	                                     rows of a form pair up by position */
	size_t value_count;
	const char *text;        /* CODE, LINE, TEXT, LOCAL_PATH: the accepted text */
	const char *error;       /* INVALID: the reason, in Russian */
};

/* Flags of a field on one route. */
enum { FIELD_OPTIONAL = 0, FIELD_REQUIRED = 1, FIELD_MULTI = 2 /* may repeat (checkboxes) */ };

struct route_field {
	enum field field;
	unsigned flags;
};

/* Validate the fields a route declares (list ends with {FIELD__MAX, 0}) from source into out,
 * which is indexed by enum field; undeclared parameters are ignored. An empty value counts as
 * absent (a filter left at "all"). A field sent twice is invalid. Returns the number of invalid
 * fields. */
size_t validate_fields(struct arena *a, const struct param_list *source,
		       const struct route_field *declared, struct field_value out[FIELD__MAX]);

/* Validate one raw value against a spec (exposed for unit tests and fuzzing). */
void validate_value(struct arena *a, const struct field_spec *spec, const char *raw, size_t len,
		    struct field_value *out);

/* Whether raw (len bytes of valid UTF-8) has the e-mail shape FIELD_TYPE_EMAIL accepts: also
 * what the notifier checks before it sends to an address. */
bool validate_email_shape(const char *raw, size_t len);

#endif
