/* db_meeting_staff.h — readers of meetings on the staff side (the meeting pages, the staff home
 * page, the series, the place agreement, who was told, the reports of meetings, the production
 * calendar and the plan of measures): each returns structs, never columns by number. Text is
 * copied into the arena given; every list function answers 0 with *out and *count (an empty list
 * is 0 rows) or -1 on a database error, which it logs. The notifier's digests read the held
 * meetings and the unagreed places through db_dash_held and db_place_unagreed. */
#ifndef PORTAL_DB_MEETING_STAFF_H
#define PORTAL_DB_MEETING_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "db_reference.h"

/* ---- one meeting, as the staff form sees it ---- */

/* A meeting with everything its staff page and its actions read (STMT_STAFF_MEETING_GET, with
 * its invitees and reference groups). */
struct staff_meeting {
	long long id;
	const char *kind, *title, *organising_unit, *description, *theses, *analytical_note,
		*reference_materials, *status, *status_reason, *exception_reason;
	long long territory_id, venue_id, host_id, group_id; /* 0 when none */
	long long expected_attendance;                      /* -1 when unknown */
	time_t starts_at, ends_at;
	bool was_postponed, announced, has_attendance, approved, police_notified;
	time_t postponed_from, announced_at, approved_at, police_notified_at;
	long long attendance;
	long long *invitees; /* person ids */
	size_t invitee_count;
	long long *reference_groups; /* meeting_reference_group: whom its announcement is mailed */
	size_t reference_group_count;
};

/* Meeting id with its invitees and reference groups: 0, 1 when there is no such meeting, -1 on
 * a database error. */
int db_staff_meeting_get(struct db *db, struct arena *a, long long id, struct staff_meeting *out);

/* The filters of the staff list of meetings (STMT_STAFF_MEETING_LIST). */
struct staff_meeting_filter {
	const char *status, *kind; /* NULL: any */
	long long territory;       /* 0: any; else it and the territories under it */
	bool has_from, has_to;
	time_t from, to; /* UTC, to exclusive */
	int limit;
	long long scope; /* scope_bind_value: 0 for every body */
};

/* A row of the staff list of meetings. */
struct staff_meeting_row {
	long long id;
	const char *kind, *kind_name, *title, *status, *territory, *venue; /* venue "" when none */
	time_t starts_at;
	bool announced, has_exception, has_expected_attendance, police_notified;
	long long expected_attendance;
};

/* The meetings matching f, newest first. */
int db_staff_meeting_list(struct db *db, struct arena *a, const struct staff_meeting_filter *f,
			  struct staff_meeting_row **out, size_t *count);

/* A recorded change of place or time, or a cancellation, oldest first
 * (STMT_MEETING_CHANGE_LIST). */
struct staff_meeting_change {
	time_t at;
	const char *kind; /* postponed, rescheduled, place_changed, cancelled */
	bool has_old_start, has_new_start;
	time_t old_start, new_start;
	const char *reason, *login; /* login "" when the account is gone */
};

int db_staff_meeting_changes(struct db *db, struct arena *a, long long meeting,
			     struct staff_meeting_change **out, size_t *count);

/* Record that person was told of meeting at at by account by (STMT_INFORMED_MARK): 1 marked,
 * 0 when it already was, -1 on a database error. */
int db_staff_meeting_mark_informed(struct db *db, long long meeting, long long person, time_t at,
				   long long by);

/* ---- who was told of a meeting ---- */

/* An invitee or a member of the holding group (STMT_INFORMED_PEOPLE). */
struct informed_person {
	long long person;
	const char *full_name, *position, *organisation, *email, *phone;
	bool member; /* of the group, not invited by name */
	bool marked; /* marked as told by phone or in person */
	time_t marked_at;
	const char *marked_by; /* login */
	const char *mail;      /* the announcement mailed: sent, pending, dead or "" */
	time_t mail_sent_at;
};

int db_informed_people(struct db *db, struct arena *a, long long meeting,
		       struct informed_person **out, size_t *count);

/* ---- the place of a field meeting ---- */

