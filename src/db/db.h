/* db.h — the SQLite connection of one process: pragmas, numbered migrations from sql/, and the
 * table of statements every worker prepares once at start-up. */
#ifndef PORTAL_DB_H
#define PORTAL_DB_H

#include <sqlite3.h>
#include <stdbool.h>

#include "arena.h"
#include "group_commit.h"

/* Every statement the programs run, one id each; the SQL is in the storage file of its entity
 * (db_meeting.c, db_appeal.c, db_account.c, … — a DB_STATEMENT row with its result columns),
 * the few that belong to none in db_statements.c. "scope" is a staff account's body
 * (STAFF_SCOPE_SQL in db_statements.h; 0 or unbound: every row). */
enum stmt {
	STMT_HEALTH,             /* () → 1 if the schema is readable */
	STMT_DATA_VERSION,       /* () → PRAGMA data_version, changes when another connection wrote */
	STMT_BEGIN_READ,         /* () BEGIN: one snapshot for every query of a public page */
	STMT_END_READ,           /* () COMMIT, of a read snapshot or of db_begin's transaction */
	STMT_BEGIN_WRITE,        /* () BEGIN IMMEDIATE (db_begin) */
	STMT_ROLLBACK,           /* () ROLLBACK (db_rollback) */
	STMT_TERRITORY_TREE,     /* () → id, name, depth in tree order */
	STMT_KIND_LIST,          /* () → code, name */
	STMT_KIND_WORDS,         /* () → code, name, gender m/f/n/p, title stems "a|b" */
	STMT_MEETING_UPCOMING,   /* (territory, kind, from, to, now, limit, offset) → summaries
	                            of meetings not yet ended, soonest first */
	STMT_MEETING_UPCOMING_COUNT, /* (territory, kind, from, to, now) → how many */
	STMT_MEETING_PAST,       /* (territory, kind, from, to, now, limit, offset) → summaries
	                            of ended meetings, newest first */
	STMT_MEETING_COUNT,      /* (territory, kind, from, to, at most) → count, at most that */
	STMT_MEETING_PAST_OF,    /* STMT_MEETING_PAST on a municipality's schedule (?8 set) */
	STMT_MEETING_COUNT_OF,   /* STMT_MEETING_COUNT on a municipality's schedule (?8 set) */
	STMT_MEETING_RECENT_HELD, /* (limit) → summaries of the latest held meetings */
	STMT_MEETING_GET,        /* (id) → one public meeting in detail */
	STMT_MEETING_INVITEES,   /* (id) → name, position, organisation */
	STMT_MEETING_PUBLIC_CHANGES, /* (id) → at, kind, old start, new start, old venue, new venue */
	STMT_SESSION_GET,        /* (token hash) → session and its user with its body */
	STMT_SESSION_INSERT,     /* (token hash, user, csrf, now, address) */
	STMT_SESSION_TOUCH,      /* (id, now) */
	STMT_SESSION_DELETE,     /* (id) */
	STMT_SESSION_DELETE_OTHERS, /* (user, kept session id) */
	STMT_SESSION_DELETE_USER, /* (user): every session of a disabled account */
	STMT_USER_BY_LOGIN,      /* (login) → id, password hash, disabled */
	STMT_USER_BY_ID,         /* (id) → login, full name, role, disabled, password hash */
	STMT_USER_SET_PASSWORD,  /* (id, hash, now) */
	STMT_USER_LIST,          /* () → id, login, full name, role, disabled, created, email,
	                            name of the person the account belongs to or '', name of
	                            its municipality or '' */
	STMT_USER_INSERT,        /* (login, full name, role, hash, email, person id or NULL,
	                            municipality or NULL) */
	STMT_USER_PROFILE,       /* (id) → login, full name, role, disabled, email, created,
	                            person id or 0, municipality or 0 */
	STMT_USER_SET_PROFILE,   /* (id, full name, email, person or NULL, municipality or NULL) */
	STMT_USER_JSON,          /* (id) → the account as JSON (never the hash), for the audit log */
	STMT_USER_SET_DISABLED,  /* (id, disabled) */
	/* Staff scoped to bodies (issue 18 item 3; db_scope.c): (record id, the account's
	 * municipality) → 1 when the municipality that owns the record is that one or one of its
	 * settlements; no row when it is not or the record does not exist. */
	STMT_SCOPE_MEETING,      /* a meeting, a reception (its meeting), a protocol's meeting */
	STMT_SCOPE_APPEAL,
	STMT_SCOPE_APPEAL_FILE,  /* a file of an appeal */
	STMT_SCOPE_INSTRUCTION,  /* by its protocol's meeting or its appeal */
	STMT_SCOPE_SERIES,       /* by its meetings */
	STMT_SCOPE_RECEPTION_SCHEDULE, /* by its series' meetings, else its venue */
	STMT_SCOPE_BOOKING,      /* by its reception's meeting */
	STMT_SCOPE_TERRITORY,
	STMT_SCOPE_MUNICIPALITY,
	STMT_SCOPE_GROUP,        /* an information group, by its territory */
	STMT_SCOPE_VENUE,        /* by its territory */
	STMT_SCOPE_DISCUSSION,   /* by its territory, else its meeting */
	STMT_SCOPE_PROPOSAL,     /* by its discussion */
	STMT_SCOPE_SURVEY,       /* by its territory */
	STMT_SCOPE_OUTBOX,       /* by its meeting */
	STMT_SCOPE_REFERENCE_GROUP, /* a reference group, by its body (migration 030) */
	STMT_SCOPE_PLAN_MEASURE, /* a measure of the plan, by its body (migration 030) */
	STMT_SCOPE_PLAN_RECORD,  /* a record of the plan, by its measure */
	STMT_SCOPE_MEDIA_CONTACT, /* by its municipality */
	STMT_SCOPE_TERRITORIES,  /* (municipality) → id of every territory of it and of its
	                            settlements, by id */
	STMT_THROTTLE_GET,       /* (key) → failures, last failure, locked until */
	STMT_THROTTLE_FAIL,      /* (key, now, max failures, lock seconds, forget after seconds) */
	STMT_THROTTLE_CLEAR,     /* (key) */
	STMT_THROTTLE_PURGE,     /* (before): forget failures older than that, unless locked */
	STMT_AUDIT_INSERT,       /* (at, user, login, action, entity, entity id, before, after) */
	STMT_AUDIT_LIST,         /* (user, entity, from, to, limit) → newest first */
	/* The staff side of meetings (their pages, the home page, series, place agreement, who
	 * was told, the meeting reports, the production calendar, the plan of measures): the SQL
	 * and readers of the statements db_meeting_staff.h names are in db_meeting_staff.c. */
	STMT_STAFF_MEETING_LIST, /* (status, kind, territory, from, to, limit, scope) → every meeting;
	                            its kind code last */
	STMT_STAFF_MEETING_GET,  /* (id) → one meeting, every column the staff form edits */
	STMT_STAFF_MEETING_INSERT, /* (kind, title, territory, venue, starts, ends, host, unit,
	                              expected, description, theses, note, materials, group, now) */
	STMT_STAFF_MEETING_UPDATE, /* (id, same as insert) */
	STMT_STAFF_MEETING_JSON, /* (id) → the row as a JSON object, for the audit log */
	STMT_MEETING_INVITEE_CLEAR, /* (meeting) */
	STMT_MEETING_INVITEE_ADD,   /* (meeting, person) */
	STMT_MEETING_INVITEE_IDS,   /* (meeting) → person ids */
	STMT_MEETING_SET_STATUS, /* (id, status, reason, now) */
	STMT_MEETING_APPROVE,    /* (id, now, user, exception reason) */
	STMT_MEETING_POSTPONE,   /* (id, new start, new end, reason, now) */
	STMT_MEETING_HELD,       /* (id, attendance, now) */
	STMT_MEETING_POLICE_NOTIFIED, /* (id, now) */
	STMT_MEETING_UNANNOUNCE, /* (id): the change must be announced again */
	STMT_MEETING_SET_EXCEPTION, /* (id, reason): the 5-day rule broken by a recorded exception */
	STMT_MEETING_MARK_MOVED, /* (id, old start): a live meeting given a new time is postponed */
	STMT_MEETING_CHANGE_INSERT, /* (meeting, now, user, kind, old start, old venue, new start,
	                               new venue, reason) */
	STMT_MEETING_CHANGE_LIST, /* (meeting) → at, kind, old start, new start, reason, login */
	STMT_VENUE_LIST,         /* (scope) → id, name, address */
	STMT_PERSON_LIST,        /* () → id, full name, position */
	/* Reference data for staff (page_admin_territories.c, _venues.c, _people.c, _groups.c). */
	STMT_TERRITORY_ADMIN_TREE, /* () → id, name, depth, level, parent id, venues, meetings */
	STMT_TERRITORY_GET,      /* (id) → name, level, parent id, parent name */
	STMT_TERRITORY_NAME_TAKEN, /* (parent or NULL, name, id to skip or NULL) → 1 if a sibling
	                              already has the name */
	STMT_TERRITORY_INSERT,   /* (parent, level, name, municipality or NULL: from the parent) */
	STMT_TERRITORY_RENAME,   /* (id, name) */
	STMT_TERRITORY_JSON,     /* (id) → the row as a JSON object, for the audit log */
	STMT_VENUE_ADMIN_LIST,   /* (scope) → id, name, address, kind, capacity, territory name */
	STMT_VENUE_GET,          /* (id) → name, address, kind, capacity, territory id */
	STMT_VENUE_INSERT,       /* (territory, name, address, kind, capacity) */
	STMT_VENUE_UPDATE,       /* (id, territory, name, address, kind, capacity) */
	STMT_VENUE_JSON,         /* (id) → the row as JSON */
	STMT_PERSON_ADMIN_LIST,  /* (category or NULL) → id, full name, position, organisation,
	                            category, email, phone; by category, then name */
	STMT_PERSON_GET,         /* (id) → full name, position, organisation, category, email,
	                            phone */
	STMT_PERSON_INSERT,      /* (full name, position, organisation, category, email, phone) */
	STMT_PERSON_UPDATE,      /* (id, same as insert) */
	STMT_PERSON_JSON,        /* (id) → the row as JSON */
	STMT_GROUP_LIST,         /* (scope) → id, name, territory, leader, secretary, members count */
	STMT_GROUP_OPTIONS,      /* (scope) → id, name, territory name: choices of the meeting form */
	STMT_GROUP_GET,          /* (id) → name, territory id, leader id, secretary id, created */
	STMT_GROUP_INSERT,       /* (name, territory, leader, secretary, now) */
	STMT_GROUP_UPDATE,       /* (id, name, territory, leader, secretary) */
	STMT_GROUP_JSON,         /* (id) → the row with its member ids as JSON */
	STMT_GROUP_MEMBER_CLEAR, /* (group) */
	STMT_GROUP_MEMBER_ADD,   /* (group, person) */
	STMT_GROUP_MEMBERS,      /* (group) → person id, full name, position */
	STMT_VENUE_TERRITORY,    /* (venue) → its territory id */
	STMT_MEETING_TERRITORY,  /* (meeting) → its territory id */
	STMT_INFORMED_PEOPLE,    /* (meeting) → person id, name, position, organisation, e-mail,
	                            phone, 1 for a group member not invited, told at (or NULL), by
	                            login, its announcement mail's best status (sent, pending,
	                            dead or NULL), when sent: the invitees and the holding group's
	                            members (regulation № 44 on information groups §3.6.3) */
	STMT_INFORMED_MARK,      /* (meeting, person, at, user) → row when newly marked as told */
	STMT_SERIES_INSERT,      /* (title, kind, rule, description, user, now) */
	STMT_SERIES_MEETING_INSERT, /* (series, kind, title, territory, venue, starts, ends, host,
	                               description, now): one draft of a series */
	STMT_SERIES_LIST,        /* (scope) → id, title, kind name, meetings */
	STMT_SERIES_GET,         /* (id) → title, kind name */
	STMT_SERIES_MEETINGS,    /* (id) → meeting id, starts, place, status */
	STMT_PLACE_AGREEMENT_GET, /* (meeting) → kind, status, starts, place agreed at or NULL,
	                             who agreed, with whom */
	STMT_PLACE_AGREE,         /* (meeting, now, user, with whom) */
	STMT_PLACE_UNAGREED,      /* (now, starts before, scope) → id, title, starts of coming field
	                             meetings of information groups whose place is not agreed */
	STMT_DASH_DRAFTS,        /* (now, scope) → id, title, starts, kind of future drafts */
	STMT_DASH_UNANNOUNCED,   /* (now, scope) → approved or postponed, not yet announced */
	STMT_DASH_POLICE,        /* (now, threshold, scope) → large meetings without police notice */
	STMT_DASH_HELD,          /* (limit, -1 for all; scope; since, NULL for ever) → id, title,
	                            starts, signed 0/1, protocol exists 0/1, the kind's handover
	                            working days (0: no deadline) of held meetings whose protocol is
	                            not handed over yet — those without any protocol only when held
	                            since then (a personal reception only when it has a protocol),
	                            newest first */
	STMT_DASH_KIND_COUNT,    /* (kind, from, to, scope) → held, planned in the period */
	STMT_DASH_VIOLATIONS,    /* (now, scope) → id, title, starts of upcoming live meetings whose
	                            announcement deadline for their present start passed
	                            unannounced */
	STMT_DASH_GROUPS,        /* (from, to, scope) → id, name, held, planned field meetings */
	/* Reports (page_admin_reports.c); "off" is the municipality's UTC offset in seconds, for
	 * the local date of an instant. */
	STMT_REPORT_VIOLATIONS,  /* (from, to) → meeting id, title, start, status, deadline of each
	                            5-day rule violation of a start in the period */
	STMT_REPORT_EXCEPTIONS,  /* (from, to) → id, title, start, reason of meetings approved less
	                            than 5 days ahead as an exception */
	STMT_REPORT_ANSWERED_LATE, /* (from, to, off) → number, topic, 'answered' or 'forwarded', due,
	                            date done, days late, instant, id of appeals answered or
	                            forwarded in the period after their date due */
	STMT_REPORT_OPEN_OVERDUE, /* (today) → number, topic, due, days overdue of open appeals */
	STMT_REPORT_PROTOCOLS,   /* (from, to) → meeting id, title, start, protocol exists, signed,
	                            handed at (or NULL), the kind's handover working days (0: no
	                            deadline) of the meetings held in the period:
	                            all but personal receptions without one */
	STMT_REPORT_INSTRUCTIONS_LATE, /* (from date, to date, today, off) → id, text, unit, due,
	                            status, report date (or NULL), days late, meeting title, appeal
	                            number of instructions due in the period not executed by then */
	STMT_REPORT_APPEALS_CUBE, /* (previous year, year, off, today, municipality or NULL) →
	                            year, topic code, name (cut to the topic level), section
	                            code, name, territory id, name, source, outcome or 'open',
	                            timeliness category, count */
	STMT_REPORT_GROUPS,      /* (from, to, scope) → group, its territory, held meetings, attendance,
	                            appeals handed in at its meetings of the period, instructions
	                            given in their protocols (not cancelled), of them executed
	                            (accepted), territory id */
	STMT_REPORT_MONTHLY,     /* (from, to, scope) → topic code, name, received, answered, forwarded,
	                            left without an answer, still open — as of to */
	STMT_REPORT_GROUP_QUARTER, /* (quarter from, to, report part from, to) → group id, name,
	                            created at, held, held in the report part, planned */
	/* Open311 GeoReport v2 (open311.c; SQL and readers in db_account.c): published answers
	 * only. */
	STMT_OPEN311_SERVICES,   /* → code, name, level, parent's name, section's name */
	STMT_OPEN311_REQUESTS,   /* (from, to, status, codes, numbers, limit) → request columns */
	STMT_OPEN311_REQUEST,    /* (number) → request columns */
	/* The outbox (outbox.c). */
	STMT_OUTBOX_ADD,         /* (dedup key, channel, recipient, subject, body, unsubscribe url,
	                            purpose, meeting, announcement, now); nothing on a known key */
	/* The notifier's rules (notify_rules.c). */
	STMT_NOTIFY_UNANNOUNCED, /* (since) → approved or postponed meetings not announced, starting
	                            after since: id, starts, exception reason, has a place, kind */
	STMT_NOTIFY_VIOLATION_ADD, /* (meeting, rule, deadline, now, details, starts) → id, or no
	                              row when recorded before */
	STMT_NOTIFY_PREVIOUS,    /* (meeting) → starts, place, address of its last publication of
	                            place and time */
	STMT_NOTIFY_LAST_CHANGE, /* (meeting) → the id of its last meeting_change, NULL when none */
	STMT_NOTIFY_ANNOUNCEMENT_ADD, /* (meeting, kind, now, starts, ends, venue, kept, change)
	                                 → id */
	STMT_NOTIFY_MARK_ANNOUNCED, /* (meeting, now) */
	STMT_NOTIFY_CANCELLED,   /* () → cancelled meetings whose place and time were published and
	                            whose cancellation was not */
	STMT_NOTIFY_RECIPIENTS,  /* (meeting) → audience, e-mail, subscription token: the media
	                            list, invitees and members of the holding group (regulation
	                            № 44 on information groups §3.6.3), chosen reference groups,
	                            subscribers of its territory, of those above it and of those
	                            inside it */
	STMT_NOTIFY_STAFF_EMAILS, /* (",role,role,", meeting or NULL) → e-mail, body (0: the whole
	                             installation) of active staff with those roles, of the
	                             meeting's bodies when given */
	STMT_NOTIFY_DRAFTS_SOON, /* (now, until) → id, starts, '', 1, kind of drafts starting in
	                            between (the columns of STMT_NOTIFY_UNANNOUNCED) */
	STMT_NOTIFY_ANNOUNCED_SOON, /* (now, until) → id, starts of announced live meetings */
	STMT_NOTIFY_INVITEE_EMAILS, /* (meeting) → e-mail of invitees who have one */
	STMT_NOTIFY_POLICE_DUE,  /* (now, threshold) → id, starts of live meetings needing notice */
	STMT_NOTIFY_MARK_POLICE, /* (meeting, now) */
	STMT_NOTIFY_VENUE,       /* (meeting) → venue id or NULL */
	STMT_NOTIFY_APPEALS_DUE, /* (last due date) → number, answer due, executor's e-mail or '',
	                            municipality, its district or 0 of open appeals due by then,
	                            earliest first */
	STMT_NOTIFY_TITLE,       /* (meeting) → title, whatever its status */
	/* Delivery of the outbox (notify_deliver.c) and its admin page. */
	STMT_OUTBOX_DUE,         /* (now, limit) → id, channel, recipient, subject, body,
	                            unsubscribe url, attempts, created */
	STMT_OUTBOX_SENT,        /* (id, now) */
	STMT_OUTBOX_FAILED,      /* (id, attempts, next attempt, error, dead 0/1) */
	STMT_OUTBOX_TOTALS,      /* (scope) → pending, dead, mails not sent (pending or dead) */
	STMT_OUTBOX_PRESS_TOTALS, /* (press only 0/1, scope) → pending, dead, mails not sent;
	                             of press mail only if 1 */
	STMT_OUTBOX_DEAD_LIST,   /* (limit, press only 0/1, scope) → id, channel, recipient, subject,
	                            purpose, meeting, created, attempts, error, NULL: given up,
	                            newest first; only press mail (OUTBOX_PRESS_MAIL) if 1 */
	STMT_OUTBOX_RETRY_LIST,  /* (limit, press only, scope) → the same for pending messages that
	                            failed before */
	STMT_OUTBOX_SENT_LIST,   /* (limit, press only, scope) → the same for delivered ones, with sent_at */
	STMT_OUTBOX_STATE,       /* (id) → status, recipient, press mail 0/1 */
	STMT_OUTBOX_RETRY,       /* (id, now): dead → pending, due now, attempts from zero */
	STMT_OUTBOX_DISCARD,     /* (id): dead → discarded */
	STMT_OUTBOX_JSON,        /* (id) → status and recipient as JSON, for the audit log */
	/* The press office (page_press.c, page_admin_press.c, publication.c): their SQL and readers
	 * are in db_press.c, with the outbox's lists above; the notifier's (STMT_NOTIFY_*,
	 * STMT_OUTBOX_DUE, _SENT, _FAILED, STMT_LINK_TOKEN, STMT_*_LINKS_CREATE) in db_notify.c. */
	STMT_PRESS_UPCOMING,     /* (now, limit, meeting or NULL, municipality, its district) →
	                            announced meetings not yet ended, upcoming first, with their
	                            latest announcement and the one before it */
	STMT_PRESS_PAST,         /* (the same) → the ended ones, newest first */
	STMT_PRESS_UPCOMING_OF,  /* STMT_PRESS_UPCOMING on a municipality's page (municipality set) */
	STMT_PRESS_PAST_OF,      /* STMT_PRESS_PAST on a municipality's page (municipality set) */
	STMT_FEED_ANSWERS,       /* (limit) → appeal id, number, question, answer, published at,
	                            meeting id or 0, meeting title, 'answer', '': published answers;
	                            merged with the discussions announced (id, title, unit, '',
	                            announced_at, 0, '', 'discussion', closes_on) and concluded
	                            (…, conclusion, concluded_at, …, 'conclusion', closes_on);
	                            newest first */
	STMT_ANNOUNCEMENT_WEBHOOKS, /* (announcement) → how many webhook posts it has in the outbox */
	STMT_FEED_ENTRIES,       /* (limit, municipality, its district) → announcements (with what
	                            a change changed), cancellations and results, newest first */
	STMT_FEED_ENTRIES_OF,    /* STMT_FEED_ENTRIES of a municipality's feed (municipality set) */
	STMT_MEDIA_PLAN,         /* (from, to, now, scope) → meetings starting in [from, to), or ending
	                            from now when from is NULL, with their first and latest
	                            announcement; its kind code last */
	STMT_PUBLICATION_LIST,   /* (meeting) → every announcement, oldest first */
	STMT_PUBLICATION_CHANNELS, /* (announcement) → channel group, webhook name, messages, sent,
	                              dead, last sent */
	STMT_MEDIA_LIST,         /* (scope) → id, name, email, active, municipality_id, its name */
	STMT_MEDIA_GET,          /* (id) → name, email, active, municipality_id, its name */
	STMT_MEDIA_EMAIL_TAKEN,  /* (email, id to skip or NULL, municipality) → 1 when another
				  * contact of that municipality has it */
	STMT_MEDIA_INSERT,       /* (name, email, municipality) */
	STMT_MEDIA_UPDATE,       /* (id, name, email, municipality) */
	STMT_MEDIA_SET_ACTIVE,   /* (id, active) */
	STMT_MEDIA_JSON,         /* (id) → the row as JSON */
	/* Reference groups (page_admin_reference_groups.c; decree № 1617-па on reference groups)
	 * and their choice on a meeting. */
	STMT_REFGROUP_LIST,      /* (scope) → id, name, summary, members count, body's name */
	STMT_REFGROUP_OPTIONS,   /* (scope) → id, name, members count: checkboxes of the meeting,
	                            discussion and survey forms */
	STMT_REFGROUP_FOR_BODY,  /* (body, NULL: the own one) → id, name, members count: the
	                            groups of the body and of its district */
	STMT_REFGROUP_USABLE,    /* (group, territory, meeting, body) → 1 when the group is the
	                            record's body's or its district's (db_refgroup_usable) */
	STMT_REFGROUP_GET,       /* (id) → name, summary, body, body's name */
	STMT_REFGROUP_INSERT,    /* (name, summary, body) */
	STMT_REFGROUP_UPDATE,    /* (id, name, summary) */
	STMT_REFGROUP_JSON,      /* (id) → the group with its members as JSON */
	STMT_REFGROUP_MEMBERS,   /* (group) → name, organisation, email, consent given at, how,
	                            withdrawn at, how; in the order entered */
	STMT_REFGROUP_MEMBER_CLEAR, /* (group) */
	STMT_REFCONSENT_GET,     /* (email) → given at or NULL, how, withdrawn at or NULL, how */
	STMT_REFCONSENT_GIVE,    /* (email, now, how, user, new token): record consent, or record
	                            it anew (withdrawal undone) when how differs from the stored */
	STMT_REFCONSENT_BY_TOKEN, /* (token) → email, withdrawn at or NULL */
	STMT_REFCONSENT_WITHDRAW, /* (token, now, how) */
	STMT_REFGROUP_MEMBER_ADD, /* (group, name, organisation, email) */
	STMT_MEETING_REFGROUP_CLEAR, /* (meeting) */
	STMT_MEETING_REFGROUP_ADD, /* (meeting, group) */
	STMT_MEETING_REFGROUP_IDS, /* (meeting) → group ids */
	/* Residents' subscriptions (page_subscribe.c, page_account.c; db_account.c). */
	STMT_SUBSCRIPTION_FIND,  /* (email, territory or NULL) → id, token, status */
	STMT_SUBSCRIPTION_INSERT, /* (email, territory or NULL, token, now) */
	STMT_SUBSCRIPTION_RENEW, /* (id, token, now): an unsubscribed row pending again */
	STMT_SUBSCRIPTION_BY_TOKEN, /* (token) → id, email, territory name or NULL, status */
	STMT_SUBSCRIPTION_CONFIRM, /* (id, now): pending → active */
	STMT_SUBSCRIPTION_UNSUBSCRIBE, /* (id, now): pending or active → unsubscribed */
	STMT_OUTBOX_RECENT,      /* (key, other key, since) → 1 when either was queued since then */
	/* The production calendar (workdays.c, page_admin_calendar.c). */
	STMT_CALENDAR_YEARS,     /* () → year, source, updated at, stored days, provisional 0/1;
	                            by year */
	STMT_CALENDAR_DAYS,      /* () → day, kind of every stored day, by day */
	STMT_CALENDAR_YEAR_GET,  /* (year) → source, updated at, provisional 0/1 */
	STMT_CALENDAR_YEAR_DAYS, /* (year) → day, kind, note, by day */
	STMT_CALENDAR_YEAR_INSERT, /* (year, source, now, provisional 0/1) */
	STMT_CALENDAR_YEAR_UPDATE, /* (year, source, now, provisional 0/1) */
	STMT_CALENDAR_YEAR_TOUCH, /* (year, now): one of its days changed */
	STMT_CALENDAR_YEAR_JSON, /* (year) → the row as JSON */
	STMT_CALENDAR_DAY_SET,   /* (day, year, kind, note): insert, or change the day's kind and note */
	STMT_CALENDAR_DAY_DELETE, /* (day) */
	STMT_CALENDAR_DAY_JSON,  /* (YYYYMMDD as a number) → the row as JSON */
	/* Appeals (appeal.c, page_appeals.c; the SQL of those appeal.c runs is in db_appeal.c). */
	STMT_APPEAL_COUNTER_NEXT, /* (year) → the next appeal.seq of the year */
	STMT_APPEAL_INSERT,      /* (year, seq, number, code hash, source, addressee, unit, surname,
	                            name, patronymic, email, address, phone, territory, topic, text,
	                            consent at, received, registered, registered by, meeting,
	                            reception by, oral, oral answer, oral consent, answer due,
	                            forward due, municipality) → id */
	STMT_APPEAL_EVENT_ADD,   /* (appeal, at, user, action, note) */
	STMT_APPEAL_TOPIC_OPTIONS, /* () → code, name, level of active subjects and topics (levels
	                              2 and 3), in code order: the choice on appeal forms */
	STMT_APPEAL_TOPIC_ACTIVE, /* (code) → a row when it is an active subject or topic */
	STMT_APPEAL_FILE_ADD,    /* (appeal, file name, mime, size, sha256) */
	STMT_APPEAL_FILES,       /* (appeal) → id, file name, mime, size, sha256 */
	STMT_APPEAL_FILE_GET,    /* (file) → the appeal's executor, file name, mime, sha256 */
	STMT_APPEAL_BY_NUMBER,   /* (number) → id, code hash, status, received, registered, answer
	                            due, extended days, extension reason, forwarded to, forwarded
	                            at, answer, answered at, outcome, closed at (db_account.c) */
	/* The registry of appeals (page_admin_appeals.c; SQL in db_appeal.c). */
	STMT_APPEAL_LIST,        /* (status, source, territory, executor, due on or before,
	                            only overdue at, limit, FTS5 query, topic code with its
	                            children, scope) → id, number, registered, status,
	                            surname, name, patronymic, answer due, executor, source, unit,
	                            addressee, addressee unit, how the author was
	                            authenticated (esia, email, none), identity confirmed 0/1 */
	STMT_APPEAL_LIST_MATCHES, /* the same with a search query (?8) of few matches, driven by
	                             the search index: the same parameters and columns */
	STMT_APPEAL_MATCHES,      /* (FTS5 query, limit) → how many appeals it matches, up to
	                             limit */
	STMT_APPEAL_GET,         /* (id) → the appeal with its territory and executor names */
	STMT_APPEAL_EVENTS,      /* (id) → at, login or '', action, note; oldest first */
	STMT_APPEAL_ASSIGN,      /* (id, unit, executor) → the open appeal in work */
	STMT_APPEAL_FORWARD,     /* (id, body, now) */
	STMT_APPEAL_EXTEND,      /* (id, days, reason, new due): once */
	STMT_APPEAL_ANSWER,      /* (id, answer, now) */
	STMT_APPEAL_CLOSE,       /* (id, outcome, now, repeated of) */
	STMT_APPEAL_PUBLISH,     /* (id, question, answer, now) */
	STMT_APPEAL_ID_BY_NUMBER, /* (number) → id */
	STMT_TERRITORY_APPEAL_TOPICS, /* (territory, since) → topic, appeals, still open: appeals
	                                 registered since then in the territory and below it */
	STMT_TERRITORY_APPEAL_STATUS, /* (territory, since) → status, appeals */
	STMT_TERRITORY_APPEAL_OLDEST, /* (territory, limit) → number, registered, topic, answer due
	                                 of the oldest open appeals there */
	STMT_EXECUTOR_OPTIONS,   /* (scope) → id, name, role of active staff who may execute, of
	                            the account's bodies (STAFF_COLLEAGUE_SQL) */
	STMT_MEETING_OPTIONS_RECENT, /* (since, now) → id, title, starts of the meetings that took
	                              * place since (not cancelled, started by now) */
	STMT_APPEAL_MEETING,         /* (meeting) → starts_at, status */
	STMT_APPEAL_JSON,        /* (id) → the appeal's state as JSON for the audit record (no
	                            personal data), with the note of its last history step */
	STMT_APPEAL_MEETING_BODY, /* (meeting) → its municipality id */
	STMT_APPEAL_MEDIA_ADDRESSES, /* (appeal) → email of the active media contacts of its
	                                municipality and of that one's district, in the media
	                                list's order, each address once */
	STMT_ANSWERS_PUBLIC,     /* (limit, meeting or NULL, municipality or NULL) → number,
	                            territory, question, answer, published, meeting id or NULL,
	                            meeting title (db_account.c) */
	/* The thematic classifier of appeals (page_admin_topics.c). */
	STMT_TOPIC_TREE,         /* () → code, parent code, level, name, active, depth: depth first,
	                            siblings by sort then code */
	STMT_TOPIC_GET,          /* (code) → rowid, parent code, level, name, active, parent name */
	STMT_TOPIC_INSERT,       /* (code, parent code, level, name) */
	STMT_TOPIC_RENAME,       /* (rowid, name) */
	STMT_TOPIC_SET_ACTIVE,   /* (rowid, active 0/1) */
	STMT_TOPIC_JSON,         /* (rowid) → the row as JSON, for the audit log */
	/* Protocols of meetings and instructions: their SQL and readers are in db_protocol.c and
	 * db_instruction.c (STMT_PROTOCOL_*, STMT_INSTRUCTION_*);
	 * STMT_NOTIFY_INSTRUCTIONS_DUE is the notifier's (db_notify.c). */
	STMT_PROTOCOL_MEETING,   /* (meeting) → title, status, starts, place with address,
	                            attendance, host id, kind, the leader its group had when
	                            the meeting started (info_group_leader) or 0, the kind's
	                            protocol handover working days or 0, venue name or '',
	                            venue address or '' */
	STMT_PROTOCOL_GET,       /* (meeting) → id, number, held on, place, chair id, secretary id,
	                            attendance, decisions, photo url, video url, signed at, signer's
	                            name, handed at, name of who handed it over, chair name, chair
	                            position, secretary name, secretary position, whether the chair
	                            has an active account, revision, signed on paper 0/1 */
	STMT_PROTOCOL_INSERT,    /* (meeting, number, held on, place, chair, secretary, attendance,
	                            decisions, photo, video, now, user) */
	STMT_PROTOCOL_CHAIR_SETTER,     /* (id) → the account that named the chair, 0 if unknown */
	STMT_PROTOCOL_SET_CHAIR_SETTER, /* (id, account or NULL) */
	STMT_PROTOCOL_UPDATE,    /* (id, number, held on, place, chair, secretary, attendance,
	                            decisions, photo, video, now): a draft only */
	STMT_PROTOCOL_JSON,      /* (id) → the protocol with its officials and questions as JSON */
	STMT_PROTOCOL_OFFICIAL_CLEAR, /* (protocol) */
	STMT_PROTOCOL_OFFICIAL_ADD, /* (protocol, person) */
	STMT_PROTOCOL_OFFICIALS, /* (protocol) → person id, full name, position */
	STMT_PROTOCOL_QUESTION_CLEAR, /* (protocol) */
	STMT_PROTOCOL_QUESTION_ADD, /* (protocol, position, question, answer, published 0/1) */
	STMT_PROTOCOL_QUESTIONS, /* (protocol) → question, answer, published, in order */
	STMT_PROTOCOL_QUESTION_PUBLISH, /* (protocol, position, published 0/1) */
	STMT_PROTOCOL_SET_LINKS, /* (id, photo url, video url, now) */
	STMT_PROTOCOL_NUMBER_TAKEN, /* (number, protocol id or 0, year 'YYYY') → title of the
	                               meeting whose protocol of that year has the number */
	STMT_PROTOCOL_SYNC_ATTENDANCE, /* (protocol, now): the meeting's attendance becomes the
	                                  signed protocol's, when it states another */
	STMT_PROTOCOL_IN_FORCE,  /* (protocol) → id, text, due on, executor's e-mail ('' for a
	                            disabled account), controller's name, of its instructions not
	                            cancelled */
	STMT_PROTOCOL_SIGN,      /* (id, now, user, revision read, on paper 0/1): a draft still at
	                            that revision only */
	STMT_PROTOCOL_TOUCH,     /* (id, now): a draft's instructions changed, a new revision */
	STMT_PROTOCOL_HAND_OVER, /* (id, now, user): signed, not handed over yet */
	STMT_PROTOCOL_AMENDMENT_ADD, /* (protocol, now, user, text, reason, published 0/1) */
	STMT_PROTOCOL_AMENDMENTS, /* (protocol) → at, author's name, text, reason, published;
	                             oldest first */
	STMT_PROTOCOL_APPEALS,   /* (meeting) → id, number, topic name or '', status */
	STMT_PROTOCOL_INSTRUCTIONS, /* (protocol) → id, text, unit, due on, status, executor name */
	STMT_INSTRUCTION_INSERT, /* (protocol, appeal, text, executor, unit, controller, due on, now,
	                            user): its number is never one an instruction had before, even
	                            a deleted proposal (the audit log remembers those) */
	STMT_INSTRUCTION_EVENT_ADD, /* (instruction, now, user, status, note) */
	STMT_INSTRUCTION_LIST,   /* (executor, last due date of open ones, meeting, limit, staff
	                            member who executes or controls, first due date of open ones,
	                            offset, scope) → id, text, unit, due on, status, executor name, meeting
	                            id, meeting title, appeal number; in force only, by due date */
	STMT_INSTRUCTION_GET,    /* (id) → text, unit, due on, status, report, reason, executor id,
	                            executor name, controller id, controller name, meeting id,
	                            meeting title, appeal id, appeal number, created at, in force
	                            (not of an unsigned protocol), executor's e-mail, controller's
	                            e-mail, protocol id or 0 */
	STMT_INSTRUCTION_DELETE_EVENTS, /* (id): its history, before STMT_INSTRUCTION_DELETE */
	STMT_INSTRUCTION_DELETE, /* (id): an instruction of a draft protocol only */
	STMT_INSTRUCTION_MOVE,   /* (id, new status, old status, other old status, report or NULL,
	                            reason or NULL, now): one transition */
	STMT_INSTRUCTION_EVENTS, /* (id) → at, name of who, status, note; oldest first */
	STMT_INSTRUCTION_JSON,   /* (id) → the row as JSON */
	STMT_INSTRUCTION_EXECUTORS, /* (scope) → id, name, login of active staff with an e-mail who
	                               may execute, of the account's bodies (STAFF_COLLEAGUE_SQL) */
	STMT_INSTRUCTION_CONTROLLERS, /* (scope) → id, name, login of active controllers and admins,
	                                 of the account's bodies */
	STMT_INSTRUCTION_MEETINGS, /* (scope) → id, title, starts of meetings with a signed protocol */
	STMT_INSTRUCTION_PUBLIC, /* (meeting) → text, unit, due on, status of the instructions of
	                            its signed protocol */
	STMT_NOTIFY_INSTRUCTIONS_DUE, /* (last due date) → id, text, due on, executor's e-mail or
	                                 '', municipality, its district or 0 of open instructions
	                                 in force due by then */
	/* Residents (resident.c, oidc.c, page_account.c; sql/017_residents.sql). SQL and readers in
	 * db_account.c, but for STMT_OIDC_*, STMT_APPEAL_AUTHOR and STMT_REPORT_APPEALS_RESIDENTS. */
	STMT_RESIDENT_SESSION_GET, /* (token hash) → session id, csrf, created, seen, resident id,
	                              method, surname, name, patronymic, email, phone, address,
	                              confirmed, id_token of an open account */
	STMT_RESIDENT_SESSION_INSERT, /* (token hash, resident, csrf, now, id_token) */
	STMT_RESIDENT_SESSION_TOUCH, /* (id, now) */
	STMT_RESIDENT_SESSION_DELETE, /* (id) */
	STMT_RESIDENT_SESSION_DELETE_ALL, /* (resident) */
	STMT_RESIDENT_UPSERT,     /* (method, subject, surname, name, patronymic, email, phone,
	                             address, confirmed, now) → id; an e-mail sign-in keeps the data */
	STMT_RESIDENT_CLOSE,      /* (resident, now): the account's own data wiped, closed */
	STMT_RESIDENT_EXPORT,     /* (resident) → method, subject, surname, name, patronymic,
	                             email, phone, address, confirmed, created, last login */
	STMT_OIDC_PENDING_INSERT, /* (state hash, nonce, verifier, return_to, now) */
	STMT_OIDC_PENDING_TAKE,   /* (state hash) → nonce, verifier, return_to, created; deleted */
	STMT_OIDC_PENDING_PURGE,  /* (older than) */
	STMT_EMAIL_CODE_GET,      /* (email) → code hash, sent, expires, tries, return_to */
	STMT_EMAIL_CODE_PUT,      /* (email, code hash, now, expires, return_to): tries 0 */
	STMT_EMAIL_CODE_TRY,      /* (email): one more failed try */
	STMT_EMAIL_CODE_DELETE,   /* (email) */
	STMT_APPEAL_DRAFT_PUT,    /* (token hash, fields JSON, now) */
	STMT_APPEAL_DRAFT_TAKE,   /* (token hash, not before) → fields JSON; deleted */
	STMT_APPEAL_SET_AUTHOR,   /* (appeal, resident or NULL, auth method, confirmed) */
	STMT_ACCOUNT_APPEALS,     /* (resident, limit, offset) → id, number, status, registered,
	                             answer due, extended days, extension reason, forwarded to,
	                             forwarded at, answer, answered at, outcome, verdict, verdict
	                             comment, text, verdict at; newest first (a page of the
	                             account) */
	STMT_ACCOUNT_APPEAL_COUNT, /* (resident) → how many appeals the resident has */
	STMT_ACCOUNT_APPEAL_POSITION, /* (resident, appeal) → how many of the resident's appeals
	                                 come before it, newest first; no row when not theirs */
	STMT_ACCOUNT_EXPORT_APPEALS, /* (resident) → the columns of STMT_ACCOUNT_APPEALS, then auth
	                                method, auth confirmed, addressee, surname, name, patronymic,
	                                email, address, phone («Мои данные») */
	STMT_ACCOUNT_APPEAL_EVENTS, /* (resident) → appeal, at, action: the steps the applicant
	                               may see of each of the resident's appeals */
	STMT_ACCOUNT_PAGE_EVENTS, /* (resident, limit, offset) → the rows of
	                             STMT_ACCOUNT_APPEAL_EVENTS for the appeals of that page of
	                             STMT_ACCOUNT_APPEALS, by appeal */
	STMT_ACCOUNT_APPEAL_FILES, /* (resident, limit, offset) → appeal, file id, file name of the
	                              appeals of that page of STMT_ACCOUNT_APPEALS, by appeal */
	/* (resident) → id, discussion id, its title, point, text, status, refusal reason, outcome
	 * (NULL when none), outcome reason, created_at, 1 when the discussion is concluded; newest
	 * first */
	STMT_ACCOUNT_PROPOSALS,
	/* (resident) → slot_at, official's name, position, place, question, status, cancel reason,
	 * phone, e-mail, contact, created_at; newest reception first («Мои данные») */
	STMT_ACCOUNT_EXPORT_BOOKINGS,
	/* (resident) → survey title, question, answer (option label, scale value or text),
	 * updated_at; by response and question («Мои данные») */
	STMT_ACCOUNT_EXPORT_ANSWERS,
	STMT_APPEAL_VERDICT,      /* (appeal, resident, verdict, comment, now) — answered ones */
	STMT_APPEAL_AUTHOR,       /* (appeal) → resident id or NULL, auth method, auth confirmed,
	                             verdict, verdict comment, verdict at */
	STMT_REPORT_APPEALS_RESIDENTS, /* (previous year, year, municipality or NULL) → year, how
	                                  the author was authenticated, the verdict on the answer
	                                  ('none' without one, NULL when not answered), count */
	STMT_ACCOUNT_FILE_GET,    /* (file, resident) → file name, mime, sha256 of a file of the
	                             resident's own appeal */
	STMT_ACCOUNT_SUBSCRIPTIONS, /* (email) → id, territory name or NULL, status: not
	                               unsubscribed */
	STMT_ACCOUNT_SUBSCRIPTION_REMOVE, /* (id, email, now) */
	/* Public discussions of drafts (page_discussions.c, page_admin_discussions.c; issue 20). */
	STMT_DISCUSSION_INSERT,  /* (title, unit, body, form, meeting or NULL, territory or NULL,
	                            opens_on, closes_on, now, staff, body of a scoped account or
	                            NULL) */
	STMT_DISCUSSION_LIST,    /* (scope) → id, title, unit, opens_on, closes_on, territory name or
	                            NULL, concluded (0/1), published proposals, pending proposals;
	                            newest period first */
	STMT_DISCUSSION_GET,     /* (id) → title, unit, body, form, meeting id, territory name,
	                            opens_on, closes_on, conclusion, concluded_at, meeting title,
	                            meeting starts_at */
	STMT_DISCUSSION_JSON,    /* (id) → the row as JSON (without the draft's text) */
	STMT_DISCUSSION_CONCLUDE, /* (id, conclusion, now, staff): only when not concluded yet */
	STMT_DISCUSSION_OPEN_ITEMS, /* (id) → pending proposals, published ones without outcome */
	STMT_HEARING_OPTIONS,    /* () → id, title, starts_at: public hearings not
	                            cancelled, for the form of a draft */
	STMT_PROPOSAL_INSERT,    /* (discussion, resident, point, text, author, show_as, email, now) */
	STMT_PROPOSAL_RECENT,    /* (resident, since) → proposals the resident sent since then */
	STMT_PROPOSAL_LIST,      /* (discussion) → id, point, text, author, show_as, status,
	                            refusal_reason, outcome or NULL, outcome_reason, created_at;
	                            in order of arrival */
	STMT_PROPOSAL_GET,       /* (id) → discussion, status, email, text, outcome or NULL, the
	                            token of the participant link it came through or '' */
	STMT_PROPOSAL_MODERATE,  /* (id, status, reason, now, staff): only a pending one */
	STMT_PROPOSAL_OUTCOME,   /* (id, outcome, reason): a published one of a discussion not
	                            concluded */
	STMT_PROPOSAL_JSON,      /* (id) → the row as JSON */
	STMT_PROPOSAL_AUTHORS,   /* (discussion) → id, email, outcome, outcome_reason, text:
	                            published proposals with an address */
	STMT_DISCUSSION_GROUP_ADD, /* (discussion, reference group) */
	STMT_DISCUSSION_GROUPS,  /* (discussion) → id, name of its reference groups */
	STMT_NOTIFY_DISCUSSIONS_DUE, /* (today 'YYYY-MM-DD') → id, title, unit, opens_on, closes_on,
	                                form, territory name or NULL: open discussions not
	                                announced yet */
	STMT_NOTIFY_DISCUSSION_RECIPIENTS, /* (discussion) → audience (0 media, 2 reference, 3
	                                      subscriber), email, unsubscribe token */
	STMT_NOTIFY_DISCUSSION_ANNOUNCED, /* (discussion, now) */
	STMT_PRESS_DISCUSSIONS,  /* () → id, title, unit, opens_on, closes_on, territory name or
	                            NULL, concluded (0/1): announced discussions, newest first */
	STMT_DISCUSSION_FILE_ADD, /* (discussion, file name, mime, size, sha256) */
	STMT_DISCUSSION_FILES,   /* (discussion) → id, file name, mime, size */
	STMT_DISCUSSION_FILE_GET, /* (file) → file name, mime, sha256 */
	STMT_MEETING_DISCUSSIONS, /* (meeting) → id, title, concluded (0/1): the drafts discussed
	                             at a public hearing */
	/* Personal receptions (issue 17). */
	STMT_RECEPTION_SCHEDULE_INSERT, /* (series, person, venue, weekday, start minute, end minute,
	                                   slot minutes, topics, now, rule, ordinal, period from,
	                                   period to, title) */
	STMT_RECEPTION_INSERT,   /* (meeting, schedule or NULL, slot minutes, topics) */
	STMT_RECEPTION_SCHEDULE_LIST, /* (scope) → id, series, person, venue, weekday, start minute,
	                                 end minute, slot minutes, meetings */
	STMT_RECEPTION_SCHEDULE_JSON, /* (id) → the schedule as JSON, for the audit log */
	STMT_RECEPTION_UPCOMING, /* (since, scope) → meeting, starts, ends, status, person, venue, slot
	                            minutes, bookings not cancelled */
	STMT_RECEPTION_GET,      /* (meeting) → starts, ends, status, title, host id, host name,
	                            host position, venue name, venue address, slot minutes, topics */
	STMT_RECEPTION_TAKEN,    /* (meeting, now, resident or 0) → slots booked or held for others */
	STMT_BOOKING_ACTIVE_FOR_OFFICIAL, /* (resident, person, now) → id of an active future one */
	STMT_BOOKING_INSERT,     /* (meeting, slot, person, resident, name, phone, email, contact,
	                            question, token hash, staff user, now) */
	STMT_BOOKING_GET,        /* (id) → meeting, slot, resident, name, phone, email, contact,
	                            question, status, cancel reason, host name, venue name, venue
	                            address, slot minutes, meeting status */
	STMT_BOOKING_BY_TOKEN,   /* (token hash) → id */
	STMT_BOOKING_CANCEL,     /* (id, by, reason, now): only an active one */
	STMT_BOOKING_SET_VISIT,  /* (id, came|absent) */
	STMT_BOOKING_QUEUE,      /* (meeting) → id, slot, name, phone, contact, question, status,
	                            resident or 0, email, appeal or 0 */
	STMT_BOOKING_OF_RESIDENT, /* (resident) → id, slot, status, host name, venue, meeting */
	STMT_BOOKING_JSON,       /* (id) → the booking as JSON (no token), for the audit log */
	STMT_WAITING_INSERT,     /* (meeting, resident, email, now) */
	STMT_WAITING_NEXT,       /* (meeting) → id, email: the first still waiting */
	STMT_WAITING_OFFER,      /* (id, slot, until) */
	STMT_WAITING_BOOKED,     /* (meeting, resident) */
	STMT_BOOKING_SET_APPEAL, /* (booking, appeal) */
	STMT_WAITING_EXPIRED,    /* (now) → id, meeting, offered slot: offers whose time ran out */
	STMT_WAITING_EXPIRE,     /* (id) */
	STMT_SLOT_BOOKED,        /* (meeting, slot) → 1 when a booking not cancelled holds it */
	STMT_NOTIFY_BOOKINGS_SOON, /* (now, until) → booking, meeting, slot, email: active
	                              bookings with an address of approved receptions */
	STMT_REFERENCE_VERSION,
	STMT_APPEAL_SEARCH_PENDING, /* () → the last appeal indexed, the last of the next batch of
	                               at most 2,000 (NULL when none waits) */
	STMT_APPEAL_SEARCH_INDEX, /* (after, up to): those appeals into the search index */
	STMT_APPEAL_SEARCH_DONE,  /* (up to): the last appeal indexed */
	/* Surveys (page_surveys.c, page_admin_surveys.c, survey_view.c; issue 20). */
	STMT_SURVEY_INSERT,      /* (title, intro, audience, territory or NULL, opens_on, closes_on,
	                            results, preset, now, staff, body of a scoped account or
	                            NULL) */
	STMT_SURVEY_LIST,        /* (scope) → id, title, opens_on, closes_on, audience, territory name
	                            or NULL, results, responses; newest period first */
	STMT_SURVEY_GET,         /* (id) → title, intro, audience, territory name, opens_on,
	                            closes_on, results, preset */
	STMT_SURVEY_JSON,        /* (id) → the survey with its questions as JSON, for the audit */
	STMT_SURVEY_GROUP_ADD,   /* (survey, reference group) */
	STMT_SURVEY_GROUPS,      /* (survey) → id, name of its reference groups */
	STMT_SURVEY_QUESTION_ADD, /* (survey, position, kind, text, required) */
	STMT_SURVEY_OPTION_ADD,  /* (question, position, label) */
	STMT_SURVEY_QUESTIONS,   /* (survey) → id, position, kind, text, required */
	STMT_SURVEY_OPTIONS,     /* (survey) → question, position, label, in order */
	STMT_SURVEY_RESPONSE_UPSERT, /* (survey, resident, now) → response id, times sent in the
	                                hour's window: a new response or the resident's existing
	                                one, its answers to be replaced */
	STMT_SURVEY_ANSWERS_CLEAR, /* (response) */
	STMT_SURVEY_ANSWER_ADD,  /* (response, question, choice, text) */
	STMT_SURVEY_LINK_UPSERT, /* (survey, participant link, now) → response id, as above */
	STMT_SURVEY_MY_ANSWERS,  /* (survey, resident or NULL, link or NULL) → question, choice,
	                            text, updated_at */
	STMT_SURVEY_RESPONSES,   /* (survey) → responses */
	STMT_SURVEY_COUNTS,      /* (survey) → question, choice, answers (choice 0: free texts) */
	STMT_SURVEY_ANSWERED,    /* (survey) → question, responses that answered it */
	STMT_SURVEY_TEXTS,       /* (survey) → question, text: the free-text answers, staff only */
	STMT_SURVEY_PRESET_EXISTS, /* (preset) → 1 when a survey of that preset exists */
	/* Personal links of reference-group participants (issue 20 item 2). */
	STMT_LINK_BY_TOKEN,      /* (token) → id, kind, target, name, email, organisation */
	STMT_SURVEY_LINKS_CREATE, /* (survey, now): a link for each participant of its groups who
	                             has not withdrawn consent, unless they have one */
	STMT_DISCUSSION_LINKS_CREATE, /* (discussion, now): the same for a discussion */
	STMT_LINK_TOKEN,         /* (kind, target, email) → token */
	STMT_NOTIFY_SURVEYS_DUE, /* (today) → id, title, opens_on, closes_on: running surveys of
	                            reference groups whose links are not mailed yet */
	STMT_NOTIFY_SURVEY_LINKS, /* (survey) → email, name, link token, consent token or '' */
	STMT_NOTIFY_SURVEY_ANNOUNCED, /* (survey, now) */
	STMT_SURVEY_LINK_STATS,  /* (survey) → when the links were mailed or NULL, links, responses
	                            through links */
	STMT_PROPOSAL_LINK_INSERT, /* (discussion, link, point, text, author, show_as, email, now) */
	STMT_PROPOSAL_LINK_RECENT, /* (link, since) → proposals sent through the link since then */
	STMT_BOOKING_ACTIVE_OF_MEETING, /* (meeting) → id, slot, email: its active bookings */
	STMT_BOOKING_PARK,       /* (meeting): active slots negated, so a move cannot collide */
	STMT_BOOKING_UNPARK,     /* (meeting, seconds): parked slots back, moved by seconds */
	STMT_BOOKING_SET_TOKEN,  /* (id, token hash): a fresh link to cancel */
	STMT_WAITING_END,        /* (meeting): the waiting list of a cancelled reception ends */
	STMT_WAITING_SHIFT,      /* (meeting, seconds): held offers follow a moved reception */
	STMT_RECEPTION_SCHEDULE_GET, /* (id) → series, person, venue, weekday, start minute, end
	                                minute, slot minutes, topics, rule, ordinal, period from,
	                                period to, title */
	STMT_RECEPTION_SCHEDULE_UPDATE, /* (id, person, venue, weekday, start minute, end minute,
	                                   slot minutes, topics, rule, ordinal, from, to, title) */
	STMT_RECEPTION_SCHEDULE_MEETINGS, /* (schedule) → meeting, starts, ends, status, host or 0,
	                                     venue or 0, bookings not cancelled, all bookings */
	STMT_RECEPTION_DRAFT_DELETE, /* (meeting): a draft nothing refers to */
	STMT_RECEPTION_RETUNE,   /* (meeting, slot minutes, topics): a reception kept by an edited
	                            schedule takes its new slot length and topics (none booked) */
	STMT_RECEPTION_RETITLE,  /* (meeting, title): and a draft its new title */
	STMT_SLOT_UNAVAILABLE,   /* (meeting, slot, now, resident) → 1 when booked, or held from
	                            the waiting list for another resident */
	/* The plan of measures (issue 20 item 4, page_admin_plan.c, plan_status.c). */
	STMT_PLAN_MEASURE_INSERT, /* (item, text, periodicity, due_on or NULL, units, evidence,
	                             meeting kind or NULL, now, staff) */
	STMT_PLAN_MEASURE_LIST,  /* (id or 0 for all) → id, item, text, periodicity, due_on or '',
	                            units, evidence, meeting kind or '', kind name, evidence name */
	STMT_PLAN_MEASURE_JSON,  /* (id) → the measure as JSON, for the audit log */
	STMT_PLAN_EVIDENCE_KINDS, /* () → code, name */
	STMT_PLAN_RECORD_INSERT, /* (measure, done_on, note, file name, mime, size, sha256, now,
	                            staff) */
	STMT_PLAN_RECORD_JSON,   /* (id) → the record as JSON */
	STMT_PLAN_RECORD_GET,    /* (id) → file name, mime, sha256 */
	STMT_PLAN_RECORDS,       /* (measure) → id, done_on, note, file name, created_at, staff name */
	/* Evidence of a measure, one statement per kind, all bound alike (?1 measure, ?2 meeting
	 * kind, ?3 from UTC, ?4 to UTC exclusive, ?5 from date, ?6 to date; each uses those it
	 * needs: binding one past its last is refused and ignored) and with the same columns (id,
	 * title, UTC time or NULL, local date 'YYYY-MM-DD' or NULL), oldest first. */
	STMT_PLAN_EVIDENCE_MEETINGS, /* held meetings of the kind */
	STMT_PLAN_EVIDENCE_DISCUSSIONS, /* concluded discussions whose last day is in the period */
	STMT_PLAN_EVIDENCE_RECORDS, /* the measure's records entered by hand */
	/* Municipalities (issue 18; sql/025_municipalities.sql, db_municipality.c). */
	STMT_MUNICIPALITY_LIST,  /* () → id, kind, district id or 0, name, official name,
	                            administration, code, slug, head person id or 0, head's name,
	                            head's position, address, phone, email, reception hours, site,
	                            time zone, own; districts before their settlements */
	STMT_MUNICIPALITY_INSERT, /* (kind, district, name, official name, administration, code, slug,
	                             head, address, phone, email, reception hours, site, zone) */
	STMT_MUNICIPALITY_UPDATE, /* (id, then as STMT_MUNICIPALITY_INSERT) */
	STMT_MUNICIPALITY_JSON,  /* (id) → the municipality as JSON, for the audit log */
	STMT_MUNICIPALITY_CODE_USED, /* (code, except municipality) → 1 when an appeal of another
	                                municipality has a number with that code ('' : none) */
	STMT_MUNICIPALITY_MEETINGS, /* (municipality, district or NULL, now, limit) → the columns of
	                               MEETING_SUMMARY_COLUMNS: upcoming public meetings of the
	                               municipality and those of its district whose territory lies
	                               above one of its own */
	STMT_APPEAL_BODY_COUNTER_NEXT, /* (year, municipality) → the next number of its registry */
	STMT_MEETING_MUNICIPALITY, /* (meeting) → name, official name, slug, id of its municipality */
	STMT_TERRITORY_MUNICIPALITY, /* (territory) → its municipality id */
	STMT_REPORT_KIND_COUNT,      /* (kind, from, to, municipality, host) → held, planned */
	STMT_REPORT_BODY_GROUPS,     /* (municipality, before) → its information groups */
	STMT_MUNICIPALITY_TERRITORIES, /* (municipality) → ids of the territories that concern it */
	STMT__MAX
};

struct db {
	sqlite3 *conn;
	sqlite3_stmt *stmt[STMT__MAX]; /* prepared by db_prepare_all, NULL before */
	int busy_timeout_ms;           /* how long a writer waits for the lock (busy_wait) */
	struct group_commit group;     /* a worker's shared flushes (db_use_group_commit) */
	/* The statements db_stmt handed out since the last db_reset_used, each once. */
	unsigned short used[STMT__MAX];
	int used_count;
	bool is_used[STMT__MAX];
	int nesting; /* db_begin calls inside the outermost one (0: no transaction of db_begin) */
};

/* One statement as its table declares it. db_prepare_all compares columns with what SQLite
 * says the prepared statement returns, so a column dropped from the SQL, or one its reader
 * started to read, stops every program at start-up instead of being misread at run time. */
struct db_statement {
	const char *name; /* "STMT_…", for messages; NULL: not declared in this table */
	int columns;      /* result columns its reader reads; 0 for INSERT, UPDATE, DELETE… */
	const char *sql;  /* NULL in db_statement_columns: the SQL is db_statement_sql's */
};

/* A row of a statement table: [id] = {"id", columns, sql}. */
#define DB_STATEMENT(id, column_count, text) [id] = {#id, (column_count), (text)}

/* Open path with the portal's pragmas: WAL, synchronous=FULL (an accepted appeal is a legal
 * document and must survive power loss), foreign keys, busy timeout. create allows a new file.
 * Prints the reason and returns -1 on failure. */