/* The agreed place of a meeting (STMT_PLACE_AGREEMENT_GET). */
struct place_agreement {
	const char *kind, *status;
	time_t starts_at;
	bool agreed;
	time_t agreed_at;          /* 0 unless agreed */
	const char *agreed_by;     /* the staff member's name, "" */
	const char *agreed_with;   /* the note: with whom and how, "" */
};

/* 0, 1 when there is no such meeting, -1 on a database error. */
int db_place_agreement_get(struct db *db, struct arena *a, long long meeting,
			   struct place_agreement *out);

/* ---- the staff home page ---- */

/* A meeting in one of the home page's lists. */
struct meeting_item {
	long long id;
	const char *title;
	time_t starts_at;
	const char *kind; /* code; "" in the lists that do not read it */
};

/* Drafts starting after now (STMT_DASH_DRAFTS), with their kind. */
int db_dash_drafts(struct db *db, struct arena *a, time_t now, long long scope,
		   struct meeting_item **out, size_t *count);
/* Approved meetings after now not announced yet (STMT_DASH_UNANNOUNCED). */
int db_dash_unannounced(struct db *db, struct arena *a, time_t now, long long scope,
			struct meeting_item **out, size_t *count);
/* Coming meetings of at least attendance people without a police notice (STMT_DASH_POLICE). */
int db_dash_police(struct db *db, struct arena *a, time_t now, int attendance, long long scope,
		   struct meeting_item **out, size_t *count);
/* Coming meetings announced late (STMT_DASH_VIOLATIONS). */
int db_dash_violations(struct db *db, struct arena *a, time_t now, long long scope,
		       struct meeting_item **out, size_t *count);
/* Coming field meetings starting before before whose place is not agreed
 * (STMT_PLACE_UNAGREED). */
int db_place_unagreed(struct db *db, struct arena *a, time_t now, time_t before, long long scope,
		      struct meeting_item **out, size_t *count);

/* Held and planned meetings of kind in [from, to) of the account's body (STMT_DASH_KIND_COUNT):
 * 0, or -1 on a database error. */
int db_dash_kind_count(struct db *db, const char *kind, time_t from, time_t to, long long scope,
		       long long *held, long long *planned);

/* An information group's field meetings in a period (STMT_DASH_GROUPS). */
struct dash_group {
	long long id;
	const char *name;
	long long held, planned;
};

int db_dash_groups(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		   struct dash_group **out, size_t *count);

/* A held meeting whose protocol is not handed over (STMT_DASH_HELD). */
struct dash_held {
	long long id;
	const char *title;
	time_t starts_at;
	bool signed_;       /* its protocol is signed */
	bool has_protocol;  /* a protocol exists */
	int handover_days;  /* working days its kind allows, 0: none set */
};

/* At most limit of them, newest first; those without a protocol only when held since since. */
int db_dash_held(struct db *db, struct arena *a, int limit, long long scope, time_t since,
		 struct dash_held **out, size_t *count);


/* ---- series ---- */

/* A series of meetings with how many it made (STMT_SERIES_LIST). */
struct series_row {
	long long id;
	const char *title, *kind_name;
	long long meetings;
};

int db_series_list(struct db *db, struct arena *a, long long scope, struct series_row **out,
		   size_t *count);

/* Series id's title and kind name: 0, 1 when there is no such series, -1 on a database error. */
int db_series_get(struct db *db, struct arena *a, long long id, const char **title,
		  const char **kind_name);

/* A meeting of a series (STMT_SERIES_MEETINGS), by its start. */
struct series_meeting {
	long long id;
	time_t starts_at;
	const char *place;  /* "venue, address", else the territory */
	const char *status; /* in words: «черновик», «утверждена»… */
};

int db_series_meetings(struct db *db, struct arena *a, long long series,
		       struct series_meeting **out, size_t *count);

/* The territory of venue (STMT_VENUE_TERRITORY): 0 with *territory, 1 when there is no such
 * venue, -1 on a database error. */
int db_staff_venue_territory(struct db *db, long long venue, long long *territory);

/* ---- the production calendar ---- */