int db_open(struct db *db, const char *path, int busy_timeout_ms, bool create);

/* Prepare every statement of enum stmt once (SQLITE_PREPARE_PERSISTENT), from the tables
 * db_statements_declared merges, checking each one's result columns. -1 with a message naming
 * the statement when the schema does not match the code. */
int db_prepare_all(struct db *db);

/* Every statement of enum stmt as declared: the SQL of db_statement_sql with its count from
 * db_statement_columns (db_statements.c), or the row of a storage file's table (db_protocol.c,
 * db_instruction.c). 0; -1 with a message naming it when a statement is declared twice. A
 * statement declared nowhere is left with name NULL, for db_prepare_statements to refuse. */
int db_statements_declared(struct db_statement out[STMT__MAX]);

/* Prepare statements[0 .. STMT__MAX) into db->stmt, each checked: declared with a name, SQL
 * and a column count, and sqlite3_column_count equal to that count. 0; -1 with a message on
 * stderr naming the statement (and both counts when they differ), the statements prepared so
 * far left for db_close. */
int db_prepare_statements(struct db *db, const struct db_statement statements[STMT__MAX]);

/* The statement ready for binding (reset, bindings cleared). Callers step it and then call
 * db_done, which resets it so it does not pin a read snapshot of the WAL. */
sqlite3_stmt *db_stmt(struct db *db, enum stmt which);
void db_done(sqlite3_stmt *stmt);

/* Reset every statement db_stmt handed out since the last call: after a request, none may keep
 * a WAL snapshot open. Only those used are touched (a page uses a dozen of several hundred). */
void db_reset_used(struct db *db);

/* Column col of the current row as text copied into the arena, "" for NULL. */
const char *db_text(struct arena *a, sqlite3_stmt *stmt, int col);

/* The reader of one row of a statement: fills *row (a struct of the storage file's) from the
 * current row of s, text copied into a. */
typedef void db_row_reader(struct arena *a, sqlite3_stmt *s, void *row);

/* Step the bound statement s to its end, each row read by read into a new element of size bytes
 * (zero-filled first); rows_out (a T **) gets the array in the arena, *count its length. s is
 * reset. 0, or -1 with the connection's error logged under what. */
int db_read_rows(struct db *db, struct arena *a, sqlite3_stmt *s, size_t size,
		 db_row_reader *read, void *rows_out, size_t *count, const char *what);

/* Step the bound statement s, which yields at most one row, into read (when it is not NULL):
 * 0 with the row read, 1 when there is none, -1 with the connection's error logged under what.
 * s is reset. */
int db_read_one(struct db *db, struct arena *a, sqlite3_stmt *s, db_row_reader *read, void *row,
		const char *what);