/* A year of the production calendar (STMT_CALENDAR_YEARS). */
struct calendar_year_row {
	int year;
	const char *source;
	time_t updated_at;
	long long days; /* exceptional days entered */
	bool provisional;
};

int db_calendar_years(struct db *db, struct arena *a, struct calendar_year_row **out,
		      size_t *count);

/* One year (STMT_CALENDAR_YEAR_GET). */
struct calendar_year {
	const char *source;
	time_t updated_at;
	bool provisional;
};

/* 0, 1 when the calendar has no such year, -1 on a database error. */
int db_calendar_year_get(struct db *db, struct arena *a, long long year,
			 struct calendar_year *out);

/* An exceptional day (ISO date, kind code, note; note "" in db_calendar_days). */
struct calendar_day_row {
	const char *day, *kind, *note;
};

/* The days of year (STMT_CALENDAR_YEAR_DAYS), and those of every year (STMT_CALENDAR_DAYS), by
 * date. */
int db_calendar_year_days(struct db *db, struct arena *a, long long year,
			  struct calendar_day_row **out, size_t *count);
int db_calendar_days(struct db *db, struct arena *a, struct calendar_day_row **out,
		     size_t *count);

/* ---- the reports ---- */

/* Held and planned meetings of kind starting in [from, to) of municipality body and hosted by
 * host (each 0: any) (STMT_REPORT_KIND_COUNT): 0, or -1 on a database error. */
int db_report_kind_count(struct db *db, const char *kind, time_t from, time_t to, long long body,
			 long long host, long long *held, long long *planned);

/* The information groups of municipality body created before before (STMT_REPORT_BODY_GROUPS):
 * 0 with *count, or -1 on a database error. */
int db_report_body_groups(struct db *db, long long body, time_t before, long long *count);

/* A group's field meetings in one quarter (STMT_REPORT_GROUP_QUARTER). */
struct report_group_quarter {
	long long id;
	const char *name;
	time_t created_at;
	long long held, held_in_part, planned;
};

/* The groups of body (0: every one) with their field meetings in the quarter [begin, end), of
 * them held in [part_from, part_to). */
int db_report_group_quarter(struct db *db, struct arena *a, time_t begin, time_t end,
			    time_t part_from, time_t part_to, long long body,
			    struct report_group_quarter **out, size_t *count);

/* A meeting announced late (STMT_REPORT_VIOLATIONS) or held by an exception
 * (STMT_REPORT_EXCEPTIONS). */
struct report_meeting {
	long long id;
	const char *title;
	time_t starts_at;
	const char *status;      /* violations only */
	time_t deadline_at;      /* violations only: the end of the day to publish by */
	const char *exception;   /* exceptions only: its reason */
};

/* Those starting in [from, to) of body (0: every one). */
int db_report_violations(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			 struct report_meeting **out, size_t *count);
int db_report_exceptions(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			 struct report_meeting **out, size_t *count);

/* An appeal answered or forwarded late (STMT_REPORT_ANSWERED_LATE), or open past its due date
 * (STMT_REPORT_OPEN_OVERDUE). */
struct report_late_appeal {
	const char *number, *topic;
	bool forwarded; /* late in forwarding, not in answering (answered late only) */
	const char *due_on, *done_on; /* ISO dates; done_on "" for an open one */
	long long days_late;
};

/* Answered or forwarded in [from, to) after their date due, dates local by utc_offset seconds. */
int db_report_answered_late(struct db *db, struct arena *a, time_t from, time_t to,
			    long long utc_offset, long long body, struct report_late_appeal **out,
			    size_t *count);
/* Still open on today (ISO) past their date due. */
int db_report_open_overdue(struct db *db, struct arena *a, const char *today, long long body,
			   struct report_late_appeal **out, size_t *count);

/* A held meeting and its protocol (STMT_REPORT_PROTOCOLS). */
struct report_protocol {
	long long id;
	const char *title;
	time_t starts_at;
	bool has_protocol, signed_, handed;
	time_t handed_at;
	int handover_days; /* 0: the kind sets none */
};

int db_report_protocols(struct db *db, struct arena *a, time_t from, time_t to, long long body,
			struct report_protocol **out, size_t *count);