/* The count that sql (a constant "SELECT count(*) FROM …") returns, prepared for this once:
 * for portal-admin before the schema is known to match the statements. -1 on error. */
long long db_count(struct db *db, const char *sql);

/* PRAGMA data_version of the connection (it changes when another connection commits), -1 on
 * error. */
long long db_data_version(struct db *db);

/* The db_row_reader of a statement whose first column is an integer (an id, a count): row is a
 * long long. */
void db_read_int64(struct arena *a, sqlite3_stmt *s, void *row);

/* Step the bound statement s, which yields at most one row, its first column into *out: 0, 1
 * when there is none (*out 0), -1 with the connection's error logged under what. s is reset. */
int db_read_int64_one(struct db *db, sqlite3_stmt *s, long long *out, const char *what);

/* Step a bound write statement once and reset it; the SQLite result code (SQLITE_DONE, or the
 * extended code of a failure such as SQLITE_CONSTRAINT_UNIQUE). */
int db_run(sqlite3_stmt *stmt);

/* Finalize statements and close. */
void db_close(struct db *db);

/* The schema version (PRAGMA user_version) and the highest migration number in sql_dir. */
int db_schema_version(struct db *db);
int db_latest_migration(const char *sql_dir);

/* Apply sql_dir/NNN_*.sql above the current version, each in its own transaction together with
 * its version bump, so a failed migration leaves the previous version intact. Returns the number
 * applied, or -1. */
int db_migrate(struct db *db, const char *sql_dir);

/* Run a file of SQL in one transaction (demo data). */
int db_exec_file(struct db *db, const char *path);

/* Transactions of a request that writes: BEGIN IMMEDIATE takes the write lock at once, so a
 * concurrent writer waits (busy timeout) instead of failing half-way. A db_begin inside one
 * already begun (a route of ROUTE_ONE_TRANSACTION, router.h) only counts: its db_commit is the
 * outer transaction's to make; a db_rollback anywhere rolls back the whole. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* One read transaction around a page's queries: they all see one snapshot, and SQLite takes the
 * WAL's read lock once instead of once per statement. Starts one only outside a transaction
 * (true when it did); db_read_end ends what db_read_begin started. */
bool db_read_begin(struct db *db);
void db_read_end(struct db *db, bool started);

/* For the workers: commit with synchronous=NORMAL and make commits durable in groups
 * (group_commit.h), writers queued by the kernel. Automatic checkpoints only past 10,000 pages
 * of WAL: the supervisor checkpoints every second (db_checkpoint), off the requests' path.
 * 0; -1 with a message when the commit file cannot be used (FULL stays). */
int db_use_group_commit(struct db *db, const char *path);

/* Before answering a request that wrote: everything this connection committed is on the
 * disk. 0, or -1 when the flush failed. Without group commit, COMMIT already flushed. */
int db_durable(struct db *db);

/* Copy what the WAL holds into the database as far as no reader needs it (PASSIVE: never
 * waits for anyone). 0, or -1 with a message. */
int db_checkpoint(struct db *db);

/* Log the connection's last error with a context. */
void db_log_error(struct db *db, const char *context);

#endif