/* An instruction executed late or still late (STMT_REPORT_INSTRUCTIONS_LATE). */
struct report_instruction {
	long long id;
	const char *text, *unit, *due_on, *status;
	bool done;            /* reported: done_on holds the local day */
	const char *done_on;  /* ISO, "" unless done */
	long long days_late;
	const char *meeting, *appeal; /* its protocol's meeting title, its appeal's number, "" */
};

/* Due in [from_iso, to_iso], late on today; dates local by utc_offset seconds. */
int db_report_instructions_late(struct db *db, struct arena *a, const char *from_iso,
				const char *to_iso, const char *today, long long utc_offset,
				long long body, struct report_instruction **out, size_t *count);

/* An information group's work in a period (STMT_REPORT_GROUPS). */
struct report_group {
	const char *name, *territory;
	long long territory_id;
	long long held, attendance, appeals, given, executed;
};

/* The groups of the bodies of scope (STAFF_SCOPE_SQL: a municipality, or a district and its
 * settlements; 0 for every group) and their work in [from, to). 0, or -1 on a database error. */
int db_report_groups(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		     struct report_group **out, size_t *count);

/* Appeals received in a month by classifier code (STMT_REPORT_MONTHLY). */
struct report_month_code {
	bool has_code;
	const char *code, *topic; /* "" without a code */
	long long received, answered, forwarded, unanswered, open;
};

/* Received in [from, to) by the bodies of scope (STAFF_SCOPE_SQL; 0 for every appeal), their
 * state at to. 0, or -1 on a database error. */
int db_report_monthly(struct db *db, struct arena *a, time_t from, time_t to, long long scope,
		      struct report_month_code **out, size_t *count);

/* ---- the plan of measures ---- */

/* A measure of the plan as stored (STMT_PLAN_MEASURE_LIST). */
struct plan_measure_row {
	long long id;
	const char *item, *text, *periodicity, *due_iso, *units, *evidence, *meeting_kind,
		*kind_name, *evidence_name; /* due_iso, meeting_kind, kind_name "" when none */
	const char *municipality;           /* the name of the body whose measure it is */
};

/* Measure id, or every measure when id is 0, of the bodies of scope (scope_bind_value: 0 for
 * every body) and, when body is not 0, of that municipality only; the district's first, then
 * by body and id. 0, or -1 on a database error. */
int db_plan_measures(struct db *db, struct arena *a, long long id, long long scope,
		     long long body, struct plan_measure_row **out, size_t *count);

/* A piece of evidence that a measure was fulfilled (STMT_PLAN_EVIDENCE_MEETINGS, _DISCUSSIONS,
 * _RECORDS): its id and title, and its time or its ISO date. */
struct plan_evidence_row {
	long long id;
	const char *title;
	bool has_time;
	time_t at;       /* when has_time */
	const char *day; /* ISO, otherwise */
};

/* The evidence statement which finds for measure (meeting kind kind) in [from, to) UTC, i.e.
 * the local days [from_iso, to_iso]. */
int db_plan_evidence(struct db *db, struct arena *a, enum stmt which, long long measure,
		     const char *kind, time_t from, time_t to, const char *from_iso,
		     const char *to_iso, struct plan_evidence_row **out, size_t *count);

/* The kinds of evidence, code and name, in the order of the form (STMT_PLAN_EVIDENCE_KINDS). */
int db_plan_evidence_kinds(struct db *db, struct arena *a, struct kind_item **out,
			   size_t *count);

/* A record entered by hand for a measure (STMT_PLAN_RECORDS), newest first. */
struct plan_record_row {
	long long id;
	const char *done_on, *note, *file_name;
	time_t created_at;
	const char *created_by; /* name, "" */
};

int db_plan_records(struct db *db, struct arena *a, long long measure,
		    struct plan_record_row **out, size_t *count);

/* The document of record id (STMT_PLAN_RECORD_GET): 0, 1 when there is no such record, -1 on a
 * database error. */
int db_plan_record_file(struct db *db, struct arena *a, long long id, const char **name,
			const char **mime, const char **sha256);

#endif
